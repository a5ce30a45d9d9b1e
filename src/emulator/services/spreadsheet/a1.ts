/** A1 notation: column letters, cell and range references, and sheet-qualified references. */

/** 1 → "A", 27 → "AA". */
export function columnLetters(col: number): string {
  let s = '';
  let n = col;
  while (n > 0) {
    const rem = (n - 1) % 26;
    s = String.fromCharCode(65 + rem) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** "A" → 1, "AA" → 27. */
export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** A rectangle in 1-based coordinates; open ends are filled in by the sheet's size. */
export interface A1Box {
  row: number;
  col: number;
  numRows: number;
  numCols: number;
}

/** Splits "'My sheet'!A1:B2" into sheet name and reference ("Sheet1!A1" → ["Sheet1", "A1"]). */
export function splitSheetName(a1: string): { sheet: string | null; ref: string } {
  const bang = a1.lastIndexOf('!');
  if (bang < 0) return { sheet: null, ref: a1 };
  let sheet = a1.slice(0, bang);
  if (sheet.startsWith("'") && sheet.endsWith("'") && sheet.length >= 2) {
    sheet = sheet.slice(1, -1).replace(/''/g, "'");
  }
  return { sheet, ref: a1.slice(bang + 1) };
}

const PART = /^\$?([A-Za-z]{0,3})\$?(\d*)$/;

/**
 * Parses "A1", "A1:C3", "A:A", "2:5", "A2:C" (to the last row) against a sheet of
 * `maxRows` × `maxCols`. Returns null when the text is not a reference.
 */
export function parseA1(ref: string, maxRows: number, maxCols: number): A1Box | null {
  const pieces = ref.trim().split(':');
  if (pieces.length < 1 || pieces.length > 2) return null;
  const parsed = pieces.map((p) => PART.exec(p));
  if (parsed.some((m) => !m || (m[1] === '' && m[2] === ''))) return null;
  const [a, b] = parsed as RegExpExecArray[];
  const aCol = a[1] ? columnNumber(a[1]) : 0;
  const aRow = a[2] ? Number(a[2]) : 0;
  if (!b) {
    if (!aCol || !aRow) return null;
    return { row: aRow, col: aCol, numRows: 1, numCols: 1 };
  }
  const bCol = b[1] ? columnNumber(b[1]) : 0;
  const bRow = b[2] ? Number(b[2]) : 0;
  // Whole columns ("A:C"), whole rows ("2:5"), or open-ended ("A2:C").
  const c1 = aCol || 1;
  const c2 = bCol || (aCol && !bCol ? aCol : maxCols);
  const r1 = aRow || 1;
  const r2 = bRow || maxRows;
  if ((aCol === 0) !== (bCol === 0) && aRow === 0) return null;
  if (aRow === 0 && bRow !== 0 && aCol !== 0) return null;
  const top = Math.min(r1, r2);
  const left = Math.min(c1, c2);
  if (top < 1 || left < 1) return null;
  return { row: top, col: left, numRows: Math.abs(r2 - r1) + 1, numCols: Math.abs(c2 - c1) + 1 };
}

/** "A1" for one cell, "A1:C3" for a block. */
export function formatA1(row: number, col: number, numRows: number, numCols: number): string {
  const start = `${columnLetters(col)}${row}`;
  if (numRows === 1 && numCols === 1) return start;
  return `${start}:${columnLetters(col + numCols - 1)}${row + numRows - 1}`;
}

/** A sheet name as it must appear in a reference: quoted when it is not a plain word. */
export function quoteSheetName(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}
