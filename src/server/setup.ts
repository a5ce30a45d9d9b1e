/**
 * Set-up (admin menu action and `setUp(options)`): tabs, formats, protections, settings, every
 * trigger the register needs, and last the schema version, so that a set-up that fails half-way
 * leaves a register every call refuses ("run set-up") until a retry completes it.
 */
import { completeSettings, defaultSettings, roleOf, Settings } from '../core/settings';
import type { Language } from '../core/schema';
import { text, TextKey } from '../core/texts';
import { SETTINGS_KEY } from '../gas/settings';
import { EditTrigger, NEEDED_TRIGGERS, readState, schemaVersion, SCHEMA_VERSION_KEY, stateProperties } from '../gas/state';
import { readAuditHead } from '../gas/audit-log';
import { planLanguageRewrite, setUpTabs, SetUpReport } from '../gas/setup';
import { withDocumentLock } from '../gas/lock';
import { UserError } from '../gas/register';
import { parseInput, SETUP_INPUT } from './inputs';
import { repairAtSetUp, RepairReport } from './repair';
import { INTAKE_KEY, readIntakeState } from './intake';

export interface SetUpOptions {
  language?: Language;
}

/** One installable trigger the register needs, as set-up left it. */
export interface TriggerStatus {
  handler: string;
  event: 'ON_EDIT' | 'ON_CHANGE' | 'CLOCK';
  /** True when this set-up installed it; false when it was there already. */
  installed: boolean;
}

export interface SetUpResult extends SetUpReport {
  language: Language;
  firstAdmin: string | null;
  /** Handlers of the triggers this set-up installed. */
  installedTriggers: string[];
  /** Every trigger the register needs (installed now or before). */
  triggers: TriggerStatus[];
  /** The schema version written last (src/gas/state.ts). */
  schemaVersion: string;
  /** What the repair pass that set-up runs found and put right (server/repair.ts). */
  repair: RepairReport;
}

/** The installable trigger that validates and logs edits typed into the register tab. */
export const EDIT_TRIGGER_HANDLER = 'onRegisterEdit';
/** The nightly time-driven trigger: the repair pass (the retention sweep will share it). */
export const NIGHTLY_HANDLER = 'runNightly';
/** The on-change trigger: a sort, an inserted or deleted row, column or tab marks and runs a repair. */
export const CHANGE_HANDLER = 'onRegisterChange';

/** The intake trigger of the request inbox (server/intake.ts). */
export const INTAKE_HANDLER = 'pollInbox';

/** Every installable trigger the register needs, with the text that names it to an admin. */
export const REGISTER_TRIGGERS: readonly { handler: string; event: TriggerStatus['event']; label: TextKey }[] = NEEDED_TRIGGERS.map((t) => ({
  ...t, label: ({ [EDIT_TRIGGER_HANDLER]: 'triggerEdit', [NIGHTLY_HANDLER]: 'triggerNightly', [CHANGE_HANDLER]: 'triggerChange', [INTAKE_HANDLER]: 'triggerIntake' } as Record<string, TextKey>)[t.handler] ?? 'triggerEdit',
}));

/** A menu item as a person finds it, e.g. "Rekisteri › Käyttöönotto / korjaus". */
export function menuPath(language: Language, item: 'menuSetUp' | 'menuOpenRegister'): string {
  return `${text(language, 'appName')} › ${text(language, item)}`;
}

/**
 * Creates what is missing and repairs what drifted; never touches data. The first set-up is
 * the spreadsheet owner's (anyone who can edit it when it has no owner, as in a shared drive),
 * who becomes the first admin; after it, admins only.
 */
