import { createWorld, runSnippet, scriptRuntime, ALL_SCOPES, OWNER, STAFF } from '../support/emulator';

describe('ScriptApp triggers', () => {
  test('a 21st trigger for one user throws', () => {
    const world = createWorld();
    runSnippet(`for (var i = 0; i < 20; i++) ScriptApp.newTrigger('sweep').timeBased().everyDays(1).atHour(3).create();`, { world });
    expect(() => runSnippet(`ScriptApp.newTrigger('sweep').timeBased().everyHours(1).create();`, { world })).toThrow(
      'This script has too many triggers. Triggers must be deleted from the script before more can be added.',
    );
    // The limit is per user: another user may still add one.
    expect(runSnippet(`ScriptApp.newTrigger('sweep').timeBased().everyHours(1).create(); return ScriptApp.getProjectTriggers().length;`, { world, user: STAFF })).toBe(1);
    expect(world.triggers).toHaveLength(21);
  });

  test('an add-on may not create a 5-minute trigger', () => {
    const world = createWorld();
    world.addOnMode = true;
    expect(() => runSnippet(`ScriptApp.newTrigger('intake').timeBased().everyMinutes(5).create();`, { world })).toThrow(/more often than once per hour/);
    expect(runSnippet(`ScriptApp.newTrigger('intake').timeBased().everyHours(1).create(); return ScriptApp.getProjectTriggers().length;`, { world })).toBe(1);
  });

  test('an add-on may create only one trigger of each type per user', () => {
    const world = createWorld();
    world.addOnMode = true;
    runSnippet(`ScriptApp.newTrigger('intake').timeBased().everyHours(1).create();`, { world });
    expect(() => runSnippet(`ScriptApp.newTrigger('sweep').timeBased().everyDays(1).create();`, { world })).toThrow(/one trigger of each type/);
  });

  test('a container-bound script may create a 5-minute trigger but not a 7-minute one', () => {
    const world = createWorld();
    expect(runSnippet(`return ScriptApp.newTrigger('intake').timeBased().everyMinutes(5).create().getEventType() == ScriptApp.EventType.CLOCK;`, { world })).toBe(true);
    expect(() => runSnippet(`ScriptApp.newTrigger('intake').timeBased().everyMinutes(7).create();`, { world })).toThrow(/everyMinutes/);
  });

  test("getProjectTriggers returns only the current user's triggers, deleteTrigger removes one", () => {
    const world = createWorld();
    runSnippet(`ScriptApp.newTrigger('a').timeBased().everyHours(1).create();`, { world, user: STAFF });
    const r = runSnippet(`
      var ss = { getId: function () { return ${JSON.stringify(world.drive.id)}; } };
      ScriptApp.newTrigger('onEditHandler').forSpreadsheet(ss).onEdit().create();
      ScriptApp.newTrigger('b').timeBased().everyDays(1).atHour(2).create();
      var mine = ScriptApp.getProjectTriggers();
      var names = mine.map(function (t) { return t.getHandlerFunction() + ':' + t.getEventType() + ':' + t.getTriggerSource(); });
      ScriptApp.deleteTrigger(mine[1]);
      return [names, ScriptApp.getProjectTriggers().length, ScriptApp.getUserTriggers(ss).length, mine[0].getTriggerSourceId() === ss.getId()];
    `, { world });
    expect(r).toEqual([['onEditHandler:ON_EDIT:SPREADSHEETS', 'b:CLOCK:CLOCK'], 1, 1, true]);
    expect(world.triggers.map((t) => [t.owner, t.handlerFunction])).toEqual([[STAFF, 'a'], [OWNER, 'onEditHandler']]);
  });

  test('trigger management needs the script.scriptapp scope', () => {
    const world = createWorld({ manifest: { timeZone: 'Europe/Helsinki', runtimeVersion: 'V8', oauthScopes: ALL_SCOPES.filter((s) => !s.endsWith('script.scriptapp')) } });
    expect(() => runSnippet(`ScriptApp.newTrigger('a').timeBased().everyHours(1).create();`, { world })).toThrow(/script\.scriptapp/);
  });

  test('a simple trigger cannot install triggers', () => {
    const report = scriptRuntime(`function onOpen() { ScriptApp.newTrigger('a').timeBased().everyHours(1).create(); }`).execute('onOpen', [], { kind: 'simple-trigger' });
    expect(report.ok).toBe(false);
  });

  test('an installable trigger runs as its creator', () => {
    const rt = scriptRuntime(`function handler() { return [Session.getEffectiveUser().getEmail(), Session.getActiveUser().getEmail()]; }`);
    expect(rt.execute('handler', [], { kind: 'installable-trigger', user: OWNER, effectiveUser: STAFF }).value).toEqual([STAFF, STAFF]);
  });
});
