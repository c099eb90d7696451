// A join form with its own markup on the headless engine: the engine decides which steps and fields
// are asked, validates, checks eligibility and builds the application; this file only draws it.
import {
  ValidationError,
  createClient,
  createFormSession,
  createIdempotencyKey,
  formatIssue,
  formatMessage,
  negotiateLocale,
  resolveText,
  translations,
  type FieldIssue,
  type FormSession,
  type LocalizedText,
  type StepDefinition,
} from '@union-join/sdk';
import { formatAnswer } from './format-answer.ts';
import { h, type Child } from './h.ts';
import { renderField } from './render-field.ts';

const app = document.getElementById('app')!;
// The Vite dev server proxies /v1 to the reference server, so the API is on this page's origin.
const client = createClient({ endpoint: location.origin });
const formId = new URLSearchParams(location.search).get('form') ?? 'example-union';

/** Where the applicant is: a step (by position among the visible steps), the review, or done. */
type View =
  | { kind: 'step'; index: number; issues: FieldIssue[] }
  | { kind: 'review'; problem?: string }
  | { kind: 'ineligible'; minimumAge: number }
  | { kind: 'done'; reference: string };

async function start(): Promise<void> {
  let definition;
  try {
    definition = await client.getForm(formId);
  } catch (error) {
    const t = translations[negotiateLocale(navigator.languages, ['en', 'nb', 'sv']) ?? 'en'];
    app.replaceChildren(h('h1', {}, t.loadErrorTitle), h('p', {}, t.loadError));
    console.error('could not load the form', error);
    return;
  }
  const locale = negotiateLocale(navigator.languages, definition.locales) ?? definition.locales[0]!;
  const session = createFormSession(definition, { locale });
  // One key for this application, kept across "Try again", so a retry can never create a duplicate.
  const idempotencyKey = createIdempotencyKey();
  document.documentElement.lang = locale;
  let view: View = { kind: 'step', index: 0, issues: [] };

  const show = (next: View) => {
    view = next;
    app.replaceChildren(
      ...render(session, view, { go: show, idempotencyKey }).filter(
        (child) => child !== false && child !== undefined,
      ),
    );
    (
      app.querySelector<HTMLElement>('[data-focus]') ?? app.querySelector<HTMLElement>('h1')
    )?.focus();
  };
  show(view);
}

interface Actions {
  go(view: View): void;
  idempotencyKey: string;
}

function render(session: FormSession, view: View, actions: Actions): Child[] {
  const t = translations[session.locale];
  const text = (value: LocalizedText) =>
    resolveText(value, session.locale, session.definition.locales);
  const steps = session.visibleSteps();

  switch (view.kind) {
    case 'done':
      return [
        h('h1', { tabindex: -1 }, t.confirmationTitle),
        h(
          'p',
          {},
          formatMessage(t.confirmationBody, {
            organisation: session.definition.organisation.name,
          }),
        ),
        h('p', {}, `${t.yourReference}: `, h('strong', {}, view.reference)),
      ];
    case 'ineligible':
      return [
        h('h1', { tabindex: -1 }, t.ineligibleTitle),
        h(
          'p',
          {},
          formatMessage(t.ineligibleBody, {
            minimumAge: view.minimumAge,
            organisation: session.definition.organisation.name,
          }),
        ),
      ];
    case 'review':
      return renderReview(session, view.problem, actions, steps, text);
    case 'step':
      break;
  }

  const step = steps[Math.min(view.index, steps.length - 1)]!;
  const issues = new Map(view.issues.map((issue) => [issue.field, issue]));
  const message = (fieldId: string): string | undefined => {
    const issue = issues.get(fieldId);
    const field = session.field(fieldId);
    return issue && field ? formatIssue(issue, session.locale, text(field.label)) : undefined;
  };
  const last = view.index === steps.length - 1;

  const onSubmit = async (event: Event) => {
    event.preventDefault();
    const found = session.validateStep(step.id);
    if (found.length > 0) return actions.go({ kind: 'step', index: view.index, issues: found });
    const eligibility = session.eligibility();
    if (!eligibility.eligible) {
      return actions.go({ kind: 'ineligible', minimumAge: eligibility.minimumAge });
    }
    if (!last) return actions.go({ kind: 'step', index: view.index + 1, issues: [] });
    if (session.definition.review) return actions.go({ kind: 'review' });
    await send(session, actions);
  };

  return [
    h(
      'p',
      { class: 'progress' },
      formatMessage(t.stepOf, { n: view.index + 1, total: steps.length }),
    ),
    view.index > 0 &&
      h(
        'button',
        {
          type: 'button',
          class: 'link',
          onclick: () => actions.go({ kind: 'step', index: view.index - 1, issues: [] }),
        },
        t.back,
      ),
    view.issues.length > 0 && errorSummary(t.errorSummaryTitle, view.issues, message),
    h('h1', { tabindex: -1 }, text(step.title)),
    step.description ? h('p', {}, text(step.description)) : undefined,
    h(
      'form',
      { novalidate: true, onsubmit: onSubmit },
      ...renderFields(session, step, message),
      h(
        'button',
        { type: 'submit' },
        last && !session.definition.review ? t.sendApplication : t.continue,
      ),
    ),
  ];
}

