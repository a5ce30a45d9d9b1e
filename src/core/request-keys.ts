/**
 * Idempotency keys of the writes a retry could double: a create and a disclosure. The client
 * makes one key per form (kept across retries of that form's submit); the server remembers which
 * key gave which result (a customer number, a disclosure id), so a retry after any fault — the
 * final flush included, when the write landed but the caller saw an error — returns the first
 * result instead of writing again.
 *
 * The memory is one document property written in the same `setProperties` call that moves the
 * audit head (no extra service call), and read with the rest of the state (no extra call
 * either). It is bounded to stay well inside a property value's 9 KB: each entry is a 16-hex
 * digest of the operation and the key (never the key itself, which may be up to 64 characters)
 * and the result's reference; at most MAX_REQUEST_KEYS entries and MAX_REQUEST_KEYS_BYTES of
 * JSON, oldest dropped. A retry comes within minutes, long before 200 later writes.
 */
import { sha256Hex, utf8Bytes } from './sha256';

/** What a client's key must look like: a UUID fits, a guessable counter does not. */
export const REQUEST_KEY_PATTERN = /^[A-Za-z0-9_-]{16,64}$/;

export const MAX_REQUEST_KEYS = 200;
/** Bytes of the stored JSON at most (a property value may hold 9 KB). */
export const MAX_REQUEST_KEYS_BYTES = 8000;

/** The writes that carry a key; part of the digest, so one key cannot answer for another operation. */
export type KeyedWrite = 'create' | 'disclosure' | 'request';

/** Remembered keys, oldest first: "digest ref" strings. */
export type RequestKeys = readonly string[];

function digestOf(op: KeyedWrite, key: string): string {
  return sha256Hex(`${op}:${key}`).slice(0, 16);
}

/** The reference the first write with this key returned, or null when the key is new. */
export function earlierResult(keys: RequestKeys, op: KeyedWrite, key: string): string | null {
  const prefix = `${digestOf(op, key)} `;
  for (let i = keys.length - 1; i >= 0; i--) if (keys[i].startsWith(prefix)) return keys[i].slice(prefix.length);
  return null;
}

/** The keys with this one added (newest last), the oldest dropped to stay within the bounds. */
export function rememberResult(keys: RequestKeys, op: KeyedWrite, key: string, ref: string): string[] {
  const out = [...keys, `${digestOf(op, key)} ${ref}`];
  while (out.length > MAX_REQUEST_KEYS) out.shift();
  while (out.length > 1 && utf8Bytes(JSON.stringify(out)).length > MAX_REQUEST_KEYS_BYTES) out.shift();
  return out;
}

/** Stored keys as read back: anything that is not a list of strings is forgotten. */
export function parseRequestKeys(raw: unknown): string[] {
  return Array.isArray(raw) ? raw.filter((v): v is string => typeof v === 'string') : [];
}
