/**
 * Issue 7, "the sheet is safe to touch": each way a hand edit broke a promise, reproduced
 * through the emulator's public API (a person's paste, a Sheets-menu sort, a failed or busy
 * on-edit trigger) and shown put right by the invariant store and its repair.
 */
import * as path from 'node:path';
import { Emulator } from '../../src/emulator/app';
import { OWNER, STAFF } from '../../src/emulator/accounts';
import { verifyChain } from '../../src/core/audit';
import { sha256Hex } from '../../src/core/sha256';
import { auditEntries, call, demo } from '../support/register';

const dist = path.resolve(__dirname, '../../dist');
const TAB = 'Rekisteri';

type Person = { customerNumber: string; name: string; email: string; marketingBannedAt: string; version: number };
const get = (em: Emulator, customerNumber: string) => call<{ customer: Person }>(em, 'getCustomer', { customerNumber }).customer;
const values = (em: Emulator) => em.world.spreadsheet.snapshot(TAB)!.values as unknown[][];
const header = (em: Emulator) => values(em)[0] as string[];
const col = (em: Emulator, title: string) => header(em).indexOf(title) + 1;
/** Register rows (1-based sheet rows) holding `number` in the customer-number column. */
const rowsOf = (em: Emulator, number: string) => values(em).map((r, i) => (r[0] === number ? i + 1 : 0)).filter((r) => r > 0);
/** A row as a person would copy it: every cell as text (the hidden search key included). */
const copy = (em: Emulator, row: number) => (values(em)[row - 1] as unknown[]).map((v) => (v === null || v === undefined ? '' : String(v)));
const numbers = (em: Emulator) => values(em).slice(1).map((r) => String(r[0])).filter((v) => v !== '');
const repair = (em: Emulator) => call<{ report: { quarantined: { reason: string; typedNumber: string }[]; restoredRows: string[]; restoredFields: { customerNumber: string; fields: string[] }[] } }>(em, 'repair', undefined, OWNER).report;

function expectSound(em: Emulator): void {
  const all = numbers(em);
  expect(new Set(all).size).toBe(all.length);
  expect(em.world.spreadsheet.snapshot(TAB)!.formulas.flat().filter((f) => f !== '')).toEqual([]);
  expect(verifyChain(auditEntries(em), sha256Hex)).toEqual({ ok: true });
}

describe('whole-row pastes are not trusted', () => {
  test('copying row 5 over a banned person\'s row 3 leaves one row per number and the banned person with the ban', () => {
    const em = demo();
    const banned = call<{ customer: Person }>(em, 'banMarketing', { customerNumber: '100002' }).customer;
    expect(em.pasteCells(STAFF, TAB, 3, 1, [copy(em, 5)]).ok).toBe(true);
    expectSound(em);
    expect(rowsOf(em, '100004')).toHaveLength(1);
    const back = get(em, '100002');
    expect(back.name).toBe(banned.name);
    expect(back.marketingBannedAt).toBe(banned.marketingBannedAt);
    // The copy is kept, flagged and listed for an admin: never merged, never dropped.
    const { rows } = call<{ rows: { reason: string; typedNumber: string }[] }>(em, 'listQuarantine', undefined, OWNER);
    expect(rows).toEqual([expect.objectContaining({ reason: 'duplicate', typedNumber: '100004' })]);
    expect(values(em).filter((r) => r[3] === get(em, '100004').name)).toHaveLength(2);
  });

  test('pasting a backup of a row from before its ban keeps the ban and the version moves on, never back', () => {
    const em = demo();
    const backup = copy(em, 2);
    const banned = call<{ customer: Person }>(em, 'banMarketing', { customerNumber: '100001' }).customer;
    expect(em.pasteCells(STAFF, TAB, 2, 1, [backup]).ok).toBe(true);
    const after = get(em, '100001');
    expect(after.marketingBannedAt).toBe(banned.marketingBannedAt);
    expect(after.version).toBeGreaterThanOrEqual(banned.version);
    expect(values(em)[1][col(em, 'Markkinointikielto') - 1]).toBe(banned.marketingBannedAt);
    expect(values(em)[1][col(em, 'Versio') - 1]).toBe(banned.version);
    expectSound(em);
  });

  test('pasting the visible columns of a person into an empty row does not duplicate the number', () => {
    const em = demo();
    const last = values(em).length;
    const visible = copy(em, 4).slice(0, col(em, 'Hakuavain') - 1);
    expect(em.pasteCells(STAFF, TAB, last + 1, 1, [visible]).ok).toBe(true);
    expectSound(em);
    expect(rowsOf(em, '100003')).toEqual([4]);
  });

  test('a pasted row with an unused number (100202) is quarantined and the sidebar never hands 100202 out twice', () => {
    const em = demo();
    const last = values(em).length;
    const row = copy(em, 2).slice(0, col(em, 'Hakuavain') - 1);
    row[0] = '100202';
    row[col(em, 'Sähköposti') - 1] = 'uusi.ihminen@example.fi';
    row[col(em, 'Matkapuhelin') - 1] = '';
    expect(em.pasteCells(STAFF, TAB, last + 1, 1, [row]).ok).toBe(true);
    expect(values(em)[last][0]).toBe('');
    for (let i = 0; i < 3; i++) call(em, 'saveCustomer', { customer: { name: `Uusi ${i}`, email: `uusi${i}@example.fi` } });
    expectSound(em);
    expect(call<{ rows: { typedNumber: string }[] }>(em, 'listQuarantine', undefined, OWNER).rows.map((r) => r.typedNumber)).toEqual(['100202']);
  });
});

