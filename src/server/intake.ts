/**
 * The intake trigger `pollInbox` (README "Requests"): new mail matching the inbox query becomes
 * one request row per message, decided in the core (core/requests/intake.ts), idempotent by Gmail
 * message id. A run reads the state and the Requests tab (see below), then Gmail in batches
 * without the lock (search, every thread's messages in one call, then at most two content reads
 * per new letter: the plain body and Gmail's own Authentication-Results), then under the document
 * lock reads the invariant store, decides,
 * appends the audit chain and writes the rows in one batch; then it labels the threads (a filter
 * that saves reads, not the idempotency) and drafts or sends the acknowledgements. Six Sheets
 * calls for any number of new letters: the Requests tab, the store, the audit tail's proof, the
 * audit rows, the request rows, the flush.
 *
 * The Requests tab is read with the state under a short hold of the lock (released before the
 * Gmail reads), so no write is half done while it is read; it is the one the run writes by when
 * nothing can have changed it since: the audit head read inside the lock again is the one read
 * with it (every write of the tab by the software logs first, under the lock) and the run only
 * appends (no reply to attach to a case's row). Otherwise the tab is read again inside the lock
 * (seven calls).
 *
 * A crash at any call loses nothing and logs nothing twice: what decides "already a case" is
 * the message id in the Requests tab, and a case's id is the next free one. The run's new cases
 * ("id messageId") and attached replies are remembered in a document property
 * (`INTAKE_LOGGED_KEY`) written in the same call that moves the audit head, so a retry of a run that died after logging and before
 * its rows landed gives those letters the ids already logged and logs nothing again (exactly
 * once). Acknowledgements still due are kept in the intake property, written in that call too, so a run that dies before
 * acknowledging leaves them to the next run (one in flight when the run died may go twice).
 * A run that nears the time limit stops reading at a checkpoint, commits what it read, and
 * schedules its own one-off continuation (`after`), which deletes itself when it runs.
 */
import { applyEdit, type Customer } from '../core/customer';
import { isLive, numberIndex, type StoreEntry } from '../core/invariants';
import { bareEmail, receiptDay, type Request } from '../core/requests';
import { nextRequestIds, type RequestRecord } from '../core/requests/record';
import type { AuditData } from '../core/audit';
import { decideIntake, triage, type InboxMessage, type IntakePerson, type MessageContent } from '../core/requests/intake';
import { acknowledgementLetter } from '../core/requests/letters';
import { REGISTER_TAB } from '../core/schema';
import { searchKeyOf } from '../core/search';
import { formatOf, readStore, storeSheet, writeStoreEntries } from '../gas/invariants';
import { cellsFor, decodeRow, knownWidth } from '../gas/register';
import { readRequestTab, writeRequests, type RequestTab } from '../gas/requests';
import { rowHolds, refresh, type OpenTab } from '../gas/tabs';
import { INTAKE_KEY, readState, type AuditHead, type TabLayout } from '../gas/state';
import { columnLetter, fromCell, toCell } from '../gas/cells';
import { answerable, replyInThread } from '../gas/mail-reply';
import { requireRole, withWrite, type CallContext } from './context';
import { nextNumberOf } from './repair';
import { INTAKE_LOGGED_KEY, readIntakeLogged, requestTab, type IntakeLogged } from './requests';
import { audit, open } from './tabs';
import { resumeStalledSweep } from './retention';

/** Intake's own small state in one document property: its trigger, a pending continuation, acknowledgements due. */
export { INTAKE_KEY };

export interface IntakeState {
  /** The periodic trigger set-up installed (its id and owner). */
  trigger?: { uid: string; owner: string };
  /** The one-off continuation a run scheduled, until it runs. */
  continuation?: string;
  /** Acknowledgements still to draft or send: "requestId messageId". */
  pendingAcks?: string[];
}

/** Bytes of the memory's JSON at most (a property value holds 9 KB): replies are dropped first, then the oldest cases (those may then be logged twice). */
const LOGGED_MAX_BYTES = 8000;

