// The README is the reference a webmaster reads; these checks keep it in step with the schema the
// sdk enforces, so that a key added to (or removed from) the code cannot be missing from the docs.
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { HELP } from '@union-join/server-stub';
import {
  ChoiceOptionSchema,
  DraftsSchema,
  EligibilitySchema,
  FIELD_KEYS,
  FIELD_TYPES,
  FormDefinitionSchema,
  OrganisationSchema,
  ShowIfSchema,
  StepDefinitionSchema,
  parseFormDefinition,
} from '@union-join/sdk';
import { startDemoServer } from './support/demo-server.ts';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');

/** The text under a heading, up to the next heading of the same or a higher level. */
function section(markdown: string, heading: string): string {
  const level = /^#+/.exec(heading)![0].length;
  const start = markdown.split('\n').findIndex((line) => line.trim() === heading);
  assert.notEqual(start, -1, `README has a "${heading}" heading`);
  const lines = markdown.split('\n').slice(start + 1);
  const end = lines.findIndex((line) => new RegExp(`^#{1,${level}} `).test(line));
  return lines.slice(0, end === -1 ? undefined : end).join('\n');
}

/** Rows of the first table in `text`, as arrays of cells, without the header and divider rows. */
function tableRows(text: string): string[][] {
  const rows = text
    .split('\n')
    .filter((line) => line.startsWith('|'))
    .map((line) =>
      line
        .slice(1, -1)
        .split(' | ')
        .map((cell) => cell.trim().replace(/^\| ?| ?\|$/g, '')),
    );
  return rows.slice(2);
}

