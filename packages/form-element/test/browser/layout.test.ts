import { expect } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import { http, HttpResponse } from 'msw';
import { useMockApi, worker } from './fixtures/api.ts';
import { allFields, exampleUnion } from './fixtures/definitions.ts';
import {
  $,
  $$,
  continueOn,
  heading,
  mount,
  option,
  type,
  until,
  fillAboutYou,
} from './fixtures/helpers.ts';
import type { UnionJoinForm } from '../../src/union-join-form.ts';

/** Whether anything in the page or the form is wider than the viewport. */
function scrollsSideways(el: UnionJoinForm): boolean {
  const viewport = document.documentElement.clientWidth;
  if (document.documentElement.scrollWidth > viewport) return true;
  return $$(el, '*').some((node) => node.getBoundingClientRect().right > viewport + 0.5);
}

/** Elements with a style attribute, which a strict CSP (style-src without 'unsafe-inline') blocks. */
function inlineStyles(el: UnionJoinForm): Element[] {
  return $$(el, '[style]');
}

/** Controls the applicant touches, smaller than 44 px in either direction. */
function smallTargets(el: UnionJoinForm): string[] {
  return $$(el, 'input:not([type="radio"]):not([type="checkbox"]), select, button, label.option, a')
    .filter((node) => {
      const box = node.getBoundingClientRect();
      return box.height < 44 || box.width < 44;
    })
    .map((node) => node.id || node.className || node.localName);
}

/** Whether the day, month and year boxes of the birth date sit on one line. */
function dateOnOneLine(el: UnionJoinForm): boolean {
  const tops = $$(el, '[data-field="birthDate"] input').map((i) => i.getBoundingClientRect().top);
  return tops.length === 3 && tops.every((top) => Math.abs(top - tops[0]!) < 1);
}

/** Shows the birth date in error: every box marked, the field indented by its red bar. */
async function dateInError(el: UnionJoinForm): Promise<void> {
  await type(el, 'uj-birthDate', '10');
  await continueOn(el);
  expect($(el, '[data-field="birthDate"]').classList.contains('has-error')).to.equal(true);
}

async function toReview(el: UnionJoinForm): Promise<void> {
  await fillAboutYou(el);
  await continueOn(el);
  option(el, 'membershipType', 'Full').click();
  await el.updateComplete;
  await type(el, 'uj-employer', 'Northfield Care Homes and Community Services');
  await continueOn(el);
  await continueOn(el);
  expect(heading(el)).to.equal('Check your answers');
}

/** The box of the first line of text inside `element`, as drawn (not the element's own box). */
function firstTextLine(element: Element): DOMRect {
  const range = document.createRange();
  range.selectNodeContents(element);
  const line = [...range.getClientRects()].find((rect) => rect.width > 0);
  if (!line) throw new Error('no text drawn');
  return line;
}

/** Each review row: where its question, its answer and its Change text are drawn. */
function reviewRows(el: UnionJoinForm): { key: DOMRect; value: DOMRect; change: DOMRect }[] {
  return $$(el, '.summary > div').map((row) => ({
    key: firstTextLine(row.querySelector('dt')!),
    value: firstTextLine(row.querySelector('.value')!),
    change: firstTextLine(row.querySelector('button')!),
  }));
}

/** Whether the Change text sits on the answer's first line, to its right. */
function changeBesideValue(row: ReturnType<typeof reviewRows>[number]): boolean {
  const centre = (rect: DOMRect) => rect.top + rect.height / 2;
  return (
    row.change.left >= row.value.right && Math.abs(centre(row.change) - centre(row.value)) <= 2
  );
}

