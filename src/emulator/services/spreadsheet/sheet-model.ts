/**
 * One sheet's cells. Values are row arrays (`rows[r][c]`, 0-based, trailing empty cells trimmed,
 * missing rows and holes read as ""), so reading a block is a tight array copy even at 100,000
 * rows. Formulas and number formats are sparse per row and travel with their row when rows are
 * inserted or deleted.
 */
import { PLAIN_TEXT_FORMAT, ParseContext, toWritten, Written } from './coercion';
import type { CellValue } from './values';

export const DEFAULT_ROWS = 1000;
export const DEFAULT_COLUMNS = 26;

type Row = (CellValue | undefined)[];
type FormulaRow = Map<number, string>;
type FormatRow = (string | undefined)[];

/** Inserts `count` copies of `fill()` before index `at`, padding a shorter array with holes. */
function insertSlots<T>(arr: (T | undefined)[], at: number, count: number, fill: () => T | undefined): void {
  if (at > arr.length) return;
  const tail = arr.splice(at);
  for (let i = 0; i < count; i++) arr.push(fill());
  for (const t of tail) arr.push(t);
}

export class SheetModel {
  rows: (Row | undefined)[] = [];
  formulas: (FormulaRow | undefined)[] = [];
  formats: (FormatRow | undefined)[] = [];
  hidden = false;
  /** 0-based columns hidden by the user (hideColumns). */
  hiddenColumns = new Set<number>();
  frozenRows = 0;
  frozenColumns = 0;

  constructor(
    public id: number,
    public name: string,
    public maxRows = DEFAULT_ROWS,
    public maxColumns = DEFAULT_COLUMNS,
  ) {}

  /** The value at 0-based (r, c). */
  value(r: number, c: number): CellValue {
    const v = this.rows[r]?.[c];
    return v === undefined ? '' : v;
  }

  formula(r: number, c: number): string {
    return this.formulas[r]?.get(c) ?? '';
  }

  /** The cell's number format, undefined for the default ("General"). */
  format(r: number, c: number): string | undefined {
    return this.formats[r]?.[c];
  }

  isPlainText(r: number, c: number): boolean {
    return this.formats[r]?.[c] === PLAIN_TEXT_FORMAT;
  }

  hasContent(r: number): boolean {
    const row = this.rows[r];
    return (row !== undefined && row.length > 0) || (this.formulas[r]?.size ?? 0) > 0;
  }

  /** 1-based number of the last row with a value or formula; 0 for an empty sheet. */
  lastRow(): number {
    let r = Math.max(this.rows.length, this.formulas.length) - 1;
    while (r >= 0 && !this.hasContent(r)) r--;
    if (this.rows.length > r + 1) this.rows.length = r + 1;
    if (this.formulas.length > r + 1) this.formulas.length = r + 1;
    return r + 1;
  }

  /** 1-based number of the last column with a value or formula; 0 for an empty sheet. */
  lastColumn(): number {
    let last = 0;
    for (const row of this.rows) if (row && row.length > last) last = row.length;
    for (const f of this.formulas) {
      if (f) for (const c of f.keys()) if (c + 1 > last) last = c + 1;
    }
    return last;
  }

  /** Drops trailing empty cells of row `r` so that lastRow/lastColumn stay cheap. */
  private trim(r: number): void {
    const row = this.rows[r];
    if (!row) return;
    let n = row.length;
    while (n > 0 && (row[n - 1] === '' || row[n - 1] === undefined)) n--;
    if (n !== row.length) row.length = n;
    if (n === 0) this.rows[r] = undefined;
  }

  /** Stores an already-parsed input at (r, c). */
  put(r: number, c: number, w: Written): void {
    let row = this.rows[r];
    if (!row) {
      if (w.value === '' && !w.formula && !this.formulas[r]) return;
      row = this.rows[r] = [];
    }
    row[c] = w.value;
    if (w.formula !== null) (this.formulas[r] ??= new Map()).set(c, w.formula);
    else this.deleteFormula(r, c);
    if (w.value === '' && c >= row.length - 1) this.trim(r);
  }

  private deleteFormula(r: number, c: number): void {
    const f = this.formulas[r];
    if (f && f.delete(c) && f.size === 0) this.formulas[r] = undefined;
  }

  /** Writes script values (already shape-checked) at 0-based (r0, c0), parsing strings like typed input. */
  writeValues(r0: number, c0: number, data: readonly (readonly unknown[])[], ctx: ParseContext): void {
    for (let i = 0; i < data.length; i++) {
      const r = r0 + i;
      const src = data[i];
      const fmt = this.formats[r];
      let row = this.rows[r];
      if (!row) row = this.rows[r] = [];
      let formulas = this.formulas[r];
      for (let j = 0; j < src.length; j++) {
        const c = c0 + j;
        const w = toWritten(src[j], fmt !== undefined && fmt[c] === PLAIN_TEXT_FORMAT, ctx);
        row[c] = w.value;
        if (w.formula !== null) (formulas ??= this.formulas[r] = new Map()).set(c, w.formula);
        else if (formulas && formulas.delete(c) && formulas.size === 0) formulas = this.formulas[r] = undefined;
      }
      this.trim(r);
    }
  }

