import assert from 'node:assert/strict';
import { test } from 'node:test';
import { csvCell, toCsv } from '../src/export/csv.ts';

test('cells that a spreadsheet would run as a formula are prefixed with a quote', () => {
  for (const value of ['=1+1', '+SUM(A1)', '-2+3', '@cmd', '\tTAB', '\rCR']) {
    assert.ok(
      csvCell(value).replace(/^"/, '').startsWith("'"),
      `${JSON.stringify(value)} is guarded`,
    );
  }
  assert.equal(csvCell('=HYPERLINK("http://x")'), `"'=HYPERLINK(""http://x"")"`);
  assert.equal(csvCell('Ada'), 'Ada');
});

test('quotes commas, quotes and line breaks', () => {
  assert.equal(csvCell('a,b'), '"a,b"');
  assert.equal(csvCell('say "hi"'), '"say ""hi"""');
  assert.equal(csvCell('line\nbreak'), '"line\nbreak"');
  assert.equal(toCsv(['a', 'b'], [['1', '2']]), 'a,b\r\n1,2\r\n');
});

test('quotes a semicolon, which Norwegian and Swedish spreadsheets split cells on', () => {
  assert.equal(csvCell('Smith;=1+2'), '"Smith;=1+2"');
  assert.equal(csvCell('pay; training'), '"pay; training"');
});

test("the README's recipe for a CRM gives back every value the guard changed", () => {
  // The regular expression the README gives for stripping the guard, applied to a parsed cell.
  const strip = (cell: string) => cell.replace(/^'(?=[=+\-@\t\r])/, '');
  const unquote = (cell: string) =>
    cell.startsWith('"') ? cell.slice(1, -1).replaceAll('""', '"') : cell;
  for (const value of ['+353 1 555 0123', '-0.5', '@branch', '=1+1', '\tTAB', 'Ada', "O'Brien"]) {
    assert.equal(strip(unquote(csvCell(value))), value, JSON.stringify(value));
  }
  assert.equal(unquote(csvCell('+353 1 555 0123')), "'+353 1 555 0123", 'an international number');
});
