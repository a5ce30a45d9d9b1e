import { createWorld, runSnippet, STAFF } from '../support/emulator';

describe('Logger and console', () => {
  test('log lines go to the world log as the acting user, with levels', () => {
    const world = createWorld();
    const log = runSnippet(`Logger.log('count %s', 3); console.warn('careful', { a: 1 }); console.error(new Error('boom')); return Logger.getLog();`, { world, user: STAFF });
    expect(log).toMatch(/INFO: count 3\n$/);
    expect(world.logs.map((l) => [l.user, l.level, l.message])).toEqual([
      [STAFF, 'info', 'count 3'],
      [STAFF, 'warn', 'careful {"a":1}'],
      [STAFF, 'error', 'Error: boom'],
    ]);
  });

  test('logging costs no modelled time', () => {
    expect(runSnippet(`var t = Date.now(); for (var i = 0; i < 50; i++) console.log(i); return Date.now() - t;`)).toBe(0);
  });

  test('an enum value logs as its bare name, as Apps Script prints it (no JSON quotes, not {})', () => {
    const world = createWorld();
    runSnippet(`Logger.log(SpreadsheetApp.ProtectionType.RANGE); console.log(ScriptApp.EventType.CLOCK); console.info('access %s', DriveApp.Access.PRIVATE);`, { world });
    expect(world.logs.map((l) => l.message)).toEqual(['RANGE', 'CLOCK', 'access PRIVATE']);
  });
});
