import { expect } from '@open-wc/testing';
import { $, mount } from './fixtures/helpers.ts';
import { formWith } from './fixtures/definitions.ts';

/** An optional question and an address, whose second line is optional, in three languages. */
const optionalQuestions = formWith(
  'optional-questions',
  [
    {
      id: 'contact',
      title: 'Contact',
      fields: [
        {
          id: 'mobile',
          type: 'tel',
          label: { en: 'Mobile number', nb: 'Mobilnummer', sv: 'Mobilnummer' },
        },
        {
          id: 'home',
          type: 'address',
          label: 'Home address',
          defaultCountry: 'GB',
          required: true,
        },
      ],
    },
  ],
  ['en', 'nb', 'sv'],
);

/**
 * The name Chromium gives a label: its text nodes joined, leaving out any of only whitespace
 * (as its accessibility tree shows: "Phone", " " and "(optional)" read "Phone(optional)").
 */
function accessibleName(label: Element): string {
  const walker = document.createTreeWalker(label, NodeFilter.SHOW_TEXT);
  let name = '';
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.textContent?.trim()) name += node.textContent;
  }
  return name.replace(/\s+/g, ' ').trim();
}

describe('<union-join-form> optional questions', () => {
  const cases = [
    ['en', 'Mobile number (optional)', 'Address line 2 (optional)'],
    ['nb', 'Mobilnummer (valgfritt)', 'Adresselinje 2 (valgfritt)'],
    ['sv', 'Mobilnummer (frivilligt)', 'Adressrad 2 (frivilligt)'],
  ] as const;
  for (const [lang, mobile, line2] of cases) {
    it(`names an optional box with the space before its marker that is shown (${lang})`, async () => {
      const el = await mount(optionalQuestions, { lang });
      expect(accessibleName($(el, 'label[for="uj-mobile"]'))).to.equal(mobile);
      expect(accessibleName($(el, 'label[for="uj-home-line2"]'))).to.equal(line2);
    });
  }
});
