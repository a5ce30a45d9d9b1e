/**
 * Issue 8, the sheet side: words, not codes, and Finnish dates in every tab a person reads,
 * through the built dist/ in the emulator. Typed words of any language (and the old codes) are
 * taken and written as the register language's word; 1.12.2025 and 2025-12-01 are both taken;
 * date cells hold real dates shown d.M.yyyy (instants d.M.yyyy klo H.mm in Helsinki time); the
 * enumerated columns have a dropdown; a language switch rewrites headers and words in one batch
 * per tab and the audit chain still verifies; a fresh demo world shows no English code word.
 */
import { AUDIT_TAB, columnKeysFromHeader, headerRow, REGISTER_TAB } from '../../src/core/schema';
import { verifyChain } from '../../src/core/audit';
import { sha256Hex } from '../../src/core/sha256';
import { WORD_COLUMNS, WORDS } from '../../src/core/words';
import { entryFrom } from '../../src/gas/audit-log';
import { OWNER, STAFF } from '../../src/emulator/accounts';
import type { Emulator } from '../../src/emulator/app';
import { call, demo } from '../support/register';

const sheetOf = (em: Emulator, name = 'Rekisteri') => em.world.spreadsheet.snapshot(name)!;
const column = (em: Emulator, header: string, name = 'Rekisteri') => (sheetOf(em, name).values[0] as string[]).indexOf(header) + 1;
const customer = (em: Emulator, number: string) =>
  call<{ customer: Record<string, unknown> }>(em, 'getCustomer', { customerNumber: number }).customer;

/** Every code of the register's enumerations that is not also the word of `language`. */
function codeWords(language: 'fi' | 'sv'): Set<string> {
  const out = new Set<string>();
  for (const set of Object.values(WORD_COLUMNS.register)) {
    for (const [code, words] of Object.entries(WORDS[set] as Record<string, Record<string, string>>)) {
      if (words[language].toLowerCase() !== code) out.add(code);
    }
  }
  return out;
}

/** The columns of the register tab a person reads: all but the hidden search key. */
function readColumns(em: Emulator): number[] {
  const keys = columnKeysFromHeader(REGISTER_TAB, sheetOf(em).values[0]);
  return keys.map((k, i) => (k && k !== 'searchKey' ? i : -1)).filter((i) => i >= 0);
}

describe('words in the register tab', () => {
  const em = demo(30);
  const row = 3;
  const number = String((sheetOf(em).values[row - 1] as unknown[])[0]);

  test.each([
    ['a Finnish word', 'suostumus'],
    ['a Swedish word', 'Samtycke'],
    ['an English word', 'CONSENT'],
    ['the old code', 'consent'],
  ])('%s typed as the marketing basis is taken and written as the Finnish word', (_, typed) => {
    // Consent needs its time: a day typed the Finnish way.
    expect(em.editCell(STAFF, 'Rekisteri', row, column(em, 'Markkinointilupa annettu'), '1.11.2026').reports[0].ok).toBe(true);
    expect(em.editCell(STAFF, 'Rekisteri', row, column(em, 'Markkinoinnin peruste'), typed).reports[0].ok).toBe(true);
    expect((sheetOf(em).values[row - 1] as unknown[])[column(em, 'Markkinoinnin peruste') - 1]).toBe('Suostumus');
    expect(customer(em, number).marketingBasis).toBe('consent');
  });

  test('a word of another kind of value is refused with the words to choose from, and the cell put back', () => {
    const at = column(em, 'Asiakas vai sidosryhmä');
    const before = (sheetOf(em).values[row - 1] as unknown[])[at - 1];
    em.editCell(STAFF, 'Rekisteri', row, at, 'suostumus');
    expect((sheetOf(em).values[row - 1] as unknown[])[at - 1]).toBe(before);
    const toasts = em.world.uiFor(STAFF).toasts.concat(em.world.uiFor(OWNER).toasts).map((t) => JSON.stringify(t));
    expect(toasts.join(' ')).toContain('Asiakas, Sidosryhmän yhteyshenkilö');
    expect(toasts.join(' ')).not.toContain('customer, stakeholder');
  });

  test('the enumerated columns carry a dropdown of the Finnish words, from set-up', () => {
    const r = em.runScript(`var s = SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Rekisteri');
      return [2, 3, 11, 13].map(function (c) { var v = s.getRange(150, c).getDataValidation(); return v ? [v.getCriteriaValues()[0], v.getAllowInvalid()] : null; });`, OWNER);
    expect(r.ok).toBe(true);
    expect(r.result).toEqual([
      [['Asiakas', 'Sidosryhmän yhteyshenkilö'], true],
      [['Kuluttaja', 'Yritys'], true],
      [['Henkilö itse', 'Julkinen lähde'], true],
      [['Suostumus', 'Olemassa oleva asiakassuhde', 'Yritysyhteyshenkilö', 'Ei markkinointia'], true],
    ]);
  });
});

