/**
 * Data-subject requests (README "Requests (core)"): what a case is. Types, statuses, channels and
 * languages are `as const` lists so the sheet's dropdowns, the dialog's filters and the tests walk
 * the same values; a status changes only in `machine.ts`. A letter may ask for several rights: the
 * case records its primary type and every right asked, and each right is settled (fulfilled or
 * declined) in the same case.
 */
import type { Language } from '../schema';

/** What a person may ask for, in the order the dialog lists them. */
export const REQUEST_TYPES = ['access', 'rectification', 'erasure', 'restriction', 'portability', 'objection', 'consent', 'other'] as const;
export type RequestType = (typeof REQUEST_TYPES)[number];

/**
 * The GDPR articles behind each type (what a formal letter cites, and what a reply names).
 * `consent` is the person's written consent to a disclosure (6(1)(a), 7) or to a transfer outside
 * the EEA (49(1)(a)); `objection` is the direct-marketing ban of 21(2)–(3).
 */
export const GDPR_ARTICLES: Readonly<Record<RequestType, readonly string[]>> = {
  access: ['15'],
  rectification: ['16'],
  erasure: ['17'],
  restriction: ['18'],
  portability: ['20'],
  objection: ['21'],
  consent: ['6(1)(a)', '7', '49(1)(a)'],
  other: [],
};

/** Where a case stands. Only `transition` in machine.ts moves a request from one to another. */
export const REQUEST_STATUSES = [
  /** Logged from a mail, a letter or in person; nothing decided yet. */
  'received',
  /** The sender is not proven to be the person (GDPR 12(6)): no right is acted on until staff verify. */
  'awaiting-verification',
  /** Identity verified (by address or by staff): the rights are being fulfilled or declined. */
  'in-progress',
  /** Every right asked was fulfilled or declined, and the person was answered. */
  'completed',
  /** The whole request was refused, with the reason and the right to complain to Tietosuojavaltuutettu. */
  'rejected',
  /** The same request as an earlier case (`outcome.duplicateOf`); that case carries the work. */
  'duplicate',
] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];

/** Statuses whose deadline still runs (the dialog's default filter, the start screen's "due"). */
export const OPEN_STATUSES: readonly RequestStatus[] = ['received', 'awaiting-verification', 'in-progress'];
/** Statuses a case never leaves. */
export const CLOSED_STATUSES: readonly RequestStatus[] = ['completed', 'rejected', 'duplicate'];

/** How the request reached the controller; all are "in writing" except in-person, which staff log. */
export const CHANNELS = ['email', 'letter', 'in-person'] as const;
export type Channel = (typeof CHANNELS)[number];

/** The languages a request is answered in (the register's own three). */
export const REQUEST_LANGUAGES = ['fi', 'sv', 'en'] as const satisfies readonly Language[];
export type RequestLanguage = (typeof REQUEST_LANGUAGES)[number];

/**
 * How the requester's identity was established (GDPR 12(6)): `none` until proven, `address` when
 * the mail came from the registered address and Gmail's own Authentication-Results does not fail
 * DMARC, `manual` when staff recorded a check with a note.
 */
export const VERIFICATIONS = ['none', 'address', 'manual'] as const;
export type Verification = (typeof VERIFICATIONS)[number];

/** How one right asked was settled. */
export const RIGHT_OUTCOMES = ['fulfilled', 'declined'] as const;
export type RightOutcome = (typeof RIGHT_OUTCOMES)[number];

/** One right of the case, once settled: who, when, and (for a decline) why. */
export interface RightSettlement {
  right: RequestType;
  outcome: RightOutcome;
  /** ISO instant. */
  at: string;
  by: string;
  /** Required for `declined` (told to the person); optional note for `fulfilled`. */
  reason: string;
  /** The Gmail message id of the reply drafted for this right (server/fulfil.ts), when one was. */
  reply?: string;
}

/** The case's outcome: the settled rights, and for a rejected or duplicate case why. */
export interface CaseOutcome {
  settled: readonly RightSettlement[];
  rejectionReason: string;
  duplicateOf: string;
}

