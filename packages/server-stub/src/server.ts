import { accessSync, constants, mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { createAdaptorServer, type ServerType } from '@hono/node-server';
import type { Hono } from 'hono';
import type { AppEnv } from './app-env.ts';
import { AnalyticsRollupJob } from './analytics/rollup-job.ts';
import { createApp } from './app.ts';
import { systemClock, type Clock } from './clock.ts';
import type { Environment, ServerConfig } from './config.ts';
import { loadKeyring, saveGeneratedKeyring, type Keyring } from './crypto/keyring.ts';
import { DataDirError, KeyringError, ListenError } from './errors.ts';
import { FormRegistry } from './forms/form-registry.ts';
import { answerClientError } from './http/answer-client-error.ts';
import { markRequestTimedOut } from './http/client-gone.ts';
import { createJsonLogger, type Logger } from './logger.ts';
import { RetentionJob } from './retention/retention-job.ts';
import { DATABASE_FILE, SqliteStorage } from './storage/sqlite-storage.ts';
import type { Storage } from './storage/storage.ts';
import { WebhookWorker } from './webhooks/webhook-worker.ts';

/** How long a client may take to send a request, in milliseconds. */
export interface RequestTimeouts {
  /** To send the request line and headers. */
  headersMs: number;
  /** To send the whole request, body included. */
  requestMs: number;
  /** How often connections are checked against the two limits. */
  checkIntervalMs: number;
}

/**
 * Node's defaults (60 s for headers, 300 s for a request, checked every 30 s) let a client that
 * trickles a byte at a time hold a connection for five minutes. An application is a few KiB and
 * the body limit 64 KiB, which a phone on 2G sends in under 30 s.
 */
export const REQUEST_TIMEOUTS: RequestTimeouts = {
  headersMs: 20_000,
  requestMs: 60_000,
  checkIntervalMs: 5_000,
};

/** Options of {@link startServer} besides the configuration. */
export interface StartOptions {
  env?: Environment;
  logger?: Logger;
  clock?: Clock;
  fetch?: typeof fetch;
  /** Limits on slow clients (default {@link REQUEST_TIMEOUTS}). */
  timeouts?: RequestTimeouts;
}

/** A listening server. */
export interface RunningServer {
  /** Base URL, e.g. `http://127.0.0.1:8787`. */
  url: string;
  port: number;
  storage: Storage;
  forms: FormRegistry;
  /** Stops listening, lets the webhook worker and retention finish, closes the database. */
  close(): Promise<void>;
}

function errorCode(error: unknown): string | undefined {
  return error instanceof Error && 'code' in error && typeof error.code === 'string'
    ? error.code
    : undefined;
}

/** Creates the data directory if needed, and checks that this process can write in it. */
function prepareDataDir(dataDir: string): void {
  try {
    mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    accessSync(dataDir, constants.W_OK | constants.X_OK);
  } catch (cause) {
    const reasons: Record<string, string> = {
      EACCES: 'permission denied',
      EPERM: 'permission denied',
      EROFS: 'read-only file system',
      EEXIST: 'a file of that name is in the way',
      ENOTDIR: 'part of the path is a file',
    };
    const code = errorCode(cause);
    const reason = (code && reasons[code]) ?? code ?? 'unknown error';
    throw new DataDirError(
      `data directory ${dataDir} cannot be written (${reason}); ` +
        'choose another with --data or UNION_JOIN_DATA_DIR',
      { cause },
    );
  }
}

/** Binds `server`, or explains in one line why the address cannot be used. */
async function listen(server: ServerType, port: number, host: string): Promise<AddressInfo> {
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host, () => {
        server.off('error', reject);
        resolve();
      });
    });
  } catch (cause) {
    const code = errorCode(cause);
    const message =
      code === 'EADDRINUSE'
        ? `port ${port} is already in use; choose another with --port or UNION_JOIN_PORT`
        : code === 'EACCES'
          ? `port ${port} needs privileges this user does not have; ` +
            'choose one above 1023 with --port or UNION_JOIN_PORT'
          : code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND' || code === 'EAI_AGAIN'
            ? `cannot listen on ${host}: not an address of this machine; ` +
              'choose another with --host or UNION_JOIN_HOST'
            : `cannot listen on ${host} port ${port} (${code ?? 'unknown error'})`;
    throw new ListenError(message, { cause });
  }
  return server.address() as AddressInfo;
}

function closeServer(server: ServerType): Promise<void> {
  return new Promise<void>((resolve) => {
    if (!server.listening) return resolve();
    server.close(() => resolve());
    if ('closeAllConnections' in server) server.closeAllConnections();
  });
}

/**
 * Opens the data directory's database and keyring, and checks every stored row has its key.
 * Throws {@link DataDirError} when the directory cannot be created or written.
 */
