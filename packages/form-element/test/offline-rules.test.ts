import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  isFormDefinitionLike,
  mayKeep,
  offlineKind,
  pageKey,
  type RequestFacts,
} from '../src/internal/offline-rules.ts';

const origin = 'https://union.example';

function request(
  url: string,
  overrides: Partial<Omit<RequestFacts, 'headers'>> = {},
  headers = {},
) {
  return {
    method: 'GET',
    url: new URL(url, origin).href,
    mode: 'cors',
    destination: '',
    headers: new Headers(headers),
    ...overrides,
  };
}

test('the join page, the element, its styles and the form definition go network first', () => {
  const page = request('/join/?form=x', { mode: 'navigate', destination: 'document' });
  assert.equal(offlineKind(page, origin), 'page');
  assert.equal(
    offlineKind(request('/union-join-form.js', { destination: 'script' }), origin),
    'asset',
  );
  assert.equal(offlineKind(request('/site.css', { destination: 'style' }), origin), 'asset');
  assert.equal(offlineKind(request('/v1/forms/example-union'), origin), 'definition');
  assert.equal(offlineKind(request('/forms/join.json'), origin), 'definition');
  // The element and the definition from the union's backend on another origin.
  const backend = 'https://join.union.example';
  assert.equal(
    offlineKind(request(`${backend}/union-join-form.js`, { destination: 'script' }), origin),
    'asset',
  );
  assert.equal(offlineKind(request(`${backend}/api/v1/forms/example-union`), origin), 'definition');
});

test('nothing that sends or reads personal data is ever intercepted', () => {
  for (const method of ['POST', 'PUT', 'DELETE', 'PATCH', 'HEAD']) {
    assert.equal(offlineKind(request('/v1/forms/example-union', { method }), origin), undefined);
    const page = request('/join/', { method, mode: 'navigate', destination: 'document' });
    assert.equal(offlineKind(page, origin), undefined, `${method} of the page`);
  }
  for (const path of [
    '/v1/forms/example-union/applications',
    '/v1/forms/example-union/applications/7K3Q9F2MXW4PH8RT',
    '/v1/forms/example-union/funnel',
    '/v1/events',
    '/api/v1/events',
    '/v1/admin',
    '/v1/admin/applications.json',
    '/v1/admin/app.js',
  ]) {
    assert.equal(offlineKind(request(path), origin), undefined, path);
    assert.equal(offlineKind(request(path, { destination: 'script' }), origin), undefined, path);
    const page = request(path, { mode: 'navigate', destination: 'document' });
    assert.equal(offlineKind(page, origin), undefined, `${path} as a page`);
  }
  const withToken = request('/v1/forms/example-union', {}, { Authorization: 'Bearer x' });
  assert.equal(offlineKind(withToken, origin), undefined);
  const range = request('/union-join-form.js', { destination: 'script' }, { Range: 'bytes=0-9' });
  assert.equal(offlineKind(range, origin), undefined);
});

test('other requests are left alone: images, frames, other sites, other JSON addresses', () => {
  assert.equal(offlineKind(request('/photo.jpg', { destination: 'image' }), origin), undefined);
  const frame = request('/join/', { mode: 'navigate', destination: 'iframe' });
  assert.equal(offlineKind(frame, origin), undefined);
  const elsewhere = request('https://other.example/', {
    mode: 'navigate',
    destination: 'document',
  });
  assert.equal(offlineKind(elsewhere, origin), undefined);
  const tracker = request('https://cdn.example/analytics.js', { destination: 'script' });
  assert.equal(offlineKind(tracker, origin), undefined);
  assert.equal(offlineKind(request('/api/me'), origin), undefined);
  assert.equal(offlineKind(request('data:text/plain,x'), origin), undefined);
});

test('only a 200 the page could read, that its server lets a browser keep, is kept', () => {
  const response = (status: number, type: string, cacheControl?: string) => ({
    status,
    type,
    headers: new Headers(cacheControl ? { 'Cache-Control': cacheControl } : {}),
  });
  assert.equal(mayKeep(response(200, 'basic')), true);
  assert.equal(mayKeep(response(200, 'cors', 'public, max-age=300')), true);
  assert.equal(mayKeep(response(200, 'opaque')), false, 'an opaque answer may be an error');
  assert.equal(mayKeep(response(0, 'opaqueredirect')), false);
  for (const status of [201, 204, 206, 304, 404, 500, 503]) {
    assert.equal(mayKeep(response(status, 'basic')), false, String(status));
  }
  assert.equal(mayKeep(response(200, 'basic', 'no-store')), false);
  assert.equal(mayKeep(response(200, 'basic', 'Private, max-age=60')), false);
});

test('JSON is kept only when it is a form definition', () => {
  assert.equal(
    isFormDefinitionLike({ id: 'x', organisation: { name: 'U' }, version: 1, steps: [] }),
    true,
  );
  for (const json of [
    null,
    'text',
    [],
    { forms: [{ id: 'x' }] },
    { id: 'x', steps: [] },
    { id: 'x', organisation: null, steps: [] },
    { id: 1, organisation: {}, steps: [] },
    { id: 'x', organisation: {}, steps: {} },
    { email: 'someone@example.org', givenName: 'Ada' },
  ]) {
    assert.equal(isFormDefinitionLike(json), false, JSON.stringify(json));
  }
});

test('a page is kept under its address without the query', () => {
  assert.equal(
    pageKey('https://union.example/join/?form=x&email=someone%40example.org#top'),
    'https://union.example/join/',
  );
});
