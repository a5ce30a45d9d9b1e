/**
 * Issue 7: structural changes by hand (a sort, inserted or deleted rows and columns) fire no
 * edit event, so set-up installs an on-change trigger, `onRegisterChange`, that marks a repair
 * due and runs it at once when the lock is free: a register row deleted by hand is written back
 * from the store before anyone acts on it. A fault at any of its calls, or a held lock, leaves
 * the repair due for the next chance. Event object: `changeType` (EDIT, INSERT_ROW,
 * INSERT_COLUMN, REMOVE_ROW, REMOVE_COLUMN, INSERT_GRID, REMOVE_GRID, FORMAT or OTHER),
 * https://developers.google.com/apps-script/guides/triggers/events ("Change").
 */
import { Emulator } from '../../src/emulator/app';
import { OUTSIDER, OWNER, STAFF } from '../../src/emulator/accounts';
import { verifyChain } from '../../src/core/audit';
import { sha256Hex } from '../../src/core/sha256';
import { auditEntries, call, demo } from '../support/register';

const TAB = 'Rekisteri';
type Report = { restoredRows: string[]; restoredFields: { customerNumber: string; fields: string[] }[]; quarantined: unknown[] };
const values = (em: Emulator) => em.world.spreadsheet.snapshot(TAB)!.values as unknown[][];
const rowOf = (em: Emulator, number: string) => values(em).findIndex((r) => r[0] === number) + 1;
const due = (em: Emulator) => em.world.properties.document['rekisteri.repairDue'] ?? '';

describe('set-up installs the on-change trigger', () => {
  test('one onRegisterChange trigger for the spreadsheet, owned by the admin who ran set-up', () => {
    const em = demo();
    expect(em.world.triggers.filter((t) => t.handlerFunction === 'onRegisterChange')).toEqual([
      expect.objectContaining({ eventType: 'ON_CHANGE', owner: OWNER }),
    ]);
    expect(call<{ installedTriggers: string[] }>(em, 'setUp', {}, OWNER).installedTriggers).toEqual([]);
    expect(em.world.triggers.filter((t) => t.handlerFunction === 'onRegisterChange')).toHaveLength(1);
  });
});

describe('a structural change is repaired at once', () => {
  test('a register row deleted by hand is written back from the store by the change\'s own run, so an objection applies at once', () => {
    const em = demo();
    const own = call<{ customer: { name: string } }>(em, 'getCustomer', { customerNumber: '100010' }).customer;
    const done = em.sheetAction(STAFF, TAB, { action: 'deleteRows', start: rowOf(em, '100010'), count: 1 });
    expect(done.ok).toBe(true);
    const run = done.reports.find((r) => r.value)!;
    expect(run.ok).toBe(true);
    expect((run.value as Report).restoredRows).toEqual(['100010']);
    // Back in the sheet now, not at night.
    expect(values(em).filter((r) => r[0] === '100010')).toHaveLength(1);
    expect(due(em)).toBe('');
    const banned = call<{ customer: { marketingBannedAt: string; name: string } }>(em, 'banMarketing', { customerNumber: '100010' }).customer;
    expect(banned).toMatchObject({ name: own.name });
    expect(values(em)[rowOf(em, '100010') - 1]).toContain(banned.marketingBannedAt);
    expect(verifyChain(auditEntries(em), sha256Hex)).toEqual({ ok: true });
  });

  test('a sort of one column is put back by the change\'s run; an inserted row quarantines nothing', () => {
    const em = demo();
    const before = values(em).map((r) => r.slice(0, 10).join('|'));
    const done = em.sheetAction(STAFF, TAB, { action: 'sort', range: 'I2:I201', column: 9, ascending: true });
    expect((done.reports.find((r) => r.value)!.value as Report).restoredFields.length).toBeGreaterThan(100);
    expect(values(em).map((r) => r.slice(0, 10).join('|'))).toEqual(before);
    // An inserted row in the register: nothing to put back, nothing quarantined.
    const inserted = em.sheetAction(STAFF, TAB, { action: 'insertRows', start: 50, count: 1 });
    expect((inserted.reports.find((r) => r.value)!.value as Report).quarantined).toEqual([]);
    expect(due(em)).toBe('');
  });

  test('an edit (changeType EDIT) is the on-edit trigger\'s: the change run makes no call', () => {
    const em = demo();
    const edit = em.editCell(STAFF, TAB, 2, 9, 'Kemi');
    const change = edit.reports.filter((r) => r.value === null);
    expect(change.length).toBeGreaterThan(0);
    expect(change.every((r) => r.ok && r.calls === 0)).toBe(true);
  });

  test('called through google.script.run it does nothing', () => {
    const em = demo();
    const before = JSON.stringify(em.world.spreadsheet.toJSON()) + JSON.stringify(em.world.properties);
    const report = em.callFromClient('onRegisterChange', [{ customerNumber: '100001' }], OUTSIDER);
    expect(report.ok).toBe(true);
    expect(JSON.stringify(em.world.spreadsheet.toJSON()) + JSON.stringify(em.world.properties)).toBe(before);
  });
});

describe('a change run that cannot finish leaves the repair due', () => {
  test('the document lock held: the deleted row waits, the repair is due, and the next save writes it back first', () => {
    const em = demo();
    em.world.locks.holdExternally('document', em.world.now + 60_000);
    const done = em.sheetAction(STAFF, TAB, { action: 'deleteRows', start: rowOf(em, '100020'), count: 1 });
    expect(done.ok).toBe(true);
    expect(done.reports.some((r) => !r.ok)).toBe(true);
    expect(due(em)).not.toBe('');
    expect(rowOf(em, '100020')).toBe(0);
    em.world.locks.holdExternally('document', em.world.now);
    const read = call<{ customer: { version: number } }>(em, 'getCustomer', { customerNumber: '100021' });
    call(em, 'saveCustomer', { customer: { customerNumber: '100021', city: 'Kemi' }, expectedVersion: read.customer.version });
    expect(values(em).filter((r) => r[0] === '100020')).toHaveLength(1);
    expect(due(em)).toBe('');
  });

  test('a fault at every call of the change run leaves the repair due or done, and the next repair leaves nothing broken', () => {
    // How many calls a whole run makes (a row deleted: one row written back).
    const probe = demo();
    const run = probe.sheetAction(STAFF, TAB, { action: 'deleteRows', start: 30, count: 1 }).reports.find((r) => r.value)!;
    expect(run.ok).toBe(true);
    for (let at = 1; at <= run.calls; at++) {
      const em = demo();
      const number = String(values(em)[29][0]);
      em.world.injectFault({ atCall: at });
      const done = em.sheetAction(STAFF, TAB, { action: 'deleteRows', start: 30, count: 1 });
      em.world.clearFaults();
      const failed = done.reports.some((r) => !r.ok);
      // Failed at any call: the mark is there for the next chance; finished: the row is back.
      if (failed) expect(`${at}: ${due(em) !== ''}`).toBe(`${at}: true`);
      else expect(`${at}: ${values(em).filter((r) => r[0] === number).length}`).toBe(`${at}: 1`);
      call(em, 'repair', undefined, OWNER);
      expect(`${at}: ${values(em).filter((r) => r[0] === number).length}`).toBe(`${at}: 1`);
      const numbers = values(em).slice(1).map((r) => String(r[0])).filter((v) => v !== '');
      expect(new Set(numbers).size).toBe(numbers.length);
      expect(verifyChain(auditEntries(em), sha256Hex)).toEqual({ ok: true });
    }
  });
});
