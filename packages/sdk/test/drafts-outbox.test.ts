import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  createLeaseLock,
  createMemoryDraftStorage,
  createOutbox,
  createOutboxSender,
  createWebLock,
  OutboxError,
  type DraftStorage,
  type OutboxItem,
  type OutboxClient,
  type OutboxLock,
} from '../src/drafts/index.ts';
import { ApiError } from '../src/errors/api-error.ts';
import { TimeoutError } from '../src/errors/timeout-error.ts';
import { CANARIES, canaryApplication, createFakeServer, deferred } from './drafts-fixtures.ts';

const KEY = '5b0f1a52-2f4c-4c39-9a57-0a3f4f1e8a11';

/** Every value in the storage as text, binary data included, to look for plain-text canaries. */
async function storageText(storage: DraftStorage): Promise<string> {
  const parts: string[] = [];
  for (const store of Object.values(storage.stores)) {
    for (const [key, value] of await store.entries()) {
      parts.push(
        key,
        JSON.stringify(value, (_k, v: unknown) => binaryAsText(v)),
      );
    }
  }
  return parts.join('\n');
}

function binaryAsText(value: unknown): unknown {
  if (value instanceof ArrayBuffer) return new TextDecoder().decode(value);
  if (ArrayBuffer.isView(value)) return new TextDecoder().decode(value);
  return value;
}

describe('outbox', () => {
  it('queues an application and reads it back unchanged', async () => {
    const outbox = createOutbox(createMemoryDraftStorage());
    const application = canaryApplication();
    const item = await outbox.enqueue({ application, idempotencyKey: KEY });
    assert.equal(item.status, 'pending');
    assert.equal(item.attempts, 0);
    assert.equal(item.formId, 'example-union');
    assert.equal(item.idempotencyKey, KEY);
    assert.deepEqual(await outbox.readApplication(item.id), application);
    assert.deepEqual(await outbox.list(), [item]);
  });

  it('keeps queued applications encrypted at rest', async () => {
    const storage = createMemoryDraftStorage();
    await createOutbox(storage).enqueue({ application: canaryApplication(), idempotencyKey: KEY });
    const text = await storageText(storage);
    assert.ok(text.includes(KEY), 'the bookkeeping is readable');
    for (const canary of CANARIES) assert.ok(!text.includes(canary), `${canary} is not stored`);
  });

  it('queues the same idempotency key once', async () => {
    const outbox = createOutbox(createMemoryDraftStorage());
    const first = await outbox.enqueue({ application: canaryApplication(), idempotencyKey: KEY });
    const second = await outbox.enqueue({ application: canaryApplication(), idempotencyKey: KEY });
    assert.equal(second.id, first.id);
    assert.equal((await outbox.list()).length, 1);
  });

  it('replaces the application of a pending item queued again under its key: the latest answers win', async () => {
    const outbox = createOutbox(createMemoryDraftStorage());
    const first = await outbox.enqueue({ application: canaryApplication(), idempotencyKey: KEY });
    const corrected = canaryApplication();
    corrected.answers.givenName = 'Grace';
    const second = await outbox.enqueue({ application: corrected, idempotencyKey: KEY });
    assert.equal(second.id, first.id);
    assert.equal((await outbox.list()).length, 1);
    assert.deepEqual(await outbox.readApplication(first.id), corrected);
  });

  it('keeps a refused item as it was when the same key is queued again', async () => {
    const outbox = createOutbox(createMemoryDraftStorage());
    const first = await outbox.enqueue({ application: canaryApplication(), idempotencyKey: KEY });
    await outbox.recordFailure(first.id, { code: 'validation_failed', status: 422 });
    const corrected = canaryApplication();
    corrected.answers.givenName = 'Grace';
    await outbox.enqueue({ application: corrected, idempotencyKey: KEY });
    assert.deepEqual(await outbox.readApplication(first.id), canaryApplication());
  });

  it('says whether queued applications outlive the page', async () => {
    assert.equal(createOutbox(createMemoryDraftStorage()).persistent, false);
  });

  it('makes an idempotency key when none is given', async () => {
    const outbox = createOutbox(createMemoryDraftStorage());
    const a = await outbox.enqueue({ application: canaryApplication() });
    const b = await outbox.enqueue({ application: canaryApplication() });
    assert.match(a.idempotencyKey, /^[0-9a-f-]{36}$/);
    assert.notEqual(a.idempotencyKey, b.idempotencyKey);
  });

  it('refuses something that is not an application, or a key that cannot be sent', async () => {
    const outbox = createOutbox(createMemoryDraftStorage());
    await assert.rejects(
      outbox.enqueue({ application: { answers: {} } as never }),
      (error: unknown) => error instanceof OutboxError && error.code === 'invalid_application',
    );
    await assert.rejects(
      outbox.enqueue({ application: canaryApplication(), idempotencyKey: 'has spaces' }),
      (error: unknown) => error instanceof OutboxError && error.code === 'invalid_idempotency_key',
    );
    assert.deepEqual(await outbox.list(), []);
  });

  it('reports a queued application that cannot be decrypted as unreadable', async () => {
    const storage = createMemoryDraftStorage();
    const outbox = createOutbox(storage);
    const item = await outbox.enqueue({ application: canaryApplication(), idempotencyKey: KEY });
    await storage.stores.meta.delete('outbox-key');
    const other = createOutbox(storage);
    await assert.rejects(
      other.readApplication(item.id),
      (error: unknown) => error instanceof OutboxError && error.code === 'unreadable',
    );
    await assert.rejects(
      other.readApplication('missing'),
      (error: unknown) => error instanceof OutboxError && error.code === 'not_found',
    );
  });

  it('skips corrupt records when listing, without deleting them', async () => {
    const storage = createMemoryDraftStorage();
    const outbox = createOutbox(storage);
    await storage.stores.outbox.set('junk', { id: 1, status: 'sent' });
    await storage.stores.outbox.set('text', 'not an item');
    const item = await outbox.enqueue({ application: canaryApplication(), idempotencyKey: KEY });
    assert.deepEqual(
      (await outbox.list()).map((listed) => listed.id),
      [item.id],
    );
    assert.equal((await storage.stores.outbox.entries()).length, 3);
  });
});