/** The memory as stored: within LOGGED_MAX_BYTES. */
function loggedJson(logged: IntakeLogged): string {
  const out = { cases: [...logged.cases], replies: [...logged.replies] };
  const size = () => JSON.stringify(out).length;
  while (size() > LOGGED_MAX_BYTES && out.replies.length) out.replies.pop();
  while (size() > LOGGED_MAX_BYTES && out.cases.length) out.cases.shift();
  return JSON.stringify(out);
}

export function readIntakeState(properties: GoogleAppsScript.Properties.Properties): IntakeState {
  // The read itself may fail (and must: a fault is not an empty state); only the JSON is forgiven.
  const cell = properties.getProperty(INTAKE_KEY) ?? '{}';
  try {
    const raw = JSON.parse(cell) as IntakeState;
    return raw && typeof raw === 'object' ? raw : {};
  } catch {
    return {};
  }
}

/** Threads read a run at most; a fuller inbox continues in the next run (GmailApp.search allows 500). */
export const MAX_THREADS = 250;
/** Content reads stop once a run has used this much of its six minutes: the rest waits for the continuation. */
export const READ_BUDGET_MS = 4 * 60_000;
/** When the continuation runs after the run that scheduled it. */
export const CONTINUE_AFTER_MS = 60_000;
/** Recipients kept back from the day's quota for people's own mail: below it, acknowledgements are drafts. */
export const QUOTA_RESERVE = 50;
/** How long the run waits for the lock to read the state and the Requests tab together (without it, it reads them anyway and reads the tab again under the lock). */
const SNAPSHOT_LOCK_MS = 10_000;
/** A head no audit head equals: the tab read is not trusted. */
const STALE: AuditHead = { count: -1, hash: 'stale', capacity: 0 };
/** Label changes take at most 100 threads a call. */
const LABEL_BATCH = 100;

export interface IntakeReport {
  /** New cases logged this run. */
  logged: string[];
  /** Replies attached to cases (message ids). */
  attached: number;
  /** Marketing bans made at intake (customer numbers). */
  banned: string[];
  acknowledged: { drafted: number; sent: number };
  /** True when the run stopped at a checkpoint and scheduled its continuation. */
  continued: boolean;
}

/**
 * The intake trigger (every 15 minutes; hourly in add-on mode), or an admin's run now. A
 * continuation (one-off) trigger deletes itself first. The run acts as the trigger's owner,
 * who must still be an admin.
 */