/** Names written as `code` in one cell. */
function codeNames(cell: string): string[] {
  return [...cell.matchAll(/`([^`]+)`/g)].map((match) => match[1]!);
}

const reference = section(readme, '## Form definition reference');

function keysDocumented(heading: string): string[] {
  return tableRows(section(reference, heading)).map((row) => codeNames(row[0]!)[0]!);
}

const sorted = (values: Iterable<string>) => [...values].sort();

describe('README form-definition reference', () => {
  const tables: [string, { shape: object }][] = [
    ['### Form', FormDefinitionSchema],
    ['### Organisation', OrganisationSchema],
    ['### Eligibility', EligibilitySchema],
    ['### Drafts', DraftsSchema],
    ['### Step', StepDefinitionSchema],
    ['### Choice options', ChoiceOptionSchema],
    ['### showIf', ShowIfSchema],
  ];
  for (const [heading, schema] of tables) {
    it(`documents exactly the keys the schema accepts under "${heading}"`, () => {
      assert.deepEqual(sorted(keysDocumented(heading)), sorted(Object.keys(schema.shape)));
    });
  }

  // The keys every field type shares; the rest are documented per type.
  const common = FIELD_TYPES.map((type) => FIELD_KEYS[type]).reduce((shared, keys) =>
    shared.filter((key) => keys.includes(key)),
  );

  it('documents exactly the keys every field accepts under "### Every field"', () => {
    assert.ok(common.includes('id') && common.includes('showIf'));
    assert.deepEqual(sorted(keysDocumented('### Every field')), sorted(common));
  });

  it('documents every field type, each with exactly its own keys', () => {
    const rows = tableRows(section(reference, '### Field types'));
    assert.deepEqual(sorted(rows.map((row) => codeNames(row[0]!)[0]!)), sorted(FIELD_TYPES));
    for (const row of rows) {
      const type = codeNames(row[0]!)[0] as (typeof FIELD_TYPES)[number];
      const own = FIELD_KEYS[type].filter((key) => !common.includes(key));
      assert.deepEqual(sorted(codeNames(row[2]!)), sorted(own), `keys of "${type}"`);
    }
  });

  it('shows an example definition that the sdk accepts', () => {
    const example = /```json\n(\{\n {2}"id"[^]*?)\n```/.exec(reference);
    assert.ok(example, 'the reference has a JSON example');
    const definition = parseFormDefinition(JSON.parse(example[1]!));
    assert.deepEqual(
      definition,
      parseFormDefinition(
        JSON.parse(
          readFileSync(new URL('../examples/forms/example-union.json', import.meta.url), 'utf8'),
        ),
      ),
      'the README example is examples/forms/example-union.json',
    );
  });
});

describe('README snippets', () => {
  it('gives the same two lines as the CMS snippet', () => {
    const snippet = readFileSync(
      new URL('../examples/cms-snippet/snippet.html', import.meta.url),
      'utf8',
    )
      .split('\n')
      .filter((line) => line.startsWith('<') && !line.startsWith('<!--'))
      .join('\n');
    assert.ok(readme.includes('```html\n' + snippet + '\n```'));
  });

  it('names the quick-start commands that package.json defines', () => {
    const scripts = (
      JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
        scripts: Record<string, string>;
      }
    ).scripts;
    const quickStart = section(readme, '## Quick start');
    const commands = [...quickStart.matchAll(/```sh\n(.+)\n```/g)].map((match) => match[1]);
    assert.deepEqual(commands, ['npm run demo', 'npm run check']);
    // Both fetch Node 24 and pnpm 10 through npx, so an older Node on the machine does no harm.
    assert.match(scripts.demo ?? '', /-p node@24 -p pnpm@10 .*pnpm install .*&& pnpm start"$/);
    assert.match(scripts.check ?? '', /-p node@24 -p pnpm@10 .*pnpm install .*&& pnpm test"$/);
    assert.equal(scripts.test, 'node scripts/test.ts');
  });

  it('links only to files that exist', () => {
    const links = [
      ...readme.matchAll(/\]\(((?!https?:|#)[^)\s]+)\)/g),
      ...readme.matchAll(/src="((?!https?:)[^"]+)"/g),
    ].map((match) => match[1]!);
    assert.ok(links.length > 5);
    const missing = links.filter((link) => {
      try {
        readFileSync(new URL(`../${link}`, import.meta.url));
        return false;
      } catch (error) {
        return (error as NodeJS.ErrnoException).code !== 'EISDIR';
      }
    });
    assert.deepEqual(missing, []);
  });
});

describe('README deployment table', () => {
  // The server's --help is the source: one entry per flag, wrapped lines joined.
  const help = HELP.replace(/\n {10,}/g, ' ');
  const options = [
    ...help.matchAll(
      /^ {2}--([a-z-]+)[^(\n]*\((UNION_JOIN_[A-Z_]+)(?:=1)?(?:, default ([^)]+))?\)/gm,
    ),
  ].map(([, flag, env, fallback]) => ({ flag: `--${flag}`, env: env!, fallback }));
  const environmentOnly = [...help.matchAll(/^ {2}(UNION_JOIN_[A-Z_]+) /gm)].map((m) => m[1]!);
  const rows = tableRows(section(readme, '## Deployment'));

  it('lists every flag with its environment variable and default, as --help does', () => {
    assert.ok(options.length >= 10, 'the help text was read');
    for (const { flag, env, fallback } of options) {
      const row = rows.find((cells) => codeNames(cells[1] ?? '').includes(flag));
      assert.ok(row, `the README lists ${flag}`);
      assert.deepEqual(codeNames(row[2]!), [env], `${flag} is read from ${env}`);
      if (fallback) assert.equal(row[3]!.replace(/`/g, ''), fallback, `default of ${flag}`);
    }
  });

  it('lists every environment-only variable, and nothing the server does not read', () => {
    for (const env of environmentOnly) {
      assert.ok(
        rows.some((cells) => codeNames(cells[2] ?? '').includes(env)),
        `the README lists ${env}`,
      );
    }
    const known = new Set([...options.flatMap((o) => [o.flag, o.env]), ...environmentOnly]);
    for (const cells of rows) {
      for (const name of [...codeNames(cells[1] ?? ''), ...codeNames(cells[2] ?? '')]) {
        assert.ok(known.has(name), `${name} is an option of the server`);
      }
    }
  });
});

describe('README sdk example', () => {
  it('sends an application to the real server as written', async () => {
    const snippet = /```ts\n(import \{ createClient[^]*?)```/.exec(
      section(readme, '## For developers: the sdk'),
    );
    assert.ok(snippet, 'the README has the sdk example');
    const demo = await startDemoServer({ element: false });
    const dir = fileURLToPath(new URL('../.e2e-tmp/', import.meta.url));
    const file = join(dir, `readme-sdk-${process.pid}.ts`);
    const logged: unknown[] = [];
    const log = console.log;
    try {
      mkdirSync(dir, { recursive: true });
      writeFileSync(file, snippet[1]!.replaceAll('https://join.example.org', demo.url));
      console.log = (...values: unknown[]) => void logged.push(values);
      await import(file);
      console.log = log;
      assert.deepEqual(logged[0], [[]], 'validateAll() finds no problems');
      const reference = /^Your reference number: (\S+)$/.exec(String((logged[1] as unknown[])[0]));
      assert.ok(reference, 'the reference is printed');
      const stored = await demo.server.storage.getApplication(reference[1]!);
      assert.equal(stored?.formId, 'example-union');
    } finally {
      console.log = log;
      rmSync(file, { force: true });
      await demo.close();
    }
  });
});
