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
  if (every !== undefined && every < 1440) {
    // Every n hours, on the hours divisible by n: from the mark at or before `after`.
    const step = every / 60;
    const w = wallClock(after, zone);
    let day = Date.UTC(w.year, w.month - 1, w.day) / DAY_MS;
    let h = Math.floor(w.hour / step) * step;
    for (let i = 0; i < 50; i++) {
      const x = at(day, h, minute, zone);
      if (x > after) return x;
      h += step;
      if (h >= 24) [h, day] = [0, day + 1];
    }
    return null;
  }
  const hour = t.atHour ?? 0;
  const first = dayIndexOf(after, zone);
  if (t.monthDay !== undefined) {
    for (let day = first; day <= first + 400; day++) {
      if (dayFields(day).day !== t.monthDay) continue;
      const x = at(day, hour, minute, zone);
      if (x > after) return x;
    }
    return null;
  }
  if (every === undefined) return null;
  // Daily and weekly: every n days from the first day at or after creation it may fire on.
  const created = t.createdAt ?? after;
  let anchor = dayIndexOf(created, zone);
  if (at(anchor, hour, minute, zone) <= created) anchor += 1;
  if (t.weekDay !== undefined) {
    const want = WEEK_DAYS.indexOf(t.weekDay as (typeof WEEK_DAYS)[number]);
    while (dayFields(anchor).weekDay !== want) anchor += 1;
  }
  const period = every / 1440;
  let day = Math.max(anchor, first);
  day += (period - ((day - anchor) % period)) % period;
  for (let i = 0; i < 3; i++, day += period) {
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
