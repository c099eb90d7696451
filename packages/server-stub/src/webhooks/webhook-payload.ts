// The payload type lives in the sdk, where receivers get signature checks too.
export type { WebhookPayload } from '@union-join/sdk/webhooks';
