import { expect } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import { http, HttpResponse } from 'msw';
import { useMockApi, worker } from './fixtures/api.ts';
import { allFields, exampleUnion } from './fixtures/definitions.ts';
import { $, $$, continueOn, heading, mount, option, type, until } from './fixtures/helpers.ts';
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
});

describe('<union-join-form> at 320 px, the narrowest phone', () => {
  before(async () => {
    await setViewport({ width: 320, height: 568 });
  });
  after(async () => {
    await setViewport({ width: 800, height: 600 });
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
