/**
 * Edits typed or pasted straight into the sheet (installable on-edit trigger, installed by
 * set-up, runs as the admin who owns it).
 *
 * In the register tab each edited row is validated and normalised like a sidebar save, its
 * version bumped, and the edit logged as a manual edit with the names of the fields touched.
 * What a hand edit must never change is put back from the row's search key, which records what
 * the software last wrote: the customer number (a paste cannot make two people share one) and
 * a marketing ban (permanent, GDPR 21(3)). A typed formula becomes literal text; a value that
 * fails validation is put back as it was when one cell was edited (Sheets tells the old value
 * only then). Edits to the audit log and the disclosures are undone (one cell) and logged.
 */
import { applyEdit, Customer, CustomerField, CUSTOMER_FIELDS, rowToCustomer, SYSTEM_FIELDS } from '../core/customer';
import { REGISTER_TAB } from '../core/schema';
import { keyedState, searchKeyOf } from '../core/search';
import { text } from '../core/texts';
import { cellsFor } from '../gas/register';
import { refresh } from '../gas/tabs';
import { fromCell, toCell } from '../gas/cells';
import { CallContext, withWrite } from './context';
import { LAYOUT_KEY } from '../gas/state';
import { audit, open } from './tabs';
import { onTabEdit } from './tab-edits';

/** Rows one edit may touch before it is left to set-up's repair (a paste of a whole sheet). */
const MAX_ROWS = 500;

type Fix = { row: number; record: Record<string, unknown>; cells: unknown[] } | { row: number; column: number; revertTo: string };

