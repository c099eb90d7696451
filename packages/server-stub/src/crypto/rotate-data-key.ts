import { systemClock, type Clock } from '../clock.ts';
import type { Environment } from '../config.ts';
import type { Storage } from '../storage/storage.ts';
import { applicationAad } from './application-box.ts';
import { addRotationKey } from './keyring.ts';
import { open, seal } from './sealed-box.ts';

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
 * Re-encrypts every stored application under a new data key, in one transaction. The keyring file
 * gains the new key first and keeps the old ones, so a crash part-way leaves every row readable.
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
    const aad = applicationAad(record.id, record.formId);
    return seal(keyring, open(keyring, record, aad), aad);
  });
  await options.storage.appendAccessLog({
    at: clock.now(),
    actor: 'system:rotate-key',
    action: 'rotate_key',
    formId: null,
    applicationIds: [],
    count: rewritten,
  });
  return {
    keyId: keyring.current.id,
    rewritten,
    fromEnvironment: options.env.UNION_JOIN_DATA_KEY !== undefined && options.env.UNION_JOIN_DATA_KEY.trim() !== '',
  };
}