test('a sort of the visible columns only, then a hand edit, renumbers nobody', () => {
  const em = demo();
  // Without the on-change trigger's run (it failed or comes late), which would put the sort right at once.
  em.world.triggers = em.world.triggers.filter((t) => t.handlerFunction !== 'onRegisterChange');
  const before = new Map(values(em).slice(1).map((r) => [String(r[0]), String(r[3])]));
  const width = col(em, 'Hakuavain') - 1;
  const done = em.sheetAction(STAFF, TAB, { action: 'sort', range: `A2:${String.fromCharCode(64 + width)}${values(em).length}`, column: 4, ascending: true });
  expect(done.ok).toBe(true);
  expect(em.editCell(STAFF, TAB, 2, col(em, 'Postitoimipaikka'), 'Kemi').ok).toBe(true);
  expect(em.editCell(STAFF, TAB, 9, col(em, 'Postitoimipaikka'), 'Oulu').ok).toBe(true);
  // The rows' numbers moved with them; the stale hidden keys renumber no one.
  for (const [number, name] of before) expect(get(em, number).name).toBe(name);
  // (The sort did move rows: the hidden keys no longer sit beside their rows.)
  expect(values(em).slice(1).some((r) => !String(r[col(em, 'Hakuavain') - 1]).startsWith(`["${String(r[0])}"`))).toBe(true);
  repair(em);
  for (const [number, name] of before) expect(get(em, number).name).toBe(name);
  expectSound(em);
});

test('a paste of 600 rows is checked to its last row: no ban lifted, no formula left', () => {
  const em = demo(650);
  const banCol = col(em, 'Markkinointikielto');
  const banned = call<{ customer: Person }>(em, 'banMarketing', { customerNumber: '100590' }).customer;
  const rows = Array.from({ length: 600 }, (_, i) => [i === 580 ? '=IMAGE("https://example.com/x.png")' : '']);
  // Clear the ban column of rows 2–601 and slip a formula into the notes column.
  expect(em.pasteCells(STAFF, TAB, 2, banCol, rows.map(() => [''])).ok).toBe(true);
  expect(em.pasteCells(STAFF, TAB, 2, col(em, 'Lähteen tarkenne'), rows).ok).toBe(true);
  expect(get(em, '100590').marketingBannedAt).toBe(banned.marketingBannedAt);
  expect(values(em)[rowsOf(em, '100590')[0] - 1][banCol - 1]).toBe(banned.marketingBannedAt);
  expectSound(em);
});

