/**
 * A request's legal deadline (GDPR 12(3)), counted as the law counts it, so the countdown staff
 * see is the one a supervisor would compute:
 * - Regulation (EEC, Euratom) No 1182/71 Art. 3(2)(c): a period in months ends on the day of the
 *   last month with the same date as the day of the event (the day of receipt, in Helsinki time:
 *   a mail at 00:30 on 1 May is received on 1 May), or on the last day of that month when it has
 *   no such date (31 January → 28/29 February).
 * - Art. 3(4), and Finland's act on computing time limits (laki säädettyjen määräaikain
 *   laskemisesta 150/1930) § 5 as amended by 358/1966: when the last day is a Sunday or other
 *   holy day (pyhäpäivä), Independence Day, May Day, Christmas Eve or Midsummer Eve ("joulu- tai
 *   juhannusaatto"), or a Saturday ("arkilauantai"), the period runs to the next working day.
 *   The holy days are the church holidays of kirkkolaki (1054/1993) 4:3: Christmas Day,
 *   St Stephen's, New Year's Day, Epiphany, Good Friday, Easter Sunday and Monday, Ascension,
 *   Whitsun, Midsummer Day (the Saturday after 19 June) and All Saints' Day (the Saturday after
 *   30 October). New Year's Eve is not among them (date-holidays lists it as a bank holiday).
 * - GDPR 12(3): one extension by two further months, told to the person with the reason within
 *   the first month. Counted from the first month's end before it moved to a working day, so the
 *   extended date is never later than receipt + 3 months (31 Jan → 28 Feb → 28 Apr).
 * Pure: every date is 'YYYY-MM-DD', every instant ISO 8601, and "today" is an argument.
 */
import { dayInZone } from '../customer';

const DAY_MS = 86_400_000;

/** A calendar date → days since 1970-01-01 (UTC arithmetic: no zone, no daylight saving). */
function toDays_(date: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) throw new Error(`not a calendar date (YYYY-MM-DD): ${JSON.stringify(date)}`);
  return Math.floor(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / DAY_MS);
}

function fromDays_(days: number): string {
  return new Date(days * DAY_MS).toISOString().slice(0, 10);
}

