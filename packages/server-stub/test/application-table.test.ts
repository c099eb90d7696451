import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseFormDefinition } from '@union-join/sdk';
import { applicationTable, type ApplicationView } from '../src/export/application-table.ts';

const DEFINITION = parseFormDefinition({
  id: 'table-union',
  version: 2,
  organisation: { name: 'Table Union', privacyNoticeUrl: 'https://example.org/privacy' },
  locales: ['en'],
  steps: [
    {
      id: 'you',
      title: 'You',
      fields: [
        { id: 'givenName', type: 'text', label: 'Name', required: true },
        { id: 'homeAddress', type: 'address', label: 'Address' },
        { id: 'updates', type: 'consent', purpose: 'updates', label: 'Send me updates' },
      ],
    },
    {
      id: 'work',
      title: 'Work',
      fields: [
        {
          id: 'employmentStatus',
          type: 'choice',
          label: 'Status',
          options: [
            { value: 'employed', label: 'Employed' },
            { value: 'student', label: 'Student' },
          ],
        },
        { id: 'employer', type: 'text', label: 'Employer' },
        { id: 'bank', type: 'uk-bank-account', label: 'Bank account' },
        {
          id: 'topics',
          type: 'multi-choice',
          label: 'Topics',
          options: [
            { value: 'pay', label: 'Pay' },
            { value: 'safety', label: 'Safety' },
          ],
        },
        { id: 'newsletter', type: 'consent', purpose: 'newsletter', label: 'Newsletter' },
      ],
    },
  ],
});

const FIXED_HEADER = [
  'id',
  'receivedAt',
  'formVersion',
  'locale',
  'retrievedAt',
  'deliveredAt',
  'givenName',
  'homeAddress.line1',
  'homeAddress.line2',
  'homeAddress.town',
  'homeAddress.postcode',
  'homeAddress.country',
  'employmentStatus',
  'employer',
  'bank.accountHolder',
  'bank.sortCode',
  'bank.accountNumber',
  'topics',
  'consent:updates',
  'consent:updates:at',
  'consent:newsletter',
  'consent:newsletter:at',
];

function view(
  id: string,
  answers: Record<string, unknown>,
  consents: { purpose: string; granted: boolean; at: string }[] = [],
  formVersion = 2,
): ApplicationView {
  return {
    id,
    formId: 'table-union',
    formVersion,
    receivedAt: '2025-03-01T09:00:00.000Z',
    retrievedAt: null,
    deliveredAt: null,
    application: { locale: 'en', answers, consents },
  };
}

const EMPLOYED = view(
  'A1',
  {
    givenName: 'Ada',
    homeAddress: { line1: '1 High St', town: 'Leeds', postcode: 'LS1 1AA', country: 'GB' },
    employmentStatus: 'employed',
    employer: 'Acme',
  },
  [{ purpose: 'newsletter', granted: true, at: '2025-03-01T08:59:00.000Z' }],
);
const STUDENT = view(
  'B2',
  {
    givenName: 'Grace',
    homeAddress: {
      line1: '2 Low St',
      line2: 'Flat 3',
      town: 'York',
      postcode: 'YO1 7HH',
      country: 'GB',
    },
    employmentStatus: 'student',
    bank: { accountHolder: 'G Hopper', sortCode: '123456', accountNumber: '12345678' },
    topics: ['pay', 'safety'],
  },
  [
    { purpose: 'updates', granted: false, at: '2025-03-01T08:58:00.000Z' },
    { purpose: 'newsletter', granted: true, at: '2025-03-01T08:59:00.000Z' },
  ],
);

test('with a definition, the header is every field in form order, whichever rows are exported', () => {
  for (const views of [[EMPLOYED], [STUDENT], [EMPLOYED, STUDENT], []]) {
    assert.deepEqual(applicationTable(views, DEFINITION).header, FIXED_HEADER);
  }
});

test('cells sit under their own column, empty where a row has no answer', () => {
  const { rows } = applicationTable([EMPLOYED, STUDENT], DEFINITION);
  const cell = (row: number, column: string) => rows[row]?.[FIXED_HEADER.indexOf(column)];
  assert.equal(cell(0, 'employer'), 'Acme');
  assert.equal(cell(0, 'homeAddress.line2'), '');
  assert.equal(cell(0, 'bank.sortCode'), '');
  assert.equal(cell(0, 'consent:updates'), '');
  assert.equal(cell(0, 'consent:newsletter'), 'true');
  assert.equal(cell(1, 'employer'), '');
  assert.equal(cell(1, 'homeAddress.line2'), 'Flat 3');
  assert.equal(cell(1, 'bank.accountNumber'), '12345678');
  assert.equal(cell(1, 'topics'), 'pay; safety');
  assert.equal(cell(1, 'consent:updates'), 'false');
  assert.equal(cell(1, 'consent:updates:at'), '2025-03-01T08:58:00.000Z');
  for (const row of rows) assert.equal(row.length, FIXED_HEADER.length);
});

test('answers and consents of an older version the definition no longer has come after, in columns of their own', () => {
  const older = view(
    'C3',
    {
      givenName: 'Katherine',
      workplace: { line1: '9 Mill Rd', town: 'Hull', postcode: 'HU1 1AA', country: 'GB' },
      faxNumber: '0113 000',
    },
    [{ purpose: 'raffle', granted: true, at: '2025-02-01T08:59:00.000Z' }],
    1,
  );
  const { header, rows } = applicationTable([EMPLOYED, older], DEFINITION);
  assert.deepEqual(header.slice(0, FIXED_HEADER.length), FIXED_HEADER);
  assert.deepEqual(header.slice(FIXED_HEADER.length), [
    'faxNumber',
    'workplace.line1',
    'workplace.town',
    'workplace.postcode',
    'workplace.country',
    'consent:raffle',
    'consent:raffle:at',
  ]);
  assert.equal(rows[1]?.[header.indexOf('faxNumber')], '0113 000');
  assert.equal(rows[0]?.[header.indexOf('faxNumber')], '');
});

test('without a definition (a form not loaded), address and bank parts keep their natural order', () => {
  const { header } = applicationTable([STUDENT], undefined);
  assert.deepEqual(
    header.filter((column) => column.startsWith('homeAddress.') || column.startsWith('bank.')),
    [
      'bank.accountHolder',
      'bank.sortCode',
      'bank.accountNumber',
      'homeAddress.line1',
      'homeAddress.line2',
      'homeAddress.town',
      'homeAddress.postcode',
      'homeAddress.country',
    ],
  );
});
