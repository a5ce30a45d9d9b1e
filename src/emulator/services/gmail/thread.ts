/**
 * GmailThread: a thread's messages, labels and state. Getters of the fetched thread are free;
 * changes and fetching its messages are Gmail calls. Labels live on the messages: addLabel labels
 * the messages the thread holds now, getLabels is the labels any of its messages carries.
 */
import type { MessageRec, ThreadRec } from './model';
import { Ctx, GDraft, GLabel, GMessage, GThread, labelArg, labelThread, Options, ReplyOptions } from './context';
import { lastMessage, makeDraft, replyAllFields, replyFields, sendMessage } from './send';

export class ThreadImpl
  implements
    Pick<
      GThread,
      | 'getId' | 'getMessages' | 'getFirstMessageSubject' | 'getLabels' | 'addLabel' | 'removeLabel' | 'moveToTrash'
      | 'isInTrash' | 'isInInbox' | 'isUnread' | 'markRead' | 'markUnread' | 'getMessageCount' | 'getLastMessageDate'
      | 'createDraftReply' | 'createDraftReplyAll' | 'reply' | 'replyAll' | 'getPermalink' | 'moveToArchive' | 'refresh'
    >
{
  constructor(
    private readonly ctx: Ctx,
    readonly id: string,
  ) {}

  private rec(): ThreadRec {
    return this.ctx.threadRec(this.id);
  }

  private msgs(): MessageRec[] {
    return this.ctx.mail.threadMessages(this.rec());
  }

  getId(): string {
    this.ctx.free('GmailThread.getId');
    return this.id;
  }

  getPermalink(): string {
    this.ctx.free('GmailThread.getPermalink');
    return `https://mail.google.com/mail/u/0/#inbox/${this.id}`;
  }

  getMessages(): GMessage[] {
    const n = this.ctx.mail.threads.get(this.id)?.messageIds.length ?? 0;
    this.ctx.op('GmailThread.getMessages', n);
    return this.ctx.exec.guest.array(this.msgs().map((m) => this.ctx.message(m.id)));
  }

  getFirstMessageSubject(): string {
    this.ctx.free('GmailThread.getFirstMessageSubject');
    return this.msgs()[0]?.subject ?? '';
  }

  getLabels(): GLabel[] {
    this.ctx.free('GmailThread.getLabels');
    return this.ctx.exec.guest.array(this.ctx.mail.threadLabels(this.rec()).map((l) => this.ctx.label(l)));
  }

  addLabel(label: GLabel): GThread {
    this.ctx.op('GmailThread.addLabel');
    const name = labelArg(this.ctx, label, 'GmailThread.addLabel');
    labelThread(this.ctx, this.rec(), name, true);
    return this as unknown as GThread;
  }

  removeLabel(label: GLabel): GThread {
    this.ctx.op('GmailThread.removeLabel');
    const name = labelArg(this.ctx, label, 'GmailThread.removeLabel');
    labelThread(this.ctx, this.rec(), name, false);
    return this as unknown as GThread;
  }

  moveToTrash(): GThread {
    this.ctx.op('GmailThread.moveToTrash');
    for (const m of this.msgs()) m.trashed = true;
    return this as unknown as GThread;
  }

  moveToArchive(): GThread {
    this.ctx.op('GmailThread.moveToArchive');
    for (const m of this.msgs()) m.inbox = false;
    return this as unknown as GThread;
  }

  isInTrash(): boolean {
    this.ctx.free('GmailThread.isInTrash');
    const msgs = this.msgs();
    return msgs.length > 0 && msgs.every((m) => m.trashed);
  }

  isInInbox(): boolean {
    this.ctx.free('GmailThread.isInInbox');
    return this.msgs().some((m) => m.inbox && !m.trashed);
  }

  isUnread(): boolean {
    this.ctx.free('GmailThread.isUnread');
    return this.msgs().some((m) => m.unread && !m.trashed);
  }

  markRead(): GThread {
    this.ctx.op('GmailThread.markRead');
    for (const m of this.msgs()) m.unread = false;
    return this as unknown as GThread;
  }

  markUnread(): GThread {
    this.ctx.op('GmailThread.markUnread');
    for (const m of this.msgs()) m.unread = true;
    return this as unknown as GThread;
  }

  getMessageCount(): number {
    this.ctx.free('GmailThread.getMessageCount');
    return this.msgs().length;
  }

  getLastMessageDate(): GoogleAppsScript.Base.Date {
    this.ctx.free('GmailThread.getLastMessageDate');
    return this.ctx.exec.guest.date(this.ctx.mail.lastDate(this.rec()));
  }

  createDraftReply(body: string, options?: ReplyOptions): GDraft {
    this.ctx.op('GmailThread.createDraftReply');
    const opts = this.ctx.checkOptions(options, 'GmailThread.createDraftReply') as ReplyOptions | undefined;
    const last = lastMessage(this.ctx, this.rec());
    const { to, subject } = replyFields(last, opts);
    return makeDraft(this.ctx, { to, subject, body: String(body) }, opts, this.id, last);
  }

  createDraftReplyAll(body: string, options?: ReplyOptions): GDraft {
    this.ctx.op('GmailThread.createDraftReplyAll');
    const opts = this.ctx.checkOptions(options, 'GmailThread.createDraftReplyAll') as ReplyOptions | undefined;
    const last = lastMessage(this.ctx, this.rec());
    const { to, cc, subject } = replyAllFields(this.ctx, last, opts);
    return makeDraft(this.ctx, { to, cc, subject, body: String(body) }, opts, this.id, last);
  }

  replyAll(body: string, options?: Options): GThread {
    this.ctx.op('GmailThread.replyAll');
    const opts = this.ctx.checkOptions(options, 'GmailThread.replyAll');
    const last = lastMessage(this.ctx, this.rec());
    const { to, cc, subject } = replyAllFields(this.ctx, last, opts as ReplyOptions | undefined);
    sendMessage(this.ctx, { to, cc, subject, body: String(body), threadId: this.id, inReplyTo: last }, opts);
    return this as unknown as GThread;
  }

  /** "Reloads this thread, and associated state from Gmail": a Gmail call; handles read live. */
  refresh(): GThread {
    this.ctx.op('GmailThread.refresh');
    this.rec();
    return this as unknown as GThread;
  }

  reply(body: string, options?: Options): GThread {
    this.ctx.op('GmailThread.reply');
    const opts = this.ctx.checkOptions(options, 'GmailThread.reply');
    const last = lastMessage(this.ctx, this.rec());
    const { to, subject } = replyFields(last);
    sendMessage(this.ctx, { to, subject, body: String(body), threadId: this.id, inReplyTo: last }, opts);
    return this as unknown as GThread;
  }
}
