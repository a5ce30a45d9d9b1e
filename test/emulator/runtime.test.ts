/**
 * The runtime's fidelity: the script's context, what is callable, google.script.run's wire,
 * the modelled clock and time limit, and the fault injector (APPS-SCRIPT.md fidelity 1, 2, 3, 9).
 */
import { scriptRuntime, runSnippet, createWorld, OWNER } from '../support/emulator';
import { encodeArgument, WireError } from '../../src/emulator/wire';

describe('the script context (fidelity 1)', () => {
  test('holds no Node globals: require, process, module, Buffer, setTimeout and setInterval are undefined', () => {
    const seen = runSnippet(
      'return [typeof require, typeof process, typeof module, typeof Buffer, typeof setTimeout, typeof setInterval, typeof __dirname].join(",");',
    );
    expect(seen).toBe('undefined,undefined,undefined,undefined,undefined,undefined,undefined');
  });

  test('holds the Apps Script services', () => {
    const seen = runSnippet(
      'return [typeof SpreadsheetApp, typeof GmailApp, typeof PropertiesService, typeof CacheService, typeof LockService, typeof ScriptApp, typeof Session, typeof HtmlService, typeof Utilities, typeof DriveApp, typeof Logger, typeof console].join(",");',
    );
    expect(seen).toBe(Array(12).fill('object').join(','));
  });

  test('a bundle with module syntax does not load', () => {
    expect(() => scriptRuntime('export function onOpen() {}')).toThrow();
    expect(() => scriptRuntime('import x from "y"; function f() {}')).toThrow();
  });

  test('a bundle that reaches for require fails when it runs, as on Google', () => {
    const rt = scriptRuntime('var fs = require("fs"); function f() { return 1; }');
    const report = rt.execute('f', []);
    expect(report.ok).toBe(false);
    expect(report.error!.message).toMatch(/require is not defined/);
  });

  test('globals do not survive from one execution to the next', () => {
    const rt = scriptRuntime('var count = 0; function bump() { count += 1; return count; }');
    expect(rt.execute('bump', []).value).toBe(1);
    expect(rt.execute('bump', []).value).toBe(1);
  });

  test('new Date() and Date.now() read the emulated clock', () => {
    const world = createWorld({ now: Date.parse('2031-05-01T12:00:00Z') });
    expect(runSnippet('return new Date().toISOString() + "|" + Date.now();', { world })).toBe(
      `2031-05-01T12:00:00.000Z|${Date.parse('2031-05-01T12:00:00Z')}`,
    );
  });

  test('a Date the script makes is a Date of its own realm', () => {
    expect(runSnippet('var d = new Date(2020, 0, 1); return (d instanceof Date) && Object.prototype.toString.call(d) === "[object Date]" && d.getFullYear() === 2020;')).toBe(true);
  });
});

describe('what google.script.run can call (fidelity 2)', () => {
  const code = [
    'function visible() { return "ok"; }',
    'function hidden_() { return "secret"; }',
    'var assigned = function () { return "assigned"; };',
    'globalThis.onGlobal = function () { return "global"; };',
    'function callsHidden() { return hidden_(); }',
  ].join('\n');

  test('a top-level function declaration is callable', () => {
    expect(scriptRuntime(code).callFromClient('visible', []).result).toBe('ok');
  });

  test('a function whose name ends in _ is refused', () => {
    const report = scriptRuntime(code).callFromClient('hidden_', []);
    expect(report.ok).toBe(false);
    expect(report.error!.message).toBe('Script function not found: hidden_');
  });

  test('a private function still runs when the script calls it itself', () => {
    expect(scriptRuntime(code).callFromClient('callsHidden', []).result).toBe('secret');
  });

  test('a function assigned to a variable or to globalThis is not an entry point', () => {
    const rt = scriptRuntime(code);
    expect(rt.callFromClient('assigned', []).error!.message).toBe('Script function not found: assigned');
    expect(rt.callFromClient('onGlobal', []).error!.message).toBe('Script function not found: onGlobal');
  });

  test('a missing function is reported as Apps Script does', () => {
    expect(scriptRuntime(code).callFromClient('nope', []).error!.message).toBe('Script function not found: nope');
  });
});

describe("google.script.run's wire (fidelity 3)", () => {
  const code = [
    'function returnsDate() { return { when: new Date(), n: 1 }; }',
    'function returnsHoles() { return [1, undefined, 3]; }',
    'function Point(x) { this.x = x; } Point.prototype.double = function () { return this.x * 2; };',
    'function returnsInstance() { return new Point(2); }',
    'function returnsFunction() { return { f: function () {} }; }',
    'function echo(value) { return { type: Object.prototype.toString.call(value), isArray: Array.isArray(value), value: value }; }',
    'function returnsUndefined() { }',
  ].join('\n');

  test('a result holding a Date reaches the client as null', () => {
    const report = scriptRuntime(code).callFromClient('returnsDate', []);
    expect(report.ok).toBe(true);
    expect(report.result).toBeNull();
  });

  test('a result holding a function reaches the client as null', () => {
    expect(scriptRuntime(code).callFromClient('returnsFunction', []).result).toBeNull();
  });

  test('undefined array slots arrive as null', () => {
    expect(scriptRuntime(code).callFromClient('returnsHoles', []).result).toEqual([1, null, 3]);
  });

  test('a class instance arrives as a plain copy of its own properties', () => {
    const result = scriptRuntime(code).callFromClient('returnsInstance', []).result as Record<string, unknown>;
    expect(result).toEqual({ x: 2 });
    expect(Object.getPrototypeOf(result)).toBe(Object.prototype);
  });

  test('a function returning nothing gives the client null', () => {
    expect(scriptRuntime(code).callFromClient('returnsUndefined', []).result).toBeNull();
  });

  test('a Date argument fails in the client before the call is sent', () => {
    expect(() => encodeArgument(new Date())).toThrow(WireError);
    expect(() => encodeArgument({ nested: [new Date()] })).toThrow(/illegal value/);
    expect(() => encodeArgument(() => 1)).toThrow(WireError);
  });

  test('arguments arrive as copies in the script realm, undefined slots as null', () => {
    const rt = scriptRuntime(code);
    const arg = encodeArgument([1, undefined, { a: 'x', b: undefined }]);
    const result = rt.callFromClient('echo', [arg]).result as { type: string; isArray: boolean; value: unknown };
    expect(result.isArray).toBe(true);
    expect(result.value).toEqual([1, null, { a: 'x' }]);
  });
});

