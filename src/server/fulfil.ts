/**
 * Fulfilment (README "Requests", "Fulfilment"): `fulfilRequest({id, right, …})` settles one
 * right of a case — fulfilled, or declined with `decline: reason` — through the one transition
 * table (core/requests/machine.ts), writes the audit log with the request id, acts on the register
 * (ban, restriction, deletion or its schedule, the consent's transfer reference) and drafts the
 * reply in the case's own Gmail thread to the registered address only (never to another sender:
 * a case whose thread holds no mail from that address, or no thread at all, gets a new draft to
 * the registered address). The access copy's three files and the portability copy's two ride on
 * the draft as attachments.
 *
 * Every step survives a fault at any service call, without loss or doubling, and the next try
 * finishes the job. The order is: (1) the audit entry, with a memory of the attempt (request id
 * and right → the attempt's moment, core/request-keys.ts) and any erasure schedule in the same
 * `setProperties` that moves the audit head; (2) the reply draft; (3) the register change; (4) the
 * case's settlement, last. A retry that finds the memory skips (1), finds the draft (2) made after
 * that moment among the drafts (`GmailApp.getDraftMessages`, one call) instead of making another,
 * re-applies (3) where it has not landed (each change is idempotent by the record's state), and
 * writes (4). A right already settled in the case is done: a repeat returns it and writes nothing.
 * The draft comes before an erasure's deletion so that the registered address is still known.
 */
import * as v from 'valibot';
import { AUDIT_TAB, REGISTER_TAB } from '../core/schema';
import type { AuditAction, AuditData } from '../core/audit';
import type { Customer, CustomerField } from '../core/customer';
import { text, textWith } from '../core/texts';
import {
  accessCopyFiles, bareEmail, draftReply, erasureScheduleProperty, holdInForce, looksLikeRequestId, openRights,
  portabilityFiles, PORTABLE_FIELDS, REQUEST_TYPES, transition,
  type CopyFile, type Request, type RequestEvent, type RequestType, type RightSettlement, type TransitionContext,
} from '../core/requests';
import { REFUSAL_TEXT, REQUEST_STATUS_TEXT, REQUEST_TYPE_TEXT } from '../core/texts/requests';
import { earlierResult, rememberResult } from '../core/request-keys';
import { numberIndex } from '../core/invariants';
import { findRows, UserError } from '../gas/register';
import { readAuditSpan } from '../gas/audit-log';
import { findRequest, writeRequests, type RequestTab, type StoredRequest } from '../gas/requests';
import { OpenTab, refresh } from '../gas/tabs';
import { writeStoreSpan } from '../gas/invariants';
import { replyInThread } from '../gas/mail-reply';
import { stateProperties } from '../gas/state';
import { audit, open } from './tabs';
import { CallContext, staffLanguage, withWrite } from './context';
import { parseInput } from './inputs';
import { repairIfDue } from './repair';
import { refuse, requestTab } from './requests';
import { REQUEST_ID } from './request-inputs';
import { banIn, disclosuresOf, locate, Located, storeOf, updateCustomerIn } from './customers';

// ---- The case in the Requests tab (the request store: gas/requests.ts) ------------------------

/** A case as the store read it, with the tab (one read) to write it back and to find the person's other cases. */
export interface FoundCase {
  tab: RequestTab;
  stored: StoredRequest;
  request: Request;
}

/** The case with this id (one read of the Requests tab), or null (no call for a reference that cannot be an id). */
export function findCase(ctx: CallContext, id: string): FoundCase | null {
  if (!looksLikeRequestId(id)) return null;
  const tab = requestTab(ctx);
  const stored = findRequest(tab, id.trim());
  return stored ? { tab, stored, request: stored.record.request } : null;
}

/** Writes the case back in its row (one call), keeping its later messages' ids. */
function writeCase(found: FoundCase, request: Request): void {
  writeRequests(found.tab, [{ row: found.stored.row, record: { ...found.stored.record, request } }]);
}

/** Every case of one person, from the tab already read (no call). */
function casesOf(found: FoundCase, customerNumber: string): Request[] {
  return found.tab.rows.map((r) => r.record.request).filter((r) => r.customerNumber === customerNumber);
}

/** The case a consent reference names, or null (no call for a reference that cannot be a request id). */
export function consentCase(ctx: CallContext, reference: string): Request | null {
  return findCase(ctx, reference.trim())?.request ?? null;
}

