/**
 * The register's server API: search, read, create and edit people, the actions of the record
 * view, disclosures and the marketing list. Every function serves key personnel only; writes run
 * under the document lock with everything re-read inside it, refuse a stale edit, and append the
 * audit log before the register changes (see gas/audit-log.ts for why in that order).
 *
 * Service calls of an edit, whatever the register's size: lock, state, the store cell (which
 * names the row), the row, the audit tail's proof, the audit entry, the audit head, the store
 * cell, the row, flush — ten (a row that moved since costs its search: eleven). The row check of an
 * edit (core/row-token.ts) and the request key of a create or a disclosure (core/request-keys.ts)
 * ride on the read and the property write already made: neither costs a call.
 */
import { applyEdit, Customer, CustomerInput, rowToCustomer } from '../core/customer';
import { columnKeysFromHeader, DISCLOSURES_TAB, REGISTER_TAB, TabSpec } from '../core/schema';
import { hitOf, searchHits, searchKeyOf, searchRegister, SearchHit } from '../core/search';
import { decideRow, differingFields, IDENTITY_FIELDS, isLive, numberAt, numberIndex, RowState } from '../core/invariants';
import { ensureRoom, formatOf, readStore, readStoreRow, readStoreSpan, storeSheet, writeStoreSpan } from '../gas/invariants';
import { nextNumberOf, repairIfDue, repairRegister } from './repair';
import { text, textWith } from '../core/texts';
import { formatMoment } from '../core/display-dates';
import type { FieldError } from '../core/validation';
import { validateDisclosure, ConsentChecks, Disclosure, DisclosureInput } from '../core/disclosures';
import { consentReferenceError } from '../core/requests/consent';
import { emailForms, isInsideEuEea } from '../core/validation';
import { consentCase, requireCaseFor } from './fulfil';
import { marketingExport } from '../core/marketing';
import { rowToken } from '../core/row-token';
import { earlierResult, rememberResult } from '../core/request-keys';
import type { AuditAction } from '../core/audit';
import { cellsFor, findRows, readRow, readRows, rowFor, UserError, writeRow } from '../gas/register';
import { OpenTab, readColumnWithHeader, refresh, rowHolds } from '../gas/tabs';
import { columnLetter, toCell } from '../gas/cells';
import { stateProperties } from '../gas/state';
import { audit, open } from './tabs';
import { CallContext, requireRole, staffLanguage, withWrite } from './context';
import {
  DISCLOSURE_INPUT, END_RELATIONSHIP_INPUT, EXPORT_INPUT, LEGAL_HOLD_INPUT, MARKETING_BASIS_INPUT, NUMBER_INPUT, parseInput,
  RESTRICT_INPUT, SAVE_INPUT, SEARCH_INPUT,
} from './inputs';

/** The moment of the call and its calendar day in the register's time zone: the context's one clock read. */
function clock(ctx: CallContext): { now: string; today: string } {
  return { now: ctx.now, today: ctx.today };
}

function str(v: unknown): string {
  return typeof v === 'string' ? v : typeof v === 'number' && Number.isFinite(v) ? String(v) : '';
}

/** One message listing each refused field with what to do, in the user's language. */
export function fieldErrorsMessage(ctx: CallContext, errors: readonly FieldError[], tab: TabSpec = REGISTER_TAB, lead: 'checkFields' | 'handEditInvalid' = 'checkFields'): string {
  const label = (field: string) => tab.columns.find((c) => c.key === field)?.header[ctx.language] ?? field;
  return `${text(ctx.language, lead)}: ${errors.map((e) => `${label(e.field)}: ${e.message[ctx.language]}`).join(' ')}`;
}

export interface Located {
  tab: OpenTab;
  row: number;
  cells: unknown[];
  customer: Customer;
  /** The digest of the row as read here (core/row-token.ts), before anything else decides on it. */
  token: string;
  /** How the row stands against the invariant store (core/invariants.ts decideRow). */
  state: RowState;
  /** The invariant store's record of the number (absent before set-up made the store). */
  entry?: Customer;
}

/** The invariant store's tab and number format, or null before set-up made it. No call. */
export function storeOf(ctx: CallContext) {
  const info = ctx.state.store;
  return info ? { sheet: storeSheet(SpreadsheetApp.getActiveSpreadsheet(), info), format: formatOf(info) } : null;
}

/**
 * Writes a record to the invariant store (before the register row: the store is the record),
 * with the register row it is about to be written to (`row`; 0 when not known yet). One call.
 */
export function storeRecord(ctx: CallContext, c: Customer, row = 0): void {
  const store = storeOf(ctx);
  const index = store ? numberIndex(store.format, c.customerNumber) : null;
  if (store && index !== null) writeStoreSpan(store.sheet, index, [c], [row]);
}

/**
 * Finds a person's row by customer number on Google's side and reads it (two calls). A
 * remembered layout that the row does not bear out is re-read from the header first. A record
 * the invariant store holds whose row was deleted by hand is read from the store (one call); a
 * write (`writeBack`) first writes its row back at the end, as a create writes it (two calls),
 * so an objection or a correction applies at once, not only after the night's repair.
 */
