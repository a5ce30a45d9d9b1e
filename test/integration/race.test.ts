/**
 * Edits race safely: a sidebar save sends back the `rowToken` it read with the record, and is
 * refused when the row differs from what the user read — also when a hand edit is typed into
 * the sheet and its on-edit trigger has not run yet (late, as on Google, or failed, or busy
 * behind the document lock), so the version cell has not moved. The conflict then shows the
 * newer data; nothing is silently overwritten. Callers that send no token keep the version check.
 */
import { Emulator } from '../../src/emulator/app';
import { STAFF } from '../../src/emulator/accounts';
import { REGISTER_TAB } from '../../src/core/schema';
import { demo } from '../support/register';


type Read = { customer: { customerNumber: string; city: string; version: number; relationshipEnd: string }; rowToken: string };

function call<T = Read>(em: Emulator, fn: string, arg: unknown, user = STAFF): T {
  const report = em.callFromClient(fn, [arg], user);
  if (!report.ok) throw new Error(report.error!.message);
  return report.result as T;
}

function failure(em: Emulator, fn: string, arg: unknown, user = STAFF): string {
  const report = em.callFromClient(fn, [arg], user);
  if (report.ok) throw new Error(`${fn} was expected to fail`);
  return report.error!.message;
}

/** The row and column of a person's field in the register tab, by the header. */
function cellOf(em: Emulator, customerNumber: string, field: string): { row: number; col: number } {
  const values = em.world.spreadsheet.snapshot('Rekisteri')!.values as unknown[][];
  const header = REGISTER_TAB.columns.find((c) => c.key === field)!.header.fi;
  return { row: values.findIndex((r) => String(r[0]) === customerNumber) + 1, col: (values[0] as string[]).indexOf(header) + 1 };
}

/** A person types into the sheet; no trigger has run yet (on Google it runs seconds later). */
function typeWithoutTrigger(em: Emulator, customerNumber: string, field: string, input: string): void {
  const { row, col } = cellOf(em, customerNumber, field);
  expect(em.world.spreadsheet.userEdit(STAFF, 'Rekisteri', row, col, input)).toMatchObject({ ok: true });
}

const STALE_ROW = /muutettiin taulukossa/;

describe('a hand edit whose trigger has not run yet', () => {
  test('refuses a sidebar save that sends the row token, keeps the hand edit, and the conflict view gets the newer data', () => {
    const em = demo();
    const read = call(em, 'getCustomer', { customerNumber: '100001' });
    typeWithoutTrigger(em, '100001', 'city', 'Käsin');
    expect(call(em, 'getCustomer', { customerNumber: '100001' }).customer.version).toBe(read.customer.version);
    const message = failure(em, 'saveCustomer', {
      customer: { customerNumber: '100001', street: 'Sivupalkinkatu 1' }, expectedVersion: read.customer.version, expectedRowToken: read.rowToken,
    });
    expect(message).toMatch(STALE_ROW);
    // What the conflict view reloads: the hand edit, under a token that differs from the one sent.
    const now = call(em, 'getCustomer', { customerNumber: '100001' });
    expect(now.customer.city).toBe('Käsin');
    expect(now.rowToken).not.toBe(read.rowToken);
    expect(now.customer).not.toMatchObject({ street: 'Sivupalkinkatu 1' });
    // Saving again from the newer data lands.
    const again = call(em, 'saveCustomer', {
      customer: { customerNumber: '100001', street: 'Sivupalkinkatu 1' }, expectedVersion: now.customer.version, expectedRowToken: now.rowToken,
    });
    expect(again.customer).toMatchObject({ city: 'Käsin', street: 'Sivupalkinkatu 1', version: now.customer.version + 1 });
  });

  test.each([
    ['endRelationship', { date: '2026-11-30' }],
    ['setMarketingBasis', { basis: 'none' }],
    ['setLegalHold', { until: '2030-12-31', reason: 'Kirjanpitolaki' }],
    ['restrictProcessing', { restricted: true }],
  ])('refuses the record action %s that sends the row token', (fn, args) => {
    const em = demo();
    const read = call(em, 'getCustomer', { customerNumber: '100003' });
    typeWithoutTrigger(em, '100003', 'name', 'Käsin Kirjoitettu');
    expect(failure(em, fn, { customerNumber: '100003', expectedVersion: read.customer.version, expectedRowToken: read.rowToken, ...args })).toMatch(STALE_ROW);
    expect(call(em, 'getCustomer', { customerNumber: '100003' }).customer).toMatchObject({ name: 'Käsin Kirjoitettu', version: read.customer.version });
  });

  test('a save without a token (an API caller) still has the version check, and sees only the version', () => {
    const em = demo();
    const read = call(em, 'getCustomer', { customerNumber: '100001' });
    typeWithoutTrigger(em, '100001', 'city', 'Käsin');
    // The version did not move, so a version-only caller is not stopped: why the sidebar sends the token.
    expect(call(em, 'saveCustomer', { customer: { customerNumber: '100001', street: 'Api 1' }, expectedVersion: read.customer.version }).customer.version).toBe(read.customer.version + 1);
    expect(failure(em, 'saveCustomer', { customer: { customerNumber: '100001', street: 'Api 2' }, expectedVersion: read.customer.version })).toMatch(/muutettiin sillä välin/);
  });
});

