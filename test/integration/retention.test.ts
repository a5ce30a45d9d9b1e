/**
 * Issue 10, deliverable 1: the retention sweep through the built bundle in the emulator. The
 * nightly trigger deletes exactly the records whose relationship ended more than the retention
 * period ago and that no hold protects, keeps every other row as it was and in order, logs each
 * deletion by number and reason, tombstones the numbers in the store, keeps nothing of the
 * deleted data anywhere, narrows the tab's protection while it runs and puts it back, and a run
 * that ends half-way is finished by its own continuation.
 */
import { OWNER, STAFF } from '../../src/emulator/accounts';
import { verifyChain } from '../../src/core/audit';
import { sha256Hex } from '../../src/core/sha256';
import { call, chainToHead, demo, failure } from '../support/register';
import { dayOf, everything, expectedDeletions, records, registerProtection, sweepTriggers, values } from '../support/retention';
import { logCase, person } from './fulfil-cases';

const TAB = 'Rekisteri';
const DAY = 86_400_000;

/** A demo whose sweep failed late (a fault four calls before the end of a full run): what is due, and the protection's editors before. */
function failedLate(): { em: ReturnType<typeof demo>; due: string[]; editors: string[] } {
  const em = demo();
  const due = expectedDeletions(em, dayOf(em.world.now));
  const editors = registerProtection(em).editors.slice().sort();
  const full = demo().callFromClient('runRetentionSweep', [], OWNER);
  expect(full.ok).toBe(true);
  em.world.injectFault({ atCall: full.calls - 4 });
  expect(em.callFromClient('runRetentionSweep', [], OWNER).ok).toBe(false);
  return { em, due, editors };
}

/** The continuation fires once, deletes itself and every due row, logs each deletion once, and the protection's editors are as before. */
function expectContinuationFinishes(em: ReturnType<typeof demo>, due: string[], editors: string[]): void {
  const fired = em.setClock(em.world.now + 16 * 60_000);
  expect(fired.find((f) => f.handlerFunction === 'runRetentionSweep')!.report.ok).toBe(true);
  expect(sweepTriggers(em)).toEqual([]);
  const numbers = records(em).map((r) => r.c.customerNumber);
  for (const n of due) expect(numbers).not.toContain(n);
  expect(chainToHead(em).filter((e) => e.action === 'retention-delete').map((e) => e.customerNumber).sort()).toEqual([...due].sort());
  expect(registerProtection(em).editors.slice().sort()).toEqual(editors);
}

