/**
 * The compliance check (issue 10, deliverable 4): every promise of the privacy notice against
 * evidence, gathered here in a few reads and judged by core/compliance.ts — the file's sharing
 * and the tabs' protections (server/access.ts), the triggers and the nightly run's record, the
 * requests, the retention plan for today, the marketing list as built now, live formulas (one
 * spreadsheet-wide search), the quarantine, the audit chain read to its head and compared with
 * the anchors the daily summaries sent, and the scopes. The report exports as CSV and as a
 * printable page. Admins only; no lock (it reads).
 */
import * as v from 'valibot';
import { verifyChain, type AuditEntry } from '../core/audit';
import { complianceCsv, complianceHtml, runComplianceCheck as judge, type ComplianceEvidence, type ComplianceReport, type TriggerEvidence } from '../core/compliance';
import { marketingList } from '../core/marketing';
import { AUDIT_TAB, type Language } from '../core/schema';
import { sha256Hex } from '../core/sha256';
import { text } from '../core/texts';
import { UserError } from '../gas/register';
import { readAuditSpan } from '../gas/audit-log';
import { areaAround } from '../gas/formulas';
import { readAccessState } from './access';
import { requireRole, type CallContext } from './context';
import { readForSweep, decideToday } from './retention';
import { triggerViews } from './triggers';
import { open } from './tabs';
import { rowToCustomer } from '../core/customer';

/** The sent summaries' anchors (core/summary.ts), newest last: a document property read with the state (gas/state.ts). */
export { ANCHORS_KEY } from '../gas/state';
/** How many anchors are kept (two months of nights). */
export const MAX_ANCHORS = 60;

/**
 * The scopes the README's "Deploying" table explains, one by one. The check compares them with
 * the manifest's (built into the bundle): a scope added to appsscript.json without its reason
 * here (and in the README, test/unit/readme.test.ts) fails the check.
 */
export const DOCUMENTED_SCOPES: readonly string[] = [
  'https://www.googleapis.com/auth/spreadsheets.currentonly',
  'https://www.googleapis.com/auth/script.container.ui',
  'https://www.googleapis.com/auth/script.scriptapp',
  'https://www.googleapis.com/auth/userinfo.email',
  'https://mail.google.com/',
  'https://www.googleapis.com/auth/script.send_mail',
  'https://www.googleapis.com/auth/drive',
];

declare const REKISTERI_SCOPES: readonly string[] | undefined;
/** The manifest's oauthScopes as the build saw them (scripts/build.mjs defines REKISTERI_SCOPES); the documented list when not defined. */
function grantedScopes(): readonly string[] {
  return typeof REKISTERI_SCOPES !== 'undefined' ? REKISTERI_SCOPES : DOCUMENTED_SCOPES;
}

/** The audit chain from row 2 to the remembered head (one read): entries past the head are not the log's. */
function readChain(ctx: CallContext): { entries: AuditEntry[]; head: string } {
  const tab = open(ctx, AUDIT_TAB);
  const count = ctx.state.auditHead?.count ?? 0;
  if (count === 0) return { entries: [], head: '' };
  // Actions and field names are written as words; the hash is over the codes (gas/audit-log.ts).
  const entries = readAuditSpan(tab.sheet, tab.map, 2, count);
  return { entries, head: ctx.state.auditHead?.hash ?? '' };
}

/** Every piece of evidence the checks need. */
export function gatherEvidence(ctx: CallContext): ComplianceEvidence {
  // Everything from the properties is in the state the context read (one call): no second read.
  const access = readAccessState(ctx.settings.keyPersonnel);
  // Every handler records its runs (server/triggers.ts). A time-driven one must have run in the
  // last 26 hours without error; an edit or change trigger runs only when someone edits, so only
  // its last run's error counts (a clean or no run: its installation alone is checked).
  const triggers: TriggerEvidence[] = triggerViews(ctx).map((t) => ({
    handler: t.handler, installed: t.installed, lastRun: t.lastRun, lastError: t.lastError,
    runRecorded: t.event === 'CLOCK' || t.lastError !== '',
  }));
  const read = readForSweep(ctx);
  const plan = decideToday(ctx, read);
  const keys = read.map.keys;
  const customers = read.cells.map((r) => rowToCustomer(keys, r, ctx.settings.timeZone));
  const bannedOnMarketing = marketingList(customers, ctx.today).filter((c) => c.marketingBannedAt !== '').length;
  const bySheet = liveFormulaCounts(SpreadsheetApp.getActiveSpreadsheet());
  const chain = readChain(ctx);
  const verdict = verifyChain(chain.entries, sha256Hex, chain.head);
  return {
    now: ctx.now, today: ctx.today, timeZone: ctx.settings.timeZone, access, triggers,
    requests: read.requests.map((q, i) => ({ id: q.id, status: q.status, dueDate: read.requestTab.rows[i].record.request.dueDate, extendedDueDate: read.requestTab.rows[i].record.request.extendedDueDate })),
    recordsPastRetention: plan.deleteRecords.length,
    bannedOnMarketing,
    liveFormulas: [...bySheet].map(([sheet, count]) => ({ sheet, count })),
    unreviewedQuarantine: read.rows.filter((r) => r.quarantined).length,
    auditChain: verdict.ok ? { ok: true, entries: chain.entries.length } : { ok: false, entries: chain.entries.length, index: verdict.index, reason: verdict.reason },
    auditHashes: chain.entries.map((e) => e.hash),
    anchors: ctx.state.anchors,
    scopes: { granted: grantedScopes(), documented: DOCUMENTED_SCOPES },
  };
}

