/**
 * Fills a translation's `{name}` placeholders; a placeholder without a value is left as it is.
 * @example formatMessage('Step {n} of {total}', { n: 2, total: 5 }) // 'Step 2 of 5'
 */
export function formatMessage(
  template: string,
  values: Readonly<Record<string, string | number>>,
): string {
  return template.replace(/\{(\w+)\}/g, (placeholder, name: string) =>
    Object.hasOwn(values, name) ? String(values[name]) : placeholder,
  );
}
