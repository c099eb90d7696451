import type { TestContext } from 'node:test';
import { createApp } from '../../src/app.ts';
import { loadKeyring } from '../../src/crypto/keyring.ts';
import { FormRegistry, loadForm } from '../../src/forms/form-registry.ts';
import { silentLogger } from '../../src/logger.ts';
import { SqliteStorage } from '../../src/storage/sqlite-storage.ts';
import { BRANCHING_DEFINITION } from './analytics-forms.ts';
import { ADMIN, EXAMPLE_DEFINITION, ManualClock } from './test-server.ts';
import { tempDir } from './temp-dir.ts';

export { journey, type JourneyStep } from './analytics-journeys.ts';
export { BRANCHING_DEFINITION } from './analytics-forms.ts';

/** An in-process app with the example and branching forms over SQLite in a temporary directory. */
export function createAnalyticsServer(
  t: TestContext,
  clock = new ManualClock(),
  extraDefinitions: readonly unknown[] = [],
) {
  const dataDir = tempDir(t);
  const storage = new SqliteStorage({ path: `${dataDir}/union-join.sqlite` });
  t.after(() => storage.close());
  const forms = new FormRegistry(
    [EXAMPLE_DEFINITION, BRANCHING_DEFINITION, ...extraDefinitions].map((d) => loadForm(d)),
  );
  const app = createApp({
    config: {
      adminTokens: [ADMIN],
      allowedOrigins: [],
      allowLocalhostOrigins: false,
      rateLimitPerMinute: 0,
      trustProxy: 0,
      bodyLimitBytes: 64 * 1024,
      staticDir: undefined,
      elementDir: undefined,
    },
    forms,
    storage,
    keyring: loadKeyring({ dataDir, env: {} }).keyring,
    clock,
    logger: silentLogger,
    clientIp: () => '192.0.2.1',
  });
  return { app, storage, forms, clock, dataDir };
}

/** POSTs an events batch the way `navigator.sendBeacon` does (text/plain). */
export function postEvents(
  app: ReturnType<typeof createApp>,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<Response> {
  return Promise.resolve(
    app.request('/v1/events', {
      method: 'POST',
      headers: { 'Content-Type': 'text/plain;charset=UTF-8', ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    }),
  );
}

/** GETs a funnel with the admin token. */
export async function getFunnel(
  app: ReturnType<typeof createApp>,
  formId: string,
  query = '',
): Promise<Response> {
  return app.request(`/v1/forms/${formId}/funnel${query}`, {
    headers: { Authorization: `Bearer ${ADMIN.token}` },
  });
}
