/**
 * The retention sweep's decision (src/core/retention.ts): calendar months with end-of-month
 * clamping, the day after the period as the first due day, holds through their last day, an
 * erasure scheduled at a hold's end due the day after, quarantined, restricted, unreadable and
 * duplicate rows never deleted, request minimisation with a keyed pseudonym, mail trashed only
 * when no kept case shares the thread, and the one-write plan of the rows that stay.
 */
import fc from 'fast-check';
import { createHmac } from 'node:crypto';
import {
  deletionReasonText, hmacSha256Hex, isCalendarDate, isPseudonym, keptRows, minimisedRequest, planKeptRows, planRetention, previewRetention, pseudonymFor,
  retentionAudit, retentionDueDate, retentionTombstones, type RetentionInput, type RetentionRequest, type RetentionRow,
} from '../../src/core/retention';
import { auditEntry } from '../../src/core/audit';
import { sha256Hex } from '../../src/core/sha256';

let n = 100000;
const row = (fields: Partial<RetentionRow> = {}): RetentionRow => ({
  customerNumber: String(++n), relationshipEnd: '', legalHoldUntil: '', legalHoldReason: '', restrictedAt: '', quarantined: false,
  erasureScheduledFor: '', ...fields,
});
const request = (fields: Partial<RetentionRequest> = {}): RetentionRequest => ({
  id: `R-${++n}`, status: 'completed', closedAt: '', requesterEmail: 'maija@example.fi', customerNumber: '', gmailThreadId: '', ...fields,
});
const input = (rows: RetentionRow[], today: string, more: Partial<RetentionInput> = {}): RetentionInput => ({
  rows, requests: [], retentionMonths: 24, requestRetentionMonths: 36, today, timeZone: 'Europe/Helsinki', pseudonymKey: 'k'.repeat(32), ...more,
});
const deleted = (rows: RetentionRow[], today: string, more: Partial<RetentionInput> = {}) =>
  planRetention(input(rows, today, more)).deleteRecords.map((d) => d.customerNumber);

