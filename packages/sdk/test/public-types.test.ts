// What a developer's editor shows on hover: the public types by name, not pages of inlined zod
// output. Checked with the TypeScript compiler, as the editor's language service would.
import assert from 'node:assert/strict';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const root = fileURLToPath(new URL('../../../', import.meta.url));

const PROBE = `
import { createFormSession, parseFormDefinition, validateApplication } from '@union-join/sdk';

const definition = parseFormDefinition({});
const session = createFormSession(definition, { locale: 'en' });
export const form = definition;
export const steps = definition.steps;
export const step = session.visibleSteps()[0];
export const field = session.field('email');
export const choice = definition.steps[0]?.fields.find((f) => f.type === 'choice');
export const showIf = field?.showIf;
export const application = await session.toApplication();
export const answer = application.answers.email;
export const consent = application.consents[0];
export const result = validateApplication(definition, {});
`;

/** The type of each exported constant of the probe, as an editor prints it. */
function hovers(): Map<string, string> {
  const dir = join(root, '.e2e-tmp', `sdk-types-${process.pid}`);
  mkdirSync(dir, { recursive: true });
  try {
    const file = join(dir, 'probe.ts');
    writeFileSync(file, PROBE);
    const config = ts.getParsedCommandLineOfConfigFile(
      join(root, 'tsconfig.base.json'),
      undefined,
      {
        ...ts.sys,
        onUnRecoverableConfigFileDiagnostic: (diagnostic) =>
          assert.fail(String(diagnostic.messageText)),
      },
    );
    assert.ok(config);
    const program = ts.createProgram([file], { ...config.options, noEmit: true, types: [] });
    const errors = ts.getPreEmitDiagnostics(program, program.getSourceFile(file));
    assert.deepEqual(
      errors.map((error) => ts.flattenDiagnosticMessageText(error.messageText, '\n')),
      [],
    );
    const checker = program.getTypeChecker();
    const types = new Map<string, string>();
    for (const statement of program.getSourceFile(file)!.statements) {
      if (!ts.isVariableStatement(statement)) continue;
      for (const declaration of statement.declarationList.declarations) {
        const type = checker.getTypeAtLocation(declaration.name);
        types.set(declaration.name.getText(), checker.typeToString(type));
      }
    }
    return types;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('public types', { timeout: 60_000 }, () => {
  const shown = hovers();

  for (const [name, expected] of [
    ['form', 'FormDefinition'],
    ['steps', 'StepDefinition[]'],
    ['step', 'StepDefinition | undefined'],
    ['field', 'FieldDefinition | undefined'],
    ['choice', 'ChoiceFieldDefinition | undefined'],
    ['showIf', 'ShowIf | undefined'],
    ['application', 'Application'],
    ['answer', 'AnswerValue | undefined'],
    ['consent', 'ConsentRecord | undefined'],
  ] as const) {
    it(`shows ${name} as ${expected}`, () => {
      assert.equal(shown.get(name), expected);
    });
  }

  it('keeps every hover short', () => {
    for (const [name, text] of shown) assert.ok(text.length < 120, `${name}: ${text}`);
  });
});
