/**
 * Every entry point starts here: who is calling, in which language, and may they. Key personnel
 * only; admin functions need the admin role. A refusal is an Error whose message tells the user
 * what to do, in the register's language. Writes run inside `withWrite`: the document lock, then
 * the state read inside it, then the caller's work, then a flush while the lock is still held.
 */
import { authorise, Role, Settings } from '../core/settings';
import { dayInZone } from '../core/customer';
import type { Language } from '../core/schema';
import { text, textWith, TEXTS } from '../core/texts';
import { languageOf } from '../gas/settings';
import { DocumentState, readState, schemaVersion, TabLayout } from '../gas/state';
import { UserError } from '../gas/register';
import { menuPath } from './setup';
import { AUDIT_TAB, DISCLOSURES_TAB, TABS, tabNames } from '../core/schema';
import { literaliseFormulas, literalOf } from '../gas/formulas';

export interface CallContext {
  user: string;
  role: Role;
  settings: Settings;
  language: Language;
  state: DocumentState;
  properties: GoogleAppsScript.Properties.Properties;
  /** Layouts learned during the call, to remember with the next property write. */
  learned: Partial<Record<string, TabLayout>>;
  /** The call's one moment (ISO 8601), read once from the server's clock as the context is made. */
  now: string;
  /** `now`'s calendar day in the register's time zone, 'YYYY-MM-DD': the business date of the call. */
  today: string;
}

const REASON_TEXT = { 'not-signed-in': 'notSignedIn', 'not-key-personnel': 'notKeyPersonnel', 'not-admin': 'notAdmin' } as const;

/** How long a writer waits for another to finish before being told to retry. */
const LOCK_WAIT_MS = 10_000;

function contextFrom(state: DocumentState, properties: GoogleAppsScript.Properties.Properties, needed: Role, user: string, trigger = false): CallContext {
  const settings = state.settings;
  const language = languageOf(settings);
  // Before set-up nobody is key personnel: say what will change that.
  if (!settings) {
    if (!user) throw new UserError(text(language, 'notSignedIn'));
    // The one who may run the first set-up (the owner; anyone where the file has none) is led to it.
    let mayStart = false;
    try {
      const owner = SpreadsheetApp.getActiveSpreadsheet().getOwner();
      mayStart = !owner || owner.getEmail().toLowerCase() === user.toLowerCase();
    } catch {
      // The owner could not be read: the sentence for everyone else still says who sets it up.
    }
    throw new UserError(textWith(language, mayStart ? 'setUpNeededOwner' : 'setUpNeededOther', { setUp: menuPath(language, 'menuSetUp') }));
  }
  const decision = authorise(settings, user, needed);
  if (!decision.ok) throw new UserError(text(language, REASON_TEXT[decision.reason]));
  // Set up by another release (tabs or settings changed): people's calls wait for set-up. A
  // trigger's run does not: a hand edit made meanwhile must still be checked, and the check reads
  // the header of every tab it touches, so it stops on a layout it does not know (and then
  // `guardEdit` still disarms the edit).
  if (!trigger && state.schemaVersion !== schemaVersion()) throw new UserError(textWith(language, decision.role === 'admin' ? 'setUpRunNeeded' : 'setUpWaitAdmin', { setUp: menuPath(language, 'menuSetUp') }));
  // One clock read per context: every date the call stamps, checks or returns agrees with it.
  const at = new Date();
  return {
    user: user.toLowerCase(), role: decision.role, settings, language, state, properties, learned: {},
    now: at.toISOString(), today: dayInZone(at, settings.timeZone),
  };
}

/** The caller's context for a read, or throws the refusal. One call. */
export function requireRole(needed: Role): CallContext {
  const properties = PropertiesService.getDocumentProperties()!;
  return contextFrom(readState(properties), properties, needed, Session.getActiveUser().getEmail());
}

/** The caller's language for refusing bad input before a write (staff and admins; one state read). */
export const staffLanguage = (): Language => requireRole('staff').language;

/**
 * Runs `work` under the document lock with the state read inside it, flushes, and returns.
 * On success the lock is released by the end of the execution, right after the flush (an
 * explicit release would be one more call for nothing); on failure it is released at once.
 */
export function withWrite<T>(needed: Role, work: (ctx: CallContext) => T, options: { trigger?: boolean } = {}): T {
  const lock = LockService.getDocumentLock() ?? LockService.getScriptLock();
  if (!lock.tryLock(LOCK_WAIT_MS)) {
    // The settings (and so the language) are read inside the lock: say it in all three.
    throw new UserError((['fi', 'sv', 'en'] as const).map((l) => TEXTS[l].busy).join(' / '));
  }
  let finished = false;
  try {
    const properties = PropertiesService.getDocumentProperties()!;
    // An installable trigger acts with its creator's authority: that is whom to check (the
    // active user may be the editor, or hidden, depending on the accounts involved).
    const user = options.trigger ? Session.getEffectiveUser().getEmail() : Session.getActiveUser().getEmail();
    const ctx = contextFrom(readState(properties), properties, needed, user, options.trigger === true);
    const result = work(ctx);
    SpreadsheetApp.flush();
    finished = true;
    return result;
  } finally {
    if (!finished) lock.releaseLock();
  }
}

/**
 * Wraps the on-edit trigger: when its check cannot run (a tab's layout that does not read, the
 * lock busy, the trigger's owner no longer key personnel), the edit is still disarmed before the
 * run fails: no formula stays live in any of the register's tabs, and a one-cell edit of the
 * audit log or the disclosures is undone (a paste there keeps its text, as the check would).
 * The failure and the edit go to the execution log; set-up repairs the rest.
 */
export function guardEdit(handler: (e: GoogleAppsScript.Events.SheetsOnEdit) => void): (e: GoogleAppsScript.Events.SheetsOnEdit) => void {
  return (e) => {
    try {
      handler(e);
    } catch (error) {
      // Only Sheets calls it with a live range; anything else has nothing to disarm.
      try {
        if (e && e.range && typeof e.range.getSheet === 'function') disarm(e);
      } catch {
        // Disarming failed too (quota, protections): the first failure is the one to report.
      }
      throw error;
    }
  };
}

function disarm(e: GoogleAppsScript.Events.SheetsOnEdit): void {
  const sheet = e.range.getSheet();
  const name = sheet.getName();
  if (!TABS.some((t) => tabNames(t).includes(name))) return;
  const single = e.range.getNumRows() === 1 && e.range.getNumColumns() === 1;
  const log = [AUDIT_TAB, DISCLOSURES_TAB].some((t) => tabNames(t).includes(name));
  if (log && single) {
    const old = String(e.oldValue ?? '');
    e.range.setValue(/^=/.test(old) ? literalOf(old) : old);
  } else {
    literaliseFormulas(sheet, { row: e.range.getRow(), column: e.range.getColumn(), numRows: e.range.getNumRows(), numColumns: e.range.getNumColumns() });
  }
  console.error(`Rekisteri: an edit of ${name}!${e.range.getA1Notation()} could not be checked and was disarmed; run set-up.`);
}
