/**
 * Row-moving Sheets operations and what they cost: deleteRows, insertRows, column inserts and
 * deletes and sort pay by the cells they move, a read after pending writes pays the flush they
 * force, and sort, filters, hidden rows and data validation behave as in Sheets.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ALL_SCOPES, createWorld, OUTSIDER, OWNER, scriptRuntime, STAFF } from '../support/emulator';
import { Emulator } from '../../src/emulator/app';
import type { SheetAction } from '../../src/emulator/services/spreadsheet/model';
import type { RunOptions } from '../../src/emulator/runtime';
import type { World } from '../../src/emulator/world';
import { FORCED_FLUSH_KEY } from '../../src/emulator/cost';
import { SpreadsheetModel } from '../../src/emulator/services/spreadsheet/model';
import { PROTECTED_MESSAGE as PROTECTED } from '../../src/emulator/services/spreadsheet/messages';

function run(body: string, options: RunOptions & { world?: World } = {}) {
  const { world = createWorld(), ...rest } = options;
  return scriptRuntime(`function test() {\n${body}\n}`, world).execute('test', [], rest);
}

/** A world whose first sheet holds `rows` × `cols` of numbers (set on the model: no metered calls). */
function worldWith(rows: number, cols: number): World {
  const world = createWorld();
  const sheet = world.spreadsheet.sheets[0];
  sheet.maxRows = Math.max(sheet.maxRows, rows + 10);
  sheet.maxColumns = Math.max(sheet.maxColumns, cols);
  for (let r = 0; r < rows; r++) sheet.rows[r] = Array.from({ length: cols }, (_, c) => r * cols + c);
  return world;
}

/** The value of `body`, or the message of the error it threw. */
function outcome(body: string, options: RunOptions & { world?: World } = {}): unknown {
  const report = run(body, options);
  return report.ok ? report.value : `ERROR: ${report.error!.message}`;
}

const SHEET = 'var sh = SpreadsheetApp.getActiveSpreadsheet().getSheets()[0];\n';

/** Modelled ms of one method in a report. */
function msOf(report: ReturnType<typeof run>, key: string): number {
  return report.byMethod[key]?.modelledMs ?? NaN;
}

