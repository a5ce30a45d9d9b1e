/**
 * The invariant store and its repair, as pure functions. What a hand edit must never change
 * (customer numbers and those ever used, bans, versions, each row's identity) cannot be proven
 * from the register tab itself: a paste or a sort carries every cell of a row, its hidden search
 * key included. So the software keeps its own copy of every record it wrote in a hidden tab that
 * pastes and sorts in the register cannot reach: one cell per customer number ever issued, at the
 * row `number - base + 2` (numbers are never reused, so that row is the number's forever). A row
 * of the register is proven when its content is exactly the stored record of its number; what it
 * differs in is a hand edit (accepted when it passes validation), a stale copy (put back), or a
 * row whose identity cannot be proven (quarantined: kept, flagged, never merged or dropped).
 * Without an edit event (the repair) nothing is taken on a guess: a changed name, email or phone,
 * and values a sort moved between records, are put back from the store.
 */
import { applyEdit, Customer, CUSTOMER_FIELDS, CustomerField, SYSTEM_FIELDS } from './customer';
import type { FieldError } from './validation';
import { checksumOfSearchKey, recordChecksum, searchKeyOf } from './search';

/** The hidden store tab, found by any of its names. */
export const STORE_TAB_NAMES = { fi: 'Varmisteet', sv: 'Säkring', en: 'Safeguard' } as const;

/** How customer numbers map to store rows: prefix, digits, and the first number (row 2). */
export interface NumberFormat {
  prefix: string;
  digits: number;
  base: number;
}

/** A number's offset from the base (its store row is offset + 2), or null when it is not one of ours. */
export function numberIndex(format: NumberFormat, number: string): number | null {
  if (!number.startsWith(format.prefix)) return null;
  const rest = number.slice(format.prefix.length);
  if (!/^\d+$/.test(rest) || rest.length !== format.digits) return null;
  const n = Number(rest) - format.base;
  return Number.isSafeInteger(n) && n >= 0 ? n : null;
}

export function numberAt(format: NumberFormat, index: number): string {
  return `${format.prefix}${String(format.base + index).padStart(format.digits, '0')}`;
}

/**
 * A number that was issued and whose record was deleted by the software: it stays used. The
 * retention sweep's tombstones name no number (`customerNumber` reads as ''): the store's row
 * is the number's (column A holds it), so one cell text marks every number a run deleted and
 * one RangeList write lays them all (gas/invariants.ts writeTombstones). Older tombstones, and an
 * erasure's, carry the number; both read as a tombstone.
 */
export interface Tombstone {
  /** '' for a tombstone that names no number (its store row says which). */
  customerNumber: string;
  deletedAt: string;
}

export type StoreEntry = Customer | Tombstone | null;

export function isLive(e: StoreEntry): e is Customer {
  return !!e && !('deletedAt' in e);
}

export function parseStoreCell(cell: unknown): StoreEntry {
  if (typeof cell !== 'string' || cell.charAt(0) !== '{') return null;
  try {
    const v = JSON.parse(cell) as Record<string, unknown>;
    if (v && typeof v.customerNumber === 'string') return v as unknown as StoreEntry;
    // A tombstone that names no number: the date and nothing else.
    if (v && typeof v.deletedAt === 'string' && Object.keys(v).length === 1) return { customerNumber: '', deletedAt: v.deletedAt };
    return null;
  } catch {
    return null;
  }
}

/** The cell of a tombstone that names no number (the same text for every number deleted at `deletedAt`). */
export function tombstoneCell(deletedAt: string): string {
  return JSON.stringify({ deletedAt });
}

/** Whether `e` is a tombstone that names no number (its store row says which). */
export function isUnnamedTombstone(e: StoreEntry): e is Tombstone {
  return !!e && 'deletedAt' in e && e.customerNumber === '';
}

export function storeCell(e: Customer | Tombstone): string {
  return isUnnamedTombstone(e) ? tombstoneCell(e.deletedAt) : JSON.stringify(e);
}

