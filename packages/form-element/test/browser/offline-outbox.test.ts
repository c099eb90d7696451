import { executeServerCommand } from '@web/test-runner-commands';
import { expect, fixture, html } from '@open-wc/testing';
import { http, HttpResponse } from 'msw';
import type { UnionJoinErrorEvent } from '../../src/events/error-event.ts';
import type { UnionJoinQueuedEvent } from '../../src/events/queued-event.ts';
import type { UnionJoinSuccessEvent } from '../../src/events/success-event.ts';
import type { UnionJoinForm } from '../../src/union-join-form.ts';
import { useMockApi, worker } from './fixtures/api.ts';
import { exampleUnion } from './fixtures/definitions.ts';
import {
  deviceText,
  eventually,
  goOffline,
  goOnline,
  leavePage,
  reopen,
  storedKeys,
} from './fixtures/device.ts';
import {
  $,
  $$,
  button,
  clearDevice,
  continueOn,
  heading,
  mount,
  nextEvent,
  root,
  textOf,
  type,
  answerToReview,
  fillAboutYou,
  option,
} from './fixtures/helpers.ts';

const APPLICATIONS = '/v1/forms/example-union/applications';
const QUEUED = 'Your application will be sent when you are back online';
const SAVED = 'Your application is saved and will be sent automatically';
const KEEP_OPEN = 'keep this page open';
const CLOSE_PROMISE = 'even if you close this page';

/**
 * A fake backend: stores one application per idempotency key, replays the answer for a repeat of
 * the same body and refuses another body under a key already used, like the real server.
 */
function fakeBackend(script: number[] = []) {
  const stored = new Map<string, { id: string; body: unknown }>();
  const requests: string[] = [];
  worker.use(
    http.post(APPLICATIONS, async ({ request }) => {
      const key = request.headers.get('idempotency-key') ?? '';
      requests.push(key);
      const status = script.shift();
      if (status === 422) {
        return HttpResponse.json(
          {
            error: 'validation_failed',
            issues: [{ path: ['answers', 'email'], code: 'invalid_email', message: 'x' }],
          },
          { status },
        );
      }
      if (status !== undefined) return HttpResponse.json({ error: 'unavailable' }, { status });
      const body: unknown = await request.json();
      let entry = stored.get(key);
      if (entry && JSON.stringify(entry.body) !== JSON.stringify(body)) {
        return HttpResponse.json({ error: 'idempotency_key_reused' }, { status: 400 });
      }
      if (!entry) {
        entry = { id: `EWU-${stored.size + 1}`, body };
        stored.set(key, entry);
      }
      return HttpResponse.json(
        { id: entry.id, receivedAt: '2025-01-01T10:00:00Z' },
        { status: 201 },
      );
    }),
  );
  return { stored, requests };
}

/**
 * Sends the application to a backend that answers (`answer()`) only when told, with reference
 * `id`; resolves once it is on its way.
 */
async function sendingSlowly(id: string): Promise<{ el: UnionJoinForm; answer: () => void }> {
  let answer!: () => void;
  const answered = new Promise<void>((resolve) => (answer = resolve));
  worker.use(
    http.post(APPLICATIONS, async () => {
      await answered;
      return HttpResponse.json({ id, receivedAt: '2025-01-01T10:00:00Z' }, { status: 201 });
    }),
  );
  const el = await mount(exampleUnion);
  await answerToReview(el);
  $<HTMLButtonElement>(el, 'button[type="submit"]').click();
  await eventually(async () => (await storedKeys('outbox')).length === 1, 'on its way');
  return { el, answer };
}

/** Sends while the API cannot be reached; resolves once the application is queued. */
async function sendOffline(el: UnionJoinForm): Promise<UnionJoinQueuedEvent> {
  await goOffline();
  const queued = nextEvent<UnionJoinQueuedEvent>(el, 'union-join-queued');
  $<HTMLButtonElement>(el, 'button[type="submit"]').click();
  const event = await queued;
  await el.updateComplete;
  return event;
}

