/**
 * The only place a request's status changes: one transition table (status × event → status,
 * with the guards that must hold), and `transition`, which applies a row or refuses with a text
 * key. Fides scatters `if status != X: raise` checks through its endpoints; here a test walks
 * this table (test/unit/requests/machine.test.ts), so an allowed move works and every other
 * move is refused, whoever calls. `createRequest` builds the one entry state, `received`.
 */
import { deadline, extendedDueDate, extensionRefusal, receiptDay } from './deadlines';
import {
  EMPTY_OUTCOME,
  openRights,
  type Channel,
  type Request,
  type RequestLanguage,
  type RequestStatus,
  type RequestType,
  type RightOutcome,
  type Verification,
} from './model';

/** What can happen to a case. Staff's actions and intake's decisions alike are events. */
export const REQUEST_EVENTS = ['hold-for-verification', 'verify', 'settle', 'complete', 'extend', 'reject', 'mark-duplicate'] as const;
export type RequestEventType = (typeof REQUEST_EVENTS)[number];

export type RequestEvent =
  /** Intake could not verify the sender: wait for staff (GDPR 12(6)). */
  | { type: 'hold-for-verification' }
  /** Identity established: by address (intake) or by staff with a note of how. */
  | { type: 'verify'; method: Exclude<Verification, 'none'>; note?: string }
  /** One right asked is fulfilled, or declined with the reason told to the person. */
  | { type: 'settle'; right: RequestType; outcome: RightOutcome; reason?: string }
  /** The case is answered: allowed once every right asked is settled. */
  | { type: 'complete' }
  /** Two further months (GDPR 12(3)), once, within the first month, with the reason. */
  | { type: 'extend'; reason: string }
  /** The whole request refused (e.g. manifestly unfounded, identity not established), with the reason. */
  | { type: 'reject'; reason: string }
  /** The same request as case `of`, which carries the work. */
  | { type: 'mark-duplicate'; of: string };

/** Who acts and when: time is an argument, the core reads no clock. */
export interface TransitionContext {
  /** ISO instant of the action. */
  now: string;
  /** 'YYYY-MM-DD' in the settings' zone. */
  today: string;
  /** The key person's address, or the trigger's owner for intake. */
  actor: string;
  /** The settings' time zone (the day of receipt); Europe/Helsinki when left out. */
  timeZone?: string;
}

/** Why a transition was refused: a text key of src/core/texts/requests.ts, translated at the edge. */
export type RefusalKey =
  | 'reqTransitionRefused'
  | 'reqVerifyNoteRequired'
  | 'reqRightNotAsked'
  | 'reqRightSettled'
  | 'reqDeclineReasonRequired'
  | 'reqRightsOpen'
  | 'reqAlreadyExtended'
  | 'reqExtensionTooLate'
  | 'reqReasonRequired'
  | 'reqRejectAfterFulfilment'
  | 'reqDuplicateOfRequired'
  | 'reqDuplicateOfSelf';

export type TransitionResult =
  | { ok: true; request: Request; from: RequestStatus; to: RequestStatus }
  | { ok: false; reason: RefusalKey; params: Record<string, string> };

/** A condition a row needs; each names the refusal it gives. */
export const GUARDS = [
  'verification-noted', 'right-open', 'decline-reasoned', 'every-right-settled', 'extendable', 'reason-given', 'nothing-fulfilled', 'duplicate-of-other',
] as const;
export type Guard = (typeof GUARDS)[number];

export interface TransitionRow {
  from: RequestStatus;
  event: RequestEventType;
  to: RequestStatus;
  guards: readonly Guard[];
}

const OPEN = ['received', 'awaiting-verification', 'in-progress'] as const;

/** The whole life of a case. Anything not listed is refused with `reqTransitionRefused`. */
export const TRANSITIONS: readonly TransitionRow[] = [
  { from: 'received', event: 'hold-for-verification', to: 'awaiting-verification', guards: [] },
  { from: 'received', event: 'verify', to: 'in-progress', guards: ['verification-noted'] },
  { from: 'awaiting-verification', event: 'verify', to: 'in-progress', guards: ['verification-noted'] },
  // Only a verified case acts on a right: in-progress is reached through `verify` alone.
  { from: 'in-progress', event: 'settle', to: 'in-progress', guards: ['right-open', 'decline-reasoned'] },
  { from: 'in-progress', event: 'complete', to: 'completed', guards: ['every-right-settled'] },
  ...OPEN.map((from): TransitionRow => ({ from, event: 'extend', to: from, guards: ['extendable', 'reason-given'] })),
  ...OPEN.map((from): TransitionRow => ({ from, event: 'reject', to: 'rejected', guards: ['reason-given', 'nothing-fulfilled'] })),
  ...OPEN.map((from): TransitionRow => ({ from, event: 'mark-duplicate', to: 'duplicate', guards: ['duplicate-of-other'] })),
];

/** The row for a status and an event, or undefined when the move is not allowed. */
export function transitionRow(from: RequestStatus, event: RequestEventType): TransitionRow | undefined {
  return TRANSITIONS.find((t) => t.from === from && t.event === event);
}

/** The events a case in `status` may take (the dialog shows only these buttons). */
export function allowedEvents(status: RequestStatus): RequestEventType[] {
  return TRANSITIONS.filter((t) => t.from === status).map((t) => t.event);
}

const blank_ = (s: string | undefined) => (s ?? '').trim() === '';

