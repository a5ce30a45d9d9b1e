/**
 * Sheet: one tab. Structural changes (rows, columns, clearing, sorting) go through the model so
 * protections move with their cells, and are refused where a protection forbids the user.
 */
import { parseA1, splitSheetName } from './a1';
import { asGas, SheetsContext } from './context';
import { enumName } from '../enum';
import { FAMILY, ProtectionTypeName } from './enums';
import {
  DELETE_ALL_COLUMNS_MESSAGE, DELETE_ALL_ROWS_MESSAGE, invalidArgumentMessage, PROTECTED_MESSAGE,
  RANGE_NOT_FOUND_MESSAGE,
} from './messages';
import { ProtectionImpl } from './protection';
import { RangeImpl, rangeOn } from './range';
import type { SheetModel } from './sheet-model';
import { SpreadsheetImpl } from './spreadsheet';
import { TextFinderImpl } from './text-finder';
import { FilterImpl } from './filter';
import { hiddenByFilter } from './filter-model';
import { sortOrder } from './sort';

type GasSheet = GoogleAppsScript.Spreadsheet.Sheet;
type GasRange = GoogleAppsScript.Spreadsheet.Range;

export type OfferedSheetMethods =
  | 'getName' | 'getSheetName' | 'setName' | 'getSheetId' | 'getIndex' | 'getLastRow' | 'getLastColumn'
  | 'getMaxRows' | 'getMaxColumns' | 'getRange' | 'getDataRange' | 'getRangeList' | 'appendRow'
  | 'insertRowsAfter' | 'insertRowsBefore' | 'insertRowAfter' | 'insertRowBefore' | 'insertRows' | 'deleteRow'
  | 'deleteRows' | 'insertColumnsAfter' | 'insertColumnsBefore' | 'insertColumnAfter' | 'insertColumnBefore'
  | 'deleteColumn' | 'deleteColumns' | 'setFrozenRows' | 'getFrozenRows' | 'setFrozenColumns' | 'getFrozenColumns'
  | 'clear' | 'clearContents' | 'clearFormats' | 'protect' | 'getProtections' | 'createTextFinder' | 'hideSheet'
  | 'showSheet' | 'isSheetHidden' | 'autoResizeColumns' | 'autoResizeColumn' | 'setColumnWidth' | 'getParent'
  | 'activate' | 'sort' | 'hideColumns' | 'showColumns' | 'isColumnHiddenByUser' | 'hideRows' | 'showRows'
  | 'isRowHiddenByUser' | 'isRowHiddenByFilter' | 'getFilter';

export class SheetImpl implements Pick<GasSheet, OfferedSheetMethods> {
  constructor(
    private readonly ctx: SheetsContext,
    readonly model: SheetModel,
  ) {}

  private self(): GasSheet {
    return asGas<GasSheet>(this);
  }

  private get book() {
    return this.ctx.model;
  }

  /** The whole rows from..from+count-1 as a protection box. */
  private rowsBox(from: number, count: number) {
    return { row: from, col: 1, numRows: count, numCols: this.model.maxColumns };
  }

  private columnsBox(from: number, count: number) {
    return { row: 1, col: from, numRows: this.model.maxRows, numCols: count };
  }

  // ---- identity ----

  getName(): string {
    this.ctx.call('Sheet.getName');
    return this.model.name;
  }

  getSheetName(): string {
    this.ctx.call('Sheet.getSheetName');
    return this.model.name;
  }

  setName(name: string): GasSheet {
    this.ctx.call('Sheet.setName');
    if (typeof name !== 'string' || name.trim() === '') this.ctx.fail(invalidArgumentMessage('name'));
    if (name === this.model.name) return this.self();
    const conflict = this.book.nameConflict(name, this.model);
    if (conflict) this.ctx.fail(conflict);
    this.checkSheetWrite();
    this.model.name = name;
    return this.self();
  }

  getSheetId(): number {
    this.ctx.call('Sheet.getSheetId');
    return this.model.id;
  }

  /** 1-based position among the tabs. */
  getIndex(): number {
    this.ctx.call('Sheet.getIndex');
    return this.book.sheets.indexOf(this.model) + 1;
  }

