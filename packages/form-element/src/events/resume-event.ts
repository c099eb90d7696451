/** Fired when a saved draft was restored into the form. */
export class UnionJoinResumeEvent extends Event {
  static readonly eventName = 'union-join-resume';
  readonly detail: { readonly savedAt?: string };

  constructor(savedAt?: string) {
    super(UnionJoinResumeEvent.eventName, { bubbles: true, composed: true });
    this.detail = savedAt === undefined ? {} : { savedAt };
  }
}

declare global {
  interface HTMLElementEventMap {
    'union-join-resume': UnionJoinResumeEvent;
  }
}
