/**
 * CSV writing (RFC 4180) with spreadsheet-formula neutralisation (OWASP "CSV injection"), shared
 * by the marketing list and the access copy's CSV.
 *
 * A file is safe only if it is safe in every reader, and readers disagree on the separator:
 * Finnish Excel splits a double-clicked file at ';', importers and other locales at ',', and a
 * naive reader splits lines at CR/LF and ignores quotes. So one rule serves both formats: a cell
 * holding ';', ',', a quote, a tab or a line break is quoted whatever the file's own separator,
 * and every piece of a cell that some reader could start a cell with (the text's start and
 * whatever follows a ';', ',', tab, CR or LF) is disarmed when it begins with a formula
 * character. PapaParse's `unparse` (`escapeFormulae`) disarms only the start of a cell and
 * quotes only its own separator, and is about 19 KB minified against this file's few hundred
 * bytes, so the register keeps its own writer (README, "Dependencies").
 */

export interface CsvOptions {
  /** ',' for import into other tools, ';' for Excel in a Finnish (or Swedish) locale. */
  separator: ',' | ';' | '\t';
  /** A UTF-8 byte-order mark first, which is what makes Excel read the file as UTF-8. */
  bom: boolean;
}

/**
 * A piece that makes Excel, LibreOffice or Sheets read a cell as a formula (OWASP list:
 * = + - @, and tab or CR first), also behind spaces or an opening quote, which readers may strip.
 */
const FORMULA_START = /^[\s"]*[=+\-@]/;
/** Where a reader may start a new cell or line: any separator either format uses, and line breaks. */
const CELL_BREAK = /([;,\t\r\n])/;
/** What makes a field need quotes in either format. */
const NEEDS_QUOTES = /[;,"\t\r\n]/;

/**
 * `s` with a leading apostrophe on every piece that could be read as a formula, so a name like
 * `=HYPERLINK(...)` or `x;=1+1` stays text in whichever reader. The apostrophe is visible in
 * the file: the literal value is not lost, only disarmed.
 */
export function neutraliseFormula(s: string): string {
  const parts = s.split(CELL_BREAK);
  // parts alternates text and the break before the next text: [text, break, text, break, …].
  for (let i = 0; i < parts.length; i += 2) {
    // A tab or CR right where a reader's cell starts is a formula character too.
    const tabNext = /^[\s"]*$/.test(parts[i]) && /[\t\r]/.test(parts[i + 1] ?? '');
    if (FORMULA_START.test(parts[i]) || tabNext) parts[i] = `'${parts[i]}`;
  }
  return parts.join('');
}

/**
 * One CSV field: strings neutralised, then quoted when they hold either format's separator, a
 * quote, a tab, CR or LF (quotes doubled). Numbers are written as they are (they cannot carry a
 * formula; a negative number stays a number).
 */
export function csvCell(value: string | number | null | undefined, _separator: string = ','): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const s = neutraliseFormula(String(value));
  return NEEDS_QUOTES.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Rows as CSV text: CRLF after every row (RFC 4180), optionally a BOM first. */
export function toCsv(rows: readonly (readonly (string | number | null | undefined)[])[], options: CsvOptions): string {
  const body = rows.map((row) => row.map((v) => csvCell(v, options.separator)).join(options.separator) + '\r\n').join('');
  return (options.bom ? '\uFEFF' : '') + body;
}
