/**
 * Reliability of a save: a fault injected at every service call of an edit and of a create in
 * turn, then a retry. Whatever call fails, the register never changes without an audit entry,
 * nothing is doubled, the audit chain stays valid, and the retry lands exactly once. The lock
 * makes a second writer wait, or tells them to retry.
 */
import * as path from 'node:path';
import { Emulator } from '../../src/emulator/app';
import { openDemo } from '../../src/demo/seed';
import { STAFF } from '../../src/emulator/accounts';
import { verifyChain } from '../../src/core/audit';
import { sha256Hex } from '../../src/core/sha256';
import { chainToHead } from '../support/register';

const dist = path.resolve(__dirname, '../../dist');

function getCustomer(em: Emulator, customerNumber: string): { city: string; version: number } {
  return (em.callFromClient('getCustomer', [{ customerNumber }], STAFF).result as { customer: { city: string; version: number } }).customer;
}

const edit = (version: number) => [{ customer: { customerNumber: '100001', city: 'Kuopio' }, expectedVersion: version }];

describe('an edit with a fault at each of its calls', () => {
  const calls = (() => {
    const em = openDemo({ distDir: dist, stateFile: null, fresh: true });
    return em.callFromClient('saveCustomer', edit(getCustomer(em, '100001').version), STAFF).calls;
  })();

  test('the edit makes the calls the bench reports', () => {
    // Eight, plus the invariant store's read and write (server/repair.ts).
    expect(calls).toBe(10);
  });

  test.each(Array.from({ length: calls }, (_, i) => i + 1))('fault at call %i: nothing lost or doubled, and a retry lands once', (n) => {
    const em = openDemo({ distDir: dist, stateFile: null, fresh: true });
    const before = getCustomer(em, '100001');
    const auditBefore = chainToHead(em).length;
    em.world.injectFault({ atCall: n });
    const failed = em.callFromClient('saveCustomer', edit(before.version), STAFF);
    expect(failed.ok).toBe(false);
    const mid = getCustomer(em, '100001');
    const logged = chainToHead(em).filter((e) => e.action === 'update' && e.customerNumber === '100001').length;
    // The register may only have changed if the change is in the log.
    if (mid.city === 'Kuopio') expect(logged).toBe(1);
    expect(verifyChain(chainToHead(em), sha256Hex)).toEqual({ ok: true });
    // Retry as the user would: reload, then save.
    const retry = em.callFromClient('saveCustomer', edit(mid.version), STAFF);
    expect(retry.ok).toBe(true);
    const after = getCustomer(em, '100001');
    expect(after.city).toBe('Kuopio');
    expect(after.version).toBe(mid.city === 'Kuopio' ? mid.version : before.version + 1);
    const entries = chainToHead(em);
    expect(verifyChain(entries, sha256Hex)).toEqual({ ok: true });
    // At most one entry for an attempt that did not apply ("too much, never too little").
    expect(entries.length - auditBefore).toBeGreaterThanOrEqual(1);
    expect(entries.length - auditBefore).toBeLessThanOrEqual(2);
  });
});

describe('a create with a fault at each of its calls', () => {
  const person = { name: 'Uusi Asiakas', email: 'uusi.asiakas@example.fi' };
  const calls = (() => openDemo({ distDir: dist, stateFile: null, fresh: true }).callFromClient('saveCustomer', [{ customer: person }], STAFF).calls)();

  test.each(Array.from({ length: calls }, (_, i) => i + 1))('fault at call %i: the retry leaves exactly one record and a valid chain', (n) => {
    const em = openDemo({ distDir: dist, stateFile: null, fresh: true });
    em.world.injectFault({ atCall: n });
    expect(em.callFromClient('saveCustomer', [{ customer: person }], STAFF).ok).toBe(false);
    const retry = em.callFromClient('saveCustomer', [{ customer: person }], STAFF);
    expect(retry.ok).toBe(true);
    const rows = (em.world.spreadsheet.snapshot('Rekisteri')!.values as unknown[][]).filter((r) => r[4] === person.email);
    expect(rows).toHaveLength(1);
    expect(verifyChain(chainToHead(em), sha256Hex)).toEqual({ ok: true });
    // Customer numbers stay unique.
    const numbers = (em.world.spreadsheet.snapshot('Rekisteri')!.values as unknown[][]).slice(1).map((r) => r[0]).filter((v) => v !== '');
    expect(new Set(numbers).size).toBe(numbers.length);
  });
});

describe('concurrent writers', () => {
  test('a save waits for another execution holding the document lock, then lands', () => {
    const em = openDemo({ distDir: dist, stateFile: null, fresh: true });
    const { version } = getCustomer(em, '100001');
    em.world.locks.holdExternally('document', em.world.now + 3000);
    const report = em.callFromClient('saveCustomer', edit(version), STAFF);
    expect(report.ok).toBe(true);
    expect(report.modelledMs).toBeGreaterThanOrEqual(3000);
  });

  test('a save that cannot get the lock in time is refused with a message to retry, and changes nothing', () => {
    const em = openDemo({ distDir: dist, stateFile: null, fresh: true });
    const { version } = getCustomer(em, '100001');
    em.world.locks.holdExternally('document', em.world.now + 60_000);
    const before = JSON.stringify(em.world.spreadsheet.toJSON());
    const report = em.callFromClient('saveCustomer', edit(version), STAFF);
    expect(report.ok).toBe(false);
    expect(report.error!.message).toMatch(/Odota hetki ja yritä uudelleen/);
    expect(JSON.stringify(em.world.spreadsheet.toJSON())).toBe(before);
  });

  test('two users saving the same version: the second is refused and the first change stands', () => {
    const em = openDemo({ distDir: dist, stateFile: null, fresh: true });
    const { version } = getCustomer(em, '100001');
    expect(em.callFromClient('saveCustomer', [{ customer: { customerNumber: '100001', city: 'Oulu' }, expectedVersion: version }], 'asiakaspalvelu@cleanroom.fi').ok).toBe(true);
    const second = em.callFromClient('saveCustomer', [{ customer: { customerNumber: '100001', city: 'Vaasa' }, expectedVersion: version }], STAFF);
    expect(second.ok).toBe(false);
    expect(getCustomer(em, '100001').city).toBe('Oulu');
  });
});
