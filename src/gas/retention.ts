/**
 * The retention sweep's adapters (server/retention.ts decides when): the register tab's
 * protection narrowed to the trigger's owner while the sweep rewrites rows, and put back; the
 * sweep's own one-off continuation; processed request mail moved to the trash in batches.
 * Each function is one call or two, whatever the register's size (trashMail: a few, and at most
 * LOOKUP_BUDGET lookups of mail its search did not find).
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

/** Gmail changes threads and messages at most 100 at a time. */
const TRASH_BATCH = 100;
/** Gmail search returns at most this many threads a call. */
const SEARCH_MAX = 500;
/** Pages of the processed label's search a run reads at most (2,000 threads). */
const SEARCH_PAGES = 4;
/** Threads or messages a run looks up one by one at most (the ones the search did not find): the rest wait for the next run. */
export const LOOKUP_BUDGET = 20;

export interface TrashResult {
  trashed: number;
  /** Ids settled: trashed, or gone from Gmail, or kept because mail newer than the period came into the thread. */
  doneThreads: string[];
  doneMessages: string[];
  /** Ids not yet looked up (the budget ran out): the next run tries them. */
  leftThreads: string[];
  leftMessages: string[];
}

/**
 * Moves processed request mail past the period to the trash: the cases' threads and the replies
 * drafted as new mail (no thread of the case: an access copy of a request logged by hand).
 * Threads: the processed label's search (`older_than`), page by page (at most four pages of
 * 500), the ids picked in memory; a thread the search does not find (moved out of the label by
 * hand, beyond the pages) is looked up by id (`getThreadById` "returns null if not found": gone,
 * settled), and trashed unless mail newer than the period came into it since (kept, settled).
 * Replies: one `getMessagesForThreads` over the threads to trash leaves out those inside them;
 * one `getDrafts` finds those never sent (discarded with `deleteDraft`); the others by id (`getMessageById` throws "Invalid argument" for an id Gmail no longer has:
 * gone, settled). At most LOOKUP_BUDGET lookups a run; the rest are left for the next run.
 * Then one `moveThreadsToTrash` / `moveMessagesToTrash` per 100.
 */
export function trashMail(
  gmail: GoogleAppsScript.Gmail.GmailApp, processedLabel: string, olderThanDays: number, cutoffMs: number,
  threadIds: readonly string[], messageIds: readonly string[], budget = LOOKUP_BUDGET,
  /** For a reply Gmail no longer has by its id (sent since: a new id), the search that finds the sent copy, and threads never to trash. */
  fallback: { searches?: ReadonlyMap<string, string>; keep?: ReadonlySet<string> } = {},
): TrashResult {
  const result: TrashResult = { trashed: 0, doneThreads: [], doneMessages: [], leftThreads: [], leftMessages: [] };
  const found = new Map<string, GoogleAppsScript.Gmail.GmailThread>();
  const wanted = new Set(threadIds);
  if (wanted.size) {
    const query = `label:"${processedLabel}" older_than:${Math.max(1, olderThanDays)}d`;
    for (let page = 0; page < SEARCH_PAGES && found.size < wanted.size; page++) {
      const threads = gmail.search(query, page * SEARCH_MAX, SEARCH_MAX);
      for (const t of threads) if (wanted.has(t.getId())) found.set(t.getId(), t);
      if (threads.length < SEARCH_MAX) break;
    }
  }
  let lookups = budget;
  for (const id of wanted) {
    if (found.has(id)) continue;
    if (lookups <= 0) {
      result.leftThreads.push(id);
      continue;
    }
    lookups--;
    const t = gmail.getThreadById(id);
    if (!t) result.doneThreads.push(id);
    else if (t.getLastMessageDate().getTime() <= cutoffMs) found.set(id, t);
    else result.doneThreads.push(id);
  }
  const threads = [...found.values()];
  const messages: GoogleAppsScript.Gmail.GmailMessage[] = [];
  const replies = [...new Set(messageIds)];
  if (replies.length) {
    const inThreads = new Set(threads.length ? gmail.getMessagesForThreads(threads).flatMap((list) => list.map((m) => m.getId())) : []);
    // A reply never sent is still a draft: discarded (one call lists the drafts, one discards each, within the budget).
    const drafts = new Map(gmail.getDrafts().map((d) => [d.getMessageId(), d] as const));
    for (const id of replies) {
      if (inThreads.has(id)) {
        result.doneMessages.push(id);
        continue;
      }
      const draft = drafts.get(id);
      if (draft && lookups > 0) {
        lookups--;
        draft.deleteDraft();
        result.trashed += 1;
        result.doneMessages.push(id);
        continue;
      }
      if (lookups <= 0) {
        result.leftMessages.push(id);
        continue;
      }
      lookups--;
      try {
        messages.push(gmail.getMessageById(id));
      } catch (e) {
        if (!(e instanceof Error) || !/Invalid argument/i.test(e.message)) throw e;
        // Sent since (a sent draft gets a new id): its copy by the search that names it, within the budget.
        const query = fallback.searches?.get(id);
        if (query && lookups > 0) {
          lookups--;
          for (const t of gmail.search(query, 0, SEARCH_MAX)) {
            if (!fallback.keep?.has(t.getId()) && !found.has(t.getId()) && t.getLastMessageDate().getTime() <= cutoffMs) {
              found.set(t.getId(), t);
              threads.push(t);
            }
          }
        } else if (query) {
          result.leftMessages.push(id);
          continue;
        }
        result.doneMessages.push(id);
      }
    }
  }
  for (let i = 0; i < threads.length; i += TRASH_BATCH) gmail.moveThreadsToTrash(threads.slice(i, i + TRASH_BATCH));
  for (let i = 0; i < messages.length; i += TRASH_BATCH) gmail.moveMessagesToTrash(messages.slice(i, i + TRASH_BATCH));
  result.trashed += threads.length + messages.length;
  result.doneThreads.push(...found.keys());
  result.doneMessages.push(...messages.map((m) => m.getId()));
  return result;
}
