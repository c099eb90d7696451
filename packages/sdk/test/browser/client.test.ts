import { expect } from '@open-wc/testing';
import { HttpResponse, http } from 'msw';
import { setupWorker } from 'msw/browser';
import { ConnectionError, ServerError, ValidationError, createClient } from '@union-join/sdk';
import { signWebhook, verifyWebhookSignature } from '@union-join/sdk/webhooks';

const endpoint = 'https://join.example.test/api/';
const applicationsUrl = 'https://join.example.test/api/v1/forms/:formId/applications';
const application = {
  formId: 'example-union',
  formVersion: 3,
  locale: 'en' as const,
  answers: { givenName: 'Ada', email: 'ada@example.org' },
  consents: [],
};

const definitionJson = {
  id: 'tiny-union',
  version: 1,
  organisation: { name: 'Tiny Union', privacyNoticeUrl: 'https://example.org/privacy' },
  locales: ['en'],
  steps: [
    {
      id: 'contact',
      title: 'Contact',
      fields: [{ id: 'email', type: 'email', label: 'Email', required: true }],
    },
  ],
};

const worker = setupWorker();

/** A client that does not wait between retries, so the tests run at network speed. */
function browserClient(maxRetries = 4) {
  const waits: number[] = [];
  const client = createClient({
    endpoint,
    maxRetries,
    sleep: async (ms) => {
      waits.push(ms);
    },
  });
  return { client, waits };
}

describe('createClient in the browser', () => {
  before(async () => {
    await worker.start({
      serviceWorker: { url: '/mockServiceWorker.js' },
      onUnhandledRequest: 'bypass',
      quiet: true,
    });
  });
  afterEach(() => worker.resetHandlers());
  after(() => worker.stop());

  it('retries a 503 and succeeds, with one idempotency key and no credentials', async () => {
    const seen: { key: string | null; credentials: string; body: unknown }[] = [];
    worker.use(
      http.post(applicationsUrl, async ({ request }) => {
        seen.push({
          key: request.headers.get('idempotency-key'),
          credentials: request.credentials,
          body: await request.json(),
        });
        return seen.length === 1
          ? HttpResponse.json({ error: 'unavailable' }, { status: 503 })
          : HttpResponse.json(
              { id: 'app_browser_1', receivedAt: '2025-06-01T10:15:01.000Z' },
              { status: 201 },
            );
      }),
    );
    const { client, waits } = browserClient();
    const result = await client.submit(application);
    expect(result.id).to.equal('app_browser_1');
    expect(seen).to.have.length(2);
    expect(seen[0]!.key).to.match(/^[0-9a-f-]{36}$/);
    expect(seen[1]!.key).to.equal(seen[0]!.key);
    expect(result.idempotencyKey).to.equal(seen[0]!.key);
    expect(seen.map((s) => s.credentials)).to.deep.equal(['omit', 'omit']);
    expect(seen[1]!.body).to.deep.equal(application);
    expect(waits).to.have.length(1);
  });

  it('gives up after the retries with a ServerError', async () => {
    let attempts = 0;
    worker.use(
      http.post(applicationsUrl, () => {
        attempts++;
        return HttpResponse.json({ error: 'unavailable' }, { status: 503 });
      }),
    );
    const { client } = browserClient(2);
    const error = await client.submit(application).catch((e: unknown) => e);
    expect(error).to.be.instanceOf(ServerError);
    expect(attempts).to.equal(3);
  });

  it('reports a 422 as a ValidationError with issues', async () => {
    const issues = [{ path: ['answers', 'email'], code: 'invalid_email', message: 'Invalid' }];
    worker.use(
      http.post(applicationsUrl, () =>
        HttpResponse.json({ error: 'validation_failed', issues }, { status: 422 }),
      ),
    );
    const error = await browserClient()
      .client.submit(application)
      .catch((e: unknown) => e);
    expect(error).to.be.instanceOf(ValidationError);
    expect((error as ValidationError).issues).to.deep.equal(issues);
  });

  it('revalidates a loaded form definition with If-None-Match and reuses it on 304', async () => {
    const sent: (string | null)[] = [];
    worker.use(
      http.get('https://join.example.test/api/v1/forms/:formId', ({ request }) => {
        sent.push(request.headers.get('if-none-match'));
        if (request.headers.get('if-none-match') === '"v1"') {
          return new HttpResponse(null, { status: 304, headers: { ETag: '"v1"' } });
        }
        return HttpResponse.json(definitionJson, { headers: { ETag: '"v1"' } });
      }),
    );
    const { client } = browserClient();
    const first = await client.getForm('tiny-union');
    expect(first.id).to.equal('tiny-union');
    expect(await client.getForm('tiny-union')).to.equal(first);
    expect(sent).to.deep.equal([null, '"v1"']);
  });

  it('turns a network failure into a ConnectionError', async () => {
    worker.use(http.post(applicationsUrl, () => HttpResponse.error()));
    const { client, waits } = browserClient(1);
    const error = await client.submit(application).catch((e: unknown) => e);
    expect(error).to.be.instanceOf(ConnectionError);
    expect(waits).to.have.length(1);
  });
});

describe('webhook signatures in the browser (WebCrypto)', () => {
  const secret = 'whsec_browser';
  const body = '{"id":"app_1"}';
  const t = 1_750_000_000;

  it('signs exactly as an independent HMAC-SHA256 implementation', async () => {
    // Expected value computed with Node's crypto.createHmac over "1750000000.{"id":"app_1"}".
    expect(await signWebhook(secret, body, t)).to.equal(
      `t=${t},v1=f03026866b95eb9d93b3b980d6f7087766ced48177b24c56b7bf552775132fca`,
    );
  });

  it('verifies its signature and rejects a tampered body, a wrong secret or a stale time', async () => {
    const header = await signWebhook(secret, body, t);
    expect(await verifyWebhookSignature(secret, header, body, { now: t + 10 })).to.equal(true);
    expect(await verifyWebhookSignature(secret, header, '{"id":"app_2"}', { now: t })).to.equal(
      false,
    );
    expect(await verifyWebhookSignature('other', header, body, { now: t })).to.equal(false);
    expect(await verifyWebhookSignature(secret, header, body, { now: t + 301 })).to.equal(false);
    expect(await verifyWebhookSignature(secret, 'v1=nonsense', body, { now: t })).to.equal(false);
  });
});
