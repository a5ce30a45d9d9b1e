/**
 * Key personnel only (DESIGN §6): every entry point of the built bundle refuses someone who is
 * not key personnel — an outsider and an editor of the spreadsheet who is not on the list — and
 * admin functions refuse staff. Refusals carry no personal data and change nothing.
 */
import * as path from 'node:path';
import { Emulator } from '../../src/emulator/app';
import { openDemo } from '../../src/demo/seed';
import { OWNER, STAFF, OUTSIDER } from '../../src/emulator/accounts';

const dist = path.resolve(__dirname, '../../dist');
const EDITOR = 'harjoittelija@cleanroom.fi';

/** Entry points that are not data functions: Sheets' own triggers and the menu that shows a refusal page. */
const NOT_DATA = new Set(['onOpen', 'onInstall', 'showSidebar', 'menuSetUp', 'onRegisterEdit', 'onRegisterChange']);
const ADMIN_ONLY = ['setUp', 'getSettings', 'saveSettings'];

function world(): Emulator {
  const em = openDemo({ distDir: dist, stateFile: null, fresh: true });
  em.world.drive.editors.push(EDITOR);
  return em;
}

const entryPoints = [...world().runtime.entryPoints].filter((fn) => !NOT_DATA.has(fn)).sort();

test('the bundle has the data entry points this suite covers', () => {
  expect(entryPoints.length).toBeGreaterThanOrEqual(14);
});

describe.each([OUTSIDER, EDITOR])('%s, who is not key personnel', (user) => {
  test.each(entryPoints)('is refused by %s, gets no data and changes nothing', (fn) => {
    const em = world();
    const before = JSON.stringify(em.world.spreadsheet.toJSON()) + JSON.stringify(em.world.properties);
    const report = em.callFromClient(fn, [{ customerNumber: '100001', query: 'a', customer: { name: 'X' }, settings: {} }], user);
    expect(report.ok).toBe(false);
    expect(report.error!.message).toMatch(/ei ole oikeutta|vain ylläpitäjille|permission/);
    expect(JSON.stringify(report)).not.toMatch(/@gmail\.com|@outlook\.com|\+358\d{6}/);
    expect(JSON.stringify(em.world.spreadsheet.toJSON()) + JSON.stringify(em.world.properties)).toBe(before);
  });
});

test.each(ADMIN_ONLY)('staff are refused by the admin function %s', (fn) => {
  const em = world();
  const report = em.callFromClient(fn, [{ settings: { retentionMonths: 1 } }], STAFF);
  expect(report.ok).toBe(false);
  expect(report.error!.message).toMatch(/vain ylläpitäjille/);
});

test('an editor who is not key personnel opening the sidebar gets a page that says why, without data', () => {
  const em = world();
  em.openSpreadsheet(EDITOR);
  const report = em.runMenuItem('showSidebar', EDITOR);
  expect(report.ok).toBe(true);
  const html = em.world.uiFor(EDITOR).sidebar!.html;
  expect(html).toContain('data-testid="refusal"');
  expect(html).toMatch(/avainhenkilöt/);
  expect(html).not.toMatch(/<script/);
});

test('an admin can add key personnel, and the new person is served at once', () => {
  const em = world();
  const { settings } = em.callFromClient('getSettings', [], OWNER).result as { settings: { keyPersonnel: { email: string; role: string }[] } };
  const saved = em.callFromClient('saveSettings', [{ settings: { keyPersonnel: [...settings.keyPersonnel, { email: EDITOR, role: 'staff' }] } }], OWNER);
  expect(saved.ok).toBe(true);
  expect(em.callFromClient('searchCustomers', [{ query: 'a' }], EDITOR).ok).toBe(true);
  // The tabs' protections now list the new key person, so the sheet lets them type too.
  for (const tab of ['Rekisteri', 'Pyynnöt', 'Luovutukset', 'Lokitiedot']) {
    expect(em.world.spreadsheet.snapshot(tab)!.protections[0].editors).toEqual(expect.arrayContaining([OWNER, STAFF, EDITOR]));
  }
});

test('a person removed from key personnel loses the sheet protections too', () => {
  const em = world();
  const saved = em.callFromClient('saveSettings', [{ settings: { keyPersonnel: [{ email: OWNER, role: 'admin' }] } }], OWNER);
  expect(saved.ok).toBe(true);
  expect(em.world.spreadsheet.snapshot('Rekisteri')!.protections[0].editors).not.toContain(STAFF);
  expect(em.editCell(STAFF, 'Rekisteri', 2, 4, 'Muutettu Nimi').ok).toBe(false);
  expect(em.callFromClient('getCustomer', [{ customerNumber: '100001' }], STAFF).ok).toBe(false);
});

test('an admin cannot remove the last admin or their own admin role', () => {
  const em = world();
  const report = em.callFromClient('saveSettings', [{ settings: { keyPersonnel: [{ email: STAFF, role: 'staff' }] } }], OWNER);
  expect(report.ok).toBe(false);
  expect(report.error!.message).toMatch(/ylläpitäjä/);
});

test('onRegisterEdit called through google.script.run does nothing', () => {
  const em = world();
  const before = JSON.stringify(em.world.spreadsheet.toJSON());
  const report = em.callFromClient('onRegisterEdit', [{ range: { getSheet: 'x' } }], OUTSIDER);
  expect(report.ok).toBe(true);
  expect(JSON.stringify(em.world.spreadsheet.toJSON())).toBe(before);
});

test('the on-edit trigger works for a key person from another domain, whom Apps Script does not name to it', () => {
  const em = world();
  const accountant = 'kirjanpitaja@tilitoimisto.fi';
  em.world.drive.editors.push(accountant);
  const { settings } = em.callFromClient('getSettings', [], OWNER).result as { settings: { keyPersonnel: { email: string; role: string }[] } };
  expect(em.callFromClient('saveSettings', [{ settings: { keyPersonnel: [...settings.keyPersonnel, { email: accountant, role: 'staff' }] } }], OWNER).ok).toBe(true);
  const phoneCol = (em.world.spreadsheet.snapshot('Rekisteri')!.values[0] as string[]).indexOf('Matkapuhelin') + 1;
  const edit = em.editCell(accountant, 'Rekisteri', 2, phoneCol, '040 555 6666');
  expect(edit.reports.every((r) => r.ok)).toBe(true);
  expect((em.world.spreadsheet.snapshot('Rekisteri')!.values[1] as unknown[])[phoneCol - 1]).toBe('+358405556666');
});
