import { assertIdempotencyKey } from '../client/idempotency-key.ts';
import { DEFAULT_DRAFT_TTL_DAYS, type FormDefinition } from '../definition/form-definition.ts';
import type { Answers } from '../application/application.ts';
import type { DraftStorage } from './draft-storage.ts';
import { fitAnswers, isPersistable } from './fit-answers.ts';
import { isRecord } from './is-record.ts';

const DAY_MS = 24 * 60 * 60 * 1000;
// A record claiming to live longer than this is corrupt.
const MAX_TTL_MS = 366 * DAY_MS;
// No draft was saved before this: an earlier time is a clock at a default date, as after a reboot.
const EARLIEST_SAVE = Date.UTC(2024, 0, 1);
const RECORD_VERSION = 1;

/** What is written to the device for one form: persistable answers only. */
export interface DraftRecord {
  v: typeof RECORD_VERSION;
  formId: string;
  formVersion: number;
  stepId?: string;
  answers: Answers;
  /** The type of each answered field when saved, so an answer never lands in a changed field. */
  types: Record<string, string>;
  /** When each granted consent was given (ISO 8601), by consent field id. */
  consentAt?: Record<string, string>;
  /** The idempotency key of the application this draft becomes (see {@link DraftInput.key}). */
  key?: string;
  /** Ids of answered fields whose answers were not kept (see {@link DraftInput.unkept}). */
  unkept?: string[];
  /** Epoch milliseconds. */
  savedAt: number;
  /** Epoch milliseconds; the draft is deleted from then on. */
  expiresAt: number;
}

/**
 * The `stepId` of a draft saved on "Check your answers", which is no step (a step id starts with a
 * letter, so none can be this).
 */
export const REVIEW_STEP = '#review';

/** What the form saves: the step shown, `session.persistableAnswers()` and `session.consentAt()`. */
export interface DraftInput {
  /** The step on screen, or {@link REVIEW_STEP}; another id the form does not have is dropped. */
  stepId?: string;
  answers: Answers;
  /** When each granted consent was given (ISO 8601), by consent field id. */
  consentAt?: Record<string, string>;
  /**
   * The idempotency key every page working on this draft sends the application with, so the
   * same application sent from two tabs is stored once.
   */
  key?: string;
  /**
   * Ids of fields answered but not kept on the device (bank details, identity numbers without
   * `persist`), so that a resumed application asks for them again, optional ones too. Only ids of
   * such fields are stored, never a value.
   */
  unkept?: readonly string[];
}

/**
 * A draft made to fit the current definition, ready for
 * `createFormSession(definition, { answers, consentAt })`.
 */
export interface RestoredDraft {
  /** The step the applicant was on, if that step still exists. */
  stepId?: string;
  answers: Answers;
  consentAt: Record<string, string>;
  /** The idempotency key saved with the draft, to send the application with. */
  key?: string;
  /** Fields answered but not kept, in form order: ask for them again. */
  unkept: string[];
  /** The definition version the draft was saved with. */
  formVersion: number;
  savedAt: Date;
  expiresAt: Date;
}

/** Drafts of forms on this device, one per form id. */
export interface DraftStore {
  readonly storage: DraftStorage;
  /**
   * Saves the draft of `definition`'s form, dropping unknown fields and national-id, iban and
   * uk-bank-account answers without `persist: true`. A draft without answers deletes the form's draft.
   */
  saveDraft(definition: FormDefinition, input: DraftInput): Promise<void>;
  /**
   * The form's draft, cut to what still fits the current definition, or `undefined` when there is
   * none, it expired (it is then deleted, as are expired drafts of other forms) or it is unreadable.
   * Never rejects.
   */
  restoreDraft(definition: FormDefinition): Promise<RestoredDraft | undefined>;
  /** Deletes the form's draft. */
  deleteDraft(formId: string): Promise<void>;
  /** Deletes every expired or unreadable draft; resolves to how many were deleted. Never rejects. */
  purgeExpired(): Promise<number>;
}

