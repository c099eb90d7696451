import type {
  Answers,
  AnswerValue,
  Application,
  ConsentRecord,
} from '../application/application.ts';
import type { FieldDefinition } from '../definition/field-definition.ts';
import type { FormDefinition, StepDefinition } from '../definition/form-definition.ts';
import { isLocale, resolveText } from '../definition/locale.ts';
import type { Locale } from '../definition/locale.ts';
import { ApplicationNotReadyError } from './application-not-ready-error.ts';
import {
  ageFieldsOf,
  birthDateFieldOf,
  checkEligibility,
  youngestBirthDate,
} from './eligibility.ts';
import type { Eligibility } from './eligibility.ts';
import { hashConsentText } from './hash-consent-text.ts';
import type { FieldIssue } from './issue-code.ts';
import { normaliseAnswer } from './normalise-answer.ts';
import { RAW_ANSWER_SHAPES, rawAnswerSchema } from './raw-answer-schema.ts';
import { validateAnswer } from './validate-answer.ts';
import { allFields, visibleFieldIds } from './visible-fields.ts';
import { SENSITIVE_FIELD_TYPES } from '../definition/field-definition.ts';

export { SENSITIVE_FIELD_TYPES } from '../definition/field-definition.ts';

/** Options of {@link createFormSession}. */
export interface FormSessionOptions {
  /** The language the form is shown in; one the form does not offer falls back to its first. */
  locale: Locale;
  /** Answers to start from, e.g. a restored draft; unknown fields and unusable values are skipped. */
  answers?: Readonly<Record<string, unknown>>;
  /**
   * When each consent in `answers` was given (ISO 8601, by field id), e.g. a restored draft's
   * `consentAt`, so the application records that time rather than the time of restoring.
   */
  consentAt?: Readonly<Record<string, string>>;
  /**
   * The clock, for ages, "not in the future" and consent times: a function, or a fixed `Date`
   * (handy in tests). Default: the system clock.
   */
  now?: Date | (() => Date);
}

/** A date typed as separate parts, as the day/month/year inputs give it. */
export interface DateParts {
  day?: string | number;
  month?: string | number;
  year?: string | number;
}

/** The headless form: what to ask, what was answered, what is wrong, what to submit. */
export interface FormSession {
  /** The form being filled in. */
  readonly definition: FormDefinition;
  /** The language shown; setting one the form does not offer picks the form's first locale. */
  locale: Locale;
  /** Steps with at least one field to ask, given the answers so far. */
  visibleSteps(): StepDefinition[];
  /** The fields of a step that are asked, given the answers so far; throws for an unknown step. */
  visibleFields(stepId: string): FieldDefinition[];
  /** Whether a field is asked, given the answers so far (`false` for an unknown id). */
  isVisible(fieldId: string): boolean;
  /** A field by id. */
  field(fieldId: string): FieldDefinition | undefined;
  /** The step a field is on. */
  stepOf(fieldId: string): StepDefinition | undefined;
  /** The stored, normalised answer of a field. */
  get(fieldId: string): AnswerValue | undefined;
  /**
   * Stores what the applicant entered, normalised; `undefined`, `null` or an empty value clears
   * it. A date also takes `{ day, month, year }`. Throws for an unknown field or a value of the
   * wrong JavaScript type. `answeredAt` is when a consent was given, for one put back from a
   * draft (a time in the future or not a time counts as now).
   */
  set(fieldId: string, value: unknown, answeredAt?: Date | string): void;
  /** When each answered consent was given (ISO 8601, by field id), for a draft to keep. */
  consentAt(): Record<string, string>;
  /** Every stored answer, normalised, including answers to fields now hidden. */
  answers(): Answers;
  /** Problems with the asked fields of one step; throws for an unknown step. */
  validateStep(stepId: string): FieldIssue[];
  /** Problems with every asked field. */
  validateAll(): FieldIssue[];
  /** Whether the applicant's age lets them join online. */
  eligibility(): Eligibility;
  /**
   * The application to submit: answers to asked fields, and a record of every asked consent.
   * Rejects with `ApplicationNotReadyError` while there are issues or the applicant is not eligible.
   */
  toApplication(): Promise<Application>;
  /** The answers a draft may keep: bank details and national ids only where `persist: true`. */
  persistableAnswers(): Answers;
  /** Calls `listener` after every change of answers or locale; returns the unsubscribe function. */
  subscribe(listener: () => void): () => void;
}

function copy(value: AnswerValue): AnswerValue {
  if (Array.isArray(value)) return [...value];
  return typeof value === 'object' ? { ...value } : value;
}

