/**
 * Gmail search over the emulated mailbox, limited to the operators the project uses. Any other
 * operator throws instead of being ignored, so a query never silently matches everything
 * (APPS-SCRIPT.md fidelity 12).
 *
 * Matching is message by message, as Gmail's search page describes: a thread is found when one
 * of its messages matches the whole query, so `label:` and `-label:` look at each message's own
 * labels (a reply that came after the thread was labelled is found by `-label:`). Words match
 * the subject, the plain body (the text of an HTML-only body) and the HTML part's text.
 */
import { bareAddress, htmlToPlain, MailModel, MessageRec, plainBodyOf } from './model';
import { instantOf } from '../spreadsheet/dates';

/**
 * Gmail reads a date in `after:`/`before:` as midnight Pacific time, whatever the script's zone:
 * "All dates used in the search query are interpreted as midnight on that date in the PST
 * timezone. To specify accurate dates for other timezones pass the value in seconds instead"
 * (Gmail API guide "Searching for messages",
 * https://developers.google.com/workspace/gmail/api/guides/filtering). The emulator takes "PST"
 * as the Pacific zone with its daylight saving time.
 */
export const SEARCH_DATE_ZONE = 'America/Los_Angeles';

export class UnsupportedQuery extends Error {}

type Term =
  | { kind: 'inbox' }
  | { kind: 'trash'; negated: boolean }
  | { kind: 'label'; name: string; negated: boolean }
  | { kind: 'unread' }
  | { kind: 'after' | 'before'; at: number }
  | { kind: 'newer' | 'older'; ms: number }
  | { kind: 'from' | 'to'; value: string }
  | { kind: 'subject'; tokens: string[] }
  | { kind: 'attachment' }
  | { kind: 'text'; tokens: string[] };

const DAY_MS = 86_400_000;

function unsupported(op: string): never {
  throw new UnsupportedQuery(`Emulator: unsupported Gmail search operator "${op}"`);
}

