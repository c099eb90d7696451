import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { describe, it } from 'node:test';
import {
  WEBHOOK_SIGNATURE_HEADER,
  signWebhook,
  verifyWebhookSignature,
} from '@union-join/sdk/webhooks';

const secret = 'whsec_test_0123456789';
const body = JSON.stringify({ applicationId: 'app_1', formId: 'example-union', answers: {} });
const t = 1_750_000_000;

describe('signWebhook', () => {
  it('produces t=<unix>,v1=<hex HMAC-SHA256 of "t.body">, matching an independent HMAC', async () => {
    const header = await signWebhook(secret, body, t);
    const expected = createHmac('sha256', secret).update(`${t}.${body}`).digest('hex');
    assert.equal(header, `t=${t},v1=${expected}`);
  });

  it('accepts a Date and uses whole Unix seconds', async () => {
    const header = await signWebhook(secret, body, new Date(t * 1000 + 999));
    assert.match(header, new RegExp(`^t=${t},v1=[0-9a-f]{64}$`));
  });

  it('signs bytes exactly as given', async () => {
    const bytes = new Uint8Array([0xff, 0x00, 0x7b]);
    const header = await signWebhook(secret, bytes, t);
    const expected = createHmac('sha256', secret)
      .update(Buffer.concat([Buffer.from(`${t}.`), Buffer.from(bytes)]))
      .digest('hex');
    assert.equal(header, `t=${t},v1=${expected}`);
  });

  it('refuses an empty secret and a negative time', async () => {
    await assert.rejects(signWebhook('', body, t), /secret must be a non-empty string/);
    await assert.rejects(signWebhook(secret, body, -5), /timestamp/);
  });

  it('names the header', () => {
    assert.equal(WEBHOOK_SIGNATURE_HEADER, 'Union-Join-Signature');
  });
});

describe('verifyWebhookSignature', () => {
  it('accepts its own signature within the window', async () => {
    const header = await signWebhook(secret, body, t);
    assert.equal(await verifyWebhookSignature(secret, header, body, { now: t + 299 }), true);
    assert.equal(await verifyWebhookSignature(secret, header, body, { now: t - 299 }), true);
  });

  it('rejects a changed body, a wrong secret and a changed timestamp', async () => {
    const header = await signWebhook(secret, body, t);
    const now = t;
    assert.equal(await verifyWebhookSignature(secret, header, `${body} `, { now }), false);
    assert.equal(await verifyWebhookSignature('other-secret', header, body, { now }), false);
    const shifted = header.replace(`t=${t}`, `t=${t + 1}`);
    assert.equal(await verifyWebhookSignature(secret, shifted, body, { now }), false);
  });

  it('rejects a replay outside the tolerance, and honours a custom tolerance', async () => {
    const header = await signWebhook(secret, body, t);
    assert.equal(await verifyWebhookSignature(secret, header, body, { now: t + 301 }), false);
    assert.equal(await verifyWebhookSignature(secret, header, body, { now: t - 301 }), false);
    assert.equal(
      await verifyWebhookSignature(secret, header, body, {
        now: t + 3_000,
        toleranceSeconds: 3_600,
      }),
      true,
    );
    assert.equal(
      await verifyWebhookSignature(secret, header, body, { now: t + 61, toleranceSeconds: 60 }),
      false,
    );
  });

  it('uses the real clock by default', async () => {
    const fresh = await signWebhook(secret, body);
    assert.equal(await verifyWebhookSignature(secret, fresh, body), true);
    const old = await signWebhook(secret, body, new Date(Date.now() - 3_600_000));
    assert.equal(await verifyWebhookSignature(secret, old, body), false);
  });

  it('accepts a header with several v1 entries when any matches (sender rotating secrets)', async () => {
    const oldSig = (await signWebhook('old-secret', body, t)).split(',')[1];
    const newSig = (await signWebhook('new-secret', body, t)).split(',')[1];
    const header = `t=${t},${oldSig},${newSig}`;
    assert.equal(await verifyWebhookSignature('old-secret', header, body, { now: t }), true);
    assert.equal(await verifyWebhookSignature('new-secret', header, body, { now: t }), true);
    assert.equal(await verifyWebhookSignature('third-secret', header, body, { now: t }), false);
  });

  it('accepts a list of secrets (receiver rotating secrets)', async () => {
    const header = await signWebhook('new-secret', body, t);
    assert.equal(
      await verifyWebhookSignature(['old-secret', 'new-secret'], header, body, { now: t }),
      true,
    );
    assert.equal(await verifyWebhookSignature(['old-secret'], header, body, { now: t }), false);
    assert.equal(await verifyWebhookSignature([], header, body, { now: t }), false);
  });

  it('ignores unknown schemes and whitespace around entries', async () => {
    const header = await signWebhook(secret, body, t);
    const [ts, v1] = header.split(',');
    const spaced = ` ${ts} , v0=deadbeef , ${v1} , v2=whatever`;
    assert.equal(await verifyWebhookSignature(secret, spaced, body, { now: t }), true);
  });

  it('returns false, never throws, for malformed headers and inputs', async () => {
    const good = await signWebhook(secret, body, t);
    const mac = good.split('v1=')[1]!;
    const malformed: unknown[] = [
      undefined,
      null,
      '',
      'garbage',
      `v1=${mac}`,
      `t=${t}`,
      `t=${t},v1=`,
      `t=${t},v1=${mac.slice(0, 63)}`,
      `t=${t},v1=${mac}00`,
      `t=${t},v1=${mac.replace(/^../, 'zz')}`,
      `t=abc,v1=${mac}`,
      `t=-${t},v1=${mac}`,
      `t=${t}.5,v1=${mac}`,
      `t=${t},t=${t},v1=${mac}`,
      `t=${t};v1=${mac}`,
      `t=${t},v1`,
      `t=1e9,v1=${mac}`,
      `t=${'9'.repeat(400)},v1=${mac}`,
      12345,
      { t, v1: mac },
    ];
    for (const header of malformed) {
      const result = await verifyWebhookSignature(secret, header as string, body, { now: t });
      assert.equal(result, false, `header ${JSON.stringify(header)}`);
    }
    assert.equal(await verifyWebhookSignature('', good, body, { now: t }), false);
    assert.equal(
      await verifyWebhookSignature(secret, good, 42 as unknown as string, { now: t }),
      false,
    );
  });

  it('accepts upper-case hex', async () => {
    const header = await signWebhook(secret, body, t);
    const upper = header.replace(/v1=([0-9a-f]+)/, (_m, hex: string) => `v1=${hex.toUpperCase()}`);
    assert.equal(await verifyWebhookSignature(secret, upper, body, { now: t }), true);
  });
});
