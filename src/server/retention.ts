/**
 * The retention sweep (DESIGN §5): deletes the records whose relationship ended more than the
 * retention period ago and that no legal hold protects, minimises closed request records past
 * their retention (the pseudonym), trashes their processed mail, and logs each deletion in the
 * audit chain by customer number and reason. The decision is core/retention.ts's, from one read
 * of the register and one of the requests; the write is the kept rows rewritten from the first
 * changed row (the cleared tail in the same call) and one `deleteRows` of the blank tail.
 *
 * Nothing a person types while it runs is lost: before it reads, the register tab's protection is
 * narrowed to the run's owner (Sheets refuses everyone else's edit), and put back in a `finally`;
 * every run puts it back to the key personnel, so a run that ended before its `finally` (the
 * six-minute limit ends an execution whatever it catches) is mended by the next. That next run
 * is the sweep's own one-off continuation, made only when it may be needed (a run late in its
 * execution makes it before it writes, a failed step in its `catch`; see sweepRegister) and
 * deleted when the run completes, or else the next nightly run: it resumes from the pending work
 * stored with the audit entries (customer numbers, request ids and thread ids only, never a
 * value), so a deletion that was logged is carried out exactly once and nothing else is touched.
 *
 * In the nightly run the repair pass runs inside the narrowed protection and shares its read of
 * the register and the store (when it wrote no register row): then neither is read again, the
 * deleted numbers' span of the store is written from column B on (one call), and the pending
 * work is cleared in the same write as the nightly run's record.
 *
 * Calls of a sweep alone with deletions, whatever the register's size: lock, state, protection
 * (2), register, requests, audit (3, the pending work in its property write; one more when the
 * log's tab must grow), rows, deleteRows, store tombstones (2: one RangeList of the deleted
 * numbers' cells and its one write; the store is never read), protection back, pending cleared,
 * flush — sixteen; a case minimised adds the pseudonym key, the requests' write and the mail
 * (2); a continuation run deletes its trigger (2), a late run makes one and deletes it (2).
 * At 100,000 rows with 10% due (npm run bench): 17 calls, 28.97 s modelled alone (the register's
 * read and the rows' rewrite 13.5 s each, the audit's 10,000 entries 0.4 s as 8-column rows, two
 * flushes 1 s). A cut-short run's deleted numbers are its pending work: the repair pass never
 * writes them back before their tombstones are laid (core/invariants.ts planRepair `deleting`).
 * A night with nothing due: lock, state, protection (2), register, requests, protection back, flush.
 */
import { rowToCustomer } from '../core/customer';
import { isLive, numberIndex, parseQuarantineKey, type StoreEntry, type Tombstone } from '../core/invariants';
import { addDays, addMonths } from '../core/requests/deadlines';
import {
  keptRows, minimisedRequest, planKeptRows, planRetention, previewRetention as previewPlan, pseudonymFor, retentionAudit,
  type RetentionPlan, type RetentionPreview, type RetentionRequest, type RetentionRow,
} from '../core/retention';
import { AUDIT_TAB, REGISTER_TAB } from '../core/schema';
import { fromCell, type Cell } from '../gas/cells';
import { formatOf, storeSheet, writeStoreEntries, writeTombstones } from '../gas/invariants';
import { cellsFor, knownWidth, type ColumnMap } from '../gas/register';
import { readRequestTab, writeRequests, type RequestTab } from '../gas/requests';
import { deleteContinuation, narrowProtection, restoreProtection, scheduleContinuation, trashMail } from '../gas/retention';
import { SWEEP_PART_CHARS, sweepProperties } from '../gas/state';
import { CallContext, requireRole, withWrite } from './context';
import { audit, open } from './tabs';
import { nextNumberOf, readRegisterBlock } from './repair';
import { ERASURE_SCHEDULE_PREFIX } from '../core/requests/erasure';

