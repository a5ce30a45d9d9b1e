/**
 * The register's server API (issue: the register): search, read, create and edit people, the
 * actions of the record view, disclosures and the marketing list. Every function serves key
 * personnel only, writes under the document lock after re-reading inside it, refuses a stale
 * edit, and appends the audit log in the same lock.
 */
import { applyEdit, Customer, CustomerInput, dayInZone, rowToCustomer } from '../core/customer';
import { DISCLOSURES_TAB, REGISTER_TAB } from '../core/schema';
import { searchKeyOf, searchRegister, SearchHit } from '../core/search';
import { text, textWith } from '../core/texts';
import type { FieldError } from '../core/validation';
import { validateDisclosure, Disclosure, DisclosureInput } from '../core/disclosures';
import { marketingExport } from '../core/marketing';
import type { AuditAction } from '../core/audit';
import {
  appendRecord, findRows, findTabs, readColumn, readColumns, readRow, readRows, requireTab, UserError, writeRow, ColumnMap,
} from '../gas/register';
import { appendAudit, utilitiesSha256 } from '../gas/audit-log';
import { withDocumentLock } from '../gas/lock';
import { CallContext, requireRole } from './context';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

const COUNTER_KEY = 'rekisteri.nextCustomerNumber';
const MAX_QUERY = 200;

/** The moment of the call and its calendar day in the register's time zone. */
function clock(ctx: CallContext): { now: string; today: string } {
  const d = new Date();
  return { now: d.toISOString(), today: dayInZone(d, ctx.settings.timeZone) };
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return !!v && typeof v === 'object' && !Array.isArray(v);
}

function str(v: unknown): string {
  return typeof v === 'string' ? v : typeof v === 'number' && Number.isFinite(v) ? String(v) : '';
}

/** One message listing each refused field with what to do, in the user's language. */
function fieldErrorsMessage(ctx: CallContext, errors: readonly FieldError[]): string {
  const label = (field: string) => REGISTER_TAB.columns.find((c) => c.key === field)?.header[ctx.language] ?? field;
  return `${text(ctx.language, 'checkFields')}: ${errors.map((e) => `${label(e.field)}: ${e.message[ctx.language]}`).join(' ')}`;
}

interface Located {
  sheet: Sheet;
  map: ColumnMap;
  row: number;
  cells: unknown[];
  customer: Customer;
}

/** Finds a person's row by customer number on Google's side and reads it. */
function locate(ctx: CallContext, sheet: Sheet, map: ColumnMap, customerNumber: string): Located {
  const rows = findRows(sheet, map, 'customerNumber', customerNumber);
  if (rows.length === 0) throw new UserError(textWith(ctx.language, 'customerNotFound', { number: customerNumber }));
  if (rows.length > 1) throw new UserError(textWith(ctx.language, 'customerDuplicateRows', { number: customerNumber }));
  const cells = readRow(sheet, map, rows[0]);
  return { sheet, map, row: rows[0], cells, customer: rowToCustomer(map.keys, cells, ctx.settings.timeZone) };
}

function requireNumber(ctx: CallContext, input: unknown): string {
  const n = isPlainObject(input) ? str(input.customerNumber).trim() : '';
  if (!n || n.length > 40) throw new UserError(text(ctx.language, 'badRequest'));
  return n;
}

function expectedVersionOf(input: Record<string, unknown>): number | null {
  const v = input.expectedVersion;
  return typeof v === 'number' && Number.isInteger(v) ? v : null;
}

function staleError(ctx: CallContext, current: Customer): UserError {
  return new UserError(textWith(ctx.language, 'staleRecord', { by: current.updatedBy || '?', at: current.updatedAt || '?' }));
}

/** Sidebar search: partial, case- and accent-insensitive on name, email, phone or customer number. */
export function searchCustomers(input: { query: string }): { customers: SearchHit[]; total: number } {
  const ctx = requireRole('staff');
  const query = isPlainObject(input) ? str(input.query) : '';
  if (query.length > MAX_QUERY) throw new UserError(text(ctx.language, 'queryTooLong'));
  const sheet = requireTab(findTabs(SpreadsheetApp.getActiveSpreadsheet()), 'register', ctx.language);
  const map = readColumns(sheet, REGISTER_TAB, ctx.language);
  const { hits, total } = searchRegister(readColumn(sheet, map, 'searchKey'), query);
  return { customers: hits, total };
}