const DATE_PARTS = ['day', 'month', 'year'];

/** `{ day, month, year }` as typed into three boxes: a plain object with only those keys. */
function isDateParts(value: unknown): value is DateParts {
  if (typeof value !== 'object' || value === null) return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  // A `Date` or `{ d, m, y }` is not taken for empty boxes: it is refused as the wrong type.
  return (
    (prototype === Object.prototype || prototype === null) &&
    Object.keys(value).every((key) => DATE_PARTS.includes(key))
  );
}

function dateFromParts(parts: DateParts): string {
  const text = (part: unknown) =>
    typeof part === 'number' || typeof part === 'string' ? String(part).trim() : '';
  return `${text(parts.year)}-${text(parts.month)}-${text(parts.day)}`;
}

function shortId(id: string): string {
  return JSON.stringify(id.length > 64 ? `${id.slice(0, 64)}…` : id);
}

class Session implements FormSession {
  readonly definition: FormDefinition;
  readonly #now: () => Date;
  readonly #fields = new Map<string, FieldDefinition>();
  readonly #answers = new Map<string, AnswerValue>();
  readonly #consentTimes = new Map<string, Date>();
  readonly #listeners = new Set<() => void>();
  readonly #birthDateField: FieldDefinition | undefined;
  readonly #ageFields: readonly FieldDefinition[];
  #locale: Locale;
  #visible: Set<string> | undefined;

  constructor(definition: FormDefinition, options: FormSessionOptions) {
    this.definition = definition;
    const now = options.now;
    this.#now = now instanceof Date ? () => new Date(now) : (now ?? (() => new Date()));
    for (const field of allFields(definition)) this.#fields.set(field.id, field);
    this.#birthDateField = birthDateFieldOf(definition);
    this.#ageFields = ageFieldsOf(definition);
    this.#locale = this.#supported(options.locale);
    const initial = options.answers ?? {};
    for (const field of this.#fields.values()) {
      if (!Object.hasOwn(initial, field.id)) continue;
      // A draft written by an older version of the form may no longer fit it; such answers are
      // dropped rather than blocking the applicant.
      try {
        this.#store(field, initial[field.id], options.consentAt?.[field.id]);
      } catch {
        this.#answers.delete(field.id);
      }
    }
  }

  get locale(): Locale {
    return this.#locale;
  }

  set locale(locale: Locale) {
    this.#locale = this.#supported(locale);
    this.#notify();
  }

