// An applicant on a bus: the join page was opened once with signal, the signal goes, and the page
// is reloaded (or the browser discarded the tab). With union-join-offline.js on the page, the page,
// the form and the saved answers come back without signal, and the application sent offline is
// delivered once when the signal returns. The service worker never keeps what was typed.
//
// The network is cut for real, by a proxy between the browser and the server: Chromium's offline
// emulation (`setOffline`) does not reach a service worker's own requests. `setOffline` is used too,
// so the page itself reads that it is offline, as on a real phone.
import assert from 'node:assert/strict';
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, connect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { chromium, type Browser, type Page } from 'playwright-core';
import { launchOptions } from './support/browser.ts';
import { elementDir, startDemoServer } from './support/demo-server.ts';
import { startJourneyRig, type JourneyRig } from './support/journey-rig.ts';
import { continueTo, deviceText, fillDate } from './support/page-helpers.ts';
import { waitFor } from './support/wait-for.ts';

/** A TCP proxy to `target` whose connections can be cut or held: the signal lost or too weak. */
interface SignalProxy {
  url: string;
  /** No signal: every connection fails at once. */
  cut(): void;
  /** A signal too weak to carry anything: connections open but nothing ever comes back. */
  stall(): void;
  /** The signal drops mid-download: answers to requests matching `request` stop after `bytes`. */
  dropDuring(request: RegExp, bytes: number): void;
  restore(): void;
  close(): Promise<void>;
}

