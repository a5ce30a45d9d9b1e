/**
 * The retention sweep's decision (README "Retention, access and compliance (core)"), pure: from
 * one read of the register and the requests, what the nightly sweep deletes, minimises and
 * trashes, what it keeps back and why, and the plan of the one write that applies it (the kept
 * rows rewritten in order, the tail cleared). The server reads, calls `planRetention`, writes.
 *
 * Rules (each decided here and nowhere else):
 * - A record is due for deletion on the day after `relationshipEnd` + `retentionMonths` calendar
 *   months (Regulation 1182/71's month: the same date, or the month's last day when it has none:
 *   2024-02-29 + 12 → 2025-02-28, due 2025-03-01): "ended more than the period ago".
 * - A record with no relationship end is never deleted (the relationship goes on), nor one whose
 *   dates do not read as calendar dates (a hand edit: reported, never guessed), nor a quarantined
 *   row, nor a row without a customer number, nor any row of a number that appears twice.
 * - A legal hold protects through its last day (`legalHoldUntil` ≥ today), as the marketing list
 *   counts it. An erasure scheduled at a hold's end (`erasureScheduledFor`, the day the inbox
 *   wrote: the hold's last day) is due on the day after the later of that day and the hold's end,
 *   so a hold extended after the erasure was scheduled still wins.
 * - A restricted record (GDPR 18) is not deleted by the period alone: restriction is what a
 *   person asks for instead of erasure when they need the data kept (18(1)(b)–(c)). It is listed
 *   for an admin. A scheduled erasure (which restricts while it waits) is carried out.
 * - A closed request (completed, rejected, duplicate) is minimised on the day after `closedAt`'s
 *   day + `requestRetentionMonths`: its personal fields are replaced by a pseudonym, the case is
 *   kept. Its mail thread is trashed then, unless a request still kept refers to the same thread,
 *   and so are the replies drafted for it (by message id: one drafted as a new mail is in no thread of the case).
 * - The pseudonym is `psn-` + 20 hex digits of HMAC-SHA256(key, the requester): the same person
 *   gets the same pseudonym on every run and in every request, and without the key (a script
 *   property) it cannot be turned back into an address.
 */
import { addDays, addMonths } from './requests/deadlines';
import { dayInZone } from './customer';
import { emailKey } from './validation';
import { CLOSED_STATUSES, type CaseOutcome } from './requests/model';
import { bytesToHex, sha256Bytes, utf8Bytes } from './sha256';
import type { Tombstone } from './invariants';
import type { AuditData } from './audit';
import { complianceText } from './texts/compliance';

/** What the sweep needs of one register row, as read (row 0 = the sheet's row 2). */
export interface RetentionRow {
  customerNumber: string;
  relationshipEnd: string;
  legalHoldUntil: string;
  legalHoldReason: string;
  restrictedAt: string;
  /** The row's identity could not be proven (core/invariants.ts): kept until an admin resolves it. */
  quarantined: boolean;
  /** The day an erasure request scheduled the deletion at (a hold's last day); '' when none. */
  erasureScheduledFor: string;
}

/** What the sweep needs of one request record. */
export interface RetentionRequest {
  id: string;
  status: string;
  /** ISO instant; '' while open. */
  closedAt: string;
  requesterEmail: string;
  customerNumber: string;
  gmailThreadId: string;
  /** Gmail message ids of the replies drafted for the case (its settled rights'), if any. */
  replies?: readonly string[];
}

export interface RetentionInput {
  rows: readonly RetentionRow[];
  requests: readonly RetentionRequest[];
  retentionMonths: number;
  requestRetentionMonths: number;
  /** The sweep's day, 'YYYY-MM-DD' in the register's time zone. */
  today: string;
  timeZone: string;
  /** The register's secret for pseudonyms (a script property); never empty. */
  pseudonymKey: string;
}

/** Why a record is deleted: names the audit log can carry (identifiers). */
export type DeletionReason = 'retentionPeriod' | 'scheduledErasure';

export interface Deletion {
  row: number;
  customerNumber: string;
  reason: DeletionReason;
  /** The first day the deletion was due: the reason's day, or the day after a hold that ran past it. */
  dueSince: string;
}

export interface HoldKeep {
  row: number;
  customerNumber: string;
  until: string;
  reason: string;
  /** What the hold keeps back: the period's deletion or a scheduled erasure. */
  wouldBe: DeletionReason;
}

export type UnreadableField = 'relationshipEnd' | 'legalHoldUntil' | 'erasureScheduledFor';

