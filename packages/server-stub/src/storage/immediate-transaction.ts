import type { DatabaseSync } from 'node:sqlite';

/**
 * Runs `work` in a `BEGIN IMMEDIATE` transaction: commits what it returns, rolls back what it
 * throws. IMMEDIATE takes the write lock up front, so a second writer waits on `busy_timeout`
 * instead of failing halfway through with SQLITE_BUSY.
 *
 * @example
 * const removed = immediateTransaction(db, () => db.prepare('DELETE FROM t').run().changes);
 */
export function immediateTransaction<T>(db: DatabaseSync, work: () => T): T {
  db.exec('BEGIN IMMEDIATE');
  try {
    const result = work();
    db.exec('COMMIT');
    return result;
  } catch (error) {
    db.exec('ROLLBACK');
    throw error;
  }
}
