/**
 * Benchmarks of the register's operations on the emulator at 1k, 10k and 100k rows: service
 * calls and modelled time (the cost model of DESIGN §8) next to a naive per-row implementation
 * of the same operation, in the same process and world. Prints figures; asserts nothing.
 *
 *   npm run bench              1k, 10k and 100k rows
 *   npm run bench -- 1000      one size
 */
import * as path from 'node:path';
import { Emulator } from '../../src/emulator/app';
import { Runtime, ExecutionReport } from '../../src/emulator/runtime';
import { STAFF } from '../../src/emulator/accounts';
import { seedDemo } from '../../src/demo/seed';

const SIZES = (process.argv[2] ?? '1000,10000,100000').split(',').map(Number);
const dist = path.resolve(process.cwd(), 'dist');

/**
 * The naive implementations: what the same operations look like written cell by cell, as a
 * first Apps Script attempt often is. Columns found by header like the real code (one read).
 */
const NAIVE = `
function cols_(sheet) {
  var h = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0], c = {};
  for (var i = 0; i < h.length; i++) c[h[i]] = i + 1;
  return c;
}
function naiveSearch(query) {
  var sheet = SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Rekisteri');
  var c = cols_(sheet), last = sheet.getLastRow(), hits = [];
  for (var r = 2; r <= last; r++) {
    var name = String(sheet.getRange(r, c['Nimi']).getValue());
    var email = String(sheet.getRange(r, c['Sähköposti']).getValue());
    if (name.toLowerCase().indexOf(query) >= 0 || email.toLowerCase().indexOf(query) >= 0) hits.push(sheet.getRange(r, c['Asiakasnumero']).getValue());
  }
  return hits.length;
}
function naiveSave(number, city) {
  var sheet = SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Rekisteri');
  var c = cols_(sheet), last = sheet.getLastRow();
  for (var r = 2; r <= last; r++) {
    if (String(sheet.getRange(r, c['Asiakasnumero']).getValue()) === number) {
      sheet.getRange(r, c['Postitoimipaikka']).setValue(city);
      sheet.getRange(r, c['Versio']).setValue(sheet.getRange(r, c['Versio']).getValue() + 1);
      SpreadsheetApp.flush();
      return r;
    }
  }
  return -1;
}`;

interface Row {
  operation: string;
  rows: number;
  report: ExecutionReport;
  realMs: number;
}

const results: Row[] = [];

function measure(operation: string, rows: number, run: () => ExecutionReport): ExecutionReport {
  const start = process.hrtime.bigint();
  const report = run();
  results.push({ operation, rows, report, realMs: Number(process.hrtime.bigint() - start) / 1e6 });
  return report;
}

for (const size of SIZES) {
  const t0 = Date.now();
  const emulator = Emulator.open({ distDir: dist, stateFile: null, fresh: true, seed: (em) => seedDemo(em, size) });
  if (!emulator.world.triggers.length) throw new Error('set-up of the bench world failed');
  console.error(`(${size} rows seeded and set up in ${Date.now() - t0} ms)`);
  const rt = emulator.runtime;
  const target = String(100000 + Math.ceil(size / 2));

  measure('sidebar search', size, () => rt.callFromClient('searchCustomers', [{ query: 'virtanen' }], STAFF));
  const naive = new Runtime(emulator.world, { code: NAIVE, html: new Map() });
  measure('  naive search, cell by cell', size, () => naive.execute('naiveSearch', ['virtanen'], { user: STAFF }));

  const got = rt.callFromClient('getCustomer', [{ customerNumber: target }], STAFF);
  const version = (got.result as { customer: { version: number } }).customer.version;
  measure('open one record (getCustomer)', size, () => rt.callFromClient('getCustomer', [{ customerNumber: target }], STAFF));
  measure('save one customer (edit)', size, () =>
    rt.callFromClient('saveCustomer', [{ customer: { customerNumber: target, city: `Bench ${size}` }, expectedVersion: version }], STAFF));
  measure('save one customer (create)', size, () =>
    rt.callFromClient('saveCustomer', [{ customer: { name: 'Bench Henkilö', email: `bench.${size}@example.fi`, phone: '0501112233' } }], STAFF));
  measure('  naive save, cell by cell', size, () => naive.execute('naiveSave', [target, 'Turku'], { user: STAFF }));
  measure('marketing list export', size, () => rt.callFromClient('exportMarketingList', [{}], STAFF));
}

const fmt = (ms: number) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(0)} ms`);
console.log('\nRekisteri bench: service calls and modelled time (cost model of DESIGN §8, not Google wall-clock)');
console.log('calls = charged service calls; handles (getActiveSpreadsheet, getRange, …) are listed in /api/stats but cost nothing.\n');
console.log(['operation'.padEnd(32), 'rows'.padStart(7), 'calls'.padStart(7), 'modelled'.padStart(10), 'emulator'.padStart(9), '  result'].join(' '));
for (const r of results) {
  const ok = r.report.ok ? 'ok' : `FAILED: ${r.report.error!.message.slice(0, 60)}`;
  console.log([r.operation.padEnd(32), String(r.rows).padStart(7), String(r.report.calls).padStart(7), fmt(r.report.modelledMs).padStart(10), fmt(r.realMs).padStart(9), `  ${ok}`].join(' '));
}
console.log('\nTargets (DESIGN §8) at 100,000 rows: search ≤ 4 calls and ≤ 1 s; save ≤ 8 calls and ≤ 1 s, flat in rows.');
