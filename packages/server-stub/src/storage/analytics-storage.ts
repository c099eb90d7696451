// Persistence of step analytics: raw events for at most a day or so, then daily aggregates only.
// Like Storage, everything is async so a networked database can implement it.
import type { AnalyticsEvent } from '@union-join/sdk/analytics';

/** A stored raw event: exactly the schema's properties plus the server's hour stamp. */
export type RawAnalyticsEvent = AnalyticsEvent & {
  /** Start of the UTC hour the server received the event in, in ms since the epoch. */
  hour: number;
};

/** Why the server did not keep an event that passed the schema. */
export type DropReason =
  'unknown_form' | 'unknown_version' | 'unknown_step' | 'unknown_field' | 'duplicate';

/** Every {@link DropReason}, for reports. */
export const DROP_REASONS: readonly DropReason[] = [
  'unknown_form',
  'unknown_version',
  'unknown_step',
  'unknown_field',
  'duplicate',
];

/** Per step and event type: how many flows had the event, and how many events there were. */
export interface StepCount {
  step: string;
  type: AnalyticsEvent['type'];
  /** Empty, except on the per-form `submit_failure` rows, which carry the reason. */
  detail: string;
  flows: number;
  events: number;
}

/** Flows (and events) that failed one check on one field. */
export interface FieldErrorCount {
  step: string;
  field: string;
  code: string;
  flows: number;
  events: number;
}

/** Time-on-step samples in one histogram bucket (bucket = its lower bound in seconds). */
export interface DurationCount {
  step: string;
  bucket: number;
  flows: number;
}

/** Flows that started, and that finished (sent or queued), by device class or by locale. */
export interface SegmentCount {
  dimension: 'device' | 'locale';
  value: string;
  started: number;
  finished: number;
}

/** Increments for one day of one form version, as produced by rolling up flows. */
export interface DailyIncrements {
  /** UTC date, `YYYY-MM-DD`. */
  day: string;
  formId: string;
  formVersion: number;
  steps: StepCount[];
  fieldErrors: FieldErrorCount[];
  segments: SegmentCount[];
}

/** One time-on-step sample, measured by the server at ingest and added straight to the histogram. */
export interface DurationSample {
  day: string;
  formId: string;
  formVersion: number;
  step: string;
  bucket: number;
}

/** When raw flows are due for rollup (all times in ms since the epoch). */
export interface RollupCutoffs {
  /** Flows whose latest event's hour is before this are finished and rolled up. */
  settledBefore: number;
  /** Flows with any event whose hour is before this are rolled up whatever their state. */
  forceBefore: number;
}

/** What one rollup did. */
export interface RollupResult {
  flows: number;
  events: number;
}

/** Daily aggregates of one form summed over an inclusive range of days and every version. */
export interface FunnelTotals {
  steps: StepCount[];
  fieldErrors: FieldErrorCount[];
  durations: DurationCount[];
  segments: SegmentCount[];
  /** Form versions that contributed, ascending. */
  versions: number[];
}

/** Storage of step analytics. */
export interface AnalyticsStorage {
  /**
   * Stores raw events stamped with `hour`; an event whose flow and seq are already stored is
   * skipped. Returns the events stored, in input order.
   */
  insertRawEvents(events: readonly AnalyticsEvent[], hour: number): Promise<AnalyticsEvent[]>;
  /** Adds to the per-day count of events dropped for `reason`. */
  countDropped(day: string, reason: DropReason, events: number): Promise<void>;
  /** Adds time-on-step samples to the daily histograms. */
  addDurations(samples: readonly DurationSample[]): Promise<void>;
  /**
   * In one transaction: hands every due flow's raw events (sorted by seq) to `summarise`, adds
   * the increments it returns to the daily aggregates and deletes those raw events.
   */
  rollUp(
    cutoffs: RollupCutoffs,
    summarise: (events: RawAnalyticsEvent[]) => DailyIncrements,
  ): Promise<RollupResult>;
  /** Aggregates of one form over `fromDay`..`toDay` (inclusive, `YYYY-MM-DD`). */
  funnelTotals(formId: string, fromDay: string, toDay: string): Promise<FunnelTotals>;
  /** Dropped events by reason over `fromDay`..`toDay`. */
  droppedTotals(fromDay: string, toDay: string): Promise<Partial<Record<DropReason, number>>>;
  /** Raw events currently stored (for checks and tests: the rollup must empty this). */
  rawEvents(): Promise<RawAnalyticsEvent[]>;
}
