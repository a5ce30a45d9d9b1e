/**
 * Intake's decisions (server/intake.ts reads and writes; this decides): which inbox messages are
 * new, which of them open a case and which join a case already open in their thread, who the
 * sender is in the register (by address, then a customer number, then a mobile number in the
 * text), whether the sender is verified by address, and what an objection from the registered
 * address bans at once (GDPR 21(3)). Pure: messages, cases, people, time and settings in; the new
 * and changed records and the audit entries out. Idempotent by Gmail message id: a message whose
 * id a case already holds (as its letter or as an attached reply) is never decided again.
 */
import type { AuditData } from '../audit';
import { textWith } from '../texts';
import { classify, type Classification } from './classify';
import { checkAddress, bareEmail, senderAddress, type AddressCheck } from './identity';
import { emailKey } from '../validation';
import { createRequest, transition, type TransitionContext } from './machine';
import type { Request, RequestLanguage } from './model';
import { nextRequestIds, type RequestRecord } from './record';

/** A message as intake sees it after the batch read (metadata only: no content costs a call). */
export interface InboxMessage {
  id: string;
  threadId: string;
  from: string;
  to: string;
  /** ISO instant Gmail received it. */
  date: string;
  subject: string;
  /** A draft, or sent from the register's own mailbox: never a request. */
  own: boolean;
}

/** What the content reads added to a message that opens a case. */
export interface MessageContent {
  /** The plain body (Gmail's getPlainBody). */
  body: string;
  /** The topmost Authentication-Results header (Gmail's own), '' when none. */
  authenticationResults: string;
}

/** A person as intake matches them (from the invariant store: the software's own record). */
export interface IntakePerson {
  customerNumber: string;
  email: string;
  phone: string;
  marketingBannedAt: string;
}

/** The sort of the inbox before any content is read. */
export interface Triage {
  /** Messages that open a case, oldest first (one per thread: the first new one). */
  fresh: InboxMessage[];
  /** Messages that join a case: an existing one (`caseId`) or one opened by a fresh message of this run (`openerId`). */
  attach: { message: InboxMessage; caseId?: string; openerId?: string }[];
  /** Ids already held by a case, or our own messages: nothing to do (their threads may be labelled). */
  done: string[];
}

/** Every Gmail id a case holds: its letter and its attached replies. */
export function knownMessageIds(records: readonly RequestRecord[]): Set<string> {
  const ids = new Set<string>();
  for (const r of records) {
    if (r.request.gmailMessageId) ids.add(r.request.gmailMessageId);
    for (const id of r.replyMessageIds) ids.add(id);
  }
  return ids;
}

/** Sorts the inbox's messages: new cases, replies to cases, and what is already done. */
export function triage(messages: readonly InboxMessage[], records: readonly RequestRecord[]): Triage {
  const known = knownMessageIds(records);
  const caseOfThread = new Map<string, string>();
  for (const r of records) if (r.request.gmailThreadId && !caseOfThread.has(r.request.gmailThreadId)) caseOfThread.set(r.request.gmailThreadId, r.request.id);
  const out: Triage = { fresh: [], attach: [], done: [] };
  const openerOfThread = new Map<string, string>();
  const sorted = [...messages].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.id < b.id ? -1 : 1));
  for (const m of sorted) {
    if (known.has(m.id) || m.own) {
      out.done.push(m.id);
      continue;
    }
    const caseId = caseOfThread.get(m.threadId);
    if (caseId) {
      out.attach.push({ message: m, caseId });
      continue;
    }
    const opener = openerOfThread.get(m.threadId);
    if (opener) {
      out.attach.push({ message: m, openerId: opener });
      continue;
    }
    openerOfThread.set(m.threadId, m.id);
    out.fresh.push(m);
  }
  return out;
}

export interface IntakeSettings {
  timeZone: string;
  language: RequestLanguage;
  customerNumberPrefix: string;
  customerNumberDigits: number;
  banObjectionAtIntake: boolean;
}

export interface IntakeInput {
  fresh: readonly { message: InboxMessage; content: MessageContent }[];
  attach: Triage['attach'];
  records: readonly RequestRecord[];
  people: readonly IntakePerson[];
  /** Ids in use besides the records' own (none usually). */
  usedIds?: readonly string[];
  now: string;
  today: string;
  /** Who intake acts as (the trigger's owner). */
  actor: string;
  settings: IntakeSettings;
}

/** Why a person was matched to a letter, for the dialog. */
export type MatchedBy = 'address' | 'customer-number' | 'phone' | 'forwarded-address' | 'none';

export interface IntakeCase {
  record: RequestRecord;
  classification: Classification;
  matchedBy: MatchedBy;
  addressCheck: AddressCheck;
}

export interface IntakePlan {
  created: IntakeCase[];
  /** Existing cases with new replies attached (their records as they are to be written). */
  updated: RequestRecord[];
  /** Marketing bans to apply now: an objection from the registered address. */
  bans: { customerNumber: string; requestId: string }[];
  audit: AuditData[];
}

