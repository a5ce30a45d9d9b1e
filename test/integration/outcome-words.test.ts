/**
 * Issue 8, the Pyynnöt tab's last codes: Lopputulos (the case's outcome) reads as words and
 * Finnish times in the register's language, derived from a hidden data column that keeps the
 * JSON; an older tab (the JSON in Lopputulos, no data column) still reads and set-up moves it; a
 * hand edit of Lopputulos never changes the case and is put back. Words typed in another language
 * (or the old codes) become the register language's word in the on-edit trigger's one write, in
 * the Pyynnöt tab and in the register, with no audit "change" when the meaning did not change.
 * Through dist/ in the emulator.
 */
import { columnKeysFromHeader, REGISTER_TAB, REQUESTS_TAB } from '../../src/core/schema';
import { OWNER, STAFF } from '../../src/emulator/accounts';
import type { Emulator } from '../../src/emulator/app';
import { verifyChain } from '../../src/core/audit';
import { sha256Hex } from '../../src/core/sha256';
import { auditEntries, call, chainToHead, demo } from '../support/register';
import { caseRow, logCase, person } from './fulfil-cases';

const snap = (em: Emulator, name: string) => em.world.spreadsheet.snapshot(name)!;
const keysOf = (em: Emulator) => columnKeysFromHeader(REQUESTS_TAB, snap(em, 'Pyynnöt').values[0]);
const colOf = (em: Emulator, key: string) => keysOf(em).indexOf(key) + 1;
/** The case's row as people see it (display values), by column key. */
function shown(em: Emulator, id: string): Record<string, string> {
  const tab = snap(em, 'Pyynnöt');
  const keys = columnKeysFromHeader(REQUESTS_TAB, tab.values[0]);
  const row = (tab.displayValues as string[][]).find((r) => r[keys.indexOf('id')] === id)!;
  return Object.fromEntries(keys.map((k, i) => [k ?? `#${i}`, row[i]]));
}
const rowOf = (em: Emulator, id: string) => (snap(em, 'Pyynnöt').values as unknown[][]).findIndex((r) => r[keysOf(em).indexOf('id')] === id) + 1;
const getRequest = (em: Emulator, id: string) => call<{ request: { outcome: { settled: { right: string; outcome: string; reason: string; at: string; by: string }[]; rejectionReason: string; duplicateOf: string }; status: string; type: string; channel: string } }>(em, 'getRequest', { id }).request;
/** Helsinki wall time of an ISO instant as the tab writes it. */
function helsinki(iso: string, at = 'klo', timeZone = 'Europe/Helsinki'): string {
  const p = new Intl.DateTimeFormat('en-GB', { timeZone, year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: '2-digit', hourCycle: 'h23' }).formatToParts(new Date(iso));
  const g = (t: string) => p.find((x) => x.type === t)!.value;
  return `${+g('day')}.${+g('month')}.${g('year')} ${at} ${+g('hour')}.${g('minute')}`;
}

/** A verified case asking for a marketing ban and a restriction: the ban fulfilled, the restriction declined. */
function settledCase(em: Emulator) {
  const p = person(em, '100015');
  const c = logCase(em, { id: 'R-0015', customerNumber: '100015', rights: ['objection', 'restriction'], mailFrom: p.email });
  call(em, 'fulfilRequest', { id: c.id, right: 'objection' });
  call(em, 'fulfilRequest', { id: c.id, right: 'restriction', decline: 'Tietoja tarvitaan laskutukseen.' });
  return c;
}

