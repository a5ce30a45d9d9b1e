/**
 * Reliability of the intake trigger: a fault injected at every service call of one `pollInbox`
 * run in turn (Gmail, content reads, the lock, properties, sheets, labels, acknowledgements),
 * then the next run. Whatever call fails, no message is lost, none becomes two cases, a reply
 * joins its case once, the ban lands, every case gets one acknowledgement, and the audit chain
 * stays valid with every entry exactly once (a run that died after logging and before its rows
 * landed is finished by the next without logging again). Two scenes: with a reply to attach
 * (the Requests tab read again inside the lock) and appends only (the one read before the lock).
 */
import { verifyChain } from '../../src/core/audit';
import { sha256Hex } from '../../src/core/sha256';
import type { Emulator } from '../../src/emulator/app';
import { call, chainToHead, demo } from '../support/register';

type Case = { id: string; gmailMessageId: string; customerNumber: string };

interface Scene {
  em: Emulator;
  letters: string[];
  reply: string | null;
}

/** One case already open (its acknowledgement drafted), then three new letters and (`withReply`) a reply to the case. */
function scene(withReply: boolean): Scene {
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
  const reply = withReply ? em.deliverMail({ from: 'vanha@example.fi', subject: 'Re: Tietopyyntö', body: 'Lisätietoa.', threadId: first.threadId }).messageId : null;
  return { em, letters, reply };
}

function cases(em: Emulator): (Case & { replyMessageIds: string })[] {
  const [header, ...rows] = em.world.spreadsheet.snapshot('Pyynnöt')!.values as string[][];
  const at = (k: string) => header.indexOf(k);
  return rows.filter((r) => r[0] !== '').map((r) => ({
    id: r[at('Tunnus')], gmailMessageId: r[at('Gmail-viesti')], customerNumber: r[at('Asiakasnumero')], replyMessageIds: r[at('Vastausviestit')],
  }));
}

const callsOf = (withReply: boolean) => {
  const { em } = scene(withReply);
  const report = em.runTimeTrigger('pollInbox');
  if (!report.ok) throw new Error(report.error!.message);
  return report;
};
const withReply = callsOf(true);
const appendsOnly = callsOf(false);
const sheetCalls = (report: { byMethod?: Record<string, { calls: number; modelledMs: number }> }) =>
  Object.entries(report.byMethod ?? {}).filter(([m, c]) => c.modelledMs > 0 && /^(SpreadsheetApp|Spreadsheet|Sheet|Range|TextFinder)\./.test(m)).reduce((n, [, c]) => n + c.calls, 0);

test('one intake run over four new messages makes a bounded number of calls', () => {
  // Gmail batches, two content reads a letter, one acknowledgement each, six sheet calls, the ban's register row.
  expect(withReply.calls).toBeGreaterThan(20);
  expect(withReply.calls).toBeLessThan(60);
});

test('a run that only appends reads the Requests tab once; a reply to attach has its row read again inside the lock', () => {
  // Requests tab, store, audit tail, audit rows, request rows, flush; the ban: store span, search, row span, row write.
  expect(sheetCalls(appendsOnly)).toBe(10);
  expect(sheetCalls(withReply)).toBe(11);
});

