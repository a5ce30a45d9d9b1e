/**
 * Issue 10, the admin dialog's triggers and the compliance check's "run within the last 26 hours
 * without error": every trigger handler records its last run (start and error) in one property
 * write with no read (server/triggers.ts recordRuns), a failing run records its error, a call
 * that no trigger fired records nothing; getTriggerStatus shows them, removeTrigger and
 * installTriggers keep the triggers, admins only, refusals in the register's language.
 */
import { OWNER, STAFF } from '../../src/emulator/accounts';
import type { Emulator } from '../../src/emulator/app';
import { auditEntries, call, demo, failure } from '../support/register';

type Run = { at: string; error: string };
type View = { handler: string; event: string; label: string; installed: boolean; owner: string; mine: boolean; lastRun: string; lastError: string };
type Report = { checks: { id: string; ok: boolean; detail: string; evidence: Record<string, unknown> }[] };

const runOf = (em: Emulator, handler: string): Run | null => {
  const raw = em.world.properties.document[`rekisteri.run.${handler}`];
  return raw ? (JSON.parse(raw) as Run) : null;
};
const status = (em: Emulator, user = OWNER) => call<{ triggers: View[]; now: string }>(em, 'getTriggerStatus', undefined, user).triggers;
const viewOf = (em: Emulator, handler: string) => status(em).find((t) => t.handler === handler)!;
const triggersCheck = (em: Emulator) => call<Report>(em, 'runComplianceCheck', undefined, OWNER).checks.find((c) => c.id === 'triggers-running')!;

