import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseFormDefinition } from '../src/definition/index.ts';
import { createFormSession } from '../src/engine/index.ts';
import { VALID, designExample, everyFieldType } from './definition-fixtures.ts';

const example = () => parseFormDefinition(designExample());
const every = () => parseFormDefinition(everyFieldType());
const ids = (list: { id: string }[]) => list.map((item) => item.id);

/** A form whose questions depend on each other in a chain and a list. */
function branching() {
  const form = designExample();
  const work = (form.steps as { fields: unknown[] }[])[1]!;
  work.fields.push(
    {
      id: 'employerSize',
      type: 'choice',
      label: 'Size',
      options: [
        { value: 'small', label: 'Small' },
        { value: 'large', label: 'Large' },
      ],
      showIf: { field: 'employer', notEmpty: true },
    },
    {
      id: 'rep',
      type: 'checkbox',
      label: 'There is a rep',
      showIf: { field: 'employerSize', in: ['large'] },
    },
    { id: 'noRep', type: 'text', label: 'Why not', showIf: { field: 'rep', equals: false } },
  );
  (form.steps as unknown[]).splice(2, 0, {
    id: 'student',
    title: 'Studies',
    fields: [
      {
        id: 'college',
        type: 'text',
        label: 'College',
        showIf: { field: 'membershipType', equals: 'student' },
      },
    ],
  });
  return parseFormDefinition(form);
}

describe('createFormSession: what is asked', () => {
  it('asks fields without showIf and hides the ones whose condition is not met', () => {
    const session = createFormSession(example(), { locale: 'en' });
    assert.deepEqual(ids(session.visibleFields('work')), ['membershipType']);
    assert.equal(session.isVisible('employer'), false);
    session.set('membershipType', 'full');
    assert.deepEqual(ids(session.visibleFields('work')), ['membershipType', 'employer']);
    assert.equal(session.isVisible('employer'), true);
  });

  it('leaves out a step whose fields are all hidden', () => {
    const session = createFormSession(branching(), { locale: 'en' });
    assert.deepEqual(ids(session.visibleSteps()), ['about-you', 'work', 'consent']);
    session.set('membershipType', 'student');
    assert.deepEqual(ids(session.visibleSteps()), ['about-you', 'work', 'student', 'consent']);
  });

  it('hides a field whose condition depends on a hidden field, however far down the chain', () => {
    const session = createFormSession(branching(), { locale: 'en' });
    session.set('membershipType', 'full');
    session.set('employer', 'Acme');
    session.set('employerSize', 'large');
    assert.equal(session.isVisible('rep'), true);
    assert.equal(session.isVisible('noRep'), true, 'an unticked checkbox equals false');
    session.set('rep', true);
    assert.equal(session.isVisible('noRep'), false);
    session.set('rep', false);
    session.set('membershipType', 'student');
    for (const id of ['employer', 'employerSize', 'rep', 'noRep']) {
      assert.equal(session.isVisible(id), false, `${id} is hidden`);
    }
    assert.equal(session.get('employer'), 'Acme', 'the hidden answer is kept in case they go back');
  });

  it('matches equals against any chosen option of a multi-choice', () => {
    const form = everyFieldType();
    (form.steps as { fields: unknown[] }[])[2]!.fields.push({
      id: 'course',
      type: 'text',
      label: 'Course',
      showIf: { field: 'interests', equals: 'training' },
    });
    const session = createFormSession(parseFormDefinition(form), { locale: 'en' });
    session.set('interests', ['pay']);
    assert.equal(session.isVisible('course'), false);
    session.set('interests', ['training', 'pay']);
    assert.equal(session.isVisible('course'), true);
  });

  it('finds fields and their steps, and says nothing of unknown ones', () => {
    const session = createFormSession(example(), { locale: 'en' });
    assert.equal(session.field('email')?.type, 'email');
    assert.equal(session.stepOf('email')?.id, 'about-you');
    assert.equal(session.field('nope'), undefined);
    assert.equal(session.stepOf('nope'), undefined);
    assert.equal(session.isVisible('nope'), false);
  });

  it('throws a RangeError for an unknown step', () => {
    const session = createFormSession(example(), { locale: 'en' });
    assert.throws(() => session.visibleFields('nope'), RangeError);
    assert.throws(() => session.validateStep('nope'), /no step "nope"/);
  });
});

