/**
 * Reliability of the on-edit trigger's rewrite of typed words in the Pyynnöt tab (issue 8): a
 * fault at each of its service calls in turn. Whatever call fails, no case changes meaning (the
 * store reads a word of any language as its code, rewritten or not), nothing is logged, and
 * after the repair the failure asked for, the next edit of the same cells writes the register's
 * words.
 */
import { columnKeysFromHeader, REQUESTS_TAB } from '../../src/core/schema';
import { OWNER, STAFF } from '../../src/emulator/accounts';
import type { Emulator } from '../../src/emulator/app';
import { call, chainToHead, demo } from '../support/register';

const letter = (n: number) => ({ channel: 'letter', type: 'erasure', rights: [], requesterEmail: 'kirje@example.fi', summary: 'Poistakaa', requestKey: `letter-key-${String(n).padStart(10, '0')}`, receivedAt: '2026-11-02' });
const world = () => {
  const em = demo(20);
  for (let n = 1; n <= 3; n++) call(em, 'logRequest', letter(n));
  return em;
};
const colOf = (em: Emulator, key: string) => columnKeysFromHeader(REQUESTS_TAB, em.world.spreadsheet.snapshot('Pyynnöt')!.values[0]).indexOf(key) + 1;
const typed = [['under behandling', 'In person'], ['in-progress', 'Brev'], ['Käsittelyssä', 'email']];
const listed = (em: Emulator) => call<{ requests: { id: string; status: string; channel: string }[] }>(em, 'listRequests', {}).requests.map((r) => `${r.id}:${r.status}:${r.channel}`).sort();

describe('a paste of words in three languages with a fault at each call of the trigger', () => {
  const calls = (() => {
    const em = world();
    return em.pasteCells(STAFF, 'Pyynnöt', 2, colOf(em, 'channel'), typed.map(([, c]) => [c])).reports[0].calls;
  })();

  test('the rewrite makes the calls the cost table names', () => {
    expect(calls).toBe(9);
  });

  test.each(Array.from({ length: calls }, (_, i) => i + 1))('fault at call %i: every case means what was typed, nothing is logged, and the next edit writes the words', (n) => {
    const em = world();
    const status = colOf(em, 'status');
    expect(colOf(em, 'channel')).toBe(status - 4);
    // Status and channel are not adjacent: paste each column's words, the statuses under a fault.
    em.pasteCells(STAFF, 'Pyynnöt', 2, colOf(em, 'channel'), typed.map(([, c]) => [c]));
    const entries = chainToHead(em).length;
    em.world.injectFault({ atCall: n });
    em.pasteCells(STAFF, 'Pyynnöt', 2, status, typed.map(([s]) => [s]));
    em.world.clearFaults();
    expect(listed(em)).toEqual(['R-0001:in-progress:in-person', 'R-0002:in-progress:letter', 'R-0003:in-progress:email']);
    expect(chainToHead(em)).toHaveLength(entries);
    // The repair the failed run asked for, then the next edit writes the words.
    call(em, 'repair', undefined, OWNER);
    em.pasteCells(STAFF, 'Pyynnöt', 2, status, typed.map(([s]) => [s]));
    const rows = (em.world.spreadsheet.snapshot('Pyynnöt')!.values as unknown[][]).slice(1, 4);
    expect(rows.map((r) => r[status - 1])).toEqual(['Käsittelyssä', 'Käsittelyssä', 'Käsittelyssä']);
    expect(listed(em)).toEqual(['R-0001:in-progress:in-person', 'R-0002:in-progress:letter', 'R-0003:in-progress:email']);
  });
});
