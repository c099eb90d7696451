import { expect } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import { http, HttpResponse } from 'msw';
import { useMockApi, worker } from './fixtures/api.ts';
import { noReview } from './fixtures/definitions.ts';
import { $, $$, continueOn, mount, textOf, type, until } from './fixtures/helpers.ts';
import type { UnionJoinForm } from '../../src/union-join-form.ts';

/** Sends the one-step form; the backend answers with `reference`. */
async function confirmed(reference: string, lang = 'en'): Promise<UnionJoinForm> {
  worker.use(
    http.post('/v1/forms/no-review/applications', () =>
      HttpResponse.json({ id: reference, receivedAt: '2025-01-01T10:00:00Z' }, { status: 201 }),
    ),
  );
  const el = await mount({ ...noReview, locales: ['en', 'nb'] }, { lang });
  await type(el, 'uj-email', 'ada@example.org');
  await continueOn(el);
  await until(() => el.shadowRoot?.querySelector('.reference') !== null, 'the confirmation');
  return el;
}

describe('<union-join-form> confirmation on a small phone (360 x 640)', () => {
  useMockApi();

  before(async () => {
    await setViewport({ width: 360, height: 640 });
  });
  after(async () => {
    await setViewport({ width: 800, height: 600 });
  });

  it('names the organisation that received the application', async () => {
    const el = await confirmed('EWU-1');
    expect(textOf($(el, '.panel + p'))).to.equal(
      'Thank you. Example Workers Union has received your application.',
    );
    const nb = await confirmed('EWU-1', 'nb');
    expect(textOf($(nb, '.panel + p'))).to.equal(
      'Takk! Example Workers Union har mottatt søknaden din.',
    );
  });

  it('shows a 16-character reference in four groups, in monospace, never split inside a group', async () => {
    const el = await confirmed('7K3Q9F2MXW4PH8RT');
    const reference = $(el, '.reference');
    expect(textOf(reference)).to.equal('7K3Q-9F2M-XW4P-H8RT');
    expect(getComputedStyle(reference).fontFamily).to.contain('monospace');
    const groups = $$(el, '.reference span');
    expect(groups.map(textOf)).to.deep.equal(['7K3Q-', '9F2M-', 'XW4P-', 'H8RT']);
    for (const group of groups) expect(group.getClientRects().length, textOf(group)).to.equal(1);
    const right = reference.getBoundingClientRect().right;
    for (const group of groups) expect(group.getBoundingClientRect().right).to.be.at.most(right);
    await expect(el).to.be.accessible();
  });

  it('shows any other reference as returned, breaking only after its hyphens', async () => {
    const el = await confirmed('3f2b8c1e-4d5a-4b6c-9e8f-1a2b3c4d5e6f');
    expect(textOf($(el, '.reference'))).to.equal('3f2b8c1e-4d5a-4b6c-9e8f-1a2b3c4d5e6f');
    const groups = $$(el, '.reference span');
    expect(groups).to.have.length(5);
    for (const group of groups) expect(group.getClientRects().length, textOf(group)).to.equal(1);
    expect(document.documentElement.scrollWidth).to.be.at.most(360);
  });
});
