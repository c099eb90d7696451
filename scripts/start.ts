// `pnpm start`: builds what is stale, then runs the reference server (port 8787 unless
// UNION_JOIN_PORT or --port says otherwise) with the example forms (or UNION_JOIN_FORMS_DIR), the
// examples at / and the built element at /union-join-form.js. Extra arguments go to the server:
// `pnpm start -- --port 9000`. The banner is printed once the server listens, from the address and
// the forms it reports, so it always names what is really there to open.
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
import { join, relative, resolve } from 'node:path';
import { createInterface } from 'node:readline';

const root = new URL('..', import.meta.url).pathname;
const packages = ['sdk', 'form-element', 'server-stub'];
const defaultFormsDir = join(root, 'examples', 'forms');
const dataDir = resolve(root, process.env.UNION_JOIN_DATA_DIR ?? '.union-join');
const formsDir = resolve(root, process.env.UNION_JOIN_FORMS_DIR ?? defaultFormsDir);
// pnpm hands `pnpm start -- --port 9000` over with the `--`, which would end the server's options.
const serverArgs = process.argv[2] === '--' ? process.argv.slice(3) : process.argv.slice(2);

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

if (formsDir === defaultFormsDir && !existsSync(join(formsDir, 'example-union.json'))) {
  mkdirSync(formsDir, { recursive: true });
  copyFileSync(
    join(root, 'packages', 'server-stub', 'test', 'forms', 'example-union.json'),
    join(formsDir, 'example-union.json'),
  );
}

// A development admin token, kept in the data directory (git-ignored) so it survives restarts.
const ownTokens = process.env.UNION_JOIN_ADMIN_TOKENS !== undefined;
const tokenFile = join(dataDir, 'dev-admin-token');
let token = '';
if (!ownTokens) {
  try {
    mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    if (!existsSync(tokenFile)) {
      writeFileSync(tokenFile, randomBytes(24).toString('base64url') + '\n', { mode: 0o600 });
    }
    token = readFileSync(tokenFile, 'utf8').trim();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unknown error';
    console.error(
      `pnpm start: data directory ${dataDir} cannot be written (${code}); ` +
        'choose another with UNION_JOIN_DATA_DIR',
    );
    process.exit(1);
  }
}
const shownTokenFile = tokenFile.startsWith(root) ? relative(root, tokenFile) : tokenFile;

const env = {
  ...process.env,
  UNION_JOIN_PORT: process.env.UNION_JOIN_PORT ?? '8787',
  UNION_JOIN_DATA_DIR: dataDir,
  UNION_JOIN_FORMS_DIR: formsDir,
  UNION_JOIN_STATIC_DIR: process.env.UNION_JOIN_STATIC_DIR ?? join(root, 'examples'),
  UNION_JOIN_ELEMENT_DIR:
    process.env.UNION_JOIN_ELEMENT_DIR ?? join(root, 'packages', 'form-element', 'dist'),
  UNION_JOIN_ALLOW_LOCALHOST: process.env.UNION_JOIN_ALLOW_LOCALHOST ?? '1',
  UNION_JOIN_ADMIN_TOKENS: process.env.UNION_JOIN_ADMIN_TOKENS ?? `dev:${token}`,
};

/** The address to open for a server listening on `url`: an any-address bind is reached locally. */
function browsable(url: string): string {
  return url.replace(/^http:\/\/(?:0\.0\.0\.0|\[::\])(?=:)/, 'http://localhost');
}

/** What the server said about its forms before it listened. */
const forms = { served: [] as string[], notLoaded: [] as string[] };

/** The example pages' own form: `/script-tag/` shows it. */
const scriptTagForm = 'example-union';

function printBanner(base: string): void {
  const [first] = forms.served;
  const lines = ['', 'union-join development server', `  examples      ${base}/`];
  forms.served.forEach((id, index) => {
    lines.push(`  ${index === 0 ? 'forms' : '     '}         ${base}/try/?form=${id}`);
  });
  if (first === undefined) lines.push(`  forms         none: put <id>.json files in ${formsDir}`);
  if (forms.notLoaded.length > 0) {
    lines.push(`  not loaded    ${forms.notLoaded.join(', ')} (the errors above say why)`);
  }
  lines.push(
    forms.served.includes(scriptTagForm)
      ? `  script tag    ${base}/script-tag/`
      : `  script tag    shows the form ${scriptTagForm}, which is not loaded: use the forms above`,
    `  element       ${base}/union-join-form.js`,
  );
  if (first !== undefined) lines.push(`  form API      ${base}/v1/forms/${first}`);
  if (ownTokens) lines.push('  admin token   the ones in UNION_JOIN_ADMIN_TOKENS');
  else {
    lines.push(`  admin token   ${token}   (name "dev"; stored in ${shownTokenFile})`);
    if (first !== undefined) {
      lines.push(
        `  try           curl -H "Authorization: Bearer ${token}" ${base}/v1/forms/${first}/applications`,
      );
    }
  }
  console.log(lines.join('\n') + '\n');
}

const server = spawn(
  process.execPath,
  [join(root, 'packages', 'server-stub', 'bin', 'union-join-server.js'), ...serverArgs],
  { cwd: root, env, stdio: ['inherit', 'pipe', 'inherit'] },
);
createInterface({ input: server.stdout }).on('line', (line) => {
  console.log(line);
  const served = /^union-join-server serving forms: (.+)$/.exec(line);
  if (served?.[1]) forms.served = served[1].split(', ');
  const notLoaded = /^union-join-server not loaded \(see the errors\): (.+)$/.exec(line);
  if (notLoaded?.[1]) forms.notLoaded = notLoaded[1].split(', ');
  const listening = /^union-join-server listening on (http:\/\/\S+)$/.exec(line);
  if (listening?.[1]) printBanner(browsable(listening[1]));
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => server.kill(signal));
}
// `close` comes after the server's last output line has been read, unlike `exit`.
server.on('close', (code, signal) => {
  process.exit(code ?? (signal ? 1 : 0));
});
