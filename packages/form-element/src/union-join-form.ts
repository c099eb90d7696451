import { LitElement, html, nothing, type PropertyDeclarations, type TemplateResult } from 'lit';
import {
  createFormSession,
  formatIssue,
  formatMessage,
  resolveText,
  translations,
  type FieldDefinition,
  type FieldIssue,
  type FormDefinition,
  type FormSession,
  type Locale,
  type LocalizedText,
  type StepDefinition,
  type Translation,
} from '@union-join/sdk';
import { AnalyticsController } from './controllers/analytics-controller.ts';
import { DefinitionController, type DefinitionState } from './controllers/definition-controller.ts';
import { DraftsController } from './controllers/drafts-controller.ts';
import { FocusController } from './controllers/focus-controller.ts';
import { HistoryController } from './controllers/history-controller.ts';
import {
  JourneyController,
  type FocusTarget,
  type View,
} from './controllers/journey-controller.ts';
import { LocaleController } from './controllers/locale-controller.ts';
import { OutboxController } from './controllers/outbox-controller.ts';
import { SubmissionController } from './controllers/submission-controller.ts';
import { UnionJoinErrorEvent, UnionJoinErrorKind } from './events/error-event.ts';
import type { FieldContext } from './fields/field-context.ts';
import { renderField } from './fields/render-field.ts';
import { FORMAT_TAGS, formatAnswer } from './internal/format-answer.ts';
import { referenceGroups } from './internal/reference-groups.ts';
import { styles } from './union-join-form.styles.ts';

const HEADING_ID = 'uj-heading';
const controlId = (fieldId: string) => `uj-${fieldId}`;

/**
 * A multi-step join form for a union or membership organisation: GOV.UK-style steps, "Check your
 * answers", submission to a union-join backend, in English, Norwegian Bokmål or Swedish. A view
 * over the `@union-join/sdk` engine, which owns every rule.
 *
 * @tagname union-join-form
 * @summary An accessible multi-step join form, configured by a JSON form definition.
 *
 * @attr lang - `en`, `nb` or `sv`; otherwise the closest `lang` ancestor, then the browser's
 *   languages, then the form's first locale.
 *
 * @event {UnionJoinStepEvent} union-join-step - A step, the review, the confirmation or the
 *   ineligible page was shown. `detail: { step, index, total }`.
 * @event {UnionJoinSubmitEvent} union-join-submit - Before sending; cancelable (`preventDefault()`
 *   stops sending). `detail: { application }`.
 * @event {UnionJoinSuccessEvent} union-join-success - The backend accepted the application.
 *   `detail: { id, receivedAt }`.
 * @event {UnionJoinQueuedEvent} union-join-queued - The application was saved on the device and
 *   will be sent when the browser is online.
 * @event {UnionJoinErrorEvent} union-join-error - Loading or sending failed.
 *   `detail: { kind: 'load' | 'definition' | 'validation' | 'submit', error }`.
 * @event {UnionJoinResumeEvent} union-join-resume - A saved draft was restored.
 *
 * @csspart form - The card that holds everything.
 * @csspart progress - The "Step 2 of 5" line.
 * @csspart field - The box around one question.
 * @csspart label - A label or legend.
 * @csspart input - A text box, text area or select.
 * @csspart error - An inline error message.
 * @csspart button - The Continue, Send application and Try again buttons.
 *
 * @cssproperty --union-join-form-color-primary - Buttons, links and the progress bar.
 * @cssproperty --union-join-form-color-on-primary - Text on primary buttons.
 * @cssproperty --union-join-form-color-text - Body text.
 * @cssproperty --union-join-form-color-muted - Hints and secondary text.
 * @cssproperty --union-join-form-color-background - The card's background.
 * @cssproperty --union-join-form-color-surface - Notices and secondary buttons.
 * @cssproperty --union-join-form-color-border - Input borders (keep 3:1 contrast).
 * @cssproperty --union-join-form-color-divider - Card border and rules.
 * @cssproperty --union-join-form-color-error - Error messages and the error summary.
 * @cssproperty --union-join-form-color-success - The confirmation panel.
 * @cssproperty --union-join-form-color-focus - The focus ring.
 * @cssproperty --union-join-form-color-focus-text - The ring's dark edge and focused link text.
 * @cssproperty --union-join-form-font-family - The font.
 * @cssproperty --union-join-form-font-size - The base font size (default 1.0625rem).
 * @cssproperty --union-join-form-radius - Corner radius of inputs and buttons.
 * @cssproperty --union-join-form-spacing - The base spacing unit (default 1rem).
 * @cssproperty --union-join-form-max-width - Widest the form grows (default 42rem).
 *
 * @example
 * ```html
 * <script type="module" src="https://join.example.org/union-join-form.js"></script>
 * <union-join-form endpoint="https://join.example.org" form-id="example-union"></union-join-form>
 * ```
 */
