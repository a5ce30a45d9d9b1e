/**
 * The intake trigger `pollInbox` (README "Requests"): new mail matching the inbox query becomes
 * one request row per message, decided in the core (core/requests/intake.ts), idempotent by Gmail
 * message id. A run reads Gmail in batches without the lock (search, every thread's messages in
 * one call, then at most two content reads per new letter: the plain body and Gmail's own
 * Authentication-Results), then under the document lock re-reads the Requests tab and the
 * invariant store, decides, appends the audit chain and writes the rows in one batch; then it
 * labels the threads (a filter that saves reads, not the idempotency) and drafts or sends the
 * acknowledgements.
 *
 * A crash at any call loses nothing and logs nothing twice: what decides "already a case" is
 * the message id in the Requests tab, re-read inside the lock, and a case's id is the next free
 * one, so a retry of a run that died before its rows landed writes the same rows (the audit log
 * may then hold an entry twice: it says too much, never too little). Acknowledgements still due
 * are kept in a document property written with the audit head, so a run that dies before
 * acknowledging leaves them to the next run (one in flight when the run died may go twice).
 * A run that nears the time limit stops reading at a checkpoint, commits what it read, and
 * schedules its own one-off continuation (`after`), which deletes itself when it runs.
 */
import { applyEdit, type Customer } from '../core/customer';
import { isLive, numberIndex, type StoreEntry } from '../core/invariants';
import { bareEmail, receiptDay, type Request } from '../core/requests';
import { decideIntake, triage, type InboxMessage, type IntakePerson, type MessageContent } from '../core/requests/intake';
import { acknowledgementLetter } from '../core/requests/letters';
import { REGISTER_TAB } from '../core/schema';
import { searchKeyOf } from '../core/search';
import { formatOf, readStore, storeSheet, writeStoreEntries } from '../gas/invariants';
import { findRows, readRow, writeRow } from '../gas/register';
import { readRequestTab, writeRequests } from '../gas/requests';
import { rowHolds, refresh } from '../gas/tabs';
import { readState } from '../gas/state';
import { requireRole, withWrite, type CallContext } from './context';
import { nextNumberOf } from './repair';
import { requestTab } from './requests';
import { audit, open } from './tabs';

/** Intake's own small state in one document property: its trigger, a pending continuation, acknowledgements due. */
export const INTAKE_KEY = 'rekisteri.intake';

export interface IntakeState {
  /** The periodic trigger set-up installed (its id and owner). */
  trigger?: { uid: string; owner: string };
  /** The one-off continuation a run scheduled, until it runs. */
  continuation?: string;
  /** Acknowledgements still to draft or send: "requestId messageId". */
  pendingAcks?: string[];
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
  const state = readState(properties);
  const settings = state.settings;
  if (!settings) return emptyReport();
  const own = [Session.getEffectiveUser().getEmail(), settings.controller.email].map((a) => a.toLowerCase()).filter(Boolean);

  // Gmail, without the lock: the search, every thread's messages in one call.
  const processed = settings.labels.processed;
  const query = settings.inboxQuery.includes(`label:"${processed}"`) ? settings.inboxQuery : `${settings.inboxQuery} -label:"${processed}"`;
  const threads = GmailApp.search(query, 0, MAX_THREADS);
  const full = threads.length >= MAX_THREADS;
  const batches = threads.length ? GmailApp.getMessagesForThreads(threads) : [];
  const byId = new Map<string, GoogleAppsScript.Gmail.GmailMessage>();
  const inbox: InboxMessage[] = [];
  batches.forEach((messages) => {
    for (const m of messages) {
      const id = m.getId();
      byId.set(id, m);
      inbox.push({
        id, threadId: m.getThread().getId(), from: m.getFrom(), to: m.getTo(), date: m.getDate().toISOString(), subject: m.getSubject(),
        own: m.isDraft() || own.includes(bareEmail(m.getFrom())),
      });
    }
  });

  // Which messages are new: the cases as they stand (read again inside the lock before writing).
  const seen = readRequestTab(SpreadsheetApp.getActiveSpreadsheet(), state.layout, settings.language, () => undefined, settings.timeZone);
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

  const outcome = withWrite('admin', (ctx) => commit(ctx, read, attach, intake), { trigger: true });
  intake = outcome.intake;

  // Threads whose every message is handled drop out of the next search.
  const pendingThreads = new Set(sorted.fresh.filter((m) => !readIds.has(m.id)).map((m) => m.threadId));
  const finished = threads.filter((t) => !pendingThreads.has(t.getId()));
  if (finished.length) {
    const label = GmailApp.getUserLabelByName(processed) ?? GmailApp.createLabel(processed);
    for (let i = 0; i < finished.length; i += LABEL_BATCH) label.addToThreads(finished.slice(i, i + LABEL_BATCH));
  }

