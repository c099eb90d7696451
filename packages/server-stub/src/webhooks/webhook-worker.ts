import { signWebhook, WEBHOOK_SIGNATURE_HEADER } from '@union-join/sdk/webhooks';
import { systemClock, type Clock } from '../clock.ts';
import { openApplication } from '../crypto/application-box.ts';
import type { Keyring } from '../crypto/keyring.ts';
import type { FormRegistry } from '../forms/form-registry.ts';
import { silentLogger, type Logger } from '../logger.ts';
import type { DeliveryOutcome, DeliveryRecord, Storage } from '../storage/storage.ts';
import { DEFAULT_RETRY_SCHEDULE, nextAttemptAt, type RetrySchedule } from './retry-schedule.ts';
import type { WebhookPayload } from './webhook-payload.ts';

/** Options of {@link WebhookWorker}. */
export interface WebhookWorkerOptions {
  storage: Storage;
  forms: FormRegistry;
  keyring: Keyring;
  clock?: Clock;
  logger?: Logger;
  fetch?: typeof fetch;
  schedule?: RetrySchedule;
  random?: () => number;
  /** How often the outbox is checked when nothing nudges the worker. */
  pollIntervalMs?: number;
  /** A claimed delivery whose sender died is tried again after this long. */
  leaseMs?: number;
  /** Time allowed for the receiver to answer. */
  timeoutMs?: number;
  batchSize?: number;
}

/**
 * Sends queued webhook deliveries from the durable outbox: signed POSTs with retries on a doubling
 * schedule for 24 h. State lives in storage, so a restart carries on where the last run stopped.
 *
 * @example
 * const worker = new WebhookWorker({ storage, forms, keyring });
 * worker.start();
 * await worker.stop();
 */
export class WebhookWorker {
  readonly #options: Required<Omit<WebhookWorkerOptions, 'storage' | 'forms' | 'keyring'>>;
  readonly #storage: Storage;
  readonly #forms: FormRegistry;
  readonly #keyring: Keyring;
  #running: Promise<number> | undefined;
  #again = false;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #started = false;

