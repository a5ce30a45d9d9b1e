/**
 * The request functions of the server (README "Server functions", issue 9 deliverable 9) as the
 * dialog and the sidebar call them, through the typed callServer. Answers are read defensively
 * (a field the server leaves out reads as empty), and any `today` an answer carries replaces the
 * UI's: the countdown follows the server's clock of the latest call.
 */
import type { Request, RequestLanguage, RequestStatus, RequestType, Channel, Verification } from '../../core/requests/model';
import { EMPTY_OUTCOME } from '../../core/requests/model';
import type { RequestRow } from '../../core/requests/countdown';
import { callServer } from './server';

/** One row of listRequests. */
export interface ListedRequest extends RequestRow {
  language: RequestLanguage;
  verification: Verification;
}

/** A case as the dialog shows it: the Requests tab's record, and the letter's text when the server gives it. */
export interface CaseView {
  request: Request;
  /** The letter as plain text (shown as text, never as HTML); '' when only the summary is kept. */
  letter: string;
  today: string;
}

// The server's request functions are called by name; their answers are read as the contract says.
const call = callServer as unknown as (name: string, ...args: unknown[]) => Promise<unknown>;

const str = (v: unknown) => (typeof v === 'string' ? v : '');

function asRequest(raw: Record<string, unknown>): Request {
  const outcome = (raw.outcome && typeof raw.outcome === 'object' ? raw.outcome : EMPTY_OUTCOME) as Request['outcome'];
  return {
    id: str(raw.id), receivedAt: str(raw.receivedAt), channel: (str(raw.channel) || 'email') as Channel, type: str(raw.type) as RequestType,
    rights: Array.isArray(raw.rights) ? (raw.rights as RequestType[]) : [str(raw.type) as RequestType],
    language: (str(raw.language) || 'fi') as RequestLanguage, status: str(raw.status) as RequestStatus,
    dueDate: str(raw.dueDate), extendedDueDate: str(raw.extendedDueDate), extensionReason: str(raw.extensionReason),
    requesterEmail: str(raw.requesterEmail), customerNumber: str(raw.customerNumber), verification: (str(raw.verification) || 'none') as Verification,
    gmailMessageId: str(raw.gmailMessageId), gmailThreadId: str(raw.gmailThreadId), summary: str(raw.summary), handledBy: str(raw.handledBy),
    closedAt: str(raw.closedAt),
    outcome: { settled: Array.isArray(outcome.settled) ? outcome.settled : [], rejectionReason: str(outcome.rejectionReason), duplicateOf: str(outcome.duplicateOf) },
  };
}

/** The case inside an answer: `{request}` or the record itself. */
function caseOf(answer: unknown, today: string): CaseView {
  const a = (answer ?? {}) as Record<string, unknown>;
  const raw = (a.request && typeof a.request === 'object' ? a.request : a) as Record<string, unknown>;
  const letter = a.letter && typeof a.letter === 'object' ? str((a.letter as Record<string, unknown>).body) : str(a.letter) || str(a.body);
  return { request: asRequest(raw), letter, today: str(a.today) || today };
}

export async function listRequests(query: { status?: RequestStatus; customerNumber?: string }): Promise<{ requests: ListedRequest[]; today: string }> {
  const a = ((await call('listRequests', query)) ?? {}) as { requests?: ListedRequest[]; today?: string };
  return { requests: Array.isArray(a.requests) ? a.requests.map((r) => ({ ...r, rights: Array.isArray(r.rights) ? r.rights : [r.type] })) : [], today: str(a.today) };
}

export async function getRequest(id: string, today: string): Promise<CaseView> {
  return caseOf(await call('getRequest', { id }), today);
}

/** What staff do to a case; each answers with the case as it now stands (read again when the answer lacks it). */
export type CaseAction =
  | { fn: 'verifyRequest'; input: { id: string; note: string } }
  | { fn: 'extendRequest'; input: { id: string; reason: string } }
  | { fn: 'rejectRequest'; input: { id: string; reason: string } }
  | { fn: 'markDuplicate'; input: { id: string; of: string } }
  | { fn: 'fulfilRequest'; input: { id: string; right: RequestType; outcome?: 'declined'; reason?: string } };

export async function actOnCase(action: CaseAction, today: string): Promise<{ view: CaseView; answer: unknown }> {
  const answer = await call(action.fn, action.input);
  const a = (answer ?? {}) as Record<string, unknown>;
  const view = a.request && typeof a.request === 'object' ? caseOf(answer, today) : await getRequest(action.input.id, today);
  return { view, answer };
}

/** A letter or a visit logged by staff; `requestKey` (one per opened form) makes a retry return the first case. */
export interface LogInput {
  channel: Channel;
  receivedOn: string;
  type: RequestType;
  rights: RequestType[];
  language: RequestLanguage;
  requesterEmail: string;
  customerNumber: string;
  summary: string;
  requestKey: string;
}

export async function logRequest(input: LogInput, today: string): Promise<CaseView> {
  return caseOf(await call('logRequest', input), today);
}

/** Opens the register sidebar on a person (their edit form with `edit`), for a rectification from a case. */
export async function openRecordInSidebar(input: { customerNumber: string; requestId?: string; edit?: boolean }): Promise<void> {
  await call('openRecordInSidebar', input);
}

/** Opens the requests dialog (on one case with `id`) from the sidebar. */
export async function openRequestsDialog(input: { id?: string }): Promise<void> {
  await call('showRequestsDialog', input);
}
