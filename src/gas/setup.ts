/**
 * Set-up and repair of the register's tabs: missing tabs are created with headers in the chosen
 * language, missing columns are added after the last one, text columns are formatted as plain
 * text, and every tab is protected so that only key personnel can edit it. Data is never
 * touched: no row under the header is read or written.
 */
import { DATE_FORMAT, INSTANT_FORMAT, Language, TabSpec, TABS, columnKeysFromHeader, headerRow } from '../core/schema';
import { LIST_COLUMNS, outcomeText, wordSetOf, wordsOf } from '../core/words';
import { dataCell, isLegacyOutcome, outcomeOfCells, pairHiddenCells, type HiddenRow } from '../core/requests/record';
import { text as textOf } from '../core/texts';
import { columnLetter, decodeCell, encodeCell, fromCell, toCell, type Cell, type CellDisplay } from './cells';
import { findTabs } from './register';
import type { Layout } from './state';
import type { KeyPerson } from '../core/settings';
import { protectStoreTab } from './invariants';

export interface SetUpReport {
  createdTabs: string[];
  addedColumns: string[];
  protectedTabs: string[];
}

export interface SetUpOutcome {
  report: SetUpReport;
  /** Every tab's name and column keys as set-up left them. */
  layout: Layout;
  audit: GoogleAppsScript.Spreadsheet.Sheet;
  /** The log tab's column count as set-up left it (the audit head remembers it). */
  auditColumns: number;
}

/** Runs of consecutive 1-based column numbers, for one call per run. */
function runs(columns: number[]): [number, number][] {
  const sorted = [...columns].sort((a, b) => a - b);
  const out: [number, number][] = [];
  for (const c of sorted) {
    const last = out[out.length - 1];
    if (last && last[1] === c - 1) last[1] = c;
    else out.push([c, c]);
  }
  return out;
}

export function setUpTabs(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  language: Language,
  people: readonly KeyPerson[],
  protectionType: typeof SpreadsheetApp.ProtectionType,
  timeZone?: string,
): SetUpOutcome {
  const report: SetUpReport = { createdTabs: [], addedColumns: [], protectedTabs: [] };
  let auditColumns = 0;
  if (timeZone) zoneAndLocale(spreadsheet, timeZone);
  const tabs = findTabs(spreadsheet);
  const layout: Layout = {};
  for (const tab of TABS) {
    let sheet = tabs[tab.key];
    const created = !sheet;
    if (!sheet) {
      sheet = spreadsheet.insertSheet(tab.name[language]);
      report.createdTabs.push(tab.name[language]);
      tabs[tab.key] = sheet;
    }
    layout[tab.key] = { name: sheet.getName(), keys: ensureColumns(sheet, tab, language, report) };
    if (tab.key === 'audit') auditColumns = trimLog(sheet, tab, created);
    protect(sheet, tab, language, people, protectionType, report);
  }
  return { report, layout, audit: tabs.audit!, auditColumns };
}

/**
 * The log is appended as whole rows (gas/audit-log.ts), so its tab keeps only the columns it
 * uses, not the 26 a new sheet has: an append of 10,000 entries then writes 8 cells a row, not
 * 26. A new tab loses the rest at once; an older one only when nothing stands right of the log's
 * columns (a person's notes there stay). One call for a new tab, two for an older one, none
 * when there is nothing to trim. → the tab's column count after.
 */
function trimLog(sheet: GoogleAppsScript.Spreadsheet.Sheet, tab: TabSpec, created: boolean): number {
  const width = tab.columns.length;
  const columns = sheet.getMaxColumns();
  if (columns <= width || (!created && sheet.getLastColumn() > width)) return columns;
  sheet.deleteColumns(width + 1, columns - width);
  return width;
}

