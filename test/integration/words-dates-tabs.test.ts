/**
 * Issue 8 in the tabs besides the register: the Pyynnöt tab shows words (with dropdowns) and real
 * dates, typed words of any language and the old codes read back as codes; Luovutukset' day and
 * Lokitiedot' time are real date cells while the audit chain, hashed over the ISO instant and the
 * codes, still verifies for old and new entries and after a language switch; renamed headers keep
 * their earlier wordings, so a register set up with the old headers still reads, saves and
 * verifies its chain. The server API keeps codes and YYYY-MM-DD. Through dist/ in the emulator.
 */
import { verifyChain } from '../../src/core/audit';
import { AUDIT_TAB, columnKeysFromHeader, LANGUAGES, REGISTER_TAB, REQUESTS_TAB } from '../../src/core/schema';
import { sha256Hex } from '../../src/core/sha256';
import { AUDIT_FIELD_NAMES, fieldLabel, fieldOfLabel, fieldsFromWords, fieldsToWords, WORDS } from '../../src/core/words';
import { entryFrom } from '../../src/gas/audit-log';
import { decodeCell, encodeCell } from '../../src/gas/cells';
import { OWNER, STAFF } from '../../src/emulator/accounts';
import type { Emulator } from '../../src/emulator/app';
import { call, chainToHead, demo } from '../support/register';

type Req = { id: string; status: string; type: string; rights: string[]; channel: string; language: string; receivedAt: string; receivedInstant: string; dueDate: string; verification: string };

const snap = (em: Emulator, name: string) => em.world.spreadsheet.snapshot(name)!;
const col = (em: Emulator, name: string, header: string) => (snap(em, name).values[0] as string[]).indexOf(header) + 1;
const letter = (extra: Record<string, unknown> = {}) => ({
  channel: 'letter', type: 'erasure', rights: ['objection'], requesterEmail: 'kirje@example.fi', summary: 'Poistakaa tietoni', requestKey: 'letter-key-0000000001', receivedAt: '2026-11-02', ...extra,
});
const list = (em: Emulator) => call<{ requests: Req[] }>(em, 'listRequests', {}).requests;
/** What getValue returns for a cell: its type and, for a Date, its instant. */
function cellType(em: Emulator, tab: string, row: number, column: number): string {
  const r = em.runScript(`var v = SpreadsheetApp.getActiveSpreadsheet().getSheetByName(${JSON.stringify(tab)}).getRange(${row}, ${column}).getValue();
    return Object.prototype.toString.call(v);`, OWNER);
  return String(r.result);
}
const chainOk = (em: Emulator) => {
  const head = JSON.parse(em.world.properties.document['rekisteri.auditHead']) as { hash: string };
  return verifyChain(chainToHead(em), sha256Hex, head.hash);
};

