/**
 * Validation and normalisation of the register's fields (DESIGN §1 "Data content"). Every check
 * returns the normalised value or a FieldError whose message, in fi/sv/en, tells the user what
 * to do. Values that look like formulas are kept literally: the sheet writer and the CSV writer
 * neutralise them where they are written.
 */
import { parsePhoneNumberFromString, isSupportedCountry, type CountryCode } from 'libphonenumber-js/mobile';
import { TEXTS, type TextKey } from './texts';
import type { Language } from './schema';

export type Messages = Record<Language, string>;

export interface FieldError {
  field: string;
  code: string;
  /** The text key the message came from, for UIs that localise themselves. */
  key: TextKey;
  message: Messages;
}

export type Check<T = string> = { ok: true; value: T } | { ok: false; error: FieldError };

/** A FieldError with its message in every language; `{name}` placeholders filled from params. */
export function fieldError(field: string, code: string, key: TextKey, params: Record<string, string | number> = {}): FieldError {
  const fill = (s: string) => s.replace(/\{(\w+)\}/g, (m, p: string) => (p in params ? String(params[p]) : m));
  return { field, code, key, message: { fi: fill(TEXTS.fi[key]), sv: fill(TEXTS.sv[key]), en: fill(TEXTS.en[key]) } };
}

const ok = <T>(value: T): Check<T> => ({ ok: true, value });
const fail = (field: string, code: string, key: TextKey, params?: Record<string, string | number>): Check<never> => ({
  ok: false,
  error: fieldError(field, code, key, params),
});

// ---- Countries ------------------------------------------------------------------------------

/** ISO 3166-1 alpha-2 codes (all 249 officially assigned). */
export const ISO_COUNTRIES: ReadonlySet<string> = new Set(
  ('AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ ' +
    'CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR ' +
    'GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO ' +
    'JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR ' +
    'MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO ' +
    'RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV ' +
    'TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW').split(' '),
);

/** The 27 EU member states (Greece as ISO's GR, not the EU's EL) and the EEA's IS, LI, NO. */
export const EU_EEA_COUNTRIES: ReadonlySet<string> = new Set(
  'AT BE BG HR CY CZ DK EE FI FR DE GR HU IE IT LV LT LU MT NL PL PT RO SK SI ES SE IS LI NO'.split(' '),
);

/**
 * Parts of EU member states that ISO codes separately: Åland (Finland) and the outermost regions
 * of France. GDPR applies there, so a recipient there is not "outside the EU/EEA".
 */
export const EU_TERRITORIES_WITH_OWN_CODE: ReadonlySet<string> = new Set(['AX', 'GF', 'GP', 'MQ', 'RE', 'YT', 'MF']);

/** Whether GDPR's own territory covers a country code (no transfer rules needed). */
export function isInsideEuEea(country: string): boolean {
  return EU_EEA_COUNTRIES.has(country) || EU_TERRITORIES_WITH_OWN_CODE.has(country);
}

export function validateCountry(raw: string, field = 'country'): Check {
  const s = raw.trim().toUpperCase();
  return ISO_COUNTRIES.has(s) ? ok(s) : fail(field, 'invalid-country', 'errCountry');
}

// ---- Free text ------------------------------------------------------------------------------

/**
 * C0 and C1 controls, DEL, line/paragraph separators, bidi embeddings/overrides/isolates
 * (U+202A–202E, U+2066–2069, and the invisible marks U+200E/200F/061C), zero-width characters
 * and the BOM: they hide or reorder what a reader sees (Trojan Source) or break the sheet.
 */
