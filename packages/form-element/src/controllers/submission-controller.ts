import { html, nothing, type ReactiveController, type ReactiveControllerHost } from 'lit';
import type { TemplateResult } from 'lit';
import {
  ApiError,
  ConnectionError,
  RateLimitError,
  ValidationError,
  createClient,
  createIdempotencyKey,
  formatMessage,
  isRetryable,
  type Application,
  type FormDefinition,
  type FormSession,
  type Translation,
} from '@union-join/sdk';
import { isUndelivered } from '@union-join/sdk/drafts';
import { UnionJoinErrorEvent, UnionJoinErrorKind } from '../events/error-event.ts';
import { UnionJoinSubmitEvent } from '../events/submit-event.ts';
import { UnionJoinSuccessEvent } from '../events/success-event.ts';
import { CLIENT_RETRIES, SEND_WAIT_MS, deadline, endpointOf } from '../internal/client-options.ts';
import { mapServerIssues } from '../internal/map-server-issues.ts';
import type { JourneyController } from './journey-controller.ts';

/** What the submission controller needs from its host element. */
export interface SubmissionHost extends ReactiveControllerHost, EventTarget {
  /** The engine session of the loaded form, if any. */
  readonly session: FormSession | undefined;
  /** Backend base URL; empty means the page's own origin. */
  readonly endpoint: string | undefined;
  /** The definition set from JavaScript, if any (else `src`, else `form-id` is loaded). */
  readonly definition: unknown;
  /** Address of the definition's JSON file, if the page gives one. */
  readonly src: string | undefined;
}

/** The server's acceptance of an application: its reference, and when it was stored. */
export interface Delivered {
  id: string;
  receivedAt?: string;
}

/** Where sending stands. */
export type SubmissionStatus = 'idle' | 'sending' | 'failed';

/**
 * Why sending failed: `delivery` (network, timeout, server error: try again), `rate_limited`
 * (the server asked to wait), `rejected` (answers refused, but none the form can point to) or
 * `unavailable` (refused for a reason the applicant cannot fix, such as a form the backend does
 * not know).
 */
export type SubmissionFailure =
  'delivery' | 'rate_limited' | 'rejected' | 'unavailable' | 'already_sent' | 'changed';

/**
 * Sends the application: checks every visible step and eligibility through the engine, fires the
 * cancelable `union-join-submit`, posts with the sdk client (which retries transient failures with
 * one idempotency key), then shows the confirmation, maps a 422 onto the fields of the right step,
 * or reports a delivery failure with a way to try again using the same idempotency key.
 */
export class SubmissionController implements ReactiveController {
  readonly #host: SubmissionHost;
  readonly #journey: JourneyController;
  #status: SubmissionStatus = 'idle';
  #failure: SubmissionFailure | undefined;
  #idempotencyKey: string | undefined;
  #keyFor: string | undefined;

  /**
   * Offered an application that could not be delivered (network, timeout, server error), with the
   * key of its attempts; resolving `true` means it was kept to be sent later, so no failure shows.
   */
  onUndelivered:
    | ((application: Application, idempotencyKey: string, error: unknown) => Promise<boolean>)
    | undefined;

  /**
   * Sends through the device's outbox, so that a page closed before the answer arrives still
   * delivers the application on the next visit; resolving `undefined` instead (no outbox) leaves
   * the sending to this controller's own client.
   */
  sendAhead:
    | ((
        application: Application,
        idempotencyKey: string,
        signal: AbortSignal,
      ) => Promise<Delivered | undefined>)
    | undefined;

  /**
   * The key of the draft this application was typed into, when it has one: every tab sending the
   * same draft uses it, so the server stores the application once.
   */
  sharedKey: (() => string | undefined) | undefined;

  /** Told each time sending starts, ends or fails (for focus and the live region). */
  onStatus: ((status: SubmissionStatus) => void) | undefined;

  constructor(host: SubmissionHost, journey: JourneyController) {
    this.#host = host;
    this.#journey = journey;
    host.addController(this);
  }