  getParent(): GoogleAppsScript.Spreadsheet.Spreadsheet {
    this.ctx.call('Sheet.getParent');
    return asGas(new SpreadsheetImpl(this.ctx));
  }

  activate(): GasSheet {
    this.ctx.call('Sheet.activate');
    this.ctx.activeSheet = this.model;
    return this.self();
  }

  // ---- size ----

  getLastRow(): number {
    this.ctx.read('Sheet.getLastRow');
    return this.model.lastRow();
  }

  getLastColumn(): number {
    this.ctx.read('Sheet.getLastColumn');
    return this.model.lastColumn();
  }

  getMaxRows(): number {
    this.ctx.call('Sheet.getMaxRows');
    return this.model.maxRows;
  }

  getMaxColumns(): number {
    this.ctx.call('Sheet.getMaxColumns');
    return this.model.maxColumns;
  }

  // ---- ranges ----

  getRange(row: number, column: number): GasRange;
  getRange(row: number, column: number, numRows: number): GasRange;
  getRange(row: number, column: number, numRows: number, numColumns: number): GasRange;
  getRange(a1Notation: string): GasRange;
  getRange(a: number | string, column?: number, numRows?: number, numColumns?: number): GasRange {
    this.ctx.call('Sheet.getRange');
    if (typeof a === 'string' && column === undefined) return asGas(resolveA1(this.ctx, this.model, a));
    const given = [a, column, numRows, numColumns].slice(0, Math.max(2, arguments.length));
    this.ctx.requireNumbers('SpreadsheetApp.Sheet.getRange', given);
    const [r, c, nr, nc] = [a as number, column as number, numRows ?? 1, numColumns ?? 1].map(Math.trunc);
    return asGas(rangeOn(this.ctx, this.model, r, c, nr, nc));
  }

  getDataRange(): GasRange {
    this.ctx.read('Sheet.getDataRange');
    const rows = Math.max(1, this.model.lastRow());
    const cols = Math.max(1, this.model.lastColumn());
    return asGas(new RangeImpl(this.ctx, this.model, 1, 1, rows, cols));
  }

  getRangeList(a1Notations: string[]): GoogleAppsScript.Spreadsheet.RangeList {
    this.ctx.call('Sheet.getRangeList');
    if (!Array.isArray(a1Notations)) this.ctx.signatureMismatch('SpreadsheetApp.Sheet.getRangeList', [a1Notations]);
    const ranges = a1Notations.map((a1) => resolveA1(this.ctx, this.model, String(a1)));
    return asGas(new RangeListImpl(this.ctx, ranges));
  }

  // ---- rows and columns ----

  /**
   * Cells a row change moves: those of the used grid (last row × last column) at or below 1-based
   * row `first`. What deleteRows/insertRows pay for (cost.ts movedCellsCost); 0 for bad arguments,
   * which fail after the call is charged.
   */
  private movedFromRow(first: number): number {
    if (typeof first !== 'number' || !Number.isFinite(first)) return 0;
    return Math.max(0, this.model.lastRow() - Math.max(1, Math.trunc(first)) + 1) * this.model.lastColumn();
  }

  /** Cells a column change moves: those of the used grid at or right of 1-based column `first`. */
  private movedFromColumn(first: number): number {
    if (typeof first !== 'number' || !Number.isFinite(first)) return 0;
    return Math.max(0, this.model.lastColumn() - Math.max(1, Math.trunc(first)) + 1) * this.model.lastRow();
  }

  /** Writes `rowContents` below the last row with content, growing the sheet when it is full. */
  appendRow(rowContents: any[]): GasSheet {
    this.ctx.call('Sheet.appendRow', Array.isArray(rowContents) ? rowContents.length : 0);
    if (!Array.isArray(rowContents)) this.ctx.signatureMismatch('SpreadsheetApp.Sheet.appendRow', [rowContents]);
    const row = this.model.lastRow() + 1;
    const width = Math.max(1, rowContents.length);
    this.ctx.checkWrite(this.model, { row, col: 1, numRows: 1, numCols: width });
    if (row > this.model.maxRows) this.book.insertRows(this.model, this.model.maxRows + 1, row - this.model.maxRows, this.model.maxRows);
    if (width > this.model.maxColumns) {
      this.book.insertColumns(this.model, this.model.maxColumns + 1, width - this.model.maxColumns, this.model.maxColumns);
    }
    this.model.writeValues(row - 1, 0, [rowContents], this.book.parseContext);
    return this.self();
  }