describe('every trigger handler records its last run', () => {
  test('a time-driven run records its start and no error', () => {
    const em = demo();
    const start = new Date(em.world.now).toISOString();
    const run = em.runTimeTrigger('pollInbox');
    expect(run.ok).toBe(true);
    expect(runOf(em, 'pollInbox')).toEqual({ at: start, error: '' });
  });

  test('the record costs one setProperties and no read: the same on-change run with and without its trigger id', () => {
    const run = (withUid: boolean) => {
      const em = demo();
      const uid = JSON.parse(em.world.properties.document['rekisteri.changeTrigger']).uid as string;
      const event = JSON.stringify(withUid ? { changeType: 'OTHER', triggerUid: uid } : { changeType: 'OTHER' });
      const report = em.runScript(`return onRegisterChange(${event}) !== null;`, OWNER);
      expect(report.ok).toBe(true);
      return { report, recorded: runOf(em, 'onRegisterChange') };
    };
    const fired = run(true);
    const plain = run(false);
    expect(plain.recorded).toBeNull();
    expect(fired.recorded).toMatchObject({ error: '' });
    expect(fired.report.calls - plain.report.calls).toBe(1);
    const of = (r: typeof fired.report, m: string) => r.byMethod[m]?.calls ?? 0;
    expect(of(fired.report, 'Properties.setProperties') - of(plain.report, 'Properties.setProperties')).toBe(1);
    expect(of(fired.report, 'Properties.getProperties')).toBe(of(plain.report, 'Properties.getProperties'));
  });

  test('the nightly trigger fired by the clock records its run, and the status shows it', () => {
    const em = demo();
    const fired = em.setClock(Date.parse('2026-11-27T02:05:00+02:00'));
    const nightly = fired.filter((f) => f.handlerFunction === 'runNightly').pop()!;
    expect(nightly).toBeDefined();
    expect(runOf(em, 'runNightly')).toEqual({ at: nightly.at, error: '' });
    const view = viewOf(em, 'runNightly');
    expect(view).toMatchObject({ installed: true, mine: true, owner: OWNER, lastRun: nightly.at, lastError: '' });
    expect(view.label).toBe('Yöajo: korjaus, poistot ja yhteenveto');
  });

  test('the nightly run carries its clean record in its last property write, the summary\'s anchor (no call of its own); a failure after that write still records the error', () => {
    const em = demo();
    const run = em.runTimeTrigger('runNightly');
    expect(run.ok).toBe(true);
    expect(runOf(em, 'runNightly')).toMatchObject({ error: '' });
    // Three property writes, none the wrapper's: the sweep's pending work, its last write, and the summary's anchor with the record.
    const writes = (r: typeof run) => (r.byMethod['Properties.setProperties']?.calls ?? 0) + (r.byMethod['Properties.setProperty']?.calls ?? 0);
    expect(writes(run)).toBe(3);
    // A fault at the run's last call (the write that carried the clean record) is recorded as the run's error.
    const failing = demo();
    failing.world.injectFault({ atCall: run.calls, message: 'Service unavailable: Gmail' });
    expect(failing.runTimeTrigger('runNightly').ok).toBe(false);
    expect(runOf(failing, 'runNightly')!.error).toContain('Service unavailable: Gmail');
  });

  test('with the summary off, the clean record rides in the sweep\'s last write; the run makes no write of its own', () => {
    const em = demo();
    call(em, 'saveSettings', { settings: { dailySummary: 'off' } }, OWNER);
    const run = em.runTimeTrigger('runNightly');
    expect(run.ok).toBe(true);
    expect(runOf(em, 'runNightly')).toMatchObject({ error: '' });
    expect((run.byMethod['Properties.setProperties']?.calls ?? 0) + (run.byMethod['Properties.setProperty']?.calls ?? 0)).toBe(2);
    expect(run.byMethod['GmailApp.createDraft']).toBeUndefined();
  });

  test('a nightly run cut by the time limit while it makes the summary leaves no clean record of itself', () => {
    const em = demo();
    const uid = JSON.parse(em.world.properties.document['rekisteri.nightlyTrigger']).uid as string;
    // The summary's draft outlasts the execution (the limit ends it whatever it catches).
    const run = em.runScript(`
      GmailApp.createDraft = function () { for (var i = 0; i < 3; i++) Utilities.sleep(300000); };
      return runNightly({ triggerUid: '${uid}' });`, OWNER);
    expect(run.ok).toBe(false);
    expect(run.error!.message).toBe('Exceeded maximum execution time');
    // The sweep finished (its pending work cleared) but the run did not: no record says it was clean.
    expect(em.world.properties.document['rekisteri.sweep'] ?? '').toBe('');
    expect(runOf(em, 'runNightly')).toBeNull();
  });

  test('a failing run records its error (and still fails), and the compliance check names it', () => {
    const em = demo();
    em.setClock(Date.parse('2026-11-27T03:00:00+02:00'));
    expect(triggersCheck(em).detail).not.toContain('pollInbox');
    em.world.injectFault({ atCall: 1, message: 'Service unavailable: Gmail' });
    const run = em.runTimeTrigger('pollInbox');
    expect(run.ok).toBe(false);
    const recorded = runOf(em, 'pollInbox')!;
    expect(recorded.error).toContain('Service unavailable: Gmail');
    expect(viewOf(em, 'pollInbox').lastError).toContain('Service unavailable: Gmail');
    const check = triggersCheck(em);
    expect(check.ok).toBe(false);
    expect(check.detail).toContain('pollInbox');
    expect(check.detail).toContain('Service unavailable: Gmail');
    // The next clean run clears it.
    expect(em.runTimeTrigger('pollInbox').ok).toBe(true);
    expect(runOf(em, 'pollInbox')!.error).toBe('');
  });

  test('a fault at the record\'s own write leaves the run\'s outcome as it was', () => {
    const em = demo();
    const calls = demo().runTimeTrigger('pollInbox').calls;
    em.world.injectFault({ atCall: calls });
    const run = em.runTimeTrigger('pollInbox');
    expect(run.ok).toBe(true);
    expect(runOf(em, 'pollInbox')).toBeNull();
  });

  test('an admin\'s own call of a handler (no trigger fired it) records nothing', () => {
    const em = demo();
    expect(em.callFromClient('runNightly', [], OWNER).ok).toBe(true);
    expect(em.callFromClient('runRetentionSweep', [], OWNER).ok).toBe(true);
    expect(runOf(em, 'runNightly')).toBeNull();
    expect(runOf(em, 'runRetentionSweep')).toBeNull();
  });

  test('the on-edit trigger records each run; the on-change trigger only its structural ones, not a typed edit\'s EDIT event', () => {
    const em = demo();
    const edit = em.editCell(STAFF, 'Rekisteri', 3, 10, 'Oulu');
    expect(edit.ok).toBe(true);
    expect(runOf(em, 'onRegisterEdit')).toMatchObject({ error: '' });
    expect(runOf(em, 'onRegisterChange')).toBeNull();
    const sort = em.sheetAction(STAFF, 'Rekisteri', { action: 'insertRows', start: 5, count: 1 });
    expect(sort.ok).toBe(true);
    expect(runOf(em, 'onRegisterChange')).toMatchObject({ error: '' });
  });

  test('an edit trigger that never ran passes the check; one whose last run failed fails it', () => {
    const em = demo();
    em.setClock(Date.parse('2026-11-27T03:00:00+02:00'));
    call(em, 'applyAccessPolicy', { confirm: true }, OWNER);
    expect(runOf(em, 'onRegisterEdit')).toBeNull();
    expect(triggersCheck(em).ok).toBe(true);
    // Call 1 is the event's own range (the emulator's); call 3 is inside the check.
    em.world.injectFault({ atCall: 3 });
    expect(em.editCell(STAFF, 'Rekisteri', 3, 10, 'Oulu').reports[0].ok).toBe(false);
    expect(runOf(em, 'onRegisterEdit')!.error).not.toBe('');
    const check = triggersCheck(em);
    expect(check.ok).toBe(false);
    expect(check.detail).toContain('onRegisterEdit');
  });

  test('a record written before every handler recorded (rekisteri.nightlyRun) still reads as the nightly run\'s', () => {
    const em = demo();
    em.world.properties.document['rekisteri.nightlyRun'] = JSON.stringify({ at: '2026-11-20T00:00:00.000Z', error: 'old failure' });
    expect(viewOf(em, 'runNightly')).toMatchObject({ lastRun: '2026-11-20T00:00:00.000Z', lastError: 'old failure' });
  });
});