export function pollInbox(e?: { triggerUid?: string }): IntakeReport {
  const started = Date.now();
  const triggered = !!e && typeof e.triggerUid === 'string';
  const properties = PropertiesService.getDocumentProperties()!;
  let intake = readIntakeState(properties);
  if (triggered) {
    if (intake.trigger?.uid !== e!.triggerUid) {
      // A one-off continuation (or a stray copy): it deletes itself, and runs only if it is ours.
      const mine = ScriptApp.getProjectTriggers().find((t) => t.getUniqueId() === e!.triggerUid);
      if (mine) ScriptApp.deleteTrigger(mine);
      const isContinuation = intake.continuation === e!.triggerUid;
      if (isContinuation) {
        intake = { ...intake, continuation: undefined };
        properties.setProperty(INTAKE_KEY, JSON.stringify(intake));
      }
      if (!isContinuation) return emptyReport();
    }
  } else {
    requireRole('admin');
  }
  // The state and the Requests tab read together under a short hold of the lock: no write is
  // half done meanwhile (a write moves the audit head before its rows land), so the head read
  // here says exactly which writes the tab read holds. Without the lock the tab is read again
  // inside it, as it then may be stale.
  const lock = LockService.getDocumentLock() ?? LockService.getScriptLock();
  const held = lock.tryLock(SNAPSHOT_LOCK_MS);
  let state: ReturnType<typeof readState>;
  let seen: RequestTab | null = null;
  let learned: TabLayout | undefined;
  try {
    state = readState(properties);
    if (state.settings) seen = readRequestTab(SpreadsheetApp.getActiveSpreadsheet(), state.layout, state.settings.language, (l) => (learned = l), state.settings.timeZone);
  } finally {
    if (held) lock.releaseLock();
  }
  // With the lock taken no sweep is running: rows one logged and never deleted mean it died
  // without its continuation, leaving the register protected to its owner; the continuation mends both.
  if (held) resumeStalledSweep(state.sweep);
  const settings = state.settings;
  if (!settings || !seen) return emptyReport();
  const own = [Session.getEffectiveUser().getEmail(), settings.controller.email].map((a) => bareEmail(a)).filter(Boolean);

  // Gmail, without the lock: the search, every thread's messages in one call.
  const processed = settings.labels.processed;
  const query = settings.inboxQuery.includes(`label:"${processed}"`) ? settings.inboxQuery : `${settings.inboxQuery} -label:"${processed}"`;
  const threads = GmailApp.search(query, 0, MAX_THREADS);
  const full = threads.length >= MAX_THREADS;
  const batches = threads.length ? GmailApp.getMessagesForThreads(threads) : [];
  const byId = new Map<string, GoogleAppsScript.Gmail.GmailMessage>();
  const byThread = new Map<string, GoogleAppsScript.Gmail.GmailMessage[]>();
  const inbox: InboxMessage[] = [];
  batches.forEach((messages, i) => {
    byThread.set(threads[i].getId(), messages);
    for (const m of messages) {
      const id = m.getId();
      byId.set(id, m);
      inbox.push({
        id, threadId: m.getThread().getId(), from: m.getFrom(), to: m.getTo(), date: m.getDate().toISOString(), subject: m.getSubject(),
        own: m.isDraft() || own.includes(bareEmail(m.getFrom())),
      });
    }
  });

  // Which messages are new: the cases as they stood (read again inside the lock only when they may have changed).
  const sorted = triage(inbox, seen.rows.map((r) => r.record));

  // At most two content reads per new letter, until the checkpoint.
  const read: { message: InboxMessage; content: MessageContent }[] = [];
  let deferred = false;
  for (const message of sorted.fresh) {
    if (Date.now() - started > READ_BUDGET_MS) {
      deferred = true;
      break;
    }
    const m = byId.get(message.id)!;
    read.push({ message, content: { body: m.getPlainBody(), authenticationResults: m.getHeader('Authentication-Results') } });
  }
  const readIds = new Set(read.map((r) => r.message.id));
  // A reply whose thread's first letter was deferred waits with it.
  const attach = sorted.attach.filter((a) => !a.openerId || readIds.has(a.openerId));

  const before: SeenTab = { tab: seen, head: held ? state.auditHead : STALE, layout: state.layout.requests, learned };
  const outcome = withWrite('admin', (ctx) => commit(ctx, read, attach, intake, before), { trigger: true });
  intake = outcome.intake;

  // Threads whose every message is handled drop out of the next search.
  const pendingThreads = new Set(sorted.fresh.filter((m) => !readIds.has(m.id)).map((m) => m.threadId));
  const finished = threads.filter((t) => !pendingThreads.has(t.getId()));
  if (finished.length) {
    const label = GmailApp.getUserLabelByName(processed) ?? GmailApp.createLabel(processed);
    for (let i = 0; i < finished.length; i += LABEL_BATCH) label.addToThreads(finished.slice(i, i + LABEL_BATCH));
  }

  const acknowledged = acknowledge(properties, intake, outcome.cases, outcome.tab, byThread, outcome.addresses, settings, own);
  intake = acknowledged.intake;

  const continued = deferred || full;
  if (continued && !intake.continuation) {
    const t = ScriptApp.newTrigger('pollInbox').timeBased().after(CONTINUE_AFTER_MS).create();
    intake = { ...intake, continuation: t.getUniqueId() };
    properties.setProperty(INTAKE_KEY, JSON.stringify(intake));
  }
  return { logged: outcome.logged, attached: outcome.attached, banned: outcome.banned, acknowledged: acknowledged.counts, continued };
}