/** The global function the continuation runs. */
export const SWEEP_HANDLER = 'runRetentionSweep';
/** The script property holding the pseudonym key (core/retention.ts pseudonymFor): never in the sheet. */
export const PSEUDONYM_KEY = 'rekisteri.pseudonymKey';

/** The work a sweep logged and has not yet finished: identifiers only. */
interface PendingSweep {
  at: string;
  numbers: string[];
  requests: string[];
  threads: string[];
  /** Reply message ids to trash (a reply drafted as a new mail is in no case thread). */
  replies: string[];
  /** Of those, the ones of a case with no thread, by the case id their subject carries (core/retention.ts replySearches). */
  searches: [string, string][];
}

export interface SweepReport {
  /** Customer numbers deleted by this run (numbers only: the daily summary lists them). */
  deleted: string[];
  minimised: number;
  trashed: number;
  keptByHold: number;
  keptByRestriction: number;
  /** Rows kept for an admin's review: quarantined, unreadable dates, a number on two rows. */
  needsReview: number;
  /** True when the run finished the work of a run that ended half-way. */
  resumed: boolean;
}

/**
 * Customer numbers packed small (a sweep of 10,000 must fit a few 9 KB properties): grouped by
 * prefix and digit count, each group's numbers sorted and stored as base-36 gaps
 * ("100027, 100036" → "|6|255b,9"); anything else as it is.
 */
export function packNumbers(numbers: readonly string[]): { groups: string[]; other: string[] } {
  const byGroup = new Map<string, number[]>();
  const other: string[] = [];
  for (const n of numbers) {
    const m = /^([^0-9|;,]*)(\d{1,15})$/.exec(n);
    if (!m) {
      other.push(n);
      continue;
    }
    const key = `${m[1]}|${m[2].length}`;
    const list = byGroup.get(key) ?? [];
    list.push(Number(m[2]));
    byGroup.set(key, list);
  }
  const groups = [...byGroup].map(([key, list]) => {
    const sorted = [...new Set(list)].sort((a, b) => a - b);
    return `${key}|${sorted.map((v, i) => (i === 0 ? v : v - sorted[i - 1]).toString(36)).join(',')}`;
  });
  return { groups, other };
}

export function unpackNumbers(packed: { groups: string[]; other: string[] }): string[] {
  const out = [...packed.other];
  for (const g of packed.groups) {
    const [prefix, len, gaps] = g.split('|');
    let v = 0;
    for (const gap of gaps ? gaps.split(',') : []) {
      v += parseInt(gap, 36);
      out.push(prefix + String(v).padStart(Number(len), '0'));
    }
  }
  return out;
}

function parsePending(raw: string | null): PendingSweep | null {
  if (!raw) return null;
  try {
    const p = JSON.parse(raw) as { at: string; numbers: { groups: string[]; other: string[] }; requests: string[]; threads: string[]; replies?: string[]; searches?: [string, string][] };
    const list = (v: unknown) => Array.isArray(v) && v.every((x) => typeof x === 'string');
    if (!p || !p.numbers || !list(p.numbers.groups) || !list(p.numbers.other) || !list(p.requests) || !list(p.threads)) return null;
    const searches = Array.isArray(p.searches) ? p.searches.filter((x) => list(x) && x.length === 2) : [];
    return { at: p.at, numbers: unpackNumbers(p.numbers), requests: p.requests, threads: p.threads, replies: list(p.replies) ? p.replies! : [], searches };
  } catch {
    return null;
  }
}

/** The customer numbers a sweep logged as deleted and has not finished (the repair pass leaves them to it). No call. */
export function pendingDeletions(raw: string | null): Set<string> {
  return new Set(parsePending(raw)?.numbers ?? []);
}

function pendingJson(p: PendingSweep): string {
  return JSON.stringify({ at: p.at, numbers: packNumbers(p.numbers), requests: p.requests, threads: p.threads, replies: p.replies, searches: p.searches });
}

