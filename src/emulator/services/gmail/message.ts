/**
 * GmailMessage: one message of a thread (or the message of a draft), its fields, body, headers
 * and attachments, and the replies and state changes made from it.
 *
 * Cost (APPS-SCRIPT.md, "Message content costs a round trip"): after a batch read
 * (getMessagesForThreads, getMessages) the metadata is at hand and its getters are free: id,
 * from, to, cc, bcc, reply-to, subject, date, thread, state. The content is fetched when asked:
 * getPlainBody, getBody, getRawContent, getHeader and getAttachments are Gmail reads of their own
 * (50 ms each, counted and fault-able).
 */
import { headerOf, MessageRec, plainBodyOf } from './model';
import { AttachmentImpl } from './attachment';
import { Ctx, escapeHtml, GAttachment, GDraft, GMessage, GThread, Options, ReplyOptions } from './context';
import { makeDraft, replyAllFields, replyFields, sendMessage } from './send';

export class MessageImpl
  implements
    Pick<
      GMessage,
      | 'getId' | 'getThread' | 'getFrom' | 'getTo' | 'getCc' | 'getBcc' | 'getReplyTo' | 'getSubject' | 'getPlainBody' | 'getBody'
      | 'getDate' | 'getHeader' | 'getAttachments' | 'isUnread' | 'markRead' | 'markUnread' | 'moveToTrash' | 'isInTrash'
      | 'isInInbox' | 'isDraft' | 'createDraftReply' | 'createDraftReplyAll' | 'reply' | 'replyAll' | 'getRawContent' | 'refresh'
    >
{
  constructor(
    private readonly ctx: Ctx,
    readonly id: string,
    /** Set for the message of a draft (GmailDraft.getMessage). */
    private readonly draftId?: string,
  ) {}

  /** The record behind this handle (the draft's message for a draft). */
  record(): MessageRec {
    if (this.draftId !== undefined) {
      const d = this.ctx.mail.drafts.get(this.draftId);
      if (!d) throw this.ctx.error('Invalid argument: draft (it was sent or deleted)');
      return d.message;
    }
    return this.ctx.messageRec(this.id);
  }

  private get(key: string): MessageRec {
    this.ctx.free(`GmailMessage.${key}`);
    return this.record();
  }

  private content(key: string): MessageRec {
    this.ctx.content(`GmailMessage.${key}`);
    return this.record();
  }

  getId(): string {
    this.ctx.free('GmailMessage.getId');
    return this.id;
  }

  getThread(): GThread {
    const m = this.get('getThread');
    // A draft of a new message is in no thread yet.
    return (m.threadId && this.ctx.mail.threads.has(m.threadId) ? this.ctx.thread(m.threadId) : null) as GThread;
  }

  getFrom(): string {
    return this.get('getFrom').from;
  }

  getTo(): string {
    return this.get('getTo').to;
  }

  getCc(): string {
    return this.get('getCc').cc;
  }

  getBcc(): string {
    return this.get('getBcc').bcc;
  }

  getReplyTo(): string {
    const m = this.get('getReplyTo');
    return m.replyTo || m.from;
  }

  getSubject(): string {
    return this.get('getSubject').subject;
  }

  /** "The content of the body of this message without HTML formatting": an HTML-only mail as text. */
  getPlainBody(): string {
    return plainBodyOf(this.content('getPlainBody'));
  }

  getBody(): string {
    const m = this.content('getBody');
    return m.htmlBody ?? escapeHtml(m.body).replace(/\r?\n/g, '<br>');
  }

  getDate(): GoogleAppsScript.Base.Date {
    return this.ctx.exec.guest.date(this.get('getDate').date);
  }

  /** The topmost header of that name, "" when there is none. */
  getHeader(name: string): string {
    return headerOf(this.content('getHeader').headers, String(name)) ?? '';
  }

  getAttachments(): GAttachment[] {
    const m = this.content('getAttachments');
    return this.ctx.exec.guest.array(
      m.attachments.map((a) => new AttachmentImpl(this.ctx, Buffer.from(a.data, 'base64'), a.contentType, a.name) as unknown as GAttachment),
    );
  }

  isUnread(): boolean {
    return this.get('isUnread').unread;
  }

  isInTrash(): boolean {
    return this.get('isInTrash').trashed;
  }

  isInInbox(): boolean {
    const m = this.get('isInInbox');
    return m.inbox && !m.trashed;
  }

  isDraft(): boolean {
    this.get('isDraft');
    return this.draftId !== undefined;
  }

  markRead(): GMessage {
    this.ctx.op('GmailMessage.markRead');
    this.record().unread = false;
    return this as unknown as GMessage;
  }

  markUnread(): GMessage {
    this.ctx.op('GmailMessage.markUnread');
    this.record().unread = true;
    return this as unknown as GMessage;
  }

  moveToTrash(): GMessage {
    this.ctx.op('GmailMessage.moveToTrash');
    this.record().trashed = true;
    return this as unknown as GMessage;
  }

  /** "Reloads this message and associated state from Gmail": a Gmail call; handles read live. */
  refresh(): GMessage {
    this.ctx.op('GmailMessage.refresh', 1);
    this.record();
    return this as unknown as GMessage;
  }

  createDraftReply(body: string, options?: ReplyOptions): GDraft {
    this.ctx.op('GmailMessage.createDraftReply');
    const opts = this.ctx.checkOptions(options, 'GmailMessage.createDraftReply') as ReplyOptions | undefined;
    const m = this.record();
    const { to, subject } = replyFields(m, opts);
    return makeDraft(this.ctx, { to, subject, body: String(body) }, opts, m.threadId, m);
  }

  createDraftReplyAll(body: string, options?: ReplyOptions): GDraft {
    this.ctx.op('GmailMessage.createDraftReplyAll');
    const opts = this.ctx.checkOptions(options, 'GmailMessage.createDraftReplyAll') as ReplyOptions | undefined;
    const m = this.record();
    const { to, cc, subject } = replyAllFields(this.ctx, m, opts);
    return makeDraft(this.ctx, { to, cc, subject, body: String(body) }, opts, m.threadId, m);
  }

  reply(body: string, options?: Options): GMessage {
    this.ctx.op('GmailMessage.reply');
    const opts = this.ctx.checkOptions(options, 'GmailMessage.reply');
    const m = this.record();
    const { to, subject } = replyFields(m);
    sendMessage(this.ctx, { to, subject, body: String(body), threadId: m.threadId, inReplyTo: m }, opts);
    return this as unknown as GMessage;
  }

  replyAll(body: string, options?: Options): GMessage {
    this.ctx.op('GmailMessage.replyAll');
    const opts = this.ctx.checkOptions(options, 'GmailMessage.replyAll');
    const m = this.record();
    const { to, cc, subject } = replyAllFields(this.ctx, m, opts as ReplyOptions | undefined);
    sendMessage(this.ctx, { to, cc, subject, body: String(body), threadId: m.threadId, inReplyTo: m }, opts);
    return this as unknown as GMessage;
  }

  /** The message as RFC 822 text: its headers in order, then a MIME body of its parts. */
  getRawContent(): string {
    return rawContent(this.content('getRawContent'));
  }
}