function emptyReport(): IntakeReport {
  return { logged: [], attached: 0, banned: [], acknowledged: { drafted: 0, sent: 0 }, continued: false };
}

/** The Requests tab as the run read it before the lock, with what it knew then. */
interface SeenTab {
  tab: RequestTab;
  head: AuditHead | null;
  layout: TabLayout | undefined;
  learned: TabLayout | undefined;
}

function sameHead(a: AuditHead | null, b: AuditHead | null): boolean {
  return a === b || (!!a && !!b && a.count === b.count && a.hash === b.hash && a.row === b.row);
}

/**
 * Whether the tab read before the lock still stands: no logged write since (the audit head
 * inside the lock is the one read before: every write of the Requests tab logs first, under the
 * lock), the same remembered layout, and a run that only appends (a reply rewrites its case's
 * row, so the row is read again inside the lock first). Pure.
 */
export function seenTabHolds(seen: Pick<SeenTab, 'head' | 'layout'>, now: { auditHead: AuditHead | null; layout: TabLayout | undefined }, replies: number): boolean {
  return replies === 0 && sameHead(now.auditHead, seen.head) && JSON.stringify(now.layout ?? null) === JSON.stringify(seen.layout ?? null);
}

/** "requestId messageId" pairs as a map from message id to request id. */
function pairs(list: readonly string[] | undefined): Map<string, string> {
  const out = new Map<string, string>();
  for (const p of list ?? []) {
    const [id, message] = p.split(' ');
    if (id && message) out.set(message, id);
  }
  return out;
}

/**
 * Under the lock: the cases (the tab read before the lock when it still stands, else read
 * again), the people from the invariant store, the decision, then audit entries (with the
 * run's memory and the acknowledgements due, in the same property write), the bans, and the
 * rows in one batch. Letters an earlier run logged whose rows never landed keep the ids it
 * logged them with, and their entries are not written again.
 */
