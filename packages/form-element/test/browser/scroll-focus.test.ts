import { expect } from '@open-wc/testing';
import { emulateMedia, setViewport } from '@web/test-runner-commands';
import { exampleUnion } from './fixtures/definitions.ts';
import { eventually, leavePage } from './fixtures/device.ts';
import { button, fillAboutYou, mount } from './fixtures/helpers.ts';
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
});
