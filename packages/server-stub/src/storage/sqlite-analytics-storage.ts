import type { DatabaseSync } from 'node:sqlite';
import type {
  AnalyticsEvent,
  FieldIssueCodes,
  SubmitFailureReason,
} from '@union-join/sdk/analytics';
import type {
  AnalyticsStorage,
  DailyIncrements,
  DropReason,
  DurationSample,
  FunnelTotals,
  RawAnalyticsEvent,
  RollupCutoffs,
  RollupResult,
} from './analytics-storage.ts';
import { checkpointNow } from './checkpoint-now.ts';
import { immediateTransaction } from './immediate-transaction.ts';

type Row = Record<string, unknown>;

/** Rebuilds a raw event from its row, with only the properties its type carries. */
function toRawEvent(row: Row): RawAnalyticsEvent {
  const common = {
    v: 1 as const,
    form: row.form_id as string,
    formVersion: row.form_version as number,
    flow: row.flow as string,
    seq: row.seq as number,
    step: row.step as string,
    stepIndex: row.step_index as number,
    locale: row.locale as AnalyticsEvent['locale'],
    device: row.device as AnalyticsEvent['device'],
    hour: row.hour as number,
  };
  const type = row.type as AnalyticsEvent['type'];
  if (type === 'validation_error') {
    return { ...common, type, fields: JSON.parse(row.fields as string) as FieldIssueCodes };
  }
  if (type === 'submit_failure') {
    return { ...common, type, reason: row.reason as SubmitFailureReason };
  }
  return { ...common, type };
}

/**
 * {@link AnalyticsStorage} in the server's SQLite database (the tables of
 * `analytics-migration.ts`).
 *
 * @example
 * const analytics = new SqliteAnalyticsStorage(storage.db);
 */
export class SqliteAnalyticsStorage implements AnalyticsStorage {
  readonly #db: DatabaseSync;

  /** Uses an open, migrated database. */
  constructor(db: DatabaseSync) {
    this.#db = db;
  }

