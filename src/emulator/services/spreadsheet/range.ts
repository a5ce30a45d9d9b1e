/**
 * Range: a block of one sheet. Reads copy straight from the sheet's row arrays into script-realm
 * arrays; writes check shape, file access and protections before anything changes, then parse
 * strings like typed input.
 */
import { isDate } from '../../guest';
import { formatA1 } from './a1';
import { parseTyped } from './coercion';
import { asGas, SheetsContext } from './context';
import { displayValue, GENERAL_FORMAT } from './display';
import {
  COLUMN_TOO_SMALL_MESSAGE, COLUMNS_AT_LEAST_ONE_MESSAGE, columnsMismatchMessage, OUTSIDE_MESSAGE, ROW_TOO_SMALL_MESSAGE,
  ROWS_AT_LEAST_ONE_MESSAGE, rowsMismatchMessage,
} from './messages';
import { intersects, mayEdit } from './protection-model';
import { ProtectionImpl } from './protection';
import { SheetImpl } from './sheet';
import type { SheetModel } from './sheet-model';
import { TextFinderImpl } from './text-finder';
import type { Box } from './protection-model';
import { DataValidationImpl } from './data-validation';
import { FilterImpl } from './filter';
import { FILTER_EXISTS_MESSAGE } from './filter-model';
import { SortKey, sortOrder } from './sort';
import { isPlainObject } from '../../guest';
import { invalidArgumentMessage } from './messages';

type GasRange = GoogleAppsScript.Spreadsheet.Range;

export type OfferedRangeMethods =
  | 'getValues' | 'getValue' | 'getDisplayValues' | 'getDisplayValue' | 'setValues' | 'setValue'
  | 'getFormulas' | 'getFormula' | 'setFormula' | 'setFormulas' | 'getNumberFormats' | 'getNumberFormat'
  | 'setNumberFormat' | 'setNumberFormats' | 'clearContent' | 'clear' | 'clearFormat' | 'getRow' | 'getColumn'
  | 'getRowIndex' | 'getNumRows' | 'getNumColumns' | 'getLastRow' | 'getLastColumn' | 'getA1Notation'
  | 'getSheet' | 'getGridId' | 'getCell' | 'offset' | 'protect' | 'createTextFinder' | 'canEdit' | 'isBlank'
  | 'setFontWeight' | 'setBackground' | 'setFontColor' | 'setWrap' | 'setHorizontalAlignment' | 'sort'
  | 'createFilter' | 'getFilter' | 'setDataValidation' | 'setDataValidations' | 'getDataValidation'
  | 'getDataValidations' | 'clearDataValidations';


export class RangeImpl implements Pick<GasRange, OfferedRangeMethods> {
  constructor(
    private readonly ctx: SheetsContext,
    readonly sheet: SheetModel,
    /** 1-based. */
    readonly row: number,
    readonly col: number,
    readonly numRows: number,
    readonly numCols: number,
  ) {}

  get cells(): number {
    return this.numRows * this.numCols;
  }

  get box(): Box {
    return { row: this.row, col: this.col, numRows: this.numRows, numCols: this.numCols };
  }

  private self(): GasRange {
    return asGas<GasRange>(this);
  }

  // ---- reading ----

  getValues(): any[][] {
    this.ctx.read('Range.getValues', this.cells);
    return this.readValues();
  }

  /** The block's values as script-realm arrays ("" for empty cells, dates copied). */
  private readValues(): unknown[][] {
    const guest = this.ctx.exec.guest;
    const GArray = guest.intrinsics.Array;
    const rows = this.sheet.rows;
    const out = new GArray<unknown[]>(this.numRows);
    const c0 = this.col - 1;
    for (let i = 0; i < this.numRows; i++) {
      const row = rows[this.row - 1 + i];
      const copy = new GArray<unknown>(this.numCols);
      if (!row) {
        for (let j = 0; j < this.numCols; j++) copy[j] = '';
      } else {
        for (let j = 0; j < this.numCols; j++) {
          const v = row[c0 + j];
          copy[j] = v === undefined ? '' : typeof v === 'object' ? guest.date(v.getTime()) : v;
        }
      }
      out[i] = copy;
    }
    return out;
  }

  getValue(): any {
    this.ctx.read('Range.getValue', 1);
    const v = this.sheet.value(this.row - 1, this.col - 1);
    return v instanceof Date ? this.ctx.exec.guest.date(v.getTime()) : v;
  }

