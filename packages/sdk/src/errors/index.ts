export * from './union-join-error.ts';
export * from './api-error.ts';
export * from './connection-error.ts';
export * from './timeout-error.ts';
