/**
 * GmailDraft: a draft of the account, updated, sent (then it counts its recipients against the
 * daily quota, as any sent mail does) or deleted. Its message is a GmailMessage like any other.
 */
import { send } from './outgoing';
import { composed } from './send';
import { Ctx, GDraft, GMessage, Options } from './context';

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
    this.rec();
    return this.ctx.draftMessage(this.id);
  }

  send(): GMessage {
    this.ctx.op('GmailDraft.send');
    const m = this.rec().message;
    const sent = send(this.ctx.exec, { ...m, threadId: m.threadId || undefined });
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
      ...composed(this.ctx, { to: String(recipient), subject: String(subject), body: String(body) }, opts, 'GmailDraft.update'),
      date: this.ctx.exec.now(),
    };
    return this as unknown as GDraft;
  }
}