  private mapCells<T>(f: (r: number, c: number) => T): T[][] {
    const GArray = this.ctx.exec.guest.intrinsics.Array;
    const out = new GArray<T[]>(this.numRows);
    for (let i = 0; i < this.numRows; i++) {
      const row = new GArray<T>(this.numCols);
      for (let j = 0; j < this.numCols; j++) row[j] = f(this.row - 1 + i, this.col - 1 + j);
      out[i] = row;
    }
    return out;
  }

  getDisplayValues(): string[][] {
    this.ctx.read('Range.getDisplayValues', this.cells);
    const ctx = this.ctx.model.parseContext;
    return this.mapCells((r, c) => displayValue(this.sheet.value(r, c), this.sheet.format(r, c), ctx));
  }

  getDisplayValue(): string {
    this.ctx.read('Range.getDisplayValue', 1);
    const [r, c] = [this.row - 1, this.col - 1];
    return displayValue(this.sheet.value(r, c), this.sheet.format(r, c), this.ctx.model.parseContext);
  }

  getFormulas(): string[][] {
    this.ctx.read('Range.getFormulas', this.cells);
    return this.mapCells((r, c) => this.sheet.formula(r, c));
  }

  getFormula(): string {
    this.ctx.read('Range.getFormula', 1);
    return this.sheet.formula(this.row - 1, this.col - 1);
  }

  getNumberFormats(): string[][] {
    this.ctx.read('Range.getNumberFormats', this.cells);
    return this.mapCells((r, c) => this.sheet.format(r, c) ?? GENERAL_FORMAT);
  }

  getNumberFormat(): string {
    this.ctx.read('Range.getNumberFormat', 1);
    return this.sheet.format(this.row - 1, this.col - 1) ?? GENERAL_FORMAT;
  }

  isBlank(): boolean {
    this.ctx.read('Range.isBlank', this.cells);
    for (let r = this.row - 1; r < this.row - 1 + this.numRows; r++) {
      for (let c = this.col - 1; c < this.col - 1 + this.numCols; c++) {
        if (this.sheet.value(r, c) !== '' || this.sheet.formula(r, c) !== '') return false;
      }
    }
    return true;
  }

  // ---- writing ----

  /** Checks a 2-D argument against the range's shape with Apps Script's messages. */
  private checkShape(method: string, data: unknown): asserts data is unknown[][] {
    // The type comes first: setValues([1, 2, 3]) is "The parameters (number[]) don't match …" whatever the range's height.
    if (!Array.isArray(data) || !data.every((row) => Array.isArray(row))) this.ctx.signatureMismatch(method, [data]);
    if (data.length !== this.numRows) this.ctx.fail(rowsMismatchMessage(data.length, this.numRows));
    for (const row of data) {
      if (row.length !== this.numCols) this.ctx.fail(columnsMismatchMessage(row.length, this.numCols));
    }
  }

  setValues(values: any[][]): GasRange {
    this.ctx.call('Range.setValues', this.cells);
    this.checkShape('SpreadsheetApp.Range.setValues', values);
    this.ctx.checkWrite(this.sheet, this.box);
    this.sheet.writeValues(this.row - 1, this.col - 1, values, this.ctx.model.parseContext);
    return this.self();
  }

  setValue(value: any): GasRange {
    this.ctx.call('Range.setValue', this.cells);
    if (Array.isArray(value) || (value !== null && typeof value === 'object' && !isDate(value))) {
      // Apps Script rejects arrays and objects here (they belong in setValues).
      this.ctx.signatureMismatch('SpreadsheetApp.Range.setValue', [value]);
    }
    this.ctx.checkWrite(this.sheet, this.box);
    const row = new Array<unknown>(this.numCols).fill(value);
    this.sheet.writeValues(this.row - 1, this.col - 1, Array.from({ length: this.numRows }, () => row), this.ctx.model.parseContext);
    return this.self();
  }

  private writeFormulas(formulas: (i: number, j: number) => unknown): void {
    const ctx = this.ctx.model.parseContext;
    for (let i = 0; i < this.numRows; i++) {
      for (let j = 0; j < this.numCols; j++) {
        const f = formulas(i, j);
        const text = f === null || f === undefined ? '' : String(f);
        this.sheet.put(this.row - 1 + i, this.col - 1 + j, parseTyped(text, false, ctx));
      }
    }
  }