  private checkPosition(method: string, args: unknown[], max: number, position: number): void {
    this.ctx.requireNumbers(method, args);
    if (position < 1 || position > max) this.ctx.fail(invalidArgumentMessage('position'));
  }

  private insertRowsAt(before: number, count: number, inheritFrom: number | null): void {
    if (count < 1) this.ctx.fail(invalidArgumentMessage('howMany'));
    this.ctx.checkStructureWrite();
    if (this.book.blockingInsert(this.model, 'row', before, this.ctx.user)) this.ctx.fail(PROTECTED_MESSAGE);
    this.book.insertRows(this.model, before, count, inheritFrom);
  }

  insertRowsAfter(afterPosition: number, howMany: number): GasSheet {
    this.ctx.callMoving('Sheet.insertRowsAfter', this.movedFromRow(afterPosition + 1));
    this.checkPosition('SpreadsheetApp.Sheet.insertRowsAfter', [afterPosition, howMany], this.model.maxRows, afterPosition);
    this.insertRowsAt(Math.trunc(afterPosition) + 1, Math.trunc(howMany), Math.trunc(afterPosition));
    return this.self();
  }

  insertRowAfter(afterPosition: number): GasSheet {
    this.ctx.callMoving('Sheet.insertRowAfter', this.movedFromRow(afterPosition + 1));
    this.checkPosition('SpreadsheetApp.Sheet.insertRowAfter', [afterPosition], this.model.maxRows, afterPosition);
    this.insertRowsAt(Math.trunc(afterPosition) + 1, 1, Math.trunc(afterPosition));
    return this.self();
  }

  insertRowsBefore(beforePosition: number, howMany: number): GasSheet {
    this.ctx.callMoving('Sheet.insertRowsBefore', this.movedFromRow(beforePosition));
    this.checkPosition('SpreadsheetApp.Sheet.insertRowsBefore', [beforePosition, howMany], this.model.maxRows, beforePosition);
    this.insertRowsAt(Math.trunc(beforePosition), Math.trunc(howMany), Math.trunc(beforePosition));
    return this.self();
  }

  insertRowBefore(beforePosition: number): GasSheet {
    this.ctx.callMoving('Sheet.insertRowBefore', this.movedFromRow(beforePosition));
    this.checkPosition('SpreadsheetApp.Sheet.insertRowBefore', [beforePosition], this.model.maxRows, beforePosition);
    this.insertRowsAt(Math.trunc(beforePosition), 1, Math.trunc(beforePosition));
    return this.self();
  }

  insertRows(rowIndex: number, numRows?: number): void {
    this.ctx.callMoving('Sheet.insertRows', this.movedFromRow(rowIndex));
    const count = numRows ?? 1;
    this.checkPosition('SpreadsheetApp.Sheet.insertRows', [rowIndex, count], this.model.maxRows, rowIndex);
    this.insertRowsAt(Math.trunc(rowIndex), Math.trunc(count), Math.trunc(rowIndex));
  }

  private deleteRowsAt(method: string, rowPosition: number, howMany: number): void {
    this.ctx.requireNumbers(method, [rowPosition, howMany]);
    const [from, count] = [Math.trunc(rowPosition), Math.trunc(howMany)];
    if (from < 1 || count < 1 || from + count - 1 > this.model.maxRows) this.ctx.fail('Those rows are out of bounds.');
    if (count >= this.model.maxRows - this.model.frozenRows) this.ctx.fail(DELETE_ALL_ROWS_MESSAGE);
    this.ctx.checkWrite(this.model, this.rowsBox(from, count));
    this.book.deleteRows(this.model, from, count);
  }