describe.each([
  ['with a reply to attach', true, withReply.calls],
  ['appends only', false, appendsOnly.calls],
] as const)('%s', (_name, hasReply, calls) => {
  test.each(Array.from({ length: calls }, (_, i) => i + 1))('fault at call %i of pollInbox: the next run finishes the job, nothing lost, nothing logged twice', (n) => {
    const { em, letters, reply } = scene(hasReply);
    em.world.injectFault({ atCall: n });
    // The last call is the run's own record (server/triggers.ts): the work is done, the run stands.
    expect(em.runTimeTrigger('pollInbox').ok).toBe(n === calls);
    const next = em.runTimeTrigger('pollInbox');
    expect(next.ok).toBe(true);
    const all = cases(em);
    // Every letter is exactly one case; the reply is attached to the first case, once.
    expect(all.map((c) => c.gmailMessageId).sort()).toEqual([...letters].sort());
    expect(new Set(all.map((c) => c.id)).size).toBe(all.length);
    // The hidden cell names its case ("R-0001: id"), so a sort of the visible columns cannot give it to another.
    const first = all.find((c) => c.gmailMessageId === letters[0])!;
    expect(first.replyMessageIds).toBe(reply ? `${first.id}: ${reply}` : `${first.id}:`);
    // The objection from the registered address is banned.
    expect(call<{ customer: { marketingBannedAt: string } }>(em, 'getCustomer', { customerNumber: '100001' }).customer.marketingBannedAt).not.toBe('');
    // One acknowledgement a case, in its own thread.
    const drafts = (em.world.mail.snapshot() as unknown as { drafts: { threadId: string }[] }).drafts;
    expect(drafts).toHaveLength(4);
    expect(new Set(drafts.map((d) => d.threadId)).size).toBe(4);
    const chain = chainToHead(em);
    expect(verifyChain(chain, sha256Hex)).toEqual({ ok: true });
    // Each case is in the log exactly once, under the id its row carries; the ban and the reply once.
    for (const c of all) expect(chain.filter((e) => e.action === 'request-logged' && e.requestId === c.id)).toHaveLength(1);
    expect(chain.filter((e) => e.action === 'request-logged')).toHaveLength(all.length);
    expect(chain.filter((e) => e.action === 'ban-marketing')).toHaveLength(1);
    expect(chain.filter((e) => e.fields.split(',').includes('replyMessageIds'))).toHaveLength(hasReply ? 1 : 0);
  });
});

test('a letter logged by a run that died, and not reached by the next run (out of the query meanwhile), is logged once when a later run reaches it', () => {
  // Find the fault that leaves the cases logged (remembered) but not yet in the tab: the run died between its audit entry and its rows.
  let found: { em: Emulator; letters: string[] } | null = null;
  for (let n = 1; n <= appendsOnly.calls && !found; n++) {
    const { em, letters } = scene(false);
    em.world.injectFault({ atCall: n });
    em.runTimeTrigger('pollInbox');
    const memory = JSON.parse(em.world.properties.document['rekisteri.intake.logged'] ?? '{"cases":[]}') as { cases: string[] };
    const inTab = new Set(cases(em).map((c) => c.gmailMessageId));
    if (memory.cases.some((p) => !inTab.has(p.split(' ')[1]))) found = { em, letters };
  }
  expect(found).not.toBeNull();
  const { em, letters } = found!;
  const x = letters[3];
  const mail = em.world.mail as unknown as { messages: Map<string, { inbox: boolean }> };
  // Someone archives X for a while: the next run does not see it, and logs a new letter.
  mail.messages.get(x)!.inbox = false;
  em.setClock(em.world.now + 60_000);
  em.deliverMail({ from: 'uusi@example.fi', subject: 'Tietopyyntö', body: 'Pyydän jäljennöksen tiedoistani.' });
  expect(em.runTimeTrigger('pollInbox').ok).toBe(true);
  expect(cases(em).map((c) => c.gmailMessageId)).not.toContain(x);
  // X back in the inbox: the run after that reaches it, under the id its first entry named, logged once.
  mail.messages.get(x)!.inbox = true;
  em.setClock(em.world.now + 60_000);
  expect(em.runTimeTrigger('pollInbox').ok).toBe(true);
  const xCase = cases(em).find((c) => c.gmailMessageId === x)!;
  expect(xCase).toBeDefined();
  const chain = chainToHead(em);
  expect(verifyChain(chain, sha256Hex)).toEqual({ ok: true });
  expect(chain.filter((e) => e.action === 'request-logged' && e.requestId === xCase.id)).toHaveLength(1);
  // No entry names a case that is not in the tab (without the carried memory X was logged again under a new id).
  expect(chain.filter((e) => e.action === 'request-logged').map((e) => e.requestId).sort()).toEqual(cases(em).map((c) => c.id).sort());
});