/** The fields a hand edit may never change; reads take them from the store. */
export const INVARIANT_FIELDS: readonly CustomerField[] = ['customerNumber', 'marketingBannedAt', 'version', 'createdAt', 'createdBy', 'updatedAt', 'updatedBy'];

/** Fields that say who a row is: a row differing from its number's record in two of them is not proven to be that person. */
export const IDENTITY_FIELDS: readonly CustomerField[] = ['name', 'email', 'phone'];

/** Rows changed in one column, without an edit event, from which values moved between records read as a sort. */
const SORT_ROWS = 2;

/**
 * A row adopted into a store made for a register set up before the store existed. The row is
 * the record, except what a hand edit may never take away: a ban its hidden search key still
 * holds (the key is written by the software; a ban cleared in the cell, the key's checksum no
 * longer matching, or both, leave it there), and a version that never moves backwards. The key
 * counts only when it names this row's number.
 */
function adoptedRecord(row: Customer, searchKey: unknown): Customer {
  if (typeof searchKey !== 'string' || searchKey.charAt(0) !== '[') return row;
  let key: unknown[];
  try {
    key = JSON.parse(searchKey) as unknown[];
  } catch {
    return row;
  }
  if (!Array.isArray(key) || String(key[0]) !== row.customerNumber || !Array.isArray(key[5])) return row;
  const [ban, , , , version] = key[5] as unknown[];
  const c = { ...row };
  if (c.marketingBannedAt === '' && typeof ban === 'string' && ban !== '') c.marketingBannedAt = ban;
  if (typeof version === 'number' && Number.isSafeInteger(version) && version > Number(c.version || 0)) c.version = version;
  return c;
}

/** `foreign`: the row differs in two or more identity fields: not proven to be that person (reads show the store's record). */
export type RowState = 'proven' | 'stale' | 'edited' | 'foreign';

/**
 * What a read decides for a row that carries `entry`'s number: proven (exactly the stored
 * record), stale (a state the software wrote earlier, e.g. a pasted backup or a write that
 * failed: the store wins) or edited (a hand edit not yet checked: shown, with every invariant
 * from the store; a ban in either place counts).
 */
export function decideRow(row: Customer, searchKey: unknown, entry: Customer): { state: RowState; customer: Customer } {
  const sum = recordChecksum(row as unknown as Record<string, unknown>);
  if (sum === recordChecksum(entry as unknown as Record<string, unknown>)) return { state: 'proven', customer: row };
  if (checksumOfSearchKey(searchKey) === sum) return { state: 'stale', customer: entry };
  if (!sameIdentity(differing(row, entry))) return { state: 'foreign', customer: entry };
  const customer = { ...row } as unknown as Record<string, unknown>;
  for (const f of INVARIANT_FIELDS) customer[f] = entry[f];
  customer.marketingBannedAt = entry.marketingBannedAt || row.marketingBannedAt;
  return { state: 'edited', customer: customer as unknown as Customer };
}

export type QuarantineReason = 'unknown-number' | 'duplicate' | 'identity-changed' | 'no-number';

export interface QuarantineItem {
  /** 1-based row in the register tab when the repair ran (rows move: for the admin to look at now). */
  row: number;
  reason: QuarantineReason;
  /** The number the row carried, cleared from its cell so that numbers stay unique. */
  typedNumber: string;
  name: string;
  email: string;
}

/** The hidden search key of a quarantined row: an object (never a search hit), naming why. */
export function quarantineKey(item: Omit<QuarantineItem, 'row'>, at: string): string {
  return JSON.stringify({ quarantine: item.reason, number: item.typedNumber, name: item.name, email: item.email, at });
}

export function parseQuarantineKey(cell: unknown): (Omit<QuarantineItem, 'row'> & { at: string }) | null {
  if (typeof cell !== 'string' || !cell.startsWith('{"quarantine"')) return null;
  try {
    const v = JSON.parse(cell) as Record<string, string>;
    return { reason: v.quarantine as QuarantineReason, typedNumber: v.number ?? '', name: v.name ?? '', email: v.email ?? '', at: v.at ?? '' };
  } catch {
    return null;
  }
}

