export * from './application.ts';
export * from './application-issue.ts';
export { compileApplicationSchema } from './compile-application-schema.ts';
export type { ApplicationSchemaOptions } from './compile-application-schema.ts';
export * from './validate-application.ts';
export { checkConsentTexts } from './check-consent-texts.ts';
