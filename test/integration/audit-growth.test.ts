/**
 * The audit log growing past the rows its tab has (gas/audit-log.ts writeAfter): when the tail's
 * proof has shown where the log ends, the new rows are inserted right after the rows it read, in
 * one call, without asking the tab's size first; a row a person added below the remembered size
 * moves down, unread and never written over.
 */
import { Emulator } from '../../src/emulator/app';
import { OWNER } from '../../src/emulator/accounts';
import { AUDIT_TAB, columnKeysFromHeader } from '../../src/core/schema';
import { verifyChain, AuditEntry } from '../../src/core/audit';
import { sha256Hex } from '../../src/core/sha256';
import { call, demo } from '../support/register';
import { entryFrom } from '../../src/gas/audit-log';

const LOG = 'Lokitiedot';
const HEAD = 'rekisteri.auditHead';

const head = (em: Emulator) => JSON.parse(em.world.properties.document[HEAD]) as { count: number; hash: string; row: number; capacity: number };
const values = (em: Emulator) => em.world.spreadsheet.snapshot(LOG)!.values as unknown[][];

function entries(em: Emulator): AuditEntry[] {
  const [header, ...rows] = values(em);
  const keys = columnKeysFromHeader(AUDIT_TAB, header);
  return rows.filter((r) => r.some((v) => v !== '') && r.some((v) => v === 'käsin') === false).map((r) => entryFrom(r, keys));
}

/** A log of two entries that fills its tab exactly: the blank rows below its end deleted, the remembered size the tab's. */
function fullLog(): Emulator {
  const em = demo();
  // Two entries first (a header with no row below it cannot lose the rows under it: it is frozen).
  expect(save(em, 'Oulu').ok).toBe(true);
  expect(save(em, 'Lahti').ok).toBe(true);
  const end = head(em).row;
  expect(end).toBe(3);
  expect(em.runScript(`var s = SpreadsheetApp.getActiveSpreadsheet().getSheetByName('${LOG}'); s.deleteRows(${end + 1}, s.getMaxRows() - ${end});`, OWNER).ok).toBe(true);
  em.world.properties.document[HEAD] = JSON.stringify({ ...head(em), capacity: end });
  return em;
}

function save(em: Emulator, city: string) {
  const { customer } = call<{ customer: { version: number } }>(em, 'getCustomer', { customerNumber: '100004' });
  return em.callFromClient('saveCustomer', [{ customer: { customerNumber: '100004', city }, expectedVersion: customer.version }], OWNER);
}

describe('the audit log outgrowing its tab', () => {
  test('an append past the last row inserts the room after the proven end in one call, without asking the tab\'s size', () => {
    const em = fullLog();
    const end = head(em).row;
    const saved = save(em, 'Vaasa');
    expect(saved.ok).toBe(true);
    expect(saved.byMethod['Sheet.insertRowsAfter']?.calls).toBe(1);
    expect(saved.byMethod['Sheet.getMaxRows']).toBeUndefined();
    expect(head(em)).toMatchObject({ row: end + 1, capacity: end + 1000 });
    expect(values(em).length).toBeGreaterThanOrEqual(end + 1);
    expect(em.world.spreadsheet.snapshot(LOG)!.maxRows).toBe(end + 1000);
    const all = entries(em);
    expect(all[all.length - 1]).toMatchObject({ action: 'update', customerNumber: '100004' });
    expect(verifyChain(all, sha256Hex, head(em).hash)).toEqual({ ok: true });
  });

  test('a row a person added below the remembered size is never written over: it moves down below the new room', () => {
    const em = fullLog();
    const end = head(em).row;
    expect(em.runScript(`var s = SpreadsheetApp.getActiveSpreadsheet().getSheetByName('${LOG}'); s.insertRowsAfter(${end}, 1); s.getRange(${end + 1}, 1).setValue('käsin');`, OWNER).ok).toBe(true);
    expect(save(em, 'Kemi').ok).toBe(true);
    // The typed row is still there, once; the entry went right after the head's.
    expect(values(em).filter((r) => r[0] === 'käsin')).toHaveLength(1);
    expect(values(em).findIndex((r) => r[0] === 'käsin') + 1).toBeGreaterThan(end + 1);
    expect(head(em).row).toBe(end + 1);
    const all = entries(em);
    expect(all[all.length - 1]).toMatchObject({ action: 'update', customerNumber: '100004' });
    expect(verifyChain(all, sha256Hex, head(em).hash)).toEqual({ ok: true });
  });
});
