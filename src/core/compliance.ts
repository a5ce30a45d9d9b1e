/**
 * The compliance check, pure: every promise of the privacy notice held against evidence the
 * server gathers in a few reads (the file's sharing and protections, the triggers' last runs,
 * open requests, the retention plan, the marketing list, formulas, quarantine, the audit chain
 * and the heads the daily summaries sent, the script's scopes). Each check names the notice
 * section whose promise it proves, so an auditor reads the report against the notice. The report
 * exports as CSV (core/csv.ts: nothing in it can become a formula) and as a printable page
 * (escaped). Words are in src/core/texts/compliance.ts; the promise is the notice's own heading.
 */
import { planAccessPolicy, driftMessage, type AccessState, type DriftKind } from './access-policy';
import { effectiveDueDate } from './requests/deadlines';
import { OPEN_STATUSES } from './requests/model';
import { toCsv } from './csv';
import { escapeHtml } from './notice';
import type { Language } from './schema';
import { NOTICE_TEXTS, type NoticeSection } from './texts/notice';
import { complianceText, type ComplianceTextKey } from './texts/compliance';

/** A trigger the register needs, as ScriptApp and the run log show it. */
export interface TriggerEvidence {
  handler: string;
  installed: boolean;
  /** ISO instant of the last run's start, '' when it never ran. */
  lastRun: string;
  /** The last run's error message, '' when it completed. */
  lastError: string;
  /**
   * False for a trigger whose runs leave no record to read (Apps Script lists no trigger's last
   * run; only the nightly run records its own): then only its installation is checked.
   */
  runRecorded?: boolean;
}

/** A summary sent earlier: the audit chain's entry count and head hash at the time. */
export interface Anchor {
  sentAt: string;
  count: number;
  head: string;
}

export interface ComplianceEvidence {
  /** The check's moment (ISO) and day (register zone), from the server's one clock read. */
  now: string;
  today: string;
  timeZone: string;
  access: AccessState;
  /** One entry per trigger the register needs. */
  triggers: readonly TriggerEvidence[];
  /** Requests as read (open ones are checked against their due date). */
  requests: readonly { id: string; status: string; dueDate: string; extendedDueDate: string }[];
  /** What the retention sweep would delete today (core/retention.ts planRetention). */
  recordsPastRetention: number;
  /** People with a marketing ban found on the marketing list as built now. */
  bannedOnMarketing: number;
  /** Live formulas per tab. */
  liveFormulas: readonly { sheet: string; count: number }[];
  unreviewedQuarantine: number;
  /** core/audit.ts verifyChain over the log, and its entry count. */
  auditChain: { ok: true; entries: number } | { ok: false; entries: number; index: number; reason: string };
  /** Each entry's hash, in order (to compare with the anchors). */
  auditHashes: readonly string[];
  anchors: readonly Anchor[];
  /** The manifest's oauthScopes and the list the README documents. */
  scopes: { granted: readonly string[]; documented: readonly string[] };
}

export const CHECK_IDS = [
  'sharing-private', 'editors-key-personnel', 'tabs-protected', 'triggers-running', 'no-overdue-requests', 'no-record-past-retention',
  'no-banned-on-marketing', 'no-live-formula', 'quarantine-reviewed', 'audit-chain', 'audit-anchor', 'scopes-documented',
] as const;
export type CheckId = (typeof CHECK_IDS)[number];

/** The notice section whose promise each check proves, and the check's label. */
export const CHECK_PROMISE: Readonly<Record<CheckId, { section: NoticeSection; label: ComplianceTextKey }>> = {
  'sharing-private': { section: 'security', label: 'chkSharingPrivate' },
  'editors-key-personnel': { section: 'security', label: 'chkEditorsKeyPersonnel' },
  'tabs-protected': { section: 'security', label: 'chkTabsProtected' },
  'triggers-running': { section: 'retention', label: 'chkTriggersRunning' },
  'no-overdue-requests': { section: 'access', label: 'chkNoOverdueRequests' },
  'no-record-past-retention': { section: 'retention', label: 'chkNoRecordPastRetention' },
  'no-banned-on-marketing': { section: 'objection', label: 'chkNoBannedOnMarketing' },
  'no-live-formula': { section: 'security', label: 'chkNoLiveFormula' },
  'quarantine-reviewed': { section: 'rectification', label: 'chkQuarantineReviewed' },
  'audit-chain': { section: 'security', label: 'chkAuditChain' },
  'audit-anchor': { section: 'security', label: 'chkAuditAnchor' },
  'scopes-documented': { section: 'security', label: 'chkScopesDocumented' },
};