function commit(
  ctx: CallContext,
  read: readonly { message: InboxMessage; content: MessageContent }[],
  attach: ReturnType<typeof triage>['attach'],
  intake: IntakeState,
  seen: SeenTab,
): { intake: IntakeState; cases: Request[]; logged: string[]; attached: number; banned: string[]; tab: RequestTab; addresses: Map<string, string> } {
  let tab: RequestTab;
  if (seenTabHolds(seen, { auditHead: ctx.state.auditHead, layout: ctx.state.layout.requests }, attach.length)) {
    tab = seen.tab;
    if (seen.learned) ctx.learned.requests = seen.learned;
  } else {
    tab = requestTab(ctx);
  }
  const records = tab.rows.map((r) => r.record);
  // What became a case since the first read is dropped here: the message id decides.
  const again = triage([...read.map((r) => r.message), ...attach.map((a) => a.message)], records);
  const freshIds = new Set(again.fresh.map((m) => m.id));
  const store = ctx.state.store;
  const format = store ? formatOf(store) : null;
  const sheet = store ? storeSheet(SpreadsheetApp.getActiveSpreadsheet(), store) : null;
  const entries = store && sheet && format ? readStore(sheet, nextNumberOf(ctx, format) - format.base) : [];
  const people: IntakePerson[] = entries.filter(isLive).map((c) => ({ customerNumber: c.customerNumber, email: c.email, phone: c.phone, marketingBannedAt: c.marketingBannedAt }));
  // Read again inside the lock: a run that overlapped this one may have listed its own.
  const current = { ...readIntakeState(ctx.properties), continuation: intake.continuation };
  const before = readIntakeLogged(ctx.properties);
  const caseIds = new Set(records.map((r) => r.request.id));
  // The last logging run's cases whose rows are not in the tab: logged already, under these ids.
  const inFlight = new Map([...pairs(before.cases)].filter(([, id]) => !caseIds.has(id)));
  const plan = decideIntake({
    fresh: read.filter((r) => freshIds.has(r.message.id)),
    attach: again.attach,
    records,
    people,
    usedIds: [...inFlight.values()],
    now: ctx.now,
    today: ctx.today,
    actor: ctx.user,
    settings: {
      timeZone: ctx.settings.timeZone, language: ctx.settings.language, customerNumberPrefix: ctx.settings.customerNumberPrefix,
      customerNumberDigits: ctx.settings.customerNumberDigits, banObjectionAtIntake: ctx.settings.banObjectionAtIntake,
    },
  });
  // Ids: a letter logged by the run that died keeps its id; the others take the next free ones in order.
  const newIds = nextRequestIds([...caseIds, ...inFlight.values()], plan.created.filter((c) => !inFlight.has(c.record.request.gmailMessageId)).length);
  const rename = new Map<string, string>();
  const loggedBefore = new Set<string>();
  for (const c of plan.created) {
    const reserved = inFlight.get(c.record.request.gmailMessageId);
    if (reserved) loggedBefore.add(c.record.request.id);
    rename.set(c.record.request.id, reserved ?? newIds.shift()!);
  }
  const created = plan.created.map((c) => ({ ...c, record: { ...c.record, request: { ...c.record.request, id: rename.get(c.record.request.id)! } } }));
  // A reply the run that died attached (and logged) is not logged again.
  const repliesBefore = new Set(before.replies);
  const newReplies = (record: RequestRecord) => {
    const had = new Set(records.find((r) => r.request.id === record.request.id)?.replyMessageIds ?? []);
    return record.replyMessageIds.filter((m) => !had.has(m));
  };
  const repliesLogged = new Set(plan.updated.filter((r) => newReplies(r).every((m) => repliesBefore.has(`${r.request.id} ${m}`))).map((r) => r.request.id));
  const auditData: AuditData[] = plan.audit
    .filter((e) => !loggedBefore.has(e.requestId ?? '') && !(repliesLogged.has(e.requestId ?? '') && (e.fields ?? []).includes('replyMessageIds')))
    .map((e) => (e.requestId && rename.has(e.requestId) ? { ...e, requestId: rename.get(e.requestId)! } : e));
  const cases = created.map((c) => c.record.request);
  const ackDue = ctx.settings.autoAcknowledge === 'off' ? [] : cases.map((r) => `${r.id} ${r.gmailMessageId}`);
  const pending = [...new Set([...(current.pendingAcks ?? []), ...ackDue])];
  const next: IntakeState = { ...current, pendingAcks: pending };
  // The memory replaces the one before, so what that one held and this run does not finish stays in
  // it: a letter logged by a run that died and not reached now (deferred by the checkpoint, out of
  // the query for a while) must not be logged again when a later run reaches it; so with replies.
  const createdNow = new Set(created.map((c) => c.record.request.gmailMessageId));
  const carriedCases = [...inFlight].filter(([message]) => !createdNow.has(message)).map(([message, id]) => `${id} ${message}`);
  const repliesNow = plan.updated.flatMap((r) => newReplies(r).map((m) => `${r.request.id} ${m}`));
  const inTab = new Set(records.flatMap((r) => r.replyMessageIds.map((m) => `${r.request.id} ${m}`)));
  const carriedReplies = before.replies.filter((pair) => !inTab.has(pair) && !repliesNow.includes(pair));
  const logged: IntakeLogged = {
    cases: [...carriedCases, ...cases.map((r) => `${r.id} ${r.gmailMessageId}`)],
    replies: [...carriedReplies, ...repliesNow],
  };
  const ban = prepareBans(ctx, plan.bans.map((b) => b.customerNumber), entries, format && sheet ? { format, sheet } : null);
  if (auditData.length) {
    audit(ctx, auditData, { [INTAKE_KEY]: JSON.stringify(next), [INTAKE_LOGGED_KEY]: loggedJson(logged) });
  }
  const banned = ban();
  const byId = new Map(tab.rows.map((r) => [r.record.request.id, r.row]));
  writeRequests(tab, [
    ...plan.updated.map((record) => ({ row: byId.get(record.request.id), record })),
    ...created.map((c) => ({ record: c.record })),
  ]);
  const attached = plan.updated.reduce((n, r) => n + newReplies(r).length, 0);
  // The registered addresses acknowledgements go to (from the store already read).
  const addresses = new Map(people.filter((p) => p.email).map((p) => [p.customerNumber, p.email.trim().toLowerCase()]));
  return { intake: next, cases, logged: cases.map((r) => r.id), attached, banned, tab, addresses };
}

