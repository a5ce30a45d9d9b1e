/**
 * The request API (README "Server functions", issue 9 deliverable 9): list and read cases, log a
 * letter or a visit, verify, extend, reject and mark duplicates. Every status change goes
 * through the one transition table (core/requests/machine.ts) and writes the audit chain with
 * the request id before the row changes (gas/audit-log.ts says why in that order). The Requests
 * tab is read in one call and a change written in one (gas/requests.ts).
 *
 * Calls: a read (list) is the state and one tab read; a change is lock, state, tab read, audit
 * entry, audit head, row, flush — seven — plus, for a letter (extension, rejection), the
 * registered address from the invariant store (one) and the Gmail calls of its draft (three).
 * Fulfilment (fulfilRequest) builds on `changeRequest` and `draftToPerson` here.
 */
import {
  allowedEvents, countdown, createRequest, effectiveDueDate, openRights, receiptDay, transition, OPEN_STATUSES,
  type Countdown, type Request, type RequestEvent, type RequestEventType, type RequestLanguage, type RequestStatus, type RequestType, type Verification,
} from '../core/requests';
import { nextRequestIds, REQUEST_ID_PATTERN, type RequestRecord } from '../core/requests/record';
import { acknowledgementLetter, extensionLetter, rejectionLetter, type Letter } from '../core/requests/letters';
import { earlierResult, rememberResult } from '../core/request-keys';
import type { AuditAction } from '../core/audit';
import { text, textWith, type TextKey } from '../core/texts';
import { validateEmail } from '../core/validation';
import { formatOf, readEntry, storeSheet } from '../gas/invariants';
import { numberIndex } from '../core/invariants';
import { nextNumberOf } from './repair';
import { findRequest, readRequestTab, writeRequests, type RequestTab, type StoredRequest } from '../gas/requests';
import { UserError } from '../gas/register';
import { stateProperties } from '../gas/state';
import { requireRole, staffLanguage, withWrite, type CallContext } from './context';
import { parseInput } from './inputs';
import { DUPLICATE_INPUT, LIST_REQUESTS_INPUT, LOG_REQUEST_INPUT, REASON_INPUT, REQUEST_ID_INPUT, VERIFY_INPUT } from './request-inputs';
import { audit } from './tabs';
import { replyInThread } from '../gas/mail-reply';

/** One case as the requests list shows it. Dates are 'YYYY-MM-DD' in the register's zone. */
export interface RequestSummary {
  id: string;
  type: RequestType;
  rights: RequestType[];
  status: RequestStatus;
  language: RequestLanguage;
  /** The day of receipt. */
  receivedAt: string;
  /** The one-month due date (see `extendedDueDate` and `effectiveDueDate`). */
  dueDate: string;
  customerNumber: string;
  requesterEmail: string;
  verification: Verification;
  /** Beyond deliverable 9's list: what the dialog shows without another call. */
  channel: Request['channel'];
  extendedDueDate: string;
  effectiveDueDate: string;
  /** Days left and colour for an open case (null when closed), counted from the server's today. */
  countdown: Countdown | null;
  summary: string;
  /** The exact moment of receipt (ISO). */
  receivedInstant: string;
  gmailThreadId: string;
}

/** A letter or reply as Gmail holds it, shown as plain text (never stored in the sheet). */
export interface LetterView {
  messageId: string;
  from: string;
  to: string;
  /** ISO instant. */
  date: string;
  subject: string;
  body: string;
}

/** What a change returns: the case as written, and the letter to the person when one was drafted. */
export interface RequestChange {
  request: Request;
  notice?: Notice;
}

/** A letter to the person: its text, and where it was drafted (null: draft it yourself). */
export interface Notice extends Letter {
  draftId: string | null;
  /** True when drafted as a reply in the request's own Gmail thread. */
  inThread: boolean;
}

/** Characters of a letter shown at most (a long mail stays readable in Gmail). */
export const LETTER_SHOWN_MAX = 20_000;

/**
 * The last logging run's memory, in its own document property (a property value holds 9 KB)
 * written in the same call that moves the audit head: its new cases and the replies it
 * attached, "requestId messageId". A retry whose rows never landed reuses the ids and logs
 * nothing again; logRequest takes no id listed here (intake.ts writes it).
 */
