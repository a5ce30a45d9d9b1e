/**
 * ScriptApp: installable triggers (world.triggers) with Apps Script's limits — 20 triggers per
 * user per script, and in add-on mode no time-driven trigger more often than hourly and one
 * trigger of each event type per user and document — plus the enums, script id and a token.
 */
import { createHash } from 'node:crypto';
import type { Execution } from '../execution';
import { newId, TriggerEventType, TriggerState } from '../world';

type S = GoogleAppsScript.Script.ScriptApp;
type Trigger = GoogleAppsScript.Script.Trigger;

const SCRIPTAPP_SCOPE = 'https://www.googleapis.com/auth/script.scriptapp';
export const MAX_TRIGGERS_PER_USER = 20;
export const TOO_MANY_TRIGGERS =
  'This script has too many triggers. Triggers must be deleted from the script before more can be added.';
export const ADDON_CLOCK_TOO_OFTEN = 'Add-ons may not create time-based triggers that run more often than once per hour.';
export const ADDON_DUPLICATE_TRIGGER =
  'This add-on already has a trigger of this type for this user and document. Add-ons may create only one trigger of each type per user per document.';

export const AuthMode = { NONE: 'NONE', CUSTOM_FUNCTION: 'CUSTOM_FUNCTION', LIMITED: 'LIMITED', FULL: 'FULL' };
export const EventType = { CLOCK: 'CLOCK', ON_OPEN: 'ON_OPEN', ON_EDIT: 'ON_EDIT', ON_FORM_SUBMIT: 'ON_FORM_SUBMIT', ON_CHANGE: 'ON_CHANGE', ON_EVENT_UPDATED: 'ON_EVENT_UPDATED' };
export const TriggerSource = { SPREADSHEETS: 'SPREADSHEETS', CLOCK: 'CLOCK', FORMS: 'FORMS', DOCUMENTS: 'DOCUMENTS', CALENDAR: 'CALENDAR' };
export const WeekDay = { SUNDAY: 'SUNDAY', MONDAY: 'MONDAY', TUESDAY: 'TUESDAY', WEDNESDAY: 'WEDNESDAY', THURSDAY: 'THURSDAY', FRIDAY: 'FRIDAY', SATURDAY: 'SATURDAY' };
export const AuthorizationStatus = { REQUIRED: 'REQUIRED', NOT_REQUIRED: 'NOT_REQUIRED' };
export const InstallationSource = { APPS_MARKETPLACE_DOMAIN_ADD_ON: 'APPS_MARKETPLACE_DOMAIN_ADD_ON', NONE: 'NONE', WEB_STORE_ADD_ON: 'WEB_STORE_ADD_ON' };

const EVERY_MINUTES = [1, 5, 10, 15, 30];
const EVERY_HOURS = [1, 2, 4, 6, 8, 12];

/** A stable script id for the world (derived from the bound file). */
export function scriptIdOf(exec: Execution): string {
  return '1' + createHash('sha256').update(`script:${exec.world.drive.id}`).digest('base64url').slice(0, 56);
}

class TriggerImpl implements Pick<Trigger, 'getUniqueId' | 'getHandlerFunction' | 'getEventType' | 'getTriggerSource' | 'getTriggerSourceId'> {
  constructor(
    private readonly exec: Execution,
    readonly state: TriggerState,
  ) {}

  private call(method: string): void {
    this.exec.call('Free', `Trigger.${method}`);
  }

  getUniqueId(): string {
    this.call('getUniqueId');
    return this.state.uid;
  }

  getHandlerFunction(): string {
    this.call('getHandlerFunction');
    return this.state.handlerFunction;
  }

  getEventType(): GoogleAppsScript.Script.EventType {
    this.call('getEventType');
    return this.state.eventType as unknown as GoogleAppsScript.Script.EventType;
  }

  getTriggerSource(): GoogleAppsScript.Script.TriggerSource {
    this.call('getTriggerSource');
    return this.state.source as unknown as GoogleAppsScript.Script.TriggerSource;
  }

  getTriggerSourceId(): string {
    this.call('getTriggerSourceId');
    // Time-driven triggers have no source id.
    return (this.state.source === 'CLOCK' ? null : this.state.sourceId) as string;
  }
}

