import type { Application } from '@union-join/sdk';
import type { ApplicationRecord } from '../storage/storage.ts';
import type { Keyring } from './keyring.ts';
import { open, seal, type SealedBox } from './sealed-box.ts';

/** What a row's ciphertext holds: the validated application and the digest of the request body. */
export interface SealedApplication {
  application: Application;
  /** {@link bodyDigest} of the request that created the row. */
  bodyDigest: string;
}

/** Additional authenticated data of an application row: binds the ciphertext to its id and form. */
export function applicationAad(id: string, formId: string): string {
  return `union-join/application/v1\0${id}\0${formId}`;
}

/** Seals a validated application for the row `id`. */
export function sealApplication(
  keyring: Keyring,
  id: string,
  formId: string,
  contents: SealedApplication,
): SealedBox {
  const plaintext = Buffer.from(JSON.stringify({ v: 1, ...contents }), 'utf8');
  return seal(keyring, plaintext, applicationAad(id, formId));
}

/** Opens a stored row back into what was sealed. */
export function openSealedApplication(
  keyring: Keyring,
  record: ApplicationRecord,
): SealedApplication {
  const plaintext = open(keyring, record, applicationAad(record.id, record.formId));
  const { application, bodyDigest } = JSON.parse(plaintext.toString('utf8')) as SealedApplication;
  return { application, bodyDigest };
}

/** Opens a stored row back into the application that was submitted. */
export function openApplication(keyring: Keyring, record: ApplicationRecord): Application {
  return openSealedApplication(keyring, record).application;
}
