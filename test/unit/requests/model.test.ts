import {
  CLOSED_STATUSES, EMPTY_OUTCOME, GDPR_ARTICLES, OPEN_STATUSES, REQUEST_STATUSES, REQUEST_TYPES,
  encodeOutcome, encodeRights, openRights, parseOutcome, parseRights,
} from '../../../src/core/requests/model';
import { TRANSITIONS } from '../../../src/core/requests/machine';
import * as api from '../../../src/core/requests/index';

describe('the request model', () => {
  test('every right but other and consent names its one GDPR article (15–21)', () => {
    expect(REQUEST_TYPES.filter((t) => GDPR_ARTICLES[t].length === 1).map((t) => GDPR_ARTICLES[t][0])).toEqual(['15', '16', '17', '18', '20', '21']);
  });

  test('open and closed statuses split the statuses, and a case leaves exactly the open ones', () => {
    expect([...OPEN_STATUSES, ...CLOSED_STATUSES].sort()).toEqual([...REQUEST_STATUSES].sort());
    expect([...new Set(TRANSITIONS.map((t) => t.from))].sort()).toEqual([...OPEN_STATUSES].sort());
  });

  test('rights and outcome survive a round trip through their cells; a broken cell reads as nothing settled', () => {
    expect(parseRights(encodeRights(['erasure', 'objection']))).toEqual(['erasure', 'objection']);
    expect(parseRights('erasure, bogus,erasure;access')).toEqual(['erasure', 'access']);
    expect(parseRights(undefined)).toEqual([]);
    const outcome = { settled: [{ right: 'objection' as const, outcome: 'fulfilled' as const, at: '2026-05-04T09:00:00.000Z', by: 'a@b.fi', reason: '' }], rejectionReason: '', duplicateOf: '' };
    expect(parseOutcome(encodeOutcome(outcome))).toEqual(outcome);
    expect(encodeOutcome(EMPTY_OUTCOME)).toBe('');
    expect(parseOutcome('{not json')).toEqual(EMPTY_OUTCOME);
    expect(parseOutcome('{"settled":[{"right":"nope","outcome":"fulfilled"}]}')).toEqual(EMPTY_OUTCOME);
  });

  test('open rights are those asked and not yet settled, in the order asked', () => {
    const settled = [{ right: 'objection' as const, outcome: 'declined' as const, at: '', by: '', reason: 'x' }];
    expect(openRights({ rights: ['erasure', 'objection', 'restriction'], outcome: { ...EMPTY_OUTCOME, settled } })).toEqual(['erasure', 'restriction']);
  });
});

test('the index exports the whole surface intake, the dialog and fulfilment build on', () => {
  for (const name of ['transition', 'createRequest', 'TRANSITIONS', 'deadline', 'extendedDueDate', 'countdown', 'classify', 'REQUEST_TYPES', 'REQUEST_STATUSES', 'parseOutcome']) {
    expect(api).toHaveProperty(name);
  }
});
