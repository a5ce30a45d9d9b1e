/**
 * The request store: the Requests tab read in ONE call (header and every row, so the remembered
 * layout is proven by the same read) and written back in one batched call per run of changed
 * rows (an append of new cases is one run). Every cell goes through `toCell`, so a summary or an
 * address that starts with "=" stays text. Rows are found by request id or Gmail message id in
 * memory after the one read, never by a row number kept across executions.
 *
 * People read the tab (issue 8): the type, rights, status, channel, language and verification
 * are words in the register's language (with dropdowns, gas/setup.ts), the days real dates shown
 * d.M.yyyy and the instants d.M.yyyy klo H.mm in the register's time zone. Every cell is decoded
 * on reading (gas/cells.ts: a word of any language, a code, a Date, 'd.M.yyyy' or ISO text, so a
 * tab written before words still reads) and encoded on writing, so the records, and every server
 * API answer built from them, keep the codes and 'YYYY-MM-DD'. The outcome is kept as JSON in the
 * hidden `outcomeData` column; `outcome` (Lopputulos) is its readable text, rewritten on every write
 * of the row and never read back (a hand edit of it changes nothing; the on-edit trigger puts it back).
 *
 * The hidden cells (the outcome's data, the reply ids) name their case (core/requests/record.ts
 * pairHiddenCells): the one read gives each case the cells that name it wherever they stand (a
 * sort or filter of the visible columns alone leaves them behind), and the next write puts them
 * back in their cases' rows first, in one call over the rows concerned, so no fault half-way can
 * leave one case's data in two rows and another's nowhere.
 */
import { columnKeysFromHeader, REQUESTS_TAB, type Language } from '../core/schema';
import { defaultSettings } from '../core/settings';
import { pairHiddenCells, recordFromCells, recordToValues, type RequestRecord } from '../core/requests/record';
import { outcomeText } from '../core/words';
import { columnLetter, decodeCell, fromCell, toCell, type Cell } from './cells';
import { cellsFor, knownWidth, type ColumnMap } from './register';
import { openTab, refresh, type OpenTab } from './tabs';
import type { Layout, TabLayout } from './state';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** One case as read: where it stands now and its cells (to keep unknown columns as they are). */
export interface StoredRequest {
  row: number;
  record: RequestRecord;
  cells: unknown[];
}

/** The Requests tab after its one read. */
export interface RequestTab {
  open: OpenTab;
  rows: StoredRequest[];
  /** The last row holding anything (1 when only the header): new cases go below it. */
  lastRow: number;
  /** Rows the sheet has (the open-ended read returns them all), so an append past them grows it first. */
  maxRows: number;
  /**
   * Hidden cells that stand in another case's row (a sort of the visible columns alone): the
   * rows `first`.. and what belongs in each (text as read, every row between included), written by
   * the next writeRequests before anything else; null when every cell stands in its own row.
   */
  mend: { first: number; data: string[]; replies: string[] } | null;
}

/** Rows added at a time when the tab runs out of room. */
const GROW_BY = 500;

function readAll(open: OpenTab): unknown[][] {
  const width = knownWidth(open.map);
  return open.sheet.getRange(`A1:${columnLetter(width)}`).getValues();
}

/** Whether the header read agrees with the map at every known column. */
function headerHolds(map: ColumnMap, header: readonly unknown[]): boolean {
  const keys = columnKeysFromHeader(REQUESTS_TAB, header);
  return REQUESTS_TAB.columns.every((c) => keys[map.col[c.key] - 1] === c.key);
}

/**
 * Reads every case (`timeZone`: the register's; every caller with settings passes it, the default
 * is the settings' default zone): one call with a remembered layout that holds, three when the header moved
 * (read, header, read again). A missing column stops here with the message naming it.
 */
export function readRequestTab(spreadsheet: Spreadsheet, layout: Layout, language: Language, learned: (l: TabLayout) => void, timeZone = defaultSettings('').timeZone): RequestTab {
  let open = openTab(spreadsheet, REQUESTS_TAB, layout, language, learned, timeZone);
  let values = readAll(open);
  if (open.remembered && !headerHolds(open.map, values[0] ?? [])) {
    open = refresh(open, REQUESTS_TAB, language, learned);
    values = readAll(open);
  }
  const keys = open.map.keys;
  // Words and dates back to codes, 'YYYY-MM-DD' and ISO instants (columns it does not know stay as read).
  const decoded = values.slice(1).map((raw) => raw.map((v, j) => decodeCell('requests', keys[j] ?? null, fromCell(v, open.map.text[j]), timeZone)));
  const at = (key: string) => keys.indexOf(key);
  const [idAt, dataAt, repliesAt] = [at('id'), at('outcomeData'), at('replyMessageIds')];
  const text = (cells: unknown[], i: number) => (i < 0 ? '' : String(cells[i] ?? '').trim());
  // Each case's hidden cells by the name inside them, wherever they stand (no call).
  const paired = pairHiddenCells(decoded.map((cells) => ({ id: text(cells, idAt), data: text(cells, dataAt), replies: text(cells, repliesAt) })));
  const rows: StoredRequest[] = [];
  let lastRow = 1;
  decoded.forEach((cells, i) => {
    if (cells.some((c) => c !== '' && c !== null)) lastRow = i + 2;
    const own = [...cells];
    if (dataAt >= 0) own[dataAt] = paired.data[i];
    if (repliesAt >= 0) own[repliesAt] = paired.replies[i];
    const record = recordFromCells(keys, own);
    if (record) rows.push({ row: i + 2, record, cells: own });
  });
  let mend: RequestTab['mend'] = null;
  if (paired.moved.length && dataAt >= 0 && repliesAt >= 0) {
    const [lo, hi] = [Math.min(...paired.moved), Math.max(...paired.moved)];
    mend = { first: lo + 2, data: paired.data.slice(lo, hi + 1), replies: paired.replies.slice(lo, hi + 1) };
  }
  return { open, rows, lastRow, maxRows: Math.max(values.length, 1), mend };
}

