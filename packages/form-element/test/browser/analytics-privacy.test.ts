import { expect, fixture, html } from '@open-wc/testing';
import { http, HttpResponse } from 'msw';
import { parseAnalyticsBatch, type AnalyticsEvent } from '@union-join/sdk/analytics';
import { useMockApi, worker } from './fixtures/api.ts';
import { allFields, exampleUnion, noReview } from './fixtures/definitions.ts';
import {
  $,
  button,
  choose,
  continueOn,
  heading,
  mount,
  option,
  type,
  until,
} from './fixtures/helpers.ts';
import type { UnionJoinForm } from '../../src/union-join-form.ts';

/** Marked strings typed into every field; none may reach an analytics request. */
const CANARIES = [
  'zqcanary',
  '900461',
  '98765',
  '2011',
  'ec1a',
  'sw1a',
  'ab123456c',
  'gb82west',
  '404784',
  '40-47-84',
  '31926819',
  'wales',
  'training',
];

/** One request as it left the page, with what the browser was told to send along. */
interface Sent {
  url: string;
  body: string;
  credentials: RequestCredentials;
  referrerPolicy: ReferrerPolicy;
  referrer: string;
  keepalive: boolean;
  contentType: string | null;
}

const nav = navigator as Navigator & Record<string, unknown>;
const restore: (() => void)[] = [];

function override(target: object, key: string, value: unknown): void {
  const own = Object.getOwnPropertyDescriptor(target, key);
  Object.defineProperty(target, key, { value, configurable: true, writable: true });
  restore.push(() => {
    if (own) Object.defineProperty(target, key, own);
    else delete (target as Record<string, unknown>)[key];
  });
}

/** Captures every request the page makes, as it reaches the network. */
function captureTraffic(): Promise<Sent>[] {
  const requests: Promise<Sent>[] = [];
  const onRequest = ({ request }: { request: Request }) => {
    const { url, credentials, referrerPolicy, referrer, keepalive } = request;
    const contentType = request.headers.get('content-type');
    requests.push(
      request
        .clone()
        .text()
        .then((body) => ({
          url,
          body,
          credentials,
          referrerPolicy,
          referrer,
          keepalive,
          contentType,
        })),
    );
  };
  worker.events.on('request:start', onRequest);
  restore.push(() => worker.events.removeListener('request:start', onRequest));
  return requests;
}

const isAnalytics = (sent: Sent) => new URL(sent.url, location.href).pathname === '/v1/events';
let markers = 0;

/**
 * Sends one marker request after whatever the page has sent and waits for it, so every request
 * made before it has arrived: "nothing was sent" then needs no waiting for a time.
 */
async function untilMarker(traffic: Promise<Sent>[]): Promise<Sent[]> {
  const marker = `marker-${++markers}`;
  fetch('/v1/events', { method: 'POST', body: marker }).catch(() => {});
  for (let frame = 0; frame < 600; frame++) {
    const sent = await Promise.all(traffic);
    if (sent.some((request) => request.body === marker)) {
      return sent.filter((request) => !request.body.startsWith('marker-'));
    }
    await new Promise((resolve) => requestAnimationFrame(resolve));
  }
  throw new Error('the marker request never arrived');
}

async function analyticsEvents(traffic: Promise<Sent>[]) {
  const sent = await untilMarker(traffic);
  const analytics = sent.filter(isAnalytics);
  const events: AnalyticsEvent[] = [];
  for (const request of analytics) {
    const parsed = parseAnalyticsBatch(JSON.parse(request.body));
    expect(parsed.ok, `a batch the server accepts: ${request.body}`).to.equal(true);
    if (parsed.ok) events.push(...parsed.events);
  }
  return { sent, analytics, events };
}

