import type { TestContext } from 'node:test';
import type { createApp } from '../../src/app.ts';
import { BRANCHING_DEFINITION } from './analytics-forms.ts';
import { ADMIN, createTestServer, ManualClock, type TestServer } from './test-server.ts';

export { journey, type JourneyStep } from './analytics-journeys.ts';
export { BRANCHING_DEFINITION } from './analytics-forms.ts';

/** An in-process app with the example and branching forms over SQLite in a temporary directory. */
export function createAnalyticsServer(
  t: TestContext,
  clock = new ManualClock(),
  extraDefinitions: readonly unknown[] = [],
): TestServer {
  return createTestServer(t, {
    clock,
    extraDefinitions: [BRANCHING_DEFINITION, ...extraDefinitions],
  });
}

/** POSTs an events batch the way the form does (text/plain). */
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
