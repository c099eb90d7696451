import { randomUUID } from 'node:crypto';
import { checkConsentTexts, validateApplication, type FormDefinition } from '@union-join/sdk';
import { Hono, type Context } from 'hono';
import type { AppEnv } from '../app-env.ts';
import { sealApplication } from '../crypto/application-box.ts';
import { bodyDigest, matchesRequestHash, requestHash } from '../crypto/request-hash.ts';
import { HttpProblem } from '../http/http-problem.ts';
import { applyCors } from '../http/origin-policy.ts';
import { readJsonBody } from '../http/read-json-body.ts';
import { newApplicationId } from '../storage/application-id.ts';
import type { ApplicationRecord, DeliveryRecord } from '../storage/storage.ts';
import type { RouteDeps } from './route-deps.ts';

/** Header that makes a submission safe to retry. */
export const IDEMPOTENCY_KEY_HEADER = 'Idempotency-Key';

const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,255}$/;
const METHODS = 'POST, OPTIONS';

/** One validation problem as sent to the client. */
interface IssueView {
  path: (string | number)[];
  code: string;
  message: string;
}

function collectStrings(value: unknown, into: Set<string>): Set<string> {
  if (typeof value === 'string') {
    if (value.length >= 3) into.add(value);
  } else if (Array.isArray(value)) {
    for (const item of value) collectStrings(item, into);
  } else if (value !== null && typeof value === 'object') {
    for (const item of Object.values(value)) collectStrings(item, into);
  }
  return into;
}

/**
 * Issues as sent to the client. Messages are meant to be fixed text; as a second line of defence, a
 * message that contains any submitted value is replaced, so an error body never echoes an answer.
 * Strings the form definition itself publishes (ids, purposes, option values, labels) are not
 * answers, so a message naming one of them stays as specific as the sdk wrote it.
 */
function issueViews(
  issues: readonly IssueView[],
  body: unknown,
  definition: FormDefinition,
): IssueView[] {
  const published = collectStrings(definition, new Set());
  const submitted = [...collectStrings(body, new Set())].filter((value) => !published.has(value));
  return issues.map(({ path, code, message }) => {
    const echoes = submitted.some((value) => message.includes(value));
    return { path, code, message: echoes ? `The answer is not valid (${code}).` : message };
  });
}

function created(c: Context<AppEnv>, record: ApplicationRecord, replayed: boolean) {
  c.header('Location', `/v1/applications/${record.id}`);
  if (replayed) c.header('Idempotent-Replayed', 'true');
  return c.json({ id: record.id, receivedAt: new Date(record.receivedAt).toISOString() }, 201);
}

function reused(): HttpProblem {
  return new HttpProblem(
    400,
    'idempotency_key_reused',
    'This Idempotency-Key was already used for a different request body.',
  );
}

/** `POST /v1/forms/{formId}/applications`: validate, seal, store once, queue the webhook. */
export function applicationsRoutes(deps: RouteDeps): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  // Ages and consent times are judged by the server's clock, one function so its schema is cached.
  const now = () => new Date(deps.clock.now());

  routes.options('/v1/forms/:formId/applications', (c) => {
    applyCors(
      c,
      deps.origins,
      deps.forms.get(c.req.param('formId'))?.settings.allowedOrigins,
      METHODS,
    );
    return c.body(null, 204);
  });

  routes.post('/v1/forms/:formId/applications', async (c) => {
    const form = deps.forms.get(c.req.param('formId'));
    if (!applyCors(c, deps.origins, form?.settings.allowedOrigins, METHODS)) {
      throw new HttpProblem(403, 'origin_not_allowed', 'This origin may not submit to this form.');
    }
    if (!form) throw new HttpProblem(404, 'form_not_found', 'There is no form with this id.');

    const decision = deps.submissionLimiter.take(deps.clientIp(c));
    if (!decision.allowed) {
      throw new HttpProblem(429, 'rate_limited', 'Too many submissions; try again later.', {
        headers: { 'Retry-After': String(decision.retryAfterSeconds) },
      });
    }

    const idempotencyKey = c.req.header(IDEMPOTENCY_KEY_HEADER);
    if (idempotencyKey === undefined || idempotencyKey === '') {
      throw new HttpProblem(
        400,
        'idempotency_key_required',
        'The Idempotency-Key header is required.',
      );
    }
    if (!IDEMPOTENCY_KEY.test(idempotencyKey)) {
      throw new HttpProblem(
        400,
        'idempotency_key_required',
        'Send an Idempotency-Key header of 1 to 255 visible ASCII characters.',
      );
    }

    const body = await readJsonBody(c, deps.config.bodyLimitBytes);
    const digest = bodyDigest(form.id, body);

    // A retry of a stored submission gets the first answer again, before any other check.
    const previous = await deps.storage.findByIdempotencyKey(form.id, idempotencyKey);
    if (previous) {
      if (matchesRequestHash(deps.keyring, previous.requestHash, digest) === false) throw reused();
      return created(c, previous, true);
    }

    const result = validateApplication(form.definition, body, { now });
    const issues = result.ok
      ? await checkConsentTexts(form.definition, result.application)
      : result.issues;
    if (!result.ok || issues.length > 0) {
      return c.json(
        {
          error: 'validation_failed',
          message: 'The application has invalid answers.',
          issues: issueViews(issues, body, form.definition),
          requestId: c.get('requestId'),
        },
        422,
      );
    }

    const id = newApplicationId();
    const receivedAt = deps.clock.now();
    const box = sealApplication(deps.keyring, id, form.id, {
      application: result.application,
      bodyDigest: digest,
    });
    const record: ApplicationRecord = {
      id,
      formId: form.id,
      formVersion: result.application.formVersion,
      receivedAt,
      keyId: box.keyId,
      nonce: box.nonce,
      ciphertext: box.ciphertext,
      idempotencyKey,
      requestHash: requestHash(deps.keyring, digest),
      retrievedAt: null,
      deliveredAt: null,
    };
    const delivery: DeliveryRecord | undefined = form.settings.webhook && {
      id: randomUUID(),
      applicationId: id,
      formId: form.id,
      status: 'pending',
      attempts: 0,
      createdAt: receivedAt,
      nextAttemptAt: receivedAt,
      lastAttemptAt: null,
      lastStatus: null,
      lastError: null,
      deliveredAt: null,
    };
    const outcome = await deps.storage.insertApplication(record, delivery);
    if (!outcome.inserted) {
      // Another request with the same key won the race; answer as its retry would be answered.
      if (matchesRequestHash(deps.keyring, outcome.existing.requestHash, digest) === false) {
        throw reused();
      }
      return created(c, outcome.existing, true);
    }
    deps.logger.info('application_received', {
      formId: form.id,
      formVersion: record.formVersion,
      applicationId: id,
      requestId: c.get('requestId'),
    });
    if (delivery) deps.onDeliveryQueued();
    return created(c, record, false);
  });

  return routes;
}
