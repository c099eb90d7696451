// Browser tests: every packages/*/test/browser/**/*.test.ts runs in Debian Chromium.
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { chromeLauncher } from '@web/test-runner-chrome';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { defaultReporter } from '@web/test-runner';
import { summaryReporter } from './scripts/wtr-summary-reporter.mjs';
import { blockUrlsPlugin } from './scripts/wtr-block-urls.mjs';

const require = createRequire(import.meta.url);
const mswWorker = readFileSync(require.resolve('msw/mockServiceWorker.js'), 'utf8');
const executablePath = process.env.CHROME_PATH || '/usr/bin/chromium';

/**
 * Chromium for the browser tests, with a fresh page for every test file: the launcher would
 * otherwise hand the next file the page the last one used, with that file's session history, and
 * the history tests would go back into another file's page.
 */
function freshPageChrome(options) {
  const launcher = chromeLauncher(options);
  const stopSession = launcher.stopSession.bind(launcher);
  launcher.stopSession = async (sessionId) => {
    const result = await stopSession(sessionId);
    for (const page of launcher.inactivePages.splice(0)) await page.puppeteerPage.close();
    return result;
  };
  return launcher;
}

export default {
  files: ['packages/*/test/browser/**/*.test.ts'],
  nodeResolve: { exportConditions: ['source', 'browser', 'development'] },
  concurrency: 1,
  testsFinishTimeout: 240_000,
  browserStartTimeout: 60_000,
  testFramework: { config: { timeout: 20_000 } },
  plugins: [esbuildPlugin({ ts: true, target: 'es2022' }), blockUrlsPlugin()],
  middleware: [
    (ctx, next) => {
      // msw's service worker must be served from the root scope.
      if (ctx.path === '/mockServiceWorker.js') {
        ctx.type = 'application/javascript';
        ctx.body = mswWorker;
        return undefined;
      }
      return next();
    },
  ],
  browsers: [
    freshPageChrome({
      launchOptions: {
        executablePath,
        headless: true,
        args: [
          '--headless=new',
          '--no-sandbox',
          '--disable-gpu',
          '--disable-dev-shm-usage',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
          '--no-first-run',
        ],
      },
    }),
  ],
  reporters: [defaultReporter(), summaryReporter()],
};
