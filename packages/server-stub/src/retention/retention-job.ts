import { systemClock, type Clock } from '../clock.ts';
import type { FormRegistry } from '../forms/form-registry.ts';
import { silentLogger, type Logger } from '../logger.ts';
import type { PurgeCounts, Storage } from '../storage/storage.ts';

/** Options of {@link RetentionJob}. */
export interface RetentionJobOptions {
  storage: Storage;
  forms: FormRegistry;
  /** Days kept after retrieval or delivery, for forms that set no `retentionDays`. */
  retentionDays: number;
  /** Days kept when never retrieved nor delivered. */
  undeliveredMaxDays: number;
  clock?: Clock;
  logger?: Logger;
  intervalMs?: number;
}

/**
 * Deletes applications past retention: `retentionDays` after they were retrieved or delivered
 * (a form's own setting wins), and `undeliveredMaxDays` after receipt when neither happened. Runs at
 * start and then hourly; logs and records counts only.
 *
 * @example
 * const job = new RetentionJob({ storage, forms, retentionDays: 60, undeliveredMaxDays: 90 });
 * job.start();
 */
export class RetentionJob {
  readonly #options: RetentionJobOptions & { clock: Clock; logger: Logger; intervalMs: number };
  #timer: ReturnType<typeof setInterval> | undefined;
  #running: Promise<PurgeCounts> | undefined;

  /** Creates a stopped job. */
  constructor(options: RetentionJobOptions) {
    this.#options = {
      ...options,
      clock: options.clock ?? systemClock,
      logger: options.logger ?? silentLogger,
      intervalMs: options.intervalMs ?? 3_600_000,
    };
  }

  /** Purges once now and resolves with what was deleted. */
  async runOnce(): Promise<PurgeCounts> {
    const { storage, forms, clock, logger } = this.#options;
    const now = clock.now();
    const retentionDaysByForm = new Map<string, number>();
    for (const form of forms.list()) {
      if (form.settings.retentionDays !== undefined) {
        retentionDaysByForm.set(form.id, form.settings.retentionDays);
      }
    }
    const counts = await storage.purgeExpired({
      now,
      defaultRetentionDays: this.#options.retentionDays,
      retentionDaysByForm,
      undeliveredMaxDays: this.#options.undeliveredMaxDays,
    });
    const total = counts.handled + counts.unhandled;
    if (total > 0) {
      await storage.appendAccessLog({
        at: now,
        actor: 'system:retention',
        action: 'retention.purge',
        formId: null,
        applicationIds: [],
        count: total,
      });
    }
    logger.info('retention_purge', { handled: counts.handled, unhandled: counts.unhandled });
    return counts;
  }

  #run(): void {
    this.#running ??= this.runOnce()
      .catch((error: unknown) => {
        this.#options.logger.error('retention_purge_failed', {
          error: error instanceof Error ? error.name : 'unknown',
        });
        return { handled: 0, unhandled: 0 };
      })
      .finally(() => {
        this.#running = undefined;
      });
  }

  /** Purges now and then every interval. */
  start(): void {
    if (this.#timer) return;
    this.#run();
    this.#timer = setInterval(() => this.#run(), this.#options.intervalMs);
    this.#timer.unref();
  }

  /** Stops the schedule and waits for a purge in progress. */
  async stop(): Promise<void> {
    clearInterval(this.#timer);
    this.#timer = undefined;
    await this.#running;
  }
}