  hostConnected(): void {
    globalThis.addEventListener('online', this.#onOnline);
  }

  hostDisconnected(): void {
    globalThis.removeEventListener('online', this.#onOnline);
  }

  /** Back online after a delivery failure: send again by itself, with the same idempotency key. */
  #onOnline = (): void => {
    if (this.failure === 'delivery') void this.submit();
  };

  /** Where sending stands. */
  get status(): SubmissionStatus {
    return this.#status;
  }

  /** Why the last attempt failed, while the failure is on screen. */
  get failure(): SubmissionFailure | undefined {
    return this.#status === 'failed' ? this.#failure : undefined;
  }

  /** Forgets a failed attempt, e.g. when the form is loaded again. */
  reset(): void {
    this.#status = 'idle';
    this.#failure = undefined;
    this.#idempotencyKey = undefined;
    this.#keyFor = undefined;
  }

  /** Checks and sends the application. Resolves once the outcome is on screen. */
  async submit(): Promise<void> {
    const session = this.#host.session;
    if (!session || this.#status === 'sending') return;
    const issues = session.validateAll();
    const first = issues[0];
    if (first) {
      const step = session.stepOf(first.field);
      if (step) {
        this.#journey.showIssues(
          step.id,
          issues.filter((issue) => session.stepOf(issue.field)?.id === step.id),
        );
      }
      return;
    }
    if (!session.eligibility().eligible) {
      this.#journey.showIneligible();
      return;
    }
    const application = await session.toApplication();
    // A copy: a listener that scrubs or tags it (for its own logging) changes nothing sent.
    const submitEvent = new UnionJoinSubmitEvent(structuredClone(application));
    if (!this.#host.dispatchEvent(submitEvent)) return;
    this.#setStatus('sending');
    let idempotencyKey: string | undefined;
    const wait = deadline(SEND_WAIT_MS);
    try {
      idempotencyKey = this.#keyOf(application);
      const { signal } = wait;
      const result =
        (await this.sendAhead?.(application, idempotencyKey, signal)) ??
        (await createClient({
          endpoint: endpointOf(this.#host.endpoint),
          maxRetries: CLIENT_RETRIES,
        }).submit(application, { idempotencyKey, signal }));
      this.#idempotencyKey = undefined;
      this.#setStatus('idle');
      this.#host.dispatchEvent(new UnionJoinSuccessEvent(result.id, result.receivedAt));
      this.#journey.showConfirmation(result.id);
    } catch (error) {
      // No answer while the browser says it is online: often a wrong endpoint or one that does not
      // allow this site (CORS), which a webmaster should hear of before applicants wait on it.
      if (error instanceof ConnectionError && navigator.onLine) {
        console.warn(
          `union-join-form: no answer from ${endpointOf(this.#host.endpoint)} although the browser is online; the application is kept and tried again. Check the endpoint, and that it allows this site (CORS).`,
        );
      }
      if (idempotencyKey !== undefined && (await this.#queue(application, idempotencyKey, error))) {
        return;
      }
      this.showError(session, application, error);
    } finally {
      wait.clear();
    }
  }

  /** Hands an undelivered application to `onUndelivered`; true when it was queued. */
  async #queue(application: Application, idempotencyKey: string, error: unknown): Promise<boolean> {
    if (!isUndelivered(error) || !this.onUndelivered) return false;
    if (!(await this.onUndelivered(application, idempotencyKey, error))) return false;
    this.#idempotencyKey = undefined;
    this.#setStatus('idle');
    return true;
  }

  /**
   * The same application keeps its key across "Try again", so a first attempt that did reach the
   * server is never stored twice; a changed application gets a new key.
   */
  #keyOf(application: Application): string {
    const shared = this.sharedKey?.();
    if (shared !== undefined) return shared;
    const fingerprint = JSON.stringify(application);
    if (this.#idempotencyKey === undefined || this.#keyFor !== fingerprint) {
      this.#idempotencyKey = createIdempotencyKey();
      this.#keyFor = fingerprint;
    }
    return this.#idempotencyKey;
  }

  /**
   * Shows why `application` was not accepted and fires `union-join-error`: a 422's issues on the
   * fields of their step, otherwise a notice with the Send button; `review` opens the review for
   * it first (an application refused after it was queued).
   */
  showError(session: FormSession, application: Application, error: unknown, review = false): void {
    const validation = error instanceof ValidationError;
    const kind = validation ? UnionJoinErrorKind.validation : UnionJoinErrorKind.submit;
    this.#host.dispatchEvent(new UnionJoinErrorEvent(kind, error));
    // Too young by the server's date (the device clock is wrong, or the union raised its minimum
    // age while the application was queued): the page for that, not answers to check.
    if (validation && error.issues.some((issue) => issue.code === 'ineligible')) {
      this.#setStatus('idle');
      this.#journey.showIneligible();
      return;
    }
    if (validation) {
      const { fieldIssues } = mapServerIssues(session, application, error.issues);
      const first = fieldIssues[0];
      const step = first ? session.stepOf(first.field) : undefined;
      if (step) {
        this.#setStatus('idle');
        this.#journey.showIssues(
          step.id,
          fieldIssues.filter((issue) => session.stepOf(issue.field)?.id === step.id),
        );
        return;
      }
    }
    // The applicant cannot act on this; the webmaster can, so the console names the refusal by its
    // code and the paths of the answers concerned (never their values).
    const named = validation
      ? `: ${error.issues.map((issue) => `${issue.path.join('.')} ${issue.code}`).join(', ')}`
      : '';
    if (error instanceof ApiError) {
      console.error(
        `union-join-form: the server refused the application (${error.status} ${error.code})${named}`,
      );
    }
    if (review) this.#journey.showReview();
    // Issues on questions this page does not have, a version it does not know, or a consent worded
    // otherwise now: the form was changed since the page loaded, and only a reload shows it.
    const changed =
      validation &&
      error.issues.some(
        ({ code, path: [root, field] }) =>
          code === 'wrong_version' ||
          code === 'unknown_field' ||
          code === 'unknown_consent_text' ||
          code === 'hidden_field' ||
          (root === 'answers' && typeof field === 'string' && !session.field(field)),
      );
    // Answers the server names (a 400 or 422 with issues) can be checked; a refusal that names
    // none (no such form, not from this site) the applicant cannot fix, nor can sending again.
    // A form the page brings itself comes back the same on a reload: only the webmaster can make
    // it agree with the server's.
    const { definition, src } = this.#host;
    const own = definition != null ? '.definition' : src;
    if (changed && own) {
      console.error(
        `union-join-form: the server's form "${application.formId}" differs from this page's (${own})`,
      );
    }
    this.#fail(
      error instanceof ApiError && error.code === 'idempotency_key_reused'
        ? 'already_sent'
        : changed
          ? own
            ? 'unavailable'
            : 'changed'
          : validation || issuesOf(error)
            ? 'rejected'
            : error instanceof RateLimitError
              ? 'rate_limited'
              : isRetryable(error)
                ? 'delivery'
                : 'unavailable',
    );
  }

