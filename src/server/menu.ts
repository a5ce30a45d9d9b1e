/** The "Rekisteri" menu and the sidebar it opens. */
import { text, textWith } from '../core/texts';
import { setUp } from './setup';
import { requireRole } from './context';
import { languageOf } from '../gas/settings';
import { readState } from '../gas/state';

/**
 * Simple trigger: adds the register's menu. Runs with limited authorisation and no active-user
 * email, so it only builds the menu.
 */
export function onOpen(): void {
  let language = languageOf(null);
  try {
    language = languageOf(readState(PropertiesService.getDocumentProperties()!).settings);
  } catch {
    // Limited authorisation may keep the settings out of reach: the menu is then in Finnish.
  }
  SpreadsheetApp.getUi()
    .createMenu(text(language, 'appName'))
    .addItem(text(language, 'menuOpenRegister'), 'showSidebar')
    .addSeparator()
    .addItem(text(language, 'menuSetUp'), 'menuSetUp')
    .addToUi();
}

/** Runs when the script is installed as an add-on: the same menu. */
export function onInstall(): void {
  onOpen();
}

/** Menu action: runs set-up and tells the admin what it did. */
export function menuSetUp(): void {
  const result = setUp({});
  const none = text(result.language, 'nothing');
  SpreadsheetApp.getUi().alert(
    textWith(result.language, 'setUpDone', {
      tabs: result.createdTabs.join(', ') || none,
      columns: result.addedColumns.join(', ') || none,
    }),
  );
}

/**
 * Menu action: opens the register sidebar (fixed 300 px wide) for key personnel; anyone else
 * gets a page that says why and what to do, with no data.
 */
export function showSidebar(): void {
  let output: GoogleAppsScript.HTML.HtmlOutput;
  try {
    const { language } = requireRole('staff');
    output = HtmlService.createHtmlOutputFromFile('Sidebar').setTitle(text(language, 'sidebarTitle'));
  } catch (e) {
    const refusal = HtmlService.createTemplate(
      '<!DOCTYPE html><html><body style="font:13px Arial,sans-serif;padding:12px"><p role="alert" data-testid="refusal"><?= message ?></p></body></html>',
    );
    (refusal as unknown as { message: string }).message = e instanceof Error ? e.message : String(e);
    output = refusal.evaluate().setTitle(text('fi', 'appName'));
  }
  SpreadsheetApp.getUi().showSidebar(output);
}
