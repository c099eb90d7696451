import { expect } from '@open-wc/testing';
import { $, $$, choose, continueOn, mount, textOf, type } from './fixtures/helpers.ts';
import type { UnionJoinForm } from '../../src/union-join-form.ts';

/** One step with a home address and an identity number of `country`, then "Check your answers". */
function nordicForm(country: 'NO' | 'SE') {
  return {
    id: `nordic-${country.toLowerCase()}`,
    version: 1,
    organisation: { name: 'Forbundet', privacyNoticeUrl: 'https://example.org/privacy' },
    locales: ['nb', 'sv', 'en'],
    review: true,
    steps: [
      {
        id: 'you',
        title: 'Om deg',
        fields: [
          {
            id: 'home',
            type: 'address',
            label: 'Adresse',
            required: true,
            defaultCountry: country,
          },
          { id: 'id', type: 'national-id', country, label: 'ID', required: true },
        ],
      },
    ],
  };
}

/** The labels of the address's text boxes, in the order the applicant meets them. */
function addressLabels(el: UnionJoinForm): string[] {
  return $$<HTMLInputElement>(el, '[data-field="home"] input').map((input) =>
    textOf($(el, `label[for="${input.id}"]`)),
  );
}

/** The autofill token of each address box, by part. */
function autofill(el: UnionJoinForm): Record<string, string | null> {
  const part = (input: HTMLInputElement) => input.name.replace('home-', '');
  return Object.fromEntries(
    $$<HTMLInputElement>(el, '[data-field="home"] input').map((input) => [
      part(input),
      input.getAttribute('autocomplete'),
    ]),
  );
}

/** The lines of the review answer to the question `question`. */
function reviewLines(el: UnionJoinForm, question: string): string[] {
  const row = $$(el, '.summary > div').find((r) => textOf(r.querySelector('dt')) === question);
  return (row?.querySelector('dd')?.textContent ?? '')
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
}

const AUTOFILL = {
  line1: 'address-line1',
  line2: 'address-line2',
  town: 'address-level2',
  postcode: 'postal-code',
};

describe('<union-join-form> Nordic addresses and identity numbers', () => {
  it('asks for the postcode before the town in Norway, and reviews it as "0150 Oslo"', async () => {
    const el = await mount(nordicForm('NO'), { lang: 'nb' });
    expect(addressLabels(el)).to.deep.equal([
      'Adresselinje 1',
      'Adresselinje 2 (valgfritt)',
      'Postnummer',
      'Poststed',
    ]);
    expect(autofill(el)).to.deep.equal(AUTOFILL);
    await type(el, 'uj-home', 'Storgata 1');
    await type(el, 'uj-home-postcode', '0150');
    await type(el, 'uj-home-town', 'Oslo');
    await type(el, 'uj-id', '151086 95088');
    await continueOn(el);
    expect(reviewLines(el, 'Adresse')).to.deep.equal(['Storgata 1', '0150 Oslo', 'Norge']);
    expect(reviewLines(el, 'ID')).to.deep.equal(['151086 95088']);
    await expect(el).to.be.accessible();
  });

  it('writes a Swedish address as "114 55 Stockholm" and a personnummer as YYYYMMDD-XXXX', async () => {
    const el = await mount(nordicForm('SE'), { lang: 'sv' });
    expect(addressLabels(el)).to.deep.equal([
      'Adressrad 1',
      'Adressrad 2 (frivilligt)',
      'Postnummer',
      'Ort',
    ]);
    await type(el, 'uj-home', 'Drottninggatan 1');
    await type(el, 'uj-home-postcode', '11455');
    await type(el, 'uj-home-town', 'Stockholm');
    await type(el, 'uj-id', '811218-9876');
    await continueOn(el);
    expect(reviewLines(el, 'Adresse')).to.deep.equal([
      'Drottninggatan 1',
      '114 55 Stockholm',
      'Sverige',
    ]);
    expect(reviewLines(el, 'ID')).to.deep.equal(['19811218-9876']);
  });

  it('follows the country chosen: a British address asks for the town first', async () => {
    const el = await mount(nordicForm('NO'), { lang: 'en' });
    await type(el, 'uj-home-town', 'Leeds');
    await choose(el, 'uj-home-country', 'GB');
    expect(addressLabels(el)).to.deep.equal([
      'Address line 1',
      'Address line 2 (optional)',
      'Town or city',
      'Postcode',
    ]);
    expect(autofill(el)).to.deep.equal(AUTOFILL);
    expect($<HTMLInputElement>(el, '#uj-home-town').value, 'the town stays the town').to.equal(
      'Leeds',
    );
    expect($<HTMLInputElement>(el, '#uj-home-postcode').value).to.equal('');
    await choose(el, 'uj-home-country', 'SE');
    expect(addressLabels(el).slice(2)).to.deep.equal(['Postcode', 'Town or city']);
  });
});

describe('<union-join-form> dates in Swedish', () => {
  it('gives an example in the order of its boxes: year, month, day', async () => {
    const el = await mount(
      {
        id: 'datum',
        version: 1,
        organisation: { name: 'Förbundet', privacyNoticeUrl: 'https://example.org/privacy' },
        locales: ['sv'],
        steps: [
          { id: 'du', title: 'Om dig', fields: [{ id: 'born', type: 'date', label: 'Född' }] },
        ],
      },
      { lang: 'sv' },
    );
    const boxes = $$<HTMLInputElement>(el, '[data-field="born"] input').map((input) =>
      textOf($(el, `label[for="${input.id}"]`)),
    );
    expect(boxes).to.deep.equal(['År', 'Månad', 'Dag']);
    expect(textOf($(el, '[data-field="born"] .hint'))).to.equal('Till exempel 1990 3 27');
  });
});
