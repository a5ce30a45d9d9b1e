/**
 * The invariant store's tab (see core/invariants.ts): hidden, protected to key personnel like
 * the register (saves run as staff and write it), and out of reach of anything done in the
 * register tab — a paste, a sort, a fill-down or an inserted row there cannot carry or move it.
 * Row 1 is a header; row `index + 2` holds the customer number `base + index` in column A and
 * its record (or tombstone) as JSON in column B. Every function here is one call or two.
 */
import { Language } from '../core/schema';
import { isLive, isUnnamedTombstone, NumberFormat, numberIndex, parseStoreCell, StoreEntry, storeCell, STORE_TAB_NAMES, Tombstone, tombstoneCell } from '../core/invariants';
import type { Customer } from '../core/customer';
import type { StoreInfo } from './state';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

const HEADER = { fi: ['Asiakasnumero', 'Varmiste'], sv: ['Kundnummer', 'Säkring'], en: ['Customer number', 'Safeguard'] } as const;

function quoted(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/** The store's tab by its remembered name (no call until its data is read). */
export function storeSheet(spreadsheet: Spreadsheet, info: StoreInfo): Sheet {
  return spreadsheet.getRange(`${quoted(info.name)}!A1`).getSheet();
}

export function formatOf(info: StoreInfo): NumberFormat {
  return { prefix: info.prefix, digits: info.digits, base: info.base };
}

/**
 * Finds or creates the store's tab (set-up): hidden, its text columns plain, protected so that
 * only `editors` (key personnel) and the owner can write it. Returns the tab and whether it is new.
 */
export function ensureStoreTab(spreadsheet: Spreadsheet, language: Language, editors: string[], protectionType: typeof SpreadsheetApp.ProtectionType): { sheet: Sheet; created: boolean } {
  const names = Object.values(STORE_TAB_NAMES) as string[];
  let sheet = spreadsheet.getSheets().find((s) => names.includes(s.getName())) ?? null;
  const created = !sheet;
  // Reads first, writes after: a read after a write waits for a flush.
  const existing = sheet ? sheet.getProtections(protectionType.SHEET)[0] ?? null : null;
  const current = existing ? existing.getEditors().map((u) => u.getEmail().toLowerCase()) : [];
  const hidden = sheet ? sheet.isSheetHidden() : false;
  if (!sheet) {
    sheet = spreadsheet.insertSheet(STORE_TAB_NAMES[language]);
    sheet.getRange('A:B').setNumberFormat('@');
    sheet.getRange(1, 1, 1, 2).setValues([[...HEADER[language]]]);
  }
  if (!hidden) sheet.hideSheet();
  const protection = existing ?? sheet.protect().setDescription(`Rekisteri: ${sheet.getName()}`).setWarningOnly(false);
  const missing = editors.filter((e) => !current.includes(e));
  if (missing.length || !existing) protection.addEditors(editors);
  const extra = existing ? current.filter((e) => !editors.includes(e)) : [];
  if (extra.length) protection.removeEditors(extra);
  return { sheet, created };
}

/** Limits the store tab's protection to `editors` when the key personnel change (saves run as them and write it). */
export function protectStoreTab(spreadsheet: Spreadsheet, editors: string[], protectionType: typeof SpreadsheetApp.ProtectionType): void {
  const names = Object.values(STORE_TAB_NAMES) as string[];
  const sheet = spreadsheet.getSheets().find((s) => names.includes(s.getName()));
  const protection = sheet ? sheet.getProtections(protectionType.SHEET)[0] : undefined;
  if (!protection) return;
  const current = protection.getEditors().map((u) => u.getEmail().toLowerCase());
  const missing = editors.filter((e) => !current.includes(e));
  if (missing.length) protection.addEditors(missing);
  const extra = current.filter((e) => !editors.includes(e));
  if (extra.length) protection.removeEditors(extra);
}

/** Entries 0 … count-1 (numbers base … base+count-1). One call. */
export function readStore(sheet: Sheet, count: number): StoreEntry[] {
  if (count <= 0) return [];
  return sheet.getRange(2, 2, count, 1).getValues().map((r) => parseStoreCell(r[0]));
}

/** Entries `from` … `to` (inclusive). One call. */
export function readStoreSpan(sheet: Sheet, from: number, to: number): StoreEntry[] {
  if (to < from) return [];
  return sheet.getRange(from + 2, 2, to - from + 1, 1).getValues().map((r) => parseStoreCell(r[0]));
}

/** The live record of one number, or null. One call (none for a number that is not ours). */
export function readEntry(sheet: Sheet, format: NumberFormat, number: string): Customer | null {
  const index = numberIndex(format, number);
  if (index === null) return null;
  const e = parseStoreCell(sheet.getRange(index + 2, 2).getValue());
  return isLive(e) && e.customerNumber === number ? e : null;
}

/**
 * Writes the entries from `from` on (a contiguous span; null keeps nothing there). One call.
 * The number goes in column A so the tab reads on its own. With `rows`, column C gets each
 * record's register row as just written (a hint, see readStoreRow); without, C is left alone.
 * From column B on only (column A left as it is, holding the numbers written before) with
 * `fromB`, and whenever the span holds a tombstone that names no number (column A is the only
 * place that still says which number it is, so it is never written over from such a read).
 */
export function writeStoreSpan(sheet: Sheet, from: number, entries: (Customer | Tombstone | null)[], rows?: readonly number[], fromB = false): void {
  if (!entries.length) return;
  const b = fromB || entries.some((e) => isUnnamedTombstone(e));
  const cells = entries.map((e, i) => {
    const row: (string | number)[] = b ? [e ? storeCell(e) : ''] : e ? [e.customerNumber, storeCell(e)] : ['', ''];
    if (rows) row.push(rows[i] > 0 ? rows[i] : '');
    return row;
  });
  sheet.getRange(from + 2, b ? 2 : 1, entries.length, cells[0].length).setValues(cells);
}

/**
 * Marks the entries at `indexes` as deleted at `deletedAt` (the retention sweep): one tombstone
 * text that names no number, laid in column B of each of their rows by one RangeList write
 * (two calls, `Sheet.getRangeList` and `RangeList.setValue`: a RangeList is "a collection of one
 * or more Range instances in the same sheet … to apply operations on collections of
 * non-adjacent ranges or cells", reference, Class RangeList,
 * https://developers.google.com/apps-script/reference/spreadsheet/range-list), whatever lies
 * between them: no read of the span, and only the deleted numbers' cells written. Column A keeps
 * each number. Adjacent rows go as one range. Not confirmed in Google's reference: how many
 * ranges one list may hold (a sweep of 10,000 scattered numbers makes 10,000), and what a long
 * list costs on Google's side (the emulator charges its cells, as for one range).
 */
export function writeTombstones(sheet: Sheet, indexes: readonly number[], deletedAt: string): void {
  const sorted = [...new Set(indexes)].sort((a, b) => a - b);
  if (!sorted.length) return;
  const a1: string[] = [];
  let start = sorted[0];
  for (let k = 1; k <= sorted.length; k++) {
    if (k < sorted.length && sorted[k] === sorted[k - 1] + 1) continue;
    const [first, last] = [start + 2, sorted[k - 1] + 2];
    a1.push(first === last ? `B${first}` : `B${first}:B${last}`);
    if (k < sorted.length) start = sorted[k];
  }
  sheet.getRangeList(a1).setValue(tombstoneCell(deletedAt));
}

/**
 * One entry and the register row its record was last written to (column C; 0 when unknown).
 * The row is only a hint: rows move (sorts, inserts), so the caller proves it by the number the
 * row holds, and finds the row on Google's side when it does not. One call.
 */
export function readStoreRow(sheet: Sheet, index: number): { entry: StoreEntry; row: number } {
  const [cell, row] = sheet.getRange(index + 2, 2, 1, 2).getValues()[0];
  return { entry: parseStoreCell(cell), row: typeof row === 'number' && Number.isInteger(row) && row >= 2 ? row : 0 };
}

/**
 * Writes a map of index → entry as one span, filling the gaps from `known` (what was read). One
 * call. `rowOf` (the repair, which read every row) gives each index's register row for the hints.
 */
export function writeStoreEntries(sheet: Sheet, updates: Map<number, Customer | Tombstone>, known: readonly StoreEntry[], knownFrom = 0, rowOf?: (index: number) => number, fromB = false): void {
  if (!updates.size) return;
  let [from, to] = [Infinity, -1];
  for (const i of updates.keys()) {
    from = Math.min(from, i);
    to = Math.max(to, i);
  }
  const span: (Customer | Tombstone | null)[] = [];
  for (let i = from; i <= to; i++) span.push(updates.get(i) ?? known[i - knownFrom] ?? null);
  writeStoreSpan(sheet, from, span, rowOf ? span.map((_, k) => rowOf(from + k)) : undefined, fromB);
}

/** Rows added at a time when the store's tab runs out of room. */
const GROW_BY = 1000;

/**
 * Makes room for entry `lastIndex` (no call while the remembered capacity suffices; one or two
 * when the tab must grow). Returns the store's record to remember when it changed, else null.
 */
export function ensureRoom(sheet: Sheet, info: StoreInfo, lastIndex: number): StoreInfo | null {
  const needed = lastIndex + 2;
  const capacity = info.capacity ?? sheet.getMaxRows();
  if (needed <= capacity) return info.capacity === undefined ? { ...info, capacity } : null;
  const grow = needed - capacity + GROW_BY;
  sheet.insertRowsAfter(capacity, grow);
  return { ...info, capacity: capacity + grow };
}
