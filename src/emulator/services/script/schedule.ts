/**
 * When a time-driven trigger fires: the schedule a ClockTriggerBuilder recorded (TriggerState),
 * read as calendar arithmetic in the trigger's zone. Google fires "near" the time (±15 minutes,
 * a random minute without nearMinute: reference page ClockTriggerBuilder); the emulator fires at
 * the nominal time, minute 0 unless nearMinute, so tests are deterministic.
 */
import type { TriggerState } from '../../world';
import { instantOf, wallClock } from '../spreadsheet/dates';

const DAY_MS = 86_400_000;
export const WEEK_DAYS = ['SUNDAY', 'MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY'] as const;

/** Local calendar day number (days since 1970-01-01) of instant `ms` in `zone`. */
function dayIndexOf(ms: number, zone: string): number {
  const w = wallClock(ms, zone);
  return Date.UTC(w.year, w.month - 1, w.day) / DAY_MS;
}

function dayFields(index: number): { year: number; month: number; day: number; weekDay: number } {
  const d = new Date(index * DAY_MS);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), weekDay: d.getUTCDay() };
}

function at(index: number, hour: number, minute: number, zone: string): number {
  const { year, month, day } = dayFields(index);
  return instantOf({ year, month, day, hour, minute, second: 0 }, zone);
}

/** Whether the trigger fires once (after/at/atDate) rather than repeatedly. */
export function isOneOff(t: TriggerState): boolean {
  return t.at !== undefined;
}

/** The trigger's zone: inTimezone's, else the script's. */
export function zoneOf(t: TriggerState, scriptZone: string): string {
  return t.timeZone ?? scriptZone;
}

/**
 * The first nominal firing of a periodic trigger strictly after `after`, or null (a one-off, a
 * spent trigger, or none within ~13 months).
 */
export function nextFiring(t: TriggerState, after: number, scriptZone: string): number | null {
  if (t.eventType !== 'CLOCK' || isOneOff(t)) return null;
  const zone = zoneOf(t, scriptZone);
  const every = t.everyMinutes;
  const minute = t.nearMinute ?? 0;
  if (every !== undefined && every < 60) {
    // Every n minutes, on the n-minute marks of the clock.
    const period = every * 60_000;
    return Math.floor(after / period) * period + period;
  }
  const created = t.createdAt ?? after;
  const hour = t.atHour ?? 0;
  // The first day at or after creation on which a daily or weekly trigger may fire.
  const anchor = (() => {
    let day = dayIndexOf(created, zone);
    if (at(day, hour, minute, zone) <= created) day += 1;
    if (t.weekDay !== undefined) {
      const want = WEEK_DAYS.indexOf(t.weekDay as (typeof WEEK_DAYS)[number]);
      while (dayFields(day).weekDay !== want) day += 1;
    }
    return day;
  })();
  const first = dayIndexOf(after, zone);
  for (let day = first; day <= first + 400; day++) {
    if (t.monthDay !== undefined) {
      if (dayFields(day).day !== t.monthDay) continue;
    } else if (every !== undefined && every < 1440) {
      // Every n hours, on the hours divisible by n.
      for (let h = 0; h < 24; h += every / 60) {
        const x = at(day, h, minute, zone);
        if (x > after) return x;
      }
      continue;
    } else if (every === undefined || day < anchor || (day - anchor) % (every / 1440) !== 0) {
      continue;
    }
    const x = at(day, hour, minute, zone);
    if (x > after) return x;
  }
  return null;
}

/**
 * What of trigger `t` fell due in the window (`since`, `until`]: its first and last due times and
 * how many there were.
 */
export function dueIn(t: TriggerState, since: number, until: number, scriptZone: string): { first: number; last: number; count: number } | null {
  if (t.eventType !== 'CLOCK') return null;
  if (isOneOff(t)) {
    if (t.spent || t.at! > until) return null;
    // An overdue one-off (its time was already past when it was made) fires at the next chance.
    const when = Math.max(t.at!, since);
    return { first: when, last: when, count: 1 };
  }
  const first = nextFiring(t, since, scriptZone);
  if (first === null || first > until) return null;
  const every = t.everyMinutes;
  if (every !== undefined && every < 60) {
    const period = every * 60_000;
    const last = Math.floor(until / period) * period;
    return { first, last, count: Math.round((last - first) / period) + 1 };
  }
  let last = first;
  let count = 1;
  for (let next = nextFiring(t, last, scriptZone); next !== null && next <= until; next = nextFiring(t, last, scriptZone)) {
    last = next;
    count += 1;
  }
  return { first, last, count };
}