function renderFields(
  session: FormSession,
  step: StepDefinition,
  message: (fieldId: string) => string | undefined,
): HTMLElement[] {
  const t = translations[session.locale];
  const partLabels = {
    line1: t.addressLine1,
    line2: t.addressLine2,
    town: t.town,
    postcode: t.postcode,
    country: t.country,
    accountHolder: t.accountHolder,
    sortCode: t.sortCode,
    accountNumber: t.accountNumber,
  };
  const container = h('div', {});
  const draw = () => {
    container.replaceChildren(
      ...session.visibleFields(step.id).map((field) =>
        renderField(field, {
          session,
          locale: session.locale,
          optionalWord: t.optional,
          partLabels,
          error: message(field.id),
        }),
      ),
    );
  };
  // A choice can show or hide other fields on the same step: redraw only when that happens, so the
  // input being typed into keeps its focus.
  let shown = session
    .visibleFields(step.id)
    .map((field) => field.id)
    .join();
  const unsubscribe = session.subscribe(() => {
    if (!container.isConnected) return unsubscribe();
    const now = session
      .visibleFields(step.id)
      .map((field) => field.id)
      .join();
    if (now !== shown) {
      shown = now;
      draw();
    }
  });
  draw();
  return [container];
}

function errorSummary(
  title: string,
  issues: FieldIssue[],
  message: (fieldId: string) => string | undefined,
): HTMLElement {
  return h(
    'div',
    { class: 'error-summary', role: 'alert', tabindex: -1, 'data-focus': true },
    h('h2', {}, title),
    h(
      'ul',
      {},
      ...issues.map((issue) =>
        h('li', {}, h('a', { href: `#field-${issue.field}` }, message(issue.field) ?? issue.code)),
      ),
    ),
  );
}

function renderReview(
  session: FormSession,
  problem: string | undefined,
  actions: Actions,
  steps: StepDefinition[],
  text: (value: LocalizedText) => string,
): Child[] {
  const t = translations[session.locale];
  const rows = steps.flatMap((step, index) =>
    session.visibleFields(step.id).map((field) => [
      h('dt', {}, text(field.label)),
      h('dd', {}, formatAnswer(field, session.get(field.id), t, text)),
      h(
        'dd',
        {},
        h(
          'button',
          {
            type: 'button',
            class: 'link',
            onclick: () => actions.go({ kind: 'step', index, issues: [] }),
          },
          t.change,
        ),
      ),
    ]),
  );
  return [
    h('h1', { tabindex: -1 }, t.checkYourAnswers),
    problem !== undefined &&
      h(
        'div',
        { class: 'error-summary', role: 'alert', 'data-focus': true, tabindex: -1 },
        problem,
      ),
    h('dl', { class: 'review' }, ...rows.flat()),
    h('button', { type: 'button', onclick: () => void send(session, actions) }, t.sendApplication),
  ];
}

async function send(session: FormSession, actions: Actions): Promise<void> {
  const t = translations[session.locale];
  try {
    const application = await session.toApplication();
    const { id } = await client.submit(application, { idempotencyKey: actions.idempotencyKey });
    actions.go({ kind: 'done', reference: id });
  } catch (error) {
    if (error instanceof ValidationError) {
      // The server runs the same rules, so this only happens when the form changed meanwhile.
      const issues = error.issues.flatMap((issue) =>
        issue.path[0] === 'answers' && typeof issue.path[1] === 'string'
          ? [{ field: issue.path[1], code: issue.code } as FieldIssue]
          : [],
      );
      const first = issues[0] && session.stepOf(issues[0].field);
      const index = first ? session.visibleSteps().indexOf(first) : -1;
      if (index >= 0) return actions.go({ kind: 'step', index, issues });
      return actions.go({ kind: 'review', problem: t.submitRejected });
    }
    // Offline, timed out or a server fault after the client's own retries: nothing is lost, and
    // sending again reuses the same idempotency key.
    actions.go({ kind: 'review', problem: t.submitFailed });
  }
}

void start();