/**
 * Cells one span of the bans' register rows may cover (a fifth of a second a read in the cost
 * model): banned rows are read and written as one span while it stays within this, so a
 * 1,000-row register is one read and one write for any number of bans; rows far apart in a
 * large register take one read and one write a span.
 */
export const BAN_SPAN_CELLS = 40_000;

/** The register rows of the people to ban, read in spans (one search, one read a span: usually one). */
function banRows(tab: OpenTab, numbers: readonly string[], timeZone: string): {
  rows: Map<string, number>; spans: { first: number; raw: unknown[][] }[]; holds: boolean;
} {
  const column = tab.map.col.customerNumber;
  const letter = columnLetter(column);
  const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  // Anchored and grouped here, whatever matchEntireCell does with an alternation.
  const pattern = `^(?:${numbers.map((n) => escape(String(toCell(n, tab.map.text[column - 1])))).join('|')})$`;
  const hits = tab.sheet.getRange(`${letter}2:${letter}`).createTextFinder(pattern).useRegularExpression(true).matchEntireCell(true).matchCase(true).findAll();
  const sorted = [...new Set(hits.map((h) => h.getRow()))].sort((a, b) => a - b);
  const width = knownWidth(tab.map);
  const groups: { first: number; last: number }[] = [];
  for (const r of sorted) {
    const g = groups[groups.length - 1];
    if (g && (r - g.first + 1) * width <= BAN_SPAN_CELLS) g.last = r;
    else groups.push({ first: r, last: r });
  }
  const spans = groups.map((g) => ({ first: g.first, raw: tab.sheet.getRange(g.first, 1, g.last - g.first + 1, width).getValues() as unknown[][] }));
  // Which number each hit holds, from the rows read (no call a hit).
  const byNumber = new Map<string, number[]>();
  for (const r of sorted) {
    const span = spans.find((s) => r >= s.first && r < s.first + s.raw.length)!;
    const value = String(fromCell(span.raw[r - span.first][column - 1], tab.map.text[column - 1]));
    byNumber.set(value, [...(byNumber.get(value) ?? []), r]);
  }
  const rows = new Map<string, number>();
  // A number on two rows (a pasted copy) is left to the repair, as a missing one is.
  for (const n of numbers) {
    const found = byNumber.get(n) ?? [];
    if (found.length === 1) rows.set(n, found[0]);
  }
  const holds = [...rows.values()].every((r) => {
    const span = spans.find((s) => r >= s.first && r < s.first + s.raw.length)!;
    return rowHolds(tab.map, decodeRow(tab.map, span.raw[r - span.first]), timeZone);
  });
  return { rows, spans, holds };
}

/**
 * Bans marketing for each person now (GDPR 21(3)), as `banMarketing` does. Reads now, before
 * the run's first write: one search for every number's register row, one read per span of rows
 * (usually one, see BAN_SPAN_CELLS). The returned write, called after the audit entries: the
 * invariant store (one call for all: one span), then one write per span. Rows between two
 * banned ones in a span are written back as read. A row that is not there, is there twice or
 * does not hold is left to the repair: the store, which every read decides bans from, already
 * has the ban.
 */
