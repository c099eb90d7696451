import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { decodeDataKey, previousDataKeys } from './crypto/keyring.ts';
import { ConfigError } from './errors.ts';

/** One admin bearer token and the name the access log records for it. */
export interface AdminToken {
  name: string;
  token: string;
}

/** Everything the server needs to start, from flags and `UNION_JOIN_*` environment variables. */
export interface ServerConfig {
  port: number;
  host: string;
  dataDir: string;
  formsDir: string;
  adminTokens: AdminToken[];
  /** Origins allowed to call the public API for every form (a form's settings can add more). */
  allowedOrigins: string[];
  /** Also allow any `http://localhost:*`, `http://127.0.0.1:*` and `http://[::1]:*` origin. */
  allowLocalhostOrigins: boolean;
  retentionDays: number;
  undeliveredMaxDays: number;
  /** Directory served at `/`, if any. */
  staticDir: string | undefined;
  /** Directory holding the built element (`union-join-form.js`), served at `/`, if any. */
  elementDir: string | undefined;
  /** Submissions per minute per client IP; 0 turns the limit off. */
  rateLimitPerMinute: number;
  /** Number of reverse proxies in front whose `X-Forwarded-For` entries are trusted. */
  trustProxy: number;
  /** Largest accepted request body in bytes. */
  bodyLimitBytes: number;
}

/** Environment variables the configuration reads, as a record (`process.env` fits). */
export type Environment = Record<string, string | undefined>;

/** The text of `union-join-server --help`. */
export const HELP = `Usage: union-join-server [options]
       union-join-server rotate-key [--data DIR]

Receives applications for union-join-form, stores them encrypted, forwards them by signed
webhook and purges them on schedule.

Options (each also read from the environment variable shown; a flag wins):
  --port N                 port to listen on (UNION_JOIN_PORT, default 8787)
  --host ADDRESS           address to bind (UNION_JOIN_HOST, default 127.0.0.1)
  --data DIR               data directory: database and keyring (UNION_JOIN_DATA_DIR, default ./.union-join)
  --forms DIR              form definitions, <id>.json and optional <id>.server.json
                           (UNION_JOIN_FORMS_DIR, default ./forms)
  --admin-tokens-file FILE admin tokens, one name:token per line (UNION_JOIN_ADMIN_TOKENS_FILE)
  --allowed-origins LIST   comma-separated origins allowed for every form (UNION_JOIN_ALLOWED_ORIGINS)
  --allow-localhost        allow any localhost origin, for development (UNION_JOIN_ALLOW_LOCALHOST=1)
  --retention-days N       days kept after retrieval or delivery (UNION_JOIN_RETENTION_DAYS, default 60)
  --undelivered-max-days N days kept when never retrieved nor delivered
                           (UNION_JOIN_UNDELIVERED_MAX_DAYS, default 90)
  --rate-limit N           submissions per minute per client IP, 0 = off (UNION_JOIN_RATE_LIMIT, default 60)
  --trust-proxy N          reverse proxies in front, for X-Forwarded-For (UNION_JOIN_TRUST_PROXY, default 0)
  --static DIR             serve this directory at / (UNION_JOIN_STATIC_DIR)
  --element-dir DIR        serve union-join-form.js and .iife.js from this directory
                           (UNION_JOIN_ELEMENT_DIR)
  -h, --help               show this text
  -v, --version            show the version

Environment only (secrets never go on a command line):
  UNION_JOIN_ADMIN_TOKENS        comma-separated name:token pairs (tokens of at least 24 characters)
  UNION_JOIN_DATA_KEY            base64 of 32 random bytes; otherwise <data>/keyring.json is used,
                                 generated with mode 0600 on first run
  UNION_JOIN_PREVIOUS_DATA_KEYS  comma-separated older keys still needed to read old rows
  UNION_JOIN_NEW_DATA_KEY        rotate-key only, when UNION_JOIN_DATA_KEY is set: the key to move to

rotate-key re-encrypts every stored application under a new data key. Stop the server first.
`;

const OPTIONS = {
  port: { type: 'string' },
  host: { type: 'string' },
  data: { type: 'string' },
  forms: { type: 'string' },
  'admin-tokens-file': { type: 'string' },
  'allowed-origins': { type: 'string' },
  'allow-localhost': { type: 'boolean' },
  'retention-days': { type: 'string' },
  'undelivered-max-days': { type: 'string' },
  'rate-limit': { type: 'string' },
  'trust-proxy': { type: 'string' },
  static: { type: 'string' },
  'element-dir': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
} as const;