/** One person's record, `version` included (send it back as `expectedVersion` when saving). */
export function getCustomer(input: { customerNumber: string }): { customer: Customer } {
  const ctx = requireRole('staff');
  const number = requireNumber(ctx, input);
  const sheet = requireTab(findTabs(SpreadsheetApp.getActiveSpreadsheet()), 'register', ctx.language);
  const map = readColumns(sheet, REGISTER_TAB, ctx.language);
  return { customer: locate(ctx, sheet, map, number).customer };
}

/**
 * Creates a person (no customerNumber) or edits one (customerNumber and expectedVersion).
 * Creating someone whose email or phone is already registered returns the existing record with
 * `duplicate: true` instead of making a second one. A stale edit is refused; nothing is
 * silently overwritten.
 */
export function saveCustomer(input: { customer: Partial<Customer>; expectedVersion?: number }): { customer: Customer; duplicate?: boolean } {
  const ctx = requireRole('staff');
  if (!isPlainObject(input) || !isPlainObject(input.customer)) throw new UserError(text(ctx.language, 'badRequest'));
  const fields = { ...input.customer } as Record<string, unknown>;
  const number = str(fields.customerNumber).trim();
  if (number) {
    const expected = expectedVersionOf(input);
    if (expected === null) throw new UserError(text(ctx.language, 'badRequest'));
    delete fields.customerNumber;
    return { customer: updateCustomer(ctx, number, expected, fields, 'update') };
  }
  return createCustomer(ctx, fields);
}

function createCustomer(ctx: CallContext, fields: Record<string, unknown>): { customer: Customer; duplicate?: boolean } {
  const { now, today } = clock(ctx);
  // Validate and normalise before taking the lock, so a bad form costs no one a wait.
  delete fields.customerNumber;
  delete fields.version;
  const draft = applyEdit(null, fields as CustomerInput, { now, today, actor: ctx.user, newCustomerNumber: 'pending' });
  if (!draft.ok) throw new UserError(fieldErrorsMessage(ctx, draft.errors));
  return withDocumentLock(LockService, SpreadsheetApp, ctx.language, () => {
    const tabs = findTabs(SpreadsheetApp.getActiveSpreadsheet());
    const sheet = requireTab(tabs, 'register', ctx.language);
    const audit = requireTab(tabs, 'audit', ctx.language);
    const map = readColumns(sheet, REGISTER_TAB, ctx.language);
    for (const key of ['email', 'phone'] as const) {
      const value = draft.customer[key];
      if (!value) continue;
      const rows = findRows(sheet, map, key, value, key !== 'email');
      if (rows.length) {
        const cells = readRow(sheet, map, rows[0]);
        return { customer: rowToCustomer(map.keys, cells, ctx.settings.timeZone), duplicate: true };
      }
    }
    const properties = PropertiesService.getDocumentProperties()!;
    const customerNumber = nextCustomerNumber(ctx, properties, sheet, map);
    const result = applyEdit(null, fields as CustomerInput, { now, today, actor: ctx.user, newCustomerNumber: customerNumber });
    if (!result.ok) throw new UserError(fieldErrorsMessage(ctx, result.errors));
    appendRecord(sheet, map, { ...result.customer, searchKey: searchKeyOf(result.customer) });
    properties.setProperty(COUNTER_KEY, String(Number(customerNumber.replace(/\D/g, '')) + 1));
    appendAudit(audit, [{ at: now, actor: ctx.user, action: 'create', customerNumber, fields: result.changed }], utilitiesSha256(Utilities));
    return { customer: result.customer };
  });
}

/**
 * The next customer number, taken under the lock. The counter only grows, so a number is never
 * reused, even after its person is deleted; when it is missing it starts after the largest
 * number in the register.
 */