/** Lower-cased word tokens of a text: Gmail matches whole words, not substrings. */
export function tokens(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

function containsSequence(hay: string[], needle: string[]): boolean {
  if (needle.length === 0) return true;
  outer: for (let i = 0; i + needle.length <= hay.length; i++) {
    for (let j = 0; j < needle.length; j++) if (hay[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

/** Label names compare case-insensitively, with spaces and slashes written as dashes. */
export function normaliseLabel(name: string): string {
  return name.trim().toLowerCase().replace(/[\s/]+/g, '-');
}

/** Raw query pieces: [negated, text, quoted] with `op:"quoted value"` kept together. */
function split(query: string): { negated: boolean; raw: string; quoted: boolean; value?: string }[] {
  const out: { negated: boolean; raw: string; quoted: boolean; value?: string }[] = [];
  let i = 0;
  const q = query;
  while (i < q.length) {
    if (/\s/.test(q[i])) {
      i++;
      continue;
    }
    let negated = false;
    if (q[i] === '-' && i + 1 < q.length && !/\s/.test(q[i + 1])) {
      negated = true;
      i++;
    }
    if (q[i] === '"') {
      const end = q.indexOf('"', i + 1);
      if (end < 0) unsupported(q.slice(i));
      out.push({ negated, raw: q.slice(i + 1, end), quoted: true });
      i = end + 1;
      continue;
    }
    let j = i;
    while (j < q.length && !/\s/.test(q[j]) && q[j] !== '"') j++;
    let raw = q.slice(i, j);
    let value: string | undefined;
    if (raw.endsWith(':') && q[j] === '"') {
      const end = q.indexOf('"', j + 1);
      if (end < 0) unsupported(q.slice(i));
      value = q.slice(j + 1, end);
      raw = raw + `"${value}"`;
      j = end + 1;
    }
    out.push({ negated, raw, quoted: false, value });
    i = j;
  }
  return out;
}

/** Midnight Pacific starting YYYY/MM/DD (or YYYY-MM-DD); an integer is epoch seconds, exact. */
function parseDay(text: string, op: string): number {
  if (/^\d{9,11}$/.test(text)) return Number(text) * 1000;
  const m = /^(\d{4})[/-](\d{1,2})[/-](\d{1,2})$/.exec(text);
  if (!m) unsupported(op);
  const day = { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]), hour: 0, minute: 0, second: 0 };
  return instantOf(day, SEARCH_DATE_ZONE);
}

/**
 * Parses a query into terms, throwing UnsupportedQuery on anything outside the supported set.
 * (`timeZone`, the script's zone, plays no part: dates are Pacific, see SEARCH_DATE_ZONE.)
 */
export function parseQuery(query: string, timeZone?: string): Term[] {
  void timeZone;
  const terms: Term[] = [];
  for (const piece of split(query)) {
    const { negated, raw } = piece;
    const shown = (negated ? '-' : '') + (piece.quoted ? `"${raw}"` : raw);
    if (piece.quoted) {
      if (negated) unsupported(shown);
      terms.push({ kind: 'text', tokens: tokens(raw) });
      continue;
    }
    const colon = raw.indexOf(':');
    if (colon < 0) {
      if (negated || /^(OR|AND|NOT)$/.test(raw) || /[{}()|+~*]/.test(raw)) unsupported(shown);
      terms.push({ kind: 'text', tokens: tokens(raw) });
      continue;
    }
    const op = raw.slice(0, colon).toLowerCase();
    const value = piece.value ?? raw.slice(colon + 1);
    if (value === '' || /[{}()]/.test(value)) unsupported(shown);
    const lower = value.toLowerCase();
    if (op === 'label') {
      terms.push({ kind: 'label', name: normaliseLabel(value), negated });
      continue;
    }
    if (op === 'in' && lower === 'trash') {
      terms.push({ kind: 'trash', negated });
      continue;
    }
    if (negated) unsupported(shown);
    if (op === 'in' && lower === 'inbox') terms.push({ kind: 'inbox' });
    else if (op === 'is' && lower === 'unread') terms.push({ kind: 'unread' });
    else if (op === 'has' && lower === 'attachment') terms.push({ kind: 'attachment' });
    else if (op === 'after' || op === 'before') terms.push({ kind: op, at: parseDay(value, shown) });
    else if (op === 'newer_than' || op === 'older_than') {
      const m = /^(\d+)([dmy])$/.exec(lower);
      if (!m) unsupported(shown);
      const days = Number(m[1]) * (m[2] === 'd' ? 1 : m[2] === 'm' ? 30 : 365);
      terms.push({ kind: op === 'newer_than' ? 'newer' : 'older', ms: days * DAY_MS });
    } else if (op === 'from' || op === 'to') terms.push({ kind: op, value: lower });
    else if (op === 'subject') terms.push({ kind: 'subject', tokens: tokens(value) });
    else unsupported(shown);
  }
  return terms;
}

function matchesMessage(m: MessageRec, terms: Term[], now: number, me: string): boolean {
  const labels = m.labels.map(normaliseLabel);
  for (const term of terms) {
    switch (term.kind) {
      case 'inbox':
        if (!m.inbox) return false;
        break;
      case 'trash':
        if (m.trashed === term.negated) return false;
        break;
      case 'label':
        if (labels.includes(term.name) === term.negated) return false;
        break;
      case 'unread':
        if (!m.unread) return false;
        break;
      case 'after':
        if (!(m.date >= term.at)) return false;
        break;
      case 'before':
        if (!(m.date < term.at)) return false;
        break;
      case 'newer':
        if (!(m.date > now - term.ms)) return false;
        break;
      case 'older':
        if (!(m.date < now - term.ms)) return false;
        break;
      case 'from':
        // "me" is the mailbox's own address (Gmail search operators: "from:me").
        if (term.value === 'me') {
          if (bareAddress(m.from) !== bareAddress(me)) return false;
        } else if (!m.from.toLowerCase().includes(term.value) && bareAddress(m.from) !== bareAddress(term.value)) return false;
        break;
      case 'to':
        if (![m.to, m.cc, m.bcc].some((s) => s.toLowerCase().includes(term.value))) return false;
        break;
      case 'subject':
        if (!containsSequence(tokens(m.subject), term.tokens)) return false;
        break;
      case 'attachment':
        if (m.attachments.length === 0) return false;
        break;
      case 'text': {
        const html = m.htmlBody !== undefined && m.body !== '' ? htmlToPlain(m.htmlBody) : '';
        const hay = [m.subject, plainBodyOf(m), html, m.from, m.to].map(tokens);
        if (!hay.some((h) => containsSequence(h, term.tokens))) return false;
        break;
      }
    }
  }
  return true;
}

/**
 * The ids of threads with a message matching every term, newest thread first. Trash is left
 * out unless the query asks for it (`in:trash`), as in Gmail.
 */
export function searchThreads(model: MailModel, query: string, timeZone: string, now: number): string[] {
  const terms = parseQuery(query, timeZone);
  const wantsTrash = terms.some((t) => t.kind === 'trash' && !t.negated);
  const hits: { id: string; last: number }[] = [];
  for (const t of model.threads.values()) {
    const msgs = model.threadMessages(t);
    const ok = msgs.some((m) => (wantsTrash || !m.trashed) && matchesMessage(m, terms, now, model.owner));
    if (ok) hits.push({ id: t.id, last: model.lastDate(t) });
  }
  hits.sort((a, b) => b.last - a.last || (a.id < b.id ? 1 : -1));
  return hits.map((h) => h.id);
}
