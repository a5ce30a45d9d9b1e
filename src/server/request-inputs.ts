/**
 * The shapes the request API accepts (server/requests.ts), checked with valibot before anything
 * runs, as server/inputs.ts does for the register: a call that does not fit is refused with the
 * reload message and changes nothing. Contents (a reason, a date) are judged later by the core.
 */
import * as v from 'valibot';
import { CHANNELS, REQUEST_LANGUAGES, REQUEST_STATUSES, REQUEST_TYPES } from '../core/requests';
import { REQUEST_KEY_PATTERN } from '../core/request-keys';
import { CUSTOMER_NUMBER } from './inputs';

/** A request id as the store issues it ("R-0001"); anything else names no case. */
export const REQUEST_ID = v.pipe(v.string(), v.trim(), v.regex(/^R-\d{4,9}$/));
const REASON = v.pipe(v.string(), v.maxLength(2000));
const OPTIONAL_NUMBER = v.optional(v.union([v.literal(''), CUSTOMER_NUMBER]), '');

export const LIST_REQUESTS_INPUT = v.optional(
  v.object({
    /** A status, or `open` for every status whose deadline still runs. */
    status: v.optional(v.picklist([...REQUEST_STATUSES, 'open'] as const)),
    customerNumber: v.optional(CUSTOMER_NUMBER),
  }),
  {},
);
export const REQUEST_ID_INPUT = v.object({ id: REQUEST_ID });
export const VERIFY_INPUT = v.object({ id: REQUEST_ID, note: v.pipe(v.string(), v.maxLength(500)) });
export const REASON_INPUT = v.object({ id: REQUEST_ID, reason: REASON });
export const DUPLICATE_INPUT = v.object({ id: REQUEST_ID, of: v.pipe(v.string(), v.trim(), v.maxLength(20)) });
export const LOG_REQUEST_INPUT = v.object({
  channel: v.picklist(CHANNELS),
  type: v.picklist(REQUEST_TYPES),
  rights: v.optional(v.array(v.picklist(REQUEST_TYPES)), []),
  language: v.optional(v.picklist(REQUEST_LANGUAGES)),
  /** The day of receipt ('YYYY-MM-DD', Helsinki) or an ISO instant; today when left out. */
  receivedAt: v.optional(v.pipe(v.string(), v.maxLength(40)), ''),
  requesterEmail: v.optional(v.pipe(v.string(), v.trim(), v.maxLength(254)), ''),
  customerNumber: OPTIONAL_NUMBER,
  summary: v.optional(v.pipe(v.string(), v.maxLength(2000)), ''),
  /** How staff checked the person's identity (an ID card at the office): verifies the case at once. */
  verificationNote: v.optional(v.pipe(v.string(), v.maxLength(500)), ''),
  requestKey: v.pipe(v.string(), v.regex(REQUEST_KEY_PATTERN)),
});
