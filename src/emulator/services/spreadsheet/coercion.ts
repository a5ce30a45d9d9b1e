/**
 * How Sheets reads what is typed into a cell — and what `setValue(s)`/`appendRow` write, since
 * they parse strings the same way: "=…" is a formula whatever the format; in a plain-text ("@")
 * cell every other string stays exactly as written; elsewhere numbers, percentages, TRUE/FALSE
 * and dates are recognised, a leading apostrophe marks literal text (and is dropped), and text
 * starting with "+" or "-" that is not a number is read as a formula (Sheets shows an error).
 */
import { isDate } from '../../guest';
import { evaluateFormula } from './formula';
import { instantOf } from './dates';
import type { CellValue } from './values';

export interface Written {
  value: CellValue;
  /** The formula text when the input became a formula. */
  formula: string | null;
}

export interface ParseContext {
  /** e.g. "en_US", "fi_FI": decides day/month order and the decimal separator. */
  locale: string;
  timeZone: string;
}

export const PLAIN_TEXT_FORMAT = '@';

const EN_NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
const EN_GROUPED = /^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?$/;
const COMMA_NUMBER = /^[+-]?(?:\d+(?:,\d*)?|,\d+)(?:[eE][+-]?\d+)?$/;
const ISO_DATE = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;
const LOCAL_DATE = /^(\d{1,2})([./-])(\d{1,2})\2(\d{4}|\d{2})(?:\s+(\d{1,2})[:.](\d{2})(?:[:.](\d{2}))?)?$/;
const TIME_ONLY = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/;

function usesDecimalComma(locale: string): boolean {
  return !/^(en|ja|zh|ko|th|he|ga|mt)(_|$)/i.test(locale) && !/^(es_MX|de_CH|fr_CH|it_CH)$/.test(locale);
}

function monthFirst(locale: string): boolean {
  return /^en_US$|^en$|^en_PH$|^es_US$/.test(locale);
}

/** Parses `input` as a number in `locale`, or returns null. */
export function parseNumber(input: string, locale: string): number | null {
  if (usesDecimalComma(locale)) {
    if (COMMA_NUMBER.test(input)) return Number(input.replace(',', '.'));
    return null;
  }
  if (EN_NUMBER.test(input)) return Number(input);
  if (EN_GROUPED.test(input)) return Number(input.replace(/,/g, ''));
  return null;
}

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function makeDate(y: number, m: number, d: number, h: number, mi: number, s: number, timeZone: string): Date | null {
  if (m < 1 || m > 12 || d < 1 || d > daysIn(y, m) || h > 23 || mi > 59 || s > 59) return null;
  return new Date(instantOf({ year: y, month: m, day: d, hour: h, minute: mi, second: s }, timeZone));
}

function fullYear(text: string): number {
  const y = Number(text);
  if (text.length > 2) return y;
  return y < 30 ? 2000 + y : 1900 + y;
}

/** Parses a date or time as Sheets recognises it in `locale`, at wall-clock time in `timeZone`. */
export function parseDate(input: string, ctx: ParseContext): Date | null {
  let m = ISO_DATE.exec(input);
  if (m) {
    return makeDate(Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4] ?? 0), Number(m[5] ?? 0),
      Number(m[6] ?? 0), ctx.timeZone);
  }
  m = LOCAL_DATE.exec(input);
  if (m) {
    const [a, b] = [Number(m[1]), Number(m[3])];
    const [month, day] = monthFirst(ctx.locale) ? [a, b] : [b, a];
    return makeDate(fullYear(m[4]), month, day, Number(m[5] ?? 0), Number(m[6] ?? 0), Number(m[7] ?? 0),
      ctx.timeZone);
  }
  m = TIME_ONLY.exec(input);
  if (m) {
    // A time alone is a time of day on Sheets' day zero, 30 December 1899.
    return makeDate(1899, 12, 30, Number(m[1]), Number(m[2]), Number(m[3] ?? 0), ctx.timeZone);
  }
  return null;
}

/** Reads a typed string as Sheets does. `plainText`: the cell's number format is "@". */
export function parseTyped(input: string, plainText: boolean, ctx: ParseContext): Written {
  if (input.length > 1 && input.charCodeAt(0) === 61 /* = */) {
    return { value: evaluateFormula(input), formula: input };
  }
  if (plainText || input === '') return { value: input, formula: null };
  const first = input.charCodeAt(0);
  if (first === 39 /* ' */) return { value: input.slice(1), formula: null };
  // Fast path: text that cannot be a number, boolean, date or sign-led formula.
  const signed = first === 43 /* + */ || first === 45; /* - */
  const digitLike = (first >= 48 && first <= 57) || first === 46 /* . */ || first === 44; /* , */
  if (!signed && !digitLike) {
    if (input.length === 4 || input.length === 5) {
      const upper = input.toUpperCase();
      if (upper === 'TRUE') return { value: true, formula: null };
      if (upper === 'FALSE') return { value: false, formula: null };
    }
    return { value: input, formula: null };
  }
  const n = parseNumber(input, ctx.locale);
  if (n !== null) return { value: n, formula: null };
  if (input.endsWith('%')) {
    const p = parseNumber(input.slice(0, -1), ctx.locale);
    if (p !== null) return { value: p / 100, formula: null };
  }
  if (digitLike) {
    const d = parseDate(input, ctx);
    if (d) return { value: d, formula: null };
    return { value: input, formula: null };
  }
  if (input.length > 1) {
    const formula = `=${input}`;
    return { value: evaluateFormula(formula), formula };
  }
  return { value: input, formula: null };
}

/** What a value passed to setValue(s)/appendRow becomes in a cell. */
export function toWritten(value: unknown, plainText: boolean, ctx: ParseContext): Written {
  if (typeof value === 'string') return parseTyped(value, plainText, ctx);
  if (typeof value === 'number') {
    return { value: Number.isFinite(value) ? value : '#NUM!', formula: null };
  }
  if (typeof value === 'boolean') return { value, formula: null };
  if (value === null || value === undefined) return { value: '', formula: null };
  if (isDate(value)) {
    const t = value.getTime();
    return { value: Number.isNaN(t) ? '' : new Date(t), formula: null };
  }
  // Other objects arrive as their string form, which is then read like typed text.
  return parseTyped(String(value), plainText, ctx);
}
