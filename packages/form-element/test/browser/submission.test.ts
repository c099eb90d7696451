import { expect, fixture, html } from '@open-wc/testing';
import { http, HttpResponse } from 'msw';
import type { UnionJoinErrorEvent } from '../../src/events/error-event.ts';
import type { UnionJoinSubmitEvent } from '../../src/events/submit-event.ts';
import type { UnionJoinSuccessEvent } from '../../src/events/success-event.ts';
import { useMockApi, worker } from './fixtures/api.ts';
import { exampleUnion } from './fixtures/definitions.ts';
import {
  $,
  $$,
  continueOn,
  heading,
  mount,
  nextEvent,
  option,
  root,
  textOf,
  type,
  until,
  fillAboutYou,
  capturingConsole,
  answerToReview,
  clearDevice,
} from './fixtures/helpers.ts';
import type { UnionJoinForm } from '../../src/union-join-form.ts';

const APPLICATIONS = '/v1/forms/example-union/applications';

async function toReview(el: UnionJoinForm): Promise<void> {
  await fillAboutYou(el);
  await continueOn(el);
  option(el, 'membershipType', 'Full').click();
  await el.updateComplete;
  await type(el, 'uj-employer', 'Acme');
  await continueOn(el);
  option(el, 'newsletter', "Send me the members' newsletter").click();
  await el.updateComplete;
  await continueOn(el);
}

const send = (el: UnionJoinForm) => $<HTMLButtonElement>(el, 'button[type="submit"]').click();

