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
import { OWNER, STAFF } from '../../src/emulator/accounts';
import { seedDemo } from '../../src/demo/seed';
import { movedCellsCost } from '../../src/emulator/cost';
import type { World } from '../../src/emulator/world';
import { REGISTER_TAB } from '../../src/core/schema';
import { isLive, parseStoreCell, storeCell } from '../../src/core/invariants';
import { SpreadsheetModel } from '../../src/emulator/services/spreadsheet/model';

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
}
function naiveSweep() {
  var sh = SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Sweep');
  var status = sh.getRange(2, 2, sh.getLastRow() - 1, 1).getValues();
  for (var i = status.length - 1; i >= 0; i--) if (status[i][0] === 'remove') sh.deleteRow(i + 2);
}
function sweepSort() {
  var sh = SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Sweep');
  var last = sh.getLastRow(), width = sh.getLastColumn();
  var removed = sh.getRange(2, 2, last - 1, 1).createTextFinder('remove').matchEntireCell(true).findAll().length;
  sh.getRange(2, 1, last - 1, width).sort({ column: 2, ascending: true }); // "keep" before "remove"
  sh.deleteRows(last - removed + 1, removed);
}
function naiveInbox() {
  // Per thread its messages, per message its body and header, a scan of the id column, a row, a label, a draft.
  var ss = SpreadsheetApp.getActiveSpreadsheet();
  var sheet = ss.getSheetByName('Pyynnöt');
  var c = cols_(sheet);
  var label = GmailApp.getUserLabelByName('Rekisteri/käsitelty') || GmailApp.createLabel('Rekisteri/käsitelty');
  var threads = GmailApp.search('in:inbox newer_than:30d -label:"Rekisteri/käsitelty"', 0, 250);
  var n = 0;
  for (var t = 0; t < threads.length; t++) {
    var messages = threads[t].getMessages();
    for (var m = 0; m < messages.length; m++) {
      var id = messages[m].getId();
      var last = sheet.getLastRow();
      var known = last > 1 ? sheet.getRange(2, c['Gmail-viesti'], last - 1, 1).getValues().some(function (r) { return r[0] === id; }) : false;
      if (known) continue;
      var body = messages[m].getPlainBody();
      messages[m].getHeader('Authentication-Results');
      sheet.appendRow(['N-' + (++n), messages[m].getDate().toISOString(), 'email', 'other', 'other', 'fi', 'received', '', '', '', messages[m].getFrom(), '', 'none', id, threads[t].getId(), body.slice(0, 200)]);
      messages[m].createDraftReply('Kiitos viestistänne.');
    }
    threads[t].addLabel(label);
  }
  return n;
}`;

/** Width of the sweep sheet: as wide as the register. */
const SWEEP_WIDTH = 28;

/**
 * A fresh "Sweep" tab of `rows` data rows below a header, every tenth marked "remove" (10%),
 * written straight into the model so that only the sweep itself is metered.
 */
function sweepSheet(world: World, rows: number): void {
  const book = world.spreadsheet;
  const old = book.sheetByName('Sweep');
  if (old) book.sheets = book.sheets.filter((s) => s !== old);
  const sheet = book.insertSheet('Sweep');
  sheet.maxRows = rows + 101;
  sheet.maxColumns = SWEEP_WIDTH;
  sheet.frozenRows = 1;
  sheet.rows[0] = Array.from({ length: SWEEP_WIDTH }, (_, c) => (c === 0 ? 'id' : c === 1 ? 'status' : `field ${c}`));
  for (let r = 1; r <= rows; r++) {
    const row: (string | number)[] = [r, r % 10 === 0 ? 'remove' : 'keep'];
    for (let c = 2; c < SWEEP_WIDTH; c++) row.push(`v${r}.${c}`);
    sheet.rows[r] = row;
  }
}

/**
 * An audit log of `entries` rows written straight into the model (a register's years of work),
 * with `target`'s entries spread through it: every 2,500th row, and a run of five near the end.
 */
function growAuditLog(world: World, entries: number, target: string): void {
  const sheet = world.spreadsheet.sheetByName('Lokitiedot')!;
  const start = sheet.rows.length;
  sheet.maxRows = Math.max(sheet.maxRows, start + entries + 10);
  for (let i = 0; i < entries; i++) {
    const mine = i % 2500 === 0 || i > entries - 6;
    const number = mine ? target : String(100001 + (i % 900));
    sheet.rows[start + i] = [new Date(Date.UTC(2024, 0, 1) + i * 60_000).toISOString(), 'staff@cleanroom.fi', 'update', number, 'city,postalCode', '', '', ''];
  }
}

/** Hand damage written straight into the model (as a failed trigger leaves it), so only the repair is metered. */
function damageRegister(world: World, rows: number): void {
  const sheet = world.spreadsheet.sheetByName('Rekisteri')!;
  const mid = Math.max(3, Math.floor(rows / 2));
  sheet.rows[mid] = [...sheet.rows[mid + 1]!];
  const ban = (sheet.rows[0] as unknown[]).indexOf('Markkinointikielto');
  const cleared = [...sheet.rows[mid + 5]!];
  cleared[ban] = '';
  sheet.rows[mid + 5] = cleared;
}

/**
 * The register as the real sweep meets it: every tenth row's relationship ended in 2020 (long past
 * the 24 months), every other row's goes on; holds and restrictions cleared. Written straight into
 * the model (as the data would stand), so only the sweep is metered.
 */
function agedRegister(world: World): number {
  const sheet = world.spreadsheet.sheetByName('Rekisteri')!;
  // The invariant store agrees with the aged rows (as the saves that ended them would have left it),
  // so the nightly repair pass before the sweep finds nothing to put right.
  const store = world.spreadsheet.sheetByName('Varmisteet')!;
  const storeRow = new Map<string, number>();
  store.rows.forEach((r, i) => r && i > 0 && storeRow.set(String(r[0]), i));
  const header = sheet.rows[0] as unknown[];
  const col = (key: string) => header.indexOf(REGISTER_TAB.columns.find((c) => c.key === key)!.header.fi);
  const [end, hold, restricted] = [col('relationshipEnd'), col('legalHoldUntil'), col('restrictedAt')];
  let due = 0;
  for (let r = 1; r < sheet.rows.length; r++) {
    const row = sheet.rows[r];
    if (!row || row.every((v) => v === '' || v === null || v === undefined)) continue;
    const copy = [...row];
    copy[end] = r % 10 === 0 ? '2020-01-01' : '';
    copy[hold] = '';
    copy[restricted] = '';
    if (r % 10 === 0) due++;
    sheet.rows[r] = copy;
    const at = storeRow.get(String(row[0]));
    const entry = at === undefined ? null : parseStoreCell(store.rows[at]![1]);
    if (at !== undefined && isLive(entry)) {
      const aged = { ...entry, relationshipEnd: r % 10 === 0 ? '2020-01-01' : '', legalHoldUntil: '', restrictedAt: '' };
      store.rows[at] = [store.rows[at]![0], storeCell(aged), ...store.rows[at]!.slice(2)];
    }
  }
  return due;
}

/** What the naive sweep would cost if it were allowed to finish: each deleteRow moves the rows below it. */
function projectedNaiveSweep(rows: number): { calls: number; ms: number } {
  let last = rows + 1;
  let calls = 0;
  let ms = 0;
  for (let r = rows + 1; r >= 2; r--) {
    if ((r - 1) % 10 !== 0) continue;
    ms += movedCellsCost((last - r) * SWEEP_WIDTH);
    last -= 1;
    calls += 1;
  }
  return { calls, ms };
}

interface Row {
  operation: string;
  rows: number;
  report: ExecutionReport;
  realMs: number;
  /** Replaces the result column (a projection, not a run). */
  note?: string;
}

const fmt = (ms: number) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(0)} ms`);
const results: Row[] = [];
/** The retention sweep's calls at the largest size, printed method by method after the table. */
let sweepBreakdown: ExecutionReport[] | null = null;

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
  measure('search, surname first (2 words)', size, () => rt.callFromClient('searchCustomers', [{ query: 'virtanen matti' }], STAFF));
  measure('recently opened (getRecentCustomers)', size, () => rt.callFromClient('getRecentCustomers', [], STAFF));
  measure('save one customer (edit)', size, () =>
    rt.callFromClient('saveCustomer', [{ customer: { customerNumber: target, city: `Bench ${size}` }, expectedVersion: version }], STAFF));
  measure('save one customer (create)', size, () =>
    rt.callFromClient('saveCustomer', [{ customer: { name: 'Bench Henkilö', email: `bench.${size}@example.fi`, phone: '0501112233' } }], STAFF));
  measure('  naive save, cell by cell', size, () => naive.execute('naiveSave', [target, 'Turku'], { user: STAFF }));
  measure('marketing list export', size, () => rt.callFromClient('exportMarketingList', [{}], STAFF));
  // Repair after hand damage the trigger never saw: a row copied over another, a ban cleared.
  damageRegister(emulator.world, size);
  measure('repair pass over the register', size, () => rt.callFromClient('repair', [], OWNER));

  // The real retention sweep deleting 10% of the register, as the nightly trigger runs it (after
  // the repair pass, deciding from the pass's read) and alone (its continuation, an admin's run).
  // The sweep's share of the nightly run is the run less the same repair pass on its own.
  // The daily summary after the sweep (its compliance check reads the register again) is not the sweep's: off here.
  rt.callFromClient('saveSettings', [{ settings: { dailySummary: 'off' } }], OWNER);
  const due = agedRegister(emulator.world);
  // The search keys of the aged rows, as the saves that ended them would have written them.
  rt.callFromClient('repair', [], OWNER);
  const before = emulator.world.spreadsheet.sheetByName('Rekisteri')!.rows.filter((r) => r && r.some((v) => v !== '' && v !== null)).length;
  const aged = JSON.stringify([emulator.world.spreadsheet.toJSON(), emulator.world.properties]);
  const restore = () => {
    const [sheets, properties] = JSON.parse(aged);
    emulator.world.spreadsheet = SpreadsheetModel.fromJSON(sheets);
    emulator.world.properties = properties;
  };
  const repairAlone = rt.callFromClient('repair', [], OWNER);
  restore();
  const nightly = measure('nightly run: repair + sweep of 10%', size, () => emulator.runTimeTrigger('runNightly'));
  const left = emulator.world.spreadsheet.sheetByName('Rekisteri')!.rows.filter((r) => r && r.some((v) => v !== '' && v !== null)).length;
  if (nightly.ok && left !== before - due) throw new Error(`the nightly sweep left ${left} rows, expected ${before - due}`);
  results.push({
    operation: '  the sweep\'s share of it', rows: size, realMs: 0,
    report: { ok: nightly.ok, calls: nightly.calls - repairAlone.calls, modelledMs: nightly.modelledMs - repairAlone.modelledMs, byMethod: {} },
    note: `nightly ${nightly.calls} calls less the repair pass alone (${repairAlone.calls} calls, ${fmt(repairAlone.modelledMs)})`,
  });
  restore();
  const swept = measure('retention sweep of 10%, alone', size, () => rt.callFromClient('runRetentionSweep', [], OWNER));
  const deleted = ((swept as { result?: { deleted?: string[] } }).result?.deleted ?? []).length;
  if (swept.ok && deleted !== due) throw new Error(`the sweep deleted ${deleted} rows, expected ${due}`);
  if (size === SIZES[SIZES.length - 1]) sweepBreakdown = [nightly, swept];
  // The change history over a log as long as the register (its entries every 2,500 rows). Last of
  // the register's measures: the grown rows carry no hashes, so every append after them must
  // first find the log's real end (gas/audit-log.ts), which would meter the others wrongly.
  growAuditLog(emulator.world, size, target);
  measure('change history (getHistory)', size, () => rt.callFromClient('getHistory', [{ customerNumber: target }], STAFF));
  // Deleting 10% of a plain tab of the same width: in one go (sorted), or per row (each deleteRow moves everything below it).
  for (const [operation, fn] of [
    ['sweep 10%: sort + 1 deleteRows', 'sweepSort'],
    ['  naive sweep, deleteRow per row', 'naiveSweep'],
  ] as const) {
    sweepSheet(emulator.world, size);
    measure(operation, size, () => naive.execute(fn, [], { user: OWNER }));
  }
  const projected = projectedNaiveSweep(size);
  results.push({
    operation: '  naive sweep, run to the end', rows: size, realMs: 0,
    report: { ok: true, calls: projected.calls + 3, modelledMs: projected.ms, byMethod: {} },
    note: `projected: ${projected.calls} deleteRow calls, ${(projected.ms / 60_000).toFixed(1)} min (limit 6 min)`,
  });
  emulator.world.spreadsheet.sheets = emulator.world.spreadsheet.sheets.filter((s) => s.name !== 'Sweep');
}


