import type { ReactiveController, ReactiveControllerHost } from 'lit';
import {
  ConnectionError,
  RateLimitError,
  ServerError,
  TimeoutError,
  ValidationError,
  type FormSession,
} from '@union-join/sdk';
import {
  REVIEW_STEP_ID,
  createAnalytics,
  type Analytics,
  type AnalyticsInput,
  type SubmitFailureReason,
} from '@union-join/sdk/analytics';
import type { UnionJoinErrorEvent } from '../events/error-event.ts';
import type { UnionJoinStepEvent } from '../events/step-event.ts';
import { endpointOf } from '../internal/client-options.ts';
import type { JourneyController } from './journey-controller.ts';

/** What the analytics controller needs from its host element. */
export interface AnalyticsHost extends ReactiveControllerHost, EventTarget {
  /** The engine session of the loaded form, if any. */
  readonly session: FormSession | undefined;
  /** Backend base URL; empty means the page's own origin. */
  readonly endpoint: string | undefined;
  /** `off` turns analytics off; Global Privacy Control and Do Not Track do too. */
  readonly analytics: 'on' | 'off';
}

/** The class of a failed submission, from the sdk's error classes; never its message. */
export function failureReason(error: unknown): SubmitFailureReason {
  if (error instanceof ValidationError) return 'validation';
  if (error instanceof RateLimitError) return 'rate_limited';
  if (error instanceof ServerError) return 'server';
  if (error instanceof ConnectionError || error instanceof TimeoutError) return 'network';
  return 'other';
}

type Position = { step: string; stepIndex: number };

/**
 * Reports the applicant's way through the form as anonymous step events (see
 * `@union-join/sdk/analytics`): a step shown or completed, which checks failed on which fields,
 * and how sending ended. It listens to the element's own events and journey hooks, so it sees
 * ids, codes and outcomes, never an answer. Off with `analytics="off"`, Global Privacy Control or
 * Do Not Track; nothing is written to the device either way.
 */
export class AnalyticsController implements ReactiveController {
  readonly #host: AnalyticsHost;
  readonly #journey: JourneyController;
  #analytics: Analytics | undefined;
  /** The form (`id@version`) the emitter was made for; a new form gets a new flow. */
  #formKey: string | undefined;
  /** The page the applicant is on, as reported in events. */
  #position: Position | undefined;
  /**
   * Whether this page sent an application. The outbox can deliver one saved by an earlier page;
   * that outcome belongs to the earlier flow, which already counted it as queued.
   */
  #submitted = false;
  readonly #unlisten: () => void;

  /** Attaches to `host` and the journey it runs. */
  constructor(host: AnalyticsHost, journey: JourneyController) {
    this.#host = host;
    this.#journey = journey;
    this.#unlisten = journey.addListener({
      stepCompleted: (step) => this.#track({ type: 'step_complete', ...this.#at(step.id) }),
      validationFailed: (step, issues) =>
        this.#track({ type: 'validation_error', ...this.#at(step.id), fields: issues }),
    });
    host.addController(this);
  }

  hostConnected(): void {
    this.#host.addEventListener('union-join-step', this.#onStep);
    this.#host.addEventListener('union-join-submit', this.#onSubmit);
    this.#host.addEventListener('union-join-success', this.#onSuccess);
    this.#host.addEventListener('union-join-error', this.#onError);
    this.#host.addEventListener('union-join-queued', this.#onQueued);
    this.#host.addEventListener('union-join-resume', this.#onResume);
  }

  hostDisconnected(): void {
    this.#host.removeEventListener('union-join-step', this.#onStep);
    this.#host.removeEventListener('union-join-submit', this.#onSubmit);
    this.#host.removeEventListener('union-join-success', this.#onSuccess);
    this.#host.removeEventListener('union-join-error', this.#onError);
    this.#host.removeEventListener('union-join-queued', this.#onQueued);
    this.#host.removeEventListener('union-join-resume', this.#onResume);
    this.#stop();
  }

  /** Stops listening to the journey (for a host that is thrown away). */
  dispose(): void {
    this.#unlisten();
    this.#stop();
  }

  #onStep = (event: Event): void => {
    if (event.target !== this.#host) return;
    const { step, index, total } = (event as UnionJoinStepEvent).detail;
    if (step === 'confirmation') return;
    if (step === 'ineligible') {
      if (this.#position) this.#track({ type: 'ineligible', ...this.#position });
      return;
    }
    this.#position =
      step === 'review'
        ? { step: REVIEW_STEP_ID, stepIndex: total }
        : { step, stepIndex: Math.max(0, index) };
    this.#track({ type: 'step_view', ...this.#position });
  };

  #onSubmit = (event: Event): void => {
    if (event.target !== this.#host) return;
    this.#submitted = true;
    // Sending from "Check your answers" completes that page; without a review the last step's
    // Continue already reported its completion.
    if (this.#journey.view?.kind !== 'review') return;
    this.#track({ type: 'step_complete', ...this.#at(REVIEW_STEP_ID) });
  };

  #onSuccess = (event: Event): void => {
    if (event.target !== this.#host || !this.#submitted || !this.#position) return;
    this.#track({ type: 'submit_success', ...this.#position });
    this.#analytics?.flush();
  };

  #onError = (event: Event): void => {
    const { kind, error } = (event as UnionJoinErrorEvent).detail;
    if (event.target !== this.#host || (kind !== 'submit' && kind !== 'validation')) return;
    if (!this.#submitted || !this.#position) return;
    this.#track({ type: 'submit_failure', ...this.#position, reason: failureReason(error) });
  };

  #onQueued = (event: Event): void => {
    if (event.target !== this.#host || !this.#submitted || !this.#position) return;
    this.#track({ type: 'queued_offline', ...this.#position });
    this.#analytics?.flush();
  };

  #onResume = (event: Event): void => {
    if (event.target !== this.#host) return;
    // A draft can be restored before the first step is reported: use the step on screen.
    const current = this.#journey.currentStep;
    const position = this.#position ?? (current ? this.#at(current.id) : undefined);
    if (position) this.#track({ type: 'draft_resumed', ...position });
  };

  /** Where a step is among those shown, or the review page after the last of them. */
  #at(stepId: string): Position {
    const steps = this.#host.session?.visibleSteps() ?? [];
    const index = steps.findIndex((step) => step.id === stepId);
    return { step: stepId, stepIndex: index < 0 ? steps.length : index };
  }

  #track(input: AnalyticsInput): void {
    const analytics = this.#emitter();
    if (!analytics) return;
    const session = this.#host.session;
    if (session) analytics.setLocale(session.locale);
    analytics.track(input);
  }

  /** The emitter for the loaded form, made on first use; none when analytics are off. */
  #emitter(): Analytics | undefined {
    const session = this.#host.session;
    if (this.#host.analytics === 'off' || !session) {
      this.#stop();
      return undefined;
    }
    const { id, version } = session.definition;
    const formKey = `${id}@${version}`;
    if (this.#analytics && this.#formKey === formKey) return this.#analytics;
    this.#stop();
    this.#formKey = formKey;
    this.#analytics = createAnalytics({
      endpoint: endpointOf(this.#host.endpoint),
      form: id,
      formVersion: version,
      locale: session.locale,
    });
    return this.#analytics;
  }

  /** A new application on the same page: a new flow, so it counts as a visit of its own. */
  restart(): void {
    this.#stop();
    this.#submitted = false;
    this.#position = undefined;
  }

  #stop(): void {
    this.#analytics?.dispose();
    this.#analytics = undefined;
    this.#formKey = undefined;
  }
}
