/**
 * Hand edits everywhere but the register's own rows (the on-edit trigger `onRegisterEdit`
 * hands them here first; manual-edit.ts keeps the register's rows). No formula may live in
 * any of the register's tabs (DESIGN §6), whoever typed or pasted it and however large the
 * paste: in the requests tab, in every header row, in columns added right of the register's
 * block, and in the audit log and the disclosures, which are written by the software only: a
 * one-cell edit there is undone, a paste (whose old values Sheets does not tell) keeps its text
 * but loses its formulas, and either is logged. Words typed or pasted in another language (or an
 * old code) are written back at once in the register's language, in the same one write
 * (gas/typed-cells.ts). The invariant store's hidden tab (gas/invariants.ts) is guarded the same
 * way, see guardStore. Tabs that are not the register's are left alone.
 *
 * The register's own tab is checked in ONE locked execution with its rows (manual-edit.ts calls
 * registerEdges inside its own write): its header row and the columns right of its block here,
 * the rows by the register's check. Any failure of either (a fault, a busy lock) reaches
 * onRegisterEdit's catch, which marks the register for repair; the repair pass then literalises
 * every tab (server/repair.ts).
 */
import { AUDIT_TAB, DISCLOSURES_TAB, REGISTER_TAB, REQUESTS_TAB, TabSpec, tabNames } from '../core/schema';
import { STORE_TAB_NAMES } from '../core/invariants';
import { text } from '../core/texts';
import { Area, literaliseFormulas, literalOf } from '../gas/formulas';
import { rewriteTypedCells } from '../gas/typed-cells';
import { REPAIR_DUE_KEY } from '../gas/state';
import { CallContext, withWrite } from './context';
import { audit } from './tabs';

type EditEvent = GoogleAppsScript.Events.SheetsOnEdit;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Guarded = 'audit' | 'disclosures' | 'store';

function tabOf(name: string): TabSpec['key'] | 'store' | null {
  for (const tab of [REGISTER_TAB, REQUESTS_TAB, DISCLOSURES_TAB, AUDIT_TAB]) if (tabNames(tab).includes(name)) return tab.key;
  if ((Object.values(STORE_TAB_NAMES) as string[]).includes(name)) return 'store';
  return null;
}

function areaOf(e: EditEvent): Area {
  return { row: e.range.getRow(), column: e.range.getColumn(), numRows: e.range.getNumRows(), numColumns: e.range.getNumColumns() };
}

/**
 * Handles an edit outside the register's tab. Returns true when it is done here (another tab),
 * false for the register's tab, which the register's own check handles whole (with
 * registerEdges, in the same execution). Throws when it cannot run (the caller marks a repair).
 */
export function onTabEdit(e: EditEvent): boolean {
  const sheet = e.range.getSheet();
  const tab = tabOf(sheet.getName());
  if (!tab) return true;
  if (tab === 'register') return false;
  const area = areaOf(e);
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
      if (tab === 'requests') normaliseRequests(ctx, sheet, area, messages);
      else guardLog(ctx, e, sheet, area, tab, editor, messages);
    },
    { trigger: true },
  );
  if (messages.length) spreadsheet.toast(messages.slice(0, 3).join(' '), text(language, 'manualEditRefused'), 15);
  return true;
}

/**
 * The requests tab as typed or pasted (issue 8): in the edited cells a formula becomes the text
 * that was typed, a word of any of the three languages (or an old code) in an enumerated column
 * becomes the register language's word, and a hand edit of the readable outcome (Lopputulos) is
 * put back from the hidden data column it is derived from (the case never changes through it:
 * the store reads the data column). Nothing is logged: the meaning of no cell changed here.
 */
function normaliseRequests(ctx: CallContext, sheet: Sheet, area: Area, messages: string[]): void {
  if (area.row === 1) literalise(ctx, sheet, [{ ...area, numRows: 1 }], messages);
  const done = rewriteTypedCells(sheet, REQUESTS_TAB, area, { language: ctx.language, timeZone: ctx.settings.timeZone });
  // One message for a formula, in the header or the rows.
  if (done.formulas && !messages.includes(text(ctx.language, 'manualEditFormula'))) messages.push(text(ctx.language, 'manualEditFormula'));
  if (done.outcomeRestored) messages.push(text(ctx.language, 'manualEditOutcome'));
}

