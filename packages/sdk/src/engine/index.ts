export * from './issue-code.ts';
export * from './create-form-session.ts';
export * from './eligibility.ts';
export * from './hash-consent-text.ts';
export * from './application-not-ready-error.ts';
export { DEFAULT_MAX_LENGTH, EARLIEST_BIRTH_YEAR, MAX_PART_LENGTH } from './validate-answer.ts';
export type {
  AddressAnswer,
  Answers,
  AnswerValue,
  UkBankAccountAnswer,
} from '../application/application.ts';