/** Letters for the inbox bench: every type, in the three languages (test/unit/requests/ holds the corpus). */
const LETTERS: { subject: string; body: string; type: string; language: string }[] = [
  { subject: 'Tietopyyntö', body: 'Hei,\n\npyydän jäljennöksen kaikista minua koskevista tiedoista (tietosuoja-asetuksen 15 artikla).\n\nTerveisin\nMatti', type: 'access', language: 'fi' },
  { subject: 'Poistakaa tietoni', body: 'Poistakaa kaikki tietoni rekisteristänne. Kiellän myös suoramarkkinoinnin.', type: 'erasure', language: 'fi' },
  { subject: 'Osoitteenmuutos', body: 'Osoitteeni on muuttunut, korjatkaa tiedot: Hämeenkatu 1, 33100 Tampere.', type: 'rectification', language: 'fi' },
  { subject: 'Registerutdrag', body: 'Hej! Jag vill få ett registerutdrag över mina personuppgifter.', type: 'access', language: 'sv' },
  { subject: 'Radering', body: 'Radera alla mina personuppgifter ur ert register, tack.', type: 'erasure', language: 'sv' },
  { subject: 'Unsubscribe', body: 'Please stop sending me marketing emails.', type: 'objection', language: 'en' },
  { subject: 'Data portability request', body: 'Under Article 20 GDPR I ask for my personal data in a machine-readable format.', type: 'portability', language: 'en' },
  { subject: 'Siivousaika', body: 'Voisitteko siirtää ensi viikon siivouksen torstaille?', type: 'other', language: 'fi' },
];