export interface RetentionPlan {
  today: string;
  deleteRecords: Deletion[];
  keptByHold: HoldKeep[];
  keptByRestriction: { row: number; customerNumber: string; restrictedAt: string }[];
  /** Rows that would be due but are quarantined (rows, 0 = sheet row 2). */
  keptQuarantined: number[];
  /** Rows whose date cells do not read as calendar dates: never deleted on a guess. */
  unreadable: { row: number; customerNumber: string; field: UnreadableField }[];
  /** Numbers on more than one row: none of their rows is deleted until the repair settles them. */
  duplicateNumbers: string[];
  minimiseRequests: { index: number; id: string; pseudonym: string }[];
  /** Requests whose closing time does not read: kept as they are, reported. */
  unreadableRequests: string[];
  /** Gmail thread ids to move to the trash, each once. */
  trashMail: string[];
  /**
   * Gmail message ids of the minimised cases' replies, each once: a reply drafted as a new mail
   * (an access copy of a case logged by hand) is in no case thread, so only its id finds it.
   */
  trashReplies: string[];
  /**
   * The replies of minimised cases with no thread (drafted as a new mail), with the case id their
   * subject carries: once sent, Gmail gives the message a new id ("When the draft is sent, the
   * draft is automatically deleted and a new message with an updated ID is created", Gmail API,
   * Working with Drafts), so the sent copy is found by the case id in its subject.
   */
  replySearches: { reply: string; requestId: string }[];
  /** Threads cases still kept refer to: never trashed, whatever a search finds. */
  keptThreads: string[];
}

/** A calendar date that exists ('2025-02-30' does not). */
export function isCalendarDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  try {
    return addDays(s, 0) === s;
  } catch {
    return false;
  }
}

/** The day a record whose relationship ended on `end` is due for deletion: the day after end + months. */
export function retentionDueDate(end: string, months: number): string {
  return addDays(addMonths(end, months), 1);
}

/** HMAC-SHA256 (RFC 2104) of `message` under `key`, as hex. */
export function hmacSha256Hex(key: string, message: string): string {
  let k = utf8Bytes(key);
  if (k.length > 64) k = sha256Bytes(k);
  const inner = new Uint8Array(64 + utf8Bytes(message).length);
  const outer = new Uint8Array(64 + 32);
  for (let i = 0; i < 64; i++) {
    const b = i < k.length ? k[i] : 0;
    inner[i] = b ^ 0x36;
    outer[i] = b ^ 0x5c;
  }
  inner.set(utf8Bytes(message), 64);
  outer.set(sha256Bytes(inner), 64);
  return bytesToHex(sha256Bytes(outer));
}

const PSEUDONYM = /^psn-[0-9a-f]{20}$/;

/** Whether a cell already holds a pseudonym (the request was minimised). */
export function isPseudonym(value: string): boolean {
  return PSEUDONYM.test(value);
}

/**
 * The requester's pseudonym: keyed, deterministic, one-way. The requester is the address
 * (validation.ts emailKey: lower-cased, the domain in its ASCII form), else the customer
 * number, else the request itself (a letter with neither).
 */
export function pseudonymFor(key: string, request: Pick<RetentionRequest, 'id' | 'requesterEmail' | 'customerNumber'>): string {
  if (!key) throw new Error('pseudonymFor: the key must not be empty');
  // One mailbox, one pseudonym, in either form of its domain (anna@hyvä.fi is anna@xn--hyv-sla.fi).
  const email = emailKey(request.requesterEmail);
  const subject = email ? `email:${email}` : request.customerNumber ? `customer:${request.customerNumber}` : `request:${request.id}`;
  return `psn-${hmacSha256Hex(key, subject).slice(0, 20)}`;
}

/** The request fields minimisation replaces (the case itself, its type, dates, status and ids, stays). */
export const MINIMISED_REQUEST_FIELDS = ['requesterEmail', 'summary', 'extensionReason', 'outcome'] as const;

/**
 * A request record minimised: the requester becomes the pseudonym, the summary and the
 * extension's reason are emptied, and the outcome keeps who settled which right when, without
 * the reasons' words (they may name the person).
 */
export function minimisedRequest<R extends { requesterEmail: string; summary: string; extensionReason: string; outcome: CaseOutcome }>(request: R, pseudonym: string): R {
  return {
    ...request,
    requesterEmail: pseudonym,
    summary: '',
    extensionReason: '',
    outcome: {
      settled: request.outcome.settled.map((s) => ({ ...s, reason: '' })),
      rejectionReason: '',
      duplicateOf: request.outcome.duplicateOf,
    },
  };
}

