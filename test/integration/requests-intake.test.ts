/**
 * The request inbox through the built bundle (README "Requests"): mail delivered with the
 * emulator's mail API becomes cases when the intake trigger fires as the clock moves; one case per
 * message, idempotent by message id (not by label), replies join their case, the registered
 * address verifies, an objection from it bans marketing at once, acknowledgements are drafted or
 * sent in the request's language, and a full or slow run continues in a one-off trigger that
 * deletes itself.
 */
import { OWNER } from '../../src/emulator/accounts';
import type { Emulator } from '../../src/emulator/app';
import { auditEntries, call, demo, formulas } from '../support/register';

type Summary = { id: string; type: string; rights: string[]; status: string; language: string; receivedAt: string; dueDate: string; customerNumber: string; verification: string; requesterEmail: string };
type Mail = { threadId: string; from: string; to: string; body: string; labels: string[] };
type Mailbox = { drafts: Mail[]; messages: Mail[]; sent: Mail[] };

/** A demo world without the demo's five letters, so each test counts its own. */
function world(): Emulator {
  const em = demo(20);
  const mail = em.world.mail as unknown as { messages: Map<string, unknown>; threads: Map<string, unknown> };
  mail.messages.clear();
  mail.threads.clear();
  return em;
}

const requests = (em: Emulator) => call<{ requests: Summary[] }>(em, 'listRequests', {}).requests;
const mailbox = (em: Emulator) => em.world.mail.snapshot() as unknown as Mailbox;
/** Moves the clock 15 minutes: the intake trigger fires (and any continuation due). */
function tick(em: Emulator, minutes = 15) {
  const fired = em.setClock(em.world.now + minutes * 60_000);
  const failed = fired.filter((f) => !f.report.ok);
  if (failed.length) throw new Error(JSON.stringify(failed.map((f) => f.report.error)));
  return fired;
}
const person = (em: Emulator, n = '100001') => call<{ customer: { email: string; marketingBannedAt: string; version: number } }>(em, 'getCustomer', { customerNumber: n }).customer;

test('a mail sent into the inbox becomes one request when the intake trigger fires by the clock', () => {
  const em = world();
  em.deliverMail({ from: 'Liisa Lukija <liisa.lukija@example.fi>', subject: 'Tietopyyntö', body: 'Hei,\n\npyydän jäljennöksen kaikista minua koskevista tiedoista.\n\nLiisa' });
  const fired = tick(em);
  expect(fired.map((f) => f.handlerFunction)).toContain('pollInbox');
  const [r] = requests(em);
  expect(requests(em)).toHaveLength(1);
  expect(r).toMatchObject({ id: 'R-0001', type: 'access', rights: ['access'], language: 'fi', status: 'awaiting-verification', verification: 'none', requesterEmail: 'liisa.lukija@example.fi' });
  // Received on the Helsinki day of the mail, due one month later on a working day.
  expect(r.receivedAt).toBe('2026-11-25');
  expect(r.dueDate).toBe('2026-12-28');
  // A second run finds nothing new.
  tick(em);
  expect(requests(em)).toHaveLength(1);
  expect(auditEntries(em).filter((e) => e.action === 'request-logged').map((e) => e.requestId)).toEqual(['R-0001']);
});

test('every message is exactly one case, several rights of one letter in one case, and the body never reaches the sheet', () => {
  const em = world();
  const long = 'Olen ollut asiakkaananne vuosia, mutta muutan ulkomaille enkä enää tarvitse palvelujanne. '.repeat(3);
  em.deliverMail({ from: 'a@example.fi', subject: 'Poistakaa tietoni', body: `Poistakaa kaikki tietoni rekisteristänne. Kiellän myös suoramarkkinoinnin. ${long}\n\nLopuksi: SALAISUUS-1234` });
  em.deliverMail({ from: 'b@example.se', subject: 'Begäran om registerutdrag', body: 'Jag vill få ett registerutdrag över mina personuppgifter.' });
  em.deliverMail({ from: 'c@example.org', subject: 'Unsubscribe', body: 'Please stop sending me marketing emails.' });
  tick(em);
  const list = requests(em);
  expect(list.map((r) => [r.type, r.rights, r.language])).toEqual([
    ['objection', ['objection'], 'en'], ['access', ['access'], 'sv'], ['erasure', ['erasure', 'objection'], 'fi'],
  ]);
  // Only a summary of at most 200 characters: the letter stays in Gmail.
  expect(JSON.stringify(em.world.spreadsheet.snapshot('Pyynnöt')!.values)).not.toContain('SALAISUUS-1234');
  expect(Math.max(...(em.world.spreadsheet.snapshot('Pyynnöt')!.values as string[][]).map((r) => r[15].length))).toBeLessThanOrEqual(200);
});

