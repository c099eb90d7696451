/** Fired when the backend has accepted the application; `detail.id` is its reference. */
export class UnionJoinSuccessEvent extends Event {
  /** The event's type, for `addEventListener`. */
  static readonly eventName = 'union-join-success';
  /** The reference the backend gave the application, and when it was received. */
  readonly detail: { readonly id: string; readonly receivedAt?: string };

  constructor(id: string, receivedAt?: string) {
    super(UnionJoinSuccessEvent.eventName, { bubbles: true, composed: true });
    this.detail = receivedAt === undefined ? { id } : { id, receivedAt };
  }
}

declare global {
  interface HTMLElementEventMap {
    'union-join-success': UnionJoinSuccessEvent;
  }
}
