/**
 * The register account's mailbox: threads of messages, user labels, drafts, sent mail and the
 * daily quotas. Plain data so the world can persist it; the GmailApp and MailApp facades and the
 * dev server's mail panel all work on this model.
 *
 * Labels belong to messages, as in Gmail (a label added to a thread labels the messages it holds
 * then; a later reply has none). Headers are an ordered list that may repeat a name; delivery
 * puts Gmail's own Authentication-Results on top, above anything the sender wrote.
 */
import { convert } from 'html-to-text';

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
  /** Raw headers as delivered, topmost first, a name possibly repeated (Authentication-Results, …). */
  headers: Header[];
  date: number;
  unread: boolean;
  trashed: boolean;
  /** Has the INBOX label (delivered mail); sent mail does not. */
  inbox: boolean;
  /** Sent from the account (GmailApp.sendEmail, a sent draft, a reply). */
  sent: boolean;
  attachments: AttachmentRec[];
  /** User label names on this message (Gmail labels messages, not threads). */
  labels: string[];
}

/** One header line: [name, value]. */
export type Header = [string, string];

export interface ThreadRec {
  id: string;
  messageIds: string[];
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

/** What the sender's domain authentication came to at delivery (Gmail writes it on top). */
export type DmarcOutcome = 'pass' | 'fail' | 'none';

export interface DeliverInput {
  from: string;
  to: string;
  subject: string;
  /** The text/plain part; "" with htmlBody for an HTML-only mail. */
  body: string;
  htmlBody?: string;
  /** The sender's own headers, in order (an object or [name, value] pairs). */
  headers?: Record<string, string> | Header[];
  date: number;
  /** A reply in this thread; otherwise a "Re:" from a correspondent joins its thread. */
  threadId?: string;
  cc?: string;
  attachments?: AttachmentRec[];
  /**
   * Gmail's verdict on the sender's domain (default "pass"): the emulator writes Gmail's own
   * `Authentication-Results: mx.google.com; dkim=… spf=… dmarc=…` on top of the headers.
   */
  dmarc?: DmarcOutcome;
  /** The exact value of Gmail's own Authentication-Results, instead of one computed from `dmarc`. */
  authenticationResults?: string;
}

/**
 * Daily quotas by account kind ("Quotas for Google Services",
 * https://developers.google.com/apps-script/guides/services/quotas): email recipients 100 a day
 * for consumer accounts (gmail.com), 1,500 for Workspace; Gmail read/write (excluding send)
 * 20,000 and 50,000. The emulator reads a gmail.com or googlemail.com owner as a consumer account.
 */
export const GMAIL_DAILY_OPS = 50_000;
export const GMAIL_DAILY_OPS_CONSUMER = 20_000;
export const EMAIL_DAILY_RECIPIENTS = 1_500;
export const EMAIL_DAILY_RECIPIENTS_CONSUMER = 100;

/** Whether an account is a consumer (gmail.com) one rather than a Workspace one. */
export function isConsumerAccount(email: string): boolean {
  return /@(gmail|googlemail)\.com$/i.test(bareAddress(email));
}

/** The headers as an ordered list, from an object or a list. */
export function headerList(headers: Record<string, string> | Header[] | undefined): Header[] {
  if (!headers) return [];
  if (Array.isArray(headers)) return headers.map(([k, v]) => [String(k), String(v)] as Header);
  return Object.entries(headers).map(([k, v]) => [k, String(v)] as Header);
}

/** The domain of an address ("" when it has none). */
export function domainOf(address: string): string {
  const a = bareAddress(address);
  return a.includes('@') ? a.slice(a.lastIndexOf('@') + 1) : '';
}

/** Gmail's own Authentication-Results for a sender, as its receiving server writes it. */
export function gmailAuthenticationResults(from: string, outcome: DmarcOutcome): string {
  const address = bareAddress(from);
  const domain = domainOf(from);
  if (outcome === 'none') return `mx.google.com; spf=none (google.com: ${domain} does not designate permitted sender hosts) smtp.mailfrom=${address}`;
  const p = outcome === 'pass' ? 'p=NONE sp=NONE dis=NONE' : 'p=REJECT sp=REJECT dis=QUARANTINE';
  return `mx.google.com; dkim=${outcome} header.i=@${domain}; spf=${outcome} (google.com: domain of ${address} ${outcome === 'pass' ? 'designates' : 'does not designate'} the sending host as permitted sender) smtp.mailfrom=${address}; dmarc=${outcome} (${p}) header.from=${domain}`;
}

/**
 * The text of an HTML body as getPlainBody gives it: "the content of the body without HTML
 * formatting" (GmailMessage reference): entities decoded, block elements and <br> as line
 * breaks, no wrapping. html-to-text does the parsing; headings keep their case and links show
 * their text only (Gmail's own rendering of links was not confirmed).
 */
export function htmlToPlain(html: string): string {
  return convert(html, {
    wordwrap: false,
    selectors: [
      { selector: 'a', options: { ignoreHref: true } },
      { selector: 'img', format: 'skip' },
      ...['h1', 'h2', 'h3', 'h4', 'h5', 'h6'].map((selector) => ({ selector, options: { uppercase: false } })),
      { selector: 'table', format: 'dataTable', options: { uppercaseHeaderCells: false } },
    ],
  });
}

/** A message's body as text: the plain part, or the text of the HTML part of an HTML-only mail. */
export function plainBodyOf(m: Pick<MessageRec, 'body' | 'htmlBody'>): string {
  return m.htmlBody !== undefined && m.body === '' ? htmlToPlain(m.htmlBody) : m.body;
}

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
    let thread: ThreadRec | undefined;
    if (input.threadId !== undefined) {
      thread = this.threads.get(input.threadId);
      if (!thread) throw new Error(`no thread ${input.threadId}`);
    }
    if (!thread && /^\s*(re|vs|sv|aw)\s*:/i.test(input.subject)) thread = this.findThreadFor(input.subject, input.from);
    if (!thread) {
      thread = { id, messageIds: [] };
      this.threads.set(id, thread);
    }
    const defaults: Header[] = [
      ['From', input.from],
      ['To', input.to],
      ['Subject', input.subject],
      ['Date', new Date(input.date).toUTCString().replace('GMT', '+0000')],
      ['Message-ID', `<${id}.emulator@mail.gmail.com>`],
      ...(input.cc ? [['Cc', input.cc] as Header] : []),
    ];
    // Headers given by the sender win over the defaults, whatever their case, and keep their
    // order; Gmail's receiving server writes its own Authentication-Results above them all, so a
    // forged one the sender wrote stays below it.
    const given = headerList(input.headers);
    const own: Header = ['Authentication-Results', input.authenticationResults ?? gmailAuthenticationResults(input.from, input.dmarc ?? 'pass')];
    const headers: Header[] = [own, ...defaults.filter(([k]) => headerOf(given, k) === undefined), ...given];
    const msg: MessageRec = {
      id,
      threadId: thread.id,
      from: input.from,
      to: input.to,
      cc: input.cc ?? '',
      bcc: '',
      replyTo: headerOf(headers, 'Reply-To') ?? '',
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
      labels: [],
    };
    this.messages.set(id, msg);
    thread.messageIds.push(id);
    return { messageId: id, threadId: thread.id };
  }

  /** Adds a message the account sent (sendEmail, a sent draft or reply) to its thread. */
  addSent(msg: Omit<MessageRec, 'id' | 'threadId' | 'sent' | 'inbox' | 'unread' | 'trashed' | 'labels'> & { threadId?: string }): MessageRec {
    const id = this.newId(msg.date);
    let thread = msg.threadId ? this.threads.get(msg.threadId) : undefined;
    if (!thread) {
      thread = { id, messageIds: [] };
      this.threads.set(id, thread);
    }
    const own: Header[] = [
      ['Message-ID', `<${id}.emulator@mail.gmail.com>`],
      ['From', msg.from],
      ['To', msg.to],
      ['Subject', msg.subject],
    ];
    const rec: MessageRec = {
      ...msg,
      id,
      threadId: thread.id,
      headers: [...own.filter(([k]) => headerOf(msg.headers, k) === undefined), ...msg.headers],
      labels: [],
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

  /** The user labels any message of the thread carries (GmailThread.getLabels). */
  threadLabels(t: ThreadRec): string[] {
    const out: string[] = [];
    for (const m of this.threadMessages(t)) for (const l of m.labels) if (!out.includes(l)) out.push(l);
    return out;
  }

  /** Email recipients a day for this account (100 consumer, 1,500 Workspace). */
  get dailyRecipients(): number {
    return isConsumerAccount(this.owner) ? EMAIL_DAILY_RECIPIENTS_CONSUMER : EMAIL_DAILY_RECIPIENTS;
  }

  /** Gmail read/write operations a day for this account (20,000 consumer, 50,000 Workspace). */
  get dailyOps(): number {
    return isConsumerAccount(this.owner) ? GMAIL_DAILY_OPS_CONSUMER : GMAIL_DAILY_OPS;
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
      // `headers` maps each name to its topmost value (what getHeader gives); headerList keeps all.
      const top: Record<string, string> = {};
      for (const [k, v] of m.headers) if (!Object.keys(top).some((n) => n.toLowerCase() === k.toLowerCase())) top[k] = v;
      return {
        id: m.id,
        threadId: m.threadId,
        from: m.from,
        to: m.to,
        cc: m.cc,
        subject: m.subject,
        body: m.body,
        ...(m.htmlBody !== undefined ? { htmlBody: m.htmlBody, plainBody: plainBodyOf(m) } : {}),
        headers: top,
        headerList: m.headers.map(([k, v]) => [k, v]),
        date: new Date(m.date).toISOString(),
        unread: m.unread,
        trashed: m.trashed,
        labels: [...m.labels],
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
        threads: [...this.threads.values()].filter((t) => this.threadMessages(t).some((m) => m.labels.includes(name))).length,
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
    // Worlds saved before labels moved to messages kept them on the thread: those labels go to
    // every message the thread held; headers saved as an object become the ordered list.
    const oldLabels = new Map<string, string[]>();
    for (const t of j?.threads ?? []) {
      model.threads.set(t.id, { id: t.id, messageIds: [...t.messageIds] });
      const labels = (t as { labels?: string[] }).labels ?? [];
      for (const id of t.messageIds) oldLabels.set(id, labels);
    }
    const message = (m: MessageRec): MessageRec => ({
      ...m,
      headers: headerList(m.headers as Header[] | Record<string, string>),
      attachments: [...(m.attachments ?? [])],
      labels: [...(m.labels ?? oldLabels.get(m.id) ?? [])],
    });
    for (const m of j?.messages ?? []) model.messages.set(m.id, message(m));
    for (const d of j?.drafts ?? []) model.drafts.set(d.id, { id: d.id, message: message(d.message) });
    model.labels = [...(j?.labels ?? [])];
    if (j?.quota) model.quota = { ...j.quota };
    return model;
  }
}

/** The topmost header of that name (case-insensitive), undefined when there is none. */
export function headerOf(headers: Header[], name: string): string | undefined {
  const want = name.toLowerCase();
  for (const [k, v] of headers) if (k.toLowerCase() === want) return v;
  return undefined;
}
