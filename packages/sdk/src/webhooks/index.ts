export { WEBHOOK_SIGNATURE_HEADER, signWebhook } from './sign-webhook.ts';
export { verifyWebhookSignature, type VerifyWebhookOptions } from './verify-webhook-signature.ts';
export type { WebhookBody } from './hmac.ts';
export type { WebhookPayload } from './webhook-payload.ts';