/**
 * Refuses unless `id` is a case of this person that asks `right` (an edit naming a rectification
 * request must be that person's own case: a made-up id never reaches the audit log).
 */
export function requireCaseFor(ctx: CallContext, id: string, customerNumber: string, right: RequestType): Request {
  const found = findCase(ctx, id);
  if (!found) throw new UserError(textWith(ctx.language, 'reqNotFound', { id }));
  if (found.request.customerNumber !== customerNumber) throw new UserError(textWith(ctx.language, 'fulfilOtherPerson', { id }));
  if (!found.request.rights.includes(right)) throw new UserError(textWith(ctx.language, REFUSAL_TEXT.reqRightNotAsked, { right: text(ctx.language, REQUEST_TYPE_TEXT[right]) }));
  return found.request;
}

// ---- What the audit log already says about a case ---------------------------------------------

/** The fields the register's edits logged with this request id for this person (one search, one read). */
function loggedEdits(ctx: CallContext, requestId: string, customerNumber: string): CustomerField[] {
  const tab = open(ctx, AUDIT_TAB);
  // An entry past the stored head is a failed attempt's, overwritten by the next append: not an edit.
  const head = ctx.state.auditHead?.row ?? Infinity;
  const rows = findRows(tab.sheet, tab.map, 'requestId', requestId).filter((r) => r <= head);
  if (!rows.length) return [];
  const first = Math.min(...rows);
  const span = readAuditSpan(tab.sheet, tab.map, first, Math.max(...rows) - first + 1);
  const fields = new Set<CustomerField>();
  for (const r of rows) {
    const e = span[r - first];
    if (e.requestId !== requestId || e.customerNumber !== customerNumber || !['update', 'manual-edit'].includes(e.action)) continue;
    for (const f of e.fields.split(',')) if (f) fields.add(f as CustomerField);
  }
  return [...fields];
}

// ---- Deleting a record -------------------------------------------------------------------------

/**
 * Deletes a person's record as the invariants want it: the row goes (every row carrying the
 * number: a pasted copy is theirs too), the invariant store keeps a tombstone so the number stays
 * used forever, and the audit entry (written before, by the caller) keeps only the number and the
 * reason. Idempotent: a second run finds no row and rewrites the same tombstone. Rows go before
 * the tombstone: a fault between them leaves a live stored record without a row, which the repair
 * writes back and the retry deletes again, never a row with a number the store calls deleted.
 */
function deleteRecord(ctx: CallContext, rows: { tab: OpenTab; rows: number[] }, customerNumber: string, now: string): void {
  // Bottom up, so each row number stays right (usually one row: one call).
  for (const row of [...rows.rows].sort((a, b) => b - a)) rows.tab.sheet.deleteRow(row);
  const store = storeOf(ctx);
  const index = store ? numberIndex(store.format, customerNumber) : null;
  if (store && index !== null) writeStoreSpan(store.sheet, index, [{ customerNumber, deletedAt: now }]);
}

/**
 * The rows carrying the number, read before any write: the located person's tab (its layout
 * proven by the read), or on a retry after the record went, the tab by its header (one or two calls).
 */
function rowsOf(ctx: CallContext, found: Located | null, customerNumber: string): { tab: OpenTab; rows: number[] } {
  let tab = found ? found.tab : open(ctx, REGISTER_TAB);
  if (!found && tab.remembered) tab = refresh(tab, REGISTER_TAB, ctx.language, (l) => (ctx.learned.register = l));
  return { tab, rows: findRows(tab.sheet, tab.map, 'customerNumber', customerNumber) };
}

// ---- The reply draft ---------------------------------------------------------------------------


export interface DraftInfo {
  /** The draft's message id (what the case records). */
  messageId: string;
  /** '' when the reply is a new mail (no thread, or no mail from the registered address in it). */
  threadId: string;
  to: string;
  attachments: string[];
}

/**
 * The draft an earlier attempt of this fulfilment made: a draft made at or after the attempt's
 * moment, in the case's thread or with the new mail's subject, and not another right's recorded
 * reply. One call, whatever the number of drafts (their metadata comes with it).
 */