/** How many property parts a stored pending sweep used (to clear them all). */
function partsOf(raw: string | null): number {
  return raw ? Math.ceil(raw.length / SWEEP_PART_CHARS) + 1 : 0;
}

export interface SweepRead {
  sheet: GoogleAppsScript.Spreadsheet.Sheet;
  map: ColumnMap;
  /** Rows as read with the escapes undone, down to the last non-empty one. */
  cells: unknown[][];
  /** Rows the sheet has below the header. */
  gridRows: number;
  rows: RetentionRow[];
  requestTab: RequestTab;
  requests: RetentionRequest[];
}

/**
 * What the nightly run's repair pass has already read, for the sweep that follows it in the same
 * execution (and under the same narrowed protection): the register's block and the invariant
 * store's entries as they stand after the pass (the pass shares them only when it wrote no
 * register row, so the block is what the tab holds).
 */
export interface SharedRead {
  sheet: GoogleAppsScript.Spreadsheet.Sheet;
  map: ColumnMap;
  /** Every row below the header, as `getValues` gave it. */
  all: unknown[][];
  /** The store's entries from index 0, with the pass's own store writes applied. */
  store: readonly StoreEntry[];
}

/** The one read the decision needs: the register (one call, none when the repair pass shared its read) and the requests (one call). */
export function readForSweep(ctx: CallContext, shared: SharedRead | null = null): SweepRead {
  const { sheet, map, all } = shared ?? readRegisterBlock(ctx);
  let count = all.length;
  while (count > 0 && all[count - 1].every((v) => v === '' || v === null)) count--;
  const cells = all.slice(0, count).map((r) => r.map((v, c) => fromCell(v, map.text[c])));
  const keyCol = map.col.searchKey - 1;
  // Erasures fulfilment scheduled at a hold's end (core/requests/erasure.ts), by customer number.
  const scheduled = new Map(ctx.state.scheduledErasures.map((e) => [e.customerNumber, e.until]));
  const rows = cells.map((r): RetentionRow => {
    const c = rowToCustomer(map.keys, r, ctx.settings.timeZone);
    return {
      customerNumber: c.customerNumber, relationshipEnd: c.relationshipEnd, legalHoldUntil: c.legalHoldUntil, legalHoldReason: c.legalHoldReason,
      restrictedAt: c.restrictedAt, quarantined: parseQuarantineKey(r[keyCol]) !== null, erasureScheduledFor: scheduled.get(c.customerNumber) ?? '',
    };
  });
  const requestTab = readRequestTab(SpreadsheetApp.getActiveSpreadsheet(), ctx.state.layout, ctx.language, (l) => (ctx.learned.requests = l), ctx.settings.timeZone);
  const requests = requestTab.rows.map(({ record: { request: q } }): RetentionRequest => ({
    id: q.id, status: q.status, closedAt: q.closedAt, requesterEmail: q.requesterEmail, customerNumber: q.customerNumber, gmailThreadId: q.gmailThreadId,
    replies: q.outcome.settled.map((x) => x.reply ?? '').filter((r) => r !== ''),
  }));
  return { sheet, map, cells, gridRows: all.length, rows, requestTab, requests };
}

/** The decision for `today` (pseudonyms are keyed later, only when a case is minimised). */
function decide(ctx: CallContext, read: SweepRead, today: string): RetentionPlan {
  return planRetention({
    rows: read.rows, requests: read.requests, retentionMonths: ctx.settings.retentionMonths, requestRetentionMonths: ctx.settings.requestRetentionMonths,
    today, timeZone: ctx.settings.timeZone, pseudonymKey: 'unkeyed',
  });
}

/** Today's decision, for the compliance check's "no record past retention". */
export function decideToday(ctx: CallContext, read: SweepRead): RetentionPlan {
  return decide(ctx, read, ctx.today);
}

