import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  parseFormDefinition,
  resolveText,
  translations,
  type FieldDefinition,
  type LocalizedText,
} from '@union-join/sdk';
import { formatAnswer } from '../src/internal/format-answer.ts';
import { allFields } from './browser/fixtures/definitions.ts';

const definition = parseFormDefinition(allFields);
const field = (id: string): FieldDefinition => {
  const found = definition.steps.flatMap((s) => s.fields).find((f) => f.id === id);
  assert.ok(found, id);
  return found;
};
const options = (formatTag: string, locale: 'en' | 'nb' | 'sv' = 'en') => ({
  formatTag,
  t: translations[locale],
  text: (value: LocalizedText) => resolveText(value, locale),
});

test('formats dates and numbers for the language', () => {
  assert.equal(formatAnswer(field('started'), '2015-09-03', options('en-GB')), '3 September 2015');
  assert.equal(
    formatAnswer(field('started'), '2015-09-03', options('nb-NO', 'nb')),
    '3. september 2015',
  );
  assert.equal(formatAnswer(field('salary'), 31250.5, options('en-GB')), '31,250.5');
});

test('shows a year under 100 as the year sent, not as 19xx', () => {
  assert.equal(formatAnswer(field('started'), '0019-08-01', options('en-GB')), '1 August 19');
});

test('shows a year as typed and every decimal typed, without rounding', () => {
  assert.equal(formatAnswer(field('salary'), 2019, options('en-GB')), '2019');
  assert.equal(formatAnswer(field('salary'), 2019, options('sv-SE', 'sv')), '2019');
  assert.equal(formatAnswer(field('salary'), 1.23456, options('en-GB')), '1.23456');
  assert.equal(formatAnswer(field('salary'), 37.5, options('nb-NO', 'nb')), '37,5');
});

test('shows option labels, not values, one per line for multi-choice', () => {
  assert.equal(formatAnswer(field('sector'), 'public', options('en-GB')), 'Public');
  assert.equal(
    formatAnswer(field('interests'), ['pay', 'training'], options('en-GB')),
    'Pay\nTraining',
  );
});

test('says Yes or No for tick boxes, in the language shown', () => {
  assert.equal(formatAnswer(field('rep'), true, options('en-GB')), 'Yes');
  assert.equal(formatAnswer(field('marketing'), true, options('sv-SE', 'sv')), translations.sv.yes);
});

test('says No for a box never ticked, as the application records it', () => {
  assert.equal(formatAnswer(field('marketing'), undefined, options('en-GB')), 'No');
  assert.equal(formatAnswer(field('rep'), false, options('nb-NO', 'nb')), translations.nb.no);
});

test('writes an address one line per part with the country named', () => {
  const shown = formatAnswer(
    field('home'),
    { line1: '1 High Street', town: 'Leeds', postcode: 'LS1 4AP', country: 'GB' },
    options('en-GB'),
  );
  assert.equal(shown, '1 High Street\nLeeds\nLS1 4AP\nUnited Kingdom');
});

test('puts the postcode before the town on one line in the Nordic countries', () => {
  const home = field('home');
  const address = (country: string, town: string, postcode: string) => ({
    line1: 'Storgata 1',
    town,
    postcode,
    country,
  });
  assert.equal(
    formatAnswer(home, address('NO', 'Oslo', '0150'), options('nb-NO', 'nb')),
    'Storgata 1\n0150 Oslo\nNorge',
  );
  assert.equal(
    formatAnswer(home, address('SE', 'Stockholm', '114 55'), options('sv-SE', 'sv')),
    'Storgata 1\n114 55 Stockholm\nSverige',
  );
  for (const [country, town, postcode] of [
    ['DK', 'København K', '1050'],
    ['FI', 'Helsinki', '00100'],
    ['IS', 'Reykjavík', '101'],
  ] as const) {
    const shown = formatAnswer(home, address(country, town, postcode), options('en-GB'));
    assert.equal(shown?.split('\n')[1], `${postcode} ${town}`, country);
  }
  assert.equal(
    formatAnswer(home, address('NO', 'Oslo', ''), options('nb-NO', 'nb')),
    'Storgata 1\nOslo\nNorge',
    'no stray space without a postcode',
  );
  assert.equal(
    formatAnswer(home, address('GB', 'Leeds', 'LS1 4AP'), options('nb-NO', 'nb')),
    'Storgata 1\nLeeds\nLS1 4AP\nStorbritannia',
    'a British address keeps its own order in any language',
  );
});

test('writes Swedish, Norwegian and UK identity numbers the way they are printed', () => {
  const id = (country: 'SE' | 'NO' | 'GB'): FieldDefinition => ({
    id: 'id',
    type: 'national-id',
    country,
    label: 'ID',
  });
  const sv = options('sv-SE', 'sv');
  assert.equal(formatAnswer(id('SE'), '198112189876', sv), '19811218-9876');
  assert.equal(
    formatAnswer(id('SE'), '8112189876', sv),
    '19811218-9876',
    'ten digits get a century',
  );
  assert.equal(
    formatAnswer(id('SE'), '811218+9876', sv),
    '18811218-9876',
    'a plus is a century back',
  );
  assert.equal(formatAnswer(id('SE'), '197010632391', sv), '19701063-2391', 'samordningsnummer');
  assert.equal(formatAnswer(id('NO'), '15108695088', options('nb-NO', 'nb')), '151086 95088');
  assert.equal(formatAnswer(id('SE'), '12345', sv), '12345', 'anything else as it is');
  assert.equal(formatAnswer(id('NO'), '1510869508', sv), '1510869508');
  const en = options('en-GB');
  assert.equal(formatAnswer(id('GB'), 'QQ123456C', en), 'QQ 12 34 56 C');
  assert.equal(formatAnswer(id('GB'), 'QQ123456', en), 'QQ123456', 'no suffix letter: as it is');
});

test('groups bank details the way they are printed', () => {
  assert.equal(
    formatAnswer(
      field('bank'),
      { accountHolder: 'A Lovelace', sortCode: '309430', accountNumber: '00733445' },
      options('en-GB'),
    ),
    'A Lovelace\n30-94-30\n00733445',
  );
  assert.equal(
    formatAnswer(field('iban'), 'GB82WEST12345698765432', options('en-GB')),
    'GB82 WEST 1234 5698 7654 32',
  );
});

test('gives undefined for an unanswered question', () => {
  assert.equal(formatAnswer(field('phone'), undefined, options('en-GB')), undefined);
});
