import assert from 'node:assert/strict';
import { test } from 'node:test';
import { FormRegistry, loadForm } from '../src/forms/form-registry.ts';
import { createJsonLogger } from '../src/logger.ts';
import { RetentionJob } from '../src/retention/retention-job.ts';
import {
  admin,
  createTestServer,
  EXAMPLE_DEFINITION,
  submit,
  validApplication,
  type TestServer,
} from './support/test-server.ts';

const DAY = 86_400_000;

async function submitted(server: TestServer): Promise<string> {
  return ((await (await submit(server, await validApplication())).json()) as { id: string }).id;
}

function job(server: TestServer, lines: string[], forms = server.forms) {
  return new RetentionJob({
    storage: server.storage,
    forms,
    retentionDays: 60,
    undeliveredMaxDays: 90,
    clock: server.clock,
    logger: createJsonLogger((line) => lines.push(line)),
  });
}

test('deletes applications retentionDays after retrieval, not before', async (t) => {
  const server = createTestServer(t);
  const id = await submitted(server);
  await admin(server, `/v1/applications/${id}/retrieved`, { method: 'POST' });
  const lines: string[] = [];
  server.clock.advance(60 * DAY - 1000);
  assert.deepEqual(await job(server, lines).runOnce(), { handled: 0, unhandled: 0 });
  assert.ok(await server.storage.getApplication(id));
  server.clock.advance(1000);
  assert.deepEqual(await job(server, lines).runOnce(), { handled: 1, unhandled: 0 });
  assert.equal(await server.storage.getApplication(id), undefined);
});

test('deletes never-handled applications after the undelivered maximum', async (t) => {
  const server = createTestServer(t);
  const id = await submitted(server);
  const lines: string[] = [];
  server.clock.advance(89 * DAY);
  assert.deepEqual(await job(server, lines).runOnce(), { handled: 0, unhandled: 0 });
  server.clock.advance(DAY);
  assert.deepEqual(await job(server, lines).runOnce(), { handled: 0, unhandled: 1 });
  assert.equal(await server.storage.getApplication(id), undefined);
});

test("a form's own retentionDays wins over the default", async (t) => {
  const server = createTestServer(t);
  const id = await submitted(server);
  await admin(server, `/v1/applications/${id}/retrieved`, { method: 'POST' });
  const forms = new FormRegistry([
    loadForm(EXAMPLE_DEFINITION, { allowedOrigins: [], retentionDays: 7 }),
  ]);
  server.clock.advance(7 * DAY);
  assert.deepEqual(await job(server, [], forms).runOnce(), { handled: 1, unhandled: 0 });
});

test('logs and records counts only', async (t) => {
  const server = createTestServer(t);
  const ids = [await submitted(server), await submitted(server)];
  server.clock.advance(90 * DAY);
  const lines: string[] = [];
  await job(server, lines).runOnce();
  const purge = lines
    .map((line) => JSON.parse(line) as Record<string, unknown>)
    .find((l) => l.event === 'retention_purge');
  assert.deepEqual([purge?.handled, purge?.unhandled], [0, 2]);
  for (const line of lines) for (const id of ids) assert.ok(!line.includes(id));
  const [entry] = await server.storage.listAccessLog(0, 10);
  assert.deepEqual(
    [entry?.actor, entry?.action, entry?.count, entry?.applicationIds],
    ['system:retention', 'retention.purge', 2, []],
  );
});

test('start runs a purge at once', async (t) => {
  const server = createTestServer(t);
  const id = await submitted(server);
  server.clock.advance(91 * DAY);
  const retention = job(server, []);
  retention.start();
  await retention.stop();
  assert.equal(await server.storage.getApplication(id), undefined);
});
