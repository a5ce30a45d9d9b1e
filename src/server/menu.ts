/**
 * The "Rekisteri" menu and the sidebar it opens. The menu leads: before set-up it offers set-up
 * first; after it, a simple trigger cannot tell who opened the file (no active-user email), so
 * it shows only what staff may use, and the admin items (Ylläpito, set-up) join when an admin
 * opens the register or runs set-up (a menu added again under the same name replaces the old one, so the
 * menu is always built in the register's language, Finnish before set-up, whoever opens it).
 */
import type { Language } from '../core/schema';
import { roleOf } from '../core/settings';
import { text, textWith } from '../core/texts';
import { menuPath, REGISTER_TRIGGERS, setUp } from './setup';
import { requireRole } from './context';
import { languageOf } from '../gas/settings';
import { readState, schemaVersion } from '../gas/state';
import { requestUiText } from '../core/texts/requests-ui';
import { adminText } from '../core/texts/admin';
import { CUSTOMER_NUMBER_PATTERN } from './inputs';
import { UserError } from '../gas/register';

/** Which menu: set-up first (before set-up, or an admin after a release that needs it), an admin's, or staff's. */
type MenuKind = 'setUpFirst' | 'admin' | 'staff';

/**
 * The menu for `kind`: set-up is only ever offered where it may run (before set-up, whoever may
 * run the first; after it, admins), and "open the selected row" once there is a register to open.
 */
function addMenu(language: Language, kind: MenuKind, setUpDone = true): void {
  const menu = SpreadsheetApp.getUi().createMenu(text(language, 'appName'));
  if (kind === 'setUpFirst') {
    menu.addItem(text(language, 'menuSetUp'), 'menuSetUp').addSeparator().addItem(text(language, 'menuOpenRegister'), 'showSidebar');
    if (setUpDone) menu.addItem(text(language, 'menuOpenSelected'), 'showSelectedRow');
  } else {
    menu.addItem(text(language, 'menuOpenRegister'), 'showSidebar').addItem(requestUiText(language, 'menuRequests'), 'showRequestsDialog');
    if (setUpDone) menu.addItem(text(language, 'menuOpenSelected'), 'showSelectedRow');
    // Admins only: onOpen builds staff's menu (a simple trigger cannot tell an admin), and the
    // admin items join when an admin opens the sidebar (which also offers Ylläpito) or runs set-up.
    if (kind === 'admin') menu.addSeparator().addItem(adminText(language, 'menuAdmin'), 'showAdminDialog').addItem(text(language, 'menuSetUp'), 'menuSetUp');
  }
  menu.addToUi();
}

/**
 * Simple trigger: adds the register's menu. Runs with limited authorisation and no active-user
 * email, so it only builds the menu: set-up first while the register has no settings (nobody is
 * key personnel yet, and set-up itself refuses anyone but the owner), else staff's items only.
 */
export function onOpen(): void {
  let language = languageOf(null);
  let setUpDone = true;
  try {
    const settings = readState(PropertiesService.getDocumentProperties()!).settings;
    language = languageOf(settings);
    setUpDone = settings !== null;
  } catch {
    // Limited authorisation may keep the settings out of reach: the menu is then staff's, in Finnish.
  }
  addMenu(language, setUpDone ? 'staff' : 'setUpFirst', setUpDone);
}

/** Runs when the script is installed as an add-on: the same menu. */
export function onInstall(): void {
  onOpen();
}