export function setUp(options: SetUpOptions = {}): SetUpResult {
  const user = Session.getActiveUser().getEmail().toLowerCase();
  const properties = PropertiesService.getDocumentProperties()!;
  const stored = readState(properties).settings;
  const shape = parseInput(SETUP_INPUT, options, () => stored?.language ?? 'fi');
  const requested = shape?.language && ['fi', 'sv', 'en'].includes(shape.language) ? (shape.language as Language) : undefined;
  const language: Language = requested ?? stored?.language ?? 'fi';
  if (!user) throw new UserError(text(language, 'notSignedIn'));
  if (stored && roleOf(stored, user) !== 'admin') throw new UserError(text(language, 'notAdmin'));
  return withDocumentLock(LockService, SpreadsheetApp, language, () => {
    // Re-read inside the lock: another admin may have finished set-up meanwhile.
    const state = readState(properties);
    const current = state.settings;
    const firstAdmin = current ? null : user;
    const settings: Settings = current ? completeSettings({ ...current, language }) : defaultSettings(user, language);
    if (current && roleOf(current, user) !== 'admin') throw new UserError(text(language, 'notAdmin'));
    const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
    if (!current) {
      // An editor must not make themselves admin of someone else's register.
      const owner = spreadsheet.getOwner();
      if (owner && owner.getEmail().toLowerCase() !== user) throw new UserError(text(language, 'firstSetUpOwner'));
    }
    const { report, layout, audit, auditColumns } = setUpTabs(spreadsheet, settings.language, settings.keyPersonnel, SpreadsheetApp.ProtectionType, settings.timeZone);
    // Words in the register's language in every tab (a register written with codes, or set up in another language).
    planLanguageRewrite(spreadsheet, settings.language, settings.timeZone, false)();
    const mine = ScriptApp.getProjectTriggers();
    const editTrigger = ensureTrigger(EDIT_TRIGGER_HANDLER, mine, user, state.editTrigger, settings,
      () => ScriptApp.newTrigger(EDIT_TRIGGER_HANDLER).forSpreadsheet(spreadsheet).onEdit().create());
    // About 02:00 in the register's own time zone, nightly.
    const nightly = ensureTrigger(NIGHTLY_HANDLER, mine, user, state.nightlyTrigger, settings,
      () => ScriptApp.newTrigger(NIGHTLY_HANDLER).timeBased().everyDays(1).atHour(2).inTimezone(settings.timeZone).create());
    const change = ensureTrigger(CHANGE_HANDLER, mine, user, state.changeTrigger, settings,
      () => ScriptApp.newTrigger(CHANGE_HANDLER).forSpreadsheet(spreadsheet).onChange().create());
    // The inbox every 15 minutes; an add-on may not run a trigger more often than hourly, and
    // Apps Script says so when the trigger is made: then hourly.
    const intakeState = readIntakeState(properties);
    const intake = ensureTrigger(INTAKE_HANDLER, mine, user, intakeState.trigger ?? null, settings, () => {
      try {
        return ScriptApp.newTrigger(INTAKE_HANDLER).timeBased().everyMinutes(15).create();
      } catch (e) {
        if (!/more often than once per hour/.test((e as Error).message)) throw e;
        return ScriptApp.newTrigger(INTAKE_HANDLER).timeBased().everyHours(1).create();
      }
    });
    // Settings, the layout every entry point trusts, the audit chain's head (read from the tab
    // only when none is remembered: a repair must not hide rows removed from the log) and the
    // trigger's record, in one write.
    properties.setProperties({
      [SETTINGS_KEY]: JSON.stringify(settings),
      ...stateProperties({ layout, auditHead: state.auditHead ? { ...state.auditHead, columns: auditColumns } : readAuditHead(audit), editTrigger: editTrigger.record, nightlyTrigger: nightly.record, changeTrigger: change.record }),
      [INTAKE_KEY]: JSON.stringify({ ...intakeState, trigger: intake.record }),
    });
    // The repair pass belongs to a completed set-up: it runs before the version is written.
    const repair = repairAtSetUp(spreadsheet, properties, user);
    // The tabs' writes are out, then the version: only a set-up that did everything writes it.
    SpreadsheetApp.flush();
    const version = schemaVersion();
    properties.setProperty(SCHEMA_VERSION_KEY, version);
    const installed: Record<string, boolean> = { [EDIT_TRIGGER_HANDLER]: editTrigger.installed, [NIGHTLY_HANDLER]: nightly.installed, [CHANGE_HANDLER]: change.installed, [INTAKE_HANDLER]: intake.installed };
    const triggers: TriggerStatus[] = REGISTER_TRIGGERS.map((t) => ({ handler: t.handler, event: t.event, installed: installed[t.handler] === true }));
    return {
      ...report, language: settings.language, firstAdmin, triggers, schemaVersion: version, repair,
      installedTriggers: triggers.filter((t) => t.installed).map((t) => t.handler),
    };
  });
}

/**
 * One trigger of `handler` for the register, owned by an admin: the on-edit check and the nightly
 * run are kept alike. The recorded one stays while its owner is an admin (a trigger left behind
 * by a demoted admin, which only its owner can delete, then ignores its runs); else this admin's
 * own from before (the record was lost: the first kept, any others dropped); else a new one.
 * `getProjectTriggers` lists only the caller's triggers, hence the record; `mine` is that list,
 * read once for every trigger set-up keeps.
 */
function ensureTrigger(
  handler: string,
  mine: readonly GoogleAppsScript.Script.Trigger[],
  user: string,
  recorded: EditTrigger | null,
  settings: Settings,
  create: () => GoogleAppsScript.Script.Trigger,
): { record: EditTrigger; installed: boolean } {
  const own = mine.filter((t) => t.getHandlerFunction() === handler);
  const ownerStillAdmin = recorded && roleOf(settings, recorded.owner) === 'admin';
  if (recorded && ownerStillAdmin && (recorded.owner !== user || own.some((t) => t.getUniqueId() === recorded.uid))) {
    return { record: recorded, installed: false };
  }
  if (own.length) {
    own.slice(1).forEach((t) => ScriptApp.deleteTrigger(t));
    return { record: { uid: own[0].getUniqueId(), owner: user }, installed: false };
  }
  return { record: { uid: create().getUniqueId(), owner: user }, installed: true };
}