/** Adds what is missing and returns the column keys by position. */
function ensureColumns(sheet: GoogleAppsScript.Spreadsheet.Sheet, tab: TabSpec, language: Language, report: SetUpReport): (string | null)[] {
  const header = sheet.getRange('1:1').getValues()[0];
  const keys = columnKeysFromHeader(tab, header);
  let last = 0;
  header.forEach((h, i) => {
    if (String(h).trim() !== '') last = i + 1;
  });
  const missing = tab.columns.filter((c) => !keys.includes(c.key));
  if (missing.length) {
    const needed = last + missing.length - sheet.getMaxColumns();
    if (needed > 0) sheet.insertColumnsAfter(sheet.getMaxColumns(), needed);
    const titles = headerRow({ ...tab, columns: missing }, language);
    // Header cells are plain text first, so a title is never parsed.
    sheet.getRange(1, last + 1, 1, missing.length).setNumberFormat('@').setValues([titles]);
    report.addedColumns.push(...titles.map((t) => `${sheet.getName()}: ${t}`));
  }
  // Plain-text format on every text column, header to the last row the sheet has.
  const finalKeys = [...keys.slice(0, last), ...missing.map((c) => c.key)];
  const textColumns = tab.columns.filter((c) => c.text).map((c) => finalKeys.indexOf(c.key) + 1).filter((c) => c > 0);
  for (const [from, to] of runs(textColumns)) {
    sheet.getRange(`${columnLetter(from)}:${columnLetter(to)}`).setNumberFormat('@');
  }
  // The dropdowns come with the words (planLanguageRewrite, which set-up runs next).
  formatDates(sheet, tab, finalKeys, language);
  if (sheet.getFrozenRows() !== 1) sheet.setFrozenRows(1);
  // Columns only the software reads (the search key) are hidden from people.
  for (const col of tab.columns.filter((c) => c.hidden)) {
    const at = finalKeys.indexOf(col.key) + 1;
    if (at > 0 && !sheet.isColumnHiddenByUser(at)) sheet.hideColumns(at);
  }
  return finalKeys;
}

/** Makes every register tab's protection list exactly the key personnel (and the owner, whom Sheets keeps). */
export function protectTabs(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  language: Language,
  people: readonly KeyPerson[],
  protectionType: typeof SpreadsheetApp.ProtectionType,
): void {
  const tabs = findTabs(spreadsheet);
  const report: SetUpReport = { createdTabs: [], addedColumns: [], protectedTabs: [] };
  for (const tab of TABS) {
    const sheet = tabs[tab.key];
    if (sheet) protect(sheet, tab, language, people, protectionType, report);
  }
  // The invariant store (gas/invariants.ts): key personnel's saves write it.
  protectStoreTab(spreadsheet, people.map((p) => p.email.toLowerCase()), protectionType);
}

function protect(
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
  tab: TabSpec,
  language: Language,
  people: readonly KeyPerson[],
  protectionType: typeof SpreadsheetApp.ProtectionType,
  report: SetUpReport,
): void {
  const editors = people.map((p) => p.email);
  const admins = people.filter((p) => p.role === 'admin').map((p) => p.email);
  const existing = sheet.getProtections(protectionType.SHEET);
  const protection = existing[0] ?? sheet.protect().setDescription(`Rekisteri: ${tab.name[language]}`);
  if (!existing.length) report.protectedTabs.push(sheet.getName());
  limitTo(protection, editors);
  // The header row names the columns every operation finds by key: admins only.
  const headerDescription = `Rekisteri: ${tab.name[language]} / ${HEADER_ROW[language]}`;
  const header =
    sheet.getProtections(protectionType.RANGE).find((p) => p.getDescription().startsWith(`Rekisteri: `) && p.getRange().getRow() === 1) ??
    sheet.getRange('1:1').protect().setDescription(headerDescription);
  limitTo(header, admins);
}

const HEADER_ROW = { fi: 'otsikkorivi', sv: 'rubrikrad', en: 'header row' } as const;

/** Makes a protection's editors exactly `emails` (Sheets keeps the owner and the current user in any case). */
function limitTo(protection: GoogleAppsScript.Spreadsheet.Protection, emails: string[]): void {
  protection.setWarningOnly(false);
  // Add first, then remove the rest.
  protection.addEditors(emails);
  const current = protection.getEditors().map((u) => u.getEmail().toLowerCase());
  const extra = current.filter((e) => !emails.includes(e));
  if (extra.length) protection.removeEditors(extra);
}

/**
 * The spreadsheet's time zone is the register's (a Date cell shows, and a typed date means, that
 * zone's day), and its locale reads typed dates day first: a Finn's 1.12.2025 is the first of
 * December (in en_US Sheets would take it for 12 January). Two calls, four when they change.
 */
function zoneAndLocale(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet, timeZone: string): void {
  if (spreadsheet.getSpreadsheetTimeZone() !== timeZone) spreadsheet.setSpreadsheetTimeZone(timeZone);
  if (!/^(fi|sv)_/.test(spreadsheet.getSpreadsheetLocale())) spreadsheet.setSpreadsheetLocale('fi_FI');
}

