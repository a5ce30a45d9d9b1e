/**
 * The admins' daily summary (setting `dailySummary`: off, draft, email), pure: requests due soon
 * or overdue, the customer numbers the sweep deleted (numbers only), failed compliance checks,
 * and the audit chain's head hash and length. Sent outside the sheet, the head is the chain's
 * anchor: history rewritten later no longer matches the mail trail, and the compliance check
 * compares the chain with the heads it sent. Plain text in the register's language; it carries
 * no personal data (no names, addresses, or findings that could name someone).
 */
import type { Language } from './schema';
import { daysLeft, effectiveDueDate } from './requests/deadlines';
import { OPEN_STATUSES } from './requests/model';
import { REQUEST_TEXTS_EN, REQUEST_TEXTS_FI, REQUEST_TEXTS_SV } from './texts/requests';
import { complianceText, type ComplianceTextKey } from './texts/compliance';

export interface SummaryInput {
  language: Language;
  /** The summary's day (register zone). */
  today: string;
  controllerName: string;
  requests: readonly { id: string; status: string; dueDate: string; extendedDueDate: string }[];
  /** Customer numbers deleted by the sweep since the last summary. */
  deleted: readonly string[];
  failedChecks: readonly { id: string; label: string }[];
  auditHead: { hash: string; count: number };
  /** An open request is "due soon" under this many days left (the countdown's amber: 10). */
  dueSoonDays?: number;
}

export interface Summary {
  subject: string;
  text: string;
  /** Nothing overdue, no failed check. */
  ok: boolean;
  /** The anchor this summary sends (kept with the sent summaries for the compliance check). */
  anchor: { count: number; head: string };
}

const DAYS = { fi: REQUEST_TEXTS_FI, sv: REQUEST_TEXTS_SV, en: REQUEST_TEXTS_EN } as const;
/** What a customer number looks like (settings: a letter prefix, digits); anything else is left out. */
const NUMBER = /^[A-Za-z-]{0,10}\d{1,20}$/;

function day(date: string, language: Language): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m || language === 'en') return date;
  return `${Number(m[3])}.${Number(m[2])}.${m[1]}`;
}

/** The summary's subject and plain text. */
export function dailySummary(input: SummaryInput): Summary {
  const { language, today } = input;
  const t = (key: ComplianceTextKey, params: Record<string, string | number> = {}) => complianceText(language, key, params);
  const words = DAYS[language] ?? DAYS.fi;
  const soon = input.dueSoonDays ?? 10;
  const open = input.requests
    .filter((r) => (OPEN_STATUSES as readonly string[]).includes(r.status) && /^\d{4}-\d{2}-\d{2}$/.test(effectiveDueDate(r)))
    .map((r) => ({ id: r.id, due: effectiveDueDate(r), days: daysLeft(effectiveDueDate(r), today) }))
    .sort((a, b) => a.days - b.days || (a.id < b.id ? -1 : 1));
  const overdue = open.filter((r) => r.days < 0);
  const dueSoon = open.filter((r) => r.days >= 0 && r.days < soon);
  const countdown = (d: number) => (d < 0 ? words.reqOverdueDays.replace('{days}', String(-d)) : d === 0 ? words.reqDueToday : words.reqDaysLeft.replace('{days}', String(d)));
  const line = (r: { id: string; due: string; days: number }) => `- ${t('sumRequestLine', { id: r.id, due: day(r.due, language), days: countdown(r.days) })}`;
  const deleted = [...new Set(input.deleted.map((n) => n.trim()).filter((n) => NUMBER.test(n)))].sort();

  const lines: string[] = [t('sumIntro', { date: day(today, language), controller: input.controllerName }), ''];
  if (overdue.length) lines.push(t('sumOverdue', { count: overdue.length }), ...overdue.map(line), '');
  if (dueSoon.length) lines.push(t('sumDueSoon', { count: dueSoon.length }), ...dueSoon.map(line), '');
  if (!overdue.length && !dueSoon.length) lines.push(t('sumNoRequests'), '');
  if (deleted.length) {
    lines.push(t('sumDeleted', { count: deleted.length }));
    // Ten numbers a line, so a long night stays readable.
    for (let i = 0; i < deleted.length; i += 10) lines.push(deleted.slice(i, i + 10).join(', '));
    lines.push('');
  } else lines.push(t('sumNoDeleted'), '');
  if (input.failedChecks.length) lines.push(t('sumFailed', { count: input.failedChecks.length }), ...input.failedChecks.map((c) => `- ${c.label} (${c.id})`), '');
  else lines.push(t('sumNoFailed'), '');
  lines.push(t('sumHead', { hash: input.auditHead.hash || '–', count: input.auditHead.count }), '', t('sumFooter'));

  const ok = overdue.length === 0 && input.failedChecks.length === 0;
  return {
    subject: t('sumSubject', { date: day(today, language), status: t(ok ? 'sumStatusOk' : 'sumStatusAttention') }),
    text: lines.join('\n') + '\n',
    ok,
    anchor: { count: input.auditHead.count, head: input.auditHead.hash },
  };
}