function literalise(ctx: CallContext, sheet: Sheet, areas: Area[], messages: string[]): void {
  let count = 0;
  for (const a of areas) if (a.numRows >= 1 && a.numColumns >= 1) count += literaliseFormulas(sheet, a).count;
  if (count) messages.push(text(ctx.language, 'manualEditFormula'));
}

/**
 * The register tab's header row and the columns right of its block (by the remembered layout),
 * inside the register check's write (no call when the edit is wholly in the block's rows).
 * Returns whether the edit reaches the header or the block, which the register's check then reads.
 */
export function registerEdges(ctx: CallContext, e: EditEvent, messages: string[]): boolean {
  const area = areaOf(e);
  let width = REGISTER_TAB.columns.length;
  (ctx.state.layout.register?.keys ?? []).forEach((k, i) => {
    if (k) width = Math.max(width, i + 1);
  });
  const lastRow = area.row + area.numRows - 1;
  const lastColumn = area.column + area.numColumns - 1;
  const top = Math.max(area.row, 2);
  const right = Math.max(area.column, width + 1);
  const areas: Area[] = [];
  if (area.row === 1) areas.push({ ...area, numRows: 1 });
  if (lastRow >= top && lastColumn >= right) areas.push({ row: top, column: right, numRows: lastRow - top + 1, numColumns: lastColumn - right + 1 });
  if (areas.length) literalise(ctx, e.range.getSheet(), areas, messages);
  return area.row === 1 || area.column <= width;
}

/**
 * The audit log, the disclosures and the invariant store are written by the software only: log
 * any edit, undo a one-cell one, disarm a paste.
 *
 * The store is the truth a repair decides from: a repair cannot rebuild it from the register
 * (the register is what a person can change). So a paste there (whose old values Sheets does not
 * tell) is logged with the range it covered and marks the register for repair; the repair then
 * proves each row against the store as it now is, and every row whose record the paste broke or
 * replaced is quarantined (kept, flagged, out of marketing and deletion, listed for an admin by
 * listQuarantine), never dropped or merged. Nothing is lost silently: the row stays, the log
 * names the editor and the store's rows. (A paste of a well-formed record of the same person cannot be
 * told from the truth; the log entry is what shows it.)
 */
function guardLog(ctx: CallContext, e: EditEvent, sheet: Sheet, area: Area, tab: Guarded, editor: string, messages: string[]): void {
  // A one-cell change of the store with neither value nor oldValue (a cleared empty cell, or a
  // one-cell paste where Sheets tells neither) cannot be undone safely (writing "" could erase a
  // record): it is handled as a paste.
  const told = e.value !== undefined || e.oldValue !== undefined;
  const single = area.numRows === 1 && area.numColumns === 1 && (tab !== 'store' || told);
  const field = tab === 'audit' ? 'auditLog' : tab === 'disclosures' ? 'disclosures' : 'invariantStore';
  // Field names only in the log (core/audit.ts): the store's rows as `rows3to4`.
  const fields = tab === 'store' ? [field, `rows${area.row}to${area.row + area.numRows - 1}`] : [field];
  const extra: Record<string, string> = tab === 'store' && !single ? { [REPAIR_DUE_KEY]: ctx.now } : {};
  audit(ctx, [{ at: ctx.now, actor: editor, action: 'manual-edit', fields }], extra);
  if (single) {
    // oldValue is the stored text (escapes included) and is absent for an empty cell; a literal
    // that looks like a formula goes back as literal text.
    const old = e.oldValue ?? '';
    e.range.setValue(/^=/.test(String(old)) ? literalOf(String(old)) : old);
  } else if (tab === 'store') {
    literaliseFormulas(sheet, area);
  } else {
    // A paste is kept (its old values are not told), its formulas as text and its words in the
    // register's language, as the software writes them (the log's hashes are over the codes).
    if (area.row === 1) literaliseFormulas(sheet, { ...area, numRows: 1 });
    rewriteTypedCells(sheet, tab === 'audit' ? AUDIT_TAB : DISCLOSURES_TAB, area, { language: ctx.language, timeZone: ctx.settings.timeZone });
  }
  messages.push(text(ctx.language, tab === 'store' ? 'manualEditStore' : 'manualEditLog'));
}