function ymd_(y: number, m: number, d: number): string {
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** Days in month `m` (1–12) of year `y`. */
function daysInMonth_(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** `date` plus `days` calendar days. */
export function addDays(date: string, days: number): string {
  return fromDays_(toDays_(date) + days);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(date: string): number {
  return new Date(toDays_(date) * DAY_MS).getUTCDay();
}

/**
 * `date` plus `months` calendar months by Regulation 1182/71 Art. 3(2)(c): the same date, or the
 * last day of the month when it has none (2024-01-31 + 1 → 2024-02-29).
 */
export function addMonths(date: string, months: number): string {
  toDays_(date);
  const [y, m, d] = date.split('-').map(Number);
  const index = y * 12 + (m - 1) + months;
  const ty = Math.floor(index / 12);
  const tm = (index % 12) + 1;
  return ymd_(ty, tm, Math.min(d, daysInMonth_(ty, tm)));
}

/** Easter Sunday of a Gregorian year (the anonymous Gregorian algorithm, Meeus/Jones/Butcher). */
export function easterSunday(year: number): string {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return ymd_(year, month, day);
}

/** The days act 150/1930 § 5 names, besides Saturdays and ordinary Sundays. */
export const FINNISH_HOLIDAYS = [
  'newYear', 'epiphany', 'goodFriday', 'easterSunday', 'easterMonday', 'mayDay', 'ascension', 'whitsun',
  'midsummerEve', 'midsummerDay', 'allSaints', 'independenceDay', 'christmasEve', 'christmasDay', 'stStephens',
] as const;
export type FinnishHoliday = (typeof FINNISH_HOLIDAYS)[number];

/** The first date on or after `date` that falls on weekday `wd` (0 = Sunday). */
function onOrAfter_(date: string, wd: number): string {
  return addDays(date, (wd - weekday(date) + 7) % 7);
}

/** Finland's holidays of a year as act 150/1930 counts them, by date (sorted). */
export function finnishHolidays(year: number): { date: string; holiday: FinnishHoliday }[] {
  const easter = easterSunday(year);
  const midsummerDay = onOrAfter_(ymd_(year, 6, 20), 6); // Saturday 20–26 June
  const list: { date: string; holiday: FinnishHoliday }[] = [
    { date: ymd_(year, 1, 1), holiday: 'newYear' },
    { date: ymd_(year, 1, 6), holiday: 'epiphany' },
    { date: addDays(easter, -2), holiday: 'goodFriday' },
    { date: easter, holiday: 'easterSunday' },
    { date: addDays(easter, 1), holiday: 'easterMonday' },
    { date: ymd_(year, 5, 1), holiday: 'mayDay' },
    { date: addDays(easter, 39), holiday: 'ascension' },
    { date: addDays(easter, 49), holiday: 'whitsun' },
    { date: addDays(midsummerDay, -1), holiday: 'midsummerEve' }, // Friday 19–25 June
    { date: midsummerDay, holiday: 'midsummerDay' },
    { date: onOrAfter_(ymd_(year, 10, 31), 6), holiday: 'allSaints' }, // Saturday 31 Oct – 6 Nov
    { date: ymd_(year, 12, 6), holiday: 'independenceDay' },
    { date: ymd_(year, 12, 24), holiday: 'christmasEve' },
    { date: ymd_(year, 12, 25), holiday: 'christmasDay' },
    { date: ymd_(year, 12, 26), holiday: 'stStephens' },
  ];
  return list.sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : 0));
}

const holidayCache_ = new Map<number, Set<string>>();

/** The holiday on `date`, or null. */
export function holidayOn(date: string): FinnishHoliday | null {
  return finnishHolidays(Number(date.slice(0, 4))).find((h) => h.date === date)?.holiday ?? null;
}

/** True when act 150/1930 § 5 lets a period ending on `date` run on: Saturday, Sunday, a holiday. */
export function isNonWorkingDay(date: string): boolean {
  const wd = weekday(date);
  if (wd === 0 || wd === 6) return true;
  const year = Number(date.slice(0, 4));
  let set = holidayCache_.get(year);
  if (!set) {
    set = new Set(finnishHolidays(year).map((h) => h.date));
    holidayCache_.set(year, set);
  }
  return set.has(date);
}

/** `date` itself when it is a working day, otherwise the next working day. */
export function nextWorkingDay(date: string): string {
  let d = date;
  while (isNonWorkingDay(d)) d = addDays(d, 1);
  return d;
}

/** The calendar day (Helsinki time unless told otherwise) on which an instant falls: the day of receipt. */
export function receiptDay(receivedAt: string, timeZone = 'Europe/Helsinki'): string {
  const at = new Date(receivedAt);
  if (!/^\d{4}-\d{2}-\d{2}T/.test(receivedAt) || Number.isNaN(at.getTime())) {
    throw new Error(`not an ISO instant: ${JSON.stringify(receivedAt)}`);
  }
  return dayInZone(at, timeZone);
}

/** What the deadline of a request received on `receivedOn` is, and how it was reached. */
export interface Deadline {
  /** The day of receipt. */
  receivedOn: string;
  /** Same date next month (or that month's last day), before moving past non-working days. */
  periodEnd: string;
  /** The due date: `periodEnd`, or the next working day after it. */
  dueDate: string;
}

/** The one-month deadline from the day of receipt ('YYYY-MM-DD'). */
export function deadlineFromDay(receivedOn: string): Deadline {
  const periodEnd = addMonths(receivedOn, 1);
  return { receivedOn, periodEnd, dueDate: nextWorkingDay(periodEnd) };
}

/** The one-month deadline of a request received at an instant (the day of receipt in `timeZone`). */
export function deadline(receivedAt: string, timeZone = 'Europe/Helsinki'): Deadline {
  return deadlineFromDay(receiptDay(receivedAt, timeZone));
}

/**
 * The extended due date (GDPR 12(3), two further months) of a request received on `receivedOn`:
 * two months after the first month's end, moved to a working day.
 */
export function extendedDueDate(receivedOn: string): string {
  return nextWorkingDay(addMonths(addMonths(receivedOn, 1), 2));
}

/**
 * Whether the deadline may still be extended on `today`: once only, and only while the first
 * month runs (the person must be told within it, GDPR 12(3)). Returns a reason key when not.
 */
export function extensionRefusal(request: { dueDate: string; extendedDueDate: string }, today: string): 'reqAlreadyExtended' | 'reqExtensionTooLate' | null {
  if (request.extendedDueDate !== '') return 'reqAlreadyExtended';
  if (toDays_(today) > toDays_(request.dueDate)) return 'reqExtensionTooLate';
  return null;
}

/** The due date that applies: the extended one when there is one. */
export function effectiveDueDate(request: { dueDate: string; extendedDueDate: string }): string {
  return request.extendedDueDate !== '' ? request.extendedDueDate : request.dueDate;
}

/** Calendar days from `today` to `due`: 0 on the due day, negative once overdue. */
export function daysLeft(due: string, today: string): number {
  return toDays_(due) - toDays_(today);
}

export const DEADLINE_COLOURS = ['green', 'amber', 'red', 'overdue'] as const;
export type DeadlineColour = (typeof DEADLINE_COLOURS)[number];

/** The countdown's colour: overdue past the due day, red under 5 days, amber under 10, else green. */
export function deadlineColour(days: number): DeadlineColour {
  if (days < 0) return 'overdue';
  if (days < 5) return 'red';
  if (days < 10) return 'amber';
  return 'green';
}

/** What the dialog and the start screen show for an open case: the due date that applies, days left, colour. */
export interface Countdown {
  dueDate: string;
  daysLeft: number;
  colour: DeadlineColour;
}

/** The countdown of a case on `today` (the server's), or null once it is closed. */
export function countdown(request: { status: string; dueDate: string; extendedDueDate: string }, today: string): Countdown | null {
  if (request.status !== 'received' && request.status !== 'awaiting-verification' && request.status !== 'in-progress') return null;
  const due = effectiveDueDate(request);
  const days = daysLeft(due, today);
  return { dueDate: due, daysLeft: days, colour: deadlineColour(days) };
}
