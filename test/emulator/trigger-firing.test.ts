/**
 * Moving the emulated clock fires time-driven triggers as Apps Script would: every one that fell
 * due, in time order, as its owner, with the time-driven event object, the clock at the firing
 * time; one-offs once; within the owner's daily trigger run time.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Emulator, MAX_REPEATS_PER_MOVE, TRIGGER_RUNTIME_EXCEEDED } from '../../src/emulator/app';
import { Runtime } from '../../src/emulator/runtime';
import { createDevServer } from '../../src/emulator/devserver/server';
import type { AddressInfo } from 'node:net';
import { ALL_SCOPES, OWNER, STAFF } from '../support/emulator';

const START = Date.parse('2026-11-25T08:00:00Z'); // 10:00 in Helsinki

/**
 * An emulator over a tiny bundle: `record` appends what each run saw to a script property, so a
 * test reads who ran, when and with which event.
 */
function emulatorWith(extra = ''): { em: Emulator; runs: () => Record<string, unknown>[]; dir: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rekisteri-triggers-'));
  fs.writeFileSync(path.join(dir, 'appsscript.json'), JSON.stringify({ timeZone: 'Europe/Helsinki', runtimeVersion: 'V8', oauthScopes: ALL_SCOPES }));
  fs.writeFileSync(path.join(dir, 'Code.js'), `
    function record(e) {
      var p = PropertiesService.getScriptProperties();
      var runs = JSON.parse(p.getProperty('runs') || '[]');
      runs.push({ fn: e && e.fn, now: new Date().toISOString(), user: Session.getEffectiveUser().getEmail(),
        uid: e.triggerUid, authModeIsEnum: e.authMode === ScriptApp.AuthMode.FULL, hour: e.hour, minute: e.minute,
        day: e['day-of-month'], weekDay: e['day-of-week'], month: e.month, year: e.year, zone: e.timezone, week: e['week-of-year'] });
      p.setProperty('runs', JSON.stringify(runs));
    }
    function daily(e) { e.fn = 'daily'; record(e); }
    function hourly(e) { e.fn = 'hourly'; record(e); }
    function once(e) { e.fn = 'once'; record(e); }
    function continueWork(e) {
      e.fn = 'continueWork'; record(e);
      ScriptApp.getProjectTriggers().forEach(function (t) { if (t.getUniqueId() === e.triggerUid) ScriptApp.deleteTrigger(t); });
      if (JSON.parse(PropertiesService.getScriptProperties().getProperty('runs')).length < 3) {
        ScriptApp.newTrigger('continueWork').timeBased().after(60 * 1000).create();
      }
    }
    function slow(e) { e.fn = 'slow'; record(e); Utilities.sleep(300000); }
    ${extra}
  `);
  const em = Emulator.open({ distDir: dir, stateFile: null, now: START });
  const runs = () => JSON.parse(em.world.properties.script.runs ?? '[]') as Record<string, unknown>[];
  return { em, runs, dir };
}

/** Installs triggers with a snippet run as `user`; returns the snippet's value. */
function install(em: Emulator, user: string, body: string): unknown {
  const code = `function setup() {\n${body}\n}`;
  const report = new Runtime(em.world, { code, html: new Map() }).execute('setup', [], { user });
  if (!report.ok) throw new Error(report.error!.message);
  return report.value;
}

let cleanup: string[] = [];
afterEach(() => {
  for (const d of cleanup) fs.rmSync(d, { recursive: true, force: true });
  cleanup = [];
});

function setup(extra = '') {
  const made = emulatorWith(extra);
  cleanup.push(made.dir);
  return made;
}

