/** What the sidebar shows when it opens. */
import type { Language } from '../core/schema';
import { REGISTER_TAB } from '../core/schema';
import { open } from './tabs';
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
  const ctx = requireRole('staff');
  const { user, language, role, settings } = ctx;
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  // People in the register: the rows under the header.
  const rowCount = Math.max(0, open(ctx, REGISTER_TAB).sheet.getLastRow() - 1);
  return {
    user,
    role,
    language,
    timeZone: settings.timeZone,
    rowCount,
    spreadsheetName: spreadsheet.getName(),
  };
}
