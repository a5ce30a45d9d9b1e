/**
 * A request as the Requests tab holds it: one row ↔ one `Request` (model.ts) plus the ids of
 * later mail in its thread. Pure, so the store (gas/requests.ts), intake and the tests read and
 * write rows the same way; every value is text (the tab's columns are plain text), and anything
 * unreadable in a row reads as the safe value (an unknown status stays visible as `received`
 * only through `parseStatus`'s caller deciding, never silently as closed).
 */
import {
  EMPTY_OUTCOME, encodeOutcome, encodeRights, isChannel, isRequestLanguage, isRequestStatus, isRequestType, isVerification,
  parseOutcome, parseRights, type CaseOutcome, type Request,
} from './model';

/** A row of the Requests tab: the case and the later messages attached to it. */
export interface RequestRecord {
  request: Request;
  /** Gmail ids of later messages in the case's thread, oldest first (never a second case). */
  replyMessageIds: string[];
}

/** A cell as text: Dates (a hand-typed date) as ISO, numbers as digits, empty as ''. */
function textOf(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (Object.prototype.toString.call(value) === '[object Date]') {
    const t = (value as Date).getTime();
    return Number.isNaN(t) ? '' : (value as Date).toISOString();
  }
  return String(value).trim();
}

/** The ids in a reply-ids cell ("id1,id2"). */
export function parseMessageIds(cell: unknown): string[] {
  return textOf(cell).split(/[,;\s]+/).filter((s, i, all) => s !== '' && all.indexOf(s) === i);
}

/**
 * A row read by column key (`keys[i]` names cell i) as a record, or null when the row holds no
 * request id (an empty row, or one a person typed without an id).
 */
export function recordFromCells(keys: readonly (string | null)[], cells: readonly unknown[]): RequestRecord | null {
  const get = (key: string) => {
    const i = keys.indexOf(key);
    return i < 0 ? '' : textOf(cells[i]);
  };
  const id = get('id');
  if (id === '') return null;
  const type = get('type');
  const primary = isRequestType(type) ? type : 'other';
  const rights = parseRights(get('rights'));
  const status = get('status');
  const channel = get('channel');
  const language = get('language');
  const verification = get('verification');
  const request: Request = {
    id,
    receivedAt: get('receivedAt'),
    channel: isChannel(channel) ? channel : 'email',
    type: primary,
    rights: [primary, ...rights.filter((r) => r !== primary)],
    language: isRequestLanguage(language) ? language : 'fi',
    // A status nobody knows (typed by hand) reads as received: still open, still counted as due.
    status: isRequestStatus(status) ? status : 'received',
    dueDate: get('dueDate'),
    extendedDueDate: get('extendedDueDate'),
    extensionReason: get('extensionReason'),
    requesterEmail: get('requesterEmail'),
    customerNumber: get('customerNumber'),
    verification: isVerification(verification) ? verification : 'none',
    gmailMessageId: get('gmailMessageId'),
    gmailThreadId: get('gmailThreadId'),
    summary: get('summary'),
    handledBy: get('handledBy'),
    closedAt: get('closedAt'),
    // The hidden data column; an older row (before it existed, or left empty) keeps its JSON in `outcome`.
    outcome: outcomeOfCells(get('outcomeData'), get('outcome')),
  };
  return { request, replyMessageIds: parseMessageIds(get('replyMessageIds')) };
}

/** A record as the values of its columns by key (every value a string), for the store to write. */
export function recordToValues(record: RequestRecord): Record<string, string> {
  const r = record.request;
  return {
    id: r.id,
    receivedAt: r.receivedAt,
    channel: r.channel,
    type: r.type,
    rights: encodeRights(r.rights),
    language: r.language,
    status: r.status,
    dueDate: r.dueDate,
    extendedDueDate: r.extendedDueDate,
    extensionReason: r.extensionReason,
    requesterEmail: r.requesterEmail,
    customerNumber: r.customerNumber,
    verification: r.verification,
    gmailMessageId: r.gmailMessageId,
    gmailThreadId: r.gmailThreadId,
    summary: r.summary,
    handledBy: r.handledBy,
    closedAt: r.closedAt,
    // The JSON both times: the store (gas/requests.ts) writes the readable text over `outcome`.
    outcome: encodeOutcome(r.outcome),
    // Never blank, an open case's too: a blank data cell is an older row's, whose JSON the readable column held.
    outcomeData: JSON.stringify(r.outcome),
    replyMessageIds: record.replyMessageIds.join(','),
  };
}

/**
 * A case's outcome from its row: the data column when it holds anything, else the readable
 * column read as the JSON an older release kept there (readable text there reads as nothing).
 */
export function outcomeOfCells(data: string, readable: string): CaseOutcome {
  if (data.trim() !== '') return parseOutcome(data);
  return isLegacyOutcome(readable) ? parseOutcome(readable) : EMPTY_OUTCOME;
}

/** Whether a readable Lopputulos cell holds the JSON a release before the data column kept there. */
export function isLegacyOutcome(readable: string): boolean {
  return readable.trim().startsWith('{');
}

/** Request ids are `R-` and a sequence number of at least four digits: short enough to type. */
export const REQUEST_ID_PATTERN = /^R-(\d{4,9})$/;

/** The next `count` ids after every id already used (the highest sequence + 1 onwards). */
export function nextRequestIds(used: Iterable<string>, count: number): string[] {
  let max = 0;
  for (const id of used) {
    const m = REQUEST_ID_PATTERN.exec(id);
    if (m) max = Math.max(max, Number(m[1]));
  }
  return Array.from({ length: count }, (_, i) => `R-${String(max + 1 + i).padStart(4, '0')}`);
}