/**
 * Puts every hidden cell back in its case's row (RequestTab.mend): one `setValues` over the rows
 * concerned when the two hidden columns are side by side (the tab as set-up makes it), one per
 * column otherwise. Each call moves a whole column's cells at once, so a fault leaves each case's
 * cell where it was or where it belongs, never only in another case's row.
 */
function mendHiddenCells(tab: RequestTab): void {
  const mend = tab.mend;
  if (!mend) return;
  const { sheet, map } = tab.open;
  const [dataCol, repliesCol] = [map.col.outcomeData, map.col.replyMessageIds];
  const cell = (col: number) => (v: string) => toCell(v, map.text[col - 1]);
  const n = mend.data.length;
  if (Math.abs(dataCol - repliesCol) === 1) {
    const first = Math.min(dataCol, repliesCol);
    sheet.getRange(mend.first, first, n, 2).setValues(mend.data.map((d, i) => (first === dataCol
      ? [cell(dataCol)(d), cell(repliesCol)(mend.replies[i])]
      : [cell(repliesCol)(mend.replies[i]), cell(dataCol)(d)])));
  } else {
    sheet.getRange(mend.first, dataCol, n, 1).setValues(mend.data.map((d) => [cell(dataCol)(d)]));
    sheet.getRange(mend.first, repliesCol, n, 1).setValues(mend.replies.map((r) => [cell(repliesCol)(r)]));
  }
  tab.mend = null;
}

/** The case with this id, or null. No call. */
export function findRequest(tab: RequestTab, id: string): StoredRequest | null {
  return tab.rows.find((r) => r.record.request.id === id) ?? null;
}

/** A change to write: an existing case (`row` set) or a new one (appended below the last row). */
export interface RequestWrite {
  row?: number;
  record: RequestRecord;
}

/**
 * Writes the changed cases and appends the new ones: one `setValues` per run of adjacent rows
 * (an append of any number of new cases is one run), plus one `insertRowsAfter` when the tab
 * needs room. Columns the software does not know keep what they held. Returns the rows written.
 */
export function writeRequests(tab: RequestTab, writes: readonly RequestWrite[]): StoredRequest[] {
  if (!writes.length) return [];
  // Hidden cells left behind by a sort go home first, as read; the writes below then change only their cases'.
  mendHiddenCells(tab);
  const { sheet, map } = tab.open;
  const width = knownWidth(map);
  const blank = new Array<unknown>(width).fill('');
  const byRow = new Map(tab.rows.map((r) => [r.row, r]));
  let next = tab.lastRow + 1;
  const placed = writes.map((w) => {
    const row = w.row ?? next++;
    const existing = w.row !== undefined ? (byRow.get(w.row)?.cells ?? blank) : blank;
    const base = existing.length === width ? existing : [...existing, ...blank].slice(0, width);
    const values = recordToValues(w.record);
    // People read the outcome as words (the JSON stays in the hidden outcomeData column).
    if (map.display) values.outcome = outcomeText(w.record.request.outcome, map.display.language, map.display.timeZone);
    // `raw` is what the row holds as read back (escapes undone), kept for a later write in this run.
    const raw = base.map((old, i) => {
      const key = map.keys[i];
      return key && key in values ? values[key] : old;
    });
    return { row, record: w.record, raw, cells: cellsFor(map, values, base) };
  });
  const last = Math.max(...placed.map((p) => p.row));
  if (last > tab.maxRows) {
    sheet.insertRowsAfter(tab.maxRows, Math.max(GROW_BY, last - tab.maxRows));
    tab.maxRows += Math.max(GROW_BY, last - tab.maxRows);
  }
  const sorted = [...placed].sort((a, b) => a.row - b.row);
  let start = 0;
  for (let i = 1; i <= sorted.length; i++) {
    if (i === sorted.length || sorted[i].row !== sorted[i - 1].row + 1) {
      const run = sorted.slice(start, i);
      sheet.getRange(run[0].row, 1, run.length, width).setValues(run.map((p) => p.cells as Cell[]));
      start = i;
    }
  }
  tab.lastRow = Math.max(tab.lastRow, last);
  const written = placed.map((p) => ({ row: p.row, record: p.record, cells: p.raw }));
  for (const w of written) {
    const i = tab.rows.findIndex((r) => r.row === w.row);
    if (i >= 0) tab.rows[i] = w;
    else tab.rows.push(w);
  }
  return written;
}