function earlierDraft(request: Request, since: string, to: string, subject: string, files: readonly CopyFile[]): DraftInfo | null {
  const taken = new Set(request.outcome.settled.map((s) => s.reply).filter((r): r is string => !!r));
  const from = Date.parse(since);
  const names = files.map((f) => f.name).sort().join('\n');
  const candidates = GmailApp.getDraftMessages().filter((m) => {
    if (taken.has(m.getId()) || m.getDate().getTime() < from || (to !== '' && bareEmail(m.getTo()) !== to)) return false;
    const thread = m.getThread();
    return (request.gmailThreadId !== '' && thread !== null && thread.getId() === request.gmailThreadId) || m.getSubject() === subject;
  });
  // Another letter to the same person in the thread since (an extension notice, a rejection) is
  // not this reply: a copy's draft carries exactly its files. Only the few candidates are read.
  const mine = files.length ? candidates.filter((m) => m.getAttachments().map((a) => a.getName()).sort().join('\n') === names) : candidates;
  if (!mine.length) return null;
  const m = mine[mine.length - 1];
  const thread = m.getThread();
  return { messageId: m.getId(), threadId: thread ? thread.getId() : '', to: bareEmail(m.getTo()), attachments: files.map((f) => f.name) };
}

/**
 * Drafts the reply to `to` (the registered address) by the one rule of gas/mail-reply.ts: in the
 * case's thread, answering the newest message there from that address with no other Reply-To;
 * otherwise as a new mail to that address. Two calls to find the message, one to draft.
 */
function makeDraft(ctx: CallContext, request: Request, to: string, reply: { subject: string; body: string; htmlBody: string }, files: readonly CopyFile[]): DraftInfo {
  const options: GoogleAppsScript.Gmail.GmailAdvancedOptions = {
    htmlBody: reply.htmlBody,
    name: ctx.settings.controller.name,
    ...(files.length ? { attachments: files.map((f) => Utilities.newBlob(f.content, f.contentType, f.name)) } : {}),
  };
  const done = replyInThread(request.gmailThreadId ? { threadId: request.gmailThreadId } : null, to, { subject: reply.subject, body: reply.body, options })!;
  return { messageId: done.draft!.getMessageId(), threadId: done.threadId, to: done.to, attachments: files.map((f) => f.name) };
}

// ---- fulfilRequest ------------------------------------------------------------------------------

export const FULFIL_INPUT = v.object({
  id: REQUEST_ID,
  right: v.picklist(REQUEST_TYPES),
  /** Declines the right with this reason (told to the person), instead of fulfilling it. */
  decline: v.optional(v.pipe(v.string(), v.maxLength(2000))),
  /** Staff's note: what the person consented to (consent), what was done (other); told in the reply. */
  note: v.optional(v.pipe(v.string(), v.maxLength(2000)), ''),
  /** Consent: the written consent covers a transfer outside the EU/EEA, so the record's transfer request names this case. */
  outsideEea: v.optional(v.boolean(), false),
});

export interface FulfilResult {
  request: { id: string; status: string; rights: RequestType[]; openRights: RequestType[]; settled: RightSettlement[] };
  right: RequestType;
  outcome: 'fulfilled' | 'declined';
  /** The reply drafted (null: no registered address to write to, so staff answer by letter). */
  draft: DraftInfo | null;
  /** Erasure under a legal hold: restricted now, the sweep deletes after this day. */
  scheduledDeletion: string;
  /** GDPR 19: the disclosure log's recipients to tell of an erasure, rectification or restriction. */
  recipients: string[];
  /** True when the right was already settled: nothing was written. */
  already: boolean;
}

/** What a fulfilment does to the register after its audit entry and draft (idempotent by the record's state). */
interface Plan {
  entries: AuditData[];
  extra: Record<string, string>;
  files: CopyFile[];
  apply: () => void;
  scheduled?: { until: string; reason: string };
  fields?: CustomerField[];
  recipients: string[];
}

/**
 * Fulfils one right of a case, or declines it (`decline: reason`): see the file's comment for
 * the order and the retry. Returns the case's rights as they stand, the draft, and what the
 * reply told the person.
 */
export function fulfilRequest(input: { id: string; right: string; decline?: string; note?: string; outsideEea?: boolean }): FulfilResult {
  const args = parseInput(FULFIL_INPUT, input, staffLanguage);
  return withWrite('staff', (ctx) => {
    repairIfDue(ctx);
    return fulfilIn(ctx, args);
  });
}

function summary(request: Request): FulfilResult['request'] {
  return { id: request.id, status: request.status, rights: [...request.rights], openRights: openRights(request), settled: [...request.outcome.settled] };
}