describe('the nightly trigger runs the retention sweep', () => {
  test('it deletes exactly the records past retention, keeps every other row as it was and in order, and logs each deletion by number and reason', () => {
    const em = demo();
    const day = dayOf(em.world.now + DAY);
    const due = expectedDeletions(em, day);
    expect(due.length).toBeGreaterThan(5);
    // A hold keeps one of them back.
    const held = due[0];
    const c = call<{ customer: { version: number } }>(em, 'getCustomer', { customerNumber: held }).customer;
    call(em, 'setLegalHold', { customerNumber: held, expectedVersion: c.version, until: '2036-12-31', reason: 'Kirjanpitolaki' });
    const expected = due.filter((n) => n !== held);
    const before = records(em);
    const protectionBefore = registerProtection(em).editors.slice().sort();

    const fired = em.setClock(Date.parse(`${day}T03:00:00+02:00`));
    const nightly = fired.find((f) => f.handlerFunction === 'runNightly')!;
    expect(nightly.report.ok).toBe(true);

    const after = records(em);
    expect(after.map((r) => r.c.customerNumber)).toEqual(before.map((r) => r.c.customerNumber).filter((n) => !expected.includes(n)));
    // Every kept row is exactly as it was (no value moved between rows, none doubled).
    expect(after.map((r) => r.row)).toEqual(before.filter((r) => !expected.includes(r.c.customerNumber)).map((r) => r.row));
    const logged = chainToHead(em).filter((e) => e.action === 'retention-delete');
    expect(logged.map((e) => e.customerNumber).sort()).toEqual([...expected].sort());
    expect(new Set(logged.map((e) => e.fields))).toEqual(new Set(['retentionPeriod']));
    expect(verifyChain(chainToHead(em), sha256Hex)).toEqual({ ok: true });
    // The protection is the key personnel's again, the continuation is gone, nothing is pending.
    expect(registerProtection(em).editors.slice().sort()).toEqual(protectionBefore);
    expect(sweepTriggers(em)).toEqual([]);
    expect(em.world.properties.document['rekisteri.sweep'] ?? '').toBe('');
    expect(JSON.parse(em.world.properties.document['rekisteri.run.runNightly'])).toMatchObject({ error: '' });
  });

  test('nothing of a deleted record is kept anywhere: no tab, property, cache or mail holds its name, email or phone; its number stays used in the store', () => {
    const em = demo();
    const day = dayOf(em.world.now + DAY);
    const due = expectedDeletions(em, day);
    const gone = records(em).filter((r) => due.includes(r.c.customerNumber)).map((r) => r.c);
    em.setClock(Date.parse(`${day}T03:00:00+02:00`));
    const all = everything(em);
    for (const c of gone) {
      for (const v of [c.name, c.email, c.phone].filter((x) => x.length > 5)) expect(all.includes(JSON.stringify(v).slice(1, -1))).toBe(false);
    }
    const store = em.world.spreadsheet.snapshot('Varmisteet')!.values as string[][];
    for (const c of gone) {
      const cell = store.find((r) => r[0] === c.customerNumber)!;
      // Column A keeps the number; column B the date alone.
      expect(JSON.parse(cell[1])).toEqual({ deletedAt: expect.any(String) });
    }
    // A new customer never gets a deleted number.
    const created = call<{ customer: { customerNumber: string } }>(em, 'saveCustomer', { customer: { name: 'Uusi Asiakas', email: 'uusi.asiakas@example.fi', phone: '0401234567' } });
    expect(gone.map((c) => c.customerNumber)).not.toContain(created.customer.customerNumber);
  });

  test('a second sweep the same day deletes nothing and makes no write', () => {
    const em = demo();
    const day = dayOf(em.world.now + DAY);
    em.setClock(Date.parse(`${day}T03:00:00+02:00`));
    const before = values(em).map((r) => r.join('|'));
    const again = em.callFromClient('runRetentionSweep', [], OWNER);
    expect(again.ok).toBe(true);
    expect((again.result as { deleted: string[] }).deleted).toEqual([]);
    expect(values(em).map((r) => r.join('|'))).toEqual(before);
    expect(Object.keys(again.byMethod).filter((m) => /setValues|deleteRows/.test(m))).toEqual([]);
  });
});

