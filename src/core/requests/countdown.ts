/**
 * What the requests dialog and the sidebar show of the cases (issue 9, deliverable 7), decided
 * here so a test can walk it without a browser: the countdown's words and colour on the server's
 * `today` (never the browser's clock), the list's filters and order, what is due first, the
 * actions a case offers, and the Gmail link of its thread. Pure: rows in, view values out.
 */
import { countdown, extensionRefusal, type Countdown } from './deadlines';
import { allowedEvents } from './machine';
import { OPEN_STATUSES, isRequestStatus, type RequestStatus, type RequestType } from './model';

/** A row of `listRequests` (README "Server functions"); `extendedDueDate` when the server gives it. */
export interface RequestRow {
  id: string;
  type: RequestType;
  rights: readonly RequestType[];
  status: RequestStatus;
  receivedAt: string;
  dueDate: string;
  extendedDueDate?: string;
  customerNumber: string;
  requesterEmail: string;
}

/** The countdown of a row on `today` ('YYYY-MM-DD', the server's), or null once the case is closed. */
export function rowCountdown(row: Pick<RequestRow, 'status' | 'dueDate' | 'extendedDueDate'>, today: string): Countdown | null {
  if (!row.dueDate || !today) return null;
  return countdown({ status: row.status, dueDate: row.dueDate, extendedDueDate: row.extendedDueDate ?? '' }, today);
}

/** The countdown's words as a text key of texts/requests.ts and its parameters. */
export function countdownWords(c: Countdown): { key: 'reqDaysLeft' | 'reqDueToday' | 'reqOverdueDays'; params: { days: number } } {
  if (c.daysLeft < 0) return { key: 'reqOverdueDays', params: { days: -c.daysLeft } };
  if (c.daysLeft === 0) return { key: 'reqDueToday', params: { days: 0 } };
  return { key: 'reqDaysLeft', params: { days: c.daysLeft } };
}

/** The dialog's filters: a status, `open` (the default: every status whose deadline runs) or `all`. */
export interface RequestFilter {
  status: 'open' | 'all' | RequestStatus;
  type: 'all' | RequestType;
  customerNumber: string;
}

export const DEFAULT_FILTER: RequestFilter = { status: 'open', type: 'all', customerNumber: '' };

/**
 * The rows the filters keep: the status (open = received, awaiting verification, in progress),
 * a type matched against every right the letter asks (a letter asking erasure and objection is
 * found under both), and a customer number matched from its start, ignoring spaces and case.
 */
export function filterRequests<R extends RequestRow>(rows: readonly R[], filter: RequestFilter): R[] {
  const number = filter.customerNumber.replace(/\s+/g, '').toLowerCase();
  return rows.filter((r) => {
    if (filter.status === 'open' ? !OPEN_STATUSES.includes(r.status) : filter.status !== 'all' && r.status !== filter.status) return false;
    if (filter.type !== 'all' && r.type !== filter.type && !r.rights.includes(filter.type)) return false;
    if (number && !r.customerNumber.toLowerCase().startsWith(number)) return false;
    return true;
  });
}

/**
 * What `listRequests` is asked for: a status (or `open`) narrows it on the server; the type and
 * a customer number (matched from its start as it is typed) are applied to the answer.
 */
export function serverQuery(filter: RequestFilter): { status?: RequestStatus | 'open' } {
  return filter.status === 'open' || isRequestStatus(filter.status) ? { status: filter.status } : {};
}

const byText_ = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The list's order: open cases first, the nearest due date (the extended one when there is one)
 * first, then by arrival; closed cases after them, the newest first.
 */
export function sortRequests<R extends RequestRow>(rows: readonly R[]): R[] {
  const due = (r: R) => (r.extendedDueDate ? r.extendedDueDate : r.dueDate);
  return [...rows].sort((a, b) => {
    const ao = OPEN_STATUSES.includes(a.status);
    const bo = OPEN_STATUSES.includes(b.status);
    if (ao !== bo) return ao ? -1 : 1;
    if (ao) return byText_(due(a), due(b)) || byText_(a.receivedAt, b.receivedAt) || byText_(a.id, b.id);
    return byText_(b.receivedAt, a.receivedAt) || byText_(a.id, b.id);
  });
}

/** The start screen's "due": the open cases nearest their due date, at most `limit`, and how many more there are. */
export function dueFirst<R extends RequestRow>(rows: readonly R[], limit: number): { shown: R[]; more: number } {
  const open = sortRequests(rows.filter((r) => OPEN_STATUSES.includes(r.status)));
  return { shown: open.slice(0, limit), more: Math.max(0, open.length - limit) };
}

/**
 * The Gmail address of a thread: `https://mail.google.com/mail/#all/<threadId>` (the "All mail"
 * view finds a thread whatever its labels). A thread id is hexadecimal; anything else gives no
 * link, so nothing read from a sheet can become a `javascript:` address or leave Gmail.
 */
export function gmailThreadUrl(threadId: string): string {
  return /^[A-Za-z0-9_-]{1,100}$/.test(threadId) ? `https://mail.google.com/mail/#all/${threadId}` : '';
}

/** The actions a case offers staff on `today`: only what the transition table allows now. */
export interface CaseActions {
  verify: boolean;
  extend: boolean;
  reject: boolean;
  duplicate: boolean;
  /** The rights that can be fulfilled or declined now (only once verified, in progress). */
  settle: RequestType[];
}

export function caseActions(
  request: { status: RequestStatus; rights: readonly RequestType[]; outcome: { settled: readonly { right: RequestType; outcome: string }[] }; dueDate: string; extendedDueDate: string },
  today: string,
): CaseActions {
  const events = allowedEvents(request.status);
  const fulfilled = request.outcome.settled.some((s) => s.outcome === 'fulfilled');
  return {
    verify: events.includes('verify'),
    extend: events.includes('extend') && extensionRefusal(request, today) === null,
    reject: events.includes('reject') && !fulfilled,
    duplicate: events.includes('mark-duplicate'),
    settle: events.includes('settle') ? request.rights.filter((r) => !request.outcome.settled.some((s) => s.right === r)) : [],
  };
}
