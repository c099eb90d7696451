// Child process of bench/server-submissions.ts: runs the real server (SQLite on disk, encryption,
// full fsync) in a temporary data directory on 127.0.0.1, prints its URL as one JSON line, and
// removes everything when stdin closes.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseCommand } from '../src/config.ts';
import { silentLogger } from '../src/logger.ts';
import { startServer } from '../src/server.ts';

const dataDir = mkdtempSync(join(tmpdir(), 'union-join-bench-'));
const formsDir = new URL('../test/forms/', import.meta.url).pathname;
const command = parseCommand(
  [
    '--host',
    '127.0.0.1',
    '--port',
    '0',
    '--data',
    dataDir,
    '--forms',
    formsDir,
    '--rate-limit',
    '0',
  ],
  {},
);
if (command.kind !== 'serve') throw new Error('unexpected command');
const server = await startServer(command.config, { env: {}, logger: silentLogger });
process.stdout.write(JSON.stringify({ url: server.url }) + '\n');

process.stdin.resume();
process.stdin.on('end', () => {
  void server.close().then(() => {
    rmSync(dataDir, { recursive: true, force: true });
    process.exit(0);
  });
});
