/**
 * SpreadsheetApp.getActiveRange(): the user's selection (the page's grid sets it through
 * POST /api/select), per user, null when there is none ("Returns the selected range in the
 * active sheet, or null if there is no active range", Google's SpreadsheetApp reference).
 */
import { createWorld, runSnippet, OWNER, STAFF } from '../support/emulator';

test('getActiveRange is null before anything is selected', () => {
  const world = createWorld();
  expect(runSnippet('return SpreadsheetApp.getActiveRange() === null;', { world, user: OWNER })).toBe(true);
});

test('getActiveRange returns the user’s own selection, with its sheet and row', () => {
  const world = createWorld();
  const name = world.spreadsheet.sheets[0].name;
  world.uiFor(STAFF).selection = { sheet: name, row: 4, column: 2, numRows: 2, numColumns: 1 };
  const seen = runSnippet('var r = SpreadsheetApp.getActiveRange(); return [r.getSheet().getName(), r.getRow(), r.getColumn(), r.getNumRows(), r.getA1Notation()];', { world, user: STAFF });
  expect(seen).toEqual([name, 4, 2, 2, 'B4:B5']);
  expect(runSnippet('return SpreadsheetApp.getActiveRange() === null;', { world, user: OWNER })).toBe(true);
});

test('a selection on a tab that is gone reads as none', () => {
  const world = createWorld();
  world.uiFor(OWNER).selection = { sheet: 'No such tab', row: 2, column: 1, numRows: 1, numColumns: 1 };
  expect(runSnippet('return SpreadsheetApp.getActiveRange() === null;', { world, user: OWNER })).toBe(true);
});
