import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseFormDefinition } from '../src/definition/index.ts';
import { REVIEW_STEP, createDraftStore, createMemoryDraftStorage } from '../src/drafts/index.ts';
import type { Answers } from '../src/application/index.ts';
import { draftDefinitionJson, fullAnswers } from './drafts-fixtures.ts';

const DAY = 24 * 60 * 60 * 1000;
const definition = parseFormDefinition(draftDefinitionJson());
const answers = fullAnswers() as Answers;

function setup(start = Date.UTC(2025, 0, 1)) {
  const clock = { time: start };
  const storage = createMemoryDraftStorage();
  const drafts = createDraftStore(storage, { now: () => clock.time });
  return { clock, storage, drafts };
}

describe('draft store', () => {
  it('keeps "Check your answers" as the place the applicant left, and no unknown step', async () => {
    const { drafts } = setup();
    await drafts.saveDraft(definition, { stepId: REVIEW_STEP, answers });
    assert.equal((await drafts.restoreDraft(definition))?.stepId, '#review');
    await drafts.saveDraft(definition, { stepId: '#elsewhere', answers });
    assert.equal((await drafts.restoreDraft(definition))?.stepId, undefined);
  });

  it('restores the step and the persistable answers', async () => {
    const { drafts } = setup();
    await drafts.saveDraft(definition, {
      stepId: 'work',
      answers,
      consentAt: { newsletter: '2025-01-01T09:00:00.000Z' },
    });
    const restored = await drafts.restoreDraft(definition);
    const { nationalId: _n, iban: _i, bank: _b, ...persistable } = fullAnswers();
    assert.equal(restored?.stepId, 'work');
    assert.deepEqual(restored?.answers, persistable);
    assert.deepEqual(restored?.consentAt, { newsletter: '2025-01-01T09:00:00.000Z' });
    assert.equal(restored?.formVersion, 1);
    assert.equal(restored?.savedAt.toISOString(), '2025-01-01T00:00:00.000Z');
    assert.equal(restored?.expiresAt.toISOString(), '2025-01-15T00:00:00.000Z');
  });

  it('keeps the idempotency key every tab sends this draft with, and drops one that cannot be sent', async () => {
    const { drafts } = setup();
    await drafts.saveDraft(definition, { answers, key: 'f0e1d2c3-draft-key' });
    assert.equal((await drafts.restoreDraft(definition))?.key, 'f0e1d2c3-draft-key');
    await drafts.saveDraft(definition, { answers, key: 'not a header value\n' });
    assert.equal((await drafts.restoreDraft(definition))?.key, undefined);
    await drafts.saveDraft(definition, { answers });
    assert.equal((await drafts.restoreDraft(definition))?.key, undefined);
  });

  it('remembers which bank details and identity numbers were given but not kept, to ask for them again', async () => {
    const { drafts, storage } = setup();
    await drafts.saveDraft(definition, {
      answers,
      unkept: ['iban', 'nationalId', 'email', 'nope', 'bank', 'iban'],
    });
    const restored = await drafts.restoreDraft(definition);
    // Only fields that exist and are never kept; an answer kept in the draft is not "unkept".
    assert.deepEqual(restored?.unkept, ['nationalId', 'iban', 'bank']);
    assert.ok(!JSON.stringify(await storage.stores.drafts.entries()).includes('GB82WEST'));
    await drafts.saveDraft(definition, { answers });
    assert.deepEqual((await drafts.restoreDraft(definition))?.unkept, []);
    // A newer version without the field: nothing is asked for it.
    const json = draftDefinitionJson({ version: 2 }) as { steps: { fields: { id: string }[] }[] };
    for (const step of json.steps) step.fields = step.fields.filter((f) => f.id !== 'iban');
    await drafts.saveDraft(definition, { answers, unkept: ['iban'] });
    assert.deepEqual((await drafts.restoreDraft(parseFormDefinition(json)))?.unkept, []);
  });

  it('never writes bank details or national ids, even when the caller passes them', async () => {
    const { drafts, storage } = setup();
    await drafts.saveDraft(definition, { answers });
    const text = JSON.stringify(await storage.stores.drafts.entries());
    assert.ok(text.includes('ada@example.org'));
    for (const canary of ['GB82WEST12345698765432', 'QQ123456C', '00012345', '108800']) {
      assert.ok(!text.includes(canary), `${canary} is not stored`);
    }
  });

  it('deletes a draft once it expires', async () => {
    const { drafts, storage, clock } = setup();
    await drafts.saveDraft(definition, { answers });
    clock.time += 14 * DAY - 1;
    assert.ok(await drafts.restoreDraft(definition));
    clock.time += 1;
    assert.equal(await drafts.restoreDraft(definition), undefined);
    assert.deepEqual(await storage.stores.drafts.entries(), []);
  });

  it('applies a shorter ttl of a newer definition to an older draft', async () => {
    const { drafts, clock } = setup();
    await drafts.saveDraft(definition, { answers });
    clock.time += 3 * DAY;
    const shorter = parseFormDefinition(draftDefinitionJson({ drafts: { ttlDays: 2 } }));
    assert.equal(await drafts.restoreDraft(shorter), undefined);
  });

  it("deletes other forms' expired drafts and keeps their live ones", async () => {
    const { drafts, storage, clock } = setup();
    const other = parseFormDefinition(
      draftDefinitionJson({ id: 'other-union', drafts: { ttlDays: 1 } }),
    );
    const third = parseFormDefinition(
      draftDefinitionJson({ id: 'third-union', drafts: { ttlDays: 30 } }),
    );
    await drafts.saveDraft(other, { answers });
    await drafts.saveDraft(third, { answers });
    clock.time += 2 * DAY;
    await drafts.restoreDraft(definition);
    const keys = (await storage.stores.drafts.entries()).map(([key]) => key);
    assert.deepEqual(keys, ['third-union']);
  });

  it('restores what still fits a newer version of the form', async () => {
    const { drafts, storage } = setup();
    await drafts.saveDraft(definition, {
      stepId: 'work',
      answers,
      consentAt: { newsletter: '2025-01-01T09:00:00.000Z' },
    });
    const json = draftDefinitionJson({ version: 2 });
    const steps = json.steps as { id: string; fields: Record<string, unknown>[] }[];
    // Version 2: "email" became a number, "children" is gone, "student" is no longer offered,
    // the "work" step was renamed.
    steps[0]!.fields = steps[0]!.fields
      .filter((field) => field.id !== 'children')
      .map((field) => (field.id === 'email' ? { ...field, type: 'number' } : field));
    steps[1]!.id = 'job';
    (steps[1]!.fields[0]!.options as unknown[]).splice(0, 1);
    const v2 = parseFormDefinition(json);
    const restored = await drafts.restoreDraft(v2);
    assert.deepEqual(restored?.answers, {
      givenName: 'Ada',
      birthDate: '1990-04-01',
      home: { line1: '1 High Street', town: 'Leeds', postcode: 'LS1 1AA', country: 'GB' },
      interests: ['pay', 'safety'],
      shiftWorker: true,
    });
    assert.equal(restored?.stepId, undefined, 'the step no longer exists');
    assert.equal(restored?.formVersion, 1);
    assert.deepEqual(restored?.consentAt, {});
    // What no longer fits has left the device too.
    const stored = JSON.stringify(await storage.stores.drafts.get('example-union'));
    assert.ok(!stored.includes('ada@example.org'));
    assert.ok(!stored.includes('"newsletter"'));
  });

  it('drops an answer whose field changed type, even when the value would fit the new type', async () => {
    const { drafts } = setup();
    await drafts.saveDraft(definition, {
      answers: { givenName: 'Ada', email: 'ada@example.org' } as Answers,
    });
    const json = draftDefinitionJson({ version: 2 });
    const steps = json.steps as { fields: Record<string, unknown>[] }[];
    steps[0]!.fields = steps[0]!.fields.map((field) =>
      field.id === 'givenName' ? { ...field, type: 'textarea' } : field,
    );
    assert.deepEqual((await drafts.restoreDraft(parseFormDefinition(json)))?.answers, {
      email: 'ada@example.org',
    });
  });

  it('treats a draft that does not say which types its answers had as empty', async () => {
    const { drafts, storage } = setup();
    await storage.stores.drafts.set('example-union', {
      v: 1,
      formId: 'example-union',
      formVersion: 1,
      answers: { givenName: 'Ada' },
      savedAt: Date.UTC(2025, 0, 1),
      expiresAt: Date.UTC(2025, 0, 2),
    });
    assert.equal(await drafts.restoreDraft(definition), undefined);
  });

  it('drops a consent given under another form version, whose text may have changed', async () => {
    const { drafts } = setup();
    await drafts.saveDraft(definition, { answers: { givenName: 'Ada', newsletter: true } });
    const v2 = parseFormDefinition(draftDefinitionJson({ version: 2 }));
    assert.deepEqual((await drafts.restoreDraft(v2))?.answers, { givenName: 'Ada' });
  });

  it('treats corrupt and hostile drafts as no draft, without throwing, and removes them', async () => {
    const corrupt: unknown[] = [
      'text',
      null,
      42,
      [1, 2],
      { v: 1 },
      { v: 2, formId: 'example-union', formVersion: 1, answers: {}, savedAt: 0, expiresAt: 1 },
      { v: 1, formId: 'example-union', formVersion: '1', answers: {}, savedAt: 0, expiresAt: 1 },
      {
        v: 1,
        formId: 'example-union',
        formVersion: 1,
        answers: 'x',
        savedAt: Date.UTC(2025, 0, 1),
        expiresAt: Date.UTC(2025, 0, 2),
      },
      {
        v: 1,
        formId: 'example-union',
        formVersion: 1,
        answers: { givenName: 'Ada' },
        savedAt: Date.UTC(2025, 0, 1),
        expiresAt: Number.MAX_SAFE_INTEGER,
      },
      {
        v: 1,
        formId: 'example-union',
        formVersion: 1,
        types: { givenName: 'text', newsletter: 'consent', interests: 'multi-choice' },
        answers: JSON.parse('{"__proto__": {"givenName": "Eve"}}') as unknown,
        savedAt: Date.UTC(2025, 0, 1),
        expiresAt: Date.UTC(2025, 0, 2),
      },
      {
        v: 1,
        formId: 'example-union',
        formVersion: 1,
        types: { givenName: 'text', newsletter: 'consent', interests: 'multi-choice' },
        answers: { givenName: 'x'.repeat(1_000_000), newsletter: 10n },
        savedAt: Date.UTC(2025, 0, 1),
        expiresAt: Date.UTC(2025, 0, 2),
      },
    ];
    for (const record of corrupt) {
      const { drafts, storage } = setup();
      await storage.stores.drafts.set('example-union', record);
      assert.equal(
        await drafts.restoreDraft(definition),
        undefined,
        JSON.stringify(record, (_k, v: unknown) => (typeof v === 'bigint' ? 'bigint' : v))?.slice(
          0,
          80,
        ),
      );
      assert.deepEqual(await storage.stores.drafts.entries(), []);
    }
  });

  it('keeps a draft saved while the clock was fast, expiring it the ttl from now', async () => {
    const { clock, drafts, storage } = setup(Date.UTC(2025, 0, 3));
    await drafts.saveDraft(definition, { answers: { givenName: 'Ada' } as Answers });
    clock.time = Date.UTC(2025, 0, 1);
    assert.equal(await drafts.purgeExpired(), 0);
    const restored = await drafts.restoreDraft(definition);
    assert.deepEqual(restored?.answers, { givenName: 'Ada' });
    assert.equal(restored?.savedAt.toISOString(), '2025-01-01T00:00:00.000Z');
    assert.equal(restored?.expiresAt.toISOString(), '2025-01-15T00:00:00.000Z');
    clock.time = Date.UTC(2025, 0, 15);
    assert.equal(await drafts.restoreDraft(definition), undefined);
    assert.deepEqual(await storage.stores.drafts.entries(), []);
  });

  it('purging rewrites a draft from the future to now, so it still expires', async () => {
    const { clock, drafts, storage } = setup(Date.UTC(2030, 0, 1));
    await drafts.saveDraft(definition, { answers: { givenName: 'Ada' } as Answers });
    clock.time = Date.UTC(2025, 0, 1);
    assert.equal(await drafts.purgeExpired(), 0);
    clock.time = Date.UTC(2025, 0, 15);
    assert.equal(await drafts.purgeExpired(), 1);
    assert.deepEqual(await storage.stores.drafts.entries(), []);
  });

  it('keeps a draft saved while the clock was at a default date, until the ttl after it is set', async () => {
    const { clock, drafts } = setup(Date.UTC(2000, 0, 1));
    await drafts.saveDraft(definition, { answers: { givenName: 'Ada' } as Answers });
    clock.time = Date.UTC(2000, 0, 2);
    assert.equal((await drafts.restoreDraft(definition))?.answers.givenName, 'Ada');
    clock.time = Date.UTC(2025, 6, 1);
    assert.equal(await drafts.purgeExpired(), 0);
    assert.equal(
      (await drafts.restoreDraft(definition))?.expiresAt.toISOString(),
      '2025-07-15T00:00:00.000Z',
    );
    clock.time = Date.UTC(2025, 6, 15);
    assert.equal(await drafts.restoreDraft(definition), undefined);
  });

  it('still expires a draft saved and reopened while the clock stays at a default date', async () => {
    const { clock, drafts } = setup(Date.UTC(2000, 0, 1));
    await drafts.saveDraft(definition, { answers: { givenName: 'Ada' } as Answers });
    clock.time = Date.UTC(2000, 0, 15);
    assert.equal(await drafts.restoreDraft(definition), undefined);
  });

  it('restores the parts of a damaged draft that are still good', async () => {
    const { drafts, storage } = setup();
    await storage.stores.drafts.set('example-union', {
      v: 1,
      formId: 'example-union',
      formVersion: 1,
      stepId: { evil: true },
      answers: { givenName: 'Ada', email: { toString: 'x' }, newsletter: true },
      types: { givenName: 'text', email: 'email', newsletter: 'consent' },
      consentAt: { newsletter: 'not a time', givenName: '2025-01-01T00:00:00Z' },
      savedAt: Date.UTC(2025, 0, 1),
      expiresAt: Date.UTC(2025, 0, 2),
    });
    const restored = await drafts.restoreDraft(definition);
    assert.deepEqual(restored?.answers, { givenName: 'Ada', newsletter: true });
    assert.equal(restored?.stepId, undefined);
    assert.deepEqual(restored?.consentAt, {});
  });

  it('saving no answers removes the draft, and deleteDraft removes it', async () => {
    const { drafts } = setup();
    await drafts.saveDraft(definition, { answers });
    await drafts.saveDraft(definition, { answers: { iban: 'GB82WEST12345698765432' } as Answers });
    assert.equal(await drafts.restoreDraft(definition), undefined);
    await drafts.saveDraft(definition, { answers });
    await drafts.deleteDraft(definition.id);
    assert.equal(await drafts.restoreDraft(definition), undefined);
  });

  it('keeps one draft per form', async () => {
    const { drafts } = setup();
    const other = parseFormDefinition(draftDefinitionJson({ id: 'other-union' }));
    await drafts.saveDraft(definition, { answers: { givenName: 'Ada' } as Answers });
    await drafts.saveDraft(other, { answers: { givenName: 'Grace' } as Answers });
    await drafts.saveDraft(definition, { answers: { givenName: 'Ada L' } as Answers });
    assert.deepEqual((await drafts.restoreDraft(definition))?.answers, { givenName: 'Ada L' });
    assert.deepEqual((await drafts.restoreDraft(other))?.answers, { givenName: 'Grace' });
  });
});
