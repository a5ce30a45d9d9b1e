/**
 * Validation and normalisation of the register's fields (DESIGN §1 "Data content"). Every check
 * returns the normalised value or a FieldError whose message, in fi/sv/en, tells the user what
 * to do. Values that look like formulas are kept literally: the sheet writer and the CSV writer
 * neutralise them where they are written.
 */
/// <reference path="./punycode.d.ts" />
import { parsePhoneNumberFromString, isSupportedCountry, type CountryCode } from 'libphonenumber-js/mobile';
import * as punycode from 'punycode/punycode.es6.js';
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
/** What a Unicode label may hold (IDNA 2008's PVALID is letters, marks and digits, plus the hyphen). */
const UNICODE_LABEL_CHAR = /^[\p{L}\p{M}\p{N}-]$/u;
/** Scripts whose letters pass for Latin ones: a domain using them is a spoof until proven otherwise. */
const LOOKALIKE_SCRIPT = /[\p{Script=Cyrillic}\p{Script=Greek}\p{Script=Armenian}\p{Script=Cherokee}]/u;

/** A domain's one fault, or its ASCII (xn--) form. */
type DomainCheck = { ok: true; ascii: string } | { ok: false; key: TextKey; params?: Record<string, string> };

/**
 * An internationalised domain, label by label (IDNA 2008, RFC 5890–5892, without its tables):
 * a Unicode label holds letters, marks and digits (a hyphen inside), not "ab--" reserved
 * positions, and its ASCII form `xn--` + Punycode (RFC 3492, the `punycode` package) is at most
 * 63 characters; a typed `xn--` label must decode to a Unicode label; an ASCII label is LDH; the
 * top-level label is letters (or an xn-- one); the ASCII form of the whole is at most 253.
 */
function checkDomain_(domain: string): DomainCheck {
  const labels = domain.split('.');
  if (labels.length < 2) return { ok: false, key: 'errEmailDomainNoDot' };
  const ascii: string[] = [];
  for (const label of labels) {
    if (label === '') return { ok: false, key: 'errEmailDomainEmptyLabel' };
    if (label.startsWith('-') || label.endsWith('-')) return { ok: false, key: 'errEmailDomainHyphen', params: { label } };
    if (/^[\x00-\x7f]*$/.test(label)) {
      const bad = [...label].find((c) => !/[a-z0-9-]/.test(c));
      if (bad !== undefined) return { ok: false, key: 'errEmailDomainChar', params: { char: bad } };
      if (label.length > 63) return { ok: false, key: 'errEmailDomainLabelLong', params: { label } };
      if (label.startsWith('xn--')) {
        if (!isPunycodeLabel_(label)) return { ok: false, key: 'errEmailDomainPunycode', params: { label } };
      } else if (label.slice(2, 4) === '--') return { ok: false, key: 'errEmailDomainHyphen', params: { label } };
      ascii.push(label);
      continue;
    }
    // IDNA 2008 disallows what NFKC changes (fullwidth 'ｅ', ligatures, superscripts): not a letter of the label.
    const bad = [...label].find((c) => !UNICODE_LABEL_CHAR.test(c) || c.normalize('NFKC') !== c);
    if (bad !== undefined) return { ok: false, key: 'errEmailDomainChar', params: { char: bad } };
    if (/^\p{M}/u.test(label)) return { ok: false, key: 'errEmailDomainChar', params: { char: label[0] } };
    if (label.slice(2, 4) === '--') return { ok: false, key: 'errEmailDomainHyphen', params: { label } };
    const encoded = `xn--${punycode.encode(label)}`;
    if (encoded.length > 63) return { ok: false, key: 'errEmailDomainLabelLong', params: { label } };
    ascii.push(encoded);
  }
  const tld = labels[labels.length - 1];
  if (/[0-9]/.test(tld) && !tld.startsWith('xn--')) return { ok: false, key: 'errEmailDomainTld', params: { tld } };
  if (tld.length < 2) return { ok: false, key: 'errEmailDomainTld', params: { tld } };
  const whole = ascii.join('.');
  if (whole.length > 253) return { ok: false, key: 'errEmailDomainTooLong' };
  return { ok: true, ascii: whole };
}

/** Whether `xn--…` decodes (RFC 3492) to a label that holds a non-ASCII letter and encodes back to itself. */
function isPunycodeLabel_(label: string): boolean {
  try {
    const decoded = punycode.decode(label.slice(4));
    return /[^\x00-\x7f]/.test(decoded) && [...decoded].every((c) => UNICODE_LABEL_CHAR.test(c)) && punycode.encode(decoded) === label.slice(4);
  } catch {
    return false;
  }
}

