import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseFormDefinition } from '../src/definition/index.ts';
import { fitAnswers } from '../src/drafts/index.ts';
import { draftDefinitionJson, fullAnswers } from './drafts-fixtures.ts';

const definition = parseFormDefinition(draftDefinitionJson());

describe('fitAnswers', () => {
  it('keeps every answer of the right shape except bank details and national ids', () => {
    const { nationalId: _n, iban: _i, bank: _b, ...expected } = fullAnswers();
    assert.deepEqual(fitAnswers(definition, fullAnswers()), expected);
  });

  it('keeps bank details and national ids of fields that set persist: true', () => {
    const json = draftDefinitionJson();
    const steps = json.steps as { fields: Record<string, unknown>[] }[];
    for (const field of steps.flatMap((step) => step.fields)) {
      if (['nationalId', 'iban', 'bank'].includes(field.id as string)) field.persist = true;
    }
    assert.deepEqual(fitAnswers(parseFormDefinition(json), fullAnswers()), fullAnswers());
  });

  it('drops answers to fields that do not exist', () => {
    assert.deepEqual(fitAnswers(definition, { givenName: 'Ada', removed: 'x' }), {
      givenName: 'Ada',
    });
  });

  it('drops values of the wrong shape for their field type', () => {
    const wrong = {
      givenName: 42,
      birthDate: '1990-02-30',
      email: ['ada@example.org'],
      children: Number.POSITIVE_INFINITY,
      home: 'Leeds',
      membershipType: 'retired',
      interests: 'pay',
      shiftWorker: 'yes',
      newsletter: 1,
    };
    assert.deepEqual(fitAnswers(definition, wrong), {});
  });

  it('keeps a half-typed date as typed, so the applicant finds it after a reload', () => {
    for (const partial of ['-12-10', '1985--10', '1985-12-', '--7', '19-3-']) {
      assert.deepEqual(fitAnswers(definition, { birthDate: partial }), { birthDate: partial });
    }
  });

  it('drops a date that is neither whole and real nor digits missing a part', () => {
    for (const junk of ['--', '1985-12-1o', 'x-1-2', '12345-1-', '-123-1', '1985-12', '-1-2-3']) {
      assert.deepEqual(fitAnswers(definition, { birthDate: junk }), {}, junk);
    }
  });

  it('keeps the offered choices of a multi-choice answer and the known parts of an address', () => {
    const answers = fitAnswers(definition, {
      interests: ['pay', 'gone', 'pay', 7],
      home: { line1: '1 High Street', town: 5, extra: 'x' },
    });
    assert.deepEqual(answers, { interests: ['pay'], home: { line1: '1 High Street' } });
  });

  it('leaves consents out when asked to', () => {
    assert.deepEqual(
      fitAnswers(definition, { newsletter: true, givenName: 'Ada' }, { consents: false }),
      {
        givenName: 'Ada',
      },
    );
  });

  it('copies no prototype keys and survives hostile input', () => {
    const hostile = JSON.parse(
      '{"__proto__": {"polluted": true}, "givenName": "Ada", "home": {"__proto__": {"line1": "x"}}}',
    ) as unknown;
    const answers = fitAnswers(definition, hostile);
    assert.deepEqual(answers, { givenName: 'Ada' });
    assert.equal(Object.getPrototypeOf(answers), Object.prototype);
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
    const throwing = Object.defineProperty({}, 'givenName', {
      enumerable: true,
      get() {
        throw new Error('boom');
      },
    });
    assert.deepEqual(fitAnswers(definition, throwing), {});
    for (const junk of [null, undefined, 'text', 42, [], [['givenName', 'Ada']], true]) {
      assert.deepEqual(fitAnswers(definition, junk), {});
    }
  });

  it('refuses huge values', () => {
    assert.deepEqual(
      fitAnswers(definition, {
        givenName: 'x'.repeat(100_000),
        interests: Array.from({ length: 100_000 }, () => 'pay'),
        home: { line1: 'y'.repeat(100_000) },
      }),
      {},
    );
  });
});
