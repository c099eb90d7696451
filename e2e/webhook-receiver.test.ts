import assert from 'node:assert/strict';
import type { Server } from 'node:http';
import { after, before, describe, it } from 'node:test';
import { signWebhook, WEBHOOK_SIGNATURE_HEADER } from '@union-join/sdk/webhooks';
import {
  startWebhookReceiver,
  type ReceivedApplication,
} from '../examples/webhook-receiver/receiver.ts';

const secret = 'whsec_receiver_test';

describe('examples/webhook-receiver', () => {
  let server: Server;
  let url: string;
  const received: ReceivedApplication[] = [];
  let failNext = false;

  before(async () => {
    server = await startWebhookReceiver({
      secret: ['old-secret', secret],
      onApplication: (application) => {
        if (failNext) {
          failNext = false;
          throw new Error('CRM unavailable');
        }
        received.push(application);
      },
    });
    const address = server.address();
    assert.ok(address && typeof address === 'object');
    url = `http://127.0.0.1:${address.port}/`;
  });
  after(() => new Promise<void>((resolve) => server.close(() => resolve())));

  async function deliver(body: string, signature?: string): Promise<Response> {
    return fetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        [WEBHOOK_SIGNATURE_HEADER]: signature ?? (await signWebhook(secret, body)),
      },
      body,
    });
  }

  it('accepts a signed delivery and hands the application on once', async () => {
    const body = JSON.stringify({ id: 'app_1', formId: 'example-union', answers: {} });
    const first = await deliver(body);
    assert.equal(first.status, 200);
    assert.deepEqual(await first.json(), { id: 'app_1', duplicate: false });
    const again = await deliver(body);
    assert.equal(again.status, 200);
    assert.deepEqual(await again.json(), { id: 'app_1', duplicate: true });
    assert.deepEqual(
      received.filter((a) => a.id === 'app_1').map((a) => a.formId),
      ['example-union'],
    );
  });

  it('rejects a body that does not match its signature', async () => {
    const signed = JSON.stringify({ id: 'app_2', formId: 'example-union' });
    const tampered = JSON.stringify({ id: 'app_2', formId: 'other-union' });
    const response = await deliver(tampered, await signWebhook(secret, signed));
    assert.equal(response.status, 401);
    assert.equal(
      received.some((a) => a.id === 'app_2'),
      false,
    );
  });

  it('rejects a missing signature, a wrong secret and a stale timestamp', async () => {
    const body = JSON.stringify({ id: 'app_3', formId: 'example-union' });
    const unsigned = await fetch(url, { method: 'POST', body });
    assert.equal(unsigned.status, 401);
    assert.equal((await deliver(body, await signWebhook('wrong', body))).status, 401);
    const hourAgo = new Date(Date.now() - 3600_000);
    assert.equal((await deliver(body, await signWebhook(secret, body, hourAgo))).status, 401);
    assert.equal(
      received.some((a) => a.id === 'app_3'),
      false,
    );
  });

  it('answers 400 to signed JSON without an application id, and 405 to GET', async () => {
    assert.equal((await deliver('not json')).status, 400);
    assert.equal((await deliver(JSON.stringify({ formId: 'x' }))).status, 400);
    assert.equal((await fetch(url)).status, 405);
  });

  it('answers 500 when the CRM fails, so that the redelivery is accepted', async () => {
    const body = JSON.stringify({ id: 'app_4', formId: 'example-union' });
    failNext = true;
    assert.equal((await deliver(body)).status, 500);
    const retry = await deliver(body);
    assert.equal(retry.status, 200);
    assert.deepEqual(await retry.json(), { id: 'app_4', duplicate: false });
  });
});