describe('the Pyynnöt tab', () => {
  test('shows a logged letter in words and Finnish dates, while listRequests keeps codes and YYYY-MM-DD', () => {
    const em = demo(20);
    call(em, 'logRequest', letter());
    const tab = snap(em, 'Pyynnöt');
    const [header, row] = tab.values as unknown[][];
    const shown = tab.displayValues[1] as string[];
    const at = (h: string) => (header as string[]).indexOf(h);
    expect(row[at('Kanava')]).toBe('Kirje');
    expect(row[at('Tyyppi')]).toBe('Poisto (17 art.)');
    expect(row[at('Oikeudet')]).toBe('Poisto (17 art.), Markkinointikielto (21 art.)');
    expect(row[at('Kieli')]).toBe('suomi');
    expect(row[at('Tila')]).toBe('Odottaa tunnistamista');
    expect(row[at('Tunnistus')]).toBe('Ei tunnistettu');
    expect(shown[at('Määräpäivä')]).toBe('2.12.2026');
    expect(cellType(em, 'Pyynnöt', 2, at('Määräpäivä') + 1)).toBe('[object Date]');
    // No code and no ISO text in any column a person reads (the outcome is empty while open).
    const codes = new Set(['letter', 'erasure', 'objection', 'fi', 'awaiting-verification', 'none']);
    expect(shown.filter((v) => codes.has(v) || /^\d{4}-\d{2}-\d{2}/.test(v))).toEqual([]);
    expect(list(em)[0]).toMatchObject({ status: 'awaiting-verification', type: 'erasure', rights: ['erasure', 'objection'], channel: 'letter', language: 'fi', dueDate: '2026-12-02', verification: 'none' });
  });

  test('an instant received is a real date-time shown d.M.yyyy klo H.mm in Helsinki time, read back as the same ISO instant', () => {
    const em = demo(20);
    const { request } = call<{ request: Req }>(em, 'logRequest', letter({ receivedAt: '' }));
    const at = col(em, 'Pyynnöt', 'Vastaanotettu');
    const shown = (snap(em, 'Pyynnöt').displayValues[1] as string[])[at - 1];
    // A letter logged without a day is received now: an instant, so a date-time cell.
    expect(request.receivedAt).toMatch(/T/);
    expect(cellType(em, 'Pyynnöt', 2, at)).toBe('[object Date]');
    expect(shown).toMatch(/^\d{1,2}\.\d{1,2}\.\d{4} klo \d{1,2}\.\d{2}$/);
    expect(list(em)[0].receivedInstant).toBe(request.receivedAt);
  });

  test.each([
    ['a Finnish word', 'Käsittelyssä'],
    ['a Swedish word', 'under behandling'],
    ['an English word', 'IN PROGRESS'],
    ['the old code', 'in-progress'],
  ])('a status typed by hand as %s reads as in-progress, not as received', (_, typed) => {
    const em = demo(20);
    call(em, 'logRequest', letter());
    em.editCell(STAFF, 'Pyynnöt', 2, col(em, 'Pyynnöt', 'Tila'), typed);
    expect(list(em)[0].status).toBe('in-progress');
    // Types and verification typed in another language read back too.
    em.editCell(STAFF, 'Pyynnöt', 2, col(em, 'Pyynnöt', 'Tyyppi'), 'Insyn (art. 15)');
    em.editCell(STAFF, 'Pyynnöt', 2, col(em, 'Pyynnöt', 'Tunnistus'), 'checked by staff');
    expect(list(em)[0]).toMatchObject({ type: 'access', verification: 'manual' });
  });

  test('typed days d.M.yyyy and YYYY-MM-DD both read as the day', () => {
    const em = demo(20);
    call(em, 'logRequest', letter());
    const due = col(em, 'Pyynnöt', 'Määräpäivä');
    em.editCell(STAFF, 'Pyynnöt', 2, due, '9.12.2026');
    expect(list(em)[0].dueDate).toBe('2026-12-09');
    em.editCell(STAFF, 'Pyynnöt', 2, due, '2026-12-10');
    expect(list(em)[0].dueDate).toBe('2026-12-10');
  });

  test('the columns a person chooses in carry a dropdown of the Finnish words (the rights, a list, none)', () => {
    const em = demo(20);
    const cols = ['Kanava', 'Tyyppi', 'Kieli', 'Tila', 'Tunnistus', 'Oikeudet'].map((h) => REQUESTS_TAB.columns.findIndex((c) => c.header.fi === h) + 1);
    const r = em.runScript(`var s = SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Pyynnöt');
      return ${JSON.stringify(cols)}.map(function (c) { var v = s.getRange(40, c).getDataValidation(); return v ? v.getCriteriaValues()[0] : null; });`, OWNER);
    expect(r.result).toEqual([
      ['Sähköposti', 'Kirje', 'Käynti'],
      Object.values(WORDS.requestType).map((w) => w.fi),
      ['suomi', 'ruotsi', 'englanti'],
      Object.values(WORDS.requestStatus).map((w) => w.fi),
      ['Ei tunnistettu', 'Rekisterissä oleva osoite', 'Henkilökunta tarkisti'],
      null,
    ]);
  });

  test('a tab written before words (codes and ISO text) reads the same, and set-up turns it into words and dates', () => {
    const em = demo(20);
    call(em, 'logRequest', letter());
    const before = list(em)[0];
    // As an older release wrote the row: codes and ISO text in plain-text cells.
    const keys = columnKeysFromHeader(REQUESTS_TAB, snap(em, 'Pyynnöt').values[0]);
    const old: Record<string, string> = { channel: 'letter', type: 'erasure', rights: 'erasure,objection', language: 'fi', status: 'awaiting-verification', verification: 'none', dueDate: '2026-12-02', receivedAt: before.receivedInstant };
    const script = Object.entries(old).map(([k, v]) => `s.getRange(2, ${keys.indexOf(k) + 1}).setNumberFormat('@').setValue(${JSON.stringify(v)});`).join('\n');
    expect(em.runScript(`var s = SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Pyynnöt');\n${script}`, OWNER).ok).toBe(true);
    expect((snap(em, 'Pyynnöt').values[1] as unknown[])[keys.indexOf('status')]).toBe('awaiting-verification');
    expect(list(em)[0]).toEqual(before);
    call(em, 'setUp', {}, OWNER);
    const row = snap(em, 'Pyynnöt').values[1] as unknown[];
    expect(row[keys.indexOf('status')]).toBe('Odottaa tunnistamista');
    expect(row[keys.indexOf('rights')]).toBe('Poisto (17 art.), Markkinointikielto (21 art.)');
    expect(cellType(em, 'Pyynnöt', 2, keys.indexOf('dueDate') + 1)).toBe('[object Date]');
    expect((snap(em, 'Pyynnöt').displayValues[1] as string[])[keys.indexOf('dueDate')]).toBe('2.12.2026');
    expect(list(em)[0]).toEqual(before);
    // And the case still moves on: a verification writes the row in words.
    call(em, 'verifyRequest', { id: before.id, note: 'Soitettu rekisterissä olevaan numeroon' });
    expect((snap(em, 'Pyynnöt').values[1] as unknown[])[keys.indexOf('status')]).toBe('Käsittelyssä');
    expect(chainOk(em)).toEqual({ ok: true });
  });

  test('a language switch rewrites the tab\'s words and dropdowns in Swedish in one batch, the API unchanged', () => {
    const em = demo(20);
    call(em, 'logRequest', letter());
    call(em, 'logRequest', letter({ requestKey: 'letter-key-0000000002', type: 'access', rights: [], channel: 'in-person', verificationNote: 'Ajokortti' }));
    const before = list(em);
    const report = em.callFromClient('saveSettings', [{ settings: { language: 'sv' } }], OWNER);
    expect(report.ok).toBe(true);
    // The tab keeps its name (tabs are found by their name in any language); its header and words change.
    const tab = snap(em, 'Pyynnöt');
    const [header, ...rows] = tab.values as unknown[][];
    const keys = columnKeysFromHeader(REQUESTS_TAB, header);
    expect(header[keys.indexOf('status')]).toBe('Status');
    expect(rows.map((r) => r[keys.indexOf('status')]).sort()).toEqual(['Under behandling', 'Väntar på verifiering']);
    expect(rows.map((r) => r[keys.indexOf('channel')]).sort()).toEqual(['Besök', 'Brev']);
    expect(rows.map((r) => r[keys.indexOf('language')])).toEqual(['finska', 'finska']);
    expect(list(em)).toEqual(before);
    const dv = em.runScript(`var s = SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Pyynnöt');
      return s.getRange(30, ${keys.indexOf('status') + 1}).getDataValidation().getCriteriaValues()[0];`, OWNER);
    expect(dv.result).toEqual(Object.values(WORDS.requestStatus).map((w) => w.sv));
    expect(chainOk(em)).toEqual({ ok: true });
  });
});

