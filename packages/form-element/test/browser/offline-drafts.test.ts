import { expect, fixture, html } from '@open-wc/testing';
import { parseFormDefinition } from '@union-join/sdk';
import { createDraftStore, openDraftStorage } from '@union-join/sdk/drafts';
import { http, HttpResponse } from 'msw';
import type { UnionJoinResumeEvent } from '../../src/events/resume-event.ts';
import type { UnionJoinSuccessEvent } from '../../src/events/success-event.ts';
import type { UnionJoinForm } from '../../src/union-join-form.ts';
import { useMockApi, worker } from './fixtures/api.ts';
import { exampleUnion } from './fixtures/definitions.ts';
import {
  deviceText,
  eventually,
  leavePage,
  reopen,
  storedKeys,
  withoutIndexedDb,
} from './fixtures/device.ts';
import {
  $,
  back,
  button,
  clearDevice,
  continueOn,
  heading,
  mount,
  nextEvent,
  option,
  root,
  textOf,
  type,
  fillAboutYou,
  answerToReview,
} from './fixtures/helpers.ts';

const DAY = 24 * 60 * 60 * 1000;

/** A one-step form asking for identity and bank details, none of which may reach the device. */
const bankForm = {
  id: 'bank-form',
  version: 1,
  organisation: { name: 'Example Workers Union', privacyNoticeUrl: 'https://example.org/privacy' },
  locales: ['en'],
  steps: [
    {
      id: 'you',
      title: 'You',
      fields: [
        { id: 'givenName', type: 'text', label: 'First name', required: true },
        { id: 'nino', type: 'national-id', country: 'GB', label: 'National Insurance number' },
        { id: 'iban', type: 'iban', label: 'IBAN' },
        { id: 'bank', type: 'uk-bank-account', label: 'Bank account' },
      ],
    },
  ],
};

/** Answers the first two steps and stops on the second, with everything saved on the device. */
async function leaveOnSecondStep(): Promise<UnionJoinForm> {
  const el = await mount(exampleUnion);
  await fillAboutYou(el);
  await continueOn(el);
  option(el, 'membershipType', 'Full').click();
  await el.updateComplete;
  await type(el, 'uj-employer', 'Acme');
  leavePage();
  await eventually(async () => (await deviceText()).includes('Acme'), 'the draft');
  el.remove();
  return el;
}

/** The form shows the offer to continue, once it has looked at the device. */
async function offered(el: UnionJoinForm): Promise<void> {
  await eventually(() => heading(el).startsWith('You have an unfinished application'), 'the offer');
}

