/**
 * The compliance check (src/core/compliance.ts): each promise of the notice against its evidence,
 * each failing for the reason it names; triggers need a clean run within 26 hours; the audit
 * chain must be intact and match every head a summary sent; the report's CSV cannot carry a
 * formula and its printable page escapes every value.
 */
import {
  CHECK_IDS, CHECK_PROMISE, complianceCsv, complianceHtml, formatInstant, mismatchedAnchors, runComplianceCheck, type ComplianceEvidence,
} from '../../src/core/compliance';
import { NOTICE_SECTIONS } from '../../src/core/notice';

const OWNER = 'omistaja@cleanroom.fi';
const STAFF = 'asiakaspalvelu@cleanroom.fi';
const SCOPES = ['https://www.googleapis.com/auth/spreadsheets.currentonly', 'https://www.googleapis.com/auth/script.scriptapp'];
const good = (): ComplianceEvidence => ({
  now: '2026-12-01T08:00:00.000Z',
  today: '2026-12-01',
  timeZone: 'Europe/Helsinki',
  access: {
    keyPersonnel: [{ email: OWNER, role: 'admin' }, { email: STAFF, role: 'staff' }],
    owner: OWNER, editors: [OWNER, STAFF], viewers: [], sharingAccess: 'PRIVATE', editorsCanShare: false, sharedDrive: null,
    protections: ['Rekisteri', 'Pyynnöt'].map((tab) => ({ tab, editors: [OWNER, STAFF] })),
  },
  triggers: [
    { handler: 'runNightly', installed: true, lastRun: '2026-12-01T00:00:00.000Z', lastError: '' },
    { handler: 'onRegisterEdit', installed: true, lastRun: '2026-11-30T12:00:00.000Z', lastError: '' },
  ],
  requests: [
    { id: 'R-1', status: 'in-progress', dueDate: '2026-12-01', extendedDueDate: '' },
    { id: 'R-2', status: 'completed', dueDate: '2026-10-01', extendedDueDate: '' },
    { id: 'R-3', status: 'received', dueDate: '2026-11-15', extendedDueDate: '2027-01-15' },
  ],
  recordsPastRetention: 0,
  bannedOnMarketing: 0,
  liveFormulas: [{ sheet: 'Rekisteri', count: 0 }],
  unreviewedQuarantine: 0,
  auditChain: { ok: true, entries: 3 },
  auditHashes: ['h1', 'h2', 'h3'],
  anchors: [{ sentAt: '2026-11-30T04:00:00.000Z', count: 2, head: 'h2' }, { sentAt: '2026-12-01T04:00:00.000Z', count: 3, head: 'h3' }],
  scopes: { granted: SCOPES, documented: [...SCOPES].reverse() },
});
const check = (e: ComplianceEvidence, id: string, language: 'fi' | 'sv' | 'en' = 'fi') =>
  runComplianceCheck(e, language).checks.find((c) => c.id === id)!;

test('evidence that keeps every promise passes every check, each tied to a section of the notice', () => {
  const report = runComplianceCheck(good(), 'fi');
  expect(report.checks.filter((c) => !c.ok)).toEqual([]);
  expect(report.ok).toBe(true);
  expect(report.checks.map((c) => c.id)).toEqual([...CHECK_IDS]);
  for (const c of report.checks) {
    expect(NOTICE_SECTIONS).toContain(c.promise);
    expect(c.detail).toMatch(/^Kunnossa\./);
  }
  expect(check(good(), 'sharing-private').promiseHeading).toBe('Rekisterin suojauksen periaatteet');
  expect(check(good(), 'no-banned-on-marketing').promise).toBe('objection');
  expect(new Set(Object.values(CHECK_PROMISE).map((p) => p.section))).toEqual(new Set(['security', 'retention', 'access', 'objection', 'rectification']));
});

test('link sharing fails "sharing private" and nothing else', () => {
  const e = good();
  e.access = { ...e.access, sharingAccess: 'ANYONE_WITH_LINK' };
  const failed = runComplianceCheck(e, 'fi').checks.filter((c) => !c.ok);
  expect(failed.map((c) => c.id)).toEqual(['sharing-private']);
  expect(failed[0].detail).toMatch(/linkki/);
});

