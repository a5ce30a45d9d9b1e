/**
 * Issue 10, the sweep's mail: processed request mail past the requests' retention is trashed by
 * the ids the Requests tab holds, not only by what the processed label's first search page shows
 * (a thread moved out of the label by hand is still trashed); a thread Gmail no longer has is
 * settled, one not yet looked up stays pending for the next run; and a reply drafted as a new mail
 * (an access copy of a case logged by hand, no thread) is trashed by its message id.
 */
import { OWNER } from '../../src/emulator/accounts';
import { call, demo } from '../support/register';
import { records } from '../support/retention';
import { logCase, mailbox, person, writeCaseRow } from './fulfil-cases';
import { createRequest } from '../../src/core/requests/machine';
import type { Request } from '../../src/core/requests/model';
import type { Emulator } from '../../src/emulator/app';

const DAY = 86_400_000;

/** A completed case closed now, on a delivered thread (labelled processed unless told). */
function closedCase(em: Emulator, id: string, from: string, labelled = true): Request {
  const gmail = em.deliverMail({ from, subject: `Pyyntö ${id}`, body: 'Pyydän tietojani.' });
  if (labelled) for (const m of em.world.mail.threads.get(gmail.threadId)!.messageIds) em.world.mail.messages.get(m)!.labels.push('Rekisteri/käsitelty');
  const at = new Date(em.world.now).toISOString();
  const base = createRequest({
    id, receivedAt: at, channel: 'email', type: 'access', rights: ['access'], language: 'fi', requesterEmail: from, customerNumber: '',
    gmailMessageId: gmail.messageId, gmailThreadId: gmail.threadId, summary: 'Pyydän tietojani.',
  });
  const request: Request = { ...base, status: 'completed', closedAt: at, verification: 'address' };
  writeCaseRow(em, request);
  return request;
}

/** Past the requests' retention (36 months) without firing the nightly triggers in between. */
function pastRetention(em: Emulator): void {
  em.world.now += (37 * 31) * DAY;
}

const trashed = (em: Emulator, threadId: string) => [...em.world.mail.threads.get(threadId)!.messageIds].every((m) => em.world.mail.messages.get(m)!.trashed);
const pending = (em: Emulator) => em.world.properties.document['rekisteri.sweep'] ?? '';

describe('the sweep trashes processed request mail by the ids the cases hold', () => {
  test('a thread moved out of the processed label by hand is still trashed past retention (the label search alone never saw it)', () => {
    const em = demo();
    const labelled = closedCase(em, 'R-0801', 'a.person@example.fi');
    const moved = closedCase(em, 'R-0802', 'b.person@example.fi', false);
    pastRetention(em);
    const run = em.callFromClient('runRetentionSweep', [], OWNER);
    expect(run.ok).toBe(true);
    expect(trashed(em, labelled.gmailThreadId)).toBe(true);
    expect(trashed(em, moved.gmailThreadId)).toBe(true);
    expect(pending(em)).toBe('');
  });

  test('a thread Gmail no longer has is settled (not pending), and the other threads are trashed', () => {
    const em = demo();
    const gone = closedCase(em, 'R-0811', 'c.person@example.fi', false);
    const kept = closedCase(em, 'R-0812', 'd.person@example.fi');
    em.world.mail.threads.delete(gone.gmailThreadId);
    pastRetention(em);
    expect(em.callFromClient('runRetentionSweep', [], OWNER).ok).toBe(true);
    expect(trashed(em, kept.gmailThreadId)).toBe(true);
    expect(pending(em)).toBe('');
  });

  test('more threads to look up than a run may (20): the rest stay pending and the next run trashes them, no lookup in an unbounded loop', () => {
    const em = demo();
    const cases = Array.from({ length: 25 }, (_, i) => closedCase(em, `R-08${20 + i}`, `p${i}@example.fi`, false));
    pastRetention(em);
    const first = em.callFromClient('runRetentionSweep', [], OWNER);
    expect(first.ok).toBe(true);
    expect(first.byMethod['GmailApp.getThreadById'].calls).toBe(20);
    expect(cases.filter((c) => trashed(em, c.gmailThreadId))).toHaveLength(20);
    expect(pending(em)).not.toBe('');
    const second = em.callFromClient('runRetentionSweep', [], OWNER);
    expect(second.ok).toBe(true);
    expect(second.byMethod['GmailApp.getThreadById'].calls).toBe(5);
    expect(cases.every((c) => trashed(em, c.gmailThreadId))).toBe(true);
    expect(pending(em)).toBe('');
  });
});

