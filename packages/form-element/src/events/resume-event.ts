/** Fired when a saved draft was restored into the form. */
export class UnionJoinResumeEvent extends Event {
  /** The event's type, for `addEventListener`. */
  static readonly eventName = 'union-join-resume';
  /** When the restored draft was saved (ISO 8601), if known. */
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
