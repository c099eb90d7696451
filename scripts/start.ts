// `pnpm start`: builds what is stale, then runs the reference server on http://localhost:8787 with
// the example forms, the examples at / and the built element at /union-join-form.js.
// Extra arguments go to the server: `pnpm start -- --port 9000`.
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const packages = ['sdk', 'form-element', 'server-stub'];
const dataDir = join(root, '.union-join');
const formsDir = join(root, 'examples', 'forms');

/** Newest modification time of any file under `path` (0 when it does not exist). */
function newest(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let latest = 0;
  for (const entry of readdirSync(path)) {
    if (entry === 'node_modules') continue;
    latest = Math.max(latest, newest(join(path, entry)));
  }
  return latest;
}

function isStale(pkg: string): boolean {
  const dir = join(root, 'packages', pkg);
  const built = newest(join(dir, 'dist'));
  if (built === 0) return true;
  const inputs = ['src', 'package.json', 'tsconfig.build.json', 'rollup.config.mjs'].map((name) =>
    newest(join(dir, name)),
  );
  return Math.max(...inputs) > built;
}

const stale = packages.filter(isStale);
if (stale.length > 0) {
  console.log(`Building (${stale.join(', ')} changed since the last build)...`);
  const build = spawnSync('pnpm', ['run', '--silent', 'build'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) {
    console.error('The build failed; fix it and run `pnpm start` again.');
    process.exit(build.status ?? 1);
  }
}

mkdirSync(dataDir, { recursive: true, mode: 0o700 });
mkdirSync(formsDir, { recursive: true });
if (!existsSync(join(formsDir, 'example-union.json'))) {
  copyFileSync(
    join(root, 'packages', 'server-stub', 'test', 'forms', 'example-union.json'),
    join(formsDir, 'example-union.json'),
  );
}

// A development admin token, kept in the (git-ignored) data directory so it survives restarts.
const tokenFile = join(dataDir, 'dev-admin-token');
if (!existsSync(tokenFile)) {
  writeFileSync(tokenFile, randomBytes(24).toString('base64url') + '\n', { mode: 0o600 });
}
const token = readFileSync(tokenFile, 'utf8').trim();

const env = {
  ...process.env,
  UNION_JOIN_PORT: process.env.UNION_JOIN_PORT ?? '8787',
  UNION_JOIN_DATA_DIR: process.env.UNION_JOIN_DATA_DIR ?? dataDir,
  UNION_JOIN_FORMS_DIR: process.env.UNION_JOIN_FORMS_DIR ?? formsDir,
  UNION_JOIN_STATIC_DIR: process.env.UNION_JOIN_STATIC_DIR ?? join(root, 'examples'),
  UNION_JOIN_ELEMENT_DIR:
    process.env.UNION_JOIN_ELEMENT_DIR ?? join(root, 'packages', 'form-element', 'dist'),
  UNION_JOIN_ALLOW_LOCALHOST: process.env.UNION_JOIN_ALLOW_LOCALHOST ?? '1',
  UNION_JOIN_ADMIN_TOKENS: process.env.UNION_JOIN_ADMIN_TOKENS ?? `dev:${token}`,
};
const base = `http://localhost:${env.UNION_JOIN_PORT}`;
console.log(`
union-join development server
  examples      ${base}/
  script tag    ${base}/script-tag/
  element       ${base}/union-join-form.js
  form API      ${base}/v1/forms/example-union
  admin token   ${token}   (name "dev"; stored in .union-join/dev-admin-token)
  try           curl -H "Authorization: Bearer ${token}" ${base}/v1/forms/example-union/applications
`);

const server = spawn(
  process.execPath,
  [join(root, 'packages', 'server-stub', 'bin', 'union-join-server.js'), ...process.argv.slice(2)],
  { cwd: root, env, stdio: 'inherit' },
);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => server.kill(signal));
}
server.on('exit', (code, signal) => {
  process.exit(code ?? (signal ? 1 : 0));
});
