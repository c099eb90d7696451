import { LOADED_MESSAGE } from './offline-worker.ts';

/** Why the worker was not registered, for the webmaster's console; never about the applicant. */
const PREFIX = 'union-join-offline.js:';

/**
 * Registers `script` (this very file, loaded by the page) as the service worker, its scope the
 * script's folder. Once the worker controls the page it is told what the page had already loaded,
 * so the first visit is kept for a reload without signal.
 */
export function registerOfflineWorker(script: HTMLScriptElement | null): void {
  // No service workers on plain http (except localhost), nor in some private modes.
  const container = globalThis.navigator?.serviceWorker;
  if (!container || !script?.src) return;
  const url = new URL(script.src, location.href);
  if (url.origin !== location.origin) {
    console.warn(`${PREFIX} a service worker must come from this site; copy the file to it.`);
    return;
  }
  const scope = new URL('./', url).href;
  if (!location.href.startsWith(scope)) {
    console.warn(
      `${PREFIX} it works only for pages in its folder (${scope}) or below; put it next to this page.`,
    );
    return;
  }
  container.addEventListener('controllerchange', () => {
    container.controller?.postMessage({
      type: LOADED_MESSAGE,
      page: location.href,
      resources: performance.getEntriesByType('resource').map((entry) => entry.name),
    });
  });
  const register = () =>
    container.register(url.href).catch((error: unknown) => {
      console.warn(`${PREFIX} the offline copy could not be set up.`, error);
    });
  // After the page has loaded, so setting the worker up never slows the first visit down.
  if (document.readyState === 'complete') void register();
  else globalThis.addEventListener('load', () => void register(), { once: true });
}
