import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { DecryptionError } from '../errors.ts';
import type { Keyring } from './keyring.ts';

const NONCE_BYTES = 12;
const TAG_BYTES = 16;

/** AES-256-GCM output as stored: the key id, a fresh nonce, and ciphertext with its tag appended. */
export interface SealedBox {
  keyId: string;
  nonce: Uint8Array;
  ciphertext: Uint8Array;
}

/**
 * Encrypts with the keyring's current key. `aad` binds the box to where it is stored (a row id),
 * so a ciphertext copied into another row does not open.
 */
export function seal(keyring: Keyring, plaintext: Uint8Array, aad: string): SealedBox {
  const nonce = randomBytes(NONCE_BYTES);
  const cipher = createCipheriv('aes-256-gcm', keyring.current.key, nonce, {
    authTagLength: TAG_BYTES,
  });
  cipher.setAAD(Buffer.from(aad, 'utf8'));
  const body = Buffer.concat([cipher.update(plaintext), cipher.final(), cipher.getAuthTag()]);
  return { keyId: keyring.current.id, nonce, ciphertext: body };
}

/** Decrypts a box with the key it names; throws {@link DecryptionError} on any mismatch. */
export function open(keyring: Keyring, box: SealedBox, aad: string): Buffer {
  const key = keyring.get(box.keyId);
  if (!key) throw new DecryptionError(`data key ${box.keyId} is not in the keyring`);
  if (box.ciphertext.length < TAG_BYTES || box.nonce.length !== NONCE_BYTES) {
    throw new DecryptionError('sealed data is truncated');
  }
  const data = Buffer.from(box.ciphertext);
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, box.nonce, { authTagLength: TAG_BYTES });
    decipher.setAAD(Buffer.from(aad, 'utf8'));
    decipher.setAuthTag(data.subarray(data.length - TAG_BYTES));
    return Buffer.concat([
      decipher.update(data.subarray(0, data.length - TAG_BYTES)),
      decipher.final(),
    ]);
  } catch (cause) {
    throw new DecryptionError('sealed data does not authenticate (wrong key, tampered or moved)', {
      cause,
    });
  }
}
