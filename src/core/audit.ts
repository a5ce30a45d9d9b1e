/**
 * The audit log (DESIGN §3 "Audit log"): append-only entries naming who did what to which
 * customer and which fields, never their values, each hash-chained to the one before so the
 * compliance check can prove no row was altered, removed or reordered.
 */

/** Every action the log knows; an unknown action is a bug, not a new kind of entry. */
export const AUDIT_ACTIONS = [
  'create',
  'update',
  'manual-edit',
  'delete',
  'retention-delete',
  'ban-marketing',
  'restrict',
  'unrestrict',
  'legal-hold',
  'end-relationship',
  'export-marketing',
  'access-copy',
  'disclosure',
  'request-logged',
  'request-updated',
  'request-closed',
  'request-minimised',
  'settings-change',
  'access-policy',
] as const;

export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export interface AuditEntry {
  at: string;
  actor: string;
  action: AuditAction;
  customerNumber: string;
  /** Comma-joined field names, never values. */
  fields: string;
  requestId: string;
  /** The previous entry's hash; '' for the first entry. */
  prevHash: string;
  hash: string;
}

export interface AuditData {
  /** ISO instant. */
  at: string;
  actor: string;
  action: AuditAction;
  customerNumber?: string;
  /** Names of the fields concerned: identifiers only, so a value can never slip in. */
  fields?: readonly string[];
  requestId?: string;
}

export type Sha256Hex = (s: string) => string;

const FIELD_NAME = /^[A-Za-z][A-Za-z0-9]{0,63}$/;
const HASHED_KEYS = ['action', 'actor', 'at', 'customerNumber', 'fields', 'prevHash', 'requestId'] as const;

/** JSON of the entry's fields except the hash, keys sorted: the same text wherever it is computed. */
export function canonicalAuditJson(entry: Omit<AuditEntry, 'hash'>): string {
  return '{' + HASHED_KEYS.map((k) => `${JSON.stringify(k)}:${JSON.stringify(String(entry[k] ?? ''))}`).join(',') + '}';
}

/** hash = sha256(prevHash + '\n' + canonical JSON). */
export function auditHash(entry: Omit<AuditEntry, 'hash'>, sha256Hex: Sha256Hex): string {
  return sha256Hex(`${entry.prevHash}\n${canonicalAuditJson(entry)}`);
}

/**
 * The next entry after `prev` (null when the log is empty). Throws on an unknown action or a
 * "field name" that is not an identifier: both mean a bug, and the log must not carry values.
 */
export function auditEntry(prev: { hash: string } | null, data: AuditData, sha256Hex: Sha256Hex): AuditEntry {
  if (!(AUDIT_ACTIONS as readonly string[]).includes(data.action)) throw new Error(`auditEntry: unknown action ${JSON.stringify(data.action)}`);
  const fields = data.fields ?? [];
  const bad = fields.filter((f) => !FIELD_NAME.test(f));
  if (bad.length > 0) throw new Error(`auditEntry: fields must be field names, got ${bad.length} that are not`);
  const entry = {
    at: data.at,
    actor: data.actor,
    action: data.action,
    customerNumber: data.customerNumber ?? '',
    fields: fields.join(','),
    requestId: data.requestId ?? '',
    prevHash: prev ? prev.hash : '',
  };
  return { ...entry, hash: auditHash(entry, sha256Hex) };
}

export type ChainCheck =
  | { ok: true }
  | { ok: false; index: number; reason: 'altered' | 'broken-link' | 'unknown-action' | 'head-mismatch' };

/**
 * Checks the chain from the first entry: each hash must match its contents (else 'altered') and
 * each prevHash the entry before it (else 'broken-link': a row removed, inserted or moved). When
 * the last hash is kept elsewhere (`expectedHead`), removing rows from the end is caught too.
 */
export function verifyChain(
  entries: readonly AuditEntry[],
  sha256Hex: Sha256Hex,
  expectedHead?: string,
): ChainCheck {
  for (let i = 0; i < entries.length; i++) {
    const e = entries[i];
    if (!(AUDIT_ACTIONS as readonly string[]).includes(e.action)) return { ok: false, index: i, reason: 'unknown-action' };
    if (auditHash(e, sha256Hex) !== e.hash) return { ok: false, index: i, reason: 'altered' };
    const expectedPrev = i === 0 ? '' : entries[i - 1].hash;
    if (e.prevHash !== expectedPrev) return { ok: false, index: i, reason: 'broken-link' };
  }
  if (expectedHead !== undefined) {
    const head = entries.length ? entries[entries.length - 1].hash : '';
    if (head !== expectedHead) return { ok: false, index: entries.length, reason: 'head-mismatch' };
  }
  return { ok: true };
}
