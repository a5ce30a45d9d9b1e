/**
 * The reply a fulfilment drafts, per right and outcome, in the request's language (fi, sv, en):
 * what was done (or why not, with the right to complain to Tietosuojavaltuutettu and to a
 * court), the GDPR 19 recipients told of an erasure, rectification or restriction, the fields
 * rectified, the attachments, and the controller's signature with the request's reference.
 * Pure: plain data in, `{subject, body, htmlBody}` out; the HTML is the same text escaped.
 */
import type { Controller } from '../settings';
import type { CustomerField } from '../customer';
import { REGISTER_TAB } from '../schema';
import { OMBUDSMAN, REPLY_TEXTS } from '../texts/fulfil';
import type { RequestLanguage, RequestType, RightOutcome } from './model';
import { escapeHtml, showDate, showInstant } from './access-copy';

export interface ReplyInput {
  language: RequestLanguage;
  requestId: string;
  /** ISO instant the request arrived. */
  receivedAt: string;
  timeZone: string;
  controller: Controller;
  right: RequestType;
  outcome: RightOutcome;
  /** A decline's reason (told to the person), or staff's note on a fulfilment. */
  reason?: string;
  /** Erasure under a legal hold: restricted now, deleted when the hold ends. */
  scheduled?: { until: string; reason: string };
  /** GDPR 19: the disclosure log's recipients, told of an erasure, rectification or restriction. */
  recipients?: readonly string[];
  /** Rectification: the fields changed. */
  fields?: readonly CustomerField[];
  /** Names of the attached files. */
  attachments?: readonly string[];
}

export interface Reply {
  /** For a new mail (a case with no Gmail thread); a reply in the thread keeps the thread's subject. */
  subject: string;
  body: string;
  htmlBody: string;
}

const fill = (s: string, params: Record<string, string>) => s.replace(/\{(\w+)\}/g, (m, k: string) => (k in params ? params[k] : m));

/** The reply's paragraphs, in order (each one line of plain text). */
export function replyParagraphs(input: ReplyInput): string[] {
  const t = REPLY_TEXTS[input.language];
  const received = showInstant(input.receivedAt, input.timeZone, input.language).split(' ')[0];
  const out = [t.greeting, fill(t.opening, { received })];
  if (input.outcome === 'declined') {
    out.push(fill(t.declined, { right: t.rightNames[input.right], reason: (input.reason ?? '').trim() }));
    out.push(fill(t.complaint, { ombudsman: OMBUDSMAN[input.language] }));
  } else {
    if (input.right === 'erasure' && input.scheduled) {
      out.push(fill(t.erasureScheduled, { until: showDate(input.scheduled.until), reason: input.scheduled.reason || '–' }));
    } else {
      out.push(t.fulfilled[input.right]);
    }
    if (input.right === 'rectification' && input.fields?.length) {
      const labels = input.fields.map((f) => REGISTER_TAB.columns.find((c) => c.key === f)?.header[input.language] ?? f);
      out.push(fill(t.rectifiedFields, { fields: labels.join(', ') }));
    }
    const told = ['erasure', 'rectification', 'restriction'].includes(input.right) ? [...new Set(input.recipients ?? [])] : [];
    if (told.length) out.push(fill(t.recipientsInformed, { recipients: told.join(', ') }));
    if (input.reason && input.reason.trim()) out.push(`${t.note}: ${input.reason.trim()}`);
    if (input.attachments?.length) out.push(`${t.attachments}: ${input.attachments.join(', ')}`);
  }
  return out;
}

/** The signature: closing words, the controller, and the request's reference. */
function signature(input: ReplyInput): string[] {
  const t = REPLY_TEXTS[input.language];
  const k = input.controller;
  return [t.closing, k.name, k.address, k.email, `${t.reference}: ${input.requestId}`];
}

/** The reply draft: plain text and the same as escaped HTML. */
export function draftReply(input: ReplyInput): Reply {
  const paragraphs = replyParagraphs(input);
  const sign = signature(input);
  const body = [...paragraphs, sign.join('\n')].join('\n\n') + '\n';
  const htmlBody = [...paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`), `<p>${sign.map(escapeHtml).join('<br>')}</p>`].join('\n');
  return { subject: fill(REPLY_TEXTS[input.language].subject, { id: input.requestId }), body, htmlBody };
}
