/** Sends one serialised batch; must never throw and never wait for an answer. */
export type AnalyticsTransport = (url: string, body: string) => void;

/** Whether this browser's `fetch` can outlive the page (`keepalive`); Firefox before 133 cannot. */
function supportsKeepalive(): boolean {
  return typeof Request === 'function' && 'keepalive' in Request.prototype;
}

/**
 * Default transport: a `keepalive` fetch (it survives the page closing) with `credentials:
 * "omit"` and `referrerPolicy: "no-referrer"`, so no cookie and no page address ever go, and a
 * `text/plain` body, a CORS-safelisted type, so there is no preflight. A beacon would carry the
 * cookies of the API's site and a referrer: it is used only where keepalive fetch is missing.
 */
export const beaconTransport: AnalyticsTransport = (url, body) => {
  try {
    if (typeof fetch === 'function' && supportsKeepalive()) {
      fetch(url, {
        method: 'POST',
        keepalive: true,
        credentials: 'omit',
        mode: 'cors',
        referrerPolicy: 'no-referrer',
        headers: { 'content-type': 'text/plain' },
        body,
      }).catch(() => {
        // Best effort: a lost or refused batch (offline, over the keepalive quota) must never
        // disturb the applicant, and is not resent as a beacon, which would carry cookies.
      });
    } else if (typeof navigator !== 'undefined' && typeof navigator.sendBeacon === 'function') {
      navigator.sendBeacon(url, new Blob([body], { type: 'text/plain' }));
    }
  } catch {
    // A sender that throws (policy, a page's own patched fetch) loses the batch, never the form.
  }
};
