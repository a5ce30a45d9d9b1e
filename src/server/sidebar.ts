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
  rowCount: number;
  spreadsheetName: string;
}

/** The signed-in user, the UI language and the number of people in the register. */
export function getSidebarInfo(): SidebarInfo {
  const { user, language, role } = requireRole('staff');
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const sheet = findRegisterSheet(spreadsheet, language);
  if (!sheet) throw new Error(text(language, 'noRegisterTab'));
  return {
    user,
    role,
    language,
    rowCount: countRegisterRows(sheet),
    spreadsheetName: spreadsheet.getName(),
  };
}