export function locate(ctx: CallContext, start: OpenTab, customerNumber: string, writeBack = false): Located {
  let tab = start;
  const store = storeOf(ctx);
  // The store's record first (one call): bans, versions and the number come from it, never
  // from a cell, and it says which row it was last written to.
  const index = store ? numberIndex(store.format, customerNumber) : null;
  const issued = !!store && index !== null && index < nextNumberOf(ctx, store.format) - store.format.base;
  const stored = issued ? readStoreRow(store!.sheet, index!) : null;
  let rows: number[] = [];
  let cells: unknown[] = [];
  if (stored && stored.row && tab.remembered) {
    // The row it names, proven by the number it holds and its own checksum: no search (one call).
    const hinted = readHinted(tab, stored.row);
    if (hinted && String(hinted[tab.map.col.customerNumber - 1]) === customerNumber && rowHolds(tab.map, hinted, ctx.settings.timeZone)) {
      rows = [stored.row];
      cells = hinted;
    }
  }
  if (!rows.length) {
    rows = findRows(tab.sheet, tab.map, 'customerNumber', customerNumber);
    cells = rows.length === 1 ? readRow(tab.sheet, tab.map, rows[0]) : [];
    if (tab.remembered && (rows.length !== 1 || !rowHolds(tab.map, cells, ctx.settings.timeZone))) {
      tab = refresh(tab, REGISTER_TAB, ctx.language, (l) => {
        ctx.learned.register = l;
      });
      rows = findRows(tab.sheet, tab.map, 'customerNumber', customerNumber);
      cells = rows.length === 1 ? readRow(tab.sheet, tab.map, rows[0]) : [];
    }
  }
  if (rows.length === 0) {
    const entry = stored ? stored.entry : null;
    if (!isLive(entry) || entry.customerNumber !== customerNumber) throw new UserError(textWith(ctx.language, 'customerNotFound', { number: customerNumber }));
    const back = rowFor(tab.map, { ...entry, searchKey: searchKeyOf(entry) });
    if (!writeBack) return { tab, row: 0, cells: back, customer: entry, token: rowToken(entry), state: 'proven', entry };
    tab.sheet.appendRow(back);
    return { tab, row: tab.sheet.getLastRow(), cells: back, customer: entry, token: rowToken(entry), state: 'proven', entry };
  }
  if (!store) {
    if (rows.length > 1) throw new UserError(textWith(ctx.language, 'customerDuplicateRows', { number: customerNumber }));
    const customer = rowToCustomer(tab.map.keys, cells, ctx.settings.timeZone);
    return { tab, row: rows[0], cells, customer, token: rowToken(customer), state: 'proven' };
  }
  // Bans, versions and the number come from the invariant store's record read above.
  const entry = stored ? stored.entry : null;
  if (!isLive(entry) || entry.customerNumber !== customerNumber) throw new UserError(textWith(ctx.language, 'customerUnproven', { number: customerNumber }));
  if (rows.length > 1) {
    // A pasted copy: the row that is exactly the stored record is the person's (one call for the span).
    const first = Math.min(...rows);
    const block = readRows(tab.sheet, tab.map, first, Math.max(...rows) - first + 1);
    const exact = rows.map((r) => ({ row: r, cells: block[r - first] })).filter((r) => decideRow(rowToCustomer(tab.map.keys, r.cells, ctx.settings.timeZone), r.cells[tab.map.col.searchKey - 1], entry).state === 'proven');
    if (!exact.length) throw new UserError(textWith(ctx.language, 'customerDuplicateRows', { number: customerNumber }));
    rows = [exact[0].row];
    cells = exact[0].cells;
  }
  // The token is the row as it stands (a hand edit not yet checked included); the record is the store's decision.
  const asRead = rowToCustomer(tab.map.keys, cells, ctx.settings.timeZone);
  const decided = decideRow(asRead, cells[tab.map.col.searchKey - 1], entry);
  return { tab, row: rows[0], cells, customer: decided.customer, token: rowToken(asRead), state: decided.state, entry };
}

/** The row a store hint names, or null when the tab no longer has that row (rows deleted since). One call. */
function readHinted(tab: OpenTab, row: number): unknown[] | null {
  try {
    return readRow(tab.sheet, tab.map, row);
  } catch (e) {
    if (e instanceof Error && /outside the dimensions|Range not found/.test(e.message)) return null;
    throw e;
  }
}

/** Sidebar search: partial, case- and accent-insensitive on name, email, phone or customer number. Two calls. */
export function searchCustomers(input: { query: string }): { customers: SearchHit[]; total: number } {
  const ctx = requireRole('staff');
  const { query } = parseInput(SEARCH_INPUT, input, () => ctx.language);
  const store = storeOf(ctx);
  if (store) {
    // The invariant store holds every record as the software last checked it: bans and numbers
    // are decided there, and a quarantined row is not a hit (one call).
    const entries = readStore(store.sheet, nextNumberOf(ctx, store.format) - store.format.base);
    const { hits, total } = searchHits(entries.map((e) => (isLive(e) ? hitOf(e) : null)), query);
    return { customers: hits, total };
  }
  let tab = open(ctx, REGISTER_TAB);
  let column = readColumnWithHeader(tab.sheet, tab.map, 'searchKey');
  // The header cell proves the remembered position (in whichever language the tab was set up).
  if (tab.remembered && columnKeysFromHeader(REGISTER_TAB, [column.header])[0] !== 'searchKey') {
    tab = refresh(tab, REGISTER_TAB, ctx.language, () => undefined);
    column = readColumnWithHeader(tab.sheet, tab.map, 'searchKey');
  }
  const { hits, total } = searchRegister(column.cells, query);
  return { customers: hits, total };
}