  /** Creates a stopped worker. */
  constructor(options: WebhookWorkerOptions) {
    this.#storage = options.storage;
    this.#forms = options.forms;
    this.#keyring = options.keyring;
    this.#options = {
      clock: options.clock ?? systemClock,
      logger: options.logger ?? silentLogger,
      fetch: options.fetch ?? globalThis.fetch,
      schedule: options.schedule ?? DEFAULT_RETRY_SCHEDULE,
      random: options.random ?? Math.random,
      pollIntervalMs: options.pollIntervalMs ?? 1000,
      leaseMs: options.leaseMs ?? 120_000,
      timeoutMs: options.timeoutMs ?? 10_000,
      batchSize: options.batchSize ?? 20,
    };
  }

  /**
   * Attempts every delivery due now, once each; resolves with the number attempted. Calls made while
   * a run is in progress share it.
   */
  runOnce(): Promise<number> {
    this.#running ??= this.#drain().finally(() => {
      this.#running = undefined;
    });
    return this.#running;
  }

  async #drain(): Promise<number> {
    const { clock, leaseMs, batchSize } = this.#options;
    let attempted = 0;
    for (;;) {
      const due = await this.#storage.claimDueDeliveries(clock.now(), leaseMs, batchSize);
      await Promise.all(due.map((delivery) => this.#attempt(delivery)));
      attempted += due.length;
      if (due.length < batchSize) return attempted;
    }
  }

  async #attempt(delivery: DeliveryRecord): Promise<void> {
    const { clock, logger } = this.#options;
    let outcome: DeliveryOutcome;
    try {
      outcome = await this.#send(delivery);
    } catch (error) {
      logger.error('webhook_attempt_failed', {
        deliveryId: delivery.id,
        error: error instanceof Error ? error.name : 'unknown',
      });
      return;
    }
    const at = clock.now();
    try {
      await this.#storage.recordDeliveryAttempt(
        delivery.id,
        at,
        outcome,
        // The receiver now holds a copy of every answer: a disclosure, logged like a read by staff,
        // so the log still shows it after the application is erased here.
        outcome.kind === 'delivered'
          ? {
              at,
              actor: 'system:webhook',
              action: 'application.delivered',
              formId: delivery.formId,
              applicationIds: [delivery.applicationId],
              count: 1,
            }
          : undefined,
      );
    } catch (error) {
      // Storage closed under us (shutdown): the lease expires and the delivery is retried.
      logger.warn('webhook_result_not_recorded', {
        deliveryId: delivery.id,
        error: error instanceof Error ? error.name : 'unknown',
      });
      return;
    }
    logger.info('webhook_attempt', {
      deliveryId: delivery.id,
      applicationId: delivery.applicationId,
      attempt: delivery.attempts + 1,
      outcome: outcome.kind,
      status: outcome.httpStatus,
    });
    if (outcome.kind === 'failed') {
      // Never tried again: someone must fetch the application through the admin API before the
      // retention period deletes it, so this is said where operators look for trouble.
      logger.error('webhook_delivery_failed', {
        deliveryId: delivery.id,
        applicationId: delivery.applicationId,
        formId: delivery.formId,
        error: outcome.error,
        status: outcome.httpStatus,
      });
    }
  }

  async #send(delivery: DeliveryRecord): Promise<DeliveryOutcome> {
    const { clock, schedule, random, timeoutMs } = this.#options;
    const webhook = this.#forms.get(delivery.formId)?.settings.webhook;
    if (!webhook) return { kind: 'cancelled', httpStatus: null, error: 'no_webhook' };
    const record = await this.#storage.getApplication(delivery.applicationId);
    if (!record) return { kind: 'cancelled', httpStatus: null, error: 'application_erased' };
    let application: WebhookPayload['application'];
    try {
      application = openApplication(this.#keyring, record);
    } catch {
      return { kind: 'failed', httpStatus: null, error: 'decryption_failed' };
    }
    const payload: WebhookPayload = {
      type: 'application.received',
      id: record.id,
      deliveryId: delivery.id,
      formId: record.formId,
      formVersion: record.formVersion,
      receivedAt: new Date(record.receivedAt).toISOString(),
      application,
    };
    const body = JSON.stringify(payload);
    const signature = await signWebhook(webhook.secret, body, new Date(clock.now()));

    let status: number | null = null;
    let error: string;
    try {
      const response = await this.#options.fetch(webhook.url, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          'User-Agent': 'union-join-server',
          [WEBHOOK_SIGNATURE_HEADER]: signature,
          'Union-Join-Delivery': delivery.id,
        },
        body,
        redirect: 'manual',
        signal: AbortSignal.timeout(timeoutMs),
      });
      status = response.status;
      await response.body?.cancel();
      if (status >= 200 && status < 300) return { kind: 'delivered', httpStatus: status };
      error = `http_${status}`;
    } catch (cause) {
      error = cause instanceof Error && cause.name === 'TimeoutError' ? 'timeout' : 'network';
    }
    const now = clock.now();
    const next = nextAttemptAt(schedule, delivery.createdAt, now, delivery.attempts + 1, random);
    return next === undefined
      ? { kind: 'failed', httpStatus: status, error }
      : { kind: 'retry', nextAttemptAt: next, httpStatus: status, error };
  }

  /** Asks for a run as soon as possible (after a new application was queued). */
  nudge(): void {
    if (!this.#started) return;
    if (this.#running) this.#again = true;
    else this.#schedule(0);
  }

  #schedule(delayMs: number): void {
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      void this.runOnce()
        .catch((error: unknown) => {
          this.#options.logger.error('webhook_worker_failed', {
            error: error instanceof Error ? error.name : 'unknown',
          });
        })
        .then(() => {
          if (!this.#started) return;
          const again = this.#again;
          this.#again = false;
          this.#schedule(again ? 0 : this.#options.pollIntervalMs);
        });
    }, delayMs);
    this.#timer.unref();
  }

  /** Starts polling the outbox. */
  start(): void {
    if (this.#started) return;
    this.#started = true;
    this.#schedule(0);
  }

  /** Stops polling and waits for a run in progress to finish. */
  async stop(): Promise<void> {
    this.#started = false;
    clearTimeout(this.#timer);
    this.#timer = undefined;
    await this.#running?.catch(() => {});
  }
}
