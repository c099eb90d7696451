// The "own UI on the sdk" example must keep building with Vite and keep working: build it as a
// developer would, serve the build from the real server, and send an application through it.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { chromium, type Browser } from 'playwright-core';
import { build } from 'vite';
import { launchOptions } from './support/browser.ts';
import { startDemoServer, type DemoServer } from './support/demo-server.ts';
import { continueTo, focusedText } from './support/page-helpers.ts';

const exampleDir = fileURLToPath(new URL('../examples/sdk-custom-ui/', import.meta.url));
const adminToken = 'e2e-admin-token-sdk-custom-ui-0123';

describe('examples/sdk-custom-ui', () => {
  let outDir: string;
  let demo: DemoServer;
  let browser: Browser;

  before(async () => {
    outDir = await mkdtemp(join(tmpdir(), 'sdk-custom-ui-'));
    await build({
      root: exampleDir,
      configFile: join(exampleDir, 'vite.config.ts'),
      logLevel: 'silent',
      build: { outDir, emptyOutDir: true },
    });
    demo = await startDemoServer({ staticDir: outDir, adminToken });
    browser = await chromium.launch(launchOptions);
  });

  after(async () => {
    await browser?.close();
    await demo?.close();
    await rm(outDir, { recursive: true, force: true });
  });

  it('builds with Vite from the sdk sources into a page and one script', async () => {
    const html = await readFile(join(outDir, 'index.html'), 'utf8');
    const script = /<script type="module" crossorigin src="\/(assets\/[^"]+\.js)"/.exec(html);
    assert.ok(script, 'index.html loads the bundled script');
    assert.ok(existsSync(join(outDir, script[1]!)));
    const code = await readFile(join(outDir, script[1]!), 'utf8');
    assert.doesNotMatch(code, /from\s*["']@union-join\/sdk/, 'the sdk is bundled, not imported');
  });

  it('sends an application through a UI that is not the element', async () => {
    const context = await browser.newContext({ viewport: { width: 360, height: 640 } });
    try {
      const page = await context.newPage();
      await page.goto(`${demo.url}/?form=example-union`);
      await page.getByRole('heading', { name: 'About you' }).waitFor();
      await page.getByText('Step 1 of 3').waitFor();

      await page.getByRole('button', { name: 'Continue' }).click();
      await page.getByRole('heading', { name: 'There is a problem' }).waitFor();
      assert.match(await focusedText(page), /There is a problem/);
      await page.getByRole('link', { name: 'Enter your first name' }).waitFor();

      await page.getByLabel('First name').fill('Grace');
      await page.getByLabel('Date of birth').fill('1985-12-09');
      await page.getByLabel('Email').fill('grace@example.org');
      await continueTo(page, 'Your work');
      assert.equal(await page.getByLabel('Employer').count(), 0);
      await page.getByRole('radio', { name: 'Full' }).check();
      await page.getByLabel('Employer').fill('Harvard Computation Lab');
      await continueTo(page, 'Keeping in touch');
      await page.getByRole('checkbox', { name: "Send me the members' newsletter" }).check();
      await continueTo(page, 'Check your answers');
      await page.getByText('Harvard Computation Lab').waitFor();
      await page.getByRole('button', { name: 'Send application' }).click();
      await page.getByRole('heading', { name: 'Application sent' }).waitFor();
      const reference = await page.getByRole('strong').textContent();

      const stored = await fetch(`${demo.url}/v1/applications/${reference}`, {
        headers: { authorization: `Bearer ${adminToken}` },
      });
      assert.equal(stored.status, 200);
      const body = (await stored.json()) as { answers?: Record<string, unknown> };
      assert.equal(JSON.stringify(body).includes('Harvard Computation Lab'), true);
    } finally {
      await context.close();
    }
  });
});
