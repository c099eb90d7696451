import * as z from 'zod/mini';
import { MAX_OPTIONS } from '../definition/field-definition.ts';
import type { FieldType } from '../definition/field-definition.ts';

const text = z.string();
const part = z.optional(z.string());

const RAW_ANSWER_SCHEMAS: Readonly<Record<FieldType, z.ZodMiniType>> = {
  text,
  textarea: text,
  email: text,
  tel: text,
  number: z.union([z.number(), z.string()]),
  date: text,
  choice: text,
  'multi-choice': z.array(z.string()).check(z.maxLength(MAX_OPTIONS)),
  checkbox: z.boolean(),
  consent: z.boolean(),
  'postal-code': text,
  address: z.strictObject({ line1: part, line2: part, town: part, postcode: part, country: part }),
  'national-id': text,
  iban: text,
  'uk-bank-account': z.strictObject({
    accountHolder: part,
    sortCode: part,
    accountNumber: part,
  }),
};

/**
 * What an answer of `type` may look like before normalisation: the JavaScript types `set()`
 * and a submitted application accept (a number field also takes the text typed into it).
 */
export function rawAnswerSchema(type: FieldType): z.ZodMiniType {
  return RAW_ANSWER_SCHEMAS[type];
}

/** Words for the expected shape of a raw answer, for a developer's error message. */
export const RAW_ANSWER_SHAPES: Readonly<Record<FieldType, string>> = {
  text: 'a string',
  textarea: 'a string',
  email: 'a string',
  tel: 'a string',
  number: 'a number or a numeric string',
  date: 'a "YYYY-MM-DD" string',
  choice: 'a string',
  'multi-choice': 'an array of strings',
  checkbox: 'a boolean',
  consent: 'a boolean',
  'postal-code': 'a string',
  address: 'an object { line1, line2?, town, postcode, country } of strings',
  'national-id': 'a string',
  iban: 'a string',
  'uk-bank-account': 'an object { accountHolder, sortCode, accountNumber } of strings',
};