/** The register's pseudonym key (a script property, made on first use): two calls at most, only when a case is minimised. */
function pseudonymKey(): string {
  const props = PropertiesService.getScriptProperties();
  let key = props.getProperty(PSEUDONYM_KEY);
  if (!key) {
    key = `${Utilities.getUuid()}${Utilities.getUuid()}`.replace(/-/g, '');
    props.setProperty(PSEUDONYM_KEY, key);
  }
  return key;
}

export interface SweepOptions {
  /** The continuation trigger that started this run, deleted when the run completes. */
  fired?: string | null;
  /**
   * The nightly run's repair pass, run under the sweep's narrowed protection (so no hand edit
   * lands between its read and the sweep's rewrite); what it read, when it may be shared.
   */
  before?: () => SharedRead | null;
  /** Properties the caller writes when the sweep is done (the nightly run's record): merged into the sweep's last write. */
  finalProperties?: Record<string, string>;
}

/**
 * When this execution began: Apps Script runs a project's global code at the start of every
 * execution (the emulator too), and `Date.now()` is the execution's clock.
 */
const EXECUTION_STARTED = Date.now();
/** Apps Script ends an execution after six minutes ("Script runtime: 6 min / execution", quotas page). */
export const EXECUTION_LIMIT_MS = 6 * 60_000;

/**
 * A generous estimate of what the sweep's steps after its decision take: twice the planning
 * model of DESIGN §8 (25 ms a call, 0.005 ms a cell written, 0.002 ms a cell a `deleteRows`
 * moves), and half a minute whenever mail is to be trashed (its searches and lookups).
 */
export function sweepRestMs(work: { cellsWritten: number; cellsMoved: number; mail: number }): number {
  return 2 * (20 * 25 + 500 + 0.005 * work.cellsWritten + 0.002 * work.cellsMoved) + (work.mail ? 30_000 + 10 * work.mail : 0);
}

/**
 * The sweep inside a write context (the nightly run's, the continuation's or an admin's).
 * Calls around the work: protection (2), then protection back and the last property write (the
 * pending work cleared, with `finalProperties`); a continuation run deletes its trigger (2).
 *
 * The one-off continuation is made only when it may be needed: before the protection is narrowed
 * when the run starts past half the execution's time; before the first write when the rest
 * would not fit in half the time left (the six-minute limit ends an execution whatever it
 * catches, so such a run must have scheduled it first); and when any step fails (then the error
 * is rethrown; the protection is put back in the `finally` first). A run ended some other way
 * (its process lost) leaves the work pending, and the protection narrowed, for the next nightly run.
 */
export function sweepRegister(ctx: CallContext, options: SweepOptions = {}): SweepReport {
  const me = ctx.user.toLowerCase();
  const others = ctx.settings.keyPersonnel.map((p) => p.email.toLowerCase()).filter((e) => e !== me);
  let made: GoogleAppsScript.Script.Trigger | null = null;
  const continueLater = () => {
    if (!made) made = scheduleContinuation(ScriptApp, SWEEP_HANDLER);
  };
  // The rest must fit in half the time left, or the continuation comes first.
  const continueIfLate = (restMs: number) => {
    if (Date.now() - EXECUTION_STARTED + 2 * restMs > EXECUTION_LIMIT_MS) continueLater();
  };
  let done: { report: SweepReport; last: Record<string, string> };
  let cleared = false;
  try {
    // Started past half the execution's time (a large register's reads alone take tens of seconds): the continuation first.
    continueIfLate(EXECUTION_LIMIT_MS / 4);
    const protection = narrowProtection(open(ctx, REGISTER_TAB).sheet, SpreadsheetApp.ProtectionType, others);
    try {
      const shared = options.before ? options.before() : null;
      done = applySweep(ctx, shared, continueIfLate);
    } finally {
      // Every run puts the key personnel back, so a run cut short before here is mended by the next.
      if (protection) restoreProtection(protection, others);
    }
    // The pending work cleared (a fault here leaves it to the continuation, which finds it done and clears it).
    const last = { ...done.last, ...(options.finalProperties ?? {}) };
    if (Object.keys(last).length) ctx.properties.setProperties(last);
    cleared = true;
    deleteContinuation(ScriptApp, made, options.fired ?? null);
  } catch (error) {
    // A step failed: the continuation resumes the logged work and puts the protection back. (Past the
    // time limit no call succeeds: then the continuation made before the first write, or the one the next intake run makes (resumeStalledSweep), resumes.)
    if (!cleared) {
      try {
        continueLater();
      } catch {
        // The first failure is the one to report.
      }
    }
    throw error;
  }
  return done.report;
}

