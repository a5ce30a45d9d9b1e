/**
 * GmailApp over the register account's mailbox (world.mail). Every method needs the full
 * https://mail.google.com/ scope and full authorisation. Calls that fetch from or change the
 * mailbox are metered as Gmail calls (150 ms + 5 ms per thread or message returned) and count
 * against the daily quota of read/write operations; getters of an already fetched message,
 * thread or label are metered as free calls, as Apps Script serves them from what it fetched.
 */
import type { Execution } from '../../execution';
import { isDate, isPlainObject } from '../../guest';
import { readBlob, BlobImpl } from '../utilities';
import {
  addressList,
  AttachmentRec,
  EMAIL_DAILY_RECIPIENTS,
  GMAIL_DAILY_OPS,
  headerOf,
  MailModel,
  MessageRec,
  ThreadRec,
} from './model';
import { searchThreads, UnsupportedQuery, normaliseLabel } from './search';

const MAIL_SCOPE = 'https://mail.google.com/';
/** Threads one search may return. */
const MAX_SEARCH = 500;
/** Threads GmailLabel.addToThreads / removeFromThreads take in one call. */
const MAX_LABEL_BATCH = 100;

type GThread = GoogleAppsScript.Gmail.GmailThread;
type GMessage = GoogleAppsScript.Gmail.GmailMessage;
type GLabel = GoogleAppsScript.Gmail.GmailLabel;
type GDraft = GoogleAppsScript.Gmail.GmailDraft;
type GAttachment = GoogleAppsScript.Gmail.GmailAttachment;
type Options = GoogleAppsScript.Gmail.GmailAdvancedOptions;
type ReplyOptions = GoogleAppsScript.Gmail.GmailReplyOptions;

/** Shared per-execution plumbing: metering, scope and quota checks, handles. */
class Ctx {
  constructor(readonly exec: Execution) {}

  get mail(): MailModel {
    return this.exec.world.mail;
  }

  private guard(key: string): void {
    this.exec.requireScope(MAIL_SCOPE, key);
    this.exec.requireFullAuth(key);
  }

  /** A call that reads or writes the mailbox. */
  op(key: string, units = 0): void {
    this.exec.call('Gmail', key, units);
    this.guard(key);
    const quota = this.mail.rollQuota(this.exec.now());
    if (quota.gmailOps >= GMAIL_DAILY_OPS) throw this.exec.guest.error('Service invoked too many times for one day: gmail.');
    quota.gmailOps += 1;
  }

  /** A getter of fetched data. */
  free(key: string): void {
    this.exec.call('Free', key);
    this.guard(key);
  }

  error(message: string): Error {
    return this.exec.guest.error(message);
  }

  thread(id: string): GThread {
    return new ThreadImpl(this, id) as unknown as GThread;
  }

  message(id: string): GMessage {
    return new MessageImpl(this, id) as unknown as GMessage;
  }

  label(name: string): GLabel {
    return new LabelImpl(this, name) as unknown as GLabel;
  }

  draft(id: string): GDraft {
    return new DraftImpl(this, id) as unknown as GDraft;
  }

  threadRec(id: string): ThreadRec {
    const t = this.mail.threads.get(id);
    if (!t) throw this.error('Invalid argument: id');
    return t;
  }

  messageRec(id: string): MessageRec {
    const m = this.mail.messages.get(id);
    if (!m) throw this.error('Invalid argument: id');
    return m;
  }

  /** The thread record behind a GmailThread the script passes in. */
  threadArg(value: unknown, method: string): ThreadRec {
    if (value instanceof ThreadImpl) return this.threadRec(value.id);
    throw this.error(`The parameters (${describe(value)}) don't match the method signature for ${method}.`);
  }

  /** Counts recipients against the daily email quota (before anything is sent). */
  chargeRecipients(n: number): void {
    const quota = this.mail.rollQuota(this.exec.now());
    if (quota.recipients + n > EMAIL_DAILY_RECIPIENTS) throw this.error('Service invoked too many times for one day: email.');
    quota.recipients += n;
  }

  /** The account's own From line, with options.name when given. */
  fromLine(options?: Options): string {
    const name = options?.name;
    return name ? `${name} <${this.mail.owner}>` : this.mail.owner;
  }