export interface RepairReport {
  /** Register rows read. */
  rows: number;
  /** Rows proven against the store. */
  proven: number;
  /** Records adopted into a store that was empty (the first repair of a register). */
  adopted: number;
  /** Hand edits the trigger had not checked, accepted (validated) with a new version. */
  acceptedEdits: { customerNumber: string; fields: string[] }[];
  /** Fields put back from the store: numbers, bans, versions, stale copies, refused values. */
  restoredFields: { customerNumber: string; fields: string[] }[];
  /** Records whose row was missing (deleted, overwritten, or quarantined), written back as new rows. */
  restoredRows: string[];
  /** Rows whose identity could not be proven: kept, flagged, excluded from marketing and deletion. */
  quarantined: QuarantineItem[];
  /** Formulas turned into literal text. */
  formulas: number;
  /** Hidden search keys rewritten (after a sort of the visible columns, for one). */
  searchKeys: number;
}

export interface RepairInput {
  keys: readonly (string | null)[];
  /** Register rows from row 2, as `rowToCustomer` reads them (formula cells already as their literal text). */
  records: Customer[];
  /** Each row's hidden search key cell. */
  searchKeys: unknown[];
  /** Whether each row is empty (nothing in any known column). */
  empty: boolean[];
  store: StoreEntry[];
  format: NumberFormat;
  /** The next number the counter hands out (store rows at or past it are unused). */
  nextNumber: number;
  /** True for the first repair of a register whose store is empty: rows are adopted, not judged. */
  adopt: boolean;
  /**
   * Numbers a retention sweep logged as deleted and has not finished (server/retention.ts, its
   * pending work): their rows may be gone before their tombstones are laid, and they are never
   * written back as rows deleted by hand; the sweep's continuation lays the tombstones.
   */
  deleting?: ReadonlySet<string>;
  now: string;
  today: string;
}

export interface RepairPlan {
  /** Row index (0 = register row 2) → the record to write there, search key included. */
  rows: Map<number, Record<string, unknown>>;
  append: Customer[];
  /** Store index → record to store. */
  store: Map<number, Customer>;
  audit: { customerNumber: string; fields: string[] }[];
  nextNumber: number;
  report: RepairReport;
}

const sums = new WeakMap<Customer, string>();
/** A record's checksum, computed once per record object (the repair compares each several times). */
const sumOf = (c: Customer) => {
  let sum = sums.get(c);
  if (sum === undefined) {
    sum = recordChecksum(c as unknown as Record<string, unknown>);
    sums.set(c, sum);
  }
  return sum;
};

function differing(a: Customer, b: Customer): CustomerField[] {
  return CUSTOMER_FIELDS.filter((f) => String(a[f]) !== String(b[f]));
}

/**
 * Decides, from one read of the register and one of the store, everything the repair writes.
 * Nothing is guessed: a row is the person of its number only when its content proves it.
 */
