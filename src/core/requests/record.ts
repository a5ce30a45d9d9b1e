/**
 * A request as the Requests tab holds it: one row ↔ one `Request` (model.ts) plus the ids of
 * later mail in its thread. Pure, so the store (gas/requests.ts), intake and the tests read and
 * write rows the same way; every value is text (the tab's columns are plain text), and anything
 * unreadable in a row reads as the safe value (an unknown status stays visible as `received`
 * only through `parseStatus`'s caller deciding, never silently as closed).
 *
 * The two hidden cells (the outcome's data, the reply ids) name their case inside them
 * (`{"case":"R-0003",…}`, `R-0003: id1,id2`), because a person who sorts or filters only the
 * visible columns moves the visible cells and leaves the hidden ones behind: `pairHiddenCells`
 * gives every case the cells that name it wherever they stand, and says which rows a write must
 * mend so each case's cells stand in its own row again. A cell written before the names (none
 * inside) still belongs to the row it stands in.
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

/** The ids in a reply-ids cell ("R-0003: id1,id2", or an older cell's "id1,id2"). */
export function parseMessageIds(cell: unknown): string[] {
  const text = textOf(cell);
  const named = REPLIES_NAMED.exec(text);
  return (named ? named[2] : text).split(/[,;\s]+/).filter((s, i, all) => s !== '' && all.indexOf(s) === i);
}

// ---- The hidden cells name their case ---------------------------------------------------------

/** "R-0003: id1,id2": the case before the last colon (Gmail ids hold none; an id typed with one still reads). */
const REPLIES_NAMED = /^([\s\S]*\S)\s*:([^:]*)$/;

/** The case a reply-ids cell names, or null (an older cell, or blank). */
export function caseOfReplies(cell: unknown): string | null {
  const named = REPLIES_NAMED.exec(textOf(cell));
  return named ? named[1].trim() : null;
}

/** The case an outcome data cell names (its JSON's `case`), or null (an older cell, blank, or not JSON). */
export function caseOfData(cell: unknown): string | null {
  const text = textOf(cell);
  if (!text.startsWith('{')) return null;
  try {
    const raw = JSON.parse(text) as { case?: unknown };
    return raw && typeof raw.case === 'string' && raw.case.trim() !== '' ? raw.case.trim() : null;
  } catch {
    return null;
  }
}

/** The data cell the software writes: the outcome's JSON with the case first (parseOutcome ignores `case`). */
export function dataCell(id: string, outcome: CaseOutcome): string {
  return JSON.stringify({ case: id, ...outcome });
}

/**
 * The reply-ids cell the software writes: "R-0003: id1,id2", and "R-0003:" when there are none,
 * so no case's cell is ever blank (a blank cell is no one's, and a cell typed elsewhere naming
 * the case must not find it without one).
 */
export function repliesCell(id: string, ids: readonly string[]): string {
  return ids.length ? `${id}: ${ids.join(',')}` : `${id}:`;
}

/** One row's hidden cells as read (text), with the case its visible cells hold ('' for none). */
export interface HiddenRow {
  id: string;
  data: string;
  replies: string;
}

/** What belongs where: per row (the same order), the cells of the case that stands in it. */
export interface HiddenPairing {
  /** The data cell of the row's case, wherever it stood ('' when found nowhere: the safe value). */
  data: string[];
  /** The reply-ids cell of the row's case, likewise. */
  replies: string[];
  /** Rows (indices) whose cells differ from what belongs there: a write mends them (data and replies as above). */
  moved: number[];
}

/**
 * Pairs the hidden cells with the cases by the names inside them, across the whole tab. A row's
 * case takes the cell in its own row when that names it, else the first cell elsewhere that
 * names it, else its own row's cell when that names no one (an older cell, or blank: as before
 * the names), else nothing (its row holds another case's, and its own is nowhere: it reads the
 * safe value, an empty outcome and no replies; its visible status stays what it says). A row
 * with no case keeps its cell, unless that names a case of the tab (then its case has taken it
 * and the copy left behind is blanked by the mend). A cell that names no case of the tab, or an
 * older cell in a row whose case's named cell is elsewhere, is no one's: a mend may write over it.
 */
export function pairHiddenCells(rows: readonly HiddenRow[]): HiddenPairing {
  const ids = rows.map((r) => r.id.trim());
  // A cell that names no one and is its row's case's gets the name, so the mend writes every such
  // cell in the named form at once: after the first write of a tab from before the names, no
  // cell is left that a later sort could part from its case without a name to find it by.
  const data = pairColumn(ids, rows.map((r) => r.data), caseOfData).map((cell, i) =>
    ids[i] !== '' && isJsonObject_(cell) && caseOfData(cell) === null ? dataCell(ids[i], parseOutcome(cell)) : cell);
  const replies = pairColumn(ids, rows.map((r) => r.replies), caseOfReplies).map((cell, i) =>
    ids[i] !== '' && caseOfReplies(cell) === null ? repliesCell(ids[i], parseMessageIds(cell)) : cell);
  const moved = rows.flatMap((r, i) => (data[i] !== r.data || replies[i] !== r.replies ? [i] : []));
  return { data, replies, moved };
}

/** Whether a cell is a JSON object (text that only starts like one is left as it is, never rewritten as an empty outcome). */
function isJsonObject_(cell: string): boolean {
  if (!cell.startsWith('{')) return false;
  try {
    const v: unknown = JSON.parse(cell);
    return !!v && typeof v === 'object' && !Array.isArray(v);
  } catch {
    return false;
  }
}

function pairColumn(ids: readonly string[], cells: readonly string[], owner: (cell: string) => string | null): string[] {
  const owners = cells.map(owner);
  const present = new Set(ids.filter((id) => id !== ''));
  const firstNaming = new Map<string, number>();
  owners.forEach((o, i) => {
    if (o !== null && !firstNaming.has(o)) firstNaming.set(o, i);
  });
  return ids.map((id, i) => {
    if (id === '') return owners[i] !== null && present.has(owners[i]!) ? '' : cells[i];
    if (owners[i] === id) return cells[i];
    const at = firstNaming.get(id);
    if (at !== undefined) return cells[at];
    return owners[i] === null ? cells[i] : '';
  });
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
    // Both hidden cells name the case, so a sort of the visible columns alone cannot give them to another.
    outcomeData: dataCell(r.id, r.outcome),
    replyMessageIds: repliesCell(r.id, record.replyMessageIds),
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
