import assert from 'node:assert/strict';
import { test, type TestContext } from 'node:test';
import { verifyWebhookSignature } from '@union-join/sdk/webhooks';
import { silentLogger } from '../src/logger.ts';
import { WebhookWorker } from '../src/webhooks/webhook-worker.ts';
import {
  admin,
  createTestServer,
  ManualClock,
  submit,
  validApplication,
  type TestServer,
} from './support/test-server.ts';
import { tempDir } from './support/temp-dir.ts';
import { startWebhookReceiver, type WebhookReceiver } from './support/webhook-receiver.ts';

const SECRET = 'whsec-test-secret-0123456789';
const HOUR = 3_600_000;

function serverWithHook(
  t: TestContext,
  receiver: WebhookReceiver,
  options: { dataDir?: string; clock?: ManualClock } = {},
) {
  return createTestServer(t, {
    ...options,
    settings: { webhook: { url: receiver.url, secret: SECRET } },
  });
}

function workerFor(
  server: TestServer,
  extra: Partial<ConstructorParameters<typeof WebhookWorker>[0]> = {},
) {
  return new WebhookWorker({
    storage: server.storage,
    forms: server.forms,
    keyring: server.keyring,
    clock: server.clock,
    logger: silentLogger,
    random: () => 0.5,
    ...extra,
  });
}

async function submitted(server: TestServer): Promise<string> {
  return ((await (await submit(server, await validApplication())).json()) as { id: string }).id;
}

const successes = (receiver: WebhookReceiver) =>
  receiver.received.filter(
    (r) => typeof r.answer === 'number' && r.answer >= 200 && r.answer < 300,
  );

test('posts a signed application.received with the application id and marks it delivered', async (t) => {
  const receiver = await startWebhookReceiver(t);
  const server = serverWithHook(t, receiver);
  const id = await submitted(server);
  assert.equal(await workerFor(server).runOnce(), 1);
  assert.equal(receiver.received.length, 1);
  const [request] = receiver.received;
  assert.equal(request?.headers['content-type'], 'application/json');
  const signature = request?.headers['union-join-signature'] as string;
  assert.match(signature, /^t=\d+,v1=[0-9a-f]{64}$/);
  assert.equal(
    await verifyWebhookSignature(SECRET, signature, request!.body, {
      now: new Date(server.clock.now()),
    }),
    true,
  );
  assert.equal(
    await verifyWebhookSignature('another-secret-entirely', signature, request!.body, {
      now: new Date(server.clock.now()),
    }),
    false,
  );
  const payload = JSON.parse(request!.body) as { type: string; id: string; application: unknown };
  assert.equal(payload.type, 'application.received');
  assert.equal(payload.id, id);
  assert.deepEqual(payload.application, await validApplication());
  assert.equal((await server.storage.getApplication(id))?.deliveredAt, server.clock.now());
  server.clock.advance(48 * HOUR);
  assert.equal(await workerFor(server).runOnce(), 0);
  assert.equal(receiver.received.length, 1);
});

interface LogEntryView {
  at: string;
  actor: string;
  action: string;
  formId: string | null;
  applicationIds: string[];
  count: number;
  reason: string | null;
}

async function accessLog(server: TestServer): Promise<LogEntryView[]> {
  const response = await admin(server, '/v1/access-log?limit=1000');
  assert.equal(response.status, 200);
  const { entries } = (await response.json()) as { entries: (LogEntryView & { seq: number })[] };
  return entries
    .filter((entry) => entry.action !== 'access_log.read')
    .map(({ seq: _, ...entry }) => entry);
}

