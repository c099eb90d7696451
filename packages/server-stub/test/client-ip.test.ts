import assert from 'node:assert/strict';
import { test } from 'node:test';
import { clientIpResolver } from '../src/http/client-ip.ts';
import { createTestServer, submit, validApplication } from './support/test-server.ts';

test('addresses in one IPv6 /64 share a submission limit; another /64 and IPv4 do not', async (t) => {
  const server = createTestServer(t, {
    config: { rateLimitPerMinute: 2, trustProxy: 1 },
    clientIp: clientIpResolver(1),
  });
  const from = async (address: string) =>
    (await submit(server, await validApplication(), { headers: { 'X-Forwarded-For': address } }))
      .status;
  // One subscriber is given a whole /64 and can pick any address in it for each request.
  assert.equal(await from('2001:db8:0:1::1'), 201);
  assert.equal(await from('2001:db8:0:1:ffff:ffff:ffff:fffe'), 201);
  assert.equal(await from('2001:0DB8:0000:0001:1234::abcd'), 429);
  assert.equal(await from('2001:db8:0:2::1'), 201);
  // The same IPv4 address, written as an IPv4-mapped IPv6 address, is the same client.
  assert.equal(await from('192.0.2.10'), 201);
  assert.equal(await from('::ffff:192.0.2.10'), 201);
  assert.equal(await from('::FFFF:192.0.2.10'), 429);
  assert.equal(await from('192.0.2.11'), 201);
});
