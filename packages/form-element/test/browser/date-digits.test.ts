import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { exampleUnion } from './fixtures/definitions.ts';
import { $, $$, continueOn, heading, mount, option, textOf, type } from './fixtures/helpers.ts';
import type { UnionJoinForm } from '../../src/union-join-form.ts';

/** Focuses the box with DOM id `id` and types `text` into it key by key, as a phone keyboard would. */
async function typeInto(el: UnionJoinForm, id: string, text: string): Promise<void> {
  $<HTMLInputElement>(el, `#${id}`).focus();
  await sendKeys({ type: text });
  await el.updateComplete;
}

describe('<union-join-form> dates typed on phones', () => {
  it('takes a date typed in full-width digits, keeps the boxes as typed, and reviews it', async () => {
    const el = await mount(exampleUnion, { lang: 'en-GB' });
    await type(el, 'uj-givenName', 'Ada');
    await typeInto(el, 'uj-birthDate', '０１');
    await typeInto(el, 'uj-birthDate-month', '０４');
    await typeInto(el, 'uj-birthDate-year', '１９９０');
    await type(el, 'uj-email', 'ada@example.org');
    expect($<HTMLInputElement>(el, '#uj-birthDate-year').value).to.equal('１９９０');
    await continueOn(el);
    expect(el.shadowRoot?.querySelector('.error-summary')).to.equal(null);
    expect(heading(el)).to.not.equal('About you');
    option(el, 'membershipType', 'Full').click();
    await el.updateComplete;
    await type(el, 'uj-employer', 'Acme');
    await continueOn(el);
    await continueOn(el);
    expect(heading(el)).to.equal('Check your answers');
    const born = $$(el, '.summary > div').find((row) =>
      textOf(row.querySelector('dt')).startsWith('Date of birth'),
    );
    expect(textOf(born?.querySelector('dd'))).to.equal('1 April 1990');
  });

  it('spreads a whole date pasted into one box over the three, day first or (in Swedish) year first', async () => {
    const el = await mount(exampleUnion, { lang: 'en-GB' });
    await type(el, 'uj-birthDate', '15.10.1986');
    const box = (id: string) => $<HTMLInputElement>(el, `#${id}`).value;
    expect([
      box('uj-birthDate'),
      box('uj-birthDate-month'),
      box('uj-birthDate-year'),
    ]).to.deep.equal(['15', '10', '1986']);
    expect(el.session?.get('birthDate')).to.equal('1986-10-15');
    const sv = await mount(exampleUnion, { lang: 'sv' });
    await type(sv, 'uj-birthDate', '1986-10-15');
    expect(sv.session?.get('birthDate')).to.equal('1986-10-15');
  });

  it('keeps a date typed key by key in the box it is typed into', async () => {
    const el = await mount(exampleUnion, { lang: 'en-GB' });
    await typeInto(el, 'uj-birthDate', '15.10.1986');
    expect($<HTMLInputElement>(el, '#uj-birthDate').value).to.equal('15.10.1986');
    expect($<HTMLInputElement>(el, '#uj-birthDate-year').value).to.equal('');
  });

  it('says the year must have four digits when two are typed, and marks the year box alone', async () => {
    const el = await mount(exampleUnion, { lang: 'en-GB' });
    await type(el, 'uj-givenName', 'Ada');
    await type(el, 'uj-birthDate', '01');
    await type(el, 'uj-birthDate-month', '04');
    await type(el, 'uj-birthDate-year', '90');
    await type(el, 'uj-email', 'ada@example.org');
    await continueOn(el);
    const links = $$<HTMLAnchorElement>(el, '.error-summary a');
    expect(links.map((a) => [a.getAttribute('href'), textOf(a)])).to.deep.equal([
      ['#uj-birthDate', 'Year must include 4 numbers'],
    ]);
    expect(textOf($(el, '#uj-birthDate-error'))).to.contain('Year must include 4 numbers');
    const invalid = $$<HTMLInputElement>(el, '[data-field="birthDate"] input')
      .filter((input) => input.getAttribute('aria-invalid') === 'true')
      .map((input) => input.name);
    expect(invalid).to.deep.equal(['birthDate-year']);
  });

  it('words it in Norwegian and Swedish', async () => {
    // Swedish writes the year first, so the boxes are found by name, not by place.
    for (const [lang, message] of [
      ['nb', 'Året må ha fire sifre'],
      ['sv', 'Året måste ha fyra siffror'],
    ] as const) {
      const el = await mount(exampleUnion, { lang });
      for (const [part, value] of [
        ['day', '1'],
        ['month', '4'],
        ['year', '90'],
      ]) {
        await type(el, $(el, `input[name="birthDate-${part}"]`).id, value!);
      }
      await continueOn(el);
      const texts = $$(el, '.error-summary a').map((a) => textOf(a));
      expect(texts, lang).to.include(message);
    }
  });
});