export interface Check {
  id: CheckId;
  ok: boolean;
  /** The notice section the check proves, and its heading in the report's language. */
  promise: NoticeSection;
  promiseHeading: string;
  label: string;
  detail: string;
  /** The facts the result rests on (JSON-able, no personal data beyond key personnel's addresses). */
  evidence: Record<string, unknown>;
}

export interface ComplianceReport {
  at: string;
  language: Language;
  ok: boolean;
  checks: Check[];
}

/** How long a daily trigger may go without a clean run. */
export const TRIGGER_MAX_AGE_HOURS = 26;

const SHARING_KINDS: readonly DriftKind[] = ['link-sharing', 'domain-sharing'];
const PROTECTION_KINDS: readonly DriftKind[] = ['unprotected-tab', 'protection-extra-editor', 'protection-missing-editor'];

/** An instant as the language writes it in the register's zone: 1.12.2026 klo 2.05 / 1 December 2026 02:05. */
export function formatInstant(iso: string, timeZone: string, language: string): string {
  const ms = Date.parse(iso);
  if (!/^\d{4}-\d{2}-\d{2}T/.test(iso) || Number.isNaN(ms)) return iso;
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone, year: 'numeric', month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
    .formatToParts(new Date(ms));
  const get = (t: string) => Number(parts.find((p) => p.type === t)?.value ?? '0');
  const [d, m, y, h, min] = [get('day'), get('month'), get('year'), get('hour'), get('minute')];
  const mm = String(min).padStart(2, '0');
  if (language === 'en') return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')} ${String(h).padStart(2, '0')}:${mm}`;
  return language === 'sv' ? `${d}.${m}.${y} kl. ${h}.${mm}` : `${d}.${m}.${y} klo ${h}.${mm}`;
}

/** Anchors whose head is not the chain's hash at their count (history rewritten after they were sent). */
export function mismatchedAnchors(hashes: readonly string[], anchors: readonly Anchor[]): Anchor[] {
  return anchors.filter((a) => {
    if (!Number.isInteger(a.count) || a.count < 0 || a.count > hashes.length) return true;
    return (a.count === 0 ? '' : hashes[a.count - 1]) !== a.head;
  });
}

