import { expect } from '@open-wc/testing';
import { emulateMedia, setViewport } from '@web/test-runner-commands';
import { exampleUnion, formWith } from './fixtures/definitions.ts';
import { eventually, leavePage } from './fixtures/device.ts';
import { $, button, continueOn, fillAboutYou, mount } from './fixtures/helpers.ts';
import type { UnionJoinForm } from '../../src/union-join-form.ts';

/** The focused element inside the form's shadow root. */
function focused(el: UnionJoinForm): HTMLElement {
  const active = el.shadowRoot?.activeElement;
  if (!(active instanceof HTMLElement)) throw new Error('nothing in the form has focus');
  return active;
}

/** Whether `target` lies wholly inside the window. */
function inView(target: Element): boolean {
  const box = target.getBoundingClientRect();
  return box.top >= 0 && box.bottom <= innerHeight && box.height > 0;
}

/** Asserts focus is on `id` and inside the window once the render and its scroll are done. */
async function expectFocusInView(el: UnionJoinForm, id: string): Promise<void> {
  await el.updateComplete;
  await new Promise((resolve) => requestAnimationFrame(resolve));
  expect(focused(el).id).to.equal(id);
  const box = focused(el).getBoundingClientRect();
  expect(
    inView(focused(el)),
    `#${id} at y=${Math.round(box.top)} in a ${innerHeight} px window`,
  ).to.equal(true);
}

/** The example union with a taller first step, as a union asking for work details up front has. */
const tallFirstStep = {
  ...exampleUnion,
  steps: exampleUnion.steps.map((step, i) =>
    i === 0
      ? {
          ...step,
          fields: [
            ...step.fields,
            ...['Workplace', 'Job title', 'Department', 'Payroll number', 'Manager'].map(
              (label, n) => ({ id: `extra${n}`, type: 'text', label }) as const,
            ),
          ],
        }
      : step,
  ),
};

/** A question with a long label and hint, as a union explaining what it needs might ask. */
const longQuestion = formWith('long-question', [
  {
    id: 'work',
    title: 'Your work',
    fields: [
      {
        id: 'employer',
        type: 'text',
        required: true,
        label:
          'What is the name of the employer you work for at the moment, as it is on your payslip?',
        hint: 'If you work for more than one employer, give the one you work for most hours. If you work through an agency, give the name of the agency and not the company where you work.',
      },
    ],
  },
]);

/** Page content under the form, so the window can scroll anywhere over it. */
function contentBelow(el: UnionJoinForm): void {
  const footer = document.createElement('div');
  footer.style.height = '2000px';
  el.after(footer);
}

describe('<union-join-form> focus moved into view on a phone', () => {
  // Scrolling is instant with reduced motion, so where focus ends up can be read at once.
  before(() => emulateMedia({ reducedMotion: 'reduce' }));
  after(() => emulateMedia({ reducedMotion: 'no-preference' }));
  afterEach(() => setViewport({ width: 800, height: 600 }));

  it('shows the "Delete saved answers" question and then the button again at 360x640', async () => {
    await setViewport({ width: 360, height: 640 });
    const el = await mount(tallFirstStep);
    await fillAboutYou(el);
    leavePage();
    await eventually(() => el.shadowRoot?.querySelector('#uj-delete-saved') != null, 'the button');
    const remove = button(el, 'Delete saved answers');
    remove.scrollIntoView({ block: 'end' });
    // Scrolling to the top of the form would leave the question below the window.
    const below = remove.getBoundingClientRect().bottom - el.getBoundingClientRect().top;
    expect(below).to.be.above(innerHeight);

    remove.click();
    await expectFocusInView(el, 'uj-delete-question');

    button(el, 'No, keep them').click();
    await expectFocusInView(el, 'uj-delete-saved');
  });

  it('still shows the heading of the next page from the top of the form', async () => {
    await setViewport({ width: 360, height: 640 });
    const el = await mount(exampleUnion);
    await fillAboutYou(el);
    const next = el.shadowRoot?.querySelector<HTMLButtonElement>('button[type="submit"]');
    next?.scrollIntoView({ block: 'end' });
    next?.click();
    await expectFocusInView(el, 'uj-heading');
    expect(el.getBoundingClientRect().top, 'the top of the form in view').to.be.at.least(0);
  });

  it("shows a tall step's heading after the browser's Back, over the scroll the browser restores", async () => {
    await setViewport({ width: 360, height: 640 });
    const el = await mount(tallFirstStep);
    contentBelow(el);
    await fillAboutYou(el);
    const next = $<HTMLButtonElement>(el, 'button[type="submit"]');
    next.scrollIntoView({ block: 'end' });
    next.click();
    await expectFocusInView(el, 'uj-heading');
    history.back();
    await eventually(() => el.shadowRoot?.querySelector('#uj-givenName') != null, 'step one');
    // The browser restores the entry's scroll (Continue at the bottom) after the page changed.
    for (let frame = 0; frame < 5; frame++) {
      await new Promise((resolve) => requestAnimationFrame(resolve));
    }
    await expectFocusInView(el, 'uj-heading');
  });

  it('shows the box an error link focuses at 200 % text, 320 px wide, under a tall label', async () => {
    await setViewport({ width: 320, height: 640 });
    document.documentElement.style.fontSize = '200%';
    try {
      const el = await mount(longQuestion);
      contentBelow(el);
      await continueOn(el);
      const field = $(el, '[data-field="employer"]');
      const box = $(el, '#uj-employer');
      const below = box.getBoundingClientRect().bottom - field.getBoundingClientRect().top;
      expect(below, 'label and hint taller than the window').to.be.above(innerHeight);
      $<HTMLAnchorElement>(el, '.error-summary a').click();
      await expectFocusInView(el, 'uj-employer');
    } finally {
      document.documentElement.style.fontSize = '';
    }
  });

  it('still shows the label above the box when both fit', async () => {
    await setViewport({ width: 320, height: 640 });
    const el = await mount(longQuestion);
    contentBelow(el);
    await continueOn(el);
    $<HTMLAnchorElement>(el, '.error-summary a').click();
    await expectFocusInView(el, 'uj-employer');
    const label = $(el, '[data-field="employer"] label').getBoundingClientRect();
    expect(label.top, 'the label at the top of the window').to.be.closeTo(0, 1);
  });
});