  setFormula(formula: string): GasRange {
    this.ctx.call('Range.setFormula', this.cells);
    if (typeof formula !== 'string') this.ctx.signatureMismatch('SpreadsheetApp.Range.setFormula', [formula]);
    this.ctx.checkWrite(this.sheet, this.box);
    this.writeFormulas(() => formula);
    return this.self();
  }

  setFormulas(formulas: string[][]): GasRange {
    this.ctx.call('Range.setFormulas', this.cells);
    this.checkShape('SpreadsheetApp.Range.setFormulas', formulas);
    this.ctx.checkWrite(this.sheet, this.box);
    this.writeFormulas((i, j) => formulas[i][j]);
    return this.self();
  }

  setNumberFormat(numberFormat: string): GasRange {
    this.ctx.call('Range.setNumberFormat', this.cells);
    if (typeof numberFormat !== 'string') this.ctx.signatureMismatch('SpreadsheetApp.Range.setNumberFormat', [numberFormat]);
    this.ctx.checkWrite(this.sheet, this.box);
    this.sheet.setFormats(this.row - 1, this.col - 1, this.numRows, this.numCols, numberFormat);
    return this.self();
  }

  setNumberFormats(numberFormats: string[][]): GasRange {
    this.ctx.call('Range.setNumberFormats', this.cells);
    this.checkShape('SpreadsheetApp.Range.setNumberFormats', numberFormats);
    this.ctx.checkWrite(this.sheet, this.box);
    this.sheet.setFormats(this.row - 1, this.col - 1, this.numRows, this.numCols, (i, j) => {
      const f = numberFormats[i][j];
      return f === null || f === undefined ? null : String(f);
    });
    return this.self();
  }

  clearContent(): GasRange {
    this.ctx.call('Range.clearContent', this.cells);
    this.ctx.checkWrite(this.sheet, this.box);
    this.sheet.clearContents(this.row - 1, this.col - 1, this.numRows, this.numCols);
    return this.self();
  }

  clearFormat(): GasRange {
    this.ctx.call('Range.clearFormat', this.cells);
    this.ctx.checkWrite(this.sheet, this.box);
    this.sheet.setFormats(this.row - 1, this.col - 1, this.numRows, this.numCols, null);
    return this.self();
  }

  clear(options?: { contentsOnly?: boolean; formatOnly?: boolean }): GasRange {
    this.ctx.call('Range.clear', this.cells);
    this.ctx.checkWrite(this.sheet, this.box);
    const contents = !options?.formatOnly || !!options?.contentsOnly;
    const formats = !options?.contentsOnly || !!options?.formatOnly;
    if (contents) this.sheet.clearContents(this.row - 1, this.col - 1, this.numRows, this.numCols);
    if (formats) this.sheet.setFormats(this.row - 1, this.col - 1, this.numRows, this.numCols, null);
    return this.self();
  }

  /** Formatting the emulator does not model: metered, checked like a write, otherwise no effect. */
  private cosmetic(key: string): GasRange {
    this.ctx.call(key, this.cells);
    this.ctx.checkWrite(this.sheet, this.box);
    return this.self();
  }

  setFontWeight(_fontWeight: GoogleAppsScript.Spreadsheet.FontWeight | null): GasRange {
    return this.cosmetic('Range.setFontWeight');
  }

  setBackground(_color: string | null): GasRange {
    return this.cosmetic('Range.setBackground');
  }

  setFontColor(_color: string | null): GasRange {
    return this.cosmetic('Range.setFontColor');
  }

  setWrap(_isWrapEnabled: boolean): GasRange {
    return this.cosmetic('Range.setWrap');
  }

  setHorizontalAlignment(_alignment: 'left' | 'center' | 'normal' | 'right' | null): GasRange {
    return this.cosmetic('Range.setHorizontalAlignment');
  }

  // ---- sorting and filters ----

  /**
   * Sorts the range's rows by sheet columns inside it: `2`, `{column: 2, ascending: false}` or an
   * array of them (Google's Range.sort reference: columns are the sheet's, so sorting C3:E9 by
   * its first column is sort(3)). Pays for every cell of the range, which it rewrites.
   */
  sort(sortSpecObj: any): GasRange {
    this.ctx.callMoving('Range.sort', this.cells);
    const keys = this.sortKeys(sortSpecObj);
    this.ctx.checkWrite(this.sheet, this.box);
    const order = sortOrder(this.sheet, this.row - 1, this.numRows, keys, this.ctx.model.locale);
    this.sheet.permuteRows(this.row - 1, order, this.col - 1, this.numCols);
    return this.self();
  }

