// The root entry: everything here runs in browsers and in Node, and uses zod/mini only.
export * from './definition/index.ts';
export * from './errors/index.ts';
export * from './client/index.ts';
export * from './engine/index.ts';
export * from './application/index.ts';
export * from './i18n/index.ts';
export * from './validators/index.ts';