/** Everything in every IndexedDB database of this origin, as text. */
async function indexedDbText(): Promise<string> {
  const result = <T>(request: IDBRequest<T>) =>
    new Promise<T>((resolve, reject) => {
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
  const dump: unknown[] = [];
  for (const { name } of await indexedDB.databases()) {
    if (!name) continue;
    const db = await result(indexedDB.open(name));
    for (const store of db.objectStoreNames) {
      const objects = db.transaction(store, 'readonly').objectStore(store);
      dump.push({ name, store, keys: await result(objects.getAllKeys()) });
      dump.push(await result(objects.getAll()));
    }
    db.close();
  }
  return JSON.stringify(dump);
}

function storageKeys(storage: Storage): string[] {
  return Array.from({ length: storage.length }, (_, i) => storage.key(i) ?? '');
}

/** Sends whatever analytics are still waiting, as leaving the page would. */
function leavePage(): void {
  dispatchEvent(new PageTransitionEvent('pagehide', { persisted: false }));
}

async function fillEveryField(el: UnionJoinForm): Promise<void> {
  // A first Continue with a wrong, marked email: the validation error must carry only codes.
  await type(el, 'uj-email', 'zqcanary-at-example');
  await continueOn(el);
  await type(el, 'uj-name', 'Zqcanary Lovelace');
  await type(el, 'uj-story', 'Zqcanary story about my workplace');
  await type(el, 'uj-email', 'zqcanary@example.org');
  await type(el, 'uj-phone', '07700 900461');
  await type(el, 'uj-hours', '37');
  await type(el, 'uj-salary', '98765');
  await continueOn(el);
  expect(heading(el)).to.equal('Dates and choices');

  await type(el, 'uj-started', '19');
  await type(el, 'uj-started-month', '7');
  await type(el, 'uj-started-year', '2011');
  option(el, 'sector', 'Public').click();
  await choose(el, 'uj-region', 'wales');
  option(el, 'interests', 'Training').click();
  await choose(el, 'uj-rep');
  await choose(el, 'uj-marketing');
  await continueOn(el);
  expect(heading(el)).to.equal('Where you live');

  await type(el, 'uj-postcode', 'EC1A 1BB');
  await type(el, 'uj-home', '17 Zqcanary Street');
  await type(el, 'uj-home-line2', 'Zqcanary Flat');
  await type(el, 'uj-home-town', 'Zqcanaryton');
  await type(el, 'uj-home-postcode', 'SW1A 1AA');
  await continueOn(el);
  expect(heading(el)).to.equal('Identity and payment');

  await type(el, 'uj-nino', 'AB 12 34 56 C');
  await type(el, 'uj-iban', 'GB82 WEST 1234 5698 7654 32');
  await type(el, 'uj-bank', 'Zqcanary Holder');
  await type(el, 'uj-bank-sortCode', '40-47-84');
  await type(el, 'uj-bank-accountNumber', '31926819');
  await continueOn(el);
  expect(heading(el)).to.equal('Check your answers');
}

describe('<union-join-form> analytics privacy', () => {
  useMockApi();

  afterEach(() => {
    while (restore.length > 0) restore.pop()?.();
  });

  it('sends no answer, cookie or referrer in any analytics request, and stores nothing on the device', async () => {
    const page = location.href;
    history.replaceState(null, '', '?utm_source=newsletter&email=zqcanary@example.org');
    restore.push(() => history.replaceState(null, '', page));
    const cookiesBefore = document.cookie;
    const localBefore = storageKeys(localStorage);
    const sessionBefore = storageKeys(sessionStorage);
    const traffic = captureTraffic();
    worker.use(
      http.post('/v1/events', () => new HttpResponse(null, { status: 202 })),
      http.post('/v1/forms/all-fields/applications', () =>
        HttpResponse.json({ id: 'REF-1', receivedAt: '2025-01-01T10:00:00Z' }, { status: 201 }),
      ),
    );

    const el = await mount(allFields);
    await fillEveryField(el);
    await continueOn(el);
    await until(() => heading(el) !== 'Check your answers', 'the confirmation');
    leavePage();
    const { sent, analytics, events } = await analyticsEvents(traffic);

    const application = sent.find((request) => request.url.endsWith('/applications'));
    expect(application?.body.toLowerCase(), 'the answers did go to the backend').to.include(
      'zqcanary',
    );
    expect(analytics.length).to.be.greaterThan(0);
    for (const request of analytics) {
      expect(request, 'no cookie can go, no referrer, and it outlives the page').to.include({
        credentials: 'omit',
        referrerPolicy: 'no-referrer',
        referrer: '',
        keepalive: true,
        contentType: 'text/plain',
      });
      const text = `${request.url} ${request.body}`.toLowerCase();
      for (const canary of CANARIES)
        expect(text, `analytics carry "${canary}"`).not.to.include(canary);
    }
    const types = new Set(events.map((event) => event.type));
    for (const type of ['step_view', 'step_complete', 'validation_error', 'submit_success']) {
      expect(types.has(type as AnalyticsEvent['type']), type).to.equal(true);
    }
    const error = events.find((event) => event.type === 'validation_error');
    expect(error?.type === 'validation_error' && error.fields.email).to.deep.equal([
      'invalid_email',
    ]);
    expect(new Set(events.map((event) => event.flow)).size, 'one flow').to.equal(1);

    expect(document.cookie).to.equal(cookiesBefore);
    expect(document.cookie).to.equal('');
    expect(storageKeys(localStorage)).to.deep.equal(localBefore);
    expect(storageKeys(sessionStorage)).to.deep.equal(sessionBefore);
    const stored = await indexedDbText();
    expect(stored, 'the flow id is not on the device').not.to.include(events[0]?.flow ?? '-');
    expect(stored).not.to.match(/step_view|analytics/i);
  });

  it('reports steps, completions and failures with their classes', async () => {
    const traffic = captureTraffic();
    worker.use(
      http.post('/v1/forms/example-union/applications', () =>
        HttpResponse.json({ error: 'internal_error' }, { status: 503 }),
      ),
    );
    // Without device storage the failure stays on screen instead of going to the outbox.
    const el = await mount(exampleUnion, { drafts: 'off' });
    await type(el, 'uj-givenName', 'Zqcanary');
    await type(el, 'uj-birthDate', '10');
    await type(el, 'uj-birthDate-month', '12');
    await type(el, 'uj-birthDate-year', '1985');
    await type(el, 'uj-email', 'zqcanary@example.org');
    await continueOn(el);
    option(el, 'membershipType', 'Student').click();
    await continueOn(el);
    await continueOn(el);
    expect(heading(el)).to.equal('Check your answers');
    await continueOn(el);
    await until(() => el.shadowRoot?.querySelector('[role="alert"]') !== null, 'the failure');
    leavePage();
    const { events } = await analyticsEvents(traffic);
    expect(
      events.map((event) => [event.type, event.step, event.stepIndex]),
    ).to.deep.include.members([
      ['step_view', 'about-you', 0],
      ['step_complete', 'about-you', 0],
      ['step_view', 'work', 1],
      ['step_view', '_review', 3],
      ['step_complete', '_review', 3],
    ]);
    const failure = events.find((event) => event.type === 'submit_failure');
    expect(failure?.type === 'submit_failure' && failure.reason).to.equal('server');
    expect(events.map((event) => event.seq)).to.deep.equal(events.map((_, index) => index));
  });

  async function shownOnce(attributes: 'off' | 'on'): Promise<UnionJoinForm> {
    const el = await fixture<UnionJoinForm>(
      html`<union-join-form
        lang="en"
        analytics=${attributes}
        .definition=${exampleUnion}
      ></union-join-form>`,
    );
    await el.updateComplete;
    await type(el, 'uj-email', 'not-an-email');
    await continueOn(el);
    leavePage();
    return el;
  }

  it('sends nothing with analytics="off"', async () => {
    const traffic = captureTraffic();
    await shownOnce('off');
    const { analytics } = await analyticsEvents(traffic);
    expect(analytics).to.deep.equal([]);
  });

  it('sends nothing under Global Privacy Control', async () => {
    const traffic = captureTraffic();
    override(nav, 'globalPrivacyControl', true);
    await shownOnce('on');
    expect((await analyticsEvents(traffic)).analytics).to.deep.equal([]);
  });

  it('sends nothing under Do Not Track', async () => {
    const traffic = captureTraffic();
    override(nav, 'doNotTrack', '1');
    await shownOnce('on');
    expect((await analyticsEvents(traffic)).analytics).to.deep.equal([]);
  });

  it('counts a new application started after the confirmation as a flow of its own', async () => {
    const traffic = captureTraffic();
    let sent = 0;
    worker.use(
      http.post('/v1/events', () => new HttpResponse(null, { status: 202 })),
      http.post('/v1/forms/no-review/applications', () =>
        HttpResponse.json(
          { id: `REF-${++sent}`, receivedAt: '2025-01-01T10:00:00Z' },
          { status: 201 },
        ),
      ),
    );
    const el = await mount(noReview);
    for (const email of ['ada@example.org', 'grace@example.org']) {
      await type(el, 'uj-email', email);
      await continueOn(el);
      await until(() => el.shadowRoot?.querySelector('.reference') !== null, 'the confirmation');
      button(el, 'Start a new application').click();
      await el.updateComplete;
    }
    expect(sent).to.equal(2);
    expect($<HTMLInputElement>(el, '#uj-email').value, 'an empty form again').to.equal('');
    leavePage();
    const { events } = await analyticsEvents(traffic);
    const flows = [...new Set(events.map((event) => event.flow))];
    expect(flows).to.have.length(3);
    const successes = events.filter((event) => event.type === 'submit_success');
    expect(successes.map((event) => event.flow)).to.deep.equal(flows.slice(0, 2));
  });

  it('does send when nothing says no (so the tests above can fail)', async () => {
    const traffic = captureTraffic();
    await shownOnce('on');
    const { events } = await analyticsEvents(traffic);
    expect(events.map((event) => event.type)).to.include('validation_error');
  });
});