  deleteRow(rowPosition: number): GasSheet {
    this.ctx.callMoving('Sheet.deleteRow', this.movedFromRow(rowPosition + 1));
    this.deleteRowsAt('SpreadsheetApp.Sheet.deleteRow', rowPosition, 1);
    return this.self();
  }

  deleteRows(rowPosition: number, howMany: number): void {
    this.ctx.callMoving('Sheet.deleteRows', this.movedFromRow(rowPosition + howMany));
    this.deleteRowsAt('SpreadsheetApp.Sheet.deleteRows', rowPosition, howMany);
  }

  private insertColumnsAt(before: number, count: number, inheritFrom: number | null): void {
    if (count < 1) this.ctx.fail(invalidArgumentMessage('howMany'));
    this.ctx.checkStructureWrite();
    if (this.book.blockingInsert(this.model, 'col', before, this.ctx.user)) this.ctx.fail(PROTECTED_MESSAGE);
    this.book.insertColumns(this.model, before, count, inheritFrom);
  }

  insertColumnsAfter(afterPosition: number, howMany: number): GasSheet {
    this.ctx.callMoving('Sheet.insertColumnsAfter', this.movedFromColumn(afterPosition + 1));
    this.checkPosition('SpreadsheetApp.Sheet.insertColumnsAfter', [afterPosition, howMany], this.model.maxColumns, afterPosition);
    this.insertColumnsAt(Math.trunc(afterPosition) + 1, Math.trunc(howMany), Math.trunc(afterPosition));
    return this.self();
  }

  insertColumnAfter(afterPosition: number): GasSheet {
    this.ctx.callMoving('Sheet.insertColumnAfter', this.movedFromColumn(afterPosition + 1));
    this.checkPosition('SpreadsheetApp.Sheet.insertColumnAfter', [afterPosition], this.model.maxColumns, afterPosition);
    this.insertColumnsAt(Math.trunc(afterPosition) + 1, 1, Math.trunc(afterPosition));
    return this.self();
  }

  insertColumnsBefore(beforePosition: number, howMany: number): GasSheet {
    this.ctx.callMoving('Sheet.insertColumnsBefore', this.movedFromColumn(beforePosition));
    this.checkPosition('SpreadsheetApp.Sheet.insertColumnsBefore', [beforePosition, howMany], this.model.maxColumns, beforePosition);
    this.insertColumnsAt(Math.trunc(beforePosition), Math.trunc(howMany), Math.trunc(beforePosition));
    return this.self();
  }

  insertColumnBefore(beforePosition: number): GasSheet {
    this.ctx.callMoving('Sheet.insertColumnBefore', this.movedFromColumn(beforePosition));
    this.checkPosition('SpreadsheetApp.Sheet.insertColumnBefore', [beforePosition], this.model.maxColumns, beforePosition);
    this.insertColumnsAt(Math.trunc(beforePosition), 1, Math.trunc(beforePosition));
    return this.self();
  }

  private deleteColumnsAt(method: string, columnPosition: number, howMany: number): void {
    this.ctx.requireNumbers(method, [columnPosition, howMany]);
    const [from, count] = [Math.trunc(columnPosition), Math.trunc(howMany)];
    if (from < 1 || count < 1 || from + count - 1 > this.model.maxColumns) this.ctx.fail('Those columns are out of bounds.');
    if (count >= this.model.maxColumns) this.ctx.fail(DELETE_ALL_COLUMNS_MESSAGE);
    this.ctx.checkWrite(this.model, this.columnsBox(from, count));
    this.book.deleteColumns(this.model, from, count);
  }

  deleteColumn(columnPosition: number): GasSheet {
    this.ctx.callMoving('Sheet.deleteColumn', this.movedFromColumn(columnPosition + 1));
    this.deleteColumnsAt('SpreadsheetApp.Sheet.deleteColumn', columnPosition, 1);
    return this.self();
  }

  deleteColumns(columnPosition: number, howMany: number): void {
    this.ctx.callMoving('Sheet.deleteColumns', this.movedFromColumn(columnPosition + howMany));
    this.deleteColumnsAt('SpreadsheetApp.Sheet.deleteColumns', columnPosition, howMany);
  }

  // ---- sheet-wide changes ----