describe('row- and column-moving calls cost 25 ms + 0.002 ms per cell moved', () => {
  test('deleteRow near the top of 90,000 rows costs seconds, at 1,000 rows a few tens of ms', () => {
    const big = run(`${SHEET}sh.deleteRow(2);`, { world: worldWith(90_000, 10) });
    const small = run(`${SHEET}sh.deleteRow(2);`, { world: worldWith(1_000, 10) });
    expect(msOf(big, 'Sheet.deleteRow')).toBeCloseTo(25 + 0.002 * 89_998 * 10, 6);
    expect(msOf(small, 'Sheet.deleteRow')).toBeCloseTo(25 + 0.002 * 998 * 10, 6);
    expect(msOf(big, 'Sheet.deleteRow')).toBeGreaterThan(msOf(small, 'Sheet.deleteRow') * 40);
  });

  test('deleteRows of the tail moves nothing and costs 25 ms', () => {
    const tail = run(`${SHEET}sh.deleteRows(90_001 - 999, 1000);`, { world: worldWith(90_000, 10) });
    expect(tail.ok).toBe(true);
    expect(msOf(tail, 'Sheet.deleteRows')).toBe(25);
  });

  test('insertRowsBefore/After pay for the rows at and below the insertion', () => {
    const before = run(`${SHEET}sh.insertRowsBefore(1001, 5);`, { world: worldWith(5_000, 4) });
    const after = run(`${SHEET}sh.insertRowsAfter(1000, 5); sh.insertRows(4001, 2);`, { world: worldWith(5_000, 4) });
    expect(msOf(before, 'Sheet.insertRowsBefore')).toBeCloseTo(25 + 0.002 * 4_000 * 4, 6);
    expect(msOf(after, 'Sheet.insertRowsAfter')).toBeCloseTo(25 + 0.002 * 4_000 * 4, 6);
    // After the first insert the data ends at row 5,005: row 4,001 and below is 1,005 rows.
    expect(msOf(after, 'Sheet.insertRows')).toBeCloseTo(25 + 0.002 * 1_005 * 4, 6);
  });

  test('deleteColumns and insertColumns pay for the columns right of the change, every used row', () => {
    const del = run(`${SHEET}sh.deleteColumns(2, 3);`, { world: worldWith(20_000, 10) });
    const ins = run(`${SHEET}sh.insertColumnBefore(1);`, { world: worldWith(20_000, 10) });
    expect(msOf(del, 'Sheet.deleteColumns')).toBeCloseTo(25 + 0.002 * 6 * 20_000, 6); // columns E:J
    expect(msOf(ins, 'Sheet.insertColumnBefore')).toBeCloseTo(25 + 0.002 * 10 * 20_000, 6);
  });

  test('a naive per-row delete of 10% of 100,000 rows runs out of six minutes', () => {
    const world = worldWith(100_000, 28);
    const report = run(`${SHEET}for (var r = 100000; r >= 2; r--) if (r % 10 === 0) sh.deleteRow(r);`, { world });
    expect(report.ok).toBe(false);
    expect(report.error!.message).toBe('Exceeded maximum execution time');
    expect(report.byMethod['Sheet.deleteRow'].calls).toBeLessThan(10_000);
  });

  test('Range.sort pays for every cell of the sorted range; Filter.sort for its data rows', () => {
    const range = run(`${SHEET}sh.getRange(1, 1, 5000, 3).sort(1);`, { world: worldWith(10_000, 5) });
    const filter = run(`${SHEET}sh.getRange(1, 1, 2001, 4).createFilter().sort(2, false);`, { world: worldWith(10_000, 5) });
    expect(msOf(range, 'Range.sort')).toBeCloseTo(25 + 0.002 * 5_000 * 3, 6);
    expect(msOf(filter, 'Filter.sort')).toBeCloseTo(25 + 0.002 * 2_000 * 4, 6);
  });

  test('Sheet.sort pays for every data row below the frozen rows', () => {
    const report = run(`${SHEET}sh.setFrozenRows(1); sh.sort(1, false);`, { world: worldWith(10_000, 5) });
    expect(msOf(report, 'Sheet.sort')).toBeCloseTo(25 + 0.002 * 9_999 * 5, 6);
  });
});

describe('a read that follows pending writes pays the 500 ms flush they force', () => {
  test('getValue after setValue pays the flush first; the flush is listed, not counted as a call', () => {
    const report = run(`${SHEET}sh.getRange(1, 1).setValue(1); return sh.getRange(1, 1).getValue();`);
    expect(report.value).toBe(1);
    expect(report.byMethod[FORCED_FLUSH_KEY]).toEqual({ calls: 1, modelledMs: 500 });
    expect(report.calls).toBe(3); // getSheets, setValue, getValue
    expect(report.modelledMs).toBeCloseTo(25 + 25.005 + 500 + 25.005, 6);
  });

  test('reads before any write, or after an explicit flush, pay no forced flush', () => {
    const readFirst = run(`${SHEET}var v = sh.getRange(1, 1, 10, 2).getValues(); sh.getRange(1, 1).setValue(2);`);
    const flushed = run(`${SHEET}sh.getRange(1, 1).setValue(1); SpreadsheetApp.flush(); return sh.getRange(1, 1).getValue();`);
    expect(readFirst.byMethod[FORCED_FLUSH_KEY]).toBeUndefined();
    expect(flushed.byMethod[FORCED_FLUSH_KEY]).toBeUndefined();
    expect(flushed.byMethod['SpreadsheetApp.flush'].modelledMs).toBe(500);
  });

  test('only the first read after a batch of writes pays; interleaving pays every time', () => {
    const batched = run(`${SHEET}for (var i = 1; i <= 5; i++) sh.getRange(i, 1).setValue(i);
      for (var j = 1; j <= 5; j++) sh.getRange(j, 1).getValue();`);
    const interleaved = run(`${SHEET}for (var i = 1; i <= 5; i++) { sh.getRange(i, 1).setValue(i); sh.getRange(i, 1).getValue(); }`);
    expect(batched.byMethod[FORCED_FLUSH_KEY].calls).toBe(1);
    expect(interleaved.byMethod[FORCED_FLUSH_KEY].calls).toBe(5);
  });

  test('getDisplayValues, getFormulas, getLastRow and TextFinder.findAll force the flush too', () => {
    for (const read of ['sh.getRange(1, 1).getDisplayValues()', 'sh.getRange(1, 1).getFormulas()', 'sh.getLastRow()',
      "sh.createTextFinder('x').findAll()", "sh.createTextFinder('x').findNext()"]) {
      const report = run(`${SHEET}sh.getRange(1, 1).setValue('x'); ${read};`);
      expect([read, report.byMethod[FORCED_FLUSH_KEY]?.calls]).toEqual([read, 1]);
    }
  });

  test('a structure change (deleteRows) is a pending write as well', () => {
    const report = run(`${SHEET}sh.getRange(1, 1, 3, 1).setValues([[1], [2], [3]]); SpreadsheetApp.flush();
      sh.deleteRow(1); return sh.getRange(1, 1).getValue();`);
    expect(report.value).toBe(2);
    expect(report.byMethod[FORCED_FLUSH_KEY].calls).toBe(1);
  });
});