function applySweep(ctx: CallContext, shared: SharedRead | null, beforeWrites: (restMs: number) => void): { report: SweepReport; last: Record<string, string> } {
  const pending = parsePending(ctx.state.sweep);
  const read = readForSweep(ctx, shared);
  const plan = decide(ctx, read, ctx.today);
  const { rows, cells, map, sheet } = read;

  // Rows to delete: the plan's, and the rows of numbers a run cut short logged but did not delete
  // (still unique and proven: a quarantined or doubled row is never deleted on a guess).
  const pendingNumbers = new Set(pending?.numbers ?? []);
  const uses = new Map<string, number>();
  rows.forEach((r) => r.customerNumber && !r.quarantined && uses.set(r.customerNumber, (uses.get(r.customerNumber) ?? 0) + 1));
  const deleteIdx = new Set(plan.deleteRecords.map((d) => d.row));
  rows.forEach((r, i) => {
    if (pendingNumbers.has(r.customerNumber) && !r.quarantined && uses.get(r.customerNumber) === 1) deleteIdx.add(i);
  });
  const newDeletes = plan.deleteRecords.filter((d) => !pendingNumbers.has(d.customerNumber));
  const pendingRequests = new Set(pending?.requests ?? []);
  const minimise = plan.minimiseRequests;
  const threads = [...new Set([...(pending?.threads ?? []), ...plan.trashMail])];
  const replies = [...new Set([...(pending?.replies ?? []), ...plan.trashReplies])];
  const replySearches = new Map<string, string>([...(pending?.searches ?? []), ...plan.replySearches.map((r): [string, string] => [r.reply, r.requestId])]);
  const deletedNumbers = [...new Set([...[...deleteIdx].map((i) => rows[i].customerNumber), ...pendingNumbers])];
  const report: SweepReport = {
    deleted: [...deleteIdx].map((i) => rows[i].customerNumber), minimised: 0, trashed: 0, keptByHold: plan.keptByHold.length,
    keptByRestriction: plan.keptByRestriction.length, needsReview: plan.keptQuarantined.length + plan.unreadable.length + plan.duplicateNumbers.length,
    resumed: !!pending,
  };
  if (!deleteIdx.size && !minimise.length && !threads.length && !replies.length && !pending) return { report, last: {} };

  // Before any write: the continuation first, when the rest may not fit the time left.
  const width = knownWidth(map);
  let firstDeleted = cells.length;
  for (const i of deleteIdx) firstDeleted = Math.min(firstDeleted, i);
  beforeWrites(sweepRestMs({
    // The rows rewritten from the first deleted one, an audit entry and a store cell or two a deletion, the minimised cases' rows.
    cellsWritten: (cells.length - firstDeleted) * width + deletedNumbers.length * (AUDIT_TAB.columns.length + 2) + minimise.length * 40,
    cellsMoved: (read.gridRows - cells.length) * width,
    mail: threads.length + replies.length,
  }));

  // The store's tombstones, decided before any write (no read of the store: the repair pass's when it shared it, else none).
  const tombstones = storeTombstones(ctx, deletedNumbers, shared?.store ?? null);

  // 1. The log (with the pending work in the same property write): each deletion by number and reason, no value.
  if (minimise.length) {
    const key = pseudonymKey();
    for (const m of minimise) m.pseudonym = pseudonymFor(key, read.requests[m.index]);
  }
  const marker: PendingSweep = { at: ctx.now, numbers: deletedNumbers, requests: [...new Set([...pendingRequests, ...minimise.map((m) => m.id)])], threads, replies, searches: [...replySearches] };
  const entries = retentionAudit({ ...plan, deleteRecords: newDeletes, minimiseRequests: minimise.filter((m) => !pendingRequests.has(m.id)) }, ctx.now, 'retention');
  const markerJson = pendingJson(marker);
  if (entries.length) audit(ctx, entries, sweepProperties(markerJson, partsOf(ctx.state.sweep)));

  // 2. The register: the kept rows from the first changed one and the cleared tail in one write, then the blank tail goes.
  if (deleteIdx.size) {
    const { keep, clear, firstChanged } = planKeptRows(cells.length, [...deleteIdx]);
    const out: Cell[][] = keptRows(cells, [...deleteIdx]).slice(firstChanged).map((r) => cellsFor(map, {}, r));
    for (let i = 0; i < clear; i++) out.push(new Array<Cell>(width).fill(''));
    sheet.getRange(firstChanged + 2, 1, out.length, width).setValues(out);
    // Sheets refuses to delete every row below a frozen header: then the blank rows stay.
    if (keep.length > 0 || read.gridRows > clear) sheet.deleteRows(keep.length + 2, clear);
  }

  // 3. The invariant store: the numbers stay used (never handed out again), their data goes.
  if (tombstones) tombstones();

  // 4. Requests past their retention: the pseudonym in, the personal fields out, the case kept.
  if (minimise.length) {
    writeRequests(read.requestTab, minimise.map((m) => {
      const stored = read.requestTab.rows[m.index];
      return { row: stored.row, record: { ...stored.record, request: minimisedRequest(stored.record.request, m.pseudonym) } };
    }));
    report.minimised = minimise.length;
  }

  // 5. Their processed mail, in batches: the threads and the replies by the ids the cases hold. What
  // the run could not look up stays pending for the next run; what Gmail no longer has is settled.
  let left: PendingSweep | null = null;
  if (threads.length || replies.length) {
    const cutoff = Date.parse(`${addMonths(ctx.today, -ctx.settings.requestRetentionMonths)}T00:00:00Z`);
    // A reply sent since it was drafted has a new id: the sent copy of a case with no thread is found by the case id in its subject.
    const searches = new Map([...replySearches].map(([reply, id]) => [reply, `from:me subject:"${id.replace(/["\\]/g, '')}" older_than:${Math.max(1, ctx.settings.requestRetentionMonths * 28)}d`] as const));
    const mail = trashMail(GmailApp, ctx.settings.labels.processed, ctx.settings.requestRetentionMonths * 28, cutoff, threads, replies, undefined, { searches, keep: new Set(plan.keptThreads) });
    report.trashed = mail.trashed;
    if (mail.leftThreads.length || mail.leftMessages.length) {
      left = { at: ctx.now, numbers: [], requests: [], threads: mail.leftThreads, replies: mail.leftMessages, searches: [...replySearches].filter(([r]) => mail.leftMessages.includes(r)) };
    }
  }

  // Done: the pending work is cleared in the run's last write (sweepRegister, with the run's record).
  // A deleted person's erasure schedule goes with them (emptied in the same write; an empty value reads as no schedule).
  const deleted = new Set(deletedNumbers);
  const schedules = Object.fromEntries(ctx.state.scheduledErasures.filter((e) => deleted.has(e.customerNumber)).map((e) => [`${ERASURE_SCHEDULE_PREFIX}${e.customerNumber}`, '']));
  const leftJson = left ? pendingJson(left) : '';
  return { report, last: { ...sweepProperties(leftJson, Math.max(partsOf(ctx.state.sweep), partsOf(markerJson))), ...schedules } };
}

