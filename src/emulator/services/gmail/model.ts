/**
 * The register account's mailbox: threads of messages, user labels, drafts, sent mail and the
 * daily quotas. Plain data so the world can persist it; the GmailApp facade in `index.ts` and the
 * dev server's mail panel both work on this model.
 */

export interface AttachmentRec {
  name: string;
  contentType: string;
  /** The bytes, base64. */
  data: string;
}

export interface MessageRec {
  id: string;
  threadId: string;
  from: string;
  to: string;
  cc: string;
  bcc: string;
  replyTo: string;
  subject: string;
  body: string;
  htmlBody?: string;
  /** Raw headers as delivered (Authentication-Results, Message-ID, …). */
  headers: Record<string, string>;
  date: number;
  unread: boolean;
  trashed: boolean;
  /** Has the INBOX label (delivered mail); sent mail does not. */
  inbox: boolean;
  /** Sent from the account (GmailApp.sendEmail, a sent draft, a reply). */
  sent: boolean;
  attachments: AttachmentRec[];
}

export interface ThreadRec {
  id: string;
  messageIds: string[];
  /** User label names on the thread. */
  labels: string[];
}

export interface DraftRec {
  id: string;
  /** The draft's message; threadId is the thread it replies to, or "" for a new thread. */
  message: MessageRec;
}

export interface QuotaRec {
  /** UTC day the counters belong to (YYYY-MM-DD). */
  day: string;
  gmailOps: number;
  recipients: number;
}

export interface MailJSON {
  owner: string;
  seq: number;
  threads: ThreadRec[];
  messages: MessageRec[];
  drafts: DraftRec[];
  labels: string[];
  quota: QuotaRec;
}

export interface DeliverInput {
  from: string;
  to: string;
  subject: string;
  body: string;
  htmlBody?: string;
  headers?: Record<string, string>;
  date: number;
  threadId?: string;
  cc?: string;
  attachments?: AttachmentRec[];
}

/** Gmail read/write operations a day (Workspace). */
export const GMAIL_DAILY_OPS = 50_000;
/** Email recipients a day (Workspace). */
export const EMAIL_DAILY_RECIPIENTS = 1_500;

/** The bare address of "Name <addr>" or "addr", lower-cased. */
export function bareAddress(s: string): string {
  const m = /<([^>]*)>/.exec(s);
  return (m ? m[1] : s).trim().toLowerCase();
}

/** Addresses of a comma-separated list. */
export function addressList(s: string): string[] {
  return s
    .split(',')
    .map((a) => a.trim())
    .filter((a) => a !== '')
    .map(bareAddress);
}

/** The subject without reply/forward prefixes (Re:, Vs:, Sv:, Fwd:, Vl:). */
export function baseSubject(subject: string): string {
  let s = subject.trim();
  for (;;) {
    const next = s.replace(/^(re|vs|sv|aw|fwd?|vl)\s*:\s*/i, '');
    if (next === s) return s;
    s = next;
  }
}

export class MailModel {
  threads = new Map<string, ThreadRec>();
  messages = new Map<string, MessageRec>();
  drafts = new Map<string, DraftRec>();
  labels: string[] = [];
  quota: QuotaRec = { day: '', gmailOps: 0, recipients: 0 };
  private seq = 0;

  constructor(readonly owner: string) {}

  /** A Gmail-like 16-hex-digit id, increasing with time. */
  newId(at: number): string {
    this.seq += 1;
    return (Math.max(0, Math.floor(at)).toString(16) + this.seq.toString(16).padStart(5, '0')).padStart(16, '0');
  }

  /** A Gmail-like draft id. */
  newDraftId(at: number): string {
    this.seq += 1;
    return `r${Math.max(0, Math.floor(at))}${this.seq}`;
  }

