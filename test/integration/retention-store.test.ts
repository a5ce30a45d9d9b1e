/**
 * The retention sweep's tombstones in the invariant store (server/retention.ts storeTombstones,
 * gas/invariants.ts writeTombstones): every tombstone of a run is the same text, naming no
 * number (the store's row is the number's, column A holds it), so the sweep alone marks the
 * deleted numbers with one RangeList write of their cells only, without reading the store, and
 * the nightly run writes the span its repair pass read from column B on. A later span write over
 * such a tombstone keeps the number in column A.
 */
import { OWNER } from '../../src/emulator/accounts';
import type { Emulator } from '../../src/emulator/app';
import { columnKeysFromHeader, REGISTER_TAB } from '../../src/core/schema';
import { demo } from '../support/register';
import { dayOf, expectedDeletions } from '../support/retention';

const STORE = 'Varmisteet';
const storeRows = (em: Emulator) => (em.world.spreadsheet.snapshot(STORE)!.values as unknown[][]).map((r) => r.map(String));

/** A demo whose daily summary is off (its compliance check is not the sweep's), with who is due today. */
function world(): { em: Emulator; due: string[] } {
  const em = demo();
  em.callFromClient('saveSettings', [{ settings: { dailySummary: 'off' } }], OWNER);
  const due = expectedDeletions(em, dayOf(em.world.now));
  expect(due.length).toBeGreaterThan(1);
  return { em, due };
}

describe('the sweep\'s tombstones in the store', () => {
  test('the sweep alone never reads the store: one RangeList write lays the same tombstone in the deleted numbers\' cells, and every other cell of the store, column A included, stays as it was', () => {
    const { em, due } = world();
    const before = storeRows(em);
    const report = em.callFromClient('runRetentionSweep', [], OWNER);
    expect(report.ok).toBe(true);
    // The register, the requests and the audit tail: no read of the store's span.
    expect(report.byMethod['Range.getValues'].calls).toBe(3);
    expect(report.byMethod['Sheet.getRangeList'].calls).toBe(1);
    expect(report.byMethod['RangeList.setValue'].calls).toBe(1);
    const after = storeRows(em);
    expect(after).toHaveLength(before.length);
    const cells = new Set<string>();
    after.forEach((row, i) => {
      if (!due.includes(before[i][0])) return expect(row).toEqual(before[i]);
      expect(row[0]).toBe(before[i][0]);
      expect(JSON.parse(row[1])).toEqual({ deletedAt: expect.any(String) });
      expect(row.slice(2)).toEqual(before[i].slice(2));
      cells.add(row[1]);
    });
    // One text for every number the run deleted.
    expect(cells.size).toBe(1);
    expect(after.filter((r) => cells.has(r[1])).map((r) => r[0]).sort()).toEqual([...due].sort());
  });

  test('the nightly run writes the span its repair pass read from column B on: column A is never written', () => {
    const { em, due } = world();
    const rows = em.world.spreadsheet.sheetByName(STORE)!.rows;
    const at = (n: string) => rows.findIndex((r) => r && String(r[0]) === n);
    const idx = due.map(at).sort((a, b) => a - b);
    // A mark in column A of a row inside the span, between two deleted numbers: a write of A:B would overwrite it.
    const inside = idx[0] + 1;
    expect(inside).toBeLessThan(idx[idx.length - 1]);
    rows[inside] = ['mark', ...rows[inside]!.slice(1)];
    const before = storeRows(em);
    expect(em.runTimeTrigger('runNightly').ok).toBe(true);
    const after = storeRows(em);
    expect(after[inside]).toEqual(before[inside]);
    for (const i of idx) {
      expect(after[i][0]).toBe(before[i][0]);
      expect(JSON.parse(after[i][1])).toEqual({ deletedAt: expect.any(String) });
    }
  });

  test('a repair whose store span covers a tombstone that names no number writes from column B on: the number stays in column A', () => {
    const { em, due } = world();
    expect(em.callFromClient('runRetentionSweep', [], OWNER).ok).toBe(true);
    const store = em.world.spreadsheet.sheetByName(STORE)!;
    const register = em.world.spreadsheet.sheetByName('Rekisteri')!;
    const keys = columnKeysFromHeader(REGISTER_TAB, register.rows[0] as unknown[]);
    const [numberCol, cityCol] = [keys.indexOf('customerNumber'), keys.indexOf('city')];
    // Hand edits (no edit event) of the records just before and after the first deleted number: the repair accepts both and rewrites their span.
    const tomb = store.rows.findIndex((r) => r && String(r[0]) === due[0]);
    const [lower, upper] = [String(store.rows[tomb - 1]![0]), String(store.rows[tomb + 1]![0])];
    for (const n of [lower, upper]) {
      const r = register.rows.findIndex((row) => row && String(row[numberCol]) === n);
      expect(r).toBeGreaterThan(0);
      const copy = [...register.rows[r]!];
      copy[cityCol] = 'Käsin muutettu';
      register.rows[r] = copy;
    }
    const report = em.callFromClient('repair', [], OWNER);
    expect(report.ok).toBe(true);
    expect((report.result as { report: { acceptedEdits: { customerNumber: string }[] } }).report.acceptedEdits.map((e) => e.customerNumber).sort()).toEqual([lower, upper].sort());
    const after = storeRows(em);
    expect(after[tomb][0]).toBe(due[0]);
    expect(JSON.parse(after[tomb][1])).toEqual({ deletedAt: expect.any(String) });
    for (const n of [lower, upper]) expect(JSON.parse(after.find((r) => r[0] === n)![1]).city).toBe('Käsin muutettu');
  });
});
