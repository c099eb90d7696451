import type { Application } from '@union-join/sdk';
import type { ApplicationRecord } from '../storage/storage.ts';
import type { Keyring } from './keyring.ts';
import { open, seal, type SealedBox } from './sealed-box.ts';

/** Additional authenticated data of an application row: binds the ciphertext to its id and form. */
export function applicationAad(id: string, formId: string): string {
  return `union-join/application/v1\0${id}\0${formId}`;
}

/** Seals a validated application for the row `id`. */
export function sealApplication(keyring: Keyring, id: string, application: Application): SealedBox {
  const plaintext = Buffer.from(JSON.stringify(application), 'utf8');
  return seal(keyring, plaintext, applicationAad(id, application.formId));
}

/** Opens a stored row back into the application that was submitted. */
export function openApplication(keyring: Keyring, record: ApplicationRecord): Application {
  const plaintext = open(keyring, record, applicationAad(record.id, record.formId));
  return JSON.parse(plaintext.toString('utf8')) as Application;
}
