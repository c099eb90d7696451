/** Fired when an application was saved on the device and will be sent once the browser is online. */
export class UnionJoinQueuedEvent extends Event {
  /** The event's type, for `addEventListener`. */
  static readonly eventName = 'union-join-queued';
  /** The key the queued application will be sent with, so a backend can match it up. */
  readonly detail: { readonly idempotencyKey: string };

  constructor(idempotencyKey: string) {
    super(UnionJoinQueuedEvent.eventName, { bubbles: true, composed: true });
    this.detail = { idempotencyKey };
  }
}

declare global {
  interface HTMLElementEventMap {
    'union-join-queued': UnionJoinQueuedEvent;
  }
}
