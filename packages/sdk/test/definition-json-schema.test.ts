import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { SCHEMA_FILE, renderFormDefinitionJsonSchema } from '../scripts/gen-json-schema.ts';
import { designExample, everyFieldType } from './definition-fixtures.ts';

const committed = readFileSync(SCHEMA_FILE, 'utf8');
const schema = JSON.parse(committed) as Record<string, unknown>;

/** Every property schema in the document, with its path. */
function properties(node: unknown, path = ''): { path: string; schema: Record<string, unknown> }[] {
  if (Array.isArray(node)) return node.flatMap((item, i) => properties(item, `${path}[${i}]`));
  if (typeof node !== 'object' || node === null) return [];
  const found: { path: string; schema: Record<string, unknown> }[] = [];
  for (const [key, value] of Object.entries(node)) {
    if (key === 'properties' && typeof value === 'object' && value !== null) {
      for (const [name, child] of Object.entries(value)) {
        found.push({ path: `${path}.${name}`, schema: child as Record<string, unknown> });
      }
    }
    found.push(...properties(value, `${path}.${key}`));
  }
  return found;
}

describe('form-definition.schema.json', () => {
  it('is up to date with the zod schema (run `pnpm --filter @union-join/sdk build`)', () => {
    assert.equal(committed, renderFormDefinitionJsonSchema());
  });

  it('describes every property, for editor tooltips', () => {
    const all = properties(schema);
    assert.ok(all.length > 100);
    const undescribed = all.filter((p) => typeof p.schema.description !== 'string');
    assert.deepEqual(
      undescribed.map((p) => p.path),
      [],
    );
  });

  const ajv = new Ajv2020({ strict: false, allErrors: true });
  const validate = ajv.compile(schema);

  it('accepts the design example and a field of every type', () => {
    assert.equal(validate(designExample()), true, JSON.stringify(validate.errors));
    assert.equal(validate(everyFieldType()), true, JSON.stringify(validate.errors));
  });

  it('flags a misspelt key, as an editor would', () => {
    const form = designExample();
    const steps = form.steps as { fields: Record<string, unknown>[] }[];
    steps[0]!.fields[0]!.maxlength = 3;
    assert.equal(validate(form), false);
  });

  it('flags a minimum age below 13', () => {
    const form = designExample();
    (form.eligibility as Record<string, unknown>).minimumAge = 12;
    assert.equal(validate(form), false);
  });
});