describe('while the sweep runs the register tab is protected to the trigger\'s owner', () => {
  test('a run that fails after narrowing the protection puts it back and leaves its continuation, which finishes the deletions once', () => {
    const { em, due, editors } = failedLate();
    expect(editors).toContain(STAFF);
    expect(em.callFromClient('previewRetention', [], OWNER).calls).toBeGreaterThan(0);
    expect(registerProtection(em).editors.slice().sort()).toEqual(editors);
    expect(sweepTriggers(em)).toHaveLength(1);
    expectContinuationFinishes(em, due, editors);
  });

  test('a sweep that died without its continuation (no catch ran) is resumed by the next intake run: the continuation finishes the rows and gives the key personnel the register back', () => {
    const { em, due, editors } = failedLate();
    // As if the execution had been killed: no continuation made, the protection left narrowed to the owner.
    em.world.triggers.splice(0, em.world.triggers.length, ...em.world.triggers.filter((t) => t.handlerFunction !== 'runRetentionSweep'));
    expect(em.runScript(`var p = SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Rekisteri').getProtections(SpreadsheetApp.ProtectionType.SHEET)[0]; p.removeEditors(p.getEditors().map(function (u) { return u.getEmail(); }).filter(function (e) { return e !== ${JSON.stringify(OWNER)}; }));`, OWNER).ok).toBe(true);
    expect(registerProtection(em).editors).not.toContain(STAFF);
    expect(sweepTriggers(em)).toEqual([]);
    // The intake run (every 15 minutes) holds the lock, finds the rows pending, and makes the continuation once.
    expect(em.runTimeTrigger('pollInbox').ok).toBe(true);
    expect(sweepTriggers(em)).toHaveLength(1);
    expect(em.runTimeTrigger('pollInbox').ok).toBe(true);
    expect(sweepTriggers(em)).toHaveLength(1);
    expectContinuationFinishes(em, due, editors);
    // Nothing pending, nothing made.
    expect(em.runTimeTrigger('pollInbox').ok).toBe(true);
    expect(sweepTriggers(em)).toEqual([]);
  });

  test('a hand edit while the protection is narrowed is refused by Sheets, not lost', () => {
    const em = demo();
    // Leave the protection narrowed as a run cut short at its restore would.
    const dry = demo();
    const full = dry.callFromClient('runRetentionSweep', [], OWNER);
    const restoreAt = Object.keys(full.byMethod).length; // only to show the method exists
    expect(full.byMethod['Protection.addEditors']).toBeDefined();
    expect(restoreAt).toBeGreaterThan(0);
    // The restore is the third call from the end (then the last property write and the flush); failing, it leaves a continuation.
    em.world.injectFault({ atCall: full.calls - 2 });
    expect(em.callFromClient('runRetentionSweep', [], OWNER).ok).toBe(false);
    const narrowed = registerProtection(em).editors;
    expect(narrowed).not.toContain(STAFF);
    const edit = em.editCell(STAFF, TAB, 3, 9, 'Kemi');
    expect(edit.ok).toBe(false);
    // The continuation puts the key personnel back, and the edit can be made.
    em.setClock(em.world.now + 16 * 60_000);
    expect(registerProtection(em).editors).toContain(STAFF);
    expect(em.editCell(STAFF, TAB, 3, 9, 'Kemi').ok).toBe(true);
  });
});

