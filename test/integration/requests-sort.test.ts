/**
 * A person sorts (or filters) only the visible columns of Pyynnöt: the visible cells move, the
 * hidden ones (the outcome's data, the reply ids) stay behind. The hidden cells name their case,
 * so every read still gives each case its own outcome and replies, the next software write puts
 * them back in their cases' rows (no case's data written over by another's, even with a fault at
 * any call), the sweep trashes the right case's mail, the on-edit trigger and the language switch
 * write each case's own words. Through dist/ in the emulator (Range.sort moves only the range's
 * columns, as Google's does).
 */
import { columnKeysFromHeader, REQUESTS_TAB } from '../../src/core/schema';
import { caseOfData, caseOfReplies } from '../../src/core/requests/record';
import { OWNER, STAFF } from '../../src/emulator/accounts';
import type { Emulator } from '../../src/emulator/app';
import { call, demo } from '../support/register';
import { records } from '../support/retention';
import { caseRow, logCase, mailbox, person } from './fulfil-cases';

const DAY = 86_400_000;
const snap = (em: Emulator) => em.world.spreadsheet.snapshot('Pyynnöt')!;
const keysOf = (em: Emulator) => columnKeysFromHeader(REQUESTS_TAB, snap(em).values[0]);
const colOf = (em: Emulator, key: string) => keysOf(em).indexOf(key) + 1;
const rowOf = (em: Emulator, id: string) => (snap(em).values as unknown[][]).findIndex((r) => r[keysOf(em).indexOf('id')] === id) + 1;
/** The case's Lopputulos as people see it. */
const shownOutcome = (em: Emulator, id: string) => String((snap(em).displayValues as string[][])[rowOf(em, id) - 1][colOf(em, 'outcome') - 1]);
/** A hidden cell of the case's row as text, in any language of the header. */
const hiddenOf = (em: Emulator, id: string, key: 'outcomeData' | 'replyMessageIds') => String((snap(em).values as unknown[][])[rowOf(em, id) - 1][colOf(em, key) - 1]);
const caseIds = (em: Emulator) => (snap(em).values as string[][]).slice(1).map((r) => r[keysOf(em).indexOf('id')]).filter((id) => id !== '');

type Got = { request: Record<string, unknown> & { outcome: unknown }; replies: { messageId: string }[] };
const got = (em: Emulator, id: string) => {
  const g = call<Got>(em, 'getRequest', { id }, OWNER);
  return { request: g.request, replies: g.replies.map((r) => r.messageId) };
};

/**
 * Two cases with an outcome and a reply each: R-0015 closed (a marketing ban fulfilled, a
 * restriction declined), R-0016 in progress (its marketing ban fulfilled, the access not yet).
 * Intake attaches each reply to its case.
 */
function twoCases(): { em: Emulator; a: string; b: string } {
  const em = demo(30);
  const [pa, pb] = [person(em, '100015'), person(em, '100016')];
  const a = logCase(em, { id: 'R-0015', customerNumber: '100015', rights: ['objection', 'restriction'], mailFrom: pa.email });
  call(em, 'fulfilRequest', { id: a.id, right: 'objection' });
  call(em, 'fulfilRequest', { id: a.id, right: 'restriction', decline: 'Tietoja tarvitaan laskutukseen.' });
  const b = logCase(em, { id: 'R-0016', customerNumber: '100016', rights: ['access', 'objection'], mailFrom: pb.email });
  call(em, 'fulfilRequest', { id: b.id, right: 'objection' });
  em.deliverMail({ from: pa.email, subject: 'Re: Tietosuojapyyntö', body: 'Kiitos.', threadId: a.gmailThreadId });
  em.deliverMail({ from: pb.email, subject: 'Re: Tietosuojapyyntö', body: 'Liitteenä henkilökortin kuva.', threadId: b.gmailThreadId });
  expect(em.runTimeTrigger('pollInbox').ok).toBe(true);
  return { em, a: a.id, b: b.id };
}

/** The person's "Sort range" over the visible columns only (A..Lopputulos), by id from the highest down. */
function sortVisible(em: Emulator): void {
  const width = colOf(em, 'outcome');
  expect(width).toBeLessThan(colOf(em, 'replyMessageIds'));
  const run = em.runScript(`
    const sheet = SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Pyynnöt');
    sheet.getRange(2, 1, sheet.getLastRow() - 1, ${width}).sort({ column: 1, ascending: false });
  `, OWNER);
  expect(run.ok).toBe(true);
}