/** Installs a trigger after the per-user and add-on checks. */
function install(exec: Execution, state: Omit<TriggerState, 'uid' | 'owner'>): Trigger {
  const world = exec.world;
  const owner = exec.options.effectiveUser;
  const mine = world.triggers.filter((t) => t.owner === owner);
  if (mine.length >= MAX_TRIGGERS_PER_USER) throw exec.guest.error(TOO_MANY_TRIGGERS);
  if (world.addOnMode) {
    if (state.eventType === 'CLOCK' && (state.everyMinutes ?? 0) < 60) throw exec.guest.error(ADDON_CLOCK_TOO_OFTEN);
    if (mine.some((t) => t.eventType === state.eventType)) throw exec.guest.error(ADDON_DUPLICATE_TRIGGER);
  }
  const full: TriggerState = { ...state, uid: newId('trg').replace(/^trg_/, ''), owner };
  world.triggers.push(full);
  return new TriggerImpl(exec, full) as unknown as Trigger;
}

function manage(exec: Execution, key: string): void {
  exec.requireScope(SCRIPTAPP_SCOPE, key);
  exec.requireFullAuth(key);
}

class ClockTriggerBuilderImpl
  implements Pick<GoogleAppsScript.Script.ClockTriggerBuilder, 'everyMinutes' | 'everyHours' | 'everyDays' | 'everyWeeks' | 'atHour' | 'nearMinute' | 'onWeekDay' | 'inTimezone' | 'create'>
{
  private minutes: number | null = null;
  private hour: number | undefined;

  constructor(
    private readonly exec: Execution,
    private readonly handler: string,
  ) {}

  private call(method: string): void {
    this.exec.call('Free', `ClockTriggerBuilder.${method}`);
  }

  private self(): GoogleAppsScript.Script.ClockTriggerBuilder {
    return this as unknown as GoogleAppsScript.Script.ClockTriggerBuilder;
  }

  everyMinutes(n: number): GoogleAppsScript.Script.ClockTriggerBuilder {
    this.call('everyMinutes');
    if (!EVERY_MINUTES.includes(Number(n))) {
      throw this.exec.guest.error('The value passed to everyMinutes must be one of 1, 5, 10, 15 or 30.');
    }
    this.minutes = Number(n);
    return this.self();
  }

  everyHours(n: number): GoogleAppsScript.Script.ClockTriggerBuilder {
    this.call('everyHours');
    if (!EVERY_HOURS.includes(Number(n))) throw this.exec.guest.error('The value passed to everyHours must be one of 1, 2, 4, 6, 8 or 12.');
    this.minutes = Number(n) * 60;
    return this.self();
  }

  everyDays(n: number): GoogleAppsScript.Script.ClockTriggerBuilder {
    this.call('everyDays');
    if (!Number.isInteger(Number(n)) || Number(n) < 1) throw this.exec.guest.error('Invalid argument: everyDays');
    this.minutes = Number(n) * 1440;
    return this.self();
  }

  everyWeeks(n: number): GoogleAppsScript.Script.ClockTriggerBuilder {
    this.call('everyWeeks');
    if (!Number.isInteger(Number(n)) || Number(n) < 1) throw this.exec.guest.error('Invalid argument: everyWeeks');
    this.minutes = Number(n) * 7 * 1440;
    return this.self();
  }

  onWeekDay(_day: GoogleAppsScript.Base.Weekday): GoogleAppsScript.Script.ClockTriggerBuilder {
    this.call('onWeekDay');
    if (!Object.values(WeekDay).includes(String(_day))) throw this.exec.guest.error('Invalid argument: day');
    if (this.minutes === null || this.minutes < 7 * 1440) this.minutes = 7 * 1440;
    return this.self();
  }

  atHour(hour: number): GoogleAppsScript.Script.ClockTriggerBuilder {
    this.call('atHour');
    const h = Number(hour);
    if (!Number.isInteger(h) || h < 0 || h > 23) throw this.exec.guest.error('Invalid argument: hour');
    this.hour = h;
    return this.self();
  }

  nearMinute(minute: number): GoogleAppsScript.Script.ClockTriggerBuilder {
    this.call('nearMinute');
    const m = Number(minute);
    if (!Number.isInteger(m) || m < 0 || m > 59) throw this.exec.guest.error('Invalid argument: minute');
    return this.self();
  }

  inTimezone(_timezone: string): GoogleAppsScript.Script.ClockTriggerBuilder {
    this.call('inTimezone');
    return this.self();
  }

  create(): Trigger {
    this.exec.call('ScriptApp', 'ClockTriggerBuilder.create');
    manage(this.exec, 'ClockTriggerBuilder.create');
    if (this.minutes === null) throw this.exec.guest.error('Trigger has no schedule: call everyMinutes, everyHours, everyDays or everyWeeks before create().');
    if (this.hour !== undefined && this.minutes < 1440) throw this.exec.guest.error('atHour can only be used with everyDays or everyWeeks.');
    return install(this.exec, {
      handlerFunction: this.handler,
      eventType: 'CLOCK',
      source: 'CLOCK',
      sourceId: '',
      everyMinutes: this.minutes,
      ...(this.hour !== undefined ? { atHour: this.hour } : {}),
    });
  }
}

