import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TestContext } from 'node:test';
import { hashConsentText } from '@union-join/sdk';
import { createApp, type AppConfig } from '../../src/app.ts';
import type { Clock } from '../../src/clock.ts';
import { loadKeyring, type Keyring } from '../../src/crypto/keyring.ts';
import { FormRegistry, loadForm } from '../../src/forms/form-registry.ts';
import type { FormServerSettings } from '../../src/forms/form-server-settings.ts';
import type { ClientIpResolver } from '../../src/http/client-ip.ts';
import { createJsonLogger } from '../../src/logger.ts';
import { DATABASE_FILE, SqliteStorage } from '../../src/storage/sqlite-storage.ts';
import { tempDir } from './temp-dir.ts';

/** Directory of the form definitions the tests use. */
export const FORMS_DIR = new URL('../forms/', import.meta.url).pathname;

/** The example definition from the design, as parsed JSON. */
export const EXAMPLE_DEFINITION = JSON.parse(
  readFileSync(join(FORMS_DIR, 'example-union.json'), 'utf8'),
) as Record<string, unknown>;

/** An admin token the test servers accept, and its name. */
export const ADMIN = { name: 'staff', token: 'test-admin-token-0123456789abcdef' };

/** A clock tests move by hand. */
export class ManualClock implements Clock {
  #now: number;
  constructor(start = Date.parse('2025-03-01T09:00:00Z')) {
    this.#now = start;
  }
  now(): number {
    return this.#now;
  }
  advance(ms: number): void {
    this.#now += ms;
  }
}

/** A valid application to the example form; `answers` entries can be overridden. */
export async function validApplication(
  answers: Record<string, unknown> = {},
): Promise<Record<string, unknown>> {
  return {
    formId: 'example-union',
    formVersion: 3,
    locale: 'en',
    answers: {
      givenName: 'Ada',
      birthDate: '1990-04-01',
      email: 'ada@example.org',
      membershipType: 'full',
      employer: 'Acme',
      ...answers,
    },
    consents: [
      {
        purpose: 'newsletter',
        granted: true,
        textHash: await hashConsentText("Send me the members' newsletter"),
        at: '2025-03-01T08:59:00.000Z',
      },
    ],
  };
}

/** Options of {@link createTestServer}. */
export interface TestServerOptions {
  dataDir?: string;
  settings?: Partial<FormServerSettings>;
  config?: Partial<AppConfig>;
  clock?: ManualClock;
  env?: Record<string, string | undefined>;
  clientIp?: ClientIpResolver;
  /** Forms served beside the example form, with default settings. */
  extraDefinitions?: readonly unknown[];
}

/** An in-process app over real SQLite storage in a temporary data directory. */
export interface TestServer {
  app: ReturnType<typeof createApp>;
  storage: SqliteStorage;
  keyring: Keyring;
  forms: FormRegistry;
  clock: ManualClock;
  dataDir: string;
  databaseFile: string;
  logLines: string[];
  deliveriesQueued: number;
  close(): Promise<void>;
}

/** Builds the app the way the server does, without listening. */
export function createTestServer(t: TestContext, options: TestServerOptions = {}): TestServer {
  const dataDir = options.dataDir ?? tempDir(t);
  const clock = options.clock ?? new ManualClock();
  const keyring = loadKeyring({ dataDir, env: options.env ?? {} }).keyring;
  const databaseFile = join(dataDir, DATABASE_FILE);
  const storage = new SqliteStorage({ path: databaseFile });
  const forms = new FormRegistry([
    loadForm(EXAMPLE_DEFINITION, { allowedOrigins: [], ...options.settings }),
    ...(options.extraDefinitions ?? []).map((definition) => loadForm(definition)),
  ]);
  const logLines: string[] = [];
  const server: TestServer = {
    app: undefined as unknown as TestServer['app'],
    storage,
    keyring,
    forms,
    clock,
    dataDir,
    databaseFile,
    logLines,
    deliveriesQueued: 0,
    close: () => storage.close(),
  };
  server.app = createApp({
    config: {
      adminTokens: [ADMIN],
      allowedOrigins: [],
      allowLocalhostOrigins: false,
      rateLimitPerMinute: 0,
      trustProxy: 0,
      bodyLimitBytes: 64 * 1024,
      staticDir: undefined,
      elementDir: undefined,
      ...options.config,
    },
    forms,
    storage,
    keyring,
    clock,
    logger: createJsonLogger((line) => logLines.push(line)),
    clientIp: options.clientIp ?? (() => '192.0.2.1'),
    onDeliveryQueued: () => {
      server.deliveriesQueued += 1;
    },
  });
  t.after(() => storage.close());
  return server;
}

/** POSTs an application with an Idempotency-Key (a fresh one unless given). */
export function submit(
  server: TestServer,
  body: unknown,
  {
    key = crypto.randomUUID(),
    headers = {},
  }: { key?: string | null; headers?: Record<string, string> } = {},
): Promise<Response> {
  return Promise.resolve(
    server.app.request('/v1/forms/example-union/applications', {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        ...(key === null ? {} : { 'Idempotency-Key': key }),
        ...headers,
      },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    }),
  );
}

/** Makes an admin API request with the test token. */
export function admin(server: TestServer, path: string, init: RequestInit = {}): Promise<Response> {
  return Promise.resolve(
    server.app.request(path, {
      ...init,
      headers: {
        Authorization: `Bearer ${ADMIN.token}`,
        ...(init.headers as Record<string, string>),
      },
    }),
  );
}