describe('<union-join-form> submission', () => {
  useMockApi();

  it('sends the application and shows the reference', async () => {
    const requests: { key: string | null; body: unknown }[] = [];
    worker.use(
      http.post(APPLICATIONS, async ({ request }) => {
        requests.push({ key: request.headers.get('idempotency-key'), body: await request.json() });
        return HttpResponse.json(
          { id: 'EWU-7K3Q', receivedAt: '2025-01-01T10:00:00Z' },
          { status: 201 },
        );
      }),
    );
    const el = await mount(exampleUnion);
    await toReview(el);
    const submitted = nextEvent<UnionJoinSubmitEvent>(el, 'union-join-submit');
    const succeeded = nextEvent<UnionJoinSuccessEvent>(el, 'union-join-success');
    send(el);
    const submitEvent = await submitted;
    expect(submitEvent.cancelable).to.equal(true);
    expect(submitEvent.detail.application.answers).to.deep.include({ givenName: 'Ada' });
    expect((await succeeded).detail.id).to.equal('EWU-7K3Q');
    await el.updateComplete;
    expect(textOf($(el, '.reference'))).to.equal('EWU-7K3Q');
    expect(el.shadowRoot?.activeElement?.id).to.equal('uj-heading');
    expect(requests).to.have.length(1);
    expect(requests[0]?.key).to.match(/^[\x21-\x7e]{1,255}$/);
    const body = requests[0]?.body as {
      formId: string;
      consents: { purpose: string; granted: boolean }[];
    };
    expect(body.formId).to.equal('example-union');
    expect(body.consents).to.deep.equal([
      { ...body.consents[0], purpose: 'newsletter', granted: true },
    ]);
    await expect(el).to.be.accessible();
  });

  it('sends nothing when a union-join-submit listener calls preventDefault', async () => {
    let calls = 0;
    worker.use(
      http.post(APPLICATIONS, () => {
        calls++;
        return HttpResponse.json({ id: 'x', receivedAt: '2025-01-01T10:00:00Z' }, { status: 201 });
      }),
    );
    const el = await mount(exampleUnion);
    await toReview(el);
    el.addEventListener('union-join-submit', (event) => event.preventDefault());
    const submitted = nextEvent(el, 'union-join-submit');
    send(el);
    await submitted;
    await el.updateComplete;
    expect(calls).to.equal(0);
    expect(heading(el)).to.equal('Check your answers');
  });

  it('puts a 422 on the right field of the right step and returns to the review', async () => {
    let status = 422;
    worker.use(
      http.post(APPLICATIONS, () =>
        status === 422
          ? HttpResponse.json(
              {
                error: 'validation_failed',
                issues: [{ path: ['answers', 'email'], code: 'invalid_email', message: 'bad' }],
              },
              { status: 422 },
            )
          : HttpResponse.json({ id: 'EWU-2', receivedAt: '2025-01-01T10:00:00Z' }, { status: 201 }),
      ),
    );
    const el = await mount(exampleUnion);
    await toReview(el);
    const failed = nextEvent<UnionJoinErrorEvent>(el, 'union-join-error');
    send(el);
    expect((await failed).detail.kind).to.equal('validation');
    await until(() => heading(el) === 'About you', 'the step with the email');
    await el.updateComplete;
    expect(el.shadowRoot?.activeElement).to.equal($(el, '.error-summary'));
    expect(
      $$<HTMLAnchorElement>(el, '.error-summary a').map((a) => a.getAttribute('href')),
    ).to.deep.equal(['#uj-email']);
    expect($(el, '#uj-email').getAttribute('aria-invalid')).to.equal('true');
    await expect(el).to.be.accessible();

    status = 201;
    await type(el, 'uj-email', 'ada@union.example');
    await continueOn(el);
    expect(heading(el)).to.equal('Check your answers');
  });

  const changes: [string, { path: (string | number)[]; code: string }][] = [
    [
      'asks for a question this page does not have',
      { path: ['answers', 'workplace'], code: 'required' },
    ],
    [
      'words a consent otherwise now',
      { path: ['consents', 0, 'textHash'], code: 'unknown_consent_text' },
    ],
  ];
  /** The form as the server serves it (`form-id`): the one the server checks applications against. */
  async function mountServed(): Promise<UnionJoinForm> {
    await clearDevice();
    worker.use(http.get('/v1/forms/example-union', () => HttpResponse.json(exampleUnion)));
    const el = await fixture<UnionJoinForm>(
      html`<union-join-form lang="en" form-id="example-union"></union-join-form>`,
    );
    await until(() => el.shadowRoot?.querySelector('#uj-heading') != null, 'the served form');
    return el;
  }

  const refuse = (issue: { path: (string | number)[]; code: string }) =>
    worker.use(
      http.post(APPLICATIONS, () =>
        HttpResponse.json(
          { error: 'validation_failed', issues: [{ ...issue, message: 'x' }] },
          { status: 422 },
        ),
      ),
    );

  for (const [change, issue] of changes)
    it(`says the form was changed when the server ${change}`, async () => {
      refuse(issue);
      const el = await mountServed();
      await toReview(el);
      await capturingConsole('error', async () => {
        send(el);
        await until(() => root(el).querySelector('.notice[role="alert"]') !== null, 'the notice');
      });
      expect(heading(el)).to.equal('Check your answers');
      expect(textOf($(el, '.notice[role="alert"]'))).to.contain(
        'This form has been changed since you opened it. Reload the page',
      );
      await expect(el).to.be.accessible();
    });

  // A form the page brings itself (`.definition` or `src`) comes back the same on a reload: the
  // applicant is not sent round that loop, and the webmaster hears where the two copies differ.
  for (const [change, issue] of changes)
    it(`does not promise a reload when the server ${change} of a form the page brings itself`, async () => {
      refuse(issue);
      const el = await mount(exampleUnion);
      await toReview(el);
      const errors = await capturingConsole('error', async () => {
        send(el);
        await until(() => root(el).querySelector('.notice[role="alert"]') !== null, 'the notice');
      });
      const notice = textOf($(el, '.notice[role="alert"]'));
      expect(notice).not.to.contain('Reload');
      expect(notice).to.contain(
        'Example Workers Union is not taking applications through this form at the moment. Your answers are still here.',
      );
      expect(errors.map((call) => call.join(' ')).join('\n')).to.match(
        /the server's form "example-union" differs from this page's \(\.definition\)/,
      );
      await expect(el).to.be.accessible();
    });

  it('keeps Change and Back from opening a step while the application is on its way', async () => {
    let answer: (() => void) | undefined;
    worker.use(
      http.post(APPLICATIONS, async () => {
        await new Promise<void>((resolve) => (answer = resolve));
        return HttpResponse.json(
          { id: 'EWU-5', receivedAt: '2025-01-01T10:00:00Z' },
          { status: 201 },
        );
      }),
    );
    const el = await mount(exampleUnion);
    await toReview(el);
    send(el);
    await until(() => answer !== undefined, 'the request');
    await el.updateComplete;
    // A correction made now could not go with the application already sent.
    const change = $<HTMLButtonElement>(el, '.summary button');
    const back = $<HTMLButtonElement>(el, 'button.back');
    expect(change.getAttribute('aria-disabled')).to.equal('true');
    expect(back.getAttribute('aria-disabled')).to.equal('true');
    change.click();
    back.click();
    await el.updateComplete;
    expect(heading(el)).to.equal('Check your answers');
    answer?.();
    await until(() => heading(el) === 'Application sent', 'the confirmation');
  });

  it('maps a 422 on a consent record to the consent field', async () => {
    worker.use(
      http.post(APPLICATIONS, () =>
        HttpResponse.json(
          {
            error: 'validation_failed',
            issues: [{ path: ['consents', 0, 'granted'], code: 'consent_required', message: 'x' }],
          },
          { status: 422 },
        ),
      ),
    );
    const el = await mount(exampleUnion);
    await toReview(el);
    send(el);
    await until(() => heading(el) === 'Keeping in touch', 'the consent step');
    expect($(el, '.error-summary a').getAttribute('href')).to.equal('#uj-newsletter');
  });

  it('shows "You cannot join online" when the server finds the applicant too young (a fast device clock)', async () => {
    worker.use(
      http.post(APPLICATIONS, () =>
        HttpResponse.json(
          {
            error: 'validation_failed',
            issues: [
              {
                path: ['answers', 'birthDate'],
                code: 'ineligible',
                message: 'The applicant must be at least 16 years old to join online',
                params: { reason: 'under_minimum_age', minimumAge: 16 },
              },
            ],
          },
          { status: 422 },
        ),
      ),
    );
    const el = await mount(exampleUnion);
    await toReview(el);
    send(el);
    await until(() => heading(el) === 'You cannot join online', 'the page for the too young');
    expect(textOf($(el, '[part~="form"]'))).to.contain(
      'You need to be 16 or older to join Example Workers Union online',
    );
    expect(textOf($(el, '[part~="form"]'))).not.to.contain(
      'Some of your answers were not accepted',
    );
    await expect(el).to.be.accessible();
  });

  it('sends the application as the applicant gave it, whatever a union-join-submit listener does to its detail', async () => {
    const bodies: { answers: Record<string, unknown> }[] = [];
    worker.use(
      http.post(APPLICATIONS, async ({ request }) => {
        bodies.push((await request.json()) as { answers: Record<string, unknown> });
        return HttpResponse.json(
          { id: 'EWU-1', receivedAt: '2025-01-01T10:00:00Z' },
          { status: 201 },
        );
      }),
    );
    const el = await mount(exampleUnion);
    await toReview(el);
    // A page scrubbing the email before logging it, and tagging the campaign.
    el.addEventListener('union-join-submit', (event) => {
      const answers = event.detail.application.answers as Record<string, unknown>;
      delete answers.email;
      answers.utmSource = 'facebook';
    });
    send(el);
    await until(() => heading(el) === 'Application sent', 'the confirmation');
    expect(bodies[0]?.answers.email).to.equal('ada@example.org');
    expect(bodies[0]?.answers).not.to.have.property('utmSource');
  });

  it('reports a network failure with a retry that reuses the idempotency key', async () => {
    const keys: (string | null)[] = [];
    let online = false;
    worker.use(
      http.post(APPLICATIONS, ({ request }) => {
        keys.push(request.headers.get('idempotency-key'));
        return online
          ? HttpResponse.json({ id: 'EWU-9', receivedAt: '2025-01-01T10:00:00Z' }, { status: 201 })
          : HttpResponse.error();
      }),
    );
    // Without device storage there is no outbox: the applicant keeps a retry on this page.
    const el = await mount(exampleUnion, { drafts: 'off' });
    await toReview(el);
    const failed = nextEvent<UnionJoinErrorEvent>(el, 'union-join-error');
    const warned = await capturingConsole('warn', async () => {
      send(el);
      expect((await failed).detail.kind).to.equal('submit');
    });
    // The browser says it is online, so the webmaster hears it may be the endpoint or CORS.
    expect(String(warned[0]?.[0])).to.contain('no answer from /').and.to.contain('CORS');
    await el.updateComplete;
    const notice = $(el, '.notice[role="alert"]');
    expect(textOf(notice)).to.not.equal('');
    expect(heading(el)).to.equal('Check your answers');
    const retry = $<HTMLButtonElement>(el, 'button[type="submit"]');
    expect(retry.hasAttribute('aria-disabled')).to.equal(false);
    await expect(el).to.be.accessible();

    online = true;
    const succeeded = nextEvent<UnionJoinSuccessEvent>(el, 'union-join-success');
    retry.click();
    expect((await succeeded).detail.id).to.equal('EWU-9');
    expect(new Set(keys).size, 'one key for every attempt').to.equal(1);
    expect(root(el).querySelector('.notice[role="alert"]')).to.equal(null);
  });

  it('sends the same request again when the answer was lost, a consent never ticked included', async () => {
    const requests: { key: string | null; body: unknown }[] = [];
    let lost = true;
    worker.use(
      http.post(APPLICATIONS, async ({ request }) => {
        requests.push({ key: request.headers.get('idempotency-key'), body: await request.json() });
        // Stored, but the answers are lost on the way back (signal gone, say) until Send again.
        return lost
          ? HttpResponse.error()
          : HttpResponse.json({ id: 'EWU-8', receivedAt: '2025-01-01T10:00:00Z' }, { status: 201 });
      }),
    );
    const el = await mount(exampleUnion, { drafts: 'off' });
    await answerToReview(el);
    const failed = nextEvent<UnionJoinErrorEvent>(el, 'union-join-error');
    await capturingConsole('warn', async () => {
      send(el);
      await failed;
    });
    await new Promise((resolve) => setTimeout(resolve, 20));
    lost = false;
    const succeeded = nextEvent<UnionJoinSuccessEvent>(el, 'union-join-success');
    send(el);
    expect((await succeeded).detail.id).to.equal('EWU-8');
    const first = requests[0]!;
    const last = requests.at(-1)!;
    expect(last.key, 'the server can tell it is the same application').to.equal(first.key);
    expect(last.body).to.deep.equal(first.body);
  });

  it('keeps focus on the Send button while sending, says so, and ignores a second press', async () => {
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    let requests = 0;
    worker.use(
      http.post(APPLICATIONS, async () => {
        requests += 1;
        await held;
        return HttpResponse.json(
          { id: 'EWU-3', receivedAt: '2025-01-01T10:00:00Z' },
          { status: 201 },
        );
      }),
    );
    const el = await mount(exampleUnion);
    await toReview(el);
    try {
      const button = $<HTMLButtonElement>(el, 'button[type="submit"]');
      button.focus();
      button.click();
      await until(() => button.getAttribute('aria-disabled') === 'true', 'the button marked busy');
      await until(() => requests === 1, 'the request');
      await el.updateComplete;
      expect(textOf(button)).to.equal('Sending…');
      expect(el.shadowRoot?.activeElement, 'focus is not dropped to the page').to.equal(button);
      expect(textOf($(el, '[role="status"][aria-live="polite"]'))).to.equal('Sending…');
      button.click();
      await el.updateComplete;
      expect(requests, 'a second press sends nothing').to.equal(1);
    } finally {
      release();
    }
    await until(() => heading(el) !== 'Check your answers', 'the confirmation');
    expect(requests).to.equal(1);
  });

  it('moves focus to the failure notice when sending fails', async () => {
    worker.use(
      http.post(APPLICATIONS, () =>
        HttpResponse.json({ code: 'unavailable', message: 'Down' }, { status: 503 }),
      ),
    );
    // Without device storage there is no outbox: the failure shows on this page.
    const el = await mount(exampleUnion, { drafts: 'off' });
    await toReview(el);
    const button = $<HTMLButtonElement>(el, 'button[type="submit"]');
    button.focus();
    const failed = nextEvent<UnionJoinErrorEvent>(el, 'union-join-error');
    await capturingConsole('error', async () => {
      button.click();
      await failed;
    });
    await el.updateComplete;
    const notice = $(el, '.notice[role="alert"]');
    expect(el.shadowRoot?.activeElement).to.equal(notice);
    expect(button.hasAttribute('aria-disabled'), 'Send can be pressed again').to.equal(false);
    expect(textOf($(el, '[role="status"][aria-live="polite"]')), 'no stale "Sending…"').to.equal(
      '',
    );
  });

  it('sends again by itself when the browser comes back online', async () => {
    let online = false;
    worker.use(
      http.post(APPLICATIONS, () =>
        online
          ? HttpResponse.json({ id: 'EWU-10', receivedAt: '2025-01-01T10:00:00Z' }, { status: 201 })
          : HttpResponse.error(),
      ),
    );
    const el = await mount(exampleUnion, { drafts: 'off' });
    await toReview(el);
    const failed = nextEvent(el, 'union-join-error');
    send(el);
    await failed;
    online = true;
    const succeeded = nextEvent<UnionJoinSuccessEvent>(el, 'union-join-success');
    window.dispatchEvent(new Event('online'));
    expect((await succeeded).detail.id).to.equal('EWU-10');
  });

  it('asks the applicant to wait when the server rate-limits', async () => {
    worker.use(
      http.post(APPLICATIONS, () =>
        HttpResponse.json(
          { error: 'rate_limited' },
          { status: 429, headers: { 'retry-after': '0' } },
        ),
      ),
    );
    const el = await mount(exampleUnion);
    await toReview(el);
    const failed = nextEvent<UnionJoinErrorEvent>(el, 'union-join-error');
    send(el);
    expect((await failed).detail.kind).to.equal('submit');
    await el.updateComplete;
    expect(textOf($(el, '.notice'))).to.contain('Wait a few minutes');
  });

  it('says the organisation is not taking applications through this form when the backend does not know it', async () => {
    worker.use(
      http.post(APPLICATIONS, () =>
        HttpResponse.json({ error: 'form_not_found' }, { status: 404 }),
      ),
    );
    const el = await mount(exampleUnion);
    await toReview(el);
    const failed = nextEvent<UnionJoinErrorEvent>(el, 'union-join-error');
    send(el);
    expect((await failed).detail.kind).to.equal('submit');
    await el.updateComplete;
    expect(heading(el)).to.equal('Check your answers');
    expect(textOf($(el, '.notice[role="alert"]'))).to.equal(
      'Your application has not been sent yet ' +
        'Example Workers Union is not taking applications through this form at the moment. ' +
        'Your answers are still here. To join, contact Example Workers Union: ' +
        'their contact details are in their privacy notice. ' +
        'How we use your information (opens in new tab)',
    );
    expect($<HTMLAnchorElement>(el, '.notice[role="alert"] a').href).to.equal(
      'https://example.org/privacy',
    );
    expect(textOf($(el, 'dl.summary')), 'the answers are kept').to.contain('Ada');
    await expect(el).to.be.accessible();
  });

  it('does not call a refusal a network problem', async () => {
    worker.use(
      http.post(APPLICATIONS, () =>
        HttpResponse.json(
          {
            error: 'validation_failed',
            issues: [{ path: ['formVersion'], code: 'invalid_version', message: 'old' }],
          },
          { status: 422 },
        ),
      ),
    );
    const el = await mount(exampleUnion);
    await toReview(el);
    const failed = nextEvent<UnionJoinErrorEvent>(el, 'union-join-error');
    const logged = await capturingConsole('error', async () => {
      send(el);
      expect((await failed).detail.kind).to.equal('validation');
    });
    expect(logged, 'the webmaster learns what the server refused').to.deep.equal([
      [
        'union-join-form: the server refused the application (422 validation_failed): formVersion invalid_version',
      ],
    ]);
    await el.updateComplete;
    expect(heading(el)).to.equal('Check your answers');
    expect(textOf($(el, '.notice'))).to.contain('were not accepted');
    expect(textOf($(el, '.notice')), 'a refusal of answers is not a closed form').not.to.contain(
      'not taking applications',
    );
    expect(textOf($(el, 'button[type="submit"]'))).to.equal('Send application');
  });
});
