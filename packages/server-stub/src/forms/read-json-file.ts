import { readFileSync } from 'node:fs';
import { FormLoadError } from '../errors.ts';
import { locateJsonSyntaxError } from '../http/locate-json-syntax-error.ts';

/**
 * Whether `bytes` look like UTF-16, as Windows editors save "Unicode": a byte order mark for
 * either byte order, or the NUL bytes between ASCII characters that UTF-8 text never holds.
 */
function looksLikeUtf16(bytes: Uint8Array): boolean {
  const [first, second] = bytes;
  const bom = (first === 0xff && second === 0xfe) || (first === 0xfe && second === 0xff);
  return bom || bytes.includes(0);
}

/**
 * Reads a hand-edited JSON file (a form definition or its settings). Every failure is a
 * {@link FormLoadError} naming the file and saying what to do, in words fit for a terminal: a file
 * that is not UTF-8 (UTF-16 named as such), an empty file, or a syntax error told by line and
 * column, never with the engine's message, which quotes the file's bytes. A UTF-8 byte order mark
 * is dropped: Notepad writes one, and a browser's fetch drops it too.
 * @example const definition = readJsonFile('forms/example-union.json');
 */
export function readJsonFile(file: string): unknown {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(file);
  } catch (cause) {
    throw new FormLoadError(file, 'cannot be read', { cause });
  }
  let text: string;
  try {
    // Without `fatal`, bytes that are not UTF-8 become U+FFFD and would reach applicants as "�".
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch (cause) {
    throw new FormLoadError(
      file,
      `the file is not UTF-8${looksLikeUtf16(bytes) ? ' (it looks like UTF-16)' : ''}; save it as UTF-8`,
      { cause },
    );
  }
  // UTF-16 of ASCII text is valid UTF-8, one NUL byte after (or before) each character.
  if (looksLikeUtf16(bytes)) {
    throw new FormLoadError(file, 'the file is not UTF-8 (it looks like UTF-16); save it as UTF-8');
  }
  if (text.trim() === '') throw new FormLoadError(file, 'the file is empty');
  try {
    return JSON.parse(text);
  } catch (cause) {
    const error = locateJsonSyntaxError(text, 'the file');
    const where =
      error === undefined
        ? ''
        : `: ${error.problem}, at line ${error.line}, column ${error.column}`;
    throw new FormLoadError(file, `is not valid JSON${where}`, { cause });
  }
}
