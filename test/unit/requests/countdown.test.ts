/**
 * What the requests dialog and the sidebar show (core/requests/countdown.ts): the countdown's
 * colour and words on the server's today at every boundary, the filters, the order, what is due
 * first, the actions a case offers, and a Gmail link that cannot be anything but a Gmail link.
 */
import {
  caseActions, countdownWords, DEFAULT_FILTER, dueFirst, filterRequests, gmailThreadUrl, rowCountdown, serverQuery, sortRequests, type RequestRow,
} from '../../../src/core/requests/countdown';
import { addDays } from '../../../src/core/requests/deadlines';
import { createRequest, transition } from '../../../src/core/requests/machine';
import { textWith } from '../../../src/core/texts';
import { REQUEST_UI_EN, REQUEST_UI_FI, REQUEST_UI_SV, requestUiText } from '../../../src/core/texts/requests-ui';

const TODAY = '2026-11-25';

function row(over: Partial<RequestRow> & { id: string }): RequestRow {
  return { type: 'access', rights: ['access'], status: 'received', receivedAt: '2026-11-01T08:00:00.000Z', dueDate: '2026-12-01', customerNumber: '100001', requesterEmail: 'a@example.fi', ...over };
}

describe('the countdown, on the server\'s today', () => {
  test.each([
    [30, 'green'], [10, 'green'], [9, 'amber'], [5, 'amber'], [4, 'red'], [1, 'red'], [0, 'red'], [-1, 'overdue'], [-40, 'overdue'],
  ])('a case due in %i days is %s (amber under 10 days, red under 5, overdue after the due day)', (days, colour) => {
    const c = rowCountdown(row({ id: 'R1', dueDate: addDays(TODAY, days) }), TODAY)!;
    expect(c.colour).toBe(colour);
    expect(c.daysLeft).toBe(days);
  });

  test('the extended due date is the one counted down once there is one', () => {
    const c = rowCountdown(row({ id: 'R1', dueDate: addDays(TODAY, -3), extendedDueDate: addDays(TODAY, 50) }), TODAY)!;
    expect(c).toEqual({ dueDate: addDays(TODAY, 50), daysLeft: 50, colour: 'green' });
  });

  test('the same case counts from whatever today the server gives, not from a clock of its own', () => {
    const r = row({ id: 'R1', dueDate: '2026-12-01' });
    expect(rowCountdown(r, '2026-11-15')!.colour).toBe('green');
    expect(rowCountdown(r, '2026-11-25')!.colour).toBe('amber');
    expect(rowCountdown(r, '2026-11-28')!.colour).toBe('red');
    expect(rowCountdown(r, '2026-12-02')!.colour).toBe('overdue');
  });

  test('a closed case has no countdown, and nothing is counted before today is known', () => {
    for (const status of ['completed', 'rejected', 'duplicate'] as const) expect(rowCountdown(row({ id: 'R1', status }), TODAY)).toBeNull();
    expect(rowCountdown(row({ id: 'R1' }), '')).toBeNull();
  });

  test('the words: days left, due today, days overdue, in each language', () => {
    const words = (days: number, l: 'fi' | 'sv' | 'en') => {
      const w = countdownWords(rowCountdown(row({ id: 'R1', dueDate: addDays(TODAY, days) }), TODAY)!);
      return textWith(l, w.key, w.params);
    };
    expect(words(6, 'fi')).toBe('6 pv jäljellä');
    expect(words(0, 'fi')).toBe('Määräpäivä tänään');
    expect(words(-2, 'fi')).toBe('Myöhässä 2 pv');
    expect(words(-2, 'sv')).toBe('2 dagar försenad');
    expect(words(3, 'en')).toBe('3 days left');
  });
});

