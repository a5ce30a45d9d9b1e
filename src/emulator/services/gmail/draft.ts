/**
 * GmailDraft: a draft of the account, updated, sent (then it counts its recipients) or deleted.
 */
import { addressList } from './model';
import { Ctx, GDraft, GMessage, Options } from './context';
import { DraftMessage } from './draft-message';

export class DraftImpl implements Pick<GDraft, 'getId' | 'getMessage' | 'getMessageId' | 'send' | 'deleteDraft' | 'update'> {
  constructor(
    private readonly ctx: Ctx,
    readonly id: string,
  ) {}

  private rec() {
    const d = this.ctx.mail.drafts.get(this.id);
    if (!d) throw this.ctx.error('Invalid argument: draft (it was sent or deleted)');
    return d;
  }

  getId(): string {
    this.ctx.free('GmailDraft.getId');
    return this.id;
  }

  getMessageId(): string {
    this.ctx.free('GmailDraft.getMessageId');
    return this.rec().message.id;
  }

  getMessage(): GMessage {
    this.ctx.op('GmailDraft.getMessage', 1);
    return new DraftMessage(this.ctx, this.rec().message) as unknown as GMessage;
  }

  send(): GMessage {
    this.ctx.op('GmailDraft.send');
    const d = this.rec();
    const m = d.message;
    const recipients = [m.to, m.cc, m.bcc].flatMap(addressList).length;
    if (recipients === 0) throw this.ctx.error('Invalid argument: recipient');
    this.ctx.chargeRecipients(recipients);
    const sent = this.ctx.mail.addSent({ ...m, threadId: m.threadId || undefined, date: this.ctx.exec.now() });
    this.ctx.mail.drafts.delete(this.id);
    return this.ctx.message(sent.id);
  }

  deleteDraft(): void {
    this.ctx.op('GmailDraft.deleteDraft');
    this.rec();
    this.ctx.mail.drafts.delete(this.id);
  }

  update(recipient: string, subject: string, body: string, options?: Options): GDraft {
    this.ctx.op('GmailDraft.update');
    const opts = this.ctx.checkOptions(options, 'GmailDraft.update');
    const d = this.rec();
    d.message = {
      ...d.message,
      from: this.ctx.fromLine(opts),
      to: String(recipient),
      subject: String(subject),
      body: String(body),
      htmlBody: opts?.htmlBody,
      cc: opts?.cc ?? '',
      bcc: opts?.bcc ?? '',
      replyTo: opts?.replyTo ?? '',
      attachments: this.ctx.attachmentsOf(opts, 'GmailDraft.update'),
      date: this.ctx.exec.now(),
    };
    return this as unknown as GDraft;
  }
}

