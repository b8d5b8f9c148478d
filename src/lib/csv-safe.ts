/**
 * CSV that a spreadsheet cannot turn against its reader. A cell starting with `=`, `+`, `-`, `@`,
 * tab or CR (or their full-width forms) is evaluated as a formula by Excel, LibreOffice and Sheets
 * (CSV injection); such a cell gets a leading apostrophe, which spreadsheets show as text. The
 * static exports use csv-stringify's `escape_formulas`, which applies this same rule; this module is
 * the rule for code that cannot ship csv-stringify (the matrix page's client-side download, where
 * its browser build would add 80 kB) and for the tests that check both agree.
 */

/** First characters a spreadsheet evaluates (the set csv-stringify's escape_formulas neutralises). */
export const FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;

/** The cell's text, with an apostrophe in front when a spreadsheet would evaluate it. */
export const neutraliseFormula = (value: string): string => (FORMULA_START.test(value) ? `'${value}` : value);

/** One CSV field: neutralised, then quoted when it holds a quote, a comma or a line break. */
export function csvField(value: string): string {
  const v = neutraliseFormula(value);
  return /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

/** Rows of fields as CSV with a UTF-8 BOM and CRLF line ends, as the static exports are written. */
export function csvLines(rows: readonly (readonly string[])[]): string {
  return '\uFEFF' + rows.map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n';
}