/**
 * One person's record, `version` included (send it back as `expectedVersion` when saving), and
 * the row's `rowToken` (send it back as `expectedRowToken`: a save is then refused when the row
 * changed in any way since this read, even by a hand edit whose trigger has not run yet).
 */
/**
 * One person's record and its row's token, with the call's own clock (`now`, and `today` in the
 * register's zone) so the sidebar defaults and checks the record's dates on the server's day.
 */
export function getCustomer(input: { customerNumber: string }): { customer: Customer; rowToken: string; now: string; today: string } {
  const ctx = requireRole('staff');
  const { customerNumber } = parseInput(NUMBER_INPUT, input, () => ctx.language);
  const found = locate(ctx, open(ctx, REGISTER_TAB), customerNumber);
  rememberOpened(ctx, customerNumber);
  return { customer: found.customer, rowToken: found.token, now: ctx.now, today: ctx.today };
}

/**
 * Recently opened people, per user: each opening is one property of the user's own store
 * (`recent:<number>` → when), written in one call with no read first; the list is read, sorted
 * and pruned by getRecentCustomers. Only numbers and times are kept there, never a name: a
 * person deleted from the register simply drops out of the list.
 */
const RECENT_PREFIX = 'recent:';
const RECENT_KEPT = 20;

function rememberOpened(ctx: CallContext, customerNumber: string): void {
  try {
    PropertiesService.getUserProperties().setProperty(RECENT_PREFIX + customerNumber, ctx.now);
  } catch (e) {
    // The list is a convenience: a failed write (quota, an outage) never keeps a record from opening.
    console.warn(`Rekisteri: the recently opened list was not updated: ${e instanceof Error ? e.message : String(e)}`);
  }
}

/**
 * This user's recently opened people, newest first (at most 8), as search hits decided from the
 * invariant store. Calls: the state (1), the user's properties (1), the store's span from the
 * lowest to the highest of those numbers (1), and a prune of the list when it grew past 20 (1).
 */
export function getRecentCustomers(): { customers: SearchHit[] } {
  const ctx = requireRole('staff');
  const userProperties = PropertiesService.getUserProperties();
  const all = userProperties.getProperties();
  const opened = Object.entries(all)
    .filter(([k]) => k.startsWith(RECENT_PREFIX))
    .map(([k, at]) => ({ number: k.slice(RECENT_PREFIX.length), at: String(at) }))
    .sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
  if (opened.length > RECENT_KEPT) {
    const kept: Record<string, string> = {};
    for (const [k, v] of Object.entries(all)) if (!k.startsWith(RECENT_PREFIX)) kept[k] = v;
    for (const o of opened.slice(0, RECENT_KEPT)) kept[RECENT_PREFIX + o.number] = o.at;
    userProperties.setProperties(kept, true);
  }
  const store = storeOf(ctx);
  if (!store || !opened.length) return { customers: [] };
  const issued = nextNumberOf(ctx, store.format) - store.format.base;
  const wanted = opened.slice(0, 8).map((o) => ({ ...o, index: numberIndex(store.format, o.number) }))
    .filter((o): o is typeof o & { index: number } => o.index !== null && o.index < issued);
  if (!wanted.length) return { customers: [] };
  const from = Math.min(...wanted.map((o) => o.index));
  const span = readStoreSpan(store.sheet, from, Math.max(...wanted.map((o) => o.index)));
  const customers: SearchHit[] = [];
  for (const o of wanted) {
    const entry = span[o.index - from];
    if (isLive(entry) && entry.customerNumber === o.number) customers.push(hitOf(entry));
  }
  return { customers };
}

/**
 * The person on the row selected in the register tab (the user's active range in the sheet), as
 * getCustomer returns them; refused with what to do when the selection is elsewhere or the row
 * holds no customer number. Calls: getCustomer's, plus the selection and the row's read (2).
 */
export function openSelectedRow(): { customer: Customer; rowToken: string; now: string; today: string } {
  const ctx = requireRole('staff');
  const tab = open(ctx, REGISTER_TAB);
  const range = SpreadsheetApp.getActiveRange();
  const name = tab.sheet.getName();
  const sheet = range ? range.getSheet() : null;
  if (!range || !sheet || sheet.getName() !== name || range.getRow() < 2) throw new UserError(textWith(ctx.language, 'errNoSelection', { tab: name }));
  const row = range.getRow();
  const cells = readRow(tab.sheet, tab.map, row);
  const number = str(cells[tab.map.col.customerNumber - 1]).trim();
  if (!number) throw new UserError(textWith(ctx.language, 'errSelectionNoNumber', { tab: name, row }));
  const { customerNumber } = parseInput(NUMBER_INPUT, { customerNumber: number }, () => ctx.language);
  const found = locate(ctx, tab, customerNumber);
  rememberOpened(ctx, customerNumber);
  return { customer: found.customer, rowToken: found.token, now: ctx.now, today: ctx.today };
}

/** What a write returns about a person: the record and its row's token as written. */
export interface Saved {
  customer: Customer;
  rowToken: string;
}
const saved = (customer: Customer): Saved => ({ customer, rowToken: rowToken(customer) });

