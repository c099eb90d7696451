import assert from 'node:assert/strict';
import { chmodSync, copyFileSync, existsSync, readdirSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { join } from 'node:path';
import { test, type TestContext } from 'node:test';
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

test('two admin names with one token value stop the start (exit 2), naming both names', async (t) => {
  const shared = 'sharedtoken-0123456789abcdefghij';
  const dataDir = tempDir(t);
  const { code, err } = await run(['--forms', FORMS_DIR, '--data', dataDir, '--port', '0'], {
    UNION_JOIN_ADMIN_TOKENS: `alice:${shared},bob:${shared}`,
  });
  assert.equal(code, 2);
  assert.match(err, /"alice" and "bob"/);
  assert.ok(!err.includes(shared));
  assert.deepEqual(readdirSync(dataDir), []);
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

test('a file that is not JSON, an id that does not match, or an orphan settings file, with no form that loads, stops the load', async (t) => {
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

test('a definition and settings saved with a byte order mark load, as Windows editors save them', async (t) => {
  const dir = tempDir(t);
  const bom = '\ufeff';
  writeFileSync(join(dir, 'example-union.json'), bom + JSON.stringify(EXAMPLE_DEFINITION));
  writeFileSync(join(dir, 'example-union.server.json'), `${bom}{ "retentionDays": 30 }`);
  const form = FormRegistry.fromDirectory(dir, {}).get('example-union');
  assert.equal(form?.definition.id, 'example-union');
  assert.equal(form?.settings.retentionDays, 30);
  assert.equal(form?.json.startsWith('{'), true, 'served without the mark');
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

/** A port some other program holds until the test ends. */
async function takenPort(t: TestContext): Promise<number> {
  const other = createServer();
  await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve));
  t.after(() => new Promise<void>((resolve) => other.close(() => resolve())));
  return (other.address() as AddressInfo).port;
}

test('a port in use stops the start with one line, before anything is written to the data directory', async (t) => {
  const port = await takenPort(t);
  const dataDir = join(tempDir(t), 'data');
  const { code, out, err } = await run([
    '--port',
    String(port),
    '--data',
    dataDir,
    '--forms',
    FORMS_DIR,
  ]);
  assert.equal(code, 1);
  assert.equal(out, '');
  assert.equal(
    err,
    `union-join-server: port ${port} is already in use; choose another with --port or UNION_JOIN_PORT\n`,
  );
  assert.equal(existsSync(dataDir), false, 'no data directory, so no new data key');
});

test('a port in use leaves an existing data directory as it was', async (t) => {
  const port = await takenPort(t);
  const dataDir = tempDir(t);
  const { code, err } = await run(['--data', dataDir, '--forms', FORMS_DIR], {
    UNION_JOIN_PORT: String(port),
  });
  assert.equal(code, 1);
  assert.match(err, new RegExp(`^union-join-server: port ${port} is already in use;[^\\n]*\\n$`));
  assert.deepEqual(readdirSync(dataDir), []);
});

test('a data directory that cannot be created or written stops the start with one line', async (t) => {
  const blocker = join(tempDir(t), 'a-file');
  writeFileSync(blocker, '');
  for (const [dataDir, reason] of [
    [blocker, 'a file of that name is in the way'],
    [join(blocker, 'data'), 'part of the path is a file'],
  ] as const) {
    const { code, out, err } = await run(['--port', '0', '--data', dataDir, '--forms', FORMS_DIR]);
    assert.equal(code, 1, dataDir);
    assert.equal(out, '', 'never listening');
    assert.equal(
      err,
      `union-join-server: data directory ${dataDir} cannot be written (${reason}); ` +
        'choose another with --data or UNION_JOIN_DATA_DIR\n',
    );
  }
});

test('a read-only data directory stops the start with one line', async (t) => {
  if (process.getuid?.() === 0) {
    t.skip('the superuser may write anywhere');
    return;
  }
  const dataDir = tempDir(t);
  chmodSync(dataDir, 0o500);
  t.after(() => chmodSync(dataDir, 0o700));
  const { code, err } = await run(['--port', '0', '--data', dataDir, '--forms', FORMS_DIR]);
  assert.equal(code, 1);
  assert.match(
    err,
    /^union-join-server: data directory .* cannot be written \(permission denied\);/,
  );
  assert.deepEqual(readdirSync(dataDir), []);
});
