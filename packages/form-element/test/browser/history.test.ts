import { expect, fixture, html } from '@open-wc/testing';
import { http, HttpResponse } from 'msw';
import { useMockApi, worker } from './fixtures/api.ts';
import { branching, exampleUnion } from './fixtures/definitions.ts';
import {
  $$,
  button,
  continueOn,
  fillAboutYou,
  heading,
  mount,
  option,
  type,
  until,
  answerToReview,
} from './fixtures/helpers.ts';
import type { UnionJoinForm } from '../../src/union-join-form.ts';

/** Presses the browser's Back (or Forward) and waits until the form shows `expected`. */
async function browser(
  el: UnionJoinForm,
  move: 'back' | 'forward',
  expected: string,
): Promise<void> {
  history[move]();
  await until(() => heading(el) === expected, `"${expected}" after the browser's ${move}`);
}

/** History entries added so far (history.length stops growing at 50 in Chromium). */
let pushed = 0;
const pushState = history.pushState.bind(history);

describe('<union-join-form> and the browser’s Back and Forward buttons', () => {
  useMockApi();
  before(() => {
    history.pushState = (...args: Parameters<History['pushState']>) => {
      pushed += 1;
      pushState(...args);
    };
  });
  after(() => {
    history.pushState = pushState;
  });

  it('moves between the steps and the review, keeping the answers, with focus on each heading', async () => {
    const el = await mount(exampleUnion);
    const start = pushed;
    await answerToReview(el);
    expect(pushed - start, 'one entry per page gone on to').to.equal(3);
    await browser(el, 'back', 'Keeping in touch');
    await browser(el, 'back', 'Your work');
    expect(el.shadowRoot?.activeElement?.id).to.equal('uj-heading');
    expect(option(el, 'membershipType', 'Full').checked).to.equal(true);
    await browser(el, 'back', 'About you');
    await browser(el, 'forward', 'Your work');
    await continueOn(el);
    expect(heading(el)).to.equal('Keeping in touch');
  });

  it('makes the form’s Back link and the browser’s Back one path, so Forward returns', async () => {
    const el = await mount(exampleUnion);
    await answerToReview(el);
    const length = pushed;
    button(el, 'Back').click();
    await until(() => heading(el) === 'Keeping in touch', 'the last step');
    button(el, 'Back').click();
    await until(() => heading(el) === 'Your work', 'the second step');
    expect(el.shadowRoot?.activeElement?.id).to.equal('uj-heading');
    expect(pushed, 'no entry added by the Back link').to.equal(length);
    await browser(el, 'forward', 'Keeping in touch');
    await browser(el, 'forward', 'Check your answers');
  });

  it('goes back from a Change step, and from "You cannot join online", through history', async () => {
    const el = await mount(exampleUnion);
    await answerToReview(el);
    const length = pushed;
    $$<HTMLButtonElement>(el, '.summary button.link')[2]!.click();
    await el.updateComplete;
    button(el, 'Back').click();
    await until(() => heading(el) === 'Check your answers', 'the review');
    await browser(el, 'forward', 'About you');
    await type(el, 'uj-birthDate-year', String(new Date().getFullYear() - 10));
    await continueOn(el);
    expect(heading(el)).to.equal('You cannot join online');
    button(el, 'Back').click();
    await until(() => heading(el) === 'About you', 'the step to correct');
    expect(pushed, 'the Change step and the page turning away').to.equal(length + 2);
  });

  it('moves by itself where the entry before is another page: the Back link adds an entry', async () => {
    const el = await mount(exampleUnion);
    await fillAboutYou(el);
    await continueOn(el);
    const length = pushed;
    // The page's own code takes over the entry (a router, say): the form's page is not in it.
    history.replaceState(null, '');
    button(el, 'Back').click();
    await el.updateComplete;
    expect(heading(el)).to.equal('About you');
    expect(pushed).to.equal(length + 1);
  });

  it('adds no entry for problems shown on the same step', async () => {
    const el = await mount(exampleUnion);
    const start = pushed;
    await continueOn(el);
    await continueOn(el);
    expect(heading(el)).to.equal('About you');
    expect(pushed).to.equal(start);
  });

  it('returns from a Change step to the review', async () => {
    const el = await mount(exampleUnion);
    await answerToReview(el);
    $$<HTMLButtonElement>(el, '.summary button.link')[2]!.click();
    await el.updateComplete;
    expect(heading(el)).to.equal('About you');
    await browser(el, 'back', 'Check your answers');
  });

  it('remembers a Change step through the browser’s Back and Forward: Continue returns to the review', async () => {
    const el = await mount(exampleUnion);
    await answerToReview(el);
    $$<HTMLButtonElement>(el, '.summary button.link')[2]!.click();
    await el.updateComplete;
    await browser(el, 'back', 'Check your answers');
    await browser(el, 'forward', 'About you');
    await continueOn(el);
    expect(heading(el)).to.equal('Check your answers');
  });

  it("stays on the review while the application is on its way, whatever the browser's Back does", async () => {
    let answer: (() => void) | undefined;
    worker.use(
      http.post('/v1/forms/example-union/applications', async () => {
        await new Promise<void>((resolve) => (answer = resolve));
        return HttpResponse.json(
          { id: 'EWU-5', receivedAt: new Date().toISOString() },
          { status: 201 },
        );
      }),
    );
    const el = await mount(exampleUnion);
    await answerToReview(el);
    button(el, 'Send application').click();
    await until(() => answer !== undefined, 'the request');
    const popped = new Promise((resolve) => addEventListener('popstate', resolve, { once: true }));
    history.back();
    await popped;
    await el.updateComplete;
    // A step opened now would take a correction that cannot go with the application.
    expect(heading(el)).to.equal('Check your answers');
    answer?.();
    await until(() => heading(el) === 'Application sent', 'the confirmation');
  });

  it('never reopens a sent application: Back from the confirmation leaves the form as it is', async () => {
    worker.use(
      http.post('/v1/forms/example-union/applications', () =>
        HttpResponse.json(
          { id: 'EWU7K2Q9XH3M4P8R', receivedAt: new Date().toISOString() },
          {
            status: 201,
          },
        ),
      ),
    );
    // The entry before the join page, where one Back from the confirmation should lead.
    const before = JSON.stringify(history.state);
    history.pushState({ page: 'join' }, '');
    const el = await mount(exampleUnion);
    await answerToReview(el);
    button(el, 'Send application').click();
    await until(() => heading(el) === 'Application sent', 'the confirmation');
    history.back();
    // The form passes over its own entries, so one Back leaves it; it never shows a step again.
    await until(
      () => JSON.stringify(history.state) === before,
      'history back where the form began',
    );
    expect(heading(el)).to.equal('Application sent');
  });

  it('takes two forms on one page back in the order they moved, each to its own page', async () => {
    const first = await mount(exampleUnion);
    const second = await fixture<UnionJoinForm>(
      html`<union-join-form lang="en" drafts="off" .definition=${branching}></union-join-form>`,
    );
    await fillAboutYou(first);
    await continueOn(first);
    await second.updateComplete;
    option(second, 'status', 'Working').click();
    await second.updateComplete;
    await continueOn(second);
    expect(heading(second)).to.equal('Your job');
    option(first, 'membershipType', 'Full').click();
    await first.updateComplete;
    await type(first, 'uj-employer', 'Acme');
    await continueOn(first);
    expect(heading(first)).to.equal('Keeping in touch');
    await browser(first, 'back', 'Your work');
    expect(heading(second), 'the other form stays').to.equal('Your job');
    await browser(second, 'back', 'Your status');
    expect(heading(first)).to.equal('Your work');
    await browser(first, 'back', 'About you');
  });
});