test('an editor who is no longer key personnel fails "editors = key personnel", naming them; a shared drive too', () => {
  const e = good();
  e.access = { ...e.access, editors: [OWNER, STAFF, 'entinen@cleanroom.fi'] };
  expect(check(e, 'editors-key-personnel').ok).toBe(false);
  expect(check(e, 'editors-key-personnel').detail).toMatch(/entinen@cleanroom\.fi/);
  const d = good();
  d.access = { ...d.access, owner: '', sharedDrive: { name: 'Yhteinen', members: [] } };
  expect(check(d, 'editors-key-personnel', 'en').detail).toMatch(/Only a Workspace admin/);
});

test('a tab without protection fails "tabs protected"', () => {
  const e = good();
  e.access = { ...e.access, protections: [{ tab: 'Rekisteri', editors: null }] };
  expect(check(e, 'tabs-protected').ok).toBe(false);
});

describe('triggers: installed and a clean run within the last 26 hours', () => {
  const withTrigger = (t: Partial<ComplianceEvidence['triggers'][number]>) => ({ ...good(), triggers: [{ handler: 'runNightly', installed: true, lastRun: '2026-12-01T00:00:00.000Z', lastError: '', ...t }] });
  test('a run exactly 26 hours ago passes; a minute more fails', () => {
    expect(check(withTrigger({ lastRun: '2026-11-30T06:00:00.000Z' }), 'triggers-running').ok).toBe(true);
    const late = check(withTrigger({ lastRun: '2026-11-30T05:59:00.000Z' }), 'triggers-running');
    expect(late.ok).toBe(false);
    expect(late.detail).toMatch(/runNightly ajettiin viimeksi 30\.11\.2026 klo 7\.59, yli 26 tuntia sitten/);
  });
  test('a recent run that ended in an error fails, with the error', () => {
    const c = check(withTrigger({ lastError: 'Exceeded maximum execution time' }), 'triggers-running', 'en');
    expect(c.ok).toBe(false);
    expect(c.detail).toMatch(/ended in an error: Exceeded maximum execution time/);
  });
  test('a missing trigger, or one that never ran, fails', () => {
    expect(check(withTrigger({ installed: false }), 'triggers-running').detail).toMatch(/puuttuu/);
    expect(check(withTrigger({ lastRun: '' }), 'triggers-running').detail).toMatch(/ei ole vielä ajettu/);
  });
  test('no trigger at all is not a pass', () => expect(check({ ...good(), triggers: [] }, 'triggers-running').ok).toBe(false));
});

test('an open request past its effective due date fails; due today, closed or extended do not', () => {
  expect(check(good(), 'no-overdue-requests').ok).toBe(true);
  const e = { ...good(), requests: [...good().requests, { id: 'R-9', status: 'awaiting-verification', dueDate: '2026-11-30', extendedDueDate: '' }] };
  const c = check(e, 'no-overdue-requests');
  expect(c.ok).toBe(false);
  expect(c.detail).toBe('Myöhässä: 1 (R-9).');
  expect(c.evidence.overdue).toEqual([{ id: 'R-9', dueDate: '2026-11-30' }]);
});

test.each([
  ['no-record-past-retention', { recordsPastRetention: 2 }, /Yli säilytysajan: 2/],
  ['no-banned-on-marketing', { bannedOnMarketing: 1 }, /1 henkilöä, joilla on markkinointikielto/],
  ['no-live-formula', { liveFormulas: [{ sheet: 'Rekisteri', count: 0 }, { sheet: 'Pyynnöt', count: 2 }] }, /Kaavoja: 2 \(Pyynnöt: 2\)/],
  ['quarantine-reviewed', { unreviewedQuarantine: 3 }, /Käsittelemättä: 3 riviä/],
  ['audit-chain', { auditChain: { ok: false, entries: 3, index: 1, reason: 'altered' } }, /merkinnän 2 kohdalla \(altered\)/],
] as const)('%s fails on its evidence', (id, more, detail) => {
  const c = check({ ...good(), ...more } as ComplianceEvidence, id);
  expect(c.ok).toBe(false);
  expect(c.detail).toMatch(detail);
});

describe('the audit anchor: the chain against the heads the summaries sent', () => {
  test('a head that no longer matches (history rewritten) fails', () => {
    const e = { ...good(), auditHashes: ['h1', 'x2', 'x3'] };
    expect(mismatchedAnchors(e.auditHashes, e.anchors).map((a) => a.count)).toEqual([2, 3]);
    expect(check(e, 'audit-anchor').ok).toBe(false);
    expect(check(e, 'audit-anchor').detail).toMatch(/2 lähetetyn yhteenvedon tiiviste ei vastaa lokia/);
  });
  test('entries removed from the end (fewer than a summary counted) fail', () => {
    expect(check({ ...good(), auditHashes: ['h1', 'h2'] }, 'audit-anchor').ok).toBe(false);
  });
  test('entries appended after the last summary are fine', () => {
    expect(check({ ...good(), auditHashes: ['h1', 'h2', 'h3', 'h4'] }, 'audit-anchor').ok).toBe(true);
  });
  test('no summary sent yet is not proof: it fails and says to turn the summary on', () => {
    const c = check({ ...good(), anchors: [] }, 'audit-anchor', 'sv');
    expect(c.ok).toBe(false);
    expect(c.detail).toMatch(/Aktivera den dagliga sammanfattningen/);
  });
});

