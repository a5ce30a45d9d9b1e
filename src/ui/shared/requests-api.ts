/**
 * The request functions of the server (README "Server functions", issue 9 deliverable 9) as the
 * dialog and the sidebar call them, through the typed callServer. Every answer carries the
 * server's `today`, which replaces the UI's: the countdown follows the server's clock of the
 * latest call, never the browser's.
 */
import type { Request, RequestLanguage, RequestStatus, RequestType, Channel } from '../../core/requests/model';
import type { RequestSummary } from '../../server/requests';
import { callServer } from './server';

/** One row of listRequests (its `receivedAt` is the day of receipt). */
export type ListedRequest = RequestSummary;

/** A case as the dialog shows it: the Requests tab's record, and the letter's text when the server gives it. */
export interface CaseView {
  request: Request;
  /** The letter and its replies as plain text from Gmail (shown as text, never as HTML); '' when not readable. */
  letter: string;
  /** Why the letter could not be read (another key person's mailbox), '' otherwise. */
  unavailable: string;
  today: string;
}

const str = (v: unknown) => (typeof v === 'string' ? v : '');

/** A letter to the person that an action drafted (or could not: then its text is shown to send by hand). */
export interface NoticeView {
  subject: string;
  body: string;
  draftId: string | null;
  inThread: boolean;
}

export async function listRequests(query: { status?: RequestStatus | 'open'; customerNumber?: string }): Promise<{ requests: ListedRequest[]; today: string }> {
  const a = await callServer('listRequests', query);
  return { requests: a.requests, today: a.today };
}

export async function getRequest(id: string): Promise<CaseView> {
  const a = await callServer('getRequest', { id });
  // The letter and each reply as text: sender and subject above the body.
  const shown = [a.letter, ...a.replies].flatMap((m) => (m ? [`${m.from}\n${m.subject}\n\n${m.body}`] : []));
  return { request: a.request, letter: a.letter ? shown.join('\n\n――――\n\n') : '', unavailable: a.letterUnavailable, today: a.today };
}

/** What staff do to a case; each answers with the case as it now stands. */
export type CaseAction =
  | { fn: 'verifyRequest'; input: { id: string; note: string } }
  | { fn: 'extendRequest'; input: { id: string; reason: string } }
  | { fn: 'rejectRequest'; input: { id: string; reason: string } }
  | { fn: 'markDuplicate'; input: { id: string; of: string } }
  | { fn: 'fulfilRequest'; input: { id: string; right: RequestType; decline?: string; note?: string; outsideEea?: boolean } };

export async function actOnCase(action: CaseAction): Promise<{ view: CaseView; notice: NoticeView | null; answer: Record<string, unknown> }> {
  let answer: unknown;
  switch (action.fn) {
    case 'verifyRequest': answer = await callServer('verifyRequest', action.input); break;
    case 'extendRequest': answer = await callServer('extendRequest', action.input); break;
    case 'rejectRequest': answer = await callServer('rejectRequest', action.input); break;
    case 'markDuplicate': answer = await callServer('markDuplicate', action.input); break;
    case 'fulfilRequest': answer = await callServer('fulfilRequest', action.input); break;
  }
  const a = (answer ?? {}) as Record<string, unknown>;
  // The letter and today come with getRequest: one more read, so the case shows as it now stands.
  const view = await getRequest(action.input.id);
  const n = a.notice && typeof a.notice === 'object' ? (a.notice as Record<string, unknown>) : null;
  const notice = n ? { subject: str(n.subject), body: str(n.body), draftId: typeof n.draftId === 'string' ? n.draftId : null, inThread: n.inThread === true } : null;
  return { view, notice, answer: a };
}

/** A letter or a visit logged by staff; `requestKey` (one per opened form) makes a retry return the first case. */
export interface LogInput {
  channel: Channel;
  /** The day of receipt, 'YYYY-MM-DD' in the register's zone. */
  receivedAt: string;
  type: RequestType;
  rights: RequestType[];
  language: RequestLanguage;
  requesterEmail: string;
  customerNumber: string;
  summary: string;
  /** How staff checked the person (an ID card at a visit): the case is verified at once. */
  verificationNote: string;
  requestKey: string;
}

export async function logRequest(input: LogInput): Promise<CaseView> {
  const { request } = await callServer('logRequest', input);
  return getRequest(request.id);
}

/** Opens the register sidebar on a person (their edit form with `edit`), for a rectification from a case. */
export async function openRecordInSidebar(input: { customerNumber: string; requestId?: string; edit?: boolean }): Promise<void> {
  await callServer('openRecordInSidebar', input);
}

/** Opens the requests dialog (on one case with `id`) from the sidebar. */
export async function openRequestsDialog(input: { id?: string }): Promise<void> {
  await callServer('showRequestsDialog', input);
}
