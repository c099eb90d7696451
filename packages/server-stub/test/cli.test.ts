import assert from 'node:assert/strict';
import { copyFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { main } from '../src/cli.ts';
import { FormLoadError } from '../src/errors.ts';
import { FormRegistry } from '../src/forms/form-registry.ts';
import { EXAMPLE_DEFINITION, FORMS_DIR } from './support/test-server.ts';
import { tempDir } from './support/temp-dir.ts';

async function run(argv: string[], env: Record<string, string> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, env, { out: (s) => out.push(s), err: (s) => err.push(s) });
  return { code, out: out.join(''), err: err.join('') };
}

test('--help prints every flag and exits 0', async () => {
  const { code, out } = await run(['--help']);
  assert.equal(code, 0);
  for (const flag of [
    '--port',
    '--data',
    '--forms',
    '--allowed-origins',
    '--retention-days',
    '--static',
    'rotate-key',
  ]) {
    assert.ok(out.includes(flag), flag);
  }
});

test('--version prints the package version', async () => {
  const { code, out } = await run(['--version']);
  assert.equal(code, 0);
  assert.match(out, /^\d+\.\d+\.\d+\n$/);
});

test('a bad flag exits 2 with a message naming it', async () => {
  const { code, err } = await run(['--port', 'eighty']);
  assert.equal(code, 2);
  assert.match(err, /^union-join-server: --port must be a whole number/);
});

test('a bad form file stops the start with its file name and the JSON path', async (t) => {
  const formsDir = tempDir(t);
  const broken = structuredClone(EXAMPLE_DEFINITION) as {
    steps: { fields: Record<string, unknown>[] }[];
  };
  broken.steps[0]!.fields[0]!.requried = true;
  writeFileSync(join(formsDir, 'example-union.json'), JSON.stringify(broken));
  const { code, err } = await run(['--forms', formsDir, '--data', tempDir(t)]);
  assert.equal(code, 1);
  assert.ok(err.includes(join(formsDir, 'example-union.json')), err);
  assert.match(err, /steps\[0\]\.fields\[0\]/);
});

test('a file that is not JSON, an id that does not match, and an orphan settings file all stop the load', async (t) => {
  const cases: [string, (dir: string) => void, RegExp][] = [
    [
      'not JSON',
      (dir) => writeFileSync(join(dir, 'a.json'), '{ nope'),
      /a\.json: is not valid JSON/,
    ],
    [
      'id mismatch',
      (dir) => writeFileSync(join(dir, 'other.json'), JSON.stringify(EXAMPLE_DEFINITION)),
      /must match the file name/,
    ],
    [
      'orphan settings',
      (dir) => {
        copyFileSync(join(FORMS_DIR, 'example-union.json'), join(dir, 'example-union.json'));
        writeFileSync(join(dir, 'gone.server.json'), '{}');
      },
      /gone\.server\.json: there is no form definition gone\.json/,
    ],
  ];
  for (const [name, setUp, message] of cases) {
    const dir = tempDir(t);
    setUp(dir);
    assert.throws(
      () => FormRegistry.fromDirectory(dir, {}),
      (error: unknown) => error instanceof FormLoadError && message.test(error.message),
      name,
    );
  }
});

test('private settings are checked with JSON paths and read secrets from the environment', async (t) => {
  const dir = tempDir(t);
  copyFileSync(join(FORMS_DIR, 'example-union.json'), join(dir, 'example-union.json'));
  const settingsFile = join(dir, 'example-union.server.json');
  writeFileSync(
    settingsFile,
    JSON.stringify({
      webhook: { url: 'https://crm.example/hook', secret: { env: 'EXAMPLE_WEBHOOK_SECRET' } },
      allowedOrigins: ['https://union.example'],
      retentionDays: 30,
    }),
  );
  const secret = 'from-the-environment-0123456789';
  const forms = FormRegistry.fromDirectory(dir, { EXAMPLE_WEBHOOK_SECRET: secret });
  assert.deepEqual(forms.get('example-union')?.settings, {
    webhook: { url: 'https://crm.example/hook', secret },
    allowedOrigins: ['https://union.example'],
    retentionDays: 30,
  });
  assert.throws(
    () => FormRegistry.fromDirectory(dir, {}),
    /webhook\.secret: environment variable EXAMPLE_WEBHOOK_SECRET must be set/,
  );
  writeFileSync(
    settingsFile,
    JSON.stringify({
      webhook: { url: 'http://crm.example/hook', secret: 'x'.repeat(20) },
      retentionDay: 3,
    }),
  );
  assert.throws(
    () => FormRegistry.fromDirectory(dir, {}),
    (error: unknown) =>
      error instanceof FormLoadError &&
      /webhook\.url: must be an https:\/\/ URL/.test(error.message) &&
      /retentionDay/.test(error.message) &&
      !error.message.includes('x'.repeat(20)),
  );
});
