/**
 * Which rows a sheet's filter hides. The filter's first row is its header and is never hidden;
 * a data row is hidden when any column's criteria hide it: its shown text is among the hidden
 * values, missing from the visible values, or fails the condition (text conditions compare
 * case-insensitively, as Sheets' filter does).
 */
import type { ParseContext } from './coercion';
import { displayValue } from './display';
import type { FilterCriteriaState, SheetModel } from './sheet-model';

function passes(c: FilterCriteriaState, text: string): boolean {
  if (c.hiddenValues && c.hiddenValues.includes(text)) return false;
  if (c.visibleValues && !c.visibleValues.includes(text)) return false;
  if (c.condition) {
    const t = text.toLowerCase();
    const v = (c.condition.values[0] ?? '').toLowerCase();
    switch (c.condition.type) {
      case 'CELL_EMPTY': return text === '';
      case 'CELL_NOT_EMPTY': return text !== '';
      case 'TEXT_CONTAINS': return t.includes(v);
      case 'TEXT_DOES_NOT_CONTAIN': return !t.includes(v);
      case 'TEXT_EQUAL_TO': return t === v;
      case 'TEXT_NOT_EQUAL_TO': return t !== v;
      case 'TEXT_STARTS_WITH': return t.startsWith(v);
      case 'TEXT_ENDS_WITH': return t.endsWith(v);
      case 'NUMBER_GREATER_THAN': return text !== '' && Number(text) > Number(v);
      case 'NUMBER_LESS_THAN': return text !== '' && Number(text) < Number(v);
      case 'NUMBER_EQUAL_TO': return text !== '' && Number(text) === Number(v);
      default: return true;
    }
  }
  return true;
}

/** "There is already a filter" as Sheets words it for a second filter on one sheet (unconfirmed wording). */
export const FILTER_EXISTS_MESSAGE = "You can't create a filter in a sheet that already has a filter.";

/** Whether 0-based row `r` of `sheet` is hidden by its filter. */
export function hiddenByFilter(sheet: SheetModel, r: number, ctx: ParseContext): boolean {
  const f = sheet.filter;
  if (!f) return false;
  const first = f.range.row; // 1-based header row
  if (r + 1 <= first || r + 1 >= first + f.range.numRows) return false;
  for (const [col, c] of Object.entries(f.criteria)) {
    const c0 = Number(col) - 1;
    if (!passes(c, displayValue(sheet.value(r, c0), sheet.format(r, c0), ctx))) return true;
  }
  return false;
}
