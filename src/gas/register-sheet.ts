/**
 * Reading the register tab. Services are passed in, never reached for, so the same code runs
 * against the emulator and Google.
 */
import { REGISTER_TAB, tabNames } from '../core/schema';

/** The register tab in whatever language it was set up in, or null. One call per name tried. */
export function findRegisterSheet(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  language: string,
): GoogleAppsScript.Spreadsheet.Sheet | null {
  const preferred = REGISTER_TAB.name[language as 'fi'] ?? REGISTER_TAB.name.fi;
  const names = [preferred, ...tabNames(REGISTER_TAB).filter((n) => n !== preferred)];
  for (const name of names) {
    const sheet = spreadsheet.getSheetByName(name);
    if (sheet) return sheet;
  }
  return null;
}

/** People in the register: the rows under the header. */
export function countRegisterRows(sheet: GoogleAppsScript.Spreadsheet.Sheet): number {
  return Math.max(0, sheet.getLastRow() - 1);
}
