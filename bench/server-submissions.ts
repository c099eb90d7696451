// Load benchmark of the reference server: valid submissions per second and latency, with
// encryption and durable (fsync'd WAL) writes, against 127.0.0.1 only. Bounded in requests and time.
// Run: node bench/server-submissions.ts   (prints numbers; asserts nothing)
import { spawn } from 'node:child_process';
import { createHash, randomUUID } from 'node:crypto';
import { Agent, request } from 'node:http';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

/** Options of {@link benchServerSubmissions}; every bound has a default. */
export interface SubmissionBenchOptions {
  /** Concurrent connections in the closed-loop (as fast as possible) phase. */
  connections?: number;
  /** Length of each phase in milliseconds. */
  durationMs?: number;
  /** Most requests in the closed-loop phase. */
  maxRequests?: number;
  /** Request rate of the fixed-rate phase. */
  fixedRate?: number;
}

/** Numbers of one benchmark run, in milliseconds and per second. */
export interface SubmissionBenchResult {
  closedLoop: {
    connections: number;
    requests: number;
    valid: number;
    validPerSecond: number;
    p50Ms: number;
    p99Ms: number;
  };
  fixedRate: { rate: number; requests: number; valid: number; p50Ms: number; p99Ms: number };
}

const root = new URL('..', import.meta.url).pathname;

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

function body(): string {
  const label = "Send me the members' newsletter";
  return JSON.stringify({
    formId: 'example-union',
    formVersion: 3,
    locale: 'en',
    answers: {
      givenName: 'Ada',
      birthDate: '1990-04-01',
      email: 'ada@example.org',
      membershipType: 'full',
      employer: 'Acme',
    },
    consents: [
      {
        purpose: 'newsletter',
        granted: true,
        textHash: `sha256:${createHash('sha256').update(label).digest('hex')}`,
        at: new Date().toISOString(),
      },
    ],
  });
}

function post(url: URL, agent: Agent, payload: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method: 'POST',
        agent,
        headers: {
          'Content-Type': 'application/json',
          'Content-Length': Buffer.byteLength(payload),
          'Idempotency-Key': randomUUID(),
        },
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

async function startServer(): Promise<{ url: string; stop: () => Promise<void> }> {
  const child = spawn(
    process.execPath,
    ['--conditions=source', 'bench/support/submissions-server.ts'],
    { cwd: root, stdio: ['pipe', 'pipe', 'inherit'] },
  );
  const lines = createInterface({ input: child.stdout });
  const url = await new Promise<string>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`the bench server exited with ${code}`)));
    lines.once('line', (line) => resolve((JSON.parse(line) as { url: string }).url));
  });
  return {
    url,
    stop: () =>
      new Promise((resolve) => {
        child.removeAllListeners('exit');
        child.once('exit', () => resolve());
        child.stdin.end();
      }),
  };
}

/** Runs both phases against a fresh server in a child process and returns the numbers. */
export async function benchServerSubmissions(
  options: SubmissionBenchOptions = {},
): Promise<SubmissionBenchResult> {
  const connections = options.connections ?? 16;
  const durationMs = options.durationMs ?? 5_000;
  const maxRequests = options.maxRequests ?? 50_000;
  const rate = options.fixedRate ?? 500;
  const server = await startServer();
  const url = new URL('/v1/forms/example-union/applications', server.url);
  const payload = body();
  try {
    // Warm-up: JIT, SQLite page cache, connection pool.
    const warm = new Agent({ keepAlive: true, maxSockets: 4 });
    await Promise.all(Array.from({ length: 200 }, () => post(url, warm, payload)));
    warm.destroy();

    // Closed loop: each connection sends its next request as soon as the last one is answered.
    const agent = new Agent({ keepAlive: true, maxSockets: connections });
    const latencies: number[] = [];
    let sent = 0;
    let valid = 0;
    const started = performance.now();
    const deadline = started + durationMs;
    await Promise.all(
      Array.from({ length: connections }, async () => {
        while (performance.now() < deadline && sent < maxRequests) {
          sent += 1;
          const t0 = performance.now();
          const status = await post(url, agent, payload);
          latencies.push(performance.now() - t0);
          if (status === 201) valid += 1;
        }
      }),
    );
    const elapsed = (performance.now() - started) / 1000;
    agent.destroy();
    latencies.sort((a, b) => a - b);

    // Open loop at a fixed rate; latency counts from the scheduled start, so a stall shows.
    const fixedAgent = new Agent({ keepAlive: true, maxSockets: 256 });
    const fixedLatencies: number[] = [];
    let fixedValid = 0;
    const total = Math.round((rate * durationMs) / 1000);
    const origin = performance.now();
    const pending: Promise<void>[] = [];
    for (let i = 0; i < total; i++) {
      const due = origin + (i * 1000) / rate;
      const wait = due - performance.now();
      if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
      pending.push(
        post(url, fixedAgent, payload).then((status) => {
          fixedLatencies.push(performance.now() - due);
          if (status === 201) fixedValid += 1;
        }),
      );
    }
    await Promise.all(pending);
    fixedAgent.destroy();
    fixedLatencies.sort((a, b) => a - b);

    return {
      closedLoop: {
        connections,
        requests: sent,
        valid,
        validPerSecond: valid / elapsed,
        p50Ms: percentile(latencies, 50),
        p99Ms: percentile(latencies, 99),
      },
      fixedRate: {
        rate,
        requests: total,
        valid: fixedValid,
        p50Ms: percentile(fixedLatencies, 50),
        p99Ms: percentile(fixedLatencies, 99),
      },
    };
  } finally {
    await server.stop();
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const result = await benchServerSubmissions();
  const { closedLoop: c, fixedRate: f } = result;
  console.log('server-stub submissions (127.0.0.1, AES-256-GCM, SQLite WAL synchronous=FULL)');
  console.log(
    `  closed loop, ${c.connections} connections: ${c.validPerSecond.toFixed(0)} valid submissions/s ` +
      `(${c.valid}/${c.requests} valid), p50 ${c.p50Ms.toFixed(2)} ms, p99 ${c.p99Ms.toFixed(2)} ms`,
  );
  console.log(
    `  fixed ${f.rate} req/s: p50 ${f.p50Ms.toFixed(2)} ms, p99 ${f.p99Ms.toFixed(2)} ms ` +
      `(${f.valid}/${f.requests} valid)`,
  );
}
