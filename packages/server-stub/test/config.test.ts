import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { HELP, parseAdminTokens, parseCommand } from '../src/config.ts';
import { ConfigError } from '../src/errors.ts';
import { tempDir } from './support/temp-dir.ts';

const TOKEN = 'a'.repeat(32);

function serveConfig(argv: string[], env: Record<string, string> = {}) {
  const command = parseCommand(argv, env, '/srv');
  assert.equal(command.kind, 'serve');
  return command.kind === 'serve' ? command.config : assert.fail();
}

test('defaults match the documented ones', () => {
  const config = serveConfig([]);
  assert.equal(config.port, 8787);
  assert.equal(config.host, '127.0.0.1');
  assert.equal(config.dataDir, '/srv/.union-join');
  assert.equal(config.formsDir, '/srv/forms');
  assert.equal(config.retentionDays, 60);
  assert.equal(config.undeliveredMaxDays, 90);
  assert.equal(config.rateLimitPerMinute, 60);
  assert.equal(config.bodyLimitBytes, 65_536);
  assert.deepEqual(config.adminTokens, []);
  assert.equal(config.allowLocalhostOrigins, false);
});

test('reads UNION_JOIN_* variables and lets flags win', () => {
  const env = {
    UNION_JOIN_PORT: '9000',
    UNION_JOIN_DATA_DIR: 'data',
    UNION_JOIN_RETENTION_DAYS: '30',
    UNION_JOIN_ALLOWED_ORIGINS: 'https://example.org, https://join.example.org/',
    UNION_JOIN_ALLOW_LOCALHOST: '1',
    UNION_JOIN_ADMIN_TOKENS: `alice:${TOKEN},bob:${'b'.repeat(40)}`,
  };
  const config = serveConfig(['--port', '9001', '--static', 'examples'], env);
  assert.equal(config.port, 9001);
  assert.equal(config.dataDir, '/srv/data');
  assert.equal(config.retentionDays, 30);
  assert.equal(config.staticDir, '/srv/examples');
  assert.deepEqual(config.allowedOrigins, ['https://example.org', 'https://join.example.org']);
  assert.equal(config.allowLocalhostOrigins, true);
  assert.deepEqual(
    config.adminTokens.map((token) => token.name),
    ['alice', 'bob'],
  );
});

test('reads admin tokens from a file, one per line', (t) => {
  const file = join(tempDir(t), 'tokens');
  writeFileSync(file, `# staff\ncarol:${TOKEN}\n\ndave:${TOKEN}b\n`);
  const config = serveConfig(['--admin-tokens-file', file]);
  assert.deepEqual(
    config.adminTokens.map((token) => token.name),
    ['carol', 'dave'],
  );
});

test('--help and rotate-key are commands of their own', () => {
  assert.deepEqual(parseCommand(['--help'], {}), { kind: 'help' });
  assert.match(HELP, /--retention-days/);
  assert.match(HELP, /UNION_JOIN_DATA_KEY/);
  assert.equal(parseCommand(['rotate-key', '--data', 'x'], {}).kind, 'rotate-key');
});

test('bad values name the flag or variable', () => {
  assert.throws(() => parseCommand(['--port', 'eighty'], {}), /--port must be a whole number/);
  assert.throws(() => parseCommand(['--port', '70000'], {}), /--port must be between 0 and 65535/);
  assert.throws(() => parseCommand(['--retention-days', '0'], {}), /--retention-days/);
  assert.throws(() => parseCommand(['--colour'], {}), /--colour.*see --help/);
  assert.throws(
    () => parseCommand(['--allowed-origins', 'https://example.org/join'], {}),
    /--allowed-origins\[0\] must be only scheme, host and port/,
  );
});

test('two names sharing one token value are refused, naming both and never the token', (t) => {
  const shared = 'sharedtoken-0123456789abcdefghij';
  const namesBoth = (error: unknown) =>
    error instanceof ConfigError &&
    /"alice"/.test(error.message) &&
    /"bob"/.test(error.message) &&
    /same token/.test(error.message) &&
    !error.message.includes(shared);
  assert.throws(
    () => parseAdminTokens(`alice:${shared},bob:${shared}`, 'UNION_JOIN_ADMIN_TOKENS'),
    namesBoth,
  );
  assert.throws(
    () => serveConfig([], { UNION_JOIN_ADMIN_TOKENS: `alice:${shared},bob:${shared}` }),
    namesBoth,
  );
  // Across the variable and the file, too.
  const file = join(tempDir(t), 'tokens');
  writeFileSync(file, `bob:${shared}\n`);
  assert.throws(
    () =>
      serveConfig(['--admin-tokens-file', file], { UNION_JOIN_ADMIN_TOKENS: `alice:${shared}` }),
    namesBoth,
  );
});

test('a bad admin token is reported by name and never quoted', () => {
  const short = 'tooshort-secret';
  assert.throws(
    () => parseAdminTokens(`alice:${short}`, 'UNION_JOIN_ADMIN_TOKENS'),
    (error: unknown) =>
      error instanceof ConfigError &&
      /token "alice" must be at least 24 characters/.test(error.message) &&
      !error.message.includes(short),
  );
  assert.throws(
    () => parseAdminTokens(`${TOKEN}`, 'UNION_JOIN_ADMIN_TOKENS'),
    (error: unknown) =>
      error instanceof ConfigError &&
      /entry 1 must be name:token/.test(error.message) &&
      !error.message.includes(TOKEN),
  );
  assert.throws(() => parseAdminTokens(`a:${TOKEN},a:${TOKEN}`, 'X'), /names token "a" twice/);
});