describe('"Exceeded maximum execution time" halts the execution even when caught', () => {
  const CATCHING = `${SHEET}
    try { for (var i = 0; i < 1e6; i++) Utilities.sleep(60000); } catch (e) { caught = String(e.message); }
    try { sh.getRange(1, 1).setValue('after the limit'); } catch (e2) { /* swallowed as well */ }
    return 'finished normally: ' + caught;`;

  test('a script that catches it and returns normally still fails with the error', () => {
    const world = createWorld();
    const report = run(`var caught = '';${CATCHING}`, { world });
    expect(report.ok).toBe(false);
    expect(report.error!.message).toBe('Exceeded maximum execution time');
    expect(report.value).toBeUndefined();
  });

  test('no service call runs after the limit, caught or not', () => {
    const world = createWorld();
    run(`var caught = '';${CATCHING}`, { world });
    expect(world.spreadsheet.sheets[0].value(0, 0)).toBe('');
  });
});

describe('SpreadsheetApp enums are objects, not strings', () => {
  test('an enum value prints as its name but is not equal to the bare string', () => {
    expect(outcome(`var t = SpreadsheetApp.ProtectionType.RANGE;
      return [String(t), t.toString(), t.name(), t === 'RANGE', t == 'RANGE', typeof t, SpreadsheetApp.Dimension.ROWS.ordinal()].join('|');`))
      .toBe('RANGE|RANGE|RANGE|false|true|object|1'); // == coerces through toString(), === does not
  });

  test('one object per name within an execution: what a method returns is identical to the enum', () => {
    expect(outcome(`var sh = SpreadsheetApp.getActiveSpreadsheet().getSheets()[0];
      var p = sh.getRange('A1:B2').protect();
      return [p.getProtectionType() === SpreadsheetApp.ProtectionType.RANGE, p.getProtectionType() === 'RANGE'].join('|');`))
      .toBe('true|false');
  });

  test('a method that takes an enum refuses the bare string with the signature message', () => {
    expect(outcome(`return SpreadsheetApp.getActiveSpreadsheet().getSheets()[0].getProtections('SHEET').length;`))
      .toBe("ERROR: The parameters (String) don't match the method signature for SpreadsheetApp.Sheet.getProtections.");
  });

  test('Ui.alert answers with the Button enum object and refuses a ButtonSet given as a string', () => {
    expect(outcome(`var ui = SpreadsheetApp.getUi(); var b = ui.alert('Sure?', ui.ButtonSet.YES_NO);
      return [b === ui.Button.YES, b === SpreadsheetApp.Button.YES, String(b)].join('|');`)).toBe('true|true|YES');
    expect(outcome(`return String(SpreadsheetApp.getUi().alert('Sure?', 'YES_NO'));`))
      .toBe("ERROR: The parameters (String,String) don't match the method signature for Ui.alert.");
  });

  test('the script sees no internals on an enum value: its keys are its siblings, as on Google', () => {
    // An Apps Script enum value carries its family's values (ProtectionType.SHEET.RANGE is RANGE).
    expect(outcome(`var v = SpreadsheetApp.ProtectionType.SHEET;
      return JSON.stringify(Object.keys(v)) + ':' + JSON.stringify(Object.keys(SpreadsheetApp.ProtectionType)) + ':' + (v.RANGE === SpreadsheetApp.ProtectionType.RANGE)
        + ':' + [v.key, v.index, v.family].join();`))
      .toBe('["RANGE","SHEET"]:["RANGE","SHEET"]:true:,,');
  });

  test('SpreadsheetApp enums are the same kind of value as ScriptApp and DriveApp ones: toJSON, compareTo', () => {
    expect(outcome(`var p = SpreadsheetApp.ProtectionType;
      return [JSON.stringify({ t: p.RANGE }), p.RANGE.compareTo(p.SHEET), SpreadsheetApp.Dimension.ROWS.COLUMNS === SpreadsheetApp.Dimension.COLUMNS].join('|');`))
      .toBe('{"t":"RANGE"}|-1|true');
  });

  test('an enum of the wrong family is refused, and the message names its family as the type', () => {
    expect(outcome(`return SpreadsheetApp.getActiveSpreadsheet().getSheets()[0].getProtections(SpreadsheetApp.Dimension.ROWS).length;`))
      .toBe("ERROR: The parameters (SpreadsheetApp.Dimension) don't match the method signature for SpreadsheetApp.Sheet.getProtections.");
  });
});

