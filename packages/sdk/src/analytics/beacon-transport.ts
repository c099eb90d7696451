/** Sends one serialised batch; must never throw and never wait for an answer. */
export type AnalyticsTransport = (url: string, body: string) => void;

/**
 * Default transport: `navigator.sendBeacon` with a `text/plain` body (a CORS-safelisted type,
 * so no preflight and the beacon survives the page closing), falling back to a `keepalive`
 * fetch that sends no cookies and no referrer.
 */
export const beaconTransport: AnalyticsTransport = (url, body) => {
  try {
    if (
      typeof navigator !== 'undefined' &&
      typeof navigator.sendBeacon === 'function' &&
      navigator.sendBeacon(url, new Blob([body], { type: 'text/plain' }))
    ) {
      return;
    }
  } catch {
    // A beacon refused by the browser (quota, policy) falls through to fetch.
  }
  if (typeof fetch !== 'function') return;
  fetch(url, {
    method: 'POST',
    keepalive: true,
    credentials: 'omit',
    mode: 'cors',
    referrerPolicy: 'no-referrer',
    headers: { 'content-type': 'text/plain' },
    body,
  }).catch(() => {
    // Analytics are best effort: a lost batch must never disturb the applicant.
  });
};
