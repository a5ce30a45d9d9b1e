/**
 * The invariant store's hidden tab, the register's header and right-hand columns in one
 * execution, and the marketing export's one read of the state, through the emulator's public
 * API: a one-cell edit of the store is undone and logged, a paste there is logged with its rows
 * and marks a repair, which quarantines (never drops) the rows whose records it broke; an edit
 * touching the header and the rows runs one locked execution; the export stays logged.
 */
import { Emulator } from '../../src/emulator/app';
import { OWNER, STAFF } from '../../src/emulator/accounts';
import { AUDIT_TAB, columnKeysFromHeader } from '../../src/core/schema';
import { verifyChain, AuditEntry } from '../../src/core/audit';
import { sha256Hex } from '../../src/core/sha256';
import { call, demo } from '../support/register';

const STORE = 'Varmisteet';
const DUE = 'rekisteri.repairDue';

function auditEntries(em: Emulator): Record<string, string>[] {
  const [header, ...rows] = em.world.spreadsheet.snapshot('Lokitiedot')!.values as unknown[][];
  const keys = columnKeysFromHeader(AUDIT_TAB, header);
  return rows.filter((r) => r.some((v) => v !== '')).map((r) => {
    const e: Record<string, string> = {};
    keys.forEach((k, i) => {
      // The register's own escape in plain-text cells (gas/cells.ts): dropped on reading.
      const v = String(r[i] ?? '');
      if (k) e[k] = /^'[=']/.test(v) ? v.slice(1) : v;
    });
    return e;
  });
}

const storeCell = (em: Emulator, row: number, col: number) => (em.world.spreadsheet.snapshot(STORE)!.values[row - 1] as unknown[])[col - 1];

describe('the invariant store\'s tab is guarded by the on-edit trigger', () => {
  test('a one-cell edit of the store is undone and logged; the person still reads', () => {
    const em = demo();
    const before = storeCell(em, 3, 2);
    expect(String(before)).toMatch(/100001/);
    expect(em.editCell(STAFF, STORE, 3, 2, '').reports[0].ok).toBe(true);
    expect(storeCell(em, 3, 2)).toBe(before);
    expect(auditEntries(em).pop()).toMatchObject({ action: 'manual-edit', actor: STAFF, fields: expect.stringMatching(/invariantStore/) });
    expect(call<{ customer: { customerNumber: string } }>(em, 'getCustomer', { customerNumber: '100001' }).customer.customerNumber).toBe('100001');
  });

  test('a record typed over a banned person\'s store cell to lift the ban is undone; the ban holds', () => {
    const em = demo();
    const banned = call<{ customer: { marketingBannedAt: string } }>(em, 'banMarketing', { customerNumber: '100001' }).customer;
    const stored = String(storeCell(em, 3, 2));
    const lifted = JSON.stringify({ ...JSON.parse(stored), marketingBannedAt: '' });
    expect(em.editCell(STAFF, STORE, 3, 2, lifted).reports[0].ok).toBe(true);
    expect(storeCell(em, 3, 2)).toBe(stored);
    expect(call<{ customer: { marketingBannedAt: string } }>(em, 'getCustomer', { customerNumber: '100001' }).customer.marketingBannedAt).toBe(banned.marketingBannedAt);
  });

  test('a paste into the store is logged with its rows and marks a repair, which quarantines the rows it broke and drops nothing', () => {
    const em = demo();
    const rowsBefore = (em.world.spreadsheet.snapshot('Rekisteri')!.values as unknown[][]).filter((r) => r.some((v) => v !== '')).length;
    expect(em.pasteCells(STAFF, STORE, 3, 2, [['x'], ['=1+1']]).reports[0].ok).toBe(true);
    const entry = auditEntries(em).pop()!;
    expect(entry).toMatchObject({ action: 'manual-edit', actor: STAFF });
    expect(entry.fields).toMatch(/invariantStore/);
    expect(entry.fields).toMatch(/rows3to4/);
    expect(em.world.properties.document[DUE]).toBeTruthy();
    expect(em.world.spreadsheet.snapshot(STORE)!.formulas.flat().filter((f) => f !== '')).toEqual([]);
    const { report } = call<{ report: { quarantined: { typedNumber: string }[] } }>(em, 'repair', undefined, OWNER);
    expect(report.quarantined.map((q) => q.typedNumber).sort()).toEqual(['100001', '100002']);
    const listed = call<{ rows: { typedNumber: string }[] }>(em, 'listQuarantine', undefined, OWNER).rows.map((r) => r.typedNumber).sort();
    expect(listed).toEqual(['100001', '100002']);
    expect((em.world.spreadsheet.snapshot('Rekisteri')!.values as unknown[][]).filter((r) => r.some((v) => v !== '')).length).toBe(rowsBefore);
    // Quarantined: out of marketing.
    expect(call<{ csv: string }>(em, 'exportMarketingList', {}).csv).not.toMatch(/100001|100002/);
  });
});

describe('an edit of the register\'s header row and rows together', () => {
  test('runs one locked execution: one lock, one flush, the header\'s formula literal', () => {
    const em = demo();
    const w = (em.world.spreadsheet.snapshot('Rekisteri')!.values[0] as unknown[]).length;
    const header = em.world.spreadsheet.snapshot('Rekisteri')!.values[0] as unknown[];
    const row2 = (em.world.spreadsheet.snapshot('Rekisteri')!.values[1] as unknown[]).slice(3, 5);
    const run = em.pasteCells(OWNER, 'Rekisteri', 1, 4, [[String(header[3]), String(header[4])], row2.map(String)]).reports[0];
    expect(run.ok).toBe(true);
    expect(run.byMethod['Lock.tryLock']?.calls ?? 0).toBeLessThanOrEqual(1);
    expect(run.byMethod['SpreadsheetApp.flush']?.calls ?? 0).toBe(1);
    em.sheetAction(OWNER, 'Rekisteri', { action: 'insertColumns', start: w + 1, count: 1 });
    // A formula right of the block, in the header and in row 2: the edges and the row in one run.
    const right = em.pasteCells(OWNER, 'Rekisteri', 1, w + 1, [['=1+1'], ['=2+2']]).reports[0];
    expect(right.ok).toBe(true);
    expect(right.byMethod['SpreadsheetApp.flush']?.calls ?? 0).toBe(1);
    expect(em.world.spreadsheet.snapshot('Rekisteri')!.formulas.flat().filter((f) => f !== '')).toEqual([]);
  });
});

describe('the marketing export reads the state once', () => {
  test('at most seven calls (six, and the audit tail\'s proof before the append), and the export is still logged in the audit chain', () => {
    const em = demo();
    const report = em.callFromClient('exportMarketingList', [{}], STAFF);
    expect(report.ok).toBe(true);
    expect(report.calls).toBeLessThanOrEqual(7);
    expect(auditEntries(em).pop()).toMatchObject({ action: 'export-marketing', actor: STAFF });
    const head = JSON.parse(em.world.properties.document['rekisteri.auditHead']) as { hash: string };
    expect(verifyChain(auditEntries(em) as unknown as AuditEntry[], sha256Hex, head.hash)).toEqual({ ok: true });
  });

  test('someone who is not key personnel gets nothing and nothing is logged', () => {
    const em = demo();
    const count = auditEntries(em).length;
    const report = em.callFromClient('exportMarketingList', [{}], 'ulkopuolinen@example.com');
    expect(report.ok).toBe(false);
    expect(auditEntries(em).length).toBe(count);
  });
});
