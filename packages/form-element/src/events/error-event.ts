/** What went wrong, as a stable code a page can switch on (never an answer value). */
export const UnionJoinErrorKind = {
  /** The form definition could not be fetched (404, network). */
  load: 'load',
  /** The form definition was fetched or set but is not valid. */
  definition: 'definition',
  /** The backend rejected the application (422); the issues are shown on the fields. */
  validation: 'validation',
  /** The application could not be delivered (network, timeout, 5xx, 429). */
  submit: 'submit',
} as const;

/** One of {@link UnionJoinErrorKind}'s values. */
export type UnionJoinErrorKind = (typeof UnionJoinErrorKind)[keyof typeof UnionJoinErrorKind];

/** Fired when loading the form or sending the application fails; `detail.error` is the cause. */
export class UnionJoinErrorEvent extends Event {
  /** The event's type, for `addEventListener`. */
  static readonly eventName = 'union-join-error';
  /** What failed (`load`, `definition`, `validation` or `submit`) and the error, for logs. */
  readonly detail: { readonly kind: UnionJoinErrorKind; readonly error: unknown };

  constructor(kind: UnionJoinErrorKind, error: unknown) {
    super(UnionJoinErrorEvent.eventName, { bubbles: true, composed: true });
    this.detail = { kind, error };
  }
}

declare global {
  interface HTMLElementEventMap {
    'union-join-error': UnionJoinErrorEvent;
  }
}