function prepareBans(
  ctx: CallContext,
  numbers: readonly string[],
  entries: readonly StoreEntry[],
  store: { format: ReturnType<typeof formatOf>; sheet: GoogleAppsScript.Spreadsheet.Sheet } | null,
): (() => string[]) {
  if (!numbers.length || !store) return () => [];
  const updates = new Map<number, Customer>();
  for (const number of numbers) {
    const index = numberIndex(store.format, number);
    const entry = index === null ? null : entries[index] ?? null;
    if (index === null || !isLive(entry) || entry.marketingBannedAt) continue;
    const result = applyEdit(entry, { marketingBannedAt: ctx.now }, { now: ctx.now, today: ctx.today, actor: ctx.user, onlyInput: true });
    if (result.ok) updates.set(index, result.customer);
  }
  if (!updates.size) return () => [];
  const banned = [...updates.values()];
  // The reads first (a read after a write waits for a flush): the rows, by one search.
  let tab = open(ctx, REGISTER_TAB);
  let placed = banRows(tab, banned.map((b) => b.customerNumber), ctx.settings.timeZone);
  if (tab.remembered && !placed.holds) {
    tab = refresh(tab, REGISTER_TAB, ctx.language, (l) => (ctx.learned.register = l));
    placed = banRows(tab, banned.map((b) => b.customerNumber), ctx.settings.timeZone);
  }
  return () => {
    writeStoreEntries(store.sheet, updates, entries, 0);
    const byRow = new Map(banned.filter((b) => placed.rows.has(b.customerNumber)).map((b) => [placed.rows.get(b.customerNumber)!, b]));
    for (const span of placed.spans) {
      const cells = span.raw.map((raw, i) => {
        const b = byRow.get(span.first + i);
        // Only the cells the ban changes: a hand edit waiting in the row stays for its check.
        if (b) {
          return cellsFor(tab.map, {
            customerNumber: b.customerNumber, marketingBannedAt: b.marketingBannedAt, version: b.version, updatedAt: b.updatedAt, updatedBy: b.updatedBy, searchKey: searchKeyOf(b),
          }, decodeRow(tab.map, raw));
        }
        return cellsFor(tab.map, {}, raw.map((v, j) => fromCell(v, tab.map.text[j])));
      });
      tab.sheet.getRange(span.first, 1, cells.length, cells[0].length).setValues(cells);
    }
    return banned.map((b) => b.customerNumber);
  };
}

/**
 * Drafts or sends the acknowledgements due (settings: off, draft, send), in each request's
 * language, by the one rule of gas/mail-reply.ts: to the registered address of the case's person
 * (the requester's own where the case has none), in its thread when a message there is from that
 * address with no other Reply-To; otherwise drafted as a new mail (never sent unseen). Sending
 * checks the day's quota first and drafts the rest when it runs low. Due acknowledgements of an
 * earlier run that died are done too (their case from the tab the run already read, their thread
 * by id). Then the list is cleared (one property write).
 */
