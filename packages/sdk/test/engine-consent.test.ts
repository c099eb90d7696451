import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, it } from 'node:test';
import { parseFormDefinition } from '../src/definition/index.ts';
import {
  ApplicationNotReadyError,
  createFormSession,
  hashConsentText,
} from '../src/engine/index.ts';
import { designExample, everyFieldType } from './definition-fixtures.ts';

const sha256 = (text: string) =>
  `sha256:${createHash('sha256').update(text, 'utf8').digest('hex')}`;

/** A clock the test moves forward by hand. */
function clock(start: string) {
  let time = new Date(start).getTime();
  return {
    now: () => new Date(time),
    set: (at: string) => {
      time = new Date(at).getTime();
    },
  };
}

function completed(time = clock('2025-06-01T10:00:00Z')) {
  const session = createFormSession(parseFormDefinition(designExample()), {
    locale: 'en',
    now: time.now,
  });
  session.set('givenName', ' Ada ');
  session.set('birthDate', { day: '10', month: '12', year: '1985' });
  session.set('email', 'ada@example.org');
  session.set('membershipType', 'student');
  return session;
}

describe('hashConsentText', () => {
  it('is "sha256:" and the hex SHA-256 of the UTF-8 text', async () => {
    for (const text of [
      '',
      "Send me the members' newsletter",
      'Send meg nyhetsbrevet – på bokmål ✓',
    ]) {
      assert.equal(await hashConsentText(text), sha256(text));
    }
  });
});