test('a reply in a thread that is already a case joins that case, and a label removed by hand logs nothing twice', () => {
  const em = world();
  const { threadId } = em.deliverMail({ from: 'pekka@example.fi', subject: 'Tietopyyntö', body: 'Haluan tarkastaa tietoni.' });
  tick(em);
  // Gmail labels are per message: the reply arrives without the label, and the search finds the thread again.
  const reply = em.deliverMail({ from: 'pekka@example.fi', subject: 'Re: Tietopyyntö', body: 'Liitteenä henkilökortin kuva.', threadId });
  tick(em);
  expect(requests(em)).toHaveLength(1);
  const got = call<{ request: { id: string }; replies: { messageId: string; body: string }[] }>(em, 'getRequest', { id: 'R-0001' }, OWNER);
  expect(got.replies).toEqual([expect.objectContaining({ messageId: reply.messageId, body: 'Liitteenä henkilökortin kuva.' })]);
  expect(auditEntries(em).filter((e) => e.requestId === 'R-0001').map((e) => [e.action, e.fields])).toContainEqual(['request-updated', 'replyMessageIds']);
  // Someone removes the label: the next runs read the thread again, and still log nothing new.
  const removed = em.runScript(`GmailApp.getUserLabelByName('Rekisteri/käsitelty').removeFromThreads(GmailApp.search('in:inbox'));`, OWNER);
  expect(removed.ok).toBe(true);
  tick(em);
  expect(requests(em)).toHaveLength(1);
  expect(call<{ replies: unknown[] }>(em, 'getRequest', { id: 'R-0001' }, OWNER).replies).toHaveLength(1);
});

test('a Requests tab whose columns moved is learned once by the run: the layout read before the lock is the one written by and remembered', () => {
  const sheetCalls = (report: ReturnType<Emulator['runTimeTrigger']>) => Object.entries(report.byMethod ?? {})
    .filter(([m, c]) => c.modelledMs > 0 && /^(SpreadsheetApp|Spreadsheet|Sheet|Range|TextFinder)\./.test(m)).reduce((n, [, c]) => n + c.calls, 0);
  const em = world();
  const moved = em.runScript(`SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Pyynnöt').insertColumnBefore(1);`);
  expect(moved.ok).toBe(true);
  em.deliverMail({ from: 'one@example.org', subject: 'Access request', body: 'Please send me a copy of my personal data.' });
  const first = em.runTimeTrigger('pollInbox');
  expect(first.ok).toBe(true);
  // Six, plus the header read and the read again by it: not a second time inside the lock.
  expect(sheetCalls(first)).toBe(8);
  em.deliverMail({ from: 'two@example.org', subject: 'Access request', body: 'Please send me a copy of my personal data.' });
  const second = em.runTimeTrigger('pollInbox');
  expect(sheetCalls(second)).toBe(6);
  expect(requests(em).map((r) => r.requesterEmail).sort()).toEqual(['one@example.org', 'two@example.org']);
});

test('the Requests tab is read with the state under a short hold of the lock; when another execution holds it, the tab is read again inside the lock before writing', () => {
  const requestReads = (report: ReturnType<Emulator['runTimeTrigger']>) => report.byMethod!['Range.getValues'].calls;
  const em = world();
  em.deliverMail({ from: 'one@example.org', subject: 'Access request', body: 'Please send me a copy of my personal data.' });
  const free = em.runTimeTrigger('pollInbox');
  expect(free.ok).toBe(true);
  expect(free.byMethod!['Lock.tryLock'].calls).toBe(2);
  em.deliverMail({ from: 'two@example.org', subject: 'Access request', body: 'Please send me a copy of my personal data.' });
  // Busy past the run's wait for the first read, free again before its write.
  em.world.locks.holdExternally('document', em.world.now + 12_000);
  const busy = em.runTimeTrigger('pollInbox');
  expect(busy.ok).toBe(true);
  expect(requestReads(busy)).toBe(requestReads(free) + 1);
  expect(requests(em).map((r) => r.requesterEmail).sort()).toEqual(['one@example.org', 'two@example.org']);
});

