/**
 * What every sent mail goes through, whether GmailApp or MailApp sends it: address validation,
 * the per-message limits and the ONE daily recipient quota both services draw on (drafts do not
 * count until they are sent). Limits and messages from "Quotas for Google Services"
 * (https://developers.google.com/apps-script/guides/services/quotas, "Current limitations"):
 * 50 recipients a message, 250 attachments a message, 25 MB of attachments a message, a body of
 * 200 KB (consumer) or 400 KB (Workspace); past them Apps Script throws "Limit Exceeded: …".
 */
import type { Execution } from '../../execution';
import { readBlob } from '../utilities';
import { AttachmentRec, Header, headerOf, isConsumerAccount, MessageRec } from './model';

export const MAX_RECIPIENTS_PER_MESSAGE = 50;
export const MAX_ATTACHMENTS_PER_MESSAGE = 250;
export const MAX_ATTACHMENTS_BYTES = 25 * 1024 * 1024;

/** What a script writes into a message (a sent one or a draft): addresses, subject, bodies, attachments; `from` is the account's From line. */
export type Composed = Pick<MessageRec, 'from' | 'to' | 'cc' | 'bcc' | 'replyTo' | 'subject' | 'body' | 'htmlBody' | 'attachments'>;

/** What a script asks to send. */
export interface Outgoing extends Composed {
  threadId?: string;
  inReplyTo?: MessageRec;
  /** Headers the message already has (a sent draft's In-Reply-To …). */
  headers?: Header[];
}

/** `headers` with In-Reply-To and References naming `inReplyTo` added, unless they already have an In-Reply-To. */
export function replyHeaders(inReplyTo: MessageRec | undefined, headers: readonly Header[] = []): Header[] {
  const out = [...headers];
  const ref = inReplyTo ? headerOf(inReplyTo.headers, 'Message-ID') : undefined;
  if (ref && headerOf(out, 'In-Reply-To') === undefined) out.push(['In-Reply-To', ref], ['References', ref]);
  return out;
}

/** The entries of a comma-separated address list, as written. */
function entries(list: string): string[] {
  return list
    .split(',')
    .map((a) => a.trim())
    .filter((a) => a !== '');
}

/** A plain addr-spec, or "Name <addr-spec>". */
const ADDRESS = /^[^\s@<>(),;:"[\]\\]+@[^\s@<>(),;:"[\]\\]+\.[^\s@<>(),;:"[\]\\]+$/;

export function isValidAddress(entry: string): boolean {
  const m = /^(.*)<([^<>]*)>\s*$/.exec(entry);
  return ADDRESS.test((m ? m[2] : entry).trim());
}

/**
 * Throws Apps Script's "Invalid email: x" for the first malformed address of the lists (as
 * GmailApp and MailApp do), then returns how many recipients the message has.
 */
export function checkRecipients(exec: Execution, lists: string[]): number {
  let n = 0;
  for (const list of lists) {
    for (const entry of entries(list)) {
      if (!isValidAddress(entry)) throw exec.guest.error(`Invalid email: ${entry}`);
      n += 1;
    }
  }
  return n;
}

/** Attachments given as BlobSources (Blob, GmailAttachment, File …) become records. */
export function attachmentRecs(exec: Execution, list: unknown, method: string): AttachmentRec[] {
  if (list === undefined || list === null) return [];
  if (!Array.isArray(list)) throw exec.guest.error(`Invalid argument: attachments (${method})`);
  return list.map((a) => {
    const blob = readBlob(a);
    if (!blob) throw exec.guest.error(`Invalid argument: attachments (${method})`);
    return { name: blob.name, contentType: blob.contentType || 'application/octet-stream', data: blob.bytes.toString('base64') };
  });
}

/**
 * Checks a message against the limits and charges its recipients to the day's quota; throws
 * before anything is sent. Returns the message record the account's Sent mail gets.
 */
export function send(exec: Execution, out: Outgoing): MessageRec {
  const mail = exec.world.mail;
  const recipients = checkRecipients(exec, [out.to, out.cc, out.bcc]);
  if (recipients === 0) throw exec.guest.error('Invalid argument: recipient');
  if (out.replyTo !== '') checkRecipients(exec, [out.replyTo]);
  if (recipients > MAX_RECIPIENTS_PER_MESSAGE) throw exec.guest.error('Limit Exceeded: Email Recipients Per Message.');
  if (out.attachments.length > MAX_ATTACHMENTS_PER_MESSAGE) throw exec.guest.error('Limit Exceeded: Email Attachments Per Message.');
  const bytes = out.attachments.reduce((n, a) => n + Buffer.from(a.data, 'base64').length, 0);
  if (bytes > MAX_ATTACHMENTS_BYTES) throw exec.guest.error('Limit Exceeded: Email Total Attachments Size.');
  const bodyLimit = (isConsumerAccount(mail.owner) ? 200 : 400) * 1024;
  if (Buffer.byteLength(out.body) + Buffer.byteLength(out.htmlBody ?? '') > bodyLimit) throw exec.guest.error('Limit Exceeded: Email Body Size.');
  const quota = mail.rollQuota(exec.now());
  if (quota.recipients + recipients > mail.dailyRecipients) throw exec.guest.error('Service invoked too many times for one day: email.');
  quota.recipients += recipients;
  const headers = replyHeaders(out.inReplyTo, out.headers);
  return mail.addSent({
    threadId: out.threadId,
    from: out.from,
    to: out.to,
    cc: out.cc,
    bcc: out.bcc,
    replyTo: out.replyTo,
    subject: out.subject,
    body: out.body,
    htmlBody: out.htmlBody,
    headers,
    date: exec.now(),
    attachments: out.attachments,
  });
}

/** What the account may still send today (MailApp.getRemainingDailyQuota). */
export function remainingRecipients(exec: Execution): number {
  const mail = exec.world.mail;
  return Math.max(0, mail.dailyRecipients - mail.rollQuota(exec.now()).recipients);
}
