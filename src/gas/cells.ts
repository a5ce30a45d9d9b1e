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
