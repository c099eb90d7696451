// Unions we have never met write their own form definitions and paste the element into their own
// pages; their applicants paste, double-tap and live in other time zones. These journeys use forms
// unlike the examples (e2e/support/forms/ and the Norwegian health union) on a 360x640 phone.
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { isValidNorwegianFodselsnummer } from '@union-join/sdk';
import { launchOptions, launchWithProfile } from './support/browser.ts';
import { startDemoServer, type DemoServer } from './support/demo-server.ts';
import { nextSuccess } from './support/page-helpers.ts';

const phone = { width: 360, height: 640 };
const adminToken = 'e2e-admin-token-other-unions-0123';
const fixture = (name: string) => fileURLToPath(new URL(`support/forms/${name}`, import.meta.url));

interface Stored {
  id: string;
  application: {
    answers: Record<string, unknown>;
    consents: { purpose: string; granted: boolean }[];
  };
}

/** A valid fødselsnummer for the birth date `ddmmyy` (born 2000 or later), by its check digits. */
function fodselsnummer(ddmmyy: string): string {
  for (let serial = 500; serial < 1000; serial++) {
    for (let checks = 0; checks < 100; checks++) {
      const candidate = `${ddmmyy}${serial}${String(checks).padStart(2, '0')}`;
      if (isValidNorwegianFodselsnummer(candidate)) return candidate;
    }
  }
  throw new Error(`no fødselsnummer for ${ddmmyy}`);
}