function nextCustomerNumber(ctx: CallContext, properties: GoogleAppsScript.Properties.Properties, sheet: Sheet, map: ColumnMap): string {
  let n = Number(properties.getProperty(COUNTER_KEY));
  if (!Number.isInteger(n) || n <= 0) {
    const numbers = readColumn(sheet, map, 'customerNumber').map((v) => Number(String(v).replace(/\D/g, ''))).filter((v) => Number.isFinite(v));
    n = Math.max(10 ** (ctx.settings.customerNumberDigits - 1), ...numbers.map((v) => v + 1));
  }
  return `${ctx.settings.customerNumberPrefix}${String(n).padStart(ctx.settings.customerNumberDigits, '0')}`;
}

/** Applies `patch` to one person under the lock, with the version check, and logs `action`. */
function updateCustomer(ctx: CallContext, customerNumber: string, expectedVersion: number | null, patch: Record<string, unknown>, action: AuditAction): Customer {
  const { now, today } = clock(ctx);
  return withDocumentLock(LockService, SpreadsheetApp, ctx.language, () => {
    const tabs = findTabs(SpreadsheetApp.getActiveSpreadsheet());
    const sheet = requireTab(tabs, 'register', ctx.language);
    const audit = requireTab(tabs, 'audit', ctx.language);
    const map = readColumns(sheet, REGISTER_TAB, ctx.language);
    const found = locate(ctx, sheet, map, customerNumber);
    if (expectedVersion !== null && found.customer.version !== expectedVersion) throw staleError(ctx, found.customer);
    const clean = { ...patch };
    delete clean.version;
    const result = applyEdit(found.customer, clean as CustomerInput, { now, today, actor: ctx.user });
    if (!result.ok) throw new UserError(fieldErrorsMessage(ctx, result.errors));
    if (result.changed.length === 0) return found.customer;
    writeRow(sheet, found.row, map, { ...result.customer, searchKey: searchKeyOf(result.customer) }, found.cells);
    appendAudit(audit, [{ at: now, actor: ctx.user, action, customerNumber, fields: result.changed }], utilitiesSha256(Utilities));
    return result.customer;
  });
}

function actionInput(ctx: CallContext, input: unknown): { number: string; expected: number | null; args: Record<string, unknown> } {
  if (!isPlainObject(input)) throw new UserError(text(ctx.language, 'badRequest'));
  return { number: requireNumber(ctx, input), expected: expectedVersionOf(input), args: input };
}

/** Ends the customer relationship on `date` (today when left out). */
export function endRelationship(input: { customerNumber: string; expectedVersion: number; date?: string }): { customer: Customer } {
  const ctx = requireRole('staff');
  const { number, expected, args } = actionInput(ctx, input);
  const date = str(args.date) || clock(ctx).today;
  return { customer: updateCustomer(ctx, number, expected, { relationshipEnd: date }, 'end-relationship') };
}

/** Sets the marketing basis; consent needs the moment it was given (now when left out). */
export function setMarketingBasis(input: { customerNumber: string; expectedVersion: number; basis: string; consentAt?: string }): { customer: Customer } {
  const ctx = requireRole('staff');
  const { number, expected, args } = actionInput(ctx, input);
  const basis = str(args.basis);
  const patch: Record<string, unknown> = { marketingBasis: basis };
  if (basis === 'consent') patch.marketingConsentAt = str(args.consentAt) || clock(ctx).now;
  return { customer: updateCustomer(ctx, number, expected, patch, 'update') };
}

/**
 * Bans direct marketing at once and for good (GDPR 21(3)). It needs no version: an objection
 * applies whatever else changed meanwhile.
 */
export function banMarketing(input: { customerNumber: string }): { customer: Customer } {
  const ctx = requireRole('staff');
  const { number } = actionInput(ctx, input);
  return { customer: updateCustomer(ctx, number, null, { marketingBannedAt: clock(ctx).now }, 'ban-marketing') };
}