  private sortKeys(spec: unknown): SortKey[] {
    const one = (s: unknown): SortKey => {
      let column: unknown = s;
      let ascending: unknown = true;
      if (isPlainObject(s)) {
        column = s.column;
        ascending = s.ascending === undefined ? true : s.ascending;
      }
      if (typeof column !== 'number' || !Number.isFinite(column) || typeof ascending !== 'boolean') {
        return this.ctx.signatureMismatch('SpreadsheetApp.Range.sort', [spec]);
      }
      const c = Math.trunc(column);
      // Outside the range (wording unconfirmed: Apps Script's message was not found in Google's pages).
      if (c < this.col || c >= this.col + this.numCols) this.ctx.fail(invalidArgumentMessage('sortSpecObj'));
      return { col: c - 1, ascending };
    };
    if (Array.isArray(spec)) {
      if (spec.length === 0) this.ctx.signatureMismatch('SpreadsheetApp.Range.sort', [spec]);
      return spec.map(one);
    }
    return [one(spec)];
  }

  /** A filter over this range (its first row the header); one per sheet. */
  createFilter(): GoogleAppsScript.Spreadsheet.Filter {
    this.ctx.call('Range.createFilter');
    if (this.sheet.filter) this.ctx.fail(FILTER_EXISTS_MESSAGE);
    this.ctx.checkWrite(this.sheet, this.box);
    this.sheet.filter = { range: { ...this.box }, criteria: {} };
    return asGas(new FilterImpl(this.ctx, this.sheet, this.sheet.filter));
  }

  /** The filter of the range's sheet, or null. */
  getFilter(): GoogleAppsScript.Spreadsheet.Filter | null {
    this.ctx.read('Range.getFilter');
    return this.sheet.filter ? asGas(new FilterImpl(this.ctx, this.sheet, this.sheet.filter)) : null;
  }

  // ---- data validation ----

  private rule(method: string, rule: unknown, args: unknown[]): DataValidationImpl | null {
    if (rule === null) return null;
    if (!(rule instanceof DataValidationImpl)) return this.ctx.signatureMismatch(method, args);
    return rule;
  }

  /** Sets (null: clears) the rule of every cell. A script's own writes are never checked against it. */
  setDataValidation(rule: GoogleAppsScript.Spreadsheet.DataValidation | null): GasRange {
    this.ctx.call('Range.setDataValidation', this.cells);
    const r = this.rule('SpreadsheetApp.Range.setDataValidation', rule, [rule]);
    this.ctx.checkWrite(this.sheet, this.box);
    this.sheet.setValidations(this.row - 1, this.col - 1, this.numRows, this.numCols, r ? structuredClone(r.state) : null);
    return this.self();
  }

  setDataValidations(rules: (GoogleAppsScript.Spreadsheet.DataValidation | null)[][]): GasRange {
    this.ctx.call('Range.setDataValidations', this.cells);
    this.checkShape('SpreadsheetApp.Range.setDataValidations', rules);
    const checked = rules.map((row) => row.map((v) => this.rule('SpreadsheetApp.Range.setDataValidations', v, [rules])));
    this.ctx.checkWrite(this.sheet, this.box);
    this.sheet.setValidations(this.row - 1, this.col - 1, this.numRows, this.numCols, (i, j) => {
      const r = checked[i][j];
      return r ? structuredClone(r.state) : null;
    });
    return this.self();
  }

  /** The top-left cell's rule, or null. */
  getDataValidation(): GoogleAppsScript.Spreadsheet.DataValidation | null {
    this.ctx.read('Range.getDataValidation', 1);
    const v = this.sheet.validation(this.row - 1, this.col - 1);
    return v ? asGas(new DataValidationImpl(this.ctx, structuredClone(v))) : null;
  }

  getDataValidations(): (GoogleAppsScript.Spreadsheet.DataValidation | null)[][] {
    this.ctx.read('Range.getDataValidations', this.cells);
    return this.mapCells((r, c) => {
      const v = this.sheet.validation(r, c);
      return v ? asGas<GoogleAppsScript.Spreadsheet.DataValidation>(new DataValidationImpl(this.ctx, structuredClone(v))) : null;
    });
  }

  clearDataValidations(): GasRange {
    this.ctx.call('Range.clearDataValidations', this.cells);
    this.ctx.checkWrite(this.sheet, this.box);
    this.sheet.setValidations(this.row - 1, this.col - 1, this.numRows, this.numCols, null);
    return this.self();
  }

