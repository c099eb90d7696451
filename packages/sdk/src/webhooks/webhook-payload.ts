import type { Application } from '../application/index.ts';

/**
 * Body of the `application.received` webhook, as a receiver parses it after checking the
 * signature; `id` is the application id, for deduplication.
 * @example
 * if (!(await verifyWebhookSignature(secret, signature, body))) return reject();
 * const payload = JSON.parse(new TextDecoder().decode(body)) as WebhookPayload;
 */
export interface WebhookPayload {
  type: 'application.received';
  /** Application id: the same on every retry, so the receiver can drop duplicates. */
  id: string;
  deliveryId: string;
  formId: string;
  formVersion: number;
  receivedAt: string;
  application: Application;
}
