import { expect } from '@open-wc/testing';
import { exampleUnion, noReview } from './fixtures/definitions.ts';
import {
  $,
  $$,
  back,
  continueOn,
  heading,
  mount,
  option,
  textOf,
  type,
  until,
  fillAboutYou,
  answerToReview,
} from './fixtures/helpers.ts';
import type { UnionJoinForm } from '../../src/union-join-form.ts';

/** Up to "Check your answers", with a first name typed between spaces. */
const toReview = (el: UnionJoinForm) => answerToReview(el, { givenName: ' Ada ' });

/** The review rows as [question, answer] pairs. */
function rows(el: UnionJoinForm): [string, string][] {
  return $$(el, '.summary > div').map((row) => [
    textOf(row.querySelector('dt')),
    textOf(row.querySelector('dd')),
  ]);
}

describe('<union-join-form> check your answers', () => {
  it('lists every visible answer as the applicant reads it', async () => {
    const el = await mount(exampleUnion, { lang: 'en-GB' });
    await toReview(el);
    expect(heading(el)).to.equal('Check your answers');
    const shown = rows(el);
    expect(shown.slice(0, 5)).to.deep.equal([
      ['First name', 'Ada'],
      ['Date of birth', '10 December 1985'],
      ['Email address', 'ada@example.org'],
      ['Membership', 'Full'],
      ['Employer', 'Acme'],
    ]);
    expect(shown[5]?.[0]).to.equal("Send me the members' newsletter");
    expect(textOf($(el, 'button[type="submit"]'))).to.equal('Send application');
    await expect(el).to.be.accessible();
  });

  it('writes dates day first in each language, whatever region the browser is set to', async () => {
    const dated = {
      ...noReview,
      id: 'dated',
      locales: ['en', 'nb', 'sv'],
      review: true,
      steps: [{ id: 'born', title: 'Born', fields: [{ id: 'born', type: 'date', label: 'Born' }] }],
    };
    const expected: Record<string, string> = {
      en: '1 April 1990',
      'en-US': '1 April 1990',
      nb: '1. april 1990',
      sv: '1 april 1990',
    };
    for (const [lang, date] of Object.entries(expected)) {
      const el = await mount(dated, { lang });
      const sv = lang === 'sv';
      await type(el, 'uj-born', sv ? '1990' : '1');
      await type(el, 'uj-born-month', '4');
      await type(el, sv ? 'uj-born-day' : 'uj-born-year', sv ? '1' : '1990');
      await continueOn(el);
      expect(textOf($(el, '.summary dd')), lang).to.equal(date);
    }
  });

  it('has a Change link per answer that names the question for screen readers', async () => {
    const el = await mount(exampleUnion);
    await toReview(el);
    const changes = $$<HTMLButtonElement>(el, '.summary button.link');
    expect(changes).to.have.length(6);
    expect(textOf(changes[1])).to.equal('Change Date of birth');
  });

  it('returns to the review after Continue on a changed step', async () => {
    const el = await mount(exampleUnion);
    await toReview(el);
    $$<HTMLButtonElement>(el, '.summary button.link')[2]!.click();
    await el.updateComplete;
    expect(heading(el)).to.equal('About you');
    expect(el.shadowRoot?.activeElement?.id, 'the answer being changed').to.equal('uj-email');
    await type(el, 'uj-email', 'ada@union.example');
    await continueOn(el);
    expect(heading(el)).to.equal('Check your answers');
    expect(rows(el)[2]).to.deep.equal(['Email address', 'ada@union.example']);
  });

  it('goes through newly revealed questions before returning to the review', async () => {
    const el = await mount(exampleUnion);
    await fillAboutYou(el);
    await continueOn(el);
    option(el, 'membershipType', 'Student').click();
    await el.updateComplete;
    await continueOn(el);
    await continueOn(el);
    expect(rows(el).map(([q]) => q)).to.not.include('Employer');
    $$<HTMLButtonElement>(el, '.summary button.link')[3]!.click();
    await el.updateComplete;
    option(el, 'membershipType', 'Full').click();
    await el.updateComplete;
    await continueOn(el);
    expect(heading(el), 'employer is required and still empty').to.equal('Your work');
    expect($(el, '.error-summary a[href="#uj-employer"]').textContent).to.not.equal('');
  });

  it('takes Change to the question itself, also to the first box of a date and to a choice', async () => {
    const el = await mount(exampleUnion);
    await toReview(el);
    $$<HTMLButtonElement>(el, '.summary button.link')[1]!.click();
    await el.updateComplete;
    await el.updateComplete;
    expect(el.shadowRoot?.activeElement?.id).to.equal('uj-birthDate');
    await continueOn(el);
    $$<HTMLButtonElement>(el, '.summary button.link')[3]!.click();
    await el.updateComplete;
    await el.updateComplete;
    const focused = el.shadowRoot?.activeElement as HTMLInputElement | null;
    expect(focused?.type).to.equal('radio');
    expect(focused?.name).to.contain('membershipType');
  });

  it('goes back from a Change step to the review', async () => {
    const el = await mount(exampleUnion);
    await toReview(el);
    $$<HTMLButtonElement>(el, '.summary button.link')[0]!.click();
    await el.updateComplete;
    await back(el);
    expect(heading(el)).to.equal('Check your answers');
  });

  it('sends from the last step when the form has no review', async () => {
    const el = await mount(noReview);
    const button = $(el, 'button[type="submit"]');
    expect(textOf(button)).to.equal('Send application');
    let sent = false;
    el.addEventListener('union-join-submit', (event) => {
      sent = true;
      event.preventDefault();
    });
    await type(el, 'uj-email', 'ada@example.org');
    await continueOn(el);
    await until(() => sent, 'union-join-submit');
    expect(heading(el), 'the page cancelled the sending').to.equal('Contact');
  });
});
