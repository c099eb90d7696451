// Public entry of @union-join/server-stub: build the app in-process or start a listening server.
export { createApp, type AppConfig, type AppOptions } from './app.ts';
export type { AppEnv } from './app-env.ts';
export { startServer, openDataDir, type RunningServer, type StartOptions } from './server.ts';
export { main, type CliIo } from './cli.ts';
export {
  parseCommand,
  HELP,
  type ServerConfig,
  type AdminToken,
  type Command,
  type Environment,
} from './config.ts';
export { systemClock, type Clock } from './clock.ts';
export { createJsonLogger, silentLogger, type Logger, type LogFields } from './logger.ts';
export * from './errors.ts';
export { Keyring, loadKeyring, generateDataKey, keyIdFor, type DataKey } from './crypto/keyring.ts';
export { rotateDataKey, type RotationResult } from './crypto/rotate-data-key.ts';
export { FormRegistry, loadForm, type LoadedForm } from './forms/form-registry.ts';
export type { FormServerSettings } from './forms/form-server-settings.ts';
export type * from './storage/storage.ts';
export { SqliteStorage, DATABASE_FILE } from './storage/sqlite-storage.ts';
export { SQLITE_MIGRATIONS, type SqliteMigration } from './storage/sqlite-migrations.ts';
export { WebhookWorker, type WebhookWorkerOptions } from './webhooks/webhook-worker.ts';
export type { WebhookPayload } from './webhooks/webhook-payload.ts';
export { DEFAULT_RETRY_SCHEDULE, type RetrySchedule } from './webhooks/retry-schedule.ts';
export { RetentionJob, type RetentionJobOptions } from './retention/retention-job.ts';
export { toCsv, csvCell } from './export/csv.ts';