describe('outbox sender', () => {
  it('delivers a queued application with its original key, then deletes it and keeps a receipt', async () => {
    const server = createFakeServer();
    const outbox = createOutbox(createMemoryDraftStorage());
    const item = await outbox.enqueue({ application: canaryApplication(), idempotencyKey: KEY });
    const delivered: string[] = [];
    const sender = createOutboxSender({
      client: server.client,
      store: outbox,
      onDelivered: (_item, receipt) => delivered.push(receipt.reference),
    });
    await sender.flush();
    assert.deepEqual(server.requests, [KEY]);
    assert.equal(server.stored.size, 1);
    assert.deepEqual(delivered, ['app-1']);
    assert.deepEqual(await outbox.list(), []);
    const receipts = await outbox.receipts('example-union');
    assert.equal(receipts.length, 1);
    assert.equal(receipts[0]?.id, item.id);
    assert.equal(receipts[0]?.reference, 'app-1');
    await outbox.dismissReceipt(item.id);
    assert.deepEqual(await outbox.receipts(), []);
  });

  describe('send (the Send button)', () => {
    const pageLock: OutboxLock = { run: async (task) => ({ acquired: true, value: await task() }) };

    it('keeps the application on the device while the request is out, then leaves a receipt', async () => {
      const server = createFakeServer();
      const outbox = createOutbox(createMemoryDraftStorage());
      let duringRequest: OutboxItem[] = [];
      const delivered: string[] = [];
      const sender = createOutboxSender({
        client: {
          submit: async (application, options) => {
            duringRequest = await outbox.list();
            return server.client.submit(application, options);
          },
        },
        store: outbox,
        onDelivered: (_item, receipt) => delivered.push(receipt.reference),
      });
      const receipt = await sender.send(canaryApplication(), { idempotencyKey: KEY });
      assert.equal(receipt.reference, 'app-1');
      assert.equal(receipt.receivedAt, '2025-01-01T10:00:00.000Z');
      assert.deepEqual(
        duringRequest.map((item) => [item.idempotencyKey, item.status]),
        [[KEY, 'pending']],
      );
      assert.deepEqual(await outbox.list(), [], 'gone once accepted');
      assert.deepEqual(
        (await outbox.receipts()).map((kept) => [kept.id, kept.reference]),
        [[receipt.id, 'app-1']],
      );
      assert.deepEqual(delivered, ['app-1']);
      assert.deepEqual(server.requests, [KEY]);
    });

    it('a page closed before the answer came leaves it queued, and the next page delivers that one', async () => {
      const server = createFakeServer();
      const storage = createMemoryDraftStorage();
      // The request reaches the server; the page is gone before the answer is back.
      const closing = createOutboxSender({
        client: {
          submit: async (application, options) => {
            await server.client.submit(application, options);
            return new Promise<never>(() => undefined);
          },
        },
        store: createOutbox(storage),
        lock: pageLock,
      });
      void closing.send(canaryApplication(), { idempotencyKey: KEY });
      await new Promise((resolve) => setTimeout(resolve, 30));

      const references: string[] = [];
      const nextPage = createOutboxSender({
        client: server.client,
        store: createOutbox(storage),
        lock: pageLock,
        onDelivered: (_item, receipt) => references.push(receipt.reference),
      });
      await nextPage.flush();
      assert.deepEqual(server.requests, [KEY, KEY], 'sent again with the same key');
      assert.equal(server.stored.size, 1, 'stored once');
      assert.deepEqual(references, ['app-1'], 'the reference of the first send');
      assert.deepEqual(await createOutbox(storage).list(), []);
    });

    it('takes a refused application off the device and rejects with the refusal', async () => {
      const server = createFakeServer();
      server.script.push('rejected');
      const outbox = createOutbox(createMemoryDraftStorage());
      const sender = createOutboxSender({ client: server.client, store: outbox });
      await assert.rejects(sender.send(canaryApplication(), { idempotencyKey: KEY }), {
        status: 422,
      });
      assert.deepEqual(await outbox.list(), []);
      assert.deepEqual(await outbox.receipts(), []);
    });

    it('keeps an undelivered application pending for the next pass, but not one the server asked to slow down', async () => {
      let time = 1_000_000;
      const server = createFakeServer();
      server.script.push('network-error', 'rate-limited');
      const outbox = createOutbox(createMemoryDraftStorage(), { now: () => time });
      const sender = createOutboxSender({
        client: server.client,
        store: outbox,
        now: () => time,
        backoff: () => 7_000,
      });
      await assert.rejects(sender.send(canaryApplication(), { idempotencyKey: KEY }), {
        name: 'ConnectionError',
      });
      const [kept] = await outbox.list();
      assert.equal(kept?.status, 'pending');
      assert.equal(kept?.attempts, 1);
      assert.equal(kept?.nextAttemptAt, time + 7_000);

      // Rate limited: the applicant is told to wait and sends again, so nothing waits on the device.
      time += 10_000;
      const other = '0c6f2d1e-8a47-4f0b-9a3e-5d2c1b0a9f88';
      await outbox.remove(kept.id);
      await assert.rejects(sender.send(canaryApplication(), { idempotencyKey: other }), {
        status: 429,
      });
      assert.deepEqual(await outbox.list(), []);
    });

    it('stops waiting for an answer when the signal aborts, and keeps the application queued for the next pass', async () => {
      let time = 1_000_000;
      const server = createFakeServer();
      const outbox = createOutbox(createMemoryDraftStorage(), { now: () => time });
      const seen: (AbortSignal | undefined)[] = [];
      // A server that never answers: the request ends only when its signal aborts.
      const silent = createOutboxSender({
        client: {
          submit: (_application, { signal }) => {
            seen.push(signal);
            return new Promise<never>((_resolve, reject) =>
              signal?.addEventListener('abort', () => reject(signal.reason as Error)),
            );
          },
        },
        store: outbox,
        now: () => time,
        backoff: () => 5_000,
      });
      const deadline = new AbortController();
      const sending = silent.send(canaryApplication(), {
        idempotencyKey: KEY,
        signal: deadline.signal,
      });
      await new Promise((resolve) => setTimeout(resolve, 20));
      deadline.abort(new TimeoutError(20_000));
      await assert.rejects(sending, { name: 'TimeoutError' });
      assert.equal(seen[0], deadline.signal, 'the client was given the signal');
      const [kept] = await outbox.list();
      assert.equal(kept?.status, 'pending');
      assert.equal(kept?.nextAttemptAt, time + 5_000);

      time += 5_000;
      const next = createOutboxSender({ client: server.client, store: outbox, now: () => time });
      await next.flush();
      assert.deepEqual(server.requests, [KEY], 'sent once more, with the same key');
      assert.deepEqual(await outbox.list(), []);
    });

    it('still sends when the device cannot hold the application', async () => {
      const server = createFakeServer();
      const outbox = createOutbox(createMemoryDraftStorage());
      const full = { ...outbox, enqueue: () => Promise.reject(new Error('QuotaExceededError')) };
      const sender = createOutboxSender({ client: server.client, store: full });
      const receipt = await sender.send(canaryApplication(), { idempotencyKey: KEY });
      assert.equal(receipt.reference, 'app-1');
      assert.equal(server.stored.size, 1);
    });

    it('sends the application given and replaces a pending one queued under the same key', async () => {
      const server = createFakeServer();
      const outbox = createOutbox(createMemoryDraftStorage());
      await outbox.enqueue({ application: canaryApplication(), idempotencyKey: KEY });
      const corrected = canaryApplication();
      corrected.answers.givenName = 'Grace';
      const sender = createOutboxSender({ client: server.client, store: outbox });
      await sender.send(corrected, { idempotencyKey: KEY });
      assert.equal(server.stored.get(KEY)?.application.answers.givenName, 'Grace');
      assert.deepEqual(await outbox.list(), []);
      await sender.flush();
      assert.deepEqual(server.requests, [KEY], 'not sent a second time');
    });
  });

  it('marks a definitive refusal failed, keeps it with the reason and does not send it again', async () => {
    const server = createFakeServer();
    server.script.push('rejected');
    const outbox = createOutbox(createMemoryDraftStorage());
    await outbox.enqueue({ application: canaryApplication(), idempotencyKey: KEY });
    const failed: OutboxItem[] = [];
    const sender = createOutboxSender({
      client: server.client,
      store: outbox,
      onFailed: (item) => failed.push(item),
    });
    await sender.flush();
    await sender.flush();
    assert.equal(server.requests.length, 1);
    const [kept] = await outbox.list();
    assert.equal(kept?.status, 'failed');
    assert.deepEqual(kept?.failure, {
      code: 'validation_failed',
      status: 422,
      issues: [{ path: ['answers', 'email'], code: 'invalid_email' }],
    });
    assert.equal(failed.length, 1);
    assert.equal(server.stored.size, 0);
  });

  for (const trouble of ['unavailable', 'network-error', 'rate-limited'] as const) {
    it(`keeps the item pending after ${trouble}, counts the attempt and backs off`, async () => {
      const server = createFakeServer();
      server.script.push(trouble);
      let time = 1_000_000;
      const outbox = createOutbox(createMemoryDraftStorage(), { now: () => time });
      await outbox.enqueue({ application: canaryApplication(), idempotencyKey: KEY });
      const retried: unknown[] = [];
      const sender = createOutboxSender({
        client: server.client,
        store: outbox,
        now: () => time,
        backoff: () => 60_000,
        onRetry: (_item, error) => retried.push(error),
      });
      await sender.flush();
      const [kept] = await outbox.list();
      assert.equal(kept?.status, 'pending');
      assert.equal(kept?.attempts, 1);
      assert.equal(kept?.lastAttemptAt, 1_000_000);
      assert.equal(kept?.nextAttemptAt, 1_060_000);
      assert.equal(retried.length, 1);
      time += 60_000;
      await sender.flush();
      assert.deepEqual(server.requests, [KEY, KEY]);
      assert.equal(server.stored.size, 1);
      assert.deepEqual(await outbox.list(), []);
    });
  }

  it('keeps retrying a form the server does not find (taken down a while, a typo in its file) for a week, then marks it failed', async () => {
    const server = createFakeServer();
    const day = 24 * 60 * 60 * 1000;
    let time = 1_000_000;
    const outbox = createOutbox(createMemoryDraftStorage(), { now: () => time });
    await outbox.enqueue({ application: canaryApplication(), idempotencyKey: KEY });
    const sender = createOutboxSender({
      client: server.client,
      store: outbox,
      now: () => time,
      backoff: () => 60_000,
    });
    server.script.push('not-found');
    await sender.flush();
    assert.equal((await outbox.list())[0]?.status, 'pending', 'the form may be back soon');
    time += 6 * day;
    server.script.push('not-found');
    await sender.flush();
    assert.equal((await outbox.list())[0]?.status, 'pending');
    time += 60_000;
    await sender.flush();
    assert.equal(server.stored.size, 1, 'sent once the form is back');
    assert.deepEqual(await outbox.list(), []);
  });

  it('marks a not-found form failed once the application has waited a week', async () => {
    const server = createFakeServer();
    const day = 24 * 60 * 60 * 1000;
    let time = 1_000_000;
    const outbox = createOutbox(createMemoryDraftStorage(), { now: () => time });
    await outbox.enqueue({ application: canaryApplication(), idempotencyKey: KEY });
    const sender = createOutboxSender({ client: server.client, store: outbox, now: () => time });
    time += 7 * day + 1;
    server.script.push('not-found');
    await sender.flush();
    const [kept] = await outbox.list();
    assert.equal(kept?.status, 'failed');
    assert.deepEqual(kept?.failure, { code: 'not_found', status: 404 });
  });

  it('keeps an item whose application was replaced while it was being sent, and sends the new one', async () => {
    const outbox = createOutbox(createMemoryDraftStorage());
    const item = await outbox.enqueue({ application: canaryApplication(), idempotencyKey: KEY });
    const corrected = canaryApplication();
    corrected.answers.givenName = 'Grace';
    const sent: string[] = [];
    const replaced = deferred();
    const stored = new Map<string, string>();
    const client: OutboxClient = {
      async submit(application, { idempotencyKey }) {
        const body = JSON.stringify(application);
        sent.push(String(application.answers.givenName));
        if (sent.length === 1) {
          await outbox.enqueue({ application: corrected, idempotencyKey });
          replaced.resolve();
        }
        const previous = stored.get(idempotencyKey);
        if (previous !== undefined && previous !== body) {
          throw ApiError.from(400, { error: 'idempotency_key_reused' });
        }
        stored.set(idempotencyKey, body);
        return { id: 'app-1' };
      },
    };
    const delivered: string[] = [];
    const failed: (string | undefined)[] = [];
    const sender = createOutboxSender({
      client,
      store: outbox,
      onDelivered: (_item, receipt) => delivered.push(receipt.reference),
      onFailed: (failure) => failed.push(failure.failure?.code),
    });
    await sender.flush();
    await replaced.promise;
    assert.deepEqual(delivered, [], 'the corrected answers were not the ones stored');
    assert.deepEqual(await outbox.readApplication(item.id), corrected);
    await sender.flush();
    assert.deepEqual(sent, ['Ada', 'Grace']);
    // The server already had the first answers under that key: it refuses the second.
    assert.deepEqual(failed, ['idempotency_key_reused']);
    assert.deepEqual(delivered, []);
  });

  it('stops a pass at the first transient failure instead of trying every item', async () => {
    const server = createFakeServer();
    server.script.push('network-error');
    const outbox = createOutbox(createMemoryDraftStorage());
    await outbox.enqueue({ application: canaryApplication(), idempotencyKey: `${KEY}-1` });
    await outbox.enqueue({ application: canaryApplication(), idempotencyKey: `${KEY}-2` });
    await createOutboxSender({ client: server.client, store: outbox }).flush();
    assert.deepEqual(server.requests, [`${KEY}-1`]);
  });

  it('sends items of its own form only', async () => {
    const server = createFakeServer();
    const outbox = createOutbox(createMemoryDraftStorage());
    await outbox.enqueue({ application: canaryApplication('other-union'), idempotencyKey: KEY });
    await createOutboxSender({
      client: server.client,
      store: outbox,
      formId: 'example-union',
    }).flush();
    assert.deepEqual(server.requests, []);
    assert.equal((await outbox.list()).length, 1);
  });

  it('does not send twice when flushed again while sending', async () => {
    const server = createFakeServer(20);
    const outbox = createOutbox(createMemoryDraftStorage());
    await outbox.enqueue({ application: canaryApplication(), idempotencyKey: KEY });
    const sender = createOutboxSender({ client: server.client, store: outbox });
    await Promise.all([sender.flush(), sender.flush(), sender.flush()]);
    assert.deepEqual(server.requests, [KEY]);
  });

  it('resends after a crash between acceptance and deletion, and the server keeps one application', async () => {
    const server = createFakeServer();
    const storage = createMemoryDraftStorage();
    const outbox = createOutbox(storage);
    const item = await outbox.enqueue({ application: canaryApplication(), idempotencyKey: KEY });
    // The page dies right after the 2xx: the delivery is never recorded.
    const crashing = {
      ...outbox,
      recordDelivery: () => Promise.reject(new Error('page closed')),
    };
    await createOutboxSender({ client: server.client, store: crashing }).flush();
    assert.equal((await outbox.list()).length, 1, 'still queued after the crash');

    const references: string[] = [];
    const nextPage = createOutboxSender({
      client: server.client,
      store: createOutbox(storage),
      onDelivered: (_item, receipt) => references.push(receipt.reference),
    });
    await nextPage.flush();
    assert.deepEqual(server.requests, [KEY, KEY]);
    assert.equal(server.stored.size, 1);
    assert.deepEqual(references, ['app-1']);
    assert.deepEqual(await outbox.list(), []);
    assert.equal((await outbox.receipts())[0]?.id, item.id);
  });

  const locks: [string, (storage: DraftStorage) => OutboxLock][] = [
    ['Web Locks', () => createWebLock('union-join-outbox-test')],
    ['a lease in storage', (storage) => createLeaseLock('outbox', storage.stores.meta)],
  ];
  for (const [name, makeLock] of locks) {
    it(`two tabs racing through ${name} deliver one application, also after a lost response`, async () => {
      const server = createFakeServer(10);
      server.script.push('accept-then-lose-response');
      const storage = createMemoryDraftStorage();
      await createOutbox(storage).enqueue({
        application: canaryApplication(),
        idempotencyKey: KEY,
      });
      const tabs = [0, 1].map(() =>
        createOutboxSender({
          client: server.client,
          store: createOutbox(storage),
          lock: makeLock(storage),
          backoff: () => 0,
        }),
      );
      for (let round = 0; round < 3; round++) {
        await Promise.all(tabs.map((tab) => tab.flush()));
      }
      assert.equal(server.maxInFlight, 1, 'never two requests at once');
      assert.deepEqual(server.requests, [KEY, KEY], 'one lost response, one replay');
      assert.equal(server.stored.size, 1);
      assert.deepEqual(await createOutbox(storage).list(), []);
    });
  }

  it('sends on the online event and when a retry falls due once started', async () => {
    const server = createFakeServer(1);
    server.script.push('network-error');
    const outbox = createOutbox(createMemoryDraftStorage());
    const target = new EventTarget();
    const delivered = deferred<string>();
    const retried = deferred<void>();
    const sender = createOutboxSender({
      client: server.client,
      store: outbox,
      target,
      backoff: () => 60_000,
      onRetry: () => retried.resolve(),
      onDelivered: (_item, receipt) => delivered.resolve(receipt.reference),
    });
    await outbox.enqueue({ application: canaryApplication(), idempotencyKey: KEY });
    sender.start();
    await retried.promise;
    target.dispatchEvent(new Event('online'));
    assert.equal(await delivered.promise, 'app-1');
    sender.stop();
    assert.deepEqual(server.requests, [KEY, KEY]);
  });

  it('flush without force leaves an item that is not due yet; a forced flush sends it', async () => {
    const server = createFakeServer(1);
    const outbox = createOutbox(createMemoryDraftStorage());
    await outbox.enqueue({
      application: canaryApplication(),
      idempotencyKey: KEY,
      nextAttemptAt: Date.now() + 60_000,
    });
    const sender = createOutboxSender({ client: server.client, store: outbox });
    await sender.flush({ force: false });
    assert.deepEqual(server.requests, []);
    await sender.flush();
    assert.deepEqual(server.requests, [KEY]);
  });

  it('retries on its own once the backoff has passed', async () => {
    const server = createFakeServer(1);
    server.script.push('unavailable');
    const outbox = createOutbox(createMemoryDraftStorage());
    await outbox.enqueue({ application: canaryApplication(), idempotencyKey: KEY });
    const delivered = deferred<string>();
    const sender = createOutboxSender({
      client: server.client,
      store: outbox,
      target: new EventTarget(),
      backoff: () => 30,
      onDelivered: (_item, receipt) => delivered.resolve(receipt.reference),
    });
    sender.start();
    assert.equal(await delivered.promise, 'app-1');
    sender.stop();
    assert.deepEqual(server.requests, [KEY, KEY]);
  });

  it('without Web Locks, the default lock still delivers, from this page alone', async () => {
    Object.defineProperty(navigator, 'locks', { value: undefined, configurable: true });
    try {
      const server = createFakeServer();
      const outbox = createOutbox(createMemoryDraftStorage());
      await outbox.enqueue({ application: canaryApplication(), idempotencyKey: KEY });
      await createOutboxSender({ client: server.client, store: outbox }).flush();
      assert.deepEqual(server.requests, [KEY]);
      assert.deepEqual(await outbox.list(), []);
    } finally {
      delete (navigator as { locks?: unknown }).locks;
    }
    assert.equal(typeof navigator.locks, 'object');
  });

  it('a lease held by another tab makes the sender wait and try again', async () => {
    const storage = createMemoryDraftStorage();
    const holder = createLeaseLock('outbox', storage.stores.meta, { ttlMs: 1_000 });
    const waiter = createLeaseLock('outbox', storage.stores.meta, { ttlMs: 1_000 });
    const release = deferred<void>();
    const held = holder.run(() => release.promise);
    await new Promise((resolve) => setTimeout(resolve, 5));
    const attempt = await waiter.run(async () => 'ran');
    assert.equal(attempt.acquired, false);
    assert.ok(!attempt.acquired && attempt.retryInMs > 0 && attempt.retryInMs <= 1_000);
    release.resolve();
    await held;
    assert.deepEqual(await waiter.run(async () => 'ran'), { acquired: true, value: 'ran' });
  });

  it('a lease left by a crashed tab expires', async () => {
    const storage = createMemoryDraftStorage();
    let time = 0;
    await storage.stores.meta.set('lease:outbox', { owner: 'crashed', expiresAt: 500 });
    const lock = createLeaseLock('outbox', storage.stores.meta, { now: () => time });
    assert.equal((await lock.run(async () => 1)).acquired, false);
    time = 500;
    assert.deepEqual(await lock.run(async () => 1), { acquired: true, value: 1 });
  });
});