describe('a settings save that changes more than the language', () => {
  test('key personnel and the language saved together: the tabs still switch to Swedish (the personnel branch returned before the rewrite)', () => {
    const em = demo(20);
    call(em, 'logRequest', letter());
    const { settings } = call<{ settings: { keyPersonnel: { email: string; role: string }[] } }>(em, 'getSettings', {}, OWNER);
    const keyPersonnel = [...settings.keyPersonnel, { email: 'uusi.henkilo@cleanroom.fi', role: 'staff' }];
    const report = em.callFromClient('saveSettings', [{ settings: { language: 'sv', keyPersonnel } }], OWNER);
    expect(report.ok).toBe(true);
    const [header, ...rows] = snap(em, 'Pyynnöt').values as unknown[][];
    const keys = columnKeysFromHeader(REQUESTS_TAB, header);
    expect(header[keys.indexOf('status')]).toBe('Status');
    expect(rows.map((r) => r[keys.indexOf('channel')])).toEqual(['Brev']);
    expect(chainOk(em)).toEqual({ ok: true });
  });
});

describe('Luovutukset and Lokitiedot hold real dates; the audit chain still verifies', () => {
  test('a disclosure\'s day is a date shown d.M.yyyy and the log\'s time a date-time in Helsinki time', () => {
    const em = demo(20);
    call(em, 'recordDisclosure', { customerNumber: '100003', recipient: 'Poliisi', recipientCountry: 'FI', basis: 'authority', basisReference: 'R-1', dataCategories: 'name,phone' });
    const day = col(em, 'Luovutukset', 'Päivä');
    const rows = snap(em, 'Luovutukset').values.length;
    expect(cellType(em, 'Luovutukset', rows, day)).toBe('[object Date]');
    expect((snap(em, 'Luovutukset').displayValues[rows - 1] as string[])[day - 1]).toMatch(/^\d{1,2}\.\d{1,2}\.\d{4}$/);
    const log = snap(em, 'Lokitiedot');
    const last = log.values.length;
    expect(cellType(em, 'Lokitiedot', last, 1)).toBe('[object Date]');
    const iso = String((log.values[last - 1] as unknown[])[0]);
    const shown = (log.displayValues[last - 1] as string[])[0];
    const hel = new Intl.DateTimeFormat('fi-FI', { timeZone: 'Europe/Helsinki', day: 'numeric', month: 'numeric', year: 'numeric', hour: 'numeric', minute: '2-digit' }).formatToParts(new Date(iso));
    const part = (t: string) => hel.find((p) => p.type === t)!.value;
    expect(shown).toBe(`${part('day')}.${part('month')}.${part('year')} klo ${part('hour')}.${part('minute')}`);
    // The hash is over the ISO instant with its milliseconds: it verifies.
    expect(chainOk(em)).toEqual({ ok: true });
    const report = call<{ checks: { id: string; ok: boolean }[] }>(em, 'runComplianceCheck', {}, OWNER);
    expect(JSON.stringify(report)).not.toMatch(/chain[^}]*"ok":false/i);
  });

  test('entries an older release wrote as ISO text verify, next to new date-cell entries, before and after set-up and a language switch', () => {
    const em = demo(20);
    call(em, 'banMarketing', { customerNumber: '100002' });
    // As an older release wrote the log: the time as ISO text in a plain-text cell.
    const log = snap(em, 'Lokitiedot');
    const times = (log.values.slice(1) as unknown[][]).map((r) => [String(r[0])]);
    expect(em.runScript(`var s = SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Lokitiedot');
      s.getRange(2, 1, ${times.length}, 1).setNumberFormat('@').setValues(${JSON.stringify(times)});`, OWNER).ok).toBe(true);
    expect(cellType(em, 'Lokitiedot', 2, 1)).toBe('[object String]');
    expect(chainOk(em)).toEqual({ ok: true });
    call(em, 'banMarketing', { customerNumber: '100004' });
    expect(cellType(em, 'Lokitiedot', snap(em, 'Lokitiedot').values.length, 1)).toBe('[object Date]');
    expect(chainOk(em)).toEqual({ ok: true });
    call(em, 'setUp', {}, OWNER);
    expect(cellType(em, 'Lokitiedot', 2, 1)).toBe('[object Date]');
    expect(chainOk(em)).toEqual({ ok: true });
    expect(em.callFromClient('saveSettings', [{ settings: { language: 'en' } }], OWNER).ok).toBe(true);
    const [header, ...rows] = snap(em, 'Lokitiedot').values as unknown[][];
    const keys = columnKeysFromHeader(AUDIT_TAB, header);
    const head = JSON.parse(em.world.properties.document['rekisteri.auditHead']) as { hash: string; count: number };
    expect(verifyChain(rows.slice(0, head.count).map((r) => entryFrom(r, keys)), sha256Hex, head.hash)).toEqual({ ok: true });
  });
});