/** Menu action: runs set-up, tells the admin what it did and what next, and gives them the admin menu. */
export function menuSetUp(): void {
  const result = setUp({});
  const language = result.language;
  const none = text(language, 'nothing');
  const triggers = result.triggers.map((t) => {
    const label = REGISTER_TRIGGERS.find((r) => r.handler === t.handler)?.label ?? 'triggerEdit';
    const name = textWith(language, label, { handler: t.handler });
    return textWith(language, t.installed ? 'triggerInstalled' : 'triggerPresent', { trigger: name });
  });
  addMenu(language, 'admin');
  SpreadsheetApp.getUi().alert(
    [
      textWith(language, 'setUpDone', { tabs: result.createdTabs.join(', ') || none, columns: result.addedColumns.join(', ') || none }),
      textWith(language, 'setUpTriggers', { triggers: triggers.join(', ') || none }),
      textWith(language, 'setUpNext', { open: menuPath(language, 'menuOpenRegister') }),
    ].join(' '),
  );
}

/** The user's own language (their Google locale) for the sentence shown before set-up; the menu stays the register's. */
function localeLanguage(): Language {
  const locale = String(Session.getActiveUserLocale() || '').toLowerCase();
  return locale.startsWith('sv') ? 'sv' : locale.startsWith('en') ? 'en' : 'fi';
}

/** A sidebar page of one sentence, with no data. */
function notice(message: string, testId: string, language: Language): GoogleAppsScript.HTML.HtmlOutput {
  const page = HtmlService.createTemplate(
    '<!DOCTYPE html><html lang="<?= language ?>"><body style="font:13px Arial,sans-serif;padding:12px"><p role="alert" data-testid="<?= testId ?>"><?= message ?></p></body></html>',
  );
  Object.assign(page as unknown as Record<string, string>, { message, testId, language });
  return page.evaluate().setTitle(text(language, 'appName'));
}

/**
 * Menu action: opens the register sidebar (fixed 300 px wide) for key personnel; anyone else
 * gets a page that says why and what to do, with no data. Before set-up the page tells the
 * owner to run set-up (and anyone else that the owner will); an admin gets the admin menu.
 */
export function showSidebar(): void {
  openSidebar(false);
}

/**
 * Menu action "Avaa valittu rivi": the sidebar, told to open the person on the row selected in
 * the register tab as it starts (it asks the server, which reads the selection: openSelectedRow).
 */
export function showSelectedRow(): void {
  openSidebar(true);
}

function openSidebar(selected: boolean): void {
  const state = readState(PropertiesService.getDocumentProperties()!);
  const ui = SpreadsheetApp.getUi();
  if (!state.settings) {
    // The sentence in the user's own language; the menu it names, and rebuilds, in the
    // register's (Finnish before set-up), as onOpen built it: a menu of another title would be a second one.
    const language = localeLanguage();
    const menuLanguage = languageOf(null);
    const user = Session.getActiveUser().getEmail().toLowerCase();
    const owner = SpreadsheetApp.getActiveSpreadsheet().getOwner();
    // No owner (a shared drive): any editor may run the first set-up.
    const mayStart = !owner || owner.getEmail().toLowerCase() === user;
    ui.showSidebar(notice(textWith(language, mayStart ? 'setUpNeededOwner' : 'setUpNeededOther', { setUp: menuPath(menuLanguage, 'menuSetUp') }), 'setup-needed', language));
    // Whoever cannot run the first set-up loses the item it offered.
    addMenu(menuLanguage, mayStart ? 'setUpFirst' : 'staff', false);
    return;
  }
  let output: GoogleAppsScript.HTML.HtmlOutput;
  try {
    const { language } = requireRole('staff');
    output = HtmlService.createHtmlOutputFromFile('Sidebar').setTitle(text(language, 'sidebarTitle'));
    // A marker, not a script: the sidebar reads it once it has started.
    if (selected) output.append('<meta name="rekisteri-start" content="selected">');
  } catch (e) {
    output = notice(e instanceof Error ? e.message : String(e), 'refusal', languageOf(state.settings));
  }
  const language = languageOf(state.settings);
  if (roleOf(state.settings, Session.getActiveUser().getEmail().toLowerCase()) === 'admin') {
    addMenu(language, state.schemaVersion === schemaVersion() ? 'admin' : 'setUpFirst');
  }
  ui.showSidebar(output);
}

