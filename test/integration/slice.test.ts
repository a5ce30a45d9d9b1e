/**
 * The built bundle end to end in the emulator: the menu onOpen builds, the sidebar it opens, and
 * the server function the sidebar calls (issue: foundation, item 4).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'acorn';
import { openDemo, SEED_CUSTOMERS } from '../../src/demo/seed';
import { OWNER, STAFF, OUTSIDER } from '../../src/emulator/accounts';
import * as server from '../../src/server/index';

const dist = path.resolve(__dirname, '../../dist');
const open = () => openDemo({ distDir: dist, stateFile: null, fresh: true, now: Date.parse('2026-11-25T08:00:00Z') });

describe('dist/ as Apps Script receives it', () => {
  const code = fs.readFileSync(path.join(dist, 'Code.js'), 'utf8');

  test('every export of src/server/index.ts is a top-level function declaration in Code.js', () => {
    const ast = parse(code, { ecmaVersion: 'latest', sourceType: 'script' }) as unknown as { body: { type: string; id?: { name: string } }[] };
    const declared = ast.body.filter((n) => n.type === 'FunctionDeclaration').map((n) => n.id!.name);
    expect(declared.sort()).toEqual(Object.keys(server).sort());
  });

  test('Code.js is a classic script without require, import or export', () => {
    expect(() => parse(code, { ecmaVersion: 'latest', sourceType: 'script' })).not.toThrow();
    expect(code).not.toMatch(/\brequire\(/);
  });

  test('the manifest sets Helsinki time, V8 and explicit scopes', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(dist, 'appsscript.json'), 'utf8'));
    expect(manifest.timeZone).toBe('Europe/Helsinki');
    expect(manifest.runtimeVersion).toBe('V8');
    expect(manifest.oauthScopes).toContain('https://www.googleapis.com/auth/spreadsheets.currentonly');
    expect(manifest.oauthScopes).not.toContain('https://www.googleapis.com/auth/spreadsheets');
  });

  test('Sidebar.html is self-contained: no external scripts or styles', () => {
    const html = fs.readFileSync(path.join(dist, 'Sidebar.html'), 'utf8');
    expect(html).not.toMatch(/<script[^>]+src=/i);
    expect(html).not.toMatch(/<link[^>]+stylesheet/i);
    expect(html).toMatch(/<script>/);
  });
});

describe('the Rekisteri menu and sidebar', () => {
  test('opening the spreadsheet adds the "Rekisteri" menu with an item that opens the sidebar', () => {
    const emulator = open();
    const reports = emulator.openSpreadsheet(OWNER);
    expect(reports.every((r) => r.ok)).toBe(true);
    const menus = emulator.world.uiFor(OWNER).menus;
    expect(menus.map((m) => m.name)).toEqual(['Rekisteri']);
    // A simple trigger cannot tell an admin from staff: staff's items only, no Ylläpito (issue 8).
    expect(menus[0].items).toEqual([{ caption: 'Avaa rekisteri', functionName: 'showSidebar' }, { caption: 'Pyynnöt', functionName: 'showRequestsDialog' }, { caption: 'Avaa valittu rivi', functionName: 'showSelectedRow' }]);
    // An admin who opens the register gets Ylläpito and the set-up item.
    emulator.runMenuItem('showSidebar', OWNER);
    expect(emulator.world.uiFor(OWNER).menus[0].items).toEqual([
      { caption: 'Avaa rekisteri', functionName: 'showSidebar' },
      { caption: 'Pyynnöt', functionName: 'showRequestsDialog' },
      { caption: 'Avaa valittu rivi', functionName: 'showSelectedRow' },
      null,
      { caption: 'Ylläpito', functionName: 'showAdminDialog' },
      { caption: 'Käyttöönotto / korjaus', functionName: 'menuSetUp' },
    ]);
  });

  test('the menu item shows the built sidebar, 300 px wide, titled in Finnish', () => {
    const emulator = open();
    emulator.openSpreadsheet(OWNER);
    const report = emulator.runMenuItem('showSidebar', OWNER);
    expect(report.ok).toBe(true);
    const sidebar = emulator.world.uiFor(OWNER).sidebar!;
    expect(sidebar.width).toBe(300);
    expect(sidebar.title).toBe('Asiakasrekisteri');
    expect(sidebar.html).toBe(fs.readFileSync(path.join(dist, 'Sidebar.html'), 'utf8'));
  });

  test('the sidebar learns the signed-in user and the number of people in the register', () => {
    const emulator = open();
    expect(emulator.callFromClient('getSidebarInfo', [], OWNER).result).toEqual({
      user: OWNER, role: 'admin', language: 'fi', timeZone: 'Europe/Helsinki', rowCount: SEED_CUSTOMERS, spreadsheetName: 'Rekisteri',
      now: expect.stringMatching(/^2026-11-25T08:00:/), today: '2026-11-25',
    });
    expect((emulator.callFromClient('getSidebarInfo', [], STAFF).result as { user: string }).user).toBe(STAFF);
  });

  test('reading the row count is a handful of calls, whatever the register size', () => {
    const emulator = open();
    const report = emulator.callFromClient('getSidebarInfo', [], OWNER);
    expect(report.calls).toBeLessThanOrEqual(8);
  });

  test('someone the spreadsheet is not shared with gets no data', () => {
    const emulator = open();
    const report = emulator.callFromClient('getSidebarInfo', [], OUTSIDER);
    expect(report.ok).toBe(false);
    expect(JSON.stringify(report)).not.toMatch(/@gmail\.com|\+358/);
  });

  test('onOpen runs as a simple trigger: no active-user email, menus only', () => {
    const emulator = open();
    const [report] = emulator.openSpreadsheet(STAFF);
    expect(report.ok).toBe(true);
    expect(emulator.world.uiFor(STAFF).menus).toHaveLength(1);
    expect(emulator.world.uiFor(OWNER).menus).toHaveLength(0);
  });
});