export const INTAKE_LOGGED_KEY = 'rekisteri.intake.logged';
export interface IntakeLogged {
  cases: string[];
  replies: string[];
}

export function readIntakeLogged(properties: GoogleAppsScript.Properties.Properties): IntakeLogged {
  // The read itself may fail (and must: a fault is not an empty memory); only the JSON is forgiven.
  const cell = properties.getProperty(INTAKE_LOGGED_KEY) ?? '{}';
  try {
    const raw = JSON.parse(cell) as Partial<IntakeLogged>;
    const list = (v: unknown) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
    return { cases: list(raw?.cases), replies: list(raw?.replies) };
  } catch {
    return { cases: [], replies: [] };
  }
}

/** A refusal in the caller's language; nothing has been written. */
export function refuse(ctx: CallContext, key: TextKey, params: Record<string, string> = {}): never {
  throw new UserError(textWith(ctx.language, key, params));
}

/** The Requests tab as it stands, with a learned layout remembered in ctx. One call. */
export function requestTab(ctx: CallContext): RequestTab {
  return readRequestTab(SpreadsheetApp.getActiveSpreadsheet(), ctx.state.layout, ctx.language, (l) => (ctx.learned.requests = l), ctx.settings.timeZone);
}

export function summaryOf(request: Request, ctx: Pick<CallContext, 'today' | 'settings'>): RequestSummary {
  let receivedOn = '';
  try {
    receivedOn = receiptDay(request.receivedAt, ctx.settings.timeZone);
  } catch {
    receivedOn = request.receivedAt.slice(0, 10);
  }
  return {
    id: request.id,
    type: request.type,
    rights: [...request.rights],
    status: request.status,
    language: request.language,
    receivedAt: receivedOn,
    dueDate: request.dueDate,
    customerNumber: request.customerNumber,
    requesterEmail: request.requesterEmail,
    verification: request.verification,
    channel: request.channel,
    extendedDueDate: request.extendedDueDate,
    effectiveDueDate: effectiveDueDate(request),
    countdown: /^\d{4}-\d{2}-\d{2}$/.test(request.dueDate) ? countdown(request, ctx.today) : null,
    summary: request.summary,
    receivedInstant: request.receivedAt,
    gmailThreadId: request.gmailThreadId,
  };
}

/**
 * The cases, newest first: all, one status (`open`: every status whose deadline runs), or one
 * person's. Two calls (state, the tab).
 */
export function listRequests(input?: { status?: RequestStatus | 'open'; customerNumber?: string }): { requests: RequestSummary[]; today: string } {
  const ctx = requireRole('staff');
  const { status, customerNumber } = parseInput(LIST_REQUESTS_INPUT, input, () => ctx.language);
  const tab = requestTab(ctx);
  const requests = tab.rows
    .map((r) => r.record.request)
    .filter((r) => !status || (status === 'open' ? OPEN_STATUSES.includes(r.status) : r.status === status))
    .filter((r) => !customerNumber || r.customerNumber === customerNumber)
    .sort((a, b) => (a.receivedAt < b.receivedAt ? 1 : a.receivedAt > b.receivedAt ? -1 : a.id < b.id ? 1 : -1))
    .map((r) => summaryOf(r, ctx));
  return { requests, today: ctx.today };
}

/**
 * One case whole: the record (every right asked and how each was settled), its dates, the
 * events it may take, and the letter with its attached replies read from Gmail as plain text
 * for display (never stored in the sheet). Gmail message ids belong to one mailbox: a key
 * person who is not the register's mailbox account gets `letter: null` and `letterUnavailable`.
 */