/** What the command line asked for. */
export type Command =
  | { kind: 'serve'; config: ServerConfig }
  | { kind: 'rotate-key'; config: ServerConfig }
  | { kind: 'help' }
  | { kind: 'version' };

function integer(
  value: string | undefined,
  name: string,
  fallback: number,
  min: number,
  max: number,
) {
  if (value === undefined || value.trim() === '') return fallback;
  if (!/^\d+$/.test(value.trim())) throw new ConfigError(`${name} must be a whole number`);
  const number = Number(value.trim());
  if (number < min || number > max) {
    throw new ConfigError(`${name} must be between ${min} and ${max}`);
  }
  return number;
}

function truthy(value: string | undefined): boolean {
  return value !== undefined && /^(1|true|yes|on)$/i.test(value.trim());
}

/** Checks that every entry is an origin (`scheme://host[:port]`) or `*`; returns them normalised. */
export function parseOrigins(
  list: string | readonly string[] | undefined,
  source: string,
): string[] {
  const entries = typeof list === 'string' ? list.split(',') : list === undefined ? [] : [...list];
  return entries
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '')
    .map((entry, index) => {
      if (entry === '*') return entry;
      let url: URL;
      try {
        url = new URL(entry);
      } catch (cause) {
        throw new ConfigError(`${source}[${index}] is not an origin like https://example.org`, {
          cause,
        });
      }
      if (
        (url.protocol !== 'https:' && url.protocol !== 'http:') ||
        url.origin !== entry.replace(/\/$/, '').toLowerCase()
      ) {
        throw new ConfigError(
          `${source}[${index}] must be only scheme, host and port, like https://example.org`,
        );
      }
      return url.origin;
    });
}

const TOKEN_NAME = /^[A-Za-z0-9_.-]{1,64}$/;
const MIN_TOKEN_LENGTH = 24;

/** Parses `name:token` pairs separated by commas or new lines. Errors never include a token. */
export function parseAdminTokens(text: string, source: string): AdminToken[] {
  const tokens: AdminToken[] = [];
  const parts = text
    .split(/[,\n]/)
    .map((part) => part.trim())
    .filter((part) => part !== '' && !part.startsWith('#'));
  for (const [index, part] of parts.entries()) {
    const colon = part.indexOf(':');
    const name = colon < 0 ? '' : part.slice(0, colon);
    const token = colon < 0 ? '' : part.slice(colon + 1);
    if (!TOKEN_NAME.test(name)) {
      throw new ConfigError(
        `${source} entry ${index + 1} must be name:token with a name of letters, digits, _ . -`,
      );
    }
    if (token.length < MIN_TOKEN_LENGTH || /\s/.test(token)) {
      throw new ConfigError(
        `${source} token "${name}" must be at least ${MIN_TOKEN_LENGTH} characters without spaces`,
      );
    }
    if (tokens.some((existing) => existing.name === name)) {
      throw new ConfigError(`${source} names token "${name}" twice`);
    }
    refuseSharedToken(tokens, { name, token });
    tokens.push({ name, token });
  }
  return tokens;
}

/**
 * Refuses a token whose value another name already has: the access log could only ever record
 * the first name, so reads by the second would be logged as someone else's.
 */
function refuseSharedToken(tokens: readonly AdminToken[], added: AdminToken): void {
  const other = tokens.find((existing) => existing.token === added.token);
  if (other) {
    throw new ConfigError(
      `admin tokens "${other.name}" and "${added.name}" have the same token; give each name its own, so the access log says who read what`,
    );
  }
}

/**
 * Reads the command line and environment into a {@link Command}. Throws {@link ConfigError} with a
 * message naming the flag or variable at fault.
 *
 * @example
 * const command = parseCommand(process.argv.slice(2), process.env);
 */
