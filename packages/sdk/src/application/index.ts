export * from './application.ts';
export * from './application-issue.ts';
export { CONSENT_CLOCK_SKEW_MS, compileApplicationSchema } from './compile-application-schema.ts';
export type { ApplicationSchemaOptions } from './compile-application-schema.ts';
export * from './validate-application.ts';