/** Date columns get d.M.yyyy, instants d.M.yyyy klo H.mm (in the language), below the header: one call per run of columns. */
export function formatDates(sheet: GoogleAppsScript.Spreadsheet.Sheet, tab: TabSpec, keys: readonly (string | null)[], language: Language): void {
  for (const format of ['date', 'instant'] as const) {
    const columns = tab.columns.filter((c) => c.format === format).map((c) => keys.indexOf(c.key) + 1).filter((c) => c > 0);
    for (const [from, to] of runs(columns)) {
      sheet.getRange(`${columnLetter(from)}2:${columnLetter(to)}`).setNumberFormat(format === 'date' ? DATE_FORMAT : INSTANT_FORMAT[language]);
    }
  }
}

/**
 * A dropdown of the register language's words on each enumerated column, below the header, set
 * on the whole column once (one call per column). Invalid input is allowed with a warning: a word
 * typed in another language, or a code, reaches the on-edit trigger, which writes the word.
 */
export function setDropdowns(sheet: GoogleAppsScript.Spreadsheet.Sheet, tab: TabSpec, keys: readonly (string | null)[], language: Language): void {
  // The tabs a person types in (the log and the disclosures are written by the software only).
  if (tab.key !== 'register' && tab.key !== 'requests') return;
  keys.forEach((key, i) => {
    const set = wordSetOf(tab.key, key);
    // A list of several (the rights a letter asks) is no single choice: no dropdown, still decoded.
    if (!set || LIST_COLUMNS.has(set)) return;
    const words = wordsOf(set, language);
    const rule = SpreadsheetApp.newDataValidation().requireValueInList(words, true).setAllowInvalid(true)
      .setHelpText(textOf(language, 'errEnum').replace('{values}', words.join(', '))).build();
    sheet.getRange(`${columnLetter(i + 1)}2:${columnLetter(i + 1)}`).setDataValidation(rule);
  });
}

/**
 * A Requests row's outcome in the block (`keys` by the block's columns): the readable text
 * derived again from the hidden data column in the new language. A row written before that column
 * (its JSON in the readable column) gets its JSON moved to the data column, so the migration is
 * this same rewrite that set-up runs. A readable text with no data behind it is left as it is (it
 * is then all that is left of the outcome). `own` is what belongs to the row's case (its hidden
 * cells paired by the names inside them, core/requests/record.ts pairHiddenCells): written in the
 * row, a case's in the form that names it, so the rewrite also puts back cells a sort of the
 * visible columns left in other rows, and names the older cells.
 */
function rewriteOutcome(out: Cell[], keys: readonly (string | null)[], display: CellDisplay, own: HiddenRow | null): void {
  const [at, dataAt, repliesAt] = [keys.indexOf('outcome'), keys.indexOf('outcomeData'), keys.indexOf('replyMessageIds')];
  if (at < 0 || dataAt < 0) return;
  // A blank row (between cases, or below them) stays blank.
  if (out.every((v) => v === '' || v === null)) return;
  const id = own?.id ?? '';
  if (own) {
    out[dataAt] = toCell(own.data, true);
    // In the form that names the case (pairHiddenCells names an older cell of its row's case).
    if (repliesAt >= 0) out[repliesAt] = toCell(own.replies, true);
  }
  const data = own ? own.data : String(out[dataAt] ?? '');
  const readable = String(out[at] ?? '');
  // Readable text with no data behind it is all that is left of the outcome: kept as it is.
  if (data.trim() === '' && readable.trim() !== '' && !isLegacyOutcome(readable)) return;
  const outcome = outcomeOfCells(data, readable);
  // Never blank once moved (record.ts recordToValues), so a JSON typed in Lopputulos later is never read;
  // a case's data in the form that names it (pairHiddenCells names an older JSON cell; an unreadable one stays as it is).
  if (data.trim() === '') out[dataAt] = toCell(id !== '' ? dataCell(id, outcome) : JSON.stringify(outcome), true);
  out[at] = toCell(outcomeText(outcome, display.language, display.timeZone), true);
}

