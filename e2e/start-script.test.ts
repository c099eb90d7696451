// `pnpm start` (scripts/start.ts) as a newcomer runs it: the banner it prints must name the address
// the server really listens on, whichever way the port was chosen.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { launchOptions } from './support/browser.ts';

const startScript = fileURLToPath(new URL('../scripts/start.ts', import.meta.url));

interface Started {
  /** Everything printed on stdout up to and including the banner. */
  output: string;
  /** What was printed on stderr so far. */
  errors(): string;
  stop(): Promise<number | null>;
}

/** Runs the start script until it has printed its banner (or exited, which fails the test). */
async function start(args: string[], env: Record<string, string>): Promise<Started> {
  const dataDir = await mkdtemp(join(tmpdir(), 'union-join-start-'));
  const { UNION_JOIN_PORT: _port, ...inherited } = process.env;
  const child = spawn(process.execPath, [startScript, ...args], {
    env: { ...inherited, UNION_JOIN_DATA_DIR: dataDir, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  let errors = '';
  child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
  await new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (/^ {2}try .*\n/m.test(output)) resolve();
    });
    void exited.then((code) =>
      reject(new Error(`start.ts exited (${code}) before its banner:\n${output}\n${errors}`)),
    );
  });
  return {
    output,
    errors: () => errors,
    stop: async () => {
      child.kill('SIGTERM');
      const code = await exited;
      await rm(dataDir, { recursive: true, force: true });
      return code;
    },
  };
}

