/** What the sidebar shows when it opens. */
import { text } from '../core/texts';
import type { Language } from '../core/schema';
import { countRegisterRows, findRegisterSheet } from '../gas/register-sheet';
import { requireRole } from './context';
import type { Role } from '../core/settings';

export interface SidebarInfo {
  user: string;
  role: Role;
  language: Language;
  /** The register's time zone: "today" and times are shown in it. */
  timeZone: string;
  rowCount: number;
  spreadsheetName: string;
}

/** The signed-in user, the UI language and the number of people in the register. */
export function getSidebarInfo(): SidebarInfo {
  const { user, language, role, settings } = requireRole('staff');
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const sheet = findRegisterSheet(spreadsheet, language);
  if (!sheet) throw new Error(text(language, 'noRegisterTab'));
  return {
    user,
    role,
    language,
    timeZone: settings.timeZone,
    rowCount: countRegisterRows(sheet),
    spreadsheetName: spreadsheet.getName(),
  };
}
