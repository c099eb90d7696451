// Entry point of dist/union-join-offline.js, one file with two roles. Loaded by a join page
// (`<script src="/union-join-offline.js" defer></script>`) it registers itself as the service
// worker; running as that worker it keeps the join page, the element and the form definition for
// a visit without signal. It is never part of union-join-form.js.
import { registerOfflineWorker } from './internal/offline-registration.ts';
import { runOfflineWorker, type WorkerScopeLike } from './internal/offline-worker.ts';

if ('ServiceWorkerGlobalScope' in globalThis) {
  runOfflineWorker(globalThis as unknown as WorkerScopeLike);
} else if (typeof document !== 'undefined') {
  // `currentScript` is null in a module script: then the tag is found by the file's name.
  const current =
    document.currentScript ?? document.querySelector('script[src*="union-join-offline"]');
  registerOfflineWorker(current instanceof HTMLScriptElement ? current : null);
}
