// `pnpm bench`: one table of the numbers that matter to the people who use this, measured here:
// what the element costs to download, how soon a phone-class CPU can use it, what autosave costs,
// and how many submissions the reference server takes. Prints numbers; asserts nothing.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { cpus, platform, release } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { launchOptions } from '../e2e/support/browser.ts';
import { elementDir, startDemoServer } from '../e2e/support/demo-server.ts';
import { runAutosaveBench } from './autosave.ts';
import { benchServerSubmissions } from './server-submissions.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const RUNS = 10;
const CPU_SLOWDOWN = 4;

/** Sizes in bytes of the self-registering element bundle as shipped, and compressed. */
function bundleSizes(): { min: number; gzip: number; brotli: number } {
  const code = readFileSync(join(elementDir, 'union-join-form.js'));
  return {
    min: code.length,
    gzip: gzipSync(code, { level: 9 }).length,
    brotli: brotliCompressSync(code, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: 11,
        [constants.BROTLI_PARAM_SIZE_HINT]: code.length,
      },
    }).length,
  };
}

/**
 * Milliseconds from navigation start to the element's first `union-join-step` event (the first
 * step drawn and ready for input) on the script-tag page, in a fresh profile each time (nothing
 * cached), with the CPU slowed down `CPU_SLOWDOWN` times. Median of `RUNS`.
 */
async function firstInteractiveStep(): Promise<{ median: number; min: number; max: number }> {
  const demo = await startDemoServer();
  const browser = await chromium.launch(launchOptions);
  const times: number[] = [];
  try {
    for (let run = 0; run < RUNS; run++) {
      const context = await browser.newContext({ viewport: { width: 360, height: 640 } });
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
      await page.addInitScript(() => {
        document.addEventListener(
          'union-join-step',
          () => {
            (window as unknown as { firstStepAt: number }).firstStepAt = performance.now();
          },
          { once: true },
        );
      });
      await page.goto(`${demo.url}/script-tag/`);
      const handle = await page.waitForFunction(
        () => (window as unknown as { firstStepAt?: number }).firstStepAt,
        undefined,
        { timeout: 30_000 },
      );
      times.push(Number(await handle.jsonValue()));
      await context.close();
    }
  } finally {
    await browser.close();
    await demo.close();
  }
  times.sort((a, b) => a - b);
  const middle = times.length / 2;
  const median = (times[Math.floor(middle - 0.5)]! + times[Math.ceil(middle - 0.5)]!) / 2;
  return { median, min: times[0]!, max: times.at(-1)! };
}

const bytes = (n: number) => `${n.toLocaleString('en-GB')} B`;
const ms = (n: number) => `${n.toFixed(n < 10 ? 2 : 0)} ms`;

if (!existsSync(join(elementDir, 'union-join-form.js'))) {
  console.info('Building first (the element bundle is missing)...');
  const build = spawnSync('pnpm', ['run', '--silent', 'build'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

console.info('Measuring: bundle, first step (10 loads), autosave, server load. About a minute.');
const sizes = bundleSizes();
const first = await firstInteractiveStep();
const autosave = await runAutosaveBench();
const server = await benchServerSubmissions();
const { closedLoop, fixedRate } = server;

const cpu = cpus();
const machine = `${cpu.length} × ${cpu[0]?.model.trim() ?? 'unknown CPU'}, ${platform()} ${release()}, Node ${process.version}`;
const rows: [string, string][] = [
  ['Element bundle `union-join-form.js`, minified', bytes(sizes.min)],
  ['… gzip -9', bytes(sizes.gzip)],
  ['… brotli -q 11', bytes(sizes.brotli)],
  [
    `Navigation to first interactive step, Chromium, ${CPU_SLOWDOWN}× CPU slowdown (median of ${RUNS}; min–max)`,
    `${ms(first.median)} (${ms(first.min)}–${ms(first.max)})`,
  ],
  [
    `Autosave: one draft write to IndexedDB, p50 / p95 (${autosave.saves} writes)`,
    `${ms(autosave.saveP50Ms)} / ${ms(autosave.saveP95Ms)}`,
  ],
  [
    `Autosave: page load to restored draft (median of ${autosave.loads})`,
    ms(autosave.restoreMedianMs),
  ],
  [
    `Server: valid submissions per second (${closedLoop.connections} connections, encrypted, fsync)`,
    `${Math.round(closedLoop.validPerSecond).toLocaleString('en-GB')}/s (${closedLoop.valid}/${closedLoop.requests} valid)`,
  ],
  ['Server: latency at full load, p50 / p99', `${ms(closedLoop.p50Ms)} / ${ms(closedLoop.p99Ms)}`],
  [
    `Server: latency at a steady ${fixedRate.rate} submissions/s, p50 / p99`,
    `${ms(fixedRate.p50Ms)} / ${ms(fixedRate.p99Ms)}`,
  ],
];

const width = Math.max(...rows.map(([name]) => name.length));
const valueWidth = Math.max(...rows.map(([, value]) => value.length));
console.log(`\n${new Date().toISOString().slice(0, 10)}, ${machine}\n`);
console.log(`| ${'measure'.padEnd(width)} | ${'value'.padEnd(valueWidth)} |`);
console.log(`| ${'-'.repeat(width)} | ${'-'.repeat(valueWidth)} |`);
for (const [name, value] of rows) {
  console.log(`| ${name.padEnd(width)} | ${value.padEnd(valueWidth)} |`);
}
