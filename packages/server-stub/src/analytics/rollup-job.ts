import { systemClock, type Clock } from '../clock.ts';
import { silentLogger, type Logger } from '../logger.ts';
import type { AnalyticsStorage, RollupResult } from '../storage/analytics-storage.ts';
import { rollUpAnalytics } from './rollup.ts';
import { HOUR_MS } from './utc-time.ts';

/** Options of {@link AnalyticsRollupJob}. */
export interface AnalyticsRollupJobOptions {
  analytics: AnalyticsStorage;
  clock?: Clock;
  logger?: Logger;
  intervalMs?: number;
}

/**
 * Rolls raw analytics events into daily aggregates and deletes them (see `rollUpAnalytics`).
 * Runs at start and then hourly; logs counts only.
 *
 * @example
 * const job = new AnalyticsRollupJob({ analytics: storage.analytics });
 * job.start();
 */
export class AnalyticsRollupJob {
  readonly #analytics: AnalyticsStorage;
  readonly #clock: Clock;
  readonly #logger: Logger;
  readonly #intervalMs: number;
  #timer: ReturnType<typeof setInterval> | undefined;
  #running: Promise<RollupResult> | undefined;

  /** Creates a stopped job. */
  constructor({
    analytics,
    clock = systemClock,
    logger = silentLogger,
    intervalMs = HOUR_MS,
  }: AnalyticsRollupJobOptions) {
    this.#analytics = analytics;
    this.#clock = clock;
    this.#logger = logger;
    this.#intervalMs = intervalMs;
  }

  /** Rolls up once now and resolves with what was rolled up. */
  async runOnce(): Promise<RollupResult> {
    const result = await rollUpAnalytics(this.#analytics, this.#clock.now());
    this.#logger.info('analytics_rollup', { flows: result.flows, events: result.events });
    return result;
  }

  #run(): void {
    this.#running ??= this.runOnce()
      .catch((error: unknown) => {
        this.#logger.error('analytics_rollup_failed', {
          error: error instanceof Error ? error.name : 'unknown',
        });
        return { flows: 0, events: 0 };
      })
      .finally(() => {
        this.#running = undefined;
      });
  }

  /** Rolls up now and then every interval. */
  start(): void {
    if (this.#timer) return;
    this.#run();
    this.#timer = setInterval(() => this.#run(), this.#intervalMs);
    this.#timer.unref();
  }

  /** Stops the schedule and waits for a rollup in progress. */
  async stop(): Promise<void> {
    clearInterval(this.#timer);
    this.#timer = undefined;
    await this.#running;
  }
}
