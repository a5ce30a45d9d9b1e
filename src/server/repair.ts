/**
 * Repair: whatever the on-edit trigger could not undo (it failed, found the lock busy, came
 * late, or never fires, as for a sort or a deleted row) is found and put right here, from one
 * read of the register and one of the invariant store, in one batched write. It runs from
 * set-up, from the nightly trigger (`runNightly`), from an admin's `repair()`, and from the next
 * on-edit run after one that failed. Nothing is guessed: see core/invariants.ts `planRepair`.
 *
 * Service calls, whatever the register's size: lock, state, the header and the rows (one
 * open-ended read from row 1, which also tells the tab's size and proves the remembered layout),
 * formula search (one spreadsheet-wide finder for every tab of the register's: two calls),
 * store, audit tail (its proof), audit entry, audit head (with the counter), store write, rows
 * write (corrected and written-back rows together), flush — twelve; one more when the tab must
 * grow for written-back rows, two when the layout must be read afresh; where formulas were
 * found, per tab one read and its writes.
 */
import { dayInZone, rowToCustomer } from '../core/customer';
import { NumberFormat, numberIndex, parseQuarantineKey, planRepair, QuarantineItem, RepairReport, StoreEntry } from '../core/invariants';
import { AUDIT_TAB, columnKeysFromHeader, DISCLOSURES_TAB, REGISTER_TAB, REQUESTS_TAB, tabNames } from '../core/schema';
import { STORE_TAB_NAMES } from '../core/invariants';
import { areaAround, literaliseFormulas } from '../gas/formulas';
import { searchKeyOf } from '../core/search';
import { cellsFor, knownWidth, UserError, type ColumnMap } from '../gas/register';
import { columnLetter, fromCell } from '../gas/cells';
import { refresh, readColumnWithHeader } from '../gas/tabs';
import { ensureRoom, ensureStoreTab, formatOf, readStore, storeSheet, writeStoreEntries } from '../gas/invariants';
import { readState, REPAIR_DUE_KEY, stateProperties, StoreInfo } from '../gas/state';
import { text } from '../core/texts';
import { audit, open } from './tabs';
import { CallContext, requireRole, withWrite } from './context';
import { afterRepair } from './summary';
import type { SharedRead } from './retention';
import { pendingDeletions } from './retention';

export type { RepairReport } from '../core/invariants';

/** The store's number format for a register without one yet: the settings' format from its first number. */
export function newStoreInfo(ctx: CallContext, name: string): StoreInfo {
  const digits = ctx.settings.customerNumberDigits;
  return { name, prefix: ctx.settings.customerNumberPrefix, digits, base: 10 ** (digits - 1) };
}

/** The next number the counter hands out, as an integer of the store's format. */
export function nextNumberOf(ctx: CallContext, format: NumberFormat): number {
  return Math.max(ctx.state.nextCustomerNumber ?? format.base, format.base);
}

/**
 * The whole repair pass, inside a write context. `adopt` is for a store just made: the rows
 * as they stand become the records (the first repair of an existing register).
 */
