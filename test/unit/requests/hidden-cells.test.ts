/**
 * The Requests tab's hidden cells (the outcome's data, the reply ids) name their case, and
 * pairHiddenCells gives each case the cells that name it wherever they stand: a person who sorts
 * or filters only the visible columns leaves the hidden ones behind, and no case may then read,
 * or the next write store, another case's outcome or replies.
 */
import {
  caseOfData, caseOfReplies, dataCell, pairHiddenCells, parseMessageIds, recordFromCells, recordToValues, repliesCell, type HiddenRow,
} from '../../../src/core/requests/record';
import { EMPTY_OUTCOME, type CaseOutcome } from '../../../src/core/requests/model';
import { createRequest } from '../../../src/core/requests/machine';
import { outcomeText } from '../../../src/core/words';
import { planTypedCells } from '../../../src/gas/typed-cells';

const settled = (right: 'access' | 'objection', reply: string): CaseOutcome => ({
  settled: [{ right, outcome: 'fulfilled', at: '2026-11-02T10:00:00.000Z', by: 'staff@example.fi', reason: '', reply }], rejectionReason: '', duplicateOf: '',
});
const row = (id: string, outcome: CaseOutcome | string, replies: string[] | string): HiddenRow => ({
  id,
  data: typeof outcome === 'string' ? outcome : dataCell(id, outcome),
  replies: typeof replies === 'string' ? replies : repliesCell(id, replies),
});

describe('the hidden cells name their case', () => {
  test('the data cell is the outcome\'s JSON with the case first, and still reads as the outcome', () => {
    const cell = dataCell('R-0003', settled('access', 'd1'));
    expect(cell.startsWith('{"case":"R-0003",')).toBe(true);
    expect(caseOfData(cell)).toBe('R-0003');
    const request = { ...createRequest({ id: 'R-0003', receivedAt: '2026-11-01T08:00:00.000Z', channel: 'email', type: 'access', rights: ['access'], language: 'fi', requesterEmail: 'a@example.fi', customerNumber: '', gmailMessageId: 'm1', gmailThreadId: 't1', summary: '' }), outcome: settled('access', 'd1') };
    const values = recordToValues({ request, replyMessageIds: ['m2', 'm3'] });
    expect(values.outcomeData).toBe(cell);
    expect(values.replyMessageIds).toBe('R-0003: m2,m3');
    const keys = Object.keys(values);
    const back = recordFromCells(keys, keys.map((k) => values[k]));
    expect(back?.request.outcome).toEqual(settled('access', 'd1'));
    expect(back?.replyMessageIds).toEqual(['m2', 'm3']);
  });

  test('the reply-ids cell reads "R-0003: id1,id2", an older "id1,id2" still reads, and no replies is "R-0003:" (named, never blank)', () => {
    expect(caseOfReplies('R-0003: a,b')).toBe('R-0003');
    expect(parseMessageIds('R-0003: a,b')).toEqual(['a', 'b']);
    expect(caseOfReplies('a,b')).toBeNull();
    expect(parseMessageIds('a,b')).toEqual(['a', 'b']);
    expect(repliesCell('R-0003', [])).toBe('R-0003:');
    expect(caseOfReplies('R-0003:')).toBe('R-0003');
    expect(parseMessageIds('R-0003:')).toEqual([]);
    expect(caseOfReplies('')).toBeNull();
    // A case id a person typed with a colon or a leading "=" (stored as text by gas/cells.ts toCell) still names its case.
    expect(caseOfReplies('=X:1: a')).toBe('=X:1');
    expect(parseMessageIds('=X:1: a')).toEqual(['a']);
    expect(caseOfData(dataCell('=SUM(1)', EMPTY_OUTCOME))).toBe('=SUM(1)');
  });

  test('an older data cell, a blank one, or text that is not JSON names no case', () => {
    expect(caseOfData(JSON.stringify(settled('access', 'd1')))).toBeNull();
    expect(caseOfData('')).toBeNull();
    expect(caseOfData('{not json')).toBeNull();
    expect(caseOfData('=HYPERLINK("x")')).toBeNull();
  });
});