const CRLF = '\r\n';

function base64Lines(data: string): string {
  return (data.match(/.{1,76}/g) ?? []).join(CRLF);
}

/** A plain MIME rendering: text/plain, multipart/alternative with HTML, multipart/mixed with attachments. */
export function rawContent(m: MessageRec): string {
  const head = m.headers.map(([k, v]) => `${k}: ${v}`).join(CRLF);
  const text = (type: string, body: string) => `Content-Type: ${type}; charset="UTF-8"${CRLF}${CRLF}${body}`;
  let body: string;
  if (m.htmlBody !== undefined && m.body === '') body = text('text/html', m.htmlBody);
  else if (m.htmlBody !== undefined) {
    const b = `alt_${m.id}`;
    body = `Content-Type: multipart/alternative; boundary="${b}"${CRLF}${CRLF}--${b}${CRLF}${text('text/plain', m.body)}${CRLF}--${b}${CRLF}${text('text/html', m.htmlBody)}${CRLF}--${b}--`;
  } else body = text('text/plain', m.body);
  if (m.attachments.length > 0) {
    const b = `mix_${m.id}`;
    const parts = m.attachments.map(
      (a) =>
        `--${b}${CRLF}Content-Type: ${a.contentType}; name="${a.name}"${CRLF}Content-Disposition: attachment; filename="${a.name}"${CRLF}` +
        `Content-Transfer-Encoding: base64${CRLF}${CRLF}${base64Lines(a.data)}`,
    );
    body = `Content-Type: multipart/mixed; boundary="${b}"${CRLF}${CRLF}--${b}${CRLF}${body}${CRLF}${parts.join(CRLF)}${CRLF}--${b}--`;
  }
  return `${head}${CRLF}MIME-Version: 1.0${CRLF}${body}`;
}