export function repairRegister(ctx: CallContext, options: { adopt?: boolean; info?: StoreInfo; share?: (read: SharedRead) => void } = {}): RepairReport {
  const info = options.info ?? ctx.state.store;
  if (!info) throw new UserError(text(ctx.language, 'repairNoStore'));
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const { sheet, map, all } = readRegisterBlock(ctx);
  const width = knownWidth(map);
  const maxRows = all.length + 1;
  let count = all.length;
  while (count > 0 && all[count - 1].every((v) => v === '' || v === null)) count--;
  const last = count + 1;
  const raw = all.slice(0, count);
  // Formulas anywhere in the tab, found on Google's side (one call, charged per match).
  // matchFormulaText: "return matches that appear within formula text" (reference, Class
  // TextFinder, https://developers.google.com/apps-script/reference/spreadsheet/text-finder);
  // that `^=` anchors at the formula's own "=" is not confirmed there, so each hit's formula
  // is read back and only a real formula is changed.
  // One search over the whole spreadsheet (two calls) serves every tab of the register's: the
  // register's own hits here, the other tabs' at the end of the pass (repairOtherTabs).
  // Spreadsheet.createTextFinder searches every sheet of the file (reference, Class Spreadsheet;
  // "Taking Advantage of TextFinder", https://gist.github.com/tanaikech/39f719bd10ccbb27edd694c33242e496);
  // that it searches hidden tabs too (the store's) is not confirmed there.
  const everywhere = spreadsheet.createTextFinder('^=').useRegularExpression(true).matchFormulaText(true).findAll();
  const registerName = sheet.getName();
  const found = everywhere.filter((f) => f.getSheet().getName() === registerName);
  let formulas = 0;
  const outside: { row: number; col: number; formula: string }[] = [];
  const formulaRows = new Set<number>();
  if (found.length) {
    const around = areaAround(found.map((f) => [f.getRow(), f.getColumn()] as const));
    const [r0, c0] = [around.row, around.column];
    const box = sheet.getRange(r0, c0, around.numRows, around.numColumns).getFormulas();
    box.forEach((line, dr) =>
      line.forEach((formula, dc) => {
        if (!formula) return;
        formulas += 1;
        const [row, col] = [r0 + dr, c0 + dc];
        if (row >= 2 && row <= last && col <= width) {
          raw[row - 2][col - 1] = formula;
          formulaRows.add(row - 2);
        }
        else outside.push({ row, col, formula });
      }),
    );
  }
  const cells = raw.map((r) => r.map((v, c) => fromCell(v, map.text[c])));
  const records = cells.map((r) => rowToCustomer(map.keys, r, ctx.settings.timeZone));
  const keyCol = map.col.searchKey - 1;
  const empty = cells.map((r) => r.every((v, c) => c === keyCol || v === '' || v === null));
  const format = formatOf(info);
  const nextNumber = nextNumberOf(ctx, format);
  const store = storeSheet(spreadsheet, info);
  const entries: StoreEntry[] = options.adopt ? [] : readStore(store, nextNumber - format.base);
  const plan = planRepair({
    keys: map.keys, records, searchKeys: cells.map((r) => r[keyCol]), empty, store: entries, format, nextNumber,
    adopt: !!options.adopt, now: ctx.now, today: ctx.today, deleting: pendingDeletions(ctx.state.sweep),
  });
  plan.report.formulas = formulas;
  // Formula rows are rewritten as literal text even when nothing else changed in them.
  for (const i of formulaRows) if (!plan.rows.has(i)) plan.rows.set(i, {});
  // Log first (with the counter, the store's record and the cleared repair mark), then the store, then the rows.
  const extra: Record<string, string> = { [REPAIR_DUE_KEY]: '' };
  if (plan.nextNumber !== ctx.state.nextCustomerNumber) Object.assign(extra, stateProperties({ nextCustomerNumber: plan.nextNumber }));
  let lastIndex = -1;
  for (const i of plan.store.keys()) lastIndex = Math.max(lastIndex, i);
  const grown = ensureRoom(store, info, lastIndex);
  if (options.info || grown) Object.assign(extra, stateProperties({ store: grown ?? info }));
  if (grown) ctx.state.store = grown;
  if (plan.audit.length) {
    audit(ctx, plan.audit.map((a) => ({ at: ctx.now, actor: 'repair', action: 'manual-edit' as const, customerNumber: a.customerNumber, fields: a.fields })), extra);
  } else if (ctx.state.repairDue || Object.keys(extra).length > 1) {
    ctx.properties.setProperties(extra);
  }
  ctx.state.repairDue = null;
  ctx.state.nextCustomerNumber = plan.nextNumber;
  // Each record's row after the pass, as the store's row hints (core of a save's search-free read).
  const rowOfIndex = new Map<number, number>();
  for (let i = 0; i < count; i++) {
    const written = plan.rows.get(i);
    const number = written && typeof written.customerNumber === 'string' ? written.customerNumber : records[i].customerNumber;
    const index = number ? numberIndex(format, number.trim()) : null;
    if (index !== null && !rowOfIndex.has(index)) rowOfIndex.set(index, i + 2);
  }
  plan.append.forEach((c, k) => {
    const index = numberIndex(format, c.customerNumber);
    if (index !== null) rowOfIndex.set(index, count + k + 2);
  });
  writeStoreEntries(store, plan.store, entries, 0, (index) => rowOfIndex.get(index) ?? 0);
  // The corrected rows and the rows written back, in one write (the tab grows first if it must).
  const appendFrom = count;
  const rowsToWrite = new Map(plan.rows);
  plan.append.forEach((c, k) => rowsToWrite.set(appendFrom + k, { ...c, searchKey: searchKeyOf(c) }));
  if (rowsToWrite.size) {
    if (plan.append.length && last + plan.append.length > maxRows) sheet.insertRowsAfter(maxRows, last + plan.append.length - maxRows);
    let [from, to] = [Infinity, -1];
    for (const i of rowsToWrite.keys()) {
      from = Math.min(from, i);
      to = Math.max(to, i);
    }
    const out = [];
    for (let i = from; i <= to; i++) out.push(cellsFor(map, rowsToWrite.get(i) ?? {}, cells[i] ?? new Array<unknown>(width).fill('')));
    sheet.getRange(from + 2, 1, out.length, width).setValues(out);
  }
  if (outside.length) literaliseOutside(sheet, outside, last + plan.append.length, width);
  plan.report.formulas += repairOtherTabs(everywhere.filter((f) => f.getSheet().getName() !== registerName));
  // What it read, for the retention sweep after it (server/retention.ts): only when no register row was written.
  if (options.share && !rowsToWrite.size && !outside.length) {
    options.share({ sheet, map, all, store: entries.map((e, i) => plan.store.get(i) ?? e) });
  }
  return plan.report;
}

