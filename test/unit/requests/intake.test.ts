/**
 * Intake's pure decisions (core/requests/intake.ts) and the Requests tab's rows
 * (core/requests/record.ts): idempotent by message id, replies join their case, the person by
 * address, number or phone, verification only for the registered address, the ban only for a
 * verified objection, and rows that read back as written.
 */
import { decideIntake, matchPerson, triage, type InboxMessage, type IntakeInput, type IntakePerson } from '../../../src/core/requests/intake';
import { nextRequestIds, recordFromCells, recordToValues, type RequestRecord } from '../../../src/core/requests/record';
import { classify, createRequest } from '../../../src/core/requests';
import { REQUESTS_TAB } from '../../../src/core/schema';

const GMAIL_PASS = 'mx.google.com; dkim=pass header.i=@example.fi; spf=pass; dmarc=pass (p=NONE) header.from=example.fi';
const people: IntakePerson[] = [
  { customerNumber: '100001', email: 'matti@example.fi', phone: '+358401234567', marketingBannedAt: '' },
  { customerNumber: '100002', email: 'liisa@example.fi', phone: '', marketingBannedAt: '2026-01-01T10:00:00.000Z' },
];
const msg = (id: string, extra: Partial<InboxMessage> = {}): InboxMessage => ({
  id, threadId: `t-${id}`, from: 'matti@example.fi', to: 'asiakaspalvelu@cleanroom.fi', date: '2026-05-01T06:00:00.000Z', subject: 'Pyyntö', own: false, ...extra,
});
const caseOf = (id: string, messageId: string, threadId: string, replies: string[] = []): RequestRecord => ({
  request: createRequest({ id, receivedAt: '2026-04-01T10:00:00.000Z', channel: 'email', type: 'access', language: 'fi', gmailMessageId: messageId, gmailThreadId: threadId }),
  replyMessageIds: replies,
});
const input = (fresh: IntakeInput['fresh'], extra: Partial<IntakeInput> = {}): IntakeInput => ({
  fresh, attach: [], records: [], people, now: '2026-05-01T06:15:00.000Z', today: '2026-05-01', actor: 'asiakaspalvelu@cleanroom.fi',
  settings: { timeZone: 'Europe/Helsinki', language: 'fi', customerNumberPrefix: '', customerNumberDigits: 6, banObjectionAtIntake: true },
  ...extra,
});

describe('triage: idempotent by message id, not by label', () => {
  test('a message a case holds, as its letter or as a reply, is done; own mail and drafts too', () => {
    const records = [caseOf('R-0001', 'm1', 't1', ['m2'])];
    const sorted = triage([msg('m1', { threadId: 't1' }), msg('m2', { threadId: 't1' }), msg('m9', { own: true })], records);
    expect(sorted).toEqual({ fresh: [], attach: [], done: ['m1', 'm2', 'm9'] });
  });

  test('a new message in a case thread joins the case; two new messages of a new thread open one case', () => {
    const records = [caseOf('R-0001', 'm1', 't1')];
    const sorted = triage([
      msg('m3', { threadId: 't1', date: '2026-05-01T07:00:00.000Z' }),
      msg('m5', { threadId: 't5', date: '2026-05-01T08:00:00.000Z' }),
      msg('m4', { threadId: 't5', date: '2026-05-01T07:30:00.000Z' }),
    ], records);
    expect(sorted.fresh.map((m) => m.id)).toEqual(['m4']);
    expect(sorted.attach.map((a) => [a.message.id, a.caseId ?? a.openerId])).toEqual([['m3', 'R-0001'], ['m5', 'm4']]);
  });
});

