/**
 * A sweep cut short after it deleted rows but before it laid their tombstones leaves the store
 * holding those records as live. A repair pass in between (an admin's, the on-change trigger's,
 * the next night's before its sweep) must not write them back as "rows deleted by hand": the
 * numbers the sweep logged as deleted are its pending work, and the repair leaves them to it.
 */
import { OWNER } from '../../src/emulator/accounts';
import { demo } from '../support/register';
import { dayOf, expectedDeletions, records, sweepTriggers } from '../support/retention';

const calls = demo().callFromClient('runRetentionSweep', [], OWNER).calls;

test.each(Array.from({ length: calls }, (_, i) => i + 1))('fault at call %i of the sweep, then a repair pass: no record the sweep deleted comes back, and the continuation finishes', (n) => {
  const em = demo();
  const due = expectedDeletions(em, dayOf(em.world.now));
  expect(due.length).toBeGreaterThan(0);
  em.world.injectFault({ atCall: n });
  expect(em.callFromClient('runRetentionSweep', [], OWNER).ok).toBe(false);
  const numbers = () => new Set(records(em).map((r) => r.c.customerNumber));
  const gone = due.filter((d) => !numbers().has(d));
  // The repair an admin runs before the continuation fires.
  expect(em.callFromClient('repair', [], OWNER).ok).toBe(true);
  const back = gone.filter((d) => numbers().has(d));
  expect([n, back]).toEqual([n, []]);
  const made = sweepTriggers(em);
  if (made.length) expect(em.runTriggerByUid(made[0].uid).ok).toBe(true);
  else expect(em.callFromClient('runRetentionSweep', [], OWNER).ok).toBe(true);
  expect(due.filter((d) => numbers().has(d))).toEqual([]);
  expect(em.world.properties.document['rekisteri.sweep'] ?? '').toBe('');
});
