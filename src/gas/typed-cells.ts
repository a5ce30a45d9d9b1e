/**
 * Cells typed or pasted by hand in the tabs besides the register's rows (the on-edit trigger,
 * server/tab-edits.ts), written back as the software writes them (issue 8): a formula as the
 * text that was typed, a word of any of the three languages or an old code as the register
 * language's word, the Pyynnöt tab's readable outcome as the words derived from its hidden data.
 * The decision is pure (planTypedCells); the rewrite reads the edited rows once and writes the
 * block around what changed once, however large the paste. The write fires no edit trigger again
 * ("Script executions and API requests don't cause triggers to run",
 * https://developers.google.com/apps-script/guides/triggers/installable#restrictions).
 */
import { columnKeysFromHeader, type TabSpec } from '../core/schema';
import { caseOfData, outcomeOfCells, pairHiddenCells } from '../core/requests/record';
import { decodeWord, fieldsFromWords, fieldsToWords, outcomeText, wordOf, wordSetOf } from '../core/words';
import { fromCell, toCell, type CellDisplay } from './cells';
import { areaAround, type Area } from './formulas';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** What the on-edit trigger writes over a hand edit of the tab (server/tab-edits.ts). */
export interface TypedCellsPlan {
  /** The rows as read, with the changes made (strings unescaped: `toCell` escapes them on writing). */
  values: unknown[][];
  /** [row, column] (0-based in `values`) of every changed cell. */
  changed: [number, number][];
  /** Whether a formula became text. */
  formulas: boolean;
  /** Whether a hand edit of the readable outcome was put back. */
  outcomeRestored: boolean;
}

/**
 * Decides, without a call, what becomes of the edited cells (columns `edited.first..last`,
 * 0-based) of rows read from the tab (`keys` by column; the Requests tab unless `tab` says the
 * disclosures or the log, whose pasted words are rewritten the same way): a formula becomes the
 * text typed; a word of any language or a code in an enumerated column becomes the word in the
 * register's language
 * (a value no language knows stays as typed, for the store to read as its safe default); the
 * readable outcome becomes again the text derived from the row's case's hidden data: the data
 * cell of its row when that names the case (or no one: an older cell), else the cell naming it
 * in another row of the block read; when its data is in neither (a sort of the visible columns
 * left it in a row not read), the readable cell is left as it is (no second read: the next
 * software write of the tab mends the pairing and writes the words).
 */
export function planTypedCells(
  keys: readonly (string | null)[], read: readonly (readonly unknown[])[], formulas: readonly (readonly string[])[],
  edited: { first: number; last: number }, display: CellDisplay, tab: 'requests' | 'disclosures' | 'audit' = 'requests',
): TypedCellsPlan {
  const values = read.map((r) => [...r]);
  const plan: TypedCellsPlan = { values, changed: [], formulas: false, outcomeRestored: false };
  const dataAt = keys.indexOf('outcomeData');
  const idAt = keys.indexOf('id');
  const idOf = (row: readonly unknown[]) => (idAt < 0 ? '' : String(row[idAt] ?? '').trim());
  // The data cell of each row's case as the one read pairs them (core/requests/record.ts
  // pairHiddenCells), over the block read; null when the row holds another case's and its own
  // is not in the block.
  const paired = tab === 'requests' && dataAt >= 0 ? pairHiddenCells(read.map((r) => ({ id: idOf(r), data: String(r[dataAt] ?? '').trim(), replies: '' }))).data : null;
  const dataOf = (i: number): string | null => {
    if (!paired) return null;
    const owner = caseOfData(String(read[i][dataAt] ?? '').trim());
    return paired[i] === '' && owner !== null && owner !== idOf(read[i]) ? null : paired[i];
  };
  values.forEach((row, i) => {
    for (let c = edited.first; c <= edited.last && c < row.length; c++) {
      const formula = formulas[i]?.[c] ?? '';
      const value = row[c];
      const key = keys[c] ?? null;
      const set = wordSetOf(tab, key);
      let next: unknown = value;
      if (formula !== '') {
        next = formula;
        plan.formulas = true;
      } else if (set && typeof value === 'string' && value.trim() !== '') {
        next = wordOf(set, decodeWord(set, value), display.language);
      } else if (tab === 'audit' && key === 'fields' && typeof value === 'string' && value.trim() !== '') {
        next = fieldsToWords(fieldsFromWords(value), display.language);
      }
      const data = key === 'outcome' ? dataOf(i) : null;
      if (data !== null) {
        // Typed text, JSON or a formula alike: the words derived from the data go back (set-up moved
        // every older row's JSON into the data column when it added it, so what is typed is never read).
        next = outcomeText(outcomeOfCells(data, ''), display.language, display.timeZone);
        if (next !== value || formula !== '') plan.outcomeRestored = true;
      }
      if (formula !== '' || next !== value) {
        row[c] = next;
        plan.changed.push([i, c]);
      }
    }
  });
  return plan;
}

/**
 * The edited cells below the header rewritten as the register writes them (planTypedCells):
 * formulas as their text, words in the register's language. Calls, however many rows: the header, the rows' values and formulas (three reads), one write of the block
 * around what changed (plus one read of its number formats when it reaches a column the register
 * does not know), none when nothing changes.
 */
export function rewriteTypedCells(sheet: Sheet, tab: TabSpec, area: Area, display: CellDisplay): { formulas: boolean; outcomeRestored: boolean } {
  const top = Math.max(area.row, 2);
  const last = area.row + area.numRows - 1;
  if (last < top || tab.key === 'register') return { formulas: false, outcomeRestored: false };
  const keys = columnKeysFromHeader(tab, sheet.getRange('1:1').getValues()[0]);
  let width = area.column + area.numColumns - 1;
  keys.forEach((k, i) => {
    if (k) width = Math.max(width, i + 1);
  });
  const block = sheet.getRange(top, 1, last - top + 1, width);
  const plain = Array.from({ length: width }, (_, c) => !!keys[c] && !!tab.columns.find((col) => col.key === keys[c])?.text);
  const read = block.getValues().map((r) => r.map((v, c) => fromCell(v, plain[c])));
  const formulas = block.getFormulas();
  const edited = { first: area.column - 1, last: area.column + area.numColumns - 2 };
  const plan = planTypedCells(keys, read, formulas, edited, display, tab.key as 'requests' | 'disclosures' | 'audit');
  if (!plan.changed.length) return plan;
  const box = areaAround(plan.changed);
  const range = sheet.getRange(top + box.row, 1 + box.column, box.numRows, box.numColumns);
  // A column the register does not know may be plain text or not: ask Sheets rather than guess.
  const unknown = keys.slice(box.column, box.column + box.numColumns).some((k) => !k) || box.column + box.numColumns > keys.length;
  const formats = unknown ? range.getNumberFormats() : null;
  range.setValues(plan.values.slice(box.row, box.row + box.numRows).map((r, i) => r.slice(box.column, box.column + box.numColumns).map((v, j) => {
    const c = box.column + j;
    return toCell(v, formats ? formats[i][j] === '@' : plain[c]);
  })));
  return plan;
}
