/**
 * Issue 7: "the audit tab's layout is proven before each append". Rows inserted by hand inside
 * the audit log (a menu insert, a paste of rows into them), rows deleted from it, a row pasted
 * below its end and columns inserted or deleted: the next append must never write over a row
 * that holds anything, every entry stays present, and the chain check reports what the hand
 * edit did. Through the emulator's public API (`/api/sheet-action`, `/api/edit`).
 */
import { Emulator } from '../../src/emulator/app';
import { OWNER, STAFF } from '../../src/emulator/accounts';
import { AUDIT_TAB, columnKeysFromHeader } from '../../src/core/schema';
import { verifyChain, AuditEntry } from '../../src/core/audit';
import { sha256Hex } from '../../src/core/sha256';
import { call, demo } from '../support/register';
import { entryFrom } from '../../src/gas/audit-log';

const LOG = 'Lokitiedot';

/** The audit log as an auditor reads it: columns by their headers, empty rows skipped, words read back as codes (gas/audit-log.ts `entryFrom`). */
function entries(em: Emulator): AuditEntry[] {
  const [header, ...rows] = em.world.spreadsheet.snapshot(LOG)!.values as unknown[][];
  const keys = columnKeysFromHeader(AUDIT_TAB, header);
  return rows.filter((r) => r.some((v) => v !== '')).map((r) => entryFrom(r, keys));
}

const head = (em: Emulator) => JSON.parse(em.world.properties.document['rekisteri.auditHead']) as { count: number; hash: string; row: number };
const hashes = (em: Emulator) => entries(em).map((e) => e.hash);

/** A few entries of the log's own (a save, two bans, an export), so that rows can be inserted inside it. */
function withEntries(): Emulator {
  const em = demo();
  const { customer } = call<{ customer: { version: number } }>(em, 'getCustomer', { customerNumber: '100001' });
  call(em, 'saveCustomer', { customer: { customerNumber: '100001', city: 'Oulu' }, expectedVersion: customer.version });
  call(em, 'banMarketing', { customerNumber: '100002' });
  call(em, 'banMarketing', { customerNumber: '100003' });
  call(em, 'exportMarketingList', {});
  return em;
}

/** A save that appends one entry to the log. */
function save(em: Emulator, city: string): void {
  const { customer } = call<{ customer: { version: number } }>(em, 'getCustomer', { customerNumber: '100004' });
  call(em, 'saveCustomer', { customer: { customerNumber: '100004', city }, expectedVersion: customer.version });
}

