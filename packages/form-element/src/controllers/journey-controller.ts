import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { FieldIssue, FormSession, StepDefinition } from '@union-join/sdk';
import { UnionJoinStepEvent } from '../events/step-event.ts';

/** The page the applicant is on. */
export type View =
  | { readonly kind: 'step'; readonly stepId: string }
  | { readonly kind: 'review' }
  | { readonly kind: 'confirmation'; readonly reference: string }
  | { readonly kind: 'ineligible' };

/** Where focus goes once a view is rendered: its heading, the error summary, or one question. */
export type FocusTarget = 'heading' | 'summary' | { readonly field: string };

/** One name per page of the form: `step:<id>`, `review`, `confirmation`, `ineligible`. */
export function pageOf(view: { kind: string; stepId?: string } | undefined): string | undefined {
  return view?.kind === 'step' ? `step:${view.stepId}` : view?.kind;
}

/** Hooks into the journey, e.g. for focus management, drafts or analytics. */
export interface JourneyListener {
  /** A view was shown because the applicant acted (not on first load). */
  viewChanged?(view: View, focus: FocusTarget): void;
  /** The applicant completed a step (it validated on Continue). */
  stepCompleted?(step: StepDefinition): void;
  /** Continue or Send found problems, now shown on the step. */
  validationFailed?(step: StepDefinition, issues: readonly FieldIssue[]): void;
}

/** What the journey needs from its host element. */
export interface JourneyHost extends ReactiveControllerHost, EventTarget {
  /** The engine session of the loaded form, if any. */
  readonly session: FormSession | undefined;
}

/**
 * The applicant's way through the form after GOV.UK's patterns: one step at a time, validated on
 * Continue, then "Check your answers" (unless the definition sets `review: false`), where a Change
 * link goes back to a step and Continue returns to the review. Which steps and fields exist, and
 * what is wrong with an answer, always comes from the sdk engine.
 */
export class JourneyController implements ReactiveController {
  readonly #host: JourneyHost;
  readonly #listeners = new Set<JourneyListener>();
  readonly #onFinish: () => void;
  #view: View | undefined;
  #issues: readonly FieldIssue[] = [];
  #returnToReview = false;
  /** The page that led to "You cannot join online", for its Back link (a mistyped year). */
  #beforeIneligible: View | undefined;

  /** `onFinish` runs when the applicant continues past the last step and there is no review. */
  constructor(host: JourneyHost, onFinish: () => void) {
    this.#host = host;
    this.#onFinish = onFinish;
    host.addController(this);
  }

