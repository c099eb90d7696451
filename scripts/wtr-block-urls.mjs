// A server command for browser tests: cut the network for matching URLs without cutting
// the test runner's own websocket (page.setOfflineMode would hang the run).
//   import { executeServerCommand } from '@web/test-runner-commands';
//   await executeServerCommand('block-urls', { urls: ['*/v1/*'] });   // [] unblocks
const cdpSessions = new WeakMap();

export function blockUrlsPlugin() {
  return {
    name: 'block-urls',
    async executeCommand({ command, payload, session }) {
      if (command !== 'block-urls') return undefined;
      const page = session.browser.getPage(session.id);
      let cdp = cdpSessions.get(page);
      if (!cdp) {
        cdp = await page.createCDPSession();
        await cdp.send('Network.enable');
        cdpSessions.set(page, cdp);
      }
      await cdp.send('Network.setBlockedURLs', { urls: payload?.urls ?? [] });
      return true;
    },
  };
}
