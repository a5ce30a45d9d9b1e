/**
 * Sidebar search over the register's derived search column: partial, case- and
 * accent-insensitive on name, email and customer number; phone numbers by their digits, so
 * "040 123" finds +358401234567; several words in any order ("Turunen Kalevi", "kal tur").
 */

export interface SearchHit {
  customerNumber: string;
  name: string;
  email: string;
  phone: string;
  /** What the result list marks: a marketing ban, a restriction, a legal hold's end, the relationship's end. */
  status: { banned: boolean; restricted: boolean; legalHoldUntil: string; relationshipEnd: string };
}

type Keyed = {
  customerNumber: string;
  name: string;
  email: string;
  phone: string;
  marketingBannedAt?: string;
  restrictedAt?: string;
  legalHoldUntil?: string;
  relationshipEnd?: string;
  version?: number;
};

/**
 * What the software last wrote for a row, kept in its search key: the facts a hand edit must
 * not change (the customer number, a marketing ban, the version), so the on-edit trigger can
 * put them back even when a paste replaced several cells at once.
 */
export interface KeyedState {
  customerNumber: string;
  marketingBannedAt: string;
  version: number | null;
}

/**
 * The search column's cell for a record: a JSON array, readable and never formula-like. Its
 * fifth element is the checksum of the whole record (`recordChecksum`), which lets a save trust
 * the remembered column layout without reading the header: a row whose columns were moved no
 * longer matches its checksum.
 */
export function searchKeyOf(c: Keyed): string {
  const status = [c.marketingBannedAt ?? '', c.restrictedAt ? 1 : 0, c.legalHoldUntil ?? '', c.relationshipEnd ?? '', c.version ?? null];
  return JSON.stringify([c.customerNumber, c.name, c.email, c.phone, recordChecksum(c as unknown as Record<string, unknown>), status]);
}

/** The checksum a search key carries, or "" for a key without one. */
export function checksumOfSearchKey(cell: unknown): string {
  if (typeof cell !== 'string' || cell.charAt(0) !== '[') return '';
  try {
    const parsed = JSON.parse(cell) as unknown[];
    return typeof parsed[4] === 'string' ? parsed[4] : '';
  } catch {
    return '';
  }
}

/**
 * FNV-1a (32 bit) over the record's fields in key order, searchKey excluded: a cheap
 * fingerprint to notice columns that moved, not a security measure (the audit chain is that).
 */
export function recordChecksum(record: Record<string, unknown>): string {
  const keys = Object.keys(record).filter((k) => k !== 'searchKey').sort();
  const text = keys.map((k) => `${k}=${String(record[k] ?? '')}`).join('\u0001');
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

/** Folds case and accents: "Määttä" and "maatta" compare equal. */
export function fold(s: string): string {
  return s.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
}

function parseKey(cell: unknown): SearchHit | null {
  if (typeof cell !== 'string' || cell.charAt(0) !== '[') return null;
  try {
    const [customerNumber, name, email, phone, , flags] = JSON.parse(cell) as unknown[];
    const f = Array.isArray(flags) ? flags : [];
    return {
      customerNumber: String(customerNumber ?? ''),
      name: String(name ?? ''),
      email: String(email ?? ''),
      phone: String(phone ?? ''),
      status: { banned: !!f[0], restricted: f[1] === 1, legalHoldUntil: String(f[2] ?? ''), relationshipEnd: String(f[3] ?? '') },
    };
  } catch {
    return null;
  }
}

/** Digits a phone query stands for, without the national trunk zero ("0401" → "401"). */
function phoneDigits(query: string): string | null {
  if (!/^[+\d\s()-]+$/.test(query)) return null;
  const digits = query.replace(/\D/g, '');
  if (digits.length < 4) return null;
  if (query.trim().startsWith('+')) return digits;
  return digits.startsWith('0') ? digits.slice(1) : digits;
}

/**
 * The hits for `query` among the search column's cells (one per register row, header excluded),
 * best first: exact customer number, then name/email prefix matches, then other matches.
 * `limit` caps the list (the sidebar shows a page of results).
 */
export function searchRegister(cells: readonly unknown[], query: string, limit = 50): { hits: SearchHit[]; total: number } {
  return searchHits(cells.map(parseKey), query, limit);
}

/** A record as a search hit (the invariant store's records are searched this way). */
export function hitOf(c: Keyed): SearchHit {
  return {
    customerNumber: c.customerNumber, name: c.name, email: c.email, phone: c.phone,
    status: { banned: !!c.marketingBannedAt, restricted: !!c.restrictedAt, legalHoldUntil: c.legalHoldUntil ?? '', relationshipEnd: c.relationshipEnd ?? '' },
  };
}

/** The hits for `query` among `candidates` (null for a row that is not a record), best first. */
export function searchHits(candidates: readonly (SearchHit | null)[], query: string, limit = 50): { hits: SearchHit[]; total: number } {
  const q = fold(query.trim()).replace(/\s+/g, ' ');
  if (!q) return { hits: [], total: 0 };
  const digits = phoneDigits(query);
  // Several words match in any order, each the start of a word of the name (or part of the
  // email): "Turunen Kalevi" and "kal tur" find Kalevi Turunen.
  const words = q.includes(' ') ? q.split(' ') : null;
  const scored: { hit: SearchHit; score: number; order: number }[] = [];
  for (let i = 0; i < candidates.length; i++) {
    const hit = candidates[i];
    if (!hit) continue;
    let score = 0;
    if (hit.customerNumber.toLowerCase() === q) score = 4;
    else {
      const name = fold(hit.name);
      const email = fold(hit.email);
      if (name.startsWith(q) || email.startsWith(q)) score = 3;
      else if (name.includes(q) || email.includes(q) || name.split(' ').some((w) => w.startsWith(q))) score = 2;
      else if (hit.customerNumber.toLowerCase().includes(q)) score = 1;
      else if (digits && hit.phone.replace(/\D/g, '').includes(digits)) score = 1;
      else if (words) {
        const parts = name.split(/[\s-]+/);
        if (words.every((w) => parts.some((p) => p.startsWith(w)) || email.includes(w))) score = 2;
      }
    }
    if (score) scored.push({ hit, score, order: i });
  }
  scored.sort((a, b) => b.score - a.score || a.hit.name.localeCompare(b.hit.name, 'fi') || a.order - b.order);
  return { hits: scored.slice(0, limit).map((s) => s.hit), total: scored.length };
}

/** The state a search key records, or null for a cell that is not one. */
export function keyedState(cell: unknown): KeyedState | null {
  if (typeof cell !== 'string' || cell.charAt(0) !== '[') return null;
  try {
    const [customerNumber, , , , , flags] = JSON.parse(cell) as unknown[];
    const f = Array.isArray(flags) ? flags : [];
    return {
      customerNumber: String(customerNumber ?? ''),
      marketingBannedAt: typeof f[0] === 'string' ? f[0] : '',
      version: typeof f[4] === 'number' && Number.isInteger(f[4]) ? f[4] : null,
    };
  } catch {
    return null;
  }
}