describe('toApplication', () => {
  it('holds the asked answers, normalised, and leaves out hidden ones', async () => {
    const session = completed();
    session.set('employer', 'Acme');
    const application = await session.toApplication();
    assert.deepEqual(application.answers, {
      givenName: 'Ada',
      birthDate: '1985-12-10',
      email: 'ada@example.org',
      membershipType: 'student',
    });
    assert.equal(application.formId, 'example-union');
    assert.equal(application.formVersion, 3);
    assert.equal(application.locale, 'en');
  });

  it('records a consent with the hash of the exact label shown and when it was given', async () => {
    const time = clock('2025-06-01T10:00:00Z');
    const session = completed(time);
    time.set('2025-06-01T10:05:00Z');
    session.set('newsletter', true);
    time.set('2025-06-01T11:00:00Z');
    const { answers, consents } = await session.toApplication();
    assert.equal(Object.hasOwn(answers, 'newsletter'), false, 'a consent is not an answer');
    assert.deepEqual(consents, [
      {
        purpose: 'newsletter',
        granted: true,
        textHash: sha256("Send me the members' newsletter"),
        at: '2025-06-01T10:05:00.000Z',
      },
    ]);
  });

  it('records the time a consent was last changed, and a withdrawn consent as not granted', async () => {
    const time = clock('2025-06-01T10:00:00Z');
    const session = completed(time);
    time.set('2025-06-01T10:01:00Z');
    session.set('newsletter', true);
    time.set('2025-06-01T10:02:00Z');
    session.set('newsletter', false);
    time.set('2025-06-01T12:00:00Z');
    const [record] = (await session.toApplication()).consents;
    assert.equal(record!.granted, false);
    assert.equal(record!.at, '2025-06-01T10:02:00.000Z');
  });

  it('records a consent never touched as not granted, at the time of sending', async () => {
    const time = clock('2025-06-01T10:00:00Z');
    const session = completed(time);
    time.set('2025-06-01T10:30:00Z');
    const [record] = (await session.toApplication()).consents;
    assert.equal(record!.granted, false);
    assert.equal(record!.at, '2025-06-01T10:30:00.000Z');
  });

  it('keeps that time when the same application is built again, so a resend is the same request', async () => {
    const time = clock('2025-06-01T10:00:00Z');
    const session = completed(time);
    const first = await session.toApplication();
    time.set('2025-06-01T10:02:00Z');
    assert.deepEqual(await session.toApplication(), first);
    session.set('newsletter', false);
    const declined = (await session.toApplication()).consents[0]!;
    assert.equal(declined.at, '2025-06-01T10:02:00.000Z', 'a box touched is timed anew');
  });

  it('keeps the time a consent restored from a draft was given, not the time of restoring', async () => {
    const time = clock('2025-06-01T10:00:00Z');
    const first = completed(time);
    time.set('2025-06-01T10:05:00Z');
    first.set('newsletter', true);
    const saved = first.consentAt();
    assert.deepEqual(saved, { newsletter: '2025-06-01T10:05:00.000Z' });

    time.set('2025-06-03T08:00:00Z');
    const restored = createFormSession(first.definition, {
      locale: 'en',
      now: time.now,
      answers: first.answers(),
      consentAt: saved,
    });
    const [record] = (await restored.toApplication()).consents;
    assert.equal(record!.granted, true);
    assert.equal(record!.at, '2025-06-01T10:05:00.000Z');

    const resumed = completed(time);
    resumed.set('newsletter', true, saved.newsletter);
    assert.equal((await resumed.toApplication()).consents[0]!.at, '2025-06-01T10:05:00.000Z');
  });

  it('records the time of restoring for a restored consent time in the future or not a time', async () => {
    const time = clock('2025-06-01T10:00:00Z');
    for (const at of ['2031-01-01T00:00:00Z', 'yesterday', '']) {
      const session = completed(time);
      session.set('newsletter', true, at);
      assert.deepEqual(session.consentAt(), { newsletter: '2025-06-01T10:00:00.000Z' }, at);
    }
  });

  it('lists no time for a consent not answered', () => {
    const session = completed();
    assert.deepEqual(session.consentAt(), {});
    session.set('newsletter', true);
    session.set('newsletter', undefined);
    assert.deepEqual(session.consentAt(), {});
  });

  it('hashes the label in the locale the applicant sees', async () => {
    const definition = parseFormDefinition(everyFieldType());
    const session = createFormSession(definition, {
      locale: 'sv',
      now: new Date('2025-06-01T10:00:00Z'),
    });
    session.set('terms', true);
    const sv = (await session.toApplication()).consents.find(
      (c) => c.purpose === 'membership-terms',
    );
    assert.equal(sv!.textHash, sha256('Jag godkänner stadgarna'));
    session.locale = 'en';
    const en = (await session.toApplication()).consents.find(
      (c) => c.purpose === 'membership-terms',
    );
    assert.equal(en!.textHash, sha256('I accept the rules'));
    assert.equal((await session.toApplication()).locale, 'en');
  });

  it('refuses while answers are missing or invalid, naming fields and codes but no answer', async () => {
    const session = completed();
    session.set('email', 'ada-at-example.org');
    await assert.rejects(session.toApplication(), (error: unknown) => {
      assert.ok(error instanceof ApplicationNotReadyError);
      assert.deepEqual(error.issues, [{ field: 'email', code: 'invalid_email' }]);
      assert.match(error.message, /email \(invalid_email\)/);
      assert.equal(error.message.includes('ada-at-example'), false);
      return true;
    });
  });

  it('refuses for an applicant who may not join online', async () => {
    const session = completed();
    session.set('birthDate', '2013-01-01');
    await assert.rejects(session.toApplication(), (error: unknown) => {
      assert.ok(error instanceof ApplicationNotReadyError);
      assert.deepEqual(error.eligibility, { eligible: false, reason: 'under_13', minimumAge: 16 });
      return true;
    });
  });

  it('leaves out a consent that is not asked', async () => {
    const form = designExample();
    const consent = (form.steps as { fields: Record<string, unknown>[] }[])[2]!.fields[0]!;
    consent.showIf = { field: 'membershipType', equals: 'full' };
    const session = createFormSession(parseFormDefinition(form), { locale: 'en' });
    session.set('givenName', 'Ada');
    session.set('birthDate', '1985-12-10');
    session.set('email', 'ada@example.org');
    session.set('membershipType', 'student');
    session.set('newsletter', true);
    assert.deepEqual((await session.toApplication()).consents, []);
  });
});