describe('createFormSession: answers are normalised as they are set', () => {
  const cases: [field: string, raw: unknown, stored: unknown][] = [
    ['name', '  Ada  ', 'Ada'],
    ['name', 'A\u030angstr\u00f6m', '\u00c5ngstr\u00f6m'],
    ['name', '   ', undefined],
    ['story', '  line one\nline two  ', 'line one\nline two'],
    ['email', ' ada@example.org ', 'ada@example.org'],
    ['hours', '37', 37],
    ['hours', '7,5', 7.5],
    ['hours', ' 1 000 ', 1000],
    ['hours', 'lots', 'lots'],
    ['hours', 12, 12],
    ['hours', '', undefined],
    ['birthDate', '1990-4-1', '1990-04-01'],
    ['birthDate', { day: '1', month: '4', year: '1990' }, '1990-04-01'],
    ['birthDate', { day: 31, month: 12, year: 1989 }, '1989-12-31'],
    ['birthDate', { day: '', month: '4', year: '1990' }, '1990-04-'],
    ['birthDate', { day: '', month: '', year: '' }, undefined],
    ['sector', ' public ', 'public'],
    ['interests', ['training', ' pay ', 'pay', ''], ['pay', 'training']],
    ['interests', [], undefined],
    ['confirm', true, true],
    ['confirm', false, undefined],
    ['postcode', 'sw1a1aa', 'SW1A 1AA'],
    // A Swedish personnummer in the twelve-digit form registers use, whichever form was typed.
    ['personnummer', ' 811218 - 9876 ', '198112189876'],
    ['personnummer', '8112189876', '198112189876'],
    ['personnummer', '19811218-9876', '198112189876'],
    ['personnummer', '811218+9876', '188112189876'],
    ['personnummer', '701063-2391', '197010632391'],
    // Not a valid number: kept as typed (without separators), so it is shown again with an error.
    ['personnummer', '811218-9875', '8112189875'],
    ['nino', 'ab 12 34 56 c', 'AB123456C'],
    ['iban', 'gb82 west-1234 5698 7654 32', 'GB82WEST12345698765432'],
    [
      'address',
      { line1: ' 1 Storgatan ', town: 'Stockholm', postcode: '11455' },
      { line1: '1 Storgatan', town: 'Stockholm', postcode: '114 55', country: 'SE' },
    ],
    ['address', { country: 'GB' }, undefined],
    [
      'bank',
      { accountHolder: ' Ada ', sortCode: '20-00-00', accountNumber: '5577 9911' },
      { accountHolder: 'Ada', sortCode: '200000', accountNumber: '55779911' },
    ],
    ['bank', { accountHolder: '', sortCode: ' ', accountNumber: '' }, undefined],
    // One-line answers stay on one line: a pasted or crafted line break, tab or other control
    // character becomes a single space (a line break here would split a CSV row or a CRM field).
    ['name', 'a\n=b', 'a =b'],
    ['name', 'Ada\r\n\r\nLovelace', 'Ada Lovelace'],
    ['name', 'Ada \t Lovelace', 'Ada Lovelace'],
    ['name', 'Ada\u0000\u0007\u001bLovelace\u007f', 'Ada Lovelace'],
    ['name', 'Ada\u0085\u2028Lovelace', 'Ada Lovelace'],
    ['name', '\n\t\r', undefined],
    ['email', 'ada@example.org\r\nBcc: eve@example.org', 'ada@example.org Bcc: eve@example.org'],
    ['phone', '+44 7700\n900982', '+44 7700 900982'],
    ['postcode', 'SW1A\n1AA', 'SW1A 1AA'],
    ['nino', 'AB\t123456\nC', 'AB123456C'],
    ['iban', 'GB82\nWEST\t12345698765432', 'GB82WEST12345698765432'],
    ['sector', 'public\n', 'public'],
    [
      'address',
      { line1: '1 Storgatan\nBox 7', line2: 'c/o\tAda', town: 'Stock\rholm', postcode: '114\n55' },
      {
        line1: '1 Storgatan Box 7',
        line2: 'c/o Ada',
        town: 'Stock holm',
        postcode: '114 55',
        country: 'SE',
      },
    ],
    [
      'bank',
      { accountHolder: 'Ada\nLovelace', sortCode: '20\n00\n00', accountNumber: '5577\t9911' },
      { accountHolder: 'Ada Lovelace', sortCode: '200000', accountNumber: '55779911' },
    ],
    // A textarea keeps its lines (as \n, whatever the device sent); tabs become spaces and other
    // control characters go.
    ['story', 'one\r\ntwo\rthree\u2028four', 'one\ntwo\nthree\nfour'],
    ['story', 'a\tb\u0000c\u0007\n\nd\u007f', 'a bc\n\nd'],
    ['story', '\n\u0000 \n', undefined],
  ];
  for (const [field, raw, stored] of cases) {
    it(`stores ${JSON.stringify(raw)} for ${field} as ${JSON.stringify(stored)}`, () => {
      const session = createFormSession(every(), { locale: 'en' });
      session.set(field, raw);
      assert.deepEqual(session.get(field), stored);
      assert.equal(Object.hasOwn(session.answers(), field), stored !== undefined);
    });
  }

  it('dates a ten-digit personnummer by the session’s clock', () => {
    // Whoever turns 100 in a year writes "+" from its first day; until then, a hyphen.
    const at = (now: Date) => {
      const session = createFormSession(every(), { locale: 'sv', now });
      session.set('personnummer', '260101-1238');
      return session.get('personnummer');
    };
    assert.equal(at(new Date(2025, 11, 31)), '192601011238');
    assert.equal(at(new Date(2026, 0, 1)), '202601011238', 'then it is a birth today');
  });

  it('clears an answer set to undefined or null', () => {
    const session = createFormSession(every(), { locale: 'en' });
    session.set('name', 'Ada');
    session.set('name', null);
    assert.equal(session.get('name'), undefined);
    session.set('sector', 'public');
    session.set('sector', undefined);
    assert.deepEqual(session.answers(), {});
  });

  it('throws for an unknown field and for a value of the wrong type, without echoing it', () => {
    const session = createFormSession(every(), { locale: 'en' });
    assert.throws(() => session.set('nope', 'x'), RangeError);
    assert.throws(
      () => session.set('iban', { secret: 'GB82WEST12345698765432' }),
      (error: unknown) =>
        error instanceof TypeError &&
        /"iban" must be a string/.test(error.message) &&
        !error.message.includes('GB82'),
    );
    assert.throws(() => session.set('interests', 'pay'), TypeError);
    assert.throws(() => session.set('confirm', 'yes'), TypeError);
    assert.throws(() => session.set('address', ['1 High St']), TypeError);
    assert.throws(() => session.set('address', { line1: 'x', floor: 2 }), TypeError);
  });

  it('takes a date as text or as the three boxes, and refuses a Date or other objects instead of emptying it', () => {
    const session = createFormSession(every(), { locale: 'en' });
    session.set('birthDate', { day: '1', month: 4, year: '1990' });
    assert.equal(session.get('birthDate'), '1990-04-01');
    for (const wrong of [new Date('1990-04-01'), { d: 1, m: 4, y: 1990 }, new Map()]) {
      assert.throws(
        () => session.set('birthDate', wrong),
        /"birthDate" must be a "YYYY-MM-DD" string or \{ day, month, year \}/,
      );
      assert.equal(session.get('birthDate'), '1990-04-01', 'the answer is kept');
    }
  });

  it('hands out copies, so changing them does not change the answers', () => {
    const session = createFormSession(every(), { locale: 'en' });
    session.set('interests', ['pay']);
    session.set('address', { line1: '1 Storgatan', town: 'Stockholm', postcode: '11455' });
    (session.get('interests') as string[]).push('safety');
    (session.answers().address as { town: string }).town = 'Malmö';
    assert.deepEqual(session.get('interests'), ['pay']);
    assert.equal((session.get('address') as { town: string }).town, 'Stockholm');
  });

  it('returns answers in form order', () => {
    const session = createFormSession(every(), { locale: 'en' });
    session.set('iban', VALID.iban);
    session.set('name', 'Ada');
    assert.deepEqual(Object.keys(session.answers()), ['name', 'iban']);
  });
});

