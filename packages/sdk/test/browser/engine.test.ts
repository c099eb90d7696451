import { expect } from '@open-wc/testing';
import {
  FormDefinitionError,
  createFormSession,
  formatIssue,
  parseFormDefinition,
  safeParseFormDefinition,
  validateApplication,
} from '@union-join/sdk';
import { designExample } from '../definition-fixtures.ts';

// Known-answer vectors: `printf %s "<text>" | sha256sum`.
const NEWSLETTER_EN = 'sha256:3460a90f70f65b884f60631c741c789a2af449952ba16abd653f6a2924a68af3';
const NEWSLETTER_NB = 'sha256:7f3414ef1af862c81caf7f0c345f4cbda7dc22dbd204b80105db156d5650e68c';

function definition() {
  const form = designExample();
  const consent = (form.steps as { fields: Record<string, unknown>[] }[])[2]!.fields[0]!;
  consent.label = { en: "Send me the members' newsletter", nb: 'Send meg nyhetsbrevet' };
  return parseFormDefinition(form);
}

describe('sdk engine in the browser', () => {
  it('parses a definition and reports a typo with its path', () => {
    expect(definition().id).to.equal('example-union');
    const form = designExample();
    (form.steps as { fields: Record<string, unknown>[] }[])[1]!.fields[0]!.type = 'emial';
    const result = safeParseFormDefinition(form);
    expect(result.ok).to.equal(false);
    if (result.ok) return;
    expect(result.error).to.be.instanceOf(FormDefinitionError);
    expect(result.error.message).to.contain('steps[1].fields[0].type: unknown field type "emial"');
  });

  it('runs a session: visibility, normalisation, validation and messages', () => {
    const session = createFormSession(definition(), { locale: 'en' });
    expect(session.validateStep('about-you').map((issue) => issue.code)).to.deep.equal([
      'required',
      'required',
      'required',
    ]);
    session.set('givenName', '  Ada ');
    session.set('birthDate', { day: '1', month: '4', year: '1990' });
    session.set('email', 'ada@example');
    expect(session.get('givenName')).to.equal('Ada');
    expect(session.get('birthDate')).to.equal('1990-04-01');
    const [issue] = session.validateStep('about-you');
    expect(formatIssue(issue!, 'en', 'Email')).to.equal(
      'Enter an email address in the correct format, like name@example.com',
    );
    expect(session.isVisible('employer')).to.equal(false);
    session.set('membershipType', 'full');
    expect(session.isVisible('employer')).to.equal(true);
  });

  it('hashes the consent text shown with WebCrypto, in the locale shown', async () => {
    const session = createFormSession(definition(), {
      locale: 'en',
      now: new Date('2025-06-01T10:00:00Z'),
    });
    session.set('givenName', 'Ada');
    session.set('birthDate', '1990-04-01');
    session.set('email', 'ada@example.org');
    session.set('membershipType', 'student');
    session.set('newsletter', true);
    const en = await session.toApplication();
    expect(en.consents).to.deep.equal([
      {
        purpose: 'newsletter',
        granted: true,
        textHash: NEWSLETTER_EN,
        at: '2025-06-01T10:00:00.000Z',
      },
    ]);
    session.locale = 'nb';
    const nb = await session.toApplication();
    expect(nb.consents[0]!.textHash).to.equal(NEWSLETTER_NB);
    expect(validateApplication(definition(), nb).ok).to.equal(true);
  });
});
