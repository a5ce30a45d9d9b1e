/**
 * Sending and drafting shared by GmailApp, GmailThread, GmailMessage and GmailDraft: reply
 * addressing, the message a thread-level reply answers, and the records a draft or a sent
 * message becomes.
 */
import { addressList, headerOf, MessageRec, ThreadRec } from './model';
import type { Ctx, GDraft, Options, ReplyOptions } from './context';

/** A reply to `m`: to its Reply-To or sender, subject "Re: …" unless it already is one. */
export function replyFields(ctx: Ctx, m: MessageRec, options?: ReplyOptions): { to: string; subject: string } {
  const to = m.sent ? m.to : m.replyTo || m.from;
  const subject = options?.subject ?? (/^\s*re\s*:/i.test(m.subject) ? m.subject : `Re: ${m.subject}`);
  void ctx;
  return { to, subject };
}

/** The message a thread-level reply answers: the newest one not in trash. */
export function lastMessage(ctx: Ctx, t: ThreadRec): MessageRec {
  const msgs = ctx.mail.threadMessages(t).filter((m) => !m.trashed);
  const all = msgs.length ? msgs : ctx.mail.threadMessages(t);
  return all[all.length - 1];
}

export function makeDraft(ctx: Ctx, to: string, subject: string, body: string, options: Options | undefined, threadId: string, inReplyTo?: MessageRec): GDraft {
  const now = ctx.exec.now();
  const id = ctx.mail.newDraftId(now);
  const headers: Record<string, string> = {};
  if (inReplyTo) {
    const ref = headerOf(inReplyTo.headers, 'Message-ID');
    if (ref) {
      headers['In-Reply-To'] = ref;
      headers.References = ref;
    }
  }
  ctx.mail.drafts.set(id, {
    id,
    message: {
      id: ctx.mail.newId(now),
      threadId,
      from: ctx.fromLine(options),
      to,
      cc: options?.cc ?? '',
      bcc: options?.bcc ?? '',
      replyTo: options?.replyTo ?? '',
      subject,
      body,
      htmlBody: options?.htmlBody,
      headers,
      date: now,
      unread: false,
      trashed: false,
      inbox: false,
      sent: false,
      attachments: ctx.attachmentsOf(options, 'createDraft'),
    },
  });
  return ctx.draft(id);
}

export function sendMessage(ctx: Ctx, fields: { to: string; subject: string; body: string; threadId?: string; inReplyTo?: MessageRec }, options?: Options): MessageRec {
  const recipients = [fields.to, options?.cc ?? '', options?.bcc ?? ''].flatMap(addressList).length;
  if (recipients === 0) throw ctx.error('Invalid argument: recipient');
  const attachments = ctx.attachmentsOf(options, 'sendEmail');
  ctx.chargeRecipients(recipients);
  const headers: Record<string, string> = {};
  const ref = fields.inReplyTo ? headerOf(fields.inReplyTo.headers, 'Message-ID') : '';
  if (ref) {
    headers['In-Reply-To'] = ref;
    headers.References = ref;
  }
  return ctx.mail.addSent({
    threadId: fields.threadId,
    from: ctx.fromLine(options),
    to: fields.to,
    cc: options?.cc ?? '',
    bcc: options?.bcc ?? '',
    replyTo: options?.replyTo ?? '',
    subject: fields.subject,
    body: fields.body,
    htmlBody: options?.htmlBody,
    headers,
    date: ctx.exec.now(),
    attachments,
  });
}

