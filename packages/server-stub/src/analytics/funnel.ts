import {
  resolveText,
  translations,
  type FormDefinition,
  type StepDefinition,
} from '@union-join/sdk';
import {
  REVIEW_STEP_ID,
  SUBMIT_FAILURE_REASONS,
  type AnalyticsEventType,
  type SubmitFailureReason,
} from '@union-join/sdk/analytics';
import type { FunnelTotals } from '../storage/analytics-storage.ts';
import { medianBucket, type DurationRange } from './duration-buckets.ts';
import { ALL_STEPS } from './rollup.ts';

/** Counts below this are reported as "<5", and no percentage is computed from them. */
export const MIN_REPORTED_COUNT = 5;

/** The text a suppressed count is reported as. */
export const SUPPRESSED = '<5';

/** A count as reported: the number, or "<5" when it is below {@link MIN_REPORTED_COUNT}. */
export type ReportedCount = number | typeof SUPPRESSED;

/** Most fields, and codes per field, listed under a step's top validation errors. */
const TOP_FIELDS = 5;
const TOP_CODES = 3;

/** Flows that failed one check on one field. */
export interface FunnelErrorCode {
  code: string;
  flows: ReportedCount;
}

/** The checks that stopped applicants most often on one field. */
export interface FunnelFieldErrors {
  field: string;
  label: string;
  codes: FunnelErrorCode[];
}

/** One row of the funnel: a step of the definition, or the review page. */
export interface FunnelStep {
  id: string;
  title: string;
  /** Every field has `showIf`: only some applicants reach this step, by design. */
  conditional: boolean;
  /** Flows that reached (viewed) the step. */
  viewed: ReportedCount;
  /** Flows that completed it (pressed Continue, or Send on the last page, without errors). */
  completed: ReportedCount;
  /** Flows that reached it but never completed it. */
  dropOff: ReportedCount;
  /** `viewed` as a share of the flows that started the form. */
  conversionFromStart: number | null;
  /** `completed` as a share of `viewed`: of those who reached the step, how many went on. */
  stepConversion: number | null;
  /** `dropOff` as a share of `viewed`. */
  dropOffRate: number | null;
  /** Median time from first seeing the step to first completing it, as a histogram bucket. */
  medianTime: DurationRange | null;
  topErrors: FunnelFieldErrors[];
}

/** Started and finished flows of one device class or locale. */
export interface FunnelSegment {
  value: string;
  started: ReportedCount;
  finished: ReportedCount;
  conversion: number | null;
}

/** The aggregate funnel of one form over a range of days. */
export interface FunnelReport {
  formId: string;
  /** The definition version the steps are listed from. */
  formVersion: number;
  /** Versions with data in the range. */
  versions: number[];
  /** First and last UTC day of the range, inclusive. */
  from: string;
  to: string;
  minimumCount: number;
  /** Flows that viewed any step. */
  started: ReportedCount;
  /** Flows that sent the application or saved it to send when back online. */
  finished: ReportedCount;
  /** `finished` as a share of `started`. */
  conversion: number | null;
  steps: FunnelStep[];
  outcomes: {
    submitted: ReportedCount;
    queuedOffline: ReportedCount;
    submitFailed: ReportedCount;
    failureReasons: Record<SubmitFailureReason, ReportedCount>;
    ineligible: ReportedCount;
    draftResumed: ReportedCount;
  };
  segments: { device: FunnelSegment[]; locale: FunnelSegment[] };
}

/** A count as it may be shown. */
export function reportCount(count: number): ReportedCount {
  return count < MIN_REPORTED_COUNT ? SUPPRESSED : count;
}

/**
 * `part / whole` rounded to 0.001, or null when either is below {@link MIN_REPORTED_COUNT}: a
 * share of a small whole says too much about too few, and a share of a known whole would give a
 * suppressed part away.
 */
export function reportRate(part: number, whole: number): number | null {
  if (whole < MIN_REPORTED_COUNT || part < MIN_REPORTED_COUNT) return null;
  return Math.round((part / whole) * 1000) / 1000;
}

/** Orders by count, treating every count below the threshold alike so the order reveals nothing. */
function bySize<T>(count: (item: T) => number, name: (item: T) => string) {
  return (a: T, b: T) => {
    const size = (item: T) => (count(item) < MIN_REPORTED_COUNT ? 0 : count(item));
    return size(b) - size(a) || name(a).localeCompare(name(b));
  };
}

/**
 * Builds the funnel report from summed daily aggregates: one row per step of the definition, in
 * definition order, then the review page. Every figure counts flows that reached the step, so a
 * step that `showIf` hides from some applicants is not shown as losing them.
 *
 * @example
 * const totals = await storage.analytics.funnelTotals(form.id, '2025-03-01', '2025-03-31');
 * const report = buildFunnel(form.definition, totals, { from: '2025-03-01', to: '2025-03-31' });
 */
