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
import { REQUEST_ID_PATTERN } from '../core/requests/record';

/**
 * A customer number: a string of digits after the register's optional letter prefix (settings
 * allow letters and hyphens). Anything else, a number or an array holding the digits included,
 * is refused: `String(["100001"])` would otherwise read as a valid number.
 */
export const CUSTOMER_NUMBER_PATTERN = /^[A-Za-z-]{0,10}[0-9]{1,20}$/;
export const CUSTOMER_NUMBER = v.pipe(v.string(), v.trim(), v.regex(CUSTOMER_NUMBER_PATTERN));
/** What a record field may carry across google.script.run: never an array or an object. */
const FIELD_VALUE = v.union([v.string(), v.number(), v.boolean(), v.null()]);
const VERSION = v.pipe(v.number(), v.integer(), v.minValue(0));
const TEXT = v.optional(v.string(), '');
/** A create's or a disclosure's idempotency key, made by the client once per form (core/request-keys.ts). */
const REQUEST_KEY = v.optional(v.pipe(v.string(), v.regex(REQUEST_KEY_PATTERN)));
/** The `rowToken` the caller read with the record (core/row-token.ts); optional, the version is checked either way. */
const ROW_TOKEN = v.optional(v.pipe(v.string(), v.regex(ROW_TOKEN_PATTERN)));

export const SEARCH_INPUT = v.object({ query: v.pipe(v.string(), v.maxLength(200)) });
export const NUMBER_INPUT = v.object({ customerNumber: CUSTOMER_NUMBER });
export const SAVE_INPUT = v.object({
  // A record of scalars; its customer number, when there is one, has the number's shape (an
  // empty one means "create").
  customer: v.pipe(
    // valibot's record takes an array too (its indexes as keys): refuse one first.
    v.custom<Record<string, unknown>>((x) => !!x && typeof x === 'object' && !Array.isArray(x)),
    v.record(v.string(), FIELD_VALUE),
    v.check((c) => c.customerNumber === undefined || c.customerNumber === null || c.customerNumber === '' || v.is(CUSTOMER_NUMBER, c.customerNumber)),
  ),
  expectedVersion: v.optional(VERSION),
  expectedRowToken: ROW_TOKEN,
  requestKey: REQUEST_KEY,
  /** The rectification request the edit fulfils (server/fulfil.ts): named in the audit entry. */
  requestId: v.optional(v.pipe(v.string(), v.regex(REQUEST_ID_PATTERN))),
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
/** Set-up's options: an unknown language is ignored (the stored one stays), a non-string refused. */
export const SETUP_INPUT = v.nullish(v.object({ language: v.optional(v.string()) }));
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