/**
 * The store's tombstones of the deleted numbers, as a write to make after the rows (null when
 * none): the numbers stay used (never handed out again), their data goes. Every tombstone of a
 * run is the same text, naming no number (core/invariants.ts tombstoneCell; column A holds it).
 * - The nightly run, whose repair pass shared the store it read: the span of the deleted numbers
 *   rewritten from column B on (one call), the live entries' cells as tombstones, the cells
 *   between them as read.
 * - Otherwise no read: one RangeList write lays the tombstone in every issued deleted number's
 *   cell, whatever it held (two calls, only those cells written; a number deleted by a run cut
 *   short, already a tombstone, gets this run's date).
 */
function storeTombstones(ctx: CallContext, numbers: readonly string[], shared: readonly StoreEntry[] | null): (() => void) | null {
  const info = ctx.state.store;
  if (!info || !numbers.length) return null;
  const format = formatOf(info);
  // Only issued numbers have a store row: a number typed past the counter has none to mark.
  const issued = nextNumberOf(ctx, format) - format.base;
  const indexes = numbers.map((n) => numberIndex(format, n)).filter((i): i is number => i !== null && i < issued);
  if (!indexes.length) return null;
  const store = storeSheet(SpreadsheetApp.getActiveSpreadsheet(), info);
  const tombstone: Tombstone = { customerNumber: '', deletedAt: ctx.now };
  if (shared && indexes.every((i) => i < shared.length)) {
    const updates = new Map<number, Tombstone>();
    for (const i of indexes) if (isLive(shared[i])) updates.set(i, tombstone);
    return updates.size ? () => writeStoreEntries(store, updates, shared, 0, undefined, true) : null;
  }
  return () => writeTombstones(store, indexes, ctx.now);
}