/** The report for a context, with the evidence it rests on (the nightly summary uses both). */
export function complianceReport(ctx: CallContext, language: Language = ctx.language): { report: ComplianceReport; evidence: ComplianceEvidence } {
  const evidence = gatherEvidence(ctx);
  return { report: judge(evidence, language), evidence };
}

const LANGUAGE = v.optional(v.object({ language: v.optional(v.picklist(['fi', 'sv', 'en'])), format: v.optional(v.picklist(['excel', 'import'])) }));

function parsed(ctx: CallContext, input: unknown): { language: Language; format: 'excel' | 'import' } {
  const p = v.safeParse(LANGUAGE, input);
  if (!p.success) throw new UserError(text(ctx.language, 'badRequest'));
  return { language: p.output?.language ?? ctx.language, format: p.output?.format ?? 'excel' };
}

/** Every promise of the notice against evidence → `{at, language, ok, checks: [{id, ok, promise, promiseHeading, label, detail, evidence}]}`. Admins. */
export function runComplianceCheck(input?: { language?: Language }): ComplianceReport {
  const ctx = requireRole('admin');
  return complianceReport(ctx, parsed(ctx, input).language).report;
}

/**
 * Live formulas per tab. The search on formula text also matches a cell that shows text starting
 * with "=" (a formula the register made literal in a date-formatted column keeps no marker in its
 * value), so the hits are confirmed by one `getFormulas` per tab that has any, over the block
 * holding them: a literal is no live formula, and the check must not cry wolf over the register's
 * own defence. Calls: the search, then one read per tab with hits (the tabs are few).
 */
function liveFormulaCounts(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet): Map<string, number> {
  const hits = spreadsheet.createTextFinder('^=').useRegularExpression(true).matchFormulaText(true).findAll();
  const cellsBySheet = new Map<string, { sheet: GoogleAppsScript.Spreadsheet.Sheet; cells: [number, number][] }>();
  for (const h of hits) {
    const sheet = h.getSheet();
    const name = sheet.getName();
    const entry = cellsBySheet.get(name) ?? { sheet, cells: [] };
    entry.cells.push([h.getRow(), h.getColumn()]);
    cellsBySheet.set(name, entry);
  }
  const counts = new Map<string, number>();
  for (const [name, { sheet, cells }] of cellsBySheet) {
    const area = areaAround(cells);
    const formulas = sheet.getRange(area.row, area.column, area.numRows, area.numColumns).getFormulas();
    const live = cells.filter(([r, c]) => formulas[r - area.row][c - area.column] !== '').length;
    if (live) counts.set(name, live);
  }
  return counts;
}

/** The report as CSV (`excel`: `;` and BOM; `import`: `,`), formula-safe → `{csv, fileName}`. Admins. */
export function complianceReportCsv(input?: { language?: Language; format?: 'excel' | 'import' }): { csv: string; fileName: string } {
  const ctx = requireRole('admin');
  const { language, format } = parsed(ctx, input);
  return { csv: complianceCsv(complianceReport(ctx, language).report, format), fileName: `compliance-${ctx.today}.csv` };
}

/** The report as a self-contained printable page (no script, every value escaped) → `{html, fileName}`. Admins. */
export function complianceReportPage(input?: { language?: Language }): { html: string; fileName: string } {
  const ctx = requireRole('admin');
  const { language } = parsed(ctx, input);
  return { html: complianceHtml(complianceReport(ctx, language).report, ctx.settings.controller.name, ctx.settings.timeZone), fileName: `compliance-${ctx.today}.html` };
}
