// A union's webmaster edits form files by hand, in whatever editor they have: a file the server
// cannot read must be named with what to do about it, never with the engine's message or raw bytes.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test, type TestContext } from 'node:test';
import { FormRegistry } from '../src/forms/form-registry.ts';
import { EXAMPLE_DEFINITION } from './support/test-server.ts';
import { tempDir } from './support/temp-dir.ts';

/** The example form as `<id>.json` text, pretty-printed as a person would keep it. */
const TEXT = `${JSON.stringify({ ...structuredClone(EXAMPLE_DEFINITION), id: 'branch' }, null, 2)}\n`;

/**
 * The one problem reported when a directory holds a good form and `branch.json` with `bytes`
 * (and `branch.server.json` with `settings`, when given); undefined when branch.json loads.
 */
function problemWith(
  t: TestContext,
  bytes: string | Uint8Array,
  settings?: string | Uint8Array,
): string | undefined {
  const dir = tempDir(t);
  writeFileSync(join(dir, 'good.json'), JSON.stringify({ ...EXAMPLE_DEFINITION, id: 'good' }));
  writeFileSync(join(dir, 'branch.json'), bytes);
  if (settings !== undefined) writeFileSync(join(dir, 'branch.server.json'), settings);
  const forms = FormRegistry.fromDirectory(dir, {});
  assert.ok(forms.get('good'), 'the other form is still served');
  const messages = forms.problems.map((problem) => problem.message);
  assert.ok(messages.length <= 1, messages.join('\n'));
  const [message] = messages;
  if (message === undefined) return undefined;
  const file = settings === undefined ? 'branch.json' : 'branch.server.json';
  assert.ok(message.startsWith(`${join(dir, file)}: `), message);
  // Only printable text reaches the terminal and the log.
  const unprintable = [...message].filter(
    (char) => /[\p{Cc}\ufffd\ufeff]/u.test(char) && char !== '\n',
  );
  assert.deepEqual(unprintable, [], message);
  return message.slice(join(dir, file).length + 2);
}

function utf16le(text: string, bom: boolean): Buffer {
  return Buffer.concat([Buffer.from(bom ? [0xff, 0xfe] : []), Buffer.from(text, 'utf16le')]);
}

function utf16be(text: string): Buffer {
  return Buffer.concat([Buffer.from([0xfe, 0xff]), utf16le(text, false).swap16()]);
}

test('a form file saved as UTF-16 is named as such, with what to do', (t) => {
  const advice = 'the file is not UTF-8 (it looks like UTF-16); save it as UTF-8';
  assert.equal(problemWith(t, utf16le(TEXT, true)), advice, 'Notepad\'s "Unicode"');
  assert.equal(problemWith(t, utf16be(TEXT)), advice, '"Unicode big endian"');
  assert.equal(problemWith(t, utf16le(TEXT, false)), advice, 'no byte order mark');
  assert.equal(problemWith(t, TEXT, utf16le('{}', true)), advice, 'a settings file too');
});

test('a form file in another 8-bit encoding is named as not UTF-8, not served garbled', (t) => {
  const latin1 = Buffer.from(TEXT.replace('"Example Union"', '"Handelsfacket Malmö"'), 'latin1');
  assert.equal(problemWith(t, latin1), 'the file is not UTF-8; save it as UTF-8');
});

test('a UTF-8 form file, with or without a byte order mark, loads', (t) => {
  assert.equal(problemWith(t, TEXT), undefined);
  assert.equal(problemWith(t, `\ufeff${TEXT}`), undefined, 'Notepad\'s "UTF-8 with BOM"');
  assert.equal(
    problemWith(t, Buffer.from(`\ufeff${TEXT.replace('Example Union', 'Facket Malmö')}`)),
    undefined,
  );
});

test('an empty form file says it is empty', (t) => {
  assert.equal(problemWith(t, ''), 'the file is empty');
  assert.equal(problemWith(t, ' \r\n\t\n'), 'the file is empty');
  assert.equal(problemWith(t, '\ufeff'), 'the file is empty');
  assert.equal(problemWith(t, TEXT, ''), 'the file is empty');
});

test('a JSON syntax error in a form file is told by line and column, a trailing comma as such', (t) => {
  const lines = TEXT.split('\n');
  // The last key of the organisation, followed by a comma, as a person adds one when copying.
  const last = lines.findIndex((line) => line.includes('"privacyNoticeUrl"'));
  const trailing = lines.map((line, i) => (i === last ? `${line},` : line)).join('\n');
  assert.equal(
    problemWith(t, trailing),
    `is not valid JSON: a comma before '}' (a trailing comma), at line ${last + 2}, column 3`,
  );
  assert.equal(
    problemWith(t, '{\n  "id": "branch",\n  "locales": ["en",]\n}\n'),
    "is not valid JSON: a comma before ']' (a trailing comma), at line 3, column 20",
  );
  assert.equal(
    problemWith(t, "{\n  'id': 'branch'\n}"),
    'is not valid JSON: expected a property name in double quotes, at line 2, column 3',
  );
  assert.equal(
    problemWith(t, `// Our join form\n${TEXT}`),
    'is not valid JSON: a comment, which JSON does not allow, at line 1, column 1',
  );
  assert.equal(
    problemWith(t, TEXT.replace('"version"', '/* raise on every change */ "version"')),
    `is not valid JSON: a comment, which JSON does not allow, at line ${
      TEXT.split('\n').findIndex((line) => line.includes('"version"')) + 1
    }, column 3`,
  );
  assert.equal(
    problemWith(t, TEXT.slice(0, 200)),
    `is not valid JSON: the file ends before the JSON is complete, at line ${
      TEXT.slice(0, 200).split('\n').length
    }, column ${200 - TEXT.slice(0, 200).lastIndexOf('\n')}`,
  );
  assert.equal(
    problemWith(t, TEXT, '{ "allowedOrigins": ["https://example.org",] }'),
    "is not valid JSON: a comma before ']' (a trailing comma), at line 1, column 44",
  );
});
