import type {
  AnalyticsStorage,
  DailyIncrements,
  FieldErrorCount,
  RawAnalyticsEvent,
  RollupResult,
  SegmentCount,
  StepCount,
} from '../storage/analytics-storage.ts';
import { DAY_MS, HOUR_MS, hourStart, utcDay } from './utc-time.ts';

/**
 * Step name of the per-form totals rows: flows with an event of that type on any step (and, for
 * `submit_failure`, one row per reason in `detail`).
 */
export const ALL_STEPS = '*';

/** A flow idle for this long (counted in whole hours) is treated as finished. */
const SETTLE_MS = HOUR_MS;

/**
 * Raw events are rolled up at the latest once their hour is this old, even if the flow looks
 * active; with an hourly job that keeps every raw event well under 48 hours.
 */
const FORCE_MS = DAY_MS;

/**
 * Turns one flow's raw events (one form version, sorted by seq) into daily increments. The flow
 * counts once, on the UTC day of its first event, so summing days never counts a flow twice.
 */
export function summariseFlow(events: readonly RawAnalyticsEvent[]): DailyIncrements {
  const first = events[0];
  if (!first) throw new RangeError('a flow has at least one event');
  const steps = new Map<string, StepCount>();
  const fieldErrors = new Map<string, FieldErrorCount>();
  const bump = (step: string, event: RawAnalyticsEvent, detail: string) => {
    const key = `${step}\u0000${event.type}\u0000${detail}`;
    const count = steps.get(key) ?? { step, type: event.type, detail, flows: 1, events: 0 };
    count.events += 1;
    steps.set(key, count);
  };
  let firstHour = first.hour;
  for (const event of events) {
    firstHour = Math.min(firstHour, event.hour);
    bump(event.step, event, '');
    bump(ALL_STEPS, event, '');
    if (event.type === 'submit_failure') bump(ALL_STEPS, event, event.reason);
    if (event.type !== 'validation_error') continue;
    for (const [field, codes] of Object.entries(event.fields)) {
      for (const code of codes) {
        const key = `${event.step}\u0000${field}\u0000${code}`;
        const count = fieldErrors.get(key) ?? {
          step: event.step,
          field,
          code,
          flows: 1,
          events: 0,
        };
        count.events += 1;
        fieldErrors.set(key, count);
      }
    }
  }
  const started = events.some((event) => event.type === 'step_view') ? 1 : 0;
  const finished = events.some((e) => e.type === 'submit_success' || e.type === 'queued_offline')
    ? 1
    : 0;
  const segments: SegmentCount[] =
    started + finished === 0
      ? []
      : [
          { dimension: 'device', value: first.device, started, finished },
          { dimension: 'locale', value: first.locale, started, finished },
        ];
  return {
    day: utcDay(firstHour),
    formId: first.form,
    formVersion: first.formVersion,
    steps: [...steps.values()],
    fieldErrors: [...fieldErrors.values()],
    segments,
  };
}

/**
 * Rolls finished flows into the daily aggregates and deletes their raw events. A flow is finished
 * when its latest event is from before the previous hour; any raw event from more than a day ago
 * is rolled up regardless, so nothing raw outlives 48 hours even if the job missed runs.
 *
 * @example
 * await rollUpAnalytics(storage.analytics, clock.now());
 */
export async function rollUpAnalytics(
  storage: AnalyticsStorage,
  now: number,
): Promise<RollupResult> {
  const currentHour = hourStart(now);
  return storage.rollUp(
    { settledBefore: currentHour - SETTLE_MS, forceBefore: currentHour - FORCE_MS },
    summariseFlow,
  );
}
