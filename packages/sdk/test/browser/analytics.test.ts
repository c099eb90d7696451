import { expect } from '@open-wc/testing';
import { createAnalytics, type AnalyticsOptions } from '@union-join/sdk/analytics';

interface Beacon {
  url: string;
  type: string;
  events: Record<string, unknown>[];
  read: Promise<void>;
}

const options: AnalyticsOptions = {
  endpoint: 'https://join.example.org',
  form: 'example-union',
  formVersion: 3,
  locale: 'en',
};

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

/** Captures beacons; `accept: false` makes the browser "refuse" them so fetch takes over. */
function captureBeacons(accept = true): Beacon[] {
  const beacons: Beacon[] = [];
  override(navigator, 'sendBeacon', (url: string, data: Blob) => {
    const beacon: Beacon = { url, type: data.type, events: [], read: Promise.resolve() };
    beacon.read = data.text().then((text) => {
      beacon.events = JSON.parse(text) as Record<string, unknown>[];
    });
    beacons.push(beacon);
    return accept;
  });
  return beacons;
}

/** Lets queued callbacks run and every captured beacon body be read. */
async function settled(beacons: readonly Beacon[] = []): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 0));
  await Promise.all(beacons.map((beacon) => beacon.read));
}

describe('createAnalytics in the browser', () => {
  afterEach(() => {
    while (restore.length > 0) restore.pop()?.();
  });

  it('sends a text/plain beacon to {endpoint}/v1/events', async () => {
    const beacons = captureBeacons();
    const analytics = createAnalytics(options);
    analytics.track({ type: 'step_view', step: 'about-you', stepIndex: 0 });
    analytics.flush();
    await settled(beacons);
    expect(beacons).to.have.length(1);
    expect(beacons[0]?.url).to.equal('https://join.example.org/v1/events');
    expect(beacons[0]?.type).to.equal('text/plain');
    expect(beacons[0]?.events[0]).to.include({ type: 'step_view', step: 'about-you', seq: 0 });
    expect(beacons[0]?.events[0]?.device).to.be.oneOf(['mobile', 'tablet', 'desktop']);
    analytics.dispose();
  });

  it('batches events until the batch is full', async () => {
    const beacons = captureBeacons();
    const analytics = createAnalytics({ ...options, batchSize: 4, flushDelayMs: 60_000 });
    for (let stepIndex = 0; stepIndex < 3; stepIndex++) {
      analytics.track({ type: 'step_view', step: `step-${stepIndex}`, stepIndex });
    }
    expect(beacons).to.have.length(0);
    analytics.track({ type: 'step_complete', step: 'step-2', stepIndex: 2 });
    await settled(beacons);
    expect(beacons).to.have.length(1);
    expect(beacons[0]?.events.map((event) => event.seq)).to.deep.equal([0, 1, 2, 3]);
    analytics.dispose();
  });

  it('sends what is waiting when the page is hidden or closed', async () => {
    const beacons = captureBeacons();
    const analytics = createAnalytics({ ...options, flushDelayMs: 60_000 });
    analytics.track({ type: 'step_view', step: 'about-you', stepIndex: 0 });
    dispatchEvent(new PageTransitionEvent('pagehide', { persisted: false }));
    await settled(beacons);
    expect(beacons).to.have.length(1);

    analytics.track({ type: 'step_view', step: 'work', stepIndex: 1 });
    override(document, 'visibilityState', 'hidden');
    document.dispatchEvent(new Event('visibilitychange'));
    await settled(beacons);
    expect(beacons).to.have.length(2);
    expect(beacons[1]?.events[0]).to.include({ step: 'work', seq: 1 });
    analytics.dispose();
  });

  it('stops listening for pagehide once disposed', async () => {
    const beacons = captureBeacons();
    const analytics = createAnalytics({ ...options, flushDelayMs: 60_000 });
    analytics.dispose();
    analytics.track({ type: 'step_view', step: 'about-you', stepIndex: 0 });
    dispatchEvent(new PageTransitionEvent('pagehide', { persisted: false }));
    await settled(beacons);
    expect(beacons).to.have.length(0);
  });

  it('falls back to a keepalive fetch without cookies when the beacon is refused', async () => {
    const beacons = captureBeacons(false);
    const requests: { url: string; init: RequestInit | undefined }[] = [];
    override(window, 'fetch', (url: string, init?: RequestInit) => {
      requests.push({ url, init });
      return Promise.resolve(new Response(null, { status: 202 }));
    });
    const analytics = createAnalytics(options);
    analytics.track({ type: 'submit_failure', step: '_review', stepIndex: 3, reason: 'network' });
    analytics.flush();
    await settled(beacons);
    expect(beacons).to.have.length(1);
    expect(requests).to.have.length(1);
    const { url, init } = requests[0]!;
    expect(url).to.equal('https://join.example.org/v1/events');
    expect(init).to.include({
      method: 'POST',
      keepalive: true,
      credentials: 'omit',
      referrerPolicy: 'no-referrer',
    });
    expect(init?.headers).to.deep.equal({ 'content-type': 'text/plain' });
    const [event] = JSON.parse(String(init?.body)) as Record<string, unknown>[];
    expect(event).to.include({ type: 'submit_failure', reason: 'network' });
    analytics.dispose();
  });

  it('a network failure of the fallback never reaches the page', async () => {
    captureBeacons(false);
    override(window, 'fetch', () => Promise.reject(new TypeError('Failed to fetch')));
    const unhandled: unknown[] = [];
    const onUnhandled = (event: PromiseRejectionEvent) => {
      unhandled.push(event.reason);
      event.preventDefault();
    };
    addEventListener('unhandledrejection', onUnhandled);
    const analytics = createAnalytics(options);
    analytics.track({ type: 'step_view', step: 'about-you', stepIndex: 0 });
    analytics.flush();
    await new Promise((resolve) => setTimeout(resolve, 50));
    removeEventListener('unhandledrejection', onUnhandled);
    expect(unhandled).to.deep.equal([]);
  });

  for (const [name, key, value] of [
    ['Global Privacy Control', 'globalPrivacyControl', true],
    ['Do Not Track', 'doNotTrack', '1'],
  ] as const) {
    it(`is off entirely under ${name}: no request, no timer, no listener`, async () => {
      const beacons = captureBeacons();
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
      // Put the real setTimeout and addEventListener back before awaiting anything.
      while (restore.length > 2) restore.pop()?.();
      await settled(beacons);

      expect(analytics.enabled).to.equal(false);
      expect(beacons).to.have.length(0);
      expect(timers).to.have.length(0);
      expect(listeners).to.deep.equal([]);
    });
  }

  it('analytics="off" (enabled: false) sends nothing', async () => {
    const beacons = captureBeacons();
    const analytics = createAnalytics({ ...options, enabled: false });
    analytics.track({ type: 'step_view', step: 'about-you', stepIndex: 0 });
    analytics.flush();
    await settled(beacons);
    expect(beacons).to.have.length(0);
  });

  it('writes no cookie and nothing to any browser storage', async () => {
    captureBeacons();
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
    await settled();
    expect(document.cookie).to.equal('');
    expect(localStorage.length).to.equal(localBefore);
    expect(sessionStorage.length).to.equal(sessionBefore);
    expect((await indexedDB.databases()).map((db) => db.name)).to.deep.equal(databasesBefore);
  });
});
