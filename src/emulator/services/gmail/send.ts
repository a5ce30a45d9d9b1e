/**
 * Replying and drafting shared by GmailApp, GmailThread, GmailMessage and GmailDraft: reply
 * addressing (reply and reply-all), the message a thread-level reply answers, and the records a
 * draft or a sent message becomes. Sending itself goes through outgoing.ts, which MailApp shares.
 */
import { addressList, bareAddress, MessageRec, ThreadRec } from './model';
import { Composed, replyHeaders, send } from './outgoing';
import type { Ctx, GDraft, Options, ReplyOptions } from './context';

/** A reply to `m`: to its Reply-To or sender, subject "Re: …" unless it already is one. */
export function replyFields(m: MessageRec, options?: ReplyOptions): { to: string; subject: string } {
  const to = m.sent ? m.to : m.replyTo || m.from;
  const subject = options?.subject ?? (/^\s*re\s*:/i.test(m.subject) ? m.subject : `Re: ${m.subject}`);
  return { to, subject };
}

/**
 * A reply to all: to the sender (or Reply-To), copied to everyone else on To and Cc except the
 * account itself (GmailMessage.replyAll: "Replies to the sender, using the reply-to address if
 * available, and all recipients of this message").
 */
export function replyAllFields(ctx: Ctx, m: MessageRec, options?: ReplyOptions): { to: string; cc: string; subject: string } {
  const { to, subject } = replyFields(m, options);
  const skip = new Set([bareAddress(ctx.mail.owner), ...addressList(to)]);
  const cc: string[] = [];
  for (const entry of [m.to, m.cc].flatMap((l) => l.split(',').map((a) => a.trim()).filter(Boolean))) {
    const bare = bareAddress(entry);
    if (skip.has(bare)) continue;
    skip.add(bare);
    cc.push(entry);
  }
  if (options?.cc) cc.push(options.cc);
  return { to, cc: cc.join(', '), subject };
}

/** The message a thread-level reply answers: the newest one not in trash. */
export function lastMessage(ctx: Ctx, t: ThreadRec): MessageRec {
  const msgs = ctx.mail.threadMessages(t).filter((m) => !m.trashed);
  const all = msgs.length ? msgs : ctx.mail.threadMessages(t);
  return all[all.length - 1];
}

/**
 * What the script wrote, as a message holds it: the given fields, the rest from `options` (a
 * field's own cc wins over options.cc: reply-all's computed list), the account's From line, and
 * the attachments `method` reads.
 */
export function composed(
  ctx: Ctx,
  fields: { to: string; cc?: string; subject: string; body: string },
  options: Options | undefined,
  method: string,
): Composed {
  return {
    from: ctx.fromLine(options),
    to: fields.to,
    cc: fields.cc ?? options?.cc ?? '',
    bcc: options?.bcc ?? '',
    replyTo: options?.replyTo ?? '',
    subject: fields.subject,
    body: fields.body,
    htmlBody: options?.htmlBody,
    attachments: ctx.attachmentsOf(options, method),
  };
}

export function makeDraft(
  ctx: Ctx,
  fields: { to: string; cc?: string; subject: string; body: string },
  options: Options | undefined,
  threadId: string,
  inReplyTo?: MessageRec,
): GDraft {
  const now = ctx.exec.now();
  const id = ctx.mail.newDraftId(now);
  ctx.mail.drafts.set(id, {
    id,
    message: {
      id: ctx.mail.newId(now),
      threadId,
      ...composed(ctx, fields, options, 'createDraft'),
      headers: replyHeaders(inReplyTo),
      date: now,
      unread: false,
      trashed: false,
      inbox: false,
      sent: false,
      labels: [],
    },
  });
  return ctx.draft(id);
}

/** Sends from GmailApp (sendEmail, reply, replyAll): the limits and quota of outgoing.ts apply. */
export function sendMessage(
  ctx: Ctx,
  fields: { to: string; cc?: string; subject: string; body: string; threadId?: string; inReplyTo?: MessageRec },
  options?: Options,
): MessageRec {
  return send(ctx.exec, {
    ...composed(ctx, fields, options, 'sendEmail'),
    threadId: fields.threadId,
    inReplyTo: fields.inReplyTo,
  });
}
