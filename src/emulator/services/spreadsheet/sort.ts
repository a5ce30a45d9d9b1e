/**
 * How Sheets orders cells when it sorts (Range.sort, Sheet.sort, Filter.sort, Data ▸ Sort range):
 * ascending puts numbers and dates first, then text (case-insensitively, in the collation of the
 * spreadsheet's locale: in fi_FI Å, Ä and Ö come after Z, as a Finnish reader expects), then
 * booleans; empty cells go last whichever the direction; ties keep their order. Later keys decide ties of
 * earlier ones ("Later specifications are used when values are equal in the earlier
 * specifications", Sheets API SortRangeRequest). The type order is Sheets' as community sources
 * describe it; Google's reference does not state it.
 */
import type { SheetModel } from './sheet-model';
import type { CellValue } from './values';

export interface SortKey {
  /** 0-based sheet column. */
  col: number;
  ascending: boolean;
}

function rank(v: CellValue): number {
  if (typeof v === 'number' || v instanceof Date) return 0;
  if (typeof v === 'string') return 1;
  return 2;
}

/** Text collation of a Sheets locale ("fi_FI"), never the machine's own. */
export function collatorFor(locale: string): Intl.Collator {
  const tag = locale.replace('_', '-');
  return new Intl.Collator(Intl.Collator.supportedLocalesOf([tag]).length ? tag : 'en-US', { sensitivity: 'base', numeric: false });
}

export function compareCells(a: CellValue, b: CellValue, collator: Intl.Collator): number {
  const ra = rank(a);
  const rb = rank(b);
  if (ra !== rb) return ra - rb;
  if (ra === 1) return collator.compare(String(a), String(b));
  return Number(a) - Number(b);
}

/**
 * The new order of 0-based rows r0..r0+numRows-1 sorted by `keys` in the spreadsheet's `locale`:
 * order[i] is the source row of row r0+i.
 */
export function sortOrder(sheet: SheetModel, r0: number, numRows: number, keys: readonly SortKey[], locale: string): number[] {
  const collator = collatorFor(locale);
  const idx = Array.from({ length: numRows }, (_, i) => r0 + i);
  idx.sort((a, b) => {
    for (const k of keys) {
      const va = sheet.value(a, k.col);
      const vb = sheet.value(b, k.col);
      if (va === '' || vb === '') {
        if (va === vb) continue;
        return va === '' ? 1 : -1;
      }
      const c = compareCells(va, vb, collator) * (k.ascending ? 1 : -1);
      if (c) return c;
    }
    return a - b;
  });
  return idx;
}