export function getRequest(input: { id: string }): {
  request: Request; summary: RequestSummary; openRights: RequestType[]; allowedEvents: RequestEventType[];
  letter: LetterView | null; replies: LetterView[]; letterUnavailable: string; threadUrl: string; now: string; today: string;
} {
  const ctx = requireRole('staff');
  const { id } = parseInput(REQUEST_ID_INPUT, input, () => ctx.language);
  const found = findRequest(requestTab(ctx), id);
  if (!found) refuse(ctx, 'reqNotFound', { id });
  const { request } = found.record;
  const shown = readLetters(request, found.record.replyMessageIds);
  return {
    request,
    summary: summaryOf(request, ctx),
    openRights: openRights(request),
    allowedEvents: allowedEvents(request.status),
    letter: shown?.letter ?? null,
    replies: shown?.replies ?? [],
    letterUnavailable: request.gmailMessageId && !shown ? text(ctx.language, 'reqLetterUnavailable') : '',
    threadUrl: request.gmailThreadId ? `https://mail.google.com/mail/u/0/#all/${request.gmailThreadId}` : '',
    now: ctx.now,
    today: ctx.today,
  };
}

/** The case's letter and replies from the caller's Gmail: two calls and one content read each; null when not there. */
function readLetters(request: Request, replyIds: readonly string[]): { letter: LetterView | null; replies: LetterView[] } | null {
  if (!request.gmailMessageId) return { letter: null, replies: [] };
  try {
    const thread = request.gmailThreadId ? GmailApp.getThreadById(request.gmailThreadId) : null;
    const messages = thread ? thread.getMessages() : [GmailApp.getMessageById(request.gmailMessageId)];
    const view = (m: GoogleAppsScript.Gmail.GmailMessage): LetterView => ({
      messageId: m.getId(), from: m.getFrom(), to: m.getTo(), date: m.getDate().toISOString(), subject: m.getSubject(),
      body: m.getPlainBody().slice(0, LETTER_SHOWN_MAX),
    });
    const first = messages.find((m) => m && m.getId() === request.gmailMessageId);
    if (!first) return null;
    const replies = messages.filter((m) => replyIds.includes(m.getId())).map(view);
    return { letter: view(first), replies };
  } catch {
    // Not this user's mailbox (or Gmail failed): the summary and the thread link still show.
    return null;
  }
}

/** What a change does to the audit log: which action, which fields. */
function auditFor(event: RequestEvent, to: RequestStatus): { action: AuditAction; fields: string[] } {
  const closes = to === 'completed' || to === 'rejected' || to === 'duplicate';
  const fields: Record<RequestEvent['type'], string[]> = {
    'hold-for-verification': ['status'],
    verify: ['status', 'verification'],
    settle: ['outcome'],
    complete: ['status', 'closedAt'],
    extend: ['extendedDueDate', 'extensionReason'],
    reject: ['status', 'outcome', 'closedAt'],
    'mark-duplicate': ['status', 'outcome', 'closedAt'],
  };
  return { action: closes ? 'request-closed' : 'request-updated', fields: fields[event.type] };
}

/**
 * Moves one case by `event` inside a write: the tab read, the transition (a refusal in the
 * user's language changes nothing), the audit entry with the request id, the row. `check` may
 * refuse first, seeing the whole tab (markDuplicate checks the other case exists).
 */
export function changeRequest(ctx: CallContext, id: string, event: RequestEvent, check?: (tab: RequestTab, found: StoredRequest) => void): { tab: RequestTab; before: Request; record: RequestRecord } {
  const tab = requestTab(ctx);
  const found = findRequest(tab, id);
  if (!found) refuse(ctx, 'reqNotFound', { id });
  check?.(tab, found);
  const result = transition(found.record.request, event, { now: ctx.now, today: ctx.today, actor: ctx.user, timeZone: ctx.settings.timeZone });
  if (!result.ok) refuse(ctx, result.reason, result.params);
  const { action, fields } = auditFor(event, result.to);
  audit(ctx, [{ at: ctx.now, actor: ctx.user, action, customerNumber: result.request.customerNumber, fields, requestId: id }]);
  const record = { ...found.record, request: result.request };
  writeRequests(tab, [{ row: found.row, record }]);
  return { tab, before: found.record.request, record };
}

/**
 * Where a letter about a case goes: the registered address of its person (read from the
 * invariant store, one call), '' when that person has none (staff write by post), or for a case
 * of nobody in the register the requester's own address. Call it before the change's writes.
 */
