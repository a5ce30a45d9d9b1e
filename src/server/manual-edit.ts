/**
 * Edits typed or pasted straight into the sheet (installable on-edit trigger, installed by
 * set-up, runs as the admin who owns it).
 *
 * In the register tab each edited row is checked against the invariant store (core/invariants.ts),
 * which a paste or a sort cannot carry: the fields a person may change are validated like a
 * sidebar save and taken with a new version; what a hand edit must never change (the customer
 * number, a marketing ban, the version, the created/updated stamps) and every refused value is put
 * back from the store. A ban typed by hand is taken at once (GDPR 21(3)) and logged as a ban. A
 * typed formula becomes literal text. A row whose identity the store cannot prove (a pasted copy,
 * an unknown number, a new row typed by hand, another person's data over a row) makes this run a
 * full repair pass (server/repair.ts), which quarantines it. A run that fails or finds the lock
 * busy marks the register for repair, and the next run repairs the whole register first.
 * Edits to the audit log and the disclosures are undone (one cell) and logged.
 */
import { Customer, CustomerField, CUSTOMER_FIELDS, rowToCustomer } from '../core/customer';
import { acceptHandEdit, differingFields, isLive, numberIndex, sameIdentity, StoreEntry } from '../core/invariants';
import { formatOf, readStoreSpan, storeSheet, writeStoreEntries } from '../gas/invariants';
import { REPAIR_DUE_KEY } from '../gas/state';
import { repairRegister } from './repair';
import { REGISTER_TAB } from '../core/schema';
import { searchKeyOf } from '../core/search';
import { text } from '../core/texts';
import { cellsFor } from '../gas/register';
import { readColumnWithHeader, refresh } from '../gas/tabs';
import { fromCell, sameCell } from '../gas/cells';
import { CallContext, withWrite } from './context';
import { LAYOUT_KEY } from '../gas/state';
import { audit, open } from './tabs';
import { onTabEdit, registerEdges } from './tab-edits';


export function onRegisterEdit(e: GoogleAppsScript.Events.SheetsOnEdit): void {
  // Only Sheets calls this with a live range; a google.script.run call carries plain data.
  if (!e || !e.range || typeof e.range.getSheet !== 'function') return;
  const spreadsheet = e.source ?? SpreadsheetApp.getActiveSpreadsheet();
  const editor = (e.user && typeof e.user.getEmail === 'function' ? e.user.getEmail() : '') || 'unknown';
  const messages: string[] = [];
  let language = 'fi';
  try {
    // Other tabs: see tab-edits.ts (inside the try, so that a failed or busy run there is marked too).
    if (onTabEdit(e)) return;
    withWrite(
      'staff',
      (ctx) => {
        language = ctx.language;
        // A trigger left behind by an admin who handed it over: the recorded one does the work.
        if (ctx.state.editTrigger && e.triggerUid && e.triggerUid !== ctx.state.editTrigger.uid) return;
        // The full pass literalises the header and the columns right of the block too.
        if (ctx.state.repairDue && ctx.state.store) fullRepair(ctx, messages);
        // The header row and columns right of the block, then the rows: one execution.
        else if (registerEdges(ctx, e, messages)) checkRegister(ctx, e, editor, messages);
      },
      { trigger: true },
    );
  } catch (err) {
    // Failed or busy: whatever this edit did stays until a repair, so ask the next run for one
    // (no lock needed for one property). If even this fails, the nightly repair finds it.
    try {
      PropertiesService.getDocumentProperties()!.setProperty(REPAIR_DUE_KEY, new Date().toISOString());
    } catch {
      // The nightly repair.
    }
    throw err;
  }
  if (messages.length) spreadsheet.toast(messages.slice(0, 3).join(' '), text(language, 'manualEditRefused'), 15);
}

/** The full repair pass, with what it did told to the editor. */
function fullRepair(ctx: CallContext, messages: string[]): void {
  const report = repairRegister(ctx);
  if (report.quarantined.length) messages.push(text(ctx.language, 'manualEditQuarantine'));
  if (report.restoredFields.some((r) => r.fields.includes('marketingBannedAt'))) messages.push(text(ctx.language, 'errBanPermanent'));
  else if (report.restoredFields.length || report.restoredRows.length) messages.push(text(ctx.language, 'manualEditSystemField'));
}