describe('Finnish dates in the register tab', () => {
  const em = demo(30);
  const row = 4;
  const number = String((sheetOf(em).values[row - 1] as unknown[])[0]);

  test.each([['1.12.2025'], ['2025-12-01'], ['01.12.2025']])('%s typed as the relationship start is the first of December, a real date shown 1.12.2025', (typed) => {
    const at = column(em, 'Asiakkuus alkoi');
    expect(em.editCell(STAFF, 'Rekisteri', row, at, typed).reports[0].ok).toBe(true);
    const snap = sheetOf(em);
    const real = em.runScript(`var v = SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Rekisteri').getRange(${row}, ${at}).getValue(); return Object.prototype.toString.call(v);`, OWNER);
    expect(real.result).toBe('[object Date]');
    expect((snap.displayValues[row - 1] as string[])[at - 1]).toBe('1.12.2025');
    expect(customer(em, number).relationshipStart).toBe('2025-12-01');
  });

  test('a ban is shown as d.M.yyyy klo H.mm in Helsinki time, as the sidebar says it', () => {
    const { customer: c } = call<{ customer: { marketingBannedAt: string } }>(em, 'banMarketing', { customerNumber: number });
    const shown = (sheetOf(em).displayValues[row - 1] as string[])[column(em, 'Markkinointikielto') - 1];
    const hel = new Intl.DateTimeFormat('fi-FI', { timeZone: 'Europe/Helsinki', day: 'numeric', month: 'numeric', year: 'numeric', hour: 'numeric', minute: '2-digit' }).formatToParts(new Date(c.marketingBannedAt));
    const part = (t: string) => hel.find((p) => p.type === t)!.value;
    expect(shown).toBe(`${part('day')}.${part('month')}.${part('year')} klo ${part('hour')}.${part('minute')}`);
    expect(shown).not.toMatch(/Z|T\d/);
  });

  test('a day that does not exist is refused and the cell put back', () => {
    const at = column(em, 'Asiakkuus päättyi');
    const before = customer(em, number).relationshipEnd;
    em.editCell(STAFF, 'Rekisteri', row, at, '31.2.2026');
    expect(customer(em, number).relationshipEnd).toBe(before);
  });
});

