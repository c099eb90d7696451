import type { FormDefinition } from '@union-join/sdk';
import { REVIEW_STEP_ID, type AnalyticsEvent } from '@union-join/sdk/analytics';
import type { DropReason } from '../storage/analytics-storage.ts';

/** Events that name a served form, version, step and fields, and counts of those that did not. */
export interface Admission {
  admitted: AnalyticsEvent[];
  dropped: Map<DropReason, number>;
}

/** Why `event` does not fit `definition`, or undefined when it does. */
function mismatch(event: AnalyticsEvent, definition: FormDefinition): DropReason | undefined {
  // Versions start at 1; the event schema lets 0 through.
  if (event.formVersion < 1 || event.formVersion > definition.version) return 'unknown_version';
  const isReview = event.step === REVIEW_STEP_ID;
  if (isReview && !definition.review) return 'unknown_step';
  const step = isReview ? undefined : definition.steps.find((s) => s.id === event.step);
  if (!isReview && !step) return 'unknown_step';
  if (event.type !== 'validation_error') return undefined;
  // On the review page the whole application is checked, so any field of the form may fail.
  const fields = new Set(
    (step ? [step] : definition.steps).flatMap((s) => s.fields.map((field) => field.id)),
  );
  return Object.keys(event.fields).every((id) => fields.has(id)) ? undefined : 'unknown_field';
}

/**
 * Keeps only events about a form the server serves, a version it has seen (the current one or
 * older), a step of that form (or its review page) and, for validation errors, fields of that
 * step. Everything else is counted by reason and dropped, so a stale page or a made-up batch
 * cannot fill the funnel with steps that do not exist.
 */
export function admitEvents(
  events: readonly AnalyticsEvent[],
  definitionOf: (formId: string) => FormDefinition | undefined,
): Admission {
  const admitted: AnalyticsEvent[] = [];
  const dropped = new Map<DropReason, number>();
  for (const event of events) {
    const definition = definitionOf(event.form);
    const reason = definition ? mismatch(event, definition) : 'unknown_form';
    if (reason === undefined) admitted.push(event);
    else dropped.set(reason, (dropped.get(reason) ?? 0) + 1);
  }
  return { admitted, dropped };
}
