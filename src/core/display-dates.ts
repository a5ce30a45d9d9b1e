/**
 * Dates and times as an office worker in Finland reads and types them: `d.M.yyyy` for a day and
 * `d.M.yyyy klo H.mm` (sv "kl.", en "at") for a moment in the register's time zone, whatever
 * language the browser runs in. Data stays `YYYY-MM-DD` / ISO 8601; these only convert at the
 * edge (the sidebar's fields and every message that names a time). Pure: the moment to format is
 * always an argument, never the clock.
 */
import type { Language } from './schema';

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

function isCalendarDay(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  return d <= [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1];
}

/** 'YYYY-MM-DD' as `d.M.yyyy` ('2025-12-01' → '1.12.2025'); anything else is returned as it is. */
export function formatDay(iso: string): string {
  const m = ISO_DAY.exec(iso);
  return m ? `${+m[3]}.${+m[2]}.${m[1]}` : iso;
}

/**
 * What a person typed into a date field as 'YYYY-MM-DD': `1.12.2025`, `01.12.2025`, `1.12.2025.`
 * and `2025-12-01` are all taken; '' stays ''. A day that does not exist, a two-digit year or any
 * other text gives null (the field then says how to write it).
 */
export function parseDay(typed: string): string | null {
  const s = typed.trim();
  if (s === '') return '';
  let y: number, mo: number, d: number;
  const fi = /^(\d{1,2})\s*\.\s*(\d{1,2})\s*\.\s*(\d{4})\.?$/.exec(s);
  const iso = ISO_DAY.exec(s);
  if (fi) [d, mo, y] = [+fi[1], +fi[2], +fi[3]];
  else if (iso) [y, mo, d] = [+iso[1], +iso[2], +iso[3]];
  else return null;
  if (!isCalendarDay(y, mo, d)) return null;
  return `${String(y).padStart(4, '0')}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

const AT: Record<Language, string> = { fi: 'klo', sv: 'kl.', en: 'at' };

/**
 * An ISO instant as `d.M.yyyy klo H.mm` in `timeZone` ('2026-11-25T08:00:30.547Z' in Helsinki →
 * '25.11.2026 klo 10.00'); a bare day as `d.M.yyyy`; text that is neither is returned as it is.
 */
export function formatMoment(value: string, timeZone: string, language: Language = 'fi'): string {
  if (ISO_DAY.test(value)) return formatDay(value);
  if (!/^\d{4}-\d{2}-\d{2}T/.test(value)) return value;
  const t = Date.parse(value);
  if (Number.isNaN(t)) return value;
  let parts: Intl.DateTimeFormatPart[];
  try {
    parts = new Intl.DateTimeFormat('en-GB', {
      timeZone, year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: '2-digit', hourCycle: 'h23',
    }).formatToParts(new Date(t));
  } catch {
    return value;
  }
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${+get('day')}.${+get('month')}.${get('year')} ${AT[language] ?? AT.fi} ${+get('hour')}.${get('minute')}`;
}