describe('createFormSession: options', () => {
  it('starts from given answers, normalised, skipping unknown fields and unusable values', () => {
    const session = createFormSession(every(), {
      locale: 'en',
      answers: { name: ' Ada ', sector: 42, gone: 'x', iban: 'gb82 west 1234 5698 7654 32' },
    });
    assert.deepEqual(session.answers(), { name: 'Ada', iban: 'GB82WEST12345698765432' });
  });

  it("shows an offered locale and falls back to the form's first for any other", () => {
    const session = createFormSession(example(), { locale: 'nb' });
    assert.equal(session.locale, 'nb');
    session.locale = 'sv';
    assert.equal(session.locale, 'en');
    assert.equal(createFormSession(example(), { locale: 'sv' }).locale, 'en');
  });

  it('calls subscribers after every change until they unsubscribe', () => {
    const session = createFormSession(example(), { locale: 'en' });
    const seen: unknown[] = [];
    const unsubscribe = session.subscribe(() => seen.push(session.get('givenName')));
    session.set('givenName', 'Ada');
    session.set('givenName', 'Ada');
    session.locale = 'nb';
    unsubscribe();
    session.set('givenName', 'Grace');
    assert.deepEqual(seen, ['Ada', 'Ada', 'Ada']);
  });
});

describe('persistableAnswers', () => {
  it('leaves out national ids and bank details unless the field says persist', () => {
    const session = createFormSession(every(), { locale: 'en' });
    session.set('name', 'Ada');
    session.set('personnummer', VALID.personnummer);
    session.set('nino', VALID.nino);
    session.set('iban', VALID.iban);
    session.set('keptIban', VALID.iban);
    session.set('bank', {
      accountHolder: 'Ada',
      sortCode: VALID.sortCode,
      accountNumber: VALID.accountNumber,
    });
    session.set('news', true);
    assert.deepEqual(session.persistableAnswers(), {
      name: 'Ada',
      news: true,
      keptIban: 'GB82WEST12345698765432',
    });
    assert.ok(Object.hasOwn(session.answers(), 'iban'), 'the session itself keeps them');
  });
});
