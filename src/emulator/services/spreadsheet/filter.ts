/**
 * Filter: the one filter a sheet may have (Range.createFilter, Sheet.getFilter). Its criteria
 * hide data rows (isRowHiddenByFilter); its first row is the header. Changing or removing it is
 * a write to its range, refused where a protection forbids the user, as in Sheets.
 */
import { asGas, SheetsContext } from './context';
import { FilterCriteriaImpl } from './filter-criteria';
import { invalidArgumentMessage } from './messages';
import { RangeImpl } from './range';
import type { FilterState, SheetModel } from './sheet-model';
import { sortOrder } from './sort';

type GasFilter = GoogleAppsScript.Spreadsheet.Filter;

export type OfferedFilterMethods =
  | 'getRange' | 'remove' | 'setColumnFilterCriteria' | 'getColumnFilterCriteria' | 'removeColumnFilterCriteria' | 'sort';

export class FilterImpl implements Pick<GasFilter, OfferedFilterMethods> {
  constructor(
    private readonly ctx: SheetsContext,
    private readonly sheet: SheetModel,
    private readonly state: FilterState,
  ) {}

  private self(): GasFilter {
    return asGas<GasFilter>(this);
  }

  /** Throws when the filter was removed since this object was handed out. */
  private live(): FilterState {
    if (this.sheet.filter !== this.state) this.ctx.fail('The filter has been removed.');
    return this.state;
  }

  /** A 1-based sheet column that must lie inside the filter's range. */
  private column(method: string, columnPosition: unknown): number {
    this.ctx.requireNumbers(`SpreadsheetApp.Filter.${method}`, [columnPosition]);
    const c = Math.trunc(columnPosition as number);
    const r = this.state.range;
    if (c < r.col || c >= r.col + r.numCols) this.ctx.fail(invalidArgumentMessage('columnPosition'));
    return c;
  }

  getRange(): GoogleAppsScript.Spreadsheet.Range {
    this.ctx.call('Filter.getRange');
    const r = this.live().range;
    return asGas(new RangeImpl(this.ctx, this.sheet, r.row, r.col, r.numRows, r.numCols));
  }

  remove(): void {
    this.ctx.call('Filter.remove');
    this.ctx.checkWrite(this.sheet, this.live().range);
    this.sheet.filter = null;
  }

  setColumnFilterCriteria(columnPosition: number, filterCriteria: GoogleAppsScript.Spreadsheet.FilterCriteria | null): GasFilter {
    this.ctx.call('Filter.setColumnFilterCriteria');
    const c = this.column('setColumnFilterCriteria', columnPosition);
    if (filterCriteria !== null && !(filterCriteria instanceof FilterCriteriaImpl)) {
      this.ctx.signatureMismatch('SpreadsheetApp.Filter.setColumnFilterCriteria', [columnPosition, filterCriteria]);
    }
    const state = this.live();
    this.ctx.checkWrite(this.sheet, state.range);
    if (filterCriteria === null) delete state.criteria[c];
    else state.criteria[c] = structuredClone(filterCriteria.state);
    return this.self();
  }

  getColumnFilterCriteria(columnPosition: number): GoogleAppsScript.Spreadsheet.FilterCriteria | null {
    this.ctx.call('Filter.getColumnFilterCriteria');
    const c = this.column('getColumnFilterCriteria', columnPosition);
    const criteria = this.live().criteria[c];
    return criteria ? asGas(new FilterCriteriaImpl(this.ctx, structuredClone(criteria))) : null;
  }

  removeColumnFilterCriteria(columnPosition: number): GasFilter {
    this.ctx.call('Filter.removeColumnFilterCriteria');
    const c = this.column('removeColumnFilterCriteria', columnPosition);
    const state = this.live();
    this.ctx.checkWrite(this.sheet, state.range);
    delete state.criteria[c];
    return this.self();
  }

  /** Sorts the filter's data rows (not its header) by one column; pays for the cells it moves. */
  sort(columnPosition: number, ascending: boolean): GasFilter {
    const r = this.state.range;
    this.ctx.callMoving('Filter.sort', Math.max(0, r.numRows - 1) * r.numCols);
    const c = this.column('sort', columnPosition);
    const state = this.live();
    const data = { row: state.range.row + 1, col: state.range.col, numRows: state.range.numRows - 1, numCols: state.range.numCols };
    if (data.numRows < 1) return this.self();
    this.ctx.checkWrite(this.sheet, data);
    const order = sortOrder(this.sheet, data.row - 1, data.numRows, [{ col: c - 1, ascending: ascending !== false }], this.ctx.model.locale);
    this.sheet.permuteRows(data.row - 1, order, data.col - 1, data.numCols);
    return this.self();
  }
}