test('a successful delivery is in the access log as system:webhook, and stays after an erasure', async (t) => {
  const receiver = await startWebhookReceiver(t);
  receiver.answers.push(500);
  const server = serverWithHook(t, receiver);
  const id = await submitted(server);
  const worker = workerFor(server);
  await worker.runOnce();
  assert.deepEqual(await accessLog(server), [], 'a failed attempt disclosed nothing');
  server.clock.advance(HOUR);
  await worker.runOnce();
  const deliveredAt = new Date(server.clock.now()).toISOString();
  const delivered = {
    at: deliveredAt,
    actor: 'system:webhook',
    action: 'application.delivered',
    formId: 'example-union',
    applicationIds: [id],
    count: 1,
    reason: null,
  };
  assert.deepEqual(await accessLog(server), [delivered]);

  assert.equal((await admin(server, `/v1/applications/${id}`, { method: 'DELETE' })).status, 204);
  const after = await accessLog(server);
  assert.deepEqual(
    after.map((entry) => entry.action),
    ['application.delivered', 'application.delete'],
  );
  assert.deepEqual(after[0], delivered, 'the CRM still holds a copy, and the log still says so');
  assert.doesNotMatch(JSON.stringify(after), /Ada|ada@example\.org|Acme/, 'no answer in the log');
});

test('a delivery the receiver took while the application was being erased is still logged', async (t) => {
  const receiver = await startWebhookReceiver(t);
  const server = serverWithHook(t, receiver);
  const id = await submitted(server);
  // Staff erase the application while the receiver is taking the copy it was sent.
  const worker = workerFor(server, {
    fetch: async () => {
      assert.equal(
        (await admin(server, `/v1/applications/${id}`, { method: 'DELETE' })).status,
        204,
      );
      return new Response(null, { status: 204 });
    },
  });
  assert.equal(await worker.runOnce(), 1);
  assert.deepEqual(
    (await accessLog(server)).map((entry) => [entry.actor, entry.action, entry.applicationIds]),
    [
      ['staff', 'application.delete', [id]],
      ['system:webhook', 'application.delivered', [id]],
    ],
  );
});

test('retries failures on a doubling schedule and stops at the first success', async (t) => {
  const receiver = await startWebhookReceiver(t);
  receiver.answers.push(500, 503, 'drop');
  const server = serverWithHook(t, receiver);
  const id = await submitted(server);
  const worker = workerFor(server);
  const gaps: number[] = [];
  let last = server.clock.now();
  await worker.runOnce();
  for (let step = 0; step < 100 && successes(receiver).length === 0; step++) {
    server.clock.advance(5_000);
    const before = receiver.received.length;
    await worker.runOnce();
    if (receiver.received.length > before) {
      gaps.push(server.clock.now() - last);
      last = server.clock.now();
    }
  }
  assert.deepEqual(
    receiver.received.map((r) => r.answer),
    [500, 503, 'drop', 200],
  );
  assert.ok(
    gaps[0]! >= 30_000 && gaps[1]! >= 2 * gaps[0]! - 5_000 && gaps[2]! >= 2 * gaps[1]! - 5_000,
    String(gaps),
  );
  const [delivery] = await server.storage.listDeliveries(id);
  assert.equal(delivery?.status, 'delivered');
  assert.equal(delivery?.attempts, 4);
  server.clock.advance(30 * HOUR);
  await worker.runOnce();
  assert.equal(receiver.received.length, 4);
});

test('keeps retrying across a restart and delivers exactly once', async (t) => {
  const receiver = await startWebhookReceiver(t);
  receiver.answers.push(500, 500);
  const dataDir = tempDir(t);
  const clock = new ManualClock();
  const first = serverWithHook(t, receiver, { dataDir, clock });
  const id = await submitted(first);
  const firstWorker = workerFor(first);
  await firstWorker.runOnce();
  clock.advance(HOUR);
  await firstWorker.runOnce();
  assert.equal(receiver.received.length, 2);
  // The server dies: worker, app and storage go away; only the data directory remains.
  await firstWorker.stop();
  await first.close();

  clock.advance(HOUR);
  const second = serverWithHook(t, receiver, { dataDir, clock });
  const secondWorker = workerFor(second);
  await secondWorker.runOnce();
  for (let i = 0; i < 10; i++) {
    clock.advance(6 * HOUR);
    await secondWorker.runOnce();
  }
  assert.equal(successes(receiver).length, 1);
  assert.equal(receiver.received.length, 3);
  assert.ok(receiver.received.every((r) => JSON.parse(r.body).id === id));
  assert.ok((await second.storage.getApplication(id))?.deliveredAt);
});

