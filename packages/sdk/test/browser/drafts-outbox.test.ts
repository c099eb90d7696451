import { expect } from '@open-wc/testing';
import type { SetupWorker } from 'msw/browser';
import { createClient } from '../../src/client/index.ts';
import {
  createOutbox,
  createOutboxSender,
  openDraftStorage,
  type DeliveryReceipt,
  type DraftStorage,
  type OutboxItem,
  type OutboxSender,
} from '../../src/drafts/index.ts';
import { CANARIES, canaryApplication, deferred } from '../drafts-fixtures.ts';
import {
  ENDPOINT,
  databaseNames,
  deleteDatabase,
  rawIndexedDbText,
  startFakeBackend,
  type FakeBackend,
} from './drafts-browser-helpers.ts';

let backend: FakeBackend;
let worker: SetupWorker;
let databaseName = '';
const opened: DraftStorage[] = [];
const senders: OutboxSender[] = [];

/** One browser tab: its own database connection, client and sender. */
async function openTab(
  callbacks: {
    onDelivered?: (item: OutboxItem, receipt: DeliveryReceipt) => void;
    onFailed?: (item: OutboxItem) => void;
    onRetry?: (item: OutboxItem) => void;
  } = {},
  indexedDB?: IDBFactory | null,
) {
  const storage = await openDraftStorage({ databaseName, indexedDB });
  opened.push(storage);
  const outbox = createOutbox(storage);
  const client = createClient({ endpoint: ENDPOINT, maxRetries: 1, sleep: async () => undefined });
  const sender = createOutboxSender({
    client,
    store: outbox,
    formId: 'example-union',
    lockName: `lock-${databaseName}`,
    backoff: () => 60_000,
    ...callbacks,
  });
  senders.push(sender);
  return { storage, outbox, sender };
}

describe('outbox in the browser', () => {
  before(async () => {
    ({ backend, worker } = await startFakeBackend());
  });

  after(() => worker.stop());

  beforeEach(() => {
    databaseName = `union-join-test-${crypto.randomUUID()}`;
    backend.stored.clear();
    backend.requests.length = 0;
    backend.script.length = 0;
    backend.maxInFlight = 0;
    backend.offline = false;
  });

  afterEach(async () => {
    for (const sender of senders.splice(0)) sender.stop();
    for (const storage of opened.splice(0)) storage.close();
    for (const name of await databaseNames()) await deleteDatabase(name);
  });

  it('queues while offline and delivers once when the browser is back online', async () => {
    backend.offline = true;
    const retried = deferred<void>();
    const delivered = deferred<DeliveryReceipt>();
    const tab = await openTab({
      onRetry: () => retried.resolve(),
      onDelivered: (_item, receipt) => delivered.resolve(receipt),
    });
    const item = await tab.outbox.enqueue({ application: canaryApplication() });
    tab.sender.start();
    await retried.promise;
    const [waiting] = await tab.outbox.list();
    expect(waiting?.status).to.equal('pending');
    expect(waiting?.attempts).to.equal(1);
    const raw = await rawIndexedDbText();
    expect(raw).to.contain(item.idempotencyKey);
    for (const canary of CANARIES) expect(raw).not.to.contain(canary);

    backend.offline = false;
    window.dispatchEvent(new Event('online'));
    const receipt = await delivered.promise;
    expect(receipt.reference).to.equal('app-1');
    expect(backend.stored.size).to.equal(1);
    expect([...backend.stored.keys()]).to.deep.equal([item.idempotencyKey]);
    expect(await tab.outbox.list()).to.deep.equal([]);
  });

  it('two tabs racing after a 503 deliver exactly one application', async () => {
    backend.script.push(503, 503);
    const first = await openTab();
    const second = await openTab();
    const item = await first.outbox.enqueue({ application: canaryApplication() });
    for (let round = 0; round < 3; round++) {
      await Promise.all([first.sender.flush(), second.sender.flush()]);
    }
    expect(backend.stored.size).to.equal(1);
    expect(backend.maxInFlight).to.equal(1);
    expect(new Set(backend.requests)).to.deep.equal(new Set([item.idempotencyKey]));
    // The client retried once per pass (two 503s), then one request was accepted; nothing more.
    expect(backend.requests.length).to.equal(3);
    expect(await second.outbox.list()).to.deep.equal([]);
    const receipts = await second.outbox.receipts();
    expect(receipts.map((receipt) => receipt.reference)).to.deep.equal(['app-1']);
  });

  it('keeps a refused application as failed, with the reason, across a reload', async () => {
    backend.script.push(422);
    const failed = deferred<OutboxItem>();
    const tab = await openTab({ onFailed: (item) => failed.resolve(item) });
    await tab.outbox.enqueue({ application: canaryApplication() });
    tab.sender.start();
    const item = await failed.promise;
    expect(item.failure?.code).to.equal('validation_failed');
    tab.storage.close();

    const reloaded = await openTab();
    await reloaded.sender.flush();
    const [kept] = await reloaded.outbox.list();
    expect(kept?.status).to.equal('failed');
    expect(kept?.failure).to.deep.equal({
      code: 'validation_failed',
      status: 422,
      issues: [{ path: ['answers', 'email'], code: 'invalid_email' }],
    });
    expect(backend.requests.length).to.equal(1);
  });

  it('delivers the next time the page opens', async () => {
    backend.offline = true;
    const first = await openTab();
    await first.outbox.enqueue({ application: canaryApplication() });
    await first.sender.flush();
    first.storage.close();

    backend.offline = false;
    const delivered = deferred<DeliveryReceipt>();
    const next = await openTab({ onDelivered: (_item, receipt) => delivered.resolve(receipt) });
    next.sender.start();
    expect((await delivered.promise).reference).to.equal('app-1');
    expect(backend.stored.size).to.equal(1);
  });

  it('works in memory when IndexedDB is unavailable', async () => {
    backend.script.push(503, 503);
    const tab = await openTab({}, null);
    expect(tab.storage.persistent).to.equal(false);
    await tab.outbox.enqueue({ application: canaryApplication() });
    await tab.sender.flush();
    expect(backend.stored.size).to.equal(0);
    await tab.sender.flush();
    expect(backend.stored.size).to.equal(1);
    expect(await tab.outbox.list()).to.deep.equal([]);
  });
});
