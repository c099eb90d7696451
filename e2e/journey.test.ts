// An applicant joins through the element on a union's web page, served by the real server; the
// application reaches the union's CRM by signed webhook, and staff can export, read and erase it.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { chromium, type Browser, type Page } from 'playwright-core';
import { launchOptions } from './support/browser.ts';
import { startJourneyRig, type JourneyRig } from './support/journey-rig.ts';
import {
  continueTo,
  fillDate,
  focusedText,
  isFocused,
  nextSuccess,
} from './support/page-helpers.ts';
import { waitFor } from './support/wait-for.ts';

interface Applicant {
  givenName: string;
  birthDate: string;
  email: string;
  employer: string;
}

describe('joining the example union on its web page', () => {
  let rig: JourneyRig;
  let browser: Browser;
  const references: string[] = [];

  before(async () => {
    rig = await startJourneyRig();
    browser = await chromium.launch(launchOptions);
  });

  after(async () => {
    await browser?.close();
    await rig?.close();
  });

  const admin = (path: string, init?: RequestInit) => rig.admin(path, init);

  /** The whole journey as a person does it, from the page to the confirmation; returns the reference. */
  async function join(page: Page, applicant: Applicant): Promise<string> {
    await page.goto(`${rig.demo.url}/script-tag/`);
    await page.getByRole('heading', { name: 'About you' }).waitFor();

    // Continue on an empty step: the error summary takes focus and links to each field.
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('heading', { name: 'There is a problem' }).waitFor();
    assert.match(await focusedText(page), /There is a problem/);
    await page.getByRole('link', { name: 'Enter your first name' }).click();
    assert.equal(await isFocused(page.getByLabel('First name')), true);

    await page.getByLabel('First name').fill(applicant.givenName);
    await fillDate(page, 'Date of birth', applicant.birthDate);
    await page.getByLabel('Email').fill(applicant.email);
    await continueTo(page, 'Your work');

    // The employer is only asked of full members.
    assert.equal(await page.getByLabel('Employer').count(), 0);
    await page.getByRole('radio', { name: 'Full' }).check();
    await page.getByLabel('Employer').fill(applicant.employer);
    await continueTo(page, 'Keeping in touch');

    const newsletter = page.getByRole('checkbox', { name: "Send me the members' newsletter" });
    assert.equal(await newsletter.isChecked(), false, 'consent is never pre-ticked');
    await newsletter.check();
    await continueTo(page, 'Check your answers');

    const review = page.locator('union-join-form');
    for (const answer of [applicant.givenName, applicant.email, applicant.employer]) {
      await review.getByText(answer, { exact: true }).waitFor();
    }
    const reference = await nextSuccess(page);
    await page.getByRole('button', { name: 'Send application' }).click();
    await page.getByRole('heading', { name: 'Application sent' }).waitFor();
    const id = await reference();
    // The reference as the applicant reads it, grouped in fours or not.
    await review.getByText(new RegExp((id.match(/.{4}/g) ?? [id]).join('-?'))).waitFor();
    return id;
  }

  const viewports = [
    { name: 'a phone', width: 360, height: 640 },
    { name: 'a laptop', width: 1280, height: 800 },
  ];
  for (const [index, viewport] of viewports.entries()) {
    it(`takes an application on ${viewport.name} (${viewport.width}x${viewport.height}) to the union's webhook`, async () => {
      const context = await browser.newContext({ viewport });
      try {
        const page = await context.newPage();
        const applicant: Applicant = {
          givenName: `Ada${index}`,
          birthDate: '1990-04-01',
          email: `ada${index}@example.org`,
          employer: `Acme Engineering ${index}`,
        };
        const id = await join(page, applicant);
        references.push(id);

        // The receiver accepts only a valid signature over the exact body, so arriving proves it.
        const received = await waitFor(
          () => rig.delivered.find((application) => application.id === id),
          `the webhook delivery of ${id}`,
        );
        assert.equal(received.formId, 'example-union');
        const application = received.payload.application as {
          answers: Record<string, unknown>;
          consents: { purpose: string; granted: boolean; textHash: string }[];
        };
        assert.equal(application.answers.givenName, applicant.givenName);
        assert.equal(application.answers.membershipType, 'full');
        assert.equal(application.answers.employer, applicant.employer);
        assert.deepEqual(
          application.consents.map(({ purpose, granted }) => ({ purpose, granted })),
          [{ purpose: 'newsletter', granted: true }],
        );
        assert.match(application.consents[0]!.textHash, /^sha256:[0-9a-f]{64}$/);
      } finally {
        await context.close();
      }
    });
  }

  it('turns away an applicant under the minimum age, with a page of its own', async () => {
    const context = await browser.newContext({ viewport: { width: 360, height: 640 } });
    try {
      const page = await context.newPage();
      await page.goto(`${rig.demo.url}/script-tag/`);
      await page.getByLabel('First name').fill('Young');
      const fifteen = new Date(Date.now() - 15 * 365.25 * 24 * 3600_000).toISOString().slice(0, 10);
      await fillDate(page, 'Date of birth', fifteen);
      await page.getByLabel('Email').fill('young@example.org');
      await continueTo(page, 'You cannot join online');
      await page.getByText('You need to be 16 or older to join Example Union online.').waitFor();
      assert.equal(await page.getByRole('button', { name: 'Continue' }).count(), 0);
    } finally {
      await context.close();
    }
  });

  it('lets staff export, read and erase the applications, and logs every access', async () => {
    assert.equal(references.length, viewports.length, 'the journeys above sent their applications');
    const [first, second] = references as [string, string];

    assert.equal((await fetch(`${rig.demo.url}/v1/forms/example-union/applications`)).status, 401);

    const list = (await (await admin('/v1/forms/example-union/applications')).json()) as {
      applications: { id: string }[];
    };
    assert.deepEqual(list.applications.map((a) => a.id).sort(), [...references].sort());

    const csv = await admin('/v1/forms/example-union/applications', {
      headers: { accept: 'text/csv' },
    });
    assert.match(csv.headers.get('content-type') ?? '', /^text\/csv/);
    const csvText = await csv.text();
    assert.ok(csvText.includes(first) && csvText.includes('Ada0'), 'the CSV holds the application');

    const one = await admin(`/v1/applications/${first}`);
    assert.equal(one.status, 200);

    const erased = await admin(`/v1/applications/${first}`, { method: 'DELETE' });
    assert.equal(erased.status, 204);
    assert.equal((await admin(`/v1/applications/${first}`)).status, 404);
    const after = (await (await admin('/v1/forms/example-union/applications')).json()) as {
      applications: { id: string }[];
    };
    assert.deepEqual(
      after.applications.map((a) => a.id),
      [second],
    );
    const csvAfter = await (
      await admin('/v1/forms/example-union/applications', { headers: { accept: 'text/csv' } })
    ).text();
    assert.equal(csvAfter.includes(first), false, 'the erased application is gone from the export');
    assert.equal(csvAfter.includes('Ada0'), false);

    const log = JSON.stringify(await (await admin('/v1/access-log')).json());
    for (const action of [
      'application.list',
      'application.export',
      'application.read',
      'application.delete',
    ]) {
      assert.ok(log.includes(action), `the access log records ${action}`);
    }
    assert.equal(log.includes('Ada0'), false, 'the access log holds no answers');
  });
});
