/**
 * Issue 10, deliverables 4 and 6: the compliance check through the built bundle, and the
 * admins' daily summary from the nightly run. After the access policy is applied and a nightly
 * run has swept and summarised, every promise of the notice holds; each kind of breach fails
 * its own check (a record past retention, a live formula, sharing); a log rewritten with valid
 * hashes (a deliberate insider) still passes the chain check but no longer matches the heads the
 * summaries mailed. The report exports as CSV and as a printable page; admins only.
 */
import { OWNER, STAFF } from '../../src/emulator/accounts';
import { auditHash, type AuditEntry } from '../../src/core/audit';
import { sha256Hex } from '../../src/core/sha256';
import type { Emulator } from '../../src/emulator/app';
import { auditEntries, call, demo, failure } from '../support/register';
import { dayOf } from '../support/retention';

type Report = { ok: boolean; checks: { id: string; ok: boolean; detail: string; evidence: Record<string, unknown> }[] };
const DAY = 86_400_000;
const check = (r: Report, id: string) => r.checks.find((c) => c.id === id)!;
const failed = (r: Report) => r.checks.filter((c) => !c.ok).map((c) => c.id);

/** A demo whose file follows the policy and whose nightly run has swept and summarised. */
function afterNight(): Emulator {
  const em = demo();
  call(em, 'applyAccessPolicy', { confirm: true }, OWNER);
  em.setClock(Date.parse(`${dayOf(em.world.now + DAY)}T03:00:00+02:00`));
  return em;
}

describe('runComplianceCheck', () => {
  test('after the policy is applied and a nightly run, every promise of the notice holds', () => {
    const em = afterNight();
    const report = call<Report>(em, 'runComplianceCheck', undefined, OWNER);
    expect(failed(report)).toEqual([]);
    expect(report.checks).toHaveLength(12);
    expect(check(report, 'triggers-running').evidence).toMatchObject({ maxAgeHours: 26 });
    expect(check(report, 'audit-anchor').evidence).toMatchObject({ anchors: 1, mismatched: [] });
  });

  test('before any nightly run: records past retention, no run of the nightly trigger, no anchor, and the file\'s re-sharing fail their checks', () => {
    const em = demo();
    const report = call<Report>(em, 'runComplianceCheck', undefined, OWNER);
    expect(failed(report)).toEqual(expect.arrayContaining(['no-record-past-retention', 'triggers-running', 'audit-anchor', 'editors-key-personnel']));
    expect(check(report, 'no-record-past-retention').evidence.recordsPastRetention).toBeGreaterThan(0);
  });

  test('link sharing and a live formula in a tab each fail their own check', () => {
    const em = afterNight();
    em.world.drive.sharingAccess = 'ANYONE_WITH_LINK';
    em.world.drive.sharingPermission = 'VIEW';
    // A formula the on-edit trigger never saw (a script's write fires no edit event).
    const direct = em.runScript(`SpreadsheetApp.getActiveSpreadsheet().getSheets()[0].getRange('C5').setFormula('=1+1');`, OWNER);
    expect(direct.error?.message ?? '').toBe('');
    const report = call<Report>(em, 'runComplianceCheck', undefined, OWNER);
    expect(failed(report).sort()).toEqual(['no-live-formula', 'sharing-private']);
  });

  test('a formula typed into a date column is made literal text and is no live formula in the report (the search also matches text starting with "=")', () => {
    const em = afterNight();
    const header = em.world.spreadsheet.snapshot('Pyynnöt')!.values[0] as string[];
    const day = header.indexOf('Määräpäivä') + 1;
    expect(day).toBeGreaterThan(0);
    expect(em.editCell(STAFF, 'Pyynnöt', 2, day, '=1+1').ok).toBe(true);
    // The cell now shows the typed text without a marker, so the formula-text search finds it.
    const found = em.runScript(`return SpreadsheetApp.getActiveSpreadsheet().createTextFinder('^=').useRegularExpression(true).matchFormulaText(true).findAll().length;`, OWNER);
    expect(found.result).toBeGreaterThan(0);
    const report = call<Report>(em, 'runComplianceCheck', undefined, OWNER);
    expect(check(report, 'no-live-formula').ok).toBe(true);
    // A real formula beside it still fails the check.
    expect(em.runScript(`SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Pyynnöt').getRange(3, ${day}).setFormula('=2+2');`, OWNER).ok).toBe(true);
    const again = call<Report>(em, 'runComplianceCheck', undefined, OWNER);
    expect(check(again, 'no-live-formula').ok).toBe(false);
    expect(check(again, 'no-live-formula').evidence.liveFormulas).toEqual([{ sheet: 'Pyynnöt', count: 1 }]);
  });

  test('a log rewritten with valid hashes passes the chain check but no longer matches the head the summary mailed', () => {
    const em = afterNight();
    const log = em.world.spreadsheet.sheetByName('Lokitiedot')!;
    // The insider changes entry 1's fields and recomputes every hash after it, and the stored head.
    const entries = auditEntries(em);
    const rewritten: AuditEntry[] = [];
    entries.forEach((e, i) => {
      const prevHash = i === 0 ? '' : rewritten[i - 1].hash;
      const changed = { ...e, prevHash, fields: i === 0 ? 'name' : e.fields };
      rewritten.push({ ...changed, hash: auditHash(changed, sha256Hex) });
    });
    const header = log.rows[0] as string[];
    rewritten.forEach((e, i) => {
      const row = [...(log.rows[i + 1] as unknown[])];
      header.forEach((_h, c) => {
        const key = ['at', 'actor', 'action', 'customerNumber', 'fields', 'requestId', 'prevHash', 'hash'][c];
        if (key) row[c] = (e as unknown as Record<string, string>)[key];
      });
      log.rows[i + 1] = row as typeof log.rows[number];
    });
    const head = JSON.parse(em.world.properties.document['rekisteri.auditHead']);
    em.world.properties.document['rekisteri.auditHead'] = JSON.stringify({ ...head, hash: rewritten[rewritten.length - 1].hash });
    const report = call<Report>(em, 'runComplianceCheck', undefined, OWNER);
    expect(check(report, 'audit-chain').ok).toBe(true);
    expect(check(report, 'audit-anchor').ok).toBe(false);
  });

  test('CSV (Finnish Excel: BOM and ;) and a printable page without script; staff are refused', () => {
    const em = afterNight();
    const { csv, fileName } = call<{ csv: string; fileName: string }>(em, 'complianceReportCsv', {}, OWNER);
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv.split('\r\n')[0]).toContain(';');
    expect(csv).toContain('audit-anchor');
    expect(fileName).toMatch(/^compliance-\d{4}-\d{2}-\d{2}\.csv$/);
    const { html } = call<{ html: string }>(em, 'complianceReportPage', { language: 'en' }, OWNER);
    expect(html).toContain('<table>');
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain('lang="en"');
    expect(failure(em, 'runComplianceCheck', undefined, STAFF)).toMatch(/ylläpitäj/);
    expect(failure(em, 'complianceReportCsv', { format: 'pdf' }, OWNER)).toMatch(/Päivitä/);
  });
});

