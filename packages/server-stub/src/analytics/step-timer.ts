import type { AnalyticsEvent } from '@union-join/sdk/analytics';
import type { DurationSample } from '../storage/analytics-storage.ts';
import { durationBucket } from './duration-buckets.ts';
import { HOUR_MS, utcDay } from './utc-time.ts';

/** Options of {@link StepTimer}. */
export interface StepTimerOptions {
  /** Most flows remembered; beyond it the least recently seen are forgotten. */
  maxFlows?: number;
  /** A flow not seen for this long is forgotten. */
  idleMs?: number;
}

interface FlowTimes {
  lastSeen: number;
  /** When the server first received a view of each step. */
  viewed: Map<string, number>;
  completed: Set<string>;
}

const COMPLETIONS: ReadonlySet<AnalyticsEvent['type']> = new Set([
  'step_complete',
  'submit_success',
  'queued_offline',
]);

/**
 * Measures time on step (first view to first completion) from the server's own receive times,
 * held in memory only. Stored events carry the hour alone, so no finer time is ever written down:
 * each measured duration goes straight into a coarse daily histogram. Beacons are sent within a
 * couple of seconds of the event, which bounds the error; a restart forgets flows in progress.
 *
 * @example
 * const samples = timer.observe(storedEvents, clock.now());
 * await storage.analytics.addDurations(samples);
 */
export class StepTimer {
  readonly #flows = new Map<string, FlowTimes>();
  readonly #maxFlows: number;
  readonly #idleMs: number;

  /** Creates an empty timer. */
  constructor({ maxFlows = 50_000, idleMs = 2 * HOUR_MS }: StepTimerOptions = {}) {
    this.#maxFlows = maxFlows;
    this.#idleMs = idleMs;
  }

  /** Notes events received at `now`; returns the durations they complete. */
  observe(events: readonly AnalyticsEvent[], now: number): DurationSample[] {
    this.#forgetIdle(now);
    const samples: DurationSample[] = [];
    for (const event of [...events].sort((a, b) => a.seq - b.seq)) {
      const key = `${event.flow}\u0000${event.form}\u0000${event.formVersion}`;
      let times = this.#flows.get(key);
      if (times) this.#flows.delete(key);
      else times = { lastSeen: now, viewed: new Map(), completed: new Set() };
      times.lastSeen = now;
      // Re-inserted so the Map stays ordered least recently seen first.
      this.#flows.set(key, times);

      if (event.type === 'step_view') {
        if (!times.viewed.has(event.step)) times.viewed.set(event.step, now);
      } else if (COMPLETIONS.has(event.type) && !times.completed.has(event.step)) {
        const viewedAt = times.viewed.get(event.step);
        if (viewedAt === undefined) continue;
        times.completed.add(event.step);
        samples.push({
          day: utcDay(now),
          formId: event.form,
          formVersion: event.formVersion,
          step: event.step,
          bucket: durationBucket(Math.max(0, now - viewedAt) / 1000),
        });
      }
    }
    while (this.#flows.size > this.#maxFlows) {
      const oldest = this.#flows.keys().next().value;
      if (oldest === undefined) break;
      this.#flows.delete(oldest);
    }
    return samples;
  }

  /** Flows currently remembered. */
  get size(): number {
    return this.#flows.size;
  }

  #forgetIdle(now: number): void {
    for (const [key, times] of this.#flows) {
      if (now - times.lastSeen < this.#idleMs) break;
      this.#flows.delete(key);
    }
  }
}
