/**
 * Trigger, and installing one with Apps Script's limits: 20 triggers per user per script; in
 * add-on mode no time-driven trigger more often than hourly and one of each event type per user
 * and document.
 */
import type { Execution } from '../../execution';
import { newId, TriggerState } from '../../world';
import { ADDON_CLOCK_TOO_OFTEN, ADDON_DUPLICATE_TRIGGER, MAX_TRIGGERS_PER_USER, SCRIPTAPP_SCOPE, scriptEnum, TOO_MANY_TRIGGERS } from './common';

type Trigger = GoogleAppsScript.Script.Trigger;

/**
 * A trigger as getProjectTriggers or create() hands it out: a snapshot of the trigger's data, so
 * its getters are answered locally (free, never faulted); fetching and changing triggers are the
 * ScriptApp calls that reach Google. The reference page "Class Trigger" asks the
 * script.scriptapp scope of every getter but documents no cost; the emulator treats them as field
 * reads, like a message's id after a batch read. Its examples compare
 * `getEventType() === ScriptApp.EventType.CLOCK`: the enum instance itself.
 */
export class TriggerImpl implements Pick<Trigger, 'getUniqueId' | 'getHandlerFunction' | 'getEventType' | 'getTriggerSource' | 'getTriggerSourceId'> {
  constructor(
    private readonly exec: Execution,
    readonly state: TriggerState,
  ) {}

  private call(method: string): void {
    this.exec.call('Free', `Trigger.${method}`);
    this.exec.requireScope(SCRIPTAPP_SCOPE, `Trigger.${method}`);
  }

  getUniqueId(): string {
    this.call('getUniqueId');
    return this.state.uid;
  }

  getHandlerFunction(): string {
    this.call('getHandlerFunction');
    return this.state.handlerFunction;
  }

  /** A ScriptApp.EventType value: `getEventType() === ScriptApp.EventType.CLOCK`, never `=== 'CLOCK'`. */
  getEventType(): GoogleAppsScript.Script.EventType {
    this.call('getEventType');
    return scriptEnum(this.exec, 'EventType')[this.state.eventType] as unknown as GoogleAppsScript.Script.EventType;
  }

  getTriggerSource(): GoogleAppsScript.Script.TriggerSource {
    this.call('getTriggerSource');
    return scriptEnum(this.exec, 'TriggerSource')[this.state.source] as unknown as GoogleAppsScript.Script.TriggerSource;
  }

  getTriggerSourceId(): string {
    this.call('getTriggerSourceId');
    // Time-driven triggers have no source id.
    return (this.state.source === 'CLOCK' ? null : this.state.sourceId) as string;
  }
}

/**
 * Installs a trigger after the per-user and add-on checks. A spent one-off trigger is still
 * installed, so it counts toward the 20 until deleted.
 */
export function install(exec: Execution, state: Omit<TriggerState, 'uid' | 'owner' | 'createdAt'>): Trigger {
  const world = exec.world;
  const owner = exec.options.effectiveUser;
  const mine = world.triggers.filter((t) => t.owner === owner);
  if (mine.length >= MAX_TRIGGERS_PER_USER) throw exec.guest.error(TOO_MANY_TRIGGERS);
  if (world.addOnMode) {
    if (state.eventType === 'CLOCK' && state.everyMinutes !== undefined && state.everyMinutes < 60) throw exec.guest.error(ADDON_CLOCK_TOO_OFTEN);
    if (mine.some((t) => t.eventType === state.eventType)) throw exec.guest.error(ADDON_DUPLICATE_TRIGGER);
  }
  const full: TriggerState = { ...state, uid: newId('trg').replace(/^trg_/, ''), owner, createdAt: exec.now() };
  world.triggers.push(full);
  return new TriggerImpl(exec, full) as unknown as Trigger;
}