export function parseCommand(
  argv: readonly string[],
  env: Environment,
  cwd = process.cwd(),
): Command {
  const rotate = argv[0] === 'rotate-key';
  let parsed: ReturnType<typeof parseArgs<{ options: typeof OPTIONS; strict: true }>>;
  try {
    parsed = parseArgs({
      args: rotate ? argv.slice(1) : [...argv],
      options: OPTIONS,
      strict: true,
    });
  } catch (cause) {
    const message = cause instanceof Error ? cause.message.split('\n')[0] : 'bad arguments';
    throw new ConfigError(`${message}; see --help`, { cause });
  }
  const flags = parsed.values;
  if (flags.help) return { kind: 'help' };
  if (flags.version) return { kind: 'version' };

  const tokensFile = flags['admin-tokens-file'] ?? env.UNION_JOIN_ADMIN_TOKENS_FILE;
  const adminTokens = [
    ...parseAdminTokens(env.UNION_JOIN_ADMIN_TOKENS ?? '', 'UNION_JOIN_ADMIN_TOKENS'),
  ];
  if (tokensFile) {
    let text: string;
    try {
      text = readFileSync(resolve(cwd, tokensFile), 'utf8');
    } catch (cause) {
      throw new ConfigError(`admin tokens file ${tokensFile} cannot be read`, { cause });
    }
    for (const token of parseAdminTokens(text, tokensFile)) {
      if (adminTokens.some((existing) => existing.name === token.name)) {
        throw new ConfigError(`admin token "${token.name}" is defined twice`);
      }
      refuseSharedToken(adminTokens, token);
      adminTokens.push(token);
    }
  }

  const dir = (value: string | undefined) => (value ? resolve(cwd, value) : undefined);
  const config: ServerConfig = {
    port: integer(flags.port ?? env.UNION_JOIN_PORT, '--port', 8787, 0, 65535),
    host: flags.host ?? env.UNION_JOIN_HOST ?? '127.0.0.1',
    dataDir: resolve(cwd, flags.data ?? env.UNION_JOIN_DATA_DIR ?? '.union-join'),
    formsDir: resolve(cwd, flags.forms ?? env.UNION_JOIN_FORMS_DIR ?? 'forms'),
    adminTokens,
    allowedOrigins: parseOrigins(
      flags['allowed-origins'] ?? env.UNION_JOIN_ALLOWED_ORIGINS,
      '--allowed-origins',
    ),
    allowLocalhostOrigins: flags['allow-localhost'] ?? truthy(env.UNION_JOIN_ALLOW_LOCALHOST),
    retentionDays: integer(
      flags['retention-days'] ?? env.UNION_JOIN_RETENTION_DAYS,
      '--retention-days',
      60,
      1,
      3650,
    ),
    undeliveredMaxDays: integer(
      flags['undelivered-max-days'] ?? env.UNION_JOIN_UNDELIVERED_MAX_DAYS,
      '--undelivered-max-days',
      90,
      1,
      3650,
    ),
    rateLimitPerMinute: integer(
      flags['rate-limit'] ?? env.UNION_JOIN_RATE_LIMIT,
      '--rate-limit',
      60,
      0,
      1_000_000,
    ),
    trustProxy: integer(
      flags['trust-proxy'] ?? env.UNION_JOIN_TRUST_PROXY,
      '--trust-proxy',
      0,
      0,
      10,
    ),
    staticDir: dir(flags.static ?? env.UNION_JOIN_STATIC_DIR),
    elementDir: dir(flags['element-dir'] ?? env.UNION_JOIN_ELEMENT_DIR),
    bodyLimitBytes: 64 * 1024,
  };
  checkDataKeys(env);
  const newKey = env.UNION_JOIN_NEW_DATA_KEY;
  const currentKey = env.UNION_JOIN_DATA_KEY;
  if (
    rotate &&
    newKey !== undefined &&
    newKey.trim() !== '' &&
    (currentKey === undefined || currentKey.trim() === '')
  ) {
    // Without it, the keyring file would be rotated to a generated key and the new one ignored.
    throw new ConfigError(
      'UNION_JOIN_NEW_DATA_KEY is set but UNION_JOIN_DATA_KEY is not; set UNION_JOIN_DATA_KEY to ' +
        'the current key, or unset UNION_JOIN_NEW_DATA_KEY to rotate the keyring file',
    );
  }
  return { kind: rotate ? 'rotate-key' : 'serve', config };
}

/** A data key in the environment that is not one is a bad setting, named without its value. */
function checkDataKeys(env: Environment): void {
  const keys: [string, string][] = [];
  for (const name of ['UNION_JOIN_DATA_KEY', 'UNION_JOIN_NEW_DATA_KEY'] as const) {
    const value = env[name];
    if (value !== undefined && value.trim() !== '') keys.push([name, value]);
  }
  for (const [name, value] of [...keys, ...previousDataKeys(env)]) {
    try {
      decodeDataKey(value, name);
    } catch (error) {
      throw new ConfigError(error instanceof Error ? error.message : name);
    }
  }
}