  /** Changes to the whole sheet: refused if any protection on it forbids the user. */
  private checkSheetWrite(): void {
    this.ctx.checkWrite(this.model, { row: 1, col: 1, numRows: this.model.maxRows, numCols: this.model.maxColumns });
  }

  setFrozenRows(rows: number): void {
    this.ctx.call('Sheet.setFrozenRows');
    this.ctx.requireNumbers('SpreadsheetApp.Sheet.setFrozenRows', [rows]);
    if (rows < 0 || rows >= this.model.maxRows) this.ctx.fail(invalidArgumentMessage('rows'));
    this.ctx.checkStructureWrite();
    this.model.frozenRows = Math.trunc(rows);
  }

  getFrozenRows(): number {
    this.ctx.call('Sheet.getFrozenRows');
    return this.model.frozenRows;
  }

  setFrozenColumns(columns: number): void {
    this.ctx.call('Sheet.setFrozenColumns');
    this.ctx.requireNumbers('SpreadsheetApp.Sheet.setFrozenColumns', [columns]);
    if (columns < 0 || columns >= this.model.maxColumns) this.ctx.fail(invalidArgumentMessage('columns'));
    this.ctx.checkStructureWrite();
    this.model.frozenColumns = Math.trunc(columns);
  }

  getFrozenColumns(): number {
    this.ctx.call('Sheet.getFrozenColumns');
    return this.model.frozenColumns;
  }

  clear(options?: { formatOnly?: boolean; contentsOnly?: boolean }): GasSheet {
    this.ctx.call('Sheet.clear');
    this.checkSheetWrite();
    if (options?.formatOnly && !options.contentsOnly) this.model.formats = [];
    else this.model.clear(!!options?.contentsOnly);
    return this.self();
  }

  clearContents(): GasSheet {
    this.ctx.call('Sheet.clearContents');
    this.checkSheetWrite();
    this.model.clear(true);
    return this.self();
  }

  clearFormats(): GasSheet {
    this.ctx.call('Sheet.clearFormats');
    this.checkSheetWrite();
    this.model.formats = [];
    return this.self();
  }

  /**
   * Sorts the rows below the frozen rows by one column, as Sheets orders values (sort.ts): whole
   * rows move, and the call pays for every used cell it moves.
   */
  sort(columnPosition: number, ascending = true): GasSheet {
    this.ctx.callMoving('Sheet.sort', Math.max(0, this.model.lastRow() - this.model.frozenRows) * this.model.lastColumn());
    this.ctx.requireNumbers('SpreadsheetApp.Sheet.sort', [columnPosition]);
    const c = Math.trunc(columnPosition) - 1;
    if (c < 0 || c >= this.model.maxColumns) this.ctx.fail(invalidArgumentMessage('columnPosition'));
    const first = this.model.frozenRows;
    const last = this.model.lastRow();
    if (last <= first) return this.self();
    this.ctx.checkWrite(this.model, { row: first + 1, col: 1, numRows: last - first, numCols: this.model.maxColumns });
    const order = sortOrder(this.model, first, last - first, [{ col: c, ascending: ascending !== false }], this.ctx.model.locale);
    this.model.permuteRows(first, order, 0, this.model.maxColumns);
    return this.self();
  }

  // ---- hidden rows and the filter ----

  private checkRows(from: unknown, count: unknown, method: string): [number, number] {
    this.ctx.requireNumbers(method, [from, count]);
    const [f, n] = [Math.trunc(from as number), Math.trunc(count as number)];
    if (f < 1 || n < 1 || f + n - 1 > this.model.maxRows) this.ctx.fail('Those rows are out of bounds.');
    return [f, n];
  }

  hideRows(rowIndex: number, numRows = 1): void {
    this.ctx.call('Sheet.hideRows');
    const [from, count] = this.checkRows(rowIndex, numRows, 'SpreadsheetApp.Sheet.hideRows');
    this.ctx.checkStructureWrite();
    for (let r = from - 1; r < from - 1 + count; r++) this.model.hiddenRows.add(r);
  }

