import { expect } from '@open-wc/testing';
import { $, continueOn, mount, textOf, type } from './fixtures/helpers.ts';
import type { UnionJoinForm } from '../../src/union-join-form.ts';
import { formWith } from './fixtures/definitions.ts';

/** One step with a date, an address and a bank account, in three languages. */
const parts = formWith(
  'parts',
  [
    {
      id: 'details',
      title: 'Details',
      fields: [
        { id: 'started', type: 'date', label: 'When did you start?', required: true },
        {
          id: 'home',
          type: 'address',
          label: 'Home address',
          defaultCountry: 'GB',
          required: true,
        },
        { id: 'bank', type: 'uk-bank-account', label: 'Bank account', required: true },
      ],
    },
  ],
  ['en', 'nb', 'sv'],
);

/** The date boxes filled in, in the order of English (day first) and Swedish (year first). */
const dates = {
  en: { 'uj-started': '15', 'uj-started-month': '10', 'uj-started-year': '2019' },
  sv: { 'uj-started': '2019', 'uj-started-month': '10', 'uj-started-day': '15' },
};

/** Every box filled in correctly, then `changes` typed over them. */
async function fill(
  el: UnionJoinForm,
  changes: Record<string, string>,
  lang: keyof typeof dates = 'en',
): Promise<void> {
  const answers: Record<string, string> = {
    ...dates[lang],
    'uj-home': '17 High Street',
    'uj-home-town': 'London',
    'uj-home-postcode': 'SW1A 1AA',
    'uj-bank': 'Ada Lovelace',
    'uj-bank-sortCode': '10-88-00',
    'uj-bank-accountNumber': '31926819',
    ...changes,
  };
  for (const [id, value] of Object.entries(answers)) await type(el, id, value);
}

/** Follows the summary's link to `fieldId` and returns the id of the box then focused. */
async function follow(el: UnionJoinForm, fieldId: string): Promise<string> {
  const link = $<HTMLAnchorElement>(el, `.error-summary a[href="#uj-${fieldId}"]`);
  link.click();
  await el.updateComplete;
  const focused = el.shadowRoot?.activeElement;
  expect(focused?.getAttribute('aria-invalid'), 'the focused box is the one marked').to.equal(
    'true',
  );
  return focused?.id ?? '';
}

describe('<union-join-form> error summary links to the part of a field at fault', () => {
  const cases: [string, Record<string, string>, string, string][] = [
    ['a date without a month', { 'uj-started-month': '' }, 'started', 'uj-started-month'],
    ['a date without a year', { 'uj-started-year': '' }, 'started', 'uj-started-year'],
    ['a year of two digits', { 'uj-started-year': '19' }, 'started', 'uj-started-year'],
    ['an address without a town', { 'uj-home-town': '' }, 'home', 'uj-home-town'],
    ['an address without a postcode', { 'uj-home-postcode': '' }, 'home', 'uj-home-postcode'],
    ['a wrong postcode', { 'uj-home-postcode': 'SW1' }, 'home', 'uj-home-postcode'],
    ['a wrong sort code', { 'uj-bank-sortCode': '10-88' }, 'bank', 'uj-bank-sortCode'],
    [
      'a wrong account number',
      { 'uj-bank-accountNumber': '3192' },
      'bank',
      'uj-bank-accountNumber',
    ],
  ];
  for (const [what, changes, fieldId, box] of cases) {
    it(`focuses the right box for ${what}`, async () => {
      const el = await mount(parts);
      await fill(el, changes);
      await continueOn(el);
      expect(await follow(el, fieldId)).to.equal(box);
    });
  }

  it('still focuses the first box when the whole field is empty', async () => {
    const el = await mount(parts);
    await fill(el, { 'uj-started': '', 'uj-started-month': '', 'uj-started-year': '' });
    await continueOn(el);
    expect(await follow(el, 'started')).to.equal('uj-started');
  });

  it('focuses the month box in Swedish, and the year box, which comes first there', async () => {
    const el = await mount(parts, { lang: 'sv' });
    await fill(el, { 'uj-started-month': '' }, 'sv');
    await continueOn(el);
    expect(textOf($(el, '.error-summary a'))).to.contain('månad');
    expect(await follow(el, 'started')).to.equal('uj-started-month');
    await type(el, 'uj-started-month', '10');
    await type(el, 'uj-started', '');
    await continueOn(el);
    expect(await follow(el, 'started'), 'the year box').to.equal('uj-started');
  });
});
