/**
 * The shapes the server's public functions accept, checked with valibot before anything else:
 * a call from a script or a tampered client that does not fit is refused with a message to
 * reload and retry, and nothing runs. Field contents (an email, a date) are validated later by
 * the core, with messages per field.
 */
import * as v from 'valibot';
import type { Language } from '../core/schema';
import { text } from '../core/texts';
import { UserError } from '../gas/register';
import { REQUEST_KEY_PATTERN } from '../core/request-keys';
import { ROW_TOKEN_PATTERN } from '../core/row-token';

/** A customer number as text; a whole number is accepted and read as its digits. */
export const CUSTOMER_NUMBER = v.pipe(
  v.union([v.string(), v.pipe(v.number(), v.integer(), v.transform(String))]),
  v.trim(),
  v.minLength(1),
  v.maxLength(40),
);
const VERSION = v.pipe(v.number(), v.integer(), v.minValue(0));
const TEXT = v.optional(v.string(), '');
/** A create's or a disclosure's idempotency key, made by the client once per form (core/request-keys.ts). */
const REQUEST_KEY = v.optional(v.pipe(v.string(), v.regex(REQUEST_KEY_PATTERN)));
/** The `rowToken` the caller read with the record (core/row-token.ts); optional, the version is checked either way. */
const ROW_TOKEN = v.optional(v.pipe(v.string(), v.regex(ROW_TOKEN_PATTERN)));

export const SEARCH_INPUT = v.object({ query: v.pipe(v.string(), v.maxLength(200)) });
export const NUMBER_INPUT = v.object({ customerNumber: CUSTOMER_NUMBER });
export const SAVE_INPUT = v.object({
  customer: v.record(v.string(), v.unknown()),
  expectedVersion: v.optional(VERSION),
  expectedRowToken: ROW_TOKEN,
  requestKey: REQUEST_KEY,
});
export const END_RELATIONSHIP_INPUT = v.object({ customerNumber: CUSTOMER_NUMBER, expectedVersion: VERSION, expectedRowToken: ROW_TOKEN, date: TEXT });
export const MARKETING_BASIS_INPUT = v.object({ customerNumber: CUSTOMER_NUMBER, expectedVersion: VERSION, expectedRowToken: ROW_TOKEN, basis: v.string(), consentAt: TEXT });
export const LEGAL_HOLD_INPUT = v.object({ customerNumber: CUSTOMER_NUMBER, expectedVersion: VERSION, expectedRowToken: ROW_TOKEN, until: v.string(), reason: v.string() });
export const RESTRICT_INPUT = v.object({ customerNumber: CUSTOMER_NUMBER, expectedVersion: VERSION, expectedRowToken: ROW_TOKEN, restricted: v.boolean() });
export const DISCLOSURE_INPUT = v.object({
  customerNumber: CUSTOMER_NUMBER,
  recipient: TEXT,
  recipientCountry: TEXT,
  basis: TEXT,
  basisReference: TEXT,
  dataCategories: v.optional(v.union([v.array(v.string()), v.string()]), []),
  date: TEXT,
  requestKey: REQUEST_KEY,
});
export const EXPORT_INPUT = v.optional(v.object({ format: v.optional(v.picklist(['excel', 'import'] as const), 'excel') }), { format: 'excel' });

/**
 * The input in its checked shape, or a refusal in the user's language. `language` is asked for
 * only when refusing, so a well-formed call costs nothing extra.
 */
export function parseInput<S extends v.GenericSchema>(schema: S, input: unknown, language: () => Language): v.InferOutput<S> {
  const result = v.safeParse(schema, input);
  if (!result.success) {
    const issue = result.issues[0];
    const tooLong = schema === (SEARCH_INPUT as unknown) && v.getDotPath(issue) === 'query' && issue.type === 'max_length';
    throw new UserError(text(language(), tooLong ? 'queryTooLong' : 'badRequest'));
  }
  return result.output;
}
