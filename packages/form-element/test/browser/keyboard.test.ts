import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { http, HttpResponse } from 'msw';
import { useMockApi, worker } from './fixtures/api.ts';
import { exampleUnion } from './fixtures/definitions.ts';
import { $, heading, mount, textOf, until } from './fixtures/helpers.ts';
import type { UnionJoinForm } from '../../src/union-join-form.ts';

/** Presses Tab until the focused element in the form matches `selector` (at most 40 presses). */
async function tabTo(el: UnionJoinForm, selector: string): Promise<void> {
  for (let i = 0; i < 40; i++) {
    if (el.shadowRoot?.activeElement?.matches(selector)) return;
    await sendKeys({ press: 'Tab' });
  }
  throw new Error(`Tab never reached ${selector}`);
}

async function typeInto(el: UnionJoinForm, selector: string, text: string): Promise<void> {
  await tabTo(el, selector);
  await sendKeys({ type: text });
}

describe('<union-join-form> by keyboard alone', () => {
  useMockApi();

  it('can be completed and sent with Tab, typing, Space and Enter', async () => {
    worker.use(
      http.post('/v1/forms/example-union/applications', () =>
        HttpResponse.json({ id: 'EWU-KEYS', receivedAt: '2025-01-01T10:00:00Z' }, { status: 201 }),
      ),
    );
    const el = await mount(exampleUnion);
    const start = document.createElement('button');
    start.textContent = 'before the form';
    el.before(start);
    start.focus();

    await typeInto(el, '#uj-givenName', 'Ada');
    await typeInto(el, '#uj-birthDate', '10');
    await typeInto(el, '#uj-birthDate-month', '12');
    await typeInto(el, '#uj-birthDate-year', '1985');
    await typeInto(el, '#uj-email', 'ada@example.org');
    await sendKeys({ press: 'Enter' });
    await until(() => heading(el) === 'Your work', 'step 2');
    expect(el.shadowRoot?.activeElement?.id, 'focus on the new heading').to.equal('uj-heading');

    await tabTo(el, 'input[type="radio"]');
    await sendKeys({ press: 'Space' });
    await el.updateComplete;
    expect(el.session?.get('membershipType')).to.equal('full');
    await typeInto(el, '#uj-employer', 'Acme');
    await tabTo(el, 'button[type="submit"]');
    await sendKeys({ press: 'Enter' });
    await until(() => heading(el) === 'Keeping in touch', 'step 3');

    await tabTo(el, '#uj-newsletter');
    await sendKeys({ press: 'Space' });
    await tabTo(el, 'button[type="submit"]');
    await sendKeys({ press: 'Enter' });
    await until(() => heading(el) === 'Check your answers', 'the review');

    await tabTo(el, 'button[type="submit"]');
    await sendKeys({ press: 'Enter' });
    await until(() => el.shadowRoot?.querySelector('.reference') !== null, 'the confirmation');
    expect(textOf($(el, '.reference'))).to.equal('EWU-KEYS');
    start.remove();
  });

  it('reaches a field from the error summary by keyboard', async () => {
    const el = await mount(exampleUnion);
    $<HTMLButtonElement>(el, 'button[type="submit"]').focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(el.shadowRoot?.activeElement?.classList.contains('error-summary')).to.equal(true);
    await tabTo(el, '.error-summary a[href="#uj-email"]');
    await sendKeys({ press: 'Enter' });
    expect(el.shadowRoot?.activeElement?.id).to.equal('uj-email');
  });
});
