import { expect } from '@open-wc/testing';
import type { UnionJoinStepEvent } from '../../src/events/step-event.ts';
import { branching, exampleUnion } from './fixtures/definitions.ts';
import {
  $,
  back,
  choose,
  continueOn,
  heading,
  mount,
  option,
  root,
  textOf,
  type,
  fillAboutYou,
  progressText,
} from './fixtures/helpers.ts';

describe('<union-join-form> navigation', () => {
  it('starts on the first step with its heading, progress and no Back link', async () => {
    const el = await mount(exampleUnion);
    expect(heading(el)).to.equal('About you');
    expect(progressText(el)).to.equal('Step 1 of 3');
    expect(root(el).querySelector('button.back')).to.equal(null);
    expect($<HTMLFormElement>(el, 'form').noValidate, 'no browser bubbles').to.equal(true);
    expect(document.activeElement, 'no focus taken on load').to.not.equal(el);
  });

  it('stays on a step whose answers are wrong and moves on when they are right', async () => {
    const el = await mount(exampleUnion);
    await continueOn(el);
    expect(heading(el)).to.equal('About you');
    await fillAboutYou(el);
    await continueOn(el);
    expect(heading(el)).to.equal('Your work');
    expect(progressText(el)).to.equal('Step 2 of 3');
  });

  it('moves focus to the new heading and announces the step politely', async () => {
    const el = await mount(exampleUnion);
    await fillAboutYou(el);
    await continueOn(el);
    expect(el.shadowRoot?.activeElement?.id).to.equal('uj-heading');
    const status = $(el, '[role="status"]');
    expect(status.getAttribute('aria-live')).to.equal('polite');
    expect(textOf(status)).to.equal('Step 2 of 3: Your work');
    const title = document.title;
    await back(el);
    expect(document.title, 'document.title is the page’s own').to.equal(title);
  });

  it('announces the step count the page shows, and not again when an answer reveals a step', async () => {
    const text = (id: string) => ({ id, type: 'text', label: id, required: true });
    const revealing = {
      ...branching,
      id: 'revealing',
      steps: [
        { id: 'one', title: 'One', fields: [text('a')] },
        { id: 'two', title: 'Two', fields: [text('b')] },
        {
          id: 'three',
          title: 'Three',
          fields: [
            {
              id: 'more',
              type: 'choice',
              label: 'More?',
              options: [
                { value: 'yes', label: 'Yes' },
                { value: 'no', label: 'No' },
              ],
            },
          ],
        },
        {
          id: 'extra',
          title: 'Extra',
          fields: [{ ...text('c'), showIf: { field: 'more', equals: 'yes' } }],
        },
        { id: 'last', title: 'Last', fields: [text('d')] },
      ],
    };
    const el = await mount(revealing);
    await type(el, 'uj-a', 'x');
    await continueOn(el);
    await type(el, 'uj-b', 'x');
    await continueOn(el);
    const status = $(el, '[role="status"]');
    expect(progressText(el)).to.equal('Step 3 of 4');
    expect(textOf(status)).to.equal('Step 3 of 4: Three');
    option(el, 'more', 'Yes').click();
    await el.updateComplete;
    expect(progressText(el)).to.equal('Step 3 of 5');
    expect(textOf(status), 'no new page to announce').to.equal('Step 3 of 4: Three');
    await continueOn(el);
    expect(progressText(el)).to.equal('Step 4 of 5');
    expect(textOf(status)).to.equal('Step 4 of 5: Extra');
  });

  it('goes back to the previous step with the answers kept', async () => {
    const el = await mount(exampleUnion);
    await fillAboutYou(el);
    await continueOn(el);
    await back(el);
    expect(heading(el)).to.equal('About you');
    expect($<HTMLInputElement>(el, '#uj-givenName').value).to.equal('Ada');
    expect($<HTMLInputElement>(el, '#uj-birthDate-year').value).to.equal('1985');
    expect(el.shadowRoot?.activeElement?.id).to.equal('uj-heading');
  });

  it('shows a field only when its showIf holds', async () => {
    const el = await mount(exampleUnion);
    await fillAboutYou(el);
    await continueOn(el);
    expect(root(el).querySelector('#uj-employer')).to.equal(null);
    option(el, 'membershipType', 'Full').click();
    await el.updateComplete;
    expect(root(el).querySelector('#uj-employer')).to.not.equal(null);
    option(el, 'membershipType', 'Student').click();
    await el.updateComplete;
    expect(root(el).querySelector('#uj-employer')).to.equal(null);
  });

  it('skips a step whose fields are all hidden and counts only visible steps', async () => {
    const el = await mount(branching);
    expect(progressText(el), 'nothing answered: the job step is hidden').to.equal('Step 1 of 2');
    option(el, 'status', 'Working').click();
    await el.updateComplete;
    expect(progressText(el)).to.equal('Step 1 of 3');
    option(el, 'status', 'Studying').click();
    await el.updateComplete;
    expect(progressText(el), 'the job step is gone').to.equal('Step 1 of 2');
    await continueOn(el);
    expect(heading(el)).to.equal('Contact');
    expect(progressText(el)).to.equal('Step 2 of 2');
    await back(el);
    option(el, 'status', 'Working').click();
    await el.updateComplete;
    await continueOn(el);
    expect(heading(el)).to.equal('Your job');
    expect(progressText(el)).to.equal('Step 2 of 3');
  });

  it('fires union-join-step once for every page shown', async () => {
    const el = await mount(exampleUnion);
    const steps: UnionJoinStepEvent['detail'][] = [];
    el.addEventListener('union-join-step', (event) => steps.push(event.detail));
    await continueOn(el);
    await continueOn(el);
    expect(steps, 'problems on the same step are no new page').to.deep.equal([]);
    await fillAboutYou(el);
    await continueOn(el);
    await choose(el, 'uj-membershipType');
    await type(el, 'uj-employer', 'Acme');
    await continueOn(el);
    await continueOn(el);
    await back(el);
    expect(steps).to.deep.equal([
      { step: 'work', index: 1, total: 3 },
      { step: 'consent', index: 2, total: 3 },
      { step: 'review', index: -1, total: 3 },
      { step: 'consent', index: 2, total: 3 },
    ]);
  });

  it('lets a union-join-step listener see a bubbling, composed event', async () => {
    const el = await mount(exampleUnion);
    const seen = new Promise<UnionJoinStepEvent>((resolve) =>
      document.addEventListener('union-join-step', (e) => resolve(e as UnionJoinStepEvent), {
        once: true,
      }),
    );
    await fillAboutYou(el);
    await continueOn(el);
    const event = await seen;
    expect(event.bubbles && event.composed).to.equal(true);
    expect(event.detail.step).to.equal('work');
  });
});