/** Runs the start script to its end; resolves to its exit code and everything it printed. */
async function runToExit(
  args: string[],
  env: Record<string, string>,
): Promise<{ code: number | null; output: string }> {
  const child = spawn(process.execPath, [startScript, ...args], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  return { code, output };
}

/** The banner's addresses and admin token, checked against the server itself. */
async function assertBannerReachesServer(output: string): Promise<string> {
  const listening = /^union-join-server listening on (http:\/\/\S+)$/m.exec(output);
  assert.ok(listening, output);
  const base = listening[1]!;
  assert.doesNotMatch(base, /:0$/, 'the real port, not the one asked for');
  const formApi = /^ {2}form API +(\S+)$/m.exec(output)?.[1];
  assert.equal(formApi, `${base}/v1/forms/example-union`);
  for (const label of ['examples', 'script tag', 'element']) {
    const url = new RegExp(`^ {2}${label} +(\\S+)$`, 'm').exec(output)?.[1];
    assert.ok(url?.startsWith(`${base}/`), `${label}: ${url}`);
  }
  const form = await fetch(formApi);
  assert.equal(form.status, 200);
  assert.equal(((await form.json()) as { id: string }).id, 'example-union');

  const curl = /^ {2}try +curl -H "Authorization: Bearer (\S+)" (\S+)$/m.exec(output);
  assert.ok(curl, output);
  assert.equal(curl[2], `${base}/v1/forms/example-union/applications`);
  const list = await fetch(curl[2]!, { headers: { Authorization: `Bearer ${curl[1]}` } });
  assert.equal(list.status, 200, 'the printed admin token is accepted');
  return base;
}

describe('pnpm start', { timeout: 300_000 }, () => {
  it('shows the address of the port given with --port', async () => {
    const started = await start(['--port', '0'], {});
    try {
      await assertBannerReachesServer(started.output);
    } finally {
      assert.equal(await started.stop(), 0, 'stops cleanly on SIGTERM');
    }
  });

  it('shows the address of the port given in UNION_JOIN_PORT', async () => {
    const started = await start([], { UNION_JOIN_PORT: '0' });
    try {
      await assertBannerReachesServer(started.output);
    } finally {
      await started.stop();
    }
  });

  it('passes the options after pnpm’s `--` to the server', async () => {
    const started = await start(['--', '--port', '0', '--host', '127.0.0.1'], {
      UNION_JOIN_PORT: '1',
    });
    try {
      const base = await assertBannerReachesServer(started.output);
      assert.match(base, /^http:\/\/127\.0\.0\.1:\d+$/);
    } finally {
      await started.stop();
    }
  });

  it('on a port in use, says so in one line, exits non-zero and writes no data key', async () => {
    const other = createServer();
    await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve));
    const port = (other.address() as AddressInfo).port;
    const dataDir = await mkdtemp(join(tmpdir(), 'union-join-start-'));
    try {
      const { code, output } = await runToExit(['--port', String(port)], {
        UNION_JOIN_DATA_DIR: dataDir,
      });
      assert.equal(code, 1);
      const serverLines = output.split('\n').filter((line) => line.includes('union-join-server'));
      assert.deepEqual(serverLines, [
        `union-join-server: port ${port} is already in use; choose another with --port or UNION_JOIN_PORT`,
      ]);
      assert.doesNotMatch(output, /^\s+at /m, 'no stack trace');
      assert.doesNotMatch(output, /union-join development server/, 'no banner');
      assert.ok(!(await readdir(dataDir)).includes('keyring.json'), 'no data key written');
    } finally {
      other.close();
      await rm(dataDir, { recursive: true, force: true });
    }
  });

  it('on a data directory it cannot write, says so in one line and exits non-zero', async () => {
    const scratch = await mkdtemp(join(tmpdir(), 'union-join-start-'));
    try {
      const blocker = join(scratch, 'a-file');
      await writeFile(blocker, '');
      const dataDir = join(blocker, 'data');
      const { code, output } = await runToExit(['--port', '0'], { UNION_JOIN_DATA_DIR: dataDir });
      assert.equal(code, 1);
      assert.match(
        output,
        new RegExp(`data directory ${dataDir} cannot be written \\(ENOTDIR\\);`),
      );
      assert.doesNotMatch(output, /^\s+at /m, 'no stack trace');
      assert.doesNotMatch(output, /union-join development server/, 'no banner');
    } finally {
      await rm(scratch, { recursive: true, force: true });
    }
  });

  it('with UNION_JOIN_FORMS_DIR, offers the forms that loaded and names the file that did not', async () => {
    const formsDir = await mkdtemp(join(tmpdir(), 'union-join-own-forms-'));
    const example = JSON.parse(
      await readFile(new URL('../examples/forms/example-union.json', import.meta.url), 'utf8'),
    ) as Record<string, unknown>;
    const own = {
      ...example,
      id: 'my-branch',
      organisation: { ...(example.organisation as object), name: 'My Branch' },
    };
    await writeFile(join(formsDir, 'my-branch.json'), JSON.stringify(own));
    const typo = structuredClone(own) as unknown as {
      id: string;
      steps: { fields: Record<string, unknown>[] }[];
    };
    typo.id = 'other-branch';
    typo.steps[0]!.fields[1]!.type = 'dat';
    await writeFile(join(formsDir, 'other-branch.json'), JSON.stringify(typo));
    const started = await start(['--port', '0'], { UNION_JOIN_FORMS_DIR: formsDir });
    const browser = await chromium.launch(launchOptions);
    try {
      const { output } = started;
      const base = /^union-join-server listening on (http:\/\/\S+)$/m.exec(output)?.[1];
      assert.ok(base, output);
      assert.match(output, new RegExp(`^ {2}forms +${base}/try/\\?form=my-branch$`, 'm'));
      assert.doesNotMatch(output, /try\/\?form=other-branch/);
      assert.match(output, /^ {2}not loaded +other-branch\.json /m);
      assert.match(output, /^ {2}script tag +shows the form example-union, which is not loaded/m);
      assert.match(output, new RegExp(`^ {2}form API +${base}/v1/forms/my-branch$`, 'm'));
      assert.ok(started.errors().includes(join(formsDir, 'other-branch.json')), started.errors());
      assert.match(started.errors(), /steps\[0\]\.fields\[1\]\.type/);

      const page = await browser.newPage();
      await page.goto(`${base}/`);
      const link = page.getByRole('link', { name: 'English' });
      await link.waitFor();
      assert.equal(await link.getAttribute('href'), 'try/?form=my-branch&lang=en');
      assert.equal(await page.getByRole('row').count(), 2, 'a header and the one form that loaded');
      assert.match((await page.getByRole('row').nth(1).textContent()) ?? '', /My Branch/);
      assert.equal(await page.locator('#script-tag-missing').isVisible(), true);

      await link.click();
      await page.getByRole('heading', { name: 'About you' }).waitFor();
      assert.equal(page.url(), `${base}/try/?form=my-branch&lang=en`);
    } finally {
      await browser.close();
      await started.stop();
      await rm(formsDir, { recursive: true, force: true });
    }
  });

  it('when no form in UNION_JOIN_FORMS_DIR loads, refuses to start and names every file', async () => {
    const formsDir = await mkdtemp(join(tmpdir(), 'union-join-own-forms-'));
    const dataDir = await mkdtemp(join(tmpdir(), 'union-join-start-'));
    try {
      await writeFile(join(formsDir, 'first.json'), '{ "id": ');
      await writeFile(join(formsDir, 'second.json'), '{}');
      const { code, output } = await runToExit(['--port', '0'], {
        UNION_JOIN_DATA_DIR: dataDir,
        UNION_JOIN_FORMS_DIR: formsDir,
      });
      assert.equal(code, 1);
      assert.match(output, new RegExp(`union-join-server: ${formsDir}: no form could be loaded:`));
      assert.ok(output.includes(`${join(formsDir, 'first.json')}: is not valid JSON`), output);
      assert.ok(output.includes(join(formsDir, 'second.json')), output);
      assert.doesNotMatch(output, /union-join development server/, 'no banner');
    } finally {
      await rm(formsDir, { recursive: true, force: true });
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
