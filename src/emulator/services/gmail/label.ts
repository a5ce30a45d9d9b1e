/**
 * GmailLabel: a user label, added to and removed from threads, its threads and unread count.
 * Gmail keeps labels on messages: adding a label to a thread labels the messages it holds at that
 * moment (a reply that arrives later has none, so `-label:X` finds the thread again); removing it
 * takes it off every message (APPS-SCRIPT.md, "Learned from the fidelity audit").
 */
import type { ThreadRec } from './model';
import { Ctx, describe, GLabel, GThread, labelThread, MAX_LABEL_BATCH } from './context';

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

  /** Whether any message of the thread carries this label. */
  private has(t: ThreadRec): boolean {
    return this.ctx.mail.threadMessages(t).some((m) => m.labels.includes(this.name));
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
    for (const t of recs) labelThread(this.ctx, t, this.name, add);
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
    labelThread(this.ctx, this.ctx.threadArg(thread, 'GmailLabel.addToThread'), this.name, true);
    return this as unknown as GLabel;
  }

  removeFromThread(thread: GThread): GLabel {
    this.ctx.op('GmailLabel.removeFromThread');
    this.present();
    labelThread(this.ctx, this.ctx.threadArg(thread, 'GmailLabel.removeFromThread'), this.name, false);
    return this as unknown as GLabel;
  }

  getThreads(start?: number, max?: number): GThread[] {
    const ctx = this.ctx;
    const all = [...ctx.mail.threads.values()]
      .filter((t) => ctx.mail.threadMessages(t).some((m) => !m.trashed && m.labels.includes(this.name)))
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
      (t: ThreadRec) => this.has(t) && this.ctx.mail.threadMessages(t).some((m) => m.unread && !m.trashed),
    ).length;
  }

  deleteLabel(): void {
    this.ctx.op('GmailLabel.deleteLabel');
    this.present();
    const mail = this.ctx.mail;
    mail.labels = mail.labels.filter((l) => l !== this.name);
    for (const m of mail.messages.values()) m.labels = m.labels.filter((l) => l !== this.name);
  }
}
