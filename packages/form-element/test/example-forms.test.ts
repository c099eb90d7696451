// The element marks every optional field "(optional)" itself, so a shipped example form that says
// so again in the label or hint makes the applicant read it twice.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { parseFormDefinition, resolveText } from '@union-join/sdk';
import { isOptional } from '../src/fields/field-parts.ts';
import type { FieldContext } from '../src/fields/field-context.ts';

const formsDir = new URL('../../../examples/forms/', import.meta.url);
const files = readdirSync(formsDir).filter((name) => name.endsWith('.json'));
// "(optional)", "(valgfritt)", "(frivilligt)" and the words people write for them.
const SAYS_OPTIONAL = /optional|valgfri|valfri|frivillig/i;

test('the example forms are there to check', () => {
  assert.ok(files.length >= 4, files.join(', '));
});

for (const file of files) {
  test(`${file}: no optional field says it is optional in its label or hint`, () => {
    const definition = parseFormDefinition(
      JSON.parse(readFileSync(new URL(file, formsDir), 'utf8')),
    );
    const repeated: string[] = [];
    for (const field of definition.steps.flatMap((step) => step.fields)) {
      if (!isOptional({ field } as FieldContext)) continue;
      for (const locale of definition.locales) {
        for (const text of [field.label, field.hint]) {
          const shown = text === undefined ? '' : resolveText(text, locale);
          if (SAYS_OPTIONAL.test(shown)) repeated.push(`${field.id} (${locale}): ${shown}`);
        }
      }
    }
    assert.deepEqual(repeated, []);
  });
}
