export * from './locale.ts';
export * from './identifiers.ts';
export * from './field-definition.ts';
export * from './form-definition.ts';
export * from './form-definition-error.ts';
export * from './parse-form-definition.ts';
export { formatJsonPath } from './json-path.ts';
export { didYouMean } from './did-you-mean.ts';
export type { PathSegment } from './json-path.ts';