/** Options of {@link createDraftStore}. */
export interface DraftStoreOptions {
  /** Clock in epoch milliseconds (default `Date.now`). */
  now?: () => number;
}

/**
 * Creates the draft store over a storage from `openDraftStorage()`.
 * @example
 * const drafts = createDraftStore(await openDraftStorage());
 * const draft = await drafts.restoreDraft(definition);
 * const session = createFormSession(definition, { locale: 'en', answers: draft?.answers });
 * await drafts.saveDraft(definition, { stepId: 'work', answers: session.persistableAnswers() });
 */
export function createDraftStore(
  storage: DraftStorage,
  options: DraftStoreOptions = {},
): DraftStore {
  const now = options.now ?? Date.now;
  const store = storage.stores.drafts;

  async function purgeExpired(): Promise<number> {
    try {
      const time = now();
      let deleted = 0;
      for (const [key, value] of await store.entries()) {
        const record = readRecord(value, time);
        if (record && record.formId === key && time < record.expiresAt) {
          if (record.savedAt !== (value as DraftRecord).savedAt) await store.set(key, record);
          continue;
        }
        await store.delete(key);
        deleted++;
      }
      return deleted;
    } catch {
      return 0;
    }
  }

  return {
    storage,

    async saveDraft(definition, input) {
      const answers = fitAnswers(definition, input.answers);
      if (Object.keys(answers).length === 0) {
        await store.delete(definition.id);
        return;
      }
      const savedAt = now();
      const record: DraftRecord = {
        v: RECORD_VERSION,
        formId: definition.id,
        formVersion: definition.version,
        answers,
        types: typesOf(definition, answers),
        savedAt,
        expiresAt: savedAt + ttlMs(definition),
      };
      const stepId = existingStep(definition, input.stepId);
      if (stepId !== undefined) record.stepId = stepId;
      const consentAt = fitConsentTimes(definition, input.consentAt, answers);
      if (Object.keys(consentAt).length > 0) record.consentAt = consentAt;
      if (isKey(input.key)) record.key = input.key;
      const unkept = unkeptFields(definition, input.unkept);
      if (unkept.length > 0) record.unkept = unkept;
      await store.set(definition.id, record);
    },

    async restoreDraft(definition) {
      try {
        await purgeExpired();
        const record = readRecord(await store.get(definition.id), now());
        if (!record || record.formId !== definition.id) return undefined;
        // A shorter ttl in a newer definition applies to drafts saved before it.
        const expiresAt = Math.min(record.expiresAt, record.savedAt + ttlMs(definition));
        const sameVersion = record.formVersion === definition.version;
        const answers = fitAnswers(definition, record.answers, {
          consents: sameVersion,
          types: record.types,
        });
        if (now() >= expiresAt || Object.keys(answers).length === 0) {
          await store.delete(definition.id);
          return undefined;
        }
        const consentAt = fitConsentTimes(definition, record.consentAt, answers);
        const stepId = existingStep(definition, record.stepId);
        // Write back the cleaned draft, so what no longer fits leaves the device as well.
        const cleaned: DraftRecord = {
          ...record,
          formVersion: definition.version,
          answers,
          types: typesOf(definition, answers),
          expiresAt,
          consentAt,
        };
        if (stepId === undefined) delete cleaned.stepId;
        await store.set(definition.id, cleaned);
        const restored: RestoredDraft = {
          answers,
          consentAt,
          unkept: unkeptFields(definition, record.unkept),
          formVersion: record.formVersion,
          savedAt: new Date(record.savedAt),
          expiresAt: new Date(expiresAt),
        };
        if (stepId !== undefined) restored.stepId = stepId;
        if (record.key !== undefined) restored.key = record.key;
        return restored;
      } catch {
        return undefined;
      }
    },

    async deleteDraft(formId) {
      await store.delete(formId);
    },

    purgeExpired,
  };

  /** The record's own fields, if it has the shape of a draft; `answers` stays unchecked. */
  function readRecord(value: unknown, time: number): DraftRecord | undefined {
    if (!isRecord(value) || value.v !== RECORD_VERSION) return undefined;
    const { formId, formVersion, stepId, answers, types, consentAt, key, unkept, savedAt } = value;
    const { expiresAt } = value;
    if (typeof formId !== 'string' || typeof formVersion !== 'number') return undefined;
    if (typeof savedAt !== 'number' || typeof expiresAt !== 'number') return undefined;
    if (!Number.isFinite(savedAt) || !Number.isFinite(expiresAt)) return undefined;
    if (expiresAt - savedAt > MAX_TTL_MS) return undefined;
    // Saved by a clock that was fast, or at a default date and set since: it counts as saved now,
    // so it is not lost when the clock is corrected, nor kept longer than its ttl from now.
    const wrongClock = savedAt > time || (savedAt < EARLIEST_SAVE && time >= EARLIEST_SAVE);
    const saved = wrongClock ? time : savedAt;
    const record: DraftRecord = {
      v: RECORD_VERSION,
      formId,
      formVersion,
      answers: (isRecord(answers) ? answers : {}) as Answers,
      types: (isRecord(types) ? types : {}) as Record<string, string>,
      savedAt: saved,
      expiresAt: expiresAt - savedAt + saved,
    };
    if (typeof stepId === 'string') record.stepId = stepId;
    if (isRecord(consentAt)) record.consentAt = consentAt as Record<string, string>;
    if (isKey(key)) record.key = key;
    if (Array.isArray(unkept)) record.unkept = unkept.filter((id) => typeof id === 'string');
    return record;
  }
}

