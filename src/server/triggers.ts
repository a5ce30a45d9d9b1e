/**
 * The register's installable triggers as an admin sees and keeps them (the admin dialog's
 * "Ajastukset", issue 10 deliverable 3), and the one wrapper every trigger handler runs in, which
 * records the run's start and its error: Apps Script itself lists no trigger's last run to a
 * script (`ScriptApp.getProjectTriggers` gives handler, source, event type and id only), so the
 * compliance check's "run within the last 26 hours without error" rests on these records.
 */
import * as v from 'valibot';
import { roleOf } from '../core/settings';
import { adminText, type AdminUiKey } from '../core/texts/admin';
import { NEEDED_TRIGGERS, triggerRunProperty, type EditTrigger, type TriggerRun, type TriggerSpec } from '../gas/state';
import { UserError } from '../gas/register';
import { requireRole, withWrite, type CallContext } from './context';
import { setUp } from './setup';
import { audit } from './tabs';

/** Whether Apps Script fired this run: an installable trigger's event carries `triggerUid` (Event Objects, https://developers.google.com/apps-script/guides/triggers/events). */
function firedByTrigger(e: unknown): boolean {
  const uid = e && typeof e === 'object' ? (e as { triggerUid?: unknown }).triggerUid : undefined;
  return typeof uid === 'string' && uid !== '';
}

function messageOf(error: unknown): string {
  return String((error as Error)?.message ?? error);
}

/**
 * `run` as a trigger handler that records each run Apps Script fires: its start and its error
 * ('' when it completed), in one setProperties after the run (no read: one key per handler,
 * gas/state.ts TRIGGER_RUN_PREFIX), and the error rethrown so the execution still fails in
 * Google's log. A call that is not a trigger's (an admin's `runNightly()`), or one `records`
 * says is no run of the handler's own (an on-change event of a typed edit), is not recorded. A
 * record that cannot be written (a quota, a fault) goes to the console: the run's own outcome
 * is the one to report.
 */
export function recordRuns<E, R>(handler: string, run: (e: E) => R, options: { records?: (e: E) => boolean } = {}): (e: E) => R {
  return (e: E) => {
    if (!firedByTrigger(e) || (options.records && !options.records(e))) return run(e);
    // The run's start: the server's clock, as every context reads it (server/context.ts).
    const at = new Date().toISOString();
    const current = { handler, at, carried: false };
    running = current;
    let result: R;
    try {
      result = run(e);
    } catch (error) {
      record(handler, { at, error: messageOf(error) || 'Error' });
      throw error;
    } finally {
      running = null;
    }
    if (!current.carried) record(handler, { at, error: '' });
    return result;
  };
}

/** The trigger run in progress (an execution runs one handler), while `recordRuns` runs it. */
let running: { handler: string; at: string; carried: boolean } | null = null;

/**
 * The clean-run record of the trigger run in progress, for a handler to merge into its own last
 * property write (the nightly sweep's), which saves the wrapper's call → `{}` outside a recorded
 * run. Take it only for a write the run always makes after its work (or fails before): once
 * taken, the wrapper writes a record only when the run then fails, and that error record
 * replaces the clean one.
 */
export function carriedRunRecord(): Record<string, string> {
  if (!running) return {};
  running.carried = true;
  return triggerRunProperty(running.handler, { at: running.at, error: '' });
}

function record(handler: string, run: TriggerRun): void {
  try {
    PropertiesService.getDocumentProperties()!.setProperties(triggerRunProperty(handler, run));
  } catch (error) {
    console.error(`Rekisteri: the run of ${handler} at ${run.at} could not be recorded: ${messageOf(error)}`);
  }
}

/** One trigger the register needs, as the admin dialog and the compliance check show it. */
export interface TriggerView {
  handler: string;
  event: TriggerSpec['event'];
  /** What it does, in the register's language. */
  label: string;
  /** Installed: among the caller's own triggers, or recorded as another admin's (whose triggers no one else's ScriptApp lists). */
  installed: boolean;
  /** Who it runs as ('' when missing). */
  owner: string;
  /** True when the caller owns it (only the owner can remove it). */
  mine: boolean;
  /** The last run's start (ISO), '' when none is recorded. */
  lastRun: string;
  /** The last run's error, '' when it completed. */
  lastError: string;
}

