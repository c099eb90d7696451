import { html, nothing, type ReactiveController, type ReactiveControllerHost } from 'lit';
import type { TemplateResult } from 'lit';
import {
  createIdempotencyKey,
  formatMessage,
  type FormDefinition,
  type FormSession,
  type Locale,
  type Translation,
} from '@union-join/sdk';
import {
  isPersistable,
  createAutosaver,
  createDraftStore,
  createMemoryDraftStorage,
  flushOnPageHide,
  openDraftStorage,
  type DraftStorage,
  type RestoredDraft,
  REVIEW_STEP,
} from '@union-join/sdk/drafts';
import { UnionJoinResumeEvent } from '../events/resume-event.ts';
import { relativeTime } from '../internal/relative-time.ts';
import type { JourneyController, View } from './journey-controller.ts';

/** What the drafts controller needs from its host element. */
export interface DraftsHost extends ReactiveControllerHost, EventTarget {
  /** The engine session of the loaded form, if any. */
  readonly session: FormSession | undefined;
  /** `off` keeps everything in memory: nothing is written to the device. */
  readonly drafts: 'on' | 'off';
}

/**
 * Keeps the applicant's answers on the device as they type (debounced, flushed when the page is
 * hidden) and offers them back on return: "Continue your application" or "Start again". Only what
 * the engine calls persistable is written, and the sdk store strips bank details and national ids
 * again. The draft is deleted on confirmation, when the application is queued, when the applicant
 * turns out to be too young (saving again if they go back to correct the date), and on "Start
 * again" or "Delete saved answers". With `drafts="off"`
 * nothing here touches the device.
 */
export class DraftsController implements ReactiveController {
  readonly #host: DraftsHost;
  readonly #journey: JourneyController;
  readonly #autosaver = createAutosaver(() => this.#save());
  #storage: { mode: 'on' | 'off'; storage: Promise<DraftStorage> } | undefined;
  #persistent: boolean | undefined;
  #definition: FormDefinition | undefined;
  #unsubscribe: (() => void) | undefined;
  #unbindPage: (() => void) | undefined;
  #saving = false;
  /** "Delete saved answers" was pressed: its question waits for an answer. */
  #asking = false;
  /** Saving stopped at "You cannot join online": it starts again if the applicant goes back. */
  #turnedAway = false;
  #stepId: string | undefined;
  /** The idempotency key saved with this page's draft (see {@link DraftsController.key}). */
  #key: string | undefined;
  /** The session whose refused application {@link DraftsController.keep} saved, with its key. */
  #kept: FormSession | undefined;
  #offer: RestoredDraft | undefined;
  #notice: 'unavailable' | 'deleted' | undefined;
  #attachments = 0;

