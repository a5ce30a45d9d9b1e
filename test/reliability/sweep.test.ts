/**
 * Reliability of the retention sweep: a fault injected at every service call of a sweep in turn.
 * Whatever call fails, no record that should stay is lost, changed or doubled, the register
 * tab's protection is the key personnel's again once the run's continuation has run (or at
 * once, from the run's `finally`), the continuation completes the deletions, each deletion is in
 * the audit chain exactly once, the chain stays valid and no continuation trigger is left.
 */
import { OWNER, STAFF } from '../../src/emulator/accounts';
import { verifyChain } from '../../src/core/audit';
import { sha256Hex } from '../../src/core/sha256';
import type { Emulator } from '../../src/emulator/app';
import { chainToHead, demo } from '../support/register';
import { dayOf, expectedDeletions, records, registerProtection, sweepTriggers } from '../support/retention';

const logged = (em: Emulator) => chainToHead(em).filter((e) => e.action === 'retention-delete').map((e) => e.customerNumber);

/**
 * What every sweep path owes under a fault at call `n` of `run`: mid-way, every row that stays is
 * there once, as it was (a deleted one may still be there), and `atMid` checks more; then the next
 * run (the continuation if the run made one, else `next`: an admin's, or the next night's) leaves
 * exactly the kept rows, each due deletion logged once, a valid chain, the protection as it was,
 * no continuation trigger and no pending work. (The continuation is fired by its id: an intake
 * run in between that appends to the log over a cut-short batch of entries is the audit log's
 * concern, gas/audit-log.ts.)
 */
function faultThenResume(em: Emulator, n: number, run: () => boolean, next: () => boolean, atMid: (before: ReturnType<typeof records>) => void = () => {}): { due: string[] } {
  const due = expectedDeletions(em, dayOf(em.world.now));
  expect(due.length).toBeGreaterThan(0);
  const before = records(em);
  const editors = registerProtection(em).editors.slice().sort();
  const kept = before.filter((r) => !due.includes(r.c.customerNumber)).map((r) => r.row);

  em.world.injectFault({ atCall: n });
  expect(run()).toBe(false);
  const mid = records(em).map((r) => r.row);
  expect(mid.filter((r) => kept.includes(r))).toEqual(kept);
  expect(new Set(mid).size).toBe(mid.length);
  atMid(before);

  const continuation = sweepTriggers(em);
  if (continuation.length) {
    expect(continuation).toHaveLength(1);
    expect(em.runTriggerByUid(continuation[0].uid).ok).toBe(true);
  } else {
    expect(next()).toBe(true);
  }
  expect(records(em).map((r) => r.row)).toEqual(kept);
  expect(logged(em).sort()).toEqual([...due].sort());
  expect(verifyChain(chainToHead(em), sha256Hex)).toEqual({ ok: true });
  expect(registerProtection(em).editors.slice().sort()).toEqual(editors);
  expect(sweepTriggers(em)).toEqual([]);
  expect(em.world.properties.document['rekisteri.sweep'] ?? '').toBe('');
  return { due };
}

describe('a sweep with a fault at each of its calls', () => {
  const calls = demo().callFromClient('runRetentionSweep', [], OWNER).calls;

  test('the sweep makes the calls the README counts', () => {
    expect(calls).toBe(16);
  });

  test.each(Array.from({ length: calls }, (_, i) => i + 1))('fault at call %i: nothing that stays is lost or doubled, the protection comes back, the continuation completes the deletions', (n) => {
    const em = demo();
    const { due } = faultThenResume(em, n, () => em.callFromClient('runRetentionSweep', [], OWNER).ok, () => em.callFromClient('runRetentionSweep', [], OWNER).ok, (before) => {
      // Deleted only once logged.
      const goneMid = before.map((r) => r.c.customerNumber).filter((x) => !records(em).some((r) => r.c.customerNumber === x));
      for (const x of goneMid) expect(logged(em)).toContain(x);
    });
    expect(registerProtection(em).editors).toContain(STAFF);
    // The store knows each deleted number as used (column A keeps it), with no data: the date alone.
    const store = em.world.spreadsheet.snapshot('Varmisteet')!.values as string[][];
    for (const x of due) expect(JSON.parse(store.find((r) => r[0] === x)![1])).toEqual({ deletedAt: expect.any(String) });
  });
});

describe('the nightly run (the repair pass, then the sweep deciding from its read) with a fault at each of its calls', () => {
  const quiet = () => {
    const em = demo();
    // The daily summary after the sweep is not the sweep's: off, so every call counted here is the repair's or the sweep's.
    em.callFromClient('saveSettings', [{ settings: { dailySummary: 'off' } }], OWNER);
    return em;
  };
  const full = quiet().runTimeTrigger('runNightly');
  const calls = full.calls;

  test('the nightly run completes and the sweep reads the register no second time (the repair pass shares its read)', () => {
    expect(full.ok).toBe(true);
    const alone = quiet().callFromClient('runRetentionSweep', [], OWNER);
    const repair = quiet().callFromClient('repair', [], OWNER);
    // The sweep alone reads the register, the requests and the audit tail (never the store); in the
    // nightly run the repair's read of the register serves both: one read fewer than both alone.
    expect(alone.byMethod['Range.getValues'].calls).toBe(3);
    expect(full.byMethod['Range.getValues'].calls).toBe(alone.byMethod['Range.getValues'].calls + repair.byMethod['Range.getValues'].calls - 1);
  });

  test.each(Array.from({ length: calls }, (_, i) => i + 1))('fault at call %i: nothing that stays is lost or doubled, the protection comes back, the next run completes the deletions', (n) => {
    const em = quiet();
    faultThenResume(em, n, () => em.runTimeTrigger('runNightly').ok, () => em.runTimeTrigger('runNightly').ok);
  });
});
