/**
 * The retention sweep's adapters (server/retention.ts decides when): the register tab's
 * protection narrowed to the trigger's owner while the sweep rewrites rows, and put back; the
 * sweep's own one-off continuation; processed request mail moved to the trash in batches.
 * Each function is one call or two, whatever the register's size.
 */
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Protection = GoogleAppsScript.Spreadsheet.Protection;

/**
 * Narrows the tab's sheet protection to the owner of the run: every other key person is removed
 * (Sheets keeps the spreadsheet's owner and the user running the script, "Protection.removeEditors",
 * https://developers.google.com/apps-script/reference/spreadsheet/protection), so a hand edit made
 * while the sweep rewrites the rows is refused by Sheets rather than overwritten. Two calls
 * (getProtections, removeEditors); null when the tab has no protection (set-up not run).
 */
export function narrowProtection(sheet: Sheet, protectionType: typeof SpreadsheetApp.ProtectionType, others: readonly string[]): Protection | null {
  const protection = sheet.getProtections(protectionType.SHEET)[0] ?? null;
  if (protection && others.length) protection.removeEditors([...others]);
  return protection;
}

/** Puts the key personnel back on the tab's protection (one call; adding an editor already there changes nothing). */
export function restoreProtection(protection: Protection, editors: readonly string[]): void {
  if (editors.length) protection.addEditors([...editors]);
}

/** The tab's protection editors, lower-cased (two calls), for the leftover check of a continuation. */
export function protectionEditors(sheet: Sheet, protectionType: typeof SpreadsheetApp.ProtectionType): { protection: Protection | null; editors: string[] } {
  const protection = sheet.getProtections(protectionType.SHEET)[0] ?? null;
  return { protection, editors: protection ? protection.getEditors().map((u) => u.getEmail().toLowerCase()) : [] };
}

/** When the sweep's continuation runs after the run that scheduled it. */
export const CONTINUATION_MS = 15 * 60 * 1000;

/** Schedules the sweep's one-off continuation (one call): if this run ends half-way, that one resumes. */
export function scheduleContinuation(script: GoogleAppsScript.Script.ScriptApp, handler: string): GoogleAppsScript.Script.Trigger {
  return script.newTrigger(handler).timeBased().after(CONTINUATION_MS).create();
}

/** Deletes the continuation this run made (one call), or the one that fired this run (two: the list, the delete). */
export function deleteContinuation(script: GoogleAppsScript.Script.ScriptApp, made: GoogleAppsScript.Script.Trigger | null, firedUid: string | null): void {
  if (made) script.deleteTrigger(made);
  if (firedUid) {
    const mine = script.getProjectTriggers().find((t) => t.getUniqueId() === firedUid);
    if (mine) script.deleteTrigger(mine);
  }
}

/** Gmail changes threads at most 100 at a time. */
const TRASH_BATCH = 100;
/** Gmail search returns at most this many threads a call. */
const SEARCH_MAX = 500;

/**
 * Moves the given threads to the trash: one search over the processed label for threads older
 * than `olderThanDays` (a closed case's thread is older than its retention), the ids picked in
 * memory, then one `moveThreadsToTrash` per 100. A thread the search does not find (moved out of
 * the label by hand, or answered after the case closed) is left and counted. Returns the counts.
 */
export function trashThreads(gmail: GoogleAppsScript.Gmail.GmailApp, processedLabel: string, olderThanDays: number, ids: readonly string[]): { trashed: number; notFound: number } {
  if (!ids.length) return { trashed: 0, notFound: 0 };
  const wanted = new Set(ids);
  const found = gmail.search(`label:"${processedLabel}" older_than:${Math.max(1, olderThanDays)}d`, 0, SEARCH_MAX).filter((t) => wanted.has(t.getId()));
  for (let i = 0; i < found.length; i += TRASH_BATCH) gmail.moveThreadsToTrash(found.slice(i, i + TRASH_BATCH));
  return { trashed: found.length, notFound: ids.length - found.length };
}
