import assert from 'node:assert/strict';
import { connect } from 'node:net';
import { join } from 'node:path';
import { test, type TestContext } from 'node:test';
import { parseCommand } from '../src/config.ts';
import { createJsonLogger, silentLogger } from '../src/logger.ts';
import { startServer, type RunningServer } from '../src/server.ts';
import { tempDir } from './support/temp-dir.ts';
import { FORMS_DIR } from './support/test-server.ts';

/** A listening server whose slow-client limits are short enough to meet in a test. */
async function listening(t: TestContext, logLines?: string[]): Promise<RunningServer> {
  const { config } = parseCommand(
    ['--port', '0', '--data', join(tempDir(t), 'data'), '--forms', FORMS_DIR],
    {},
  ) as Extract<ReturnType<typeof parseCommand>, { kind: 'serve' }>;
  const server = await startServer(config, {
    env: {},
    logger: logLines ? createJsonLogger((line) => logLines.push(line)) : silentLogger,
    timeouts: { headersMs: 300, requestMs: 600, checkIntervalMs: 100 },
  });
  t.after(() => server.close());
  return server;
}

/**
 * Opens a raw connection, writes `head`, then keeps trickling `drip` (if any) until the server
 * hangs up; resolves with everything the server sent.
 */
function exchange(port: number, head: string, drip?: string): Promise<string> {
  return new Promise((resolve, reject) => {
    let received = '';
    const socket = connect(port, '127.0.0.1', () => socket.write(head));
    const timer = setInterval(() => drip && socket.writable && socket.write(drip), 100);
    socket.on('data', (chunk) => (received += chunk.toString('latin1')));
    socket.on('error', reject);
    socket.on('close', () => {
      clearInterval(timer);
      resolve(received);
    });
  });
}

/** The status and JSON body of a raw HTTP/1.1 response, and its headers in lower case. */
function parse(response: string): { status: number; headers: string; body: unknown } {
  const [head = '', body = ''] = response.split('\r\n\r\n');
  return {
    status: Number(/^HTTP\/1\.1 (\d{3})/.exec(head)?.[1]),
    headers: head.toLowerCase(),
    body: JSON.parse(body) as unknown,
  };
}

function assertProblem(response: string, status: number, error: string): void {
  const parsed = parse(response);
  assert.equal(parsed.status, status, response);
  assert.match(parsed.headers, /\r\ncontent-type: application\/json/);
  assert.match(parsed.headers, /\r\nx-request-id: [0-9a-f-]{36}/);
  assert.match(parsed.headers, /\r\nx-content-type-options: nosniff/);
  const body = parsed.body as { error: string; message: string; requestId: string };
  assert.equal(body.error, error);
  assert.ok(body.message.length > 0);
  assert.match(body.requestId, /^[0-9a-f-]{36}$/);
}

test(
  'a client that sends its headers or body a byte at a time is cut off with a 408 error body',
  { timeout: 15_000 },
  async (t) => {
    const server = await listening(t);
    const slowHeaders = await exchange(
      server.port,
      'GET /v1/forms/example-union HTTP/1.1\r\n',
      'X: y\r\n',
    );
    assertProblem(slowHeaders, 408, 'request_timeout');
    const slowBody = await exchange(
      server.port,
      'POST /v1/forms/example-union/applications HTTP/1.1\r\nHost: 127.0.0.1\r\n' +
        'Content-Type: application/json\r\nIdempotency-Key: slow\r\nContent-Length: 60000\r\n\r\n',
      ' ',
    );
    assert.match(slowBody, /^HTTP\/1\.1 408/);
  },
);

test('headers too large and broken HTTP get the error shape too, not a bare status line', async (t) => {
  const server = await listening(t);
  const huge = await exchange(
    server.port,
    `GET /v1/forms/example-union HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: ${'a'.repeat(40_000)}\r\n\r\n`,
  );
  assertProblem(huge, 431, 'headers_too_large');
  const broken = await exchange(server.port, 'GET / HTTP/1.1\r\nHost 127.0.0.1\r\n\r\n');
  assertProblem(broken, 400, 'bad_request');
});

interface LogLine {
  level: string;
  event: string;
  status?: number;
  reason?: string;
  requestId?: string;
}

/** Waits until the server has logged the request line for `path`, and returns every line. */
async function loggedRequest(logLines: string[], path: string): Promise<LogLine[]> {
  for (;;) {
    const lines = logLines.map((line) => JSON.parse(line) as LogLine & { path?: string });
    if (lines.some((line) => line.event === 'request' && line.path === path)) return lines;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const HALF_A_BODY =
  'POST /v1/forms/example-union/applications HTTP/1.1\r\nHost: 127.0.0.1\r\n' +
  'Content-Type: application/json\r\nIdempotency-Key: gone\r\nContent-Length: 100\r\n\r\n{"a":';

test(
  'a client that disconnects mid-upload is logged as client_aborted (499), not as a server error',
  { timeout: 15_000 },
  async (t) => {
    const logLines: string[] = [];
    const server = await listening(t, logLines);
    await new Promise<void>((resolve, reject) => {
      const socket = connect(server.port, '127.0.0.1', () => {
        // Closes, as a phone losing signal mid-upload does.
        socket.write(HALF_A_BODY, () => setTimeout(() => socket.destroy(), 100));
      });
      socket.on('error', reject);
      socket.on('close', () => resolve());
    });
    const lines = await loggedRequest(logLines, '/v1/forms/example-union/applications');
    assert.deepEqual(
      lines.filter((line) => line.level === 'error'),
      [],
      'nothing logged as an error',
    );
    const request = lines.find((line) => line.event === 'request');
    assert.equal(request?.status, 499);
    const aborted = lines.find((line) => line.event === 'client_aborted');
    assert.equal(aborted?.level, 'info');
    assert.equal(aborted?.reason, 'disconnected');
    assert.equal(aborted?.requestId, request?.requestId);
    assert.ok(!lines.some((line) => line.event === 'client_error' && line.status === 400));
  },
);

test(
  'a client that misses the request timeout mid-upload gets 408, logged as 408, not as a server error',
  { timeout: 15_000 },
  async (t) => {
    const logLines: string[] = [];
    const server = await listening(t, logLines);
    const response = await exchange(server.port, HALF_A_BODY);
    assertProblem(response, 408, 'request_timeout');
    const lines = await loggedRequest(logLines, '/v1/forms/example-union/applications');
    assert.deepEqual(
      lines.filter((line) => line.level === 'error'),
      [],
      'nothing logged as an error',
    );
    assert.equal(lines.find((line) => line.event === 'request')?.status, 408);
    const aborted = lines.find((line) => line.event === 'client_aborted');
    assert.equal(aborted?.reason, 'timeout');
  },
);