export function planRepair(input: RepairInput): RepairPlan {
  const { records, searchKeys, empty, format, now, today } = input;
  const store = input.store.slice();
  const report: RepairReport = { rows: records.length, proven: 0, adopted: 0, acceptedEdits: [], restoredFields: [], restoredRows: [], quarantined: [], formulas: 0, searchKeys: 0 };
  const plan: RepairPlan = { rows: new Map(), append: [], store: new Map(), audit: [], nextNumber: input.nextNumber, report };
  const byIndex = new Map<number, number[]>();
  const noNumber: number[] = [];
  const pending: { i: number; reason: QuarantineReason }[] = [];
  const quarantine = (i: number, reason: QuarantineReason) => {
    pending.push({ i, reason });
  };
  const quarantineNow = (i: number, reason: QuarantineReason) => {
    const r = records[i];
    const item = { reason, typedNumber: r.customerNumber, name: r.name, email: r.email };
    report.quarantined.push({ row: i + 2, ...item });
    const known = parseQuarantineKey(searchKeys[i]);
    if (known && r.customerNumber === '') return;
    plan.rows.set(i, { customerNumber: '', searchKey: quarantineKey(item, now) });
    plan.audit.push({ customerNumber: r.customerNumber, fields: ['quarantine'] });
  };
  const write = (i: number, c: Customer) => {
    plan.rows.set(i, { ...c, searchKey: searchKeyOf(c) });
  };
  const restore = (customerNumber: string, fields: string[]) => {
    if (!fields.length) return;
    report.restoredFields.push({ customerNumber, fields });
    plan.audit.push({ customerNumber, fields });
  };
  for (let i = 0; i < records.length; i++) {
    if (empty[i]) continue;
    const number = records[i].customerNumber.trim();
    if (!number) {
      noNumber.push(i);
      continue;
    }
    const index = numberIndex(format, number);
    if (index === null) {
      quarantine(i, 'unknown-number');
      continue;
    }
    const list = byIndex.get(index) ?? [];
    list.push(i);
    byIndex.set(index, list);
  }
  if (input.adopt) {
    // The first repair of a register: the sheet as it stands is the record (said in the README).
    for (const [index, list] of byIndex) {
      const first = list[0];
      const c = adoptedRecord(records[first], searchKeys[first]);
      store[index] = c;
      plan.store.set(index, c);
      report.adopted += 1;
      plan.nextNumber = Math.max(plan.nextNumber, format.base + index + 1);
      // Copies among `rest` are quarantined below, like any other.
    }
  }
  const held = new Set<number>();
  // Rows that differ from their number's record without proof of a hand edit, judged together
  // below (a sort shows as many rows changed in the same columns).
  const candidates: { index: number; holder: number; entry: Customer; diff: CustomerField[] }[] = [];
  const moved: typeof candidates = [];
  // Judged once every row is read (below): which of the `moved` rows a sort provably made.
  let permuted = new Set<number>();
  const judgeMoved = () => {
    permuted = permutedRows(moved.map((m) => ({ holder: m.holder, index: m.index, row: records[m.holder], fields: m.diff.filter((f) => IDENTITY_FIELDS.includes(f)) })), store, format, plan.nextNumber);
  };
  for (const [index, list] of byIndex) {
    const entry = store[index] ?? null;
    if (!isLive(entry) || format.base + index >= plan.nextNumber) {
      for (const i of list) quarantine(i, 'unknown-number');
      continue;
    }
    const exact = list.filter((i) => sumOf(records[i]) === sumOf(entry));
    const holder = exact.length ? exact[0] : list.length === 1 ? list[0] : -1;
    for (const i of list) if (i !== holder) quarantine(i, 'duplicate');
    if (holder < 0) continue;
    const row = records[holder];
    if (exact.length) {
      held.add(index);
      report.proven += 1;
      if (checksumOfSearchKey(searchKeys[holder]) !== sumOf(row)) {
        report.searchKeys += 1;
        write(holder, row);
      }
      continue;
    }
    if (checksumOfSearchKey(searchKeys[holder]) === sumOf(row)) {
      // A state the software once wrote (a pasted backup, a write that failed): the store's is current.
      held.add(index);
      restore(entry.customerNumber, differing(row, entry));
      write(holder, entry);
      continue;
    }
    const diff = differing(row, entry);
    if (!sameIdentity(diff)) {
      moved.push({ index, holder, entry, diff });
      continue;
    }
    held.add(index);
    candidates.push({ index, holder, entry, diff });
  }
  judgeMoved();
  // Rows whose name, email or phone (two or more) now hold another record's: put back when the
  // rows are provably a permutation of stored values (a sort of identity columns together), else quarantined.
  for (const m of moved) {
    if (!permuted.has(m.holder)) {
      quarantine(m.holder, 'identity-changed');
      continue;
    }
    held.add(m.index);
    restore(m.entry.customerNumber, m.diff);
    write(m.holder, m.entry);
  }
  // The repair has no edit event, so it never takes who a row is from the row: a changed name,
  // email or phone is put back from the store (two or more changed were quarantined above). A
  // value in a column that changed in two or more rows and that is some other record's value in
  // that column is a value moved there (a sort, a fill, a paste of other rows): put back. What
  // remains is a hand edit whose trigger failed or was busy, taken when it passes validation.
  const changedIn = new Map<CustomerField, number>();
  for (const c of candidates) for (const f of c.diff) changedIn.set(f, (changedIn.get(f) ?? 0) + 1);
  const storedValues = new Map<CustomerField, Set<string>>();
  const storedIn = (f: CustomerField) => {
    let set = storedValues.get(f);
    if (!set) {
      set = new Set<string>();
      for (const e of store) if (isLive(e) && String(e[f]) !== '') set.add(String(e[f]));
      storedValues.set(f, set);
    }
    return set;
  };
  for (const { index, holder, entry, diff } of candidates) {
    const row = records[holder];
    const moved = diff.filter((f) => !IDENTITY_FIELDS.includes(f) && (changedIn.get(f) ?? 0) >= SORT_ROWS && storedIn(f).has(String(row[f])));
    const forced = diff.filter((f) => IDENTITY_FIELDS.includes(f)).concat(moved);
    const judged = { ...row } as unknown as Record<string, unknown>;
    for (const f of forced) judged[f] = entry[f];
    const accepted = acceptHandEdit(entry, judged as unknown as Customer, now, today, 'repair');
    restore(entry.customerNumber, forced.concat(accepted.restored));
    if (accepted.changed.length) {
      report.acceptedEdits.push({ customerNumber: entry.customerNumber, fields: accepted.changed });
      plan.audit.push({ customerNumber: entry.customerNumber, fields: accepted.changed });
      store[index] = accepted.customer;
      plan.store.set(index, accepted.customer);
    }
    write(holder, accepted.customer);
  }
  // A row whose number was cleared or changed by hand, otherwise exactly its record: its number goes back.
  const orphans = new Map<string, number>();
  for (let index = 0; index < store.length && format.base + index < plan.nextNumber; index++) {
    const e = store[index];
    if (isLive(e) && !held.has(index)) orphans.set(sumOf({ ...e, customerNumber: '' }), index);
  }
  for (const i of noNumber) pending.push({ i, reason: 'no-number' });
  pending.sort((a, b) => a.i - b.i);
  for (const { i, reason } of pending) {
    const index = orphans.get(sumOf({ ...records[i], customerNumber: '' }));
    if (index !== undefined && !held.has(index)) {
      held.add(index);
      const entry = store[index] as Customer;
      restore(entry.customerNumber, ['customerNumber']);
      write(i, entry);
      continue;
    }
    quarantineNow(i, reason);
  }
  // Every live record without a proven row is written back: nothing the software holds is lost.
  for (let index = 0; index < store.length && format.base + index < plan.nextNumber; index++) {
    const e = store[index];
    if (!isLive(e) || held.has(index) || input.deleting?.has(e.customerNumber)) continue;
    plan.append.push(e);
    report.restoredRows.push(e.customerNumber);
    plan.audit.push({ customerNumber: e.customerNumber, fields: ['restoredRow'] });
  }
  return plan;
}

