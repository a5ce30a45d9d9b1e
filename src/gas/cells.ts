/**
 * Writing to cells safely. `setValues` parses strings like typed input: "=…" becomes a formula
 * (formula injection) whatever the cell's format; in a cell that is not plain text, "00100"
 * becomes the number 100, "1.2.2025" a date and "+abc" a formula too. The register's text
 * columns are formatted as plain text ("@") by set-up, so there only "=" needs escaping; other
 * columns get Sheets' literal-text marker, a leading apostrophe, on anything it could parse.
 *
 * In a plain-text cell the apostrophe is kept as part of the text, so the escape is reversed on
 * reading: a plain-text value that starts with an apostrophe followed by "=" or another
 * apostrophe had one added by `toCell`. A value typed by hand as "'abc" reads back unchanged.
 */
import { ColumnSpec, Language, TABS, TabSpec } from '../core/schema';
import { cellToString, CUSTOMER_FIELDS, CustomerField, dayInZone, instantInZone, parseFinnishInstant } from '../core/customer';
import { parseFinnishDate } from '../core/validation';
import { decodeWord, fieldsFromWords, fieldsToWords, wordOf, wordSetOf } from '../core/words';

export type Cell = string | number | boolean | Date;

/** Strings a cell that is not plain text would parse: formulas and look-alikes, numbers, dates, booleans, a leading apostrophe or space. */
const RISKY_GENERAL = /^[=+\-@'\s\d.,$€£¥(]|^\p{Cc}|^(true|false)$/iu;
/** Strings a plain-text cell would still turn into something else: formulas (and our own escape). */
const RISKY_PLAIN = /^[='\t\r\n]/;

/** A value as it must be written so that Sheets stores exactly it. */
export function toCell(value: unknown, plainText: boolean): Cell {
  if (value === null || value === undefined) return '';
  if (Object.prototype.toString.call(value) === '[object Date]') return value as Date;
  if (typeof value === 'number') return Number.isFinite(value) ? value : '';
  if (typeof value === 'boolean') return value;
  const s = String(value);
  if (s === '') return s;
  return (plainText ? RISKY_PLAIN : RISKY_GENERAL).test(s) ? `'${s}` : s;
}

/** Reverses `toCell`'s escape on a value read from a plain-text cell. */
export function fromCell(value: unknown, plainText: boolean): unknown {
  if (plainText && typeof value === 'string' && value.charAt(0) === "'" && RISKY_PLAIN.test(value.slice(1))) {
    return value.slice(1);
  }
  return value;
}

/** Column letters for a 1-based index (1 → A, 27 → AA). */
export function columnLetter(index: number): string {
  let n = index;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

// ---- Words and dates (issue 8) ---------------------------------------------------------------

/** How a tab's cells are shown to people: words in the register's language, dates in its time zone. */
export interface CellDisplay {
  language: Language;
  timeZone: string;
}

const isDate = (v: unknown): v is Date => Object.prototype.toString.call(v) === '[object Date]';

const columns = new Map<string, ColumnSpec | undefined>();
/** A tab's column spec by key, looked up once (encodeCell runs for every cell of a large write). */
function columnOf(tab: TabSpec['key'], key: string): ColumnSpec | undefined {
  const id = `${tab}\u0000${key}`;
  if (!columns.has(id)) columns.set(id, TABS.find((t) => t.key === tab)?.columns.find((c) => c.key === key));
  return columns.get(id);
}

/**
 * A value the software decided (a code, 'YYYY-MM-DD', an ISO instant) as the cell shows it: the
 * word in the register's language, a real Date (a day: its midnight in the register's time zone),
 * a day in an instant column (a consent given on paper) as the text 'd.M.yyyy'. Whatever is not
 * one of these (a refused hand edit put back as typed) is left as it is.
 */
export function encodeCell(tab: TabSpec['key'], key: string | null, value: unknown, display: CellDisplay): unknown {
  if (!key) return value;
  if (tab === 'audit' && key === 'fields') return fieldsToWords(fieldsFromWords(value), display.language);
  const set = wordSetOf(tab, key);
  if (set) return wordOf(set, decodeWord(set, value), display.language);
  const format = columnOf(tab, key)?.format;
  if (!format || typeof value !== 'string' || value === '') return value;
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (day) {
    if (format === 'date') return new Date(instantInZone(+day[1], +day[2], +day[3], 0, 0, display.timeZone));
    return `${+day[3]}.${+day[2]}.${day[1]}`;
  }
  if (format === 'instant' && /^\d{4}-\d{2}-\d{2}T[\d:.]+Z$/.test(value)) {
    // Only the canonical form (what a Date reads back as): an audit entry's hash is over the text,
    // so '…:30Z' without milliseconds stays text rather than read back as '…:30.000Z'.
    const t = Date.parse(value);
    if (!Number.isNaN(t) && new Date(t).toISOString() === value) return new Date(t);
  }
  return value;
}

/**
 * The one function every read path turns a cell back into what the software decides with: a
 * word (any language) or code into the code, a Date into 'YYYY-MM-DD' (the register's zone's
 * calendar day, never the UTC one) or an ISO instant, 'd.M.yyyy' text into 'YYYY-MM-DD'.
 */
export function decodeCell(tab: TabSpec['key'], key: string | null, value: unknown, timeZone: string): unknown {
  if (!key) return value;
  if (tab === 'register' && (CUSTOMER_FIELDS as readonly string[]).includes(key)) {
    if (key === 'version') return value;
    return cellToString(value, key as CustomerField, timeZone);
  }
  if (tab === 'audit' && key === 'fields') return fieldsFromWords(value);
  const set = wordSetOf(tab, key);
  if (set) return decodeWord(set, value);
  const format = columnOf(tab, key)?.format;
  if (format && isDate(value)) {
    if (Number.isNaN(value.getTime())) return '';
    return format === 'date' ? dayInZone(value, timeZone) : value.toISOString();
  }
  if (format && typeof value === 'string') return parseFinnishDate(value) ?? (format === 'instant' ? parseFinnishInstant(value, timeZone) ?? value : value);
  return value;
}

/** Whether two cells hold the same value (Dates by their instant). */
export function sameCell(a: unknown, b: unknown): boolean {
  if (isDate(a) && isDate(b)) return a.getTime() === b.getTime();
  return a === b;
}