export function buildFunnel(
  definition: FormDefinition,
  totals: FunnelTotals,
  range: { from: string; to: string },
): FunnelReport {
  const locale = definition.locales[0] ?? 'en';
  const flows = (step: string, type: AnalyticsEventType, detail = '') =>
    totals.steps.find((c) => c.step === step && c.type === type && c.detail === detail)?.flows ?? 0;
  const started = flows(ALL_STEPS, 'step_view');
  const finishedCount = totals.segments
    .filter((segment) => segment.dimension === 'device')
    .reduce((sum, segment) => sum + segment.finished, 0);

  const stepRow = (id: string, title: string, step: StepDefinition | undefined): FunnelStep => {
    const viewed = flows(id, 'step_view');
    const completed = Math.min(flows(id, 'step_complete'), viewed);
    const dropOff = viewed - completed;
    const histogram = new Map<number, number>();
    for (const duration of totals.durations) {
      if (duration.step === id) histogram.set(duration.bucket, duration.flows);
    }
    const fieldLabel = (fieldId: string) => {
      const field = (step ? [step] : definition.steps)
        .flatMap((s) => s.fields)
        .find((f) => f.id === fieldId);
      return field ? resolveText(field.label, locale, definition.locales) : fieldId;
    };
    const errorsByField = new Map<string, { code: string; flows: number }[]>();
    const maxByField = new Map<string, number>();
    for (const error of totals.fieldErrors) {
      if (error.step !== id) continue;
      const codes = errorsByField.get(error.field) ?? [];
      codes.push({ code: error.code, flows: error.flows });
      errorsByField.set(error.field, codes);
      maxByField.set(error.field, Math.max(maxByField.get(error.field) ?? 0, error.flows));
    }
    const topErrors = [...errorsByField.keys()]
      .sort(
        bySize(
          (field) => maxByField.get(field) ?? 0,
          (field) => field,
        ),
      )
      .slice(0, TOP_FIELDS)
      .map((field) => ({
        field,
        label: fieldLabel(field),
        codes: (errorsByField.get(field) ?? [])
          .sort(
            bySize(
              (c) => c.flows,
              (c) => c.code,
            ),
          )
          .slice(0, TOP_CODES)
          .map((c) => ({ code: c.code, flows: reportCount(c.flows) })),
      }));
    return {
      id,
      title,
      conditional: step ? step.fields.every((field) => field.showIf !== undefined) : false,
      viewed: reportCount(viewed),
      completed: reportCount(completed),
      dropOff: reportCount(dropOff),
      conversionFromStart: reportRate(viewed, started),
      stepConversion: reportRate(completed, viewed),
      dropOffRate: reportRate(dropOff, viewed),
      medianTime: medianBucket(histogram, MIN_REPORTED_COUNT),
      topErrors,
    };
  };

  const steps = definition.steps.map((step) =>
    stepRow(step.id, resolveText(step.title, locale, definition.locales), step),
  );
  if (definition.review) {
    steps.push(stepRow(REVIEW_STEP_ID, translations[locale].checkYourAnswers, undefined));
  }

  const segments = (dimension: 'device' | 'locale'): FunnelSegment[] =>
    totals.segments
      .filter((segment) => segment.dimension === dimension)
      .sort(
        bySize(
          (s) => s.started,
          (s) => s.value,
        ),
      )
      .map((segment) => ({
        value: segment.value,
        started: reportCount(segment.started),
        finished: reportCount(segment.finished),
        conversion: reportRate(segment.finished, segment.started),
      }));

  return {
    formId: definition.id,
    formVersion: definition.version,
    versions: totals.versions,
    from: range.from,
    to: range.to,
    minimumCount: MIN_REPORTED_COUNT,
    started: reportCount(started),
    finished: reportCount(finishedCount),
    conversion: reportRate(finishedCount, started),
    steps,
    outcomes: {
      submitted: reportCount(flows(ALL_STEPS, 'submit_success')),
      queuedOffline: reportCount(flows(ALL_STEPS, 'queued_offline')),
      submitFailed: reportCount(flows(ALL_STEPS, 'submit_failure')),
      failureReasons: Object.fromEntries(
        SUBMIT_FAILURE_REASONS.map((reason) => [
          reason,
          reportCount(flows(ALL_STEPS, 'submit_failure', reason)),
        ]),
      ) as Record<SubmitFailureReason, ReportedCount>,
      ineligible: reportCount(flows(ALL_STEPS, 'ineligible')),
      draftResumed: reportCount(flows(ALL_STEPS, 'draft_resumed')),
    },
    segments: { device: segments('device'), locale: segments('locale') },
  };
}
