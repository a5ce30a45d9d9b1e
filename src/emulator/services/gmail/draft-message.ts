/**
 * The GmailMessage of a draft: readable, not yet in any thread.
 */
import { BlobImpl } from '../utilities';
import type { MessageRec } from './model';
import { Ctx, escapeHtml, GAttachment, GMessage } from './context';

/** The message of a draft: readable, not yet in any thread. */
export class DraftMessage implements Pick<GMessage, 'getId' | 'getTo' | 'getSubject' | 'getPlainBody' | 'getBody' | 'getFrom' | 'isDraft' | 'getAttachments'> {
  constructor(
    private readonly ctx: Ctx,
    private readonly m: MessageRec,
  ) {}

  getId(): string {
    this.ctx.free('GmailMessage.getId');
    return this.m.id;
  }

  getTo(): string {
    this.ctx.free('GmailMessage.getTo');
    return this.m.to;
  }

  getFrom(): string {
    this.ctx.free('GmailMessage.getFrom');
    return this.m.from;
  }

  getSubject(): string {
    this.ctx.free('GmailMessage.getSubject');
    return this.m.subject;
  }

  getPlainBody(): string {
    this.ctx.free('GmailMessage.getPlainBody');
    return this.m.body;
  }

  getBody(): string {
    this.ctx.free('GmailMessage.getBody');
    return this.m.htmlBody ?? escapeHtml(this.m.body).replace(/\r?\n/g, '<br>');
  }

  isDraft(): boolean {
    this.ctx.free('GmailMessage.isDraft');
    return true;
  }

  getAttachments(): GAttachment[] {
    this.ctx.free('GmailMessage.getAttachments');
    return this.ctx.exec.guest.array(
      this.m.attachments.map((a) => new BlobImpl(this.ctx.exec, Buffer.from(a.data, 'base64'), a.contentType, a.name) as unknown as GAttachment),
    );
  }
}