test('scopes must be exactly the documented ones, whatever the order', () => {
  expect(check(good(), 'scopes-documented').ok).toBe(true);
  const c = check({ ...good(), scopes: { granted: [...SCOPES, 'https://mail.google.com/'], documented: SCOPES } }, 'scopes-documented', 'en');
  expect(c.ok).toBe(false);
  expect(c.detail).toBe('Undocumented permissions: https://mail.google.com/.');
  expect(check({ ...good(), scopes: { granted: SCOPES.slice(1), documented: SCOPES } }, 'scopes-documented').detail).toMatch(/puuttuu luettelosta/);
});

test('every check has its label and promise heading in fi, sv and en', () => {
  for (const language of ['fi', 'sv', 'en'] as const) {
    const report = runComplianceCheck({ ...good(), recordsPastRetention: 1 }, language);
    expect(report.language).toBe(language);
    for (const c of report.checks) {
      expect(c.label.length).toBeGreaterThan(10);
      expect(c.promiseHeading.length).toBeGreaterThan(5);
      expect(c.detail).not.toMatch(/\{\w+\}/);
    }
  }
});

test('times are written in the register zone as each language writes them', () => {
  expect(formatInstant('2026-06-01T21:05:00.000Z', 'Europe/Helsinki', 'fi')).toBe('2.6.2026 klo 0.05');
  expect(formatInstant('2026-06-01T21:05:00.000Z', 'Europe/Helsinki', 'sv')).toBe('2.6.2026 kl. 0.05');
  expect(formatInstant('2026-06-01T21:05:00.000Z', 'Europe/Helsinki', 'en')).toBe('2026-06-02 00:05');
  expect(formatInstant('nonsense', 'Europe/Helsinki', 'fi')).toBe('nonsense');
});

describe('exports', () => {
  const hostile = (): ComplianceEvidence => {
    const e = good();
    e.access = { ...e.access, editors: [OWNER, STAFF, '=HYPERLINK("http://x")@evil.fi'] };
    e.triggers = [{ handler: 'runNightly', installed: true, lastRun: '2026-12-01T00:00:00.000Z', lastError: '<img src=x onerror=alert(1)>;=1+1' }];
    return e;
  };
  test('the CSV has a header and one row per check, and no cell a reader could take as a formula', () => {
    const csv = complianceCsv(runComplianceCheck(hostile(), 'fi'));
    expect(csv.startsWith('\uFEFFid;Selosteen kohta;Tarkistus;Tulos;Havainto;Todiste\r\n')).toBe(true);
    const lines = csv.slice(1).split('\r\n').filter(Boolean);
    expect(lines).toHaveLength(1 + CHECK_IDS.length);
    expect(lines[1]).toMatch(/^sharing-private;Rekisterin suojauksen periaatteet;.*;OK;/);
    // Every piece a reader could start a cell with (the start, or after ; , tab, CR, LF) that begins with = + @ is disarmed.
    expect(csv).not.toMatch(/(^|[;,\t\r\n])[\s"]*[=+@]/);
    expect(csv).toContain("'=1+1");
    expect(complianceCsv(runComplianceCheck(good(), 'en'), 'import').startsWith('id,Notice section,Check,Result,Finding,Evidence\r\n')).toBe(true);
  });
  test('the printable page is self-contained, escapes every value and marks each result', () => {
    const html = complianceHtml(runComplianceCheck(hostile(), 'fi'), 'Calion <Oy>', 'Europe/Helsinki');
    expect(html).not.toMatch(/<img|<script|<Oy>/);
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('Calion &lt;Oy&gt;');
    expect(html).toMatch(/<tr class="fail" data-check="triggers-running">/);
    expect(html).toMatch(/<tr class="ok" data-check="no-live-formula">/);
    expect(html).toMatch(/Tarkistuksia epäonnistui: 2\/12/);
    expect(html).toMatch(/Tarkistettu 1\.12\.2026 klo 10\.00/);
  });
});