  async insertRawEvents(
    events: readonly AnalyticsEvent[],
    hour: number,
  ): Promise<AnalyticsEvent[]> {
    return immediateTransaction(this.#db, () => {
      const insert = this.#db.prepare(
        `INSERT INTO analytics_raw (flow, seq, hour, form_id, form_version, type, step, step_index,
           locale, device, fields, reason)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (flow, seq) DO NOTHING`,
      );
      const stored: AnalyticsEvent[] = [];
      for (const event of events) {
        const result = insert.run(
          event.flow,
          event.seq,
          hour,
          event.form,
          event.formVersion,
          event.type,
          event.step,
          event.stepIndex,
          event.locale,
          event.device,
          event.type === 'validation_error' ? JSON.stringify(event.fields) : null,
          event.type === 'submit_failure' ? event.reason : null,
        );
        if (result.changes > 0) stored.push(event);
      }
      return stored;
    });
  }

  async countDropped(day: string, reason: DropReason, events: number): Promise<void> {
    if (events <= 0) return;
    this.#db
      .prepare(
        `INSERT INTO analytics_dropped (day, reason, events) VALUES (?, ?, ?)
         ON CONFLICT (day, reason) DO UPDATE SET events = events + excluded.events`,
      )
      .run(day, reason, events);
  }

  async addDurations(samples: readonly DurationSample[]): Promise<void> {
    if (samples.length === 0) return;
    immediateTransaction(this.#db, () => {
      const upsert = this.#db.prepare(
        `INSERT INTO analytics_daily_durations (day, form_id, form_version, step, bucket, flows)
         VALUES (?, ?, ?, ?, ?, 1)
         ON CONFLICT (form_id, day, form_version, step, bucket) DO UPDATE SET flows = flows + 1`,
      );
      for (const sample of samples) {
        upsert.run(sample.day, sample.formId, sample.formVersion, sample.step, sample.bucket);
      }
    });
  }

  #addIncrements(increments: DailyIncrements): void {
    const { day, formId, formVersion } = increments;
    const step = this.#db.prepare(
      `INSERT INTO analytics_daily_steps
         (day, form_id, form_version, step, type, detail, flows, events)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (form_id, day, form_version, step, type, detail)
       DO UPDATE SET flows = flows + excluded.flows, events = events + excluded.events`,
    );
    for (const count of increments.steps) {
      step.run(
        day,
        formId,
        formVersion,
        count.step,
        count.type,
        count.detail,
        count.flows,
        count.events,
      );
    }
    const fieldError = this.#db.prepare(
      `INSERT INTO analytics_daily_field_errors
         (day, form_id, form_version, step, field, code, flows, events)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (form_id, day, form_version, step, field, code)
       DO UPDATE SET flows = flows + excluded.flows, events = events + excluded.events`,
    );
    for (const count of increments.fieldErrors) {
      fieldError.run(
        day,
        formId,
        formVersion,
        count.step,
        count.field,
        count.code,
        count.flows,
        count.events,
      );
    }
    const segment = this.#db.prepare(
      `INSERT INTO analytics_daily_segments
         (day, form_id, form_version, dimension, value, started, finished)
       VALUES (?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (form_id, day, form_version, dimension, value)
       DO UPDATE SET started = started + excluded.started, finished = finished + excluded.finished`,
    );
    for (const count of increments.segments) {
      segment.run(
        day,
        formId,
        formVersion,
        count.dimension,
        count.value,
        count.started,
        count.finished,
      );
    }
  }

  async rollUp(
    cutoffs: RollupCutoffs,
    summarise: (events: RawAnalyticsEvent[]) => DailyIncrements,
  ): Promise<RollupResult> {
    const result = immediateTransaction(this.#db, () => {
      const due = this.#db
        .prepare(
          `SELECT flow, form_id, form_version FROM analytics_raw
           GROUP BY flow, form_id, form_version
           HAVING MAX(hour) < ? OR MIN(hour) < ?`,
        )
        .all(cutoffs.settledBefore, cutoffs.forceBefore);
      const select = this.#db.prepare(
        `SELECT * FROM analytics_raw WHERE flow = ? AND form_id = ? AND form_version = ?
         ORDER BY seq`,
      );
      const remove = this.#db.prepare(
        'DELETE FROM analytics_raw WHERE flow = ? AND form_id = ? AND form_version = ?',
      );
      let events = 0;
      for (const group of due) {
        const key = [
          group.flow as string,
          group.form_id as string,
          group.form_version as number,
        ] as const;
        const rows = select.all(...key).map(toRawEvent);
        this.#addIncrements(summarise(rows));
        events += remove.run(...key).changes as number;
      }
      return { flows: due.length, events };
    });
    // Move the deleted rows' pages out of the write-ahead log into the securely deleted main file;
    // a backup holding the log leaves it to the next rollup.
    if (result.events > 0) checkpointNow(this.#db);
    return result;
  }

  async funnelTotals(formId: string, fromDay: string, toDay: string): Promise<FunnelTotals> {
    const range = [formId, fromDay, toDay] as const;
    const where = 'WHERE form_id = ? AND day BETWEEN ? AND ?';
    const steps = this.#db
      .prepare(
        `SELECT step, type, detail, SUM(flows) AS flows, SUM(events) AS events
         FROM analytics_daily_steps ${where} GROUP BY step, type, detail`,
      )
      .all(...range)
      .map((row) => ({
        step: row.step as string,
        type: row.type as AnalyticsEvent['type'],
        detail: row.detail as string,
        flows: row.flows as number,
        events: row.events as number,
      }));
    const fieldErrors = this.#db
      .prepare(
        `SELECT step, field, code, SUM(flows) AS flows, SUM(events) AS events
         FROM analytics_daily_field_errors ${where} GROUP BY step, field, code`,
      )
      .all(...range)
      .map((row) => ({
        step: row.step as string,
        field: row.field as string,
        code: row.code as string,
        flows: row.flows as number,
        events: row.events as number,
      }));
    const durations = this.#db
      .prepare(
        `SELECT step, bucket, SUM(flows) AS flows
         FROM analytics_daily_durations ${where} GROUP BY step, bucket`,
      )
      .all(...range)
      .map((row) => ({
        step: row.step as string,
        bucket: row.bucket as number,
        flows: row.flows as number,
      }));
    const segments = this.#db
      .prepare(
        `SELECT dimension, value, SUM(started) AS started, SUM(finished) AS finished
         FROM analytics_daily_segments ${where} GROUP BY dimension, value`,
      )
      .all(...range)
      .map((row) => ({
        dimension: row.dimension as 'device' | 'locale',
        value: row.value as string,
        started: row.started as number,
        finished: row.finished as number,
      }));
    const versions = this.#db
      .prepare(
        `SELECT form_version FROM analytics_daily_steps ${where}
         UNION SELECT form_version FROM analytics_daily_durations ${where}
         ORDER BY form_version`,
      )
      .all(...range, ...range)
      .map((row) => row.form_version as number);
    return { steps, fieldErrors, durations, segments, versions };
  }

  async droppedTotals(
    fromDay: string,
    toDay: string,
  ): Promise<Partial<Record<DropReason, number>>> {
    const totals: Partial<Record<DropReason, number>> = {};
    for (const row of this.#db
      .prepare(
        `SELECT reason, SUM(events) AS events FROM analytics_dropped
         WHERE day BETWEEN ? AND ? GROUP BY reason ORDER BY reason`,
      )
      .all(fromDay, toDay)) {
      totals[row.reason as DropReason] = row.events as number;
    }
    return totals;
  }

  async rawEvents(): Promise<RawAnalyticsEvent[]> {
    return this.#db.prepare('SELECT * FROM analytics_raw ORDER BY flow, seq').all().map(toRawEvent);
  }
}
