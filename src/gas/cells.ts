/**
 * Writing to cells safely. `setValues` parses strings like typed input: "=…" becomes a formula
 * (formula injection), "00100" the number 100, "1.2.2025" a date. A leading apostrophe is
 * Sheets' own marker for literal text (it is not part of the value read back), so every string
 * that Sheets could read as anything but text gets one. Text columns are also formatted "@".
 */

/** Strings Sheets might parse: formulas and their look-alikes, numbers, dates, booleans, or a leading apostrophe/space/control. */
const RISKY = /^[=+\-@'\s\d.,$€£¥(]|^\p{Cc}|^(true|false)$/iu;

export type Cell = string | number | boolean | Date;

/** A value as it must be written so that Sheets stores exactly it. */
export function toCell(value: unknown): Cell {
  if (value === null || value === undefined) return '';
  if (Object.prototype.toString.call(value) === '[object Date]') return value as Date;
  if (typeof value === 'number') return Number.isFinite(value) ? value : '';
  if (typeof value === 'boolean') return value;
  const s = String(value);
  return s !== '' && RISKY.test(s) ? `'${s}` : s;
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
