/**
 * Appending to the hash-chained audit log. The previous entry is the sheet's last row: its
 * stored hash is what the new entry chains onto. Columns are taken in the schema's order and
 * proven by the last entry's own hash; when that fails (columns moved, or the row was tampered
 * with) the header is read and the mapping retried. Three calls in the usual case.
 */
import { AUDIT_TAB, columnKeysFromHeader } from '../core/schema';
import { auditEntry, auditHash, AuditData, AuditEntry, Sha256Hex } from '../core/audit';
import { fromCell, toCell } from './cells';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
const KEYS = AUDIT_TAB.columns.map((c) => c.key) as (keyof AuditEntry)[];

function entryFrom(row: readonly unknown[], keys: readonly (string | null)[]): AuditEntry {
  const e: Record<string, string> = {};
  keys.forEach((k, i) => {
    if (k) e[k] = row[i] === undefined || row[i] === null ? '' : String(fromCell(row[i], true));
  });
  return e as unknown as AuditEntry;
}

/** Appends entries for `data`, chained onto the log's last row; returns what was written. */
export function appendAudit(sheet: Sheet, data: readonly AuditData[], sha256Hex: Sha256Hex): AuditEntry[] {
  if (!data.length) return [];
  const lastRow = sheet.getLastRow();
  let keys: (string | null)[] = KEYS;
  let prev: { hash: string } | null = null;
  if (lastRow >= 2) {
    const width = KEYS.length;
    const last = sheet.getRange(lastRow, 1, 1, width).getValues()[0];
    let entry = entryFrom(last, keys);
    if (auditHash(entry, sha256Hex) !== entry.hash) {
      // Not in the schema's order (or altered): map by the header and keep the stored hash either way.
      keys = columnKeysFromHeader(AUDIT_TAB, sheet.getRange(1, 1, 1, width).getValues()[0]);
      entry = entryFrom(last, keys);
    }
    prev = { hash: entry.hash ?? '' };
  } else if (lastRow === 1) {
    keys = columnKeysFromHeader(AUDIT_TAB, sheet.getRange('1:1').getValues()[0]);
  }
  const width = Math.max(KEYS.length, keys.length);
  const written: AuditEntry[] = [];
  const rows: (string | number | boolean | Date)[][] = [];
  for (const d of data) {
    const entry = auditEntry(prev, d, sha256Hex);
    written.push(entry);
    prev = entry;
    const row: (string | number | boolean | Date)[] = [];
    for (let i = 0; i < width; i++) {
      const k = keys[i] as keyof AuditEntry | null;
      row.push(k && k in entry ? toCell(entry[k], true) : '');
    }
    rows.push(row);
  }
  // appendRow grows the sheet as needed; several entries in one operation are rare.
  for (const row of rows) sheet.appendRow(row);
  return written;
}

/** SHA-256 of a string's UTF-8 bytes as hex, computed by Apps Script. */
export function utilitiesSha256(utilities: GoogleAppsScript.Utilities.Utilities): Sha256Hex {
  return (s: string) =>
    utilities
      .computeDigest(utilities.DigestAlgorithm.SHA_256, s, utilities.Charset.UTF_8)
      .map((b) => ((b + 256) % 256).toString(16).padStart(2, '0'))
      .join('');
}