/** Every case's hidden cells stand in its own row (the data cell always names it; the reply ids when it has any). */
function eachInItsOwnRow(em: Emulator): void {
  for (const id of caseIds(em)) {
    const row = caseRow(em, id);
    expect([id, caseOfData(row.outcomeData)]).toEqual([id, id]);
    if (row.replyMessageIds !== '') expect([id, caseOfReplies(row.replyMessageIds)]).toEqual([id, id]);
  }
}

describe('a sort of the visible columns of Pyynnöt does not swap the cases\' outcomes', () => {
  test('each case still reads its own outcome and replies, and the next write (an extension) puts every hidden cell back in its own row', () => {
    const { em, a, b } = twoCases();
    const before = Object.fromEntries(caseIds(em).map((id) => [id, got(em, id)]));
    expect(before[a].replies).toHaveLength(1);
    expect(before[b].replies).toHaveLength(1);
    const listed = call<{ requests: unknown[] }>(em, 'listRequests', {}, OWNER).requests;
    sortVisible(em);
    // The sort moved the visible cells only: R-0015's row now holds another case's hidden data.
    expect(JSON.parse(caseRow(em, a).outcomeData).settled).not.toEqual((before[a].request.outcome as { settled: unknown[] }).settled);
    for (const id of Object.keys(before)) expect(got(em, id)).toEqual(before[id]);
    expect(new Set(call<{ requests: unknown[] }>(em, 'listRequests', {}, OWNER).requests.map((r) => JSON.stringify(r)))).toEqual(new Set(listed.map((r) => JSON.stringify(r))));
    call(em, 'extendRequest', { id: b, reason: 'Paljon tietoja' });
    eachInItsOwnRow(em);
    for (const id of Object.keys(before)) {
      const now = got(em, id);
      if (id === b) {
        expect(now.request).toEqual({ ...before[b].request, extendedDueDate: expect.any(String), extensionReason: 'Paljon tietoja', status: now.request.status });
        expect(now.replies).toEqual(before[b].replies);
      } else {
        expect(now).toEqual(before[id]);
      }
    }
  });

  test('the mend is one setValues more than the same write costs when nothing is misplaced; none more when nothing is', () => {
    const setValues = (sorted: boolean) => {
      const { em, b } = twoCases();
      if (sorted) sortVisible(em);
      const run = em.callFromClient('extendRequest', [{ id: b, reason: 'Paljon tietoja' }], STAFF);
      expect(run.ok).toBe(true);
      return { calls: run.calls, setValues: (run.byMethod as Record<string, { calls: number }>)['Range.setValues'].calls };
    };
    const plain = setValues(false);
    const mended = setValues(true);
    expect(mended.setValues).toBe(plain.setValues + 1);
    expect(mended.calls).toBe(plain.calls + 1);
  });

  test('a fault at any call of the write that mends: nothing of either case is lost or given to the other, and the retry mends and writes', () => {
    const probe = twoCases();
    sortVisible(probe.em);
    const calls = probe.em.callFromClient('extendRequest', [{ id: probe.b, reason: 'Paljon tietoja' }], STAFF).calls;
    for (let n = 1; n <= calls; n++) {
      const { em, a, b } = twoCases();
      const before = Object.fromEntries(caseIds(em).map((id) => [id, got(em, id)]));
      sortVisible(em);
      em.world.injectFault({ atCall: n });
      em.callFromClient('extendRequest', [{ id: b, reason: 'Paljon tietoja' }], STAFF);
      expect([n, got(em, a)]).toEqual([n, before[a]]);
      expect([n, got(em, b).replies, got(em, b).request.outcome]).toEqual([n, before[b].replies, before[b].request.outcome]);
      // The first try may have extended it already (then the retry is refused: one extension a case), and then it mended first.
      em.callFromClient('extendRequest', [{ id: b, reason: 'Paljon tietoja' }], STAFF);
      expect([n, got(em, b).request.extensionReason]).toEqual([n, 'Paljon tietoja']);
      eachInItsOwnRow(em);
      for (const id of Object.keys(before)) if (id !== b) expect([n, got(em, id)]).toEqual([n, before[id]]);
    }
  });

  test('Lopputulos rewritten by the on-edit trigger is each case\'s own words, never the words of the data left in its row', () => {
    const { em, a } = twoCases();
    const words = Object.fromEntries(caseIds(em).map((id) => [id, shownOutcome(em, id)]));
    const outcomeBefore = got(em, a).request.outcome;
    expect(words[a]).toMatch(/Markkinointikielto/);
    sortVisible(em);
    // A paste over every row's Lopputulos: the block read holds every case's data, so each gets its own words back.
    const first = 2;
    const ids = caseIds(em);
    const paste = em.pasteCells(STAFF, 'Pyynnöt', first, colOf(em, 'outcome'), ids.map(() => ['Tarkastus: toteutettu']));
    expect(paste.reports.every((r) => r.ok)).toBe(true);
    for (const id of ids) expect([id, shownOutcome(em, id)]).toEqual([id, words[id]]);
    // One cell: its row holds another case's data and its own is in no row read, so the text typed stays (read by nothing).
    const edit = em.editCell(STAFF, 'Pyynnöt', rowOf(em, a), colOf(em, 'outcome'), 'Käsin kirjoitettu');
    expect(edit.reports.every((r) => r.ok)).toBe(true);
    expect(shownOutcome(em, a)).toBe('Käsin kirjoitettu');
    // The case itself is as it was before the sort: the typed words changed nothing.
    expect(got(em, a).request.outcome).toEqual(outcomeBefore);
  });

  test('a language switch after the sort writes each case\'s own outcome in Swedish and puts the hidden cells back in their rows', () => {
    const { em, a, b } = twoCases();
    const before = Object.fromEntries(caseIds(em).map((id) => [id, got(em, id)]));
    sortVisible(em);
    expect(em.callFromClient('saveSettings', [{ settings: { language: 'sv' } }], OWNER).ok).toBe(true);
    expect(shownOutcome(em, a)).toMatch(/^Marknadsföringsförbud \(art\. 21\): tillgodosedd .*Begränsning av behandling \(art\. 18\): avslagen/);
    expect(shownOutcome(em, b)).toMatch(/^Marknadsföringsförbud \(art\. 21\): tillgodosedd/);
    expect(shownOutcome(em, b)).not.toMatch(/Begränsning/);
    const header = snap(em).values[0] as string[];
    const at = (k: string) => header.indexOf(REQUESTS_TAB.columns.find((c) => c.key === k)!.header.sv);
    for (const row of (snap(em).values as string[][]).slice(1).filter((r) => r[at('id')] !== '')) {
      expect([row[at('id')], caseOfData(row[at('outcomeData')])]).toEqual([row[at('id')], row[at('id')]]);
    }
    for (const id of Object.keys(before)) expect(got(em, id)).toEqual(before[id]);
  });
});

