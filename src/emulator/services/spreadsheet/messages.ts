/** Apps Script's own error messages for the spreadsheet service, word for word where known. */
export const PROTECTED_MESSAGE =
  'You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.';
export const NO_ACCESS_MESSAGE = 'You do not have permission to access the requested document.';
export const OUTSIDE_MESSAGE = 'The coordinates of the range are outside the dimensions of the sheet.';
export const RANGE_NOT_FOUND_MESSAGE = 'Range not found';
export const ROW_TOO_SMALL_MESSAGE = 'The starting row of the range is too small.';
export const COLUMN_TOO_SMALL_MESSAGE = 'The starting column of the range is too small.';
export const ROWS_AT_LEAST_ONE_MESSAGE = 'The number of rows in the range must be at least 1.';
export const COLUMNS_AT_LEAST_ONE_MESSAGE = 'The number of columns in the range must be at least 1.';
export const DELETE_ALL_ROWS_MESSAGE = "Sorry, it is not possible to delete all non-frozen rows.";
export const DELETE_ALL_COLUMNS_MESSAGE = "Sorry, it is not possible to delete all non-frozen columns.";
export const DELETE_LAST_SHEET_MESSAGE =
  'This operation is not allowed: A spreadsheet must contain at least one visible sheet.';
export const UI_CONTEXT_MESSAGE = 'Cannot call SpreadsheetApp.getUi() from this context.';

export function rowsMismatchMessage(data: number, range: number): string {
  return `The number of rows in the data does not match the number of rows in the range. The data has ${data} but the range has ${range}.`;
}

export function columnsMismatchMessage(data: number, range: number): string {
  return `The number of columns in the data does not match the number of columns in the range. The data has ${data} but the range has ${range}.`;
}

export function sheetExistsMessage(name: string): string {
  return `A sheet with the name "${name}" already exists. Please enter another name.`;
}

export function invalidArgumentMessage(name: string): string {
  return `Invalid argument: ${name}`;
}
