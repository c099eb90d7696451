import {
  ANALYTICS_EVENT_VERSION,
  ANALYTICS_ISSUE_CODES,
  AnalyticsEvent,
  MAX_EVENTS_PER_BATCH,
  type AnalyticsEventType,
  type AnalyticsIssueCode,
  type AnalyticsLocale,
  type DeviceClass,
  type FieldIssueCodes,
  type SubmitFailureReason,
} from './analytics-event.ts';
import { beaconTransport, type AnalyticsTransport } from './beacon-transport.ts';
import { detectDevice } from './device-class.ts';
import { createFlowId } from './flow-id.ts';
import { prefersNoTracking } from './privacy-signals.ts';

/** Settings of {@link createAnalytics}. */
export interface AnalyticsOptions {
  /** Base URL of the backend; batches go to `{endpoint}/v1/events`. */
  endpoint: string;
  form: string;
  formVersion: number;
  locale: AnalyticsLocale;
  /** `false` turns analytics off entirely: no requests, no timers, no listeners. */
  enabled?: boolean;
  /** Replaces the beacon transport (tests, or a page with its own sender). */
  transport?: AnalyticsTransport;
  /** Overrides the detected device class. */
  device?: DeviceClass;
  /** Send as soon as this many events are waiting (default 10). */
  batchSize?: number;
  /** Send waiting events at most this long after the first one was queued (default 2000 ms). */
  flushDelayMs?: number;
}

/** A field's failed check, shaped like the engine's `FieldIssue`; only `field` and `code` are read. */
export interface FieldIssueLike {
  readonly field: string;
  readonly code: string;
}

/** Where in the form an event happened: a step id and its position among the steps shown. */
interface StepPosition {
  step: string;
  stepIndex: number;
}

/** What the form reports; each variant carries only what its event type allows. */
export type AnalyticsInput =
  | (StepPosition & { type: Exclude<AnalyticsEventType, 'validation_error' | 'submit_failure'> })
  | (StepPosition & {
      type: 'validation_error';
      fields: readonly FieldIssueLike[] | Readonly<Record<string, readonly string[]>>;
    })
  | (StepPosition & { type: 'submit_failure'; reason: SubmitFailureReason });

type ValidationInput = Extract<AnalyticsInput, { type: 'validation_error' }>;

/** A cookieless, storage-free step-analytics emitter for one form on one page. */
export interface Analytics {
  /** False when turned off by option, Global Privacy Control or Do Not Track. */
  readonly enabled: boolean;
  /** Queues one event; invalid input is dropped, never thrown. */
  track(input: AnalyticsInput): void;
  /** Reports later events in another language. */
  setLocale(locale: AnalyticsLocale): void;
  /** Sends every waiting event now. */
  flush(): void;
  /** Sends what is waiting, then stops listening; later events are ignored. */
  dispose(): void;
}

const DEFAULT_BATCH_SIZE = 10;
const DEFAULT_FLUSH_DELAY_MS = 2000;
const MAX_SEQ = 100_000;
const KNOWN_CODES: ReadonlySet<string> = new Set(ANALYTICS_ISSUE_CODES);

const disabledAnalytics: Analytics = Object.freeze({
  enabled: false,
  track() {},
  setLocale() {},
  flush() {},
  dispose() {},
});

/** Flattens either input shape of `validation_error` into `[field, code]` pairs. */
function issuePairs(fields: ValidationInput['fields']): [unknown, unknown][] {
  if (Array.isArray(fields)) {
    return (fields as readonly FieldIssueLike[]).map((issue) => [issue.field, issue.code]);
  }
  const byField = fields as Readonly<Record<string, readonly string[]>>;
  return Object.entries(byField).flatMap(([field, codes]) =>
    Array.isArray(codes) ? codes.map((code): [unknown, unknown] => [field, code]) : [],
  );
}

/** Groups issues by field, keeping only known codes, each once. */
function toFieldCodes(fields: ValidationInput['fields']): FieldIssueCodes {
  const grouped: Record<string, AnalyticsIssueCode[]> = {};
  for (const [field, code] of issuePairs(fields)) {
    if (typeof field !== 'string' || typeof code !== 'string' || !KNOWN_CODES.has(code)) continue;
    const codes = (grouped[field] ??= []);
    if (!codes.includes(code as AnalyticsIssueCode)) codes.push(code as AnalyticsIssueCode);
  }
  return grouped;
}

/**
 * Creates the step-analytics emitter. Events are anonymous: a random flow id held in memory,
 * a sequence number, the step and a coarse device class; the server adds the hour. Nothing is
 * written to cookies or any browser storage. Returns an inert emitter when analytics are off.
 *
 * @example
 * const analytics = createAnalytics({
 *   endpoint: 'https://join.example.org',
 *   form: 'example-union',
 *   formVersion: 3,
 *   locale: 'en',
 * });
 * analytics.track({ type: 'step_view', step: 'about-you', stepIndex: 0 });
 */
export function createAnalytics(options: AnalyticsOptions): Analytics {
  if (options.enabled === false || prefersNoTracking()) return disabledAnalytics;

  const url = `${options.endpoint.replace(/\/+$/, '')}/v1/events`;
  const transport = options.transport ?? beaconTransport;
  const batchSize = Math.min(
    Math.max(1, Math.floor(options.batchSize ?? DEFAULT_BATCH_SIZE)),
    MAX_EVENTS_PER_BATCH,
  );
  const flushDelayMs = Math.max(0, options.flushDelayMs ?? DEFAULT_FLUSH_DELAY_MS);
  const device = options.device ?? detectDevice();
  const flow = createFlowId();
  let locale = options.locale;
  let seq = 0;
  let queue: AnalyticsEvent[] = [];
  let timer: ReturnType<typeof setTimeout> | undefined;
  let disposed = false;

  function flush(): void {
    if (timer !== undefined) {
      clearTimeout(timer);
      timer = undefined;
    }
    while (queue.length > 0) {
      const batch = queue.slice(0, batchSize);
      queue = queue.slice(batchSize);
      transport(url, JSON.stringify(batch));
    }
  }

  function onVisibilityChange(): void {
    if (document.visibilityState === 'hidden') flush();
  }

  const hasWindow = typeof addEventListener === 'function' && typeof document !== 'undefined';
  if (hasWindow) {
    addEventListener('pagehide', flush);
    document.addEventListener('visibilitychange', onVisibilityChange);
  }

  function build(input: AnalyticsInput): unknown {
    const base = {
      v: ANALYTICS_EVENT_VERSION,
      form: options.form,
      formVersion: options.formVersion,
      flow,
      seq,
      type: input.type,
      step: input.step,
      stepIndex: input.stepIndex,
      locale,
      device,
    };
    if (input.type === 'validation_error') return { ...base, fields: toFieldCodes(input.fields) };
    if (input.type === 'submit_failure') return { ...base, reason: input.reason };
    return base;
  }

  return {
    enabled: true,
    track(input) {
      if (disposed || seq > MAX_SEQ) return;
      const parsed = AnalyticsEvent.safeParse(build(input));
      if (!parsed.success) return;
      seq += 1;
      queue.push(parsed.data);
      if (queue.length >= batchSize) flush();
      else timer ??= setTimeout(flush, flushDelayMs);
    },
    setLocale(next) {
      locale = next;
    },
    flush,
    dispose() {
      if (disposed) return;
      flush();
      disposed = true;
      if (hasWindow) {
        removeEventListener('pagehide', flush);
        document.removeEventListener('visibilitychange', onVisibilityChange);
      }
    },
  };
}
