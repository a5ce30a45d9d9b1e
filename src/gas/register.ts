/**
 * The register's tabs as the server reads and writes them: all tabs in one call, columns found
 * by their header key (never by position), rows found by customer number on Google's side
 * (TextFinder), one read and one write per row. Every function here is a few service calls,
 * whatever the register's size.
 */
import { Language, TabSpec, TABS, columnKeysFromHeader, tabNames } from '../core/schema';
import { text } from '../core/texts';
import { Cell, CellDisplay, columnLetter, decodeCell, encodeCell, fromCell, toCell } from './cells';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export type TabKey = TabSpec['key'];

/** An error a user can meet: its message is already in the user's language. */
export class UserError extends Error {}

/** The register's tabs, found by name in any language. One call. */
export function findTabs(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet): Record<TabKey, Sheet | null> {
  const found: Record<TabKey, Sheet | null> = { register: null, requests: null, disclosures: null, audit: null };
  for (const sheet of spreadsheet.getSheets()) {
    const name = sheet.getName();
    for (const tab of TABS) if (!found[tab.key] && tabNames(tab).includes(name)) found[tab.key] = sheet;
  }
  return found;
}

export function requireTab(tabs: Record<TabKey, Sheet | null>, key: TabKey, language: Language): Sheet {
  const sheet = tabs[key];
  if (!sheet) {
    const tab = TABS.find((t) => t.key === key)!;
    throw new UserError(text(language, 'missingTab').replace('{tab}', tab.name[language]));
  }
  return sheet;
}

export interface ColumnMap {
  /** Column key by 0-based index (null for columns the register does not know). */
  keys: (string | null)[];
  /** Whether the column at a 0-based index is one of the tab's plain-text columns. */
  text: boolean[];
  /** 1-based column of each known key. */
  col: Record<string, number>;
  /** The tab the map is of. */
  tab?: TabKey;
  /** Set by the entry points (server/tabs.ts): written values become words and dates, read cells codes again. */
  display?: CellDisplay;
}

/**
 * Reads a tab's header row and maps its columns by key. A missing column stops the operation
 * with a message naming it, before anything is written. One call.
 */
export function readColumns(sheet: Sheet, tab: TabSpec, language: Language): ColumnMap {
  const header = sheet.getRange('1:1').getValues()[0];
  const keys = columnKeysFromHeader(tab, header);
  const col: Record<string, number> = {};
  keys.forEach((k, i) => {
    if (k && !(k in col)) col[k] = i + 1;
  });
  const plain = keys.map((k) => !!k && !!tab.columns.find((c) => c.key === k)?.text);
  const missing = tab.columns.filter((c) => !(c.key in col)).map((c) => c.header[language]);
  if (missing.length) {
    throw new UserError(
      text(language, 'missingColumns').replace('{tab}', sheet.getName()).replace('{columns}', missing.join(', ')),
    );
  }
  return { keys, col, text: plain, tab: tab.key };
}

/** Width of the block the software reads and writes: up to the last known column. */
export function knownWidth(map: ColumnMap): number {
  return Math.max(...Object.values(map.col));
}

/** Rows (1-based) whose cell in `column` is exactly `value`, found on Google's side. One call. */
export function findRows(sheet: Sheet, map: ColumnMap, key: string, value: string, matchCase = true): number[] {
  const column = map.col[key];
  const letter = columnLetter(column);
  return sheet
    .getRange(`${letter}2:${letter}`)
    .createTextFinder(String(toCell(value, map.text[column - 1])))
    .matchEntireCell(true)
    .matchCase(matchCase)
    .findAll()
    .map((r) => r.getRow());
}

/** One row's cells up to the last known column, escapes undone. One call. */
export function readRow(sheet: Sheet, map: ColumnMap, row: number): unknown[] {
  return readRows(sheet, map, row, 1)[0];
}

/** `count` rows from `row` up to the last known column, escapes undone. One call. */
export function readRows(sheet: Sheet, map: ColumnMap, row: number, count: number): unknown[][] {
  if (count <= 0) return [];
  return sheet
    .getRange(row, 1, count, knownWidth(map))
    .getValues()
    .map((cells) => decodeRow(map, cells));
}

/** A row's cells as `readRows` gives them: escapes undone, words and dates decoded. */
export function decodeRow(map: ColumnMap, cells: readonly unknown[]): unknown[] {
  return cells.map((v, i) => {
    const value = fromCell(v, map.text[i]);
    return map.display && map.tab ? decodeCell(map.tab, map.keys[i], value, map.display.timeZone) : value;
  });
}

/**
 * Writes a record over row `row`: known columns from `record`, the others as they were read
 * (`existing`), every string neutralised. One call.
 */
export function writeRow(sheet: Sheet, row: number, map: ColumnMap, record: Record<string, unknown>, existing: readonly unknown[]): void {
  sheet.getRange(row, 1, 1, existing.length).setValues([cellsFor(map, record, existing)]);
}

/** A row's cells as `writeRow` writes them: known columns from `record`, the rest from `existing`. */
export function cellsFor(map: ColumnMap, record: Record<string, unknown>, existing: readonly unknown[]): Cell[] {
  return existing.map((old, i) => {
    const key = map.keys[i];
    if (!(key && key in record)) return toCell(old, map.text[i]);
    const value = map.display && map.tab ? encodeCell(map.tab, key, record[key], map.display) : record[key];
    return toCell(value, map.text[i]);
  });
}

/** A row for a new record, in the tab's column order. */
export function rowFor(map: ColumnMap, record: Record<string, unknown>): Cell[] {
  return cellsFor(map, record, new Array<unknown>(knownWidth(map)).fill(''));
}

