/**
 * Appending to the hash-chained audit log. The chain's head (entry count, last hash, rows the
 * tab has room for) is kept in document properties and read with the settings, so an append is
 * one write to a known row plus one update of the head.
 *
 * Order matters, because no two writes in Apps Script are atomic: the entry is written first,
 * then the head, then (by the caller) the register. A failure before the head moves leaves at
 * most an entry past the head, which the next append overwrites (that change never happened);
 * a failure after it leaves an entry for a change that did not apply — the log may say too
 * much, never too little.
 */
import { AUDIT_TAB, columnKeysFromHeader } from '../core/schema';
import { auditEntry, AuditData, AuditEntry, Sha256Hex } from '../core/audit';
import { fromCell, toCell, Cell } from './cells';
import type { ColumnMap } from './register';
import { AuditHead, stateProperties } from './state';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
const SCHEMA_KEYS = AUDIT_TAB.columns.map((c) => c.key);
/** Rows added at a time when the tab runs out of room. */
const GROW_BY = 1000;

function entryFrom(row: readonly unknown[], keys: readonly (string | null)[]): AuditEntry {
  const e: Record<string, string> = {};
  keys.forEach((k, i) => {
    if (k) e[k] = row[i] === undefined || row[i] === null ? '' : String(fromCell(row[i], true));
  });
  return e as unknown as AuditEntry;
}

/**
 * The head of a log that has none remembered (set-up, or a lost property): read from the tab's
 * last row. Four calls; a log whose columns were moved is mapped by its header.
 */
export function readAuditHead(sheet: Sheet): AuditHead {
  const lastRow = sheet.getLastRow();
  const capacity = sheet.getMaxRows();
  if (lastRow < 2) return { count: 0, hash: '', capacity };
  const width = SCHEMA_KEYS.length;
  const keys = columnKeysFromHeader(AUDIT_TAB, sheet.getRange(1, 1, 1, width).getValues()[0]);
  const last = entryFrom(sheet.getRange(lastRow, 1, 1, width).getValues()[0], keys);
  return { count: lastRow - 1, hash: last.hash ?? '', capacity };
}

/**
 * Writes entries for `data` after the head and moves the head in document properties (plus any
 * `alsoStore` properties, in the same call). Returns the entries and the new head.
 */
export function appendAudit(
  sheet: Sheet,
  map: ColumnMap,
  head: AuditHead,
  data: readonly AuditData[],
  sha256Hex: Sha256Hex,
  properties: GoogleAppsScript.Properties.Properties,
  alsoStore: Record<string, string> = {},
): { entries: AuditEntry[]; head: AuditHead } {
  if (!data.length) return { entries: [], head };
  let written: { entries: AuditEntry[]; head: AuditHead };
  try {
    written = writeAfter(sheet, map, head, data, sha256Hex);
  } catch (e) {
    // Rows were deleted from the tab by hand, so the remembered room is gone: read the head
    // from the tab (the chain check will show the deletion) and write after it.
    if (!(e instanceof Error) || !/outside the dimensions/.test(e.message)) throw e;
    written = writeAfter(sheet, map, readAuditHead(sheet), data, sha256Hex);
  }
  properties.setProperties({ ...alsoStore, ...stateProperties({ auditHead: written.head }) });
  return written;
}

/** Chains entries onto `head` and writes them in the rows after it, growing the tab if needed. */
function writeAfter(sheet: Sheet, map: ColumnMap, head: AuditHead, data: readonly AuditData[], sha256Hex: Sha256Hex): { entries: AuditEntry[]; head: AuditHead } {
  const entries: AuditEntry[] = [];
  let prev: { hash: string } | null = head.count > 0 ? { hash: head.hash } : null;
  for (const d of data) {
    const entry = auditEntry(prev, d, sha256Hex);
    entries.push(entry);
    prev = entry;
  }
  const width = Math.max(...Object.values(map.col));
  const rows: Cell[][] = entries.map((entry) => {
    const row: Cell[] = [];
    for (let i = 0; i < width; i++) {
      const k = map.keys[i] as keyof AuditEntry | null;
      row.push(k && k in entry ? toCell(entry[k], true) : '');
    }
    return row;
  });
  const firstRow = head.count + 2;
  let capacity = head.capacity;
  const lastRow = firstRow + rows.length - 1;
  if (lastRow > capacity) {
    const max = sheet.getMaxRows();
    const added = lastRow > max ? Math.max(GROW_BY, lastRow - max) : 0;
    if (added) sheet.insertRowsAfter(max, added);
    capacity = max + added;
  }
  sheet.getRange(firstRow, 1, rows.length, width).setValues(rows);
  return { entries, head: { count: head.count + entries.length, hash: entries[entries.length - 1].hash, capacity } };
}

/** SHA-256 of a string's UTF-8 bytes as hex, computed by Apps Script. */
export function utilitiesSha256(utilities: GoogleAppsScript.Utilities.Utilities): Sha256Hex {
  return (s: string) =>
    utilities
      .computeDigest(utilities.DigestAlgorithm.SHA_256, s, utilities.Charset.UTF_8)
      .map((b) => ((b + 256) % 256).toString(16).padStart(2, '0'))
      .join('');
}