  // ---- geometry ----

  getRow(): number {
    this.ctx.call('Range.getRow');
    return this.row;
  }

  getRowIndex(): number {
    this.ctx.call('Range.getRowIndex');
    return this.row;
  }

  getColumn(): number {
    this.ctx.call('Range.getColumn');
    return this.col;
  }

  getNumRows(): number {
    this.ctx.call('Range.getNumRows');
    return this.numRows;
  }

  getNumColumns(): number {
    this.ctx.call('Range.getNumColumns');
    return this.numCols;
  }

  /** The range's own last row (Range.getLastRow is its end, not the sheet's data). */
  getLastRow(): number {
    this.ctx.call('Range.getLastRow');
    return this.row + this.numRows - 1;
  }

  getLastColumn(): number {
    this.ctx.call('Range.getLastColumn');
    return this.col + this.numCols - 1;
  }

  getA1Notation(): string {
    this.ctx.call('Range.getA1Notation');
    return formatA1(this.row, this.col, this.numRows, this.numCols);
  }

  getGridId(): number {
    this.ctx.call('Range.getGridId');
    return this.sheet.id;
  }

  getSheet(): GoogleAppsScript.Spreadsheet.Sheet {
    this.ctx.call('Range.getSheet');
    return asGas(new SheetImpl(this.ctx, this.sheet));
  }

  getCell(row: number, column: number): GasRange {
    this.ctx.call('Range.getCell');
    this.ctx.requireNumbers('SpreadsheetApp.Range.getCell', [row, column]);
    if (row < 1 || column < 1 || row > this.numRows || column > this.numCols) this.ctx.fail(OUTSIDE_MESSAGE);
    return asGas(new RangeImpl(this.ctx, this.sheet, this.row + Math.trunc(row) - 1, this.col + Math.trunc(column) - 1, 1, 1));
  }

  offset(rowOffset: number, columnOffset: number, numRows?: number, numColumns?: number): GasRange {
    this.ctx.call('Range.offset');
    const args = [rowOffset, columnOffset, numRows ?? this.numRows, numColumns ?? this.numCols];
    this.ctx.requireNumbers('SpreadsheetApp.Range.offset', args);
    return asGas(rangeOn(this.ctx, this.sheet, this.row + Math.trunc(rowOffset), this.col + Math.trunc(columnOffset),
      Math.trunc(args[2]), Math.trunc(args[3])));
  }

  // ---- protection and search ----

  protect(): GoogleAppsScript.Spreadsheet.Protection {
    this.ctx.call('Range.protect');
    this.ctx.checkFileEdit();
    return asGas(ProtectionImpl.create(this.ctx, this.sheet, this.box));
  }

  canEdit(): boolean {
    this.ctx.call('Range.canEdit');
    const { model, user } = this.ctx;
    if (!this.ctx.exec.world.canEditFile(user)) return false;
    return model.protections.every((p) => p.sheetId !== this.sheet.id || mayEdit(p, user, model.owner) ||
      (p.range !== null && !intersects(p.range, this.box)));
  }

  createTextFinder(findText: string): GoogleAppsScript.Spreadsheet.TextFinder {
    this.ctx.call('Range.createTextFinder');
    if (typeof findText !== 'string') this.ctx.signatureMismatch('SpreadsheetApp.Range.createTextFinder', [findText]);
    return asGas(new TextFinderImpl(this.ctx, [{ sheet: this.sheet, box: this.box }], findText));
  }
}

/**
 * A range of `sheet` with Apps Script's argument checks: starting row/column at least 1, at least
 * one row and column, inside the sheet.
 */
export function rangeOn(ctx: SheetsContext, sheet: SheetModel, row: number, col: number, numRows: number, numCols: number): RangeImpl {
  if (row < 1) ctx.fail(ROW_TOO_SMALL_MESSAGE);
  if (col < 1) ctx.fail(COLUMN_TOO_SMALL_MESSAGE);
  if (numRows < 1) ctx.fail(ROWS_AT_LEAST_ONE_MESSAGE);
  if (numCols < 1) ctx.fail(COLUMNS_AT_LEAST_ONE_MESSAGE);
  if (row + numRows - 1 > sheet.maxRows || col + numCols - 1 > sheet.maxColumns) ctx.fail(OUTSIDE_MESSAGE);
  return new RangeImpl(ctx, sheet, row, col, numRows, numCols);
}
