/**
 * Benchmarks of the register's operations on the emulator at 1k, 10k and 100k rows: service
 * calls and modelled time (the cost model of DESIGN §8) next to a naive per-row implementation
 * of the same operation. Prints figures; asserts nothing about time.
 */
import * as path from 'node:path';
import { Emulator } from '../../src/emulator/app';
import { Runtime } from '../../src/emulator/runtime';
import { OWNER } from '../../src/emulator/accounts';
import { seedWorld } from '../../src/emulator/seed';

const SIZES = (process.argv[2] ?? '1000,10000,100000').split(',').map(Number);
const dist = path.resolve(__dirname, '../../dist');

/** The naive way: walk the register a cell at a time until the first empty row. */
const NAIVE = `
function naiveRowCount() {
  var sheet = SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Rekisteri');
  var n = 0;
  while (sheet.getRange(n + 2, 1).getValue() !== '') n++;
  return n;
}`;

interface Row {
  operation: string;
  rows: number;
  calls: number;
  modelledMs: number;
  realMs: number;
  ok: boolean;
  note: string;
}

function fmt(ms: number): string {
  return ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(1)} ms`;
}

const results: Row[] = [];
for (const size of SIZES) {
  const emulator = Emulator.open({ distDir: dist, stateFile: null, fresh: true, seed: false });
  const t0 = Date.now();
  seedWorld(emulator.world, size);
  const seedMs = Date.now() - t0;
  const measure = (operation: string, run: () => { ok: boolean; calls: number; modelledMs: number; error?: { message: string } }) => {
    const start = process.hrtime.bigint();
    const report = run();
    const realMs = Number(process.hrtime.bigint() - start) / 1e6;
    results.push({ operation, rows: size, calls: report.calls, modelledMs: report.modelledMs, realMs, ok: report.ok, note: report.ok ? '' : report.error!.message });
  };
  measure('sidebar row count (getSidebarInfo)', () => emulator.callFromClient('getSidebarInfo', [], OWNER));
  const naive = new Runtime(emulator.world, { code: NAIVE, html: new Map() });
  measure('  naive: one getValue per row', () => naive.execute('naiveRowCount', [], { user: OWNER }));
  console.error(`(seeded ${size} rows in ${seedMs} ms)`);
}

console.log('\nRekisteri bench — modelled with the cost model of DESIGN §8 (not Google wall-clock)\n');
console.log(['operation'.padEnd(38), 'rows'.padStart(7), 'calls'.padStart(8), 'modelled'.padStart(11), 'emulator'.padStart(10), ' result'].join(' '));
for (const r of results) {
  console.log([
    r.operation.padEnd(38), String(r.rows).padStart(7), String(r.calls).padStart(8), fmt(r.modelledMs).padStart(11), fmt(r.realMs).padStart(10),
    ` ${r.ok ? 'ok' : `FAILED: ${r.note}`}`,
  ].join(' '));
}
