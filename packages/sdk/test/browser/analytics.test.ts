import { expect } from '@open-wc/testing';
import { http, HttpResponse } from 'msw';
import { setupWorker } from 'msw/browser';
import { createAnalytics, type AnalyticsOptions } from '@union-join/sdk/analytics';

/** One analytics request as it left the page: what the browser was told to send with it. */
interface Sent {
  method: string;
  mode: RequestMode;
  credentials: RequestCredentials;
  referrerPolicy: ReferrerPolicy;
  referrer: string;
  keepalive: boolean | undefined;
  contentType: string | null;
  events: Record<string, unknown>[];
}

const options: AnalyticsOptions = {
  endpoint: 'https://join.example.org',
  form: 'example-union',
  formVersion: 3,
  locale: 'en',
};

/** A page address that a referrer would give away. */
const TRACKED_PAGE = '?utm_source=newsletter&email=ada@example.org';

let arrived: Promise<Sent>[] = [];
let markers = 0;

async function read(request: Request): Promise<Sent> {
  return {
    method: request.method,
    mode: request.mode,
    credentials: request.credentials,
    referrerPolicy: request.referrerPolicy,
    referrer: request.referrer,
    keepalive: request.keepalive,
    contentType: request.headers.get('content-type'),
    events: JSON.parse(await request.text()) as Record<string, unknown>[],
  };
}

const worker = setupWorker(
  http.post('https://join.example.org/v1/events', ({ request }) => {
    arrived.push(read(request));
    return new HttpResponse(null, { status: 202 });
  }),
);

const nav = navigator as Navigator & Record<string, unknown>;
const restore: (() => void)[] = [];

/** Replaces a property for one test; `afterEach` puts the original back. */
function override<T extends object>(target: T, key: string, value: unknown): void {
  const own = Object.getOwnPropertyDescriptor(target, key);
  Object.defineProperty(target, key, { value, configurable: true, writable: true });
  restore.push(() => {
    if (own) Object.defineProperty(target, key, own);
    else delete (target as Record<string, unknown>)[key];
  });
}

/** Removes a property for one test, as a browser without it would have. */
function hide(target: object, key: string): void {
  const own = Object.getOwnPropertyDescriptor(target, key);
  if (!own) return;
  delete (target as Record<string, unknown>)[key];
  restore.push(() => Object.defineProperty(target, key, own));
}

/** Records calls to a method while still calling it. */
function spy(target: object, key: string): unknown[][] {
  const calls: unknown[][] = [];
  const real = (target as Record<string, (...args: unknown[]) => unknown>)[key];
  override(target, key, function (this: unknown, ...args: unknown[]) {
    calls.push(args);
    return real?.apply(this, args);
  });
  return calls;
}

/** Waits until `count` analytics requests have reached the server. */
async function received(count: number): Promise<Sent[]> {
  for (let frame = 0; arrived.length < count && frame < 600; frame++) {
    await new Promise((resolve) => requestAnimationFrame(resolve));
  }
  expect(arrived.length, 'analytics requests received').to.be.at.least(count);
  return Promise.all(arrived);
}

/**
 * Sends one marker batch and waits for it; returns every other request that arrived first, so a
 * test can show that nothing was sent without waiting for a time.
 */
async function sentBeforeMarker(): Promise<Sent[]> {
  const formVersion = ++markers;
  const marker = createAnalytics({ ...options, form: 'marker', formVersion });
  marker.track({ type: 'step_view', step: 'marker', stepIndex: 0 });
  marker.dispose();
  const isMarker = (request: Sent) => request.events[0]?.form === 'marker';
  for (let frame = 0; frame < 600; frame++) {
    const sent = await Promise.all(arrived);
    if (
      sent.some((request) => isMarker(request) && request.events[0]?.formVersion === formVersion)
    ) {
      return sent.filter((request) => !isMarker(request));
    }
    await new Promise((resolve) => requestAnimationFrame(resolve));
  }
  throw new Error('the marker batch never arrived');
}

