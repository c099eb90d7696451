import type { DatabaseSync } from 'node:sqlite';

/** How long a statement waits for another connection's lock (a backup, the rotate-key command). */
export const BUSY_TIMEOUT_MS = 5_000;

/**
 * Copies the pages in the write-ahead log into the main file and empties the log, so the log
 * keeps no copy of deleted rows; false when a reader (a backup, say) holds the log. It does not
 * wait for that reader: on the synchronous `node:sqlite` a wait would stall every request.
 */
export function checkpointNow(db: DatabaseSync): boolean {
  db.exec('PRAGMA busy_timeout = 0');
  try {
    const result = db.prepare('PRAGMA wal_checkpoint(TRUNCATE)').get() as { busy: number };
    return result.busy === 0;
  } finally {
    db.exec(`PRAGMA busy_timeout = ${BUSY_TIMEOUT_MS}`);
  }
}
