/**
 * What a cell shows (`getDisplayValues`, TextFinder, the dev server's grid): the value formatted
 * with the cell's number format, the spreadsheet's locale and time zone.
 */
import { formatDatePattern, isDatePattern, wallClock } from './dates';
import type { CellValue } from './values';

export interface DisplayContext {
  locale: string;
  timeZone: string;
}

export const GENERAL_FORMAT = 'General';

function decimalComma(locale: string): boolean {
  return !/^(en|ja|zh|ko|th|he)(_|$)/i.test(locale);
}

function defaultDatePattern(ms: number, ctx: DisplayContext): string {
  const w = wallClock(ms, ctx.timeZone);
  const us = /^en_US$|^en$/.test(ctx.locale);
  const fi = !us && decimalComma(ctx.locale);
  const time = fi ? 'H.mm.ss' : 'H:mm:ss';
  if (w.year === 1899 && w.month === 12 && w.day === 30) return time;
  const date = us ? 'M/d/yyyy' : fi ? 'd.M.yyyy' : 'dd/MM/yyyy';
  return w.hour === 0 && w.minute === 0 && w.second === 0 ? date : `${date} ${time}`;
}

function general(n: number, locale: string): string {
  let s: string;
  if (Number.isInteger(n) && Math.abs(n) < 1e15) s = String(n);
  else if (Math.abs(n) >= 1e15 || (Math.abs(n) < 1e-9 && n !== 0)) s = n.toExponential(2).toUpperCase();
  else s = String(Number(n.toPrecision(10)));
  return decimalComma(locale) ? s.replace('.', ',') : s;
}

/** Formats a number with a numeric pattern such as "0", "0.00", "#,##0.00", "0%", "0.0%". */
function numericPattern(n: number, pattern: string, locale: string): string {
  const section = pattern.split(';')[0];
  const percent = section.includes('%');
  const value = percent ? n * 100 : n;
  const dot = section.indexOf('.');
  const decimals = dot < 0 ? 0 : (section.slice(dot + 1).match(/[0#]/g) ?? []).length;
  const grouped = /[#0],[#0]/.test(section);
  let s = Math.abs(value).toFixed(decimals);
  const comma = decimalComma(locale);
  let [int, frac] = s.split('.');
  if (grouped) int = int.replace(/\B(?=(\d{3})+(?!\d))/g, comma ? '\u00a0' : ',');
  s = frac !== undefined ? `${int}${comma ? ',' : '.'}${frac}` : int;
  const prefix = section.slice(0, section.search(/[#0]/)).replace(/["\\]/g, '');
  const suffix = section.slice(section.search(/[#0.,%]*$/)).replace(/[#0.,]/g, '');
  return `${value < 0 && Number(s.replace(/[^\d]/g, '')) !== 0 ? '-' : ''}${prefix}${s}${suffix}`;
}

/** The text a cell shows. */
export function displayValue(v: CellValue | undefined, format: string | undefined, ctx: DisplayContext): string {
  if (v === undefined || v === '') return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  const pattern = format && format !== GENERAL_FORMAT && format !== '@' ? format : null;
  if (v instanceof Date) {
    const ms = v.getTime();
    return formatDatePattern(ms, ctx.timeZone, pattern && isDatePattern(pattern) ? pattern : defaultDatePattern(ms, ctx));
  }
  if (format === '@') return String(v);
  if (!pattern) return general(v, ctx.locale);
  if (isDatePattern(pattern)) {
    // A number under a date format is a serial day count from 30 December 1899 (UTC-naive).
    return formatDatePattern(Math.round((v - 25569) * 86400000), 'UTC', pattern);
  }
  return numericPattern(v, pattern, ctx.locale);
}
