/**
 * Inline validation in the browser with the very rules the server applies (core applyEdit and
 * validateDisclosure), so a message appears under a field before anything is sent. The server
 * validates again; these results only decide what the form shows.
 */
import { applyEdit, type Customer, type CustomerField, type CustomerInput } from '../../core/customer';
import { validateDisclosure, type DisclosureInput } from '../../core/disclosures';
import type { FieldError } from '../../core/validation';
import type { Language } from '../../core/schema';
import type { ServerClock } from '../shared/clock';

export type Draft = Record<string, string>;
export type Errors = Record<string, string>;

/** Fields the create and edit forms offer, in order. Marketing, hold and restriction have their own actions. */
export const EDIT_FIELDS: readonly CustomerField[] = [
  'kind', 'customerType', 'name', 'email', 'phone', 'street', 'postalCode', 'city', 'country',
  'source', 'sourceNote', 'relationshipStart', 'relationshipEnd', 'outsideEeaTransferRequest',
];
/** A new record may also get its marketing basis at once (consent needs its date). */
export const CREATE_FIELDS: readonly CustomerField[] = [...EDIT_FIELDS, 'marketingBasis', 'marketingConsentAt'];

/** The form's starting values: the loaded record's, or a new person's defaults (starting on the server's `today`). */
export function draftOf(customer: Customer | null, fields: readonly CustomerField[], today: string): Draft {
  const d: Draft = {};
  for (const f of fields) d[f] = customer ? String(customer[f] ?? '') : '';
  if (!customer) {
    Object.assign(d, { kind: 'customer', customerType: 'person', country: 'FI', source: 'subject', marketingBasis: 'none', relationshipStart: today });
  }
  return d;
}

/** What an edit sends: only the fields the user changed (never system fields they did not load). */
export function changesOf(base: Customer, draft: Draft, fields: readonly CustomerField[]): Draft {
  const out: Draft = {};
  for (const f of fields) if (f in draft && draft[f] !== String(base[f] ?? '')) out[f] = draft[f];
  return out;
}

/** What a create sends: the filled fields only. */
export function createInputOf(draft: Draft, fields: readonly CustomerField[]): Draft {
  const out: Draft = {};
  for (const f of fields) if ((draft[f] ?? '').trim() !== '') out[f] = draft[f];
  return out;
}

function byField(errors: readonly FieldError[], language: Language): Errors {
  const out: Errors = {};
  for (const e of errors) if (!(e.field in out)) out[e.field] = e.message[language];
  return out;
}

/** Field messages for an edit (`base` loaded) or a create (`base` null) of `input`, checked on the server's clock. */
export function customerErrors(base: Customer | null, input: CustomerInput, language: Language, clock: ServerClock): Errors {
  const result = applyEdit(base, input, {
    now: clock.now,
    today: clock.today,
    actor: 'sidebar',
    newCustomerNumber: base ? undefined : 'new',
  });
  return result.ok ? {} : byField(result.errors, language);
}

/** Field messages for a disclosure of `customer`'s data, on the server's `today` (a later date is "in the future"). */
export function disclosureErrors(input: DisclosureInput, customer: Customer, language: Language, today: string): Errors {
  const result = validateDisclosure(input, customer, today);
  return result.ok ? {} : byField(result.errors, language);
}
