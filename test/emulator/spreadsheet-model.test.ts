/** The spreadsheet model's pure parts: A1 references, typed-input parsing by locale, structure changes. */
import { formatA1, parseA1, splitSheetName } from '../../src/emulator/services/spreadsheet/a1';
import { parseTyped } from '../../src/emulator/services/spreadsheet/coercion';
import { SpreadsheetModel } from '../../src/emulator/services/spreadsheet/model';
import { runSnippet, createWorld } from '../support/emulator';

describe('A1 notation', () => {
  test.each([
    ['A1', { row: 1, col: 1, numRows: 1, numCols: 1 }],
    ['B2:D5', { row: 2, col: 2, numRows: 4, numCols: 3 }],
    ['$A$1:$B$2', { row: 1, col: 1, numRows: 2, numCols: 2 }],
    ['A:A', { row: 1, col: 1, numRows: 1000, numCols: 1 }],
    ['2:3', { row: 2, col: 1, numRows: 2, numCols: 26 }],
    ['A2:C', { row: 2, col: 1, numRows: 999, numCols: 3 }],
    ['AA10', { row: 10, col: 27, numRows: 1, numCols: 1 }],
  ])('%s is a range', (ref, box) => {
    expect(parseA1(ref, 1000, 26)).toEqual(box);
  });

  test('text that is not a reference is refused', () => {
    expect(parseA1('hello world', 1000, 26)).toBeNull();
    expect(parseA1('A', 1000, 26)).toBeNull();
  });

  test('quoted sheet names are unquoted and A1 is formatted back', () => {
    expect(splitSheetName("'Audit ''log'''!A1")).toEqual({ sheet: "Audit 'log'", ref: 'A1' });
    expect(formatA1(2, 27, 3, 2)).toBe('AA2:AB4');
  });
});

describe('typed input depends on the spreadsheet locale', () => {
  const fi = { locale: 'fi_FI', timeZone: 'Europe/Helsinki' };

  test('in fi_FI "1,5" is a number and "1.2.2025" is 1 February', () => {
    expect(parseTyped('1,5', false, fi).value).toBe(1.5);
    expect((parseTyped('1.2.2025', false, fi).value as Date).toISOString()).toBe('2025-01-31T22:00:00.000Z');
  });

  test('an impossible date stays text', () => {
    expect(parseTyped('31.2.2025', false, fi).value).toBe('31.2.2025');
    expect(parseTyped('2025-02-30', false, { locale: 'en_US', timeZone: 'UTC' }).value).toBe('2025-02-30');
  });
});

describe('structure changes', () => {
  test('deleting rows inside a protected range shrinks it; deleting all of it removes the protection', () => {
    const world = createWorld();
    runSnippet(`var sh = SpreadsheetApp.getActiveSpreadsheet().getSheets()[0];
      sh.getRange('A5:B9').protect(); sh.getRange('A20').protect(); sh.deleteRows(3, 4); sh.deleteRows(16, 1);`, { world });
    expect(world.spreadsheet.snapshot('Sheet1')!.protections.map((p) => p.range)).toEqual(['A3:B5']);
  });

  test('inserting and deleting columns moves values and formulas', () => {
    const out = runSnippet(`var sh = SpreadsheetApp.getActiveSpreadsheet().getSheets()[0];
      sh.getRange(1, 1, 1, 3).setValues([['a', '=1+1', 'c']]);
      sh.insertColumnsAfter(1, 2);
      var after = sh.getRange(1, 1, 1, 5).getFormulas()[0].join('|') + ' ' + sh.getRange(1, 1, 1, 5).getValues()[0].join('|');
      sh.deleteColumns(2, 3);
      return after + ' ' + sh.getRange(1, 1, 1, 2).getValues()[0].join('|') + ' ' + sh.getMaxColumns();`);
    expect(out).toBe('|||=1+1| a|||2|c a|c 25');
  });

  test('sort orders numbers before text and keeps blanks last, below the frozen header', () => {
    const out = runSnippet(`var sh = SpreadsheetApp.getActiveSpreadsheet().getSheets()[0];
      sh.getRange(1, 1, 6, 1).setValues([['key'], ['b'], [10], [''], ['A'], [2]]); sh.setFrozenRows(1);
      sh.sort(1);
      return sh.getRange(1, 1, 6, 1).getValues().join('|');`);
    expect(out).toBe('key|2|10|A|b|');
  });

  test('a fresh model has Sheet1 and survives JSON with its time zone and locale', () => {
    const model = SpreadsheetModel.create({ id: 'x', name: 'Rekisteri', owner: 'o@example.com' });
    model.locale = 'fi_FI';
    const back = SpreadsheetModel.fromJSON(JSON.parse(JSON.stringify(model)));
    expect([back.sheetNames(), back.timeZone, back.locale, back.owner]).toEqual([['Sheet1'], 'Europe/Helsinki', 'fi_FI', 'o@example.com']);
  });
});
