/**
 * Idempotency keys for the writes a retry could double (a create, a disclosure): one per form,
 * made when the form opens and kept across retries of its submit, so the server answers a
 * retry with the first result (see core/request-keys.ts). Random, never read from the clock.
 */
export function newRequestKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  // Outside a secure context randomUUID is missing; getRandomValues is always there.
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
}