describe('forms of unions we have never met', () => {
  let demo: DemoServer;
  let browser: Browser;

  before(async () => {
    demo = await startDemoServer({
      adminToken,
      moreForms: [fixture('uk-teachers-union.json'), fixture('tiny-petition.json')],
    });
    browser = await chromium.launch(launchOptions);
  });

  after(async () => {
    await browser?.close();
    await demo?.close();
  });

  async function stored(formId: string): Promise<Stored[]> {
    const response = await fetch(`${demo.url}/v1/forms/${formId}/applications`, {
      headers: { authorization: `Bearer ${adminToken}` },
    });
    assert.equal(response.status, 200);
    return ((await response.json()) as { applications: Stored[] }).applications;
  }

  async function open(
    path: string,
    timezoneId?: string,
    serviceWorkers: 'allow' | 'block' = 'allow',
  ): Promise<Page> {
    const context = await browser.newContext({ viewport: phone, timezoneId, serviceWorkers });
    const page = await context.newPage();
    await page.goto(`${demo.url}${path}`);
    return page;
  }

  /** The reference the confirmation shows, as stored (without the grouping hyphens). */
  async function shownReference(page: Page): Promise<string> {
    return ((await page.getByRole('strong').textContent()) ?? '').trim().replaceAll('-', '');
  }

  it('takes a 15-year-old on their birthday through the Norwegian health union, in the first time zone to reach it', async () => {
    // Kiritimati (UTC+14) reaches each day first, so its date is often a day ahead of the server's.
    const page = await open('/try/?form=no-health-union', 'Pacific/Kiritimati');
    try {
      const [year, month, day] = await page.evaluate(() => {
        const today = new Date();
        return [today.getFullYear(), today.getMonth() + 1, today.getDate()];
      });
      const birth = { day: String(day), month: String(month), year: String(year! - 15) };
      const ddmmyy = `${birth.day.padStart(2, '0')}${birth.month.padStart(2, '0')}${birth.year.slice(2)}`;
      const number = fodselsnummer(ddmmyy);

      await page.getByRole('heading', { name: 'Om deg' }).waitFor();
      await page.getByLabel('Fornavn').fill('Kari');
      await page.getByLabel('Etternavn').fill('Nordmann');
      const date = page.getByRole('group', { name: /Fødselsdato/ });
      await date.getByLabel('Dag').fill(birth.day);
      await date.getByLabel('Måned').fill(birth.month);
      await date.getByLabel('År').fill(birth.year);
      // Pasted as it is printed on a letter, with spaces round it.
      await page.getByLabel('Fødselsnummer').fill(` ${number.slice(0, 6)} ${number.slice(6)} `);
      await page.getByLabel('E-post').fill('kari@example.no');
      await page.getByLabel('Postnummer').fill('0150');
      await page.getByRole('button', { name: 'Fortsett' }).click();

      await page.getByRole('heading', { name: 'Arbeid og utdanning' }).waitFor();
      assert.match((await page.getByText(/^Steg \d av \d$/).textContent()) ?? '', /Steg 2 av 3/);
      await page.getByRole('radio', { name: 'Jeg er i jobb' }).check();
      // Nine occupations are too many for radios on a phone: a select.
      const occupation = page.getByRole('combobox', { name: 'Yrke' });
      assert.equal(await occupation.locator('option:not([value=""])').count(), 9);
      await page.getByRole('radio', { name: /Jeg er student/ }).check();
      assert.equal(await occupation.count(), 0, 'the occupation is asked only of those in work');
      await page.getByLabel('Studiested').fill('OsloMet');
      await page.getByRole('button', { name: 'Fortsett' }).click();

      // A step of its own opens for students, and its second question follows from its first.
      await page.getByRole('heading', { name: 'Om studiene' }).waitFor();
      assert.match((await page.getByText(/^Steg \d av \d$/).textContent()) ?? '', /Steg 3 av 4/);
      assert.equal(await page.getByRole('group', { name: /Når blir du ferdig/ }).count(), 0);
      await page.getByLabel(/studieår/).fill('2');
      await page.getByRole('group', { name: /Når blir du ferdig/ }).waitFor();
      await page.getByRole('button', { name: 'Fortsett' }).click();

      await page.getByRole('heading', { name: 'Engasjement' }).waitFor();
      await page.getByRole('checkbox', { name: 'Kurs og skolering' }).check();
      await page.getByLabel(/Noe du vil si til oss/).fill('Hei!\nJeg gleder meg 🎉');
      await page.getByRole('button', { name: 'Fortsett' }).click();
      await page.getByRole('heading', { name: 'Sjekk svarene dine' }).waitFor();

      // An impatient double tap sends one application.
      const success = await nextSuccess(page);
      await page.getByRole('button', { name: 'Send søknaden' }).dblclick();
      await page.getByRole('heading', { name: 'Søknaden er sendt' }).waitFor();
      const reference = await shownReference(page);
      assert.equal(await success(), reference);

      const applications = await stored('no-health-union');
      assert.deepEqual(
        applications.map((application) => application.id),
        [reference],
        'stored once, under the reference shown',
      );
      const answers = applications[0]!.application.answers;
      assert.equal(answers.fodselsnummer, number);
      assert.equal(
        answers.fodselsdato,
        `${birth.year}-${birth.month.padStart(2, '0')}-${birth.day.padStart(2, '0')}`,
      );
      assert.equal(answers.studieaar, 2);
      assert.equal(answers.melding, 'Hei!\nJeg gleder meg 🎉');
      assert.deepEqual(answers.interesser, ['kurs']);
      assert.equal('yrke' in answers, false, 'a hidden question is not sent');
    } finally {
      await page.context().close();
    }
  });

  it('reads a salary with a thousands comma and a pasted email as a UK applicant means them', async () => {
    const page = await open('/try/?form=uk-teachers-union&lang=en');
    try {
      await page.getByRole('heading', { name: 'About you' }).waitFor();
      await page.getByLabel('Full name').fill('Sam O’Brien');
      const date = page.getByRole('group', { name: /Date of birth/ });
      await date.getByLabel('Day').fill('2');
      await date.getByLabel('Month').fill('3');
      await date.getByLabel('Year').fill('1980');
      // With the en dashes a word processor puts in for hyphens.
      await page.getByLabel('National Insurance number').fill('ab–12–34–56–c');
      // Copied from an email signature, with the zero-width space that came along.
      await page.getByLabel(/Personal email address/).fill('sam@example.org\u200b');
      await page.getByLabel('Address line 1').fill('1 High Street');
      await page.getByLabel('Town or city').fill('Leeds');
      await page.getByLabel('Postcode').fill(' ls1 1ur ');
      await page.getByLabel('Postcode').press('Enter');

      await page.getByRole('heading', { name: 'Where you teach' }).waitFor();
      await page.getByLabel('College or employer').fill('Leeds City College');
      await page.getByRole('radio', { name: /Part-time/ }).check();
      await page.getByLabel(/Annual salary/).fill('23,500');
      await page.getByRole('button', { name: 'Continue' }).click();

      await page.getByRole('heading', { name: 'Paying your subscription' }).waitFor();
      await page.getByLabel('Name on the account').fill('Sam O’Brien');
      await page.getByLabel('Sort code').fill('20 00 00');
      await page.getByLabel('Account number').fill('5577 9911');
      await page.getByRole('checkbox', { name: /authorise Direct Debits/ }).check();
      await page.getByRole('button', { name: 'Continue' }).click();

      await page.getByRole('heading', { name: 'Keeping in touch' }).waitFor();
      await page.getByRole('checkbox', { name: /campaigns and ballots/ }).check();
      await page.getByRole('button', { name: 'Continue' }).click();
      await page.getByRole('heading', { name: 'Check your answers' }).waitFor();
      assert.equal(
        await page.getByText('23,500', { exact: true }).count(),
        1,
        'the review shows the salary as typed',
      );
      await page.getByRole('button', { name: 'Send application' }).click();
      await page.getByRole('heading', { name: 'Application sent' }).waitFor();

      const [application] = await stored('uk-teachers-union');
      assert.equal(application?.id, await shownReference(page));
      const { answers, consents } = application!.application;
      assert.equal(answers.salary, 23_500);
      assert.equal(answers.email, 'sam@example.org');
      assert.equal(answers.nino, 'AB123456C');
      assert.deepEqual(
        consents.map(({ purpose, granted }) => [purpose, granted]),
        [
          ['newsletter', false],
          ['campaigns', true],
          ['member-benefits', false],
        ],
      );
    } finally {
      await page.context().close();
    }
  });

  it('sends once when the answer to Send is lost after the server stored the application', async () => {
    const page = await open('/try/?form=tiny-petition&lang=en');
    try {
      await page.getByLabel('Your name').fill('Rosa Luxemburg');
      await page.getByLabel('Mobile').fill('07700 900123');
      let attempts = 0;
      const keys = new Set<string>();
      // The first attempt reaches the server, and its answer is lost on the way back.
      await page.route('**/v1/forms/*/applications', async (route) => {
        attempts++;
        keys.add(route.request().headers()['idempotency-key'] ?? '');
        if (attempts > 1) return route.continue();
        await route.fetch();
        return route.abort('connectionreset');
      });
      await page.getByRole('button', { name: 'Send application' }).click();
      await page.getByRole('heading', { name: 'Application sent' }).waitFor();
      assert.ok(attempts >= 2, 'sent again after the lost answer');
      assert.equal(keys.size, 1, 'with the same Idempotency-Key');
      const applications = await stored('tiny-petition');
      assert.deepEqual(
        applications.map((application) => application.id),
        [await shownReference(page)],
      );
    } finally {
      await page.context().close();
    }
  });

  it('sends once when the browser is closed while the application is on its way', async () => {
    const profile = await mkdtemp(join(tmpdir(), 'union-join-profile-'));
    // The browser of the visit under way, closed on a failure too: node would wait on it.
    let browserOpen: BrowserContext | undefined;
    const visit = async () => {
      browserOpen = await launchWithProfile(profile, phone);
      const page = browserOpen.pages()[0] ?? (await browserOpen.newPage());
      await page.goto(`${demo.url}/try/?form=tiny-petition&lang=en`);
      return page;
    };
    try {
      // The last answer and Send in one go, faster than answers are saved as a draft.
      let page = await visit();
      await page.getByLabel('Your name').fill('Lucy Parsons');
      await page.getByLabel('Mobile').fill('07700 900456');
      let arrived!: () => void;
      const delivered = new Promise<void>((resolve) => (arrived = resolve));
      // The application reaches the server, and the browser is closed before the answer is back.
      await page.route('**/v1/forms/*/applications', async (route) => {
        await route.fetch().catch(() => undefined);
        arrived();
      });
      await page.getByRole('button', { name: 'Send application' }).click();
      await delivered;
      await browserOpen?.close();

      // Opened again: the confirmation of that application, not an empty form to fill in twice.
      page = await visit();
      await page.getByRole('heading', { name: 'Application sent' }).waitFor();
      const ids = (await stored('tiny-petition'))
        .filter((application) => application.application.answers.name === 'Lucy Parsons')
        .map((application) => application.id);
      assert.deepEqual(ids, [await shownReference(page)]);
    } finally {
      await browserOpen?.close().catch(() => undefined);
      await rm(profile, { recursive: true, force: true });
    }
  });

  it('shows a webmaster what is wrong with their definition, as text, never as markup', async () => {
    const page = await open('/try/?form=tiny-petition');
    try {
      await page.getByRole('heading', { name: 'Join the branch' }).waitFor();
      const markup = '<img src=x onerror="window.injected=1"><b>bold</b>';
      const show = (definition: unknown) =>
        page.evaluate((value) => {
          const element = document.createElement('union-join-form') as HTMLElement & {
            definition: unknown;
          };
          element.setAttribute('drafts', 'off');
          element.definition = value;
          document.querySelector('union-join-form')?.replaceWith(element);
        }, definition);
      const form = (steps: unknown[]) => ({
        id: 'hostile',
        version: 1,
        organisation: { name: markup, privacyNoticeUrl: 'https://example.org/privacy' },
        locales: ['en'],
        steps,
      });

      await show(
        form([
          {
            id: 'one',
            title: markup,
            description: markup,
            fields: [{ id: 'a', type: 'text', label: markup, hint: markup }],
          },
        ]),
      );
      await page.getByRole('heading', { name: markup }).waitFor();
      const element = page.locator('union-join-form');
      assert.equal(await element.locator('img, b').count(), 0);
      assert.equal(await page.evaluate(() => 'injected' in window), false);

      await show(
        form([
          {
            id: 'one',
            title: 'One',
            fields: [
              { id: 'a', type: 'text', label: 'A', showIf: { field: 'b', notEmpty: true } },
              { id: 'b', type: 'text', label: 'B', showIf: { field: 'a', notEmpty: true } },
              { id: 'a', type: 'emial', label: 'C' },
            ],
          },
          { id: 'one', title: 'Two', fields: [] },
        ]),
      );
      await page
        .getByRole('heading', { name: 'Sorry, there is a problem with this form' })
        .waitFor();
      const report = (await element.getByRole('listitem').allTextContents()).map((line) =>
        line.replace(/\s+/g, ' ').trim(),
      );
      for (const path of [
        'steps[0].fields[0].showIf.field',
        'steps[0].fields[2].id',
        'steps[0].fields[2].type',
        'steps[1].id',
        'steps[1].fields',
      ]) {
        assert.ok(
          report.some((line) => line.startsWith(`${path}:`)),
          `${path} is named in ${JSON.stringify(report)}`,
        );
      }
    } finally {
      await page.context().close();
    }
  });

  it('names the address when the endpoint answers with a web page instead of the form', async () => {
    // The route below stands in for the webmaster's site, and Playwright does not route the
    // requests of a service worker: this page runs without the page's offline worker.
    const page = await open('/try/?form=tiny-petition', undefined, 'block');
    try {
      await page.getByRole('heading', { name: 'Join the branch' }).waitFor();
      // A webmaster who put their own site in `endpoint`: it answers every address with its home page.
      await page.route('**/our-site/**', (route) =>
        route.fulfill({
          contentType: 'text/html',
          body: '<!doctype html><title>Our union</title>',
        }),
      );
      await page.evaluate((endpoint) => {
        const element = document.createElement('union-join-form');
        element.setAttribute('endpoint', endpoint);
        element.setAttribute('form-id', 'tiny-petition');
        document.querySelector('union-join-form')?.replaceWith(element);
      }, `${demo.url}/our-site`);
      await page
        .getByRole('heading', { name: 'Sorry, there is a problem with this form' })
        .waitFor();
      const report = await page.locator('union-join-form').getByRole('listitem').textContent();
      assert.match(
        report ?? '',
        /\/our-site\/v1\/forms\/tiny-petition sent no JSON: check "endpoint"/,
      );
    } finally {
      await page.context().close();
    }
  });
});