  hostUpdate(): void {
    // Answers set from outside (page code, a restored draft) can hide the step on screen.
    const view = this.#view;
    if (view?.kind !== 'step' || !this.#host.session) return;
    const steps = this.#visibleSteps();
    if (steps.some((step) => step.id === view.stepId)) return;
    const first = steps[0];
    this.#view = first ? { kind: 'step', stepId: first.id } : { kind: 'review' };
    this.#issues = [];
  }

  /** Subscribes to journey hooks; returns the unsubscribe function. */
  addListener(listener: JourneyListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** The current page, once a form is loaded. */
  get view(): View | undefined {
    return this.#view;
  }

  /** The problems shown on the current step (empty until Continue finds some). */
  get issues(): readonly FieldIssue[] {
    return this.#issues;
  }

  /** Whether Continue leads back to "Check your answers" (after a Change link). */
  get returnsToReview(): boolean {
    return this.#returnToReview;
  }

  /** Whether the form has a "Check your answers" page. */
  get hasReview(): boolean {
    return this.#host.session?.definition.review !== false;
  }

  /** The step on screen, if the view is a step. */
  get currentStep(): StepDefinition | undefined {
    const view = this.#view;
    if (view?.kind !== 'step') return undefined;
    return this.#host.session?.definition.steps.find((s) => s.id === view.stepId);
  }

  /** Position of the current step among the visible steps (`index` -1 when not on a step). */
  position(): { index: number; total: number } {
    const steps = this.#host.session?.visibleSteps() ?? [];
    const current = this.currentStep;
    return {
      index: current ? steps.findIndex((s) => s.id === current.id) : -1,
      total: steps.length,
    };
  }

  /** The first step the applicant is asked, where the form begins. */
  get firstStepId(): string | undefined {
    return this.#visibleSteps()[0]?.id;
  }

  /** Whether the current view has a Back link. */
  get canGoBack(): boolean {
    const view = this.#view;
    if (view?.kind === 'review') return this.#visibleSteps().length > 0;
    if (view?.kind === 'ineligible') return this.#beforeIneligible !== undefined;
    if (view?.kind !== 'step') return false;
    return this.#returnToReview || this.position().index > 0;
  }

  /** Starts at the first visible step, silently (no focus move: the page has just loaded). */
  start(): void {
    this.#returnToReview = false;
    this.#issues = [];
    const first = this.#visibleSteps()[0];
    this.#view = first ? { kind: 'step', stepId: first.id } : { kind: 'review' };
    this.#emitStep();
    this.#host.requestUpdate();
  }

  /** Validates the current step; moves on if it is fine, otherwise shows its problems. */
  continue(): void {
    const session = this.#host.session;
    const step = this.currentStep;
    if (!session || !step) return;
    const issues = session.validateStep(step.id);
    // A date of birth that turns the applicant away does so at once: asking for the rest of the
    // step first would collect personal data from someone who cannot join. A date with a problem
    // of its own (in the future, say) is shown as that problem instead.
    const ineligible =
      !session.eligibility().eligible &&
      !issues.some((issue) => session.field(issue.field)?.type === 'date');
    if (issues.length > 0 && !ineligible) {
      this.showIssues(step.id, issues);
      return;
    }
    if (ineligible) {
      this.showIneligible();
      return;
    }
    for (const listener of this.#listeners) listener.stepCompleted?.(step);
    if (this.#returnToReview) {
      // A changed answer can reveal questions on other steps: visit the first one still unanswered.
      const pending = session
        .validateAll()
        .find((issue) => session.stepOf(issue.field)?.id !== step.id);
      const pendingStep = pending ? session.stepOf(pending.field) : undefined;
      if (pendingStep) this.#show({ kind: 'step', stepId: pendingStep.id }, 'heading');
      else this.showReview();
      return;
    }
    const steps = this.#visibleSteps();
    const next = steps[steps.findIndex((s) => s.id === step.id) + 1];
    if (next) this.#show({ kind: 'step', stepId: next.id }, 'heading');
    else if (this.hasReview) this.showReview();
    else this.#onFinish();
  }

  /**
   * The page one back: the previous visible step, the review after a Change link, or the page
   * that turned the applicant away (to correct a mistyped date of birth).
   */
  backTarget(): View | undefined {
    const view = this.#view;
    const steps = this.#visibleSteps();
    if (view?.kind === 'review') {
      const last = steps.at(-1);
      return last && { kind: 'step', stepId: last.id };
    }
    if (view?.kind === 'ineligible') return this.#beforeIneligible;
    if (view?.kind !== 'step') return undefined;
    if (this.#returnToReview) return { kind: 'review' };
    const previous = steps[steps.findIndex((s) => s.id === view.stepId) - 1];
    return previous && { kind: 'step', stepId: previous.id };
  }

  /** Goes to {@link JourneyController.backTarget}, if there is a page back. */
  back(): void {
    const target = this.backTarget();
    if (target?.kind === 'review') this.showReview();
    else if (target) this.#show(target, 'heading');
  }

  /** Opens the step holding `fieldId` from the review; Continue will come back to the review. */
  change(fieldId: string): void {
    const step = this.#host.session?.stepOf(fieldId);
    if (!step) return;
    this.#returnToReview = true;
    // Straight to the answer being changed, as the Change link says, not the top of its step.
    this.#show({ kind: 'step', stepId: step.id }, { field: fieldId });
  }

  /**
   * Opens step `stepId`, e.g. where a restored draft left off; the first step if it is not asked.
   * `fromReview`: it was opened by a Change link (history brings it back), so Continue returns to
   * the review.
   */
  showStep(stepId: string | undefined, fromReview = false): void {
    const steps = this.#visibleSteps();
    const step = steps.find((s) => s.id === stepId) ?? steps[0];
    this.#returnToReview = fromReview && step?.id === stepId;
    if (step) this.#show({ kind: 'step', stepId: step.id }, 'heading');
    else this.showReview();
  }

  /** Shows "Check your answers". */
  showReview(): void {
    this.#returnToReview = false;
    this.#show({ kind: 'review' }, 'heading');
  }

  /** Shows `issues` on step `stepId` with the error summary focused. */
  showIssues(stepId: string, issues: readonly FieldIssue[]): void {
    const step = this.#host.session?.definition.steps.find((s) => s.id === stepId);
    if (!step) return;
    if (this.#view?.kind === 'review') this.#returnToReview = true;
    this.#show({ kind: 'step', stepId }, 'summary', issues);
    for (const listener of this.#listeners) listener.validationFailed?.(step, issues);
  }

  /** Shows the page for an applicant who cannot join online. */
  showIneligible(): void {
    this.#beforeIneligible =
      this.#view?.kind === 'ineligible' ? this.#beforeIneligible : this.#view;
    this.#returnToReview = false;
    this.#show({ kind: 'ineligible' }, 'heading');
  }

  /** Shows the confirmation with the application's reference. */
  showConfirmation(reference: string): void {
    this.#returnToReview = false;
    this.#show({ kind: 'confirmation', reference }, 'heading');
  }

  #visibleSteps(): StepDefinition[] {
    return this.#host.session?.visibleSteps() ?? [];
  }

  #show(view: View, focus: FocusTarget, issues: readonly FieldIssue[] = []): void {
    const before = this.#view;
    this.#view = view;
    this.#issues = issues;
    // Problems shown on the page already on screen are no new page: no second step event.
    if (pageOf(before) !== pageOf(view)) this.#emitStep();
    for (const listener of this.#listeners) listener.viewChanged?.(view, focus);
    this.#host.requestUpdate();
  }

  #emitStep(): void {
    const view = this.#view;
    if (!view) return;
    const { index, total } = this.position();
    const step = view.kind === 'step' ? view.stepId : view.kind;
    this.#host.dispatchEvent(new UnionJoinStepEvent({ step, index, total }));
  }
}