describe('a language switch', () => {
  test('rewrites every header, word and dropdown in one batch per tab, and the audit chain still verifies', () => {
    const em = demo(200);
    call(em, 'banMarketing', { customerNumber: '100003' });
    call(em, 'recordDisclosure', { customerNumber: '100003', recipient: 'Poliisi', recipientCountry: 'FI', basis: 'authority', basisReference: 'R-1', dataCategories: 'name,phone' });
    const report = em.callFromClient('saveSettings', [{ settings: { language: 'sv' } }], OWNER);
    expect(report.ok).toBe(true);
    // Per tab: one read of the header and one of the word block (three tabs have words), all
    // before any write (no read waits for a flush); then per tab one write of each, the log's
    // entry, the nine dropdowns (four in the register, five in the requests) and the date format
    // runs: never a call per row or cell.
    // (+1: the audit tail's proof before the log's entry is appended, gas/audit-log.ts)
    expect(report.byMethod['Range.getValues'].calls).toBe(4 + 3 + 1);
    expect(report.byMethod['Range.setValues'].calls).toBe(4 + 3 + 1);
    expect(report.byMethod['Range.setDataValidation'].calls).toBe(4 + 5);
    expect(report.byMethod['SpreadsheetApp.flush (forced by a read)']).toBeUndefined();
    expect(report.calls).toBeLessThanOrEqual(44);
    const reg = sheetOf(em);
    expect(reg.values[0]).toEqual(headerRow(REGISTER_TAB, 'sv'));
    const words = new Set((reg.values.slice(1) as unknown[][]).map((r) => r[column(em, 'Grund för marknadsföring') - 1]));
    expect([...words].every((w) => ['Samtycke', 'Befintligt kundförhållande', 'Företagskontakt', 'Ingen marknadsföring'].includes(String(w)))).toBe(true);
    const dv = em.runScript(`return SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Rekisteri').getRange(20, 2).getDataValidation().getCriteriaValues()[0];`, OWNER);
    expect(dv.result).toEqual(['Kund', 'Kontaktperson för intressent']);
    const disclosures = sheetOf(em, 'Luovutukset');
    expect(disclosures.values[1]).toEqual(expect.arrayContaining(['En myndighets krav', 'Namn, Mobiltelefon']));
    // The log: Swedish words in the tab, the chain over the codes whole.
    const [header, ...rows] = sheetOf(em, 'Lokitiedot').values as unknown[][];
    expect(header).toEqual(headerRow(AUDIT_TAB, 'sv'));
    expect(rows.map((r) => r[2])).toEqual(expect.arrayContaining(['Marknadsföringsförbud', 'Utlämnande', 'Ändring av inställningar']));
    const keys = columnKeysFromHeader(AUDIT_TAB, header);
    const entries = rows.filter((r) => r[0] !== '').map((r) => entryFrom(r, keys));
    const head = JSON.parse(em.world.properties.document['rekisteri.auditHead']) as { hash: string; count: number };
    expect(verifyChain(entries.slice(0, head.count), sha256Hex, head.hash)).toEqual({ ok: true });
    // The register still reads: codes from words.
    expect(customer(em, '100003').marketingBannedAt).not.toBe('');
    expect(call<{ customers: unknown[] }>(em, 'searchCustomers', { query: '100003' }).customers.length).toBe(1);
    // And a Finnish word typed into the Swedish register becomes the Swedish word.
    em.editCell(STAFF, 'Rekisteri', 5, column(em, 'Kund eller intressent'), 'sidosryhmän yhteyshenkilö');
    expect((sheetOf(em).values[4] as unknown[])[column(em, 'Kund eller intressent') - 1]).toBe('Kontaktperson för intressent');
  });
});

describe('a register written before words', () => {
  test('set-up turns its codes into words and changes no record', () => {
    const em = demo(20);
    const at = column(em, 'Markkinoinnin peruste');
    const kind = column(em, 'Asiakas vai sidosryhmä');
    const before = customer(em, '100005');
    // As an older release wrote them: the codes.
    const codes = (sheetOf(em).values.slice(1) as unknown[][]).map((r) => [String(customer(em, String(r[0])).marketingBasis)]);
    expect(em.runScript(`var s = SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Rekisteri');
      s.getRange(2, ${at}, ${codes.length}, 1).setValues(${JSON.stringify(codes)});
      s.getRange(2, ${kind}, ${codes.length}, 1).setValue('customer');`, OWNER).ok).toBe(true);
    expect((sheetOf(em).values[4] as unknown[])[kind - 1]).toBe('customer');
    call(em, 'setUp', {}, OWNER);
    const rows = sheetOf(em).values.slice(1) as unknown[][];
    expect(new Set(rows.map((r) => r[kind - 1]))).toEqual(new Set(['Asiakas']));
    expect(rows.every((r) => ['Suostumus', 'Olemassa oleva asiakassuhde', 'Yritysyhteyshenkilö', 'Ei markkinointia'].includes(String(r[at - 1])))).toBe(true);
    expect(customer(em, '100005')).toEqual({ ...before, kind: 'customer' });
  });
});

describe('a fresh demo world', () => {
  test.each(['fi', 'sv'] as const)('shows no English code word in any column a person reads of the register tab (%s)', (language) => {
    const em = demo();
    if (language === 'sv') expect(em.callFromClient('saveSettings', [{ settings: { language: 'sv' } }], OWNER).ok).toBe(true);
    const codes = codeWords(language);
    const snap = sheetOf(em);
    const cols = readColumns(em);
    const found: string[] = [];
    (snap.displayValues.slice(1) as string[][]).forEach((r, i) => cols.forEach((c) => {
      if (codes.has(r[c])) found.push(`${i + 2}:${c + 1} ${r[c]}`);
      // No ISO instant (…T08:00Z) either: dates are d.M.yyyy.
      if (/^\d{4}-\d{2}-\d{2}(T|$)/.test(r[c])) found.push(`${i + 2}:${c + 1} ${r[c]}`);
    }));
    expect(found).toEqual([]);
  });
});