function isKey(value: unknown): value is string {
  try {
    assertIdempotencyKey(value as string);
    return typeof value === 'string';
  } catch {
    return false;
  }
}

function ttlMs(definition: FormDefinition): number {
  const days = definition.drafts?.ttlDays;
  const valid = typeof days === 'number' && days > 0;
  return Math.min((valid ? days : DEFAULT_DRAFT_TTL_DAYS) * DAY_MS, MAX_TTL_MS);
}

function typesOf(definition: FormDefinition, answers: Answers): Record<string, string> {
  const types: Record<string, string> = {};
  for (const step of definition.steps) {
    for (const field of step.fields) {
      if (Object.hasOwn(answers, field.id)) types[field.id] = field.type;
    }
  }
  return types;
}

/** The ids in `raw` of fields the form has whose answers are never kept, in form order. */
function unkeptFields(definition: FormDefinition, raw: unknown): string[] {
  if (!Array.isArray(raw)) return [];
  return definition.steps
    .flatMap((step) => step.fields)
    .filter((field) => !isPersistable(field) && raw.includes(field.id))
    .map((field) => field.id);
}

function existingStep(definition: FormDefinition, stepId: unknown): string | undefined {
  return typeof stepId === 'string' &&
    (stepId === REVIEW_STEP || definition.steps.some((step) => step.id === stepId))
    ? stepId
    : undefined;
}

/** Times of the consents granted in `answers`, and only well-formed ones. */
function fitConsentTimes(
  definition: FormDefinition,
  raw: unknown,
  answers: Answers,
): Record<string, string> {
  const times: Record<string, string> = {};
  if (!isRecord(raw)) return times;
  for (const field of definition.steps.flatMap((step) => step.fields)) {
    if (field.type !== 'consent' || answers[field.id] !== true) continue;
    if (!Object.hasOwn(raw, field.id)) continue;
    const time = raw[field.id];
    if (typeof time === 'string' && time.length <= 40 && !Number.isNaN(Date.parse(time))) {
      times[field.id] = time;
    }
  }
  return times;
}