function acknowledge(
  properties: GoogleAppsScript.Properties.Properties,
  intake: IntakeState,
  cases: readonly Request[],
  tab: RequestTab,
  threads: Map<string, GoogleAppsScript.Gmail.GmailMessage[]>,
  addresses: Map<string, string>,
  settings: NonNullable<CallContext['settings']>,
  own: readonly string[],
): { intake: IntakeState; counts: { drafted: number; sent: number } } {
  const counts = { drafted: 0, sent: 0 };
  const due = intake.pendingAcks ?? [];
  if (!due.length) return { intake, counts };
  if (settings.autoAcknowledge === 'off') {
    const cleared = { ...intake, pendingAcks: [] };
    properties.setProperty(INTAKE_KEY, JSON.stringify(cleared));
    return { intake: cleared, counts };
  }
  // Cases of an earlier run's list are in the tab the run wrote (no call).
  const byId = new Map(tab.rows.map((r) => [r.record.request.id, r.record.request]));
  for (const r of cases) byId.set(r.id, r);
  const addressOf = (r: Request) => (r.customerNumber ? addresses.get(r.customerNumber) ?? '' : r.requesterEmail);
  const letterOf = (r: Request) => acknowledgementLetter(r, receiptDay(r.receivedAt, settings.timeZone), settings.controller);
  // A list left by a run that died may hold letters it already drafted or sent: those threads
  // are looked at first (only then: a rare path), so nobody gets the acknowledgement twice.
  const thisRun = new Set(cases.map((r) => r.id));
  const earlier = due.map((d) => byId.get(d.split(' ')[0])).filter((r): r is Request => !!r && !thisRun.has(r.id));
  const answered = earlier.length ? answeredThreads(earlier, own, (r) => ({ to: addressOf(r), subject: letterOf(r).subject })) : new Set<string>();
  let sendable = settings.autoAcknowledge === 'send' ? Math.max(0, MailApp.getRemainingDailyQuota() - QUOTA_RESERVE) : 0;
  for (const entry of due) {
    const [id, messageId] = entry.split(' ');
    const request = byId.get(id);
    // A case whose row never landed is logged again by the next run, which lists it again.
    if (!request || !messageId || answered.has(request.gmailThreadId)) continue;
    const to = addressOf(request);
    if (!to) continue;
    // The thread's messages from this run's batch read, or (an earlier run's case) read now: two calls.
    let messages = threads.get(request.gmailThreadId);
    if (!messages && request.gmailThreadId) {
      const found = GmailApp.getThreadById(request.gmailThreadId);
      messages = found ? found.getMessages() : [];
    }
    const thread = { threadId: request.gmailThreadId, messages: messages ?? [] };
    // Sent only as a reply in the thread; a new mail (the thread holds nothing from the address) waits as a draft.
    const send = sendable > 0 && answerable(thread.messages, to) !== null;
    const done = replyInThread(thread, to, letterOf(request), send ? 'send' : 'draft');
    if (done && !done.draft) {
      sendable -= 1;
      counts.sent += 1;
    } else if (done) {
      counts.drafted += 1;
    }
  }
  const cleared = { ...intake, pendingAcks: [] };
  properties.setProperty(INTAKE_KEY, JSON.stringify(cleared));
  return { intake: cleared, counts };
}

/**
 * Threads of `requests` that already hold our answer: a draft in the thread or a draft of the
 * new mail the acknowledgement would be (`expected`: its address and subject), or a message sent
 * from our own address after the request arrived. One call for the drafts and one per draft's
 * message, two per thread for sent mail.
 */
function answeredThreads(requests: readonly Request[], own: readonly string[], expected: (r: Request) => { to: string; subject: string }): Set<string> {
  const threads = new Set(requests.map((r) => r.gmailThreadId).filter(Boolean));
  const byMail = new Map(requests.map((r) => {
    const e = expected(r);
    return [`${bareEmail(e.to)}\n${e.subject}`, r.gmailThreadId] as const;
  }));
  const out = new Set<string>();
  for (const draft of GmailApp.getDrafts()) {
    const m = draft.getMessage();
    const id = m.getThread().getId();
    if (threads.has(id)) out.add(id);
    const mail = byMail.get(`${bareEmail(m.getTo())}\n${m.getSubject()}`);
    if (mail) out.add(mail);
  }
  for (const r of requests) {
    if (!r.gmailThreadId || out.has(r.gmailThreadId)) continue;
    const thread = GmailApp.getThreadById(r.gmailThreadId);
    const after = Date.parse(r.receivedAt);
    if (thread && thread.getMessages().some((m) => !m.isDraft() && own.includes(bareEmail(m.getFrom())) && m.getDate().getTime() > after)) out.add(r.gmailThreadId);
  }
  return out;
}