describe('an access copy drafted as a new mail', () => {
  test('a case logged by hand (a letter, no thread): its access copy draft is trashed by its id once the case is past retention', () => {
    const em = demo();
    const number = records(em).find(({ c }) => c.email && !c.relationshipEnd)!.c.customerNumber;
    const p = person(em, number);
    const c = logCase(em, { id: 'R-0870', customerNumber: number, rights: ['access'] });
    // The letter case has the registered address to write to, but no thread: the copy is a new mail.
    const done = call<{ draft: { messageId: string; threadId: string } }>(em, 'fulfilRequest', { id: c.id, right: 'access' });
    expect(done.draft.threadId).toBe('');
    const draftId = done.draft.messageId;
    expect(mailbox(em).drafts.some((d) => d.id === draftId && d.to === p.email)).toBe(true);
    pastRetention(em);
    const run = em.callFromClient('runRetentionSweep', [], OWNER);
    expect(run.ok).toBe(true);
    // Never sent: the draft is discarded (a sent copy would be moved to the trash by its id).
    expect(mailbox(em).drafts.some((d) => d.id === draftId)).toBe(false);
    expect(pending(em)).toBe('');
  });

  test('sent since: the copy Gmail gave a new id (a sent draft) is found by the case id in its subject and trashed; a kept case\'s mail and another sender\'s mail citing the id are not', () => {
    const em = demo();
    const number = records(em).find(({ c }) => c.email && !c.relationshipEnd)!.c.customerNumber;
    const c = logCase(em, { id: 'R-0871', customerNumber: number, rights: ['access'] });
    const done = call<{ draft: { messageId: string } }>(em, 'fulfilRequest', { id: c.id, right: 'access' });
    const sent = em.runScript(`return GmailApp.getDrafts().filter((d) => d.getMessageId() === ${JSON.stringify(done.draft.messageId)})[0].send().getId();`);
    expect(sent.ok).toBe(true);
    const sentId = String(sent.value);
    expect(sentId).not.toBe(done.draft.messageId);
    // The person writes again quoting the case id: a new case, still open, on its own thread.
    const again = em.deliverMail({ from: 'e.person@example.fi', subject: 'Re: R-0871 vielä', body: 'Uusi pyyntö.' });
    const open = createRequest({
      id: 'R-0872', receivedAt: new Date(em.world.now).toISOString(), channel: 'email', type: 'access', rights: ['access'], language: 'fi',
      requesterEmail: 'e.person@example.fi', customerNumber: '', gmailMessageId: again.messageId, gmailThreadId: again.threadId, summary: 'Uusi pyyntö.',
    });
    writeCaseRow(em, { ...open, status: 'in-progress', verification: 'address' });
    // Someone else's mail citing the id, in no case: not ours to trash (the search is from:me).
    const stray = em.deliverMail({ from: 'toinen@example.fi', subject: 'R-0871 koskee minua', body: 'Kysymys.' });
    pastRetention(em);
    expect(em.callFromClient('runRetentionSweep', [], OWNER).ok).toBe(true);
    expect(em.world.mail.messages.get(sentId)!.trashed).toBe(true);
    expect(trashed(em, again.threadId)).toBe(false);
    expect(trashed(em, stray.threadId)).toBe(false);
    expect(pending(em)).toBe('');
  });
});
