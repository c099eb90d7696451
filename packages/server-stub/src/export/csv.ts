const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One CSV cell: quoted when needed, and prefixed with `'` when it starts with `=`, `+`, `-`, `@`,
 * tab or carriage return, so a spreadsheet shows it as text instead of running it as a formula.
 * A `;` is quoted too: spreadsheets set to Norwegian or Swedish split on it, which would start a
 * new cell (`Smith;=1+2`) after the check.
 */
export function csvCell(value: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",;\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** RFC 4180 CSV (CRLF line ends) of a header row and data rows. */
export function toCsv(header: readonly string[], rows: readonly (readonly string[])[]): string {
  return [header, ...rows].map((row) => row.map(csvCell).join(',') + '\r\n').join('');
}
