import { systemClock, type Clock } from '../clock.ts';
import type { Environment } from '../config.ts';
import type { Storage } from '../storage/storage.ts';
import { openSealedApplication, sealApplication } from './application-box.ts';
import { addRotationKey } from './keyring.ts';
import { requestHash } from './request-hash.ts';

/** What a key rotation did. */
export interface RotationResult {
  /** Id of the key every row is now sealed with. */
  keyId: string;
  /** Applications re-encrypted. */
  rewritten: number;
  /** Whether the new key came from `UNION_JOIN_NEW_DATA_KEY` (and must now be configured). */
  fromEnvironment: boolean;
}

/**
 * Re-encrypts every stored application, and re-keys its request hash, under a new data key in one
 * transaction. The keyring file gains the new key first and keeps the old ones, so a crash part-way
 * leaves every row readable; afterwards no row needs an old key.
 */
export async function rotateDataKey(options: {
  dataDir: string;
  env: Environment;
  storage: Storage;
  clock?: Clock;
}): Promise<RotationResult> {
  const clock = options.clock ?? systemClock;
  const keyring = addRotationKey({
    dataDir: options.dataDir,
    env: options.env,
    now: new Date(clock.now()),
  });
  const rewritten = await options.storage.resealApplications(keyring.current.id, (record) => {
    const contents = openSealedApplication(keyring, record);
    const box = sealApplication(keyring, record.id, record.formId, contents);
    return { ...box, requestHash: requestHash(keyring, contents.bodyDigest) };
  });
  await options.storage.appendAccessLog({
    at: clock.now(),
    actor: 'system:rotate-key',
    action: 'data_key.rotate',
    formId: null,
    applicationIds: [],
    count: rewritten,
  });
  const envKey = options.env.UNION_JOIN_DATA_KEY;
  return {
    keyId: keyring.current.id,
    rewritten,
    fromEnvironment: envKey !== undefined && envKey.trim() !== '',
  };
}
