/**
 * ScriptApp: installable triggers (world.triggers) with Apps Script's limits — 20 triggers per
 * user per script, and in add-on mode no time-driven trigger more often than hourly and one
 * trigger of each event type per user and document — plus the enums, script id and a token.
 */
import { createHash } from 'node:crypto';
import type { Execution } from '../execution';
import { isDate } from '../guest';
import { newId, TriggerEventType, TriggerState } from '../world';
import { EnumFamily, enumFamily, enumName, signatureMismatch } from './enum';
import { isValidTimeZone, instantOf } from './spreadsheet/dates';
import { WEEK_DAYS } from './trigger-schedule';

type S = GoogleAppsScript.Script.ScriptApp;
type Trigger = GoogleAppsScript.Script.Trigger;

const SCRIPTAPP_SCOPE = 'https://www.googleapis.com/auth/script.scriptapp';
export const MAX_TRIGGERS_PER_USER = 20;
export const TOO_MANY_TRIGGERS =
  'This script has too many triggers. Triggers must be deleted from the script before more can be added.';
export const ADDON_CLOCK_TOO_OFTEN = 'Add-ons may not create time-based triggers that run more often than once per hour.';
export const ADDON_DUPLICATE_TRIGGER =
  'This add-on already has a trigger of this type for this user and document. Add-ons may create only one trigger of each type per user per document.';

export const UNKNOWN_TIMEZONE = 'Invalid argument: timezone';

/** ScriptApp's enums, in the order of their reference pages. */
const ENUMS = {
  AuthMode: ['NONE', 'CUSTOM_FUNCTION', 'LIMITED', 'FULL'],
  EventType: ['CLOCK', 'ON_OPEN', 'ON_EDIT', 'ON_FORM_SUBMIT', 'ON_CHANGE', 'ON_EVENT_UPDATED'],
  TriggerSource: ['SPREADSHEETS', 'CLOCK', 'FORMS', 'DOCUMENTS', 'CALENDAR'],
  WeekDay: WEEK_DAYS,
  AuthorizationStatus: ['REQUIRED', 'NOT_REQUIRED'],
  InstallationSource: ['APPS_MARKETPLACE_DOMAIN_ADD_ON', 'NONE', 'WEB_STORE_ADD_ON'],
} as const;

type EnumName = keyof typeof ENUMS;

/** The execution's instances of ScriptApp.`name` (one per value, so `===` against them works). */
export function scriptEnum(exec: Execution, name: EnumName): EnumFamily {
  return enumFamily(exec, `ScriptApp.${name}`, ENUMS[name]);
}

const EVERY_MINUTES = [1, 5, 10, 15, 30];
const EVERY_HOURS = [1, 2, 4, 6, 8, 12];

/** A stable script id for the world (derived from the bound file). */
export function scriptIdOf(exec: Execution): string {
  return '1' + createHash('sha256').update(`script:${exec.world.drive.id}`).digest('base64url').slice(0, 56);
}

/**
 * A trigger as getProjectTriggers or create() hands it out: a snapshot of the trigger's data, so
 * its getters are answered locally (free, never faulted); fetching and changing triggers are the
 * ScriptApp calls that reach Google. (Google documents no cost for Trigger getters; the emulator
 * treats them as field reads, like a message's id after a batch read.)
 */
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
function install(exec: Execution, state: Omit<TriggerState, 'uid' | 'owner' | 'createdAt'>): Trigger {
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

function manage(exec: Execution, key: string): void {
  exec.requireScope(SCRIPTAPP_SCOPE, key);
  exec.requireFullAuth(key);
}

/** Apps Script checks an Integer argument's type; the emulator also wants it whole. */
function integerArg(exec: Execution, method: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) throw signatureMismatch(exec, `ScriptApp.ClockTriggerBuilder.${method}`, [value]);
  return Math.trunc(value);
}

/**
 * ClockTriggerBuilder (reference page "Class ClockTriggerBuilder"): a recurrence (everyMinutes,
 * everyHours, everyDays, everyWeeks, onWeekDay, onMonthDay) refined by atHour/nearMinute, or a
 * one-off time (after, at, atDate); inTimezone names the zone the times are read in ("An invalid
 * timezone string causes the script to throw an error").
 */