async function startSignalProxy(target: string): Promise<SignalProxy> {
  const { hostname, port } = new URL(target);
  const open = new Set<Socket>();
  let signal: 'good' | 'none' | 'weak' = 'good';
  let drop: { request: RegExp; bytes: number } | undefined;
  const server = createServer((client) => {
    if (signal === 'none') {
      client.destroy();
      return;
    }
    if (signal === 'weak') {
      open.add(client);
      client.on('error', () => undefined);
      return;
    }
    const upstream = connect(Number(port), hostname);
    for (const socket of [client, upstream]) {
      open.add(socket);
      socket.on('error', () => undefined);
      socket.on('close', () => {
        open.delete(socket);
        client.destroy();
        upstream.destroy();
      });
    }
    client.pipe(upstream);
    // Bytes of the answer to a request to be cut off, counted from that request on.
    let sent: number | undefined;
    client.on('data', (chunk: Buffer) => {
      if (drop?.request.test(chunk.toString('latin1'))) sent = 0;
    });
    upstream.on('data', (chunk: Buffer) => {
      if (sent === undefined || !drop) {
        client.write(chunk);
        return;
      }
      client.write(chunk.subarray(0, Math.max(0, drop.bytes - sent)));
      sent += chunk.length;
      if (sent >= drop.bytes) {
        client.destroy();
        upstream.destroy();
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address !== 'object') throw new Error('the proxy is not listening');
  return {
    url: `http://127.0.0.1:${address.port}`,
    cut: () => {
      signal = 'none';
      for (const socket of open) socket.destroy();
    },
    stall: () => {
      signal = 'weak';
      for (const socket of open) socket.destroy();
    },
    dropDuring: (request, bytes) => {
      drop = { request, bytes };
    },
    restore: () => {
      signal = 'good';
      drop = undefined;
    },
    close: () =>
      new Promise((resolve) => {
        for (const socket of open) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/** Every address and body in the page's Cache Storage: what the worker keeps on the device. */
function cacheText(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const texts: string[] = [];
    for (const name of await caches.keys()) {
      const cache = await caches.open(name);
      for (const request of await cache.keys()) {
        const response = await cache.match(request);
        texts.push(request.url, response ? await response.text() : '');
      }
    }
    return texts.join('\n');
  });
}

/** The addresses kept in the page's Cache Storage. */
function keptAddresses(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const urls: string[] = [];
    for (const name of await caches.keys()) {
      for (const request of await (await caches.open(name)).keys()) urls.push(request.url);
    }
    return urls;
  });
}

/** Whether a request from the page got any answer (from the network or from a cache). */
function answered(page: Page, url: string, init: RequestInit): Promise<boolean> {
  return page.evaluate(
    ([url, init]) =>
      fetch(url, init).then(
        () => true,
        () => false,
      ),
    [url, init] as const,
  );
}

describe('reloading the join page without signal', () => {
  let rig: JourneyRig;
  let proxy: SignalProxy;
  let browser: Browser;

  before(async () => {
    rig = await startJourneyRig();
    proxy = await startSignalProxy(rig.demo.url);
    browser = await chromium.launch(launchOptions);
  });

  after(async () => {
    await browser?.close();
    await proxy?.close();
    await rig?.close();
  });

  it('brings back the page, the form and the saved answers, and sends the application once', async () => {
    const context = await browser.newContext({ viewport: { width: 360, height: 640 } });
    try {
      const page = await context.newPage();
      await page.goto(`${proxy.url}/script-tag/`);
      await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
      // What the first visit loaded is kept once the worker runs: the page, the element and the form.
      await waitFor(async () => {
        const kept = await cacheText(page);
        return ['/script-tag/', '/union-join-form.js', '/v1/forms/example-union'].every((path) =>
          kept.includes(`${proxy.url}${path}\n`),
        );
      }, 'the page, the element and the form definition to be kept');

      await page.getByLabel('First name').fill('Oighrig');
      await fillDate(page, 'Date of birth', '1987-05-14');
      await page.getByLabel('Email').fill('oighrig.reload@example.org');
      await continueTo(page, 'Your work');
      await waitFor(
        async () => (await deviceText(page)).includes('Oighrig'),
        'the answers to be saved on the device',
      );

      proxy.cut();
      await context.setOffline(true);
      await page.reload();
      await page.getByRole('heading', { name: 'Stronger together at work' }).waitFor();
      await page.getByRole('heading', { name: /You have an unfinished application/ }).waitFor();
      await page.getByText('You are offline. You can carry on').waitFor();
      await page.getByRole('button', { name: 'Continue your application' }).click();
      await page.getByRole('heading', { name: 'Your work' }).waitFor();

      // Nothing the worker keeps holds an answer, and nothing but GETs of the page, the element
      // and the form is ever answered from what it keeps.
      const kept = await cacheText(page);
      assert.ok(kept.includes('Example Union'), 'the page and the form are what is kept');
      for (const answer of ['Oighrig', 'oighrig.reload@example.org', '1987']) {
        assert.equal(kept.includes(answer), false, `"${answer}" is not in the Cache Storage`);
      }
      const joinPage = `${proxy.url}/script-tag/`;
      const form = `${proxy.url}/v1/forms/example-union`;
      assert.equal(await answered(page, form, {}), true, 'the kept form definition is served');
      assert.equal(await answered(page, joinPage, { method: 'POST', body: 'x' }), false);
      assert.equal(await answered(page, form, { method: 'POST', body: '{}' }), false);
      assert.equal(
        await answered(page, `${form}/applications`, { method: 'POST', body: '{}' }),
        false,
      );
      assert.equal(await answered(page, `${form}/applications`, {}), false);
      assert.equal(
        await answered(page, form, { headers: { authorization: 'Bearer e2e' } }),
        false,
        'a request with credentials is never answered from the cache',
      );
      assert.equal(await answered(page, form, { headers: { range: 'bytes=0-10' } }), false);

      await page.getByRole('radio', { name: 'Full' }).check();
      await page.getByLabel('Employer').fill('Bus Depot North');
      await continueTo(page, 'Keeping in touch');
      await continueTo(page, 'Check your answers');
      await page.getByRole('button', { name: 'Send application' }).click();
      await page
        .getByRole('heading', { name: 'Your application will be sent when you are back online' })
        .waitFor();
      assert.equal(rig.delivered.length, 0, 'nothing reached the server without signal');
      assert.equal((await cacheText(page)).includes('Bus Depot North'), false);

      proxy.restore();
      await context.setOffline(false);
      await page.getByRole('heading', { name: 'Application sent' }).waitFor();
      const delivered = await waitFor(
        () => rig.delivered.find((application) => application.formId === 'example-union'),
        'the webhook delivery',
      );
      const answers = (delivered.payload.application as { answers: Record<string, unknown> })
        .answers;
      assert.equal(answers.givenName, 'Oighrig');
      assert.equal(answers.employer, 'Bus Depot North');
      const stored = (await (await rig.admin('/v1/forms/example-union/applications')).json()) as {
        applications: { id: string }[];
      };
      assert.deepEqual(
        stored.applications.map((application) => application.id),
        [delivered.id],
        'stored once',
      );
    } finally {
      await context.close();
    }
  });

  it('shows the kept page when the signal is too weak to answer, and keeps only pages that load the worker', async () => {
    const context = await browser.newContext({ viewport: { width: 360, height: 640 } });
    try {
      const page = await context.newPage();
      const tryPage = `${proxy.url}/try/?form=example-union&lang=en`;
      await page.goto(tryPage);
      await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
      await waitFor(
        async () => (await keptAddresses(page)).includes(`${proxy.url}/try/try.js`),
        'the try page and its script to be kept',
      );
      // The list of examples is in the worker's scope but does not load it: it is never kept.
      await page.goto(`${proxy.url}/`);
      await page.getByRole('heading', { level: 1 }).waitFor();
      await page.goto(tryPage);
      await page.getByRole('heading', { name: 'About you' }).waitFor();
      const kept = await keptAddresses(page);
      assert.ok(kept.includes(`${proxy.url}/try/`), 'the page, kept under its path');
      assert.equal(kept.filter((url) => url.includes('?')).length, 0, 'no query string is stored');
      assert.equal(kept.includes(`${proxy.url}/`), false, 'the list of examples is not kept');

      // Connections open but nothing comes back: after a few seconds the kept copies show.
      proxy.stall();
      await page.goto(tryPage);
      await page.getByRole('heading', { name: 'About you' }).waitFor();
      assert.equal(await page.getByLabel('First name').inputValue(), '');

      // The signal drops half way through the element's script: the kept copy runs instead of a
      // broken script that would show no form at all.
      proxy.restore();
      proxy.dropDuring(/^GET \/union-join-form\.js/, 4_000);
      // Not from the HTTP cache, nor revalidated (a 304 has no body to cut).
      await (await context.newCDPSession(page)).send('Network.clearBrowserCache');
      await page.goto(tryPage);
      await page.getByRole('heading', { name: 'About you' }).waitFor();
    } finally {
      proxy.restore();
      await context.close();
    }
  });

  it('registers from a module script too, and is removed by the file the README gives for it', async () => {
    const readme = await readFile(
      new URL('../packages/form-element/README.md', import.meta.url),
      'utf8',
    );
    const remover = /\*\*Removing it\.\*\*[\s\S]*?```js\n([\s\S]*?)```/.exec(readme)?.[1];
    assert.ok(remover, 'the README gives the file that removes the worker');

    // A union's own site: the join page, the element and the worker side by side at its root.
    const site = await mkdtemp(join(tmpdir(), 'union-join-site-'));
    const examples = new URL('../examples/script-tag/', import.meta.url);
    await mkdir(join(site, 'script-tag'));
    await cp(new URL('site.css', examples), join(site, 'script-tag', 'site.css'));
    // Loaded as a module script this time: it registers itself that way too.
    const html = await readFile(new URL('index.html', examples), 'utf8');
    const asModule = html.replace(
      '<script src="/union-join-offline.js" defer></script>',
      '<script type="module" src="/union-join-offline.js"></script>',
    );
    assert.notEqual(asModule, html);
    await writeFile(join(site, 'script-tag', 'index.html'), asModule);
    for (const file of ['union-join-form.js', 'union-join-offline.js']) {
      await cp(join(elementDir, file), join(site, file));
    }
    const demo = await startDemoServer({ staticDir: site, element: false });
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      await page.goto(`${demo.url}/script-tag/`);
      await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
      await waitFor(
        async () => (await keptAddresses(page)).includes(`${demo.url}/script-tag/`),
        'the page to be kept',
      );

      await writeFile(join(site, 'union-join-offline.js'), remover);
      // What a browser does on the next visit: look for a new version of the worker.
      await page.evaluate(async () => {
        await (await navigator.serviceWorker.getRegistration())?.update();
      });
      await waitFor(
        () =>
          page.evaluate(
            async () =>
              (await navigator.serviceWorker.getRegistrations()).length === 0 &&
              (await caches.keys()).length === 0,
          ),
        'the worker and its copies to be gone',
      );
      // The page still loads the file (its line was forgotten): it registers nothing any more.
      await page.reload();
      await page.getByRole('heading', { name: 'About you' }).waitFor();
      assert.equal(await page.evaluate(() => navigator.serviceWorker.controller), null);
      assert.equal(
        await page.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).length),
        0,
      );
    } finally {
      await context.close();
      await demo.close();
      await rm(site, { recursive: true, force: true });
    }
  });
});
