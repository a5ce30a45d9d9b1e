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
import { findRows } from '../gas/register';
import { readAuditSpan } from '../gas/audit-log';
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
  const readSpans = () => {
    const rows = findRows(log.sheet, log.map, 'customerNumber', customerNumber);
    const read = historySpans(rows).map((s) => ({ first: s.first, entries: readAuditSpan(log.sheet, log.map, s.first, s.last - s.first + 1) }));
    return { rows, read };
  };
  let { rows, read } = readSpans();
  const holds = () => read.every((s) => rows.filter((r) => r >= s.first && r < s.first + s.entries.length).every((r) => s.entries[r - s.first].customerNumber === customerNumber));
  if (log.remembered && !holds()) {
    log = refresh(log, AUDIT_TAB, ctx.language, () => undefined);
    ({ rows, read } = readSpans());
  }
  const wanted = new Set(rows);
  const entries: HistoryEntry[] = [];
  for (const span of read) {
    for (let i = span.entries.length - 1; i >= 0; i--) {
      if (!wanted.has(span.first + i)) continue;
      // Words the tab shows read back as the log's codes (gas/audit-log.ts).
      const e = span.entries[i];
      if (!e.action) continue;
      entries.push({ at: e.at, actor: e.actor, action: e.action, fields: e.fields.split(',').map((f) => f.trim()).filter(Boolean) });
    }
  }
  return { entries, total: rows.length };
}
