import { Hono, type Context } from 'hono';
import type { AppEnv } from '../app-env.ts';
import { openApplication } from '../crypto/application-box.ts';
import { applicationTable, type ApplicationView } from '../export/application-table.ts';
import { toCsv } from '../export/csv.ts';
import { accessReason } from '../http/access-reason.ts';
import { adminAuth } from '../http/admin-auth.ts';
import { HttpProblem } from '../http/http-problem.ts';
import { securityHeaders } from '../http/security-headers.ts';
import { normaliseApplicationId } from '../storage/application-id.ts';
import type { ApplicationRecord, DeliveryRecord } from '../storage/storage.ts';
import type { RouteDeps } from './route-deps.ts';

const FORM_ID = /^[a-z0-9][a-z0-9-]{0,63}$/;
const MAX_PAGE = 1000;

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

const DAY_MS = 86_400_000;

/** A day (taken as UTC), or a time with its zone; nothing `Date.parse` would guess at. */
const ISO_DATE_OR_TIME =
  /^(\d{4}-\d{2}-\d{2})(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?(?:Z|[+-]\d{2}:\d{2}))?$/;

/**
 * Reads a `from`/`to` filter. `Date.parse` alone would take "01/02/2025" as 2 January (US order)
 * and "2025-02-30" as 2 March, so an export could silently cover other days than staff meant.
 * A day as `to` takes in the whole day.
 */
function parseTime(value: string | undefined, name: string): number | undefined {
  if (value === undefined || value === '') return undefined;
  const day = ISO_DATE_OR_TIME.exec(value)?.[1];
  const ms = day === undefined ? Number.NaN : Date.parse(value);
  const midnight = day === undefined ? Number.NaN : Date.parse(`${day}T00:00:00Z`);
  const realDay =
    day !== undefined &&
    !Number.isNaN(midnight) &&
    new Date(midnight).toISOString().startsWith(day);
  if (Number.isNaN(ms) || !realDay) {
    throw new HttpProblem(
      400,
      'invalid_query',
      `"${name}" must be an ISO 8601 date (2025-03-01) or a time with its zone (2025-03-01T09:30:00Z).`,
    );
  }
  // "to=2025-03-01" means up to the end of that day, as staff read it, not its first instant.
  return name === 'to' && value === day ? ms + DAY_MS : ms;
}

function parseCursor(value: string | undefined): { receivedAt: number; id: string } | undefined {
  if (value === undefined || value === '') return undefined;
  const decoded = Buffer.from(value, 'base64url').toString('utf8');
  const [time, id] = decoded.split('/');
  if (!time || !/^\d+$/.test(time) || !id || normaliseApplicationId(id) !== id) {
    throw new HttpProblem(400, 'invalid_query', '"cursor" is not one this server issued.');
  }
  return { receivedAt: Number(time), id };
}

function cursorFor(record: ApplicationRecord): string {
  return Buffer.from(`${record.receivedAt}/${record.id}`, 'utf8').toString('base64url');
}

function deliveryView(delivery: DeliveryRecord) {
  return {
    id: delivery.id,
    status: delivery.status,
    attempts: delivery.attempts,
    createdAt: iso(delivery.createdAt),
    lastAttemptAt: iso(delivery.lastAttemptAt),
    lastStatus: delivery.lastStatus,
    lastError: delivery.lastError,
    deliveredAt: iso(delivery.deliveredAt),
  };
}

function wantsCsv(c: Context): boolean {
  const format = c.req.query('format');
  if (format !== undefined) {
    if (format !== 'csv' && format !== 'json') {
      throw new HttpProblem(400, 'invalid_query', '"format" must be "json" or "csv".');
    }
    return format === 'csv';
  }
  const accept = c.req.header('accept') ?? '';
  return /\btext\/csv\b/i.test(accept) && !/\bapplication\/json\b/i.test(accept);
}

/**
 * Admin API over stored applications: list and export (JSON or CSV), read one (portability),
 * erase one, mark one retrieved. Every call that reads, erases or marks something is written to the
 * access log with the token's name; a 404 (nothing there) is not.
 */
