/**
 * Appending to the hash-chained audit log. The chain's head (entry count, last hash, where the
 * last entry stands, rows and columns the tab has) is kept in document properties and read with
 * the settings, so an append is one write to a known row plus one update of the head.
 *
 * Before each append one read of the tail proves where the log ends: the row the stored head
 * names holds the head's hash, the tab has the head's column count, and the rows the entries go
 * to are empty (or entries a failed append left past the head). Rows inserted or deleted inside
 * the log, columns inserted or deleted, or a row pasted below it fail that proof; the append then
 * finds the head's entry where it stands now and writes after it, never over a row that holds
 * anything (when it cannot be proven, after the last row, and a repair is marked due). The write
 * covers whole rows ("5:5"), which Sheets refuses when the column count changed meanwhile; a
 * missing column stops the operation with the missing-columns message before anything is written.
 *
 * The head never moves backwards. When the entry it names is no longer the tab's last (entries
 * deleted, the empty rows below them too), new entries still chain onto the stored head and the
 * count keeps growing, so the chain check fails exactly where entries went missing.
 *
 * Order matters, because no two writes in Apps Script are atomic: the entry is written first,
 * then the head, then (by the caller) the register. A failure before the head moves leaves at
 * most an entry past the head, which the next append overwrites (that change never happened);
 * a failure after it leaves an entry for a change that did not apply — the log may say too
 * much, never too little.
 */
import { AUDIT_TAB, columnKeysFromHeader, Language } from '../core/schema';
import { auditEntry, AuditData, AuditEntry, Sha256Hex } from '../core/audit';
import { decodeCell, encodeCell, fromCell, toCell, Cell } from './cells';
import { knownWidth, readColumns, type ColumnMap } from './register';
import { AuditHead, REPAIR_DUE_KEY, stateProperties } from './state';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
const SCHEMA_KEYS = AUDIT_TAB.columns.map((c) => c.key);
/** Rows added at a time when the tab runs out of room. */
const GROW_BY = 1000;
/** Sheets' refusals of a write whose range no longer fits the tab (emulator and Google share the wording). */
const SHAPE_CHANGED = /outside the dimensions|does not match the number of (rows|columns)|Range not found/;

/** An audit row as the entry whose hash it carries: words decoded back to codes (gas/cells.ts). */
export function entryFrom(row: readonly unknown[], keys: readonly (string | null)[]): AuditEntry {
  const e: Record<string, string> = {};
  keys.forEach((k, i) => {
    // Words (actions, field names) read back as the codes the hash was computed over.
    if (k) e[k] = row[i] === undefined || row[i] === null ? '' : String(decodeCell('audit', k, fromCell(row[i], true), 'UTC'));
  });
  return e as unknown as AuditEntry;
}

/**
 * Rows `first` to `first + count - 1` of the log as entries (words decoded back to codes, as the
 * hash was computed): the one reader of a span of the log, for the chain check, a person's
 * history and a case's logged edits. One call.
 */
export function readAuditSpan(sheet: Sheet, map: ColumnMap, first: number, count: number): AuditEntry[] {
  if (count <= 0) return [];
  return sheet.getRange(first, 1, count, knownWidth(map)).getValues().map((row) => entryFrom(row, map.keys));
}

/**
 * The head of a log that has none remembered (set-up, or a lost property): read from the tab's
 * last row. Five calls; a log whose columns were moved is mapped by its header.
 */
export function readAuditHead(sheet: Sheet): AuditHead {
  const lastRow = sheet.getLastRow();
  const capacity = sheet.getMaxRows();
  const columns = sheet.getMaxColumns();
  if (lastRow < 2) return { count: 0, hash: '', capacity, row: 1, columns };
  const width = SCHEMA_KEYS.length;
  const keys = columnKeysFromHeader(AUDIT_TAB, sheet.getRange(1, 1, 1, width).getValues()[0]);
  const last = entryFrom(sheet.getRange(lastRow, 1, 1, width).getValues()[0], keys);
  return { count: lastRow - 1, hash: last.hash ?? '', capacity, row: lastRow, columns };
}

/**
 * Writes entries for `data` after the head and moves the head in document properties (plus any
 * `alsoStore` properties, in the same call). Returns the entries and the new head. `learned`
 * hears the tab's column keys when they had to be read afresh (to remember with the write).
 */
