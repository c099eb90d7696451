// The self-registering bundle must stay small enough for a phone on a slow connection.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { brotliCompressSync, constants } from 'node:zlib';

const BUDGET_BYTES = 30_000;
const bundle = new URL('../dist/union-join-form.js', import.meta.url);

test('dist/union-join-form.js stays under 30,000 bytes brotli (quality 11)', () => {
  assert.ok(existsSync(bundle), 'dist/union-join-form.js is missing: run `pnpm build` first');
  const source = readFileSync(bundle);
  const size = brotliCompressSync(source, {
    params: { [constants.BROTLI_PARAM_QUALITY]: 11 },
  }).length;
  console.info(`dist/union-join-form.js: ${source.length} bytes minified, ${size} bytes brotli`);
  assert.ok(
    size <= BUDGET_BYTES,
    `bundle is ${size} bytes brotli, over the ${BUDGET_BYTES} budget`,
  );
});