/** Everything the sweep does on `today`, decided from one read. */
export function planRetention(input: RetentionInput): RetentionPlan {
  const { rows, today } = input;
  const plan: RetentionPlan = {
    today, deleteRecords: [], keptByHold: [], keptByRestriction: [], keptQuarantined: [], unreadable: [], duplicateNumbers: [],
    minimiseRequests: [], unreadableRequests: [], trashMail: [], trashReplies: [], replySearches: [], keptThreads: [],
  };
  const seen = new Map<string, number>();
  for (const r of rows) {
    const n = r.customerNumber.trim();
    if (n && !r.quarantined) seen.set(n, (seen.get(n) ?? 0) + 1);
  }
  const duplicates = new Set([...seen].filter(([, count]) => count > 1).map(([n]) => n));
  plan.duplicateNumbers = [...duplicates];

  rows.forEach((r, row) => {
    const customerNumber = r.customerNumber.trim();
    const bad = (field: UnreadableField): void => void plan.unreadable.push({ row, customerNumber, field });
    const end = r.relationshipEnd.trim();
    const scheduled = r.erasureScheduledFor.trim();
    const hold = r.legalHoldUntil.trim();
    if (end && !isCalendarDate(end)) return bad('relationshipEnd');
    if (scheduled && !isCalendarDate(scheduled)) return bad('erasureScheduledFor');
    if (hold && !isCalendarDate(hold)) return bad('legalHoldUntil');
    // When each reason falls due ('' = never).
    const erasureDue = scheduled ? addDays(hold > scheduled ? hold : scheduled, 1) : '';
    const periodDue = end ? retentionDueDate(end, input.retentionMonths) : '';
    // A scheduled erasure was asked for: until it is due, a hold (or its scheduled day) keeps it back.
    if (scheduled && erasureDue > today && !r.quarantined && customerNumber && !duplicates.has(customerNumber)) {
      plan.keptByHold.push({ row, customerNumber, until: addDays(erasureDue, -1), reason: r.legalHoldReason, wouldBe: 'scheduledErasure' });
      return;
    }
    const reason: DeletionReason | null = erasureDue && erasureDue <= today ? 'scheduledErasure' : periodDue && periodDue <= today ? 'retentionPeriod' : null;
    if (!reason) return;
    if (r.quarantined || !customerNumber) return void plan.keptQuarantined.push(row);
    if (duplicates.has(customerNumber)) return;
    if (hold && hold >= today) {
      plan.keptByHold.push({ row, customerNumber, until: hold, reason: r.legalHoldReason, wouldBe: reason });
      return;
    }
    if (reason === 'retentionPeriod' && r.restrictedAt.trim()) {
      plan.keptByRestriction.push({ row, customerNumber, restrictedAt: r.restrictedAt.trim() });
      return;
    }
    // Due since the reason's day, or the day after a hold that ran past it.
    const reasonDue = reason === 'scheduledErasure' ? erasureDue : periodDue;
    const afterHold = hold ? addDays(hold, 1) : '';
    plan.deleteRecords.push({ row, customerNumber, reason, dueSince: afterHold > reasonDue ? afterHold : reasonDue });
  });

  // Requests: minimise the closed ones past their retention; trash their mail unless a kept case shares the thread.
  const keptThreads = new Set<string>();
  const candidates: { index: number; thread: string }[] = [];
  input.requests.forEach((q, index) => {
    const thread = q.gmailThreadId.trim();
    if (isPseudonym(q.requesterEmail)) return;
    const closed = (CLOSED_STATUSES as readonly string[]).includes(q.status);
    let due = false;
    if (closed) {
      const day = closedDay(q.closedAt, input.timeZone);
      if (day === null) plan.unreadableRequests.push(q.id);
      else due = retentionDueDate(day, input.requestRetentionMonths) <= today;
    }
    if (!due) {
      if (thread) keptThreads.add(thread);
      return;
    }
    plan.minimiseRequests.push({ index, id: q.id, pseudonym: pseudonymFor(input.pseudonymKey, q) });
    candidates.push({ index, thread });
  });
  for (const { index, thread } of candidates) {
    // A thread a kept case shares stays, and with it the replies that may be in it.
    if (thread && keptThreads.has(thread)) continue;
    if (thread && !plan.trashMail.includes(thread)) plan.trashMail.push(thread);
    for (const r of input.requests[index].replies ?? []) {
      if (!r.trim() || plan.trashReplies.includes(r.trim())) continue;
      plan.trashReplies.push(r.trim());
      if (!thread) plan.replySearches.push({ reply: r.trim(), requestId: input.requests[index].id });
    }
  }
  plan.keptThreads = [...keptThreads];
  return plan;
}

function closedDay(closedAt: string, timeZone: string): string | null {
  const s = closedAt.trim();
  if (isCalendarDate(s)) return s;
  if (!/^\d{4}-\d{2}-\d{2}T/.test(s)) return null;
  const at = new Date(s);
  return Number.isNaN(at.getTime()) ? null : dayInZone(at, timeZone);
}