function checkRegister(ctx: CallContext, e: GoogleAppsScript.Events.SheetsOnEdit, editor: string, messages: string[]): void {
  const firstRow = Math.max(2, e.range.getRow());
  const lastRow = e.range.getRow() + e.range.getNumRows() - 1;
  if (e.range.getRow() === 1) {
    // The header changed: forget the remembered layout so the next operation reads it, and
    // stops with a clear message if a column is now missing.
    ctx.properties.deleteProperty(LAYOUT_KEY);
    ctx.state.layout = {};
    messages.push(text(ctx.language, 'manualEditHeader'));
  }
  if (lastRow < 2) return;
  const info = ctx.state.store;
  if (!info) return;
  const firstCol = e.range.getColumn();
  const lastCol = firstCol + e.range.getNumColumns() - 1;
  // Every row of the paste, however many: one read of the block.
  const rows = lastRow - firstRow + 1;
  const { now, today } = ctx;
  // The header may be what was just edited: always read it here.
  const tab = refresh(open(ctx, REGISTER_TAB), REGISTER_TAB, ctx.language, (l) => (ctx.learned.register = l));
  const { map } = tab;
  const width = Math.max(...Object.values(map.col));
  const block = tab.sheet.getRange(firstRow, 1, rows, width);
  const values = block.getValues().map((r) => r.map((v, c) => fromCell(v, map.text[c])));
  const formulas = block.getFormulas();
  const keyCol = map.col.searchKey - 1;
  const touched = map.keys
    .map((k, c) => (k && c + 1 >= firstCol && c + 1 <= lastCol ? (k as CustomerField) : null))
    .filter((k): k is CustomerField => !!k && (CUSTOMER_FIELDS as readonly string[]).includes(k));
  const format = formatOf(info);
  const records: Customer[] = [];
  const cellsOf: unknown[][] = [];
  let formulaRows = 0;
  for (let i = 0; i < rows; i++) {
    const cells = values[i].slice();
    // A formula becomes the literal text that was typed.
    for (let c = 0; c < width; c++) if (formulas[i][c]) cells[c] = formulas[i][c];
    if (formulas[i].some((f) => f !== '')) formulaRows += 1;
    cellsOf.push(cells);
    records.push(rowToCustomer(map.keys, cells, ctx.settings.timeZone));
  }
  // Numbers elsewhere in the register (one read): a number in two rows is a pasted copy.
  const column = readColumnWithHeader(tab.sheet, map, 'customerNumber').cells.map((v) => String(v ?? '').trim());
  const seen = new Map<string, number>();
  for (const n of column) if (n) seen.set(n, (seen.get(n) ?? 0) + 1);
  const indexes = records.map((r) => numberIndex(format, r.customerNumber.trim()));
  let [from, to] = [Infinity, -1];
  for (const x of indexes) if (x !== null) [from, to] = [Math.min(from, x), Math.max(to, x)];
  const store = storeSheet(SpreadsheetApp.getActiveSpreadsheet(), info);
  const known: StoreEntry[] = to >= 0 ? readStoreSpan(store, from, to) : [];
  const entryOf = (i: number): Customer | null => {
    const x = indexes[i];
    const entry = x === null ? null : known[x - from];
    return isLive(entry) && entry.customerNumber === records[i].customerNumber.trim() ? entry : null;
  };
  // Anything the store cannot prove row by row is left to the full pass, which quarantines it.
  for (let i = 0; i < rows; i++) {
    const empty = cellsOf[i].every((v, c) => c === keyCol || v === '' || v === null);
    const entry = entryOf(i);
    const unproven = empty
      ? typeof cellsOf[i][keyCol] === 'string' && String(cellsOf[i][keyCol]).startsWith('[')
      : !entry || (seen.get(entry.customerNumber) ?? 0) > 1 || !sameIdentity(differingFields(records[i], entry));
    if (unproven) {
      fullRepair(ctx, messages);
      return;
    }
  }
  const logged: { customerNumber: string; fields: string[]; action: 'manual-edit' | 'ban-marketing' }[] = [];
  const updates = new Map<number, Customer>();
  const out = cellsOf.map((cells) => cellsFor(map, {}, cells));
  let write = formulaRows > 0;
  for (let i = 0; i < rows; i++) {
    const entry = entryOf(i);
    if (!entry) continue;
    const accepted = acceptHandEdit(entry, records[i], now, today, editor, touched);
    // A word typed in another language (or the old code) means what the row held: the cell gets
    // the register language's word in the write below, and the log records no change.
    const same = !accepted.changed.length && !accepted.restored.length && !accepted.errors.length && !accepted.banTaken;
    if (!same) logged.push({ customerNumber: entry.customerNumber, fields: touched, action: 'manual-edit' });
    if (accepted.banTaken) {
      logged.push({ customerNumber: entry.customerNumber, fields: ['marketingBannedAt'], action: 'ban-marketing' });
      messages.push(text(ctx.language, 'manualEditBanTaken'));
    }
    if (accepted.restored.includes('marketingBannedAt')) messages.push(text(ctx.language, 'errBanPermanent'));
    else if (accepted.restored.some((f) => f !== 'marketingBannedAt' && !accepted.errors.some((er) => er.field === f))) {
      messages.push(text(ctx.language, 'manualEditSystemField'));
    }
    if (accepted.errors.length) messages.push(accepted.errors.map((er) => er.message[ctx.language]).join(' '));
    const next = accepted.customer;
    if (accepted.changed.length) updates.set(indexes[i]!, next);
    const cells = cellsFor(map, { ...next, searchKey: searchKeyOf(next) }, cellsOf[i]);
    if (accepted.changed.length || accepted.restored.length || cells.some((v, c) => !sameCell(v, out[i][c])) || cellsOf[i][keyCol] !== searchKeyOf(next)) write = true;
    out[i] = cells;
  }
  for (let i = 0; i < rows; i++) {
    if (entryOf(i) || cellsOf[i].every((v, c) => c === keyCol || v === '' || v === null)) continue;
    messages.push(text(ctx.language, 'manualEditNewRow'));
  }
  // Log first, then the store, then correct the rows (the order every write here keeps).
  if (logged.length) audit(ctx, logged.map((l) => ({ at: now, actor: editor, action: l.action, customerNumber: l.customerNumber, fields: l.fields })));
  writeStoreEntries(store, updates, known, from);
  if (write) block.setValues(out);
}
