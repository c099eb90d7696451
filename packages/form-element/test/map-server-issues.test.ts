import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createFormSession, parseFormDefinition, type Application } from '@union-join/sdk';
import { mapServerIssues } from '../src/internal/map-server-issues.ts';
import { exampleUnion } from './browser/fixtures/definitions.ts';

const definition = parseFormDefinition(exampleUnion);
const application: Application = {
  formId: 'example-union',
  formVersion: 3,
  locale: 'en',
  answers: {},
  consents: [
    {
      purpose: 'newsletter',
      granted: false,
      textHash: `sha256:${'0'.repeat(64)}`,
      at: '2025-01-01T00:00:00.000Z',
    },
  ],
};

function session() {
  const s = createFormSession(definition, { locale: 'en' });
  s.set('membershipType', 'full');
  return s;
}

test('maps answers paths to their field, in the order of the form', () => {
  const { fieldIssues, unmapped } = mapServerIssues(session(), application, [
    { path: ['answers', 'employer'], code: 'required', message: 'x' },
    { path: ['answers', 'email'], code: 'invalid_email', message: 'x' },
    { path: ['answers', 'email'], code: 'too_long', message: 'x' },
  ]);
  assert.deepEqual(fieldIssues, [
    { field: 'email', code: 'invalid_email' },
    { field: 'employer', code: 'required' },
  ]);
  assert.deepEqual(unmapped, []);
});

test('maps a consent record to the consent field with that purpose', () => {
  const { fieldIssues } = mapServerIssues(session(), application, [
    { path: ['consents', 0, 'granted'], code: 'consent_required', message: 'x' },
  ]);
  assert.deepEqual(fieldIssues, [{ field: 'newsletter', code: 'consent_required' }]);
});

test('keeps issues that name no visible field, or an unknown code, apart', () => {
  const s = createFormSession(definition, { locale: 'en' });
  s.set('membershipType', 'student');
  const { fieldIssues, unmapped } = mapServerIssues(s, application, [
    { path: ['formVersion'], code: 'invalid_version', message: 'x' },
    { path: ['answers', 'employer'], code: 'required', message: 'hidden field' },
    { path: ['answers', 'nope'], code: 'required', message: 'unknown field' },
    { path: ['consents', 5], code: 'consent_required', message: 'no such record' },
    { path: ['answers', 'email'], code: 'made_up_code', message: 'unknown code' },
  ]);
  assert.deepEqual(fieldIssues, []);
  assert.equal(unmapped.length, 5);
});
