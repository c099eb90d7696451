// One way to start Chromium for every journey and benchmark: Debian's Chromium (or CHROME_PATH),
// headless, with the flags that work as root in a container.
import { chromium, type BrowserContext, type LaunchOptions } from 'playwright-core';

/** The browser binary: `CHROME_PATH`, else Debian's Chromium. */
export const executablePath = process.env.CHROME_PATH || '/usr/bin/chromium';

/** Headless flags that work as root in a container without a GPU. */
export const chromiumArgs = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** Launch options for `chromium.launch`. */
export const launchOptions: LaunchOptions = {
  executablePath,
  headless: true,
  args: chromiumArgs,
};

/** Starts Chromium with a profile in `userDataDir`, so IndexedDB survives a restart of the browser. */
export function launchWithProfile(
  userDataDir: string,
  viewport: { width: number; height: number },
): Promise<BrowserContext> {
  return chromium.launchPersistentContext(userDataDir, { ...launchOptions, viewport });
}