function fulfilIn(ctx: CallContext, args: v.InferOutput<typeof FULFIL_INPUT>): FulfilResult {
  const { now, today } = ctx;
  const found = findCase(ctx, args.id);
  if (!found) refuse(ctx, 'reqNotFound', { id: args.id });
  const request = found.request;
  const right = args.right;
  const done = request.outcome.settled.find((s) => s.right === right);
  if (done) {
    // The case write is the last step: a settled right is finished. A repeat writes nothing.
    return {
      request: summary(request), right, outcome: done.outcome, already: true, scheduledDeletion: '', recipients: [],
      draft: done.reply ? { messageId: done.reply, threadId: request.gmailThreadId, to: '', attachments: [] } : null,
    };
  }
  const key = `${request.id}:${right}`;
  const started = earlierResult(ctx.state.requestKeys, 'fulfil', key);
  const declining = args.decline !== undefined;
  const reason = (declining ? args.decline ?? '' : args.note).trim();
  const event: RequestEvent = { type: 'settle', right, outcome: declining ? 'declined' : 'fulfilled', reason };
  const tctx: TransitionContext = { now, today, actor: ctx.user, timeZone: ctx.settings.timeZone };
  // The transition table decides whether this right may be settled now; its refusals, said plainly.
  if (request.status === 'completed' || request.status === 'rejected' || request.status === 'duplicate') {
    refuse(ctx, 'fulfilClosed', { status: text(ctx.language, REQUEST_STATUS_TEXT[request.status]) });
  }
  if (request.status !== 'in-progress') refuse(ctx, 'fulfilNeedsVerification');
  const settled = transition(request, event, tctx);
  if (!settled.ok) refuse(ctx, REFUSAL_TEXT[settled.reason], { ...settled.params, right: text(ctx.language, REQUEST_TYPE_TEXT[right]) });
  if (!declining && right === 'other' && reason === '') refuse(ctx, 'fulfilNoteRequired');
  if (!declining && right === 'consent' && reason === '') refuse(ctx, 'fulfilConsentNoteRequired');

  // The person (gone once an erasure deleted them: only its own retry goes on without them).
  const number = request.customerNumber;
  let located: Located | null = null;
  if (number) {
    try {
      located = locate(ctx, open(ctx, REGISTER_TAB), number);
    } catch (e) {
      if (!(e instanceof UserError)) throw e;
    }
  }
  const person: Customer | null = located ? located.customer : null;
  const needsPerson = !declining && right !== 'other';
  if (needsPerson && !number) refuse(ctx, 'fulfilNoCustomer');
  if (needsPerson && !person && !(right === 'erasure' && started)) refuse(ctx, 'fulfilCustomerGone');

  // Every read happens here, before the first write (a read after a write would force a flush).
  const plan = planFor(ctx, found, right, declining, located, args.outsideEea);
  const closes = openRights(settled.request).length === 0;
  const reply = draftReply({
    language: request.language, requestId: request.id, receivedAt: request.receivedAt, timeZone: ctx.settings.timeZone, controller: ctx.settings.controller,
    right, outcome: declining ? 'declined' : 'fulfilled', reason, scheduled: plan.scheduled, recipients: plan.recipients, fields: plan.fields,
    attachments: plan.files.map((f) => f.name),
  });

  // (1) The audit entry with the attempt's memory (and an erasure's schedule), once.
  if (!started) {
    const entries = closes ? [...plan.entries, { at: now, actor: ctx.user, action: 'request-closed' as AuditAction, customerNumber: number, requestId: request.id }] : plan.entries;
    audit(ctx, entries, { ...plan.extra, ...stateProperties({ requestKeys: rememberResult(ctx.state.requestKeys, 'fulfil', key, now) }) });
  }
  // (2) The reply, to the registered address only: found when an earlier attempt made it.
  const to = person ? bareEmail(person.email) : '';
  // (An erasure's retry finds no registered address any more: its first attempt's draft is still the one.)
  let draft = started ? earlierDraft(request, started, to, reply.subject, plan.files) : null;
  if (!draft && to) draft = makeDraft(ctx, request, to, reply, plan.files);
  // (3) The register.
  plan.apply();
  // (4) The case, last: the right settled with its reply, and closed when it was the last one open.
  let next = settled.request;
  if (draft) {
    const list = next.outcome.settled.map((s) => (s.right === right ? { ...s, reply: draft.messageId } : s));
    next = { ...next, outcome: { ...next.outcome, settled: list } };
  }
  if (closes) {
    const completed = transition(next, { type: 'complete' }, tctx);
    if (completed.ok) next = completed.request;
  }
  writeCase(found, next);
  return {
    request: summary(next), right, outcome: declining ? 'declined' : 'fulfilled', draft, already: false,
    scheduledDeletion: plan.scheduled?.until ?? '', recipients: plan.recipients,
  };
}

