import assert from 'node:assert/strict';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gzipSync } from 'node:zlib';
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

test('serves the offline worker at the root, so its scope covers every example page', async (t) => {
  const elementDir = join(tempDir(t), 'element');
  mkdirSync(elementDir);
  writeFileSync(join(elementDir, 'union-join-offline.js'), 'self.worker = true;');
  const server = createTestServer(t, { config: { elementDir } });
  const worker = await server.app.request('/union-join-offline.js');
  assert.equal(worker.status, 200);
  // A browser registers a service worker only from a script served as JavaScript.
  assert.match(worker.headers.get('content-type') ?? '', /javascript/);
  assert.equal(await worker.text(), 'self.worker = true;');
  assert.equal((await server.app.request('/script-tag/union-join-offline.js')).status, 404);
});

test('serves the element brotli- or gzip-compressed to a browser that accepts it', async (t) => {
  const elementDir = join(tempDir(t), 'element');
  mkdirSync(elementDir);
  const server = createTestServer(t, { config: { elementDir } });
  const script = 'export const big = "' + 'union '.repeat(2000) + '";';
  writeFileSync(join(elementDir, 'union-join-form.js'), script);
  writeFileSync(join(elementDir, 'union-join-form.js.br'), brotliCompressSync(script));
  writeFileSync(join(elementDir, 'union-join-form.js.gz'), gzipSync(script));
  const br = await server.app.request('/union-join-form.js', {
    headers: { 'accept-encoding': 'gzip, deflate, br' },
  });
  assert.equal(br.headers.get('content-encoding'), 'br');
  assert.match(br.headers.get('content-type') ?? '', /javascript/);
  assert.equal(brotliDecompressSync(Buffer.from(await br.arrayBuffer())).toString(), script);
  const gz = await server.app.request('/union-join-form.js', {
    headers: { 'accept-encoding': 'gzip' },
  });
  assert.equal(gz.headers.get('content-encoding'), 'gzip');
  const plain = await server.app.request('/union-join-form.js');
  assert.equal(plain.headers.get('content-encoding'), null);
  for (const response of [br, gz, plain]) {
    assert.match(response.headers.get('vary') ?? '', /Accept-Encoding/i, 'no cache mixes them up');
  }
  assert.equal(await plain.text(), script);
});

test('never serves a file outside the static directory', async (t) => {
  const server = withStaticFiles(t);
  for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/script-tag/..%2f..%2fsecret.txt']) {
    const response = await server.app.request(path);
    assert.notEqual(response.status, 200, path);
    assert.ok(!(await response.text()).includes('outside the static directory'), path);
  }
});

test('never serves hidden files or folders (a .env or .git left in the static directory)', async (t) => {
  const root = tempDir(t);
  const staticDir = join(root, 'site');
  mkdirSync(join(staticDir, '.git'), { recursive: true });
  mkdirSync(join(staticDir, '.well-known'));
  mkdirSync(join(staticDir, 'docs', '.private'), { recursive: true });
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>home</title>');
  writeFileSync(join(staticDir, '.env'), 'DB_PASSWORD=hunter2');
  writeFileSync(join(staticDir, '.git', 'config'), 'url=https://user:hunter2@git.example');
  writeFileSync(join(staticDir, '.well-known', 'security.txt'), 'hunter2');
  writeFileSync(join(staticDir, 'docs', '.private', 'index.html'), 'hunter2');
  const server = createTestServer(t, { config: { staticDir } });
  assert.equal((await server.app.request('/')).status, 200);
  for (const path of [
    '/.env',
    '/.git/config',
    '/.git/',
    '/.well-known/security.txt',
    '/docs/.private/',
    '/docs/.private/index.html',
    '/%2eenv',
  ]) {
    const response = await server.app.request(path);
    assert.equal(response.status, 404, path);
    assert.ok(!(await response.text()).includes('hunter2'), path);
  }
  const head = await server.app.request('/.env', { method: 'HEAD' });
  assert.equal(head.status, 404);
});

test('never follows a symbolic link out of the static directory', async (t) => {
  const root = tempDir(t);
  const staticDir = join(root, 'site');
  const outside = join(root, 'outside');
  mkdirSync(join(staticDir, 'pages'), { recursive: true });
  mkdirSync(outside);
  writeFileSync(join(outside, 'secret.txt'), 'outside the static directory');
  writeFileSync(join(outside, 'index.html'), 'outside the static directory');
  writeFileSync(join(staticDir, 'pages', 'real.html'), 'inside');
  symlinkSync(join(outside, 'secret.txt'), join(staticDir, 'secret.txt'));
  symlinkSync(outside, join(staticDir, 'linked'));
  symlinkSync('real.html', join(staticDir, 'pages', 'alias.html'));
  const server = createTestServer(t, { config: { staticDir } });
  for (const path of ['/secret.txt', '/linked/secret.txt', '/linked/', '/linked']) {
    const response = await server.app.request(path);
    assert.equal(response.status, 404, path);
    assert.ok(!(await response.text()).includes('outside the static directory'), path);
  }
  // A link that stays inside the directory still works.
  const alias = await server.app.request('/pages/alias.html');
  assert.equal(alias.status, 200);
  assert.equal(await alias.text(), 'inside');
});

test('a static directory reached through a symbolic link is served', async (t) => {
  const root = tempDir(t);
  const realDir = join(root, 'real-site');
  mkdirSync(realDir);
  writeFileSync(join(realDir, 'page.html'), 'the page');
  symlinkSync(realDir, join(root, 'site'));
  const server = createTestServer(t, { config: { staticDir: join(root, 'site') } });
  const response = await server.app.request('/page.html');
  assert.equal(response.status, 200);
  assert.equal(await response.text(), 'the page');
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
