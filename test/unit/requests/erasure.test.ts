/** Erasures waiting for a legal hold: one property each, read back by the sweep, due once no hold protects the record. */
import { erasureDue, erasureScheduleProperty, holdInForce, scheduledErasures } from '../../../src/core/requests/erasure';

describe('scheduled erasures', () => {
  test('a schedule is one property the sweep reads back among the others; unreadable ones are skipped', () => {
    const props = {
      'rekisteri.auditHead': '{"count":3}',
      ...erasureScheduleProperty({ customerNumber: '100012', until: '2031-12-31', requestId: 'R-0012', at: '2026-12-01T10:00:00.000Z' }),
      'rekisteri.erasure.100013': 'not json',
      'rekisteri.erasure.100014': '{"until":"31.12.2031"}',
    };
    expect(Object.keys(erasureScheduleProperty({ customerNumber: '100012', until: '2031-12-31', requestId: 'R-0012', at: '' }))).toEqual(['rekisteri.erasure.100012']);
    expect(scheduledErasures(props)).toEqual([{ customerNumber: '100012', until: '2031-12-31', requestId: 'R-0012', at: '2026-12-01T10:00:00.000Z' }]);
  });

  test('a hold protects through its last day; the erasure is due the day after, unless the hold was extended', () => {
    const s = { customerNumber: '100012', until: '2031-12-31', requestId: 'R-0012', at: '' };
    expect(holdInForce({ legalHoldUntil: '2031-12-31' }, '2031-12-31')).toBe(true);
    expect(holdInForce({ legalHoldUntil: '' }, '2031-12-31')).toBe(false);
    expect(erasureDue(s, { legalHoldUntil: '2031-12-31' }, '2031-12-31')).toBe(false);
    expect(erasureDue(s, { legalHoldUntil: '2031-12-31' }, '2032-01-01')).toBe(true);
    expect(erasureDue(s, { legalHoldUntil: '2033-06-30' }, '2032-01-01')).toBe(false);
  });
});
