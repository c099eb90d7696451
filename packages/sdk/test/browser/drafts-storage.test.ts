import { expect } from '@open-wc/testing';
import { parseFormDefinition } from '../../src/definition/index.ts';
import {
  createDraftStore,
  createMemoryDraftStorage,
  createOutbox,
  openDraftStorage,
  type DraftStorage,
} from '../../src/drafts/index.ts';
import type { Answers } from '../../src/application/index.ts';
import {
  CANARIES,
  canaryApplication,
  draftDefinitionJson,
  fullAnswers,
} from '../drafts-fixtures.ts';
import {
  databaseNames,
  deleteDatabase,
  failingOpenFactory,
  hangingFactory,
  putRaw,
  quotaFactory,
  rawIndexedDbText,
  throwingFactory,
} from './drafts-browser-helpers.ts';

const definition = parseFormDefinition(draftDefinitionJson());
const answers = fullAnswers() as Answers;
let databaseName = '';
const opened: DraftStorage[] = [];

async function open(options: Parameters<typeof openDraftStorage>[0] = {}): Promise<DraftStorage> {
  const storage = await openDraftStorage({ databaseName, ...options });
  opened.push(storage);
  return storage;
}

describe('draft storage in the browser', () => {
  beforeEach(() => {
    databaseName = `union-join-test-${crypto.randomUUID()}`;
  });

  afterEach(async () => {
    for (const storage of opened.splice(0)) storage.close();
    for (const name of await databaseNames()) await deleteDatabase(name);
  });

  it('keeps a draft in IndexedDB across a reload', async () => {
    const first = await open();
    expect(first.persistent).to.equal(true);
    await createDraftStore(first).saveDraft(definition, { stepId: 'work', answers });
    first.close();

    const reloaded = await open();
    const restored = await createDraftStore(reloaded).restoreDraft(definition);
    expect(restored?.stepId).to.equal('work');
    expect(restored?.answers.givenName).to.equal('Ada');
    expect(restored?.answers.interests).to.deep.equal(['pay', 'safety']);
  });

  it('never writes an IBAN, bank account or national id into IndexedDB', async () => {
    const storage = await open();
    await createDraftStore(storage).saveDraft(definition, { stepId: 'payment', answers });
    await createOutbox(storage).enqueue({ application: canaryApplication() });
    const raw = await rawIndexedDbText();
    expect(raw).to.contain('ada@example.org');
    for (const canary of CANARIES) expect(raw).not.to.contain(canary);
  });

  it('deletes an expired draft instead of offering it', async () => {
    let time = Date.now();
    const storage = await open();
    const drafts = createDraftStore(storage, { now: () => time });
    await drafts.saveDraft(definition, { answers });
    time += 15 * 24 * 60 * 60 * 1000;
    expect(await drafts.restoreDraft(definition)).to.equal(undefined);
    expect(await rawIndexedDbText()).not.to.contain('ada@example.org');
  });

  it('restores what still fits a newer form version', async () => {
    const storage = await open();
    await createDraftStore(storage).saveDraft(definition, { answers });
    const json = draftDefinitionJson({ version: 2 });
    const steps = json.steps as { fields: Record<string, unknown>[] }[];
    steps[0]!.fields = steps[0]!.fields.filter((field) => field.id !== 'email');
    const restored = await createDraftStore(storage).restoreDraft(parseFormDefinition(json));
    expect(restored?.answers.givenName).to.equal('Ada');
    expect(restored?.answers).not.to.have.property('email');
    expect(restored?.answers).not.to.have.property('newsletter');
  });

  it('survives corrupt and hostile drafts written straight into the database', async () => {
    const storage = await open();
    const drafts = createDraftStore(storage);
    const hostile: unknown[] = [
      'garbage',
      new Blob(['x']),
      {
        v: 1,
        formId: 'example-union',
        formVersion: 1,
        answers: new Map(),
        savedAt: Date.now(),
        expiresAt: Date.now() + 1000,
      },
      {
        v: 1,
        formId: 'example-union',
        formVersion: 1,
        types: { givenName: 'text', newsletter: 'consent', interests: 'multi-choice' },
        answers: JSON.parse(
          '{"__proto__": {"isAdmin": true}, "givenName": {"length": 1}}',
        ) as unknown,
        savedAt: Date.now(),
        expiresAt: Date.now() + 1000,
      },
      {
        v: 1,
        formId: 'example-union',
        formVersion: 1,
        types: { givenName: 'text', newsletter: 'consent', interests: 'multi-choice' },
        answers: { givenName: 'x'.repeat(2_000_000), interests: new Array(100_000).fill('pay') },
        savedAt: Date.now(),
        expiresAt: Date.now() + 1000,
      },
    ];
    for (const record of hostile) {
      await putRaw(databaseName, 'drafts', 'example-union', record);
      expect(await drafts.restoreDraft(definition)).to.equal(undefined);
      expect(({} as Record<string, unknown>).isAdmin).to.equal(undefined);
    }
  });

  it('drafts="off": a memory storage creates no database at all', async () => {
    const before = await databaseNames();
    const storage = createMemoryDraftStorage();
    const drafts = createDraftStore(storage);
    await drafts.saveDraft(definition, { answers });
    expect((await drafts.restoreDraft(definition))?.answers.givenName).to.equal('Ada');
    await createOutbox(storage).enqueue({ application: canaryApplication() });
    expect(storage.persistent).to.equal(false);
    expect(await databaseNames()).to.deep.equal(before);
  });

  const unusable: [string, () => IDBFactory | null][] = [
    ['there is no IndexedDB', () => null],
    ['opening throws', throwingFactory],
    ['the open request fails', failingOpenFactory],
    ['opening never finishes', hangingFactory],
    ['every write exceeds the quota', quotaFactory],
  ];
  for (const [situation, factory] of unusable) {
    it(`falls back to memory when ${situation}, and drafts still work`, async () => {
      const storage = await open({ indexedDB: factory(), openTimeoutMs: 200 });
      expect(storage.persistent).to.equal(false);
      const drafts = createDraftStore(storage);
      await drafts.saveDraft(definition, { stepId: 'work', answers });
      const restored = await drafts.restoreDraft(definition);
      expect(restored?.stepId).to.equal('work');
      expect(restored?.answers.givenName).to.equal('Ada');
    });
  }

  it('adds its stores to a database of the same name that lacks them, at any version', async () => {
    const other = indexedDB.open(databaseName, 7);
    other.onupgradeneeded = () => other.result.createObjectStore('something-else');
    await new Promise((resolve) => (other.onsuccess = resolve));
    other.result.close();
    const storage = await open();
    expect(storage.persistent).to.equal(true);
    await createDraftStore(storage).saveDraft(definition, { answers });
    expect((await createDraftStore(storage).restoreDraft(definition))?.answers.givenName).to.equal(
      'Ada',
    );
  });

  it('switches to memory, and says so once, when the database goes away while in use', async () => {
    const storage = await open();
    let told = 0;
    storage.subscribe(() => told++);
    const drafts = createDraftStore(storage);
    await drafts.saveDraft(definition, { answers });
    // Clearing site data (or another tab deleting the database) closes this connection.
    await deleteDatabase(databaseName);
    await drafts.saveDraft(definition, { stepId: 'work', answers });
    await drafts.saveDraft(definition, { stepId: 'payment', answers });
    expect(storage.persistent).to.equal(false);
    expect(told).to.equal(1);
    expect((await drafts.restoreDraft(definition))?.stepId).to.equal('payment');
  });

  it('says so as soon as the database goes away, before anything else is read or written', async () => {
    const storage = await open();
    let told = 0;
    storage.subscribe(() => told++);
    await createDraftStore(storage).saveDraft(definition, { answers });
    // A page holding an application in memory must hear of it now, not at its next write.
    await deleteDatabase(databaseName);
    expect(storage.persistent).to.equal(false);
    expect(told).to.equal(1);
  });
});
