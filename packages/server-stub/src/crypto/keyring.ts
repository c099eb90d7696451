import { createHash, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { KeyringError } from '../errors.ts';

/** Length of an AES-256 key in bytes. */
export const DATA_KEY_BYTES = 32;

/** Name of the keyring file inside the data directory when no key comes from the environment. */
export const KEYRING_FILE = 'keyring.json';

/** One data key and the id stored beside every row it sealed. */
export interface DataKey {
  readonly id: string;
  readonly key: Buffer;
}

/**
 * The data key used for new rows plus every older key still needed to open existing rows.
 *
 * @example
 * const keyring = loadKeyring({ dataDir: './.union-join', env: process.env });
 * keyring.current.id; // "k3f9a..."
 */
export class Keyring {
  /** The key that seals new rows. */
  readonly current: DataKey;
  readonly #keys = new Map<string, Buffer>();

  /** Builds a keyring from the current key and any older ones. */
  constructor(current: DataKey, older: Iterable<DataKey> = []) {
    this.current = current;
    for (const key of older) this.#keys.set(key.id, key.key);
    this.#keys.set(current.id, current.key);
  }

  /** The key with this id, if the keyring holds it. */
  get(id: string): Buffer | undefined {
    return this.#keys.get(id);
  }

  /** Ids of every key the keyring holds. */
  ids(): string[] {
    return [...this.#keys.keys()];
  }
}

/** A key's id: a fingerprint that names the key without revealing anything about it. */
export function keyIdFor(key: Buffer): string {
  return (
    'k' + createHash('sha256').update('union-join/key-id\0').update(key).digest('hex').slice(0, 16)
  );
}

/** Decodes a base64 data key; `source` names where it came from for the error message. */
export function decodeDataKey(encoded: string, source: string): DataKey {
  const trimmed = encoded.trim();
  const key = Buffer.from(trimmed, 'base64');
  if (!/^[A-Za-z0-9+/_-]+={0,2}$/.test(trimmed) || key.length !== DATA_KEY_BYTES) {
    throw new KeyringError(`${source} must be base64 of exactly ${DATA_KEY_BYTES} random bytes`);
  }
  return { id: keyIdFor(key), key };
}

/** The older keys of `UNION_JOIN_PREVIOUS_DATA_KEYS`, each with the name messages give it. */
export function previousDataKeys(env: Record<string, string | undefined>): [string, string][] {
  return (env.UNION_JOIN_PREVIOUS_DATA_KEYS ?? '')
    .split(',')
    .filter((part) => part.trim() !== '')
    .map((part, index) => [`UNION_JOIN_PREVIOUS_DATA_KEYS[${index}]`, part]);
}

/** Makes a fresh random data key. */
export function generateDataKey(): DataKey {
  const key = randomBytes(DATA_KEY_BYTES);
  return { id: keyIdFor(key), key };
}

interface KeyringFile {
  version: 1;
  current: string;
  keys: { id: string; key: string; createdAt: string }[];
}

function readKeyringFile(path: string): { current: DataKey; older: DataKey[] } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch (cause) {
    throw new KeyringError(`${path} is not readable JSON`, { cause });
  }
  const file = parsed as Partial<KeyringFile>;
  if (file.version !== 1 || typeof file.current !== 'string' || !Array.isArray(file.keys)) {
    throw new KeyringError(`${path} is not a keyring file (expected version 1, current, keys)`);
  }
  const keys = file.keys.map((entry, index) => {
    const key = decodeDataKey(String(entry?.key ?? ''), `${path} keys[${index}].key`);
    if (key.id !== entry.id)
      throw new KeyringError(`${path} keys[${index}].id does not match its key`);
    return key;
  });
  const current = keys.find((key) => key.id === file.current);
  if (!current) throw new KeyringError(`${path} names a current key it does not hold`);
  return { current, older: keys.filter((key) => key !== current) };
}

function writeKeyringFile(path: string, current: DataKey, older: DataKey[], now: Date): void {
  const previous = existsSync(path)
    ? (JSON.parse(readFileSync(path, 'utf8')) as KeyringFile)
    : undefined;
  const createdAt = new Map(previous?.keys.map((entry) => [entry.id, entry.createdAt]) ?? []);
  const file: KeyringFile = {
    version: 1,
    current: current.id,
    keys: [...older, current].map((key) => ({
      id: key.id,
      key: key.key.toString('base64'),
      createdAt: createdAt.get(key.id) ?? now.toISOString(),
    })),
  };
  // Write beside, then rename: a crash never leaves a half-written keyring.
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, JSON.stringify(file, null, 2) + '\n', { mode: 0o600, flag: 'w' });
  chmodSync(temporary, 0o600);
  renameSync(temporary, path);
}