class ClockTriggerBuilderImpl
  implements
    Pick<
      GoogleAppsScript.Script.ClockTriggerBuilder,
      | 'everyMinutes' | 'everyHours' | 'everyDays' | 'everyWeeks' | 'atHour' | 'nearMinute' | 'onWeekDay' | 'onMonthDay'
      | 'inTimezone' | 'after' | 'at' | 'atDate' | 'create'
    >
{
  private minutes: number | null = null;
  private hour: number | undefined;
  private minute: number | undefined;
  private weekDay: string | undefined;
  private monthDay: number | undefined;
  private zone: string | undefined;
  /** A one-off: a fixed instant (after/at) or a calendar date read in the zone at create(). */
  private once: { instant: number } | { year: number; month: number; day: number } | null = null;

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

  /** Takes a ScriptApp.WeekDay value; a bare string is the wrong type, as on Google. */
  onWeekDay(day: GoogleAppsScript.Base.Weekday): GoogleAppsScript.Script.ClockTriggerBuilder {
    this.call('onWeekDay');
    const name = enumName(day, 'ScriptApp.WeekDay');
    if (name === null) throw signatureMismatch(this.exec, 'ScriptApp.ClockTriggerBuilder.onWeekDay', [day]);
    this.weekDay = name;
    if (this.minutes === null || this.minutes < 7 * 1440) this.minutes = 7 * 1440;
    return this.self();
  }

  onMonthDay(day: number): GoogleAppsScript.Script.ClockTriggerBuilder {
    this.call('onMonthDay');
    const d = integerArg(this.exec, 'onMonthDay', day);
    if (d < 1 || d > 31) throw this.exec.guest.error('Invalid argument: day');
    this.monthDay = d;
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
    this.minute = m;
    return this.self();
  }

  inTimezone(timezone: string): GoogleAppsScript.Script.ClockTriggerBuilder {
    this.call('inTimezone');
    if (typeof timezone !== 'string') throw signatureMismatch(this.exec, 'ScriptApp.ClockTriggerBuilder.inTimezone', [timezone]);
    // Google checks against Joda's zone names; Intl's IANA list is the same set in practice.
    if (!isValidTimeZone(timezone)) throw this.exec.guest.error(UNKNOWN_TIMEZONE);
    this.zone = timezone;
    return this.self();
  }

  /** "The minimum duration (in milliseconds) after the current time that the trigger runs." */
  after(durationMilliseconds: number): GoogleAppsScript.Script.ClockTriggerBuilder {
    this.call('after');
    const ms = integerArg(this.exec, 'after', durationMilliseconds);
    if (ms < 0) throw this.exec.guest.error('Invalid argument: durationMilliseconds');
    this.once = { instant: this.exec.now() + ms };
    return this.self();
  }

  at(date: GoogleAppsScript.Base.Date): GoogleAppsScript.Script.ClockTriggerBuilder {
    this.call('at');
    if (!isDate(date) || !Number.isFinite((date as unknown as Date).getTime())) throw signatureMismatch(this.exec, 'ScriptApp.ClockTriggerBuilder.at', [date]);
    this.once = { instant: (date as unknown as Date).getTime() };
    return this.self();
  }

  /** "Fires on the given date, by default near midnight"; atHour/nearMinute move it within the day. */
  atDate(year: number, month: number, day: number): GoogleAppsScript.Script.ClockTriggerBuilder {
    this.call('atDate');
    const [y, m, d] = [year, month, day].map((v) => integerArg(this.exec, 'atDate', v));
    if (m < 1 || m > 12) throw this.exec.guest.error('Invalid argument: month');
    if (d < 1 || d > new Date(Date.UTC(y, m, 0)).getUTCDate()) throw this.exec.guest.error('Invalid argument: day');
    this.once = { year: y, month: m, day: d };
    return this.self();
  }

  create(): Trigger {
    this.exec.call('ScriptApp', 'ClockTriggerBuilder.create');
    manage(this.exec, 'ClockTriggerBuilder.create');
    const fail = (message: string): never => {
      throw this.exec.guest.error(message);
    };
    const common = { handlerFunction: this.handler, eventType: 'CLOCK' as const, source: 'CLOCK', sourceId: '', ...(this.zone ? { timeZone: this.zone } : {}) };
    if (this.once) {
      // Google's message for a one-off mixed with a recurrence is not documented (unconfirmed).
      if (this.minutes !== null || this.monthDay !== undefined) fail('A trigger cannot both run once (after, at, atDate) and repeat.');
      const zone = this.zone ?? this.exec.world.manifest.timeZone;
      const at = 'instant' in this.once
        ? this.once.instant
        : instantOf({ ...this.once, hour: this.hour ?? 0, minute: this.minute ?? 0, second: 0 }, zone);
      return install(this.exec, { ...common, at });
    }
    if (this.monthDay !== undefined) {
      if (this.minutes !== null) fail('onMonthDay cannot be combined with everyMinutes, everyHours, everyDays or everyWeeks.');
      return install(this.exec, { ...common, monthDay: this.monthDay, ...this.timeOfDay() });
    }
    if (this.minutes === null) fail('Trigger has no schedule: call everyMinutes, everyHours, everyDays or everyWeeks before create().');
    const minutes = this.minutes!;
    if (this.hour !== undefined && minutes < 1440) fail('atHour can only be used with everyDays or everyWeeks.');
    if (this.minute !== undefined && minutes < 60) fail('nearMinute can only be used with everyHours, everyDays or everyWeeks.');
    return install(this.exec, {
      ...common,
      everyMinutes: minutes,
      ...this.timeOfDay(),
      ...(this.weekDay !== undefined ? { weekDay: this.weekDay } : {}),
    });
  }

  private timeOfDay(): Pick<TriggerState, 'atHour' | 'nearMinute'> {
    return { ...(this.hour !== undefined ? { atHour: this.hour } : {}), ...(this.minute !== undefined ? { nearMinute: this.minute } : {}) };
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
