/**
 * What every Gmail object of one execution shares: metering, the scope and quota checks, the
 * handles it gives the script, and small argument helpers. Every public method of the Gmail
 * classes charges its call here first (op for calls that reach Gmail, free for getters of what
 * was fetched), so a failing call has no effect.
 */
import type { Execution } from '../../execution';
import { isDate, isPlainObject } from '../../guest';
import { readBlob } from '../utilities';
import { AttachmentRec, EMAIL_DAILY_RECIPIENTS, GMAIL_DAILY_OPS, MailModel, MessageRec, ThreadRec } from './model';
import { ThreadImpl } from './thread';
import { MessageImpl } from './message';
import { LabelImpl } from './label';
import { DraftImpl } from './draft';

export const MAIL_SCOPE = 'https://mail.google.com/';
/** Threads one search may return. */
export const MAX_SEARCH = 500;
/** Threads GmailLabel.addToThreads / removeFromThreads take in one call. */
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
