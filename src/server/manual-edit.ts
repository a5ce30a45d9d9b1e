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
import { findTabs, knownWidth, readColumns, UserError, writeRow } from '../gas/register';
import { appendAudit, utilitiesSha256 } from '../gas/audit-log';
import { withDocumentLock } from '../gas/lock';
import { readSettings } from '../gas/settings';
import { fromCell, toCell } from '../gas/cells';

/** Rows one edit may touch before it is left to set-up's repair (a paste of a whole sheet). */
const MAX_ROWS = 500;

export function onRegisterEdit(e: GoogleAppsScript.Events.SheetsOnEdit): void {
  // Only Sheets calls this with a live range; a google.script.run call carries plain data.
  if (!e || !e.range || typeof e.range.getSheet !== 'function') return;
  const sheet = e.range.getSheet();
  if (!tabNames(REGISTER_TAB).includes(sheet.getName())) return;
  const settings = readSettings(PropertiesService);
  if (!settings) return;
  const language = settings.language;
  const spreadsheet = e.source ?? SpreadsheetApp.getActiveSpreadsheet();
  const editor = (e.user && typeof e.user.getEmail === 'function' ? e.user.getEmail() : '') || 'unknown';
  const firstRow = Math.max(2, e.range.getRow());
  const lastRow = e.range.getRow() + e.range.getNumRows() - 1;
  if (lastRow < 2) {
    spreadsheet.toast(text(language, 'manualEditHeader'), text(language, 'appName'));
    return;
  }
  const firstCol = e.range.getColumn();
  const lastCol = firstCol + e.range.getNumColumns() - 1;
  const rows = Math.min(lastRow - firstRow + 1, MAX_ROWS);
  const d = new Date();
  const now = d.toISOString();
  const today = dayInZone(d, settings.timeZone);
  const messages: string[] = [];
  withDocumentLock(LockService, SpreadsheetApp, language, () => {
    const map = readColumns(sheet, REGISTER_TAB, language);
    const audit = findTabs(spreadsheet).audit;
    const width = knownWidth(map);
    const block = sheet.getRange(firstRow, 1, rows, width);
    const values = block.getValues().map((r) => r.map((v, c) => fromCell(v, map.text[c])));
    const formulas = block.getFormulas();
    const entries: { customerNumber: string; fields: string[] }[] = [];
    for (let i = 0; i < rows; i++) {
      const cells = values[i].slice();
      // A formula becomes the literal text that was typed.
      for (let c = 0; c < width; c++) if (formulas[i][c]) cells[c] = formulas[i][c];
      const touched = map.keys
        .map((k, c) => (k && c + 1 >= firstCol && c + 1 <= lastCol ? (k as CustomerField) : null))
        .filter((k): k is CustomerField => !!k && (CUSTOMER_FIELDS as readonly string[]).includes(k));
      const current = rowToCustomer(map.keys, cells, settings.timeZone);
      if (!current.customerNumber) {
        if (cells.some((v) => v !== '')) messages.push(text(language, 'manualEditNewRow'));
        if (formulas[i].some((f) => f)) writeRow(sheet, firstRow + i, map, {}, cells);
        continue;
      }
      const single = rows === 1 && firstCol === lastCol && touched.length === 1;
      const systemTouched = touched.filter((f) => SYSTEM_FIELDS.includes(f));
      const input: Record<string, unknown> = {};
      for (const f of touched) if (!SYSTEM_FIELDS.includes(f)) input[f] = current[f];
      const base: Customer = { ...current };
      const result = systemTouched.length ? null : applyEdit(base, input, { now, today, actor: editor });
      if (result && result.ok) {
        const next = { ...result.customer, version: current.version + 1, updatedAt: now, updatedBy: editor };
        writeRow(sheet, firstRow + i, map, { ...next, searchKey: searchKeyOf(next) }, cells);
        entries.push({ customerNumber: current.customerNumber, fields: touched });
        continue;
      }
      messages.push(result && !result.ok ? result.errors.map((er) => er.message[language]).join(' ') : text(language, 'manualEditSystemField'));
      if (single) {
        // Put the cell back as it was, literally (Sheets leaves oldValue out when the cell was empty).
        // oldValue is the cell's stored text (escapes included), so it goes back as it was;
        // only a formula-like text gets the literal marker.
        const old = e.oldValue ?? '';
        sheet.getRange(e.range.getRow(), firstCol).setValue(/^=/.test(old) ? toCell(old, map.text[firstCol - 1]) : old);
      } else if (formulas[i].some((f) => f)) {
        writeRow(sheet, firstRow + i, map, {}, cells);
      }
      entries.push({ customerNumber: current.customerNumber, fields: touched });
    }
    if (audit && entries.length) {
      appendAudit(
        audit,
        entries.map((en) => ({ at: now, actor: editor, action: 'manual-edit' as const, customerNumber: en.customerNumber, fields: en.fields })),
        utilitiesSha256(Utilities),
      );
    }
  });
  if (messages.length) spreadsheet.toast(messages.slice(0, 3).join(' '), text(language, 'manualEditRefused'), 15);
}

export { UserError };