/** Each block row's case id and the hidden cells that belong to it (null when the block lacks the columns). No call. */
function ownHiddenCells(read: readonly (readonly unknown[])[], keys: readonly (string | null)[], from: number, plain: readonly boolean[]): HiddenRow[] | null {
  const [idAt, dataAt, repliesAt] = ['id', 'outcomeData', 'replyMessageIds'].map((k) => keys.indexOf(k));
  if (idAt < 0 || dataAt < 0) return null;
  const cell = (row: readonly unknown[], i: number) => (i < 0 ? '' : String(fromCell(row[i - from + 1], plain[i]) ?? '').trim());
  const rows = read.map((row) => ({ id: cell(row, idAt), data: cell(row, dataAt), replies: cell(row, repliesAt) }));
  const paired = pairHiddenCells(rows);
  return rows.map((row, i) => ({ id: row.id, data: paired.data[i], replies: paired.replies[i] }));
}

/**
 * A language switch (saveSettings): every tab's header row, and every cell holding a word (the
 * register's and the requests' enumerations, the disclosures' basis and data categories, the
 * log's actions and field names), in the new language, with the dropdowns and the instants'
 * format. Date and instant cells are in the block too: a day or an instant still held as ISO text
 * (a tab written before real dates) becomes a real date, the same value read back (so set-up,
 * which runs this, converts an older register; an audit entry's hash stays valid).
 * Everything is read first (per tab its header, its last row and the block of its word columns,
 * however many rows), so no read waits for a write's flush; the returned function then writes:
 * per tab the header and the block in one call each, one call per dropdown and instant-format
 * run. Cells are decoded (any language, or a code) and encoded again (gas/cells.ts), so a
 * register still holding codes is converted too; the audit chain's hashes are over the codes and
 * stay valid. A tab missing here is left alone.
 */
export function planLanguageRewrite(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet, language: Language, timeZone: string, instantFormats = true): () => void {
  const tabs = findTabs(spreadsheet);
  const writes: (() => void)[] = [];
  for (const tab of TABS) {
    const sheet = tabs[tab.key];
    if (!sheet) continue;
    const header = sheet.getRange('1:1').getValues()[0];
    const keys = columnKeysFromHeader(tab, header);
    // The known headers in the new language; anything a person added right of them stays.
    const titles = header.map((h, i) => (keys[i] ? tab.columns.find((c) => c.key === keys[i])!.header[language] : h));
    writes.push(() => sheet.getRange(1, 1, 1, header.length).setValues([titles]));
    const formatOf = (k: string | null) => (k ? tab.columns.find((c) => c.key === k)?.format : undefined);
    // The requests' readable outcome is derived from its data column, so both are in the block.
    // With the case's id and the reply ids: the hidden cells are paired to their cases by the names inside them.
    const derived = (k: string | null) => tab.key === 'requests' && (k === 'outcome' || k === 'outcomeData' || k === 'replyMessageIds' || k === 'id');
    const wordColumns = keys.map((k, i) => (wordSetOf(tab.key, k) || (tab.key === 'audit' && k === 'fields') || formatOf(k) || derived(k) ? i + 1 : 0)).filter((c) => c > 0);
    // Date formats first, so the dates the block holds land in date cells (an older tab's were plain text).
    writes.push(() => {
      if (instantFormats) formatDates(sheet, tab, keys, language);
    });
    const last = wordColumns.length ? sheet.getLastRow() : 0;
    if (wordColumns.length && last >= 2) {
      const from = Math.min(...wordColumns);
      const to = Math.max(...wordColumns);
      const block = sheet.getRange(2, from, last - 1, to - from + 1);
      const plain = keys.map((k) => !!k && !!tab.columns.find((c) => c.key === k)?.text);
      const display = { language, timeZone };
      const read = block.getValues();
      const own = tab.key === 'requests' ? ownHiddenCells(read, keys, from, plain) : null;
      const values = read.map((row, r) => {
        const out = row.map((v, j) => {
          const i = from - 1 + j;
          const value = fromCell(v, plain[i]);
          if (!wordColumns.includes(i + 1) || value === '' || derived(keys[i])) return toCell(value, plain[i]);
          return toCell(encodeCell(tab.key, keys[i], decodeCell(tab.key, keys[i], value, timeZone), display), plain[i]);
        });
        if (tab.key === 'requests') rewriteOutcome(out, keys.slice(from - 1, to), display, own ? own[r] : null);
        return out;
      });
      writes.push(() => block.setValues(values));
    }
    writes.push(() => setDropdowns(sheet, tab, keys, language));
  }
  return () => writes.forEach((write) => write());
}
