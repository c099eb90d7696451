/** The signal of one request attempt and how it ended. */
export interface AttemptSignal {
  /** Aborts when the caller's signal aborts or the time limit passes. */
  readonly signal: AbortSignal;
  /** True when the time limit (not the caller) aborted the attempt. */
  timedOut(): boolean;
  /** Clears the timer and detaches from the caller's signal. */
  dispose(): void;
}

/**
 * Links a per-attempt time limit with the caller's signal. Built on one AbortController and a
 * timer rather than `AbortSignal.any`/`AbortSignal.timeout`, which older mobile Safari lacks,
 * and so the timer is cleared as soon as the attempt is over.
 */
export function attemptSignal(timeoutMs: number, caller?: AbortSignal): AttemptSignal {
  const controller = new AbortController();
  let expired = false;
  const onAbort = () => controller.abort(caller?.reason);
  const timer = setTimeout(() => {
    expired = true;
    controller.abort(new DOMException(`No response within ${timeoutMs} ms`, 'TimeoutError'));
  }, timeoutMs);
  if (caller?.aborted) onAbort();
  else caller?.addEventListener('abort', onAbort, { once: true });
  return {
    signal: controller.signal,
    timedOut: () => expired,
    dispose() {
      clearTimeout(timer);
      caller?.removeEventListener('abort', onAbort);
    },
  };
}