describe('moving the clock fires time-driven triggers', () => {
  test('setClock fires a due daily trigger once, as its owner, with the time-driven event and the clock at the firing time', () => {
    const { em, runs } = setup();
    const uid = install(em, STAFF, `return ScriptApp.newTrigger('daily').timeBased().everyDays(1).atHour(3).nearMinute(30).create().getUniqueId();`);
    expect(em.setClock(Date.parse('2026-11-25T20:00:00Z'))).toEqual([]); // 22:00 Helsinki: not yet
    const fired = em.setClock(Date.parse('2026-11-26T06:00:00Z'));
    expect(fired.map((f) => [f.handlerFunction, f.owner, f.at, f.report.ok])).toEqual([['daily', STAFF, '2026-11-26T01:30:00.000Z', true]]);
    expect(runs()).toEqual([{
      fn: 'daily', now: '2026-11-26T01:30:00.020Z', user: STAFF, uid, authModeIsEnum: true, hour: 3, minute: 30,
      day: 26, weekDay: 4, month: 11, year: 2026, zone: 'Europe/Helsinki', week: 48,
    }].map((r) => ({ ...r, now: expect.stringMatching(/^2026-11-26T01:30:00\.\d{3}Z$/) })));
    expect(em.world.now).toBe(Date.parse('2026-11-26T06:00:00Z'));
  });

  test('triggers fire in time order, and one due more than the fold limit fires once at its last due time', () => {
    const { em, runs } = setup();
    install(em, OWNER, `
      ScriptApp.newTrigger('hourly').timeBased().everyHours(1).create();
      ScriptApp.newTrigger('daily').timeBased().everyDays(1).atHour(13).create();
      ScriptApp.newTrigger('once').timeBased().everyMinutes(5).create();`);
    const fired = em.setClock(START + 3 * 3_600_000 + 60_000); // 08:00Z → 11:01Z
    const order = fired.map((f) => `${f.handlerFunction}@${f.at.slice(11, 16)}`);
    // Every 5 minutes for 3 h is 36 due times: folded into the last; hourly 3 times; daily at 13:00 Helsinki = 11:00Z.
    expect(order).toEqual(['hourly@09:00', 'hourly@10:00', 'hourly@11:00', 'daily@11:00', 'once@11:00']);
    expect(fired.find((f) => f.handlerFunction === 'once')!.folded).toBe(36 - 1);
    expect(36).toBeGreaterThan(MAX_REPEATS_PER_MOVE);
    expect(runs().map((r) => r.fn)).toEqual(['hourly', 'hourly', 'hourly', 'daily', 'once']);
  });

  test('moving the clock backwards fires nothing, and moving it forward again does not fire a trigger twice', () => {
    const { em } = setup();
    install(em, OWNER, `ScriptApp.newTrigger('hourly').timeBased().everyHours(1).create();`);
    expect(em.setClock(START + 3_600_000)).toHaveLength(1);
    expect(em.setClock(START - 5 * 3_600_000)).toEqual([]);
    expect(em.world.now).toBe(START - 5 * 3_600_000);
    expect(em.setClock(START + 3_600_000).map((f) => f.at)).toEqual([]);
    expect(em.setClock(START + 2 * 3_600_000).map((f) => f.at)).toEqual([new Date(START + 2 * 3_600_000).toISOString()]);
  });

  test('a trigger that fell due while executions moved the clock on fires at the next forward move, and never moves the clock back', () => {
    const { em, runs } = setup();
    install(em, OWNER, `ScriptApp.newTrigger('hourly').timeBased().everyHours(1).create();`);
    // Thirteen five-minute executions take the clock past 09:00Z without a clock move.
    for (let i = 0; i < 13; i++) install(em, OWNER, `Utilities.sleep(5 * 60 * 1000);`);
    const spentTo = em.world.now;
    expect(spentTo).toBeGreaterThan(START + 65 * 60_000);
    // A move back into that span fires nothing and forgets nothing.
    expect(em.setClock(START + 62 * 60_000)).toEqual([]);
    const fired = em.setClock(spentTo + 60_000);
    expect(fired.map((f) => f.at)).toEqual([new Date(START + 3_600_000).toISOString()]);
    // It ran late, at the clock the world had reached, not back at its nominal 09:00.
    expect(Date.parse(runs()[0].now as string)).toBeGreaterThanOrEqual(START + 62 * 60_000);
  });

  test('a one-off after() trigger fires once and stays listed until deleted; a continuation it creates fires in the same move', () => {
    const { em, runs } = setup();
    install(em, OWNER, `ScriptApp.newTrigger('once').timeBased().after(10 * 60 * 1000).create();`);
    expect(em.setClock(START + 5 * 60_000)).toEqual([]);
    expect(em.setClock(START + 60 * 60_000).map((f) => f.handlerFunction)).toEqual(['once']);
    expect(em.setClock(START + 5 * 3_600_000)).toEqual([]);
    expect(runs()).toHaveLength(1);
    expect(em.world.triggers).toEqual([expect.objectContaining({ handlerFunction: 'once', spent: true })]);
    expect(install(em, OWNER, `return ScriptApp.getProjectTriggers().length;`)).toBe(1);

    const next = setup();
    install(next.em, OWNER, `ScriptApp.newTrigger('continueWork').timeBased().after(60 * 1000).create();`);
    const chain = next.em.setClock(START + 3_600_000);
    expect(chain.map((f) => f.at.slice(11, 19))).toEqual(['08:01:00', '08:02:00', '08:03:00']);
    // Each continuation found itself by e.triggerUid and deleted itself.
    expect(next.em.world.triggers).toEqual([]);
  });

  test('at(date) and atDate(y, m, d) fire once at that time, atDate at midnight in the trigger zone', () => {
    const { em } = setup();
    install(em, OWNER, `
      ScriptApp.newTrigger('once').timeBased().at(new Date('2026-11-27T12:00:00Z')).create();
      ScriptApp.newTrigger('daily').timeBased().atDate(2026, 11, 28).inTimezone('America/New_York').create();`);
    expect(em.setClock(Date.parse('2026-12-31T00:00:00Z')).map((f) => [f.handlerFunction, f.at])).toEqual([
      ['once', '2026-11-27T12:00:00.000Z'],
      ['daily', '2026-11-28T05:00:00.000Z'],
    ]);
  });

  test('onWeekDay and onMonthDay triggers fire on that day of the week or month', () => {
    const { em } = setup();
    install(em, OWNER, `
      ScriptApp.newTrigger('hourly').timeBased().onWeekDay(ScriptApp.WeekDay.MONDAY).atHour(6).create();
      ScriptApp.newTrigger('daily').timeBased().onMonthDay(1).atHour(2).create();`);
    const fired = em.setClock(Date.parse('2026-12-16T00:00:00Z'));
    expect(fired.map((f) => `${f.handlerFunction}@${f.at}`)).toEqual([
      'hourly@2026-11-30T04:00:00.000Z', // Monday 30 Nov, 06:00 Helsinki
      'daily@2026-12-01T00:00:00.000Z', // 1 Dec, 02:00 Helsinki
      'hourly@2026-12-07T04:00:00.000Z',
      'hourly@2026-12-14T04:00:00.000Z',
    ]);
  });
  test('inTimezone moves a daily trigger to that zone\'s clock, and its event names that zone', () => {
    const { em, runs } = setup();
    install(em, OWNER, `
      ScriptApp.newTrigger('daily').timeBased().everyDays(1).atHour(9).nearMinute(15).inTimezone('America/New_York').create();
      ScriptApp.newTrigger('hourly').timeBased().everyHours(4).nearMinute(45).create();`);
    const fired = em.setClock(Date.parse('2026-11-25T15:00:00Z'));
    // Every 4 hours in Helsinki: 12:45 and 16:45 local (10:45Z, 14:45Z); 09:15 in New York is 14:15Z.
    expect(fired.map((f) => `${f.handlerFunction}@${f.at}`)).toEqual([
      'hourly@2026-11-25T10:45:00.000Z', 'daily@2026-11-25T14:15:00.000Z', 'hourly@2026-11-25T14:45:00.000Z',
    ]);
    expect(runs().map((r) => [r.fn, r.hour, r.minute, r.zone])).toEqual([
      ['hourly', 12, 45, 'Europe/Helsinki'], ['daily', 9, 15, 'America/New_York'], ['hourly', 16, 45, 'Europe/Helsinki'],
    ]);
  });
  test('a trigger whose handler throws is reported failed and fires again at its next time', () => {
    const { em } = setup(`function broken() { throw new Error('boom'); }`);
    install(em, OWNER, `ScriptApp.newTrigger('broken').timeBased().everyHours(1).create();`);
    const fired = em.setClock(START + 2 * 3_600_000);
    expect(fired.map((f) => [f.at.slice(11, 16), f.report.ok, f.report.error?.message])).toEqual([['09:00', false, 'boom'], ['10:00', false, 'boom']]);
  });
});

