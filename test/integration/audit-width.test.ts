/**
 * The audit log is appended as whole rows (gas/audit-log.ts): set-up makes a new log tab with
 * only its own columns, so a sweep's 10,000 entries write 8 cells a row, not the 26 a new sheet
 * has. The chain still verifies, and a column added by a later release still finds room.
 */
import { OWNER, STAFF } from '../../src/emulator/accounts';
import { AUDIT_TAB } from '../../src/core/schema';
import { Emulator } from '../../src/emulator/app';
import { call, demo, dist } from '../support/register';

test('set-up on an empty spreadsheet makes the log tab with exactly the log\'s columns, and the head remembers them', () => {
  const em = Emulator.open({ distDir: dist, stateFile: null, fresh: true });
  expect(em.callFromClient('setUp', [{}], OWNER).ok).toBe(true);
  const run = em.runScript(`return SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Lokitiedot').getMaxColumns();`, OWNER);
  expect(run.value).toBe(AUDIT_TAB.columns.length);
  expect(JSON.parse(em.world.properties.document['rekisteri.auditHead']).columns).toBe(AUDIT_TAB.columns.length);
});

test('the demo register\'s log tab (as set-up leaves it) has exactly the log\'s columns, and appending still works', () => {
  const em = demo();
  const width = (user = OWNER) => em.runScript(`return SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Lokitiedot').getMaxColumns();`, user);
  const before = width();
  expect(before.ok).toBe(true);
  expect(before.value).toBe(AUDIT_TAB.columns.length);
  // A save appends an entry and the chain still verifies end to end.
  const c = call<{ customer: { customerNumber: string; version: number } }>(em, 'getCustomer', { customerNumber: '100001' }, STAFF).customer;
  call(em, 'saveCustomer', { customer: { customerNumber: c.customerNumber, city: 'Nokia' }, expectedVersion: c.version }, STAFF);
  const check = call<{ checks: { id: string; ok: boolean }[] }>(em, 'runComplianceCheck', undefined, OWNER).checks.find((x) => x.id === 'audit-chain')!;
  expect(check.ok).toBe(true);
});

test('set-up trims an older log tab\'s empty columns and remembers the width, so the next append needs no proof of the tab; a note right of the log keeps its columns', () => {
  const save = (em: ReturnType<typeof demo>, city: string) => {
    const c = call<{ customer: { customerNumber: string; version: number } }>(em, 'getCustomer', { customerNumber: '100002' }, STAFF).customer;
    const run = em.callFromClient('saveCustomer', [{ customer: { customerNumber: c.customerNumber, city }, expectedVersion: c.version }], STAFF);
    expect(run.ok).toBe(true);
    return run.calls;
  };
  const usual = save(demo(), 'Nokia');
  const widen = (em: ReturnType<typeof demo>, note: boolean) => {
    const run = em.runScript(`
      const sheet = SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Lokitiedot');
      sheet.insertColumnsAfter(8, 18);
      ${note ? "sheet.getRange('J1').setValue('muistiinpano');" : ''}`, OWNER);
    expect(run.ok).toBe(true);
  };
  const width = (em: ReturnType<typeof demo>) => em.runScript(`return SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Lokitiedot').getMaxColumns();`, OWNER).value;

  const em = demo();
  widen(em, false);
  // An append proves the wider tab once (the head learns 26 columns).
  save(em, 'Lempäälä');
  expect(em.callFromClient('setUp', [{}], OWNER).ok).toBe(true);
  expect(width(em)).toBe(AUDIT_TAB.columns.length);
  // The remembered width is the tab's: the next append takes the usual path.
  expect(save(em, 'Pirkkala')).toBe(usual);
  const check = call<{ checks: { id: string; ok: boolean }[] }>(em, 'runComplianceCheck', undefined, OWNER).checks.find((x) => x.id === 'audit-chain')!;
  expect(check.ok).toBe(true);

  const noted = demo();
  widen(noted, true);
  expect(noted.callFromClient('setUp', [{}], OWNER).ok).toBe(true);
  expect(width(noted)).toBe(26);
});