describe('a failed or busy on-edit trigger leaves nothing broken after the next repair', () => {
  const clearBan = (em: Emulator) => em.editCell(STAFF, TAB, 2, col(em, 'Markkinointikielto'), '');
  const calls = (() => {
    const em = demo();
    call(em, 'banMarketing', { customerNumber: '100001' });
    return clearBan(em).reports[0].calls;
  })();

  test.each(Array.from({ length: calls }, (_, i) => i + 1))('fault at call %i of onRegisterEdit: reads keep the ban, the repair puts it back', (n) => {
    const em = demo();
    const banned = call<{ customer: Person }>(em, 'banMarketing', { customerNumber: '100001' }).customer;
    em.world.injectFault({ atCall: n });
    clearBan(em);
    // Before any repair, every read decides from the store, not from the cleared cell.
    expect(get(em, '100001').marketingBannedAt).toBe(banned.marketingBannedAt);
    expect(call<{ csv: string }>(em, 'exportMarketingList', {}).csv).not.toContain(banned.email);
    const hit = call<{ customers: { customerNumber: string; status: { banned: boolean } }[] }>(em, 'searchCustomers', { query: '100001' }).customers[0];
    expect(hit.status.banned).toBe(true);
    // A sidebar save in between cannot make the lift permanent.
    call(em, 'saveCustomer', { customer: { customerNumber: '100001', city: 'Kuopio' }, expectedVersion: get(em, '100001').version });
    repair(em);
    expect(values(em)[1][col(em, 'Markkinointikielto') - 1]).toBe(banned.marketingBannedAt);
    expect(get(em, '100001').marketingBannedAt).toBe(banned.marketingBannedAt);
    expectSound(em);
  });

  test('a held document lock: the edit is marked, and the next trigger run repairs the register', () => {
    const em = demo();
    const banned = call<{ customer: Person }>(em, 'banMarketing', { customerNumber: '100001' }).customer;
    em.world.locks.holdExternally('document', em.world.now + 60_000);
    const busy = clearBan(em);
    expect(busy.reports[0].ok).toBe(false);
    expect(em.world.properties.document['rekisteri.repairDue']).toBeTruthy();
    em.world.locks.holdExternally('document', 0);
    // The next hand edit anywhere runs the full repair first.
    expect(em.editCell(STAFF, TAB, 50, col(em, 'Postitoimipaikka'), 'Rauma').reports[0].ok).toBe(true);
    expect(values(em)[1][col(em, 'Markkinointikielto') - 1]).toBe(banned.marketingBannedAt);
    expect(em.world.properties.document['rekisteri.repairDue'] ?? '').toBe('');
    expectSound(em);
  });

  test('a held document lock: the next sidebar save touching the register repairs it first', () => {
    const em = demo();
    const banned = call<{ customer: Person }>(em, 'banMarketing', { customerNumber: '100001' }).customer;
    em.world.locks.holdExternally('document', em.world.now + 60_000);
    expect(clearBan(em).reports[0].ok).toBe(false);
    em.world.locks.holdExternally('document', 0);
    call(em, 'saveCustomer', { customer: { customerNumber: '100007', city: 'Lahti' }, expectedVersion: get(em, '100007').version });
    expect(values(em)[1][col(em, 'Markkinointikielto') - 1]).toBe(banned.marketingBannedAt);
    expect(em.world.properties.document['rekisteri.repairDue'] ?? '').toBe('');
    expectSound(em);
  });
});

test('a ban typed by hand is taken at once, said to the editor and logged as a ban', () => {
  const em = demo();
  const done = em.editCell(STAFF, TAB, 3, col(em, 'Markkinointikielto'), '2026-11-20');
  expect(done.ok).toBe(true);
  const after = get(em, '100002');
  expect(after.marketingBannedAt).not.toBe('');
  expect(auditEntries(em).slice(-1)[0]).toEqual(expect.objectContaining({ action: 'ban-marketing', customerNumber: '100002' }));
  const toasts = [...em.world.uiFor(OWNER).toasts, ...em.world.uiFor(STAFF).toasts].map((t) => t.message).join(' ');
  expect(toasts).toMatch(/Markkinointikielto kirjattiin/);
});

test('a hand-typed row with an email but no number is quarantined and does not block creating that person', () => {
  const em = demo();
  const last = values(em).length;
  const row = new Array(col(em, 'Hakuavain') - 1).fill('');
  row[col(em, 'Nimi') - 1] = 'Käsin Kirjoitettu';
  row[col(em, 'Sähköposti') - 1] = 'kasin@example.fi';
  expect(em.pasteCells(STAFF, TAB, last + 1, 1, [row]).ok).toBe(true);
  const created = call<{ customer: Person; duplicate?: boolean }>(em, 'saveCustomer', { customer: { name: 'Käsin Kirjoitettu', email: 'kasin@example.fi' } });
  expect(created.duplicate).toBeUndefined();
  expect(created.customer.customerNumber).toMatch(/^\d{6}$/);
  expect(call<{ rows: { reason: string; email: string }[] }>(em, 'listQuarantine', undefined, OWNER).rows).toEqual([
    expect.objectContaining({ reason: 'no-number', email: 'kasin@example.fi' }),
  ]);
  expect(em.callFromClient('listQuarantine', [], STAFF).ok).toBe(false);
});