  attachmentsOf(options: Options | undefined, method: string): AttachmentRec[] {
    const list = options?.attachments;
    if (list === undefined || list === null) return [];
    if (!Array.isArray(list)) throw this.error(`Invalid argument: attachments (${method})`);
    return list.map((a) => {
      const blob = readBlob(a);
      if (!blob) throw this.error(`Invalid argument: attachments (${method})`);
      return { name: blob.name, contentType: blob.contentType || 'application/octet-stream', data: blob.bytes.toString('base64') };
    });
  }

  checkOptions(options: unknown, method: string): Options | undefined {
    if (options === undefined) return undefined;
    if (!isPlainObject(options)) throw this.error(`The parameters don't match the method signature for ${method}.`);
    return options as Options;
  }
}

function describe(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'Object[]';
  if (isDate(v)) return 'Date';
  if (typeof v === 'object') return 'Object';
  if (typeof v === 'string') return 'String';
  return typeof v;
}

function requireString(ctx: Ctx, v: unknown, name: string): string {
  if (typeof v !== 'string') throw ctx.error(`Invalid argument: ${name}`);
  return v;
}

/** A reply to `m`: to its Reply-To or sender, subject "Re: …" unless it already is one. */
function replyFields(ctx: Ctx, m: MessageRec, options?: ReplyOptions): { to: string; subject: string } {
  const to = m.sent ? m.to : m.replyTo || m.from;
  const subject = options?.subject ?? (/^\s*re\s*:/i.test(m.subject) ? m.subject : `Re: ${m.subject}`);
  void ctx;
  return { to, subject };
}

/** The message a thread-level reply answers: the newest one not in trash. */
function lastMessage(ctx: Ctx, t: ThreadRec): MessageRec {
  const msgs = ctx.mail.threadMessages(t).filter((m) => !m.trashed);
  const all = msgs.length ? msgs : ctx.mail.threadMessages(t);
  return all[all.length - 1];
}

