/**
 * A fault at every service call of each fulfilment: the call fails, the next try finishes the
 * job, and nothing is lost or doubled — one reply draft (with its attachments), the right settled
 * once, each audit entry once in a valid chain, the register changed once.
 */
import { STAFF } from '../../src/emulator/accounts';
import type { Emulator } from '../../src/emulator/app';
import { verifyChain } from '../../src/core/audit';
import { sha256Hex } from '../../src/core/sha256';
import { call, chainToHead, demo } from '../support/register';
import { caseRow, logCase, mailbox, person } from '../integration/fulfil-cases';
import type { RequestType } from '../../src/core/requests/model';

interface Scenario {
  name: string;
  right: RequestType;
  args?: Record<string, unknown>;
  /** Before the case: what the person's record needs (a hold, a disclosure). */
  prepare?: (em: Emulator, number: string) => void;
  /** What the register shows once the job is done. */
  check: (em: Emulator, number: string) => void;
}

const NUMBER = '100003';
const registerHas = (em: Emulator, number: string) => (em.world.spreadsheet.snapshot('Rekisteri')!.values as string[][]).some((r) => String(r[0]) === number);

const SCENARIOS: Scenario[] = [
  { name: 'access', right: 'access', check: () => undefined },
  {
    name: 'erasure now', right: 'erasure',
    prepare: (em, n) => void call(em, 'recordDisclosure', { customerNumber: n, recipient: 'Poliisi', recipientCountry: 'FI', basis: 'authority', basisReference: 'POL-3', dataCategories: ['name'] }),
    check: (em, n) => expect(registerHas(em, n)).toBe(false),
  },
  {
    name: 'erasure under a legal hold', right: 'erasure',
    prepare: (em, n) => void call(em, 'setLegalHold', { customerNumber: n, expectedVersion: person(em, n).version, until: '2031-12-31', reason: 'Kirjanpitolaki' }),
    check: (em, n) => {
      expect(person(em, n).restrictedAt).not.toBe('');
      expect(Object.keys(em.world.properties.document).filter((k) => k === `rekisteri.erasure.${n}`)).toHaveLength(1);
    },
  },
  { name: 'objection', right: 'objection', check: (em, n) => expect(person(em, n).marketingBannedAt).not.toBe('') },
  { name: 'restriction', right: 'restriction', check: (em, n) => expect(person(em, n).restrictedAt).not.toBe('') },
  { name: 'consent to a transfer outside the EEA', right: 'consent', args: { note: 'Siirto Acme Inc.:lle', outsideEea: true }, check: (em, n) => expect(person(em, n).outsideEeaTransferRequest).toBe('R-0100') },
  { name: 'a declined erasure', right: 'erasure', args: { decline: 'Asiakassuhde on voimassa.' }, check: (em, n) => expect(registerHas(em, n)).toBe(true) },
];

/** A small world with the case in progress, its thread holding the person's mail. */
function world(s: Scenario): Emulator {
  const em = demo(12);
  s.prepare?.(em, NUMBER);
  logCase(em, { id: 'R-0100', customerNumber: NUMBER, rights: [s.right], mailFrom: person(em, NUMBER).email });
  return em;
}

const fulfil = (em: Emulator, s: Scenario) => em.callFromClient('fulfilRequest', [{ id: 'R-0100', right: s.right, ...(s.args ?? {}) }], STAFF);

/** What a clean run leaves, to compare every faulted run with. */
function outcome(em: Emulator) {
  const chain = chainToHead(em).filter((e) => e.requestId === 'R-0100');
  const drafts = mailbox(em).drafts;
  const row = caseRow(em, 'R-0100');
  return {
    entries: chain.map((e) => `${e.action}:${e.customerNumber}:${e.fields}`),
    drafts: drafts.map((d) => `${d.to}|${d.threadId !== ''}|${d.attachments.map((a) => a.name).join(',')}`),
    status: row.status,
    settled: JSON.parse(row.outcomeData).settled.map((x: { right: string; outcome: string; reply?: string }) => `${x.right}:${x.outcome}:${x.reply === drafts[0]?.id}`),
  };
}

describe.each(SCENARIOS)('fulfilment ($name) with a fault at each of its calls', (s) => {
  const clean = world(s);
  const first = fulfil(clean, s);
  const expected = outcome(clean);
  const calls = first.calls;

  test('the clean run does the job in one call', () => {
    expect(first.ok).toBe(true);
    expect(expected.drafts).toHaveLength(1);
    expect(expected.status).toBe('completed');
    s.check(clean, NUMBER);
  });

  test.each(Array.from({ length: calls }, (_, i) => i + 1))('fault at call %i: the retry finishes the job, nothing lost or doubled', (n) => {
    const em = world(s);
    em.world.injectFault({ atCall: n });
    expect(fulfil(em, s).ok).toBe(false);
    const retry = fulfil(em, s);
    expect(retry.ok).toBe(true);
    expect(outcome(em)).toEqual(expected);
    s.check(em, NUMBER);
    expect(verifyChain(chainToHead(em), sha256Hex)).toEqual({ ok: true });
    // A third try changes nothing.
    const entries = chainToHead(em).length;
    expect((fulfil(em, s).result as { already: boolean }).already).toBe(true);
    expect(chainToHead(em)).toHaveLength(entries);
    expect(mailbox(em).drafts).toHaveLength(1);
  });
});

describe('a retry never takes another letter for the copy', () => {
  test('an access copy whose draft failed, then an extension notice drafted in the thread: the retry makes the copy with its three files', () => {
    const probe = world(SCENARIOS[0]);
    const calls = fulfil(probe, SCENARIOS[0]).calls;
    // The first call at which a fault leaves the attempt logged but no draft made.
    let em: Emulator | null = null;
    for (let n = 1; n <= calls && !em; n++) {
      const tried = world(SCENARIOS[0]);
      tried.world.injectFault({ atCall: n });
      fulfil(tried, SCENARIOS[0]);
      const logged = chainToHead(tried).some((e) => e.requestId === 'R-0100');
      if (logged && mailbox(tried).drafts.length === 0) em = tried;
    }
    expect(em).not.toBeNull();
    call(em!, 'extendRequest', { id: 'R-0100', reason: 'Paljon tietoja' });
    const notice = mailbox(em!).drafts;
    expect(notice).toHaveLength(1);
    expect(notice[0].attachments).toHaveLength(0);
    expect(fulfil(em!, SCENARIOS[0]).ok).toBe(true);
    const drafts = mailbox(em!).drafts;
    expect(drafts).toHaveLength(2);
    const copy = drafts.find((d) => d.attachments.length === 3)!;
    expect(copy).toBeDefined();
    expect(JSON.parse(caseRow(em!, 'R-0100').outcomeData).settled[0].reply).toBe(copy.id);
  });
});
