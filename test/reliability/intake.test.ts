/**
 * Reliability of the intake trigger: a fault injected at every service call of one `pollInbox`
 * run in turn (Gmail, content reads, the lock, properties, sheets, labels, acknowledgements),
 * then the next run. Whatever call fails, no message is lost, none becomes two cases, a reply
 * joins its case once, the ban lands, every case gets one acknowledgement, and the audit chain
 * stays valid (an entry may be there twice for a run that died after logging: too much, never
 * too little).
 */
import { verifyChain } from '../../src/core/audit';
import { sha256Hex } from '../../src/core/sha256';
import type { Emulator } from '../../src/emulator/app';
import { call, chainToHead, demo } from '../support/register';

type Case = { id: string; gmailMessageId: string; customerNumber: string };

interface Scene {
  em: Emulator;
  letters: string[];
  reply: string;
}

/** One case already open (its acknowledgement drafted), then three new letters and a reply to the case. */
function scene(): Scene {
  const em = demo(20);
  const mail = em.world.mail as unknown as { messages: Map<string, unknown>; threads: Map<string, unknown> };
  mail.messages.clear();
  mail.threads.clear();
  const email = call<{ customer: { email: string } }>(em, 'getCustomer', { customerNumber: '100001' }).customer.email;
  const first = em.deliverMail({ from: 'vanha@example.fi', subject: 'Tietopyyntö', body: 'Pyydän jäljennöksen tiedoistani.' });
  if (!em.runTimeTrigger('pollInbox').ok) throw new Error('the first run failed');
  em.setClock(em.world.now + 60_000);
  const letters = [
    first.messageId,
    em.deliverMail({ from: email, subject: 'Markkinointikielto', body: 'Kiellän suoramarkkinoinnin.' }).messageId,
    em.deliverMail({ from: 'sv@example.se', subject: 'Radering', body: 'Radera alla mina personuppgifter.' }).messageId,
    em.deliverMail({ from: 'en@example.org', subject: 'Access', body: 'Please send me a copy of my personal data.' }).messageId,
  ];
  const reply = em.deliverMail({ from: 'vanha@example.fi', subject: 'Re: Tietopyyntö', body: 'Lisätietoa.', threadId: first.threadId }).messageId;
  return { em, letters, reply };
}

function cases(em: Emulator): (Case & { replyMessageIds: string })[] {
  const [header, ...rows] = em.world.spreadsheet.snapshot('Pyynnöt')!.values as string[][];
  const at = (k: string) => header.indexOf(k);
  return rows.filter((r) => r[0] !== '').map((r) => ({
    id: r[at('Tunnus')], gmailMessageId: r[at('Gmail-viesti')], customerNumber: r[at('Asiakasnumero')], replyMessageIds: r[at('Vastausviestit')],
  }));
}

const calls = (() => {
  const { em } = scene();
  const report = em.runTimeTrigger('pollInbox');
  if (!report.ok) throw new Error(report.error!.message);
  return report.calls;
})();

test('one intake run over four new messages makes a bounded number of calls', () => {
  // Gmail batches, two content reads a letter, one acknowledgement each, six sheet calls, the ban's register row.
  expect(calls).toBeGreaterThan(20);
  expect(calls).toBeLessThan(60);
});

test.each(Array.from({ length: calls }, (_, i) => i + 1))('fault at call %i of pollInbox: the next run finishes the job, nothing lost or doubled', (n) => {
  const { em, letters, reply } = scene();
  em.world.injectFault({ atCall: n });
  // The last call is the run's own record (server/triggers.ts): the work is done, the run stands.
  expect(em.runTimeTrigger('pollInbox').ok).toBe(n === calls);
  const next = em.runTimeTrigger('pollInbox');
  expect(next.ok).toBe(true);
  const all = cases(em);
  // Every letter is exactly one case; the reply is attached to the first case, once.
  expect(all.map((c) => c.gmailMessageId).sort()).toEqual([...letters].sort());
  expect(new Set(all.map((c) => c.id)).size).toBe(all.length);
  expect(all.find((c) => c.gmailMessageId === letters[0])!.replyMessageIds).toBe(reply);
  // The objection from the registered address is banned.
  expect(call<{ customer: { marketingBannedAt: string } }>(em, 'getCustomer', { customerNumber: '100001' }).customer.marketingBannedAt).not.toBe('');
  // One acknowledgement a case, in its own thread.
  const drafts = (em.world.mail.snapshot() as unknown as { drafts: { threadId: string }[] }).drafts;
  expect(drafts).toHaveLength(4);
  expect(new Set(drafts.map((d) => d.threadId)).size).toBe(4);
  const chain = chainToHead(em);
  expect(verifyChain(chain, sha256Hex)).toEqual({ ok: true });
  // Each case is in the log, at most twice (a run that died after its entries and before its rows).
  for (const c of all) {
    const logged = chain.filter((e) => e.action === 'request-logged' && e.requestId === c.id).length;
    expect(logged).toBeGreaterThanOrEqual(1);
    expect(logged).toBeLessThanOrEqual(2);
  }
});
