// A fake backend for outbox tests: it stores an application once per idempotency key and answers
// a repeated key with the stored result, like the real server. Its next answers can be scripted.
import type { Application } from '../src/application/index.ts';
import { ConnectionError } from '../src/errors/connection-error.ts';
import { ApiError } from '../src/errors/api-error.ts';
import type { OutboxClient } from '../src/drafts/index.ts';

/** What the fake server does with the next request. */
export type Scripted =
  | 'accept'
  | 'unavailable'
  | 'accept-then-lose-response'
  | 'network-error'
  | 'rejected'
  | 'rate-limited'
  | 'not-found';

/** A fake server and a client talking to it. */
export interface FakeServer {
  client: OutboxClient;
  /** Accepted applications, one per idempotency key. */
  stored: Map<string, { id: string; application: Application }>;
  /** Every request's idempotency key, in order. */
  requests: string[];
  /** Most requests that were in flight at once. */
  maxInFlight: number;
  script: Scripted[];
}

/** Creates a fake server whose requests take `latencyMs`, so racing senders would overlap. */
export function createFakeServer(latencyMs = 5): FakeServer {
  let inFlight = 0;
  const server: FakeServer = {
    stored: new Map(),
    requests: [],
    maxInFlight: 0,
    script: [],
    client: {
      async submit(application, { idempotencyKey }) {
        server.requests.push(idempotencyKey);
        inFlight++;
        server.maxInFlight = Math.max(server.maxInFlight, inFlight);
        try {
          await new Promise((resolve) => setTimeout(resolve, latencyMs));
          const next = server.script.shift() ?? 'accept';
          if (next === 'network-error')
            throw new ConnectionError({ cause: new TypeError('fetch') });
          if (next === 'unavailable') throw ApiError.from(503, { error: 'unavailable' });
          if (next === 'rate-limited') throw ApiError.from(429, { error: 'rate_limited' });
          if (next === 'not-found') throw ApiError.from(404, { error: 'not_found' });
          if (next === 'rejected') {
            throw ApiError.from(422, {
              error: 'validation_failed',
              issues: [{ path: ['answers', 'email'], code: 'invalid_email', message: 'Bad email' }],
            });
          }
          let entry = server.stored.get(idempotencyKey);
          if (!entry) {
            entry = { id: `app-${server.stored.size + 1}`, application };
            server.stored.set(idempotencyKey, entry);
          }
          if (next === 'accept-then-lose-response')
            throw ApiError.from(502, { error: 'bad_gateway' });
          return { id: entry.id, receivedAt: '2025-01-01T10:00:00.000Z', idempotencyKey };
        } finally {
          inFlight--;
        }
      },
    },
  };
  return server;
}

/** A small application with a bank detail and a national id, as a canary for plain-text storage. */
export function canaryApplication(formId = 'example-union'): Application {
  return {
    formId,
    formVersion: 1,
    locale: 'en',
    answers: {
      givenName: 'Ada',
      iban: 'GB82WEST12345698765432',
      nationalId: 'QQ123456C',
      bank: { accountHolder: 'Ada Lovelace', sortCode: '108800', accountNumber: '00012345' },
    },
    consents: [],
  } as unknown as Application;
}

/** Strings that must never appear in plain text in device storage. */
export const CANARIES = ['GB82WEST12345698765432', 'QQ123456C', '00012345', '108800'];

/** A form definition (as written) with a field of every type a draft handles specially. */
export function draftDefinitionJson(
  overrides: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    id: 'example-union',
    version: 1,
    organisation: { name: 'Example Union', privacyNoticeUrl: 'https://example.org/privacy' },
    locales: ['en'],
    drafts: { ttlDays: 14 },
    steps: [
      {
        id: 'about-you',
        title: 'About you',
        fields: [
          { id: 'givenName', type: 'text', label: 'First name', required: true, maxLength: 100 },
          { id: 'birthDate', type: 'date', label: 'Date of birth' },
          { id: 'email', type: 'email', label: 'Email' },
          { id: 'children', type: 'number', label: 'Children' },
          {
            id: 'nationalId',
            type: 'national-id',
            country: 'GB',
            label: 'National Insurance number',
          },
          { id: 'home', type: 'address', label: 'Home address' },
        ],
      },
      {
        id: 'work',
        title: 'Your work',
        fields: [
          {
            id: 'membershipType',
            type: 'choice',
            label: 'Membership',
            options: [
              { value: 'full', label: 'Full' },
              { value: 'student', label: 'Student' },
            ],
          },
          {
            id: 'interests',
            type: 'multi-choice',
            label: 'Interests',
            options: [
              { value: 'pay', label: 'Pay' },
              { value: 'safety', label: 'Safety' },
            ],
          },
          { id: 'shiftWorker', type: 'checkbox', label: 'I work shifts' },
        ],
      },
      {
        id: 'payment',
        title: 'Paying',
        fields: [
          { id: 'iban', type: 'iban', label: 'IBAN' },
          { id: 'bank', type: 'uk-bank-account', label: 'Bank account' },
        ],
      },
      {
        id: 'consent',
        title: 'Keeping in touch',
        fields: [
          {
            id: 'newsletter',
            type: 'consent',
            purpose: 'newsletter',
            label: 'Send me the newsletter',
          },
        ],
      },
    ],
    ...overrides,
  };
}

/** Answers to every field of {@link draftDefinitionJson}, sensitive ones included. */
export function fullAnswers(): Record<string, unknown> {
  return {
    givenName: 'Ada',
    birthDate: '1990-04-01',
    email: 'ada@example.org',
    children: 2,
    nationalId: 'QQ123456C',
    home: { line1: '1 High Street', town: 'Leeds', postcode: 'LS1 1AA', country: 'GB' },
    membershipType: 'full',
    interests: ['pay', 'safety'],
    shiftWorker: true,
    iban: 'GB82WEST12345698765432',
    bank: { accountHolder: 'Ada Lovelace', sortCode: '108800', accountNumber: '00012345' },
    newsletter: true,
  };
}

/** A promise with its resolve function, for waiting on a callback. */
export function deferred<T = void>(): { promise: Promise<T>; resolve: (value: T) => void } {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((done) => {
    resolve = done;
  });
  return { promise, resolve };
}
