export type { IssueMessageKey, Translation } from './translation.ts';
export { en } from './en.ts';
export { nb } from './nb.ts';
export { sv } from './sv.ts';
export { translations } from './translations.ts';
export { formatMessage } from './format-message.ts';
export { formatIssue } from './format-issue.ts';
export { formatNumber } from './format-number.ts';
export { negotiateLocale } from './negotiate-locale.ts';
