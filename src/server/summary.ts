/**
 * What the nightly run does after the repair pass (server/repair.ts runNightly): the retention
 * sweep, then the admins' daily summary (setting `dailySummary`: off, draft or email), and the
 * run's record (when it ran, its error) that the compliance check reads.
 */
import { NIGHTLY_RUN_KEY, sweepRegister, type SweepReport } from './retention';
import type { CallContext } from './context';

/** The sweep, then the summary; the run's record is written whatever happens (and the error rethrown). */
export function afterRepair(ctx: CallContext): SweepReport {
  let report: SweepReport;
  try {
    report = sweepRegister(ctx);
  } catch (error) {
    try {
      ctx.properties.setProperty(NIGHTLY_RUN_KEY, JSON.stringify({ at: ctx.now, error: String((error as Error).message ?? error).slice(0, 500) }));
    } catch {
      // The first failure is the one to report.
    }
    throw error;
  }
  ctx.properties.setProperty(NIGHTLY_RUN_KEY, JSON.stringify({ at: ctx.now, error: '' }));
  return report;
}