export class UnionJoinForm extends LitElement {
  static override styles = styles;

  static override properties: PropertyDeclarations = {
    endpoint: { type: String },
    formId: { type: String, attribute: 'form-id' },
    src: { type: String },
    definition: { attribute: false },
    analytics: { type: String },
    drafts: { type: String },
  };

  /** Base URL of the backend; empty means this site. Submissions go to `{endpoint}/v1/forms/{id}/applications`. */
  declare endpoint: string | undefined;
  /** Loads the definition from `GET {endpoint}/v1/forms/{form-id}`. */
  declare formId: string | undefined;
  /** URL of a form-definition JSON file, instead of `form-id`. */
  declare src: string | undefined;
  /** A form-definition object set from JavaScript; wins over `src` and `form-id`. */
  declare definition: unknown;
  /** `on` (default) or `off`: anonymous step analytics (also off under Global Privacy Control or Do Not Track). */
  declare analytics: 'on' | 'off';
  /** `on` (default) or `off`: save answers on the device as the applicant types. */
  declare drafts: 'on' | 'off';

  #session: FormSession | undefined;
  #unsubscribe: (() => void) | undefined;
  /** What the applicant typed, per field, so a box never changes under their fingers. */
  readonly #typed = new Map<string, unknown>();
  /** Where the step on screen stands among the visible steps, as of this render. */
  #position = { index: -1, total: 0 };

