import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { FocusTarget, JourneyController, View } from './journey-controller.ts';

/** What one of this form's history entries remembers: the page and how deep it is. */
interface Entry {
  view: 'step' | 'review' | 'ineligible';
  stepId?: string;
  depth: number;
}

/** Forms on one page get their own history keys, in the order they are made. */
let forms = 0;

/**
 * Lets the browser's Back and Forward buttons (and a phone's back gesture) move between the
 * form's pages, as they would between the pages of a GOV.UK form: each page the applicant goes on
 * to is a history entry of the same address, and going back shows the page of that entry.
 * Entries carry the form's own key, so a page's router and other forms leave them alone, and the
 * form itself never moves history: only the applicant does. Once the application is sent, Back
 * passes over the form's entries and leaves the page instead of reopening a sent review.
 */
export class HistoryController implements ReactiveController {
  readonly #journey: JourneyController;
  readonly #key = `union-join-form-${++forms}`;
  /** Whether the form is past navigating (confirmation, a queued application). */
  readonly #settled: () => boolean;
  /** Views shown in answer to history are not pushed again. */
  #quiet = false;
  /** The page on screen, so showing it again (with its problems, say) adds no entry. */
  #shown: string | undefined;
  /** How deep the newest entry of this form is, for the next one. */
  #depth = 0;

  constructor(host: ReactiveControllerHost, journey: JourneyController, settled: () => boolean) {
    this.#journey = journey;
    this.#settled = settled;
    journey.addListener({ viewChanged: (view, focus) => this.#onView(view, focus) });
    host.addController(this);
  }

  hostConnected(): void {
    addEventListener('popstate', this.#onPop);
  }

  hostDisconnected(): void {
    removeEventListener('popstate', this.#onPop);
  }

  #onView(view: View, focus: FocusTarget): void {
    const shown = view.kind === 'step' ? `step:${view.stepId}` : view.kind;
    // Problems found on Continue or Send are the same page, not a new one to go back from.
    const samePage = shown === this.#shown || focus === 'summary';
    this.#shown = shown;
    if (this.#quiet || samePage || view.kind === 'confirmation') return;
    const entry: Entry = { view: view.kind, depth: ++this.#depth };
    if (view.kind === 'step') entry.stepId = view.stepId;
    history.pushState({ [this.#key]: entry }, '');
  }

  #onPop = (event: PopStateEvent): void => {
    const state = event.state as Record<string, Entry | undefined> | null;
    const entry = state?.[this.#key];
    if (this.#settled()) {
      // Sent or queued: the applicant is leaving, so pass over this form's entries.
      if (entry) history.back();
      return;
    }
    // Another form's entry on the same page is not a reason to move.
    const others = Object.keys(state ?? {}).some((key) => key.startsWith('union-join-form-'));
    if (!entry && (others || this.#depth === 0)) return;
    this.#depth = entry?.depth ?? 0;
    this.#quietly(() => {
      // Back before the form's first entry: where it began, its first page.
      if (entry?.view === 'review') this.#journey.showReview();
      else if (entry?.view !== 'ineligible') this.#journey.showStep(entry?.stepId);
    });
  };

  #quietly(run: () => void): void {
    this.#quiet = true;
    try {
      run();
    } finally {
      this.#quiet = false;
    }
  }
}