describe('the continuation is made only when the run may need it', () => {
  /** The sweep run from the editor after `sleepMs` of the execution's six minutes are spent; `slowMs` more once the protection is narrowed (a slow read). */
  const lateSweep = (em: ReturnType<typeof demo>, sleepMs: number, slowMs = 0) => em.runScript(`
    var spend = function (ms) { while (ms > 0) { var d = Math.min(ms, 300000); Utilities.sleep(d); ms -= d; } };
    spend(${sleepMs});
    var real = SpreadsheetApp.getActiveSpreadsheet;
    var slow = ${slowMs};
    SpreadsheetApp.getActiveSpreadsheet = function () {
      var ss = real.call(SpreadsheetApp);
      if (slow > 0) {
        var p = ss.getSheetByName('${TAB}').getProtections(SpreadsheetApp.ProtectionType.SHEET)[0];
        var editors = p.getEditors().map(function (u) { return u.getEmail(); });
        if (editors.indexOf('${STAFF}') < 0) { var ms = slow; slow = 0; spend(ms); }
      }
      return ss;
    };
    return runRetentionSweep();`, OWNER);

  /** Whatever happened to the run, the continuation (or, when it made none, the next run) finishes: the state a complete sweep leaves. */
  const finishes = (em: ReturnType<typeof demo>, due: string[], kept: string[], editors: string[]) => {
    const made = sweepTriggers(em);
    if (made.length) {
      expect(made).toHaveLength(1);
      expect(em.runTriggerByUid(made[0].uid).ok).toBe(true);
    } else {
      expect(em.callFromClient('runRetentionSweep', [], OWNER).ok).toBe(true);
    }
    expect(records(em).map((r) => r.row)).toEqual(kept);
    expect(chainToHead(em).filter((e) => e.action === 'retention-delete').map((e) => e.customerNumber).sort()).toEqual([...due].sort());
    expect(verifyChain(chainToHead(em), sha256Hex)).toEqual({ ok: true });
    expect(registerProtection(em).editors.slice().sort()).toEqual(editors);
    expect(sweepTriggers(em)).toEqual([]);
    expect(em.world.properties.document['rekisteri.sweep'] ?? '').toBe('');
  };

  const setting = () => {
    const em = demo();
    const due = expectedDeletions(em, dayOf(em.world.now));
    expect(due.length).toBeGreaterThan(0);
    const kept = records(em).filter((r) => !due.includes(r.c.customerNumber)).map((r) => r.row);
    return { em, due, kept, editors: registerProtection(em).editors.slice().sort() };
  };

  test('a sweep early in its execution makes none: no trigger created or deleted', () => {
    const { em } = setting();
    const run = em.callFromClient('runRetentionSweep', [], OWNER);
    expect(run.ok).toBe(true);
    expect(run.byMethod['ClockTriggerBuilder.create']).toBeUndefined();
    expect(run.byMethod['ScriptApp.deleteTrigger']).toBeUndefined();
  });

  test('a sweep started past half its execution\'s time schedules its continuation before it narrows the protection: cut short anywhere, the continuation finishes', () => {
    // Completes: the continuation made, then deleted.
    const ok = setting();
    const done = lateSweep(ok.em, 300_000);
    expect(done.ok).toBe(true);
    expect(done.byMethod['ClockTriggerBuilder.create']?.calls).toBe(1);
    expect(done.byMethod['ScriptApp.deleteTrigger']?.calls).toBe(1);
    expect(sweepTriggers(ok.em)).toEqual([]);
    // Cut by the time limit at its first calls (the protection already narrowed, or about to be): the continuation exists.
    for (const left of [60, 110, 160]) {
      const s = setting();
      const cut = lateSweep(s.em, 360_000 - left);
      expect(cut.ok).toBe(false);
      expect(cut.error!.message).toBe('Exceeded maximum execution time');
      expect(sweepTriggers(s.em)).toHaveLength(1);
      finishes(s.em, s.due, s.kept, s.editors);
    }
  });

  test('a sweep whose reads leave too little time schedules its continuation before the first write: cut by the time limit after it, the continuation completes the deletions', () => {
    let cutAfterWriting = 0;
    // Started at once, slowed after narrowing so that it reaches its decision 0.1 s to 1.3 s before the limit.
    for (let left = 100; left <= 1300; left += 50) {
      const s = setting();
      const run = lateSweep(s.em, 0, 360_000 - left - 400);
      if (!run.ok) {
        expect(run.error!.message).toBe('Exceeded maximum execution time');
        // Every row that stays is there once, as it was.
        const mid = records(s.em).map((r) => r.row);
        expect(mid.filter((r) => s.kept.includes(r))).toEqual(s.kept);
        expect(new Set(mid).size).toBe(mid.length);
        // Logged work left pending: the continuation was scheduled before the first write.
        if ((s.em.world.properties.document['rekisteri.sweep'] ?? '') !== '') {
          cutAfterWriting += 1;
          expect(sweepTriggers(s.em)).toHaveLength(1);
        }
      } else {
        expect(run.byMethod['ClockTriggerBuilder.create']?.calls).toBe(1);
      }
      finishes(s.em, s.due, s.kept, s.editors);
    }
    expect(cutAfterWriting).toBeGreaterThan(0);
  });
});

