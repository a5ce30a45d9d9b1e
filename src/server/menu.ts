/** The "Rekisteri" menu and the sidebar it opens. */
import { text } from '../core/texts';
import { languageOf, readSettings } from '../gas/settings';

/**
 * Simple trigger: adds the register's menu. Runs with limited authorisation and no active-user
 * email, so it only builds the menu.
 */
export function onOpen(): void {
  const language = languageOf(readSettings(PropertiesService));
  SpreadsheetApp.getUi()
    .createMenu(text(language, 'appName'))
    .addItem(text(language, 'menuOpenRegister'), 'showSidebar')
    .addToUi();
}

/** Runs when the script is installed as an add-on: the same menu. */
export function onInstall(): void {
  onOpen();
}

/** Menu action: opens the register sidebar (fixed 300 px wide). */
export function showSidebar(): void {
  const language = languageOf(readSettings(PropertiesService));
  const output = HtmlService.createHtmlOutputFromFile('Sidebar').setTitle(text(language, 'sidebarTitle'));
  SpreadsheetApp.getUi().showSidebar(output);
}
