/**
 * The one rule for every letter about a request (src/gas/mail-reply.ts): it goes to the
 * registered address of the case's person only, in the request's thread when a message there
 * came from that address with no other Reply-To, else as a new mail; a Reply-To that differs is
 * never answered — for the extension notice, the rejection and the intake's acknowledgement as
 * for fulfilment (fulfil-access.test.ts).
 */
import { OWNER } from '../../src/emulator/accounts';
import { call, demo } from '../support/register';
import { logCase, mailbox, person } from './fulfil-cases';

const ATTACKER = 'attacker@example.com';

describe.each([
  ['extension notice', 'extendRequest', 'Paljon tietoja'],
  ['rejection', 'rejectRequest', 'Henkilöllisyyttä ei voitu varmistaa'],
] as const)('the %s', (_name, fn, reason) => {
  test('to a mail from the registered address with a Reply-To elsewhere: a new draft to the registered address, never to the Reply-To', () => {
    const em = demo();
    const p = person(em, '100004');
    const c = logCase(em, { id: 'R-0004', customerNumber: '100004', rights: ['access'], mailFrom: p.email, replyTo: ATTACKER });
    const change = call<{ notice: { draftId: string | null; inThread: boolean } }>(em, fn, { id: c.id, reason });
    expect(change.notice).toMatchObject({ inThread: false });
    expect(change.notice.draftId).not.toBeNull();
    expect(mailbox(em).drafts.map((d) => [d.to, d.threadId])).toEqual([[p.email, '']]);
    expect(JSON.stringify(mailbox(em).drafts)).not.toContain(ATTACKER);
  });

  test('to a mail whose Reply-To lists a stranger beside the registered address: a new draft to the registered address only', () => {
    const em = demo();
    const p = person(em, '100004');
    const c = logCase(em, { id: 'R-0004', customerNumber: '100004', rights: ['access'], mailFrom: p.email, replyTo: `Evil <${ATTACKER}>, P <${p.email}>` });
    const change = call<{ notice: { draftId: string | null; inThread: boolean } }>(em, fn, { id: c.id, reason });
    expect(change.notice).toMatchObject({ inThread: false });
    expect(mailbox(em).drafts.map((d) => [d.to, d.threadId])).toEqual([[p.email, '']]);
    expect(JSON.stringify(mailbox(em).drafts)).not.toContain(ATTACKER);
  });

  test('to a mail from another address: the registered address gets the letter, the sender nothing', () => {
    const em = demo();
    const p = person(em, '100003');
    const c = logCase(em, { id: 'R-0003', customerNumber: '100003', rights: ['access'], mailFrom: 'someone.else@example.com' });
    call(em, fn, { id: c.id, reason });
    expect(mailbox(em).drafts.map((d) => [d.to, d.threadId])).toEqual([[p.email, '']]);
  });

  test('to a mail from the registered address: a reply in its thread', () => {
    const em = demo();
    const p = person(em, '100005');
    const c = logCase(em, { id: 'R-0005', customerNumber: '100005', rights: ['access'], mailFrom: p.email });
    const change = call<{ notice: { inThread: boolean } }>(em, fn, { id: c.id, reason });
    expect(change.notice.inThread).toBe(true);
    expect(mailbox(em).drafts.map((d) => [d.to, d.threadId])).toEqual([[p.email, c.gmailThreadId]]);
  });
});

describe('the acknowledgement at intake', () => {
  const world = () => {
    const em = demo(20);
    const mail = em.world.mail as unknown as { messages: Map<string, unknown>; threads: Map<string, unknown> };
    mail.messages.clear();
    mail.threads.clear();
    return em;
  };

  test('a letter from the registered address with a Reply-To elsewhere: drafted as a new mail to the registered address, not sent, nothing to the Reply-To', () => {
    const em = world();
    call(em, 'saveSettings', { settings: { autoAcknowledge: 'send' } }, OWNER);
    const p = person(em, '100002');
    em.deliverMail({ from: p.email, subject: 'Tietopyyntö', body: 'Pyydän jäljennöksen tiedoistani.', headers: [['Reply-To', ATTACKER]] });
    em.setClock(em.world.now + 60_000);
    const run = em.runTimeTrigger('pollInbox');
    expect(run.ok).toBe(true);
    expect(mailbox(em).sent).toEqual([]);
    expect(mailbox(em).drafts.map((d) => [d.to, d.threadId])).toEqual([[p.email, '']]);
    expect(JSON.stringify(mailbox(em))).not.toContain(`"to":"${ATTACKER}"`);
  });

  test('a letter from the registered address: sent as a reply in its thread', () => {
    const em = world();
    call(em, 'saveSettings', { settings: { autoAcknowledge: 'send' } }, OWNER);
    const p = person(em, '100002');
    const letter = em.deliverMail({ from: p.email, subject: 'Tietopyyntö', body: 'Pyydän jäljennöksen tiedoistani.' });
    em.setClock(em.world.now + 60_000);
    expect(em.runTimeTrigger('pollInbox').ok).toBe(true);
    expect(mailbox(em).drafts).toEqual([]);
    const sent = mailbox(em).sent as { to: string; threadId: string }[];
    expect(sent.map((m) => [m.to, m.threadId])).toEqual([[p.email, letter.threadId]]);
  });
});