  /**
   * Delivers a message into the account's inbox (the dev server's mail panel, tests). A reply
   * ("Re: X") from a correspondent of an existing thread about X joins that thread.
   */
  deliver(input: DeliverInput): { messageId: string; threadId: string } {
    const id = this.newId(input.date);
    let thread = input.threadId ? this.threads.get(input.threadId) : undefined;
    if (!thread && /^\s*(re|vs|sv|aw)\s*:/i.test(input.subject)) thread = this.findThreadFor(input.subject, input.from);
    if (!thread) {
      thread = { id, messageIds: [], labels: [] };
      this.threads.set(id, thread);
    }
    const defaults: Record<string, string> = {
      From: input.from,
      To: input.to,
      Subject: input.subject,
      Date: new Date(input.date).toUTCString().replace('GMT', '+0000'),
      'Message-ID': `<${id}.emulator@mail.gmail.com>`,
      ...(input.cc ? { Cc: input.cc } : {}),
    };
    // Headers given by the sender win over the defaults, whatever their case.
    const given = input.headers ?? {};
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(defaults)) if (headerOf(given, k) === '') headers[k] = v;
    Object.assign(headers, given);
    const msg: MessageRec = {
      id,
      threadId: thread.id,
      from: input.from,
      to: input.to,
      cc: input.cc ?? '',
      bcc: '',
      replyTo: headerOf(headers, 'Reply-To'),
      subject: input.subject,
      body: input.body,
      htmlBody: input.htmlBody,
      headers,
      date: input.date,
      unread: true,
      trashed: false,
      inbox: true,
      sent: false,
      attachments: input.attachments ?? [],
    };
    this.messages.set(id, msg);
    thread.messageIds.push(id);
    return { messageId: id, threadId: thread.id };
  }

  /** Adds a message the account sent (sendEmail, a sent draft or reply) to its thread. */
  addSent(msg: Omit<MessageRec, 'id' | 'threadId' | 'sent' | 'inbox' | 'unread' | 'trashed'> & { threadId?: string }): MessageRec {
    const id = this.newId(msg.date);
    let thread = msg.threadId ? this.threads.get(msg.threadId) : undefined;
    if (!thread) {
      thread = { id, messageIds: [], labels: [] };
      this.threads.set(id, thread);
    }
    const rec: MessageRec = {
      ...msg,
      id,
      threadId: thread.id,
      headers: { 'Message-ID': `<${id}.emulator@mail.gmail.com>`, From: msg.from, To: msg.to, Subject: msg.subject, ...msg.headers },
      sent: true,
      inbox: false,
      unread: false,
      trashed: false,
    };
    this.messages.set(id, rec);
    thread.messageIds.push(id);
    return rec;
  }

  private findThreadFor(subject: string, from: string): ThreadRec | undefined {
    const base = baseSubject(subject).toLowerCase();
    const sender = bareAddress(from);
    let best: ThreadRec | undefined;
    let bestDate = -Infinity;
    for (const t of this.threads.values()) {
      const msgs = this.threadMessages(t);
      if (msgs.length === 0 || baseSubject(msgs[0].subject).toLowerCase() !== base) continue;
      const correspondent = msgs.some(
        (m) => bareAddress(m.from) === sender || addressList(m.to).includes(sender) || addressList(m.cc).includes(sender),
      );
      const last = msgs[msgs.length - 1].date;
      if (correspondent && last > bestDate) {
        best = t;
        bestDate = last;
      }
    }
    return best;
  }

  threadMessages(t: ThreadRec): MessageRec[] {
    return t.messageIds.map((id) => this.messages.get(id)!).filter(Boolean);
  }

  /** Date of the thread's latest message. */
  lastDate(t: ThreadRec): number {
    let d = -Infinity;
    for (const m of this.threadMessages(t)) d = Math.max(d, m.date);
    return d;
  }

  /** Starts a new quota day when `at` is on another UTC day. */
  rollQuota(at: number): QuotaRec {
    const day = new Date(at).toISOString().slice(0, 10);
    if (this.quota.day !== day) this.quota = { day, gmailOps: 0, recipients: 0 };
    return this.quota;
  }

  /** What GET /api/mailbox shows: JSON-safe copies. */
  snapshot(): { messages: unknown[]; drafts: unknown[]; sent: unknown[]; labels: unknown[] } {
    const view = (m: MessageRec) => {
      const t = this.threads.get(m.threadId);
      return {
        id: m.id,
        threadId: m.threadId,
        from: m.from,
        to: m.to,
        cc: m.cc,
        subject: m.subject,
        body: m.body,
        ...(m.htmlBody !== undefined ? { htmlBody: m.htmlBody } : {}),
        headers: { ...m.headers },
        date: new Date(m.date).toISOString(),
        unread: m.unread,
        trashed: m.trashed,
        labels: t ? [...t.labels] : [],
        attachments: m.attachments.map((a) => ({ name: a.name, contentType: a.contentType, size: Buffer.from(a.data, 'base64').length })),
      };
    };
    const all = [...this.messages.values()].sort((a, b) => a.date - b.date);
    return {
      messages: all.filter((m) => !m.sent).map(view),
      drafts: [...this.drafts.values()].map((d) => ({ draftId: d.id, ...view(d.message) })),
      sent: all.filter((m) => m.sent).map(view),
      labels: this.labels.map((name) => ({
        name,
        threads: [...this.threads.values()].filter((t) => t.labels.includes(name)).length,
      })),
    };
  }

  toJSON(): MailJSON {
    return {
      owner: this.owner,
      seq: this.seq,
      threads: [...this.threads.values()],
      messages: [...this.messages.values()],
      drafts: [...this.drafts.values()],
      labels: [...this.labels],
      quota: { ...this.quota },
    };
  }

  static fromJSON(json: unknown): MailModel {
    const j = json as Partial<MailJSON> | null | undefined;
    const model = new MailModel(j?.owner ?? '');
    model.seq = j?.seq ?? 0;
    for (const t of j?.threads ?? []) model.threads.set(t.id, { ...t, messageIds: [...t.messageIds], labels: [...t.labels] });
    for (const m of j?.messages ?? []) model.messages.set(m.id, { ...m, headers: { ...m.headers }, attachments: [...(m.attachments ?? [])] });
    for (const d of j?.drafts ?? []) model.drafts.set(d.id, { id: d.id, message: { ...d.message } });
    model.labels = [...(j?.labels ?? [])];
    if (j?.quota) model.quota = { ...j.quota };
    return model;
  }
}

/** A header's value by case-insensitive name, "" when missing. */
export function headerOf(headers: Record<string, string>, name: string): string {
  const want = name.toLowerCase();
  for (const [k, v] of Object.entries(headers)) if (k.toLowerCase() === want) return v;
  return '';
}