class SpreadsheetTriggerBuilderImpl implements Pick<GoogleAppsScript.Script.SpreadsheetTriggerBuilder, 'onEdit' | 'onChange' | 'onOpen' | 'onFormSubmit' | 'create'> {
  private event: TriggerEventType | null = null;

  constructor(
    private readonly exec: Execution,
    private readonly handler: string,
    private readonly sourceId: string,
  ) {}

  private set(method: string, event: TriggerEventType): GoogleAppsScript.Script.SpreadsheetTriggerBuilder {
    this.exec.call('Free', `SpreadsheetTriggerBuilder.${method}`);
    this.event = event;
    return this as unknown as GoogleAppsScript.Script.SpreadsheetTriggerBuilder;
  }

  onEdit() {
    return this.set('onEdit', 'ON_EDIT');
  }

  onChange() {
    return this.set('onChange', 'ON_CHANGE');
  }

  onOpen() {
    return this.set('onOpen', 'ON_OPEN');
  }

  onFormSubmit() {
    return this.set('onFormSubmit', 'ON_FORM_SUBMIT');
  }

  create(): Trigger {
    this.exec.call('ScriptApp', 'SpreadsheetTriggerBuilder.create');
    manage(this.exec, 'SpreadsheetTriggerBuilder.create');
    if (this.event === null) throw this.exec.guest.error('Trigger has no event: call onEdit, onChange, onOpen or onFormSubmit before create().');
    return install(this.exec, { handlerFunction: this.handler, eventType: this.event, source: 'SPREADSHEETS', sourceId: this.sourceId });
  }
}

/** The id of a Spreadsheet (any object with getId) or an id string. */
function spreadsheetId(exec: Execution, ss: unknown): string {
  if (typeof ss === 'string') return ss;
  const s = ss as { getId?: () => unknown } | null;
  if (s && typeof s === 'object' && typeof s.getId === 'function') return String(s.getId());
  throw exec.guest.error('Invalid argument: spreadsheet');
}

const NOT_FOUND =
  'No item with the given ID could be found. Possibly because you have not edited this item or you do not have permission to access it.';

class TriggerBuilderImpl implements Pick<GoogleAppsScript.Script.TriggerBuilder, 'timeBased' | 'forSpreadsheet'> {
  constructor(
    private readonly exec: Execution,
    private readonly handler: string,
  ) {}

  timeBased(): GoogleAppsScript.Script.ClockTriggerBuilder {
    this.exec.call('Free', 'TriggerBuilder.timeBased');
    return new ClockTriggerBuilderImpl(this.exec, this.handler) as unknown as GoogleAppsScript.Script.ClockTriggerBuilder;
  }

  forSpreadsheet(sheet: GoogleAppsScript.Spreadsheet.Spreadsheet | string): GoogleAppsScript.Script.SpreadsheetTriggerBuilder {
    this.exec.call('Free', 'TriggerBuilder.forSpreadsheet');
    const id = spreadsheetId(this.exec, sheet);
    if (id !== this.exec.world.drive.id) throw this.exec.guest.error(NOT_FOUND);
    return new SpreadsheetTriggerBuilderImpl(this.exec, this.handler, id) as unknown as GoogleAppsScript.Script.SpreadsheetTriggerBuilder;
  }
}

class ServiceImpl implements Pick<GoogleAppsScript.Script.Service, 'getUrl' | 'isEnabled'> {
  constructor(private readonly exec: Execution) {}

  getUrl(): string {
    this.exec.call('Free', 'Service.getUrl');
    // The project is never deployed as a web app.
    return null as unknown as string;
  }

  isEnabled(): boolean {
    this.exec.call('Free', 'Service.isEnabled');
    return false;
  }
}

class ScriptAppImpl
  implements Pick<S, 'newTrigger' | 'getProjectTriggers' | 'getUserTriggers' | 'deleteTrigger' | 'getScriptId' | 'getOAuthToken' | 'getService'>
{
  readonly AuthMode = AuthMode as unknown as S['AuthMode'];
  readonly EventType = EventType as unknown as S['EventType'];
  readonly TriggerSource = TriggerSource as unknown as S['TriggerSource'];
  readonly WeekDay = WeekDay as unknown as S['WeekDay'];
  readonly AuthorizationStatus = AuthorizationStatus as unknown as S['AuthorizationStatus'];
  readonly InstallationSource = InstallationSource as unknown as S['InstallationSource'];

  constructor(private readonly exec: Execution) {}

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