describe('cells written before the names', () => {
  test('still read paired to their row, and the language switch (set-up\'s same rewrite) writes them in the form that names the case', () => {
    const { em, a } = twoCases();
    const before = got(em, a);
    const row = rowOf(em, a);
    const older = JSON.stringify(before.request.outcome);
    const run = em.runScript(`
      const sheet = SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Pyynnöt');
      sheet.getRange(${row}, ${colOf(em, 'outcomeData')}).setValue(${JSON.stringify(older)});
      sheet.getRange(${row}, ${colOf(em, 'replyMessageIds')}).setValue(${JSON.stringify(before.replies.join(','))});
    `, OWNER);
    expect(run.ok).toBe(true);
    expect(caseOfData(caseRow(em, a).outcomeData)).toBeNull();
    expect(got(em, a)).toEqual(before);
    expect(em.callFromClient('saveSettings', [{ settings: { language: 'sv' } }], OWNER).ok).toBe(true);
    expect(caseOfData(hiddenOf(em, a, 'outcomeData'))).toBe(a);
    expect(hiddenOf(em, a, 'replyMessageIds')).toBe(`${a}: ${before.replies.join(',')}`);
    expect(got(em, a)).toEqual(before);
  });
});

describe('a tab from before the names, sorted after a software write', () => {
  test('the first write of any case names every older cell in its own row, so a later sort takes nobody\'s outcome (R-0015\'s settled rights stay settled)', () => {
    const { em, a, b } = twoCases();
    const before = { [a]: got(em, a), [b]: got(em, b) };
    // Both cases' cells as a release before the names wrote them.
    const cells = (id: string) => [[JSON.stringify(before[id].request.outcome), before[id].replies.join(',')]];
    const [ra, rb] = [rowOf(em, a), rowOf(em, b)];
    const dataCol = colOf(em, 'outcomeData');
    expect(colOf(em, 'replyMessageIds')).toBe(dataCol - 1);
    const older = (id: string) => [[cells(id)[0][1], cells(id)[0][0]]];
    const run = em.runScript(`
      const sheet = SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Pyynnöt');
      sheet.getRange(${ra}, ${dataCol - 1}, 1, 2).setValues(${JSON.stringify(older(a))});
      sheet.getRange(${rb}, ${dataCol - 1}, 1, 2).setValues(${JSON.stringify(older(b))});
    `, OWNER);
    expect(run.ok).toBe(true);
    expect([caseOfData(caseRow(em, a).outcomeData), caseOfData(caseRow(em, b).outcomeData)]).toEqual([null, null]);
    // A software write of one case (an extension of R-0016) names the other's older cells too.
    expect(em.callFromClient('extendRequest', [{ id: b, reason: 'Paljon tietoja' }], STAFF).ok).toBe(true);
    expect(caseOfData(hiddenOf(em, a, 'outcomeData'))).toBe(a);
    expect(caseOfReplies(hiddenOf(em, a, 'replyMessageIds'))).toBe(a);
    // Then a sort of the visible columns: each case keeps its own outcome and replies.
    sortVisible(em);
    expect(got(em, a)).toEqual(before[a]);
    expect(got(em, b).request.outcome).toEqual(before[b].request.outcome);
    expect(got(em, b).replies).toEqual(before[b].replies);
  });

  test('a case with no replies has a named reply-ids cell, so a cell typed elsewhere naming it is not taken for its own', () => {
    const em = demo(30);
    const letter = { channel: 'letter', type: 'access', rights: [], requesterEmail: 'kirje@example.fi', summary: 'Tietoni', requestKey: 'letter-key-0000000020', receivedAt: '2026-11-02' };
    const c = call<{ request: { id: string } }>(em, 'logRequest', letter).request;
    expect(hiddenOf(em, c.id, 'replyMessageIds')).toBe(`${c.id}:`);
    expect(got(em, c.id).replies).toEqual([]);
  });
});

