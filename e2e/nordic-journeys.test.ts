// The Norwegian and Swedish example forms, in Norwegian and Swedish, on a phone: the labels,
// buttons and messages an applicant sees come from the right language, and what they type arrives
// at the server normalised (identity numbers and IBANs without spaces, numbers as numbers).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { chromium, type Browser, type Page } from 'playwright-core';
import { isValidNorwegianFodselsnummer, type Application } from '@union-join/sdk';
import { launchOptions } from './support/browser.ts';
import { startJourneyRig, type JourneyRig } from './support/journey-rig.ts';
import { isFocused, nextSuccess } from './support/page-helpers.ts';

/** A valid fødselsnummer for 17 May 2010, found by its check digits rather than copied. */
function fodselsnummer(): string {
  for (let serial = 500; serial < 1000; serial++) {
    for (let checks = 0; checks < 100; checks++) {
      const candidate = `170510${serial}${String(checks).padStart(2, '0')}`;
      if (isValidNorwegianFodselsnummer(candidate)) return candidate;
    }
  }
  throw new Error('no valid fødselsnummer found');
}

describe('joining in Norwegian and in Swedish on a phone', () => {
  let rig: JourneyRig;
  let browser: Browser;

  before(async () => {
    rig = await startJourneyRig();
    browser = await chromium.launch(launchOptions);
  });

  after(async () => {
    await browser?.close();
    await rig?.close();
  });

  async function withPhone(run: (page: Page) => Promise<void>): Promise<void> {
    const context = await browser.newContext({ viewport: { width: 360, height: 640 } });
    try {
      await run(await context.newPage());
    } finally {
      await context.close();
    }
  }

  /** Presses the step's button, named in the form's language, and waits for the next heading. */
  async function next(page: Page, button: string, heading: string): Promise<void> {
    await page.getByRole('button', { name: button, exact: true }).click();
    await page.getByRole('heading', { name: heading }).waitFor();
  }

  /** Sends from the review page and returns the stored application. */
  async function send(page: Page, button: string, confirmation: string): Promise<Application> {
    const reference = await nextSuccess(page);
    await page.getByRole('button', { name: button }).click();
    await page.getByRole('heading', { name: confirmation }).waitFor();
    const id = await reference();
    const stored = (await (await rig.admin(`/v1/applications/${id}`)).json()) as {
      application: Application;
    };
    return stored.application;
  }

  it('takes a member of the Norwegian youth organisation in Bokmål', async () => {
    const fnr = fodselsnummer();
    await withPhone(async (page) => {
      await page.goto(`${rig.demo.url}/try/?form=no-youth-organisation&lang=nb`);
      await page.getByText('Steg 1 av 4').waitFor();

      await page.getByRole('button', { name: 'Fortsett' }).click();
      await page.getByRole('heading', { name: 'Det er et problem' }).waitFor();

      await page.getByLabel('Fornavn').fill('Ingrid');
      await page.getByLabel('Etternavn').fill('Nilsen');
      const birth = page.getByRole('group', { name: 'Fødselsdato' });
      await birth.getByLabel('Dag').fill('17');
      await birth.getByLabel('Måned').fill('5');
      await birth.getByLabel('År').fill('2010');
      await page.getByLabel('E-post').fill('ingrid@example.org');
      await page.getByLabel('Fødselsnummer (valgfritt)').fill(`${fnr.slice(0, 6)} ${fnr.slice(6)}`);
      await next(page, 'Fortsett', 'Adresse');

      const address = page.getByRole('group', { name: 'Hjemmeadresse' });
      await address.getByLabel('Adresselinje 1').fill('Storgata 1');
      await address.getByLabel('Poststed').fill('Oslo');
      await address.getByLabel('Postnummer').fill('0150');
      await next(page, 'Fortsett', 'Skole og interesser');

      assert.equal(await page.getByLabel('Hvilken skole?').count(), 0);
      await page.getByRole('radio', { name: 'Går på videregående' }).check();
      await page.getByLabel('Hvilken skole?').fill('Oslo katedralskole');
      await page.getByRole('radio', { name: 'Yrkesfag' }).check();
      await page.getByRole('checkbox', { name: 'Klima og natur' }).check();
      await next(page, 'Fortsett', 'Hva vil du få fra oss?');

      await page.getByRole('checkbox', { name: 'Send meg nyhetsbrev på e-post' }).check();
      await next(page, 'Fortsett', 'Sjekk svarene dine');
      const application = await send(page, 'Send søknaden', 'Søknaden er sendt');

      assert.equal(application.locale, 'nb');
      assert.equal(application.answers.fodselsnummer, fnr);
      assert.deepEqual(application.answers.homeAddress, {
        line1: 'Storgata 1',
        town: 'Oslo',
        postcode: '0150',
        country: 'NO',
      });
      assert.equal(application.answers.schoolLevel, 'vgs');
      assert.equal(application.answers.schoolName, 'Oslo katedralskole');
      assert.deepEqual(application.answers.interests, ['klima']);
      assert.equal('institution' in application.answers, false, 'hidden fields are not sent');
      assert.deepEqual(
        Object.fromEntries(application.consents.map((c) => [c.purpose, c.granted])),
        { magazine: false, newsletter: true, events: false },
      );
    });
  });

  it('takes a member of the Swedish union in Swedish', async () => {
    await withPhone(async (page) => {
      await page.goto(`${rig.demo.url}/try/?form=se-union-personnummer&lang=sv`);
      await page.getByLabel('Personnummer').fill('811218-9875');
      await page.getByLabel('Förnamn').fill('Kerstin');
      await page.getByLabel('Efternamn').fill('Hesselgren');
      await page.getByLabel('E-post').fill('kerstin@example.org');
      const address = page.getByRole('group', { name: 'Adress' });
      await address.getByLabel('Adressrad 1').fill('Drottninggatan 1');
      await address.getByLabel('Ort').fill('Stockholm');
      await address.getByLabel('Postnummer').fill('111 51');

      // A personnummer with a wrong check digit is caught on the step, in Swedish.
      await page.getByRole('button', { name: 'Fortsätt' }).click();
      await page.getByRole('heading', { name: 'Det finns ett problem' }).waitFor();
      await page.getByRole('link', { name: /^Fyll i ett giltigt personnummer/ }).click();
      assert.equal(await isFocused(page.getByLabel('Personnummer')), true);
      await page.getByLabel('Personnummer').fill('811218-9876');
      await next(page, 'Fortsätt', 'Ditt arbete');

      await page.getByRole('radio', { name: 'Jag är anställd' }).check();
      await page.getByLabel('Arbetsgivare').fill('Riksdagen');
      await page.getByLabel('Månadslön före skatt, i kronor').fill('32000');
      await page.getByRole('checkbox', { name: 'Jag vill också gå med i a-kassan' }).check();
      await next(page, 'Fortsätt', 'Återbetalningar');

      await page
        .getByLabel('IBAN för återbetalningar (frivilligt)')
        .fill('se45 5000 0000 0583 9825 7466');
      await next(page, 'Fortsätt', 'Håll kontakten');
      await page.getByRole('checkbox', { name: 'Skicka medlemstidningen hem till mig' }).check();
      await next(page, 'Fortsätt', 'Kontrollera dina svar');
      const application = await send(page, 'Skicka ansökan', 'Ansökan är skickad');

      assert.equal(application.locale, 'sv');
      // Typed with ten digits, stored in the twelve-digit form registers use.
      assert.equal(application.answers.personnummer, '198112189876');
      assert.equal(application.answers.monthlySalary, 32000);
      assert.equal(application.answers.joinUnemploymentFund, true);
      assert.equal(application.answers.refundIban, 'SE4550000000058398257466');
      assert.equal(application.answers.employer, 'Riksdagen');
    });
  });
});
