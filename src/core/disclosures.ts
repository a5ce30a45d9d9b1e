/**
 * Recording a disclosure (DESIGN §1, privacy notice "Regular disclosures"): only on the person's
 * written consent (a logged request) or an authority's demand (its reference); a recipient
 * outside the EU/EEA only when the person's own written transfer request is on record; a
 * restricted person's data only to an authority.
 */
import type { Customer } from './customer';
import {
  fieldError,
  isInsideEuEea,
  validateCountry,
  validateDate,
  validateText,
  type FieldError,
} from './validation';

export const DISCLOSURE_BASES = ['consent', 'authority'] as const;
export type DisclosureBasis = (typeof DISCLOSURE_BASES)[number];

/** The categories of the notice's "Data content" that can be disclosed. */
export const DATA_CATEGORIES = ['name', 'email', 'phone', 'address', 'customerNumber'] as const;
export type DataCategory = (typeof DATA_CATEGORIES)[number];

export interface DisclosureInput {
  /** 'YYYY-MM-DD'; today when left out. */
  date?: string;
  recipient?: string;
  recipientCountry?: string;
  basis?: string;
  /** For consent: the logged written-consent request's ID; for authority: its decision or record number. */
  basisReference?: string;
  dataCategories?: readonly string[] | string;
}

/** A disclosure ready for the Disclosures tab, less the id and recordedBy the server adds. */
export interface Disclosure {
  date: string;
  customerNumber: string;
  recipient: string;
  recipientCountry: string;
  basis: DisclosureBasis;
  basisReference: string;
  /** Comma-joined categories. */
  dataCategories: string;
}

export type DisclosureResult = { ok: true; disclosure: Disclosure } | { ok: false; errors: FieldError[] };

const str_ = (v: unknown): string => (typeof v === 'string' ? v : v === undefined || v === null ? '' : String(v));

/**
 * What the server found about the written consents a disclosure names (core/requests/consent.ts):
 * why the consent reference, and why the record's outside-EEA transfer request, is not this
 * person's recorded written consent (null: it is). Left out, references are not looked up (the
 * unit tests of the other rules); the server always passes both.
 */
export interface ConsentChecks {
  consentReference?: FieldError | null;
  transferRequest?: FieldError | null;
}

/** Validates a disclosure of `customer`'s data on `today` ('YYYY-MM-DD'); errors carry fi/sv/en messages. */
export function validateDisclosure(input: DisclosureInput, customer: Customer, today: string, consents: ConsentChecks = {}): DisclosureResult {
  const errors: FieldError[] = [];

  const dateCheck = validateDate(str_(input.date) || today, 'date');
  let date = today;
  if (!dateCheck.ok) errors.push(dateCheck.error);
  else if (dateCheck.value > today) errors.push(fieldError('date', 'date-in-future', 'errDateInFuture'));
  else date = dateCheck.value;

  const recipient = validateText(str_(input.recipient), 'recipient', { max: 200, required: true, requiredKey: 'errRecipientRequired' });
  if (!recipient.ok) errors.push(recipient.error);

  const country = validateCountry(str_(input.recipientCountry), 'recipientCountry');
  if (!country.ok) errors.push(country.error);

  const basisText = str_(input.basis).trim();
  const basis = (DISCLOSURE_BASES as readonly string[]).includes(basisText) ? (basisText as DisclosureBasis) : null;
  if (!basis) errors.push(fieldError('basis', 'invalid-basis', 'errDisclosureBasis'));

  const reference = validateText(str_(input.basisReference), 'basisReference', { max: 200 });
  if (!reference.ok) errors.push(reference.error);
  else if (reference.value === '' && basis === 'consent') errors.push(fieldError('basisReference', 'consent-reference-required', 'errConsentReference'));
  else if (reference.value === '' && basis === 'authority') errors.push(fieldError('basisReference', 'authority-reference-required', 'errAuthorityReference'));
  // A consent reference names the person's own logged written consent: a made-up one is refused.
  else if (basis === 'consent' && consents.consentReference) errors.push(consents.consentReference);

  const rawCategories = typeof input.dataCategories === 'string' ? input.dataCategories.split(',') : [...(input.dataCategories ?? [])];
  const categories = rawCategories.map((c) => str_(c).trim()).filter((c) => c !== '');
  const known = DATA_CATEGORIES.filter((c) => categories.includes(c));
  if (categories.length === 0 || known.length !== new Set(categories).size) {
    errors.push(fieldError('dataCategories', 'invalid-categories', 'errDataCategories', { values: DATA_CATEGORIES.join(', ') }));
  }

  // The notice's exception is Finnish authorities (Åland's included); any other recipient needs consent.
  if (basis === 'authority' && country.ok && country.value !== 'FI' && country.value !== 'AX') {
    errors.push(fieldError('basis', 'authority-not-finnish', 'errAuthorityNotFinnish'));
  }
  // Restriction (GDPR 18(2)) leaves only what a law demands: an authority.
  if (customer.restrictedAt !== '' && basis === 'consent') errors.push(fieldError('basis', 'restricted', 'errRestrictedDisclosure'));
  // The notice promises no transfer outside the EU/EEA without the person's written request,
  // whatever the basis: an authority outside the EEA is not a Finnish authority either.
  if (country.ok && !isInsideEuEea(country.value) && customer.outsideEeaTransferRequest.trim() === '') {
    errors.push(fieldError('recipientCountry', 'outside-eea-without-request', 'errOutsideEea'));
  } else if (country.ok && !isInsideEuEea(country.value) && consents.transferRequest) {
    // The request on record must be this person's logged written consent, not any text.
    errors.push({ ...consents.transferRequest, field: 'recipientCountry' });
  }

  if (errors.length > 0 || !basis || !recipient.ok || !country.ok || !reference.ok) return { ok: false, errors };
  return {
    ok: true,
    disclosure: {
      date,
      customerNumber: customer.customerNumber,
      recipient: recipient.value,
      recipientCountry: country.value,
      basis,
      basisReference: reference.value,
      dataCategories: known.join(','),
    },
  };
}
