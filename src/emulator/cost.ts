/**
 * The cost model of DESIGN.md §8: how long each Apps Script service call is modelled to take.
 * A planning model calibrated on public measurements, not a promise about Google's servers.
 */
export type ServiceFamily =
  | 'Spreadsheet'
  | 'Gmail'
  /** A message's content fetched on demand (body, raw content, headers, attachments, attachment bytes). */
  | 'GmailContent'
  | 'Drive'
  | 'Properties'
  | 'Lock'
  | 'ScriptApp'
  | 'Cache'
  | 'Free';

/** Modelled milliseconds for one call; `units` are cells (Spreadsheet) or threads/messages (Gmail). */
export function modelledCost(family: ServiceFamily, units = 0): number {
  switch (family) {
    case 'Spreadsheet':
      return 25 + 0.005 * units;
    case 'Gmail':
      return 150 + 5 * units;
    case 'GmailContent':
      return GMAIL_CONTENT_READ_MS;
    case 'Drive':
      return 200;
    case 'Properties':
    case 'Lock':
    case 'ScriptApp':
      return 20;
    case 'Cache':
      return 10;
    case 'Free':
      return 0;
  }
}

/**
 * Methods that only hand back an object without reading or writing data (Apps Script resolves
 * them lazily, with the next data call): counted under their name, charged nothing, and left
 * out of the call count the targets of DESIGN §8 are stated in.
 */
export const HANDLE_METHODS: ReadonlySet<string> = new Set([
  'SpreadsheetApp.getActiveSpreadsheet',
  'SpreadsheetApp.getActive',
  'SpreadsheetApp.getUi',
  'Sheet.getRange',
  'Spreadsheet.getRange',
  'Range.getRow',
  'Range.getColumn',
  'Range.getNumRows',
  'Range.getNumColumns',
  'Range.getLastRow',
  'Range.getLastColumn',
  'Range.getA1Notation',
  'Range.getSheet',
  'Range.offset',
  'Range.createTextFinder',
  'Sheet.createTextFinder',
  'Sheet.getName',
  'Sheet.getParent',
  'TextFinder.matchCase',
  'TextFinder.matchEntireCell',
  'TextFinder.useRegularExpression',
  'TextFinder.ignoreDiacritics',
  'TextFinder.matchFormulaText',
  'PropertiesService.getScriptProperties',
  'PropertiesService.getDocumentProperties',
  'PropertiesService.getUserProperties',
  'CacheService.getScriptCache',
  'CacheService.getDocumentCache',
  'CacheService.getUserCache',
  'LockService.getScriptLock',
  'LockService.getDocumentLock',
  'LockService.getUserLock',
]);

/** One message's content (getPlainBody, getBody, getRawContent, getHeader, getAttachments, attachment bytes). */
export const GMAIL_CONTENT_READ_MS = 50;

/** `SpreadsheetApp.flush()` with pending writes; also what a read that follows pending writes pays first. */
export const FLUSH_WITH_PENDING_WRITES_MS = 500;

/** Stats key of the flush a read forces (listed and timed, not counted as a call of the script's). */
export const FORCED_FLUSH_KEY = 'SpreadsheetApp.flush (forced by a read)';

/**
 * A row- or column-moving Sheets call (deleteRows, insertRows, deleteColumns, insertColumns,
 * sort): 25 ms plus 0.002 ms per cell it moves, so a per-row delete near the top of a big sheet
 * costs seconds (Google's "optimizing spreadsheet operations": structure changes rewrite
 * everything below or to the right).
 */
export function movedCellsCost(movedCells: number): number {
  return 25 + 0.002 * Math.max(0, movedCells);
}

/** One execution may run for six minutes. */
export const MAX_EXECUTION_MS = 6 * 60 * 1000;

/** Per-call record kept by the meter. */
export interface CallStat {
  calls: number;
  modelledMs: number;
}

/** Counts service calls by "Service.method" and sums their modelled time. */
export class Meter {
  readonly byMethod = new Map<string, CallStat>();
  calls = 0;
  modelledMs = 0;

  /** Records one call; `counted` false for handles and free services (listed, not counted). */
  record(key: string, ms: number, counted = true): void {
    const stat = this.byMethod.get(key) ?? { calls: 0, modelledMs: 0 };
    stat.calls += 1;
    stat.modelledMs += ms;
    this.byMethod.set(key, stat);
    if (counted) this.calls += 1;
    this.modelledMs += ms;
  }

  add(other: Meter): void {
    for (const [key, stat] of other.byMethod) {
      const mine = this.byMethod.get(key) ?? { calls: 0, modelledMs: 0 };
      mine.calls += stat.calls;
      mine.modelledMs += stat.modelledMs;
      this.byMethod.set(key, mine);
    }
    this.calls += other.calls;
    this.modelledMs += other.modelledMs;
  }

  reset(): void {
    this.byMethod.clear();
    this.calls = 0;
    this.modelledMs = 0;
  }

  toJSON(): { calls: number; modelledMs: number; byMethod: Record<string, CallStat> } {
    const byMethod: Record<string, CallStat> = {};
    for (const key of [...this.byMethod.keys()].sort()) {
      const s = this.byMethod.get(key)!;
      byMethod[key] = { calls: s.calls, modelledMs: round(s.modelledMs) };
    }
    return { calls: this.calls, modelledMs: round(this.modelledMs), byMethod };
  }
}

function round(ms: number): number {
  return Math.round(ms * 1000) / 1000;
}
