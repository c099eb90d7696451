import assert from 'node:assert/strict';
import { connect } from 'node:net';
import { join } from 'node:path';
import { test } from 'node:test';
import { parseCommand } from '../src/config.ts';
import { silentLogger } from '../src/logger.ts';
import { startServer } from '../src/server.ts';
import { tempDir } from './support/temp-dir.ts';
import { FORMS_DIR } from './support/test-server.ts';

/** Opens a connection, writes `head`, then keeps trickling `drip` until the server hangs up. */
function trickle(port: number, head: string, drip: string): Promise<string> {
  return new Promise((resolve, reject) => {
    let received = '';
    const socket = connect(port, '127.0.0.1', () => socket.write(head));
    const timer = setInterval(() => socket.writable && socket.write(drip), 100);
    socket.on('data', (chunk) => (received += chunk.toString('latin1')));
    socket.on('error', reject);
    socket.on('close', () => {
      clearInterval(timer);
      resolve(received);
    });
  });
}

test(
  'a client that sends its headers or body a byte at a time is cut off with 408',
  { timeout: 15_000 },
  async (t) => {
    const { config } = parseCommand(
      ['--port', '0', '--data', join(tempDir(t), 'data'), '--forms', FORMS_DIR],
      {},
    ) as Extract<ReturnType<typeof parseCommand>, { kind: 'serve' }>;
    const server = await startServer(config, {
      env: {},
      logger: silentLogger,
      timeouts: { headersMs: 300, requestMs: 600, checkIntervalMs: 100 },
    });
    t.after(() => server.close());

    const slowHeaders = await trickle(
      server.port,
      'GET /v1/forms/example-union HTTP/1.1\r\n',
      'X: y\r\n',
    );
    assert.match(slowHeaders, /^HTTP\/1\.1 408/);
    const slowBody = await trickle(
      server.port,
      'POST /v1/forms/example-union/applications HTTP/1.1\r\nHost: 127.0.0.1\r\n' +
        'Content-Type: application/json\r\nIdempotency-Key: slow\r\nContent-Length: 60000\r\n\r\n',
      ' ',
    );
    assert.match(slowBody, /^HTTP\/1\.1 408/);
  },
);