function guardFails_(guard: Guard, request: Request, event: RequestEvent, ctx: TransitionContext): { reason: RefusalKey; params: Record<string, string> } | null {
  const no = (reason: RefusalKey, params: Record<string, string> = {}) => ({ reason, params });
  switch (guard) {
    case 'verification-noted':
      return event.type === 'verify' && event.method === 'manual' && blank_(event.note) ? no('reqVerifyNoteRequired') : null;
    case 'right-open':
      if (event.type !== 'settle') return null;
      if (!request.rights.includes(event.right)) return no('reqRightNotAsked', { right: event.right });
      return request.outcome.settled.some((s) => s.right === event.right) ? no('reqRightSettled', { right: event.right }) : null;
    case 'decline-reasoned':
      return event.type === 'settle' && event.outcome === 'declined' && blank_(event.reason) ? no('reqDeclineReasonRequired', { right: event.right }) : null;
    case 'every-right-settled': {
      const open = openRights(request);
      return open.length > 0 || request.rights.length === 0 ? no('reqRightsOpen', { rights: open.join(', ') }) : null;
    }
    case 'extendable': {
      const refusal = extensionRefusal(request, ctx.today);
      return refusal ? no(refusal, { dueDate: request.dueDate }) : null;
    }
    case 'reason-given':
      return (event.type === 'extend' || event.type === 'reject') && blank_(event.reason) ? no('reqReasonRequired') : null;
    case 'nothing-fulfilled':
      return request.outcome.settled.some((s) => s.outcome === 'fulfilled') ? no('reqRejectAfterFulfilment') : null;
    case 'duplicate-of-other':
      if (event.type !== 'mark-duplicate') return null;
      if (blank_(event.of)) return no('reqDuplicateOfRequired');
      return event.of.trim() === request.id ? no('reqDuplicateOfSelf') : null;
  }
}

/** What the event writes besides the status (the row's guards have held). */
function apply_(request: Request, event: RequestEvent, to: RequestStatus, ctx: TransitionContext): Request {
  const closes = to === 'completed' || to === 'rejected' || to === 'duplicate';
  const next: Request = { ...request, status: to, closedAt: closes ? ctx.now : request.closedAt };
  if (event.type !== 'hold-for-verification') next.handledBy = ctx.actor;
  switch (event.type) {
    case 'verify':
      return { ...next, verification: event.method };
    case 'settle':
      return {
        ...next,
        outcome: {
          ...request.outcome,
          settled: [...request.outcome.settled, { right: event.right, outcome: event.outcome, at: ctx.now, by: ctx.actor, reason: (event.reason ?? '').trim() }],
        },
      };
    case 'extend':
      return {
        ...next,
        extendedDueDate: extendedDueDate(receiptDay(request.receivedAt, ctx.timeZone)),
        extensionReason: event.reason.trim(),
      };
    case 'reject':
      return { ...next, outcome: { ...request.outcome, rejectionReason: event.reason.trim() } };
    case 'mark-duplicate':
      return { ...next, outcome: { ...request.outcome, duplicateOf: event.of.trim() } };
    default:
      return next;
  }
}

/**
 * Moves `request` by `event`: `{ok: true, request}` with the new record (the input is not
 * changed), or `{ok: false, reason, params}` with a text key when the table has no such move or
 * a guard fails. Never throws for a refused move; throws only on a malformed date (a bug).
 */
export function transition(request: Request, event: RequestEvent, ctx: TransitionContext): TransitionResult {
  const row = transitionRow(request.status, event.type);
  if (!row) return { ok: false, reason: 'reqTransitionRefused', params: { from: request.status, event: event.type } };
  for (const guard of row.guards) {
    const failed = guardFails_(guard, request, event, ctx);
    if (failed) return { ok: false, ...failed };
  }
  return { ok: true, request: apply_(request, event, row.to, ctx), from: request.status, to: row.to };
}

/** What intake or staff know when a case is opened. */
export interface NewRequest {
  id: string;
  receivedAt: string;
  channel: Channel;
  type: RequestType;
  rights?: readonly RequestType[];
  language: RequestLanguage;
  requesterEmail?: string;
  customerNumber?: string;
  gmailMessageId?: string;
  gmailThreadId?: string;
  summary?: string;
}

/**
 * A new case in `received`, the one entry state, with its due date counted from the day of
 * receipt in `timeZone`. `rights` gets the primary type first, no repeats.
 */
export function createRequest(input: NewRequest, timeZone = 'Europe/Helsinki'): Request {
  const rights = [input.type, ...(input.rights ?? []).filter((r) => r !== input.type)].filter((r, i, all) => all.indexOf(r) === i);
  return {
    id: input.id,
    receivedAt: input.receivedAt,
    channel: input.channel,
    type: input.type,
    rights,
    language: input.language,
    status: 'received',
    dueDate: deadline(input.receivedAt, timeZone).dueDate,
    extendedDueDate: '',
    extensionReason: '',
    requesterEmail: input.requesterEmail ?? '',
    customerNumber: input.customerNumber ?? '',
    verification: 'none',
    gmailMessageId: input.gmailMessageId ?? '',
    gmailThreadId: input.gmailThreadId ?? '',
    summary: (input.summary ?? '').slice(0, 200),
    handledBy: '',
    closedAt: '',
    outcome: EMPTY_OUTCOME,
  };
}

