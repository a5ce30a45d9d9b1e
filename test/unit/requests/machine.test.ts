import { REQUEST_STATUSES, REQUEST_TYPES, type Request, type RequestStatus } from '../../../src/core/requests/model';
import {
  GUARDS,
  REQUEST_EVENTS,
  TRANSITIONS,
  allowedEvents,
  createRequest,
  transition,
  transitionRow,
  type RequestEvent,
  type RequestEventType,
  type TransitionContext,
} from '../../../src/core/requests/machine';

const ctx: TransitionContext = { now: '2026-05-04T09:00:00.000Z', today: '2026-05-04', actor: 'staff@cleanroom.fi' };
const base = createRequest({
  id: 'REQ-7', receivedAt: '2026-04-30T21:30:00.000Z', channel: 'email', type: 'erasure', rights: ['erasure', 'objection'],
  language: 'fi', requesterEmail: 'matti@example.fi', customerNumber: '100042', summary: 'Poistakaa tietoni',
});

/** A case in `status` for which every guard of every row holds (the rights settled only where that is needed). */
function caseIn(status: RequestStatus, event: RequestEventType): Request {
  const verified = status === 'in-progress' || status === 'completed';
  const settled = event === 'complete' || status === 'completed'
    ? base.rights.map((right) => ({ right, outcome: 'fulfilled' as const, at: ctx.now, by: ctx.actor, reason: '' }))
    : [];
  return { ...base, status, verification: verified ? 'address' : 'none', outcome: { ...base.outcome, settled } };
}

/** An event of each kind that passes its guards. */
function goodEvent(type: RequestEventType): RequestEvent {
  switch (type) {
    case 'hold-for-verification': return { type };
    case 'verify': return { type, method: 'manual', note: 'Kävi toimistolla, ajokortti tarkistettu' };
    case 'settle': return { type, right: 'erasure', outcome: 'fulfilled' };
    case 'complete': return { type };
    case 'extend': return { type, reason: 'Pyyntöjä on poikkeuksellisen paljon' };
    case 'reject': return { type, reason: 'Henkilöllisyyttä ei voitu todentaa' };
    case 'mark-duplicate': return { type, of: 'REQ-3' };
  }
}