const FORBIDDEN_CHARS = /[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

export interface TextRule {
  max: number;
  required?: boolean;
  /** The key used when a required value is missing (default errRequired). */
  requiredKey?: TextKey;
}

/**
 * A free-text field: NFC, trimmed, inner whitespace collapsed to single spaces, no control or
 * direction-changing characters, at most `max` characters (code points). Formula-looking text and
 * HTML are kept exactly: text is data here, never markup or a formula.
 */
export function validateText(raw: string, field: string, rule: TextRule): Check {
  if (LONE_SURROGATE.test(raw)) return fail(field, 'broken-text', 'errBrokenText');
  const s = raw.normalize('NFC').trim();
  if (FORBIDDEN_CHARS.test(s)) return fail(field, 'control-characters', 'errControlChars');
  const collapsed = s.replace(/\s+/g, ' ');
  if (collapsed === '') return rule.required ? fail(field, 'required', rule.requiredKey ?? 'errRequired') : ok('');
  if ([...collapsed].length > rule.max) return fail(field, 'too-long', 'errTooLong', { max: rule.max });
  return ok(collapsed);
}

// ---- Email ----------------------------------------------------------------------------------

/** RFC 5322 atext: what an unquoted local part may hold besides dots. */
const LOCAL_PART = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/;
const DOMAIN_LABEL = /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/;
/** Scripts whose letters pass for Latin ones: a domain using them is a spoof until proven otherwise. */
const LOOKALIKE_SCRIPT = /[\p{Script=Cyrillic}\p{Script=Greek}\p{Script=Armenian}\p{Script=Cherokee}]/u;

/**
 * An email address: trimmed; exactly one @; the local part kept as typed (ASCII atext, ≤ 64);
 * the domain lower-cased, ASCII letters/digits/hyphens in dot-separated labels (an internationalised
 * domain only in its xn-- form), ≤ 254 in total. A non-ASCII domain is refused, and one with
 * letters from a lookalike script (Cyrillic 'а' in 'exаmple.com') says so.
 */
export function validateEmail(raw: string, field = 'email'): Check {
  if (LONE_SURROGATE.test(raw)) return fail(field, 'broken-text', 'errBrokenText');
  const s = raw.trim();
  if (s === '') return ok('');
  if (/[\s\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/.test(s)) {
    return fail(field, 'email-spaces', 'errEmailSpaces');
  }
  const parts = s.split('@');
  // The fault named as it is: no @, several, or one with nothing before or after it.
  if (parts.length === 1) return fail(field, 'email-at', 'errEmailNoAt');
  if (parts.length > 2) return fail(field, 'email-at', 'errEmailManyAt');
  if (parts[0] === '') return fail(field, 'email-at', 'errEmailNoLocal');
  if (parts[1] === '') return fail(field, 'email-at', 'errEmailNoDomain');
  const [local, domainTyped] = parts;
  if (s.length > 254 || local.length > 64) return fail(field, 'email-too-long', 'errEmailTooLong');
  if (!LOCAL_PART.test(local)) return fail(field, 'email-local', 'errEmailLocal');
  const domain = domainTyped.toLowerCase();
  if (/[^\x00-\x7f]/.test(domain)) {
    return LOOKALIKE_SCRIPT.test(domain.normalize('NFKC'))
      ? fail(field, 'email-domain-homoglyph', 'errEmailDomainHomoglyph')
      : fail(field, 'email-domain-non-ascii', 'errEmailDomainNonAscii');
  }
  if (!isSaneDomain_(domain)) return fail(field, 'email-domain', 'errEmailDomain');
  return ok(`${local}@${domain}`);
}

/** Dot-separated LDH labels, a letter TLD (or its xn-- form), no IDNA-reserved "ab--" labels. */
function isSaneDomain_(domain: string): boolean {
  if (domain.length > 253) return false;
  const labels = domain.split('.');
  if (labels.length < 2) return false;
  for (const label of labels) {
    if (!DOMAIN_LABEL.test(label)) return false;
    if (label.slice(2, 4) === '--' && !label.startsWith('xn--')) return false;
  }
  const tld = labels[labels.length - 1];
  return /^[a-z]{2,63}$/.test(tld) || /^xn--[a-z0-9-]+$/.test(tld);
}

// ---- Phone ----------------------------------------------------------------------------------

/**
 * A mobile number in E.164 ('0401234567' → '+358401234567'). National numbers are read in the
 * record's country when libphonenumber knows it, otherwise in Finland. The 'mobile' metadata of
 * libphonenumber-js is used: the register holds mobile numbers only (privacy notice "Data
 * content"), it validates by number pattern (the 'min' set accepts any length-plausible digits,
 * such as '12345'), and it is about a third smaller than 'max'.
 */
export function validatePhone(raw: string, country: string, field = 'phone'): Check {
  const s = raw.trim();
  if (s === '') return ok('');
  // Letters (vanity numbers, "ext."), formulas and anything but dialling punctuation are refused
  // before parsing, so that the parser's leniency cannot turn text into a number.
  if (!/^\+?[0-9 ()./-]+$/.test(s) || (s.match(/[0-9]/g) ?? []).length < 5) return fail(field, 'invalid-phone', 'errPhone');
  const region: CountryCode = isSupportedCountry(country) ? (country as CountryCode) : 'FI';
  const parsed = parsePhoneNumberFromString(s, region);
  if (!parsed || !parsed.isValid()) {
    // A Finnish landline (area codes 02–09 and 013–019, not the mobile 04x and 050): the notice
    // keeps a mobile number only, which is what the person is told.
    const landline = parsed?.countryCallingCode === '358' && /^(?!50)[1-35-9]\d{5,8}$/.test(parsed.nationalNumber);
    return fail(field, 'invalid-phone', landline ? 'errPhoneLandline' : 'errPhone');
  }
  return ok(parsed.number);
}

// ---- Postal code ----------------------------------------------------------------------------

/** FI: five digits kept as text ('00100'); SE: 'NNN NN'; elsewhere 2–10 of A–Z, digits, space, hyphen. */
export function validatePostalCode(raw: string, country: string, field = 'postalCode'): Check {
  const s = raw.trim().toUpperCase().replace(/\s+/g, ' ');
  if (s === '') return ok('');
  if (country === 'FI' || country === 'AX') {
    return /^[0-9]{5}$/.test(s) ? ok(s) : fail(field, 'invalid-postal-code', 'errPostalFi');
  }
  if (country === 'SE') {
    const m = /^([0-9]{3}) ?([0-9]{2})$/.exec(s);
    return m ? ok(`${m[1]} ${m[2]}`) : fail(field, 'invalid-postal-code', 'errPostalSe');
  }
  return /^[A-Z0-9][A-Z0-9 -]{0,8}[A-Z0-9]$/.test(s) ? ok(s) : fail(field, 'invalid-postal-code', 'errPostalOther');
}

// ---- Dates, instants, enumerations ----------------------------------------------------------

/** Whether y-m-d exists in the proleptic Gregorian calendar. */
function isCalendarDate_(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1];
  return d <= days;
}

/**
 * A Finnish date as people write it, 'd.M.yyyy' ('1.12.2025', '01.12.2025', a trailing dot
 * allowed), as 'YYYY-MM-DD'; null when it is not one or the day does not exist.
 */
export function parseFinnishDate(raw: string): string | null {
  const m = /^(\d{1,2})\.(\d{1,2})\.(\d{4})\.?$/.exec(raw.trim());
  if (!m || !isCalendarDate_(+m[3], +m[2], +m[1])) return null;
  return `${m[3]}-${m[2].padStart(2, '0')}-${m[1].padStart(2, '0')}`;
}

/** A calendar date 'YYYY-MM-DD' that exists ('2025-02-29' does not); 'd.M.yyyy' is taken too. */
export function validateDate(raw: string, field: string): Check {
  const s = raw.trim();
  if (s === '') return ok('');
  const finnish = parseFinnishDate(s);
  if (finnish !== null) return ok(finnish);
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m || !isCalendarDate_(+m[1], +m[2], +m[3])) return fail(field, 'invalid-date', 'errDate');
  return ok(s);
}