  /** The notice of the last failed attempt, above the Send button; `nothing` while none shows. */
  renderFailure(
    t: Translation,
    { name, privacyNoticeUrl }: FormDefinition['organisation'],
  ): TemplateResult | typeof nothing {
    const failure = this.failure;
    if (!failure) return nothing;
    return html`<div id="uj-send-failure" class="notice" role="alert" tabindex="-1">
      <p><strong>${failure === 'already_sent' ? t.alreadySent : t.submitFailedTitle}</strong></p>
      ${
        failure === 'unavailable'
          ? html`<p>${formatMessage(t.submitUnavailable, { organisation: name })}</p>
              <p>
                <a href=${privacyNoticeUrl} target="_blank" rel="noopener"
                  >${t.privacyNotice}<span class="visually-hidden"> ${t.opensInNewTab}</span></a
                >
              </p>`
          : html`<p>
              ${
                failure === 'delivery'
                  ? t.submitFailed
                  : failure === 'rate_limited'
                    ? t.rateLimited
                    : failure === 'rejected'
                      ? t.submitRejected
                      : failure === 'changed'
                        ? t.formChanged
                        : formatMessage(t.alreadySentBody, { organisation: name })
              }
            </p>`
      }
    </div>`;
  }

  #fail(reason: SubmissionFailure): void {
    this.#failure = reason;
    this.#setStatus('failed');
  }

  #setStatus(status: SubmissionStatus): void {
    this.#status = status;
    this.onStatus?.(status);
    this.#host.requestUpdate();
  }
}

function issuesOf(error: unknown): boolean {
  return error instanceof ApiError && Array.isArray((error.body as { issues?: unknown })?.issues);
}