test('a delivery in flight when the server dies is sent again after the restart', async (t) => {
  const receiver = await startWebhookReceiver(t);
  receiver.answers.push('hold');
  const dataDir = tempDir(t);
  const clock = new ManualClock();
  const first = serverWithHook(t, receiver, { dataDir, clock });
  const id = await submitted(first);
  const inFlight = workerFor(first).runOnce();
  await receiver.waitFor(1);
  await first.close();
  receiver.dropHeld();
  await inFlight;

  const second = serverWithHook(t, receiver, { dataDir, clock });
  const worker = workerFor(second);
  await worker.runOnce();
  assert.equal(
    receiver.received.length,
    1,
    'not before the lease on the claimed delivery runs out',
  );
  clock.advance(5 * 60_000);
  await worker.runOnce();
  clock.advance(24 * HOUR);
  await worker.runOnce();
  assert.equal(successes(receiver).length, 1);
  assert.equal(receiver.received.length, 2);
  assert.ok((await second.storage.getApplication(id))?.deliveredAt);
});

test('gives up after 24 hours and leaves the application undelivered', async (t) => {
  const receiver = await startWebhookReceiver(t);
  receiver.answers.push(...Array(100).fill(500));
  const server = serverWithHook(t, receiver);
  const id = await submitted(server);
  const errors: [string, Record<string, unknown>][] = [];
  const logger = {
    ...silentLogger,
    error: (event: string, fields = {}) => errors.push([event, fields]),
  };
  const worker = workerFor(server, { logger });
  for (let i = 0; i < 60; i++) {
    await worker.runOnce();
    server.clock.advance(HOUR);
  }
  const [delivery] = await server.storage.listDeliveries(id);
  assert.equal(delivery?.status, 'failed');
  // Said once, as an error, with what staff need to fetch it by hand.
  assert.deepEqual(errors, [
    [
      'webhook_delivery_failed',
      {
        deliveryId: delivery?.id,
        applicationId: id,
        formId: 'example-union',
        error: 'http_500',
        status: 500,
      },
    ],
  ]);
  assert.equal(delivery?.lastError, 'http_500');
  assert.ok(
    receiver.received.length > 5 && receiver.received.length < 40,
    String(receiver.received.length),
  );
  assert.ok(delivery!.lastAttemptAt! - delivery!.createdAt <= 24 * HOUR);
  assert.equal((await server.storage.getApplication(id))?.deliveredAt, null);
});

test('an erased application is never sent', async (t) => {
  const receiver = await startWebhookReceiver(t);
  const server = serverWithHook(t, receiver);
  const id = await submitted(server);
  assert.equal((await admin(server, `/v1/applications/${id}`, { method: 'DELETE' })).status, 204);
  assert.equal(await workerFor(server).runOnce(), 0);
  assert.equal(receiver.received.length, 0);
});

test('a started worker delivers promptly when nudged', async (t) => {
  const receiver = await startWebhookReceiver(t);
  const server = serverWithHook(t, receiver);
  const worker = workerFor(server, { pollIntervalMs: 60_000 });
  worker.start();
  t.after(() => worker.stop());
  await submitted(server);
  worker.nudge();
  await receiver.waitFor(1);
  assert.equal(successes(receiver).length, 1);
});

test('a receiver that never answers, or answers 410 or a redirect, is tried again later', async (t) => {
  const receiver = await startWebhookReceiver(t);
  receiver.answers.push('hold', 410, 302);
  const server = serverWithHook(t, receiver);
  const id = await submitted(server);
  const worker = workerFor(server, { timeoutMs: 200 });
  const lastErrors: (string | null)[] = [];
  for (let i = 0; i < 4; i++) {
    await worker.runOnce();
    const [delivery] = await server.storage.listDeliveries(id);
    lastErrors.push(delivery?.lastError ?? null);
    server.clock.advance(HOUR);
  }
  receiver.dropHeld();
  assert.deepEqual(lastErrors, ['timeout', 'http_410', 'http_302', null]);
  assert.equal(successes(receiver).length, 1);
  assert.ok((await server.storage.getApplication(id))?.deliveredAt);
});
