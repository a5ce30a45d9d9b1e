/**
 * ScriptApp: installable triggers (world.triggers) with Apps Script's limits — 20 triggers per
 * user per script, and in add-on mode no time-driven trigger more often than hourly and one
 * trigger of each event type per user and document — plus the enums, script id and a token.
 * One file per Apps Script class in this folder; `schedule.ts` says when a time-driven one fires.
 */
import { createHash } from 'node:crypto';
import type { Execution } from '../../execution';
import { manage, scriptEnum, scriptIdOf } from './common';
import { ServiceImpl } from './service';
import { TriggerImpl } from './trigger';
import { spreadsheetId, TriggerBuilderImpl } from './trigger-builder';

export {
  ADDON_CLOCK_TOO_OFTEN, ADDON_DUPLICATE_TRIGGER, MAX_TRIGGERS_PER_USER, scriptEnum, scriptIdOf, TOO_MANY_TRIGGERS, UNKNOWN_TIMEZONE,
} from './common';

type S = GoogleAppsScript.Script.ScriptApp;
type Trigger = GoogleAppsScript.Script.Trigger;

class ScriptAppImpl
  implements Pick<S, 'newTrigger' | 'getProjectTriggers' | 'getUserTriggers' | 'deleteTrigger' | 'getScriptId' | 'getOAuthToken' | 'getService'>
{
  readonly AuthMode: S['AuthMode'];
  readonly EventType: S['EventType'];
  readonly TriggerSource: S['TriggerSource'];
  readonly WeekDay: S['WeekDay'];
  readonly AuthorizationStatus: S['AuthorizationStatus'];
  readonly InstallationSource: S['InstallationSource'];

  constructor(private readonly exec: Execution) {
    this.AuthMode = scriptEnum(exec, 'AuthMode') as unknown as S['AuthMode'];
    this.EventType = scriptEnum(exec, 'EventType') as unknown as S['EventType'];
    this.TriggerSource = scriptEnum(exec, 'TriggerSource') as unknown as S['TriggerSource'];
    this.WeekDay = scriptEnum(exec, 'WeekDay') as unknown as S['WeekDay'];
    this.AuthorizationStatus = scriptEnum(exec, 'AuthorizationStatus') as unknown as S['AuthorizationStatus'];
    this.InstallationSource = scriptEnum(exec, 'InstallationSource') as unknown as S['InstallationSource'];
  }

  newTrigger(functionName: string): GoogleAppsScript.Script.TriggerBuilder {
    this.exec.call('Free', 'ScriptApp.newTrigger');
    if (typeof functionName !== 'string' || functionName === '') throw this.exec.guest.error('Invalid argument: functionName');
    return new TriggerBuilderImpl(this.exec, functionName) as unknown as GoogleAppsScript.Script.TriggerBuilder;
  }

  getProjectTriggers(): Trigger[] {
    this.exec.call('ScriptApp', 'ScriptApp.getProjectTriggers');
    manage(this.exec, 'ScriptApp.getProjectTriggers');
    const owner = this.exec.options.effectiveUser;
    return this.exec.guest.array(this.exec.world.triggers.filter((t) => t.owner === owner).map((t) => new TriggerImpl(this.exec, t) as unknown as Trigger));
  }

  getUserTriggers(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet | GoogleAppsScript.Document.Document | GoogleAppsScript.Forms.Form): Trigger[] {
    this.exec.call('ScriptApp', 'ScriptApp.getUserTriggers');
    manage(this.exec, 'ScriptApp.getUserTriggers');
    const id = spreadsheetId(this.exec, spreadsheet);
    const owner = this.exec.options.effectiveUser;
    return this.exec.guest.array(
      this.exec.world.triggers.filter((t) => t.owner === owner && t.source === 'SPREADSHEETS' && t.sourceId === id).map((t) => new TriggerImpl(this.exec, t) as unknown as Trigger),
    );
  }

  deleteTrigger(trigger: Trigger): void {
    this.exec.call('ScriptApp', 'ScriptApp.deleteTrigger');
    manage(this.exec, 'ScriptApp.deleteTrigger');
    if (!(trigger instanceof TriggerImpl)) throw this.exec.guest.error('Invalid argument: trigger');
    const owner = this.exec.options.effectiveUser;
    const i = this.exec.world.triggers.findIndex((t) => t.uid === trigger.state.uid);
    if (i < 0) return;
    if (this.exec.world.triggers[i].owner !== owner) throw this.exec.guest.error('Invalid argument: trigger (installed by another user)');
    this.exec.world.triggers.splice(i, 1);
  }

  getScriptId(): string {
    this.exec.call('Free', 'ScriptApp.getScriptId');
    return scriptIdOf(this.exec);
  }

  getOAuthToken(): string {
    this.exec.call('Free', 'ScriptApp.getOAuthToken');
    const digest = createHash('sha256').update(`${this.exec.options.effectiveUser}:${scriptIdOf(this.exec)}`).digest('base64url');
    return `ya29.emulator-${digest}`;
  }

  getService(): GoogleAppsScript.Script.Service {
    this.exec.call('Free', 'ScriptApp.getService');
    return new ServiceImpl(this.exec) as unknown as GoogleAppsScript.Script.Service;
  }
}

export function createScriptApp(exec: Execution): object {
  return new ScriptAppImpl(exec);
}
