// The committed custom-elements.json must be what `cem analyze` makes from the source today, byte
// for byte, and must describe only the public API.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { cli } from '@custom-elements-manifest/analyzer/cli.js';

const packageDir = fileURLToPath(new URL('..', import.meta.url));
const committed = readFileSync(new URL('../custom-elements.json', import.meta.url), 'utf8');

interface Member {
  name: string;
  privacy?: string;
}
interface Manifest {
  modules: { path: string; declarations?: { name: string; members?: Member[] }[] }[];
}

/** A fresh manifest from the source, as the build writes it, without writing anything. */
async function analyze(): Promise<string> {
  const manifest: unknown = await cli({
    argv: ['analyze', '--config', 'custom-elements-manifest.config.mjs', '--quiet'],
    cwd: packageDir,
    noWrite: true,
  });
  return `${JSON.stringify(manifest, null, 2)}\n`;
}

test('the committed custom-elements.json matches a fresh `cem analyze`', async () => {
  const fresh = await analyze();
  assert.ok(
    fresh === committed,
    'custom-elements.json is stale: run `pnpm --filter @union-join/form-element run build` and commit it',
  );
  assert.equal(await analyze(), fresh, 'two runs give the same manifest');
});

test('custom-elements.json lists only public modules and members', () => {
  const manifest = JSON.parse(committed) as Manifest;
  const paths = manifest.modules.map((module) => module.path);
  assert.deepEqual(paths, [...paths].sort(), 'modules in path order');
  for (const path of paths) assert.doesNotMatch(path, /\/(controllers|fields|internal)\//);
  const members = manifest.modules.flatMap((module) =>
    (module.declarations ?? []).flatMap((declaration) =>
      (declaration.members ?? []).map((member) => ({ owner: declaration.name, ...member })),
    ),
  );
  assert.deepEqual(
    members.filter((member) => member.name.startsWith('#') || member.privacy === 'private'),
    [],
  );
  const element = members.filter((member) => member.owner === 'UnionJoinForm');
  assert.deepEqual(element.map((member) => member.name).sort(), [
    'analytics',
    'definition',
    'drafts',
    'endpoint',
    'formId',
    'session',
    'src',
  ]);
});