/**
 * The register's columns and every row below the header, proven by the header itself: one
 * open-ended read from row 1 over the remembered block gives the header (which must map to the
 * remembered keys), the rows and the tab's size (so no getLastRow, no getMaxRows). A layout that
 * does not hold (a column inserted or moved inside the block) is read afresh: two calls more.
 */
export function readRegisterBlock(ctx: CallContext): { sheet: GoogleAppsScript.Spreadsheet.Sheet; map: ColumnMap; all: unknown[][] } {
  const tab = open(ctx, REGISTER_TAB);
  if (tab.remembered) {
    const block = tab.sheet.getRange(`A1:${columnLetter(knownWidth(tab.map))}`).getValues();
    const keys = columnKeysFromHeader(REGISTER_TAB, block[0]);
    if (keys.every((k, i) => k === tab.map.keys[i])) return { sheet: tab.sheet, map: tab.map, all: block.slice(1) };
  }
  const fresh = tab.remembered ? refresh(tab, REGISTER_TAB, ctx.language, (l) => (ctx.learned.register = l)) : tab;
  return { sheet: fresh.sheet, map: fresh.map, all: fresh.sheet.getRange(`A2:${columnLetter(knownWidth(fresh.map))}`).getValues() };
}

/**
 * Formulas in the register's tab but outside its rows' block (the header row, columns right of
 * the block, block columns below the rows written) as literal text: one block write per part, with
 * the formulas already read (literaliseFormulas), never one call per formula. The parts never
 * overlap the rows the pass has just written.
 */
function literaliseOutside(sheet: GoogleAppsScript.Spreadsheet.Sheet, outside: { row: number; col: number; formula: string }[], written: number, width: number): void {
  const parts = [
    outside.filter((o) => o.row === 1),
    outside.filter((o) => o.row >= 2 && o.col > width),
    // Rows the pass wrote back (up to `written`) no longer hold the formula.
    outside.filter((o) => o.row > written && o.col <= width),
  ];
  for (const part of parts) {
    if (!part.length) continue;
    const area = areaAround(part.map((o) => [o.row, o.col] as const));
    const [r0, c0] = [area.row, area.column];
    const known = Array.from({ length: area.numRows }, () => new Array<string>(area.numColumns).fill(''));
    for (const o of part) known[o.row - r0][o.col - c0] = o.formula;
    literaliseFormulas(sheet, area, known);
  }
}

/**
 * The last step of the repair pass: formulas in the register's other tabs (requests,
 * disclosures, audit log, the invariant store's tab) that no trigger run disarmed (it failed,
 * was busy, or never ran) become literal text, from the spreadsheet-wide search the pass made
 * first: per tab with a hit, one read and one batched write (literaliseFormulas); none when
 * there is no hit. Tabs that are not the register's are left alone. Returns how many.
 */
function repairOtherTabs(hits: GoogleAppsScript.Spreadsheet.Range[]): number {
  const names = new Set<string>([REQUESTS_TAB, DISCLOSURES_TAB, AUDIT_TAB].flatMap((t) => tabNames(t)).concat(Object.values(STORE_TAB_NAMES)));
  const byTab = new Map<string, { sheet: GoogleAppsScript.Spreadsheet.Sheet; cells: [number, number][] }>();
  for (const hit of hits) {
    const tab = hit.getSheet();
    const name = tab.getName();
    if (!names.has(name)) continue;
    const entry = byTab.get(name) ?? { sheet: tab, cells: [] };
    entry.cells.push([hit.getRow(), hit.getColumn()]);
    byTab.set(name, entry);
  }
  let count = 0;
  for (const { sheet, cells } of byTab.values()) {
    count += literaliseFormulas(sheet, areaAround(cells)).count;
  }
  return count;
}

/**
 * Set-up's repair pass (inside set-up's lock, after its property write): makes the store's tab
 * when missing, adopting the register as it stands the first time, then repairs.
 */
export function repairAtSetUp(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet, properties: GoogleAppsScript.Properties.Properties, user: string): RepairReport {
  const state = readState(properties);
  const settings = state.settings!;
  const at = new Date();
  const ctx: CallContext = {
    user, role: 'admin', settings, language: settings.language, state, properties, learned: {}, now: at.toISOString(), today: dayInZone(at, settings.timeZone),
  };
  const editors = settings.keyPersonnel.map((p) => p.email.toLowerCase());
  const { sheet, created } = ensureStoreTab(spreadsheet, settings.language, editors, SpreadsheetApp.ProtectionType);
  const info = { ...(state.store ?? newStoreInfo(ctx, sheet.getName())), name: sheet.getName() };
  // Set-up's writes land once here, not as a forced flush before each read of the pass.
  SpreadsheetApp.flush();
  return repairRegister(ctx, { adopt: created || !state.store, info });
}

