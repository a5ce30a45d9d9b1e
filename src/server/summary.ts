/**
 * What the nightly run does after the repair pass (server/repair.ts runNightly): the retention
 * sweep, then the admins' daily summary (setting `dailySummary`: `off`, `draft` — a Gmail draft to every admin
 * in the register mailbox — or `email`, sent): requests due soon or overdue, the numbers the
 * sweep deleted, the failed checks, and the audit chain's head. Each summary's anchor (count and
 * head hash) is kept in a document property, so the compliance check can show that the chain
 * still matches every head mailed out: history rewritten later no longer matches the mail trail.
 */
import { dailySummary } from '../core/summary';
import { ANCHORS_KEY, complianceReport, MAX_ANCHORS } from './compliance';
import { sweepRegister, type SharedRead, type SweepReport } from './retention';
import type { CallContext } from './context';
import { carriedRunRecord } from './triggers';

/**
 * The sweep, then the summary. The run's record (when, its error) is the trigger wrapper's
 * (server/triggers.ts recordRuns); a clean run's record rides in the sweep's own last property
 * write, which saves the wrapper's call. `repair` is the nightly repair pass, run under the
 * sweep's narrowed protection so the sweep can decide from what it read.
 */
export function afterRepair(ctx: CallContext, repair?: () => SharedRead | null): SweepReport {
  const report = sweepRegister(ctx, { before: repair, finalProperties: carriedRunRecord() });
  sendDailySummary(ctx, report.deleted);
  return report;
}

/**
 * The admins' daily summary, drafted or sent as the settings say, and its anchor remembered.
 * Calls: the compliance check's reads, one Gmail call (the draft or the send), one property write.
 */
export function sendDailySummary(ctx: CallContext, deleted: readonly string[]): { subject: string; mode: string } | null {
  const mode = ctx.settings.dailySummary;
  if (mode === 'off') return null;
  const admins = ctx.settings.keyPersonnel.filter((p) => p.role === 'admin').map((p) => p.email);
  if (!admins.length) return null;
  const { report, evidence } = complianceReport(ctx);
  const head = ctx.state.auditHead ?? { count: 0, hash: '' };
  const requests = evidence.requests;
  const summary = dailySummary({
    language: ctx.language, today: ctx.today, controllerName: ctx.settings.controller.name, requests, deleted,
    // The first summary is the first anchor: "no anchor yet" is not a failure it should report.
    failedChecks: report.checks.filter((c) => !c.ok && !(c.id === 'audit-anchor' && evidence.anchors.length === 0)).map((c) => ({ id: c.id, label: c.label })), auditHead: { hash: head.hash, count: head.count },
  });
  const to = admins.join(',');
  if (mode === 'email') GmailApp.sendEmail(to, summary.subject, summary.text);
  else GmailApp.createDraft(to, summary.subject, summary.text);
  const anchors = [...evidence.anchors, { sentAt: ctx.now, count: summary.anchor.count, head: summary.anchor.head }].slice(-MAX_ANCHORS);
  ctx.properties.setProperty(ANCHORS_KEY, JSON.stringify(anchors));
  return { subject: summary.subject, mode };
}
