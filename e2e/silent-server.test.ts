// An applicant presses Send and the server takes the request but never answers (an overloaded
// server, a proxy holding the connection): they are not left watching "Sending…" for a minute.
// The form stops waiting, says the application is saved and will be sent, and sends it once.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { chromium, type Browser, type Route } from 'playwright-core';
import { launchOptions } from './support/browser.ts';
import { startJourneyRig, type JourneyRig } from './support/journey-rig.ts';
import { continueTo, fillDate, nextSuccess } from './support/page-helpers.ts';

describe('a server that never answers the Send', () => {
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

  /** Applications the server stored (this file's server takes no others). */
  async function stored(): Promise<number> {
    const response = await rig.admin('/v1/forms/example-union/applications');
    return ((await response.json()) as { applications: unknown[] }).applications.length;
  }

  it('stops waiting after 20 seconds, keeps the application and sends it once when the server answers again', async () => {
    const context = await browser.newContext({ viewport: { width: 360, height: 640 } });
    try {
      const page = await context.newPage();
      await page.clock.install();
      // Each request reaches the server, which stores the application; its answer never comes back.
      let silent = true;
      const held: Route[] = [];
      await page.route('**/v1/forms/example-union/applications', async (route) => {
        if (!silent) return route.continue();
        held.push(route);
        await route.fetch().catch(() => undefined);
      });
      await page.goto(`${rig.demo.url}/script-tag/`);
      await page.getByLabel('First name').fill('Silvia');
      await fillDate(page, 'Date of birth', '1987-06-05');
      await page.getByLabel('Email').fill('silvia@example.org');
      await continueTo(page, 'Your work');
      await page.getByRole('radio', { name: 'Student' }).check();
      await continueTo(page, 'Keeping in touch');
      await continueTo(page, 'Check your answers');
      const reference = await nextSuccess(page);
      await page.getByRole('button', { name: 'Send application' }).click();
      const sending = page.getByRole('button', { name: 'Sending…' });
      await sending.waitFor();

      // A slow connection gets its time: still sending after 10 seconds.
      await page.clock.fastForward(10_000);
      assert.equal(await sending.count(), 1, 'still sending at 10 s');
      // At 20 seconds the applicant is told the truth instead of waiting on.
      await page.clock.fastForward(10_500);
      await page
        .getByRole('heading', { name: 'Your application is saved and will be sent automatically' })
        .waitFor();
      assert.equal(await sending.count(), 0);
      assert.ok(held.length >= 1, 'the request went out');
      assert.equal(await stored(), 1, 'the server has it, once');

      // The server answers again: the saved application goes on its own, with the same key.
      silent = false;
      await page.clock.fastForward(6_000);
      await page.getByRole('heading', { name: 'Application sent' }).waitFor();
      assert.match(await reference(), /\S/);
      assert.equal(await stored(), 1, 'still one application');
    } finally {
      await context.close();
    }
  });
});