/** Every check of the notice's promises against `evidence`, worded in `language`. */
export function runComplianceCheck(evidence: ComplianceEvidence, language: Language): ComplianceReport {
  const t = (key: ComplianceTextKey, params: Record<string, string | number> = {}) => complianceText(language, key, params);
  const at = (iso: string) => formatInstant(iso, evidence.timeZone, language);
  const plan = planAccessPolicy(evidence.access);
  const results: Omit<Check, 'promise' | 'promiseHeading' | 'label'>[] = [];
  /** `detail` is said when the check fails; `okDetail` adds to "in order" when it passes. */
  const add = (id: CheckId, ok: boolean, detail: string, ev: Record<string, unknown>, okDetail = '') =>
    results.push({ id, ok, detail: ok ? t('detOk') + (okDetail ? ` ${okDetail}` : '') : detail, evidence: ev });
  const driftCheck = (id: CheckId, kinds: (k: DriftKind) => boolean, ev: Record<string, unknown>) => {
    const drift = plan.drift.filter((d) => kinds(d.kind));
    add(id, drift.length === 0, drift.length ? t('detDrift', { count: drift.length, first: driftMessage(drift[0], language) }) : '', { ...ev, drift });
  };

  driftCheck('sharing-private', (k) => SHARING_KINDS.includes(k), { sharingAccess: evidence.access.sharingAccess });
  driftCheck('editors-key-personnel', (k) => !SHARING_KINDS.includes(k) && !PROTECTION_KINDS.includes(k), {
    keyPersonnel: evidence.access.keyPersonnel.map((p) => p.email), editors: evidence.access.editors, viewers: evidence.access.viewers,
    editorsCanShare: evidence.access.editorsCanShare, sharedDrive: evidence.access.sharedDrive?.name ?? null,
  });
  driftCheck('tabs-protected', (k) => PROTECTION_KINDS.includes(k), { protections: evidence.access.protections });

  const nowMs = Date.parse(evidence.now);
  const triggerFindings = evidence.triggers.map((tr) => {
    const runMs = tr.lastRun ? Date.parse(tr.lastRun) : NaN;
    const ageHours = Number.isNaN(runMs) ? null : Math.round(((nowMs - runMs) / 3_600_000) * 10) / 10;
    const problem = !tr.installed ? t('detTriggerMissing', { handler: tr.handler })
      : tr.runRecorded === false ? ''
      : ageHours === null ? t('detTriggerNever', { handler: tr.handler })
      : tr.lastError ? t('detTriggerError', { handler: tr.handler, at: at(tr.lastRun), error: tr.lastError })
      : nowMs - runMs > TRIGGER_MAX_AGE_HOURS * 3_600_000 ? t('detTriggerLate', { handler: tr.handler, at: at(tr.lastRun) })
      : '';
    return { handler: tr.handler, installed: tr.installed, lastRun: tr.lastRun, lastError: tr.lastError, ageHours, problem };
  });
  const failing = triggerFindings.filter((f) => f.problem);
  add('triggers-running', evidence.triggers.length > 0 && failing.length === 0, failing.map((f) => f.problem).join(' '), {
    maxAgeHours: TRIGGER_MAX_AGE_HOURS, triggers: triggerFindings.map(({ problem: _p, ...f }) => f),
  });

  const overdue = evidence.requests
    .filter((r) => (OPEN_STATUSES as readonly string[]).includes(r.status) && effectiveDueDate(r) !== '' && effectiveDueDate(r) < evidence.today)
    .map((r) => ({ id: r.id, dueDate: effectiveDueDate(r) }));
  add('no-overdue-requests', overdue.length === 0, overdue.length ? t('detOverdue', { count: overdue.length, ids: overdue.map((o) => o.id).join(', ') }) : '', {
    today: evidence.today, open: evidence.requests.filter((r) => (OPEN_STATUSES as readonly string[]).includes(r.status)).length, overdue,
  });

  add('no-record-past-retention', evidence.recordsPastRetention === 0, t('detPastRetention', { count: evidence.recordsPastRetention }), { recordsPastRetention: evidence.recordsPastRetention });
  add('no-banned-on-marketing', evidence.bannedOnMarketing === 0, t('detBanned', { count: evidence.bannedOnMarketing }), { bannedOnMarketing: evidence.bannedOnMarketing });
  const formulas = evidence.liveFormulas.filter((f) => f.count > 0);
  const formulaCount = formulas.reduce((s, f) => s + f.count, 0);
  add('no-live-formula', formulaCount === 0, t('detFormulas', { count: formulaCount, where: formulas.map((f) => `${f.sheet}: ${f.count}`).join(', ') }), { liveFormulas: evidence.liveFormulas });
  add('quarantine-reviewed', evidence.unreviewedQuarantine === 0, t('detQuarantine', { count: evidence.unreviewedQuarantine }), { unreviewedQuarantine: evidence.unreviewedQuarantine });

  const chain = evidence.auditChain;
  add('audit-chain', chain.ok, chain.ok ? '' : t('detChainBroken', { index: chain.index + 1, reason: chain.reason }), { ...chain }, t('detChainOk', { count: chain.entries }));

  const mismatched = mismatchedAnchors(evidence.auditHashes, evidence.anchors);
  const latest = [...evidence.anchors].sort((a, b) => (a.sentAt < b.sentAt ? 1 : -1))[0];
  const anchorDetail = evidence.anchors.length === 0 ? t('detAnchorNone')
    : mismatched.length ? t('detAnchorMismatch', { count: mismatched.length, at: at(mismatched[0].sentAt) })
    : t('detAnchorOk', { count: evidence.anchors.length, at: at(latest.sentAt) });
  add('audit-anchor', evidence.anchors.length > 0 && mismatched.length === 0, anchorDetail, {
    anchors: evidence.anchors.length, mismatched, chainEntries: evidence.auditHashes.length, head: evidence.auditHashes[evidence.auditHashes.length - 1] ?? '',
  }, anchorDetail);

  const granted = [...new Set(evidence.scopes.granted)].sort();
  const documented = [...new Set(evidence.scopes.documented)].sort();
  const extra = granted.filter((s) => !documented.includes(s));
  const missing = documented.filter((s) => !granted.includes(s));
  add('scopes-documented', extra.length === 0 && missing.length === 0,
    [extra.length ? t('detScopesExtra', { scopes: extra.join(', ') }) : '', missing.length ? t('detScopesMissing', { scopes: missing.join(', ') }) : ''].filter(Boolean).join(' '),
    { granted, documented, extra, missing });

  const headings = (NOTICE_TEXTS[language] ?? NOTICE_TEXTS.fi).heading;
  const checks = results.map((r) => ({
    ...r, promise: CHECK_PROMISE[r.id].section, promiseHeading: headings[CHECK_PROMISE[r.id].section], label: t(CHECK_PROMISE[r.id].label),
  }));
  return { at: evidence.now, language, ok: checks.every((c) => c.ok), checks };
}

