import * as z from 'zod/mini';

// z.int() would add zod's number-format classes to the form's bundle (about 0.4 KB brotli) for
// what this one check does: the same issues in the same order, and "integer" in the JSON Schema.
const wholeNumberCheck = z.check<number>((payload) => {
  const input = payload.value;
  if (!Number.isInteger(input)) {
    payload.issues.push({ expected: 'int', format: 'safeint', code: 'invalid_type', input });
  } else if (input > Number.MAX_SAFE_INTEGER) {
    payload.issues.push({
      code: 'too_big',
      maximum: Number.MAX_SAFE_INTEGER,
      note: 'Integers must be within the safe integer range.',
      origin: 'int',
      inclusive: true,
      input,
      continue: true,
    });
  } else if (input < Number.MIN_SAFE_INTEGER) {
    payload.issues.push({
      code: 'too_small',
      minimum: Number.MIN_SAFE_INTEGER,
      note: 'Integers must be within the safe integer range.',
      origin: 'int',
      inclusive: true,
      input,
      continue: true,
    });
  }
});

/**
 * Zod schema of a whole number within JavaScript's safe range, as `z.int()` checks it; `error`
 * words every issue it raises.
 */
export function wholeNumber(error?: string): z.ZodMiniNumber<number> {
  return z.number(error).check(wholeNumberCheck);
}

/** Whether `schema` was made by {@link wholeNumber} (its JSON Schema type is "integer"). */
export function isWholeNumber(schema: z.core.$ZodType): boolean {
  return schema._zod.def.checks?.includes(wholeNumberCheck) ?? false;
}