/**
 * An instant as ISO 8601 with a zone (normalised to UTC 'YYYY-MM-DDTHH:mm:ss.sssZ'), or a bare
 * calendar date when only the day is known (a consent given on paper).
 */
export function validateInstant(raw: string, field: string): Check {
  const s = raw.trim();
  if (s === '') return ok('');
  if (/^\d{4}-\d{2}-\d{2}$/.test(s) || parseFinnishDate(s) !== null) return validateDate(s, field);
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:\d{2})$/.exec(s);
  if (!m || !isCalendarDate_(+m[1], +m[2], +m[3]) || +m[4] > 23 || +m[5] > 59 || +(m[6] ?? 0) > 59) {
    return fail(field, 'invalid-instant', 'errInstant');
  }
  // Date.parse accepts at most milliseconds; trim longer fractions first.
  const t = Date.parse(s.replace(/(\.\d{3})\d+/, '$1'));
  return Number.isNaN(t) ? fail(field, 'invalid-instant', 'errInstant') : ok(new Date(t).toISOString());
}

/**
 * One of an enumeration's values, exactly (after trimming). `words` (core/words.ts) are what the
 * refusal lists in each language, so a person is offered the words the sheet shows, not codes.
 */
export function validateEnum<T extends string>(raw: string, field: string, values: readonly T[], words?: Record<Language, readonly string[]>): Check<T | ''> {
  const s = raw.trim();
  if (s === '') return ok('');
  if ((values as readonly string[]).includes(s)) return ok(s as T);
  const error = fieldError(field, 'invalid-value', 'errEnum', { values: values.join(', ') });
  if (words) for (const l of ['fi', 'sv', 'en'] as const) error.message[l] = TEXTS[l].errEnum.replace('{values}', words[l].join(', '));
  return { ok: false, error };
}

// ---- Search ---------------------------------------------------------------------------------

/**
 * Text as search compares it: NFD with combining marks removed, lower-cased, whitespace
 * collapsed — case- and accent-insensitive, so 'maatta' finds 'Määttä' and 'angstrom' 'Ångström'.
 */
export function normaliseForSearch(s: string): string {
  return s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** A phone number or query as search compares it: digits only. */
export function normalisePhoneForSearch(s: string): string {
  return s.replace(/\D/g, '');
}

/**
 * The digit strings a stored E.164 number should be found by: international ('358401234567')
 * and national as people type it ('0401234567'), so '040 123' finds '+358401234567'.
 */
export function phoneSearchForms(e164: string): string[] {
  const digits = normalisePhoneForSearch(e164);
  if (digits === '') return [];
  const parsed = parsePhoneNumberFromString(e164);
  const national = parsed ? normalisePhoneForSearch(parsed.formatNational()) : '';
  return national && national !== digits ? [digits, national] : [digits];
}