/** The report as CSV: Finnish Excel's `;` with a BOM by default, `,` for other tools; every cell formula-safe. */
export function complianceCsv(report: ComplianceReport, format: 'excel' | 'import' = 'excel'): string {
  const t = (key: ComplianceTextKey) => complianceText(report.language, key);
  const rows: (string | number)[][] = [
    ['id', t('colPromise'), t('colCheck'), t('colResult'), t('colDetail'), t('colEvidence')],
    ...report.checks.map((c) => [c.id, c.promiseHeading, c.label, c.ok ? t('resultOk') : t('resultFail'), c.detail, JSON.stringify(c.evidence)]),
  ];
  return format === 'excel' ? toCsv(rows, { separator: ';', bom: true }) : toCsv(rows, { separator: ',', bom: false });
}

/** The report as a self-contained printable page (no script; every value escaped). */
export function complianceHtml(report: ComplianceReport, controllerName: string, timeZone: string): string {
  const lang = report.language;
  const t = (key: ComplianceTextKey, params: Record<string, string | number> = {}) => complianceText(lang, key, params);
  const failed = report.checks.filter((c) => !c.ok).length;
  const summary = failed === 0 ? t('reportAllOk') : t('reportFailed', { count: failed, total: report.checks.length });
  const row = (c: Check) =>
    `<tr class="${c.ok ? 'ok' : 'fail'}" data-check="${escapeHtml(c.id)}"><td>${escapeHtml(c.label)}</td><td>${escapeHtml(c.promiseHeading)}</td>` +
    `<td class="result">${escapeHtml(c.ok ? t('resultOk') : t('resultFail'))}</td><td>${escapeHtml(c.detail)}</td>` +
    `<td><code>${escapeHtml(JSON.stringify(c.evidence))}</code></td></tr>`;
  return (
    `<!DOCTYPE html>\n<html lang="${lang}"><head><meta charset="utf-8"><title>${escapeHtml(t('reportTitle'))}: ${escapeHtml(controllerName)}</title>` +
    '<style>body{font-family:system-ui,Arial,sans-serif;margin:1.5rem;color:#1a1a1a}table{border-collapse:collapse;width:100%}' +
    'th,td{border:1px solid #bbb;padding:.35rem .5rem;vertical-align:top;text-align:left;font-size:.9rem}code{font-size:.75rem;word-break:break-all}' +
    'tr.fail .result{color:#a00;font-weight:bold}tr.ok .result{color:#060}@media print{body{margin:0}}</style></head>\n' +
    `<body><h1>${escapeHtml(t('reportTitle'))}</h1><p>${escapeHtml(controllerName)} · ${escapeHtml(t('reportChecked', { at: formatInstant(report.at, timeZone, lang) }))}</p>` +
    `<p class="summary">${escapeHtml(summary)}</p>\n<table><thead><tr><th>${escapeHtml(t('colCheck'))}</th><th>${escapeHtml(t('colPromise'))}</th>` +
    `<th>${escapeHtml(t('colResult'))}</th><th>${escapeHtml(t('colDetail'))}</th><th>${escapeHtml(t('colEvidence'))}</th></tr></thead>\n<tbody>` +
    report.checks.map(row).join('\n') +
    '</tbody></table></body></html>\n'
  );
}