export function letterAddress(ctx: CallContext, request: Request): string {
  if (!request.customerNumber) return request.requesterEmail;
  const store = ctx.state.store;
  if (!store) return '';
  const found = readEntry(storeSheet(SpreadsheetApp.getActiveSpreadsheet(), store), formatOf(store), request.customerNumber);
  return found ? found.email.trim().toLowerCase() : '';
}

/**
 * Drafts `letter` to `to` (see `letterAddress`) by the one rule of gas/mail-reply.ts: a reply in
 * the request's thread to a message from that address whose Reply-To is no other, else a new
 * draft to the address; none without an address. A Gmail failure leaves the change made and
 * says so (draftId null): the dialog then shows the text to send by hand. Three calls.
 */
export function draftToPerson(request: Request, letter: Letter, to: string): Notice {
  try {
    const done = replyInThread(request.gmailThreadId ? { threadId: request.gmailThreadId } : null, to, letter);
    if (done) return { ...letter, draftId: done.draft!.getId(), inThread: done.inThread };
  } catch (e) {
    console.error(`Rekisteri: the letter for ${request.id} could not be drafted: ${(e as Error).message}`);
  }
  return { ...letter, draftId: null, inThread: false };
}

/** Records staff's check of the person's identity (GDPR 12(6)), with a note of how it was done. */
export function verifyRequest(input: { id: string; note: string }): RequestChange {
  const { id, note } = parseInput(VERIFY_INPUT, input, staffLanguage);
  return withWrite('staff', (ctx) => ({ request: changeRequest(ctx, id, { type: 'verify', method: 'manual', note }).record.request }));
}

/**
 * Extends the deadline by two months (GDPR 12(3)): once, inside the first month, with the
 * reason, and drafts the notice to the person in the request's language (in its Gmail thread).
 */
export function extendRequest(input: { id: string; reason: string }): RequestChange {
  const { id, reason } = parseInput(REASON_INPUT, input, staffLanguage);
  let to = '';
  const { request, controller } = withWrite('staff', (ctx) => ({
    request: changeRequest(ctx, id, { type: 'extend', reason }, (_tab, found) => (to = letterAddress(ctx, found.record.request))).record.request, controller: ctx.settings.controller,
  }));
  return { request, notice: draftToPerson(request, extensionLetter(request, controller), to) };
}

/**
 * Rejects the whole request with the reason, and drafts the answer: the reason and the right to
 * complain to Tietosuojavaltuutettu, in the request's language.
 */
export function rejectRequest(input: { id: string; reason: string }): RequestChange {
  const { id, reason } = parseInput(REASON_INPUT, input, staffLanguage);
  let to = '';
  const { request, controller } = withWrite('staff', (ctx) => ({
    request: changeRequest(ctx, id, { type: 'reject', reason }, (_tab, found) => (to = letterAddress(ctx, found.record.request))).record.request, controller: ctx.settings.controller,
  }));
  return { request, notice: draftToPerson(request, rejectionLetter(request, controller), to) };
}

/** Marks a case the duplicate of another (`of`, an existing case), which carries the work. */
export function markDuplicate(input: { id: string; of: string }): RequestChange {
  const { id, of } = parseInput(DUPLICATE_INPUT, input, staffLanguage);
  return withWrite('staff', (ctx) => ({
    request: changeRequest(ctx, id, { type: 'mark-duplicate', of }, (tab) => {
      if (of !== '' && of !== id && !findRequest(tab, of)) refuse(ctx, 'reqDuplicateOfUnknown', { of });
    }).record.request,
  }));
}

/** An ISO instant for a day of receipt typed as 'YYYY-MM-DD' (noon UTC: that day in Helsinki). */
function receivedInstantOf(value: string, now: string): string | null {
  if (value === '') return now;
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return `${value}T12:00:00.000Z`;
  return /^\d{4}-\d{2}-\d{2}T/.test(value) && !Number.isNaN(Date.parse(value)) ? new Date(value).toISOString() : null;
}

/**
 * Logs a request that came by letter, in person or by a mail intake did not see. `requestKey`
 * (one per form) makes a retry return the first call's case instead of logging a second one.
 * With `verificationNote` staff record how they checked the person (a visit with an ID card):
 * the case is verified at once; otherwise it waits for verification.
 */
