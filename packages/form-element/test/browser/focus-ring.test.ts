import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { exampleUnion } from './fixtures/definitions.ts';
import { eventually, leavePage } from './fixtures/device.ts';
import { $$, answerToReview, button, fillAboutYou, mount } from './fixtures/helpers.ts';
import type { UnionJoinForm } from '../../src/union-join-form.ts';

/** Focuses `target` as the keyboard does (a key was pressed last), so :focus-visible applies. */
async function keyboardFocus(target: HTMLElement): Promise<void> {
  await sendKeys({ press: 'Shift' });
  target.focus();
}

/**
 * The ring a focused control shows. Forced colours (Windows High Contrast) drop backgrounds and
 * shadows and paint outlines, even transparent ones, in a system colour: an outline is what stays.
 */
function ring(target: HTMLElement) {
  const style = getComputedStyle(target);
  return {
    focusVisible: target.matches(':focus-visible'),
    outlineStyle: style.outlineStyle,
    outlineWidth: parseFloat(style.outlineWidth),
    outlineColor: style.outlineColor,
  };
}

/** Asserts the link-styled button keeps an outline when focused, invisible in normal colours. */
async function expectForcedColoursRing(el: UnionJoinForm, target: HTMLElement, name: string) {
  await keyboardFocus(target);
  expect(el.shadowRoot?.activeElement, name).to.equal(target);
  const shown = ring(target);
  expect(shown.focusVisible, `${name} matches :focus-visible`).to.equal(true);
  expect(shown.outlineStyle, `${name} outline-style`).to.not.equal('none');
  expect(shown.outlineWidth, `${name} outline-width`).to.be.at.least(2);
  // The normal look is the yellow background alone: the outline is there for forced colours.
  expect(shown.outlineColor, `${name} outline-color`).to.equal('rgba(0, 0, 0, 0)');
  expect(getComputedStyle(target).backgroundColor, `${name} background`).to.equal(
    'rgb(255, 191, 31)',
  );
}

describe('<union-join-form> focus ring in forced colours', () => {
  it('gives Back and every Change an outline that forced colours keep', async () => {
    const el = await mount(exampleUnion);
    await answerToReview(el);
    const links = $$<HTMLButtonElement>(el, 'button.link');
    expect(links.length, 'Back and the Change buttons').to.be.greaterThan(3);
    for (const link of links) {
      await expectForcedColoursRing(el, link, link.textContent?.trim() ?? 'link');
    }
  });

  it('gives "Delete saved answers" an outline that forced colours keep', async () => {
    const el = await mount(exampleUnion);
    await fillAboutYou(el);
    leavePage();
    await eventually(() => el.shadowRoot?.querySelector('#uj-delete-saved') != null, 'the button');
    await expectForcedColoursRing(el, button(el, 'Delete saved answers'), 'Delete saved answers');
  });
});