describe('<union-join-form> drafts', () => {
  useMockApi();

  it('resumes on "Check your answers" when that is where the applicant left', async () => {
    const el = await mount(exampleUnion);
    await answerToReview(el);
    expect(heading(el)).to.equal('Check your answers');
    leavePage();
    await eventually(async () => (await deviceText()).includes('#review'), 'the draft');
    el.remove();
    const next = await reopen(exampleUnion);
    await offered(next);
    button(next, 'Continue your application').click();
    await next.updateComplete;
    expect(heading(next)).to.equal('Check your answers');
  });

  it('offers an unfinished application after a reload and restores its step and answers', async () => {
    await leaveOnSecondStep();
    const el = await reopen(exampleUnion);
    await offered(el);
    expect(heading(el)).to.equal('You have an unfinished application from a moment ago');
    await expect(el).to.be.accessible();
    const resumed = nextEvent<UnionJoinResumeEvent>(el, 'union-join-resume');
    button(el, 'Continue your application').click();
    expect(Date.parse((await resumed).detail.savedAt ?? '')).to.be.closeTo(Date.now(), 60_000);
    await el.updateComplete;
    expect(heading(el)).to.equal('Your work');
    expect($<HTMLInputElement>(el, '#uj-employer').value).to.equal('Acme');
    expect(option(el, 'membershipType', 'Full').checked).to.equal(true);
    expect(el.shadowRoot?.activeElement?.id, 'focus on the step heading').to.equal('uj-heading');
    await back(el);
    expect($<HTMLInputElement>(el, '#uj-givenName').value).to.equal('Ada');
    expect($<HTMLInputElement>(el, '#uj-email').value).to.equal('ada@example.org');
  });

  it('stores one application when the same draft is sent from two tabs', async () => {
    // The server's idempotency: a key seen before returns what it stored, or refuses another body.
    const stored = new Map<string, { body: string; id: string }>();
    worker.use(
      http.post('/v1/forms/example-union/applications', async ({ request }) => {
        const key = request.headers.get('idempotency-key') ?? '';
        const body = await request.text();
        const previous = stored.get(key);
        if (previous && previous.body !== body) {
          return HttpResponse.json({ error: 'idempotency_key_reused' }, { status: 400 });
        }
        const id = previous?.id ?? `APP${stored.size + 1}`.padEnd(16, '0');
        stored.set(key, { body, id });
        return HttpResponse.json({ id, receivedAt: new Date().toISOString() }, { status: 201 });
      }),
    );
    const first = await leaveOnSecondStep().then(() => reopen(exampleUnion));
    await offered(first);
    button(first, 'Continue your application').click();
    await first.updateComplete;
    const second = await reopen(exampleUnion);
    await offered(second);
    button(second, 'Continue your application').click();
    await second.updateComplete;
    for (const tab of [first, second]) {
      await continueOn(tab);
      await continueOn(tab);
      expect(heading(tab)).to.equal('Check your answers');
    }
    button(first, 'Send application').click();
    await eventually(() => heading(first) === 'Application sent', 'the first confirmation');
    button(second, 'Send application').click();
    // The same answers get the first tab's reference; a body that differs (an untouched consent is
    // timed when sent) is told it was already sent. Either way the server has one application.
    await eventually(
      () =>
        heading(second) === 'Application sent' ||
        root(second).querySelector('[role="alert"]') !== null,
      'the second tab’s outcome',
    );
    expect(stored.size, 'one application on the server').to.equal(1);
    if (heading(second) === 'Application sent') {
      expect(textOf($(second, '.reference'))).to.equal(textOf($(first, '.reference')));
    } else {
      expect(textOf($(second, '[role="alert"]'))).to.contain('already been sent');
    }
  });

  it('says an application already stored was not sent again when its answers changed after', async () => {
    worker.use(
      http.post('/v1/forms/example-union/applications', () =>
        HttpResponse.json({ error: 'idempotency_key_reused' }, { status: 400 }),
      ),
    );
    const el = await leaveOnSecondStep().then(() => reopen(exampleUnion));
    await offered(el);
    button(el, 'Continue your application').click();
    await el.updateComplete;
    await continueOn(el);
    await continueOn(el);
    button(el, 'Send application').click();
    await eventually(() => root(el).querySelector('[role="alert"]') !== null, 'the notice');
    const notice = textOf($(el, '[role="alert"]'));
    expect(notice).to.contain('already been sent').and.to.contain('Example Workers Union');
    expect(notice).not.to.contain('not been sent yet');
  });

  it('asks again for an identity number not kept on the device, on its own step, and says so', async () => {
    const twoSteps = {
      ...bankForm,
      id: 'two-steps',
      steps: [
        {
          id: 'you',
          title: 'You',
          fields: [
            { id: 'givenName', type: 'text', label: 'First name', required: true },
            { id: 'nino', type: 'national-id', country: 'GB', label: 'NI number', required: true },
          ],
        },
        {
          id: 'work',
          title: 'Work',
          fields: [{ id: 'employer', type: 'text', label: 'Employer', required: true }],
        },
      ],
    };
    const el = await mount(twoSteps);
    await type(el, 'uj-givenName', 'Ada');
    await type(el, 'uj-nino', 'AB 12 34 56 C');
    await continueOn(el);
    expect(heading(el)).to.equal('Work');
    await type(el, 'uj-employer', 'Acme');
    leavePage();
    await eventually(async () => (await deviceText()).includes('Acme'), 'the draft');
    el.remove();
    const next = await reopen(twoSteps);
    await offered(next);
    expect(textOf($(next, '[part~="form"]'))).to.contain(
      'identity numbers and bank details are not saved on the device',
    );
    button(next, 'Continue your application').click();
    await next.updateComplete;
    expect(heading(next), 'the step whose answer must be given again').to.equal('You');
    expect($<HTMLInputElement>(next, '#uj-givenName').value).to.equal('Ada');
    expect($<HTMLInputElement>(next, '#uj-nino').value).to.equal('');
  });

  for (const [given, opens] of [
    [true, 'You'],
    [false, 'Work'],
  ] as const) {
    it(`${given ? 'asks again for an optional IBAN it did not keep' : 'does not stop at an optional IBAN never given'}, on return`, async () => {
      const optional = {
        ...bankForm,
        id: 'optional-iban',
        steps: [
          {
            id: 'you',
            title: 'You',
            fields: [
              { id: 'givenName', type: 'text', label: 'First name', required: true },
              { id: 'refunds', type: 'iban', label: 'IBAN for refunds' },
            ],
          },
          {
            id: 'work',
            title: 'Work',
            fields: [{ id: 'employer', type: 'text', label: 'Employer', required: true }],
          },
        ],
      };
      const el = await mount(optional);
      await type(el, 'uj-givenName', 'Ada');
      if (given) await type(el, 'uj-refunds', 'GB82 WEST 1234 5698 7654 32');
      await continueOn(el);
      await type(el, 'uj-employer', 'Acme');
      leavePage();
      await eventually(async () => (await deviceText()).includes('Acme'), 'the draft');
      expect(await deviceText()).not.to.contain('WEST');
      el.remove();
      const next = await reopen(optional);
      await offered(next);
      button(next, 'Continue your application').click();
      await next.updateComplete;
      expect(heading(next)).to.equal(opens);
    });
  }

  it('keeps a half-typed date of birth across a reload, box by box', async () => {
    const el = await mount(exampleUnion);
    await type(el, 'uj-givenName', 'Ada');
    await type(el, 'uj-birthDate', '10');
    await type(el, 'uj-birthDate-month', '12');
    leavePage();
    await eventually(async () => (await deviceText()).includes('Ada'), 'the draft');
    el.remove();
    const next = await reopen(exampleUnion);
    await offered(next);
    button(next, 'Continue your application').click();
    await next.updateComplete;
    expect(heading(next)).to.equal('About you');
    expect($<HTMLInputElement>(next, '#uj-birthDate').value, 'day').to.equal('10');
    expect($<HTMLInputElement>(next, '#uj-birthDate-month').value, 'month').to.equal('12');
    expect($<HTMLInputElement>(next, '#uj-birthDate-year').value, 'year').to.equal('');
    await type(next, 'uj-birthDate-year', '1985');
    await type(next, 'uj-email', 'ada@example.org');
    await continueOn(next);
    expect(heading(next), 'the finished date is accepted').to.equal('Your work');
  });

  it('sends a consent given before the reload with the time it was given, not the time of resuming', async () => {
    const el = await mount(exampleUnion);
    await fillAboutYou(el);
    await continueOn(el);
    option(el, 'membershipType', 'Full').click();
    await el.updateComplete;
    await type(el, 'uj-employer', 'Acme');
    await continueOn(el);
    option(el, 'newsletter', "Send me the members' newsletter").click();
    await el.updateComplete;
    leavePage();
    const definition = parseFormDefinition(exampleUnion);
    const drafts = createDraftStore(await openDraftStorage());
    let given: string | undefined;
    await eventually(async () => {
      given = (await drafts.restoreDraft(definition))?.consentAt.newsletter;
      return given !== undefined;
    }, 'the consent time in the draft');
    expect(Date.parse(given!)).to.be.closeTo(Date.now(), 60_000);
    el.remove();

    // The applicant comes back later: the draft now says the consent was given two days ago.
    const twoDaysAgo = new Date(Date.now() - 2 * DAY).toISOString();
    const saved = await drafts.restoreDraft(definition);
    await drafts.saveDraft(definition, { ...saved!, consentAt: { newsletter: twoDaysAgo } });
    const bodies: unknown[] = [];
    worker.use(
      http.post('/v1/forms/example-union/applications', async ({ request }) => {
        bodies.push(await request.json());
        return HttpResponse.json({ id: 'EWU-CNST', receivedAt: twoDaysAgo }, { status: 201 });
      }),
    );
    const back = await reopen(exampleUnion);
    await offered(back);
    button(back, 'Continue your application').click();
    await back.updateComplete;
    expect(heading(back)).to.equal('Keeping in touch');
    const sent = nextEvent<UnionJoinSuccessEvent>(back, 'union-join-success');
    await continueOn(back);
    $<HTMLButtonElement>(back, 'button[type="submit"]').click();
    await sent;
    const { consents } = bodies[0] as {
      consents: { purpose: string; granted: boolean; at: string }[];
    };
    expect(consents).to.deep.equal([{ ...consents[0], purpose: 'newsletter', granted: true }]);
    expect(consents[0]?.at).to.equal(twoDaysAgo);
  });

  it('says how long ago the draft was saved', async () => {
    await clearDevice();
    const storage = await openDraftStorage();
    const twoHoursAgo = Date.now() - 2 * 60 * 60 * 1000;
    await createDraftStore(storage, { now: () => twoHoursAgo }).saveDraft(
      parseFormDefinition(exampleUnion),
      { answers: { givenName: 'Ada' } },
    );
    storage.close();
    const el = await reopen(exampleUnion);
    await offered(el);
    expect(heading(el)).to.equal('You have an unfinished application from 2 hours ago');
  });

  it('says a draft saved just now was saved a moment ago, in Norwegian and Swedish too', async () => {
    const expected = {
      nb: 'Du har en søknad som ikke er ferdig, lagret nettopp',
      sv: 'Du har en ansökan som inte är klar, sparad nyss',
    };
    for (const [lang, title] of Object.entries(expected)) {
      await clearDevice();
      const storage = await openDraftStorage();
      await createDraftStore(storage).saveDraft(parseFormDefinition(exampleUnion), {
        answers: { givenName: 'Ada' },
      });
      storage.close();
      const el = await fixture<UnionJoinForm>(
        html`<union-join-form lang=${lang} .definition=${exampleUnion}></union-join-form>`,
      );
      await eventually(() => textOf(root(el).querySelector('#uj-heading')) === title, title);
      el.remove();
    }
  });

  it('Start again deletes the draft and opens an empty first step', async () => {
    await leaveOnSecondStep();
    const el = await reopen(exampleUnion);
    await offered(el);
    button(el, 'Start again').click();
    await eventually(() => heading(el) === 'About you', 'the first step');
    expect($<HTMLInputElement>(el, '#uj-givenName').value).to.equal('');
    await eventually(async () => (await storedKeys('drafts')).length === 0, 'the draft to go');
    expect(await deviceText()).not.to.contain('Acme');
  });

  it('Delete saved answers wipes the draft and saves nothing more from this page', async () => {
    const el = await mount(exampleUnion);
    await fillAboutYou(el);
    leavePage();
    await eventually(async () => (await deviceText()).includes('ada@example.org'), 'the draft');
    expect(textOf($(el, '.drafts'))).to.contain('saved on this device');
    button(el, 'Delete saved answers').click();
    await el.updateComplete;
    expect(el.shadowRoot?.activeElement?.id, 'the question is read out').to.equal(
      'uj-delete-question',
    );
    button(el, 'Yes, delete them').click();
    await eventually(() => textOf(root(el).querySelector('.notice')).includes('deleted'), 'notice');
    await eventually(
      () => el.shadowRoot?.activeElement?.id === 'uj-drafts-notice',
      'focus on the notice, not lost with the button',
    );
    expect(await storedKeys('drafts')).to.deep.equal([]);
    await type(el, 'uj-givenName', 'Grace');
    leavePage();
    await new Promise((resolve) => setTimeout(resolve, 700));
    expect(await deviceText()).not.to.contain('Grace');
    expect(root(el).querySelector('.drafts'), 'no promise to keep answers').to.equal(null);
  });

  it('asks before deleting saved answers, and keeps them on "No, keep them"', async () => {
    const el = await mount(exampleUnion);
    await fillAboutYou(el);
    leavePage();
    await eventually(async () => (await deviceText()).includes('ada@example.org'), 'the draft');
    button(el, 'Delete saved answers').click();
    await el.updateComplete;
    expect(textOf($(el, '#uj-delete-question'))).to.equal(
      'Delete the answers saved on this device?',
    );
    await expect(el).to.be.accessible();
    button(el, 'No, keep them').click();
    await el.updateComplete;
    expect(el.shadowRoot?.activeElement?.textContent?.trim()).to.equal('Delete saved answers');
    await type(el, 'uj-givenName', 'Grace');
    leavePage();
    await eventually(async () => (await deviceText()).includes('Grace'), 'still saving');
  });

  it('never writes a national id, IBAN or bank account to IndexedDB', async () => {
    const el = await mount(bankForm);
    await type(el, 'uj-givenName', 'Zqname');
    await type(el, 'uj-nino', 'QQ 12 34 56 C');
    await type(el, 'uj-iban', 'GB82 WEST 1234 5698 7654 32');
    await type(el, 'uj-bank', 'Ada Lovelace');
    await type(el, 'uj-bank-sortCode', '10-88-00');
    await type(el, 'uj-bank-accountNumber', '00012345');
    leavePage();
    await eventually(async () => (await deviceText()).includes('Zqname'), 'the draft');
    const stored = await deviceText();
    for (const canary of ['QQ123456C', 'QQ 12', 'GB82', 'WEST', '108800', '10-88', '00012345']) {
      expect(stored).not.to.contain(canary);
    }
    expect(stored).not.to.contain('Lovelace');
  });

  it('drafts="off" writes nothing at all to the device', async () => {
    const el = await mount(exampleUnion, { drafts: 'off' });
    await fillAboutYou(el);
    await continueOn(el);
    leavePage();
    await new Promise((resolve) => setTimeout(resolve, 700));
    expect(await indexedDB.databases()).to.deep.equal([]);
    expect(root(el).querySelector('.drafts')).to.equal(null);
  });

  it('deletes the draft as soon as the birth date shows the applicant is too young', async () => {
    const el = await mount(exampleUnion);
    const young = String(new Date().getFullYear() - 10);
    await fillAboutYou(el, { year: young });
    leavePage();
    await eventually(async () => (await deviceText()).includes('ada@example.org'), 'the draft');
    await continueOn(el);
    expect(heading(el)).to.equal('You cannot join online');
    await eventually(async () => (await storedKeys('drafts')).length === 0, 'the draft to go');
    el.session?.set('givenName', 'Zqlater');
    leavePage();
    await new Promise((resolve) => setTimeout(resolve, 700));
    expect(await deviceText()).not.to.contain('Zqlater');
  });

  it('keeps saving again once a mistyped birth year is corrected from "You cannot join online"', async () => {
    const el = await mount(exampleUnion);
    await fillAboutYou(el, { year: String(new Date().getFullYear() - 10) });
    leavePage();
    await eventually(async () => (await deviceText()).includes('ada@example.org'), 'the draft');
    await continueOn(el);
    expect(heading(el)).to.equal('You cannot join online');
    await eventually(async () => (await storedKeys('drafts')).length === 0, 'the draft to go');
    await back(el);
    expect(heading(el)).to.equal('About you');
    await type(el, 'uj-birthDate-year', '1990');
    await continueOn(el);
    expect(heading(el)).to.equal('Your work');
    leavePage();
    await eventually(async () => (await deviceText()).includes('ada@example.org'), 'the draft');
  });

  it('does not offer an expired draft, and removes it', async () => {
    await clearDevice();
    const storage = await openDraftStorage();
    const longAgo = Date.now() - 15 * DAY;
    await createDraftStore(storage, { now: () => longAgo }).saveDraft(
      parseFormDefinition(exampleUnion),
      { answers: { givenName: 'Ada' } },
    );
    storage.close();
    expect(await storedKeys('drafts')).to.deep.equal(['example-union']);
    const el = await reopen(exampleUnion);
    await eventually(async () => (await storedKeys('drafts')).length === 0, 'the purge');
    expect(heading(el)).to.equal('About you');
    expect($<HTMLInputElement>(el, '#uj-givenName').value).to.equal('');
  });

  it('restores what still fits a draft saved by an older version of the form', async () => {
    await clearDevice();
    const older = structuredClone(exampleUnion) as unknown as {
      version: number;
      steps: { fields: { id: string; type: string; options?: unknown[] }[] }[];
    };
    older.version = 2;
    older.steps[1]!.fields[0]!.options!.push({ value: 'retired', label: 'Retired' });
    older.steps[0]!.fields.push({ id: 'nickname', type: 'text', label: 'Nickname' } as never);
    const storage = await openDraftStorage();
    await createDraftStore(storage).saveDraft(parseFormDefinition(older), {
      stepId: 'work',
      answers: {
        givenName: 'Ada',
        nickname: 'Countess',
        membershipType: 'retired',
        newsletter: true,
      },
    });
    storage.close();
    const el = await reopen(exampleUnion);
    await offered(el);
    button(el, 'Continue your application').click();
    await el.updateComplete;
    // Saved on "Your work", but "About you" now misses required answers: that step comes first.
    expect(heading(el)).to.equal('About you');
    expect(el.session?.answers()).to.deep.equal({ givenName: 'Ada' });
    await fillAboutYou(el);
    await continueOn(el);
    expect(heading(el)).to.equal('Your work');
    expect(option(el, 'membershipType', 'Full').checked).to.equal(false);
    expect(option(el, 'membershipType', 'Student').checked).to.equal(false);
    expect(el.session?.answers().membershipType).to.equal(undefined);
  });

  it('completes in memory and says once that answers will not be kept when IndexedDB is unavailable', async () => {
    await clearDevice();
    const restore = withoutIndexedDb();
    try {
      worker.use(
        http.post('/v1/forms/example-union/applications', () =>
          HttpResponse.json({ id: 'EWU-MEM', receivedAt: '2025-01-01T10:00:00Z' }, { status: 201 }),
        ),
      );
      const el = await reopen(exampleUnion);
      await eventually(
        () => textOf(root(el).querySelector('.notice')).includes('cannot be saved'),
        'the notice',
      );
      await fillAboutYou(el);
      await continueOn(el);
      expect(root(el).querySelector('.notice'), 'said once').to.equal(null);
      option(el, 'membershipType', 'Student').click();
      await continueOn(el);
      await continueOn(el);
      expect(heading(el)).to.equal('Check your answers');
      const succeeded = nextEvent<UnionJoinSuccessEvent>(el, 'union-join-success');
      $<HTMLButtonElement>(el, 'button[type="submit"]').click();
      expect((await succeeded).detail.id).to.equal('EWU-MEM');
    } finally {
      restore();
    }
    expect(await indexedDB.databases()).to.deep.equal([]);
  });
});