describe('the daily summary', () => {
  test('the nightly run drafts it to the admins with the audit head, which the check then holds the chain to', () => {
    const em = afterNight();
    const drafts = em.world.mail.toJSON().drafts.filter((d) => d.message.to.includes(OWNER) && /Rekisteri|rekisteri/.test(d.message.subject + d.message.body));
    expect(drafts).toHaveLength(1);
    const anchors = JSON.parse(em.world.properties.document['rekisteri.summaryAnchors']) as { head: string; count: number }[];
    expect(anchors).toHaveLength(1);
    expect(drafts[0].message.body).toContain(anchors[0].head);
    // The head it mailed is the chain's entry at that count (later entries, e.g. intake's, follow it).
    expect(auditEntries(em)[anchors[0].count - 1].hash).toBe(anchors[0].head);
    // The first summary is the first anchor: it does not report the missing anchor as a failure.
    expect(drafts[0].message.body).not.toContain('audit-anchor');
  });

  test('"email" sends it, "off" makes none', () => {
    const em = demo();
    call(em, 'saveSettings', { settings: { dailySummary: 'email' } }, OWNER);
    em.setClock(Date.parse(`${dayOf(em.world.now + DAY)}T03:00:00+02:00`));
    const sent = em.world.mail.toJSON().messages.filter((m) => m.sent && m.to.includes(OWNER));
    expect(sent).toHaveLength(1);
    call(em, 'saveSettings', { settings: { dailySummary: 'off' } }, OWNER);
    const draftsBefore = em.world.mail.toJSON().drafts.length;
    em.setClock(Date.parse(`${dayOf(em.world.now + DAY)}T03:00:00+02:00`));
    expect(em.world.mail.toJSON().messages.filter((m) => m.sent && m.to.includes(OWNER))).toHaveLength(1);
    expect(em.world.mail.toJSON().drafts.length).toBe(draftsBefore);
  });
});