export function adminApplicationsRoutes(deps: RouteDeps): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  const auth = adminAuth({
    tokens: deps.config.adminTokens,
    failures: deps.authFailureLimiter,
    clientIp: deps.clientIp,
    logger: deps.logger,
  });
  const headers = securityHeaders('admin');
  const reason = accessReason();

  const view = (record: ApplicationRecord): ApplicationView => {
    let application: ApplicationView['application'];
    try {
      application = openApplication(deps.keyring, record);
    } catch (error) {
      deps.logger.error('decryption_failed', {
        applicationId: record.id,
        error: error instanceof Error ? error.name : 'unknown',
      });
      application = null;
    }
    return {
      id: record.id,
      formId: record.formId,
      formVersion: record.formVersion,
      receivedAt: new Date(record.receivedAt).toISOString(),
      retrievedAt: iso(record.retrievedAt),
      deliveredAt: iso(record.deliveredAt),
      application,
    };
  };

  const log = (c: Context<AppEnv>, action: string, formId: string | null, ids: string[]) => {
    const reason = c.get('accessReason');
    return deps.storage.appendAccessLog({
      at: deps.clock.now(),
      actor: c.get('adminName'),
      action,
      formId,
      applicationIds: ids,
      count: ids.length,
      ...(reason === undefined ? {} : { reason }),
    });
  };

  // Staff read references off a screen or over the phone: any case and the grouping hyphens match.
  const applicationId = (c: Context<AppEnv>) => {
    const id = normaliseApplicationId(c.req.param('id') ?? '');
    if (id === undefined) {
      throw new HttpProblem(404, 'application_not_found', 'There is no application with this id.');
    }
    return id;
  };

  routes.get('/v1/forms/:formId/applications', headers, auth, reason, async (c) => {
    const formId = c.req.param('formId');
    if (!FORM_ID.test(formId)) {
      throw new HttpProblem(404, 'form_not_found', 'There is no form with this id.');
    }
    const receivedFrom = parseTime(c.req.query('from'), 'from');
    const receivedBefore = parseTime(c.req.query('to'), 'to');
    const base = { formId, receivedFrom, receivedBefore };

    if (wantsCsv(c)) {
      const records: ApplicationRecord[] = [];
      for (let after: ApplicationRecord | undefined; ;) {
        const page = await deps.storage.listApplications({ ...base, after, limit: MAX_PAGE });
        records.push(...page);
        if (page.length < MAX_PAGE) break;
        after = page.at(-1);
      }
      const views = records.map(view);
      await log(
        c,
        'application.export',
        formId,
        records.map((record) => record.id),
      );
      const { header, rows } = applicationTable(views, deps.forms.get(formId)?.definition);
      c.header('Content-Type', 'text/csv; charset=utf-8');
      c.header('Content-Disposition', `attachment; filename="${formId}-applications.csv"`);
      return c.body(toCsv(header, rows), 200);
    }

    const limitText = c.req.query('limit') ?? '100';
    if (!/^\d+$/.test(limitText) || Number(limitText) < 1 || Number(limitText) > MAX_PAGE) {
      throw new HttpProblem(400, 'invalid_query', `"limit" must be between 1 and ${MAX_PAGE}.`);
    }
    const limit = Number(limitText);
    const after = parseCursor(c.req.query('cursor'));
    const records = await deps.storage.listApplications({ ...base, after, limit: limit + 1 });
    const page = records.slice(0, limit);
    await log(
      c,
      'application.list',
      formId,
      page.map((record) => record.id),
    );
    const last = page.at(-1);
    // `next` is absent on the last page.
    return c.json({
      applications: page.map(view),
      ...(records.length > limit && last ? { next: cursorFor(last) } : {}),
    });
  });

  routes.get('/v1/applications/:id', headers, auth, reason, async (c) => {
    const id = applicationId(c);
    const record = await deps.storage.getApplication(id);
    if (!record)
      throw new HttpProblem(404, 'application_not_found', 'There is no application with this id.');
    await log(c, 'application.read', record.formId, [id]);
    const deliveries = await deps.storage.listDeliveries(id);
    return c.json({ ...view(record), deliveries: deliveries.map(deliveryView) });
  });

  routes.delete('/v1/applications/:id', headers, auth, reason, async (c) => {
    const id = applicationId(c);
    const record = await deps.storage.getApplication(id);
    const deleted = await deps.storage.deleteApplication(id);
    if (!deleted)
      throw new HttpProblem(404, 'application_not_found', 'There is no application with this id.');
    await log(c, 'application.delete', record?.formId ?? null, [id]);
    return c.body(null, 204);
  });

  routes.post('/v1/applications/:id/retrieved', headers, auth, reason, async (c) => {
    const id = applicationId(c);
    const record = await deps.storage.markRetrieved(id, deps.clock.now());
    if (!record)
      throw new HttpProblem(404, 'application_not_found', 'There is no application with this id.');
    await log(c, 'application.retrieved', record.formId, [id]);
    return c.json({ id, retrievedAt: iso(record.retrievedAt) });
  });

  return routes;
}