/** A world of `customers` people with `letters` new request mails in the inbox (`objections` from registered addresses). */
function inboxWorld(customers: number, letters: number, objections: number): Emulator {
  const em = Emulator.open({ distDir: dist, stateFile: null, fresh: true, seed: (e) => seedDemo(e, customers) });
  const mail = em.world.mail as unknown as { messages: Map<string, unknown>; threads: Map<string, unknown> };
  mail.messages.clear();
  mail.threads.clear();
  const emails = (em.callFromClient('searchCustomers', [{ query: '@' }], STAFF).result as { customers: { email: string }[] }).customers.map((c) => c.email).filter(Boolean);
  for (let i = 0; i < letters; i++) {
    const registered = i < objections ? emails[i] : null;
    const letter = registered ? { subject: 'Markkinointikielto', body: 'Kiellän suoramarkkinoinnin.' } : LETTERS[i % LETTERS.length];
    em.deliverMail({ from: registered ?? `lahettaja${i}@example.fi`, subject: `${letter.subject} ${i}`, body: letter.body });
  }
  return em;
}

const byFamily = (report: ExecutionReport) => {
  const out = { gmail: 0, content: 0, sheets: 0 };
  for (const [method, m] of Object.entries(report.byMethod ?? {})) {
    // Handles and metadata getters after a batch read are listed but free: not calls.
    if (m.modelledMs === 0) continue;
    if (/^GmailMessage\.(getPlainBody|getBody|getHeader|getRawContent|getAttachments)$/.test(method)) out.content += m.calls;
    else if (/^(GmailApp|GmailLabel|GmailThread|GmailMessage|GmailDraft|MailApp)\./.test(method)) out.gmail += m.calls;
    else if (/^(SpreadsheetApp|Spreadsheet|Sheet|Range|TextFinder)\./.test(method) && !/^(SpreadsheetApp\.getActiveSpreadsheet|Spreadsheet\.getRange|Sheet\.getRange|Range\.getSheet|Sheet\.getName|Range\.createTextFinder|TextFinder\.match\w+)$/.test(method)) out.sheets += m.calls;
  }
  return out;
};

