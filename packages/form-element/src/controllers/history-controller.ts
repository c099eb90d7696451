import type { ReactiveController, ReactiveControllerHost } from 'lit';
import {
  pageOf,
  type FocusTarget,
  type JourneyController,
  type View,
} from './journey-controller.ts';

/** What one of this form's history entries remembers: the page it was on, and the one before. */
interface Entry {
  kind: 'step' | 'review' | 'ineligible';
  stepId?: string;
  /** A step opened by a Change link: its Continue returns to the review. */
  change?: true;
  /** The page of the entry this one was pushed over; none when that entry had no page of this form. */
  from?: string;
}

/** Forms on one page get their own history keys, in the order they are made. */
let forms = 0;
const PREFIX = 'union-join-form-';

/**
 * What the form is doing that history must not change: sent (or queued); or staying on the page
 * it shows, because it offers a draft or an application is on its way.
 */
export type HistoryHold = 'sent' | 'stay' | undefined;

/** The entries of every form on the page in a history state, without the page's own keys. */
function formEntries(state: unknown): Record<string, Entry> {
  const entries: Record<string, Entry> = {};
  if (typeof state !== 'object' || state === null) return entries;
  for (const [key, value] of Object.entries(state)) {
    if (key.startsWith(PREFIX)) entries[key] = value as Entry;
  }
  return entries;
}

/**
 * Lets the browser's Back and Forward buttons (and a phone's back gesture) move between the
 * form's pages, as they would between the pages of a GOV.UK form: each page the applicant goes on
 * to is a history entry of the same address, and going back shows the page of that entry. Each
 * entry records the page of every form on the page, so two forms go back together, and carries
 * only the forms' own keys, so a page's router leaves it alone. Once the application is sent,
 * one Back passes over the form's entries and leaves the page instead of reopening the review.
 */
export class HistoryController implements ReactiveController {
  readonly #journey: JourneyController;
  readonly #key = `${PREFIX}${++forms}`;
  readonly #hold: () => HistoryHold;
  /** Views shown in answer to history are not pushed again. */
  #quiet = false;
  /** The page on screen, so showing it again (with its problems, say) adds no entry. */
  #shown: string | undefined;
  /** Passing over this form's entries after sending: one more step back leaves the page. */
  #leaving = false;

  constructor(host: ReactiveControllerHost, journey: JourneyController, hold: () => HistoryHold) {
    this.#journey = journey;
    this.#hold = hold;
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
    const shown = pageOf(view);
    // Problems found on Continue or Send are the same page, not a new one to go back from.
    const samePage = shown === this.#shown || focus === 'summary';
    this.#shown = shown;
    if (this.#quiet || samePage || view.kind === 'confirmation') return;
    const entries = formEntries(history.state);
    const entry: Entry = { kind: view.kind };
    if (view.kind === 'step') entry.stepId = view.stepId;
    if (view.kind === 'step' && this.#journey.returnsToReview) entry.change = true;
    const from = pageOf(entries[this.#key]);
    if (from) entry.from = from;
    history.pushState({ ...entries, [this.#key]: entry }, '');
  }

  /**
   * The form's Back link, when the history entry before this one is the page it goes back to:
   * goes back through history, so Back link and browser Back stay one path and the browser's
   * Forward then returns. Returns false when the link must move by itself.
   */
  back(): boolean {
    const entry = formEntries(history.state)[this.#key];
    if (this.#hold() || !entry || pageOf(entry) !== this.#shown) return false;
    // An entry over one without this form's page goes back to where the form began: its first step.
    const from = entry.from ?? pageOf({ kind: 'step', stepId: this.#journey.firstStepId });
    if (from !== pageOf(this.#journey.backTarget())) return false;
    history.back();
    return true;
  }

  #onPop = (event: PopStateEvent): void => {
    const entry = formEntries(event.state)[this.#key];
    const hold = this.#hold();
    if (hold === 'sent') {
      // The applicant is leaving a sent form: over its entries, then off the page it began on.
      if (entry || this.#leaving) history.back();
      this.#leaving = entry !== undefined;
      return;
    }
    if (hold === 'stay') return;
    // No entry of this form: back where it began, on its first page.
    const here = pageOf(this.#journey.view);
    const first = entry === undefined && this.#journey.position().index === 0;
    if (here === pageOf(entry) || first || entry?.kind === 'ineligible') return;
    this.#quietly(() => {
      if (entry?.kind === 'review') this.#journey.showReview();
      else this.#journey.showStep(entry?.stepId, entry?.change === true);
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
