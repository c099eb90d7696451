// The README's TypeScript examples are what a developer copies first. They are type-checked here as
// that developer's project would check them (strict, noUncheckedIndexedAccess: the repository's
// tsconfig.base.json), so an example that no longer compiles fails the suite instead of a reader.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');

/** A fenced ```ts block: its first line in the README and its code, without the list indent. */
interface Snippet {
  line: number;
  code: string;
}

function tsSnippets(markdown: string): Snippet[] {
  const lines = markdown.split('\n');
  const snippets: Snippet[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^( *)```ts\s*$/.exec(lines[i]!);
    if (!open) continue;
    const indent = open[1]!.length;
    const end = lines.findIndex((line, j) => j > i && line.trim() === '```');
    assert.notEqual(end, -1, `the code block at README.md:${i + 1} is closed`);
    const code = lines
      .slice(i + 1, end)
      .map((line) => line.slice(Math.min(indent, line.length - line.trimStart().length)))
      .join('\n');
    snippets.push({ line: i + 1, code });
    i = end;
  }
  return snippets;
}

// What the examples leave to the reader's own code: their page, their server, their storage. Only
// these are declared; everything from the sdk must be imported by the example itself.
const READERS_OWN = `
import type { Application, FieldIssue, FormDefinition, UnionJoinClient } from '@union-join/sdk';
import type { DeliveryFailure } from '@union-join/sdk/drafts';

declare global {
  const text: string;
  const definition: FormDefinition;
  const client: UnionJoinClient;
  const request: Request;
  const currentSecret: string;
  const previousSecret: string;
  const currentStepId: string;
  const application: Application;
  const idempotencyKey: string;
  function render(): void;
  function show(fieldId: string, message: string): void;
  function showIneligiblePage(): void;
  function store(application: Application): void;
  function showConfirmation(reference: string): void;
  function showIssues(issues: readonly { path: readonly (string | number)[] }[]): void;
  function showFieldIssues(issues: readonly FieldIssue[]): void;
  function showProblem(failure: DeliveryFailure | undefined): void;
  function queueForLater(): void;
  function sayOnce(message: string): void;
}
export {};
`;

/** A snippet as a module, and the README line of each of its lines (0 for added ones). */
interface Module {
  text: string;
  readmeLines: number[];
}

/** Imports stay at the top; the rest becomes a function body, where `return` is allowed. */
function asModule(snippet: Snippet): Module {
  const imports: [string, number][] = [];
  const body: [string, number][] = [];
  let inImport = false;
  snippet.code.split('\n').forEach((line, i) => {
    const numbered: [string, number] = [line, snippet.line + 1 + i];
    if (inImport || /^import\b/.test(line)) {
      imports.push(numbered);
      inImport = !/;\s*$/.test(line);
    } else body.push(numbered);
  });
  const lines: [string, number][] = [
    ...imports,
    ['export async function example() {', 0],
    ...body,
    ['}', 0],
  ];
  return {
    text: lines.map(([line]) => line).join('\n') + '\n',
    readmeLines: lines.map(([, readmeLine]) => readmeLine),
  };
}

describe('README TypeScript examples', () => {
  const snippets = tsSnippets(readme);

  it('are found', () => {
    assert.ok(snippets.length >= 6, `found ${snippets.length}`);
  });

  it('type-check under strict mode and noUncheckedIndexedAccess', { timeout: 120_000 }, () => {
    const dir = join(root, '.e2e-tmp', `sdk-readme-${process.pid}`);
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    try {
      writeFileSync(join(dir, 'readers-own.ts'), READERS_OWN);
      const modules = new Map<string, Module>();
      for (const snippet of snippets) {
        const module = asModule(snippet);
        modules.set(`readme-line-${snippet.line}.ts`, module);
      }
      for (const [name, module] of modules) writeFileSync(join(dir, name), module.text);
      const names = [...modules.keys()];
      writeFileSync(
        join(dir, 'tsconfig.json'),
        JSON.stringify({
          extends: join(root, 'tsconfig.base.json'),
          compilerOptions: { noEmit: true, types: [] },
          files: ['readers-own.ts', ...names],
        }),
      );
      const tsc = spawnSync(
        process.execPath,
        [join(root, 'node_modules/typescript/bin/tsc'), '-p', join(dir, 'tsconfig.json')],
        { encoding: 'utf8' },
      );
      // Each error is reported at its README line.
      const report = (tsc.stdout + tsc.stderr).replace(
        /\S*(readme-line-\d+\.ts)\((\d+),(\d+)\)/g,
        (whole, name: string, line: string, column: string) => {
          const readmeLine = modules.get(name)?.readmeLines[Number(line) - 1];
          return readmeLine ? `packages/sdk/README.md:${readmeLine}:${column}` : whole;
        },
      );
      assert.equal(tsc.status, 0, report);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