describe('renamed headers keep their earlier wordings', () => {
  test('every header, earlier wording and field name decodes to its own column (no wording means two columns)', () => {
    for (const c of [...REGISTER_TAB.columns, ...REQUESTS_TAB.columns]) {
      for (const label of [c.key, ...LANGUAGES.map((l) => c.header[l]), ...(c.aliases ?? [])]) expect([label, fieldOfLabel(label)]).toEqual([label, c.key]);
      for (const l of LANGUAGES) expect(fieldOfLabel(fieldLabel(c.key, l))).toBe(c.key);
    }
    // Every field name the log may hold (columns, the address category, settings, deletion reasons)
    // is shown as a word and reads back as itself: the hash, over the names, verifies in any language.
    const all = AUDIT_FIELD_NAMES.join(',');
    for (const l of LANGUAGES) {
      const shown = String(fieldsToWords(all, l));
      expect(fieldsFromWords(shown)).toBe(all);
      expect(shown.split(', ').filter((word) => AUDIT_FIELD_NAMES.includes(word) && word !== 'ID')).toEqual([]);
    }
    // The log's actors that are no person are words too; an email stays as it is.
    expect(encodeCell('audit', 'actor', 'repair', { language: 'fi', timeZone: 'UTC' })).toBe('Korjausajo');
    expect(decodeCell('audit', 'actor', 'Reparation', 'UTC')).toBe('repair');
    expect(decodeCell('audit', 'actor', encodeCell('audit', 'actor', 'Anna.Asiakas@example.fi', { language: 'sv', timeZone: 'UTC' }), 'UTC')).toBe('Anna.Asiakas@example.fi');
    expect(columnKeysFromHeader(REGISTER_TAB, ['Rooli', 'Säilytysvelvoite asti', 'Kundförhållande började', 'Asiakas vai sidosryhmä'])).toEqual(['kind', 'legalHoldUntil', 'relationshipStart', 'kind']);
  });

  test('a register set up with the old headers reads, saves and verifies its chain (old field words in the log); set-up renames them', () => {
    const em = demo(20);
    const number = '100003';
    const first = call<{ customer: Record<string, unknown> }>(em, 'getCustomer', { customerNumber: number }).customer;
    call(em, 'saveCustomer', { customer: { customerNumber: number, kind: 'stakeholder', legalHoldUntil: '2030-01-31', legalHoldReason: 'Kirjanpito' }, expectedVersion: first.version });
    // As an older release set the tab up and logged: the old headers, and the old words in the log's fields.
    const kind = col(em, 'Rekisteri', 'Asiakas vai sidosryhmä');
    const hold = col(em, 'Rekisteri', 'Säilytettävä asti');
    const fields = col(em, 'Lokitiedot', 'Kentät');
    const oldFields = (snap(em, 'Lokitiedot').values.slice(1) as unknown[][]).map((r) => [String(r[fields - 1]).replace('Asiakas vai sidosryhmä', 'Rooli').replace('Säilytettävä asti', 'Säilytysvelvoite asti')]);
    expect(oldFields.some(([f]) => f.includes('Rooli') && f.includes('Säilytysvelvoite asti'))).toBe(true);
    expect(em.runScript(`var ss = SpreadsheetApp.getActiveSpreadsheet(); var s = ss.getSheetByName('Rekisteri');
      s.getRange(1, ${kind}).setValue('Rooli'); s.getRange(1, ${hold}).setValue('Säilytysvelvoite asti');
      ss.getSheetByName('Lokitiedot').getRange(2, ${fields}, ${oldFields.length}, 1).setValues(${JSON.stringify(oldFields)});
      PropertiesService.getDocumentProperties().deleteProperty('rekisteri.layout');`, OWNER).ok).toBe(true);
    expect(chainOk(em)).toEqual({ ok: true });
    const read = call<{ customer: Record<string, unknown> }>(em, 'getCustomer', { customerNumber: number }).customer;
    expect(read).toMatchObject({ kind: 'stakeholder', legalHoldUntil: '2030-01-31' });
    call(em, 'saveCustomer', { customer: { customerNumber: number, kind: 'customer' }, expectedVersion: read.version });
    expect(call<{ customer: Record<string, unknown> }>(em, 'getCustomer', { customerNumber: number }).customer.kind).toBe('customer');
    expect(chainOk(em)).toEqual({ ok: true });
    call(em, 'setUp', {}, OWNER);
    const header = snap(em, 'Rekisteri').values[0] as string[];
    expect(header).toContain('Asiakas vai sidosryhmä');
    expect(header).toContain('Säilytettävä asti');
    expect(header).not.toContain('Rooli');
    expect(chainOk(em)).toEqual({ ok: true });
    expect(call<{ customer: Record<string, unknown> }>(em, 'getCustomer', { customerNumber: number }).customer).toMatchObject({ kind: 'customer', legalHoldUntil: '2030-01-31' });
  });
});

