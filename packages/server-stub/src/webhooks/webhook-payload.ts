import type { Application } from '@union-join/sdk';

/** Body of the `application.received` webhook; `id` is the application id, for deduplication. */
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
