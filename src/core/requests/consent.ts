/**
 * The written consent a disclosure or a transfer outside the EEA rests on (privacy notice:
 * "without the customer's separate request and written consent"; "no disclosures outside the
 * EU or the EEA without a separate written request"): it is a logged request of that very
 * person whose `consent` right was fulfilled, and its id is the reference. A made-up id, another
 * person's request, or a request whose consent was never recorded is refused, each with what to do.
 * Pure: the caller reads the request the reference names (or null).
 */
import { fieldError, type FieldError } from '../validation';
import type { Request } from './model';

import { REQUEST_ID_PATTERN } from './record';

/** Whether `reference` could be a request id as the store issues them ("R-0001"): worth a lookup. */
export function looksLikeRequestId(reference: string): boolean {
  return REQUEST_ID_PATTERN.test(reference.trim());
}

/**
 * Why `reference` is not this person's recorded written consent, as a field error on `field`
 * (`basisReference` of a disclosure, or the record's `outsideEeaTransferRequest`), or null when it is.
 */
export function consentReferenceError(
  field: string,
  reference: string,
  customerNumber: string,
  request: Pick<Request, 'id' | 'customerNumber' | 'rights' | 'outcome'> | null,
): FieldError | null {
  const ref = reference.trim();
  if (!request || request.id !== ref) return fieldError(field, 'consent-request-unknown', 'errConsentRequestUnknown', { reference: ref });
  if (request.customerNumber !== customerNumber) return fieldError(field, 'consent-request-other', 'errConsentRequestOther', { reference: ref });
  const recorded = request.outcome.settled.some((s) => s.right === 'consent' && s.outcome === 'fulfilled');
  if (!request.rights.includes('consent') || !recorded) return fieldError(field, 'consent-not-recorded', 'errConsentNotRecorded', { reference: ref });
  return null;
}
