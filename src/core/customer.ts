/**
 * A person in the register (DESIGN §3 "Register"): reading a row, writing one, and applying an
 * edit — validated, normalised, stamped and versioned — in one pure function.
 */
import {
  fieldError,
  validateCountry,
  validateDate,
  validateEmail,
  validateEnum,
  validateInstant,
  validatePhone,
  validatePostalCode,
  validateText,
  type Check,
  type FieldError,
} from './validation';
import { parseFinnishDate } from './validation';
import { codeOf, decodeWord, wordsOf, type WordSet } from './words';

export const KINDS = ['customer', 'stakeholder'] as const;
export const CUSTOMER_TYPES = ['person', 'business'] as const;
export const SOURCES = ['subject', 'public'] as const;
export const MARKETING_BASES = ['consent', 'existing-customer', 'business', 'none'] as const;

export type Kind = (typeof KINDS)[number];
export type CustomerType = (typeof CUSTOMER_TYPES)[number];
export type Source = (typeof SOURCES)[number];
export type MarketingBasis = (typeof MARKETING_BASES)[number];

/** Calendar dates are 'YYYY-MM-DD', instants ISO 8601; an empty value is ''. */
export interface Customer {
  customerNumber: string;
  kind: Kind;
  customerType: CustomerType;
  name: string;
  email: string;
  phone: string;
  street: string;
  postalCode: string;
  city: string;
  /** ISO 3166-1 alpha-2. */
  country: string;
  source: Source;
  sourceNote: string;
  marketingBasis: MarketingBasis;
  marketingConsentAt: string;
  marketingBannedAt: string;
  relationshipStart: string;
  relationshipEnd: string;
  legalHoldUntil: string;
  legalHoldReason: string;
  restrictedAt: string;
  /** Reference to the customer's written request for transfers outside the EU/EEA. */
  outsideEeaTransferRequest: string;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  updatedBy: string;
  version: number;
}

export type CustomerField = keyof Customer;

/** Every field, in the Register tab's column order (the tab also has derived columns, e.g. searchKey). */
export const CUSTOMER_FIELDS: readonly CustomerField[] = [
  'customerNumber', 'kind', 'customerType', 'name', 'email', 'phone', 'street', 'postalCode', 'city', 'country',
  'source', 'sourceNote', 'marketingBasis', 'marketingConsentAt', 'marketingBannedAt', 'relationshipStart',
  'relationshipEnd', 'legalHoldUntil', 'legalHoldReason', 'restrictedAt', 'outsideEeaTransferRequest', 'createdAt',
  'createdBy', 'updatedAt', 'updatedBy', 'version',
];

/** Fields only the system writes; an edit may repeat their value but never change it. */
export const SYSTEM_FIELDS: readonly CustomerField[] = ['customerNumber', 'createdAt', 'createdBy', 'updatedAt', 'updatedBy', 'version'];

/** Calendar-date columns; a Date cell in them is read as the day in the register's time zone. */
export const DATE_FIELDS: readonly CustomerField[] = ['relationshipStart', 'relationshipEnd', 'legalHoldUntil'];
/** Instant columns; a Date cell in them is read as an ISO instant. */
export const INSTANT_FIELDS: readonly CustomerField[] = ['marketingConsentAt', 'marketingBannedAt', 'restrictedAt', 'createdAt', 'updatedAt'];

/** A customer with every field empty: the starting point of a new record. */
export function emptyCustomer(): Customer {
  return {
    customerNumber: '', kind: 'customer', customerType: 'person', name: '', email: '', phone: '', street: '',
    postalCode: '', city: '', country: 'FI', source: 'subject', sourceNote: '', marketingBasis: 'none',
    marketingConsentAt: '', marketingBannedAt: '', relationshipStart: '', relationshipEnd: '', legalHoldUntil: '',
    legalHoldReason: '', restrictedAt: '', outsideEeaTransferRequest: '', createdAt: '', createdBy: '',
    updatedAt: '', updatedBy: '', version: 0,
  };
}

/** Register columns missing from a header's keys: the operation must stop before writing. */
export function missingRegisterColumns(keys: readonly (string | null)[]): CustomerField[] {
  return CUSTOMER_FIELDS.filter((f) => !keys.includes(f));
}

const isDate_ = (v: unknown): v is Date => Object.prototype.toString.call(v) === '[object Date]';