describe('identity and the objection at intake', () => {
  test('an objection from the registered address bans marketing at once, logged with the request id', () => {
    const em = world();
    const { email } = person(em);
    em.deliverMail({ from: email, subject: 'Markkinointikielto', body: 'Kiellän suoramarkkinoinnin.' });
    tick(em);
    const [r] = requests(em);
    expect(r).toMatchObject({ type: 'objection', customerNumber: '100001', verification: 'address', status: 'in-progress' });
    expect(person(em).marketingBannedAt).not.toBe('');
    expect(auditEntries(em).filter((e) => e.action === 'ban-marketing').map((e) => [e.customerNumber, e.requestId])).toEqual([['100001', r.id]]);
    const got = call<{ openRights: string[]; request: { outcome: { settled: { right: string; outcome: string }[] } } }>(em, 'getRequest', { id: r.id });
    expect(got.openRights).toEqual([]);
    expect(got.request.outcome.settled).toEqual([expect.objectContaining({ right: 'objection', outcome: 'fulfilled' })]);
  });

  test('objections from several registered addresses in one run: one search, one row read and one row write for all, the rows between them as they were', () => {
    const sheetCalls = (report: ReturnType<Emulator['runTimeTrigger']>) => Object.entries(report.byMethod ?? {})
      .filter(([m, c]) => c.modelledMs > 0 && /^(SpreadsheetApp|Spreadsheet|Sheet|Range|TextFinder)\./.test(m)).reduce((n, [, c]) => n + c.calls, 0);
    const run = (numbers: string[]) => {
      const em = world();
      // A row between the banned ones holds a text that would be a formula if written carelessly.
      const between = person(em, '100003');
      call(em, 'saveCustomer', { customer: { customerNumber: '100003', city: '=1+1' }, expectedVersion: between.version });
      const rows = () => em.world.spreadsheet.snapshot('Rekisteri')!.values as unknown[][];
      const before = rows();
      for (const n of numbers) em.deliverMail({ from: person(em, n).email, subject: 'Markkinointikielto', body: 'Kiellän suoramarkkinoinnin.' });
      em.setClock(em.world.now + 60_000);
      const report = em.runTimeTrigger('pollInbox');
      expect(report.ok).toBe(true);
      return { em, report, before, after: rows() };
    };
    const one = run(['100002']);
    const three = run(['100002', '100005', '100009']);
    expect(three.report.byMethod!['TextFinder.findAll'].calls).toBe(1);
    // The same Sheets calls for three bans as for one.
    expect(sheetCalls(three.report)).toBe(sheetCalls(one.report));
    for (const n of ['100002', '100005', '100009']) expect(person(three.em, n).marketingBannedAt).not.toBe('');
    const at = (header: unknown[], key: string) => header.indexOf(key);
    const header = three.before[0];
    const numberCol = at(header, 'Asiakasnumero');
    for (const n of ['100003', '100004', '100006', '100007', '100008']) {
      const row = (values: unknown[][]) => values.find((r) => r[numberCol] === n);
      expect(row(three.after)).toEqual(row(three.before));
    }
    expect(person(three.em, '100003')).toMatchObject({ city: '=1+1', marketingBannedAt: '' });
    expect(formulas(three.em, 'Rekisteri')).toEqual([]);
  });

  test('an objection from another address waits for verification and bans nothing', () => {
    const em = world();
    em.deliverMail({ from: 'joku.muu@example.fi', subject: 'Markkinointikielto', body: 'Kiellän suoramarkkinoinnin. Asiakasnumeroni on 100001.' });
    tick(em);
    const [r] = requests(em);
    expect(r).toMatchObject({ customerNumber: '100001', verification: 'none', status: 'awaiting-verification' });
    expect(person(em).marketingBannedAt).toBe('');
    expect(auditEntries(em).filter((e) => e.action === 'ban-marketing')).toEqual([]);
  });

  test('the registered address with a DMARC failure in Gmail’s own Authentication-Results is not verified', () => {
    const em = world();
    const { email } = person(em);
    em.deliverMail({ from: email, subject: 'Markkinointikielto', body: 'Kiellän suoramarkkinoinnin.', dmarc: 'fail' });
    tick(em);
    expect(requests(em)[0]).toMatchObject({ customerNumber: '100001', verification: 'none', status: 'awaiting-verification' });
    expect(person(em).marketingBannedAt).toBe('');
  });

  test('with the setting off, a verified objection waits for staff', () => {
    const em = world();
    const { email } = person(em);
    call(em, 'saveSettings', { settings: { banObjectionAtIntake: false } }, OWNER);
    em.deliverMail({ from: email, subject: 'Markkinointikielto', body: 'Kiellän suoramarkkinoinnin.' });
    tick(em);
    expect(requests(em)[0]).toMatchObject({ verification: 'address', status: 'in-progress' });
    expect(person(em).marketingBannedAt).toBe('');
  });
});

