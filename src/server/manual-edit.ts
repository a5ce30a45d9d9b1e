/**
 * Edits typed straight into the register tab (installable on-edit trigger, installed by set-up,
 * runs as the admin who installed it): each edited row is validated and normalised like a
 * sidebar save, its version bumped, and the edit logged as a manual edit with the names of the
 * fields touched. A formula typed into a cell is turned back into literal text; a value that
 * fails validation is put back as it was (single-cell edits) and the editor is told why.
 */
import { applyEdit, Customer, CustomerField, CUSTOMER_FIELDS, dayInZone, rowToCustomer, SYSTEM_FIELDS } from '../core/customer';
import { REGISTER_TAB, tabNames } from '../core/schema';
import { searchKeyOf } from '../core/search';
import { text } from '../core/texts';
import { cellsFor } from '../gas/register';
import { refresh } from '../gas/tabs';
import { fromCell, toCell } from '../gas/cells';
import { withWrite } from './context';
import { LAYOUT_KEY } from '../gas/state';
import { audit, open } from './tabs';

/** Rows one edit may touch before it is left to set-up's repair (a paste of a whole sheet). */
const MAX_ROWS = 500;

type Fix = { row: number; record: Record<string, unknown>; cells: unknown[] } | { row: number; column: number; revertTo: string };

export function onRegisterEdit(e: GoogleAppsScript.Events.SheetsOnEdit): void {
  // Only Sheets calls this with a live range; a google.script.run call carries plain data.
  if (!e || !e.range || typeof e.range.getSheet !== 'function') return;
  const sheet = e.range.getSheet();
  if (!tabNames(REGISTER_TAB).includes(sheet.getName())) return;
  const spreadsheet = e.source ?? SpreadsheetApp.getActiveSpreadsheet();
  const editor = (e.user && typeof e.user.getEmail === 'function' ? e.user.getEmail() : '') || 'unknown';
  const messages: string[] = [];
  let language = 'fi';
  withWrite('staff', (ctx) => {
    language = ctx.language;
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
    const d = new Date();
    const now = d.toISOString();
    const today = dayInZone(d, ctx.settings.timeZone);
    // The header may be what was just edited: always read it here.
    const tab = refresh(open(ctx, REGISTER_TAB), REGISTER_TAB, ctx.language, (l) => (ctx.learned.register = l));
    const { map } = tab;
    const width = Math.max(...Object.values(map.col));
    const block = tab.sheet.getRange(firstRow, 1, rows, width);
    const values = block.getValues().map((r) => r.map((v, c) => fromCell(v, map.text[c])));
    const formulas = block.getFormulas();
    const fixes: Fix[] = [];
    const logged: { customerNumber: string; fields: string[] }[] = [];
    for (let i = 0; i < rows; i++) {
      const row = firstRow + i;
      const cells = values[i].slice();
      const hasFormula = formulas[i].some((f) => f !== '');
      // A formula becomes the literal text that was typed.
      for (let c = 0; c < width; c++) if (formulas[i][c]) cells[c] = formulas[i][c];
      const touched = map.keys
        .map((k, c) => (k && c + 1 >= firstCol && c + 1 <= lastCol ? (k as CustomerField) : null))
        .filter((k): k is CustomerField => !!k && (CUSTOMER_FIELDS as readonly string[]).includes(k));
      const current = rowToCustomer(map.keys, cells, ctx.settings.timeZone);
      if (!current.customerNumber) {
        if (cells.some((v) => v !== '')) messages.push(text(ctx.language, 'manualEditNewRow'));
        if (hasFormula) fixes.push({ row, record: {}, cells });
        continue;
      }
      logged.push({ customerNumber: current.customerNumber, fields: touched });
      const systemTouched = touched.some((f) => SYSTEM_FIELDS.includes(f));
      const input: Record<string, unknown> = {};
      for (const f of touched) input[f] = current[f];
      const result = systemTouched ? null : applyEdit({ ...current } as Customer, input, { now, today, actor: editor });
      if (result && result.ok) {
        const next = { ...result.customer, version: current.version + 1, updatedAt: now, updatedBy: editor };
        fixes.push({ row, record: { ...next, searchKey: searchKeyOf(next) }, cells });
        continue;
      }
      messages.push(result && !result.ok ? result.errors.map((er) => er.message[ctx.language]).join(' ') : text(ctx.language, 'manualEditSystemField'));
      if (rows === 1 && firstCol === lastCol) {
        // oldValue is the cell's stored text (escapes included) and is absent for an empty cell.
        fixes.push({ row, column: firstCol, revertTo: e.oldValue ?? '' });
      } else if (hasFormula) {
        fixes.push({ row, record: {}, cells });
      }
    }
    // Log first, then correct the rows (the order every write here keeps).
    if (logged.length) {
      audit(ctx, logged.map((l) => ({ at: now, actor: editor, action: 'manual-edit' as const, customerNumber: l.customerNumber, fields: l.fields })));
    }
    if (fixes.length) {
      // Every correction in one write over the edited rows.
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
  });
  if (messages.length) spreadsheet.toast(messages.slice(0, 3).join(' '), text(language, 'manualEditRefused'), 15);
}
