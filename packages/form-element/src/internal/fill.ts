/**
 * Puts values into a translation's `{name}` placeholders; unknown placeholders are left as they are.
 * @example fill('Step {n} of {total}', { n: 2, total: 5 }) // 'Step 2 of 5'
 */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (match, name: string) =>
    Object.hasOwn(values, name) ? String(values[name]) : match,
  );
}
