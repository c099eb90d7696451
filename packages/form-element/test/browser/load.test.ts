import { expect, fixture, html } from '@open-wc/testing';
import { http, HttpResponse } from 'msw';
import type { UnionJoinErrorEvent } from '../../src/events/error-event.ts';
import { useMockApi, worker } from './fixtures/api.ts';
import { exampleUnion } from './fixtures/definitions.ts';
import {
  $,
  $$,
  heading,
  mount,
  root,
  textOf,
  until,
  capturingConsole,
  continueOn,
  fillAboutYou,
} from './fixtures/helpers.ts';
import type { UnionJoinForm } from '../../src/union-join-form.ts';

const FORM = '/v1/forms/example-union';

async function mountById(): Promise<UnionJoinForm> {
  return fixture<UnionJoinForm>(
    html`<union-join-form lang="en" endpoint="" form-id="example-union"></union-join-form>`,
  );
}

describe('<union-join-form> loading', () => {
  useMockApi();

  it('loads the definition from {endpoint}/v1/forms/{form-id}, an empty endpoint meaning this site', async () => {
    worker.use(http.get(FORM, () => HttpResponse.json(exampleUnion)));
    const el = await mountById();
    await until(() => el.shadowRoot?.querySelector('#uj-heading') !== null, 'the form');
    expect(heading(el)).to.equal('About you');
  });

  it('shows that it is loading instead of a blank box', async () => {
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    worker.use(
      http.get(FORM, async () => {
        await held;
        return HttpResponse.json(exampleUnion);
      }),
    );
    const el = await mountById();
    expect(textOf($(el, '.loading'))).to.not.equal('');
    release();
    await until(() => el.shadowRoot?.querySelector('#uj-heading') !== null, 'the form');
  });

  it('loads from src', async () => {
    worker.use(http.get('/forms/join.json', () => HttpResponse.json(exampleUnion)));
    const el = await fixture<UnionJoinForm>(
      html`<union-join-form lang="en" src="/forms/join.json"></union-join-form>`,
    );
    await until(() => el.shadowRoot?.querySelector('form') !== null, 'the form');
    expect(heading(el)).to.equal('About you');
  });

  it('shows a webmaster a src file that is not JSON as a problem with the form, not the network', async () => {
    worker.use(
      http.get(
        '/forms/broken.json',
        () =>
          new HttpResponse(`${JSON.stringify(exampleUnion)}}`, {
            headers: { 'content-type': 'application/json' },
          }),
      ),
    );
    let el: UnionJoinForm | undefined;
    await capturingConsole('error', async () => {
      el = await fixture<UnionJoinForm>(
        html`<union-join-form lang="en" src="/forms/broken.json"></union-join-form>`,
      );
      await until(() => el!.shadowRoot?.querySelector('.issues') !== null, 'the problem');
    });
    expect(heading(el!)).to.equal('Sorry, there is a problem with this form');
    const [line] = $$(el!, '.issues li').map(textOf);
    expect(line).to.match(/^\/forms\/broken\.json is not JSON \(.*position \d+/);
    await expect(el!).to.be.accessible();
  });

  it('says a src whose server fails could not be loaded, not that the form was taken down', async () => {
    worker.use(http.get('/forms/join.json', () => new HttpResponse('oops', { status: 500 })));
    let el: UnionJoinForm | undefined;
    await capturingConsole('error', async () => {
      el = await fixture<UnionJoinForm>(
        html`<union-join-form lang="en" src="/forms/join.json"></union-join-form>`,
      );
      await until(() => el!.shadowRoot?.querySelector('.notice') !== null, 'the error');
    });
    expect(textOf($(el!, '.notice'))).to.contain('Check your internet connection and try again.');
    expect(textOf($(el!, '.notice'))).not.to.contain('taken down');
  });

  it('names the address it tried on the console, so a webmaster can check it', async () => {
    worker.use(http.get('/forms/missing.json', () => new HttpResponse(null, { status: 404 })));
    const errors = await capturingConsole('error', async () => {
      const el = await fixture<UnionJoinForm>(
        html`<union-join-form lang="en" src="/forms/missing.json"></union-join-form>`,
      );
      await until(() => el.shadowRoot?.querySelector('.notice') !== null, 'the error');
    });
    expect(String(errors[0]?.[0])).to.contain('/forms/missing.json').and.to.contain('404');
  });

  it('names the form id and endpoint it tried when the backend cannot be reached', async () => {
    worker.use(http.get(FORM, () => HttpResponse.error()));
    const errors = await capturingConsole('error', async () => {
      const el = await mountById();
      await until(() => el.shadowRoot?.querySelector('.notice') !== null, 'the error');
    });
    expect(String(errors[0]?.[0])).to.contain('form-id "example-union"').and.to.contain('CORS');
  });

  it('says nothing of the old form in the live region when the page switches to another form-id', async () => {
    worker.use(
      http.get(FORM, () => HttpResponse.json(exampleUnion)),
      http.get('/v1/forms/gone', () => HttpResponse.json({ error: 'not_found' }, { status: 404 })),
    );
    const live = (el: UnionJoinForm) => textOf(root(el).querySelector('[aria-live]'));
    await capturingConsole('error', async () => {
      const el = await mountById();
      await until(() => el.shadowRoot?.querySelector('form') !== null, 'the form');
      await fillAboutYou(el);
      await continueOn(el);
      expect(live(el)).to.contain('Step 2 of 3');
      el.setAttribute('form-id', 'gone');
      await until(() => el.shadowRoot?.querySelector('.notice') !== null, 'the error');
      expect(live(el)).not.to.contain('cannot join');
      expect(live(el)).not.to.contain('Step');
    });
  });

  it('says a missing form was not found, with a retry that works', async () => {
    let found = false;
    worker.use(
      http.get(FORM, () =>
        found
          ? HttpResponse.json(exampleUnion)
          : HttpResponse.json({ error: 'not_found' }, { status: 404 }),
      ),
    );
    let failure: UnionJoinErrorEvent | undefined;
    const errors = await capturingConsole('error', async () => {
      const el = await mountById();
      el.addEventListener('union-join-error', (e) => (failure = e), { once: true });
      await until(() => el.shadowRoot?.querySelector('.notice') !== null, 'the error');
      expect(failure?.detail.kind).to.equal('load');
      expect(textOf($(el, '.notice'))).to.not.equal('');
      await expect(el).to.be.accessible();
      found = true;
      $<HTMLButtonElement>(el, '.notice button').click();
      await until(() => el.shadowRoot?.querySelector('form') !== null, 'the form after retry');
      expect(heading(el)).to.equal('About you');
    });
    expect(errors.length).to.be.greaterThan(0);
  });

  it('says the form could not be loaded when the network fails', async () => {
    worker.use(http.get(FORM, () => HttpResponse.error()));
    await capturingConsole('error', async () => {
      const el = await mountById();
      await until(() => el.shadowRoot?.querySelector('.notice') !== null, 'the error');
      expect($$(el, '.notice button')).to.have.length(1);
    });
  });

  it('loads again by itself when the browser comes back online', async () => {
    let online = false;
    worker.use(
      http.get(FORM, () => (online ? HttpResponse.json(exampleUnion) : HttpResponse.error())),
    );
    await capturingConsole('error', async () => {
      const el = await mountById();
      await until(() => el.shadowRoot?.querySelector('.notice') !== null, 'the error');
      expect(root(el).querySelector('.notice.info'), 'nothing waits to be sent').to.equal(null);
      online = true;
      window.dispatchEvent(new Event('online'));
      await until(() => el.shadowRoot?.querySelector('form') !== null, 'the form');
      expect(heading(el)).to.equal('About you');
    });
  });

  it('shows a webmaster what is wrong with an invalid definition, with JSON paths', async () => {
    const broken = {
      ...exampleUnion,
      steps: [{ id: 'a', title: 'A', fields: [{ id: 'x', type: 'emial', label: 'X' }] }],
    };
    let event: UnionJoinErrorEvent | undefined;
    document.addEventListener('union-join-error', (e) => (event = e as UnionJoinErrorEvent), {
      once: true,
    });
    let el: UnionJoinForm | undefined;
    const errors = await capturingConsole('error', async () => {
      el = await mount(broken);
    });
    const shown = $$(el!, '.issues li').map(textOf);
    expect(shown.some((line) => line.startsWith('steps[0].fields[0].type'))).to.equal(true);
    expect(errors.length, 'console.error').to.equal(1);
    expect(String(errors[0]?.[0])).to.contain('steps[0].fields[0].type');
    expect(event?.detail.kind).to.equal('definition');
    await expect(el!).to.be.accessible();
  });

  it("marks the webmaster's messages as English on a page in another language", async () => {
    const broken = {
      ...exampleUnion,
      steps: [{ id: 'a', title: 'A', fields: [{ id: 'x', type: 'emial', label: 'X' }] }],
    };
    let el: UnionJoinForm | undefined;
    await capturingConsole('error', async () => {
      el = await mount(broken, { lang: 'nb' });
    });
    expect(heading(el!)).to.not.equal('Sorry, there is a problem with this form');
    // A screen reader reads each part in its own language's voice.
    expect($(el!, '.issues').closest('[lang]')?.getAttribute('lang')).to.equal('en');
    expect($(el!, 'h2').closest('[lang]')?.getAttribute('lang')).to.equal('nb');
  });

  it('explains itself when given no form at all', async () => {
    const el = await fixture<UnionJoinForm>(html`<union-join-form lang="en"></union-join-form>`);
    expect(textOf($(el, '[part~="form"]'))).to.not.equal('');
  });

  it('refuses to collect answers on a plain-http page, and says why', async () => {
    // As a browser reports a page served over http from anywhere but localhost.
    const secure = Object.getOwnPropertyDescriptor(globalThis, 'isSecureContext');
    Object.defineProperty(globalThis, 'isSecureContext', { value: false, configurable: true });
    let el: UnionJoinForm | undefined;
    let errors: unknown[][] = [];
    try {
      errors = await capturingConsole('error', async () => {
        el = await mount(exampleUnion);
      });
    } finally {
      if (secure) Object.defineProperty(globalThis, 'isSecureContext', secure);
    }
    expect(globalThis.isSecureContext).to.equal(true);
    expect(textOf($(el!, '.notice'))).to.contain('the page address must start with https://');
    expect(root(el!).querySelector('input'), 'no box to type into').to.equal(null);
    expect($$(el!, '.notice button'), 'trying again cannot help').to.have.length(0);
    expect(String(errors[0]?.[0])).to.contain('not https');
    await expect(el!).to.be.accessible();
  });

  it('hides the text a page puts inside it (shown until the script runs) once it shows the form', async () => {
    const el = await fixture<UnionJoinForm>(
      html`<union-join-form lang="en"><p>Loading the join form.</p></union-join-form>`,
    );
    el.definition = exampleUnion;
    await el.updateComplete;
    const range = document.createRange();
    range.selectNodeContents(el.querySelector('p')!);
    expect(range.getClientRects().length, 'the fallback text is not drawn').to.equal(0);
    expect(heading(el)).to.equal('About you');
  });

  it('names a misspelt attribute on the console when it has no form to show', async () => {
    const warnings = await capturingConsole('warn', async () => {
      await fixture(
        html`<union-join-form lang="en" class="join" formid="example-union"></union-join-form>`,
      );
    });
    expect(warnings).to.have.length(1);
    expect(String(warnings[0]?.[0])).to.contain('formid').and.to.contain('form-id');
    expect(String(warnings[0]?.[0])).not.to.contain('class');
  });

  it('says on the console that .definition was set to null (a variable not yet loaded, say)', async () => {
    const el = await fixture<UnionJoinForm>(html`<union-join-form lang="en"></union-join-form>`);
    const warnings = await capturingConsole('warn', async () => {
      el.definition = null;
      await el.updateComplete;
    });
    expect(warnings).to.have.length(1);
    expect(String(warnings[0]?.[0])).to.contain('.definition is null');
  });
});
