// One bad form file must not take a union's other forms down: the server starts with the forms
// that load, and says loudly (stderr, log, admin page) which files it left out and why.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test, type TestContext } from 'node:test';
import { parseCommand } from '../src/config.ts';
import { FormLoadError } from '../src/errors.ts';
import { FormRegistry } from '../src/forms/form-registry.ts';
import { createJsonLogger } from '../src/logger.ts';
import { startServer } from '../src/server.ts';
import { ADMIN, EXAMPLE_DEFINITION } from './support/test-server.ts';
import { tempDir } from './support/temp-dir.ts';

/** The example form under another id. */
function definition(id: string): Record<string, unknown> {
  return { ...structuredClone(EXAMPLE_DEFINITION), id };
}

/** A forms directory with two good forms, a definition with a typo, and broken settings. */
function mixedFormsDir(t: TestContext): string {
  const dir = tempDir(t);
  writeFileSync(join(dir, 'branch-north.json'), JSON.stringify(definition('branch-north')));
  writeFileSync(join(dir, 'branch-south.json'), JSON.stringify(definition('branch-south')));
  const typo = definition('branch-east') as { steps: { fields: Record<string, unknown>[] }[] };
  typo.steps[1]!.fields[0]!.type = 'chioce';
  writeFileSync(join(dir, 'branch-east.json'), JSON.stringify(typo));
  writeFileSync(join(dir, 'branch-west.json'), JSON.stringify(definition('branch-west')));
  writeFileSync(
    join(dir, 'branch-west.server.json'),
    JSON.stringify({
      webhook: { url: 'https://crm.example/hook', secret: { env: 'WEST_SECRET' } },
    }),
  );
  writeFileSync(join(dir, 'closed.server.json'), '{}');
  return dir;
}

test('a bad file leaves out its form only; each problem names its file and JSON path', (t) => {
  const dir = mixedFormsDir(t);
  const forms = FormRegistry.fromDirectory(dir, {});
  assert.deepEqual(
    forms.list().map((form) => form.id),
    ['branch-north', 'branch-south'],
  );
  assert.equal(forms.get('branch-east'), undefined);
  assert.equal(forms.get('branch-west'), undefined, 'never served without its webhook settings');
  const messages = forms.problems.map((problem) => problem.message);
  assert.equal(messages.length, 3, messages.join('\n'));
  assert.ok(forms.problems.every((problem) => problem instanceof FormLoadError));
  assert.match(messages[0]!, /branch-east\.json: .*steps\[1\]\.fields\[0\]\.type/s);
  assert.match(messages[1]!, /branch-west\.server\.json: webhook\.secret: .*WEST_SECRET/);
  assert.match(messages[2]!, /closed\.server\.json: there is no form definition closed\.json/);
});

test('a directory whose every form file fails stops the load, listing each file', (t) => {
  const dir = tempDir(t);
  writeFileSync(join(dir, 'one.json'), '{ nope');
  writeFileSync(join(dir, 'two.json'), JSON.stringify(definition('not-two')));
  assert.throws(
    () => FormRegistry.fromDirectory(dir, {}),
    (error: unknown) =>
      error instanceof FormLoadError &&
      error.message.startsWith(`${dir}: no form could be loaded:\n`) &&
      error.message.includes(`${join(dir, 'one.json')}: is not valid JSON`) &&
      error.message.includes(`${join(dir, 'two.json')}: id "not-two" must match the file name`),
  );
});

test('a form file named .JSON, or named after another id, is reported with the name to use', (t) => {
  const dir = tempDir(t);
  writeFileSync(join(dir, 'branch-north.json'), JSON.stringify(definition('branch-north')));
  writeFileSync(join(dir, 'Branch-South.JSON'), JSON.stringify(definition('branch-south')));
  writeFileSync(join(dir, 'east.json'), JSON.stringify(definition('branch-east')));
  const forms = FormRegistry.fromDirectory(dir, {});
  assert.deepEqual(
    forms.list().map((form) => form.id),
    ['branch-north'],
  );
  const messages = forms.problems.map((problem) => problem.message).join('\n');
  assert.match(messages, /Branch-South\.JSON: .*end in \.json/);
  assert.match(messages, /east\.json: .*rename the file to branch-east\.json/);
});

test('an empty forms directory still starts, with no forms and no problems', (t) => {
  const forms = FormRegistry.fromDirectory(tempDir(t), {});
  assert.deepEqual(forms.list(), []);
  assert.deepEqual(forms.problems, []);
});

