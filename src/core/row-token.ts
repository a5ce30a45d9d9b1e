/**
 * A row's token: a digest of one person's register cells as they were read. The sidebar gets
 * it with the record and sends it back with a save; the server compares it with the row it
 * reads inside the lock. The version cell alone cannot refuse a save that lands between a hand
 * edit and its on-edit trigger (which bumps the version seconds later, or never when it fails),
 * but the row itself has changed by then, and so has its token.
 *
 * The digest is over the record as every read normalises it (`rowToCustomer`: dates in the
 * register's zone, versions as numbers), in the fixed order of CUSTOMER_FIELDS, so it does not
 * depend on where the columns stand, and the token of a row a save writes is known without
 * reading the row back. Pure TypeScript SHA-256: no service call.
 */
import { Customer, CUSTOMER_FIELDS } from './customer';
import { sha256Hex } from './sha256';

/** Hex digits a token has (128 bits of SHA-256: a hand edit never matches by chance). */
export const ROW_TOKEN_LENGTH = 32;

/** The shape a token sent back by a client must have. */
export const ROW_TOKEN_PATTERN = /^[0-9a-f]{32}$/;

/** The token of a record read from (or written to) the register. */
export function rowToken(customer: Customer): string {
  return sha256Hex(JSON.stringify(['row-token-1', ...CUSTOMER_FIELDS.map((f) => customer[f])])).slice(0, ROW_TOKEN_LENGTH);
}
