/** One step into a JSON document: an object key or an array index. */
export type PathSegment = string | number;

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;
const MAX_KEY_SHOWN = 40;

/**
 * Path to a value in the JavaScript style a webmaster can find in their file, e.g.
 * `steps[1].fields[0].type`; the top level is `""`.
 */
export function formatJsonPath(path: readonly PathSegment[]): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else if (IDENTIFIER.test(segment) && segment.length <= MAX_KEY_SHOWN)
      out += out ? `.${segment}` : segment;
    else out += `[${quote(segment)}]`;
  }
  return out;
}

/** A JSON string literal of `text`, cut short so a hostile megabyte never reaches a message. */
export function quote(text: string, max = MAX_KEY_SHOWN): string {
  const chars = Array.from(text.slice(0, max * 2));
  return JSON.stringify(chars.length > max ? `${chars.slice(0, max).join('')}…` : chars.join(''));
}

/** Each of `values` in double quotes, joined by `separator`: `"en", "nb"`. */
export function quoteAll(values: readonly string[], separator = ', '): string {
  return values.map((value) => `"${value}"`).join(separator);
}

/** The value at `path` inside `root`, reading own properties only, or `found: false`. */
export function valueAt(
  root: unknown,
  path: readonly PropertyKey[],
): { found: true; value: unknown } | { found: false } {
  let current: unknown = root;
  for (const segment of path) {
    if (typeof current !== 'object' || current === null) return { found: false };
    if (!Object.hasOwn(current, segment)) return { found: false };
    current = (current as Record<PropertyKey, unknown>)[segment];
  }
  return { found: true, value: current };
}
