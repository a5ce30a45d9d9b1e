/**
 * Appending to the hash-chained audit log. The chain's head (entry count, last hash, where the
 * last entry stands, rows and columns the tab has) is kept in document properties and read with
 * the settings, so an append is one write to a known row plus one update of the head.
 *
 * The write proves the tab's layout at no extra call: it covers whole rows ("5:5"), which Sheets
 * sizes to the tab's current column count and refuses when the data is narrower or wider, so a
 * column inserted or deleted anywhere in the tab stops the write before anything lands, instead
 * of every later entry landing one column off. A refused write (or rows cut from the tab) is
 * followed by a proof of the tab from its header and its last entry; a missing column stops the
 * operation with the missing-columns message before anything is written.
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
import { readColumns, type ColumnMap } from './register';
import { AuditHead, stateProperties } from './state';

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
): { entries: AuditEntry[]; head: AuditHead } {
  if (!data.length) return { entries: [], head };
  let written: { entries: AuditEntry[]; head: AuditHead } | null = null;
  if (head.columns !== undefined) {
    try {
      written = writeAfter(sheet, map, head, data, sha256Hex, language);
    } catch (e) {
      if (!(e instanceof Error) || !SHAPE_CHANGED.test(e.message)) throw e;
    }
  }
  if (!written) {
    // Columns inserted or deleted, rows cut, or a head stored before its shape was kept.
    const proven = proveAuditTab(sheet, head, language);
    learned(proven.map.keys);
    written = writeAfter(sheet, proven.map, proven.head, data, sha256Hex, language);
  }
  const extra = typeof alsoStore === 'function' ? alsoStore() : alsoStore;
  properties.setProperties({ ...extra, ...stateProperties({ auditHead: written.head }) });
  return written;
}

/**
 * The tab as it is now: columns by the header (a missing one stops here, with the message
 * naming it), its size, and where to write after the stored head without moving it back.
 * Five calls, only when the tab's shape changed.
 */
export function proveAuditTab(sheet: Sheet, head: AuditHead, language: Language): { map: ColumnMap; head: AuditHead } {
  const map = readColumns(sheet, AUDIT_TAB, language);
  const capacity = sheet.getMaxRows();
  const columns = sheet.getMaxColumns();
  const lastRow = sheet.getLastRow();
  let row = Math.max(1, lastRow);
  if (lastRow >= 2) {
    const last = entryFrom(sheet.getRange(lastRow, 1, 1, map.keys.length).getValues()[0], map.keys);
    // An entry written past the head by an append that failed before moving it: that change
    // never happened, so it is written over (as the usual append would have).
    if (last.hash !== head.hash && last.prevHash === head.hash) row = lastRow - 1;
  }
  // Otherwise: after the tab's last row. When that is not the head's entry the log was cut,
  // and the next entry's link to the stored head shows the gap to the chain check.
  return { map, head: { count: head.count, hash: head.hash, capacity, row, columns } };
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
    const max = sheet.getMaxRows();
    const added = lastRow > max ? Math.max(GROW_BY, lastRow - max) : 0;
    if (added) sheet.insertRowsAfter(max, added);
    capacity = max + added;
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