/** Writes `rows` into the first sheet from A1 through the model. */
function worldOf(rows: unknown[][]): World {
  const world = createWorld();
  world.spreadsheet.sheets[0].writeValues(0, 0, rows, world.spreadsheet.parseContext);
  return world;
}

describe('Range.sort and Sheet.sort', () => {
  const DATA = [['name', 'n'], ['bea', 3], ['Aino', 1], ['cecilia', 2], ['', 0], ['dan', 'x']];

  test('Range.sort(column) sorts only the range, by the sheet column number', () => {
    const world = worldOf(DATA);
    expect(outcome(`${SHEET}sh.getRange('A2:B6').sort(2); return JSON.stringify(sh.getRange('A1:B6').getValues());`, { world }))
      .toBe(JSON.stringify([['name', 'n'], ['', 0], ['Aino', 1], ['cecilia', 2], ['bea', 3], ['dan', 'x']]));
  });

  test('text sorts case-insensitively, numbers before text, blanks last in either direction', () => {
    const asc = worldOf([['b'], ['A'], [''], [2], ['c'], [1]]);
    const desc = worldOf([['b'], ['A'], [''], [2], ['c'], [1]]);
    expect(outcome(`${SHEET}sh.getRange('A1:A6').sort({column: 1, ascending: true}); return sh.getRange('A1:A6').getValues().join(',');`, { world: asc }))
      .toBe('1,2,A,b,c,');
    expect(outcome(`${SHEET}sh.getRange('A1:A6').sort({column: 1, ascending: false}); return sh.getRange('A1:A6').getValues().join(',');`, { world: desc }))
      .toBe('c,b,A,2,1,');
  });

  test('text sorts in the spreadsheet locale\'s collation, not the machine\'s: in fi_FI Å, Ä and Ö come after Z', () => {
    const names = [['Öhman'], ['Aalto'], ['Ärölä'], ['Zetterberg'], ['Åberg'], ['aho']];
    const fi = worldOf(names);
    fi.spreadsheet.locale = 'fi_FI';
    const us = worldOf(names);
    us.spreadsheet.locale = 'en_US';
    const sorted = `${SHEET}sh.getRange('A1:A6').sort(1); return sh.getRange('A1:A6').getValues().join(',');`;
    expect(outcome(sorted, { world: fi })).toBe('Aalto,aho,Zetterberg,Åberg,Ärölä,Öhman');
    expect(outcome(sorted, { world: us })).toBe('Aalto,Åberg,aho,Ärölä,Öhman,Zetterberg');
  });

  test('an array of specs: later columns break ties of earlier ones; a bare number is ascending', () => {
    const world = worldOf([['x', 2], ['y', 1], ['x', 1], ['y', 2]]);
    expect(outcome(`${SHEET}sh.getRange('A1:B4').sort([{column: 1, ascending: false}, 2]); return sh.getRange('A1:B4').getValues().join(';');`, { world }))
      .toBe('y,1;y,2;x,1;x,2');
  });

  test('a sort column outside the range is refused; cells outside the range never move', () => {
    const world = worldOf([[2, 'keep-1'], [1, 'keep-2']]);
    expect(outcome(`${SHEET}sh.getRange('A1:A2').sort(2);`, { world })).toBe('ERROR: Invalid argument: sortSpecObj');
    expect(outcome(`${SHEET}sh.getRange('A1:A2').sort(1); return sh.getRange('A1:B2').getValues().join(';');`, { world }))
      .toBe('1,keep-1;2,keep-2');
  });

  test('formulas, formats and validation rules travel with their rows', () => {
    const world = worldOf([[3, '=1+1'], [1, 'one']]);
    const out = outcome(`${SHEET}
      sh.getRange('C1').setNumberFormat('@');
      sh.getRange('D1').setDataValidation(SpreadsheetApp.newDataValidation().requireValueInList(['a']).build());
      sh.getRange('A1:D2').sort(1);
      return [sh.getRange('B2').getFormula(), sh.getRange('C2').getNumberFormat(), sh.getRange('D2').getDataValidation() !== null, sh.getRange('D1').getDataValidation()].join('|');`, { world });
    expect(out).toBe('=1+1|@|true|');
  });

  test('Sheet.sort keeps the frozen header and moves whole rows', () => {
    const world = worldOf(DATA);
    expect(outcome(`${SHEET}sh.setFrozenRows(1); sh.sort(1, false); return sh.getRange('A1:A6').getValues().join(',');`, { world }))
      .toBe('name,dan,cecilia,bea,Aino,');
  });

  test('a user who may not edit a protected range cannot sort it', () => {
    const world = worldOf(DATA);
    const setUp = run(`${SHEET}var p = sh.getRange('A2:B6').protect(); p.removeEditors(p.getEditors());`, { world, user: OWNER });
    expect(setUp.ok).toBe(true);
    expect(outcome(`${SHEET}sh.getRange('A2:B6').sort(2);`, { world, user: STAFF })).toBe(`ERROR: ${PROTECTED}`);
  });
});