describe('running a trigger by id', () => {
  test('two clock triggers of one handler each run with their own triggerUid', () => {
    const { em, runs } = setup();
    const uids = install(em, OWNER, `
      return [ScriptApp.newTrigger('hourly').timeBased().everyHours(1).create().getUniqueId(),
              ScriptApp.newTrigger('hourly').timeBased().everyDays(1).create().getUniqueId()];`) as string[];
    expect(em.runTriggerByUid(uids[1]).ok).toBe(true);
    expect(em.runTriggerByUid(uids[0]).ok).toBe(true);
    expect(runs().map((r) => r.uid)).toEqual([uids[1], uids[0]]);
    // runTimeTrigger(fn) keeps running the first trigger of that handler.
    em.runTimeTrigger('hourly');
    expect(runs().map((r) => r.uid)).toEqual([uids[1], uids[0], uids[0]]);
  });
});

describe("the day's total trigger run time", () => {
  test('a consumer account runs triggers for 90 minutes a day, then refuses them with Apps Script\'s error; a Workspace account for 6 hours', () => {
    for (const [kind, expectedRuns] of [['consumer', 18], ['workspace', 24]] as const) {
      const { em, runs } = setup();
      em.world.accountKind = kind;
      install(em, STAFF, `ScriptApp.newTrigger('slow').timeBased().everyMinutes(15).create();`);
      // 6 h of 15-minute marks: 24 due times, each run sleeping 5 minutes (120 min in all).
      const fired = em.setClock(START + 6 * 3_600_000);
      expect(fired).toHaveLength(24);
      expect(runs()).toHaveLength(expectedRuns);
      const refused = fired.filter((f) => !f.report.ok).map((f) => f.report.error!.message);
      expect(refused).toEqual(Array(24 - expectedRuns).fill(TRIGGER_RUNTIME_EXCEEDED));
      expect(em.world.logs.some((l) => l.message === `slow: ${TRIGGER_RUNTIME_EXCEEDED}`)).toBe(kind === 'consumer');
    }
  });

  test('the quota window resets 24 hours after its first trigger run', () => {
    const { em, runs } = setup();
    em.world.accountKind = 'consumer';
    install(em, STAFF, `ScriptApp.newTrigger('slow').timeBased().everyMinutes(15).create();`);
    em.setClock(START + 6 * 3_600_000);
    expect(runs()).toHaveLength(18);
    em.setClock(START + 24 * 3_600_000 - 60_000); // folded: one refused firing
    expect(runs()).toHaveLength(18);
    em.setClock(START + 24 * 3_600_000 + 15 * 60_000);
    expect(runs()).toHaveLength(19);
  });
});

