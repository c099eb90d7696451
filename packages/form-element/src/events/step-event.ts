/** Detail of {@link UnionJoinStepEvent}: which view is now shown. */
export interface UnionJoinStepDetail {
  /** The step id, or `review`, `confirmation` or `ineligible` for the pages that are not steps. */
  readonly step: string;
  /** Zero-based position among the visible steps; -1 for the pages that are not steps. */
  readonly index: number;
  /** Number of visible steps at the moment the view was shown. */
  readonly total: number;
}

/** Fired when a step (or the review, confirmation or ineligible page) is shown. */
export class UnionJoinStepEvent extends Event {
  /** The event's type, for `addEventListener`. */
  static readonly eventName = 'union-join-step';
  /** Which view is shown, and where it stands among the visible steps. */
  readonly detail: UnionJoinStepDetail;

  constructor(detail: UnionJoinStepDetail) {
    super(UnionJoinStepEvent.eventName, { bubbles: true, composed: true });
    this.detail = detail;
  }
}

declare global {
  interface HTMLElementEventMap {
    'union-join-step': UnionJoinStepEvent;
  }
}