/** Sets (until and reason) or lifts (both empty) a legal hold that blocks deletion. */
export function setLegalHold(input: { customerNumber: string; expectedVersion: number; until: string; reason: string }): { customer: Customer } {
  const ctx = requireRole('staff');
  const { number, expected, args } = actionInput(ctx, input);
  return { customer: updateCustomer(ctx, number, expected, { legalHoldUntil: str(args.until), legalHoldReason: str(args.reason) }, 'legal-hold') };
}

/** Restricts processing (GDPR 18) or lifts the restriction. */
export function restrictProcessing(input: { customerNumber: string; expectedVersion: number; restricted: boolean }): { customer: Customer } {
  const ctx = requireRole('staff');
  const { number, expected, args } = actionInput(ctx, input);
  const restricted = args.restricted === true;
  return {
    customer: updateCustomer(ctx, number, expected, { restrictedAt: restricted ? clock(ctx).now : '' }, restricted ? 'restrict' : 'unrestrict'),
  };
}

/**
 * Records a disclosure of a person's data. It needs a basis: the person's written consent (its
 * reference) or an authority's demand (its reference); a recipient outside the EU/EEA is refused
 * unless the person's written transfer request is on record.
 */
export function recordDisclosure(input: DisclosureInput & { customerNumber: string }): { disclosure: Disclosure & { id: string; recordedBy: string } } {
  const ctx = requireRole('staff');
  const { number, args } = actionInput(ctx, input);
  const { now, today } = clock(ctx);
  return withDocumentLock(LockService, SpreadsheetApp, ctx.language, () => {
    const tabs = findTabs(SpreadsheetApp.getActiveSpreadsheet());
    const sheet = requireTab(tabs, 'register', ctx.language);
    const disclosures = requireTab(tabs, 'disclosures', ctx.language);
    const audit = requireTab(tabs, 'audit', ctx.language);
    const map = readColumns(sheet, REGISTER_TAB, ctx.language);
    const { customer } = locate(ctx, sheet, map, number);
    const checked = validateDisclosure(args as DisclosureInput, customer, today);
    if (!checked.ok) throw new UserError(fieldErrorsMessage(ctx, checked.errors));
    const dmap = readColumns(disclosures, DISCLOSURES_TAB, ctx.language);
    const record = { ...checked.disclosure, id: `D-${Utilities.getUuid().slice(0, 8)}`, recordedBy: ctx.user };
    appendRecord(disclosures, dmap, record);
    const categories = record.dataCategories ? record.dataCategories.split(',') : [];
    appendAudit(audit, [{ at: now, actor: ctx.user, action: 'disclosure', customerNumber: number, fields: categories }], utilitiesSha256(Utilities));
    return { disclosure: record };
  });
}

/**
 * The people who may lawfully receive e-marketing today, as CSV (Finnish Excel: ";" and a BOM;
 * `format: "import"` gives "," for newsletter tools). The export is logged.
 */
export function exportMarketingList(input?: { format?: 'excel' | 'import' }): { csv: string; fileName: string; count: number } {
  const ctx = requireRole('staff');
  const format = isPlainObject(input) && input.format === 'import' ? 'import' : 'excel';
  const { now, today } = clock(ctx);
  const tabs = findTabs(SpreadsheetApp.getActiveSpreadsheet());
  const sheet = requireTab(tabs, 'register', ctx.language);
  const audit = requireTab(tabs, 'audit', ctx.language);
  const map = readColumns(sheet, REGISTER_TAB, ctx.language);
  const last = sheet.getLastRow();
  const rows = readRows(sheet, map, 2, last - 1);
  const customers = rows.filter((r) => str(r[map.col.customerNumber - 1]) !== '').map((r) => rowToCustomer(map.keys, r, ctx.settings.timeZone));
  const out = marketingExport(customers, today, ctx.settings.controller, format);
  withDocumentLock(LockService, SpreadsheetApp, ctx.language, () =>
    appendAudit(audit, [{ at: now, actor: ctx.user, action: 'export-marketing', fields: [] }], utilitiesSha256(Utilities)),
  );
  return { csv: out.csv, fileName: out.fileName, count: out.customerNumbers.length };
}
