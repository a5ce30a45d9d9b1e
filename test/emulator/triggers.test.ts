import { createWorld, runSnippet, scriptRuntime, ALL_SCOPES, OWNER, STAFF } from '../support/emulator';
import { TOO_MANY_TRIGGERS, UNKNOWN_TIMEZONE } from '../../src/emulator/services/script';
import { World } from '../../src/emulator/world';

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

describe('ClockTriggerBuilder schedules', () => {
  test('inTimezone with an unknown zone throws; a known one is kept with the trigger', () => {
    const world = createWorld();
    expect(() => runSnippet(`ScriptApp.newTrigger('a').timeBased().everyDays(1).inTimezone('Mars/Olympus_Mons').create();`, { world })).toThrow(UNKNOWN_TIMEZONE);
    runSnippet(`ScriptApp.newTrigger('a').timeBased().everyDays(1).atHour(5).nearMinute(30).inTimezone('America/Los_Angeles').create();`, { world });
    expect(world.triggers[0]).toMatchObject({ everyMinutes: 1440, atHour: 5, nearMinute: 30, timeZone: 'America/Los_Angeles' });
  });

  test('after, at, atDate and onMonthDay create triggers; nearMinute is kept; an every-minute trigger refuses nearMinute', () => {
    const world = createWorld();
    const start = world.now;
    runSnippet(`
      ScriptApp.newTrigger('a').timeBased().after(10 * 60 * 1000).create();
      ScriptApp.newTrigger('b').timeBased().at(new Date('2026-12-24T10:00:00Z')).create();
      ScriptApp.newTrigger('c').timeBased().atDate(2027, 1, 1).create();
      ScriptApp.newTrigger('d').timeBased().onMonthDay(15).atHour(4).create();`, { world });
    expect(world.triggers.map((t) => [t.handlerFunction, t.at, t.monthDay])).toEqual([
      ['a', start + 10 * 60 * 1000, undefined],
      ['b', Date.parse('2026-12-24T10:00:00Z'), undefined],
      ['c', Date.parse('2026-12-31T22:00:00Z'), undefined], // midnight in the script's zone (Helsinki)
      ['d', undefined, 15],
    ]);
    expect(() => runSnippet(`ScriptApp.newTrigger('e').timeBased().everyMinutes(5).nearMinute(10).create();`, { world })).toThrow(/nearMinute/);
    expect(() => runSnippet(`ScriptApp.newTrigger('e').timeBased().at('2026-12-24').create();`, { world })).toThrow(
      "The parameters (String) don't match the method signature for ScriptApp.ClockTriggerBuilder.at.",
    );
  });

  test('onWeekDay takes ScriptApp.WeekDay values only, not a bare string', () => {
    const world = createWorld();
    runSnippet(`ScriptApp.newTrigger('a').timeBased().onWeekDay(ScriptApp.WeekDay.FRIDAY).atHour(7).create();`, { world });
    expect(world.triggers[0]).toMatchObject({ weekDay: 'FRIDAY', everyMinutes: 7 * 1440, atHour: 7 });
    expect(() => runSnippet(`ScriptApp.newTrigger('a').timeBased().onWeekDay('FRIDAY').create();`, { world })).toThrow(/don't match the method signature for ScriptApp\.ClockTriggerBuilder\.onWeekDay/);
  });

  test('20 spent one-off triggers still block a 21st until they are deleted', () => {
    const world = createWorld();
    runSnippet(`for (var i = 0; i < 20; i++) ScriptApp.newTrigger('continueWork').timeBased().after(60 * 1000).create();`, { world });
    for (const t of world.triggers) t.spent = true;
    expect(() => runSnippet(`ScriptApp.newTrigger('continueWork').timeBased().after(60 * 1000).create();`, { world })).toThrow(TOO_MANY_TRIGGERS);
    expect(runSnippet(`
      ScriptApp.getProjectTriggers().forEach(function (t) { ScriptApp.deleteTrigger(t); });
      ScriptApp.newTrigger('continueWork').timeBased().after(60 * 1000).create();
      return ScriptApp.getProjectTriggers().length;`, { world })).toBe(1);
  });

  test('an add-on may create a one-off trigger', () => {
    const world = createWorld();
    world.addOnMode = true;
    expect(runSnippet(`ScriptApp.newTrigger('a').timeBased().after(60 * 1000).create(); return ScriptApp.getProjectTriggers().length;`, { world })).toBe(1);
  });
});

describe('ScriptApp enums are enum objects', () => {
  test('getEventType() is ScriptApp.EventType.CLOCK itself, not the string "CLOCK", and prints as its name', () => {
    const world = createWorld();
    expect(runSnippet(`
      var t = ScriptApp.newTrigger('a').timeBased().everyHours(1).create();
      var e = t.getEventType();
      return [e === ScriptApp.EventType.CLOCK, e === 'CLOCK', typeof e, String(e), e.name(), e.toString(), JSON.stringify({ e: e }),
        e.ordinal(), ScriptApp.EventType.ON_EDIT.compareTo(e), t.getTriggerSource() === ScriptApp.TriggerSource.CLOCK,
        ScriptApp.getProjectTriggers()[0].getEventType() === ScriptApp.EventType.CLOCK, ScriptApp.EventType.CLOCK.ON_EDIT === ScriptApp.EventType.ON_EDIT];
    `, { world })).toEqual([true, false, 'object', 'CLOCK', 'CLOCK', 'CLOCK', '{"e":"CLOCK"}', 0, 2, true, true, true]);
  });

  test('ScriptApp.AuthMode, WeekDay, TriggerSource, AuthorizationStatus and InstallationSource are enums too', () => {
    expect(runSnippet(`
      return [ScriptApp.AuthMode.FULL, ScriptApp.WeekDay.MONDAY, ScriptApp.TriggerSource.SPREADSHEETS, ScriptApp.AuthorizationStatus.REQUIRED,
        ScriptApp.InstallationSource.NONE].map(function (v) { return typeof v + ':' + v; });
    `)).toEqual(['object:FULL', 'object:MONDAY', 'object:SPREADSHEETS', 'object:REQUIRED', 'object:NONE']);
  });
});

describe('ScriptApp calls that reach Google', () => {
  test('getProjectTriggers, getUserTriggers, deleteTrigger and create are counted ScriptApp calls of 20 ms; a fetched trigger\'s getters are free', () => {
    const world = createWorld();
    const rt = scriptRuntime(`function test() {
      var ss = { getId: function () { return ${JSON.stringify(world.drive.id)}; } };
      var t = ScriptApp.newTrigger('a').timeBased().everyHours(1).create();
      ScriptApp.getUserTriggers(ss);
      var all = ScriptApp.getProjectTriggers();
      all[0].getUniqueId(); all[0].getHandlerFunction(); all[0].getEventType(); all[0].getTriggerSource(); all[0].getTriggerSourceId();
      ScriptApp.deleteTrigger(t);
    }`, world);
    const report = rt.execute('test', []);
    expect(report.ok).toBe(true);
    expect(report.calls).toBe(4);
    expect(report.modelledMs).toBe(80);
    expect(report.byMethod['Trigger.getUniqueId']).toEqual({ calls: 1, modelledMs: 0 });
  });

  test('the fault injector reaches getProjectTriggers, deleteTrigger and create', () => {
    for (const atCall of [1, 2, 3]) {
      const world = createWorld();
      world.injectFault({ atCall });
      const report = scriptRuntime(`function test() {
        var t = ScriptApp.newTrigger('a').timeBased().everyHours(1).create();
        ScriptApp.getProjectTriggers();
        ScriptApp.deleteTrigger(t);
      }`, world).execute('test', []);
      expect(report.ok).toBe(false);
      expect(report.error!.message).toMatch(/server error occurred/);
      expect(world.triggers).toHaveLength(atCall === 1 ? 0 : 1);
    }
  });
});

describe('persisted worlds', () => {
  test('a world saved before trigger schedules and quotas were kept still loads, with defaults', () => {
    const world = createWorld();
    runSnippet(`ScriptApp.newTrigger('a').timeBased().everyHours(1).create();`, { world });
    const json = JSON.parse(JSON.stringify(world.toJSON()));
    delete json.accountKind;
    delete json.triggerRuntime;
    delete json.clockCheckedAt;
    delete json.triggers[0].createdAt;
    const loaded = World.fromJSON(json, world.manifest);
    expect([loaded.accountKind, loaded.triggerRuntime, loaded.clockCheckedAt]).toEqual(['workspace', {}, json.now]);
    expect(loaded.triggers[0]).toMatchObject({ handlerFunction: 'a', everyMinutes: 60, createdAt: json.now });
  });
});
