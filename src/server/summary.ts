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
 * (server/triggers.ts recordRuns); a clean run's record rides in the run's last property write,
 * which saves the wrapper's call: the summary's anchor when a summary is made, else the sweep's
 * own last write. So a run cut short before its summary (the six-minute limit ends an execution
 * whatever it catches) leaves no clean record: the compliance check sees no clean run in 26 hours.
 * `repair` is the nightly repair pass, run under the sweep's narrowed protection so the sweep can
 * decide from what it read.
 */
export function afterRepair(ctx: CallContext, repair?: () => SharedRead | null): SweepReport {
  const summarised = summaryAdmins(ctx).length > 0;
  const report = sweepRegister(ctx, { before: repair, finalProperties: summarised ? {} : carriedRunRecord() });
  if (summarised) sendDailySummary(ctx, report.deleted, carriedRunRecord);
  return report;
}

/** Who gets the daily summary: every admin, none when the setting is off. */
function summaryAdmins(ctx: CallContext): string[] {
  return ctx.settings.dailySummary === 'off' ? [] : ctx.settings.keyPersonnel.filter((p) => p.role === 'admin').map((p) => p.email);
}

/**
 * The admins' daily summary, drafted or sent as the settings say, and its anchor remembered
 * (with `alsoStore`'s properties, taken once the mail is made). Calls: the compliance check's
 * reads, one Gmail call (the draft or the send), one property write.
 */
export function sendDailySummary(ctx: CallContext, deleted: readonly string[], alsoStore: () => Record<string, string> = () => ({})): { subject: string; mode: string } | null {
  const mode = ctx.settings.dailySummary;
  const admins = summaryAdmins(ctx);
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
  ctx.properties.setProperties({ ...alsoStore(), [ANCHORS_KEY]: JSON.stringify(anchors) });
  return { subject: summary.subject, mode };
}
