// The one test command: lint, typecheck, build, Node suites, browser suites and end-to-end journeys.
// Each step's own closing counts are summed; lint, typecheck and build count as one check each.
// The last line is always `N passed, N failed`.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

type Counter = 'check' | 'tap' | 'summary';
interface Step {
  name: string;
  command: string;
  args: string[];
  counter: Counter;
  timeoutMs: number;
}

const root = new URL('..', import.meta.url).pathname;
const node = process.execPath;
const bin = (name: string) => join(root, 'node_modules', '.bin', name);

/** Test files of one kind across all packages, so an empty package is simply skipped. */
function nodeTestFiles(): string[] {
  const files: string[] = [];
  for (const pkg of readdirSync(join(root, 'packages'))) {
    const dir = join(root, 'packages', pkg, 'test');
    if (!existsSync(dir)) continue;
    for (const file of readdirSync(dir)) {
      if (file.endsWith('.test.ts')) files.push(join('packages', pkg, 'test', file));
    }
  }
  return files;
}

function hasBrowserTests(): boolean {
  return readdirSync(join(root, 'packages')).some((pkg) =>
    existsSync(join(root, 'packages', pkg, 'test', 'browser')),
  );
}

function e2eTestFiles(): string[] {
  const dir = join(root, 'e2e');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((file) => file.endsWith('.test.ts'))
    .map((file) => join('e2e', file));
}

const only = process.argv.slice(2);
const minutes = 60_000;
const steps: Step[] = [
  {
    name: 'lint',
    command: 'pnpm',
    args: ['run', 'lint'],
    counter: 'check',
    timeoutMs: 5 * minutes,
  },
  {
    name: 'typecheck',
    command: 'pnpm',
    args: ['run', 'typecheck'],
    counter: 'check',
    timeoutMs: 5 * minutes,
  },
  {
    name: 'build',
    command: 'pnpm',
    args: ['run', 'build'],
    counter: 'check',
    timeoutMs: 5 * minutes,
  },
  {
    name: 'node',
    command: node,
    args: [
      '--conditions=source',
      '--test',
      '--test-reporter=tap',
      '--test-timeout=120000',
      ...nodeTestFiles(),
    ],
    counter: 'tap',
    timeoutMs: 10 * minutes,
  },
  {
    name: 'browser',
    command: bin('web-test-runner'),
    args: [],
    counter: 'summary',
    timeoutMs: 10 * minutes,
  },
  {
    name: 'e2e',
    command: node,
    args: [
      '--conditions=source',
      '--test',
      '--test-reporter=tap',
      '--test-timeout=180000',
      ...e2eTestFiles(),
    ],
    counter: 'tap',
    timeoutMs: 10 * minutes,
  },
].filter(
  (step) =>
    (only.length === 0 || only.includes(step.name)) &&
    (step.name !== 'browser' || hasBrowserTests()),
) as Step[];

interface Result {
  name: string;
  passed: number;
  failed: number;
  skipped: number;
  seconds?: number;
}

function lastNumber(output: string, pattern: RegExp): number | undefined {
  const matches = [...output.matchAll(pattern)];
  const last = matches.at(-1);
  return last ? Number(last[1]) : undefined;
}

function count(step: Step, output: string, exitCode: number | null): Result {
  const result: Result = { name: step.name, passed: 0, failed: 0, skipped: 0 };
  if (step.counter === 'check') {
    if (exitCode === 0) result.passed = 1;
    else result.failed = 1;
    return result;
  }
  if (step.counter === 'tap') {
    result.passed = lastNumber(output, /^# pass (\d+)$/gm) ?? 0;
    result.failed =
      (lastNumber(output, /^# fail (\d+)$/gm) ?? 0) +
      (lastNumber(output, /^# cancelled (\d+)$/gm) ?? 0);
    result.skipped =
      (lastNumber(output, /^# skipped (\d+)$/gm) ?? 0) +
      (lastNumber(output, /^# todo (\d+)$/gm) ?? 0);
  } else {
    const line = [...output.matchAll(/^(\d+) passed, (\d+) failed(?:, (\d+) skipped)?$/gm)].at(-1);
    if (line) {
      result.passed = Number(line[1]);
      result.failed = Number(line[2]);
      result.skipped = Number(line[3] ?? 0);
    }
  }
  // A runner that crashed or exited non-zero without reporting a failure still failed.
  if (exitCode !== 0 && result.failed === 0) result.failed = 1;
  return result;
}

function run(step: Step): Promise<Result> {
  const started = performance.now();
  return new Promise((resolve) => {
    if (step.counter === 'tap' && !step.args.some((arg) => arg.endsWith('.test.ts'))) {
      resolve({ name: step.name, passed: 0, failed: 0, skipped: 0 });
      return;
    }
    console.log(`\n=== ${step.name}: ${[step.command, ...step.args].join(' ')}`);
    const child = spawn(step.command, step.args, {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1' },
      detached: true,
    });
    let output = '';
    const collect = (chunk: Buffer, sink: NodeJS.WriteStream) => {
      output += chunk.toString();
      sink.write(chunk);
    };
    child.stdout.on('data', (chunk: Buffer) => collect(chunk, process.stdout));
    child.stderr.on('data', (chunk: Buffer) => collect(chunk, process.stderr));
    const timer = setTimeout(() => {
      console.error(
        `\n${step.name} did not finish within ${step.timeoutMs / 1000} s; stopping it.`,
      );
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        child.kill('SIGKILL');
      }
    }, step.timeoutMs);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ ...count(step, output, code), seconds: (performance.now() - started) / 1000 });
    });
  });
}

const results: Result[] = [];
for (const step of steps) results.push(await run(step));

console.log('\nSummary');
for (const r of results) {
  const skipped = r.skipped ? `, ${r.skipped} skipped` : '';
  const took = r.seconds === undefined ? '' : ` (${r.seconds.toFixed(0)} s)`;
  console.log(`  ${r.name.padEnd(10)} ${r.passed} passed, ${r.failed} failed${skipped}${took}`);
}
const passed = results.reduce((sum, r) => sum + r.passed, 0);
const failed = results.reduce((sum, r) => sum + r.failed, 0);
const skipped = results.reduce((sum, r) => sum + r.skipped, 0);
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exitCode = failed === 0 && passed > 0 ? 0 : 1;
