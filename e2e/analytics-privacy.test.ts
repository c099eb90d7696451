// Analytics requests leave a page with no cookie and no referrer, even on a site whose cookies
// reach the API's host and whose referrer policy gives full addresses away.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { chromium, type Browser, type Request } from 'playwright-core';
import { launchOptions } from './support/browser.ts';
import { startDemoServer, type DemoServer } from './support/demo-server.ts';

/** A campaign link with an email address in it: what a referrer would hand over. */
const QUERY = '?utm_source=newsletter&email=ada@example.org';

describe('analytics on a page with cookies and a generous referrer policy', () => {
  let demo: DemoServer;
  let browser: Browser;

  before(async () => {
    demo = await startDemoServer();
    browser = await chromium.launch(launchOptions);
  });

  after(async () => {
    await browser?.close();
    await demo?.close();
  });

  it('sends /v1/events with no cookie and no referer', async () => {
    const context = await browser.newContext();
    await context.addCookies([
      { name: 'cms_session', value: 'session-0123456789', url: demo.url },
      { name: '_ga', value: 'GA1.1.123456789.1700000000', url: demo.url },
    ]);
    const page = await context.newPage();
    const pagePath = '/script-tag/';
    // The union's own site decides its referrer policy; this one sends full addresses.
    await page.route(
      (url) => url.pathname === pagePath,
      async (route) => {
        const response = await route.fetch();
        await route.fulfill({
          response,
          headers: { ...response.headers(), 'referrer-policy': 'unsafe-url' },
        });
      },
    );
    const isEvents = (request: Request) => new URL(request.url()).pathname === '/v1/events';
    const isStylesheet = (request: Request) => request.url().endsWith('/script-tag/site.css');
    const events = page.waitForRequest(isEvents);
    const stylesheet = page.waitForRequest(isStylesheet);

    await page.goto(`${demo.url}${pagePath}${QUERY}`);
    await page.getByRole('heading', { name: 'About you' }).waitFor();

    // The page's other requests do carry both: the test would see them if analytics sent them.
    const siteHeaders = await (await stylesheet).allHeaders();
    assert.match(siteHeaders.cookie ?? '', /cms_session=session-0123456789/);
    assert.equal(siteHeaders.referer, `${demo.url}${pagePath}${QUERY}`);

    const request = await events;
    const headers = await request.allHeaders();
    assert.equal(request.method(), 'POST');
    assert.equal(headers['content-type'], 'text/plain');
    assert.equal(headers.cookie, undefined, 'no cookie on the analytics request');
    assert.equal(headers.referer, undefined, 'no referer on the analytics request');
    const batch = JSON.parse(request.postData() ?? '[]') as { type?: string }[];
    assert.equal(batch[0]?.type, 'step_view');
    await context.close();
  });
});