describe('the compliance check reads the properties once', () => {
  test('runComplianceCheck makes one getProperties call (the context\'s): the run records and the anchors come from the state', () => {
    const em = demo();
    em.setClock(Date.parse('2026-11-27T03:00:00+02:00'));
    const report = em.callFromClient('runComplianceCheck', [], OWNER);
    expect(report.ok).toBe(true);
    expect(report.byMethod['Properties.getProperties'].calls).toBe(1);
    expect(report.byMethod['Properties.getProperty']?.calls ?? 0).toBe(0);
  });
});

describe('trigger status, removal and installation', () => {
  test('getTriggerStatus lists every trigger the register needs, installed, owned by the admin who set up', () => {
    const em = demo();
    expect(status(em).map((t) => [t.handler, t.event, t.installed, t.owner])).toEqual([
      ['onRegisterEdit', 'ON_EDIT', true, OWNER], ['runNightly', 'CLOCK', true, OWNER], ['onRegisterChange', 'ON_CHANGE', true, OWNER], ['pollInbox', 'CLOCK', true, OWNER],
    ]);
  });

  test('staff and outsiders are refused, in the register\'s language', () => {
    const em = demo();
    expect(failure(em, 'getTriggerStatus', undefined, STAFF)).toMatch(/ylläpitäj/);
    expect(failure(em, 'removeTrigger', { handler: 'pollInbox' }, STAFF)).toMatch(/ylläpitäj/);
    expect(failure(em, 'installTriggers', undefined, STAFF)).toMatch(/ylläpitäj/);
  });

  test('removeTrigger removes the admin\'s own trigger and logs it; the status and the compliance check show it missing; installTriggers puts it back', () => {
    const em = demo();
    const removed = call<{ removed: number; triggers: View[] }>(em, 'removeTrigger', { handler: 'pollInbox' }, OWNER);
    expect(removed.removed).toBe(1);
    expect(auditEntries(em).pop()).toMatchObject({ action: 'settings-change', actor: OWNER, fields: 'pollInbox' });
    expect(removed.triggers.find((t) => t.handler === 'pollInbox')!.installed).toBe(false);
    expect(em.world.triggers.some((t) => t.handlerFunction === 'pollInbox')).toBe(false);
    expect(viewOf(em, 'pollInbox').installed).toBe(false);
    expect(triggersCheck(em).detail).toContain('pollInbox');
    const installed = call<{ installed: string[]; triggers: View[] }>(em, 'installTriggers', undefined, OWNER);
    expect(installed.installed).toEqual(['pollInbox']);
    expect(installed.triggers.every((t) => t.installed)).toBe(true);
    expect(em.world.triggers.filter((t) => t.handlerFunction === 'pollInbox')).toHaveLength(1);
  });

  test('an unknown handler, or one not installed, is refused with what to do, and nothing changes', () => {
    const em = demo();
    const before = em.world.triggers.length;
    expect(failure(em, 'removeTrigger', { handler: 'repair' }, OWNER)).toBe('Tuntematon ajastus. Päivitä sivu ja yritä uudelleen.');
    call(em, 'removeTrigger', { handler: 'pollInbox' }, OWNER);
    expect(failure(em, 'removeTrigger', { handler: 'pollInbox' }, OWNER)).toBe('Ajastusta pollInbox ei ole asennettu.');
    expect(em.world.triggers.length).toBe(before - 1);
  });

  test('another admin\'s trigger shows as theirs and only they can remove it', () => {
    const em = demo();
    const settings = call<{ settings: { keyPersonnel: { email: string; role: string }[] } }>(em, 'getSettings', undefined, OWNER).settings;
    const other = settings.keyPersonnel.find((p) => p.email !== OWNER)!;
    call(em, 'saveSettings', { settings: { keyPersonnel: settings.keyPersonnel.map((p) => (p.email === other.email ? { ...p, role: 'admin' } : p)) } }, OWNER);
    const views = status(em, other.email);
    expect(views.find((t) => t.handler === 'runNightly')).toMatchObject({ installed: true, mine: false, owner: OWNER });
    expect(failure(em, 'removeTrigger', { handler: 'runNightly' }, other.email)).toContain(OWNER);
    expect(em.world.triggers.some((t) => t.handlerFunction === 'runNightly')).toBe(true);
  });
});
