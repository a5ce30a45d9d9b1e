/**
 * GmailApp: search, fetching threads and messages, labels, drafts, sending, batch changes.
 * Calls that reach the mailbox are metered as Gmail calls (150 ms + 5 ms per thread or message
 * returned) and count against the daily quota of read/write operations.
 */
import { searchThreads, UnsupportedQuery } from './search';
import type { MessageRec } from './model';
import { Ctx, describe, GDraft, GLabel, GMessage, GThread, MAX_LABEL_BATCH, MAX_SEARCH, Options, requireString } from './context';
import { makeDraft, sendMessage } from './send';
import { ThreadImpl } from './thread';

export class GmailAppImpl
  implements
    Pick<
      GoogleAppsScript.Gmail.GmailApp,
      | 'search' | 'getMessagesForThreads' | 'getMessagesForThread' | 'getMessageById' | 'getThreadById' | 'getUserLabelByName'
      | 'createLabel' | 'getUserLabels' | 'createDraft' | 'getDrafts' | 'getDraft' | 'getDraftMessages' | 'sendEmail' | 'getInboxThreads'
      | 'markThreadsRead' | 'markThreadsUnread' | 'moveThreadsToTrash' | 'getAliases' | 'markMessagesRead' | 'markMessagesUnread'
      | 'moveMessagesToTrash' | 'refreshMessages' | 'refreshThreads'
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
    return makeDraft(ctx, { to: String(recipient), subject: String(subject), body: String(body) }, opts, '');
  }

  getDrafts(): GDraft[] {
    const ctx = this.ctx;
    ctx.op('GmailApp.getDrafts', ctx.mail.drafts.size);
    return ctx.exec.guest.array([...ctx.mail.drafts.keys()].map((id) => ctx.draft(id)));
  }

  /**
   * "Retrieves all draft messages" (GmailApp reference, getDraftMessages): one call returning
   * every draft's message, oldest first, whose metadata (id, to, subject, date, thread) is then at
   * hand as after any batch read. Fulfilment finds the reply it drafted before a fault this way.
   */
  getDraftMessages(): GMessage[] {
    const ctx = this.ctx;
    const drafts = [...ctx.mail.drafts.values()].sort((a, b) => a.message.date - b.message.date);
    ctx.op('GmailApp.getDraftMessages', drafts.length);
    return ctx.exec.guest.array(drafts.map((d) => ctx.draftMessage(d.id)));
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

  /**
   * A batch change over the messages of `list` (threads or messages, as `noun` says): at most 100
   * items in one call, every one checked before any changes.
   */
  private batch(method: string, list: unknown, noun: 'threads' | 'messages', change: (m: MessageRec) => void): GoogleAppsScript.Gmail.GmailApp {
    const ctx = this.ctx;
    const key = `GmailApp.${method}`;
    ctx.op(key);
    if (!Array.isArray(list)) throw ctx.error(`The parameters (${describe(list)}) don't match the method signature for ${key}.`);
    const recs = noun === 'threads'
      ? list.map((t) => ctx.mail.threadMessages(ctx.threadArg(t, key)))
      : list.map((m) => [ctx.messageArg(m, key)]);
    if (recs.length > MAX_LABEL_BATCH) throw ctx.error(`Invalid argument: ${noun} (at most ${MAX_LABEL_BATCH})`);
    for (const msgs of recs) for (const m of msgs) change(m);
    return this as unknown as GoogleAppsScript.Gmail.GmailApp;
  }

  markThreadsRead(threads: GThread[]): GoogleAppsScript.Gmail.GmailApp {
    return this.batch('markThreadsRead', threads, 'threads', (m) => (m.unread = false));
  }

  markThreadsUnread(threads: GThread[]): GoogleAppsScript.Gmail.GmailApp {
    return this.batch('markThreadsUnread', threads, 'threads', (m) => (m.unread = true));
  }

  moveThreadsToTrash(threads: GThread[]): GoogleAppsScript.Gmail.GmailApp {
    return this.batch('moveThreadsToTrash', threads, 'threads', (m) => (m.trashed = true));
  }

  markMessagesRead(messages: GMessage[]): GoogleAppsScript.Gmail.GmailApp {
    return this.batch('markMessagesRead', messages, 'messages', (m) => (m.unread = false));
  }

  markMessagesUnread(messages: GMessage[]): GoogleAppsScript.Gmail.GmailApp {
    return this.batch('markMessagesUnread', messages, 'messages', (m) => (m.unread = true));
  }

  moveMessagesToTrash(messages: GMessage[]): GoogleAppsScript.Gmail.GmailApp {
    return this.batch('moveMessagesToTrash', messages, 'messages', (m) => (m.trashed = true));
  }

  /** Reloads the threads from Gmail: the emulator's handles always read the mailbox as it is. */
  refreshThreads(threads: GThread[]): GoogleAppsScript.Gmail.GmailApp {
    return this.batch('refreshThreads', threads, 'threads', () => undefined);
  }

  refreshMessages(messages: GMessage[]): GoogleAppsScript.Gmail.GmailApp {
    return this.batch('refreshMessages', messages, 'messages', () => undefined);
  }

  getAliases(): string[] {
    this.ctx.op('GmailApp.getAliases');
    return this.ctx.exec.guest.array([]);
  }
}