  readonly #locale = new LocaleController(this);
  readonly #focus = new FocusController(this);
  readonly #journey = new JourneyController(this, () => void this.#submission.submit());
  readonly #submission = new SubmissionController(this, this.#journey);
  readonly #drafts = new DraftsController(this, this.#journey);
  readonly #outbox = new OutboxController(this, this.#journey, this.#drafts, this.#submission, () =>
    this.#focus.focusAfterRender(`#${HEADING_ID}`, () => this.#outbox.queuedTitle(this.#t())),
  );
  readonly #definition = new DefinitionController(this, (state) => this.#onDefinition(state));
  readonly #analytics = new AnalyticsController(this, this.#journey);
  readonly #history: HistoryController;

  constructor() {
    super();
    this.analytics = 'on';
    this.drafts = 'on';
    this.#submission.sharedKey = () => this.#drafts.key;
    // Browser Back and Forward move between the form's pages.
    this.#history = new HistoryController(this, this.#journey, () =>
      this.#journey.view?.kind === 'confirmation' || this.#outbox.queued
        ? 'sent'
        : this.#drafts.offer || this.#sending()
          ? 'stay'
          : undefined,
    );
    this.#drafts.focusAfterRender = (selector) => this.#focus.focusAfterRender(selector);
    // Focus stays on the Send button while sending (it is only marked disabled), the live region
    // says so, and a failure takes focus to its notice, so nothing falls back to the page.
    this.#submission.onStatus = (status) => {
      if (status === 'sending') this.#focus.announce(() => this.#t().sending);
      if (status === 'failed') this.#focus.focusAfterRender('#uj-send-failure', () => '');
    };
    this.#journey.addListener({
      viewChanged: (view, focus) => this.#onViewChanged(view, focus),
    });
  }

  /** The engine session of the loaded form (answers, visibility, validation), if a form is loaded. */
  get session(): FormSession | undefined {
    return this.#session;
  }

  #onDefinition(state: DefinitionState): void {
    // What the live region said was about the form that was here.
    this.#focus.announce(() => '');
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
    this.#session = undefined;
    this.#typed.clear();
    this.#submission.reset();
    if (state.status === 'ready') {
      const session = createFormSession(state.definition, {
        locale: this.#locale.resolve(state.definition.locales),
      });
      this.#session = session;
      this.#unsubscribe = session.subscribe(() => this.requestUpdate());
      this.#journey.start();
      void this.#restore(state.definition, session);
    } else if (state.status === 'invalid') {
      this.dispatchEvent(new UnionJoinErrorEvent(UnionJoinErrorKind.definition, state.error));
    } else if (state.status === 'failed') {
      this.dispatchEvent(new UnionJoinErrorEvent(UnionJoinErrorKind.load, state.error));
    }
  }

  /** "Start a new application" after a confirmation, or while one waits to be sent. */
  #startNew = (): void => {
    const definition = this.#session?.definition;
    if (!definition) return;
    this.#analytics.restart();
    this.#outbox.moveOn();
    this.#onDefinition({ status: 'ready', definition });
    const view = this.#journey.view;
    if (view) this.#onViewChanged(view, 'heading');
  };

  /** What the device kept: a delivered or queued application first, otherwise a draft to offer. */
  async #restore(definition: FormDefinition, session: FormSession): Promise<void> {
    const shown = await this.#outbox.attach(definition);
    await this.#drafts.attach(definition, session, !shown);
  }

  #onViewChanged(view: View, focus: FocusTarget): void {
    if (focus === 'summary') {
      // The summary is an alert that says it all: the polite region says nothing over it.
      this.#focus.focusAfterRender('.error-summary', () => '', 'top');
      return;
    }
    const field = typeof focus === 'object';
    // Counted by the first render of the page, as its progress line, and kept: an answer that
    // reveals a step later updates the progress line but is no new page to announce.
    let at: { index: number; total: number } | undefined;
    this.#focus.focusAfterRender(
      field ? `#${controlId(focus.field)}` : `#${HEADING_ID}`,
      () => {
        const t = this.#t();
        const step = this.#journey.currentStep;
        if (step) return `${this.#stepOf((at ??= this.#position))}: ${this.#text(step.title)}`;
        return view.kind === 'review'
          ? t.checkYourAnswers
          : view.kind === 'confirmation'
            ? t.confirmationTitle
            : t.ineligibleTitle;
      },
      field ? 'field' : undefined,
    );
  }

  /** "Step 2 of 5", from this render's position unless given another. */
  #stepOf({ index, total } = this.#position): string {
    return formatMessage(this.#t().stepOf, { n: index + 1, total });
  }

  #localeNow(): Locale {
    return this.#session?.locale ?? this.#locale.resolve();
  }

  #t(): Translation {
    return translations[this.#localeNow()];
  }

  #text = (value: LocalizedText): string =>
    resolveText(value, this.#localeNow(), this.#session?.definition.locales ?? []);

  protected override willUpdate(): void {
    const session = this.#session;
    if (session) {
      const locale = this.#locale.resolve(session.definition.locales);
      if (session.locale !== locale) session.locale = locale;
    }
  }

  protected override render(): TemplateResult {
    // Once per render: the progress line, the Send button and the live region all read it.
    this.#position = this.#journey.position();
    const locale = this.#localeNow();
    // Every language of the form reads left to right, also on a right-to-left page.
    return html`<div part="form" class="card" lang=${locale} dir="ltr">
      <div class="visually-hidden" role="status" aria-live="polite" aria-atomic="true">
        ${this.#focus.announcement}
      </div>
      ${this.#renderBody()}
    </div>`;
  }

  #renderBody(): TemplateResult | typeof nothing {
    const state = this.#definition.state;
    const t = this.#t();
    switch (state.status) {
      case 'idle':
        return this.#renderProblem(t.loadErrorTitle, html`<p>${t.notConfigured}</p>`);
      case 'loading':
        return html`<div class="loading" aria-busy="true">
          <span class="spinner" aria-hidden="true"></span><span>${t.loading}</span>
        </div>`;
      case 'failed':
        return html`${this.#renderProblem(
          t.loadErrorTitle,
          state.error.kind === 'insecure'
            ? html`<p>${t.insecurePage}</p>`
            : html`<p>${state.error.kind === 'not_found' ? t.formNotFound : t.loadError}</p>
                <div class="actions">
                  <button part="button" type="button" @click=${() => this.#definition.retry()}>
                    ${t.tryAgain}
                  </button>
                </div>`,
        )}${this.#outbox.renderHeld(t)}`;
      case 'invalid':
        return this.#renderProblem(
          t.definitionInvalidTitle,
          html`<p>${t.definitionInvalid}</p>
            <ul class="issues" lang="en">
              ${state.error.issues.map(
                (issue) =>
                  html`<li>
                    ${issue.path ? html`<code>${issue.path}</code>: ` : nothing}${issue.message}
                  </li>`,
              )}
            </ul>`,
        );
      case 'ready': {
        const view = this.#journey.view?.kind;
        const filling = view === 'step' || view === 'review';
        return html`${this.#outbox.renderNotices(t, filling, this.#drafts.keepsAnswers)}
        ${this.#drafts.renderNotice(t)} ${this.#renderView()}`;
      }
    }
  }

  #renderProblem(title: string, body: TemplateResult): TemplateResult {
    return html`<div class="notice" role="alert">
      <h2 id=${HEADING_ID} tabindex="-1">${title}</h2>
      ${body}
    </div>`;
  }

  #renderView(): TemplateResult | typeof nothing {
    const view = this.#journey.view;
    const session = this.#session;
    if (!view || !session) return nothing;
    if (this.#outbox.queued)
      return this.#outbox.renderQueued(this.#t(), HEADING_ID, this.#startNew);
    if (this.#drafts.offer) return this.#drafts.renderOffer(this.#t(), session.locale, HEADING_ID);
    switch (view.kind) {
      case 'step': {
        const step = this.#journey.currentStep;
        return step ? this.#renderStep(session, step) : nothing;
      }
      case 'review':
        return this.#renderReview(session);
      case 'confirmation':
        return this.#renderConfirmation(view.reference, session.definition.organisation.name);
      case 'ineligible':
        return this.#renderIneligible(session.definition);
    }
  }

  #renderBack(): TemplateResult | typeof nothing {
    if (!this.#journey.canGoBack) return nothing;
    return html`<button
      type="button"
      class="link back"
      aria-disabled=${this.#sending() ? 'true' : nothing}
      @click=${() => this.#sending() || this.#history.back() || this.#journey.back()}
    >
      ${this.#t().back}
    </button>`;
  }

  /** While the application is on its way, no page may change: a correction would not go with it. */
  #sending(): boolean {
    return this.#submission.status === 'sending';
  }

  #renderProgress(): TemplateResult | typeof nothing {
    const { index, total } = this.#position;
    if (index < 0 || total < 2) return nothing;
    // One segment per visible step; no inline style, which a strict CSP would block.
    const segments = Array.from({ length: total }, (_, i) => (i <= index ? 'done' : ''));
    return html`<p part="progress">${this.#stepOf()}</p>
      <div class="bar" aria-hidden="true">
        ${segments.map((state) => html`<span class=${state}></span>`)}
      </div>`;
  }

  #renderStep(session: FormSession, step: StepDefinition): TemplateResult {
    const t = this.#t();
    const issues = this.#journey.issues;
    const fields = session.visibleFields(step.id);
    const { index, total } = this.#position;
    const sends = !this.#journey.hasReview && !this.#journey.returnsToReview && index === total - 1;
    const sending = this.#submission.status === 'sending';
    return html`${this.#renderBack()}
      <form novalidate aria-labelledby=${HEADING_ID} @submit=${this.#onContinue}>
        ${this.#renderProgress()} ${this.#renderErrorSummary(session, issues)}
        <h2 id=${HEADING_ID} tabindex="-1">${this.#text(step.title)}</h2>
        ${step.description ? html`<p class="lead">${this.#text(step.description)}</p>` : nothing}
        ${fields.map((field) => renderField(this.#fieldContext(session, field, issues)))}
        ${sends ? this.#submission.renderFailure(t, session.definition.organisation) : nothing}
        <div class="actions">
          <button part="button" type="submit" aria-disabled=${sending ? 'true' : nothing}>
            ${sends ? (sending ? t.sending : t.sendApplication) : t.continue}
          </button>
        </div>
      </form>
      ${this.#drafts.renderFooter(t)}`;
  }

  #onContinue = (event: SubmitEvent): void => {
    event.preventDefault();
    if (this.#submission.status !== 'sending') this.#journey.continue();
  };

  #fieldContext(
    session: FormSession,
    field: FieldDefinition,
    issues: readonly FieldIssue[],
  ): FieldContext {
    const issue = issues.find((i) => i.field === field.id);
    const label = this.#text(field.label);
    const locale = session.locale;
    const eligibility = session.definition.eligibility;
    return {
      field,
      id: controlId(field.id),
      locale,
      t: this.#t(),
      text: this.#text,
      label,
      hint: this.#hintOf(field),
      error: issue ? formatIssue(issue, locale, label) : undefined,
      issue,
      value: this.#typed.has(field.id) ? this.#typed.get(field.id) : session.get(field.id),
      privacyNoticeUrl: session.definition.organisation.privacyNoticeUrl,
      isBirthDate: eligibility?.birthDateField === field.id,
      set: (value: unknown) => {
        this.#typed.set(field.id, value);
        session.set(field.id, value);
      },
    };
  }

  /** The field's own hint, or the usual one for its type (a date's example, "Select all that apply"). */
  #hintOf(field: FieldDefinition): string | undefined {
    if (field.hint) return this.#text(field.hint);
    if (field.type === 'date') return this.#t().dateHint;
    if (field.type === 'multi-choice') return this.#t().selectAllThatApply;
    return undefined;
  }

  #renderErrorSummary(
    session: FormSession,
    issues: readonly FieldIssue[],
  ): TemplateResult | typeof nothing {
    if (issues.length === 0) return nothing;
    const t = this.#t();
    // As GOV.UK's error summary: an alert, so the problems are read out as it appears, inside the
    // box that takes focus.
    return html`<div class="error-summary" tabindex="-1">
      <div role="alert">
        <h2 id="uj-error-summary-title">${t.errorSummaryTitle}</h2>
        <ul>
          ${issues.map((issue) => {
            const field = session.field(issue.field);
            const label = field ? this.#text(field.label) : issue.field;
            const target = `#${controlId(issue.field)}`;
            const part = issue.params?.part;
            return html`<li>
              <a
                href=${target}
                @click=${(event: Event) => {
                  event.preventDefault();
                  // The box the problem is about (a date's year, an address's postcode); the first
                  // box carries the field's own id, so it is the one found when no other matches.
                  if (!(part && this.#focus.focusNow(`${target}-${part}`)))
                    this.#focus.focusNow(target);
                }}
                >${formatIssue(issue, session.locale, label)}</a
              >
            </li>`;
          })}
        </ul>
      </div>
    </div>`;
  }

  #renderReview(session: FormSession): TemplateResult {
    const t = this.#t();
    const answers = session.answers();
    const sending = this.#submission.status === 'sending';
    const failure = this.#submission.failure;
    const failed = failure === 'delivery' || failure === 'rate_limited';
    return html`${this.#renderBack()}
      <h2 id=${HEADING_ID} tabindex="-1">${t.checkYourAnswers}</h2>
      <p class="lead">${t.checkYourAnswersIntro}</p>
      ${session.visibleSteps().map(
        (step) =>
          html`<h3>${this.#text(step.title)}</h3>
            <dl class="summary">
              ${session.visibleFields(step.id).map((field) => {
                const label = this.#text(field.label);
                const shown = formatAnswer(field, answers[field.id], {
                  formatTag: FORMAT_TAGS[session.locale],
                  t,
                  text: this.#text,
                });
                return html`<div>
                  <dt>${label}</dt>
                  <dd class=${shown === undefined ? 'value muted' : 'value'}>
                    <span>${shown ?? t.notProvided}</span>
                  </dd>
                  <dd class="actions-cell">
                    <button
                      type="button"
                      class="link"
                      aria-disabled=${sending ? 'true' : nothing}
                      @click=${() => this.#sending() || this.#journey.change(field.id)}
                    >
                      ${t.change}<span class="visually-hidden"> ${label}</span>
                    </button>
                  </dd>
                </div>`;
              })}
            </dl>`,
      )}
      <form novalidate aria-labelledby=${HEADING_ID} @submit=${this.#onSend}>
        ${this.#submission.renderFailure(t, session.definition.organisation)}
        <div class="actions">
          <button part="button" type="submit" aria-disabled=${sending ? 'true' : nothing}>
            ${sending ? t.sending : failed ? t.tryAgain : t.sendApplication}
          </button>
        </div>
      </form>`;
  }

  #onSend = (event: SubmitEvent): void => {
    event.preventDefault();
    void this.#submission.submit();
  };

  #renderConfirmation(reference: string, organisation: string): TemplateResult {
    const t = this.#t();
    // Lines break between groups (<wbr>), inside one only if it alone is wider than the screen.
    return html`<div class="panel">
        <h2 id=${HEADING_ID} tabindex="-1">${t.confirmationTitle}</h2>
        <p>
          ${t.yourReference}<strong class="reference"
            >${referenceGroups(reference).map((group) => html`<span>${group}</span><wbr />`)}</strong
          >
        </p>
      </div>
      <p>${formatMessage(t.confirmationBody, { organisation })}</p>
      <div class="actions">
        <button part="button" type="button" class="secondary" @click=${this.#startNew}>
          ${t.startNewApplication}
        </button>
      </div>`;
  }

  #renderIneligible(definition: FormDefinition): TemplateResult {
    const t = this.#t();
    const { name, privacyNoticeUrl } = definition.organisation;
    const minimumAge = definition.eligibility?.minimumAge ?? 13;
    return html`${this.#renderBack()}
      <h2 id=${HEADING_ID} tabindex="-1">${t.ineligibleTitle}</h2>
      <p>${formatMessage(t.ineligibleBody, { organisation: name, minimumAge })}</p>
      <p>
        <a href=${privacyNoticeUrl} target="_blank" rel="noopener"
          >${t.privacyNotice}<span class="visually-hidden"> ${t.opensInNewTab}</span></a
        >
      </p>`;
  }
}