describe('the retention sweep after such a sort', () => {
  test('trashes the replies of the case past retention, not those of the case kept, and leaves each case\'s data in its own row', () => {
    const em = demo();
    const [n1, n2] = records(em).filter(({ c }) => c.email && !c.relationshipEnd).map(({ c }) => c.customerNumber);
    const old = logCase(em, { id: 'R-0870', customerNumber: n1, rights: ['access'] });
    const oldDraft = call<{ draft: { messageId: string } }>(em, 'fulfilRequest', { id: old.id, right: 'access' }).draft.messageId;
    em.world.now += 37 * 31 * DAY;
    const kept = logCase(em, { id: 'R-0871', customerNumber: n2, rights: ['access'] });
    const keptDraft = call<{ draft: { messageId: string } }>(em, 'fulfilRequest', { id: kept.id, right: 'access' }).draft.messageId;
    sortVisible(em);
    // The sort left the kept case's data (its reply's id) in the row of the case past retention.
    expect(JSON.parse(caseRow(em, old.id).outcomeData).settled[0].reply).toBe(keptDraft);
    expect(em.callFromClient('runRetentionSweep', [], OWNER).ok).toBe(true);
    const drafts = mailbox(em).drafts.map((d) => d.id);
    expect(drafts).not.toContain(oldDraft);
    expect(drafts).toContain(keptDraft);
    eachInItsOwnRow(em);
    const settled = call<Got>(em, 'getRequest', { id: kept.id }, OWNER).request.outcome as { settled: { reply?: string }[] };
    expect(settled.settled.map((s) => s.reply)).toEqual([keptDraft]);
  });
});