/** The calendar day of an instant in a time zone, as 'YYYY-MM-DD'. */
const dayFormats = new Map<string, Intl.DateTimeFormat>();
const wallFormats = new Map<string, Intl.DateTimeFormat>();
/** One formatter per zone: a read of 100,000 rows formats 300,000 date cells. */
function formatter(cache: Map<string, Intl.DateTimeFormat>, timeZone: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  let f = cache.get(timeZone);
  if (!f) cache.set(timeZone, (f = new Intl.DateTimeFormat(cache === dayFormats ? 'en-CA' : 'en-US', { timeZone, ...options })));
  return f;
}

export function dayInZone(date: Date, timeZone: string): string {
  const parts = formatter(dayFormats, timeZone, { year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(date);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}

/** The instant at which the wall clock in `timeZone` shows y-m-d h:mi (the earlier one in a DST overlap). */
export function instantInZone(y: number, m: number, d: number, h: number, mi: number, timeZone: string): number {
  const wall = Date.UTC(y, m - 1, d, h, mi);
  const offsetAt = (t: number) => {
    const parts = formatter(wallFormats, timeZone, { hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' }).formatToParts(t);
    const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
    return Date.UTC(get('year'), get('month') - 1, get('day'), get('hour') % 24, get('minute'), get('second')) - Math.floor(t / 1000) * 1000;
  };
  const a = wall - offsetAt(wall);
  const b = wall - offsetAt(a);
  const showing = [a, b].filter((t) => t + offsetAt(t) === wall);
  // In a DST gap no instant shows the wall time: the later reading, as clocks jump forward.
  return showing.length ? Math.min(...showing) : Math.max(a, b);
}

/** 'd.M.yyyy klo H.mm' (also 'kl.', none, or ':' in the time) in `timeZone` as an ISO instant; null when it is not one. */
export function parseFinnishInstant(raw: string, timeZone: string): string | null {
  const m = /^(\d{1,2}\.\d{1,2}\.\d{4})\.?\s+(?:klo\s+|kl\.?\s*)?(\d{1,2})[.:](\d{2})(?:[.:](\d{2}))?$/i.exec(raw.trim());
  if (!m) return null;
  const day = parseFinnishDate(m[1]);
  if (!day || +m[2] > 23 || +m[3] > 59 || +(m[4] ?? 0) > 59) return null;
  const [y, mo, d] = day.split('-').map(Number);
  return new Date(instantInZone(y, mo, d, +m[2], +m[3], timeZone) + 1000 * +(m[4] ?? 0)).toISOString();
}

/** The word set of a register field shown as words (core/words.ts), or null. */
const WORD_FIELDS: Partial<Record<CustomerField, WordSet>> = { kind: 'kind', customerType: 'customerType', source: 'source', marketingBasis: 'marketingBasis' };

/**
 * A register cell as the record's text: the one place a register row's cells are read back.
 * Dates (a Date cell in a date column is the day in the register's time zone, in an instant
 * column the ISO instant; 'd.M.yyyy' and 'd.M.yyyy klo H.mm' typed as text are read too) and
 * words (any language's word, or the code) become what the software decides with.
 */
export function cellToString(value: unknown, field: CustomerField, timeZone: string): string {
  if (value === null || value === undefined) return '';
  if (isDate_(value)) {
    if (Number.isNaN(value.getTime())) return '';
    return DATE_FIELDS.includes(field) ? dayInZone(value, timeZone) : value.toISOString();
  }
  const set = WORD_FIELDS[field];
  if (set) return String(decodeWord(set, value));
  if (typeof value === 'string' && (DATE_FIELDS.includes(field) || INSTANT_FIELDS.includes(field))) {
    const day = parseFinnishDate(value);
    if (day !== null) return day;
    const instant = INSTANT_FIELDS.includes(field) ? parseFinnishInstant(value, timeZone) : null;
    if (instant !== null) return instant;
  }
  // A number (a postal code a manual edit turned into 100) is read as its text: restoring '00100'
  // would be a guess; validation on the next edit asks the user for the real value.
  return String(value);
}

/**
 * A row read from the sheet as a Customer. `keys` are the column keys by position (null for
 * columns the register does not know). Cells may be strings, numbers, booleans, Dates or ''.
 * Values are taken as they are, not re-validated: a manual edit in the sheet is shown, not hidden.
 */
export function rowToCustomer(keys: readonly (string | null)[], row: readonly unknown[], timeZone: string): Customer {
  const c = emptyCustomer() as unknown as Record<string, string | number>;
  // Enumerations and country default as in emptyCustomer only when the column is absent.
  keys.forEach((key, i) => {
    if (key === null || !(CUSTOMER_FIELDS as readonly string[]).includes(key)) return;
    const field = key as CustomerField;
    if (field === 'version') {
      const n = Number(row[i]);
      c.version = Number.isFinite(n) && n >= 0 ? Math.floor(n) : 0;
    } else {
      c[field] = cellToString(row[i], field, timeZone);
    }
  });
  return c as unknown as Customer;
}

/**
 * The row to write for a customer: strings, version a number. Columns the register does not know
 * keep the value they had in `existingRow` (or '' for a new row).
 */
export function customerToRow(keys: readonly (string | null)[], customer: Customer, existingRow: readonly unknown[] = []): unknown[] {
  return keys.map((key, i) => {
    if (key !== null && (CUSTOMER_FIELDS as readonly string[]).includes(key)) return customer[key as CustomerField];
    return i < existingRow.length ? existingRow[i] : '';
  });
}

/** Names of the fields whose values differ (every field when `before` is null and `after` has a value). */
export function changedFields(before: Customer | null, after: Customer): CustomerField[] {
  return CUSTOMER_FIELDS.filter((f) => (before === null ? after[f] !== '' && after[f] !== 0 : before[f] !== after[f]));
}

/** What a user may send: any editable field; system fields only unchanged (version: the one they edited). */
export type CustomerInput = { [K in CustomerField]?: unknown };

export interface EditContext {
  /** ISO instant of the edit. */
  now: string;
  /** 'YYYY-MM-DD' in the register's time zone. */
  today: string;
  /** Email of the key person making the edit. */
  actor: string;
  /** The number a new record gets; the caller allocates it (numbers are never reused). */
  newCustomerNumber?: string;
  /**
   * Validate only the fields the input names (and the rules across fields that involve them);
   * the other stored values are kept as they are, even ones today's rules would refuse. For the
   * record view's actions: a ban or a restriction must never fail on an old landline number.
   */
  onlyInput?: boolean;
}

export type EditResult =
  | { ok: true; customer: Customer; changed: CustomerField[] }
  | { ok: false; errors: FieldError[] };

/** Bookkeeping fields left out of `changed`: the audit log names what the user changed. */
const BOOKKEEPING: readonly CustomerField[] = ['createdAt', 'createdBy', 'updatedAt', 'updatedBy', 'version'];

/**
 * Validates `input` against `existing` (null for a new record), normalises every field, stamps
 * created/updated and bumps the version. Absent fields keep their value; null clears a field.
 * An edit that changes nothing returns the existing record unchanged (no new version).
 * Refused: unknown fields, changes to system fields, a stale version, removing or changing a
 * marketing ban (it is permanent, GDPR 21(3)), and every validation rule of validation.ts.
 */
export function applyEdit(existing: Customer | null, input: CustomerInput, ctx: EditContext): EditResult {
  const errors: FieldError[] = [];
  const base = existing ?? { ...emptyCustomer(), customerNumber: ctx.newCustomerNumber ?? '' };
  if (existing === null && !ctx.newCustomerNumber) errors.push(fieldError('customerNumber', 'no-customer-number', 'errNoCustomerNumber'));

  // Raw strings for every editable field: the input's value, or the stored one.
  const raw: Partial<Record<CustomerField, string>> = {};
  for (const key of Object.keys(input)) {
    if (!(CUSTOMER_FIELDS as readonly string[]).includes(key)) {
      errors.push(fieldError(key, 'unknown-field', 'errUnknownField'));
      continue;
    }
    const field = key as CustomerField;
    const value = input[field];
    if (value === undefined) continue;
    if (SYSTEM_FIELDS.includes(field)) {
      if (field === 'version') {
        if (existing !== null && Number(value) !== existing.version) errors.push(fieldError('version', 'stale', 'errStale'));
      } else if (String(value ?? '') !== String(base[field])) {
        errors.push(fieldError(field, 'system-field', 'errSystemField'));
      }
      continue;
    }
    if (value === null) raw[field] = '';
    else if (typeof value === 'string') raw[field] = value;
    else if (typeof value === 'number' && Number.isFinite(value)) raw[field] = String(value);
    else errors.push(fieldError(field, 'not-text', 'errNotText'));
  }
  const get = (f: CustomerField): string => (f in raw ? (raw[f] as string) : String(base[f]));

  const next: Customer = { ...base };
  const checked = (f: CustomerField) => !ctx.onlyInput || f in raw;
  const take = (f: CustomerField, check: Check<string>) => {
    if (!checked(f)) return;
    if (check.ok) (next as unknown as Record<string, string | number>)[f] = check.value;
    else errors.push(check.error);
  };
  /** A rule across fields applies when any of its fields is checked. */
  const involved = (...fs: CustomerField[]) => fs.some(checked);
  const defaulted = (f: CustomerField, fallback: string) => (get(f).trim() === '' ? fallback : get(f));

  // A word of any language (or the code) names the value; a refusal lists the words.
  const choice = <T extends string>(f: CustomerField, set: WordSet, fallback: string, values: readonly T[]) => {
    const typed = defaulted(f, fallback);
    return validateEnum(codeOf(set, typed) ?? typed, f, values, { fi: wordsOf(set, 'fi'), sv: wordsOf(set, 'sv'), en: wordsOf(set, 'en') });
  };
  take('kind', choice('kind', 'kind', 'customer', KINDS));
  take('customerType', choice('customerType', 'customerType', 'person', CUSTOMER_TYPES));
  take('source', choice('source', 'source', 'subject', SOURCES));
  take('marketingBasis', choice('marketingBasis', 'marketingBasis', 'none', MARKETING_BASES));
  const country = validateCountry(defaulted('country', 'FI'));
  take('country', country);
  const countryCode = country.ok ? country.value : 'FI';

  take('name', validateText(get('name'), 'name', { max: 200, required: true, requiredKey: 'errNameRequired' }));
  take('email', validateEmail(get('email')));
  take('phone', validatePhone(get('phone'), countryCode));
  take('street', validateText(get('street'), 'street', { max: 200 }));
  take('postalCode', validatePostalCode(get('postalCode'), countryCode));
  take('city', validateText(get('city'), 'city', { max: 100 }));
  take('sourceNote', validateText(get('sourceNote'), 'sourceNote', { max: 500 }));
  take('legalHoldReason', validateText(get('legalHoldReason'), 'legalHoldReason', { max: 500 }));
  take('outsideEeaTransferRequest', validateText(get('outsideEeaTransferRequest'), 'outsideEeaTransferRequest', { max: 200 }));
  for (const f of DATE_FIELDS) take(f, validateDate(get(f), f));
  for (const f of ['marketingConsentAt', 'marketingBannedAt', 'restrictedAt'] as const) take(f, validateInstant(get(f), f));

  // Rules across fields, checked only on values that passed their own checks.
  const failed = new Set(errors.map((e) => e.field));
  const clean = (f: CustomerField) => !failed.has(f);
  if (existing !== null && existing.marketingBannedAt !== '' && 'marketingBannedAt' in raw && clean('marketingBannedAt')
    && next.marketingBannedAt !== existing.marketingBannedAt) {
    errors.push(fieldError('marketingBannedAt', 'ban-permanent', 'errBanPermanent'));
  }
  if (involved('legalHoldUntil', 'legalHoldReason') && clean('legalHoldUntil') && clean('legalHoldReason') && next.legalHoldUntil !== '' && next.legalHoldReason === '') {
    errors.push(fieldError('legalHoldReason', 'legal-hold-reason-required', 'errLegalHoldReason'));
  }
  if (involved('relationshipStart', 'relationshipEnd') && clean('relationshipStart') && clean('relationshipEnd') && next.relationshipStart !== '' && next.relationshipEnd !== ''
    && next.relationshipEnd < next.relationshipStart) {
    errors.push(fieldError('relationshipEnd', 'relationship-order', 'errRelationshipOrder'));
  }
  if (involved('marketingBasis', 'customerType') && clean('marketingBasis') && clean('customerType') && next.marketingBasis === 'business' && next.customerType !== 'business') {
    errors.push(fieldError('marketingBasis', 'business-basis-for-person', 'errBusinessBasisPerson'));
  }
  if (involved('marketingBasis', 'marketingConsentAt') && clean('marketingBasis') && clean('marketingConsentAt') && next.marketingBasis === 'consent' && next.marketingConsentAt === '') {
    errors.push(fieldError('marketingConsentAt', 'consent-time-required', 'errConsentDate'));
  }
  if (errors.length > 0) return { ok: false, errors };

  const changed = changedFields(existing, next).filter((f) => !BOOKKEEPING.includes(f));
  if (existing !== null && changed.length === 0) return { ok: true, customer: existing, changed: [] };
  if (existing === null) {
    next.createdAt = ctx.now;
    next.createdBy = ctx.actor;
  }
  next.updatedAt = ctx.now;
  next.updatedBy = ctx.actor;
  next.version = (existing?.version ?? 0) + 1;
  return { ok: true, customer: next, changed };
}
