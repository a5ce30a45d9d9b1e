/**
 * Hand edits everywhere but the register's own rows (the on-edit trigger `onRegisterEdit`
 * hands them here first; manual-edit.ts keeps the register's rows). No formula may live in
 * any of the register's tabs (DESIGN §6), whoever typed or pasted it and however large the
 * paste: in the requests tab, in every header row, in columns added right of the register's
 * block, and in the audit log and the disclosures, which are written by the software only: a
 * one-cell edit there is undone, a paste (whose old values Sheets does not tell) keeps its text
 * but loses its formulas, and either is logged. Tabs that are not the register's are left alone.
 */
import { AUDIT_TAB, DISCLOSURES_TAB, REGISTER_TAB, REQUESTS_TAB, TabSpec, tabNames } from '../core/schema';
import { text } from '../core/texts';
import { Area, literaliseFormulas, literalOf } from '../gas/formulas';
import { CallContext, withWrite } from './context';
import { audit } from './tabs';

type EditEvent = GoogleAppsScript.Events.SheetsOnEdit;

/**
 * Rows of one paste the register's own check reads (manual-edit.ts): every row, since the
 * invariant store made the check whole-paste; formulas past it would be turned into text here.
 */
const REGISTER_ROWS_CHECKED = Number.POSITIVE_INFINITY;

function tabOf(name: string): TabSpec['key'] | null {
  for (const tab of [REGISTER_TAB, REQUESTS_TAB, DISCLOSURES_TAB, AUDIT_TAB]) if (tabNames(tab).includes(name)) return tab.key;
  return null;
}

/**
 * Handles the part of an edit that is not the register's rows. Returns true when nothing is
 * left for the register's own check (the edit was in another tab), false when the register's
 * rows must still be checked (its header row and the columns right of its block are done here).
 */
export function onTabEdit(e: EditEvent): boolean {
  const sheet = e.range.getSheet();
  const tab = tabOf(sheet.getName());
  if (!tab) return true;
  const area: Area = { row: e.range.getRow(), column: e.range.getColumn(), numRows: e.range.getNumRows(), numColumns: e.range.getNumColumns() };
  // Wholly inside the register's rows and its narrowest block: nothing here (no call spent).
  const lastColumn = area.column + area.numColumns - 1;
  if (tab === 'register' && area.row > 1 && lastColumn <= REGISTER_TAB.columns.length && area.numRows <= REGISTER_ROWS_CHECKED) return false;
  const spreadsheet = e.source ?? SpreadsheetApp.getActiveSpreadsheet();
  const editor = (e.user && typeof e.user.getEmail === 'function' ? e.user.getEmail() : '') || 'unknown';
  const messages: string[] = [];
  let language = 'fi';
  let registerLeft = false;
  withWrite(
    'staff',
    (ctx) => {
      language = ctx.language;
      // A trigger left behind by an admin who handed it over: the recorded one does the work.
      if (ctx.state.editTrigger && e.triggerUid && e.triggerUid !== ctx.state.editTrigger.uid) return;
      if (tab === 'register') registerLeft = registerEdges(ctx, sheet, area, messages);
      else if (tab === 'requests') literalise(ctx, sheet, [area], messages);
      else guardLog(ctx, e, sheet, area, tab, editor, messages);
    },
    { trigger: true },
  );
  if (messages.length) spreadsheet.toast(messages.slice(0, 3).join(' '), text(language, 'manualEditRefused'), 15);
  return !registerLeft;
}

function literalise(ctx: CallContext, sheet: GoogleAppsScript.Spreadsheet.Sheet, areas: Area[], messages: string[]): void {
  let count = 0;
  for (const a of areas) if (a.numRows >= 1 && a.numColumns >= 1) count += literaliseFormulas(sheet, a).count;
  if (count) messages.push(text(ctx.language, 'manualEditFormula'));
}

/**
 * The register tab's header row, the columns right of its block (by the remembered layout),
 * and the rows of a paste past what the register's own check reads. Returns whether the edit
 * reaches the header or the block, which the register's own check then reads.
 */
function registerEdges(ctx: CallContext, sheet: GoogleAppsScript.Spreadsheet.Sheet, area: Area, messages: string[]): boolean {
  let width = REGISTER_TAB.columns.length;
  (ctx.state.layout.register?.keys ?? []).forEach((k, i) => {
    if (k) width = Math.max(width, i + 1);
  });
  const lastRow = area.row + area.numRows - 1;
  const lastColumn = area.column + area.numColumns - 1;
  const top = Math.max(area.row, 2);
  const right = Math.max(area.column, width + 1);
  const past = top + REGISTER_ROWS_CHECKED;
  const areas: Area[] = [];
  if (area.row === 1) areas.push({ ...area, numRows: 1 });
  if (lastRow >= top) areas.push({ row: top, column: right, numRows: lastRow - top + 1, numColumns: lastColumn - right + 1 });
  if (lastRow >= past) areas.push({ row: past, column: area.column, numRows: lastRow - past + 1, numColumns: Math.min(lastColumn, width) - area.column + 1 });
  literalise(ctx, sheet, areas, messages);
  return area.row === 1 || area.column <= width;
}

/** The audit log and the disclosures are written by the software only: log any edit, undo a one-cell one, disarm a paste. */
function guardLog(
  ctx: CallContext,
  e: EditEvent,
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
  area: Area,
  tab: 'audit' | 'disclosures',
  editor: string,
  messages: string[],
): void {
  const single = area.numRows === 1 && area.numColumns === 1;
  audit(ctx, [{ at: ctx.now, actor: editor, action: 'manual-edit', fields: [tab === 'audit' ? 'auditLog' : 'disclosures'] }]);
  if (single) {
    // oldValue is the stored text (escapes included) and is absent for an empty cell; a literal
    // that looks like a formula goes back as literal text.
    const old = e.oldValue ?? '';
    e.range.setValue(/^=/.test(String(old)) ? literalOf(String(old)) : old);
  } else {
    literaliseFormulas(sheet, area);
  }
  messages.push(text(ctx.language, 'manualEditLog'));
}
