/**
 * One sheet's cells. Values are row arrays (`rows[r][c]`, 0-based, trailing empty cells trimmed,
 * missing rows and holes read as ""), so reading a block is a tight array copy even at 100,000
 * rows. Formulas and number formats are sparse per row and travel with their row when rows are
 * inserted or deleted.
 */
import { PLAIN_TEXT_FORMAT, ParseContext, toWritten, Written } from './coercion';
import type { BooleanCriteriaName } from './enums';
import { Box, shiftBoxForDelete, shiftBoxForInsert } from './protection-model';
import type { ValidationState } from './validation-model';
import type { CellValue } from './values';

/** What one column of a filter hides: listed values, or rows failing a condition. */
export interface FilterCriteriaState {
  hiddenValues: string[] | null;
  visibleValues: string[] | null;
  condition: { type: BooleanCriteriaName; values: string[] } | null;
}

/** A sheet's filter (Sheets allows one a sheet): its range, header row first, and criteria by 1-based column. */
export interface FilterState {
  range: Box;
  criteria: Record<number, FilterCriteriaState>;
}

export const DEFAULT_ROWS = 1000;
export const DEFAULT_COLUMNS = 26;

type Row = (CellValue | undefined)[];
type FormulaRow = Map<number, string>;
type FormatRow = (string | undefined)[];
type ValidationRow = (ValidationState | undefined)[];

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
  /** 0-based rows hidden by the user (hideRows); rows a filter hides are computed from the filter. */
  hiddenRows = new Set<number>();
  filter: FilterState | null = null;
  /** Data-validation rules per cell, sparse like formats, moving with their cells. */
  validations: (ValidationRow | undefined)[] = [];
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

  validation(r: number, c: number): ValidationState | undefined {
    return this.validations[r]?.[c];
  }

  /** Sets (or with null clears) the rules of a 0-based block: one rule for all, or one per cell. */
  setValidations(r0: number, c0: number, numRows: number, numCols: number, rule: ValidationState | null | ((i: number, j: number) => ValidationState | null)): void {
    for (let i = 0; i < numRows; i++) {
      const r = r0 + i;
      let row = this.validations[r];
      for (let j = 0; j < numCols; j++) {
        const v = typeof rule === 'function' ? rule(i, j) : rule;
        if (!v && !row) continue;
        row ??= this.validations[r] = [];
        row[c0 + j] = v ?? undefined;
      }
      if (row && row.every((v) => v === undefined)) this.validations[r] = undefined;
    }
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
  trim(r: number): void {
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
    // New rows take the row above's rules, as they take its formats.
    const rules = inheritFrom !== null ? this.validations[inheritFrom] : undefined;
    if (rules || at <= this.validations.length) {
      while (this.validations.length < at) this.validations.push(undefined);
      insertSlots(this.validations, at, count, () => (rules ? rules.slice() : undefined));
    }
    this.hiddenRows = new Set([...this.hiddenRows].map((r) => (r >= at ? r + count : r)));
    if (this.filter) shiftBoxForInsert(this.filter.range, 'row', at + 1, count);
    this.maxRows += count;
  }

  deleteRows(at: number, count: number): void {
    this.rows.splice(at, count);
    this.formulas.splice(at, count);
    this.formats.splice(at, count);
    this.validations.splice(at, count);
    this.hiddenRows = new Set([...this.hiddenRows].filter((r) => r < at || r >= at + count).map((r) => (r >= at + count ? r - count : r)));
    if (this.filter && !shiftBoxForDelete(this.filter.range, 'row', at + 1, count)) this.filter = null;
    this.maxRows -= count;
  }

  /**
   * Reorders rows r0..r0+order.length-1 within columns c0..c0+numCols-1 (0-based): row r0+i takes
   * what row order[i] held (values, formulas, formats, validation). Whole rows move as arrays.
   */
  permuteRows(r0: number, order: readonly number[], c0: number, numCols: number): void {
    const whole = c0 === 0 && numCols >= this.maxColumns;
    const lists = [this.rows, this.formulas, this.formats, this.validations] as unknown[][];
    if (whole) {
      for (const list of lists) {
        const moved = order.map((src) => list[src]);
        moved.forEach((row, i) => (list[r0 + i] = row));
      }
      return;
    }
    const cols = Array.from({ length: numCols }, (_, j) => c0 + j);
    const taken = order.map((src) => ({
      values: cols.map((c) => this.rows[src]?.[c]),
      formulas: cols.map((c) => this.formulas[src]?.get(c)),
      formats: cols.map((c) => this.formats[src]?.[c]),
      rules: cols.map((c) => this.validations[src]?.[c]),
    }));
    taken.forEach((t, i) => {
      const r = r0 + i;
      const row = (this.rows[r] ??= []);
      cols.forEach((c, j) => (row[c] = t.values[j]));
      this.trim(r);
      let f = this.formulas[r];
      cols.forEach((c, j) => {
        const text = t.formulas[j];
        if (text !== undefined) (f ??= this.formulas[r] = new Map()).set(c, text);
        else f?.delete(c);
      });
      if (f && f.size === 0) this.formulas[r] = undefined;
      this.setFormats(r, c0, 1, numCols, (_i, j) => t.formats[j] ?? null);
      this.setValidations(r, c0, 1, numCols, (_i, j) => t.rules[j] ?? null);
    });
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
    for (const row of this.validations) {
      if (!row) continue;
      const v = inheritFrom !== null ? row[inheritFrom] : undefined;
      if (row.length >= at) row.splice(at, 0, ...new Array<ValidationState | undefined>(count).fill(v));
    }
    if (this.filter) {
      shiftBoxForInsert(this.filter.range, 'col', at + 1, count);
      this.filter.criteria = shiftCriteria(this.filter.criteria, (c) => (c >= at + 1 ? c + count : c));
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
    for (const row of this.validations) if (row && row.length > at) row.splice(at, count);
    if (this.filter) {
      if (!shiftBoxForDelete(this.filter.range, 'col', at + 1, count)) this.filter = null;
      else this.filter.criteria = shiftCriteria(this.filter.criteria, (c) => (c > at + count ? c - count : c <= at ? c : null));
    }
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

/** Renumbers a filter's criteria by 1-based column; `move` null drops a deleted column's. */
function shiftCriteria(criteria: Record<number, FilterCriteriaState>, move: (col: number) => number | null): Record<number, FilterCriteriaState> {
  const out: Record<number, FilterCriteriaState> = {};
  for (const [col, c] of Object.entries(criteria)) {
    const to = move(Number(col));
    if (to !== null) out[to] = c;
  }
  return out;
}
