/**
 * A person's change history for the record view: the audit log's entries for one customer
 * number, newest first — who, when, what action and which fields (the log holds field names,
 * never values). The log only grows, so it is never read whole: a TextFinder over its customer
 * number column finds the person's rows (one call), and the newest of them are read in a few
 * spans of neighbouring rows (one call each, at most MAX_SPANS).
 *
 * Calls: the state read (1), the search (1), one read per span (≤ 4) — at most 6, flat in the
 * log's length apart from the search's cells.
 */
import type { AuditAction } from '../core/audit';
import { AUDIT_TAB } from '../core/schema';
import { findRows, readRows } from '../gas/register';
import { refresh } from '../gas/tabs';
import { requireRole } from './context';
import { NUMBER_INPUT, parseInput } from './inputs';
import { open } from './tabs';

export interface HistoryEntry {
  /** ISO instant. */
  at: string;
  actor: string;
  action: AuditAction;
  /** Field names (register keys, or data categories for a disclosure). */
  fields: string[];
}

/** How many entries the record view lists (the newest). */
const MAX_ENTRIES = 40;
/** How many separate reads the newest entries may take. */
const MAX_SPANS = 4;
/** Rows between two entries that are still read as one span (cheaper than a second call). */
const SPAN_GAP = 400;

/**
 * The rows to read for the newest `max` of `rows`, as spans of neighbouring rows: newest first,
 * at most `maxSpans` spans (entries beyond them are left out and only counted). Pure.
 */
export function historySpans(rows: readonly number[], max = MAX_ENTRIES, maxSpans = MAX_SPANS, gap = SPAN_GAP): { first: number; last: number }[] {
  const newest = [...rows].sort((a, b) => b - a).slice(0, max);
  const spans: { first: number; last: number }[] = [];
  for (const r of newest) {
    const span = spans[spans.length - 1];
    if (span && span.first - r <= gap) span.first = r;
    else if (spans.length < maxSpans) spans.push({ first: r, last: r });
    else break;
  }
  return spans;
}

/** The person's logged changes, newest first, and how many the log holds. */
export function getHistory(input: { customerNumber: string }): { entries: HistoryEntry[]; total: number } {
  const ctx = requireRole('staff');
  const { customerNumber } = parseInput(NUMBER_INPUT, input, () => ctx.language);
  // The log is read by its header when its layout is not remembered; a remembered one is proven
  // by the rows read (each must hold this number in its customer number cell).
  let log = open(ctx, AUDIT_TAB);
  let rows = findRows(log.sheet, log.map, 'customerNumber', customerNumber);
  let spans = historySpans(rows);
  let read = spans.map((s) => ({ first: s.first, cells: readRows(log.sheet, log.map, s.first, s.last - s.first + 1) }));
  const holds = () => read.every((s) => rows.filter((r) => r >= s.first && r < s.first + s.cells.length).every((r) => String(s.cells[r - s.first][log.map.col.customerNumber - 1]) === customerNumber));
  if (log.remembered && !holds()) {
    log = refresh(log, AUDIT_TAB, ctx.language, () => undefined);
    rows = findRows(log.sheet, log.map, 'customerNumber', customerNumber);
    spans = historySpans(rows);
    read = spans.map((s) => ({ first: s.first, cells: readRows(log.sheet, log.map, s.first, s.last - s.first + 1) }));
  }
  const wanted = new Set(rows);
  const col = (key: string) => log.map.col[key] - 1;
  const entries: HistoryEntry[] = [];
  for (const span of read) {
    for (let i = span.cells.length - 1; i >= 0; i--) {
      if (!wanted.has(span.first + i)) continue;
      const cells = span.cells[i];
      // A code (the log's own) or, should the tab show words, the word as written.
      const action = String(cells[col('action')] ?? '').trim() as AuditAction;
      if (!action) continue;
      const at = cells[col('at')];
      entries.push({
        at: at instanceof Date ? at.toISOString() : String(at ?? ''),
        actor: String(cells[col('actor')] ?? ''),
        action,
        fields: String(cells[col('fields')] ?? '').split(',').map((f) => f.trim()).filter(Boolean),
      });
    }
  }
  return { entries, total: rows.length };
}