  #supported(locale: unknown): Locale {
    const offered = this.definition.locales;
    return isLocale(locale) && offered.includes(locale) ? locale : (offered[0] ?? 'en');
  }

  #notify(): void {
    for (const listener of [...this.#listeners]) listener();
  }

  #visibleIds(): Set<string> {
    this.#visible ??= visibleFieldIds(this.definition, (id) => this.#answers.get(id));
    return this.#visible;
  }

  #step(stepId: string): StepDefinition {
    const step = this.definition.steps.find((s) => s.id === stepId);
    if (!step) throw new RangeError(`This form has no step ${shortId(stepId)}`);
    return step;
  }

  #store(field: FieldDefinition, raw: unknown, answeredAt?: Date | string): void {
    let value = raw;
    if (field.type === 'date' && isDateParts(value)) value = dateFromParts(value);
    let normalised: AnswerValue | undefined;
    if (value !== undefined && value !== null) {
      if (!rawAnswerSchema(field.type).safeParse(value).success) {
        const shape =
          field.type === 'date'
            ? 'a "YYYY-MM-DD" string or { day, month, year }'
            : RAW_ANSWER_SHAPES[field.type];
        throw new TypeError(`The answer to ${shortId(field.id)} must be ${shape}`);
      }
      normalised = normaliseAnswer(field, value, this.#locale, this.#now());
    }
    if (normalised === undefined) this.#answers.delete(field.id);
    else this.#answers.set(field.id, normalised);
    if (field.type === 'consent') this.#consentTimes.set(field.id, this.#pastOrNow(answeredAt));
    this.#visible = undefined;
  }

  visibleSteps(): StepDefinition[] {
    const visible = this.#visibleIds();
    return this.definition.steps.filter((step) => step.fields.some((f) => visible.has(f.id)));
  }

  visibleFields(stepId: string): FieldDefinition[] {
    const visible = this.#visibleIds();
    return this.#step(stepId).fields.filter((field) => visible.has(field.id));
  }

  isVisible(fieldId: string): boolean {
    return this.#visibleIds().has(fieldId);
  }

  field(fieldId: string): FieldDefinition | undefined {
    return this.#fields.get(fieldId);
  }

  stepOf(fieldId: string): StepDefinition | undefined {
    return this.definition.steps.find((step) => step.fields.some((f) => f.id === fieldId));
  }

  get(fieldId: string): AnswerValue | undefined {
    const value = this.#answers.get(fieldId);
    return value === undefined ? undefined : copy(value);
  }

  set(fieldId: string, value: unknown, answeredAt?: Date | string): void {
    const field = this.#fields.get(fieldId);
    if (!field) throw new RangeError(`This form has no field ${shortId(fieldId)}`);
    this.#store(field, value, answeredAt);
    this.#notify();
  }

  consentAt(): Record<string, string> {
    const times: Record<string, string> = {};
    for (const [id, at] of this.#consentTimes) {
      if (this.#answers.has(id)) times[id] = at.toISOString();
    }
    return times;
  }

  #pastOrNow(time: Date | string | undefined): Date {
    const now = this.#now();
    const at = time === undefined ? now : new Date(time);
    return at.getTime() <= now.getTime() ? at : now;
  }

  answers(): Answers {
    const answers: Answers = {};
    for (const field of allFields(this.definition)) {
      const value = this.#answers.get(field.id);
      if (value !== undefined) answers[field.id] = copy(value);
    }
    return answers;
  }

  validateStep(stepId: string): FieldIssue[] {
    const step = this.#step(stepId);
    const visible = this.#visibleIds();
    const today = this.#now();
    return step.fields
      .filter((field) => visible.has(field.id))
      .flatMap((field) =>
        validateAnswer(field, this.#answers.get(field.id), {
          today,
          isBirthDate: field === this.#birthDateField,
        }),
      );
  }

  validateAll(): FieldIssue[] {
    return this.visibleSteps().flatMap((step) => this.validateStep(step.id));
  }

  eligibility(): Eligibility {
    const today = this.#now();
    const answerOf = (id: string) => (this.isVisible(id) ? this.#answers.get(id) : undefined);
    const youngest = youngestBirthDate(this.#ageFields, answerOf, today);
    return checkEligibility(this.definition, youngest?.birthDate, today);
  }

  async toApplication(): Promise<Application> {
    const issues = this.validateAll();
    const eligibility = this.eligibility();
    if (issues.length > 0 || !eligibility.eligible) {
      throw new ApplicationNotReadyError(issues, eligibility);
    }
    const visible = this.#visibleIds();
    const locale = this.#locale;
    const answers: Answers = {};
    const consents: Promise<ConsentRecord>[] = [];
    for (const field of allFields(this.definition)) {
      if (!visible.has(field.id)) continue;
      const value = this.#answers.get(field.id);
      if (field.type === 'consent') {
        const text = resolveText(field.label, locale, this.definition.locales);
        // A consent never touched is timed at the first sending, and keeps that time: sending
        // the same application again (after a lost answer) must be the same request.
        let time = this.#consentTimes.get(field.id);
        if (!time) this.#consentTimes.set(field.id, (time = this.#now()));
        const at = time.toISOString();
        const granted = value === true;
        const purpose = field.purpose;
        consents.push(
          hashConsentText(text).then((textHash) => ({ purpose, granted, textHash, at })),
        );
      } else if (value !== undefined) {
        answers[field.id] = copy(value);
      }
    }
    return {
      formId: this.definition.id,
      formVersion: this.definition.version,
      locale,
      answers,
      consents: await Promise.all(consents),
    };
  }

  persistableAnswers(): Answers {
    const answers = this.answers();
    for (const id of Object.keys(answers)) {
      const field = this.#fields.get(id);
      const sensitive = (SENSITIVE_FIELD_TYPES as readonly string[]).includes(field?.type ?? '');
      if (sensitive && field?.persist !== true) delete answers[id];
    }
    return answers;
  }

  subscribe(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => {
      this.#listeners.delete(listener);
    };
  }
}

/**
 * Starts filling in a form: the headless engine behind `<union-join-form>`, for any UI.
 * @example
 * const session = createFormSession(parseFormDefinition(json), { locale: 'en' });
 * session.set('givenName', '  Ada ');
 * session.validateStep('about-you'); // [{ field: 'birthDate', code: 'required' }, ...]
 * session.set('birthDate', { day: '1', month: '4', year: '1990' }); // stored as '1990-04-01'
 * if (session.validateAll().length === 0 && session.eligibility().eligible) {
 *   await client.submit(await session.toApplication());
 * }
 */
export function createFormSession(
  definition: FormDefinition,
  options: FormSessionOptions,
): FormSession {
  return new Session(definition, options);
}