/**
 * Which rows (by row index) that differ from their number's record in two or more of name,
 * email and phone are provably a sort of identity columns together, and so may be put back from
 * the store: the changed identity cells of each match exactly one stored record's (no other
 * live record has those values), that record's own row is among the changed rows too (its values
 * moved away, as a sort moves them; a copy pasted over a row leaves the original in place), and
 * no two rows claim the same record. Anything else is ambiguous and left out (quarantined).
 */
export function permutedRows(
  rows: readonly { holder: number; index: number; row: Customer; fields: readonly CustomerField[] }[],
  store: readonly StoreEntry[],
  format: NumberFormat,
  nextNumber: number,
): Set<number> {
  const out = new Set<number>();
  if (rows.length < 2) return out;
  const changed = new Set(rows.map((r) => r.index));
  // One lookup per set of fields seen (a sort of D:E gives name+email for every row).
  const lookups = new Map<string, Map<string, number[]>>();
  const keyOf = (c: Customer, fields: readonly CustomerField[]) => JSON.stringify(fields.map((f) => String(c[f])));
  const lookup = (fields: readonly CustomerField[]) => {
    const sig = fields.join(',');
    let map = lookups.get(sig);
    if (!map) {
      map = new Map();
      for (let i = 0; i < store.length && format.base + i < nextNumber; i++) {
        const e = store[i];
        if (!isLive(e)) continue;
        const k = keyOf(e, fields);
        const list = map.get(k) ?? [];
        list.push(i);
        map.set(k, list);
      }
      lookups.set(sig, map);
    }
    return map;
  };
  const claims = new Map<number, number[]>();
  for (const r of rows) {
    const sources = lookup(r.fields).get(keyOf(r.row, r.fields)) ?? [];
    if (sources.length !== 1 || sources[0] === r.index || !changed.has(sources[0])) continue;
    const list = claims.get(sources[0]) ?? [];
    list.push(r.holder);
    claims.set(sources[0], list);
  }
  for (const holders of claims.values()) if (holders.length === 1) out.add(holders[0]);
  return out;
}

