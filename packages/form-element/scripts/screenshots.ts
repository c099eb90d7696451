// Renders the README's screenshots from the built bundle: a step, the error state, "Check your
// answers" and the confirmation, each at 360 px and 1280 px wide, into packages/form-element/docs/.
//
//   pnpm --filter @union-join/form-element run build
//   node packages/form-element/scripts/screenshots.ts
//
// A tiny local server on 127.0.0.1 serves a static page, the bundle, a module script that sets
// `.definition`, and answers the submission, so no backend is needed.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { mkdirSync, readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { chromium, type Page } from 'playwright-core';
import { exampleUnion } from '../test/browser/fixtures/definitions.ts';

const packageDir = new URL('..', import.meta.url);
const docsDir = new URL('docs/', packageDir);
const bundle = readFileSync(new URL('dist/union-join-form.js', packageDir));

const page = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'self'; style-src 'self'; img-src data:; connect-src 'self'">
<title>union-join-form</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/page.css">
<script type="module" src="/union-join-form.js"></script>
<script type="module" src="/page.js"></script>
</head>
<body><main><union-join-form endpoint="/"></union-join-form></main></body>
</html>`;

const css = `body { margin: 0; background: #eef1f5; font-family: system-ui, sans-serif; }
@media (prefers-color-scheme: dark) { body { background: #0d1117; } }
main { padding: 24px 12px 40px; }
@media (min-width: 700px) { main { padding: 56px 24px 72px; } union-join-form { margin: 0 auto; } }`;

const script = `const form = document.querySelector('union-join-form');
form.definition = ${JSON.stringify(exampleUnion)};`;

function serve(request: IncomingMessage, response: ServerResponse): void {
  const url = new URL(request.url ?? '/', 'http://127.0.0.1');
  const send = (type: string, body: string | Buffer, status = 200) => {
    response.writeHead(status, { 'content-type': type });
    response.end(body);
  };
  if (request.method === 'POST' && url.pathname.endsWith('/applications')) {
    request.resume();
    request.on('end', () =>
      send(
        'application/json',
        JSON.stringify({ id: '7K3Q9F2MXW4PH8RT', receivedAt: new Date().toISOString() }),
        201,
      ),
    );
    return;
  }
  // The form's anonymous step analytics: accepted and dropped.
  if (request.method === 'POST' && url.pathname === '/v1/events') {
    request.resume();
    return send('text/plain', '', 202);
  }
  if (url.pathname === '/') return send('text/html; charset=utf-8', page);
  if (url.pathname === '/page.css') return send('text/css', css);
  if (url.pathname === '/page.js') return send('text/javascript', script);
  if (url.pathname === '/union-join-form.js') return send('text/javascript', bundle);
  send('text/plain', 'not found', 404);
}

async function fillFirstStep(p: Page): Promise<void> {
  await p.getByLabel('First name').fill('Ada');
  await p.getByLabel('Day').fill('10');
  await p.getByLabel('Month').fill('12');
  await p.getByLabel('Year').fill('1985');
  await p.getByLabel('Email address').fill('ada@example.org');
}

async function shoot(p: Page, name: string, width: number): Promise<void> {
  // Let the focus ring and the progress bar settle before the picture is taken.
  await p.waitForTimeout(300);
  const path = new URL(`${name}-${width}.png`, docsDir).pathname;
  // caret: 'initial' keeps Playwright from injecting a <style>, which the page's CSP would block.
  await p.screenshot({ path, fullPage: true, caret: 'initial' });
  console.info(`wrote ${path}`);
}

const server = createServer(serve);
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const { port } = server.address() as AddressInfo;
const browser = await chromium.launch({
  executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
});
mkdirSync(docsDir, { recursive: true });
try {
  for (const width of [360, 1280]) {
    const context = await browser.newContext({
      viewport: { width, height: width < 500 ? 740 : 900 },
      locale: 'en-GB',
      colorScheme: 'light',
      reducedMotion: 'reduce',
    });
    const p = await context.newPage();
    // A console error here is usually a CSP violation: fail, so it is seen.
    p.on('console', (message) => {
      if (message.type() !== 'error') return;
      console.error(`page: ${message.text()}`);
      process.exitCode = 1;
    });
    await p.goto(`http://127.0.0.1:${port}/`);
    await p.getByRole('heading', { name: 'About you' }).waitFor();
    await fillFirstStep(p);
    await shoot(p, 'step', width);

    await p.getByLabel('Email address').fill('ada@example');
    await p.getByLabel('First name').fill('');
    await p.getByLabel('Year').fill('');
    await p.getByRole('button', { name: 'Continue' }).click();
    await p.getByRole('heading', { name: 'There is a problem' }).waitFor();
    await shoot(p, 'error', width);

    await fillFirstStep(p);
    await p.getByRole('button', { name: 'Continue' }).click();
    await p.getByLabel('Full').check();
    await p.getByLabel('Employer').fill('Northfield Care Homes');
    await p.getByRole('button', { name: 'Continue' }).click();
    await p.getByLabel("Send me the members' newsletter").check();
    await p.getByRole('button', { name: 'Continue' }).click();
    await p.getByRole('heading', { name: 'Check your answers' }).waitFor();
    await shoot(p, 'review', width);

    await p.getByRole('button', { name: 'Send application' }).click();
    await p.getByText('7K3Q-').waitFor();
    await shoot(p, 'confirmation', width);
    await context.close();
  }
  const dark = await browser.newContext({
    viewport: { width: 360, height: 740 },
    colorScheme: 'dark',
    reducedMotion: 'reduce',
  });
  const p = await dark.newPage();
  await p.goto(`http://127.0.0.1:${port}/`);
  await p.getByRole('heading', { name: 'About you' }).waitFor();
  await fillFirstStep(p);
  await p.getByLabel('Email address').fill('ada@example');
  await p.getByRole('button', { name: 'Continue' }).click();
  await shoot(p, 'error-dark', 360);
  await dark.close();
} finally {
  await browser.close();
  server.close();
}