describe('the list', () => {
  const rows = [
    row({ id: 'A', status: 'in-progress', dueDate: '2026-12-10', customerNumber: '100001' }),
    row({ id: 'B', status: 'completed', dueDate: '2026-12-01', receivedAt: '2026-10-01T08:00:00.000Z' }),
    row({ id: 'C', status: 'awaiting-verification', type: 'erasure', rights: ['erasure', 'objection'], dueDate: '2026-11-30', customerNumber: '100234' }),
    row({ id: 'D', status: 'rejected', receivedAt: '2026-11-20T08:00:00.000Z' }),
    row({ id: 'E', status: 'received', dueDate: '2026-12-20', extendedDueDate: '', customerNumber: '' }),
    row({ id: 'F', status: 'in-progress', dueDate: '2026-11-01', extendedDueDate: '2027-01-04' }),
  ];
  const ids = (rs: RequestRow[]) => rs.map((r) => r.id);

  test('open cases only by default: received, awaiting verification and in progress', () => {
    expect(DEFAULT_FILTER.status).toBe('open');
    expect(ids(filterRequests(rows, DEFAULT_FILTER)).sort()).toEqual(['A', 'C', 'E', 'F']);
    expect(ids(filterRequests(rows, { ...DEFAULT_FILTER, status: 'all' }))).toHaveLength(6);
    expect(ids(filterRequests(rows, { ...DEFAULT_FILTER, status: 'rejected' }))).toEqual(['D']);
  });

  test('the type filter finds a letter under every right it asks, not only its primary type', () => {
    expect(ids(filterRequests(rows, { ...DEFAULT_FILTER, type: 'objection' }))).toEqual(['C']);
    expect(ids(filterRequests(rows, { ...DEFAULT_FILTER, type: 'erasure' }))).toEqual(['C']);
  });

  test('the customer number filter matches from the start as it is typed, spaces ignored', () => {
    expect(ids(filterRequests(rows, { ...DEFAULT_FILTER, status: 'all', customerNumber: ' 1002' }))).toEqual(['C']);
    expect(ids(filterRequests(rows, { ...DEFAULT_FILTER, status: 'all', customerNumber: '100001' }))).toEqual(['A', 'B', 'D', 'F']);
    expect(ids(filterRequests(rows, { ...DEFAULT_FILTER, customerNumber: '0001' }))).toEqual([]);
  });

  test('only the status is asked of the server (open by default); the rest is filtered in the answer', () => {
    expect(serverQuery(DEFAULT_FILTER)).toEqual({ status: 'open' });
    expect(serverQuery({ ...DEFAULT_FILTER, status: 'all' })).toEqual({});
    expect(serverQuery({ status: 'completed', type: 'access', customerNumber: '100001' })).toEqual({ status: 'completed' });
  });

  test('open cases first, nearest deadline (the extended one counts) first; closed ones after, newest first', () => {
    expect(ids(sortRequests(rows))).toEqual(['C', 'A', 'E', 'F', 'D', 'B']);
  });

  test('the start screen shows the open cases nearest their due date and says how many more', () => {
    expect(dueFirst(rows, 2)).toEqual({ shown: [rows[2], rows[0]], more: 2 });
    expect(dueFirst(rows.filter((r) => r.status === 'completed'), 5)).toEqual({ shown: [], more: 0 });
  });
});

describe('a case', () => {
  const ctx = { now: '2026-11-25T08:00:00.000Z', today: TODAY, actor: 'staff@cleanroom.fi' };
  const base = createRequest({ id: 'R1', receivedAt: '2026-11-20T08:00:00.000Z', channel: 'email', type: 'erasure', rights: ['objection'], language: 'fi' });

  test('an unverified case offers verification, extension, rejection and duplicate, and no right to fulfil yet', () => {
    expect(caseActions(base, TODAY)).toEqual({ verify: true, extend: true, reject: true, duplicate: true, settle: [] });
  });

  test('a verified case offers every open right; a settled right is no longer offered', () => {
    const verified = transition(base, { type: 'verify', method: 'manual', note: 'kortti' }, ctx);
    if (!verified.ok) throw new Error(verified.reason);
    expect(caseActions(verified.request, TODAY)).toMatchObject({ verify: false, settle: ['erasure', 'objection'] });
    const settled = transition(verified.request, { type: 'settle', right: 'objection', outcome: 'fulfilled' }, ctx);
    if (!settled.ok) throw new Error(settled.reason);
    expect(caseActions(settled.request, TODAY)).toMatchObject({ settle: ['erasure'], reject: false });
  });

  test('extension is offered only once and only inside the first month', () => {
    expect(caseActions(base, addDays(base.dueDate, 1)).extend).toBe(false);
    expect(caseActions(base, base.dueDate).extend).toBe(true);
    const extended = transition(base, { type: 'extend', reason: 'laaja' }, ctx);
    if (!extended.ok) throw new Error(extended.reason);
    expect(caseActions(extended.request, TODAY).extend).toBe(false);
  });

  test('a closed case offers nothing', () => {
    const rejected = transition(base, { type: 'reject', reason: 'toistuva' }, ctx);
    if (!rejected.ok) throw new Error(rejected.reason);
    expect(caseActions(rejected.request, TODAY)).toEqual({ verify: false, extend: false, reject: false, duplicate: false, settle: [] });
  });
});

test('the Gmail link is the thread in All mail, and a thread id that is not one gives no link at all', () => {
  expect(gmailThreadUrl('18c2f0a9b3e4d5f6')).toBe('https://mail.google.com/mail/#all/18c2f0a9b3e4d5f6');
  for (const bad of ['', 'javascript:alert(1)', '"><script>alert(1)</script>', '../../evil', 'a b', 'x'.repeat(101)]) expect(gmailThreadUrl(bad)).toBe('');
});

test('every dialog text is in fi, sv and en with the same placeholders, and a rejection names Tietosuojavaltuutettu in each', () => {
  for (const key of Object.keys(REQUEST_UI_FI) as (keyof typeof REQUEST_UI_FI)[]) {
    const all = [REQUEST_UI_FI[key], REQUEST_UI_SV[key], REQUEST_UI_EN[key]];
    for (const t of all) expect(t.trim()).not.toBe('');
    expect(new Set(all.map((t) => (t.match(/\{\w+\}/g) ?? []).sort().join())).size).toBe(1);
  }
  for (const l of ['fi', 'sv', 'en']) expect(requestUiText(l, 'rqRejectComplaint')).toMatch(/Tietosuojavaltuutet/i);
  expect(requestUiText('sv', 'menuRequests')).toBe('Begäranden');
  expect(requestUiText('xx', 'menuRequests')).toBe('Pyynnöt');
  expect(requestUiText('en', 'rqLogged', { id: 'R-1', dueDate: '1/12/2026' })).toBe('Request R-1 logged. Due date 1/12/2026.');
});
