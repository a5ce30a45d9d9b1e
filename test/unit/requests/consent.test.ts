/** A consent reference is the person's own logged written consent: made-up, someone else's and unrecorded ones are refused. */
import { consentReferenceError } from '../../../src/core/requests/consent';
import { createRequest } from '../../../src/core/requests/machine';

const logged = createRequest({ id: 'R-2026-0003', receivedAt: '2026-11-02T08:00:00.000Z', channel: 'letter', type: 'consent', language: 'fi', customerNumber: '100042' });
const recorded = { ...logged, status: 'completed' as const, outcome: { ...logged.outcome, settled: [{ right: 'consent' as const, outcome: 'fulfilled' as const, at: '', by: '', reason: 'Acme Inc.' }] } };

describe('the written consent a disclosure names', () => {
  test('this person\'s request whose consent was recorded is accepted', () => {
    expect(consentReferenceError('basisReference', 'R-2026-0003', '100042', recorded)).toBeNull();
  });
  test('a made-up reference is refused and says to log the consent first', () => {
    const e = consentReferenceError('basisReference', 'REQ-1', '100042', null)!;
    expect(e.code).toBe('consent-request-unknown');
    expect(e.message.fi).toContain('Kirjaa henkilön kirjallinen suostumus');
  });
  test("someone else's consent is refused", () => {
    expect(consentReferenceError('basisReference', 'R-2026-0003', '100043', recorded)!.code).toBe('consent-request-other');
  });
  test('a request whose consent was never recorded (or that asked no consent) is refused', () => {
    expect(consentReferenceError('basisReference', 'R-2026-0003', '100042', logged)!.code).toBe('consent-not-recorded');
    expect(consentReferenceError('outsideEeaTransferRequest', 'R-2026-0003', '100042', { ...recorded, rights: ['access'] })!.code).toBe('consent-not-recorded');
  });
});

import { validateDisclosure } from '../../../src/core/disclosures';
import { emptyCustomer } from '../../../src/core/customer';

describe('validateDisclosure takes the server\'s lookups of the consents it names', () => {
  const person = { ...emptyCustomer(), customerNumber: '100042', name: 'Maija' };
  const byConsent = { recipient: 'Vakuutus Oy', recipientCountry: 'FI', basis: 'consent', basisReference: 'REQ-1', dataCategories: ['name'] };
  test('a consent reference that is no recorded consent of the person refuses the disclosure', () => {
    const error = consentReferenceError('basisReference', 'REQ-1', '100042', null);
    const r = validateDisclosure(byConsent, person, '2026-12-01', { consentReference: error });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.map((e) => e.code)).toEqual(['consent-request-unknown']);
    expect(validateDisclosure(byConsent, person, '2026-12-01', { consentReference: null }).ok).toBe(true);
  });
  test('an authority basis is not asked for a consent', () => {
    const error = consentReferenceError('basisReference', 'POL-1', '100042', null);
    expect(validateDisclosure({ ...byConsent, basis: 'authority', basisReference: 'POL-1' }, person, '2026-12-01', { consentReference: error }).ok).toBe(true);
  });
  test('outside the EEA the record\'s transfer request must be the person\'s recorded consent, not any text', () => {
    const withText = { ...person, outsideEeaTransferRequest: 'kirje 5.1.' };
    const error = consentReferenceError('outsideEeaTransferRequest', 'kirje 5.1.', '100042', null);
    const r = validateDisclosure({ ...byConsent, recipientCountry: 'US' }, withText, '2026-12-01', { consentReference: null, transferRequest: error });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.map((e) => [e.field, e.code])).toEqual([['recipientCountry', 'consent-request-unknown']]);
    expect(validateDisclosure({ ...byConsent, recipientCountry: 'US' }, withText, '2026-12-01', { consentReference: null, transferRequest: null }).ok).toBe(true);
  });
});
