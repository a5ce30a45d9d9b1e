/**
 * GmailLabel: a user label, added to and removed from threads, its threads and unread count.
 */
import { Ctx, describe, GLabel, GThread, MAX_LABEL_BATCH } from './context';

export class LabelImpl
  implements Pick<GLabel, 'getName' | 'addToThreads' | 'removeFromThreads' | 'addToThread' | 'removeFromThread' | 'getThreads' | 'getUnreadCount' | 'deleteLabel'>
{
  constructor(
    private readonly ctx: Ctx,
    readonly name: string,
  ) {}

  private present(): void {
    if (!this.ctx.mail.labels.includes(this.name)) throw this.ctx.error('Invalid argument: label');
  }

  getName(): string {
    this.ctx.free('GmailLabel.getName');
    return this.name;
  }

  private batch(method: 'addToThreads' | 'removeFromThreads', threads: unknown, add: boolean): GLabel {
    this.ctx.op(`GmailLabel.${method}`);
    if (!Array.isArray(threads)) throw this.ctx.error(`The parameters (${describe(threads)}) don't match the method signature for GmailLabel.${method}.`);
    if (threads.length > MAX_LABEL_BATCH) {
      throw this.ctx.error(`Invalid argument: too many threads (${threads.length}); GmailLabel.${method} takes at most ${MAX_LABEL_BATCH}`);
    }
    this.present();
    const recs = threads.map((t) => this.ctx.threadArg(t, `GmailLabel.${method}`));
    for (const t of recs) {
      if (add && !t.labels.includes(this.name)) t.labels.push(this.name);
      if (!add) t.labels = t.labels.filter((l) => l !== this.name);
    }
    return this as unknown as GLabel;
  }

  addToThreads(threads: GThread[]): GLabel {
    return this.batch('addToThreads', threads, true);
  }

  removeFromThreads(threads: GThread[]): GLabel {
    return this.batch('removeFromThreads', threads, false);
  }

  addToThread(thread: GThread): GLabel {
    this.ctx.op('GmailLabel.addToThread');
    this.present();
    const t = this.ctx.threadArg(thread, 'GmailLabel.addToThread');
    if (!t.labels.includes(this.name)) t.labels.push(this.name);
    return this as unknown as GLabel;
  }

  removeFromThread(thread: GThread): GLabel {
    this.ctx.op('GmailLabel.removeFromThread');
    this.present();
    const t = this.ctx.threadArg(thread, 'GmailLabel.removeFromThread');
    t.labels = t.labels.filter((l) => l !== this.name);
    return this as unknown as GLabel;
  }

  getThreads(start?: number, max?: number): GThread[] {
    const ctx = this.ctx;
    const all = [...ctx.mail.threads.values()]
      .filter((t) => t.labels.includes(this.name) && ctx.mail.threadMessages(t).some((m) => !m.trashed))
      .sort((a, b) => ctx.mail.lastDate(b) - ctx.mail.lastDate(a));
    const from = Math.max(0, Number(start ?? 0));
    const page = all.slice(from, max === undefined ? undefined : from + Math.max(0, Number(max)));
    ctx.op('GmailLabel.getThreads', page.length);
    this.present();
    return ctx.exec.guest.array(page.map((t) => ctx.thread(t.id)));
  }

  getUnreadCount(): number {
    this.ctx.op('GmailLabel.getUnreadCount');
    return [...this.ctx.mail.threads.values()].filter(
      (t) => t.labels.includes(this.name) && this.ctx.mail.threadMessages(t).some((m) => m.unread && !m.trashed),
    ).length;
  }

  deleteLabel(): void {
    this.ctx.op('GmailLabel.deleteLabel');
    this.present();
    const mail = this.ctx.mail;
    mail.labels = mail.labels.filter((l) => l !== this.name);
    for (const t of mail.threads.values()) t.labels = t.labels.filter((l) => l !== this.name);
  }
}
