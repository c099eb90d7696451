import { expect } from '@open-wc/testing';
import type { UnionJoinStepEvent } from '../../src/events/step-event.ts';
import { exampleUnion } from './fixtures/definitions.ts';
import {
  $,
  back,
  continueOn,
  heading,
  mount,
  nextEvent,
  root,
  textOf,
  type,
} from './fixtures/helpers.ts';
import type { UnionJoinForm } from '../../src/union-join-form.ts';

async function answerAboutYou(el: UnionJoinForm, birthYear: number): Promise<void> {
  await type(el, 'uj-givenName', 'Sam');
  await type(el, 'uj-birthDate', '1');
  await type(el, 'uj-birthDate-month', '1');
  await type(el, 'uj-birthDate-year', String(birthYear));
  await type(el, 'uj-email', 'sam@example.org');
}

describe('<union-join-form> eligibility', () => {
  it('shows its own page, naming the organisation, to an applicant under the minimum age', async () => {
    const el = await mount(exampleUnion);
    await answerAboutYou(el, new Date().getFullYear() - 14);
    const shown = nextEvent<UnionJoinStepEvent>(el, 'union-join-step');
    await continueOn(el);
    expect((await shown).detail.step).to.equal('ineligible');
    const page = textOf($(el, '[part~="form"]'));
    expect(page).to.contain('Example Workers Union');
    expect(root(el).querySelector('form'), 'nothing more to fill in').to.equal(null);
    const privacy = $<HTMLAnchorElement>(el, 'a[href="https://example.org/privacy"]');
    expect(textOf(privacy)).to.not.equal('');
    expect(el.shadowRoot?.activeElement?.id).to.equal('uj-heading');
    expect(heading(el)).to.not.equal('About you');
    await expect(el).to.be.accessible();
  });

  it('turns a too-young applicant away on their date of birth alone, before asking for more', async () => {
    const el = await mount(exampleUnion);
    await type(el, 'uj-birthDate', '1');
    await type(el, 'uj-birthDate-month', '1');
    await type(el, 'uj-birthDate-year', String(new Date().getFullYear() - 10));
    await continueOn(el);
    expect(heading(el)).to.equal('You cannot join online');
    expect(root(el).querySelector('.error-summary'), 'no demand for a name or email').to.equal(
      null,
    );
  });

  it('shows a date of birth in the future as a mistake to correct, not as too young', async () => {
    const el = await mount(exampleUnion);
    await answerAboutYou(el, new Date().getFullYear() + 2);
    await continueOn(el);
    expect(heading(el)).to.equal('About you');
    expect(textOf($(el, '.error-summary'))).to.contain('Date of birth');
  });

  it('has a Back link to correct a mistyped year, with the answers still there', async () => {
    const el = await mount(exampleUnion);
    await answerAboutYou(el, new Date().getFullYear() - 1);
    await continueOn(el);
    expect(heading(el)).to.equal('You cannot join online');
    await back(el);
    expect(heading(el)).to.equal('About you');
    expect($<HTMLInputElement>(el, '#uj-email').value).to.equal('sam@example.org');
    await type(el, 'uj-birthDate-year', String(new Date().getFullYear() - 31));
    await continueOn(el);
    expect(heading(el)).to.equal('Your work');
  });

  it('lets an applicant of the minimum age carry on', async () => {
    const el = await mount(exampleUnion);
    await answerAboutYou(el, new Date().getFullYear() - 30);
    await continueOn(el);
    expect(heading(el)).to.equal('Your work');
  });
});