describe('acknowledgements', () => {
  test('by default a draft reply in the thread, in the request’s language, with the due date and the controller', () => {
    const em = world();
    const { threadId } = em.deliverMail({ from: 'sven@example.se', subject: 'Registerutdrag', body: 'Jag begär ett registerutdrag enligt artikel 15.' });
    tick(em);
    const drafts = mailbox(em).drafts;
    expect(drafts).toHaveLength(1);
    expect(drafts[0]).toMatchObject({ threadId, to: 'sven@example.se' });
    expect(drafts[0].body).toMatch(/Vi svarar senast 28\.12\.2026/);
    expect(drafts[0].body).toMatch(/Calion Service Innovations Oy/);
    tick(em);
    expect(mailbox(em).drafts).toHaveLength(1);
  });

  test('set to send, the reply is sent; with the day’s quota low it falls back to a draft', () => {
    const em = world();
    call(em, 'saveSettings', { settings: { autoAcknowledge: 'send' } }, OWNER);
    em.deliverMail({ from: 'one@example.org', subject: 'Access request', body: 'Please send me a copy of my personal data.' });
    tick(em);
    const sent = mailbox(em).sent.filter((m) => m.to === 'one@example.org');
    expect(sent).toHaveLength(1);
    expect(sent[0].body).toMatch(/We will answer by 28 December 2026/);
    // The day's recipients nearly used: what is left is the reserve kept for people's own mail.
    em.world.mail.rollQuota(em.world.now).recipients = em.world.mail.dailyRecipients - 50;
    em.deliverMail({ from: 'two@example.org', subject: 'Access request', body: 'Please send me a copy of my personal data.' });
    tick(em);
    expect(mailbox(em).sent.filter((m) => m.to === 'two@example.org')).toHaveLength(0);
    expect(mailbox(em).drafts.map((d) => d.to)).toEqual(['two@example.org']);
  });
});

describe('checkpoints and the continuation', () => {
  test('a run over a full inbox logs what it read and its one-off continuation logs the rest, then deletes itself', () => {
    const em = world();
    for (let i = 0; i < 260; i++) em.deliverMail({ from: `p${i}@example.fi`, subject: `Tietopyyntö ${i}`, body: 'Pyydän jäljennöksen tiedoistani.' });
    const before = em.world.triggers.length;
    em.runTimeTrigger('pollInbox');
    expect(requests(em)).toHaveLength(250);
    expect(em.world.triggers).toHaveLength(before + 1);
    // The continuation fires a minute later, logs the last ten and removes itself from the list.
    tick(em, 2);
    expect(requests(em)).toHaveLength(260);
    expect(em.world.triggers).toHaveLength(before);
    expect(new Set(requests(em).map((r) => r.id)).size).toBe(260);
  });

  test('a run that nears the time limit stops at its checkpoint and the continuation finishes the job', () => {
    const em = world();
    for (let i = 0; i < 3; i++) em.deliverMail({ from: `s${i}@example.fi`, subject: 'Tietopyyntö', body: 'Pyydän jäljennöksen tiedoistani.' });
    const before = em.world.triggers.length;
    // Gmail answering slowly: the batch read takes four minutes, past the run's read budget.
    const slow = em.runScript(`
      var read = GmailApp.getMessagesForThreads;
      GmailApp.getMessagesForThreads = function (t) { Utilities.sleep(241000); return read.call(GmailApp, t); };
      pollInbox();`, OWNER);
    expect(slow.ok).toBe(true);
    expect(requests(em)).toHaveLength(0);
    expect(em.world.triggers).toHaveLength(before + 1);
    tick(em, 2);
    expect(requests(em)).toHaveLength(3);
    expect(em.world.triggers).toHaveLength(before);
  });
});