/**
 * A sweep that logged rows and died without making its continuation (an execution cut by the time
 * limit after its estimate said the rest would fit, so no `catch` or `finally` ran) leaves the
 * rows pending and the register protected to its owner, which shuts the other key personnel out
 * until the next night. A run that holds the document lock (so no sweep is running: the sweep
 * holds it throughout) calls this with the pending work it read: it makes the continuation unless
 * one is listed, and the continuation finishes the rows and puts the protection back. Calls: none
 * when no rows are pending (mail left for the next run is no stall); else the trigger list and at
 * most one create. → whether it made one.
 */
export function resumeStalledSweep(raw: string | null): boolean {
  const pending = parsePending(raw);
  if (!pending || (!pending.numbers.length && !pending.requests.length)) return false;
  if (ScriptApp.getProjectTriggers().some((t) => t.getHandlerFunction() === SWEEP_HANDLER)) return false;
  scheduleContinuation(ScriptApp, SWEEP_HANDLER);
  return true;
}

/**
 * The sweep's own entry point: the one-off continuation of a run that ended half-way (it deletes
 * itself when it completes), or an admin's sweep now. Runs as the trigger's owner, an admin.
 */
export function runRetentionSweep(e?: { triggerUid?: string }): SweepReport {
  const fired = e && typeof e.triggerUid === 'string' ? e.triggerUid : null;
  return withWrite('admin', (ctx) => sweepRegister(ctx, { fired }), { trigger: fired !== null });
}

/**
 * What the next nightly sweep (tomorrow's, at about 02:00) would delete and why, what a hold keeps
 * back, what needs review, and what falls due in the next 30 days. Admins; two reads, no lock.
 */
export function previewRetention(): { preview: RetentionPreview; today: string } {
  const ctx = requireRole('admin');
  const read = readForSweep(ctx);
  const preview = previewPlan(
    {
      rows: read.rows, requests: read.requests, retentionMonths: ctx.settings.retentionMonths, requestRetentionMonths: ctx.settings.requestRetentionMonths,
      timeZone: ctx.settings.timeZone, pseudonymKey: 'preview',
    },
    addDays(ctx.today, 1),
  );
  return { preview, today: ctx.today };
}