describe('filters and hidden rows', () => {
  const PEOPLE = [['name', 'city'], ['Aino', 'Turku'], ['Bea', 'Helsinki'], ['Cai', 'Tampere'], ['Dan', 'Helsinki']];

  test('whenTextContains hides the rows whose column does not contain the text; the header stays', () => {
    const world = worldOf(PEOPLE);
    expect(outcome(`${SHEET}
      var f = sh.getRange('A1:B5').createFilter();
      f.setColumnFilterCriteria(2, SpreadsheetApp.newFilterCriteria().whenTextContains('hels').build());
      var hidden = []; for (var r = 1; r <= 5; r++) hidden.push(sh.isRowHiddenByFilter(r));
      return hidden.join(',') + '|' + sh.isRowHiddenByUser(2) + '|' + f.getRange().getA1Notation();`, { world }))
      .toBe('false,true,false,true,false|false|A1:B5');
  });

  test('setHiddenValues hides rows by their shown value; removing the criteria or the filter shows them', () => {
    const world = worldOf(PEOPLE);
    expect(outcome(`${SHEET}
      var f = sh.getRange('A1:B5').createFilter();
      f.setColumnFilterCriteria(2, SpreadsheetApp.newFilterCriteria().setHiddenValues(['Helsinki']).build());
      var before = [sh.isRowHiddenByFilter(3), sh.isRowHiddenByFilter(2)].join(',');
      var criteria = f.getColumnFilterCriteria(2).getHiddenValues().join(',');
      sh.getFilter().remove();
      return before + '|' + criteria + '|' + sh.isRowHiddenByFilter(3) + '|' + sh.getFilter();`, { world }))
      .toBe('true,false|Helsinki|false|null');
  });

  test('a sheet holds one filter: a second createFilter is refused', () => {
    const world = worldOf(PEOPLE);
    expect(outcome(`${SHEET}sh.getRange('A1:B5').createFilter(); sh.getRange('A1:A3').createFilter();`, { world }))
      .toBe("ERROR: You can't create a filter in a sheet that already has a filter.");
  });

  test('a FilterCriteriaBuilder answers the getters of the criteria it builds (Google lists them on both)', () => {
    expect(outcome(`var b = SpreadsheetApp.newFilterCriteria().whenTextContains('hels');
      var c = b.build();
      return [String(b.getCriteriaType()), b.getCriteriaValues().join(), b.getCriteriaType() === c.getCriteriaType(), b.getHiddenValues()].join('|');`))
      .toBe('TEXT_CONTAINS|hels|true|');
  });

  test('criteria must be built with newFilterCriteria(), on a column of the filter', () => {
    const world = worldOf(PEOPLE);
    expect(outcome(`${SHEET}sh.getRange('A1:B5').createFilter().setColumnFilterCriteria(2, {hiddenValues: ['x']});`, { world }))
      .toBe("ERROR: The parameters (number,object) don't match the method signature for SpreadsheetApp.Filter.setColumnFilterCriteria.");
    expect(outcome(`${SHEET}sh.getFilter().setColumnFilterCriteria(4, SpreadsheetApp.newFilterCriteria().build());`, { world }))
      .toBe('ERROR: Invalid argument: columnPosition');
  });

  test("hideRows/showRows are the user's hiding, apart from the filter's; hidden rows move with deletes", () => {
    const world = worldOf(PEOPLE);
    expect(outcome(`${SHEET}sh.hideRows(3, 2); var a = [sh.isRowHiddenByUser(3), sh.isRowHiddenByUser(4), sh.isRowHiddenByFilter(3)].join(',');
      sh.deleteRow(2); var b = [sh.isRowHiddenByUser(2), sh.isRowHiddenByUser(4)].join(',');
      sh.showRows(2); return a + '|' + b + '|' + sh.isRowHiddenByUser(2) + ',' + sh.isRowHiddenByUser(3);`, { world }))
      .toBe('true,true,false|true,false|false,true');
  });

  test('the filter and hidden rows survive persistence', () => {
    const world = worldOf(PEOPLE);
    run(`${SHEET}sh.getRange('A1:B5').createFilter().setColumnFilterCriteria(2, SpreadsheetApp.newFilterCriteria().whenTextContains('hels').build()); sh.hideRows(2);`, { world });
    const copy = SpreadsheetModel.fromJSON(JSON.parse(JSON.stringify(world.spreadsheet.toJSON())));
    const sheet = copy.sheets[0];
    expect([sheet.hiddenRows.has(1), sheet.filter?.range, sheet.filter?.criteria[2]?.condition?.type])
      .toEqual([true, { row: 1, col: 1, numRows: 5, numCols: 2 }, 'TEXT_CONTAINS']);
  });
});

