/**
 * LockService over world.locks. Getting a lock acquires nothing; tryLock waits at most its
 * timeout (in modelled time) and returns whether it got the lock, waitLock throws on timeout.
 * Contention comes from world.locks.holdExternally (another execution holding the lock).
 */
import type { Execution } from '../execution';

type L = GoogleAppsScript.Lock.Lock;

export const LOCK_TIMEOUT_MESSAGE = 'Lock timeout: another process was holding the lock for too long.';

class LockImpl implements Pick<L, 'tryLock' | 'waitLock' | 'releaseLock' | 'hasLock'> {
  constructor(
    private readonly exec: Execution,
    private readonly name: string,
  ) {}

  private timeout(ms: unknown): number {
    const n = Number(ms);
    if (!Number.isFinite(n) || n < 0) throw this.exec.guest.error('Invalid argument: timeoutInMillis');
    return n;
  }

  tryLock(timeoutInMillis: number): boolean {
    this.exec.call('Lock', 'Lock.tryLock');
    return this.exec.world.locks.tryAcquire(this.name, this.exec, this.timeout(timeoutInMillis));
  }

  waitLock(timeoutInMillis: number): void {
    this.exec.call('Lock', 'Lock.waitLock');
    if (!this.exec.world.locks.tryAcquire(this.name, this.exec, this.timeout(timeoutInMillis))) {
      throw this.exec.guest.error(LOCK_TIMEOUT_MESSAGE);
    }
  }

  releaseLock(): void {
    this.exec.call('Lock', 'Lock.releaseLock');
    this.exec.world.locks.release(this.name, this.exec);
  }

  hasLock(): boolean {
    this.exec.call('Lock', 'Lock.hasLock');
    return this.exec.world.locks.isHeldBy(this.name, this.exec);
  }
}

class LockServiceImpl implements Pick<GoogleAppsScript.Lock.LockService, 'getScriptLock' | 'getDocumentLock' | 'getUserLock'> {
  constructor(private readonly exec: Execution) {}

  getScriptLock(): L {
    this.exec.call('Free', 'LockService.getScriptLock');
    return new LockImpl(this.exec, 'script') as unknown as L;
  }

  getDocumentLock(): L {
    this.exec.call('Free', 'LockService.getDocumentLock');
    if (!this.exec.container) return null as unknown as L;
    return new LockImpl(this.exec, 'document') as unknown as L;
  }

  getUserLock(): L {
    this.exec.call('Free', 'LockService.getUserLock');
    return new LockImpl(this.exec, `user:${this.exec.options.effectiveUser}`) as unknown as L;
  }
}

export function createLockService(exec: Execution): object {
  return new LockServiceImpl(exec);
}