describe('time (fidelity 9)', () => {
  test('each service call costs its modelled time, and the clock moves on by it', () => {
    const world = createWorld();
    const before = world.now;
    const report = scriptRuntime('function f() { SpreadsheetApp.getActiveSpreadsheet().getName(); PropertiesService.getScriptProperties().getProperty("x"); }', world).execute('f', []);
    expect(report.ok).toBe(true);
    expect(report.byMethod['Spreadsheet.getName']).toEqual({ calls: 1, modelledMs: 25 });
    expect(report.calls).toBe(2);
    expect(report.modelledMs).toBe(25 + 20);
    expect(world.now - before).toBe(45);
  });

  test('a method that only hands back an object is listed but costs nothing', () => {
    const report = scriptRuntime('function f() { SpreadsheetApp.getActiveSpreadsheet(); LockService.getDocumentLock(); }').execute('f', []);
    expect(report.byMethod['SpreadsheetApp.getActiveSpreadsheet']).toEqual({ calls: 1, modelledMs: 0 });
    expect(report.calls).toBe(0);
  });

  test('past six modelled minutes the execution throws "Exceeded maximum execution time"', () => {
    const rt = scriptRuntime('function f() { for (var i = 0; i < 100; i++) Utilities.sleep(60000); return "finished"; }');
    const report = rt.execute('f', []);
    expect(report.ok).toBe(false);
    expect(report.error!.message).toBe('Exceeded maximum execution time');
    expect(report.modelledMs).toBeGreaterThan(360000);
  });

  test('catching the time-limit error does not let the script go on using services', () => {
    const rt = scriptRuntime('function f() { try { for (;;) Utilities.sleep(60000); } catch (e) {} return SpreadsheetApp.getActiveSpreadsheet().getName(); }');
    const report = rt.execute('f', []);
    expect(report.ok).toBe(false);
    expect(report.error!.message).toBe('Exceeded maximum execution time');
  });

  test('a simple trigger is stopped after 30 modelled seconds', () => {
    const rt = scriptRuntime('function onOpen() { Utilities.sleep(20000); Utilities.sleep(20000); }');
    const report = rt.execute('onOpen', [], { kind: 'simple-trigger', user: OWNER });
    expect(report.ok).toBe(false);
    expect(report.error!.message).toBe('Exceeded maximum execution time');
  });
});

describe('the fault injector', () => {
  const code = 'function f() { var p = PropertiesService.getScriptProperties(); p.setProperty("a", "1"); p.setProperty("b", "2"); p.setProperty("c", "3"); }';

  test('the n-th service call of the next execution throws, and the calls before it took effect', () => {
    const world = createWorld();
    // getScriptProperties only hands back the store: the counted calls are the three writes.
    world.injectFault({ atCall: 2 });
    const rt = scriptRuntime(code, world);
    const report = rt.execute('f', []);
    expect(report.ok).toBe(false);
    expect(report.error!.message).toMatch(/server error/);
    expect(world.properties.script).toEqual({ a: '1' });
    // Only the next execution is affected.
    expect(rt.execute('f', []).ok).toBe(true);
    expect(world.properties.script).toEqual({ a: '1', b: '2', c: '3' });
  });

  test('the injected error is an Error of the script realm, so the script can catch it as usual', () => {
    const world = createWorld();
    world.injectFault({ atCall: 1, message: 'boom' });
    const rt = scriptRuntime('function f() { try { SpreadsheetApp.getActiveSpreadsheet().getName(); } catch (e) { return (e instanceof Error) + ":" + e.message; } }', world);
    expect(rt.execute('f', []).value).toBe('true:boom');
  });
});

describe('the fault injector reaches every call', () => {
  test('a flush with pending writes can be the call that fails', () => {
    const world = createWorld();
    const rt = scriptRuntime('function f() { var s = SpreadsheetApp.getActiveSpreadsheet().getSheets()[0]; s.getRange(1, 1).setValue("x"); SpreadsheetApp.flush(); }', world);
    const clean = rt.execute('f', []);
    expect(clean.byMethod['SpreadsheetApp.flush']).toEqual({ calls: 1, modelledMs: 500 });
    world.injectFault({ atCall: clean.calls });
    const report = rt.execute('f', []);
    expect(report.ok).toBe(false);
    expect(report.error!.message).toMatch(/server error/);
  });
});
