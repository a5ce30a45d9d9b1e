/**
 * Opening a tab with the column layout remembered in document properties, so an operation
 * reaches its rows without listing sheets or reading the header: the remembered layout is
 * proven by what is read (a row's checksum, a column's header cell), and re-read from the
 * header when it does not hold.
 */
import { Language, TabSpec } from '../core/schema';
import { checksumOfSearchKey, recordChecksum } from '../core/search';
import { rowToCustomer } from '../core/customer';
import { columnLetter, fromCell } from './cells';
import { ColumnMap, findTabs, readColumns, requireTab } from './register';
import type { Layout, TabLayout } from './state';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export interface OpenTab {
  sheet: Sheet;
  map: ColumnMap;
  /** True when the map comes from memory and has not been proven yet. */
  remembered: boolean;
}

function quoted(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/** A column map from remembered keys. */
export function mapFromKeys(tab: TabSpec, keys: (string | null)[]): ColumnMap {
  const col: Record<string, number> = {};
  keys.forEach((k, i) => {
    if (k && !(k in col)) col[k] = i + 1;
  });
  return { keys, col, text: keys.map((k) => !!k && !!tab.columns.find((c) => c.key === k)?.text), tab: tab.key };
}

function complete(tab: TabSpec, keys: (string | null)[]): boolean {
  return tab.columns.every((c) => keys.includes(c.key));
}

/**
 * The tab, by its remembered name and layout (no call), or found and read afresh (two calls)
 * when nothing usable is remembered. `learned` receives a fresh layout to remember.
 */
export function openTab(spreadsheet: Spreadsheet, tab: TabSpec, layout: Layout, language: Language, learned: (l: TabLayout) => void, timeZone?: string): OpenTab {
  const opened = openTab_(spreadsheet, tab, layout, language, learned);
  // With the register's time zone, cells are written as words and dates and read back as codes.
  if (timeZone) opened.map.display = { language, timeZone };
  return opened;
}

function openTab_(spreadsheet: Spreadsheet, tab: TabSpec, layout: Layout, language: Language, learned: (l: TabLayout) => void): OpenTab {
  const known = layout[tab.key];
  if (known && Array.isArray(known.keys) && complete(tab, known.keys)) {
    try {
      const sheet = spreadsheet.getRange(`${quoted(known.name)}!A1`).getSheet();
      return { sheet, map: mapFromKeys(tab, known.keys), remembered: true };
    } catch {
      // Renamed or deleted since: look it up below.
    }
  }
  return reread(spreadsheet, tab, language, learned);
}

function reread(spreadsheet: Spreadsheet, tab: TabSpec, language: Language, learned: (l: TabLayout) => void): OpenTab {
  const sheet = requireTab(findTabs(spreadsheet), tab.key, language);
  const map = readColumns(sheet, tab, language);
  learned({ name: sheet.getName(), keys: map.keys });
  return { sheet, map, remembered: false };
}

/** Re-reads the header of an open tab (one call), replacing a remembered map that did not hold. */
export function refresh(open: OpenTab, tab: TabSpec, language: Language, learned: (l: TabLayout) => void): OpenTab {
  const map = { ...readColumns(open.sheet, tab, language), display: open.map.display };
  learned({ name: open.sheet.getName(), keys: map.keys });
  return { sheet: open.sheet, map, remembered: false };
}

/** Whether a register row read with `map` matches the checksum its search key carries. */
export function rowHolds(map: ColumnMap, cells: readonly unknown[], timeZone: string): boolean {
  const stored = checksumOfSearchKey(cells[map.col.searchKey - 1]);
  if (!stored) return false;
  return recordChecksum(rowToCustomer(map.keys, cells, timeZone) as unknown as Record<string, unknown>) === stored;
}

/** The cells of one column with its header cell, proving the remembered position. One call. */
export function readColumnWithHeader(sheet: Sheet, map: ColumnMap, key: string): { header: unknown; cells: unknown[] } {
  const column = map.col[key];
  const letter = columnLetter(column);
  const values = sheet.getRange(`${letter}1:${letter}`).getValues();
  return { header: values[0][0], cells: values.slice(1).map((r) => fromCell(r[0], map.text[column - 1])) };
}