/**
 * An email address: trimmed; exactly one @; the local part kept as typed (ASCII atext, ≤ 64);
 * the domain in NFC and lower-cased, kept as typed — `anna@hyvä.fi` stays `anna@hyvä.fi`, and
 * an `xn--` form stays as typed too; each label checked as checkDomain_ says; the address ≤ 254
 * with the domain in its ASCII form (what mail servers count). Letters from a lookalike script
 * (Cyrillic 'а' in 'exаmple.com') are refused as such. Compare addresses with emailKey.
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
  if (local.length > 64) return fail(field, 'email-too-long', 'errEmailLocalTooLong');
  if (!LOCAL_PART.test(local)) return fail(field, 'email-local', 'errEmailLocal');
  const domain = domainTyped.toLowerCase().normalize('NFC');
  if (LOOKALIKE_SCRIPT.test(domain.normalize('NFKC'))) return fail(field, 'email-domain-homoglyph', 'errEmailDomainHomoglyph');
  const checked = checkDomain_(domain);
  if (!checked.ok) {
    return fail(field, checked.key === 'errEmailDomainTooLong' ? 'email-too-long' : 'email-domain', checked.key, checked.params);
  }
  if (local.length + 1 + checked.ascii.length > 254) return fail(field, 'email-too-long', 'errEmailTooLong');
  return ok(`${local}@${domain}`);
}

/**
 * The form in which two addresses are the same mailbox: lower-cased, the domain in NFC and its
 * ASCII (xn--) form, so mail from `anna@xn--hyv-sla.fi` matches the stored `anna@hyvä.fi`.
 * Anything that is not an address (no @, a label that cannot be encoded) is only lower-cased.
 * The local part is compared without case, as the register always has (Gmail ignores it too).
 */
export function emailKey(address: string): string {
  const s = address.trim().toLowerCase();
  const at = s.lastIndexOf('@');
  if (at < 0) return s;
  const domain = s.slice(at + 1).normalize('NFC');
  if (/^[\x00-\x7f]*$/.test(domain)) return s;
  try {
    const ascii = domain.split('.').map((l) => (/^[\x00-\x7f]*$/.test(l) ? l : `xn--${punycode.encode(l)}`)).join('.');
    return `${s.slice(0, at)}@${ascii}`;
  } catch {
    return s;
  }
}

/**
 * Every form a search in the sheet must find an address by (matched without case): as given, its
 * ASCII key, and its Unicode form when it was given as xn--, so a register holding either form
 * finds the other.
 */
export function emailForms(address: string): string[] {
  const typed = address.trim();
  const at = typed.lastIndexOf('@');
  const unicode = at < 0 ? typed : `${typed.slice(0, at)}@${typed.slice(at + 1).toLowerCase().split('.').map(unicodeLabel_).join('.')}`;
  const forms = [typed, emailKey(typed), unicode];
  return forms.filter((f, i) => forms.findIndex((g) => g.toLowerCase() === f.toLowerCase()) === i);
}

/**
 * An address as a person reads it: the domain's xn-- labels in their Unicode form
 * (`anna@xn--hyv-sla.fi` → `anna@hyvä.fi`), anything else as it is. Only for showing: key
 * personnel are kept in Google's ASCII form (emailKey), as Google reports accounts. A label is
 * shown decoded only when it is European Latin letters, digits and hyphens (SHOWN_LABEL): a label
 * with, say, a Cyrillic "а" would read as a look-alike of another domain, so it stays xn--.
 */
/**
 * A label shown decoded: ASCII letters, digits and hyphens with the accented letters of European
 * Latin (Latin-1 and Latin Extended-A: ä, ö, å, é, š, ž…), less the dotless ı and the kra ĸ, which
 * pass for i and k. Anything else (Cyrillic, Greek, IPA's ɑ, other digits) stays xn--.
 */
const SHOWN_LABEL = /^[a-z0-9\u00df-\u00f6\u00f8-\u00ff\u0100-\u0130\u0132-\u0137\u0139-\u017f-]+$/;

export function emailDisplay(address: string): string {
  const at = address.lastIndexOf('@');
  if (at < 0 || !/xn--/i.test(address.slice(at + 1))) return address;
  const shown = (label: string) => {
    const decoded = unicodeLabel_(label.toLowerCase());
    return SHOWN_LABEL.test(decoded) ? decoded : label;
  };
  return `${address.slice(0, at)}@${address.slice(at + 1).split('.').map(shown).join('.')}`;
}

/** A label's Unicode form: an `xn--` label decoded when it decodes, any other as it is. */
function unicodeLabel_(label: string): string {
  return label.startsWith('xn--') && isPunycodeLabel_(label) ? punycode.decode(label.slice(4)) : label;
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
