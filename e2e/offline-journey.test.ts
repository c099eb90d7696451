// An applicant on a phone with patchy signal: the connection drops half-way, the browser is closed
// and opened again, the application is sent while offline and delivered on the next visit, once.
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { BrowserContext, Page } from 'playwright-core';
import { launchWithProfile } from './support/browser.ts';
import { startJourneyRig, type JourneyRig } from './support/journey-rig.ts';
import { continueTo, deviceText, fillDate } from './support/page-helpers.ts';
import { waitFor } from './support/wait-for.ts';

const phone = { width: 360, height: 640 };

describe('a journey through a lost connection and a browser restart', () => {
  let rig: JourneyRig;
  let profile: string;

  before(async () => {
    rig = await startJourneyRig();
    profile = await mkdtemp(join(tmpdir(), 'union-join-profile-'));
  });

  /** The browser of the visit under way: closed after a failure too, or node would wait on it. */
  let open: BrowserContext | undefined;

  after(async () => {
    await open?.close().catch(() => undefined);
    await rig?.close();
    await rm(profile, { recursive: true, force: true });
  });

  /** Opens the browser on the same profile (same IndexedDB) and the UK union's form. */
  async function openForm(): Promise<{ context: BrowserContext; page: Page }> {
    const context = await launchWithProfile(profile, phone);
    open = context;
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(`${rig.demo.url}/try/?form=uk-union-direct-debit&lang=en`);
    return { context, page };
  }

  it('keeps the answers, sends the application when back online, and sends it once', async () => {
    // First visit: the signal goes half-way through, and the applicant closes the browser.
    let { context, page } = await openForm();
    await page.getByLabel('First name').fill('Mary');
    await page.getByLabel('Last name').fill('Macarthur');
    await fillDate(page, 'Date of birth', '1980-08-13');
    await page.getByLabel('Email address').fill('mary@example.org');
    await page.getByLabel('National Insurance number (optional)').fill('AB 12 34 56 C');
    await continueTo(page, 'Your home address');

    await context.setOffline(true);
    await page.getByText('You are offline. You can carry on').waitFor();
    await page.getByLabel('Address line 1').fill('1 Foundry Lane');
    await page.getByLabel('Town or city').fill('Cradley Heath');
    await page.getByLabel('Postcode').fill('B64 6AA');
    await continueTo(page, 'Your work');
    await page.getByRole('radio', { name: /^Full/ }).check();
    await page.getByLabel('Employer and workplace').fill('Northfield Foundry');
    await page.getByLabel('Job title').fill('Chain maker');

    const saved = await waitFor(async () => {
      const text = await deviceText(page);
      return text.includes('Chain maker') && text;
    }, 'the last answer to be saved on the device');
    assert.equal(saved.includes('AB123456C'), false, 'the NI number is not written to the device');
    await context.close();

    // Second visit, online again: the form offers the saved answers. The NI number was not kept on
    // the device, so it is asked for again first (it is optional: left empty this time), then the
    // form goes on where they were.
    ({ context, page } = await openForm());
    await page.getByRole('heading', { name: /You have an unfinished application/ }).waitFor();
    await page.getByRole('button', { name: 'Continue your application' }).click();
    await page.getByRole('heading', { name: 'About you' }).waitFor();
    assert.equal(await page.getByLabel('First name').inputValue(), 'Mary');
    assert.equal(await page.getByLabel('National Insurance number (optional)').inputValue(), '');
    await continueTo(page, 'Your home address');
    await continueTo(page, 'Your work');
    assert.equal(await page.getByLabel('Job title').inputValue(), 'Chain maker');
    assert.equal(await page.getByRole('radio', { name: /^Full/ }).isChecked(), true);

    await continueTo(page, 'Pay by Direct Debit');
    await page.getByLabel('Name on the account').fill('Mary Macarthur');
    await page.getByLabel('Sort code').fill('20-00-00');
    await page.getByLabel('Account number').fill('55779911');
    await page.getByRole('radio', { name: '15th' }).check();
    await page.getByRole('checkbox', { name: /I am the account holder/ }).check();
    await continueTo(page, 'Keeping in touch');
    await page.getByRole('checkbox', { name: /monthly members' newsletter/ }).check();
    await continueTo(page, 'Check your answers');

    // The signal goes again just as they send: the application waits on the device.
    await context.setOffline(true);
    await page.getByRole('button', { name: 'Send application' }).click();
    await page
      .getByRole('heading', { name: 'Your application will be sent when you are back online' })
      .waitFor();
    const queued = await deviceText(page);
    assert.equal(queued.includes('55779911'), false, 'bank details are not readable on the device');
    await context.close();
    assert.equal(rig.delivered.length, 0, 'nothing reached the server while offline');

    // Third visit, online: the saved application is sent on opening the page.
    ({ context, page } = await openForm());
    try {
      await page.getByRole('heading', { name: 'Application sent' }).waitFor();
      // Shown to the applicant grouped for reading (XXXX-XXXX-...), stored without the hyphens.
      const shown = (await page.getByRole('strong').textContent())?.trim() ?? '';
      const reference = shown.replaceAll('-', '');
      assert.match(reference, /^[0-9A-HJKMNP-TV-Z]{16}$/);

      const received = await waitFor(
        () => rig.delivered.find((application) => application.id === reference),
        'the webhook delivery',
      );
      const answers = (received.payload.application as { answers: Record<string, unknown> })
        .answers;
      assert.equal(answers.jobTitle, 'Chain maker');
      assert.deepEqual(answers.bankAccount, {
        accountHolder: 'Mary Macarthur',
        sortCode: '200000',
        accountNumber: '55779911',
      });
      assert.equal('nationalInsuranceNumber' in answers, false, 'it was not kept, so not sent');

      const stored = (await (
        await rig.admin('/v1/forms/uk-union-direct-debit/applications')
      ).json()) as { applications: { id: string }[] };
      assert.deepEqual(
        stored.applications.map((application) => application.id),
        [reference],
        'stored once',
      );
      await waitFor(
        async () => !(await deviceText(page)).includes('Chain maker'),
        'the draft to be deleted after sending',
      );
    } finally {
      await context.close();
    }
  });
});