export function appendAudit(
  sheet: Sheet,
  map: ColumnMap,
  head: AuditHead,
  data: readonly AuditData[],
  sha256Hex: Sha256Hex,
  properties: GoogleAppsScript.Properties.Properties,
  alsoStore: Record<string, string> | (() => Record<string, string>) = {},
  language: Language = 'fi',
  learned: (keys: (string | null)[]) => void = () => undefined,
): { entries: AuditEntry[]; head: AuditHead; unproven: boolean } {
  if (!data.length) return { entries: [], head, unproven: false };
  let written: { entries: AuditEntry[]; head: AuditHead } | null = null;
  let unproven = false;
  // The usual path: one read of the tail proves where the log ends (see tailHolds).
  if (head.columns !== undefined && head.row !== undefined && tailHolds(sheet, map, head, data.length)) {
    try {
      written = writeAfter(sheet, map, head, data, sha256Hex, language);
    } catch (e) {
      // A column inserted or deleted between the read and the write (a person is not held by the lock).
      if (!(e instanceof Error) || !SHAPE_CHANGED.test(e.message)) throw e;
    }
  }
  if (!written) {
    // Rows inserted or deleted inside the log, columns inserted or deleted, rows cut, a row
    // pasted below the log, or a head stored before its place was kept: find the real end.
    const proven = proveAuditTab(sheet, head, language);
    learned(proven.map.keys);
    unproven = proven.unproven;
    written = writeAfter(sheet, proven.map, proven.head, data, sha256Hex, language);
  }
  const extra = typeof alsoStore === 'function' ? alsoStore() : alsoStore;
  // An end that could not be proven asks for a repair (the chain check shows what the hand edit did).
  const due: Record<string, string> = unproven ? { [REPAIR_DUE_KEY]: data[data.length - 1].at || 'audit' } : {};
  properties.setProperties({ ...extra, ...stateProperties({ auditHead: written.head }), ...due });
  return { ...written, unproven };
}

/** A row of the log as far as placing entries goes: its link, its hash, and whether anything is in it. */
interface TailRow {
  prevHash: string;
  hash: string;
  empty: boolean;
}

function tailRow(cells: readonly unknown[], map: ColumnMap): TailRow {
  const text = (key: string) => {
    const c = map.col[key];
    return c && c <= cells.length ? String(fromCell(cells[c - 1], true) ?? '') : '';
  };
  return { prevHash: text('prevHash'), hash: text('hash'), empty: cells.every((v) => v === '' || v === null || v === undefined) };
}

/**
 * Rows after the head's entry that may be written over: only entries an append wrote past the
 * head before failing (each linked to the one before, the first to the head; that change never
 * happened). Returns how many lead the rows, or -1 when a row among them is anything else.
 */
function leftovers(rows: readonly TailRow[], headHash: string): number {
  let prev = headHash;
  let n = 0;
  for (const r of rows) {
    if (r.empty) return n;
    if (r.hash === '' || r.prevHash !== prev) return -1;
    prev = r.hash;
    n += 1;
  }
  return n;
}

/**
 * One read of the tail: the row where the stored head says the log ends holds the head's hash,
 * the tab has the head's column count (whole rows are read), and the rows the new entries go to
 * are empty or leftovers of a failed append. A row inserted or deleted inside the log, a column
 * inserted or deleted, or a row pasted below it fails the proof. One call.
 */
function tailHolds(sheet: Sheet, map: ColumnMap, head: AuditHead, count: number): boolean {
  const row = head.row!;
  const last = Math.min(row + count, head.capacity);
  let cells: unknown[][];
  try {
    cells = sheet.getRange(`${row}:${Math.max(row, last)}`).getValues();
  } catch (e) {
    if (e instanceof Error && SHAPE_CHANGED.test(e.message)) return false;
    throw e;
  }
  if (!cells.length || cells[0].length !== head.columns) return false;
  const rows = cells.map((c) => tailRow(c, map));
  const holdsHead = head.count === 0 ? row === 1 : rows[0].hash === head.hash;
  if (!holdsHead) return false;
  const after = rows.slice(1);
  const n = leftovers(after, head.count === 0 ? '' : head.hash);
  // Every row the entries go to is empty or a leftover chained to the head.
  return n >= 0 && after.slice(n).every((r) => r.empty);
}