describe('Lopputulos reads as words', () => {
  test('each settled right in the register\'s words with its Finnish time and who settled it; the JSON only in the hidden data column; the API unchanged', () => {
    const em = demo();
    const c = settledCase(em);
    const settled = getRequest(em, c.id).outcome.settled;
    expect(settled.map((s) => `${s.right}:${s.outcome}`)).toEqual(['objection:fulfilled', 'restriction:declined']);
    const row = shown(em, c.id);
    expect(row.outcome).toBe(
      `Markkinointikielto (21 art.): toteutettu ${helsinki(settled[0].at)} (${STAFF}); `
      + `Käsittelyn rajoittaminen (18 art.): evätty ${helsinki(settled[1].at)} (${STAFF}) — syy: Tietoja tarvitaan laskutukseen.`,
    );
    expect(row.outcome).not.toMatch(/[{}"]|fulfilled|declined|objection|\d{4}-\d{2}-\d{2}T/);
    // The machine data: the hidden column, as the outcome's JSON.
    expect(JSON.parse(caseRow(em, c.id).outcomeData).settled).toEqual(settled);
    const hidden = em.runScript(`return SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Pyynnöt').isColumnHiddenByUser(${colOf(em, 'outcomeData')});`, OWNER);
    expect(hidden.result).toBe(true);
  });

  test('a change of the register\'s time zone rewrites Lopputulos\'s times in the new zone', () => {
    const em = demo();
    const c = settledCase(em);
    const [first] = getRequest(em, c.id).outcome.settled;
    expect(helsinki(first.at, 'klo', 'Europe/Stockholm')).not.toBe(helsinki(first.at));
    expect(em.callFromClient('saveSettings', [{ settings: { timeZone: 'Europe/Stockholm' } }], OWNER).ok).toBe(true);
    expect(shown(em, c.id).outcome).toContain(`toteutettu ${helsinki(first.at, 'klo', 'Europe/Stockholm')} (`);
  });

  test('a rejection and a duplicate read as words with the reason and the case repeated', () => {
    const em = demo(20);
    const letter = (key: string) => ({ channel: 'letter', type: 'access', rights: [], requesterEmail: 'kirje@example.fi', summary: 'Tietoni', requestKey: key, receivedAt: '2026-11-02' });
    const a = call<{ request: { id: string } }>(em, 'logRequest', letter('letter-key-0000000001')).request;
    const b = call<{ request: { id: string } }>(em, 'logRequest', letter('letter-key-0000000002')).request;
    call(em, 'rejectRequest', { id: a.id, reason: 'Henkilöllisyyttä ei voitu varmistaa' });
    call(em, 'markDuplicate', { id: b.id, of: a.id });
    expect(shown(em, a.id).outcome).toBe('Hylätty — syy: Henkilöllisyyttä ei voitu varmistaa');
    expect(shown(em, b.id).outcome).toBe(`Kaksoiskappale: sama pyyntö kuin ${a.id}`);
    expect(getRequest(em, b.id).outcome.duplicateOf).toBe(a.id);
  });

  test('a language switch rewrites Lopputulos in Swedish in its one batch, from the data column; the case unchanged', () => {
    const em = demo();
    const c = settledCase(em);
    const before = getRequest(em, c.id);
    expect(em.callFromClient('saveSettings', [{ settings: { language: 'sv' } }], OWNER).ok).toBe(true);
    const settled = before.outcome.settled;
    expect(shown(em, c.id).outcome).toBe(
      `Marknadsföringsförbud (art. 21): tillgodosedd ${helsinki(settled[0].at, 'kl.')} (${STAFF}); `
      + `Begränsning av behandling (art. 18): avslagen ${helsinki(settled[1].at, 'kl.')} (${STAFF}) — skäl: Tietoja tarvitaan laskutukseen.`,
    );
    expect(getRequest(em, c.id)).toEqual(before);
  });

  test('an older tab (the JSON in Lopputulos, no data column) reads as before; set-up adds the column, moves the JSON and writes the words', () => {
    const em = demo();
    const c = settledCase(em);
    const before = getRequest(em, c.id);
    const json = caseRow(em, c.id).outcomeData;
    // As an older release left the tab: the JSON in Lopputulos and no data column.
    const old = em.runScript(`
      var sheet = SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Pyynnöt');
      sheet.getRange(${rowOf(em, c.id)}, ${colOf(em, 'outcome')}).setValue(${JSON.stringify(json)});
      sheet.deleteColumn(${colOf(em, 'outcomeData')});
      PropertiesService.getDocumentProperties().setProperty('rekisteri.schemaVersion', 'old');
      PropertiesService.getDocumentProperties().deleteProperty('rekisteri.layout');`, OWNER);
    expect(old.ok).toBe(true);
    const setUp = call<{ addedColumns: string[] }>(em, 'setUp', {}, OWNER);
    expect(setUp.addedColumns).toEqual(['Pyynnöt: Lopputuloksen tiedot']);
    expect(JSON.parse(caseRow(em, c.id).outcomeData)).toEqual(JSON.parse(json));
    expect(shown(em, c.id).outcome).toMatch(/^Markkinointikielto \(21 art\.\): toteutettu /);
    expect(getRequest(em, c.id)).toEqual(before);
  });

  test('a row whose data cell is empty but whose Lopputulos holds the old JSON reads its outcome from it', () => {
    const em = demo();
    const c = settledCase(em);
    const before = getRequest(em, c.id);
    const json = caseRow(em, c.id).outcomeData;
    expect(em.runScript(`var sheet = SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Pyynnöt');
      sheet.getRange(${rowOf(em, c.id)}, ${colOf(em, 'outcome')}).setValue(${JSON.stringify(json)});
      sheet.getRange(${rowOf(em, c.id)}, ${colOf(em, 'outcomeData')}).setValue('');`, OWNER).ok).toBe(true);
    expect(getRequest(em, c.id)).toEqual(before);
  });

  test('an open case cannot be settled from the grid: JSON typed or pasted into its Lopputulos is never read, trigger or none', () => {
    const em = demo(20);
    const letter = { channel: 'letter', type: 'erasure', rights: [], requesterEmail: 'kirje@example.fi', summary: 'Poistakaa', requestKey: 'letter-key-0000000077', receivedAt: '2026-11-02' };
    const { request } = call<{ request: { id: string } }>(em, 'logRequest', letter);
    const before = getRequest(em, request.id);
    expect(before.outcome.settled).toEqual([]);
    // The software's row has its (empty) outcome in the data column, never a blank cell.
    expect(JSON.parse(String(caseRow(em, request.id).outcomeData))).toMatchObject({ settled: [] });
    const forged = JSON.stringify({ settled: [{ right: 'erasure', outcome: 'fulfilled', at: '2026-11-03T10:00:00.000Z', by: STAFF, reason: '' }], rejectionReason: '', duplicateOf: '' });
    // Typed in the grid: the trigger puts the (empty) words back.
    em.editCell(STAFF, 'Pyynnöt', rowOf(em, request.id), colOf(em, 'outcome'), forged);
    expect(shown(em, request.id).outcome).toBe('');
    expect(getRequest(em, request.id)).toEqual(before);
    // Written where no trigger runs (a failed trigger leaves it as typed): still not read.
    expect(em.runScript(`SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Pyynnöt').getRange(${rowOf(em, request.id)}, ${colOf(em, 'outcome')}).setValue(${JSON.stringify(forged)});`, OWNER).ok).toBe(true);
    expect(getRequest(em, request.id)).toEqual(before);
  });

  test('a hand edit of Lopputulos never changes the case: the trigger puts the words back and says why', () => {
    const em = demo();
    const c = settledCase(em);
    const before = getRequest(em, c.id);
    const text = shown(em, c.id).outcome;
    const edit = em.editCell(STAFF, 'Pyynnöt', rowOf(em, c.id), colOf(em, 'outcome'), 'Tarkastus: toteutettu');
    expect(edit.reports.every((r) => r.ok)).toBe(true);
    expect(shown(em, c.id).outcome).toBe(text);
    expect(getRequest(em, c.id)).toEqual(before);
    // The trigger runs as the admin who installed it; the toast shows in the sheet.
    expect(JSON.stringify([...em.world.uiFor(OWNER).toasts, ...em.world.uiFor(STAFF).toasts])).toMatch(/Lopputulos muodostuu pyynnön käsittelystä/);
    // A formula typed there is no exception: the words go back, no formula stays.
    em.editCell(STAFF, 'Pyynnöt', rowOf(em, c.id), colOf(em, 'outcome'), '=IMAGE("http://evil.example/x.png")');
    expect(shown(em, c.id).outcome).toBe(text);
    expect(snap(em, 'Pyynnöt').formulas.flat().filter((f) => f !== '')).toEqual([]);
    expect(getRequest(em, c.id)).toEqual(before);
  });
});

describe('a word typed in another language, or an old code, becomes the register\'s word at once', () => {
  const letter = (n: number) => ({ channel: 'letter', type: 'erasure', rights: ['objection'], requesterEmail: 'kirje@example.fi', summary: 'Poistakaa', requestKey: `letter-key-${String(n).padStart(10, '0')}`, receivedAt: '2026-11-02' });

  test.each([
    ['a Swedish word', 'status', 'under behandling', 'Käsittelyssä'],
    ['an English word', 'channel', 'In person', 'Käynti'],
    ['an old code', 'verification', 'manual', 'Henkilökunta tarkisti'],
    ['Swedish and English rights', 'rights', 'Insyn (art. 15), erasure', 'Tarkastus (15 art.), Poisto (17 art.)'],
    ['the language in Swedish', 'language', 'svenska', 'ruotsi'],
  ])('in Pyynnöt: %s reads as the Finnish word after the trigger, with no audit entry', (_, key, typed, word) => {
    const em = demo(20);
    const { request } = call<{ request: { id: string } }>(em, 'logRequest', letter(1));
    const entries = chainToHead(em).length;
    const edit = em.editCell(STAFF, 'Pyynnöt', rowOf(em, request.id), colOf(em, key), typed);
    expect(edit.reports.every((r) => r.ok)).toBe(true);
    expect(snap(em, 'Pyynnöt').values[rowOf(em, request.id) - 1][colOf(em, key) - 1]).toBe(word);
    expect(chainToHead(em)).toHaveLength(entries);
  });

  test('a word nobody knows stays as typed (the store reads its safe default), and a formula still becomes text', () => {
    const em = demo(20);
    const { request } = call<{ request: { id: string } }>(em, 'logRequest', letter(1));
    em.editCell(STAFF, 'Pyynnöt', 2, colOf(em, 'status'), 'puolivalmis');
    expect(snap(em, 'Pyynnöt').values[1][colOf(em, 'status') - 1]).toBe('puolivalmis');
    em.editCell(STAFF, 'Pyynnöt', 2, colOf(em, 'summary'), '=1+1');
    expect(snap(em, 'Pyynnöt').formulas.flat().filter((f) => f !== '')).toEqual([]);
    expect(getRequest(em, request.id).status).toBe('received');
  });

  test('a paste of 50 rows of words in three languages is one write, and costs the same calls as a paste of one row', () => {
    const em = demo(20);
    for (let n = 1; n <= 50; n++) call(em, 'logRequest', letter(n));
    const from = colOf(em, 'channel');
    expect(keysOf(em).slice(from - 1, from + 1)).toEqual(['channel', 'type']);
    const typed = ['email', 'Brev', 'Käynti'];
    const types = ['access', 'Radering (art. 17)', 'Marketing ban (Art. 21)'];
    const one = em.pasteCells(STAFF, 'Pyynnöt', 2, from, [[typed[0], types[0]]]);
    const fifty = em.pasteCells(STAFF, 'Pyynnöt', 2, from, Array.from({ length: 50 }, (_, i) => [typed[i % 3], types[i % 3]]));
    const calls = (o: typeof one) => o.reports.find((r) => r.byMethod['Range.getValues'])!;
    expect(calls(fifty).byMethod['Range.setValues'].calls).toBe(1);
    expect(calls(fifty).calls).toBe(calls(one).calls);
    const rows = (snap(em, 'Pyynnöt').values as unknown[][]).slice(1, 51);
    expect(rows.map((r) => r[from - 1])).toEqual(Array.from({ length: 50 }, (_, i) => ['Sähköposti', 'Kirje', 'Käynti'][i % 3]));
    expect(rows.map((r) => r[from])).toEqual(Array.from({ length: 50 }, (_, i) => ['Tarkastus (15 art.)', 'Poisto (17 art.)', 'Markkinointikielto (21 art.)'][i % 3]));
    const listed = call<{ requests: { id: string; channel: string }[] }>(em, 'listRequests', {}).requests;
    expect(listed.filter((r) => r.channel === 'in-person')).toHaveLength(16);
  });

  test.each([
    ['the code', 'consent'],
    ['the Swedish word', 'samtycke'],
    ['the English word', 'Consent'],
  ])('in Rekisteri: %s typed where the row says Suostumus reads Suostumus again, with no new change in the log', (_, typed) => {
    const em = demo(20);
    const at = columnKeysFromHeader(REGISTER_TAB, snap(em, 'Rekisteri').values[0]).indexOf('marketingBasis') + 1;
    const rows = snap(em, 'Rekisteri').values as unknown[][];
    const row = rows.findIndex((r) => r[at - 1] === 'Suostumus') + 1;
    expect(row).toBeGreaterThan(1);
    const before = auditEntries(em).length;
    const edit = em.editCell(STAFF, 'Rekisteri', row, at, typed);
    expect(edit.reports.every((r) => r.ok)).toBe(true);
    expect(snap(em, 'Rekisteri').values[row - 1][at - 1]).toBe('Suostumus');
    expect(auditEntries(em)).toHaveLength(before);
  });

  test('in Rekisteri: a word of another language that changes the meaning is taken as the change, in Finnish, and logged', () => {
    const em = demo(20);
    const at = columnKeysFromHeader(REGISTER_TAB, snap(em, 'Rekisteri').values[0]).indexOf('kind') + 1;
    const rows = snap(em, 'Rekisteri').values as unknown[][];
    const row = rows.findIndex((r) => r[at - 1] === 'Asiakas') + 1;
    const number = String(rows[row - 1][0]);
    em.editCell(STAFF, 'Rekisteri', row, at, 'Kontaktperson för intressent');
    expect(snap(em, 'Rekisteri').values[row - 1][at - 1]).toBe('Sidosryhmän yhteyshenkilö');
    expect(auditEntries(em).pop()).toMatchObject({ action: 'manual-edit', customerNumber: number, fields: 'kind' });
    expect(person(em, number).kind).toBe('stakeholder');
  });

  test('in Luovutukset and Lokitiedot (written by the software only): a pasted block keeps its text, its words in Finnish, and is logged as a hand edit', () => {
    const em = demo(20);
    call(em, 'recordDisclosure', { customerNumber: '100003', recipient: 'Poliisi', recipientCountry: 'FI', basis: 'authority', basisReference: 'R-1', dataCategories: 'name,phone' });
    const header = snap(em, 'Luovutukset').values[0] as string[];
    const basis = header.indexOf('Peruste') + 1;
    const rows = snap(em, 'Luovutukset').values.length;
    // Two cells (a paste: Sheets tells no old values), the basis and its reference.
    em.pasteCells(STAFF, 'Luovutukset', rows, basis, [['Personens skriftliga samtycke', 'R-2']]);
    expect((snap(em, 'Luovutukset').values[rows - 1] as unknown[]).slice(basis - 1, basis + 1)).toEqual(['Henkilön kirjallinen suostumus', 'R-2']);
    expect(auditEntries(em).pop()).toMatchObject({ action: 'manual-edit', actor: STAFF, fields: 'disclosures' });
    const log = snap(em, 'Lokitiedot');
    const action = (log.values[0] as string[]).indexOf('Toimenpide') + 1;
    const last = log.values.length;
    expect((log.values as unknown[][]).slice(last - 2, last).map((r) => r[action - 1])).toEqual(['Luovutus', 'Muutos taulukossa']);
    // The same actions pasted as the code and the English word: the words come back, the chain still verifies.
    em.pasteCells(STAFF, 'Lokitiedot', last - 1, action, [['disclosure'], ['Edit in the sheet']]);
    expect((snap(em, 'Lokitiedot').values as unknown[][]).slice(last - 2, last).map((r) => r[action - 1])).toEqual(['Luovutus', 'Muutos taulukossa']);
    const head = JSON.parse(em.world.properties.document['rekisteri.auditHead']) as { hash: string };
    expect(verifyChain(chainToHead(em), sha256Hex, head.hash)).toEqual({ ok: true });
  });
});