test('a row deleted by hand is written back by the repair, and reported', () => {
  const em = demo();
  // The on-change trigger's run did not happen (it failed, or comes late): the next repair writes it back.
  em.world.triggers = em.world.triggers.filter((t) => t.handlerFunction !== 'onRegisterChange');
  const name = get(em, '100010').name;
  expect(em.sheetAction(STAFF, TAB, { action: 'deleteRows', start: 11, count: 1 }).ok).toBe(true);
  expect(repair(em).restoredRows).toEqual(['100010']);
  expect(get(em, '100010').name).toBe(name);
  expectSound(em);
});

test('set-up installs one nightly repair trigger at 02:00 Helsinki time, lists it, and the night run repairs', () => {
  const fresh = Emulator.open({ distDir: dist, stateFile: null, fresh: true });
  const first = call<{ installedTriggers: string[]; repair: { rows: number } }>(fresh, 'setUp', {}, OWNER);
  expect(first.installedTriggers).toEqual(['onRegisterEdit', 'runNightly', 'onRegisterChange', 'pollInbox']);
  expect(first.repair).toEqual(expect.objectContaining({ rows: 0, quarantined: [] }));
  expect(fresh.world.triggers.find((t) => t.handlerFunction === 'runNightly')).toEqual(
    expect.objectContaining({ eventType: 'CLOCK', everyMinutes: 1440, atHour: 2, timeZone: 'Europe/Helsinki', owner: OWNER }));
  const em = demo();
  const nightly = em.world.triggers.filter((t) => t.handlerFunction === 'runNightly');
  expect(nightly).toHaveLength(1);
  expect(call<{ installedTriggers: string[] }>(em, 'setUp', {}, OWNER).installedTriggers).toEqual([]);
  expect(em.world.triggers.filter((t) => t.handlerFunction === 'runNightly')).toHaveLength(1);
  const banned = call<{ customer: Person }>(em, 'banMarketing', { customerNumber: '100001' }).customer;
  em.world.injectFault({ atCall: 1 });
  em.editCell(STAFF, TAB, 2, col(em, 'Markkinointikielto'), '');
  const fired = em.setClock(em.world.now + 24 * 3_600_000);
  expect(fired.map((f) => f.handlerFunction)).toContain('runNightly');
  const at = fired.find((f) => f.handlerFunction === 'runNightly')!;
  expect(new Intl.DateTimeFormat('fi-FI', { timeZone: 'Europe/Helsinki', hour: 'numeric' }).format(new Date(at.at))).toMatch(/^2$|^02$/);
  expect(values(em)[1][col(em, 'Markkinointikielto') - 1]).toBe(banned.marketingBannedAt);
});

test('the invariant store\'s tab is hidden, protected to key personnel, and follows the key personnel', () => {
  const em = demo();
  const store = em.world.spreadsheet.snapshot('Varmisteet')!;
  expect(store.hidden).toBe(true);
  expect(store.protections[0]).toEqual(expect.objectContaining({ range: null, warningOnly: false }));
  const { settings } = call<{ settings: { keyPersonnel: { email: string; role: string }[] } }>(em, 'getSettings', undefined, OWNER);
  const newcomer = 'uusi.tyontekija@cleanroom.fi';
  call(em, 'saveSettings', { settings: { keyPersonnel: [...settings.keyPersonnel, { email: newcomer, role: 'staff' }] } }, OWNER);
  // Sharing the file is Google's Share button (README); the store's protection follows the settings.
  em.world.drive.editors.push(newcomer);
  const saved = em.callFromClient('saveCustomer', [{ customer: { name: 'Tulokas Testi', email: 'tulokas@example.fi' } }], newcomer);
  expect(saved.error?.message ?? '').toBe('');
  expect(em.world.spreadsheet.snapshot('Varmisteet')!.protections[0].editors).toContain(newcomer);
});