export async function openDataDir(
  dataDir: string,
  env: Environment,
  logger: Logger,
): Promise<{ storage: SqliteStorage; keyring: Keyring }> {
  prepareDataDir(dataDir);
  // A generated key is written only once the rows are known to be readable: a start refused
  // below leaves no new key behind.
  const { keyring, source, looseFileMode, fileCurrentId } = loadKeyring({
    dataDir,
    env,
    writeGenerated: false,
  });
  if (looseFileMode) logger.warn('keyring_file_readable_by_others', { file: 'keyring.json' });
  const storage = new SqliteStorage({ path: join(dataDir, DATABASE_FILE) });
  const inUse = await storage.keyIdsInUse();
  const missing = inUse.filter((id) => !keyring.get(id));
  if (missing.length > 0) {
    await storage.close();
    throw new KeyringError(
      `stored rows need data keys ${missing.join(', ')}, which the keyring does not hold ` +
        '(set UNION_JOIN_PREVIOUS_DATA_KEYS, or restore keyring.json)',
    );
  }
  const currentId = keyring.current.id;
  if (fileCurrentId !== undefined && fileCurrentId !== currentId && !inUse.includes(currentId)) {
    // Rows sealed under the environment key would show it was moved to on purpose (rotate-key);
    // without any, it is most likely the wrong secret, and new rows would be sealed under it.
    const mismatch =
      `UNION_JOIN_DATA_KEY (key ${currentId}) is not the current key of keyring.json ` +
      `(key ${fileCurrentId}), and no stored row is sealed under it`;
    if (inUse.length > 0) {
      await storage.close();
      throw new KeyringError(
        `${mismatch}; set UNION_JOIN_DATA_KEY to the current key, or move to the new one with ` +
          'rotate-key (UNION_JOIN_DATA_KEY=<current> UNION_JOIN_NEW_DATA_KEY=<new>)',
      );
    }
    // Nothing stored yet, so nothing to lose: the start goes on, loudly.
    logger.warn('data_key_not_keyring_file_key', { keyId: currentId, fileKeyId: fileCurrentId });
  }
  if (source === 'generated') {
    saveGeneratedKeyring(dataDir, keyring);
    logger.warn('data_key_generated', { keyId: currentId });
  }
  return { storage, keyring };
}

/**
 * Loads forms, listens, opens storage, and starts the webhook worker and the retention job.
 * The port is bound before anything is written to the data directory, so a taken port
 * ({@link ListenError}) leaves no new data key behind.
 *
 * @example
 * const server = await startServer(parseCommand(['--port', '0'], process.env).config);
 * console.info(server.url);
 * await server.close();
 */
export async function startServer(
  config: ServerConfig,
  options: StartOptions = {},
): Promise<RunningServer> {
  const env = options.env ?? process.env;
  const logger = options.logger ?? createJsonLogger();
  const clock = options.clock ?? systemClock;
  const forms = FormRegistry.fromDirectory(config.formsDir, env);
  // Requests that arrive before the storage is open are asked to come back in a moment.
  let handle: Hono<AppEnv>['fetch'] = () =>
    Response.json({ error: 'unavailable' }, { status: 503, headers: { 'Retry-After': '1' } });
  const timeouts = options.timeouts ?? REQUEST_TIMEOUTS;
  const server = createAdaptorServer({
    fetch: (request, bindings) => handle(request, bindings),
    hostname: config.host,
    serverOptions: {
      headersTimeout: timeouts.headersMs,
      requestTimeout: timeouts.requestMs,
      connectionsCheckingInterval: timeouts.checkIntervalMs,
    },
  });
  server.on('clientError', (error: Error & { code?: string }, socket) => {
    if (error.code === 'ERR_HTTP_REQUEST_TIMEOUT') markRequestTimedOut(socket);
    const status = answerClientError(error, socket);
    if (status !== undefined) logger.info('client_error', { status, code: error.code ?? null });
  });
  const address = await listen(server, config.port, config.host);

  let opened: Awaited<ReturnType<typeof openDataDir>>;
  try {
    opened = await openDataDir(config.dataDir, env, logger);
  } catch (error) {
    await closeServer(server);
    throw error;
  }
  const { storage, keyring } = opened;
  // Only now, so that a start that fails prints nothing but its reason.
  if (forms.list().length === 0) logger.warn('no_forms', { formsDir: config.formsDir });
  for (const problem of forms.problems) {
    logger.error('form_not_loaded', { file: problem.file, problem: problem.message });
  }
  if (config.adminTokens.length === 0) logger.warn('no_admin_tokens', {});

  const worker = new WebhookWorker({
    storage,
    forms,
    keyring,
    clock,
    logger,
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
  const retention = new RetentionJob({
    storage,
    forms,
    retentionDays: config.retentionDays,
    undeliveredMaxDays: config.undeliveredMaxDays,
    clock,
    logger,
  });
  const rollup = new AnalyticsRollupJob({ analytics: storage.analytics, clock, logger });
  const app = createApp({
    config,
    forms,
    storage,
    keyring,
    clock,
    logger,
    onDeliveryQueued: () => worker.nudge(),
  });
  handle = app.fetch;

  worker.start();
  retention.start();
  rollup.start();
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  const url = `http://${host}:${address.port}`;
  logger.info('listening', {
    url,
    forms: forms.list().length,
    formsNotLoaded: forms.problems.length,
  });

  return {
    url,
    port: address.port,
    storage,
    forms,
    close: async () => {
      await closeServer(server);
      await worker.stop();
      await retention.stop();
      await rollup.stop();
      await storage.close();
    },
  };
}