/**
 * One row of the Requests tab (README "Data"), plus `rights`: every right the letter asks, the
 * primary `type` first. Calendar dates are 'YYYY-MM-DD' in Helsinki time, instants ISO 8601; an
 * empty value is ''.
 */
export interface Request {
  id: string;
  /** ISO instant the mail arrived (or staff's instant for a letter or a visit). */
  receivedAt: string;
  channel: Channel;
  /** The primary type: what the letter is mostly about. */
  type: RequestType;
  /** Every right asked, `type` first, no repeats. */
  rights: readonly RequestType[];
  language: RequestLanguage;
  status: RequestStatus;
  /** One month from the day of receipt, moved to a working day (deadlines.ts). */
  dueDate: string;
  /** Two further months (GDPR 12(3)), '' until extended; extendable once. */
  extendedDueDate: string;
  extensionReason: string;
  requesterEmail: string;
  /** The matched person, '' when none was found. */
  customerNumber: string;
  verification: Verification;
  gmailMessageId: string;
  gmailThreadId: string;
  /** Short plain text (≤ 200 characters), never the whole letter: the mail stays in Gmail. */
  summary: string;
  handledBy: string;
  /** ISO instant the case was closed (completed, rejected, duplicate); '' while open. */
  closedAt: string;
  outcome: CaseOutcome;
}

export const EMPTY_OUTCOME: CaseOutcome = { settled: [], rejectionReason: '', duplicateOf: '' };

/** Narrowing checks for values read back from a sheet or a call. */
export const isRequestType = (v: unknown): v is RequestType => (REQUEST_TYPES as readonly unknown[]).includes(v);
export const isRequestStatus = (v: unknown): v is RequestStatus => (REQUEST_STATUSES as readonly unknown[]).includes(v);
export const isChannel = (v: unknown): v is Channel => (CHANNELS as readonly unknown[]).includes(v);
export const isRequestLanguage = (v: unknown): v is RequestLanguage => (REQUEST_LANGUAGES as readonly unknown[]).includes(v);
export const isVerification = (v: unknown): v is Verification => (VERIFICATIONS as readonly unknown[]).includes(v);

/** The rights a case still has to settle, in the order asked. */
export function openRights(request: Pick<Request, 'rights' | 'outcome'>): RequestType[] {
  return request.rights.filter((r) => !request.outcome.settled.some((s) => s.right === r));
}

/** The rights as one cell: "erasure,objection" (the primary first). */
export function encodeRights(rights: readonly RequestType[]): string {
  return rights.join(',');
}

/** A rights cell read back: unknown words dropped, repeats removed; [] for an empty cell. */
export function parseRights(cell: unknown): RequestType[] {
  const out: RequestType[] = [];
  for (const part of String(cell ?? '').split(/[,;\s]+/)) if (isRequestType(part) && !out.includes(part)) out.push(part);
  return out;
}

/** The outcome as one cell (JSON); '' while nothing is settled, so an open case reads blank. */
export function encodeOutcome(outcome: CaseOutcome): string {
  if (outcome.settled.length === 0 && !outcome.rejectionReason && !outcome.duplicateOf) return '';
  return JSON.stringify(outcome);
}

/** An outcome cell read back; anything that is not a well-formed outcome reads as nothing settled. */
export function parseOutcome(cell: unknown): CaseOutcome {
  if (typeof cell !== 'string' || cell.trim() === '') return EMPTY_OUTCOME;
  try {
    const raw = JSON.parse(cell) as Partial<Record<keyof CaseOutcome, unknown>>;
    const str = (v: unknown) => (typeof v === 'string' ? v : '');
    const settled = Array.isArray(raw.settled)
      ? raw.settled.flatMap((s: Record<string, unknown>) =>
          s && isRequestType(s.right) && (RIGHT_OUTCOMES as readonly unknown[]).includes(s.outcome)
            ? [{ right: s.right, outcome: s.outcome as RightOutcome, at: str(s.at), by: str(s.by), reason: str(s.reason), ...(str(s.reply) ? { reply: str(s.reply) } : {}) }]
            : [])
      : [];
    return { settled, rejectionReason: str(raw.rejectionReason), duplicateOf: str(raw.duplicateOf) };
  } catch {
    return EMPTY_OUTCOME;
  }
}
