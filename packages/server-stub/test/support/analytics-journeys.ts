import { createFlowId, type AnalyticsEvent } from '@union-join/sdk/analytics';

/** A step of a synthetic journey: `[type, step]`, or a validation error / failure with its extra. */
export type JourneyStep =
  | [Exclude<AnalyticsEvent['type'], 'validation_error' | 'submit_failure'>, string]
  | ['validation_error', string, Record<string, string[]>]
  | ['submit_failure', string, string];

/** The events of one applicant's journey through a form, with a fresh flow id and rising seq. */
export function journey(
  form: { id: string; version: number },
  steps: readonly JourneyStep[],
  { device = 'mobile', locale = 'en' }: { device?: string; locale?: string } = {},
): AnalyticsEvent[] {
  const flow = createFlowId();
  const order: string[] = [];
  return steps.map(([type, step, extra], seq) => {
    if (!order.includes(step)) order.push(step);
    const event: Record<string, unknown> = {
      v: 1,
      form: form.id,
      formVersion: form.version,
      flow,
      seq,
      type,
      step,
      stepIndex: order.indexOf(step),
      locale,
      device,
    };
    if (type === 'validation_error') event.fields = extra;
    if (type === 'submit_failure') event.reason = extra;
    return event as AnalyticsEvent;
  });
}
