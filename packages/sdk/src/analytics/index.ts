/**
 * `@union-join/sdk/analytics`: the anonymous step-analytics event (schema shared by browser and
 * server) and the cookieless emitter. Safe to import in Node: nothing touches the DOM at import.
 *
 * @example
 * import { createAnalytics } from '@union-join/sdk/analytics';
 * const analytics = createAnalytics({ endpoint, form: 'example-union', formVersion: 3, locale: 'en' });
 * analytics.track({ type: 'step_view', step: 'about-you', stepIndex: 0 });
 */
export {
  ANALYTICS_EVENT_TYPES,
  ANALYTICS_EVENT_VERSION,
  ANALYTICS_ISSUE_CODES,
  AnalyticsBatch,
  AnalyticsEvent,
  DEVICE_CLASSES,
  FieldIssueCodes,
  MAX_EVENTS_PER_BATCH,
  REVIEW_STEP_ID,
  SUBMIT_FAILURE_REASONS,
  type AnalyticsEventType,
  type AnalyticsIssueCode,
  type AnalyticsLocale,
  type DeviceClass,
  type SubmitFailureReason,
} from './analytics-event.ts';
export {
  parseAnalyticsBatch,
  type AnalyticsBatchIssue,
  type AnalyticsBatchResult,
} from './parse-analytics-batch.ts';
export { beaconTransport, type AnalyticsTransport } from './beacon-transport.ts';
export { classifyDevice, detectDevice, type DeviceTraits } from './device-class.ts';
export { createFlowId } from './flow-id.ts';
export { prefersNoTracking, type PrivacySignalSource } from './privacy-signals.ts';
export {
  createAnalytics,
  type Analytics,
  type AnalyticsInput,
  type AnalyticsOptions,
  type FieldIssueLike,
} from './create-analytics.ts';