/** Queues an application offline (with `email`), then starts a new one on the same page. */
async function queueAndStartNew(el: UnionJoinForm, email?: string): Promise<void> {
  await answerToReview(el, email === undefined ? {} : { email });
  await sendOffline(el);
  button(el, 'Start a new application').click();
  await el.updateComplete;
}

describe('<union-join-form> offline outbox', () => {
  useMockApi();

  afterEach(async () => {
    await goOnline();
  });

  it('queues an application sent while offline, then delivers it once back online', async () => {
    const backend = fakeBackend();
    const el = await mount(exampleUnion);
    await answerToReview(el);
    leavePage();
    await eventually(async () => (await storedKeys('drafts')).length === 1, 'the draft');
    const queued = await sendOffline(el);
    expect(queued.detail.idempotencyKey).to.match(/^[0-9a-f-]{36}$/);
    expect(heading(el)).to.equal(QUEUED);
    expect(textOf(root(el).querySelector('.notice'))).to.contain('It is saved on this device');
    expect(el.shadowRoot?.activeElement?.id, 'focus on the notice heading').to.equal('uj-heading');
    await expect(el).to.be.accessible();
    expect(await storedKeys('outbox')).to.have.length(1);
    expect(await storedKeys('drafts'), 'the draft gave way to the outbox').to.deep.equal([]);
    expect(await deviceText()).not.to.contain('ada@example.org');
    expect(backend.stored.size).to.equal(0);

    const succeeded = nextEvent<UnionJoinSuccessEvent>(el, 'union-join-success');
    await goOnline();
    expect((await succeeded).detail.id).to.equal('EWU-1');
    await el.updateComplete;
    expect(heading(el)).to.equal('Application sent');
    expect(textOf($(el, '.reference'))).to.equal('EWU-1');
    expect(backend.stored.size).to.equal(1);
    expect([...backend.stored.keys()]).to.deep.equal([queued.detail.idempotencyKey]);
    expect(await storedKeys('outbox')).to.deep.equal([]);
    expect(await storedKeys('drafts')).to.deep.equal([]);
    expect(root(el).querySelector('.notice'), 'no longer offline').to.equal(null);
  });

  it('after server errors while online, says the application is saved and will be sent, not that the connection failed', async () => {
    fakeBackend([503, 503, 503]);
    const el = await mount(exampleUnion);
    await answerToReview(el);
    const queued = nextEvent<UnionJoinQueuedEvent>(el, 'union-join-queued');
    $<HTMLButtonElement>(el, 'button[type="submit"]').click();
    await queued;
    await el.updateComplete;
    expect(heading(el)).to.equal(SAVED);
    expect(textOf($(el, '.notice.info'))).to.equal(
      `${SAVED} The server could not take your application just now. It is saved on this device and will be sent automatically, even if you close this page and open it again later, unless this is a private window. You do not need to fill in the form again.`,
    );
    expect(textOf($(el, '[aria-live]')), 'what a screen reader hears').to.equal(SAVED);
    expect(el.shadowRoot?.activeElement?.id, 'focus on the notice heading').to.equal('uj-heading');
    await expect(el).to.be.accessible();
    // Then the connection drops as well: now it waits for the applicant to be back online.
    await goOffline();
    await el.updateComplete;
    expect(heading(el)).to.equal(QUEUED);
  });

  it('with no answer from the server while the browser is online, does not blame the connection', async () => {
    fakeBackend();
    const el = await mount(exampleUnion);
    await answerToReview(el);
    // The server is down (or the endpoint wrong): no answer, but the browser is online.
    await executeServerCommand('block-urls', { urls: ['*/v1/*'] });
    try {
      const queued = nextEvent<UnionJoinQueuedEvent>(el, 'union-join-queued');
      $<HTMLButtonElement>(el, 'button[type="submit"]').click();
      await queued;
      await el.updateComplete;
      expect(heading(el)).to.equal(SAVED);
      expect(textOf($(el, '.notice.info'))).not.to.contain('back online');
      expect(textOf($(el, '.notice.info')), 'nor blames the server for sure').not.to.contain(
        'The server could not',
      );
    } finally {
      await executeServerCommand('block-urls', { urls: [] });
    }
  });

  it('shows the confirmation on a page reloaded the moment a queued application was delivered, once', async () => {
    const backend = fakeBackend();
    const el = await mount(exampleUnion);
    await answerToReview(el);
    await sendOffline(el);
    const delivered = nextEvent<UnionJoinSuccessEvent>(el, 'union-join-success');
    await goOnline();
    const reference = (await delivered).detail.id;
    // The applicant reloads at that very moment: the old page goes before anyone saw it.
    el.remove();
    const next = await reopen(exampleUnion);
    await eventually(() => heading(next) === 'Application sent', 'the confirmation after reload');
    expect(textOf($(next, '.reference'))).to.equal(reference);
    expect(backend.stored.size).to.equal(1);
    await eventually(
      async () => (await storedKeys('receipts')).length === 0,
      'the receipt to be dropped once seen',
    );
    next.remove();
    const later = await reopen(exampleUnion);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(heading(later), 'a later applicant starts afresh').to.equal('About you');
  });

  it('keeps a queued application waiting while the backend does not find its form (taken down a while), and sends it once it is back', async () => {
    const backend = fakeBackend([404, 404]);
    const el = await mount(exampleUnion);
    await answerToReview(el);
    await sendOffline(el);
    el.remove();
    await goOnline();
    const next = await reopen(exampleUnion);
    const delivered = nextEvent<UnionJoinSuccessEvent>(next, 'union-join-success');
    await eventually(() => backend.requests.length >= 1, 'a first attempt');
    await eventually(() => heading(next) === SAVED, 'still waiting, not refused');
    expect(textOf($(next, '[part~="form"]'))).not.to.contain('not taking applications');
    for (let i = 0; i < 5 && backend.stored.size === 0; i++) {
      window.dispatchEvent(new Event('online'));
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const reference = (await delivered).detail.id;
    await eventually(() => heading(next) === 'Application sent', 'the confirmation');
    expect(backend.stored.size).to.equal(1);
    expect(reference).to.equal('EWU-1');
  });

  it('delivers exactly one application from two open pages, after a 503', async () => {
    const backend = fakeBackend([503, 503, 503, 503]);
    const first = await mount(exampleUnion);
    await answerToReview(first);
    await sendOffline(first);
    // A second page of the same form, opened while the application waits.
    const second = await reopen(exampleUnion);
    // This browser still says it is online (only the API is cut), so either notice is right.
    await eventually(
      () => [QUEUED, SAVED].includes(heading(second)),
      'the second page to show it queued',
    );

    const both = [first, second].map((el) =>
      nextEvent<UnionJoinSuccessEvent>(el, 'union-join-success'),
    );
    await goOnline();
    // The 503s went to whichever page sent first; a later attempt got through.
    await eventually(() => backend.stored.size === 1, 'the application to arrive');
    for (let i = 0; i < 5; i++) window.dispatchEvent(new Event('online'));
    const confirmed = await Promise.all(both);
    expect(confirmed.map((event) => event.detail.id)).to.deep.equal(['EWU-1', 'EWU-1']);
    await first.updateComplete;
    await second.updateComplete;
    expect(heading(first)).to.equal('Application sent');
    expect(heading(second)).to.equal('Application sent');
    expect(backend.stored.size).to.equal(1);
    expect(new Set(backend.requests).size, 'one idempotency key throughout').to.equal(1);
    // Four 503s, one acceptance, and nothing after it despite five more online events.
    expect(backend.requests.length).to.equal(5);
    expect(await storedKeys('outbox')).to.deep.equal([]);
  });

  it('delivers on the next visit and shows the confirmation there', async () => {
    const backend = fakeBackend();
    const el = await mount(exampleUnion);
    await answerToReview(el);
    await sendOffline(el);
    el.remove();
    await goOnline();
    const next = await reopen(exampleUnion);
    await eventually(() => heading(next) === 'Application sent', 'the confirmation');
    expect(textOf($(next, '.reference'))).to.equal('EWU-1');
    expect(backend.stored.size).to.equal(1);
    await eventually(
      async () => (await storedKeys('receipts')).length === 0,
      'the receipt to be dropped once shown',
    );
    const later = await reopen(exampleUnion);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(heading(later), 'a later visit starts afresh').to.equal('About you');
  });

  it('sends a queued application on online even when the form could not be loaded, and says it waits', async () => {
    const backend = fakeBackend();
    worker.use(http.get('/v1/forms/example-union', () => HttpResponse.json(exampleUnion)));
    const el = await mount(exampleUnion);
    await answerToReview(el);
    await sendOffline(el);
    el.remove();
    // The next visit loads the form by id while the network is still down, as the browser knows.
    Object.defineProperty(navigator, 'onLine', { get: () => false, configurable: true });
    const next = await fixture<UnionJoinForm>(
      html`<union-join-form lang="en" endpoint="" form-id="example-union"></union-join-form>`,
    );
    const shown = () => textOf(root(next).querySelector('#uj-heading'));
    await eventually(() => shown() === 'Sorry, the form could not be loaded', 'the failure');
    await eventually(() => textOf(root(next).querySelector('.notice.info')) !== '', 'the hint');
    expect(textOf($(next, '.notice.info'))).to.equal(
      `${QUEUED} It is saved on this device and will be sent automatically, even if you close this page and open it again later, unless this is a private window. You do not need to fill in the form again.`,
    );
    await expect(next).to.be.accessible();

    delete (navigator as { onLine?: boolean }).onLine;
    await goOnline();
    await eventually(() => backend.stored.size === 1, 'the application to arrive');
    await eventually(() => shown() === 'Application sent', 'the confirmation');
    expect(textOf($(next, '.reference'))).to.equal('EWU-1');
    expect(backend.requests.length, 'sent once').to.equal(1);
    expect(await storedKeys('outbox')).to.deep.equal([]);
  });

  it('lets a second applicant on the same offline device start and queue their own application', async () => {
    const backend = fakeBackend();
    const el = await mount(exampleUnion);
    await answerToReview(el);
    const firstKey = (await sendOffline(el)).detail.idempotencyKey;
    button(el, 'Start a new application').click();
    await el.updateComplete;
    expect(heading(el)).to.equal('About you');
    expect(el.shadowRoot?.activeElement?.id, 'focus on the new first step').to.equal('uj-heading');
    expect($<HTMLInputElement>(el, '#uj-givenName').value, 'nothing of the first').to.equal('');

    await answerToReview(el, { email: 'grace@example.org' });
    const secondKey = (await sendOffline(el)).detail.idempotencyKey;
    expect(secondKey).not.to.equal(firstKey);
    expect(heading(el)).to.equal(QUEUED);
    expect(await storedKeys('outbox')).to.have.length(2);
    expect(await deviceText()).not.to.contain('grace@example.org');

    const confirmed = nextEvent<UnionJoinSuccessEvent>(el, 'union-join-success');
    await goOnline();
    await eventually(() => backend.stored.size === 2, 'both applications to arrive');
    await eventually(() => heading(el) === 'Application sent', 'the confirmation');
    await confirmed;
    for (let i = 0; i < 3; i++) window.dispatchEvent(new Event('online'));
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect([...backend.stored.keys()].sort()).to.deep.equal([firstKey, secondKey].sort());
    expect(backend.requests.length, 'each sent once').to.equal(2);
    const emails = [...backend.stored.values()].map(
      (entry) => (entry.body as { answers: { email: string } }).answers.email,
    );
    expect(emails.sort()).to.deep.equal(['ada@example.org', 'grace@example.org']);
    expect(textOf($(el, '.reference'))).to.equal(backend.stored.get(secondKey)!.id);
    expect(await storedKeys('outbox')).to.deep.equal([]);
    await expect(el).to.be.accessible();
  });

  it('says on the new form that the earlier application still waits, until it is sent', async () => {
    const backend = fakeBackend();
    const el = await mount(exampleUnion);
    await queueAndStartNew(el);
    expect(heading(el)).to.equal('About you');
    const waiting = () =>
      $$(el, '.notice')
        .map((notice) => textOf(notice))
        .join(' | ');
    expect(waiting()).to.contain(
      'An earlier application from this device is waiting to be sent. It will be sent automatically: fill in this form only for someone else.',
    );
    await expect(el).to.be.accessible();
    await fillAboutYou(el);
    await continueOn(el);
    expect(waiting(), 'on every page of the new application').to.contain('An earlier application');
    await goOnline();
    await eventually(() => backend.stored.size === 1, 'the earlier one delivered');
    await eventually(() => !waiting().includes('An earlier application'), 'the notice gone');
    expect(waiting()).to.contain('Your saved application has been sent.');
  });

  it('says when an earlier queued application is sent while a new one is being filled in', async () => {
    const backend = fakeBackend();
    const el = await mount(exampleUnion);
    await queueAndStartNew(el);
    await type(el, 'uj-givenName', 'Grace');
    const delivered = nextEvent<UnionJoinSuccessEvent>(el, 'union-join-success');
    await goOnline();
    const reference = (await delivered).detail.id;
    await el.updateComplete;
    expect(backend.stored.size).to.equal(1);
    expect(heading(el), 'the new application stays on screen').to.equal('About you');
    expect($<HTMLInputElement>(el, '#uj-givenName').value).to.equal('Grace');
    expect(textOf($(el, '.notice.info'))).to.equal(
      `Your saved application has been sent. Your reference number: ${reference}`,
    );
    await expect(el).to.be.accessible();
  });

  it('names every earlier queued application sent while a new one is filled in (a rep signing up colleagues)', async () => {
    const backend = fakeBackend();
    const el = await mount(exampleUnion);
    for (const email of ['ada@example.org', 'grace@example.org']) {
      await queueAndStartNew(el, email);
    }
    await type(el, 'uj-givenName', 'Mary');
    await goOnline();
    const sent = () =>
      $$(el, '.notice.info p')
        .map((p) => textOf(p))
        .filter((text) => text.startsWith('Your saved application has been sent.'));
    await eventually(() => sent().length === 2, 'both named');
    const shown = sent();
    const ids = [...backend.stored.values()].map((entry) => entry.id);
    expect(ids).to.have.length(2);
    for (const id of ids) {
      expect(
        shown.some((text) => text.endsWith(id)),
        `${id} in ${shown.join(' | ')}`,
      ).to.equal(true);
    }
    expect($<HTMLInputElement>(el, '#uj-givenName').value).to.equal('Mary');
  });

  it('shows the reference on the form a site router puts in place of one that was sending', async () => {
    const { el, answer } = await sendingSlowly('EWU-42');
    // The site's router shows another page, then the join page again: a new element.
    el.remove();
    const next = await reopen(exampleUnion);
    const delivered = nextEvent<UnionJoinSuccessEvent>(next, 'union-join-success');
    answer();
    expect((await delivered).detail.id).to.equal('EWU-42');
    await eventually(() => heading(next) === 'Application sent', 'the confirmation');
    expect(textOf($(next, '.reference'))).to.equal('EWU-42');
  });

  it('keeps the confirmation for the next visit when the form was taken off the page while sending', async () => {
    const { el, answer } = await sendingSlowly('EWU-43');
    el.remove();
    answer();
    await eventually(async () => (await storedKeys('receipts')).length === 1, 'the receipt');
    // Longer than a confirmation on screen takes to count as seen: this one never was.
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    const later = await reopen(exampleUnion);
    await eventually(() => heading(later) === 'Application sent', 'the confirmation');
    expect(textOf($(later, '.reference'))).to.equal('EWU-43');
  });

  it('keeps the application on the device while it is on its way, and leaves nothing once it is sent', async () => {
    let answer!: () => void;
    const answered = new Promise<void>((resolve) => (answer = resolve));
    const keys: string[] = [];
    worker.use(
      http.post(APPLICATIONS, async ({ request }) => {
        keys.push(request.headers.get('idempotency-key') ?? '');
        await answered;
        return HttpResponse.json(
          { id: 'EWU-7', receivedAt: '2025-01-01T10:00:00Z' },
          { status: 201 },
        );
      }),
    );
    const el = await mount(exampleUnion);
    await answerToReview(el);
    const succeeded = nextEvent<UnionJoinSuccessEvent>(el, 'union-join-success');
    $<HTMLButtonElement>(el, 'button[type="submit"]').click();
    await eventually(() => keys.length === 1, 'the request');
    // On its way: a page closed now would find it on the device and send it on the next visit.
    expect(await storedKeys('outbox')).to.have.length(1);
    expect(await deviceText(), 'sealed, like any queued application').not.to.contain(
      'ada@example.org',
    );
    expect(heading(el), 'no queued notice while it is being sent').to.equal('Check your answers');

    answer();
    expect((await succeeded).detail.id).to.equal('EWU-7');
    await el.updateComplete;
    expect(heading(el)).to.equal('Application sent');
    expect(await storedKeys('outbox')).to.deep.equal([]);
    // Reloaded at once: the confirmation again, not an empty form to fill in a second time.
    el.remove();
    const reloaded = await reopen(exampleUnion);
    await eventually(() => heading(reloaded) === 'Application sent', 'the confirmation again');
    expect(textOf($(reloaded, '.reference'))).to.equal('EWU-7');
    await eventually(
      async () => (await storedKeys('receipts')).length === 0,
      'the receipt dropped once the confirmation has been seen',
    );
    reloaded.remove();
    const later = await reopen(exampleUnion);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(heading(later), 'the next visit starts afresh').to.equal('About you');
    expect(keys.length, 'sent once').to.equal(1);
  });

  it('takes an application the server refuses while it is on its way off the device', async () => {
    const backend = fakeBackend([422]);
    const el = await mount(exampleUnion);
    await answerToReview(el);
    const refused = nextEvent<UnionJoinErrorEvent>(el, 'union-join-error');
    $<HTMLButtonElement>(el, 'button[type="submit"]').click();
    expect((await refused).detail.kind).to.equal('validation');
    await el.updateComplete;
    expect(heading(el)).to.equal('About you');
    expect(await storedKeys('outbox')).to.deep.equal([]);
    expect(backend.requests.length).to.equal(1);
  });

  it('brings the answers back with the reason when the server refuses a queued application', async () => {
    const backend = fakeBackend([422]);
    const el = await mount(exampleUnion);
    await answerToReview(el);
    await sendOffline(el);
    el.remove();
    await goOnline();
    const next = await reopen(exampleUnion);
    const refused = nextEvent<UnionJoinErrorEvent>(next, 'union-join-error');
    expect((await refused).detail.kind).to.equal('validation');
    await eventually(() => heading(next) === 'About you', 'the step with the problem');
    expect(textOf($(next, '.error-summary'))).to.contain('email');
    expect($<HTMLInputElement>(next, '#uj-email').value).to.equal('ada@example.org');
    expect($<HTMLInputElement>(next, '#uj-givenName').value).to.equal('Ada');
    expect(backend.stored.size).to.equal(0);
    expect(await storedKeys('outbox'), 'handed back to the applicant').to.deep.equal([]);
  });

  it('puts the answers of a queued application refused while the page is open back into the draft', async () => {
    const backend = fakeBackend([422]);
    const el = await mount(exampleUnion);
    await answerToReview(el);
    await sendOffline(el);
    expect(await storedKeys('drafts'), 'the outbox holds the application').to.deep.equal([]);
    const refused = nextEvent<UnionJoinErrorEvent>(el, 'union-join-error');
    await goOnline();
    expect((await refused).detail.kind).to.equal('validation');
    await eventually(() => heading(el) === 'About you', 'the step with the problem');
    await eventually(async () => (await storedKeys('outbox')).length === 0, 'the item handed back');
    expect(await storedKeys('drafts'), 'the answers are kept on the device').to.have.length(1);
    expect(backend.stored.size).to.equal(0);

    // The applicant reloads before correcting it: the application is offered, not lost.
    el.remove();
    const next = await reopen(exampleUnion);
    await eventually(
      () => heading(next).startsWith('You have an unfinished application'),
      'the offer',
    );
    button(next, 'Continue your application').click();
    await next.updateComplete;
    expect(next.session?.answers()).to.include({ givenName: 'Ada', email: 'ada@example.org' });
    expect(next.session?.answers().employer).to.equal('Acme');
  });

  it('does not promise to keep a queued application after the device storage was cleared', async () => {
    const backend = fakeBackend();
    const el = await mount(exampleUnion);
    await fillAboutYou(el);
    await continueOn(el);
    // Site data cleared while the form is open on the second step.
    leavePage();
    await eventually(async () => (await storedKeys('drafts')).length === 1, 'the draft');
    await clearDevice();
    option(el, 'membershipType', 'Full').click();
    await el.updateComplete;
    await type(el, 'uj-employer', 'Acme');
    leavePage();
    await eventually(
      () => textOf(root(el).querySelector('.notice')).includes('cannot be saved'),
      'the notice that answers cannot be saved',
    );
    await continueOn(el);
    await continueOn(el);
    expect(heading(el)).to.equal('Check your answers');
    await sendOffline(el);
    expect(heading(el)).to.equal(QUEUED);
    const shown = (root(el).textContent ?? '').replace(/\s+/g, ' ');
    expect(shown).to.contain(KEEP_OPEN);
    expect(shown).not.to.contain(CLOSE_PROMISE);
    expect(shown).not.to.contain('It is saved on this device');
    expect(await storedKeys('outbox'), 'nothing on the device').to.deep.equal([]);
    await expect(el).to.be.accessible();

    // Kept open, it is still sent once back online.
    await goOnline();
    await eventually(() => heading(el) === 'Application sent', 'the confirmation');
    expect(backend.stored.size).to.equal(1);
  });

  it('still sends an application queued before the device storage was cleared, and says to keep the page open', async () => {
    const backend = fakeBackend();
    const el = await mount(exampleUnion);
    await answerToReview(el);
    await sendOffline(el);
    expect(heading(el)).to.equal(QUEUED);
    expect(await storedKeys('outbox')).to.have.length(1);
    expect(textOf(root(el).querySelector('.notice'))).to.contain(CLOSE_PROMISE);

    // Site data cleared (or the phone freeing space) while it waits: only this page has it now.
    await clearDevice();
    await eventually(
      () => !(root(el).textContent ?? '').includes(CLOSE_PROMISE),
      'no promise about closing the page',
    );
    const shown = (root(el).textContent ?? '').replace(/\s+/g, ' ');
    expect(shown).to.contain(KEEP_OPEN);
    expect(shown).not.to.contain('It is saved on this device');
    await expect(el).to.be.accessible();

    await goOnline();
    await eventually(() => heading(el) === 'Application sent', 'the confirmation');
    expect(backend.stored.size).to.equal(1);
  });

  it('says plainly to keep the page open when the device is full as the application is queued', async () => {
    const backend = fakeBackend();
    const el = await mount(exampleUnion);
    await answerToReview(el);
    leavePage();
    await eventually(async () => (await storedKeys('drafts')).length === 1, 'the draft');
    const put = Object.getOwnPropertyDescriptor(IDBObjectStore.prototype, 'put')!;
    Object.defineProperty(IDBObjectStore.prototype, 'put', {
      ...put,
      value() {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      },
    });
    try {
      await sendOffline(el);
    } finally {
      Object.defineProperty(IDBObjectStore.prototype, 'put', put);
    }
    expect(heading(el)).to.equal(QUEUED);
    const notices = $$(el, '.notice').map((notice) => textOf(notice));
    expect(notices, 'one notice, not two that disagree').to.have.length(1);
    expect(notices[0]).to.contain(KEEP_OPEN);
    expect(notices[0]).not.to.contain(CLOSE_PROMISE);
    expect(notices[0]).not.to.contain('It is saved on this device');
    await expect(el).to.be.accessible();

    await goOnline();
    await eventually(() => heading(el) === 'Application sent', 'the confirmation');
    expect(backend.stored.size).to.equal(1);
  });

  it('sends the latest answers when two tabs of one draft each queue it, and stores it once', async () => {
    const backend = fakeBackend();
    const first = await mount(exampleUnion);
    await answerToReview(first, { email: 'ada@exmaple.org' });
    leavePage();
    await eventually(async () => (await storedKeys('drafts')).length === 1, 'the draft');
    const second = await reopen(exampleUnion);
    await eventually(
      () => heading(second).startsWith('You have an unfinished application'),
      'the offer',
    );
    button(second, 'Continue your application').click();
    await second.updateComplete;
    while (heading(second) !== 'Check your answers') await continueOn(second);

    const firstKey = (await sendOffline(first)).detail.idempotencyKey;
    // The second tab corrects the email and sends it too, still offline.
    $$<HTMLButtonElement>(second, '.summary button.link')[2]!.click();
    await second.updateComplete;
    await type(second, 'uj-email', 'ada@example.org');
    await continueOn(second);
    expect(heading(second)).to.equal('Check your answers');
    const secondKey = (await sendOffline(second)).detail.idempotencyKey;
    expect(secondKey, 'the draft’s one key').to.equal(firstKey);
    expect(heading(second)).to.equal(QUEUED);

    const both = [first, second].map((el) =>
      nextEvent<UnionJoinSuccessEvent>(el, 'union-join-success'),
    );
    await goOnline();
    const confirmed = await Promise.all(both);
    expect(backend.stored.size, 'stored once').to.equal(1);
    const body = backend.stored.get(firstKey)!.body as { answers: { email: string } };
    expect(body.answers.email, 'the corrected answers').to.equal('ada@example.org');
    expect(confirmed.map((event) => event.detail.id)).to.deep.equal(['EWU-1', 'EWU-1']);
    expect(await storedKeys('outbox')).to.deep.equal([]);
    expect(await storedKeys('drafts')).to.deep.equal([]);
  });

  it('without device storage keeps the failure on the page instead of queueing', async () => {
    fakeBackend();
    const el = await mount(exampleUnion, { drafts: 'off' });
    await answerToReview(el);
    await goOffline();
    const failed = nextEvent<UnionJoinErrorEvent>(el, 'union-join-error');
    $<HTMLButtonElement>(el, 'button[type="submit"]').click();
    expect((await failed).detail.kind).to.equal('submit');
    await el.updateComplete;
    expect(heading(el)).to.equal('Check your answers');
    expect(await indexedDB.databases()).to.deep.equal([]);
  });
});
