/**
 * Calendar arithmetic in a named time zone (the spreadsheet's), with Intl only: wall-clock time →
 * instant, instant → wall-clock fields, and Sheets-style date format patterns.
 */

export interface WallClock {
  year: number;
  month: number; // 1-12
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      era: 'short',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** The wall-clock fields of instant `ms` in `timeZone`. */
export function wallClock(ms: number, timeZone: string): WallClock {
  const out: WallClock = { year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0 };
  let bc = false;
  for (const part of formatterFor(timeZone).formatToParts(ms)) {
    switch (part.type) {
      case 'year': out.year = Number(part.value); break;
      case 'month': out.month = Number(part.value); break;
      case 'day': out.day = Number(part.value); break;
      case 'hour': out.hour = Number(part.value) % 24; break;
      case 'minute': out.minute = Number(part.value); break;
      case 'second': out.second = Number(part.value); break;
      case 'era': bc = part.value.startsWith('B'); break;
      default: break;
    }
  }
  if (bc) out.year = 1 - out.year;
  return out;
}

function utcOf(w: WallClock): number {
  const d = new Date(0);
  d.setUTCFullYear(w.year, w.month - 1, w.day);
  d.setUTCHours(w.hour, w.minute, w.second, 0);
  return d.getTime();
}

/** The offset of `timeZone` from UTC at instant `ms`, in milliseconds (whole seconds). */
export function zoneOffset(ms: number, timeZone: string): number {
  const whole = Math.floor(ms / 1000) * 1000;
  return utcOf(wallClock(whole, timeZone)) - whole;
}

/** The instant at which the wall clock in `timeZone` shows `w` (the earlier one in a DST overlap). */
export function instantOf(w: WallClock, timeZone: string): number {
  const guess = utcOf(w);
  const a = guess - zoneOffset(guess, timeZone);
  const b = guess - zoneOffset(a, timeZone);
  const matching = [a, b].filter((t) => utcOf(wallClock(t, timeZone)) === guess);
  // In a DST gap no instant shows `w`: take the later reading, as clocks jump forward.
  return matching.length ? Math.min(...matching) : Math.max(a, b);
}

/** Whether `timeZone` is an IANA zone Intl knows. */
export function isValidTimeZone(timeZone: string): boolean {
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September',
  'October', 'November', 'December'];
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

const TOKEN = /yyyy|yy|mmmm|mmm|mm|m|dddd|ddd|dd|d|hh|h|ss|s|am\/pm|a\/p|"[^"]*"|\\.|./gi;

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

/**
 * Formats instant `ms` in `timeZone` with a Sheets date-time pattern ("yyyy-mm-dd", "d.m.yyyy h:mm",
 * "M/d/yyyy H:mm:ss"). As in Sheets, letters are case-insensitive and "m" means minutes right after
 * an hour or right before seconds, months elsewhere.
 */
export function formatDatePattern(ms: number, timeZone: string, pattern: string): string {
  const w = wallClock(ms, timeZone);
  const tokens = pattern.match(TOKEN) ?? [];
  const hasAmPm = tokens.some((t) => /^(am\/pm|a\/p)$/i.test(t));
  let out = '';
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    const lower = t.toLowerCase();
    if (lower.startsWith('m') && lower.length <= 2 && isMinuteContext(tokens, i)) {
      out += lower.length === 2 ? pad(w.minute) : String(w.minute);
      continue;
    }
    switch (lower) {
      case 'yyyy': out += pad(w.year, 4); break;
      case 'yy': out += pad(w.year % 100); break;
      case 'mmmm': out += MONTHS[w.month - 1]; break;
      case 'mmm': out += MONTHS[w.month - 1].slice(0, 3); break;
      case 'mm': out += pad(w.month); break;
      case 'm': out += String(w.month); break;
      case 'dddd': out += DAYS[new Date(Date.UTC(w.year, w.month - 1, w.day)).getUTCDay()]; break;
      case 'ddd': out += DAYS[new Date(Date.UTC(w.year, w.month - 1, w.day)).getUTCDay()].slice(0, 3); break;
      case 'dd': out += pad(w.day); break;
      case 'd': out += String(w.day); break;
      case 'hh': out += pad(hasAmPm ? twelve(w.hour) : w.hour); break;
      case 'h': out += String(hasAmPm ? twelve(w.hour) : w.hour); break;
      case 'ss': out += pad(w.second); break;
      case 's': out += String(w.second); break;
      case 'am/pm': out += w.hour < 12 ? 'AM' : 'PM'; break;
      case 'a/p': out += w.hour < 12 ? 'A' : 'P'; break;
      default:
        if (t.startsWith('"')) out += t.slice(1, -1);
        else if (t.startsWith('\\')) out += t.slice(1);
        else out += t;
    }
  }
  return out;
}

function twelve(h: number): number {
  return h % 12 === 0 ? 12 : h % 12;
}

function isMinuteContext(tokens: string[], i: number): boolean {
  for (let j = i - 1; j >= 0; j--) {
    const l = tokens[j].toLowerCase();
    if (/^[hs]+$/.test(l)) return l.startsWith('h');
    if (/^[ymd]+$/.test(l)) break;
  }
  for (let j = i + 1; j < tokens.length; j++) {
    const l = tokens[j].toLowerCase();
    if (/^s+$/.test(l)) return true;
    if (/^[ymdh]+$/.test(l)) break;
  }
  return false;
}

/** Whether a number format pattern formats dates or times. */
export function isDatePattern(pattern: string): boolean {
  const bare = pattern.replace(/"[^"]*"|\\./g, '');
  return /[ydhs]/i.test(bare) || /^[^0#]*m/i.test(bare) && !/[0#]/.test(bare);
}
