import { emptyCustomer, type Customer } from '../../src/core/customer';
import { validateDisclosure, type DisclosureInput, type DisclosureResult } from '../../src/core/disclosures';

const today = '2025-03-01';
const customer: Customer = { ...emptyCustomer(), customerNumber: 'C-0001', name: 'Matti', version: 1 };
const byConsent: DisclosureInput = { recipient: 'Vakuutus Oy', recipientCountry: 'FI', basis: 'consent', basisReference: 'R-12', dataCategories: ['name', 'email'] };
const byAuthority: DisclosureInput = { recipient: 'Poliisi', recipientCountry: 'FI', basis: 'authority', basisReference: 'POL-2025-123', dataCategories: 'name,phone' };

function expectError(r: DisclosureResult, field: string, code: string) {
  expect(r.ok).toBe(false);
  if (r.ok) return;
  const e = r.errors.find((x) => x.field === field && x.code === code);
  expect(e).toBeDefined();
  expect(new Set(Object.values(e!.message)).size).toBe(3);
}

describe('disclosures', () => {
  test("a disclosure on the person's written consent is recorded with its reference", () => {
    expect(validateDisclosure(byConsent, customer, today)).toEqual({
      ok: true,
      disclosure: { date: today, customerNumber: 'C-0001', recipient: 'Vakuutus Oy', recipientCountry: 'FI', basis: 'consent', basisReference: 'R-12', dataCategories: 'name,email' },
    });
  });
  test("a disclosure on an authority's demand is recorded with its reference", () => {
    const r = validateDisclosure(byAuthority, customer, today);
    expect(r.ok && r.disclosure.dataCategories).toBe('name,phone');
  });
  test('a disclosure without a basis is refused', () => {
    expectError(validateDisclosure({ ...byConsent, basis: '' }, customer, today), 'basis', 'invalid-basis');
    expectError(validateDisclosure({ ...byConsent, basis: 'legitimate-interest' }, customer, today), 'basis', 'invalid-basis');
  });
  test('consent needs the reference of the logged written consent', () => {
    expectError(validateDisclosure({ ...byConsent, basisReference: ' ' }, customer, today), 'basisReference', 'consent-reference-required');
  });
  test("an authority's demand needs its reference", () => {
    expectError(validateDisclosure({ ...byAuthority, basisReference: '' }, customer, today), 'basisReference', 'authority-reference-required');
  });
  test('a recipient is required', () => {
    expectError(validateDisclosure({ ...byConsent, recipient: '' }, customer, today), 'recipient', 'required');
  });
  test('the recipient country must be an ISO code', () => {
    expectError(validateDisclosure({ ...byConsent, recipientCountry: 'Suomi' }, customer, today), 'recipientCountry', 'invalid-country');
  });
  test("a recipient in the USA is refused without the customer's written transfer request", () => {
    expectError(validateDisclosure({ ...byConsent, recipientCountry: 'US' }, customer, today), 'recipientCountry', 'outside-eea-without-request');
  });
  test('an authority outside the EEA is refused too without the written transfer request', () => {
    expectError(validateDisclosure({ ...byAuthority, recipientCountry: 'GB' }, customer, today), 'recipientCountry', 'outside-eea-without-request');
  });
  test("a recipient in the USA is accepted when the customer's written transfer request is on record", () => {
    const r = validateDisclosure({ ...byConsent, recipientCountry: 'us' }, { ...customer, outsideEeaTransferRequest: 'R-15' }, today);
    expect(r.ok && r.disclosure.recipientCountry).toBe('US');
  });
  test('recipients in Norway, Iceland, Liechtenstein and Åland are inside the EEA', () => {
    for (const c of ['NO', 'IS', 'LI', 'AX', 'DE']) expect(validateDisclosure({ ...byConsent, recipientCountry: c }, customer, today).ok).toBe(true);
  });
  test("a restricted customer's data goes only to an authority", () => {
    const restricted = { ...customer, restrictedAt: '2025-02-01T00:00:00.000Z' };
    expectError(validateDisclosure(byConsent, restricted, today), 'basis', 'restricted');
    expect(validateDisclosure(byAuthority, restricted, today).ok).toBe(true);
  });
  test('data categories must be named from the register content', () => {
    expectError(validateDisclosure({ ...byConsent, dataCategories: [] }, customer, today), 'dataCategories', 'invalid-categories');
    expectError(validateDisclosure({ ...byConsent, dataCategories: ['name', 'health'] }, customer, today), 'dataCategories', 'invalid-categories');
  });
  test('a disclosure cannot be dated in the future or on an impossible day', () => {
    expectError(validateDisclosure({ ...byConsent, date: '2025-03-02' }, customer, today), 'date', 'date-in-future');
    expectError(validateDisclosure({ ...byConsent, date: '2025-02-30' }, customer, today), 'date', 'invalid-date');
    const r = validateDisclosure({ ...byConsent, date: '2025-02-28' }, customer, today);
    expect(r.ok && r.disclosure.date).toBe('2025-02-28');
  });
  test('a formula-looking recipient is kept literally; a recipient with a bidi override is refused', () => {
    const r = validateDisclosure({ ...byConsent, recipient: '=HYPERLINK("x")' }, customer, today);
    expect(r.ok && r.disclosure.recipient).toBe('=HYPERLINK("x")');
    expectError(validateDisclosure({ ...byConsent, recipient: 'Oy\u202eAb' }, customer, today), 'recipient', 'control-characters');
  });
});