describe('data validation', () => {
  const LIST = `var rule = SpreadsheetApp.newDataValidation().requireValueInList(['yes', 'no'], true)`;

  test('requireValueInList builds a VALUE_IN_LIST rule read back with its list and dropdown flag', () => {
    expect(outcome(`${SHEET}${LIST}.setAllowInvalid(false).setHelpText('Answer yes or no').build();
      sh.getRange('B2:B10').setDataValidation(rule);
      var got = sh.getRange('B5').getDataValidation();
      return [got.getCriteriaType() === SpreadsheetApp.DataValidationCriteria.VALUE_IN_LIST, String(got.getCriteriaType()),
        JSON.stringify(got.getCriteriaValues()), got.getAllowInvalid(), got.getHelpText(), sh.getRange('C5').getDataValidation()].join('|');`))
      .toBe('true|VALUE_IN_LIST|[["yes","no"],true]|false|Answer yes or no|');
  });

  test('getDataValidations gives a rule or null per cell; copy() builds a changed rule', () => {
    expect(outcome(`${SHEET}${LIST}.build(); sh.getRange('A1').setDataValidation(rule);
      var grid = sh.getRange('A1:B1').getDataValidations();
      var changed = grid[0][0].copy().setAllowInvalid(false).build();
      sh.getRange('A1:B1').setDataValidations([[changed, null]]);
      return [grid[0][1], grid[0][0].getAllowInvalid(), sh.getRange('A1').getDataValidation().getAllowInvalid(), rule.getHelpText()].join('|');`))
      .toBe('|true|false|');
  });

  test("a script's setValue is not blocked by validation", () => {
    expect(outcome(`${SHEET}${LIST}.setAllowInvalid(false).build(); sh.getRange('A1').setDataValidation(rule);
      sh.getRange('A1').setValue('maybe'); return sh.getRange('A1').getValue();`)).toBe('maybe');
  });

  test("typing a refused value into a reject-input cell is refused with the help text, or Sheets' sentence", () => {
    const world = createWorld();
    run(`${SHEET}${LIST}.setAllowInvalid(false).setHelpText('Answer yes or no').build(); sh.getRange('A1').setDataValidation(rule);
      sh.getRange('B1').setDataValidation(rule.copy().setHelpText('').build());`, { world });
    const book = world.spreadsheet;
    expect(book.userEdit(OWNER, 'Sheet1', 1, 1, 'maybe')).toEqual({ ok: false, message: 'Answer yes or no' });
    expect(book.userEdit(OWNER, 'Sheet1', 1, 2, 'maybe')).toEqual({
      ok: false, message: 'The data you entered in cell B1 violates the data validation rules set on this cell.',
    });
    expect(book.userEdit(OWNER, 'Sheet1', 1, 1, 'yes')).toMatchObject({ ok: true, value: 'yes' });
    expect(book.sheets[0].value(0, 1)).toBe('');
  });

  test('with allowInvalid the typed value is kept, with a warning', () => {
    const world = createWorld();
    run(`${SHEET}${LIST}.build(); sh.getRange('A1').setDataValidation(rule);`, { world });
    expect(world.spreadsheet.userEdit(OWNER, 'Sheet1', 1, 1, 'maybe'))
      .toEqual({ ok: true, oldValue: undefined, value: 'maybe', warning: 'Invalid: Input must be an item on the specified list.' });
  });

  test('rules survive persistence and move with inserted and deleted rows', () => {
    const world = createWorld();
    run(`${SHEET}${LIST}.setAllowInvalid(false).build(); sh.getRange('A2:A4').setDataValidation(rule); sh.insertRowsBefore(1, 2); sh.deleteRow(3);`, { world });
    const copy = SpreadsheetModel.fromJSON(JSON.parse(JSON.stringify(world.spreadsheet.toJSON())));
    const rows = [0, 1, 2, 3, 4, 5].map((r) => copy.sheets[0].validation(r, 0)?.criteria ?? null);
    // A2:A4 moved to A4:A6 by the insert, then the delete of row 3 moved it to A3:A5.
    expect(rows).toEqual([null, null, 'VALUE_IN_LIST', 'VALUE_IN_LIST', 'VALUE_IN_LIST', null]);
    expect(copy.userEdit(OWNER, 'Sheet1', 3, 1, 'maybe').ok).toBe(false);
  });

  test('setDataValidation refuses a plain object: rules come from newDataValidation()', () => {
    expect(outcome(`${SHEET}sh.getRange('A1').setDataValidation({criteria: 'VALUE_IN_LIST'});`))
      .toBe("ERROR: The parameters (object) don't match the method signature for SpreadsheetApp.Range.setDataValidation.");
  });
});