  /** Unhides rows the user hid; rows a filter hides stay hidden until the filter changes. */
  showRows(rowIndex: number, numRows = 1): void {
    this.ctx.call('Sheet.showRows');
    const [from, count] = this.checkRows(rowIndex, numRows, 'SpreadsheetApp.Sheet.showRows');
    this.ctx.checkStructureWrite();
    for (let r = from - 1; r < from - 1 + count; r++) this.model.hiddenRows.delete(r);
  }

  isRowHiddenByUser(rowPosition: number): boolean {
    this.ctx.read('Sheet.isRowHiddenByUser');
    const [row] = this.checkRows(rowPosition, 1, 'SpreadsheetApp.Sheet.isRowHiddenByUser');
    return this.model.hiddenRows.has(row - 1);
  }

  isRowHiddenByFilter(rowPosition: number): boolean {
    this.ctx.read('Sheet.isRowHiddenByFilter');
    const [row] = this.checkRows(rowPosition, 1, 'SpreadsheetApp.Sheet.isRowHiddenByFilter');
    return hiddenByFilter(this.model, row - 1, this.book.parseContext);
  }

  getFilter(): GoogleAppsScript.Spreadsheet.Filter | null {
    this.ctx.read('Sheet.getFilter');
    return this.model.filter ? asGas(new FilterImpl(this.ctx, this.model, this.model.filter)) : null;
  }

  // ---- protection, search, visibility ----

  protect(): GoogleAppsScript.Spreadsheet.Protection {
    this.ctx.call('Sheet.protect');
    this.ctx.checkFileEdit();
    return asGas(ProtectionImpl.create(this.ctx, this.model, null));
  }

  getProtections(type: GoogleAppsScript.Spreadsheet.ProtectionType): GoogleAppsScript.Spreadsheet.Protection[] {
    this.ctx.call('Sheet.getProtections');
    const kind = protectionKind(this.ctx, 'SpreadsheetApp.Sheet.getProtections', type);
    return this.ctx.exec.guest.array(
      this.book.protectionsOf(this.model, kind).map((p) => asGas<GoogleAppsScript.Spreadsheet.Protection>(new ProtectionImpl(this.ctx, p))),
    );
  }

  createTextFinder(findText: string): GoogleAppsScript.Spreadsheet.TextFinder {
    this.ctx.call('Sheet.createTextFinder');
    if (typeof findText !== 'string') this.ctx.signatureMismatch('SpreadsheetApp.Sheet.createTextFinder', [findText]);
    const box = { row: 1, col: 1, numRows: this.model.maxRows, numCols: this.model.maxColumns };
    return asGas(new TextFinderImpl(this.ctx, [{ sheet: this.model, box }], findText));
  }

  hideSheet(): GasSheet {
    this.ctx.call('Sheet.hideSheet');
    this.ctx.checkStructureWrite();
    if (this.book.sheets.filter((s) => !s.hidden && s !== this.model).length === 0) {
      this.ctx.fail("You can't hide all the sheets in a document.");
    }
    this.model.hidden = true;
    return this.self();
  }

  showSheet(): GasSheet {
    this.ctx.call('Sheet.showSheet');
    this.ctx.checkStructureWrite();
    this.model.hidden = false;
    return this.self();
  }

  hideColumns(columnIndex: number, numColumns = 1): void {
    this.ctx.call('Sheet.hideColumns');
    this.checkColumns(columnIndex, numColumns);
    this.ctx.checkStructureWrite();
    for (let c = columnIndex - 1; c < columnIndex - 1 + numColumns; c++) this.model.hiddenColumns.add(c);
  }

  showColumns(columnIndex: number, numColumns = 1): void {
    this.ctx.call('Sheet.showColumns');
    this.checkColumns(columnIndex, numColumns);
    this.ctx.checkStructureWrite();
    for (let c = columnIndex - 1; c < columnIndex - 1 + numColumns; c++) this.model.hiddenColumns.delete(c);
  }

  isColumnHiddenByUser(columnPosition: number): boolean {
    this.ctx.call('Sheet.isColumnHiddenByUser');
    this.checkColumns(columnPosition, 1);
    return this.model.hiddenColumns.has(columnPosition - 1);
  }