function makeDraft(ctx: Ctx, to: string, subject: string, body: string, options: Options | undefined, threadId: string, inReplyTo?: MessageRec): GDraft {
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

function sendMessage(ctx: Ctx, fields: { to: string; subject: string; body: string; threadId?: string; inReplyTo?: MessageRec }, options?: Options): MessageRec {
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

// ---------------------------------------------------------------------------------------------

class GmailAppImpl
  implements
    Pick<
      GoogleAppsScript.Gmail.GmailApp,
      | 'search' | 'getMessagesForThreads' | 'getMessagesForThread' | 'getMessageById' | 'getThreadById' | 'getUserLabelByName'
      | 'createLabel' | 'getUserLabels' | 'createDraft' | 'getDrafts' | 'getDraft' | 'sendEmail' | 'getInboxThreads'
      | 'markThreadsRead' | 'moveThreadsToTrash' | 'getAliases'
    >
{
  constructor(private readonly ctx: Ctx) {}

  search(query: string, start?: number, max?: number): GThread[] {
    const ctx = this.ctx;
    let ids: string[] = [];
    let failure: unknown = null;
    try {
      if (typeof query !== 'string') throw ctx.error('Invalid argument: query');
      if (max !== undefined && Number(max) > MAX_SEARCH) throw ctx.error(`Argument max cannot exceed ${MAX_SEARCH}.`);
      const all = searchThreads(ctx.mail, query, ctx.exec.world.manifest.timeZone, ctx.exec.now());
      const from = Math.max(0, Number(start ?? 0));
      ids = all.slice(from, max === undefined ? undefined : from + Math.max(0, Number(max)));
    } catch (e) {
      failure = e;
      ids = [];
    }
    ctx.op('GmailApp.search', ids.length);
    if (failure instanceof UnsupportedQuery) throw ctx.error(failure.message);
    if (failure) throw failure;
    return ctx.exec.guest.array(ids.map((id) => ctx.thread(id)));
  }

  getInboxThreads(start?: number, max?: number): GThread[] {
    const ctx = this.ctx;
    const all = searchThreads(ctx.mail, 'in:inbox', ctx.exec.world.manifest.timeZone, ctx.exec.now());
    const from = Math.max(0, Number(start ?? 0));
    const ids = all.slice(from, max === undefined ? undefined : from + Math.max(0, Number(max)));
    ctx.op('GmailApp.getInboxThreads', ids.length);
    return ctx.exec.guest.array(ids.map((id) => ctx.thread(id)));
  }

  getMessagesForThreads(threads: GThread[]): GMessage[][] {
    const ctx = this.ctx;
    const list = Array.isArray(threads) ? threads : [];
    const recs = list.map((t) => (t instanceof ThreadImpl ? ctx.mail.threads.get(t.id) : undefined));
    const units = recs.reduce((n, t) => n + (t ? t.messageIds.length : 0), 0);
    ctx.op('GmailApp.getMessagesForThreads', units);
    if (!Array.isArray(threads)) throw ctx.error('Invalid argument: threads');
    return ctx.exec.guest.array(
      list.map((t) => ctx.exec.guest.array(ctx.mail.threadMessages(ctx.threadArg(t, 'GmailApp.getMessagesForThreads')).map((m) => ctx.message(m.id)))),
    );
  }

  getMessagesForThread(thread: GThread): GMessage[] {
    const ctx = this.ctx;
    const rec = thread instanceof ThreadImpl ? ctx.mail.threads.get(thread.id) : undefined;
    ctx.op('GmailApp.getMessagesForThread', rec?.messageIds.length ?? 0);
    const t = ctx.threadArg(thread, 'GmailApp.getMessagesForThread');
    return ctx.exec.guest.array(ctx.mail.threadMessages(t).map((m) => ctx.message(m.id)));
  }

  getMessageById(id: string): GMessage {
    const ctx = this.ctx;
    ctx.op('GmailApp.getMessageById', 1);
    ctx.messageRec(String(id));
    return ctx.message(String(id));
  }

  getThreadById(id: string): GThread {
    const ctx = this.ctx;
    ctx.op('GmailApp.getThreadById', 1);
    // Apps Script returns null for an id that names no thread.
    if (!ctx.mail.threads.has(String(id))) return null as unknown as GThread;
    return ctx.thread(String(id));
  }

  getUserLabelByName(name: string): GLabel {
    const ctx = this.ctx;
    ctx.op('GmailApp.getUserLabelByName');
    const found = ctx.mail.labels.find((l) => l === String(name));
    return (found === undefined ? null : ctx.label(found)) as GLabel;
  }

  createLabel(name: string): GLabel {
    const ctx = this.ctx;
    ctx.op('GmailApp.createLabel');
    const n = requireString(ctx, name, 'name').trim();
    if (n === '') throw ctx.error('Invalid argument: name');
    const existing = ctx.mail.labels.find((l) => l.toLowerCase() === n.toLowerCase());
    if (existing !== undefined) return ctx.label(existing);
    ctx.mail.labels.push(n);
    return ctx.label(n);
  }

  getUserLabels(): GLabel[] {
    const ctx = this.ctx;
    ctx.op('GmailApp.getUserLabels', ctx.mail.labels.length);
    return ctx.exec.guest.array(ctx.mail.labels.map((l) => ctx.label(l)));
  }

  createDraft(recipient: string, subject: string, body: string, options?: Options): GDraft {
    const ctx = this.ctx;
    ctx.op('GmailApp.createDraft');
    const opts = ctx.checkOptions(options, 'GmailApp.createDraft');
    return makeDraft(ctx, String(recipient), String(subject), String(body), opts, '');
  }

  getDrafts(): GDraft[] {
    const ctx = this.ctx;
    ctx.op('GmailApp.getDrafts', ctx.mail.drafts.size);
    return ctx.exec.guest.array([...ctx.mail.drafts.keys()].map((id) => ctx.draft(id)));
  }

  getDraft(draftId: string): GDraft {
    const ctx = this.ctx;
    ctx.op('GmailApp.getDraft', 1);
    if (!ctx.mail.drafts.has(String(draftId))) throw ctx.error('Invalid argument: draftId');
    return ctx.draft(String(draftId));
  }

  sendEmail(recipient: string, subject: string, body: string, options?: Options): GoogleAppsScript.Gmail.GmailApp {
    const ctx = this.ctx;
    ctx.op('GmailApp.sendEmail');
    const opts = ctx.checkOptions(options, 'GmailApp.sendEmail');
    sendMessage(ctx, { to: requireString(ctx, recipient, 'recipient'), subject: String(subject), body: String(body) }, opts);
    return this as unknown as GoogleAppsScript.Gmail.GmailApp;
  }

  markThreadsRead(threads: GThread[]): GoogleAppsScript.Gmail.GmailApp {
    const ctx = this.ctx;
    ctx.op('GmailApp.markThreadsRead');
    const recs = (Array.isArray(threads) ? threads : []).map((t) => ctx.threadArg(t, 'GmailApp.markThreadsRead'));
    if (recs.length > MAX_LABEL_BATCH) throw ctx.error(`Invalid argument: threads (at most ${MAX_LABEL_BATCH})`);
    for (const t of recs) for (const m of ctx.mail.threadMessages(t)) m.unread = false;
    return this as unknown as GoogleAppsScript.Gmail.GmailApp;
  }

  moveThreadsToTrash(threads: GThread[]): GoogleAppsScript.Gmail.GmailApp {
    const ctx = this.ctx;
    ctx.op('GmailApp.moveThreadsToTrash');
    const recs = (Array.isArray(threads) ? threads : []).map((t) => ctx.threadArg(t, 'GmailApp.moveThreadsToTrash'));
    if (recs.length > MAX_LABEL_BATCH) throw ctx.error(`Invalid argument: threads (at most ${MAX_LABEL_BATCH})`);
    for (const t of recs) for (const m of ctx.mail.threadMessages(t)) m.trashed = true;
    return this as unknown as GoogleAppsScript.Gmail.GmailApp;
  }

  getAliases(): string[] {
    this.ctx.op('GmailApp.getAliases');
    return this.ctx.exec.guest.array([]);
  }
}

class ThreadImpl
  implements
    Pick<
      GThread,
      | 'getId' | 'getMessages' | 'getFirstMessageSubject' | 'getLabels' | 'addLabel' | 'removeLabel' | 'moveToTrash'
      | 'isInTrash' | 'isInInbox' | 'isUnread' | 'markRead' | 'markUnread' | 'getMessageCount' | 'getLastMessageDate'
      | 'createDraftReply' | 'reply' | 'getPermalink' | 'moveToArchive'
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
    return this.ctx.exec.guest.array(this.rec().labels.map((l) => this.ctx.label(l)));
  }

  addLabel(label: GLabel): GThread {
    this.ctx.op('GmailThread.addLabel');
    const name = labelArg(this.ctx, label, 'GmailThread.addLabel');
    const t = this.rec();
    if (!t.labels.includes(name)) t.labels.push(name);
    return this as unknown as GThread;
  }

  removeLabel(label: GLabel): GThread {
    this.ctx.op('GmailThread.removeLabel');
    const name = labelArg(this.ctx, label, 'GmailThread.removeLabel');
    const t = this.rec();
    t.labels = t.labels.filter((l) => l !== name);
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
    const { to, subject } = replyFields(this.ctx, last, opts);
    return makeDraft(this.ctx, to, subject, String(body), opts, this.id, last);
  }

  reply(body: string, options?: Options): GThread {
    this.ctx.op('GmailThread.reply');
    const opts = this.ctx.checkOptions(options, 'GmailThread.reply');
    const last = lastMessage(this.ctx, this.rec());
    const { to, subject } = replyFields(this.ctx, last);
    sendMessage(this.ctx, { to, subject, body: String(body), threadId: this.id, inReplyTo: last }, opts);
    return this as unknown as GThread;
  }
}

class MessageImpl
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

function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

function labelArg(ctx: Ctx, label: unknown, method: string): string {
  if (label instanceof LabelImpl) {
    if (!ctx.mail.labels.includes(label.name)) throw ctx.error('Invalid argument: label');
    return label.name;
  }
  throw ctx.error(`The parameters (${describe(label)}) don't match the method signature for ${method}.`);
}

class LabelImpl
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

class DraftImpl implements Pick<GDraft, 'getId' | 'getMessage' | 'getMessageId' | 'send' | 'deleteDraft' | 'update'> {
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

/** The message of a draft: readable, not yet in any thread. */
class DraftMessage implements Pick<GMessage, 'getId' | 'getTo' | 'getSubject' | 'getPlainBody' | 'getBody' | 'getFrom' | 'isDraft' | 'getAttachments'> {
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

export { normaliseLabel };

export function createGmailApp(exec: Execution): object {
  return new GmailAppImpl(new Ctx(exec));
}