describe('the retention period in calendar months', () => {
  test.each([
    ['2023-03-15', 24, '2025-03-16'],
    ['2024-02-29', 12, '2025-03-01'], // 2025-02-28 is the period's last day (no 29th)
    ['2023-08-31', 6, '2024-03-01'], // 2024-02-29 clamps
    ['2024-01-31', 1, '2024-03-01'],
    ['2024-12-31', 2, '2025-03-01'],
    ['2025-05-10', 0, '2025-05-11'],
  ])('a relationship that ended %s with %i months is due on %s (the day after the period ends)', (end, months, due) => {
    expect(retentionDueDate(end, months)).toBe(due);
    const r = row({ relationshipEnd: end });
    expect(deleted([r], due, { retentionMonths: months })).toEqual([r.customerNumber]);
    const dayBefore = new Date(Date.parse(`${due}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
    expect(deleted([r], dayBefore, { retentionMonths: months })).toEqual([]);
  });
  test('the deletion says why and since when', () => {
    const r = row({ relationshipEnd: '2022-01-10' });
    expect(planRetention(input([r], '2025-01-01')).deleteRecords).toEqual([{ row: 0, customerNumber: r.customerNumber, reason: 'retentionPeriod', dueSince: '2024-01-11' }]);
  });
  test('a record with no relationship end is never deleted, however old', () => {
    expect(deleted([row({ relationshipEnd: '' })], '2099-01-01')).toEqual([]);
  });
  test('a relationship end in the future is not due', () => expect(deleted([row({ relationshipEnd: '2026-01-01' })], '2025-06-01')).toEqual([]));
});

describe('what a deletion never touches', () => {
  test('a quarantined row is never deleted, only listed', () => {
    const plan = planRetention(input([row({ relationshipEnd: '2010-01-01', quarantined: true })], '2025-01-01'));
    expect(plan.deleteRecords).toEqual([]);
    expect(plan.keptQuarantined).toEqual([0]);
  });
  test('a row without a customer number is never deleted', () => {
    const plan = planRetention(input([row({ customerNumber: '', relationshipEnd: '2010-01-01' })], '2025-01-01'));
    expect(plan.deleteRecords).toEqual([]);
    expect(plan.keptQuarantined).toEqual([0]);
  });
  test('a number on two rows: neither row is deleted until the repair settles it', () => {
    const a = row({ relationshipEnd: '2010-01-01' });
    const plan = planRetention(input([a, { ...a }], '2025-01-01'));
    expect(plan.deleteRecords).toEqual([]);
    expect(plan.duplicateNumbers).toEqual([a.customerNumber]);
  });
  test.each([
    ['relationshipEnd', { relationshipEnd: '31.12.2010' }],
    ['relationshipEnd', { relationshipEnd: '2010-02-30' }],
    ['legalHoldUntil', { relationshipEnd: '2010-01-01', legalHoldUntil: 'kymmenen vuotta' }],
    ['erasureScheduledFor', { relationshipEnd: '2010-01-01', erasureScheduledFor: 'asap' }],
  ] as const)('a %s that does not read as a calendar date (%o) keeps the row and is reported', (field, fields) => {
    const plan = planRetention(input([row(fields)], '2025-01-01'));
    expect(plan.deleteRecords).toEqual([]);
    expect(plan.unreadable).toEqual([expect.objectContaining({ row: 0, field })]);
  });
  test('isCalendarDate accepts only days that exist', () => {
    expect(['2024-02-29', '2025-12-31'].every(isCalendarDate)).toBe(true);
    expect(['2025-02-29', '2025-13-01', '2025-1-01', '', '2025-01-01T00:00:00Z'].some(isCalendarDate)).toBe(false);
  });
});

describe('legal holds and erasures scheduled at their end', () => {
  const hold = { legalHoldUntil: '2030-12-31', legalHoldReason: 'Kirjanpitolaki 2:10' };
  test('a hold protects through its last day, and names itself', () => {
    const r = row({ relationshipEnd: '2020-01-01', ...hold });
    const plan = planRetention(input([r], '2030-12-31'));
    expect(plan.deleteRecords).toEqual([]);
    expect(plan.keptByHold).toEqual([{ row: 0, customerNumber: r.customerNumber, until: '2030-12-31', reason: 'Kirjanpitolaki 2:10', wouldBe: 'retentionPeriod' }]);
    expect(planRetention(input([r], '2031-01-01')).deleteRecords).toEqual([{ row: 0, customerNumber: r.customerNumber, reason: 'retentionPeriod', dueSince: '2031-01-01' }]);
  });
  test('a hold over a record whose period has not run out keeps nothing back (nothing was due)', () => {
    expect(planRetention(input([row({ relationshipEnd: '2025-01-01', ...hold })], '2025-06-01')).keptByHold).toEqual([]);
  });
  test('an erasure scheduled at the hold end is carried out the day after the hold ends, not on it', () => {
    const r = row({ ...hold, restrictedAt: '2025-01-01T10:00:00.000Z', erasureScheduledFor: '2030-12-31' });
    expect(planRetention(input([r], '2030-12-31')).keptByHold).toEqual([{ row: 0, customerNumber: r.customerNumber, until: '2030-12-31', reason: 'Kirjanpitolaki 2:10', wouldBe: 'scheduledErasure' }]);
    expect(planRetention(input([r], '2030-12-31')).deleteRecords).toEqual([]);
    expect(planRetention(input([r], '2031-01-01')).deleteRecords).toEqual([{ row: 0, customerNumber: r.customerNumber, reason: 'scheduledErasure', dueSince: '2031-01-01' }]);
  });
  test('a hold extended after the erasure was scheduled still wins', () => {
    const r = row({ legalHoldUntil: '2032-06-30', legalHoldReason: 'Oikeudenkäynti', erasureScheduledFor: '2030-12-31' });
    expect(deleted([r], '2031-01-01')).toEqual([]);
    expect(planRetention(input([r], '2031-01-01')).keptByHold).toEqual([expect.objectContaining({ until: '2032-06-30' })]);
    expect(planRetention(input([r], '2032-07-01')).deleteRecords).toEqual([expect.objectContaining({ reason: 'scheduledErasure', dueSince: '2032-07-01' })]);
  });
  test('a scheduled erasure beats the period as the reason, even with no relationship end', () => {
    const r = row({ relationshipEnd: '2010-01-01', erasureScheduledFor: '2024-05-31' });
    expect(planRetention(input([r], '2024-06-01')).deleteRecords[0].reason).toBe('scheduledErasure');
    expect(deleted([row({ erasureScheduledFor: '2024-05-31' })], '2024-06-01')).toHaveLength(1);
  });
});

describe('restriction (GDPR 18)', () => {
  test('a restricted record is not deleted by the period alone: it is listed for an admin', () => {
    const r = row({ relationshipEnd: '2010-01-01', restrictedAt: '2024-01-01T00:00:00.000Z' });
    const plan = planRetention(input([r], '2025-01-01'));
    expect(plan.deleteRecords).toEqual([]);
    expect(plan.keptByRestriction).toEqual([{ row: 0, customerNumber: r.customerNumber, restrictedAt: '2024-01-01T00:00:00.000Z' }]);
  });
});

describe('requests: minimised after their retention, mail trashed', () => {
  const day = (closedAt: string, today: string, more: Partial<RetentionRequest> = {}) =>
    planRetention(input([], today, { requests: [request({ closedAt, ...more })] })).minimiseRequests.length;
  test('a closed request is minimised on the day after its closing day + the request retention', () => {
    expect(day('2022-03-10T10:00:00.000Z', '2025-03-10')).toBe(0);
    expect(day('2022-03-10T10:00:00.000Z', '2025-03-11')).toBe(1);
  });
  test("the closing day is the register's (Helsinki) day: 23:30 UTC on 31 May is 1 June", () => {
    expect(day('2022-05-31T23:30:00.000Z', '2025-06-01')).toBe(0);
    expect(day('2022-05-31T23:30:00.000Z', '2025-06-02')).toBe(1);
  });
  test('open requests are never minimised, whatever their age', () => {
    for (const status of ['received', 'awaiting-verification', 'in-progress']) expect(day('', '2099-01-01', { status })).toBe(0);
  });
  test.each(['completed', 'rejected', 'duplicate'])('a %s request is minimised', (status) => expect(day('2020-01-01T00:00:00Z', '2025-01-01', { status })).toBe(1));
  test('a request already minimised (its requester a pseudonym) is left alone', () => {
    const key = 'k'.repeat(32);
    const pseudonym = pseudonymFor(key, request());
    expect(day('2020-01-01T00:00:00Z', '2025-01-01', { requesterEmail: pseudonym })).toBe(0);
  });
  test('a closing time that does not read keeps the request and reports it', () => {
    const q = request({ closedAt: 'eilen' });
    const plan = planRetention(input([], '2025-01-01', { requests: [q] }));
    expect(plan.minimiseRequests).toEqual([]);
    expect(plan.unreadableRequests).toEqual([q.id]);
  });
  test('a thread is trashed once, and not while a kept case refers to it', () => {
    const old = { closedAt: '2020-01-01T00:00:00Z' };
    const requests = [
      request({ ...old, gmailThreadId: 't1' }), request({ ...old, gmailThreadId: 't1' }),
      request({ ...old, gmailThreadId: 't2' }), request({ status: 'in-progress', gmailThreadId: 't2' }),
      request({ ...old, gmailThreadId: '' }),
    ];
    const plan = planRetention(input([], '2025-01-01', { requests }));
    expect(plan.minimiseRequests.map((m) => m.index)).toEqual([0, 1, 2, 4]);
    expect(plan.trashMail).toEqual(['t1']);
  });
  test('the replies drafted for a minimised case are trashed by id (a new-mail access copy has no thread), each once; not while a kept case shares its thread', () => {
    const old = { closedAt: '2020-01-01T00:00:00Z' };
    const requests = [
      request({ ...old, gmailThreadId: '', replies: ['m1', 'm2'] }), request({ ...old, gmailThreadId: 't1', replies: ['m2', 'm3'] }),
      request({ ...old, gmailThreadId: 't2', replies: ['m4'] }), request({ status: 'in-progress', gmailThreadId: 't2' }),
      request({ closedAt: '2024-12-01T00:00:00Z', replies: ['m5'] }),
    ];
    const plan = planRetention(input([], '2025-01-01', { requests }));
    expect(plan.trashReplies).toEqual(['m1', 'm2', 'm3']);
    expect(plan.trashMail).toEqual(['t1']);
  });
});

describe('the pseudonym', () => {
  test('HMAC-SHA256 matches RFC 4231 test case 2', () => {
    expect(hmacSha256Hex('Jefe', 'what do ya want for nothing?')).toBe('5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843');
  });
  test('property: HMAC-SHA256 agrees with Node for any key and message, keys longer than a block included', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 200 }), fc.string({ unit: 'binary', maxLength: 300 }), (key, message) => {
      expect(hmacSha256Hex(key, message)).toBe(createHmac('sha256', Buffer.from(key, 'utf8')).update(Buffer.from(message, 'utf8')).digest('hex'));
    }), { numRuns: 100 });
  });
  test('the same requester gets the same pseudonym on every run and in every request; addresses are compared lower-cased', () => {
    const key = 'secret-key-of-the-register';
    const a = pseudonymFor(key, request({ requesterEmail: 'Maija@Example.fi' }));
    expect(pseudonymFor(key, request({ requesterEmail: 'maija@example.fi' }))).toBe(a);
    expect(isPseudonym(a)).toBe(true);
    expect(a).toMatch(/^psn-[0-9a-f]{20}$/);
  });
  test('one mailbox gets one pseudonym in either form of its domain (anna@hyvä.fi is anna@xn--hyv-sla.fi)', () => {
    const key = 'secret-key-of-the-register';
    const unicode = pseudonymFor(key, request({ requesterEmail: 'anna@hyvä.fi' }));
    expect(pseudonymFor(key, request({ requesterEmail: 'Anna@XN--HYV-SLA.fi' }))).toBe(unicode);
    expect(pseudonymFor(key, request({ requesterEmail: 'anna@hyva.fi' }))).not.toBe(unicode);
  });
  test('it cannot be recomputed without the key, and tells nothing of the address', () => {
    const q = request({ requesterEmail: 'maija@example.fi' });
    const a = pseudonymFor('key-one', q);
    expect(pseudonymFor('key-two', q)).not.toBe(a);
    expect(a).not.toContain(sha256Hex('maija@example.fi').slice(0, 20));
    expect(a).not.toMatch(/maija|example/);
  });
  test('a letter without an address is pseudonymised by its customer number, else by the request', () => {
    const key = 'k';
    expect(pseudonymFor(key, request({ requesterEmail: '', customerNumber: '100001' }))).toBe(pseudonymFor(key, request({ requesterEmail: '', customerNumber: '100001' })));
    expect(pseudonymFor(key, request({ id: 'A', requesterEmail: '' }))).not.toBe(pseudonymFor(key, request({ id: 'B', requesterEmail: '' })));
    expect(() => pseudonymFor('', request())).toThrow();
  });
  test('minimisedRequest keeps the case and drops the words that may name the person', () => {
    const q = {
      id: 'R-1', type: 'erasure', requesterEmail: 'maija@example.fi', summary: 'Maija Meikäläinen pyytää poistoa', extensionReason: 'Maijan asia laaja',
      outcome: { settled: [{ right: 'erasure' as const, outcome: 'declined' as const, at: '2022-01-01T00:00:00Z', by: 'staff@cleanroom.fi', reason: 'Maijalla velkaa' }], rejectionReason: 'x', duplicateOf: 'R-0' },
    };
    const m = minimisedRequest(q, 'psn-0123456789abcdef0123');
    expect(m).toEqual({
      id: 'R-1', type: 'erasure', requesterEmail: 'psn-0123456789abcdef0123', summary: '', extensionReason: '',
      outcome: { settled: [{ right: 'erasure', outcome: 'declined', at: '2022-01-01T00:00:00Z', by: 'staff@cleanroom.fi', reason: '' }], rejectionReason: '', duplicateOf: 'R-0' },
    });
    expect(JSON.stringify(m)).not.toMatch(/Maija/);
  });
});

describe('the one write: the kept rows rewritten in order', () => {
  test('keeps every other row in its order, clears as many rows as were deleted, writes from the first change', () => {
    expect(planKeptRows(6, [1, 4])).toEqual({ keep: [0, 2, 3, 5], clear: 2, firstChanged: 1 });
    expect(planKeptRows(3, [])).toEqual({ keep: [0, 1, 2], clear: 0, firstChanged: 3 });
    expect(planKeptRows(3, [7, -1, 1.5])).toEqual({ keep: [0, 1, 2], clear: 0, firstChanged: 3 });
    expect(keptRows(['a', 'b', 'c', 'd'], [0, 2])).toEqual(['b', 'd']);
  });
  test('property: the kept rows are exactly the others, in order, and a second run over them deletes nothing', () => {
    fc.assert(fc.property(
      fc.array(fc.record({ end: fc.option(fc.integer({ min: 0, max: 3000 }), { nil: null }), quarantined: fc.boolean(), hold: fc.option(fc.integer({ min: 0, max: 4000 }), { nil: null }) }), { maxLength: 40 }),
      fc.integer({ min: 0, max: 4000 }),
      (spec, todayOffset) => {
        const day = (d: number) => new Date(Date.UTC(2020, 0, 1) + d * 86_400_000).toISOString().slice(0, 10);
        const rows = spec.map((s, i) => row({ customerNumber: String(200000 + i), relationshipEnd: s.end === null ? '' : day(s.end), quarantined: s.quarantined,
          legalHoldUntil: s.hold === null ? '' : day(s.hold), legalHoldReason: s.hold === null ? '' : 'KPL' }));
        const today = day(todayOffset);
        const plan = planRetention(input(rows, today, { retentionMonths: 12 }));
        const gone = new Set(plan.deleteRecords.map((d) => d.row));
        const kept = keptRows(rows, [...gone]);
        expect(kept).toEqual(rows.filter((_, i) => !gone.has(i)));
        for (const d of plan.deleteRecords) {
          expect(rows[d.row].quarantined).toBe(false);
          expect(rows[d.row].relationshipEnd).not.toBe('');
          expect(rows[d.row].legalHoldUntil === '' || rows[d.row].legalHoldUntil < today).toBe(true);
        }
        expect(planRetention(input(kept, today, { retentionMonths: 12 })).deleteRecords).toEqual([]);
      },
    ), { numRuns: 200 });
  });
});

describe('what the sweep logs and leaves', () => {
  test('audit entries name the number and the reason, or the request, and no value; they chain', () => {
    const r = row({ relationshipEnd: '2010-01-01' });
    const e = row({ relationshipEnd: '2010-01-01', erasureScheduledFor: '2020-01-01' });
    const q = request({ closedAt: '2020-01-01T00:00:00Z' });
    const plan = planRetention(input([r, e], '2025-01-01', { requests: [q] }));
    const data = retentionAudit(plan, '2025-01-01T00:05:00.000Z', 'owner@cleanroom.fi');
    expect(data.map((d) => [d.action, d.customerNumber ?? d.requestId, d.fields])).toEqual([
      ['retention-delete', r.customerNumber, ['retentionPeriod']],
      ['retention-delete', e.customerNumber, ['scheduledErasure']],
      ['request-minimised', q.id, ['requesterEmail', 'summary', 'extensionReason', 'outcome']],
    ]);
    let prev: { hash: string } | null = null;
    for (const d of data) prev = auditEntry(prev, d, sha256Hex);
    expect(JSON.stringify(data)).not.toMatch(/maija/);
  });
  test('each deleted number becomes a tombstone: used for ever, with no data', () => {
    const r = row({ relationshipEnd: '2010-01-01' });
    expect(retentionTombstones(planRetention(input([r], '2025-01-01')), '2025-01-01T00:05:00.000Z')).toEqual([{ customerNumber: r.customerNumber, deletedAt: '2025-01-01T00:05:00.000Z' }]);
  });
});

describe('the preview', () => {
  test('lists what the next sweep deletes and why, what a hold keeps back, what needs review, and what falls due soon', () => {
    const due = row({ relationshipEnd: '2022-12-31' });
    const held = row({ relationshipEnd: '2020-01-01', legalHoldUntil: '2025-01-15', legalHoldReason: 'KPL 2:10' });
    const soon = row({ relationshipEnd: '2023-01-20' });
    const q = row({ relationshipEnd: '2010-01-01', quarantined: true });
    const preview = previewRetention({ ...input([due, held, soon, q], ''), requests: [request({ closedAt: '2020-01-01T00:00:00Z', gmailThreadId: 't' })] }, '2025-01-02');
    expect(preview.deletions).toEqual([{ customerNumber: due.customerNumber, reason: 'retentionPeriod', dueSince: '2025-01-01' }]);
    expect(preview.keptByHold).toEqual([{ customerNumber: held.customerNumber, until: '2025-01-15', reason: 'KPL 2:10', wouldBe: 'retentionPeriod' }]);
    expect(preview.needsReview.quarantinedRows).toEqual([3]);
    expect(preview.requestsToMinimise).toBe(1);
    expect(preview.mailThreadsToTrash).toBe(1);
    // The held record falls due the day after its hold; the other on its own day.
    expect(preview.upcoming).toEqual([
      { customerNumber: held.customerNumber, reason: 'retentionPeriod', on: '2025-01-16' },
      { customerNumber: soon.customerNumber, reason: 'retentionPeriod', on: '2025-01-21' },
    ]);
    expect(JSON.stringify(preview)).not.toMatch(/maija/);
  });
});


test('each deletion reason reads in fi, sv and en', () => {
  expect(deletionReasonText('retentionPeriod', 'fi')).toBe('Säilytysaika päättynyt');
  expect(deletionReasonText('scheduledErasure', 'sv')).toMatch(/radering/);
  expect(deletionReasonText('scheduledErasure', 'en')).toMatch(/Erasure request/);
});