/**
 * The tab as it is now: columns by the header (a missing one stops here, with the message
 * naming it), its size, and where to write after the stored head without moving it back or
 * writing over any row: after the head's entry wherever it moved to (rows inserted or deleted
 * above it), over leftovers of a failed append; when the head's entry is not found or rows that
 * are not entries follow it (`unproven`), after the last row that holds anything. Six calls,
 * only when the tail did not prove the usual place.
 */
export function proveAuditTab(sheet: Sheet, head: AuditHead, language: Language): { map: ColumnMap; head: AuditHead; unproven: boolean } {
  const map = readColumns(sheet, AUDIT_TAB, language);
  const capacity = sheet.getMaxRows();
  const columns = sheet.getMaxColumns();
  const lastRow = sheet.getLastRow();
  const place = (row: number, unproven: boolean) => ({ map, head: { count: head.count, hash: head.hash, capacity, row, columns }, unproven });
  if (lastRow < 2) return place(1, head.count > 0);
  // The link and hash columns of every row (one read of two columns).
  const [a, b] = [map.col.prevHash, map.col.hash];
  const from = Math.min(a, b);
  const block = sheet.getRange(1, from, lastRow, Math.abs(a - b) + 1).getValues();
  const rows: TailRow[] = block.map((r) => {
    const prevHash = String(fromCell(r[a - from], true) ?? '');
    const hash = String(fromCell(r[b - from], true) ?? '');
    return { prevHash, hash, empty: prevHash === '' && hash === '' };
  });
  // The head's entry: where its hash stands now (the header row for an empty log).
  let at = head.count === 0 ? 1 : -1;
  if (at < 0) for (let i = rows.length - 1; i >= 1; i--) if (rows[i].hash === head.hash) { at = i + 1; break; }
  if (at < 0) return place(lastRow, true);
  // Rows after it up to the last row with anything: only leftovers of a failed append may be written over.
  const after = rows.slice(at).map((r) => ({ ...r, empty: false }));
  const n = leftovers(after, head.count === 0 ? '' : head.hash);
  if (n === after.length) return place(at, false);
  return place(lastRow, true);
}

/** Chains entries onto `head` and writes them as whole rows after its last entry, growing the tab if needed. */
function writeAfter(sheet: Sheet, map: ColumnMap, head: AuditHead, data: readonly AuditData[], sha256Hex: Sha256Hex, language: Language): { entries: AuditEntry[]; head: AuditHead } {
  const entries: AuditEntry[] = [];
  let prev: { hash: string } | null = head.count > 0 ? { hash: head.hash } : null;
  for (const d of data) {
    const entry = auditEntry(prev, d, sha256Hex);
    entries.push(entry);
    prev = entry;
  }
  const width = head.columns ?? map.keys.length;
  const rows: Cell[][] = entries.map((entry) => {
    const row: Cell[] = [];
    for (let i = 0; i < width; i++) {
      const k = map.keys[i] as keyof AuditEntry | null | undefined;
      // The action and field names as words in the register's language; the hash is over the codes.
      row.push(k && k in entry ? toCell(encodeCell('audit', k, entry[k], { language, timeZone: 'UTC' }), true) : '');
    }
    return row;
  });
  const firstRow = (head.row ?? head.count + 1) + 1;
  let capacity = head.capacity;
  const lastRow = firstRow + rows.length - 1;
  if (lastRow > capacity) {
    // The tab has `capacity` rows at least (the tail proof read down to it, or proveAuditTab just
    // counted them) and the ones the entries go to are free: new rows go right after them, no
    // count needed (a row a person added below moves down unread, never written over).
    const added = Math.max(GROW_BY, lastRow - capacity);
    sheet.insertRowsAfter(capacity, added);
    capacity += added;
  }
  // Whole rows: Sheets refuses the write when the tab's column count is no longer `width`.
  sheet.getRange(`${firstRow}:${lastRow}`).setValues(rows);
  return { entries, head: { count: head.count + entries.length, hash: entries[entries.length - 1].hash, capacity, row: lastRow, columns: width } };
}

/** SHA-256 of a string's UTF-8 bytes as hex, computed by Apps Script. */
export function utilitiesSha256(utilities: GoogleAppsScript.Utilities.Utilities): Sha256Hex {
  return (s: string) =>
    utilities
      .computeDigest(utilities.DigestAlgorithm.SHA_256, s, utilities.Charset.UTF_8)
      .map((b) => ((b + 256) % 256).toString(16).padStart(2, '0'))
      .join('');
}