  constructor(host: DraftsHost, journey: JourneyController) {
    this.#host = host;
    this.#journey = journey;
    host.addController(this);
    journey.addListener({ viewChanged: (view) => this.#onView(view) });
  }

  hostConnected(): void {
    this.#unbindPage = flushOnPageHide(this.#autosaver);
  }

  hostDisconnected(): void {
    this.#unbindPage?.();
    this.#unbindPage = undefined;
    void this.#autosaver.flush();
  }

  /** The device storage of this form: IndexedDB, or memory with `drafts="off"` or no usable IndexedDB. */
  storage(): Promise<DraftStorage> {
    const mode = this.#host.drafts === 'off' ? 'off' : 'on';
    if (this.#storage?.mode !== mode) {
      const storage =
        mode === 'off' ? Promise.resolve(createMemoryDraftStorage()) : openDraftStorage();
      this.#storage = { mode, storage };
    }
    return this.#storage.storage;
  }

  /**
   * The key to send this application with: the draft's, shared by every tab that continues it, so
   * the same application sent from two tabs is stored once. Undefined while nothing is saved.
   */
  get key(): string | undefined {
    return this.#key;
  }

  /**
   * Moves focus to `selector` once rendered: the buttons of "Delete saved answers" come and go, so
   * focus needs a new home each time.
   */
  focusAfterRender: ((selector: string) => void) | undefined;

  /** The saved draft offered on return, while the applicant has not chosen. */
  get offer(): RestoredDraft | undefined {
    return this.#offer;
  }

  /** Whether answers are being kept on this device, or wait there to be continued. */
  get keepsAnswers(): boolean {
    return (
      this.#host.drafts !== 'off' &&
      this.#persistent === true &&
      (this.#saving || this.#offer !== undefined)
    );
  }

  /**
   * Starts on a newly loaded form: offers its draft when `restore` is true and one fits, otherwise
   * (or once the applicant chooses) saves answers as they change.
   */
  async attach(definition: FormDefinition, session: FormSession, restore: boolean): Promise<void> {
    const attachment = ++this.#attachments;
    await this.#autosaver.flush();
    this.#unsubscribe?.();
    this.#definition = definition;
    this.#offer = undefined;
    this.#saving = false;
    this.#turnedAway = false;
    this.#notice = undefined;
    if (this.#kept !== session) this.#key = undefined;
    this.#stepId = this.#journey.currentStep?.id;
    this.#unsubscribe = session.subscribe(() => {
      if (this.#saving) this.#autosaver.schedule();
    });
    if (this.#host.drafts === 'off') return;
    const storage = await this.storage();
    if (attachment !== this.#attachments) return;
    this.#persistent = storage.persistent;
    if (!storage.persistent) {
      this.#say('unavailable');
      return;
    }
    storage.subscribe(() => {
      this.#persistent = false;
      this.#say('unavailable');
    });
    const draft = restore ? await createDraftStore(storage).restoreDraft(definition) : undefined;
    if (attachment !== this.#attachments) return;
    const view = this.#journey.view?.kind;
    if (view !== 'step' && view !== 'review') return;
    // Answers typed while the device was being read win over the draft found.
    const typed = Object.keys(session.answers()).length > 0;
    if (draft && !typed) {
      this.#offer = draft;
    } else {
      this.#saving = true;
      if (typed) this.#autosaver.schedule();
    }
    this.#host.requestUpdate();
  }

  /** "Continue your application": puts the draft's answers back and opens the page it was on. */
  resume(): void {
    const draft = this.#offer;
    const session = this.#host.session;
    if (!draft || !session) return;
    this.#offer = undefined;
    this.#key = draft.key;
    for (const [fieldId, value] of Object.entries(draft.answers)) {
      try {
        session.set(fieldId, value, draft.consentAt[fieldId]);
      } catch {
        // An answer the engine will not take back is left for the applicant to give again.
      }
    }
    this.#saving = true;
    this.#host.dispatchEvent(new UnionJoinResumeEvent(draft.savedAt.toISOString()));
    // An answer not kept on the device (an identity number, bank details), optional ones too, is
    // asked for again on its own step, before the step the applicant left off on.
    const steps = session.visibleSteps();
    const review = draft.stepId === REVIEW_STEP && this.#journey.hasReview;
    const left = review ? steps.length : steps.findIndex((step) => step.id === draft.stepId);
    const stepId = (
      steps
        .slice(0, left)
        .find(
          (step) =>
            session.validateStep(step.id).length > 0 ||
            session.visibleFields(step.id).some((field) => draft.unkept.includes(field.id)),
        ) ?? steps[Math.max(0, left)]
    )?.id;
    // Left on "Check your answers", with every step still complete: back there.
    if (stepId) this.#journey.showStep(stepId);
    else if (review) this.#journey.showReview();
    this.#host.requestUpdate();
  }

  /** "Start again": deletes the draft and opens the first step. */
  async startAgain(): Promise<void> {
    this.#offer = undefined;
    await this.#forget();
    this.#saving = true;
    const first = this.#host.session?.visibleSteps()[0]?.id;
    if (first) this.#journey.showStep(first);
    this.#host.requestUpdate();
  }

  /** "Delete saved answers" (after "Yes, delete them"): wipes the draft and writes nothing more. */
  async deleteSavedAnswers(): Promise<void> {
    this.#asking = false;
    this.#saving = false;
    await this.#forget();
    this.#say('deleted');
    this.focusAfterRender?.('#uj-drafts-notice');
  }

  /**
   * Saves at once the answers of an application the server refused, with the key it was sent
   * with, and goes on saving them: they stay on the device until they are sent again.
   */
  async keep(session: FormSession, key: string): Promise<void> {
    this.#definition = session.definition;
    this.#kept = session;
    this.#key = key;
    this.#offer = undefined;
    this.#saving = this.#host.drafts !== 'off';
    this.#autosaver.schedule();
    await this.#autosaver.flush();
  }

  /** Deletes the draft for good: the application was sent or queued, or cannot be made. */
  async discard(): Promise<void> {
    this.#saving = false;
    this.#offer = undefined;
    // The queued notice says now what is kept: two notices would only disagree.
    this.#notice = undefined;
    await this.#forget();
    this.#host.requestUpdate();
  }

  /** The offer shown instead of the first step when a draft was found. */
  renderOffer(t: Translation, locale: Locale, headingId: string): TemplateResult {
    const savedAt = this.#offer?.savedAt ?? new Date();
    const when = relativeTime(savedAt, locale, t.momentAgo);
    return html`<h2 id=${headingId} tabindex="-1">${formatMessage(t.resumeTitle, { when })}</h2>
      <p>${t.resumeBody}</p>
      ${
        this.#definition?.steps.some((step) => step.fields.some((field) => !isPersistable(field)))
          ? html`<p>${t.resumeNotKept}</p>`
          : nothing
      }
      <div class="actions">
        <button part="button" type="button" @click=${() => this.resume()}>
          ${t.continueApplication}
        </button>
        <button part="button" type="button" class="secondary" @click=${() => this.startAgain()}>
          ${t.startAgain}
        </button>
      </div>`;
  }

  /** A one-time notice: answers cannot be kept here, or saved answers were deleted. */
  renderNotice(t: Translation): TemplateResult | typeof nothing {
    if (!this.#notice) return nothing;
    const text = this.#notice === 'deleted' ? t.savedAnswersDeleted : t.draftsUnavailable;
    return html`<div id="uj-drafts-notice" class="notice info" role="status" tabindex="-1">
      <p>${text}</p>
    </div>`;
  }

  /** Under a step: what is kept on the device, and the way to delete it. */
  renderFooter(t: Translation): TemplateResult | typeof nothing {
    const days = this.#definition?.drafts.ttlDays;
    if (!this.keepsAnswers || days === undefined) return nothing;
    if (this.#asking) {
      // Asked first: a stray tap on a phone must not wipe what an applicant means to come back to.
      return html`<div class="drafts" role="group" aria-labelledby="uj-delete-question">
        <p id="uj-delete-question" tabindex="-1">${t.deleteSavedQuestion}</p>
        <div class="actions">
          <button part="button" type="button" @click=${() => this.deleteSavedAnswers()}>
            ${t.deleteSavedYes}
          </button>
          <button part="button" type="button" class="secondary" @click=${() => this.#ask(false)}>
            ${t.deleteSavedNo}
          </button>
        </div>
      </div>`;
    }
    return html`<p class="muted drafts">
      ${formatMessage(t.draftsNotice, {
        days: days === 1 ? t.oneDay : formatMessage(t.days, { days }),
      })}
      <button type="button" id="uj-delete-saved" class="link" @click=${() => this.#ask(true)}>
        ${t.deleteSavedAnswers}
      </button>
    </p>`;
  }

  #ask(asking: boolean): void {
    this.#asking = asking;
    this.#host.requestUpdate();
    this.focusAfterRender?.(asking ? '#uj-delete-question' : '#uj-delete-saved');
  }

  #onView(view: View): void {
    // Notices are said once, and a question left open is dropped: the next page carries neither.
    this.#notice = undefined;
    this.#asking = false;
    if (view.kind === 'step') this.#stepId = view.stepId;
    if (view.kind === 'ineligible' || view.kind === 'confirmation') {
      this.#turnedAway = view.kind === 'ineligible' && (this.#saving || this.#turnedAway);
      void this.discard();
      return;
    }
    // Back from "You cannot join online" to correct a mistyped birth year: keep answers again.
    if (this.#turnedAway) this.#saving = true;
    this.#turnedAway = false;
    if (!this.#saving) return;
    // Saved now, not after the quiet half second: a page change is a moment the applicant thinks
    // their answers are safe, and a phone may kill the browser at any time after it.
    this.#autosaver.schedule();
    void this.#autosaver.flush();
  }

  #say(notice: 'unavailable' | 'deleted'): void {
    this.#notice = notice;
    this.#host.requestUpdate();
  }

  async #save(): Promise<void> {
    const definition = this.#definition;
    const session = this.#host.session;
    if (!this.#saving || !definition || !session || session.definition !== definition) return;
    const drafts = createDraftStore(await this.storage());
    const stepId =
      this.#journey.view?.kind === 'review'
        ? REVIEW_STEP
        : (this.#journey.currentStep?.id ?? this.#stepId);
    const answers = session.persistableAnswers();
    const input = {
      answers,
      consentAt: session.consentAt(),
      key: (this.#key ??= createIdempotencyKey()),
      // Answered but not kept (bank details, identity numbers): asked for again on return.
      unkept: Object.keys(session.answers()).filter((id) => !Object.hasOwn(answers, id)),
    };
    await drafts.saveDraft(definition, stepId === undefined ? input : { stepId, ...input });
  }

  async #forget(): Promise<void> {
    this.#key = undefined;
    await this.#autosaver.cancel();
    const definition = this.#definition;
    if (!definition || this.#host.drafts === 'off') return;
    try {
      await createDraftStore(await this.storage()).deleteDraft(definition.id);
    } catch {
      // The storage already fell back to memory: there is nothing left on the device to delete.
    }
  }
}
