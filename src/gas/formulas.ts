/**
 * Live formulas turned back into the text that was typed. Nothing in the register's tabs may be
 * a formula (DESIGN §6): `=IMAGE(…)` or `=IMPORTXML(…)` in any cell can leak the sheet or reach
 * outside it, so whatever a person typed or pasted that Sheets parsed as a formula is written
 * back as literal text, in any tab, any row (the header too) and any column (those added right
 * of a tab's block too).
 *
 * Batched for pastes of any size: one `getFormulas()` read finds every formula of the area; a
 * few are written back cell by cell, more in one `setValues` over the block that holds them,
 * with the other cells of that block written back exactly as they are (values and plain-text
 * formats read first, so nothing else changes).
 */
import { Cell, toCell } from './cells';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** A block of a tab, 1-based. */
export interface Area {
  row: number;
  column: number;
  numRows: number;
  numColumns: number;
}

export interface Literalised {
  /** How many formulas became text. */
  count: number;
  /** 1-based rows that held one, in order. */
  rows: number[];
}

/**
 * The smallest block holding every `[row, column]` of `cells` (non-empty). A loop, not
 * `Math.min(...cells)`: a paste of a whole tab has more cells than a call may take arguments.
 */
export function areaAround(cells: readonly (readonly [number, number])[]): Area {
  let [r0, r1, c0, c1] = [Infinity, -Infinity, Infinity, -Infinity];
  for (const [r, c] of cells) {
    if (r < r0) r0 = r;
    if (r > r1) r1 = r;
    if (c < c0) c0 = c;
    if (c > c1) c1 = c;
  }
  return { row: r0, column: c0, numRows: r1 - r0 + 1, numColumns: c1 - c0 + 1 };
}

/** Up to this many formulas are written cell by cell (one call each, no reads); more in one block. */
const CELL_BY_CELL = 3;

/** The literal text for a formula: Sheets' own literal-text marker first (kept as text in a plain-text cell, where `fromCell` drops it again). */
export function literalOf(formula: string): string {
  return `'${formula}`;
}

/**
 * Writes every formula in `area` (default: the tab's data range) back as literal text. Calls:
 * one read when there is no formula (two without `area`), one write per formula up to three,
 * else three (values, formats, one write). `known`, the area's formulas already read (a repair
 * read them with its formula search), saves the first read.
 */
export function literaliseFormulas(sheet: Sheet, area?: Area, known?: string[][]): Literalised {
  const top = area ? area.row : 1;
  const left = area ? area.column : 1;
  const formulas = known && area ? known : (area ? sheet.getRange(area.row, area.column, area.numRows, area.numColumns) : sheet.getDataRange()).getFormulas();
  const found: [number, number][] = [];
  formulas.forEach((row, i) => row.forEach((f, j) => {
    if (f !== '') found.push([i, j]);
  }));
  if (!found.length) return { count: 0, rows: [] };
  const rows = [...new Set(found.map(([i]) => top + i))];
  if (found.length <= CELL_BY_CELL) {
    for (const [i, j] of found) sheet.getRange(top + i, left + j).setValue(literalOf(formulas[i][j]));
    return { count: found.length, rows };
  }
  // The block holding every formula, rewritten in one call.
  const { row: r0, column: c0, numRows, numColumns } = areaAround(found);
  const block = sheet.getRange(top + r0, left + c0, numRows, numColumns);
  const values = block.getValues();
  const formats = block.getNumberFormats();
  const out: Cell[][] = values.map((row, i) =>
    row.map((v, j) => {
      const f = formulas[r0 + i][c0 + j];
      if (f !== '') return literalOf(f);
      return keepAsIs(v, formats[i][j] === '@');
    }),
  );
  block.setValues(out);
  return { count: found.length, rows };
}

/**
 * A value read from a cell, as it must be written to store the same again: a string in a cell
 * that is not plain text gets the literal marker when Sheets would parse it; in a plain-text
 * cell the text is stored as it is (an apostrophe there is part of it), only a leading "=" needs
 * the marker.
 */
function keepAsIs(value: unknown, plainText: boolean): Cell {
  if (typeof value !== 'string') return toCell(value, false);
  if (plainText) return /^=/.test(value) ? literalOf(value) : value;
  return toCell(value, false);
}