describe('previewRetention', () => {
  test('an admin sees what the next sweep deletes and why, and what a hold keeps back; staff are refused', () => {
    const em = demo();
    const day = dayOf(em.world.now + DAY);
    const due = expectedDeletions(em, day);
    const c = call<{ customer: { version: number } }>(em, 'getCustomer', { customerNumber: due[1] }).customer;
    call(em, 'setLegalHold', { customerNumber: due[1], expectedVersion: c.version, until: '2036-12-31', reason: 'Kirjanpitolaki' });
    const { preview } = call<{ preview: { sweepDay: string; deletions: { customerNumber: string; reason: string }[]; keptByHold: { customerNumber: string; until: string }[] } }>(em, 'previewRetention', undefined, OWNER);
    expect(preview.sweepDay).toBe(day);
    expect(preview.deletions.map((d) => d.customerNumber).sort()).toEqual(due.filter((n) => n !== due[1]).sort());
    expect(preview.deletions.every((d) => d.reason === 'retentionPeriod')).toBe(true);
    expect(preview.keptByHold).toEqual([expect.objectContaining({ customerNumber: due[1], until: '2036-12-31' })]);
    expect(failure(em, 'previewRetention', undefined, STAFF)).toMatch(/ylläpitäj|admin/i);
    // The preview changed nothing.
    expect(expectedDeletions(em, day).length).toBe(due.length - 1);
  });
});

describe('the pending work of a large sweep fits the properties', () => {
  test('10,000 numbers round-trip through parts of at most 9 KB each (a property value\'s limit)', () => {
    const { packNumbers, unpackNumbers } = jest.requireActual('../../src/server/retention') as typeof import('../../src/server/retention');
    const { sweepProperties, sweepOf } = jest.requireActual('../../src/gas/state') as typeof import('../../src/gas/state');
    const numbers = Array.from({ length: 10_000 }, (_, i) => String(100000 + i * 10));
    const json = JSON.stringify({ numbers: packNumbers([...numbers, 'X-1']) });
    const props = sweepProperties(json);
    for (const v of Object.values(props)) expect(Buffer.byteLength(v, 'utf8')).toBeLessThanOrEqual(9 * 1024);
    expect(unpackNumbers(JSON.parse(sweepOf(props)!).numbers).sort()).toEqual([...numbers, 'X-1'].sort());
    // Cleared: every part emptied, nothing pending.
    expect(sweepOf({ ...props, ...sweepProperties('', Object.keys(props).length) })).toBeNull();
  });
});

describe('an erasure fulfilment scheduled at a legal hold\'s end', () => {
  test('the first night after the hold ends deletes the record, logged as the scheduled erasure; the nights before keep it', () => {
    const em = demo();
    const today = dayOf(em.world.now);
    // A person the period alone would not delete (no end of relationship), held until today.
    const number = records(em).find(({ c }) => !c.relationshipEnd && !c.legalHoldUntil && c.email)!.c.customerNumber;
    const p = person(em, number);
    call(em, 'setLegalHold', { customerNumber: number, expectedVersion: p.version, until: today, reason: 'Kirjanpitolaki 2:10' });
    const c = logCase(em, { id: 'R-0090', customerNumber: number, rights: ['erasure'], mailFrom: p.email });
    expect(call<{ scheduledDeletion: string }>(em, 'fulfilRequest', { id: c.id, right: 'erasure' }).scheduledDeletion).toBe(today);
    // Still held today: the preview keeps it back by the hold, nothing deletes it.
    expect(JSON.stringify(call(em, 'previewRetention', {}, OWNER))).toContain(number);
    expect(records(em).some((r) => r.c.customerNumber === number)).toBe(true);
    // The next night: gone, logged by number and the scheduled erasure.
    const next = dayOf(em.world.now + DAY);
    em.setClock(Date.parse(`${next}T03:00:00+02:00`));
    expect(records(em).some((r) => r.c.customerNumber === number)).toBe(false);
    const logged = chainToHead(em).filter((e) => e.action === 'retention-delete' && e.customerNumber === number);
    expect(logged.map((e) => e.fields)).toEqual(['scheduledErasure']);
    // Its schedule went with it: no property names the request any more.
    expect(em.world.properties.document[`rekisteri.erasure.${number}`] ?? '').toBe('');
    expect(JSON.stringify(em.world.properties.document)).not.toContain(c.id);
  });
});