/** Where the keyring came from, and whether its file is too widely readable. */
export interface LoadedKeyring {
  keyring: Keyring;
  source: 'environment' | 'file' | 'generated';
  /** Set when the keyring file can be read by other users. */
  looseFileMode?: boolean;
  /** Id of keyring.json's current key, when the file exists. */
  fileCurrentId?: string;
}

/** Options of {@link loadKeyring}. */
export interface LoadKeyringOptions {
  dataDir: string;
  /** `UNION_JOIN_DATA_KEY` and `UNION_JOIN_PREVIOUS_DATA_KEYS` are read from here. */
  env: Record<string, string | undefined>;
  now?: Date;
  /**
   * Whether a key generated on first run is written to keyring.json at once (default true).
   * False leaves that to {@link saveGeneratedKeyring}, once the start is known to succeed.
   */
  writeGenerated?: boolean;
}

/**
 * Loads the keyring: `UNION_JOIN_DATA_KEY` (plus `UNION_JOIN_PREVIOUS_DATA_KEYS`) when set,
 * otherwise `<dataDir>/keyring.json`, generated with mode 0600 on first run.
 */
export function loadKeyring({
  dataDir,
  env,
  now = new Date(),
  writeGenerated = true,
}: LoadKeyringOptions): LoadedKeyring {
  const path = join(dataDir, KEYRING_FILE);
  const fromFile = existsSync(path) ? readKeyringFile(path) : undefined;
  const looseFileMode = fromFile ? (statSync(path).mode & 0o077) !== 0 : false;
  const encoded = env.UNION_JOIN_DATA_KEY;
  if (encoded !== undefined && encoded.trim() !== '') {
    const current = decodeDataKey(encoded, 'UNION_JOIN_DATA_KEY');
    const previous = previousDataKeys(env).map(([name, part]) => decodeDataKey(part, name));
    const fileKeys = fromFile ? [fromFile.current, ...fromFile.older] : [];
    return {
      keyring: new Keyring(current, [...fileKeys, ...previous]),
      source: 'environment',
      looseFileMode,
      ...(fromFile ? { fileCurrentId: fromFile.current.id } : {}),
    };
  }
  if (fromFile) {
    return {
      keyring: new Keyring(fromFile.current, fromFile.older),
      source: 'file',
      looseFileMode,
    };
  }
  const generated = generateDataKey();
  if (writeGenerated) writeKeyringFile(path, generated, [], now);
  return { keyring: new Keyring(generated), source: 'generated' };
}

/** Writes a keyring generated with `writeGenerated: false` to `<dataDir>/keyring.json`. */
export function saveGeneratedKeyring(dataDir: string, keyring: Keyring, now = new Date()): void {
  writeKeyringFile(join(dataDir, KEYRING_FILE), keyring.current, [], now);
}

/**
 * Adds a new current key to the keyring for a rotation and returns the new keyring. With
 * `UNION_JOIN_DATA_KEY` set, the new key comes from `UNION_JOIN_NEW_DATA_KEY` and nothing is
 * written (the operator swaps the variables afterwards); otherwise it is generated into the file,
 * which keeps every older key.
 */
export function addRotationKey({ dataDir, env, now = new Date() }: LoadKeyringOptions): Keyring {
  const { keyring, source } = loadKeyring({ dataDir, env, now });
  const older = keyring.ids().map((id) => ({ id, key: keyring.get(id)! }));
  if (source === 'environment') {
    const encoded = env.UNION_JOIN_NEW_DATA_KEY;
    if (encoded === undefined || encoded.trim() === '') {
      throw new KeyringError(
        'UNION_JOIN_DATA_KEY is set, so the new key must come from UNION_JOIN_NEW_DATA_KEY',
      );
    }
    const next = decodeDataKey(encoded, 'UNION_JOIN_NEW_DATA_KEY');
    if (keyring.get(next.id))
      throw new KeyringError('UNION_JOIN_NEW_DATA_KEY is already in the keyring');
    return new Keyring(next, older);
  }
  const next = generateDataKey();
  writeKeyringFile(join(dataDir, KEYRING_FILE), next, older, now);
  return new Keyring(next, older);
}
