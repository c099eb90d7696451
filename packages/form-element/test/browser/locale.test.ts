import { expect, fixture, html } from '@open-wc/testing';
import { exampleUnion } from './fixtures/definitions.ts';
import {
  $,
  $$,
  continueOn,
  heading,
  mount,
  option,
  textOf,
  fillAboutYou,
  progressText,
} from './fixtures/helpers.ts';
import type { UnionJoinForm } from '../../src/union-join-form.ts';

async function toReview(el: UnionJoinForm): Promise<void> {
  await fillAboutYou(el);
  await continueOn(el);
  option(el, 'membershipType', 'Student').click();
  await el.updateComplete;
  await continueOn(el);
  await continueOn(el);
}

describe('<union-join-form> languages', () => {
  it('speaks Norwegian Bokmål with lang="nb"', async () => {
    const el = await mount(exampleUnion, { lang: 'nb' });
    expect(heading(el)).to.equal('Om deg');
    expect(progressText(el)).to.match(/^Steg 1 av 3$/);
    expect($(el, '[part~="form"]').getAttribute('lang')).to.equal('nb');
    await toReview(el);
    expect(textOf($(el, '.summary dd'))).to.equal('Ada');
    const date = textOf($$(el, '.summary > div')[1]?.querySelector('dd'));
    expect(date).to.equal('10. desember 1985');
    await expect(el).to.be.accessible();
  });

  it('speaks Swedish with lang="sv" and puts the year box first', async () => {
    const el = await mount(exampleUnion, { lang: 'sv' });
    expect(heading(el)).to.equal('Om dig');
    expect(progressText(el)).to.match(/^Steg 1 av 3$/);
    const boxes = $$<HTMLInputElement>(el, '[data-field="birthDate"] input');
    expect(boxes.map((b) => b.id)).to.deep.equal([
      'uj-birthDate',
      'uj-birthDate-month',
      'uj-birthDate-day',
    ]);
    await continueOn(el);
    expect(textOf($(el, '.error-summary h2'))).to.not.equal('There is a problem');
    await expect(el).to.be.accessible();
  });

  it('speaks English with lang="en"', async () => {
    const el = await mount(exampleUnion, { lang: 'en' });
    expect(heading(el)).to.equal('About you');
    expect(textOf($(el, 'button[type="submit"]'))).to.equal('Continue');
  });

  it('takes the language of the closest ancestor with lang', async () => {
    const wrapper = await fixture<HTMLElement>(
      html`<div lang="sv">
        <section><union-join-form .definition=${exampleUnion}></union-join-form></section>
      </div>`,
    );
    const el = wrapper.querySelector('union-join-form') as UnionJoinForm;
    await el.updateComplete;
    expect(heading(el)).to.equal('Om dig');
    wrapper.setAttribute('lang', 'nb');
    await new Promise((resolve) => setTimeout(resolve, 0));
    await el.updateComplete;
    expect(heading(el), 'follows a language switch on the page').to.equal('Om deg');
  });

  it("falls back to the form's first locale for a language it does not offer", async () => {
    // The test browser's own languages are English ones, which these forms do not offer either.
    const el = await mount({ ...exampleUnion, locales: ['nb', 'sv'] }, { lang: 'de' });
    expect(el.session?.locale).to.equal('nb');
    expect(heading(el)).to.equal('Om deg');
  });

  it('switches language when the lang attribute changes', async () => {
    const el = await mount(exampleUnion, { lang: 'en' });
    el.setAttribute('lang', 'nb');
    await new Promise((resolve) => setTimeout(resolve, 0));
    await el.updateComplete;
    expect(heading(el)).to.equal('Om deg');
    expect(el.session?.locale).to.equal('nb');
  });
});