/** The person a letter is from: by its sender's address, then a number in the text, then a mobile number. */
export function matchPerson(from: string, c: Classification, people: readonly IntakePerson[]): { person: IntakePerson | null; matchedBy: MatchedBy } {
  const sender = bareEmail(from);
  // Compared in one form (validation.ts emailKey): mail from the xn-- form finds the stored Unicode address.
  const byEmail = (address: string) => (address ? people.find((p) => p.email !== '' && emailKey(p.email) === address) ?? null : null);
  const own = byEmail(sender);
  if (own) return { person: own, matchedBy: 'address' };
  for (const n of c.customerNumbers) {
    const p = people.find((x) => x.customerNumber === n);
    if (p) return { person: p, matchedBy: 'customer-number' };
  }
  for (const phone of c.phones) {
    const p = people.find((x) => x.phone !== '' && x.phone === phone);
    if (p) return { person: p, matchedBy: 'phone' };
  }
  const forwarded = byEmail(bareEmail(c.forwardedFrom));
  if (forwarded) return { person: forwarded, matchedBy: 'forwarded-address' };
  return { person: null, matchedBy: 'none' };
}

/**
 * Decides a run: each fresh message opens one case (its id the next free one), verified by
 * address or held for verification; each reply joins its case; an objection from the verified
 * registered address is banned now (when the setting is on) and settled as fulfilled. The
 * audit entries name the request id. Never throws on a message: a letter that cannot be read
 * still becomes a case of type `other`.
 */
export function decideIntake(input: IntakeInput): IntakePlan {
  const { settings } = input;
  const tctx: TransitionContext = { now: input.now, today: input.today, actor: input.actor, timeZone: settings.timeZone };
  const ids = nextRequestIds([...input.records.map((r) => r.request.id), ...(input.usedIds ?? [])], input.fresh.length);
  const plan: IntakePlan = { created: [], updated: [], bans: [], audit: [] };
  const banned = new Set(input.people.filter((p) => p.marketingBannedAt !== '').map((p) => p.customerNumber));
  const openerCase = new Map<string, IntakeCase>();

  input.fresh.forEach(({ message, content }, i) => {
    const id = ids[i];
    const c = classify(message.subject, content.body, {
      customerNumberPrefix: settings.customerNumberPrefix, customerNumberDigits: settings.customerNumberDigits, fallbackLanguage: settings.language,
    });
    const { person, matchedBy } = matchPerson(message.from, c, input.people);
    const check = person
      ? checkAddress({ from: message.from, registeredEmail: person.email, authenticationResults: content.authenticationResults })
      : { verified: false, reason: 'no-registered-address' as AddressCheck };
    let request: Request = createRequest({
      id, receivedAt: message.date, channel: 'email', type: c.type, rights: c.rights, language: c.language,
      requesterEmail: senderAddress(message.from), customerNumber: person?.customerNumber ?? '',
      gmailMessageId: message.id, gmailThreadId: message.threadId, summary: c.summary,
    }, settings.timeZone);
    const at = { at: input.now, actor: input.actor, customerNumber: request.customerNumber, requestId: id };
    plan.audit.push({ ...at, action: 'request-logged', fields: ['type', 'rights', 'channel'] });
    const verified = check.verified && matchedBy === 'address';
    const moved = verified ? transition(request, { type: 'verify', method: 'address' }, tctx) : transition(request, { type: 'hold-for-verification' }, tctx);
    if (moved.ok) request = moved.request;
    if (verified) plan.audit.push({ ...at, action: 'request-updated', fields: ['status', 'verification'] });
    if (verified && person && settings.banObjectionAtIntake && request.rights.includes('objection')) {
      if (!banned.has(person.customerNumber)) {
        plan.bans.push({ customerNumber: person.customerNumber, requestId: id });
        plan.audit.push({ ...at, action: 'ban-marketing', fields: ['marketingBannedAt'] });
        banned.add(person.customerNumber);
      }
      const settled = transition(request, { type: 'settle', right: 'objection', outcome: 'fulfilled', reason: textWith(request.language, 'reqBannedAtIntake', {}) }, tctx);
      if (settled.ok) {
        request = settled.request;
        plan.audit.push({ ...at, action: 'request-updated', fields: ['outcome'] });
      }
    }
    const made: IntakeCase = { record: { request, replyMessageIds: [] }, classification: c, matchedBy, addressCheck: check.reason };
    plan.created.push(made);
    openerCase.set(message.id, made);
  });

  const updated = new Map<string, RequestRecord>();
  for (const a of input.attach) {
    const opened = a.openerId ? openerCase.get(a.openerId) : undefined;
    if (opened) {
      opened.record = { ...opened.record, replyMessageIds: [...opened.record.replyMessageIds, a.message.id] };
      continue;
    }
    const base = updated.get(a.caseId ?? '') ?? input.records.find((r) => r.request.id === a.caseId);
    if (!base) continue;
    updated.set(base.request.id, { ...base, replyMessageIds: [...base.replyMessageIds, a.message.id] });
  }
  for (const record of updated.values()) {
    plan.updated.push(record);
    plan.audit.push({ at: input.now, actor: input.actor, action: 'request-updated', customerNumber: record.request.customerNumber, fields: ['replyMessageIds'], requestId: record.request.id });
  }
  return plan;
}