  const acknowledged = acknowledge(properties, intake, outcome.cases, byId, settings, own);
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

/**
 * Under the lock: the cases re-read (another run or a logging may have landed meanwhile), the
 * people from the invariant store, the decision, then audit entries (with the acknowledgements
 * due, in the same property write), the bans, and the rows in one batch.
 */
function commit(
  ctx: CallContext,
  read: readonly { message: InboxMessage; content: MessageContent }[],
  attach: ReturnType<typeof triage>['attach'],
  intake: IntakeState,
): { intake: IntakeState; cases: Request[]; logged: string[]; attached: number; banned: string[] } {
  const tab = requestTab(ctx);
  const records = tab.rows.map((r) => r.record);
  // What became a case since the first read is dropped here: the message id decides.
  const again = triage([...read.map((r) => r.message), ...attach.map((a) => a.message)], records);
  const freshIds = new Set(again.fresh.map((m) => m.id));
  const store = ctx.state.store;
  const format = store ? formatOf(store) : null;
  const sheet = store ? storeSheet(SpreadsheetApp.getActiveSpreadsheet(), store) : null;
  const entries = store && sheet && format ? readStore(sheet, nextNumberOf(ctx, format) - format.base) : [];
  const people: IntakePerson[] = entries.filter(isLive).map((c) => ({ customerNumber: c.customerNumber, email: c.email, phone: c.phone, marketingBannedAt: c.marketingBannedAt }));
  const plan = decideIntake({
    fresh: read.filter((r) => freshIds.has(r.message.id)),
    attach: again.attach,
    records,
    people,
    now: ctx.now,
    today: ctx.today,
    actor: ctx.user,
    settings: {
      timeZone: ctx.settings.timeZone, language: ctx.settings.language, customerNumberPrefix: ctx.settings.customerNumberPrefix,
      customerNumberDigits: ctx.settings.customerNumberDigits, banObjectionAtIntake: ctx.settings.banObjectionAtIntake,
    },
  });
  const cases = plan.created.map((c) => c.record.request);
  const ackDue = ctx.settings.autoAcknowledge === 'off' ? [] : cases.map((r) => `${r.id} ${r.gmailMessageId}`);
  // Read again inside the lock: a run that overlapped this one may have listed its own.
  const current = { ...readIntakeState(ctx.properties), continuation: intake.continuation };
  const pending = [...new Set([...(current.pendingAcks ?? []), ...ackDue])];
  const next: IntakeState = { ...current, pendingAcks: pending };
  if (plan.audit.length) {
    audit(ctx, plan.audit, { [INTAKE_KEY]: JSON.stringify(next) });
  }
  const banned = applyBans(ctx, plan.bans.map((b) => b.customerNumber), entries, format && sheet ? { format, sheet } : null);
  const byId = new Map(tab.rows.map((r) => [r.record.request.id, r.row]));
  writeRequests(tab, [
    ...plan.updated.map((record) => ({ row: byId.get(record.request.id), record })),
    ...plan.created.map((c) => ({ record: c.record })),
  ]);
  const attached = plan.updated.reduce((n, r) => n + r.replyMessageIds.length, 0);
  return { intake: next, cases, logged: cases.map((r) => r.id), attached, banned };
}

/**
 * Bans marketing for each person now (GDPR 21(3)), as `banMarketing` does: the invariant store
 * first (one call for all: one span), then each register row's ban cells (three calls a person,
 * only for an objection from the registered address). A row that is not there or does not hold
 * is left to the repair: the store, which every read decides bans from, already has the ban.
 */
function applyBans(
  ctx: CallContext,
  numbers: readonly string[],
  entries: readonly StoreEntry[],
  store: { format: ReturnType<typeof formatOf>; sheet: GoogleAppsScript.Spreadsheet.Sheet } | null,
): string[] {
  if (!numbers.length || !store) return [];
  const updates = new Map<number, Customer>();
  for (const number of numbers) {
    const index = numberIndex(store.format, number);
    const entry = index === null ? null : entries[index] ?? null;
    if (index === null || !isLive(entry) || entry.marketingBannedAt) continue;
    const result = applyEdit(entry, { marketingBannedAt: ctx.now }, { now: ctx.now, today: ctx.today, actor: ctx.user, onlyInput: true });
    if (result.ok) updates.set(index, result.customer);
  }
  if (!updates.size) return [];
  writeStoreEntries(store.sheet, updates, entries, 0);
  let tab = open(ctx, REGISTER_TAB);
  for (const b of updates.values()) {
    let rows = findRows(tab.sheet, tab.map, 'customerNumber', b.customerNumber);
    let cells = rows.length === 1 ? readRow(tab.sheet, tab.map, rows[0]) : [];
    if (tab.remembered && rows.length === 1 && !rowHolds(tab.map, cells, ctx.settings.timeZone)) {
      tab = refresh(tab, REGISTER_TAB, ctx.language, (l) => (ctx.learned.register = l));
      rows = findRows(tab.sheet, tab.map, 'customerNumber', b.customerNumber);
      cells = rows.length === 1 ? readRow(tab.sheet, tab.map, rows[0]) : [];
    }
    if (rows.length !== 1) continue;
    // Only the cells the ban changes: a hand edit waiting in the row stays for its check.
    writeRow(tab.sheet, rows[0], tab.map, {
      customerNumber: b.customerNumber, marketingBannedAt: b.marketingBannedAt, version: b.version, updatedAt: b.updatedAt, updatedBy: b.updatedBy, searchKey: searchKeyOf(b),
    }, cells);
  }
  return [...updates.values()].map((b) => b.customerNumber);
}

/**
 * Drafts or sends the acknowledgements due (settings: off, draft, send), in each request's
 * language, in its thread: sending checks the day's quota first and drafts the rest when it runs
 * low. Due acknowledgements of an earlier run that died are done too (their message read by id).
 * Then the list is cleared (one property write).
 */
function acknowledge(
  properties: GoogleAppsScript.Properties.Properties,
  intake: IntakeState,
  cases: readonly Request[],
  messages: Map<string, GoogleAppsScript.Gmail.GmailMessage>,
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
  const byId = new Map(cases.map((r) => [r.id, r]));
  // Cases of an earlier run's list are read from the tab (one call, only then).
  const missing = due.filter((d) => !byId.has(d.split(' ')[0]));
  if (missing.length) {
    const state = readState(properties);
    const tab = readRequestTab(SpreadsheetApp.getActiveSpreadsheet(), state.layout, settings.language, () => undefined, settings.timeZone);
    for (const r of tab.rows) byId.set(r.record.request.id, r.record.request);
  }
  // A list left by a run that died may hold letters it already drafted or sent: those threads
  // are looked at first (only then: a rare path), so nobody gets the acknowledgement twice.
  const thisRun = new Set(cases.map((r) => r.id));
  const earlier = due.map((d) => byId.get(d.split(' ')[0])).filter((r): r is Request => !!r && !thisRun.has(r.id));
  const answered = earlier.length ? answeredThreads(earlier, own) : new Set<string>();
  let sendable = settings.autoAcknowledge === 'send' ? Math.max(0, MailApp.getRemainingDailyQuota() - QUOTA_RESERVE) : 0;
  for (const entry of due) {
    const [id, messageId] = entry.split(' ');
    const request = byId.get(id);
    // A case whose row never landed is logged again by the next run, which lists it again.
    if (!request || !messageId || answered.has(request.gmailThreadId)) continue;
    const letter = acknowledgementLetter(request, receiptDay(request.receivedAt, settings.timeZone), settings.controller);
    const message = messages.get(messageId) ?? GmailApp.getMessageById(messageId);
    if (sendable > 0) {
      message.reply(letter.body);
      sendable -= 1;
      counts.sent += 1;
    } else {
      message.createDraftReply(letter.body);
      counts.drafted += 1;
    }
  }
  const cleared = { ...intake, pendingAcks: [] };
  properties.setProperty(INTAKE_KEY, JSON.stringify(cleared));
  return { intake: cleared, counts };
}

/**
 * Threads of `requests` that already hold our answer: a draft in the thread, or a message sent
 * from our own address after the request arrived. One call for the drafts and one per draft's
 * message, two per thread for sent mail.
 */
function answeredThreads(requests: readonly Request[], own: readonly string[]): Set<string> {
  const threads = new Set(requests.map((r) => r.gmailThreadId).filter(Boolean));
  const out = new Set<string>();
  for (const draft of GmailApp.getDrafts()) {
    const id = draft.getMessage().getThread().getId();
    if (threads.has(id)) out.add(id);
  }
  for (const r of requests) {
    if (!r.gmailThreadId || out.has(r.gmailThreadId)) continue;
    const thread = GmailApp.getThreadById(r.gmailThreadId);
    const after = Date.parse(r.receivedAt);
    if (thread && thread.getMessages().some((m) => !m.isDraft() && own.includes(bareEmail(m.getFrom())) && m.getDate().getTime() > after)) out.add(r.gmailThreadId);
  }
  return out;
}
