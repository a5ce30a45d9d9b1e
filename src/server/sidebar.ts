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
  /** The server's moment of this call (ISO 8601): the sidebar's "now", never the browser's clock. */
  now: string;
  /** Today in the register's time zone ('YYYY-MM-DD'): the sidebar's default dates, checks and badges. */
  today: string;
}

/** The signed-in user, the UI language, the number of people in the register and the server's today. */
export function getSidebarInfo(): SidebarInfo {
  const ctx = requireRole('staff');
  const { user, language, role, settings, now, today } = ctx;
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
    now,
    today,
  };
}