test('the server serves the good forms, logs each bad file as an error and shows it to staff', async (t) => {
  const formsDir = mixedFormsDir(t);
  const staticDir = tempDir(t);
  mkdirSync(join(staticDir, 'try'));
  const env = { UNION_JOIN_ADMIN_TOKENS: `${ADMIN.name}:${ADMIN.token}` };
  const command = parseCommand(
    ['--port', '0', '--data', tempDir(t), '--forms', formsDir, '--static', staticDir],
    env,
  );
  assert.equal(command.kind, 'serve');
  if (command.kind !== 'serve') return;
  const lines: string[] = [];
  const server = await startServer(command.config, {
    env,
    logger: createJsonLogger((line) => lines.push(line)),
  });
  t.after(() => server.close());

  assert.equal((await fetch(`${server.url}/v1/forms/branch-north`)).status, 200);
  assert.equal((await fetch(`${server.url}/v1/forms/branch-east`)).status, 404);
  assert.equal((await fetch(`${server.url}/v1/forms/branch-west`)).status, 404);

  const logged = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
  const notLoaded = logged.filter((entry) => entry.event === 'form_not_loaded');
  assert.deepEqual(
    notLoaded.map((entry) => [entry.level, entry.file]),
    [
      ['error', join(formsDir, 'branch-east.json')],
      ['error', join(formsDir, 'branch-west.server.json')],
      ['error', join(formsDir, 'closed.server.json')],
    ],
  );
  assert.match(String(notLoaded[0]!.problem), /steps\[1\]\.fields\[0\]\.type/);

  const admin = await fetch(`${server.url}/admin`, {
    headers: { Authorization: `Bearer ${ADMIN.token}` },
  });
  const page = await admin.text();
  assert.equal(admin.status, 200);
  assert.match(page, /3 form files were not loaded/);
  assert.ok(page.includes(join(formsDir, 'branch-east.json')), 'names the file');
  assert.match(page, /steps\[1\]\.fields\[0\]\.type/);

  const served = await fetch(`${server.url}/served-forms.json`);
  assert.equal(served.status, 200);
  assert.deepEqual(await served.json(), {
    forms: [
      { id: 'branch-north', organisation: 'Example Union', locales: ['en', 'nb'] },
      { id: 'branch-south', organisation: 'Example Union', locales: ['en', 'nb'] },
    ],
  });
});

test('union-join-server lists the forms it serves and, on stderr, each file it left out', async (t) => {
  const formsDir = mixedFormsDir(t);
  const cli = new URL('../src/cli.ts', import.meta.url).href;
  const child = spawn(
    process.execPath,
    [
      '--conditions=source',
      '--input-type=module',
      '-e',
      `import { main } from ${JSON.stringify(cli)};
       process.exitCode = await main(process.argv.slice(1), process.env);`,
      '--',
      '--port',
      '0',
      '--data',
      tempDir(t),
      '--forms',
      formsDir,
    ],
    { stdio: ['ignore', 'pipe', 'pipe'], env: { PATH: process.env.PATH ?? '' } },
  );
  let out = '';
  let err = '';
  child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
  const closed = new Promise<number | null>((resolve) => child.on('close', resolve));
  await new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (/listening on /.test(out)) resolve();
    });
    void closed.then((code) => reject(new Error(`exited (${code}):\n${out}\n${err}`)));
  });
  child.kill('SIGTERM');
  assert.equal(await closed, 0, `stops cleanly:\n${err}`);

  assert.match(out, /^union-join-server serving forms: branch-north, branch-south$/m);
  assert.match(
    out,
    /^union-join-server not loaded \(see the errors\): branch-east\.json, branch-west\.server\.json, closed\.server\.json$/m,
  );
  const human = err.split('\n').filter((line) => line.startsWith('union-join-server: '));
  assert.equal(human.length, 4, err);
  assert.ok(
    human[0]!.startsWith(`union-join-server: NOT LOADED ${join(formsDir, 'branch-east.json')}: `),
  );
  assert.match(err, /steps\[1\]\.fields\[0\]\.type/);
  assert.ok(human[1]!.includes('branch-west.server.json: webhook.secret'));
  assert.ok(human[2]!.includes('closed.server.json: there is no form definition'));
  assert.match(
    human[3]!,
    /^union-join-server: 3 form files were not loaded .*the other forms are served/,
  );
});

test('a mistyped key in a .server.json names the key it meant', (t) => {
  const dir = tempDir(t);
  writeFileSync(join(dir, 'branch-north.json'), JSON.stringify(definition('branch-north')));
  writeFileSync(join(dir, 'branch-south.json'), JSON.stringify(definition('branch-south')));
  writeFileSync(
    join(dir, 'branch-north.server.json'),
    JSON.stringify({
      retentionDay: 30,
      webhook: { url: 'https://crm.example/hook', secrt: 'a-secret-of-sixteen-chars', extra: 1 },
    }),
  );
  const forms = FormRegistry.fromDirectory(dir, {});
  const [message] = forms.problems.map((problem) => problem.message);
  assert.match(message ?? '', /^retentionDay: unknown key; did you mean "retentionDays"\?$/m);
  assert.match(message ?? '', /^webhook\.secrt: unknown key; did you mean "secret"\?$/m);
  assert.match(message ?? '', /^webhook\.extra: unknown key$/m);
  assert.match(message ?? '', /: webhook\.secret: is required$/m);
  assert.doesNotMatch(message ?? '', /a-secret-of-sixteen-chars/, 'a secret never in a message');
});