/** The record set-up keeps of `handler`'s trigger (its id and owner), from the state already read. */
function recordOf(ctx: CallContext, handler: string): EditTrigger | null {
  const s = ctx.state;
  return ({ onRegisterEdit: s.editTrigger, runNightly: s.nightlyTrigger, onRegisterChange: s.changeTrigger, pollInbox: s.intakeTrigger } as Record<string, EditTrigger | null>)[handler] ?? null;
}

/**
 * Every trigger the register needs with its installation and last run: one ScriptApp call (the
 * caller's triggers) beside the state the context read.
 */
export function triggerViews(ctx: CallContext, mine: readonly GoogleAppsScript.Script.Trigger[] = ScriptApp.getProjectTriggers()): TriggerView[] {
  return NEEDED_TRIGGERS.map((t) => {
    const own = mine.some((x) => x.getHandlerFunction() === t.handler);
    const recorded = recordOf(ctx, t.handler);
    const ofAnother = !own && !!recorded && recorded.owner !== ctx.user && roleOf(ctx.settings, recorded.owner) === 'admin';
    const run = ctx.state.triggerRuns[t.handler];
    return {
      handler: t.handler, event: t.event, label: adminText(ctx.language, `adTrigger_${t.handler}` as AdminUiKey),
      installed: own || ofAnother, owner: own ? ctx.user : ofAnother ? recorded!.owner : '', mine: own,
      lastRun: run?.at ?? '', lastError: run?.error ?? '',
    };
  });
}

/** The triggers' status for the admin dialog → `{triggers, now, today}`. Admins. */
export function getTriggerStatus(): { triggers: TriggerView[]; now: string; today: string } {
  const ctx = requireRole('admin');
  return { triggers: triggerViews(ctx), now: ctx.now, today: ctx.today };
}

/**
 * Installs every missing trigger by running set-up (which installs each one the register needs,
 * hands over those of a demoted admin, and never changes data) → `{installed, triggers}`. Admins.
 */
export function installTriggers(): { installed: string[]; triggers: TriggerView[] } {
  requireRole('admin');
  const result = setUp({});
  const ctx = requireRole('admin');
  return { installed: result.installedTriggers, triggers: triggerViews(ctx) };
}

const REMOVE_INPUT = v.object({ handler: v.picklist(NEEDED_TRIGGERS.map((t) => t.handler) as [string, ...string[]]) });

/**
 * Removes the caller's own trigger of `handler` → `{removed, triggers}`, logged in the audit
 * chain (`settings-change`, the handler as its field). Only a trigger's owner can delete it
 * (getProjectTriggers lists no one else's): another admin's is refused with their name.
 */
export function removeTrigger(input: { handler: string }): { removed: number; triggers: TriggerView[] } {
  return withWrite('admin', (ctx) => {
    const parsed = v.safeParse(REMOVE_INPUT, input);
    if (!parsed.success) throw new UserError(adminText(ctx.language, 'adTriggerUnknown'));
    const handler = parsed.output.handler;
    const mine = ScriptApp.getProjectTriggers();
    const own = mine.filter((t) => t.getHandlerFunction() === handler);
    if (!own.length) {
      const recorded = recordOf(ctx, handler);
      if (recorded && recorded.owner !== ctx.user && roleOf(ctx.settings, recorded.owner) === 'admin') {
        throw new UserError(adminText(ctx.language, 'adTriggerOfAnother', { handler, owner: recorded.owner }));
      }
      throw new UserError(adminText(ctx.language, 'adTriggerNoneToRemove', { handler }));
    }
    // Logged first: a removal that fails half-way is still in the chain. Set-up keeps one a handler,
    // so this loop deletes one (ScriptApp has no batch delete).
    audit(ctx, [{ at: ctx.now, actor: ctx.user, action: 'settings-change', fields: [handler] }]);
    for (const t of own) ScriptApp.deleteTrigger(t);
    const left = mine.filter((t) => !own.includes(t));
    return { removed: own.length, triggers: triggerViews(ctx, left) };
  });
}
