import { createWorld, scriptRuntime } from '../support/emulator';

const code = `
function wait(ms) { LockService.getDocumentLock().waitLock(ms); return Date.now(); }
function tryIt(ms) { return LockService.getDocumentLock().tryLock(ms); }
function idle() { var l = LockService.getScriptLock(); return l.hasLock(); }
function hold() { var l = LockService.getScriptLock(); l.waitLock(1000); var h = l.hasLock(); l.releaseLock(); return [h, l.hasLock()]; }
function noDoc() { return LockService.getDocumentLock() === null; }
function keep() { LockService.getScriptLock().waitLock(10); }
`;

describe('LockService', () => {
  test('waitLock throws when another execution holds the document lock past the timeout', () => {
    const world = createWorld();
    world.locks.holdExternally('document', world.now + 60_000);
    const report = scriptRuntime(code, world).execute('wait', [10_000]);
    expect(report.ok).toBe(false);
    expect(report.error!.message).toBe('Lock timeout: another process was holding the lock for too long.');
    expect(report.modelledMs).toBeGreaterThanOrEqual(10_000);
  });

  test('tryLock waits, in modelled time, for a holder that releases within the timeout', () => {
    const world = createWorld();
    world.locks.holdExternally('document', world.now + 3_000);
    const start = world.now;
    const report = scriptRuntime(code, world).execute('tryIt', [5_000]);
    expect(report.value).toBe(true);
    expect(world.now - start).toBeGreaterThanOrEqual(3_000);
  });

  test('tryLock returns false instead of throwing', () => {
    const world = createWorld();
    world.locks.holdExternally('document', world.now + 60_000);
    expect(scriptRuntime(code, world).execute('tryIt', [100]).value).toBe(false);
  });

  test('getting a lock acquires nothing', () => {
    expect(scriptRuntime(code).execute('idle', []).value).toBe(false);
  });

  test('hasLock is true while held and false after releaseLock', () => {
    expect(scriptRuntime(code).execute('hold', []).value).toEqual([true, false]);
  });

  test('getDocumentLock is null outside a container', () => {
    expect(scriptRuntime(code).execute('noDoc', [], { container: false }).value).toBe(true);
  });

  test('a lock is released when the execution ends', () => {
    const world = createWorld();
    const rt = scriptRuntime(code, world);
    expect(rt.execute('keep', []).ok).toBe(true);
    expect(rt.execute('keep', []).ok).toBe(true);
  });
});