  private checkColumns(from: number, count: number): void {
    if (!Number.isInteger(from) || !Number.isInteger(count) || from < 1 || count < 1 || from + count - 1 > this.model.maxColumns) {
      this.ctx.fail('Those columns are out of bounds.');
    }
  }

  isSheetHidden(): boolean {
    this.ctx.call('Sheet.isSheetHidden');
    return this.model.hidden;
  }

  /** Column widths are not modelled: metered, otherwise no effect. */
  autoResizeColumns(_startColumn: number, _numColumns: number): GasSheet {
    this.ctx.call('Sheet.autoResizeColumns');
    return this.self();
  }

  autoResizeColumn(_columnPosition: number): GasSheet {
    this.ctx.call('Sheet.autoResizeColumn');
    return this.self();
  }

  setColumnWidth(_columnPosition: number, _width: number): GasSheet {
    this.ctx.call('Sheet.setColumnWidth');
    return this.self();
  }
}

/** Reads a ProtectionType argument: the execution's enum object, never the bare string "RANGE". */
export function protectionKind(ctx: SheetsContext, method: string, type: unknown): 'RANGE' | 'SHEET' {
  return enumName<ProtectionTypeName>(type, FAMILY.ProtectionType) ?? ctx.signatureMismatch(method, [type]);
}

/**
 * Resolves an A1 reference on `sheet` ("A1", "B2:C9", "A:A", "2:2"), or on another sheet when the
 * reference names one ("'Other sheet'!A1").
 */
export function resolveA1(ctx: SheetsContext, sheet: SheetModel, a1: string): RangeImpl {
  const { sheet: name, ref } = splitSheetName(a1);
  const target = name === null ? sheet : ctx.model.sheetByName(name);
  if (!target) return ctx.fail(RANGE_NOT_FOUND_MESSAGE);
  const box = parseA1(ref, target.maxRows, target.maxColumns);
  if (!box) return ctx.fail(RANGE_NOT_FOUND_MESSAGE);
  return rangeOn(ctx, target, box.row, box.col, box.numRows, box.numCols);
}

type GasRangeList = GoogleAppsScript.Spreadsheet.RangeList;

/** Several ranges changed together (each change metered once for the list). */
export class RangeListImpl implements Pick<GasRangeList, 'getRanges' | 'setValue' | 'clearContent' | 'clear' | 'setNumberFormat'> {
  constructor(
    private readonly ctx: SheetsContext,
    private readonly ranges: RangeImpl[],
  ) {}

  private self(): GasRangeList {
    return asGas<GasRangeList>(this);
  }

  private cells(): number {
    return this.ranges.reduce((n, r) => n + r.cells, 0);
  }

  getRanges(): GasRange[] {
    this.ctx.call('RangeList.getRanges');
    return this.ctx.exec.guest.array(this.ranges.map((r) => asGas<GasRange>(r)));
  }

  private each(key: string, apply: (r: RangeImpl) => void): GasRangeList {
    this.ctx.call(key, this.cells());
    for (const r of this.ranges) this.ctx.checkWrite(r.sheet, r.box);
    for (const r of this.ranges) apply(r);
    return this.self();
  }

  setValue(value: any): GasRangeList {
    return this.each('RangeList.setValue', (r) => {
      const row = new Array<unknown>(r.numCols).fill(value);
      r.sheet.writeValues(r.row - 1, r.col - 1, Array.from({ length: r.numRows }, () => row), this.ctx.model.parseContext);
    });
  }

  clearContent(): GasRangeList {
    return this.each('RangeList.clearContent', (r) => r.sheet.clearContents(r.row - 1, r.col - 1, r.numRows, r.numCols));
  }

  clear(): GasRangeList {
    return this.each('RangeList.clear', (r) => {
      r.sheet.clearContents(r.row - 1, r.col - 1, r.numRows, r.numCols);
      r.sheet.setFormats(r.row - 1, r.col - 1, r.numRows, r.numCols, null);
    });
  }

  setNumberFormat(format: string): GasRangeList {
    return this.each('RangeList.setNumberFormat', (r) => r.sheet.setFormats(r.row - 1, r.col - 1, r.numRows, r.numCols, String(format)));
  }
}
