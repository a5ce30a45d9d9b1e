/**
 * CSV writing (RFC 4180) with spreadsheet-formula neutralisation (OWASP "CSV injection"), shared
 * by the marketing list and the access copy's CSV.
 */

export interface CsvOptions {
  /** ',' for import into other tools, ';' for Excel in a Finnish (or Swedish) locale. */
  separator: ',' | ';' | '\t';
  /** A UTF-8 byte-order mark first, which is what makes Excel read the file as UTF-8. */
  bom: boolean;
}

/** Characters that make Excel, LibreOffice or Sheets read a cell as a formula (OWASP list). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * `s` with a leading apostrophe when it could be read as a formula, so that a name like
 * `=HYPERLINK(...)` stays text. The apostrophe is visible in the file: the literal value is not
 * lost, only disarmed.
 */
export function neutraliseFormula(s: string): string {
  return FORMULA_START.test(s) ? `'${s}` : s;
}

/**
 * One CSV field: strings neutralised, then quoted when they hold the separator, a quote, CR or
 * LF (quotes doubled). Numbers are written as they are (they cannot carry a formula).
 */
export function csvCell(value: string | number | null | undefined, separator: string = ','): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const s = neutraliseFormula(value);
  const needsQuotes = s.includes(separator) || s.includes('"') || s.includes('\r') || s.includes('\n');
  return needsQuotes ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Rows as CSV text: CRLF after every row (RFC 4180), optionally a BOM first. */
export function toCsv(rows: readonly (readonly (string | number | null | undefined)[])[], options: CsvOptions): string {
  const body = rows.map((row) => row.map((v) => csvCell(v, options.separator)).join(options.separator) + '\r\n').join('');
  return (options.bom ? '\uFEFF' : '') + body;
}
