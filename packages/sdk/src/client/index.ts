export * from './create-client.ts';
export * from './retry-policy.ts';
export * from './retry-after.ts';
export * from './idempotency-key.ts';
