import * as z from 'zod/mini';
import { wholeNumber } from '../definition/whole-number.ts';
import { FormIdSchema, IdSchema } from '../definition/identifiers.ts';
import { LocaleSchema, type Locale } from '../definition/locale.ts';
import { ISSUE_CODES } from '../engine/issue-code.ts';

/** Wire-format version of an analytics event; bumped only on an incompatible change. */
export const ANALYTICS_EVENT_VERSION = 1;

/** The most events one batch may carry; the server rejects larger batches. */
export const MAX_EVENTS_PER_BATCH = 50;

/** Every kind of event the form emits, in the order an applicant usually meets them. */
export const ANALYTICS_EVENT_TYPES = [
  'step_view',
  'step_complete',
  'validation_error',
  'submit_success',
  'submit_failure',
  'queued_offline',
  'draft_resumed',
  'ineligible',
] as const;

/** One of {@link ANALYTICS_EVENT_TYPES}. */
export type AnalyticsEventType = (typeof ANALYTICS_EVENT_TYPES)[number];

/** Coarse device class: enough to see whether phones struggle, too coarse to fingerprint. */
export const DEVICE_CLASSES = ['mobile', 'tablet', 'desktop'] as const;

/** One of {@link DEVICE_CLASSES}. */
export type DeviceClass = (typeof DEVICE_CLASSES)[number];

/** Why a submission did not go through, as a class: never a message, status text or URL. */
export const SUBMIT_FAILURE_REASONS = [
  'network',
  'server',
  'validation',
  'rate_limited',
  'other',
] as const;

/** One of {@link SUBMIT_FAILURE_REASONS}. */
export type SubmitFailureReason = (typeof SUBMIT_FAILURE_REASONS)[number];

/** A language an event may report: the languages form definitions support. */
export type AnalyticsLocale = Locale;

/**
 * Validation issue codes an event may carry: the engine's closed list, so a `validation_error`
 * event can never smuggle free text (an answer, a message) to the server.
 */
export const ANALYTICS_ISSUE_CODES = ISSUE_CODES;

/** One of {@link ANALYTICS_ISSUE_CODES}. */
export type AnalyticsIssueCode = (typeof ANALYTICS_ISSUE_CODES)[number];

/**
 * Step id the form reports for its "Check your answers" page, which is not a step of the
 * definition. Definition ids start with a letter, so the underscore keeps the two apart.
 */
export const REVIEW_STEP_ID = '_review';

/** Flow ids are random, URL-safe and long enough not to collide; nothing more is accepted. */
const FLOW_PATTERN = /^[A-Za-z0-9_-]{16,64}$/;

const MAX_FIELDS_PER_EVENT = 50;

const common = {
  v: z.literal(ANALYTICS_EVENT_VERSION),
  form: FormIdSchema,
  formVersion: wholeNumber().check(z.minimum(1), z.maximum(2_147_483_647)),
  flow: z.string().check(z.regex(FLOW_PATTERN, 'must be 16 to 64 letters, digits, "-" or "_"')),
  seq: wholeNumber().check(z.minimum(0), z.maximum(100_000)),
  step: z.union([IdSchema, z.literal(REVIEW_STEP_ID)]),
  stepIndex: wholeNumber().check(z.minimum(0), z.maximum(200)),
  locale: LocaleSchema,
  device: z.literal(DEVICE_CLASSES),
};

const plainEvent = (type: Exclude<AnalyticsEventType, 'validation_error' | 'submit_failure'>) =>
  z.strictObject({ ...common, type: z.literal(type) });

/** `fieldId -> issue codes` of one failed Continue; at least one field, each with 1 to 10 codes. */
export const FieldIssueCodes = z
  .record(
    IdSchema,
    z.array(z.literal(ANALYTICS_ISSUE_CODES)).check(z.minLength(1), z.maxLength(10)),
  )
  .check(
    // z.check rather than z.refine: the same test, without one more zod class in the form bundle.
    z.check((payload) => {
      const count = Object.keys(payload.value).length;
      if (count >= 1 && count <= MAX_FIELDS_PER_EVENT) return;
      payload.issues.push({
        code: 'custom',
        message: `must name between 1 and ${MAX_FIELDS_PER_EVENT} fields`,
        input: payload.value,
        continue: true,
      });
    }),
  );

/** `fieldId -> issue codes`, as carried by a `validation_error` event. */
export type FieldIssueCodes = z.infer<typeof FieldIssueCodes>;

/**
 * One anonymous analytics event. Strict: an unknown property is an error, so nothing outside
 * this whitelist can reach the server's storage.
 */
export const AnalyticsEvent = z.discriminatedUnion('type', [
  plainEvent('step_view'),
  plainEvent('step_complete'),
  z.strictObject({ ...common, type: z.literal('validation_error'), fields: FieldIssueCodes }),
  plainEvent('submit_success'),
  z.strictObject({
    ...common,
    type: z.literal('submit_failure'),
    reason: z.literal(SUBMIT_FAILURE_REASONS),
  }),
  plainEvent('queued_offline'),
  plainEvent('draft_resumed'),
  plainEvent('ineligible'),
]);

/** One anonymous analytics event (see {@link AnalyticsEvent}). */
export type AnalyticsEvent = z.infer<typeof AnalyticsEvent>;

/** The body of `POST /v1/events`: a JSON array of 1 to {@link MAX_EVENTS_PER_BATCH} events. */
export const AnalyticsBatch = z
  .array(AnalyticsEvent)
  .check(z.minLength(1), z.maxLength(MAX_EVENTS_PER_BATCH));

/** The body of `POST /v1/events`. */
export type AnalyticsBatch = z.infer<typeof AnalyticsBatch>;
