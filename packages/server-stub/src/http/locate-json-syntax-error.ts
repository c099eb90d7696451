/** Where a JSON text stops being JSON, and what is wrong there, in fixed words. */
export interface JsonSyntaxError {
  /** Offset in UTF-16 code units. */
  offset: number;
  line: number;
  column: number;
  /** What is wrong, never quoting the text. */
  problem: string;
}

type Expect =
  | 'value'
  | 'value-or-close'
  | 'value-after-comma'
  | 'key-or-close'
  | 'key'
  | 'colon'
  | 'comma-or-close'
  | 'end';

const WHITESPACE = new Set([' ', '\t', '\n', '\r']);
const ESCAPES = new Set(['"', '\\', '/', 'b', 'f', 'n', 'r', 't']);
const HEX = /^[0-9a-fA-F]{4}$/;
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const LITERALS = ['true', 'false', 'null'];

/** Whether a comment starts at `offset`: hand-written JSON often has one, which JSON forbids. */
function isComment(text: string, offset: number): boolean {
  return text.startsWith('//', offset) || text.startsWith('/*', offset);
}

const COMMENT = 'a comment, which JSON does not allow';

function at(text: string, offset: number, problem: string): JsonSyntaxError {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - (before.lastIndexOf('\n') + 1) + 1;
  return { offset, line, column, problem };
}

/** Offset just past the string starting at `start` (a `"`), or the error inside it. */
function scanString(text: string, start: number): number | JsonSyntaxError {
  let i = start + 1;
  for (;;) {
    if (i >= text.length) return at(text, i, 'a string is not closed');
    const char = text[i]!;
    if (char === '"') return i + 1;
    if (char < ' ') {
      return at(
        text,
        i,
        'a control character (a tab or line break) inside a string must be escaped',
      );
    }
    if (char === '\\') {
      const next = text[i + 1];
      if (next === 'u' && HEX.test(text.slice(i + 2, i + 6))) i += 6;
      else if (next !== undefined && ESCAPES.has(next)) i += 2;
      else return at(text, i, 'a string has an invalid escape');
    } else i += 1;
  }
}

/** Offset just past the number starting at `start`, or the error. */
function scanNumber(text: string, start: number): number | JsonSyntaxError {
  NUMBER.lastIndex = start;
  const match = NUMBER.exec(text);
  const end = match && match[0] !== '-' ? start + match[0].length : start;
  if (end === start) return at(text, start, 'a number is not valid');
  // A digit, dot or exponent left over means a malformed number (01, 1., 1e), not a new token.
  if (/[0-9.eE+-]/.test(text[end] ?? '')) return at(text, start, 'a number is not valid');
  return end;
}

/**
 * Finds the first place where `text` is not JSON, for an error message that says where (line and
 * column) and what, without quoting the text; `what` names the text in the problem ("the body is
 * empty"). Undefined when `text` is JSON. One pass, no recursion, so hostile nesting cannot
 * exhaust the stack.
 */
export function locateJsonSyntaxError(
  text: string,
  what = 'the body',
): JsonSyntaxError | undefined {
  const stack: ('{' | '[')[] = [];
  let expect: Expect = 'value';
  let i = 0;
  const afterValue = (): Expect => (stack.length === 0 ? 'end' : 'comma-or-close');
  while (i <= text.length) {
    while (i < text.length && WHITESPACE.has(text[i]!)) i += 1;
    if (i >= text.length) {
      if (expect === 'end') return undefined;
      return at(
        text,
        i,
        text.trim() === '' ? `${what} is empty` : `${what} ends before the JSON is complete`,
      );
    }
    const char = text[i]!;
    const top = stack.at(-1);
    switch (expect) {
      case 'end':
        return at(text, i, isComment(text, i) ? COMMENT : 'there is more after the JSON value');
      case 'colon':
        if (char !== ':') return at(text, i, "expected ':' after a property name");
        expect = 'value';
        i += 1;
        continue;
      case 'comma-or-close':
        if (char === ',') expect = top === '{' ? 'key' : 'value-after-comma';
        else if ((char === '}' && top === '{') || (char === ']' && top === '[')) {
          stack.pop();
          expect = afterValue();
        } else if (isComment(text, i)) return at(text, i, COMMENT);
        else
          return at(
            text,
            i,
            top === '{' ? "expected ',' or '}' after a value" : "expected ',' or ']' after a value",
          );
        i += 1;
        continue;
      case 'key-or-close':
      case 'key':
        if (char === '}') {
          if (expect === 'key') return at(text, i, "a comma before '}' (a trailing comma)");
          stack.pop();
          expect = afterValue();
          i += 1;
          continue;
        }
        if (isComment(text, i)) return at(text, i, COMMENT);
        if (char !== '"') return at(text, i, 'expected a property name in double quotes');
        {
          const end = scanString(text, i);
          if (typeof end !== 'number') return end;
          i = end;
        }
        expect = 'colon';
        continue;
      default:
        break;
    }
    // A value is expected.
    if (char === ']' && expect === 'value-or-close') {
      stack.pop();
      expect = afterValue();
      i += 1;
    } else if (char === ']' && expect === 'value-after-comma') {
      return at(text, i, "a comma before ']' (a trailing comma)");
    } else if (char === '{' || char === '[') {
      stack.push(char);
      expect = char === '{' ? 'key-or-close' : 'value-or-close';
      i += 1;
    } else if (char === '"') {
      const end = scanString(text, i);
      if (typeof end !== 'number') return end;
      i = end;
      expect = afterValue();
    } else if (char === '-' || (char >= '0' && char <= '9')) {
      const end = scanNumber(text, i);
      if (typeof end !== 'number') return end;
      i = end;
      expect = afterValue();
    } else {
      const literal = LITERALS.find((word) => text.startsWith(word, i));
      if (literal === undefined) {
        return at(
          text,
          i,
          isComment(text, i)
            ? COMMENT
            : /[a-z]/i.test(char)
              ? 'expected true, false, null or a value in quotes'
              : 'expected a value',
        );
      }
      i += literal.length;
      expect = afterValue();
    }
  }
  return undefined;
}