describe('decideIntake', () => {
  test('a verified objection from the registered address is banned now and settled, logged with the request id', () => {
    const plan = decideIntake(input([{ message: msg('m1', { subject: 'Markkinointikielto' }), content: { body: 'Kiellän suoramarkkinoinnin.', authenticationResults: GMAIL_PASS } }]));
    const [made] = plan.created;
    expect(made.record.request).toMatchObject({ id: 'R-0001', type: 'objection', status: 'in-progress', verification: 'address', customerNumber: '100001' });
    expect(made.record.request.outcome.settled).toEqual([expect.objectContaining({ right: 'objection', outcome: 'fulfilled' })]);
    expect(plan.bans).toEqual([{ customerNumber: '100001', requestId: 'R-0001' }]);
    expect(plan.audit.map((a) => [a.action, a.requestId])).toEqual([
      ['request-logged', 'R-0001'], ['request-updated', 'R-0001'], ['ban-marketing', 'R-0001'], ['request-updated', 'R-0001'],
    ]);
  });

  test('the same objection with DMARC failing, or from another address naming the number, waits and bans nothing', () => {
    const body = 'Kiellän suoramarkkinoinnin. Asiakasnumero 100001.';
    const failing = decideIntake(input([{ message: msg('m1'), content: { body, authenticationResults: GMAIL_PASS.replace('dmarc=pass', 'dmarc=fail') } }]));
    const other = decideIntake(input([{ message: msg('m2', { from: 'joku@example.fi' }), content: { body, authenticationResults: GMAIL_PASS } }]));
    for (const plan of [failing, other]) {
      expect(plan.created[0].record.request).toMatchObject({ status: 'awaiting-verification', verification: 'none', customerNumber: '100001' });
      expect(plan.bans).toEqual([]);
    }
    expect(other.created[0].matchedBy).toBe('customer-number');
  });

  test('a person already banned is not banned again; with the setting off nobody is', () => {
    const body = 'Kiellän suoramarkkinoinnin.';
    const liisa = decideIntake(input([{ message: msg('m1', { from: 'liisa@example.fi' }), content: { body, authenticationResults: GMAIL_PASS } }]));
    expect(liisa.bans).toEqual([]);
    const off = decideIntake({ ...input([{ message: msg('m1'), content: { body, authenticationResults: GMAIL_PASS } }]), settings: { ...input([]).settings, banObjectionAtIntake: false } });
    expect(off.bans).toEqual([]);
    expect(off.created[0].record.request.outcome.settled).toEqual([]);
  });

  test('ids follow the highest in use; replies join their case once with an audit entry', () => {
    const records = [caseOf('R-0041', 'm1', 't1')];
    const plan = decideIntake(input(
      [{ message: msg('m7', { from: 'uusi@example.fi' }), content: { body: 'Pyydän tietojeni poistamista rekisteristä.', authenticationResults: '' } }],
      { records, attach: [{ message: msg('m2', { threadId: 't1' }), caseId: 'R-0041' }, { message: msg('m8', { threadId: 't-m7' }), openerId: 'm7' }] },
    ));
    expect(plan.created.map((c) => [c.record.request.id, c.record.replyMessageIds])).toEqual([['R-0042', ['m8']]]);
    expect(plan.updated.map((r) => [r.request.id, r.replyMessageIds])).toEqual([['R-0041', ['m2']]]);
    expect(plan.audit.filter((a) => a.requestId === 'R-0041').map((a) => a.fields)).toEqual([['replyMessageIds']]);
  });

  test('the due date counts from the Helsinki day of receipt: a mail at 00:30 on 1 May is received on 1 May', () => {
    const plan = decideIntake(input([{ message: msg('m1', { date: '2026-04-30T21:30:00.000Z', from: 'x@example.fi' }), content: { body: 'Pyydän jäljennöksen tiedoistani.', authenticationResults: '' } }]));
    expect(plan.created[0].record.request.dueDate).toBe('2026-06-01');
  });
});

test('matchPerson: the sender address first, then a customer number, then a mobile number in the text', () => {
  const c = (text: string) => classify('Pyyntö', text);
  expect(matchPerson('Matti <MATTI@example.fi>', c('Poistakaa tietoni'), people)).toMatchObject({ matchedBy: 'address', person: { customerNumber: '100001' } });
  expect(matchPerson('x@example.fi', c('Asiakasnumeroni on 100002, poistakaa tietoni'), people)).toMatchObject({ matchedBy: 'customer-number', person: { customerNumber: '100002' } });
  expect(matchPerson('x@example.fi', c('Numeroni on 040 123 4567, poistakaa tietoni'), people)).toMatchObject({ matchedBy: 'phone', person: { customerNumber: '100001' } });
  expect(matchPerson('x@example.fi', c('Poistakaa tietoni'), people)).toEqual({ person: null, matchedBy: 'none' });
});

test('a case keeps the sender\'s address as written (lower-cased), not its xn-- form: anna@hyvä.fi reads as typed in Pyynnöt', () => {
  const anna = { ...people[0], customerNumber: '100009', email: 'anna@hyvä.fi', phone: '' };
  const plan = decideIntake(input([{ message: msg('m1', { from: 'Anna <Anna@Hyvä.fi>' }), content: { body: 'Poistakaa tietoni.', authenticationResults: '' } }], { people: [...people, anna] }));
  expect(plan.created[0].record.request).toMatchObject({ requesterEmail: 'anna@hyvä.fi', customerNumber: '100009' });
});

test('matchPerson: mail from anna@xn--hyv-sla.fi finds the person stored as anna@hyvä.fi (one form for both)', () => {
  const anna = { ...people[0], customerNumber: '100009', email: 'Anna@hyvä.fi', phone: '' };
  expect(matchPerson('Anna <anna@xn--hyv-sla.fi>', classify('Pyyntö', 'Poistakaa tietoni'), [...people, anna])).toMatchObject({ matchedBy: 'address', person: { customerNumber: '100009' } });
  expect(matchPerson('anna@hyvä.fi', classify('Pyyntö', 'Poistakaa tietoni'), [...people, anna])).toMatchObject({ matchedBy: 'address', person: { customerNumber: '100009' } });
});

describe('rows of the Requests tab', () => {
  const keys = REQUESTS_TAB.columns.map((c) => c.key);
  test('a record reads back as written, every right and the replies included', () => {
    const record: RequestRecord = { ...caseOf('R-0001', 'm1', 't1', ['m2', 'm3']) };
    record.request = { ...record.request, rights: ['access', 'erasure'] };
    const values = recordToValues(record);
    expect(recordFromCells(keys, keys.map((k) => values[k]))).toEqual(record);
  });

  test('a row without an id is no case; unknown words read safely', () => {
    expect(recordFromCells(keys, keys.map(() => ''))).toBeNull();
    const cells = keys.map((k) => ({ id: 'R-0002', status: 'hukassa', type: 'whatever', rights: 'erasure,foo' } as Record<string, string>)[k] ?? '');
    expect(recordFromCells(keys, cells)!.request).toMatchObject({ status: 'received', type: 'other', rights: ['other', 'erasure'] });
  });

  test('ids: the next after the highest, four digits at least', () => {
    expect(nextRequestIds([], 2)).toEqual(['R-0001', 'R-0002']);
    expect(nextRequestIds(['R-0009', 'X-1', 'R-12345'], 1)).toEqual(['R-12346']);
  });
});
