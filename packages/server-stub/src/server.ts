import { mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { serve, type ServerType } from '@hono/node-server';
import { AnalyticsRollupJob } from './analytics/rollup-job.ts';
import { createApp } from './app.ts';
import { systemClock, type Clock } from './clock.ts';
import type { Environment, ServerConfig } from './config.ts';
import { loadKeyring, type Keyring } from './crypto/keyring.ts';
import { KeyringError } from './errors.ts';
import { FormRegistry } from './forms/form-registry.ts';
import { createJsonLogger, type Logger } from './logger.ts';
import { RetentionJob } from './retention/retention-job.ts';
import { DATABASE_FILE, SqliteStorage } from './storage/sqlite-storage.ts';
import type { Storage } from './storage/storage.ts';
import { WebhookWorker } from './webhooks/webhook-worker.ts';

/** Options of {@link startServer} besides the configuration. */
export interface StartOptions {
  env?: Environment;
  logger?: Logger;
  clock?: Clock;
  fetch?: typeof fetch;
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

/** Opens the data directory's database and keyring, and checks every stored row has its key. */
export async function openDataDir(
  dataDir: string,
  env: Environment,
  logger: Logger,
): Promise<{ storage: SqliteStorage; keyring: Keyring }> {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const { keyring, source, looseFileMode } = loadKeyring({ dataDir, env });
  if (source === 'generated') logger.warn('data_key_generated', { keyId: keyring.current.id });
  if (looseFileMode) logger.warn('keyring_file_readable_by_others', { file: 'keyring.json' });
  const storage = new SqliteStorage({ path: join(dataDir, DATABASE_FILE) });
  const missing = (await storage.keyIdsInUse()).filter((id) => !keyring.get(id));
  if (missing.length > 0) {
    await storage.close();
    throw new KeyringError(
      `stored rows need data keys ${missing.join(', ')}, which the keyring does not hold ` +
        '(set UNION_JOIN_PREVIOUS_DATA_KEYS, or restore keyring.json)',
    );
  }
  return { storage, keyring };
}

/**
 * Loads forms, opens storage, listens, and starts the webhook worker and the retention job.
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
  if (forms.list().length === 0) logger.warn('no_forms', { formsDir: config.formsDir });
  if (config.adminTokens.length === 0) logger.warn('no_admin_tokens', {});
  const { storage, keyring } = await openDataDir(config.dataDir, env, logger);

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

  let server: ServerType;
  const address = await new Promise<AddressInfo>((resolve, reject) => {
    server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, (info) =>
      resolve(info),
    );
    server.once('error', reject);
  }).catch(async (error: unknown) => {
    await storage.close();
    throw error;
  });
  worker.start();
  retention.start();
  rollup.start();
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  const url = `http://${host}:${address.port}`;
  logger.info('listening', { url, forms: forms.list().length });

  return {
    url,
    port: address.port,
    storage,
    forms,
    close: async () => {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        if ('closeAllConnections' in server) server.closeAllConnections();
      });
      await worker.stop();
      await retention.stop();
      await rollup.stop();
      await storage.close();
    },
  };
}
