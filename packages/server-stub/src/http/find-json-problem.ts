/** Deepest nesting of objects and arrays accepted; an application needs 3 levels. */
export const MAX_JSON_DEPTH = 32;

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** Where in a JSON text a problem is: object keys and array indexes from the top. */
export type JsonPath = (string | number)[];

/** A JSON text that parses, but that this server refuses to read, and where. */
export type JsonProblem =
  | { kind: 'forbidden_key' | 'duplicate_key'; key: string; path: JsonPath }
  | { kind: 'too_deep' | 'unpaired_surrogate'; path: JsonPath };

type Frame = { keys: Set<string>; key: string | undefined } | { index: number };

/** Half of a surrogate pair: a high one not followed by a low one, or a low one not after a high. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;
const MAX_SHOWN = 64;

/** A path as `answers.givenName` or `consents[0].at`, shortened; "the top level" when empty. */
export function formatJsonPath(path: JsonPath): string {
  let text = '';
  for (const part of path) {
    if (typeof part === 'number') text += `[${part}]`;
    else if (IDENTIFIER.test(part) && part.length <= MAX_SHOWN) text += text ? `.${part}` : part;
    else
      text += `[${JSON.stringify(part.length <= MAX_SHOWN ? part : `${part.slice(0, MAX_SHOWN)}…`)}]`;
  }
  if (text === '') return 'the top level';
  return text.length <= 4 * MAX_SHOWN ? text : `…${text.slice(-4 * MAX_SHOWN)}`;
}

function pathOf(stack: readonly Frame[]): JsonPath {
  return stack.map((frame) => ('index' in frame ? frame.index : (frame.key ?? '')));
}

/**
 * Finds what `JSON.parse` lets through but a careful reader must not: a key given twice (readers
 * disagree on which copy wins, so the webhook receiver could see another answer than the server
 * checked), a `__proto__`, `constructor` or `prototype` key, nesting deeper than
 * {@link MAX_JSON_DEPTH}, and a string or key with half of a UTF-16 surrogate pair (which UTF-8
 * cannot carry, so a CSV export or a CRM would silently change it). `text` must already have
 * parsed as JSON. One pass, no recursion, so hostile nesting cannot exhaust the stack.
 */
export function findJsonProblem(text: string): JsonProblem | undefined {
  const stack: Frame[] = [];
  let expectingKey = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (char === '{' || char === '[') {
      if (stack.length >= MAX_JSON_DEPTH) return { kind: 'too_deep', path: pathOf(stack) };
      stack.push(char === '{' ? { keys: new Set(), key: undefined } : { index: 0 });
      expectingKey = char === '{';
    } else if (char === '}' || char === ']') {
      stack.pop();
    } else if (char === ',') {
      const top = stack.at(-1);
      if (top && 'index' in top) top.index += 1;
      else expectingKey = true;
    } else if (char === ':') {
      expectingKey = false;
    } else if (char === '"') {
      let end = i + 1;
      let escaped = false;
      while (text[end] !== '"') {
        if (text[end] === '\\') {
          escaped = true;
          end += 2;
        } else {
          end += 1;
        }
      }
      // Text decoded from UTF-8 is well-formed; only a \u escape can produce half a pair.
      const value = escaped
        ? (JSON.parse(text.slice(i, end + 1)) as string)
        : text.slice(i + 1, end);
      const top = stack.at(-1);
      if (expectingKey && top && 'keys' in top) {
        // A key's problem is reported at the object that holds it.
        const path = pathOf(stack.slice(0, -1));
        if (FORBIDDEN_KEYS.has(value)) return { kind: 'forbidden_key', key: value, path };
        if (LONE_SURROGATE.test(value)) return { kind: 'unpaired_surrogate', path };
        if (top.keys.has(value)) return { kind: 'duplicate_key', key: value, path };
        top.keys.add(value);
        top.key = value;
      } else if (LONE_SURROGATE.test(value)) {
        return { kind: 'unpaired_surrogate', path: pathOf(stack) };
      }
      i = end;
    }
  }
  return undefined;
}