describe('rows inserted by hand inside the audit log', () => {
  test('the next append does not overwrite the entries they shifted: every entry stays present and the chain is valid', () => {
    const em = withEntries();
    const before = hashes(em);
    const end = head(em).row;
    expect(em.sheetAction(OWNER, LOG, { action: 'insertRows', start: end - 2, count: 2 }).ok).toBe(true);
    save(em, 'Vaasa');
    save(em, 'Kemi');
    const after = entries(em);
    // Every entry from before is still there, in order, and the two new ones follow the old head.
    expect(after.map((e) => e.hash).slice(0, before.length)).toEqual(before);
    expect(after.slice(-2)).toEqual([
      expect.objectContaining({ action: 'update', customerNumber: '100004', prevHash: before[before.length - 1] }),
      expect.objectContaining({ action: 'update', customerNumber: '100004' }),
    ]);
    expect(verifyChain(after, sha256Hex, head(em).hash)).toEqual({ ok: true });
    expect(head(em).count).toBe(before.length + 2);
  });

  test('a paste of rows into rows inserted inside the log is never written over, and the chain check reports it where it stands', () => {
    const em = withEntries();
    const before = hashes(em);
    const end = head(em).row;
    em.sheetAction(OWNER, LOG, { action: 'insertRows', start: end - 1, count: 2 });
    const junk = [['2026-01-01', 'joku', 'update', '100009', 'city', '', 'x', 'y'], ['2026-01-01', 'joku', 'update', '100010', 'city', '', 'y', 'z']];
    expect(em.pasteCells(OWNER, LOG, end - 1, 1, junk).ok).toBe(true);
    save(em, 'Kotka');
    const after = entries(em);
    // The pasted rows and every entry are there; the new entry chains onto the stored head.
    expect(after.map((e) => e.hash)).toEqual(expect.arrayContaining([...before, 'y', 'z']));
    // The paste itself is logged by its on-edit check, then the save: both chained onto the stored head.
    expect(after.length).toBe(before.length + 2 + 2);
    expect(after[before.length + 2].prevHash).toBe(before[before.length - 1]);
    expect(after[after.length - 1]).toMatchObject({ action: 'update', customerNumber: '100004' });
    // The chain check points at the first pasted row.
    expect(verifyChain(after, sha256Hex, head(em).hash)).toMatchObject({ ok: false, index: end - 3 });
  });

  test('rows inserted inside the log and a column inserted in it at once: entries land under their own headers, nothing overwritten', () => {
    const em = withEntries();
    const before = hashes(em);
    em.sheetAction(OWNER, LOG, { action: 'insertRows', start: 3, count: 3 });
    em.sheetAction(OWNER, LOG, { action: 'insertColumns', start: 2, count: 1 });
    save(em, 'Lahti');
    const after = entries(em);
    expect(after.map((e) => e.hash).slice(0, before.length)).toEqual(before);
    expect(after.pop()).toMatchObject({ action: 'update', customerNumber: '100004', fields: 'city', actor: STAFF });
    // Nothing written into the inserted column.
    const rows = em.world.spreadsheet.snapshot(LOG)!.values as unknown[][];
    expect(rows.slice(1).map((r) => r[1]).filter((v) => v !== '')).toEqual([]);
    expect(verifyChain(entries(em), sha256Hex, head(em).hash)).toEqual({ ok: true });
  });

  test('a column deleted and one inserted elsewhere (the same width) is still found by the header', () => {
    const em = withEntries();
    const before = hashes(em);
    // Delete the empty column right of the log's eight, insert one at B: the width is the same.
    em.sheetAction(OWNER, LOG, { action: 'insertColumns', start: 12, count: 1 });
    save(em, 'Rauma');
    em.sheetAction(OWNER, LOG, { action: 'deleteColumns', start: 12, count: 1 });
    em.sheetAction(OWNER, LOG, { action: 'insertRows', start: 4, count: 1 });
    save(em, 'Pori');
    const after = entries(em);
    expect(after.map((e) => e.hash).slice(0, before.length)).toEqual(before);
    expect(after.slice(-2).map((e) => e.customerNumber)).toEqual(['100004', '100004']);
    expect(verifyChain(after, sha256Hex, head(em).hash)).toEqual({ ok: true });
  });
});

describe('rows deleted from the log, and a row pasted below its end', () => {
  test('entries deleted from inside the log: the next entry lands after the end, and the chain check fails where they went', () => {
    const em = withEntries();
    const before = hashes(em);
    em.sheetAction(OWNER, LOG, { action: 'deleteRows', start: 3, count: 2 });
    save(em, 'Hamina');
    const after = entries(em);
    expect(after.length).toBe(before.length - 2 + 1);
    expect(after[after.length - 1].prevHash).toBe(before[before.length - 1]);
    expect(verifyChain(after, sha256Hex, head(em).hash)).toMatchObject({ ok: false, index: 1, reason: 'broken-link' });
  });

  test('a row typed below the log\'s end is not written over: the entry goes after it', () => {
    const em = withEntries();
    const end = head(em).row;
    expect(em.pasteCells(OWNER, LOG, end + 1, 1, [['muistiinpano', 'käsin']]).ok).toBe(true);
    // The paste's own check (the on-edit trigger) may log it; whatever it wrote, the note stays.
    save(em, 'Imatra');
    const rows = em.world.spreadsheet.snapshot(LOG)!.values as unknown[][];
    expect(rows.some((r) => r[0] === 'muistiinpano' && r[1] === 'käsin')).toBe(true);
    expect(entries(em).pop()).toMatchObject({ action: 'update', customerNumber: '100004' });
  });
});
