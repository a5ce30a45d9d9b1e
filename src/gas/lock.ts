/**
 * Writes hold the document lock: acquire, re-read inside, compute, write in one batch, flush,
 * release in `finally`. A lock that cannot be had in time is a message to retry, not a wait
 * past the user's patience.
 */
import type { Language } from '../core/schema';
import { text } from '../core/texts';
import { UserError } from './register';

const WAIT_MS = 10_000;

export function withDocumentLock<T>(
  locks: GoogleAppsScript.Lock.LockService,
  spreadsheets: GoogleAppsScript.Spreadsheet.SpreadsheetApp,
  language: Language,
  work: () => T,
): T {
  const lock = locks.getDocumentLock() ?? locks.getScriptLock();
  if (!lock.tryLock(WAIT_MS)) throw new UserError(text(language, 'busy'));
  try {
    const result = work();
    // Commit the writes while the lock is still held, so the next writer reads them.
    spreadsheets.flush();
    return result;
  } finally {
    lock.releaseLock();
  }
}