describe('<union-join-form> on a small phone (360 x 640)', () => {
  useMockApi();

  before(async () => {
    await setViewport({ width: 360, height: 640 });
  });
  after(async () => {
    await setViewport({ width: 800, height: 600 });
  });

  it('never scrolls sideways and keeps touch targets at 44 px, on every step', async () => {
    const el = await mount(allFields);
    expect(scrollsSideways(el)).to.equal(false);
    expect(smallTargets(el)).to.deep.equal([]);
    expect(inlineStyles(el), 'no inline style under a strict CSP').to.deep.equal([]);
    await type(el, 'uj-name', 'Ada');
    await type(el, 'uj-email', 'ada@example.org');
    await continueOn(el);
    expect(scrollsSideways(el)).to.equal(false);
    expect(smallTargets(el)).to.deep.equal([]);
    option(el, 'sector', 'Public').click();
    await el.updateComplete;
    await continueOn(el);
    expect(heading(el)).to.equal('Where you live');
    expect(scrollsSideways(el)).to.equal(false);
    expect(smallTargets(el)).to.deep.equal([]);
    await continueOn(el);
    expect(scrollsSideways(el)).to.equal(false);
    await continueOn(el);
    expect(heading(el)).to.equal('Check your answers');
    expect(scrollsSideways(el)).to.equal(false);
    expect(smallTargets(el)).to.deep.equal([]);
    expect(inlineStyles(el)).to.deep.equal([]);
  });

  it("keeps readable text, 44 px targets and the card's width under a theme's root font size, box sizing and direction", async () => {
    // Common in site themes: 1rem made 10 px, content-box everywhere, a right-to-left page.
    const theme = document.createElement('style');
    theme.textContent =
      'html { font-size: 62.5% } body { font-size: 1.6rem } * { box-sizing: content-box }';
    document.head.append(theme);
    document.documentElement.dir = 'rtl';
    try {
      const el = await mount(allFields);
      await continueOn(el);
      expect(scrollsSideways(el)).to.equal(false);
      expect(smallTargets(el)).to.deep.equal([]);
      const text = (selector: string) => parseFloat(getComputedStyle($(el, selector)).fontSize);
      expect(text('#uj-name')).to.be.at.least(16);
      expect(text('label[for="uj-name"]')).to.be.at.least(16);
      // An English form reads left to right whatever the page around it does.
      const bar = $(el, '[data-field="name"]');
      expect(getComputedStyle(bar).direction).to.equal('ltr');
    } finally {
      theme.remove();
      document.documentElement.dir = '';
    }
  });

  it('fits the error state, the review and the confirmation, and each is accessible', async () => {
    worker.use(
      http.post('/v1/forms/example-union/applications', () =>
        HttpResponse.json(
          { id: 'EWU-LONG-REFERENCE-0001', receivedAt: '2025-01-01T10:00:00Z' },
          { status: 201 },
        ),
      ),
    );
    const el = await mount(exampleUnion);
    await continueOn(el);
    expect(scrollsSideways(el)).to.equal(false);
    await expect(el).to.be.accessible();

    await type(el, 'uj-givenName', 'Ada');
    await type(el, 'uj-birthDate', '10');
    await type(el, 'uj-birthDate-month', '12');
    await type(el, 'uj-birthDate-year', '1985');
    await type(el, 'uj-email', 'a.very.long.email.address.for.testing@example-union.example.org');
    await continueOn(el);
    await expect(el).to.be.accessible();
    option(el, 'membershipType', 'Student').click();
    await el.updateComplete;
    await continueOn(el);
    await expect(el).to.be.accessible();
    await continueOn(el);
    expect(scrollsSideways(el)).to.equal(false);
    await expect(el).to.be.accessible();

    $<HTMLButtonElement>(el, 'button[type="submit"]').click();
    await until(() => el.shadowRoot?.querySelector('.reference') !== null, 'the confirmation');
    expect(scrollsSideways(el)).to.equal(false);
    await expect(el).to.be.accessible();
  });

  it('keeps day, month and year on one line when the date is in error', async () => {
    const el = await mount(exampleUnion);
    await dateInError(el);
    expect(dateOnOneLine(el)).to.equal(true);
    expect(scrollsSideways(el)).to.equal(false);
    expect(smallTargets(el)).to.deep.equal([]);
  });

  it('puts the question above the answer, and Change beside the answer', async () => {
    const el = await mount(exampleUnion);
    await toReview(el);
    const rows = reviewRows(el);
    expect(rows).to.have.length(6);
    for (const row of rows) {
      expect(row.key.bottom, 'question above').to.be.at.most(row.value.top + 0.5);
      expect(changeBesideValue(row), 'Change beside the answer').to.equal(true);
    }
    expect(smallTargets(el)).to.deep.equal([]);
  });
});

describe('<union-join-form> at 320 px, the narrowest phone', () => {
  before(async () => {
    await setViewport({ width: 320, height: 568 });
  });
  after(async () => {
    await setViewport({ width: 800, height: 600 });
  });

  it('keeps day, month and year on one line when the date is in error', async () => {
    const el = await mount(exampleUnion);
    await dateInError(el);
    expect(dateOnOneLine(el)).to.equal(true);
    expect(scrollsSideways(el)).to.equal(false);
  });

  it('keeps Change beside the answer on the review', async () => {
    const el = await mount(exampleUnion);
    await toReview(el);
    for (const row of reviewRows(el)) expect(changeBesideValue(row)).to.equal(true);
    expect(scrollsSideways(el)).to.equal(false);
  });

  it('puts Change under the answer when text is zoomed to 200 %, so words stay whole', async () => {
    document.documentElement.style.fontSize = '200%';
    try {
      const el = await mount(exampleUnion);
      await toReview(el);
      const summary = $(el, '.summary').getBoundingClientRect();
      for (const row of reviewRows(el)) {
        expect(row.change.top, 'Change below the answer').to.be.at.least(row.value.bottom - 1);
      }
      const email = $$(el, '.summary .value')[2]!;
      expect(email.getBoundingClientRect().width, 'the answer has the row').to.be.at.least(
        summary.width * 0.9,
      );
      expect(scrollsSideways(el)).to.equal(false);
      // "Send application" wraps between its words, never inside one ("Sen/d appl/ication").
      const range = document.createRange();
      range.selectNodeContents($(el, 'button[type="submit"]'));
      const lines = new Set([...range.getClientRects()].map((rect) => Math.round(rect.top)));
      expect(lines.size, 'lines of the Send button').to.be.at.most(2);
    } finally {
      document.documentElement.style.fontSize = '';
    }
  });

  it('fits the widest steps: dates, address and bank details', async () => {
    const el = await mount(allFields);
    await type(el, 'uj-name', 'Ada');
    await type(el, 'uj-email', 'ada@example.org');
    await continueOn(el);
    expect(scrollsSideways(el)).to.equal(false);
    option(el, 'sector', 'Public').click();
    await el.updateComplete;
    await continueOn(el);
    expect(scrollsSideways(el)).to.equal(false);
    await continueOn(el);
    expect(heading(el)).to.equal('Identity and payment');
    expect(scrollsSideways(el)).to.equal(false);
  });
});

describe('<union-join-form> on a wide screen (1280 x 800)', () => {
  before(async () => {
    await setViewport({ width: 1280, height: 800 });
  });
  after(async () => {
    await setViewport({ width: 800, height: 600 });
  });

  it('puts question, answer and Change in one row on the review', async () => {
    const el = await mount(exampleUnion);
    await toReview(el);
    for (const row of reviewRows(el)) {
      expect(Math.abs(row.key.top - row.value.top), 'question and answer level').to.be.below(2);
      expect(row.key.right).to.be.at.most(row.value.left);
      expect(changeBesideValue(row), 'Change on the same line').to.equal(true);
    }
  });
});