/**
 * The one write that applies the deletions: the rows to keep, in their order (indexes into the
 * rows read), and how many rows at the end to clear. The server writes `keep`'s rows from row 2
 * in one `setValues` and clears the `clear` rows under them: no row is deleted one by one, no
 * row that stays moves relative to another, and a second run over the result deletes nothing.
 */
export function planKeptRows(rowCount: number, deleteRows: readonly number[]): { keep: number[]; clear: number; firstChanged: number } {
  const drop = new Set(deleteRows.filter((r) => Number.isInteger(r) && r >= 0 && r < rowCount));
  const keep: number[] = [];
  for (let i = 0; i < rowCount; i++) if (!drop.has(i)) keep.push(i);
  // Rows before the first deleted one are already where they belong: the write can start there.
  let firstChanged = 0;
  while (firstChanged < keep.length && keep[firstChanged] === firstChanged) firstChanged++;
  return { keep, clear: rowCount - keep.length, firstChanged };
}

/** `rows` with the deleted ones left out, in order (the values of the write `planKeptRows` describes). */
export function keptRows<T>(rows: readonly T[], deleteRows: readonly number[]): T[] {
  return planKeptRows(rows.length, deleteRows).keep.map((i) => rows[i]);
}

/** The audit entries of a sweep: each deletion by number and reason, each minimisation by request; no value. */
export function retentionAudit(plan: RetentionPlan, at: string, actor: string): AuditData[] {
  return [
    ...plan.deleteRecords.map((d): AuditData => ({ at, actor, action: 'retention-delete', customerNumber: d.customerNumber, fields: [d.reason] })),
    ...plan.minimiseRequests.map((m): AuditData => ({ at, actor, action: 'request-minimised', requestId: m.id, fields: [...MINIMISED_REQUEST_FIELDS] })),
  ];
}

/** The invariant store's tombstones for the deleted numbers: the number stays used, the data goes. */
export function retentionTombstones(plan: RetentionPlan, at: string): Tombstone[] {
  return plan.deleteRecords.map((d) => ({ customerNumber: d.customerNumber, deletedAt: at }));
}

/** What the admin dialog shows before the next sweep. */
export interface RetentionPreview {
  /** The day the preview was decided for (the next sweep's day). */
  sweepDay: string;
  deletions: { customerNumber: string; reason: DeletionReason; dueSince: string }[];
  keptByHold: { customerNumber: string; until: string; reason: string; wouldBe: DeletionReason }[];
  keptByRestriction: string[];
  needsReview: { quarantinedRows: number[]; unreadable: RetentionPlan['unreadable']; duplicateNumbers: string[] };
  requestsToMinimise: number;
  mailThreadsToTrash: number;
  /** Deletions falling due within `horizonDays` after the sweep day, soonest first. */
  upcoming: { customerNumber: string; reason: DeletionReason; on: string }[];
}

/**
 * The preview for the sweep that runs on `sweepDay` (the caller passes the next run's day, e.g.
 * tomorrow once tonight's run is past), with what falls due in the following `horizonDays`.
 * Numbers only: the dialog looks names up when a person opens a row.
 */
export function previewRetention(input: Omit<RetentionInput, 'today'>, sweepDay: string, horizonDays = 30): RetentionPreview {
  const plan = planRetention({ ...input, today: sweepDay });
  const later = planRetention({ ...input, today: addDays(sweepDay, horizonDays) });
  const now = new Set(plan.deleteRecords.map((d) => d.row));
  return {
    sweepDay,
    deletions: plan.deleteRecords.map(({ customerNumber, reason, dueSince }) => ({ customerNumber, reason, dueSince })),
    keptByHold: plan.keptByHold.map(({ customerNumber, until, reason, wouldBe }) => ({ customerNumber, until, reason, wouldBe })),
    keptByRestriction: plan.keptByRestriction.map((k) => k.customerNumber),
    needsReview: { quarantinedRows: plan.keptQuarantined, unreadable: plan.unreadable, duplicateNumbers: plan.duplicateNumbers },
    requestsToMinimise: plan.minimiseRequests.length,
    mailThreadsToTrash: plan.trashMail.length,
    upcoming: later.deleteRecords
      .filter((d) => !now.has(d.row))
      .map((d) => ({ customerNumber: d.customerNumber, reason: d.reason, on: d.dueSince }))
      .sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : 0)),
  };
}

/** Why a deletion happens, as the preview says it (fi, sv, en). */
export function deletionReasonText(reason: DeletionReason, language: string): string {
  return complianceText(language, reason === 'scheduledErasure' ? 'reasonScheduledErasure' : 'reasonRetentionPeriod');
}