/**
 * Creates a person (no customerNumber) or edits one (customerNumber and expectedVersion).
 * Creating someone whose email or phone is already registered returns the existing record with
 * `duplicate: true` instead of making a second one. A create with a `requestKey` it has seen
 * before returns the first create's result. A stale edit (another version, or with
 * `expectedRowToken` any change to the row) is refused; nothing is silently overwritten.
 */
export function saveCustomer(input: {
  customer: Partial<Customer>; expectedVersion?: number; expectedRowToken?: string; requestKey?: string; requestId?: string;
}): Saved & { duplicate?: boolean } {
  const { customer, expectedVersion, expectedRowToken, requestKey, requestId } = parseInput(SAVE_INPUT, input, staffLanguage);
  const fields = { ...customer };
  const number = str(fields.customerNumber).trim();
  delete fields.customerNumber;
  if (number) {
    if (expectedVersion === undefined) throw new UserError(text(staffLanguage(), 'badRequest'));
    // A rectification request's edit (the dialog opens the form from the case): the audit entry names the request.
    return updateCustomer(number, { version: expectedVersion, rowToken: expectedRowToken }, fields, 'update', false, requestId);
  }
  return createCustomer(fields, requestKey);
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function createCustomer(fields: Record<string, unknown>, requestKey?: string): Saved & { duplicate?: boolean } {
  delete fields.version;
  return withWrite('staff', (ctx) => {
    repairIfDue(ctx);
    const { now, today } = clock(ctx);
    const draft = applyEdit(null, fields as CustomerInput, { now, today, actor: ctx.user, newCustomerNumber: 'pending' });
    if (!draft.ok) throw new UserError(fieldErrorsMessage(ctx, draft.errors));
    // A new row is written by the remembered layout, so prove it against the header first.
    let tab = open(ctx, REGISTER_TAB);
    if (tab.remembered) tab = refresh(tab, REGISTER_TAB, ctx.language, (l) => (ctx.learned.register = l));
    // A retry of a create that already took its number (before the duplicate check, which would
    // otherwise find the first attempt's own row and call it a duplicate).
    const earlier = requestKey ? earlierResult(ctx.state.requestKeys, 'create', requestKey) : null;
    if (earlier) return replayCreate(ctx, tab, earlier, fields);
    const duplicate = findDuplicate(ctx, tab, draft.customer);
    if (duplicate) {
      // A record the store holds whose row never landed (a create that failed after the store
      // write): its row is written now, as the repair would.
      if (ctx.state.store && !findRows(tab.sheet, tab.map, 'customerNumber', duplicate.customerNumber).length) {
        tab.sheet.appendRow(rowFor(tab.map, { ...duplicate, searchKey: searchKeyOf(duplicate) }));
      }
      return { ...saved(duplicate), duplicate: true };
    }
    const store = storeOf(ctx);
    const n = store ? nextNumberOf(ctx, store.format) : ctx.state.nextCustomerNumber ?? firstFreeNumber(ctx, tab);
    const customerNumber = store ? numberAt(store.format, n - store.format.base) : `${ctx.settings.customerNumberPrefix}${String(n).padStart(ctx.settings.customerNumberDigits, '0')}`;
    const result = applyEdit(null, fields as CustomerInput, { now, today, actor: ctx.user, newCustomerNumber: customerNumber });
    if (!result.ok) throw new UserError(fieldErrorsMessage(ctx, result.errors));
    // The store's tab grows before it is written past its rows (1000 at a time: rarely a call).
    const grown = store ? ensureRoom(store.sheet, ctx.state.store!, n - store.format.base) : null;
    // The key goes with the counter and the audit head: one setProperties, so the key is
    // remembered exactly when the number is taken and the create is in the log.
    const keys = requestKey ? { requestKeys: rememberResult(ctx.state.requestKeys, 'create', requestKey, customerNumber) } : {};
    audit(ctx, [{ at: now, actor: ctx.user, action: 'create', customerNumber, fields: result.changed }], stateProperties({ nextCustomerNumber: n + 1, ...keys, ...(grown ? { store: grown } : {}) }));
    storeRecord(ctx, result.customer);
    tab.sheet.appendRow(rowFor(tab.map, { ...result.customer, searchKey: searchKeyOf(result.customer) }));
    return saved(result.customer);
  });
}

/**
 * The first result of a create retried with the same key: its row (one search, one read). When
 * the first attempt failed after its number and log entry were stored but before its row was
 * written, the row is written now under that number; the log already holds its one entry.
 */
function replayCreate(ctx: CallContext, tab: OpenTab, customerNumber: string, fields: Record<string, unknown>): Saved {
  const rows = findRows(tab.sheet, tab.map, 'customerNumber', customerNumber);
  if (rows.length > 1) throw new UserError(textWith(ctx.language, 'customerDuplicateRows', { number: customerNumber }));
  if (rows.length === 1) return saved(rowToCustomer(tab.map.keys, readRow(tab.sheet, tab.map, rows[0]), ctx.settings.timeZone));
  const { now, today } = clock(ctx);
  const result = applyEdit(null, fields as CustomerInput, { now, today, actor: ctx.user, newCustomerNumber: customerNumber });
  if (!result.ok) throw new UserError(fieldErrorsMessage(ctx, result.errors));
  // The first attempt may have stopped before its store record too: the record and its row, as a create writes them.
  storeRecord(ctx, result.customer);
  tab.sheet.appendRow(rowFor(tab.map, { ...result.customer, searchKey: searchKeyOf(result.customer) }));
  return saved(result.customer);
}

/**
 * The record already holding this email (any case) or phone, found in one search on Google's
 * side across the columns between them.
 */
function findDuplicate(ctx: CallContext, tab: OpenTab, c: Customer, exceptRow = 0): Customer | null {
  // An address in each of its forms (anna@hyvä.fi, anna@xn--hyv-sla.fi): one mailbox (validation.ts emailForms).
  const emails = c.email ? emailForms(c.email) : [];
  const values = [...emails, c.phone].filter((v) => v !== '');
  if (!values.length) return null;
  const store = storeOf(ctx);
  if (store) {
    // Only a proven record is a duplicate: a hand-typed or quarantined row never blocks a create.
    const fields = [...emails.map((e) => `"email":${JSON.stringify(e)}`), c.phone ? `"phone":${JSON.stringify(c.phone)}` : ''].filter((v) => v);
    const found = store.sheet
      .getRange(2, 2, Math.max(1, nextNumberOf(ctx, store.format) - store.format.base), 1)
      .createTextFinder(fields.map(escapeRegExp).join('|'))
      .useRegularExpression(true)
      .matchCase(false)
      .findAll()
      .map((r) => r.getRow() - 2)
      .filter((i) => numberAt(store.format, i) !== c.customerNumber);
    if (!found.length) return null;
    const entry = readStoreSpan(store.sheet, found[0], found[0])[0];
    return isLive(entry) ? entry : null;
  }
  const [a, b] = [tab.map.col.email, tab.map.col.phone];
  const [from, to] = [Math.min(a, b), Math.max(a, b)];
  const pattern = `^(${values.map((v) => escapeRegExp(String(toCell(v, true)))).join('|')})$`;
  const matches = tab.sheet
    .getRange(`${columnLetter(from)}2:${columnLetter(to)}`)
    .createTextFinder(pattern)
    .useRegularExpression(true)
    .matchCase(false)
    .matchEntireCell(true)
    .findAll()
    .filter((r) => (r.getColumn() === a || r.getColumn() === b) && r.getRow() !== exceptRow);
  if (!matches.length) return null;
  return rowToCustomer(tab.map.keys, readRow(tab.sheet, tab.map, matches[0].getRow()), ctx.settings.timeZone);
}

/** Where the counter starts when none is stored: after the largest number in the register. */
function firstFreeNumber(ctx: CallContext, tab: OpenTab): number {
  const column = readColumnWithHeader(tab.sheet, tab.map, 'customerNumber').cells;
  const numbers = column.map((v) => Number(String(v).replace(/\D/g, ''))).filter((v) => Number.isFinite(v) && v > 0);
  return Math.max(10 ** (ctx.settings.customerNumberDigits - 1), ...numbers.map((v) => v + 1));
}

/** What the caller read: the version, and (optionally) the row's token. */
interface Expected {
  version: number;
  rowToken?: string;
}

/**
 * Applies `patch` to one person under the lock, with the version check and (when sent) the row
 * check, and logs `action`. The row check compares the row read here, inside the lock, with the
 * one the caller read: a hand edit whose on-edit trigger has not run (late, busy or failed) has
 * not bumped the version, but it has changed the row.
 */
function updateCustomer(
  customerNumber: string,
  expected: Expected,
  patchOf: Record<string, unknown> | ((time: { now: string; today: string }) => Record<string, unknown>),
  action: AuditAction,
  /** Record-view actions check only what they change (see EditContext.onlyInput). */
  onlyInput = action !== 'update',
  /** The data-subject request this change fulfils: written to the audit entry. */
  requestId?: string,
): Saved {
  return withWrite('staff', (ctx) => {
    repairIfDue(ctx);
    const { changed: _changed, ...out } = updateCustomerIn(ctx, customerNumber, expected, patchOf, action, onlyInput, requestId);
    return out;
  });
}

/**
 * The body of `updateCustomer`, inside a write the caller holds (fulfilment runs it in its own
 * locked execution). `expected: null` checks no version: an action taken on a request (a
 * restriction) applies to the record as it stands, as a ban does. Returns the fields changed.
 */
export function updateCustomerIn(
  ctx: CallContext,
  customerNumber: string,
  expected: Expected | null,
  patchOf: Record<string, unknown> | ((time: { now: string; today: string }) => Record<string, unknown>),
  action: AuditAction,
  onlyInput: boolean,
  requestId?: string,
  /**
   * `log: false`: fulfilment logged the change already, before its first write (server/fulfil.ts);
   * `found`: the row as the caller read it inside this lock, before it wrote anything.
   */
  options: { log?: boolean; found?: Located } = {},
): Saved & { changed: string[] } {
  {
    const { now, today } = clock(ctx);
    // An edit naming a request is that person's rectification case (a made-up id never reaches the log).
    if (requestId && options.log !== false) requireCaseFor(ctx, requestId, customerNumber, 'rectification');
    const patch = typeof patchOf === 'function' ? patchOf({ now, today }) : patchOf;
    // A caller that read the row before its first write passes it: a read after a write forces a flush.
    const found = options.found && options.found.row > 0 ? options.found : locate(ctx, open(ctx, REGISTER_TAB), customerNumber, true);
    if (found.state === 'foreign') {
      // Another person's data typed over the row, its check not yet run: never stored under this
      // number. The repair quarantines the row and writes the stored record back; the user is told.
      repairRegister(ctx);
      throw new UserError(textWith(ctx.language, 'handEditForeign', { number: customerNumber }));
    }
    if (expected && found.customer.version !== expected.version) {
      throw new UserError(textWith(ctx.language, 'staleRecord', { by: found.customer.updatedBy || '?', at: found.customer.updatedAt ? formatMoment(found.customer.updatedAt, ctx.settings.timeZone, ctx.language) : '?' }));
    }
    if (expected && expected.rowToken !== undefined && found.token !== expected.rowToken) throw new UserError(text(ctx.language, 'staleRow'));
    const clean = { ...patch };
    delete clean.version;
    if (found.state === 'edited') {
      // A hand edit not yet checked rides along with this save: the whole record is checked, as
      // the trigger would check it, whatever the action changes.
      const whole = applyEdit(found.customer, clean as CustomerInput, { now, today, actor: ctx.user });
      if (!whole.ok) throw new UserError(fieldErrorsMessage(ctx, whole.errors, REGISTER_TAB, 'handEditInvalid'));
    }
    if (found.state === 'edited' && found.entry && differingFields(found.customer, found.entry).some((f) => IDENTITY_FIELDS.includes(f))) {
      // A name, email or phone typed by hand that its on-edit check has not reached yet: a save
      // is no edit event, so it neither takes nor undoes it. Nothing is written; the typed value
      // stays for its trigger (or, without one, the repair) to judge, and the user reloads.
      throw new UserError(textWith(ctx.language, 'handEditIdentity', { number: customerNumber }));
    }
    const result = applyEdit(found.customer, clean as CustomerInput, { now, today, actor: ctx.user, onlyInput });
    if (!result.ok) throw new UserError(fieldErrorsMessage(ctx, result.errors));
    if (result.changed.length === 0) return { customer: found.customer, rowToken: found.token, changed: [] };
    // The outside-EEA transfer request on record names the person's own logged written consent.
    if (options.log !== false && result.changed.includes('outsideEeaTransferRequest') && result.customer.outsideEeaTransferRequest !== '') {
      const ref = result.customer.outsideEeaTransferRequest;
      const refused = consentReferenceError('outsideEeaTransferRequest', ref, customerNumber, consentCase(ctx, ref));
      if (refused) throw new UserError(fieldErrorsMessage(ctx, [refused]));
    }
    // A new email or phone must not be someone else's (one search, only when they change).
    const contact = { ...result.customer, email: result.changed.includes('email') ? result.customer.email : '', phone: result.changed.includes('phone') ? result.customer.phone : '' };
    const taken = findDuplicate(ctx, found.tab, contact, found.row);
    if (taken) throw new UserError(textWith(ctx.language, 'contactTaken', { number: taken.customerNumber }));
    if (options.log !== false) audit(ctx, [{ at: now, actor: ctx.user, action, customerNumber, fields: result.changed, requestId }]);
    storeRecord(ctx, result.customer, found.row);
    writeRow(found.tab.sheet, found.row, found.tab.map, { ...result.customer, searchKey: searchKeyOf(result.customer) }, found.cells);
    return { ...saved(result.customer), changed: result.changed };
  }
}

/** Ends the customer relationship on `date` (today when left out). */
export function endRelationship(input: { customerNumber: string; expectedVersion: number; expectedRowToken?: string; date?: string }): Saved {
  const { customerNumber, expectedVersion, expectedRowToken, date } = parseInput(END_RELATIONSHIP_INPUT, input, staffLanguage);
  return updateCustomer(customerNumber, { version: expectedVersion, rowToken: expectedRowToken }, ({ today }) => ({ relationshipEnd: date || today }), 'end-relationship');
}

/** Sets the marketing basis; consent needs the moment it was given (now when left out). */
export function setMarketingBasis(input: { customerNumber: string; expectedVersion: number; expectedRowToken?: string; basis: string; consentAt?: string }): Saved {
  const { customerNumber, expectedVersion, expectedRowToken, basis, consentAt } = parseInput(MARKETING_BASIS_INPUT, input, staffLanguage);
  const patch = ({ now }: { now: string }) =>
    basis === 'consent' ? { marketingBasis: basis, marketingConsentAt: consentAt || now } : { marketingBasis: basis };
  return updateCustomer(customerNumber, { version: expectedVersion, rowToken: expectedRowToken }, patch, 'update', true);
}

/**
 * Bans direct marketing at once and for good (GDPR 21(3)). It needs no version: an objection
 * applies whatever else changed meanwhile. A ban already in place stays as it was.
 */
export function banMarketing(input: { customerNumber: string }): Saved {
  const { customerNumber: number } = parseInput(NUMBER_INPUT, input, staffLanguage);
  return withWrite('staff', (ctx) => {
    repairIfDue(ctx);
    return banIn(ctx, number);
  });
}

/** The ban inside a write the caller holds; `requestId` (an objection request) goes to the audit entry. */
export function banIn(ctx: CallContext, number: string, requestId?: string, options: { log?: boolean; found?: Located } = {}): Saved {
  {
    const found = options.found && options.found.row > 0 ? options.found : locate(ctx, open(ctx, REGISTER_TAB), number, true);
    if (found.customer.marketingBannedAt) return { customer: found.customer, rowToken: found.token };
    const { now, today } = clock(ctx);
    // Only the ban itself is checked: an objection must apply whatever else the record holds.
    // A hand edit not yet checked (or another person typed over the row) is not taken with it:
    // the ban goes on the stored record, and only the cells the ban changes are written, so the
    // hand edit stays in the row for its trigger or the repair to judge.
    const pending = found.state === 'edited' || found.state === 'foreign';
    const base = pending && found.entry ? found.entry : found.customer;
    const result = applyEdit(base, { marketingBannedAt: now }, { now, today, actor: ctx.user, onlyInput: true });
    if (!result.ok) throw new UserError(fieldErrorsMessage(ctx, result.errors));
    if (options.log !== false) audit(ctx, [{ at: now, actor: ctx.user, action: 'ban-marketing', customerNumber: number, fields: result.changed, requestId }]);
    storeRecord(ctx, result.customer, found.row);
    const b = result.customer;
    const written = pending
      ? { customerNumber: b.customerNumber, marketingBannedAt: b.marketingBannedAt, version: b.version, updatedAt: b.updatedAt, updatedBy: b.updatedBy, searchKey: searchKeyOf(b) }
      : { ...b, searchKey: searchKeyOf(b) };
    writeRow(found.tab.sheet, found.row, found.tab.map, written, found.cells);
    if (!pending) return saved(b);
    const asWritten = rowToCustomer(found.tab.map.keys, cellsFor(found.tab.map, written, found.cells), ctx.settings.timeZone);
    return { customer: decideRow(asWritten, written.searchKey, b).customer, rowToken: rowToken(asWritten) };
  }
}

/** Sets (until and reason) or lifts (both empty) a legal hold that blocks deletion. */
export function setLegalHold(input: { customerNumber: string; expectedVersion: number; expectedRowToken?: string; until: string; reason: string }): Saved {
  const { customerNumber, expectedVersion, expectedRowToken, until, reason } = parseInput(LEGAL_HOLD_INPUT, input, staffLanguage);
  return updateCustomer(customerNumber, { version: expectedVersion, rowToken: expectedRowToken }, { legalHoldUntil: until, legalHoldReason: reason }, 'legal-hold');
}

/** Restricts processing (GDPR 18) or lifts the restriction. */
export function restrictProcessing(input: { customerNumber: string; expectedVersion: number; expectedRowToken?: string; restricted: boolean }): Saved {
  const { customerNumber, expectedVersion, expectedRowToken, restricted } = parseInput(RESTRICT_INPUT, input, staffLanguage);
  const expected = { version: expectedVersion, rowToken: expectedRowToken };
  return updateCustomer(customerNumber, expected, ({ now }) => ({ restrictedAt: restricted ? now : '' }), restricted ? 'restrict' : 'unrestrict');
}

/**
 * Records a disclosure of a person's data. It needs a basis: the person's written consent (its
 * reference) or an authority's demand (its reference); a recipient outside the EU/EEA is refused
 * unless the person's written transfer request is on record.
 */
export function recordDisclosure(input: DisclosureInput & { customerNumber: string; requestKey?: string }): { disclosure: Disclosure & { id: string; recordedBy: string } } {
  const { customerNumber: number, requestKey, ...args } = parseInput(DISCLOSURE_INPUT, input, staffLanguage);
  return withWrite('staff', (ctx) => {
    repairIfDue(ctx);
    const { now, today } = clock(ctx);
    // A retry of a disclosure already recorded with this key returns it, whatever changed since.
    const earlier = requestKey ? earlierResult(ctx.state.requestKeys, 'disclosure', requestKey) : null;
    let disclosures: OpenTab | null = null;
    if (earlier) {
      disclosures = refresh(open(ctx, DISCLOSURES_TAB), DISCLOSURES_TAB, ctx.language, (l) => (ctx.learned.disclosures = l));
      const first = findDisclosure(disclosures, earlier);
      if (first) {
        if (first.customerNumber !== number) throw new UserError(text(ctx.language, 'badRequest'));
        return { disclosure: first };
      }
    }
    const { customer } = locate(ctx, open(ctx, REGISTER_TAB), number);
    const checked = validateDisclosure(args, customer, today, consentChecks(ctx, args, customer));
    if (!checked.ok) throw new UserError(fieldErrorsMessage(ctx, checked.errors, DISCLOSURES_TAB));
    if (!disclosures) {
      disclosures = open(ctx, DISCLOSURES_TAB);
      if (disclosures.remembered) disclosures = refresh(disclosures, DISCLOSURES_TAB, ctx.language, (l) => (ctx.learned.disclosures = l));
    }
    if (earlier) {
      // The first attempt stored its key and its log entry, then failed before its row: write
      // the row now under the id it took (the log already holds its one entry).
      const late = { ...checked.disclosure, id: earlier, recordedBy: ctx.user };
      disclosures.sheet.appendRow(rowFor(disclosures.map, late));
      return { disclosure: late };
    }
    const record = { ...checked.disclosure, id: `D-${Utilities.getUuid().slice(0, 8)}`, recordedBy: ctx.user };
    const categories = record.dataCategories ? record.dataCategories.split(',') : [];
    // The key is stored in the property write that moves the audit head (no extra call).
    const keys = requestKey ? stateProperties({ requestKeys: rememberResult(ctx.state.requestKeys, 'disclosure', requestKey, record.id) }) : {};
    audit(ctx, [{ at: now, actor: ctx.user, action: 'disclosure', customerNumber: number, fields: categories }], keys);
    disclosures.sheet.appendRow(rowFor(disclosures.map, record));
    return { disclosure: record };
  });
}

/**
 * The written consents a disclosure names, looked up in the Requests tab (one search and one read
 * each, only when asked: a consent basis, a recipient outside the EU/EEA).
 */
function consentChecks(ctx: CallContext, args: { basis?: string; basisReference?: string; recipientCountry?: string }, customer: Customer): ConsentChecks {
  const out: ConsentChecks = {};
  const reference = (args.basisReference ?? '').trim();
  if ((args.basis ?? '').trim() === 'consent' && reference !== '') {
    out.consentReference = consentReferenceError('basisReference', reference, customer.customerNumber, consentCase(ctx, reference));
  }
  const country = (args.recipientCountry ?? '').trim().toUpperCase();
  const transfer = customer.outsideEeaTransferRequest.trim();
  if (country !== '' && !isInsideEuEea(country) && transfer !== '') {
    out.transferRequest = transfer === reference && out.consentReference !== undefined
      ? out.consentReference && { ...out.consentReference, field: 'outsideEeaTransferRequest' }
      : consentReferenceError('outsideEeaTransferRequest', transfer, customer.customerNumber, consentCase(ctx, transfer));
  }
  return out;
}

/** The disclosure with this id, as recorded (one search, one read), or null. */
function findDisclosure(tab: OpenTab, id: string): DisclosureRecord | null {
  const rows = findRows(tab.sheet, tab.map, 'id', id);
  if (!rows.length) return null;
  return disclosureOf(tab, readRow(tab.sheet, tab.map, rows[0]));
}

/** A disclosures row as the record it holds, every field as text. */
function disclosureOf(tab: OpenTab, cells: readonly unknown[]): DisclosureRecord {
  const d: Record<string, string> = {};
  tab.map.keys.forEach((k, i) => {
    if (k) d[k] = cells[i] === undefined || cells[i] === null ? '' : String(cells[i]);
  });
  return d as unknown as DisclosureRecord;
}

/**
 * The people who may lawfully receive e-marketing today, as CSV (Finnish Excel: ";" and a BOM;
 * `format: "import"` gives "," for newsletter tools). The export is logged.
 */
export function exportMarketingList(input?: { format?: 'excel' | 'import' }): { csv: string; fileName: string; count: number } {
  const { format } = parseInput(EXPORT_INPUT, input, staffLanguage);
  // One locked execution: the role is checked on the state read inside the lock (so the state is
  // read once), the list is read, and the export is logged in the audit chain before the list is
  // handed out (a failed log entry hands out nothing). The lock is held for one read of the store.
  const out = withWrite('staff', (ctx) => {
    const { today, now } = clock(ctx);
    const store = storeOf(ctx);
    let customers: Customer[];
    if (store) {
      // Decided from the invariant store: a ban cleared in a cell, or a quarantined row, never reaches the list.
      customers = readStore(store.sheet, nextNumberOf(ctx, store.format) - store.format.base).filter(isLive);
    } else {
      const tab = refresh(open(ctx, REGISTER_TAB), REGISTER_TAB, ctx.language, () => undefined);
      const last = tab.sheet.getLastRow();
      const rows = readRows(tab.sheet, tab.map, 2, last - 1);
      customers = rows.filter((r) => str(r[tab.map.col.customerNumber - 1]) !== '').map((r) => rowToCustomer(tab.map.keys, r, ctx.settings.timeZone));
    }
    const list = marketingExport(customers, today, ctx.settings.controller, format, ctx.language);
    audit(ctx, [{ at: now, actor: ctx.user, action: 'export-marketing', fields: [] }]);
    return list;
  });
  return { csv: out.csv, fileName: out.fileName, count: out.customerNumbers.length };
}

export type DisclosureRecord = Disclosure & { id: string; recordedBy: string };

/** The disclosures recorded for one person, oldest first (for the record view, access copies and GDPR 19 notices). */
export function listDisclosures(input: { customerNumber: string }): { disclosures: DisclosureRecord[] } {
  const ctx = requireRole('staff');
  const { customerNumber: number } = parseInput(NUMBER_INPUT, input, () => ctx.language);
  return { disclosures: disclosuresOf(ctx, number) };
}

/** The disclosures of one person, oldest first (three calls; none found: two). Also for access copies and GDPR 19 notices. */
export function disclosuresOf(ctx: CallContext, number: string): DisclosureRecord[] {
  {
  // The tab is read by its header: disclosures are few, and a wrong column here would misreport them.
  const tab = refresh(open(ctx, DISCLOSURES_TAB), DISCLOSURES_TAB, ctx.language, () => undefined);
  const rows = findRows(tab.sheet, tab.map, 'customerNumber', number);
  if (!rows.length) return [];
  const first = Math.min(...rows);
  const block = readRows(tab.sheet, tab.map, first, Math.max(...rows) - first + 1);
  const wanted = new Set(rows.map((r) => r - first));
  const disclosures = block
    .filter((_, i) => wanted.has(i))
    .map((cells) => {
      const d: Record<string, string> = {};
      tab.map.keys.forEach((k, i) => {
        if (k) d[k] = cells[i] === undefined || cells[i] === null ? '' : String(cells[i]);
      });
      return d as unknown as DisclosureRecord;
    });
  return disclosures;
  }
}
