import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { createTestServer } from './support/test-server.ts';
import { tempDir } from './support/temp-dir.ts';

function withStaticFiles(t: Parameters<typeof tempDir>[0]) {
  const root = tempDir(t);
  const staticDir = join(root, 'examples');
  const elementDir = join(root, 'element');
  mkdirSync(join(staticDir, 'script-tag'), { recursive: true });
  mkdirSync(elementDir);
  writeFileSync(join(staticDir, 'script-tag', 'index.html'), '<!doctype html><title>demo</title>');
  writeFileSync(join(root, 'secret.txt'), 'outside the static directory');
  writeFileSync(join(elementDir, 'union-join-form.js'), 'export {};');
  writeFileSync(join(elementDir, 'other.js'), 'not served');
  return createTestServer(t, { config: { staticDir, elementDir } });
}

test('serves the static directory with index pages under a CSP without inline script', async (t) => {
  const server = withStaticFiles(t);
  const page = await server.app.request('/script-tag/');
  assert.equal(page.status, 200);
  assert.match(await page.text(), /<title>demo<\/title>/);
  const csp = page.headers.get('content-security-policy') ?? '';
  assert.match(csp, /script-src 'self'(;|$)/);
  assert.doesNotMatch(csp, /unsafe-eval/);
  assert.equal(page.headers.get('x-frame-options'), 'SAMEORIGIN');
  assert.equal(page.headers.get('x-content-type-options'), 'nosniff');
});

test('serves the built element at a stable path, readable from any origin', async (t) => {
  const server = withStaticFiles(t);
  const script = await server.app.request('/union-join-form.js');
  assert.equal(script.status, 200);
  assert.match(script.headers.get('content-type') ?? '', /javascript/);
  assert.equal(script.headers.get('access-control-allow-origin'), '*');
  assert.equal(script.headers.get('cross-origin-resource-policy'), 'cross-origin');
  assert.equal((await server.app.request('/other.js')).status, 404);
});

test('never serves a file outside the static directory', async (t) => {
  const server = withStaticFiles(t);
  for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/script-tag/..%2f..%2fsecret.txt']) {
    const response = await server.app.request(path);
    assert.notEqual(response.status, 200, path);
    assert.ok(!(await response.text()).includes('outside the static directory'), path);
  }
});

test('without a static directory, / is a JSON 404', async (t) => {
  const server = createTestServer(t);
  const response = await server.app.request('/');
  assert.equal(response.status, 404);
  assert.equal(((await response.json()) as { error: string }).error, 'not_found');
});

test('with a static directory, /served-forms.json lists the forms served, for the example pages', async (t) => {
  const server = withStaticFiles(t);
  const response = await server.app.request('/served-forms.json');
  assert.equal(response.status, 200);
  assert.equal(response.headers.get('cache-control'), 'no-cache');
  assert.deepEqual(await response.json(), {
    forms: [{ id: 'example-union', organisation: 'Example Union', locales: ['en', 'nb'] }],
  });
});

test('without a static directory, there is no /served-forms.json', async (t) => {
  const server = createTestServer(t);
  assert.equal((await server.app.request('/served-forms.json')).status, 404);
});