export function logRequest(input: {
  channel: Request['channel']; type: RequestType; rights?: RequestType[]; language?: RequestLanguage; receivedAt?: string;
  requesterEmail?: string; customerNumber?: string; summary?: string; verificationNote?: string; requestKey: string;
}): RequestChange {
  const args = parseInput(LOG_REQUEST_INPUT, input, staffLanguage);
  return withWrite('staff', (ctx) => {
    const tab = requestTab(ctx);
    const earlier = earlierResult(ctx.state.requestKeys, 'request', args.requestKey);
    const done = earlier ? findRequest(tab, earlier) : null;
    if (done) return { request: done.record.request };
    // The requester's address as the register takes one (validation.ts), or none.
    const email = validateEmail(args.requesterEmail, 'requesterEmail');
    if (!email.ok) throw new UserError(email.error.message[ctx.language]);
    const receivedAt = receivedInstantOf(args.receivedAt.trim(), ctx.now);
    if (!receivedAt || receiptDay(receivedAt, ctx.settings.timeZone) > ctx.today || receivedAt > ctx.now) refuse(ctx, 'reqReceivedInFuture');
    if (args.customerNumber && ctx.state.store) {
      // Only a number ever issued has a store cell (one call); any other names nobody.
      const format = formatOf(ctx.state.store);
      const index = numberIndex(format, args.customerNumber);
      const issued = index !== null && index < nextNumberOf(ctx, format) - format.base;
      const found = issued ? readEntry(storeSheet(SpreadsheetApp.getActiveSpreadsheet(), ctx.state.store), format, args.customerNumber) : null;
      if (!found) refuse(ctx, 'customerNotFound', { number: args.customerNumber });
    }
    // Ids taken by a first attempt whose row never landed stay taken (they are in the log).
    // So are those of an intake run that logged its cases and died before their rows (one property read).
    const reserved = readIntakeLogged(ctx.properties).cases.map((p) => p.split(' ')[0]);
    const used = [...tab.rows.map((r) => r.record.request.id), ...reserved, ...ctx.state.requestKeys.map((k) => k.split(' ')[1] ?? '').filter((ref) => REQUEST_ID_PATTERN.test(ref))];
    const id = earlier ?? nextRequestIds(used, 1)[0];
    const language = (args.language ?? ctx.settings.language) as RequestLanguage;
    const created = createRequest({
      id, receivedAt, channel: args.channel, type: args.type, rights: args.rights, language,
      requesterEmail: email.value.toLowerCase(), customerNumber: args.customerNumber, summary: args.summary.replace(/\s+/g, ' ').trim(),
    }, ctx.settings.timeZone);
    const tctx = { now: ctx.now, today: ctx.today, actor: ctx.user, timeZone: ctx.settings.timeZone };
    const moved = args.verificationNote.trim()
      ? transition(created, { type: 'verify', method: 'manual', note: args.verificationNote }, tctx)
      : transition(created, { type: 'hold-for-verification' }, tctx);
    if (!moved.ok) refuse(ctx, moved.reason, moved.params);
    const request = { ...moved.request, handledBy: ctx.user };
    const keys = earlier ? {} : stateProperties({ requestKeys: rememberResult(ctx.state.requestKeys, 'request', args.requestKey, id) });
    audit(ctx, [
      { at: ctx.now, actor: ctx.user, action: 'request-logged', customerNumber: request.customerNumber, fields: ['type', 'rights', 'channel'], requestId: id },
      ...(request.verification === 'manual' ? [{ at: ctx.now, actor: ctx.user, action: 'request-updated' as const, customerNumber: request.customerNumber, fields: ['status', 'verification'], requestId: id }] : []),
    ], keys);
    writeRequests(tab, [{ record: { request, replyMessageIds: [] } }]);
    return { request };
  });
}

/** The acknowledgement letter of a case (intake drafts or sends it; the dialog may show it). */
export function acknowledgementOf(request: Request, settings: CallContext['settings']): Letter {
  return acknowledgementLetter(request, receiptDay(request.receivedAt, settings.timeZone), settings.controller);
}