/**
 * A hand edit applied to the stored record like one typed in the sidebar: the editable fields
 * that pass validation are taken, every invariant and every refused value comes back from the
 * store. A ban typed by hand is taken (an objection applies at once) at `now`.
 */
export function acceptHandEdit(
  entry: Customer, row: Customer, now: string, today: string, actor = 'repair',
  /** The fields the edit event covered (the trigger): a name, email or phone changed outside them had no edit event. */
  edited?: readonly CustomerField[],
): { customer: Customer; changed: string[]; restored: CustomerField[]; errors: FieldError[]; banTaken: boolean } {
  const diff = differing(row, entry);
  // Without an edit event a cleared cell is not proof of a hand edit (a column renamed or moved
  // reads as empty), so the repair puts cleared values back; the trigger, which saw the edit, takes them.
  const cleared = (f: CustomerField) => actor === 'repair' && String(row[f]) === '' && String(entry[f]) !== '';
  // Who a row is changes only by an edit event that covered that column (a sort leaves none).
  const unseen = (f: CustomerField) => !!edited && IDENTITY_FIELDS.includes(f) && !edited.includes(f);
  const restored = diff.filter((f) => SYSTEM_FIELDS.includes(f) || (f === 'marketingBannedAt' && entry.marketingBannedAt !== '') || cleared(f) || unseen(f));
  const input: Record<string, unknown> = {};
  for (const f of diff) if (!restored.includes(f) && f !== 'marketingBannedAt') input[f] = row[f];
  const banTaken = entry.marketingBannedAt === '' && row.marketingBannedAt !== '';
  if (banTaken) input.marketingBannedAt = now;
  let result = applyEdit(entry, input, { now, today, actor });
  let errors: FieldError[] = [];
  if (!result.ok) {
    errors = result.errors;
    for (const f of new Set(result.errors.map((e) => e.field))) {
      delete input[f];
      if ((CUSTOMER_FIELDS as readonly string[]).includes(f)) restored.push(f as CustomerField);
    }
    result = applyEdit(entry, input, { now, today, actor, onlyInput: true });
  }
  if (!result.ok) return { customer: entry, changed: [], restored: diff, errors: errors.length ? errors : result.errors, banTaken: false };
  return { customer: result.customer, changed: result.changed, restored, errors, banTaken: banTaken && !!result.customer.marketingBannedAt };
}

/** Fields in which two records differ. */
export function differingFields(a: Customer, b: Customer): CustomerField[] {
  return differing(a, b);
}

/** Whether a row differing from its number's record in these fields is still proven to be that person. */
export function sameIdentity(diff: readonly CustomerField[]): boolean {
  return IDENTITY_FIELDS.filter((f) => diff.includes(f)).length < 2;
}