describe('what a person does in Sheets fires the triggers Sheets fires', () => {
  const CODE = `
function install() {
  var ss = SpreadsheetApp.getActive();
  ScriptApp.newTrigger('changed').forSpreadsheet(ss).onChange().create();
  ScriptApp.newTrigger('edited').forSpreadsheet(ss).onEdit().create();
}
function note_(key, text) { var p = PropertiesService.getScriptProperties(); p.setProperty(key, (p.getProperty(key) || '') + text + ';'); }
function changed(e) { note_('changes', e.changeType + ':' + e.user.getEmail()); }
function edited(e) { note_('edits', e.range.getA1Notation() + ':' + ('value' in e ? e.value : '-') + ':' + ('oldValue' in e ? e.oldValue : '-')); }
function read() { var p = PropertiesService.getScriptProperties(); return [p.getProperty('changes'), p.getProperty('edits')]; }`;

  function emulatorWithTriggers(): Emulator {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sheet-ops-'));
    fs.writeFileSync(path.join(dir, 'Code.js'), CODE);
    fs.writeFileSync(path.join(dir, 'appsscript.json'), JSON.stringify({ timeZone: 'Europe/Helsinki', runtimeVersion: 'V8', oauthScopes: ALL_SCOPES }));
    const em = Emulator.open({ distDir: dir, stateFile: null });
    expect(em.runtime.execute('install', [], { kind: 'menu', user: OWNER }).ok).toBe(true);
    return em;
  }
  const log = (em: Emulator) => em.runtime.execute('read', [], { user: OWNER }).value as [string | null, string | null];

  test('a paste is one edit event over the block, without value/oldValue; a one-cell paste has them', () => {
    const em = emulatorWithTriggers();
    expect(em.editCell(OWNER, 'Sheet1', 1, 1, 'old').ok).toBe(true);
    expect(em.pasteCells(OWNER, 'Sheet1', 1, 1, [['a', 'b'], ['c']]).ok).toBe(true);
    expect(em.pasteCells(OWNER, 'Sheet1', 1, 1, [['new']]).ok).toBe(true);
    expect(log(em)[1]).toBe('A1:old:-;A1:B2:-:-;A1:new:a;');
    expect(em.world.spreadsheet.snapshot('Sheet1')!.values).toEqual([['new', 'b'], ['c', '']]);
  });

  test('menu actions fire on-change with INSERT_ROW, REMOVE_ROW, INSERT_COLUMN, REMOVE_COLUMN, OTHER; edits with EDIT', () => {
    const em = emulatorWithTriggers();
    em.editCell(STAFF, 'Sheet1', 1, 1, 'x');
    for (const action of [
      { action: 'insertRows', start: 1, count: 2 }, { action: 'deleteRows', start: 1, count: 1 },
      { action: 'insertColumns', start: 1, count: 1 }, { action: 'deleteColumns', start: 1, count: 1 },
      { action: 'sort', range: 'A1:B5', column: 1, ascending: false }, { action: 'filter', range: 'A1:B5' },
    ] as SheetAction[]) {
      expect([action.action, em.sheetAction(STAFF, 'Sheet1', action).ok]).toEqual([action.action, true]);
    }
    expect(log(em)[0]).toBe(['EDIT', 'INSERT_ROW', 'REMOVE_ROW', 'INSERT_COLUMN', 'REMOVE_COLUMN', 'OTHER', 'OTHER'].map((t) => `${t}:${STAFF};`).join(''));
  });

  test('a refused action changes nothing and fires nothing', () => {
    const em = emulatorWithTriggers();
    expect(em.sheetAction(OUTSIDER, 'Sheet1', { action: 'insertRows', start: 1, count: 1 })).toMatchObject({ ok: false, reports: [] });
    expect(em.sheetAction(OWNER, 'Sheet1', { action: 'deleteRows', start: 1, count: 1000 }))
      .toMatchObject({ ok: false, message: 'Sorry, it is not possible to delete all non-frozen rows.' });
    expect(log(em)).toEqual([null, null]);
  });
});
