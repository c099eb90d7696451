// Autosave and restore speed in Chromium, through the real drafts code bundled as it ships:
// one draft write (what the debounced autosaver does after a change) and the time from navigation
// start to a restored draft on page load. Prints p50/p95 and medians; `runAutosaveBench` returns them.
//   node bench/autosave.ts [--saves 200] [--loads 20]
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';

/** What {@link runAutosaveBench} measured, in milliseconds. */
export interface AutosaveBenchResult {
  saves: number;
  saveP50Ms: number;
  saveP95Ms: number;
  loads: number;
  /** Navigation start to `restoreDraft` resolved, median over fresh page loads. */
  restoreMedianMs: number;
}

/** Options of {@link runAutosaveBench}. */
export interface AutosaveBenchOptions {
  saves?: number;
  loads?: number;
  executablePath?: string;
}

const root = fileURLToPath(new URL('..', import.meta.url));

// The page: opens the storage and restores the draft as the element does on load, and exposes a
// loop of draft writes with answers that change each time, like typing.
const pageSource = `
import { parseFormDefinition } from '@union-join/sdk';
import { createDraftStore, openDraftStorage } from '@union-join/sdk/drafts';
import json from './examples/forms/uk-union-direct-debit.json';

const definition = parseFormDefinition(json);
const store = openDraftStorage().then((storage) => createDraftStore(storage));
store
  .then((drafts) => drafts.restoreDraft(definition))
  .then((draft) => {
    window.benchRestore = { ms: performance.now(), restored: draft !== undefined };
  });

const answers = {
  givenName: 'Ada', familyName: 'Lovelace', birthDate: '1990-04-01', email: 'ada@example.org',
  phone: '07700900123', nationalInsuranceNumber: 'QQ123456C', addressLine1: '1 High Street',
  town: 'Leeds', postcode: 'LS1 1AA', membershipType: 'full', workplace: 'Acme Engineering',
  jobTitle: 'Fitter', weeklyHours: 37, getInvolved: ['rep', 'equality'],
  bankAccount: { accountHolder: 'Ada Lovelace', sortCode: '108800', accountNumber: '00012345' },
  collectionDay: '15', directDebitAuthority: true, consentNewsletter: true,
};

window.benchSaves = async (count) => {
  const drafts = await store;
  const times = [];
  for (let i = 0; i < count; i++) {
    const input = { stepId: 'employment', answers: { ...answers, jobTitle: 'Fitter ' + i } };
    const start = performance.now();
    await drafts.saveDraft(definition, input);
    times.push(performance.now() - start);
  }
  return times;
};
`;

async function bundle(): Promise<string> {
  const result = await build({
    stdin: { contents: pageSource, resolveDir: root, loader: 'ts', sourcefile: 'bench-page.ts' },
    bundle: true,
    format: 'esm',
    target: 'es2022',
    minify: true,
    write: false,
    conditions: ['source'],
    logLevel: 'silent',
  });
  return result.outputFiles[0]?.text ?? '';
}

function serve(script: string): Promise<Server> {
  const page =
    '<!doctype html><title>autosave bench</title><script type="module" src="/page.js"></script>';
  const server = createServer((request, response) => {
    if (request.url === '/page.js') {
      response.writeHead(200, { 'content-type': 'text/javascript' }).end(script);
    } else {
      response.writeHead(200, { 'content-type': 'text/html' }).end(page);
    }
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return Number((sorted[index] ?? Number.NaN).toFixed(2));
}

/** Runs the benchmark in a fresh headless Chromium profile and returns the numbers. */
export async function runAutosaveBench(
  options: AutosaveBenchOptions = {},
): Promise<AutosaveBenchResult> {
  const saves = options.saves ?? 200;
  const loads = options.loads ?? 20;
  const server = await serve(await bundle());
  const browser = await chromium.launch({
    executablePath: options.executablePath ?? process.env.CHROME_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run'],
  });
  try {
    const page = await (await browser.newContext()).newPage();
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    await page.goto(url);
    await page.waitForFunction(() => 'benchRestore' in window);
    // A few unmeasured writes first, so the database file exists and the code is warm.
    await page.evaluate(() => (window as unknown as BenchWindow).benchSaves(10));
    const times = await page.evaluate(
      (count) => (window as unknown as BenchWindow).benchSaves(count),
      saves,
    );
    const restores: number[] = [];
    for (let i = 0; i < loads; i++) {
      await page.reload();
      await page.waitForFunction(() => 'benchRestore' in window);
      const { ms, restored } = await page.evaluate(
        () => (window as unknown as BenchWindow).benchRestore,
      );
      if (!restored) throw new Error('The saved draft was not restored after a reload');
      restores.push(ms);
    }
    return {
      saves,
      saveP50Ms: percentile(times, 50),
      saveP95Ms: percentile(times, 95),
      loads,
      restoreMedianMs: percentile(restores, 50),
    };
  } finally {
    await browser.close();
    server.close();
  }
}

interface BenchWindow {
  benchSaves(count: number): Promise<number[]>;
  benchRestore: { ms: number; restored: boolean };
}

if (import.meta.main) {
  const { values } = parseArgs({
    options: { saves: { type: 'string' }, loads: { type: 'string' } },
  });
  const result = await runAutosaveBench({
    saves: values.saves ? Number(values.saves) : undefined,
    loads: values.loads ? Number(values.loads) : undefined,
  });
  console.log(
    `autosave: one draft write p50 ${result.saveP50Ms} ms, p95 ${result.saveP95Ms} ms (${result.saves} writes)`,
  );
  console.log(
    `autosave: page load to restored draft, median ${result.restoreMedianMs} ms (${result.loads} loads)`,
  );
}