describe('a hand edit whose trigger was busy or failed', () => {
  test('the trigger, busy behind the document lock, leaves the edit as typed; the sidebar save is still refused', () => {
    const em = demo();
    const read = call(em, 'getCustomer', { customerNumber: '100002' });
    const { row, col } = cellOf(em, '100002', 'city');
    em.world.locks.holdExternally('document', em.world.now + 60_000);
    const edit = em.editCell(STAFF, 'Rekisteri', row, col, 'Lukittu');
    expect(edit.ok).toBe(true);
    expect(edit.reports.some((r) => !r.ok)).toBe(true);
    expect(em.world.properties.document['rekisteri.repairDue']).toBeTruthy();
    // The other execution ends.
    em.world.locks.holdExternally('document', em.world.now);
    const message = failure(em, 'saveCustomer', {
      customer: { customerNumber: '100002', city: 'Sivupalkki' }, expectedVersion: read.customer.version, expectedRowToken: read.rowToken,
    });
    // The busy run asked for a repair; the save runs it first, which takes the hand edit (one
    // row's own new value) with a new version, so the save is refused as stale by version.
    expect(message).toMatch(/muutettiin sillä välin/);
    expect(message).not.toMatch(STALE_ROW);
    expect(em.world.properties.document['rekisteri.repairDue'] ?? '').toBe('');
    expect(call(em, 'getCustomer', { customerNumber: '100002' }).customer).toMatchObject({ city: 'Lukittu', version: read.customer.version + 1 });
  });

  test('a trigger that failed at its first call leaves the edit as typed; the sidebar save is still refused', () => {
    const em = demo();
    const read = call(em, 'getCustomer', { customerNumber: '100002' });
    const { row, col } = cellOf(em, '100002', 'city');
    em.world.injectFault({ atCall: 1 });
    const edit = em.editCell(STAFF, 'Rekisteri', row, col, 'Virhe');
    expect(edit.reports.some((r) => !r.ok)).toBe(true);
    em.world.clearFaults();
    expect(failure(em, 'saveCustomer', {
      customer: { customerNumber: '100002', city: 'Sivupalkki' }, expectedVersion: read.customer.version, expectedRowToken: read.rowToken,
    })).toMatch(STALE_ROW);
    expect(call(em, 'getCustomer', { customerNumber: '100002' }).customer.city).toBe('Virhe');
  });

  test('after the trigger has run, the version check refuses as before (token or not)', () => {
    const em = demo();
    const read = call(em, 'getCustomer', { customerNumber: '100002' });
    const { row, col } = cellOf(em, '100002', 'city');
    expect(em.editCell(STAFF, 'Rekisteri', row, col, 'Laukaisija').reports.every((r) => r.ok)).toBe(true);
    expect(call(em, 'getCustomer', { customerNumber: '100002' }).customer.version).toBe(read.customer.version + 1);
    expect(failure(em, 'saveCustomer', {
      customer: { customerNumber: '100002', city: 'Sivupalkki' }, expectedVersion: read.customer.version, expectedRowToken: read.rowToken,
    })).toMatch(/muutettiin sillä välin/);
  });
});

describe('the token a write returns', () => {
  test('is the row token the next read gets, so the sidebar can keep editing without reloading', () => {
    const em = demo();
    const read = call(em, 'getCustomer', { customerNumber: '100004' });
    const first = call(em, 'saveCustomer', { customer: { customerNumber: '100004', city: 'Pori' }, expectedVersion: read.customer.version, expectedRowToken: read.rowToken });
    expect(first.rowToken).toBe(call(em, 'getCustomer', { customerNumber: '100004' }).rowToken);
    const second = call(em, 'endRelationship', { customerNumber: '100004', expectedVersion: first.customer.version, expectedRowToken: first.rowToken, date: '2026-11-30' });
    expect(second.rowToken).toBe(call(em, 'getCustomer', { customerNumber: '100004' }).rowToken);
    const banned = call(em, 'banMarketing', { customerNumber: '100004' });
    expect(banned.rowToken).toBe(call(em, 'getCustomer', { customerNumber: '100004' }).rowToken);
    const created = call(em, 'saveCustomer', { customer: { name: 'Tuore Tokeni', city: 'Espoo', relationshipStart: '2026-11-01' } });
    expect(created.rowToken).toBe(call(em, 'getCustomer', { customerNumber: created.customer.customerNumber }).rowToken);
  });

  test('a malformed token is refused with the reload message and nothing is written', () => {
    const em = demo();
    const read = call(em, 'getCustomer', { customerNumber: '100001' });
    const before = JSON.stringify(em.world.spreadsheet.toJSON());
    expect(failure(em, 'saveCustomer', { customer: { customerNumber: '100001', city: 'X' }, expectedVersion: read.customer.version, expectedRowToken: ['x'] })).toMatch(/Päivitä sivupalkki/);
    expect(JSON.stringify(em.world.spreadsheet.toJSON())).toBe(before);
  });

  test('the row check costs no call: an edit with the token makes the same ten calls as one without (eight, and the invariant store\'s read and write)', () => {
    const em = demo();
    const read = call(em, 'getCustomer', { customerNumber: '100001' });
    const report = em.callFromClient('saveCustomer', [{ customer: { customerNumber: '100001', city: 'Kuopio' }, expectedVersion: read.customer.version, expectedRowToken: read.rowToken }], STAFF);
    expect(report.ok).toBe(true);
    expect(report.calls).toBe(10);
  });
});
