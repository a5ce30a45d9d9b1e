/**
 * ClockTriggerBuilder: the schedule of a time-driven trigger, checked as Apps Script checks it.
 */
import type { Execution } from '../../execution';
import { isDate } from '../../guest';
import type { TriggerState } from '../../world';
import { enumName, signatureMismatch } from '../enum';
import { instantOf, isValidTimeZone } from '../spreadsheet/dates';
import { manage, UNKNOWN_TIMEZONE } from './common';
import { install } from './trigger';

type Trigger = GoogleAppsScript.Script.Trigger;

const EVERY_MINUTES = [1, 5, 10, 15, 30];
const EVERY_HOURS = [1, 2, 4, 6, 8, 12];

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
export class ClockTriggerBuilderImpl
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