const INBOX_LETTERS = 200;
for (const [operation, ack, objections] of [
  ['inbox: 200 new letters, acks off', 'off', 0],
  ['inbox: 200 new letters, ack drafts', 'draft', 0],
  ['inbox: … 5 objections banned', 'draft', 5],
] as const) {
  const em = inboxWorld(1000, INBOX_LETTERS, objections);
  if (ack !== 'draft') em.callFromClient('saveSettings', [{ settings: { autoAcknowledge: ack } }], OWNER);
  const report = measure(operation, 1000, () => em.runTimeTrigger('pollInbox'));
  const f = byFamily(report);
  const list = (em.callFromClient('listRequests', [{}], STAFF).result as { requests: { type: string; language: string; summary: string }[] }).requests;
  const logged = list.length;
  // The letter each case came from is in its summary ("<subject> <i> — …"): type and language against the template's.
  const right = list.filter((r) => {
    const i = Number(/ (\d+)(?: —|$)/.exec(r.summary)?.[1]);
    const t = i < objections ? { type: 'objection', language: 'fi' } : LETTERS[i % LETTERS.length];
    return t.type === r.type && t.language === r.language;
  }).length;
  results[results.length - 1].note = `${report.ok ? 'ok' : `FAILED: ${report.error!.message.slice(0, 40)}`}; ${logged} cases (type and language right: ${right}); Gmail ${f.gmail} (acks ${ack === 'off' ? 0 : logged}), content reads ${f.content} (${(f.content / INBOX_LETTERS).toFixed(1)}/letter), Sheets ${f.sheets}`;
  if (operation.endsWith('ack drafts')) {
    const fresh = inboxWorld(1000, INBOX_LETTERS, 0);
    const naive = new Runtime(fresh.world, { code: NAIVE, html: new Map() });
    const naiveReport = measure('  naive inbox, per message', 1000, () => naive.execute('naiveInbox', [], { user: OWNER }));
    const nf = byFamily(naiveReport);
    results[results.length - 1].note = `${naiveReport.ok ? 'ok' : `FAILED: ${naiveReport.error!.message.slice(0, 40)}`}; Gmail ${nf.gmail}, content reads ${nf.content}, Sheets ${nf.sheets}`;
  }
}