/**
 * The next save touching the register after an on-edit run that failed or found the lock busy
 * repairs the whole register first (once: the pass clears the mark). No call when none is due.
 */
export function repairIfDue(ctx: CallContext): void {
  if (ctx.state.repairDue && ctx.state.store) repairRegister(ctx);
}

/** An admin's repair pass now: what it found and put right. */
export function repair(): { report: RepairReport } {
  return withWrite('admin', (ctx) => ({ report: repairRegister(ctx) }));
}

/** The nightly time-driven trigger (installed by set-up at about 02:00 Helsinki time): the repair pass, the retention sweep, the daily summary. */
export function runNightly(e?: { triggerUid?: string }): void {
  // Only a time-driven run carries a trigger id; called otherwise it is an admin's repair.
  if (!e || typeof e.triggerUid !== 'string') {
    repair();
    return;
  }
  withWrite(
    'admin',
    (ctx) => {
      if (ctx.state.nightlyTrigger && e.triggerUid !== ctx.state.nightlyTrigger.uid) return;
      // The repair pass inside the retention sweep's narrowed protection, its read shared with the
      // sweep; then the admins' daily summary (server/summary.ts).
      afterRepair(ctx, () => {
        let shared: SharedRead | null = null;
        repairRegister(ctx, { share: (read) => (shared = read) });
        return shared;
      });
    },
    { trigger: true },
  );
}

/**
 * What Sheets sends an installable on-change trigger as `changeType` ("The type of change
 * (EDIT, INSERT_ROW, INSERT_COLUMN, REMOVE_ROW, REMOVE_COLUMN, INSERT_GRID, REMOVE_GRID, FORMAT,
 * or OTHER)", Event Objects, Google Sheets "Change",
 * https://developers.google.com/apps-script/guides/triggers/events). A sort is not named there:
 * it is taken to come as OTHER (not confirmed). Edits come as EDIT and are the on-edit
 * trigger's; FORMAT changes no value.
 */
export const STRUCTURAL_CHANGES = ['INSERT_ROW', 'REMOVE_ROW', 'INSERT_COLUMN', 'REMOVE_COLUMN', 'INSERT_GRID', 'REMOVE_GRID', 'OTHER'];

/**
 * The installable on-change trigger (set-up installs it; it runs as its admin): a structural
 * change by hand — a sort, rows or columns inserted or deleted, a tab added or removed — fires
 * no edit event, so it is put right by the repair pass at once: a row deleted by hand is written
 * back from the store, a sort of whole records is put back, so an objection applies at once.
 * First it marks a repair due (one property, no lock), so a run that fails at any call or finds
 * the lock busy leaves the mark for the next chance (the next on-edit run, save or night); the
 * pass clears it. Returns the pass's report (Sheets ignores it; tests read it), or null.
 */
export function onRegisterChange(e: { changeType?: unknown; triggerUid?: string }): RepairReport | null {
  if (!e || !STRUCTURAL_CHANGES.includes(String(e.changeType))) return null;
  const properties = PropertiesService.getDocumentProperties()!;
  const mark = () => properties.setProperty(REPAIR_DUE_KEY, new Date().toISOString());
  try {
    mark();
    return withWrite(
      'staff',
      (ctx) => {
        // A trigger left behind by an admin who handed it over: the recorded one does the work.
        if (ctx.state.changeTrigger && e.triggerUid && e.triggerUid !== ctx.state.changeTrigger.uid) return null;
        return ctx.state.store ? repairRegister(ctx) : null;
      },
      { trigger: true },
    );
  } catch (err) {
    // Failed part-way (even after the pass cleared the mark) or busy: mark again for the next chance.
    try {
      mark();
    } catch {
      // The nightly repair.
    }
    throw err;
  }
}

/** Rows the repair could not prove, for an admin to resolve (create the person from the sidebar, then delete the row). */
export function listQuarantine(): { rows: QuarantineItem[] } {
  const ctx = requireRole('admin');
  const tab = open(ctx, REGISTER_TAB);
  const column = readColumnWithHeader(tab.sheet, tab.map, 'searchKey');
  const rows: QuarantineItem[] = [];
  column.cells.forEach((cell, i) => {
    const q = parseQuarantineKey(cell);
    if (q) rows.push({ row: i + 2, reason: q.reason, typedNumber: q.typedNumber, name: q.name, email: q.email });
  });
  return { rows };
}