describe('a fresh demo world with a request, a disclosure and a ban', () => {
  test.each(['fi', 'sv'] as const)('shows no code word and no ISO date in the columns a person reads of Pyynnöt, Luovutukset and Lokitiedot (%s)', (language) => {
    const em = demo(20);
    call(em, 'logRequest', letter());
    // A closed case too: its outcome (Lopputulos) is words, no JSON.
    const rejected = call<{ request: Req }>(em, 'logRequest', letter({ requestKey: 'letter-key-0000000002' })).request;
    call(em, 'rejectRequest', { id: rejected.id, reason: 'Henkilöllisyyttä ei voitu varmistaa' });
    call(em, 'recordDisclosure', { customerNumber: '100003', recipient: 'Poliisi', recipientCountry: 'FI', basis: 'authority', basisReference: 'R-1', dataCategories: 'name,phone,address' });
    call(em, 'banMarketing', { customerNumber: '100002' });
    if (language === 'sv') expect(em.callFromClient('saveSettings', [{ settings: { language: 'sv' } }], OWNER).ok).toBe(true);
    const codes = new Set<string>();
    for (const set of Object.values(WORDS) as Record<string, Record<string, string>>[]) {
      for (const [code, words] of Object.entries(set)) if (words[language].toLowerCase() !== code) codes.add(code);
    }
    for (const name of AUDIT_FIELD_NAMES) if (fieldLabel(name, language).toLowerCase() !== name.toLowerCase()) codes.add(name);
    const found: string[] = [];
    // Ids, hashes and the hidden columns are the software's; every other column is read by people.
    const skip = new Set(['id', 'gmailMessageId', 'gmailThreadId', 'replyMessageIds', 'outcomeData', 'prevHash', 'hash', 'customerNumber', 'recordedBy', 'handledBy']);
    for (const [name, tab] of [['Pyynnöt', REQUESTS_TAB], ['Luovutukset', null], ['Lokitiedot', AUDIT_TAB]] as const) {
      const sheet = snap(em, name);
      const keys = tab ? columnKeysFromHeader(tab, sheet.values[0]) : (sheet.values[0] as string[]).map(() => 'x');
      (sheet.displayValues.slice(1) as string[][]).forEach((r, i) => r.forEach((v, c) => {
        if (skip.has(keys[c] ?? '')) return;
        const parts = v.split(/,\s*/);
        if (parts.some((p) => codes.has(p)) || /^\d{4}-\d{2}-\d{2}(T|$)/.test(v) || /[{}]/.test(v)) found.push(`${name} ${i + 2}:${c + 1} ${v}`);
      }));
    }
    expect(found).toEqual([]);
  });
});
