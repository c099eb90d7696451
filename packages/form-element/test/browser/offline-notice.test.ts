import { expect } from '@open-wc/testing';
import { http, HttpResponse } from 'msw';
import type { UnionJoinQueuedEvent } from '../../src/events/queued-event.ts';
import type { UnionJoinForm } from '../../src/union-join-form.ts';
import { useMockApi, worker } from './fixtures/api.ts';
import { exampleUnion } from './fixtures/definitions.ts';
import {
  eventually,
  goOffline,
  goOnline,
  leavePage,
  reopen,
  storedKeys,
} from './fixtures/device.ts';
import {
  $,
  continueOn,
  heading,
  mount,
  nextEvent,
  option,
  root,
  textOf,
  fillAboutYou,
} from './fixtures/helpers.ts';

const SAVED = 'You are offline. You can carry on: your answers are saved on this device.';
const NOT_SAVED = 'your answers are not saved on this device';

/** Everything the applicant reads in the form. */
function shown(el: UnionJoinForm): string {
  return textOf(root(el).querySelector('[part~="form"]'));
}

async function toReview(el: UnionJoinForm): Promise<void> {
  await fillAboutYou(el);
  await continueOn(el);
  option(el, 'membershipType', 'Student').click();
  await el.updateComplete;
  await continueOn(el);
  await continueOn(el);
  expect(heading(el)).to.equal('Check your answers');
}

describe('<union-join-form> offline notice', () => {
  useMockApi();

  afterEach(async () => {
    await goOnline();
  });

  it('says answers are saved on the device while a draft is kept', async () => {
    const el = await mount(exampleUnion);
    await fillAboutYou(el);
    leavePage();
    await eventually(async () => (await storedKeys('drafts')).length === 1, 'the draft');
    await goOffline();
    await el.updateComplete;
    expect(shown(el)).to.contain(SAVED);
    expect(shown(el)).not.to.contain(NOT_SAVED);
  });

  it('says it in a live region that was already on the page, so screen readers announce it', async () => {
    const el = await mount(exampleUnion);
    await fillAboutYou(el);
    const region = $(el, '#uj-offline');
    expect(region.getAttribute('role')).to.equal('status');
    expect(textOf(region)).to.equal('');
    await goOffline();
    await el.updateComplete;
    expect($(el, '#uj-offline'), 'the same element').to.equal(region);
    expect(textOf(region)).to.contain('You are offline');
  });

  it('says answers are not saved, and to keep the page open, with drafts off', async () => {
    const el = await mount(exampleUnion, { drafts: 'off' });
    await goOffline();
    await el.updateComplete;
    expect(textOf($(el, '.notice'))).to.equal(
      'You are offline. You can carry on, but keep this page open: your answers are not saved on this device.',
    );
  });

  it('says answers are saved while offering a draft to continue', async () => {
    const first = await mount(exampleUnion);
    await fillAboutYou(first);
    leavePage();
    await eventually(async () => (await storedKeys('drafts')).length === 1, 'the draft');
    first.remove();
    const el = await reopen(exampleUnion);
    await eventually(
      () => heading(el).startsWith('You have an unfinished application'),
      'the offer',
    );
    await goOffline();
    await el.updateComplete;
    expect(shown(el)).to.contain(SAVED);
    expect(shown(el)).not.to.contain(NOT_SAVED);
  });

  it('once an application is queued, shows only that it is saved and will be sent', async () => {
    worker.use(
      http.post('/v1/forms/example-union/applications', () =>
        HttpResponse.json({}, { status: 503 }),
      ),
    );
    const el = await mount(exampleUnion);
    await toReview(el);
    await goOffline();
    const queued = nextEvent<UnionJoinQueuedEvent>(el, 'union-join-queued');
    $<HTMLButtonElement>(el, 'button[type="submit"]').click();
    await queued;
    await el.updateComplete;
    expect(heading(el)).to.equal('Your application will be sent when you are back online');
    expect(shown(el)).to.contain('It is saved on this device and will be sent automatically');
    expect(shown(el)).not.to.contain(NOT_SAVED);
    expect(shown(el), 'nothing left to carry on with').not.to.contain('You can carry on');
  });

  it('does not tell an applicant who cannot join to carry on', async () => {
    const el = await mount(exampleUnion);
    await fillAboutYou(el, { year: String(new Date().getFullYear() - 10) });
    await continueOn(el);
    expect(heading(el)).to.equal('You cannot join online');
    await goOffline();
    await el.updateComplete;
    expect(shown(el)).not.to.contain('You are offline');
  });
});