describe('createAnalytics in the browser', () => {
  before(() => worker.start({ quiet: true, onUnhandledRequest: 'bypass' }));
  after(() => worker.stop());
  beforeEach(() => {
    arrived = [];
  });
  afterEach(async () => {
    while (restore.length > 0) restore.pop()?.();
    // Whatever a test sent arrives before the next test starts counting.
    await sentBeforeMarker();
  });

  it('posts a keepalive text/plain fetch that can carry no cookie and no referrer', async () => {
    const page = location.href;
    history.replaceState(null, '', TRACKED_PAGE);
    restore.push(() => history.replaceState(null, '', page));
    const analytics = createAnalytics(options);
    analytics.track({ type: 'step_view', step: 'about-you', stepIndex: 0 });
    analytics.flush();
    const [sent] = await received(1);
    expect(sent).to.include({
      method: 'POST',
      mode: 'cors',
      credentials: 'omit',
      referrerPolicy: 'no-referrer',
      referrer: '',
      keepalive: true,
      contentType: 'text/plain',
    });
    expect(sent?.events[0]).to.include({ type: 'step_view', step: 'about-you', seq: 0 });
    expect(sent?.events[0]?.device).to.be.oneOf(['mobile', 'tablet', 'desktop']);
    analytics.dispose();
  });

  it('batches events until the batch is full', async () => {
    const analytics = createAnalytics({ ...options, batchSize: 4, flushDelayMs: 60_000 });
    for (let stepIndex = 0; stepIndex < 3; stepIndex++) {
      analytics.track({ type: 'step_view', step: `step-${stepIndex}`, stepIndex });
    }
    expect(await sentBeforeMarker()).to.deep.equal([]);
    analytics.track({ type: 'step_complete', step: 'step-2', stepIndex: 2 });
    const sent = await received(2);
    const batch = sent.find((request) => request.events[0]?.form === 'example-union');
    expect(batch?.events.map((event) => event.seq)).to.deep.equal([0, 1, 2, 3]);
    analytics.dispose();
  });

  it('sends what is waiting when the page is hidden or closed', async () => {
    const analytics = createAnalytics({ ...options, flushDelayMs: 60_000 });
    analytics.track({ type: 'step_view', step: 'about-you', stepIndex: 0 });
    dispatchEvent(new PageTransitionEvent('pagehide', { persisted: false }));
    expect((await received(1))[0]?.events[0]).to.include({ step: 'about-you', seq: 0 });

    analytics.track({ type: 'step_view', step: 'work', stepIndex: 1 });
    override(document, 'visibilityState', 'hidden');
    document.dispatchEvent(new Event('visibilitychange'));
    expect((await received(2))[1]?.events[0]).to.include({ step: 'work', seq: 1 });
    analytics.dispose();
  });

  it('stops listening for pagehide once disposed', async () => {
    const analytics = createAnalytics({ ...options, flushDelayMs: 60_000 });
    analytics.dispose();
    analytics.track({ type: 'step_view', step: 'about-you', stepIndex: 0 });
    dispatchEvent(new PageTransitionEvent('pagehide', { persisted: false }));
    expect(await sentBeforeMarker()).to.deep.equal([]);
  });

  it('uses a beacon only in a browser without keepalive fetch', async () => {
    hide(Request.prototype, 'keepalive');
    const beacons = spy(navigator, 'sendBeacon');
    const fetches = spy(window, 'fetch');
    const analytics = createAnalytics(options);
    analytics.track({ type: 'submit_failure', step: '_review', stepIndex: 3, reason: 'network' });
    analytics.flush();
    const [sent] = await received(1);
    expect(beacons.map(([url]) => url)).to.deep.equal(['https://join.example.org/v1/events']);
    expect(fetches).to.deep.equal([]);
    expect(sent).to.include({ method: 'POST', contentType: 'text/plain' });
    expect(sent?.events[0]).to.include({ type: 'submit_failure', reason: 'network' });
    analytics.dispose();
  });

  it('a refused keepalive fetch never reaches the page and is not resent as a beacon', async () => {
    const beacons = spy(navigator, 'sendBeacon');
    override(window, 'fetch', () => Promise.reject(new TypeError('Failed to fetch')));
    const unhandled: unknown[] = [];
    const onUnhandled = (event: PromiseRejectionEvent) => {
      unhandled.push(event.reason);
      event.preventDefault();
    };
    addEventListener('unhandledrejection', onUnhandled);
    restore.push(() => removeEventListener('unhandledrejection', onUnhandled));
    const analytics = createAnalytics(options);
    analytics.track({ type: 'step_view', step: 'about-you', stepIndex: 0 });
    analytics.flush();
    // A rejection nobody handles is reported after the microtasks of this turn have run.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(unhandled).to.deep.equal([]);
    expect(beacons).to.deep.equal([]);
    analytics.dispose();
  });

  it('a fetch that throws at once never reaches the caller', () => {
    override(window, 'fetch', () => {
      throw new TypeError('Failed to execute fetch');
    });
    const analytics = createAnalytics(options);
    analytics.track({ type: 'step_view', step: 'about-you', stepIndex: 0 });
    expect(() => analytics.flush()).not.to.throw();
    analytics.dispose();
  });

  for (const [name, key, value] of [
    ['Global Privacy Control', 'globalPrivacyControl', true],
    ['Do Not Track', 'doNotTrack', '1'],
  ] as const) {
    it(`is off entirely under ${name}: no request, no timer, no listener`, async () => {
      override(nav, key, value);
      const timers: unknown[] = [];
      const listeners: string[] = [];
      const realSetTimeout = window.setTimeout;
      const realAdd = window.addEventListener;
      const realDocAdd = document.addEventListener;
      override(window, 'setTimeout', (...args: Parameters<typeof setTimeout>) => {
        timers.push(args[0]);
        return realSetTimeout(...args);
      });
      override(window, 'addEventListener', function (this: Window, ...args: unknown[]) {
        listeners.push(String(args[0]));
        return (realAdd as (...a: unknown[]) => void).apply(this, args);
      });
      override(document, 'addEventListener', function (this: Document, ...args: unknown[]) {
        listeners.push(String(args[0]));
        return (realDocAdd as (...a: unknown[]) => void).apply(this, args);
      });

      const analytics = createAnalytics(options);
      analytics.track({ type: 'step_view', step: 'about-you', stepIndex: 0 });
      analytics.flush();
      dispatchEvent(new PageTransitionEvent('pagehide', { persisted: false }));
      // Put the real functions and the browser's own signal back before awaiting anything.
      while (restore.length > 0) restore.pop()?.();

      expect(analytics.enabled).to.equal(false);
      expect(timers).to.have.length(0);
      expect(listeners).to.deep.equal([]);
      expect(await sentBeforeMarker()).to.deep.equal([]);
    });
  }

  it('analytics="off" (enabled: false) sends nothing', async () => {
    const analytics = createAnalytics({ ...options, enabled: false });
    analytics.track({ type: 'step_view', step: 'about-you', stepIndex: 0 });
    analytics.flush();
    expect(await sentBeforeMarker()).to.deep.equal([]);
  });

  it('writes no cookie and nothing to any browser storage', async () => {
    const databasesBefore = (await indexedDB.databases()).map((db) => db.name);
    const localBefore = localStorage.length;
    const sessionBefore = sessionStorage.length;
    const analytics = createAnalytics(options);
    analytics.track({ type: 'step_view', step: 'about-you', stepIndex: 0 });
    analytics.track({
      type: 'validation_error',
      step: 'about-you',
      stepIndex: 0,
      fields: [{ field: 'email', code: 'invalid_email' }],
    });
    analytics.track({ type: 'submit_success', step: '_review', stepIndex: 2 });
    analytics.dispose();
    expect((await received(1))[0]?.events).to.have.length(3);
    expect(document.cookie).to.equal('');
    expect(localStorage.length).to.equal(localBefore);
    expect(sessionStorage.length).to.equal(sessionBefore);
    expect((await indexedDB.databases()).map((db) => db.name)).to.deep.equal(databasesBefore);
  });
});