console.log('\nRekisteri bench: service calls and modelled time (cost model of DESIGN §8, not Google wall-clock)');
console.log('calls = charged service calls; handles (getActiveSpreadsheet, getRange, …) are listed in /api/stats but cost nothing.\n');
console.log(['operation'.padEnd(34), 'rows'.padStart(7), 'calls'.padStart(7), 'modelled'.padStart(10), 'emulator'.padStart(9), '  result'].join(' '));
for (const r of results) {
  const ok = r.note ?? (r.report.ok ? 'ok' : `FAILED: ${r.report.error!.message.slice(0, 60)}`);
  const real = r.note ? '—' : fmt(r.realMs);
  console.log([r.operation.padEnd(34), String(r.rows).padStart(7), String(r.report.calls).padStart(7), fmt(r.report.modelledMs).padStart(10), real.padStart(9), `  ${ok}`].join(' '));
}
if (sweepBreakdown) {
  console.log(`\nretention sweep at ${SIZES[SIZES.length - 1]} rows, charged calls by method (nightly run | alone):`);
  const [a, b] = sweepBreakdown;
  for (const method of [...new Set([...Object.keys(a.byMethod), ...Object.keys(b.byMethod)])].sort()) {
    const cell = (r: ExecutionReport) => {
      const m = r.byMethod[method];
      return m && m.modelledMs > 0 ? `${String(m.calls).padStart(3)} ${fmt(m.modelledMs).padStart(9)}` : ' '.repeat(13);
    };
    if (cell(a).trim() || cell(b).trim()) console.log(`  ${method.padEnd(40)} ${cell(a)}   ${cell(b)}`);
  }
}
console.log('\nTargets (DESIGN §8) at 100,000 rows: search ≤ 4 calls and ≤ 1 s; save ≤ 8 calls and ≤ 1 s, flat in rows;');
console.log('repair pass over the register ≤ 12 calls and ≤ 30 s;');
console.log('retention sweep deleting 10% ≤ 12 calls and ≤ 30 s (a deleteRow per row moves every row below it: past the 6-minute limit);');
console.log('inbox run over 200 new letters ≤ 10 batch Gmail calls + ≤ 2 content reads a letter (+ one acknowledgement each), ≤ 6 Sheets calls, ≤ 60 s.');
