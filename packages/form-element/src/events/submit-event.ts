import type { Application } from '@union-join/sdk';

/**
 * Fired before the application is sent. Cancelable: `preventDefault()` stops the element from
 * sending, so a page can hand the application to its own code instead.
 */
export class UnionJoinSubmitEvent extends Event {
  /** The event's type, for `addEventListener`. */
  static readonly eventName = 'union-join-submit';
  /** A copy of the application about to be sent: changing it changes nothing that is sent. */
  readonly detail: { readonly application: Application };

  constructor(application: Application) {
    super(UnionJoinSubmitEvent.eventName, { bubbles: true, composed: true, cancelable: true });
    this.detail = { application };
  }
}

declare global {
  interface HTMLElementEventMap {
    'union-join-submit': UnionJoinSubmitEvent;
  }
}