/**
 * A built page with what it was opened for: `<script type="application/json" id="…">` put before
 * the page's app element, so it is parsed before the page's script runs (an `append` would land
 * after it); its JSON's `<`, `>` and `&` are escaped so nothing in it can end the element
 * (src/ui/shared/open-hint.ts reads it as text). Apps Script's HtmlOutput takes trusted markup as is.
 */
function pageWithHint(file: string, elementId: string, hint: Record<string, string | boolean>): GoogleAppsScript.HTML.HtmlOutput {
  const json = JSON.stringify(hint).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026');
  const output = HtmlService.createHtmlOutputFromFile(file);
  const app = '<div id="app"></div>';
  return output.setContent(output.getContent().replace(app, () => `<script type="application/json" id="${elementId}">${json}</script>\n${app}`));
}

/** A request id as the dialog sends it back: letters, digits, `-` and `_`. */
const REQUEST_ID = /^[A-Za-z0-9_-]{1,64}$/;

/**
 * Menu action (Rekisteri › Pyynnöt), or the sidebar's "Avaa pyynnöt": the requests dialog, a
 * modal of 900 × 600, for key personnel (anyone else is refused with the message of
 * requireRole). `{id}` opens it on that case.
 */
export function showRequestsDialog(input?: { id?: unknown }): void {
  const { language } = requireRole('staff');
  const id = input && typeof input === 'object' && typeof input.id === 'string' && REQUEST_ID.test(input.id) ? input.id : '';
  const output = (id ? pageWithHint('Requests', 'open-request', { id }) : HtmlService.createHtmlOutputFromFile('Requests')).setWidth(900).setHeight(600);
  SpreadsheetApp.getUi().showModalDialog(output, requestUiText(language, 'rqDialogTitle'));
}

/**
 * From a case in the requests dialog: the register sidebar opened on that person, on their edit
 * form with `edit` (a rectification). The sidebar is behind the modal dialog, so the dialog
 * closes itself after the call.
 */
export function openRecordInSidebar(input: { customerNumber?: unknown; requestId?: unknown; edit?: unknown }): void {
  const { language } = requireRole('staff');
  const number = input && typeof input.customerNumber === 'string' ? input.customerNumber.trim() : '';
  if (!CUSTOMER_NUMBER_PATTERN.test(number)) throw new UserError(text(language, 'badRequest'));
  const hint: Record<string, string | boolean> = { customerNumber: number, edit: input.edit === true };
  if (typeof input.requestId === 'string' && REQUEST_ID.test(input.requestId)) hint.requestId = input.requestId;
  SpreadsheetApp.getUi().showSidebar(pageWithHint('Sidebar', 'open-record', hint).setTitle(text(language, 'sidebarTitle')));
}

/**
 * Menu action (Rekisteri › Ylläpito, in an admin's menu) and the sidebar's "Ylläpito" (shown to
 * admins): the admin dialog, a modal of 960 × 640 in the register's language (src/ui/admin/):
 * key personnel, settings, triggers, sharing, the compliance report and the privacy notice.
 * Staff who call it anyway get a small dialog naming the admins to ask; anyone else the access
 * refusal of requireRole.
 */
export function showAdminDialog(): void {
  const ctx = requireRole('staff');
  const ui = SpreadsheetApp.getUi();
  if (ctx.role !== 'admin') {
    const admins = ctx.settings.keyPersonnel.filter((p) => p.role === 'admin').map((p) => p.email).join(', ');
    const page = notice(adminText(ctx.language, 'adStaffRefused', { admins }), 'refusal', ctx.language).setWidth(420).setHeight(140);
    ui.showModalDialog(page, adminText(ctx.language, 'adDialogTitle'));
    return;
  }
  ui.showModalDialog(HtmlService.createHtmlOutputFromFile('Admin').setWidth(960).setHeight(640), adminText(ctx.language, 'adDialogTitle'));
}