export function onRegisterEdit(e: GoogleAppsScript.Events.SheetsOnEdit): void {
  // Only Sheets calls this with a live range; a google.script.run call carries plain data.
  if (!e || !e.range || typeof e.range.getSheet !== 'function') return;
  // Other tabs, header rows and columns right of the register's block: see tab-edits.ts.
  if (onTabEdit(e)) return;
  const spreadsheet = e.source ?? SpreadsheetApp.getActiveSpreadsheet();
  const editor = (e.user && typeof e.user.getEmail === 'function' ? e.user.getEmail() : '') || 'unknown';
  const messages: string[] = [];
  let language = 'fi';
  withWrite(
    'staff',
    (ctx) => {
      language = ctx.language;
      // A trigger left behind by an admin who handed it over: the recorded one does the work.
      if (ctx.state.editTrigger && e.triggerUid && e.triggerUid !== ctx.state.editTrigger.uid) return;
      checkRegister(ctx, e, editor, messages);
    },
    { trigger: true },
  );
  if (messages.length) spreadsheet.toast(messages.slice(0, 3).join(' '), text(language, 'manualEditRefused'), 15);
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
  const firstCol = e.range.getColumn();
  const lastCol = firstCol + e.range.getNumColumns() - 1;
  const rows = Math.min(lastRow - firstRow + 1, MAX_ROWS);
  const single = rows === 1 && firstCol === lastCol;
  const { now, today } = ctx;
  // The header may be what was just edited: always read it here.
  const tab = refresh(open(ctx, REGISTER_TAB), REGISTER_TAB, ctx.language, (l) => (ctx.learned.register = l));
  const { map } = tab;
  const width = Math.max(...Object.values(map.col));
  const block = tab.sheet.getRange(firstRow, 1, rows, width);
  const values = block.getValues().map((r) => r.map((v, c) => fromCell(v, map.text[c])));
  const formulas = block.getFormulas();
  const fixes: Fix[] = [];
  const logged: { customerNumber: string; fields: string[] }[] = [];
  const touched = map.keys
    .map((k, c) => (k && c + 1 >= firstCol && c + 1 <= lastCol ? (k as CustomerField) : null))
    .filter((k): k is CustomerField => !!k && (CUSTOMER_FIELDS as readonly string[]).includes(k));
  for (let i = 0; i < rows; i++) {
    const row = firstRow + i;
    const cells = values[i].slice();
    const hasFormula = formulas[i].some((f) => f !== '');
    // A formula becomes the literal text that was typed.
    for (let c = 0; c < width; c++) if (formulas[i][c]) cells[c] = formulas[i][c];
    const current = rowToCustomer(map.keys, cells, ctx.settings.timeZone);
    const known = keyedState(cells[map.col.searchKey - 1]);
    if (!current.customerNumber && !known) {
      if (cells.some((v) => v !== '')) messages.push(text(ctx.language, 'manualEditNewRow'));
      if (hasFormula) fixes.push({ row, record: {}, cells });
      continue;
    }
    // What the row was before: the software's record of it, and for one cell the old value Sheets tells.
    const before: Customer = { ...current };
    if (single && touched.length === 1) {
      const old = e.oldValue === undefined ? '' : fromCell(e.oldValue, map.text[firstCol - 1]);
      (before as unknown as Record<string, unknown>)[touched[0]] = touched[0] === 'version' ? Number(old) : old;
    }
    if (known) {
      before.customerNumber = known.customerNumber;
      if (known.marketingBannedAt) before.marketingBannedAt = known.marketingBannedAt;
      if (known.version !== null) before.version = known.version;
    }
    logged.push({ customerNumber: before.customerNumber, fields: touched });
    const restored = SYSTEM_FIELDS.filter((f) => touched.includes(f) && f !== 'updatedAt' && f !== 'updatedBy');
    const banCleared = before.marketingBannedAt !== '' && current.marketingBannedAt !== before.marketingBannedAt;
    if (restored.length || banCleared) {
      messages.push(text(ctx.language, banCleared ? 'errBanPermanent' : 'manualEditSystemField'));
    }
    // Fields a person may change by hand, checked against the record as it was.
    const input: Record<string, unknown> = {};
    for (const f of touched) if (!SYSTEM_FIELDS.includes(f) && f !== 'marketingBannedAt') input[f] = current[f];
    const base: Customer = { ...current, customerNumber: before.customerNumber, marketingBannedAt: before.marketingBannedAt, version: before.version };
    for (const f of restored) (base as unknown as Record<string, unknown>)[f] = before[f];
    const result = applyEdit(base, input, { now, today, actor: editor });
    if (result.ok) {
      const next = { ...result.customer, version: (Number.isInteger(before.version) ? before.version : 0) + 1, updatedAt: now, updatedBy: editor };
      fixes.push({ row, record: { ...next, searchKey: searchKeyOf(next) }, cells });
      continue;
    }
    messages.push(result.errors.map((er) => er.message[ctx.language]).join(' '));
    if (single) {
      // oldValue is the cell's stored text (escapes included) and is absent for an empty cell.
      fixes.push({ row, column: firstCol, revertTo: e.oldValue ?? '' });
    } else {
      // The refused values stay (Sheets does not tell the old ones) but never as formulas, and
      // what must not change is put back.
      const mustKeep = { customerNumber: before.customerNumber, marketingBannedAt: before.marketingBannedAt, ...Object.fromEntries(restored.map((f) => [f, before[f]])) };
      fixes.push({ row, record: mustKeep, cells });
    }
  }
  // Log first, then correct the rows (the order every write here keeps), all in one write.
  if (logged.length) {
    audit(ctx, logged.map((l) => ({ at: now, actor: editor, action: 'manual-edit' as const, customerNumber: l.customerNumber, fields: l.fields })));
  }
  if (!fixes.length) return;
  const out = values.map((cells) => cellsFor(map, {}, cells));
  for (const fix of fixes) {
    const i = fix.row - firstRow;
    if ('revertTo' in fix) {
      const old = fix.revertTo;
      out[i][fix.column - 1] = /^=/.test(old) ? toCell(old, map.text[fix.column - 1]) : old;
    } else {
      out[i] = cellsFor(map, fix.record, fix.cells);
    }
  }
  block.setValues(out);
}
