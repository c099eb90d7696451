/** Fields a log line may carry: counts, codes, ids and durations, never an answer, token or secret. */
export type LogFields = Record<string, string | number | boolean | null | undefined>;

/** Structured logger; every line is one event name plus safe fields. */
export interface Logger {
  info(event: string, fields?: LogFields): void;
  warn(event: string, fields?: LogFields): void;
  error(event: string, fields?: LogFields): void;
}

/** Writes one JSON object per line to a sink (stderr by default). */
export function createJsonLogger(
  write: (line: string) => void = (line) => process.stderr.write(line + '\n'),
): Logger {
  const emit = (level: string, event: string, fields: LogFields = {}) => {
    write(JSON.stringify({ time: new Date().toISOString(), level, event, ...fields }));
  };
  return {
    info: (event, fields) => emit('info', event, fields),
    warn: (event, fields) => emit('warn', event, fields),
    error: (event, fields) => emit('error', event, fields),
  };
}

/** A logger that drops everything, for tests and embedding. */
export const silentLogger: Logger = { info() {}, warn() {}, error() {} };