  /** Clears values and formulas in a 0-based block. */
  clearContents(r0: number, c0: number, numRows: number, numCols: number): void {
    const rEnd = Math.min(r0 + numRows, Math.max(this.rows.length, this.formulas.length));
    for (let r = r0; r < rEnd; r++) {
      const row = this.rows[r];
      if (row) {
        const cEnd = Math.min(c0 + numCols, row.length);
        for (let c = c0; c < cEnd; c++) row[c] = '';
        this.trim(r);
      }
      const f = this.formulas[r];
      if (f) {
        for (const c of [...f.keys()]) if (c >= c0 && c < c0 + numCols) f.delete(c);
        if (f.size === 0) this.formulas[r] = undefined;
      }
    }
  }

  /** Sets number formats in a 0-based block: one format for all, or one per cell. */
  setFormats(r0: number, c0: number, numRows: number, numCols: number, format: string | null | ((i: number, j: number) => string | null)): void {
    for (let i = 0; i < numRows; i++) {
      const r = r0 + i;
      let row = this.formats[r];
      for (let j = 0; j < numCols; j++) {
        const f = typeof format === 'function' ? format(i, j) : format;
        const stored = f === null || f === '' || f === 'General' ? undefined : f;
        if (stored === undefined && !row) continue;
        row ??= this.formats[r] = [];
        row[c0 + j] = stored;
      }
      if (row && row.every((f) => f === undefined)) this.formats[r] = undefined;
    }
  }

  /** Inserts `count` empty rows before 0-based row `at`, copying formats from row `inheritFrom`. */
  insertRows(at: number, count: number, inheritFrom: number | null): void {
    const model = inheritFrom !== null ? this.formats[inheritFrom] : undefined;
    insertSlots(this.rows, at, count, () => undefined);
    insertSlots(this.formulas, at, count, () => undefined);
    if (model || at <= this.formats.length) {
      while (this.formats.length < at) this.formats.push(undefined);
      insertSlots(this.formats, at, count, () => (model ? model.slice() : undefined));
    }
    this.maxRows += count;
  }

  deleteRows(at: number, count: number): void {
    this.rows.splice(at, count);
    this.formulas.splice(at, count);
    this.formats.splice(at, count);
    this.maxRows -= count;
  }

  insertColumns(at: number, count: number, inheritFrom: number | null): void {
    const holes = new Array<undefined>(count);
    for (const row of this.rows) if (row && row.length > at) row.splice(at, 0, ...holes);
    for (let r = 0; r < this.formulas.length; r++) this.formulas[r] = this.shiftFormulaColumns(this.formulas[r], at, count);
    for (const row of this.formats) {
      if (!row) continue;
      const f = inheritFrom !== null ? row[inheritFrom] : undefined;
      if (row.length >= at) row.splice(at, 0, ...new Array<string | undefined>(count).fill(f));
    }
    this.hiddenColumns = new Set([...this.hiddenColumns].map((c) => (c >= at ? c + count : c)));
    this.maxColumns += count;
  }

  deleteColumns(at: number, count: number): void {
    for (let r = 0; r < this.rows.length; r++) {
      const row = this.rows[r];
      if (row && row.length > at) {
        row.splice(at, count);
        this.trim(r);
      }
    }
    for (let r = 0; r < this.formulas.length; r++) this.formulas[r] = this.shiftFormulaColumns(this.formulas[r], at, -count);
    for (const row of this.formats) if (row && row.length > at) row.splice(at, count);
    this.hiddenColumns = new Set([...this.hiddenColumns].filter((c) => c < at || c >= at + count).map((c) => (c >= at + count ? c - count : c)));
    this.maxColumns -= count;
  }

  /** Moves formulas at or right of `at` by `delta` columns (negative: deletes those in the gap). */
  private shiftFormulaColumns(f: FormulaRow | undefined, at: number, delta: number): FormulaRow | undefined {
    if (!f) return undefined;
    const out: FormulaRow = new Map();
    for (const [c, text] of f) {
      if (c < at) out.set(c, text);
      else if (delta > 0) out.set(c + delta, text);
      else if (c >= at - delta) out.set(c + delta, text);
    }
    return out.size ? out : undefined;
  }

  /** Removes every value, formula and (unless `contentsOnly`) format. */
  clear(contentsOnly: boolean): void {
    this.rows = [];
    this.formulas = [];
    if (!contentsOnly) this.formats = [];
  }
}