/** What fulfilling (or declining) `right` logs, attaches and changes. */
function planFor(ctx: CallContext, theCase: FoundCase, right: RequestType, declining: boolean, found: Located | null, outsideEea: boolean): Plan {
  const request = theCase.request;
  const person = found ? found.customer : null;
  const { now, today } = ctx;
  const number = request.customerNumber;
  const entry = (action: AuditAction, fields: readonly string[] = []): AuditData => ({ at: now, actor: ctx.user, action, customerNumber: number, fields, requestId: request.id });
  const nothing = () => undefined;
  const plan: Plan = { entries: [entry('request-updated')], extra: {}, files: [], apply: nothing, recipients: [] };
  if (declining) return plan;
  const recipients = () => (number ? [...new Set(disclosuresOf(ctx, number).map((d) => d.recipient))] : []);
  switch (right) {
    case 'access': {
      const c = person!;
      const disclosures = disclosuresOf(ctx, number);
      const requests = casesOf(theCase, number).map((r) => ({ id: r.id, receivedAt: r.receivedAt, type: r.type, status: r.status }));
      plan.files = accessCopyFiles({
        language: request.language, requestId: request.id, now, timeZone: ctx.settings.timeZone, controller: ctx.settings.controller,
        retentionMonths: ctx.settings.retentionMonths, customer: c, disclosures, requests,
      });
      plan.entries = [entry('access-copy')];
      return plan;
    }
    case 'portability':
      plan.files = portabilityFiles({ language: request.language, requestId: request.id, now, controller: ctx.settings.controller, customer: person! });
      plan.entries = [entry('access-copy', PORTABLE_FIELDS)];
      return plan;
    case 'objection':
      if (!person!.marketingBannedAt) plan.entries = [entry('ban-marketing', ['marketingBannedAt'])];
      plan.apply = () => void banIn(ctx, number, request.id, { log: false, found: found ?? undefined });
      return plan;
    case 'restriction':
      plan.recipients = recipients();
      if (!person!.restrictedAt) plan.entries = [entry('restrict', ['restrictedAt'])];
      plan.apply = () => restrictOnce(ctx, person!, request.id, found);
      return plan;
    case 'erasure': {
      plan.recipients = recipients();
      if (person && holdInForce(person, today)) {
        // GDPR 17(3)(b): kept while the law says so, restricted meanwhile, deleted by the sweep after the hold.
        plan.scheduled = { until: person.legalHoldUntil, reason: person.legalHoldReason };
        plan.entries = [entry('restrict', ['restrictedAt'])];
        plan.extra = erasureScheduleProperty({ customerNumber: number, until: person.legalHoldUntil, requestId: request.id, at: now });
        plan.apply = () => restrictOnce(ctx, person, request.id, found);
      } else {
        // Only the number and the reason stay: the log never held values.
        plan.entries = [entry('delete', ['erasureRequest'])];
        const rows = rowsOf(ctx, found, number);
        plan.apply = () => deleteRecord(ctx, rows, number, now);
      }
      return plan;
    }
    case 'rectification': {
      const fields = loggedEdits(ctx, request.id, number);
      if (!fields.length) refuse(ctx, 'fulfilRectificationNothing');
      plan.fields = fields;
      plan.recipients = recipients();
      return plan;
    }
    case 'consent':
      if (outsideEea) {
        plan.entries = [entry('update', ['outsideEeaTransferRequest'])];
        // The person as read by this attempt: a retry after the change landed finds it done.
        plan.apply = () => {
          if (person!.outsideEeaTransferRequest !== request.id) {
            updateCustomerIn(ctx, number, null, { outsideEeaTransferRequest: request.id }, 'update', true, request.id, { log: false, found: found ?? undefined });
          }
        };
      }
      return plan;
    case 'other':
      return plan;
  }
}

/** Restricts processing unless it already is (the person as this attempt read them: a retry finds it done). */
function restrictOnce(ctx: CallContext, person: Customer, requestId: string, found: Located | null): void {
  if (person.restrictedAt) return;
  updateCustomerIn(ctx, person.customerNumber, null, { restrictedAt: ctx.now }, 'restrict', true, requestId, { log: false, found: found ?? undefined });
}
