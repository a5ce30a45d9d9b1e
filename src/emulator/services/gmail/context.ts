/**
 * What every Gmail object of one execution shares: metering, the scope and quota checks, the
 * handles it gives the script, and small argument helpers. Every public method of the Gmail
 * classes charges its call here first, so a failing call has no effect:
 * - op: a call that reaches Gmail (150 ms + 5 ms per thread or message it returns);
 * - content: a message's content fetched on demand (body, raw content, headers, attachments and
 *   their bytes), a Gmail read of its own at 50 ms (cost family "GmailContent");
 * - free: a getter of metadata the batch read already brought (id, from, date, subject …).
 * op and content count against the daily Gmail read/write quota; all three are scope-checked.
 */
import type { Execution } from '../../execution';
import { isDate, isPlainObject } from '../../guest';
import { AttachmentRec, domainOf, isConsumerAccount, MailModel, MessageRec, ThreadRec } from './model';
import { attachmentRecs } from './outgoing';
import { ThreadImpl } from './thread';
import { MessageImpl } from './message';
import { LabelImpl } from './label';
import { DraftImpl } from './draft';

export const MAIL_SCOPE = 'https://mail.google.com/';
/** Threads one search may return. */
export const MAX_SEARCH = 500;
/** Threads GmailLabel.addToThreads / removeFromThreads and the GmailApp batch calls take at once. */
export const MAX_LABEL_BATCH = 100;

export type GThread = GoogleAppsScript.Gmail.GmailThread;
export type GMessage = GoogleAppsScript.Gmail.GmailMessage;
export type GLabel = GoogleAppsScript.Gmail.GmailLabel;
export type GDraft = GoogleAppsScript.Gmail.GmailDraft;
export type GAttachment = GoogleAppsScript.Gmail.GmailAttachment;
export type Options = GoogleAppsScript.Gmail.GmailAdvancedOptions;
export type ReplyOptions = GoogleAppsScript.Gmail.GmailReplyOptions;

/** Shared per-execution plumbing: metering, scope and quota checks, handles. */
export class Ctx {
  constructor(readonly exec: Execution) {}

  get mail(): MailModel {
    return this.exec.world.mail;
  }

  private guard(key: string): void {
    this.exec.requireScope(MAIL_SCOPE, key);
    this.exec.requireFullAuth(key);
  }

  private countOp(): void {
    const quota = this.mail.rollQuota(this.exec.now());
    if (quota.gmailOps >= this.mail.dailyOps) throw this.exec.guest.error('Service invoked too many times for one day: gmail.');
    quota.gmailOps += 1;
  }

  /** A call that reads or writes the mailbox. */
  op(key: string, units = 0): void {
    this.exec.call('Gmail', key, units);
    this.guard(key);
    this.countOp();
  }

  /** A message's content, fetched when asked (not part of the batch read). */
  content(key: string): void {
    this.exec.call('GmailContent', key);
    this.guard(key);
    this.countOp();
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

  /** The GmailMessage of a draft (Apps Script's GmailDraft.getMessage). */
  draftMessage(draftId: string): GMessage {
    const d = this.mail.drafts.get(draftId);
    return new MessageImpl(this, d ? d.message.id : '', draftId) as unknown as GMessage;
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

  /** The message record behind a GmailMessage the script passes in. */
  messageArg(value: unknown, method: string): MessageRec {
    if (value instanceof MessageImpl) return value.record();
    throw this.error(`The parameters (${describe(value)}) don't match the method signature for ${method}.`);
  }

  /**
   * The account's own From line, with options.name when given; noReply sends from a no-reply
   * address of the domain, "only possible for Google Workspace accounts, not Gmail users".
   */
  fromLine(options?: Options): string {
    const name = options?.name;
    const owner = this.mail.owner;
    const address = options?.noReply === true && !isConsumerAccount(owner) ? `noreply@${domainOf(owner)}` : owner;
    return name ? `${name} <${address}>` : address;
  }

  attachmentsOf(options: Options | undefined, method: string): AttachmentRec[] {
    return attachmentRecs(this.exec, options?.attachments, method);
  }

  checkOptions(options: unknown, method: string): Options | undefined {
    if (options === undefined) return undefined;
    if (!isPlainObject(options)) throw this.error(`The parameters don't match the method signature for ${method}.`);
    return options as Options;
  }
}

/** The type name Gmail and MailApp print for an argument in a signature mismatch (Object, Object[], String, …). */
export function describe(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'Object[]';
  if (isDate(v)) return 'Date';
  if (typeof v === 'object') return 'Object';
  if (typeof v === 'string') return 'String';
  return typeof v;
}

export function requireString(ctx: Ctx, v: unknown, name: string): string {
  if (typeof v !== 'string') throw ctx.error(`Invalid argument: ${name}`);
  return v;
}

export function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

export function labelArg(ctx: Ctx, label: unknown, method: string): string {
  if (label instanceof LabelImpl) {
    if (!ctx.mail.labels.includes(label.name)) throw ctx.error('Invalid argument: label');
    return label.name;
  }
  throw ctx.error(`The parameters (${describe(label)}) don't match the method signature for ${method}.`);
}

/** Adds or removes a label on every message a thread holds now (Gmail labels messages). */
export function labelThread(ctx: Ctx, t: ThreadRec, name: string, add: boolean): void {
  for (const m of ctx.mail.threadMessages(t)) {
    if (add && !m.labels.includes(name)) m.labels.push(name);
    if (!add) m.labels = m.labels.filter((l) => l !== name);
  }
}
