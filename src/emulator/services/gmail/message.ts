/**
 * GmailMessage: one message of a thread, its fields, body, headers and attachments, and the
 * replies and state changes made from it.
 */
import { BlobImpl } from '../utilities';
import { headerOf, MessageRec } from './model';
import { Ctx, escapeHtml, GAttachment, GDraft, GMessage, GThread, Options, ReplyOptions } from './context';
import { makeDraft, replyFields, sendMessage } from './send';

export class MessageImpl
  implements
    Pick<
      GMessage,
      | 'getId' | 'getThread' | 'getFrom' | 'getTo' | 'getCc' | 'getBcc' | 'getReplyTo' | 'getSubject' | 'getPlainBody' | 'getBody'
      | 'getDate' | 'getHeader' | 'getAttachments' | 'isUnread' | 'markRead' | 'markUnread' | 'moveToTrash' | 'isInTrash'
      | 'isInInbox' | 'isDraft' | 'createDraftReply' | 'reply' | 'getRawContent'
    >
{
  constructor(
    private readonly ctx: Ctx,
    readonly id: string,
  ) {}

  private rec(): MessageRec {
    return this.ctx.messageRec(this.id);
  }

  private get(key: string): MessageRec {
    this.ctx.free(`GmailMessage.${key}`);
    return this.rec();
  }

  getId(): string {
    this.ctx.free('GmailMessage.getId');
    return this.id;
  }

  getThread(): GThread {
    return this.ctx.thread(this.get('getThread').threadId);
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

  getPlainBody(): string {
    const m = this.get('getPlainBody');
    return m.htmlBody !== undefined && m.body === '' ? m.htmlBody.replace(/<[^>]*>/g, '') : m.body;
  }

  getBody(): string {
    const m = this.get('getBody');
    return m.htmlBody ?? escapeHtml(m.body).replace(/\r?\n/g, '<br>');
  }

  getDate(): GoogleAppsScript.Base.Date {
    return this.ctx.exec.guest.date(this.get('getDate').date);
  }

  getHeader(name: string): string {
    return headerOf(this.get('getHeader').headers, String(name));
  }

  getAttachments(): GAttachment[] {
    const m = this.get('getAttachments');
    return this.ctx.exec.guest.array(
      m.attachments.map(
        (a) => new BlobImpl(this.ctx.exec, Buffer.from(a.data, 'base64'), a.contentType, a.name) as unknown as GAttachment,
      ),
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
    return false;
  }

  markRead(): GMessage {
    this.ctx.op('GmailMessage.markRead');
    this.rec().unread = false;
    return this as unknown as GMessage;
  }

  markUnread(): GMessage {
    this.ctx.op('GmailMessage.markUnread');
    this.rec().unread = true;
    return this as unknown as GMessage;
  }

  moveToTrash(): GMessage {
    this.ctx.op('GmailMessage.moveToTrash');
    this.rec().trashed = true;
    return this as unknown as GMessage;
  }

  createDraftReply(body: string, options?: ReplyOptions): GDraft {
    this.ctx.op('GmailMessage.createDraftReply');
    const opts = this.ctx.checkOptions(options, 'GmailMessage.createDraftReply') as ReplyOptions | undefined;
    const m = this.rec();
    const { to, subject } = replyFields(this.ctx, m, opts);
    return makeDraft(this.ctx, to, subject, String(body), opts, m.threadId, m);
  }

  reply(body: string, options?: Options): GMessage {
    this.ctx.op('GmailMessage.reply');
    const opts = this.ctx.checkOptions(options, 'GmailMessage.reply');
    const m = this.rec();
    const { to, subject } = replyFields(this.ctx, m);
    sendMessage(this.ctx, { to, subject, body: String(body), threadId: m.threadId, inReplyTo: m }, opts);
    return this as unknown as GMessage;
  }

  getRawContent(): string {
    this.ctx.op('GmailMessage.getRawContent', 1);
    const m = this.rec();
    const head = Object.entries(m.headers).map(([k, v]) => `${k}: ${v}`);
    return `${head.join('\r\n')}\r\nContent-Type: text/plain; charset="UTF-8"\r\n\r\n${m.body}`;
  }
}
