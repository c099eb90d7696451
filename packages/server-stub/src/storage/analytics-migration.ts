/**
 * Tables of step analytics. Raw events hold exactly the event schema's properties plus the hour
 * the server received them in: no IP address, no user agent, no finer time. Every aggregate is
 * keyed by UTC day, form and form version. `flows` counts distinct flows, `events` occurrences.
 */
export const ANALYTICS_TABLES_SQL = `
  CREATE TABLE analytics_raw (
    flow TEXT NOT NULL,
    seq INTEGER NOT NULL,
    hour INTEGER NOT NULL,
    form_id TEXT NOT NULL,
    form_version INTEGER NOT NULL,
    type TEXT NOT NULL,
    step TEXT NOT NULL,
    step_index INTEGER NOT NULL,
    locale TEXT NOT NULL,
    device TEXT NOT NULL,
    fields TEXT,
    reason TEXT,
    PRIMARY KEY (flow, seq)
  ) STRICT, WITHOUT ROWID;
  CREATE INDEX analytics_raw_by_hour ON analytics_raw (hour);

  CREATE TABLE analytics_daily_steps (
    day TEXT NOT NULL,
    form_id TEXT NOT NULL,
    form_version INTEGER NOT NULL,
    step TEXT NOT NULL,
    type TEXT NOT NULL,
    detail TEXT NOT NULL,
    flows INTEGER NOT NULL,
    events INTEGER NOT NULL,
    PRIMARY KEY (form_id, day, form_version, step, type, detail)
  ) STRICT, WITHOUT ROWID;

  CREATE TABLE analytics_daily_field_errors (
    day TEXT NOT NULL,
    form_id TEXT NOT NULL,
    form_version INTEGER NOT NULL,
    step TEXT NOT NULL,
    field TEXT NOT NULL,
    code TEXT NOT NULL,
    flows INTEGER NOT NULL,
    events INTEGER NOT NULL,
    PRIMARY KEY (form_id, day, form_version, step, field, code)
  ) STRICT, WITHOUT ROWID;

  CREATE TABLE analytics_daily_durations (
    day TEXT NOT NULL,
    form_id TEXT NOT NULL,
    form_version INTEGER NOT NULL,
    step TEXT NOT NULL,
    bucket INTEGER NOT NULL,
    flows INTEGER NOT NULL,
    PRIMARY KEY (form_id, day, form_version, step, bucket)
  ) STRICT, WITHOUT ROWID;

  CREATE TABLE analytics_daily_segments (
    day TEXT NOT NULL,
    form_id TEXT NOT NULL,
    form_version INTEGER NOT NULL,
    dimension TEXT NOT NULL CHECK (dimension IN ('device', 'locale')),
    value TEXT NOT NULL,
    started INTEGER NOT NULL,
    finished INTEGER NOT NULL,
    PRIMARY KEY (form_id, day, form_version, dimension, value)
  ) STRICT, WITHOUT ROWID;

  CREATE TABLE analytics_dropped (
    day TEXT NOT NULL,
    reason TEXT NOT NULL,
    events INTEGER NOT NULL,
    PRIMARY KEY (day, reason)
  ) STRICT, WITHOUT ROWID;
`;
