/**
 * Who may lawfully receive electronic direct marketing today (DESIGN §3, Finnish rules: the Act
 * on Electronic Communications Services §200 and GDPR 21), and the marketing list export.
 */
import type { Customer } from './customer';
import { toCsv, type CsvOptions } from './csv';
import { REGISTER_TAB, type Language } from './schema';
import { emailKey } from './validation';

/** Why a customer is or is not on today's marketing list; the UI can show it. */
export type MarketingDecision =
  | 'banned'
  | 'restricted'
  | 'legal-hold'
  | 'no-email'
  | 'no-basis'
  | 'consent-missing'
  | 'relationship-not-active'
  | 'not-a-customer'
  | 'business-basis-for-person'
  | 'allowed';

/**
 * The rule, in order:
 * 1. a marketing ban (objection) beats every basis, for good;
 * 2. restricted processing (GDPR 18), or a legal hold in force (the record is kept only because a
 *    law says so, DESIGN §1), allows no marketing;
 * 3. without an email address there is nothing to send to;
 * 4. 'consent' needs the time consent was given, not later than today. Consent stays valid after
 *    the customer relationship ends: it is the person's own choice, independent of the contract,
 *    and lasts until withdrawn (an objection sets the ban); the retention sweep deletes the
 *    record later, which ends it too;
 * 5. 'existing-customer' (the seller's own similar products, opt-out in every message) holds only
 *    for a customer whose relationship has started and has not ended (relationshipEnd ≤ today ends it);
 * 6. 'business' only for a business contact, until it objects;
 * 7. 'none' never.
 */
export function marketingDecision(customer: Customer, today: string): MarketingDecision {
  if (customer.marketingBannedAt !== '') return 'banned';
  if (customer.restrictedAt !== '') return 'restricted';
  if (customer.legalHoldUntil !== '' && customer.legalHoldUntil >= today) return 'legal-hold';
  if (customer.email.trim() === '') return 'no-email';
  switch (customer.marketingBasis) {
    case 'consent':
      // Instants and dates both start with the calendar day; a consent dated in the future is not yet given.
      return customer.marketingConsentAt !== '' && customer.marketingConsentAt.slice(0, 10) <= today ? 'allowed' : 'consent-missing';
    case 'existing-customer':
      if (customer.kind !== 'customer') return 'not-a-customer';
      if (customer.relationshipStart === '' || customer.relationshipStart > today) return 'relationship-not-active';
      if (customer.relationshipEnd !== '' && customer.relationshipEnd <= today) return 'relationship-not-active';
      return 'allowed';
    case 'business':
      return customer.customerType === 'business' ? 'allowed' : 'business-basis-for-person';
    default:
      return 'no-basis';
  }
}

/** Whether the customer may receive electronic direct marketing today. */
export function mayReceiveMarketing(customer: Customer, today: string): boolean {
  return marketingDecision(customer, today) === 'allowed';
}

/**
 * The people on today's list, in customer-number order, one row per address. An address that is
 * banned on any record is left out everywhere: the ban belongs to the mailbox's owner, whichever
 * record carries it.
 */
export function marketingList(customers: readonly Customer[], today: string): Customer[] {
  // One mailbox in either form (anna@hyvä.fi, anna@xn--hyv-sla.fi): validation.ts emailKey.
  const key = (c: Customer) => emailKey(c.email);
  const banned = new Set(customers.filter((c) => c.marketingBannedAt !== '' && c.email.trim() !== '').map(key));
  const seen = new Set<string>();
  return [...customers]
    .sort((a, b) => a.customerNumber.localeCompare(b.customerNumber, 'en', { numeric: true }))
    .filter((c) => {
      if (!mayReceiveMarketing(c, today) || banned.has(key(c)) || seen.has(key(c))) return false;
      seen.add(key(c));
      return true;
    });
}

/**
 * The two CSV flavours. One file cannot serve both readers: Finnish Excel splits a double-clicked
 * .csv only at its list separator ';', while Mailchimp's importer expects commas (a ';' file lands
 * in one column). Both are UTF-8 with a BOM (Excel needs it to read ä and ö; importers accept it,
 * as it is what Excel's own "CSV UTF-8" writes), CRLF line ends and RFC 4180 quoting. No `sep=;`
 * line: importers take it for the header row, and Excel ignores the BOM when it is present.
 */
export const MARKETING_CSV_FORMATS: Record<'excel' | 'import', CsvOptions> = {
  excel: { separator: ';', bom: true },
  import: { separator: ',', bom: true },
};

/** Column headers: stable English names that newsletter tools map automatically. */
export const MARKETING_CSV_HEADER = ['email', 'name', 'customerNumber'] as const;

/** The `excel` file is for people: its headers are the register tab's column headers in the language. */
export function marketingCsvHeader(format: 'excel' | 'import', language: Language): string[] {
  if (format === 'import') return [...MARKETING_CSV_HEADER];
  return MARKETING_CSV_HEADER.map((key) => REGISTER_TAB.columns.find((c) => c.key === key)!.header[language]);
}

/** The file name's word for the list, per language (ASCII: a file name travels through mail and zips). */
const LIST_WORD: Record<Language, string> = { fi: 'markkinointilista', sv: 'marknadsforingslista', en: 'marketing-list' };

/**
 * Today's marketing list as CSV text (default: for Finnish Excel). Every cell is
 * formula-neutralised (a name '=cmd|…' is written "'=cmd|…").
 */
export function marketingListCsv(customers: readonly Customer[], today: string, format: 'excel' | 'import' = 'excel'): string {
  const rows = marketingList(customers, today).map((c) => [c.email, c.name, c.customerNumber]);
  return toCsv([[...MARKETING_CSV_HEADER], ...rows], MARKETING_CSV_FORMATS[format]);
}

export interface MarketingExport {
  /** Carries the controller and the date, so a file found later says whose list of which day it is. */
  fileName: string;
  csv: string;
  /** For the audit log's export entry (numbers, never addresses). */
  customerNumbers: string[];
}

/**
 * The export the server hands out: the CSV plus a file name naming the controller and the day.
 * The controller is not written into the rows, because an extra line or column breaks imports.
 */
export function marketingExport(
  customers: readonly Customer[],
  today: string,
  controller: { name: string },
  format: 'excel' | 'import' = 'excel',
  language: Language = 'fi',
): MarketingExport {
  const list = marketingList(customers, today);
  const rows = list.map((c) => [c.email, c.name, c.customerNumber]);
  const slug = controller.name.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '') || 'register';
  return {
    // The import file keeps its name and headers: newsletter tools map them.
    fileName: format === 'import' ? `${slug}-marketing-${today}-import.csv` : `${slug}-${LIST_WORD[language]}-${today}.csv`,
    csv: toCsv([marketingCsvHeader(format, language), ...rows], MARKETING_CSV_FORMATS[format]),
    customerNumbers: list.map((c) => c.customerNumber),
  };
}