describe('pairHiddenCells: each case reads the cells that name it, wherever they stand', () => {
  const a = settled('access', 'draft-a');
  const b = settled('objection', 'draft-b');

  test('nothing misplaced: every row keeps its cells and nothing is to mend', () => {
    const rows = [row('R-0001', a, ['m1']), row('R-0002', b, []), row('', '', '')];
    const p = pairHiddenCells(rows);
    expect(p.data).toEqual(rows.map((r) => r.data));
    expect(p.replies).toEqual(rows.map((r) => r.replies));
    expect(p.moved).toEqual([]);
  });

  test('a sort of the visible columns swapped two cases\' rows: each takes its own data and replies back, both rows to mend', () => {
    const own = [row('R-0001', a, ['m1']), row('R-0002', b, ['m2', 'm3'])];
    // The visible cells (the id) swapped, the hidden ones stayed.
    const sorted = [{ ...own[0], id: 'R-0002' }, { ...own[1], id: 'R-0001' }];
    const p = pairHiddenCells(sorted);
    expect(p.data).toEqual([own[1].data, own[0].data]);
    expect(p.replies).toEqual(['R-0002: m2,m3', 'R-0001: m1']);
    expect(p.moved).toEqual([0, 1]);
  });

  test('a case whose cells are found nowhere reads the safe value (no outcome, no replies), never the cells in its row that name another case', () => {
    const rows = [row('R-0001', b, ['m9'])];
    rows[0] = { ...rows[0], data: dataCell('R-0009', b), replies: 'R-0009: m9' };
    const p = pairHiddenCells(rows);
    expect(p.data).toEqual(['']);
    // No replies: the named empty cell, so nothing typed elsewhere can pass for its own.
    expect(p.replies).toEqual(['R-0001:']);
    // R-0009 is no case of the tab: its cells are no one's, and the row's case has nothing else to take.
    expect(p.moved).toEqual([0]);
  });

  test('a cell written before the names belongs to the row it stands in, as before, and the mend writes it in the named form there', () => {
    const older = JSON.stringify(a);
    const p = pairHiddenCells([{ id: 'R-0001', data: older, replies: 'm1,m2' }, { id: 'R-0002', data: '', replies: '' }]);
    expect(p.data).toEqual([dataCell('R-0001', a), '']);
    expect(p.replies).toEqual(['R-0001: m1,m2', 'R-0002:']);
    // Both rows are written once, named in place: no cell is left that a later sort could part from its case.
    expect(p.moved).toEqual([0, 1]);
    const again = pairHiddenCells([{ id: 'R-0001', data: p.data[0], replies: p.replies[0] }, { id: 'R-0002', data: '', replies: p.replies[1] }]);
    expect(again.moved).toEqual([]);
  });

  test('a named cell wins over an older one in the case\'s row; a copy left in a row with no case is blanked by the mend', () => {
    const rows: HiddenRow[] = [
      { id: 'R-0001', data: JSON.stringify(b), replies: 'old' },
      { id: '', data: dataCell('R-0001', a), replies: 'R-0001: m1' },
    ];
    const p = pairHiddenCells(rows);
    expect(p.data).toEqual([dataCell('R-0001', a), '']);
    expect(p.replies).toEqual(['R-0001: m1', '']);
    expect(p.moved).toEqual([0, 1]);
  });

  test('an older data cell that is not JSON is left as it is (never rewritten as an empty outcome)', () => {
    const p = pairHiddenCells([{ id: 'R-0001', data: '{rikki', replies: 'R-0001:' }]);
    expect(p.data).toEqual(['{rikki']);
    expect(p.moved).toEqual([]);
  });

  test('a row with no case keeps a cell that names no case of the tab (nothing takes it)', () => {
    const rows: HiddenRow[] = [{ id: 'R-0001', data: dataCell('R-0001', a), replies: 'R-0001:' }, { id: '', data: dataCell('R-0077', b), replies: 'R-0077: m7' }];
    const p = pairHiddenCells(rows);
    expect(p.data[1]).toBe(dataCell('R-0077', b));
    expect(p.replies[1]).toBe('R-0077: m7');
    expect(p.moved).toEqual([]);
  });

  test('a three-way rotation: every case gets its own cells, and every cell that moves is one a case reads (nothing lost)', () => {
    const own = [row('R-0001', a, ['m1']), row('R-0002', b, []), row('R-0003', EMPTY_OUTCOME, ['m3'])];
    const rotated = own.map((r, i) => ({ ...r, id: own[(i + 1) % 3].id }));
    const p = pairHiddenCells(rotated);
    rotated.forEach((r, i) => {
      const mine = own.find((o) => o.id === r.id)!;
      expect([p.data[i], p.replies[i]]).toEqual([mine.data, mine.replies]);
    });
    const written = new Set([...p.data, ...p.replies]);
    for (const o of own) for (const cell of [o.data, o.replies]) expect(written.has(cell)).toBe(true);
  });
});

describe('the on-edit trigger writes Lopputulos from the row\'s own case\'s data only', () => {
  const HEL = 'Europe/Helsinki';
  const keys = ['id', 'outcome', 'outcomeData'];
  const a = settled('access', 'draft-a');
  const b = settled('objection', 'draft-b');

  test('a row whose data cell names another case: the words of its own case\'s data elsewhere in the block, else the cell left as typed', () => {
    // The visible cells of R-0001 and R-0002 swapped by a sort; the data cells stayed.
    const read = [['R-0002', 'käsin', dataCell('R-0001', a)], ['R-0001', 'käsin', dataCell('R-0002', b)]];
    const none = [['', '', ''], ['', '', '']];
    const both = planTypedCells(keys, read, none, { first: 1, last: 1 }, { language: 'fi', timeZone: HEL });
    expect(both.values.map((r) => r[1])).toEqual([outcomeText(b, 'fi', HEL), outcomeText(a, 'fi', HEL)]);
    const one = planTypedCells(keys, read.slice(0, 1), none.slice(0, 1), { first: 1, last: 1 }, { language: 'fi', timeZone: HEL });
    expect(one.values[0][1]).toBe('käsin');
    expect(one.changed).toEqual([]);
    // A formula typed there still becomes its text, even when the words cannot be derived.
    const formula = planTypedCells(keys, [['R-0002', 7, dataCell('R-0001', a)]], [['', '=3+4', '']], { first: 1, last: 1 }, { language: 'fi', timeZone: HEL });
    expect(formula.values[0][1]).toBe('=3+4');
  });

  test('an older data cell (no case named) still gives its row\'s words, as before', () => {
    const plan = planTypedCells(keys, [['R-0001', 'käsin', JSON.stringify(a)]], [['', '', '']], { first: 1, last: 1 }, { language: 'fi', timeZone: HEL });
    expect(plan.values[0][1]).toBe(outcomeText(a, 'fi', HEL));
  });
});