describe('the request transition table', () => {
  test('a new case starts in received with its due date, the primary type first among its rights', () => {
    expect(base.status).toBe('received');
    expect(base.dueDate).toBe('2026-06-01'); // received 1 May Helsinki (00:30), 1 June is a Monday
    expect(base.rights).toEqual(['erasure', 'objection']);
    expect(createRequest({ ...base, type: 'objection', rights: ['erasure', 'objection', 'erasure'] }).rights).toEqual(['objection', 'erasure']);
  });

  test('the table has one row per status and event, and only open statuses have moves', () => {
    const keys = TRANSITIONS.map((t) => `${t.from} ${t.event}`);
    expect(new Set(keys).size).toBe(keys.length);
    for (const t of TRANSITIONS) expect(['received', 'awaiting-verification', 'in-progress']).toContain(t.from);
    for (const t of TRANSITIONS) for (const g of t.guards) expect(GUARDS).toContain(g);
  });

  const cells = REQUEST_STATUSES.flatMap((status) => REQUEST_EVENTS.map((event) => [status, event] as const));
  test.each(cells)('from %s, %s works exactly when the table allows it', (status, event) => {
    const row = transitionRow(status, event);
    const result = transition(caseIn(status, event), goodEvent(event), ctx);
    if (row) {
      expect(result).toMatchObject({ ok: true, from: status, to: row.to });
      expect(result.ok && result.request.status).toBe(row.to);
      expect(allowedEvents(status)).toContain(event);
    } else {
      expect(result).toEqual({ ok: false, reason: 'reqTransitionRefused', params: { from: status, event } });
      expect(allowedEvents(status)).not.toContain(event);
    }
  });

  test('closed cases take no event at all', () => {
    for (const status of ['completed', 'rejected', 'duplicate'] as const) expect(allowedEvents(status)).toEqual([]);
  });

  test('a right is acted on only once the case is verified: received and awaiting-verification refuse settle', () => {
    for (const status of ['received', 'awaiting-verification'] as const) {
      expect(transition(caseIn(status, 'settle'), goodEvent('settle'), ctx)).toMatchObject({ ok: false, reason: 'reqTransitionRefused' });
    }
  });

  test('a manual verification needs a note of how identity was checked', () => {
    expect(transition(base, { type: 'verify', method: 'manual', note: ' ' }, ctx)).toMatchObject({ ok: false, reason: 'reqVerifyNoteRequired' });
    const r = transition(base, { type: 'verify', method: 'address' }, ctx);
    expect(r.ok && [r.request.verification, r.request.handledBy]).toEqual(['address', 'staff@cleanroom.fi']);
  });

  test('completing needs every right asked settled; each right is settled once, a decline with its reason', () => {
    const started = transition(base, { type: 'verify', method: 'address' }, ctx);
    if (!started.ok) throw new Error('verify refused');
    expect(transition(started.request, { type: 'complete' }, ctx)).toMatchObject({ ok: false, reason: 'reqRightsOpen', params: { rights: 'erasure, objection' } });
    expect(transition(started.request, { type: 'settle', right: 'access', outcome: 'fulfilled' }, ctx)).toMatchObject({ ok: false, reason: 'reqRightNotAsked' });
    expect(transition(started.request, { type: 'settle', right: 'erasure', outcome: 'declined' }, ctx)).toMatchObject({ ok: false, reason: 'reqDeclineReasonRequired' });
    const one = transition(started.request, { type: 'settle', right: 'objection', outcome: 'fulfilled' }, ctx);
    if (!one.ok) throw new Error('settle refused');
    expect(transition(one.request, { type: 'settle', right: 'objection', outcome: 'fulfilled' }, ctx)).toMatchObject({ ok: false, reason: 'reqRightSettled' });
    expect(transition(one.request, { type: 'complete' }, ctx)).toMatchObject({ ok: false, reason: 'reqRightsOpen', params: { rights: 'erasure' } });
    const two = transition(one.request, { type: 'settle', right: 'erasure', outcome: 'declined', reason: 'Kirjanpitolaki: säilytys 2032 asti' }, ctx);
    if (!two.ok) throw new Error('settle refused');
    const done = transition(two.request, { type: 'complete' }, { ...ctx, now: '2026-05-05T10:00:00.000Z' });
    expect(done.ok && done.request).toMatchObject({ status: 'completed', closedAt: '2026-05-05T10:00:00.000Z' });
    expect(done.ok && done.request.outcome.settled.map((s) => [s.right, s.outcome, s.reason])).toEqual([
      ['objection', 'fulfilled', ''], ['erasure', 'declined', 'Kirjanpitolaki: säilytys 2032 asti'],
    ]);
    expect(started.request.outcome.settled).toEqual([]); // the input is never changed
  });

  test('an extension is allowed once, within the first month, with a reason, and gives two further months', () => {
    const r = transition(base, { type: 'extend', reason: 'Monimutkainen pyyntö' }, ctx);
    expect(r.ok && [r.request.status, r.request.extendedDueDate, r.request.extensionReason]).toEqual(['received', '2026-08-03', 'Monimutkainen pyyntö']); // 1 June + 2 months = Sat 1 Aug → Mon 3 Aug
    if (!r.ok) return;
    expect(transition(r.request, { type: 'extend', reason: 'taas' }, ctx)).toMatchObject({ ok: false, reason: 'reqAlreadyExtended' });
    expect(transition(base, { type: 'extend', reason: '' }, ctx)).toMatchObject({ ok: false, reason: 'reqReasonRequired' });
    expect(transition(base, { type: 'extend', reason: 'x' }, { ...ctx, today: '2026-06-01' }).ok).toBe(true); // the due day itself
    expect(transition(base, { type: 'extend', reason: 'x' }, { ...ctx, today: '2026-06-02' })).toMatchObject({ ok: false, reason: 'reqExtensionTooLate', params: { dueDate: '2026-06-01' } });
  });

  test('a rejection needs its reason and is refused once a right was fulfilled (decline the rest instead)', () => {
    expect(transition(base, { type: 'reject', reason: ' ' }, ctx)).toMatchObject({ ok: false, reason: 'reqReasonRequired' });
    const r = transition(base, { type: 'reject', reason: 'Ilmeisen perusteeton' }, ctx);
    expect(r.ok && [r.request.status, r.request.outcome.rejectionReason, r.request.closedAt]).toEqual(['rejected', 'Ilmeisen perusteeton', ctx.now]);
    const part = { ...caseIn('in-progress', 'reject'), outcome: { ...base.outcome, settled: [{ right: 'objection' as const, outcome: 'fulfilled' as const, at: ctx.now, by: ctx.actor, reason: '' }] } };
    expect(transition(part, { type: 'reject', reason: 'x' }, ctx)).toMatchObject({ ok: false, reason: 'reqRejectAfterFulfilment' });
  });

  test('a duplicate names another case', () => {
    expect(transition(base, { type: 'mark-duplicate', of: '' }, ctx)).toMatchObject({ ok: false, reason: 'reqDuplicateOfRequired' });
    expect(transition(base, { type: 'mark-duplicate', of: 'REQ-7' }, ctx)).toMatchObject({ ok: false, reason: 'reqDuplicateOfSelf' });
    const r = transition(base, { type: 'mark-duplicate', of: 'REQ-3' }, ctx);
    expect(r.ok && [r.request.status, r.request.outcome.duplicateOf]).toEqual(['duplicate', 'REQ-3']);
  });

  test('every type can be the primary type of a new case', () => {
    for (const type of REQUEST_TYPES) expect(createRequest({ ...base, type, rights: [] }).rights).toEqual([type]);
  });
});
