/** Debounces saves of a draft and runs them one at a time. */
export interface Autosaver {
  /** Notes a change; the save runs `delayMs` after the last change, or `maxWaitMs` after the first. */
  schedule(): void;
  /** Runs a pending save now (on `pagehide`, when the page is hidden); resolves when it is written. */
  flush(): Promise<void>;
  /** Drops a pending save and waits for one in progress, so a following delete is not undone. */
  cancel(): Promise<void>;
  /** Whether a change is waiting to be saved. */
  readonly pending: boolean;
}

/** Options of {@link createAutosaver}. */
export interface AutosaverOptions {
  /** Quiet time after the last change before saving, in milliseconds (default 500). */
  delayMs?: number;
  /** Longest a change waits while more keep coming, in milliseconds (default 2000). */
  maxWaitMs?: number;
  /** Told about a failed save; the next change tries again. */
  onError?: (error: unknown) => void;
}

/**
 * Creates a debounced autosaver around `save`, which should read the answers when it runs.
 * @example
 * const autosaver = createAutosaver(() =>
 *   drafts.saveDraft(definition, { stepId, answers: session.persistableAnswers() }),
 * );
 * session.subscribe(() => autosaver.schedule());
 * const unbind = flushOnPageHide(autosaver);
 */
export function createAutosaver(
  save: () => Promise<void> | void,
  options: AutosaverOptions = {},
): Autosaver {
  const delayMs = options.delayMs ?? 500;
  const maxWaitMs = options.maxWaitMs ?? 2000;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let longest: ReturnType<typeof setTimeout> | undefined;
  let dirty = false;
  let running: Promise<void> = Promise.resolve();

  function stop(): void {
    clearTimeout(timer);
    clearTimeout(longest);
    timer = longest = undefined;
  }

  function run(): Promise<void> {
    stop();
    if (!dirty) return running;
    dirty = false;
    // Chained, so two saves never overlap and the last one written is the newest.
    running = running.then(async () => {
      try {
        await save();
      } catch (error) {
        options.onError?.(error);
      }
    });
    return running;
  }

  return {
    schedule() {
      dirty = true;
      clearTimeout(timer);
      timer = setTimeout(run, delayMs);
      longest ??= setTimeout(run, maxWaitMs);
    },
    flush: run,
    async cancel() {
      stop();
      dirty = false;
      await running;
    },
    get pending() {
      return dirty;
    },
  };
}

/**
 * Flushes the autosaver when the page is hidden or left (`visibilitychange`, `pagehide`): the last
 * moment a page can start a write. A write started when the tab goes on to another page can still
 * be dropped (Chromium does), so answers typed in the half second before such a navigation may be
 * missing from the draft. Returns a function that removes the listeners.
 */
export function flushOnPageHide(
  autosaver: Pick<Autosaver, 'flush'>,
  target: Window = window,
): () => void {
  const onHide = () => void autosaver.flush();
  const onVisibility = () => {
    if (target.document.visibilityState === 'hidden') onHide();
  };
  target.addEventListener('pagehide', onHide);
  target.document.addEventListener('visibilitychange', onVisibility);
  return () => {
    target.removeEventListener('pagehide', onHide);
    target.document.removeEventListener('visibilitychange', onVisibility);
  };
}