describe('the HTTP API', () => {
  test('POST /api/clock answers with the triggers it fired; POST /api/trigger-uid/:uid runs that very trigger', async () => {
    const { em, runs } = setup();
    const uids = install(em, STAFF, `
      return [ScriptApp.newTrigger('hourly').timeBased().everyHours(1).create().getUniqueId(),
              ScriptApp.newTrigger('hourly').timeBased().everyHours(2).create().getUniqueId()];`) as string[];
    const server = createDevServer(em, { assets: { pageJs: '', pageCss: '', shimJs: '' } });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const post = async (path: string, body: unknown) => {
      const r = await fetch(base + path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
      return (await r.json()) as Record<string, any>;
    };
    try {
      // 10:00 → 12:00 in Helsinki: the hourly one at 11 and 12, the two-hourly one at 12.
      const moved = await post('/api/clock', { now: '2026-11-25T12:00:00+02:00' });
      // The clock ends where the last firing (at exactly that time) left it.
      expect(moved.now).toMatch(/^2026-11-25T10:00:00\.\d{3}Z$/);
      expect(moved.fired.map((f: Record<string, unknown>) => [f.uid, f.handlerFunction, f.owner, f.at, f.folded])).toEqual([
        [uids[0], 'hourly', STAFF, '2026-11-25T09:00:00.000Z', 0],
        [uids[0], 'hourly', STAFF, '2026-11-25T10:00:00.000Z', 0],
        [uids[1], 'hourly', STAFF, '2026-11-25T10:00:00.000Z', 0],
      ]);
      expect(moved.fired[0].stats.calls).toBeGreaterThan(0);
      expect((await post('/api/clock', { now: '2026-11-25T11:30:00+02:00' })).fired).toEqual([]);
      await post(`/api/trigger-uid/${uids[1]}`, {});
      expect(runs().map((r) => r.uid)).toEqual([uids[0], uids[0], uids[1], uids[1]]);
    } finally {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});
