import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { launchOptions } from './support/browser.ts';
import { startDemoServer, type DemoServer } from './support/demo-server.ts';

const TOKEN = 'e2e-admin-token-for-the-funnel-pages';

/** Mean brightness (0-255) of a 4-pixel-wide strip at the left and right edge of a screenshot. */
async function edgeBrightness(page: Page, png: Buffer): Promise<{ left: number; right: number }> {
  // Decoded by the browser itself: no PNG decoder needed in Node.
  return page.evaluate(
    async (dataUrl) => {
      // An <img> may load a data: URL under the page's policy (img-src data:); fetch may not.
      const image = new Image();
      image.src = dataUrl;
      await image.decode();
      const canvas = new OffscreenCanvas(image.width, image.height);
      const context = canvas.getContext('2d')!;
      context.drawImage(image, 0, 0);
      const strip = (x: number) => {
        // The middle half of the height, clear of a scrollbar and the caption.
        const top = Math.floor(image.height / 4);
        const { data } = context.getImageData(x, top, 4, Math.floor(image.height / 2));
        let sum = 0;
        for (let i = 0; i < data.length; i += 4)
          sum += (data[i]! + data[i + 1]! + data[i + 2]!) / 3;
        return sum / (data.length / 4);
      };
      return { left: strip(0), right: strip(image.width - 4) };
    },
    `data:image/png;base64,${png.toString('base64')}`,
  );
}

/** The edges of a table's scroll box with the table made invisible, leaving only the box. */
async function edges(page: Page, wrap: Locator, scrollTo: 'start' | 'end') {
  await wrap.evaluate((element, end) => {
    element.scrollLeft = end ? element.scrollWidth : 0;
    // Set through the CSSOM, which the page's Content-Security-Policy allows.
    element.querySelector('table')!.style.visibility = 'hidden';
  }, scrollTo === 'end');
  const shot = await wrap.screenshot({ animations: 'disabled' });
  await wrap.evaluate((element) =>
    element.querySelector('table')!.style.removeProperty('visibility'),
  );
  return edgeBrightness(page, shot);
}

describe('admin funnel tables on a 360 px screen', () => {
  let demo: DemoServer;
  let browser: Browser;

  before(async () => {
    demo = await startDemoServer({ adminToken: TOKEN, element: false });
    browser = await chromium.launch(launchOptions);
  });
  after(async () => {
    await browser?.close();
    await demo?.close();
  });

  for (const colorScheme of ['light', 'dark'] as const) {
    it(`shows a shadow on the side a wide table scrolls to, and none on a table that fits (${colorScheme})`, async () => {
      const page = await browser.newPage({ viewport: { width: 360, height: 740 }, colorScheme });
      // A blocked style or script (Content-Security-Policy) or a missing file shows up here.
      const errors: string[] = [];
      page.on('console', (message) => {
        if (message.type() === 'error') errors.push(message.text());
      });
      await page.goto(`${demo.url}/admin`);
      await page.getByLabel('Admin token').fill(TOKEN);
      await page.getByRole('button', { name: 'Show funnels' }).click();

      const steps = page.getByRole('region', { name: 'Steps, in the order of the form' }).first();
      await page.getByRole('heading', { name: 'Where applicants drop off' }).waitFor();
      assert.ok((await steps.count()) > 0, 'the wide table is a named region a keyboard can reach');
      const overflow = await steps.evaluate((element) => element.scrollWidth - element.clientWidth);
      assert.ok(overflow > 40, 'the steps table is wider than the screen');

      // A table that fits has no cue: both edges are the page's background.
      const outcomes = page.locator('.table-wrap', { hasText: 'Outcomes (flows)' }).first();
      assert.equal(
        await outcomes.evaluate((element) => element.scrollWidth - element.clientWidth),
        0,
      );
      const fits = await edges(page, outcomes, 'start');
      assert.ok(Math.abs(fits.left - fits.right) < 3, `no cue: ${JSON.stringify(fits)}`);
      const cue = (brightness: number) => Math.abs(brightness - fits.left);

      // A shadow (darker in light mode, lighter in dark mode) on each side there is more to see.
      const atStart = await edges(page, steps, 'start');
      assert.ok(cue(atStart.right) > 25 && cue(atStart.left) < 3, JSON.stringify(atStart));
      const atEnd = await edges(page, steps, 'end');
      assert.ok(cue(atEnd.left) > 25 && cue(atEnd.right) < 3, JSON.stringify(atEnd));

      // A keyboard user can reach the wide table and scroll it with the arrow keys.
      await steps.focus();
      await page.keyboard.press('ArrowRight');
      await page.keyboard.press('ArrowRight');
      assert.ok((await steps.evaluate((element) => element.scrollLeft)) > 0);
      assert.deepEqual(errors, []);
      await page.close();
    });
  }
});
