import * as fs from 'node:fs';
import * as path from 'node:path';
import Holidays from 'date-holidays';
import {
  addDays,
  addMonths,
  countdown,
  daysLeft,
  deadline,
  deadlineColour,
  deadlineFromDay,
  easterSunday,
  extendedDueDate,
  extensionRefusal,
  finnishHolidays,
  isNonWorkingDay,
  nextWorkingDay,
  receiptDay,
} from '../../../src/core/requests/deadlines';

describe('request deadlines (Regulation 1182/71, act 150/1930, GDPR 12(3))', () => {
  test('the day of receipt is the Helsinki day: 00:30 on 1 May Helsinki is 1 May, 23:30 UTC on 30 April too', () => {
    expect(receiptDay('2026-04-30T21:30:00Z')).toBe('2026-05-01'); // 00:30 EEST
    expect(receiptDay('2026-04-30T20:59:59Z')).toBe('2026-04-30'); // 23:59:59 EEST
    expect(receiptDay('2026-01-31T22:30:00Z')).toBe('2026-02-01'); // 00:30 EET (winter, +2)
    expect(receiptDay('2026-01-31T21:59:00Z')).toBe('2026-01-31');
    expect(receiptDay('2026-03-29T00:30:00Z')).toBe('2026-03-29'); // the night the clocks go forward
    expect(receiptDay('2026-04-30T21:30:00Z', 'UTC')).toBe('2026-04-30');
    expect(() => receiptDay('1.5.2026')).toThrow(/ISO instant/);
  });

  test('a month is the same date next month, or its last day when the date does not exist', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2028-01-31', 1)).toBe('2028-02-29');
    expect(addMonths('2026-03-31', 1)).toBe('2026-04-30');
    expect(addMonths('2026-12-15', 1)).toBe('2027-01-15');
    expect(addMonths('2026-02-28', 1)).toBe('2026-03-28'); // not the month's end: the same date
    expect(addMonths('2026-11-30', 3)).toBe('2027-02-28');
  });

  test('Easter Sunday matches the almanac', () => {
    const known: Record<number, string> = { 2024: '2024-03-31', 2025: '2025-04-20', 2026: '2026-04-05', 2027: '2027-03-28', 2028: '2028-04-16', 2029: '2029-04-01', 2030: '2030-04-21', 2038: '2038-04-25' };
    for (const [y, d] of Object.entries(known)) expect(easterSunday(Number(y))).toBe(d);
  });

  test('Midsummer Eve and Christmas Eve stop a deadline (act 150/1930 § 5: "joulu- tai juhannusaatto"), New Year\'s Eve does not', () => {
    expect(isNonWorkingDay('2026-06-19')).toBe(true); // Midsummer Eve, Friday
    expect(isNonWorkingDay('2026-12-24')).toBe(true); // Christmas Eve, Thursday
    expect(isNonWorkingDay('2026-12-31')).toBe(false); // New Year's Eve, Thursday: a working day
    expect(isNonWorkingDay('2026-12-06')).toBe(true); // Independence Day on a Sunday…
    expect(isNonWorkingDay('2027-12-06')).toBe(true); // …and on a Monday it moves a deadline
    expect(nextWorkingDay('2026-12-24')).toBe('2026-12-28'); // Thu 24 → Fri 25, Sat 26, Sun 27 → Mon 28
  });

  // Received (Helsinki day) → due. Each row is an edge: month ends, leap years, Easter, May Day,
  // Ascension, Midsummer, All Saints, Independence Day, Christmas and New Year, over 2025–2031.
  const table: [received: string, due: string, why: string][] = [
    ['2025-01-31', '2025-02-28', '31 Jan → 28 Feb (Fri)'],
    ['2025-03-20', '2025-04-22', '20 Apr is Easter Sunday, 21 Easter Monday'],
    ['2025-03-18', '2025-04-22', '18 Apr Good Friday, 19 Sat, 20 Easter, 21 Easter Monday → Tue 22 Apr'],
    ['2025-04-01', '2025-05-02', '1 May is May Day'],
    ['2025-04-29', '2025-05-30', '29 May is Ascension (Easter 20 Apr + 39) → Fri 30 May'],
    ['2025-05-20', '2025-06-23', '20 Jun is Midsummer Eve (Fri) → Mon 23 Jun'],
    ['2025-10-01', '2025-11-03', '1 Nov is All Saints\' Day (Sat) → Mon 3 Nov'],
    ['2025-11-06', '2025-12-08', '6 Dec Sat (Independence Day) → Mon 8 Dec'],
    ['2025-11-24', '2025-12-29', '24 Dec Wed, 25, 26 holidays, 27–28 weekend → Mon 29 Dec'],
    ['2025-12-01', '2026-01-02', '1 Jan New Year → Fri 2 Jan'],
    ['2025-12-06', '2026-01-07', '6 Jan Epiphany (Tue) → Wed 7 Jan'],
    ['2026-01-31', '2026-03-02', '28 Feb is a Saturday → Mon 2 Mar'],
    ['2026-03-03', '2026-04-07', '3 Apr Good Friday → 4 Sat, 5 Easter, 6 Easter Monday → Tue 7'],
    ['2026-04-14', '2026-05-15', '14 May Ascension (Thu) → Fri 15 May'],
    ['2026-05-19', '2026-06-22', '19 Jun Midsummer Eve (Fri) → Mon 22 Jun'],
    ['2026-11-06', '2026-12-07', '6 Dec Sunday → Mon 7 Dec'],
    ['2026-12-24', '2027-01-25', '24 Jan 2027 is a Sunday'],
    ['2027-01-29', '2027-03-01', '28 Feb Sunday → Mon 1 Mar'],
    ['2027-02-26', '2027-03-30', '26 Mar Good Friday, 27 Sat, 28 Easter, 29 Easter Monday → Tue 30 Mar'],
    ['2027-11-06', '2027-12-07', '6 Dec 2027 Monday → Tue 7 Dec'],
    ['2027-11-24', '2027-12-27', '24 Dec Fri, 25–26 weekend/holidays → Mon 27 Dec'],
    ['2028-01-31', '2028-02-29', 'leap year: 31 Jan → Tue 29 Feb'],
    ['2028-03-31', '2028-05-02', '30 Apr Sunday → 1 May May Day → Tue 2 May'],
    ['2028-05-24', '2028-06-26', '24 Jun Midsummer Day (Sat) → Mon 26 Jun'],
    ['2029-02-28', '2029-03-28', 'not leap: 28 Feb → 28 Mar (Wed)'],
    ['2029-03-30', '2029-04-30', '30 Apr Monday (Easter 1 Apr)'],
    ['2029-04-30', '2029-05-30', '30 May Wed; Ascension is 10 May'],
    ['2030-03-19', '2030-04-23', '19 Apr Good Friday (Easter 21 Apr), 22 Easter Monday → Tue 23'],
    ['2030-11-30', '2030-12-30', '30 Dec Monday'],
    ['2031-05-21', '2031-06-23', '21 Jun Sat (Midsummer Day 21 Jun), Eve 20 Jun Fri → Mon 23'],
  ];
  test.each(table)('received %s → due %s (%s)', (received, due) => {
    expect(deadlineFromDay(received).dueDate).toBe(due);
  });

  test('a deadline from an instant counts from the Helsinki day, not the UTC day', () => {
    expect(deadline('2026-01-31T22:30:00Z')).toEqual({ receivedOn: '2026-02-01', periodEnd: '2026-03-01', dueDate: '2026-03-02' });
    expect(deadline('2026-01-31T21:30:00Z')).toEqual({ receivedOn: '2026-01-31', periodEnd: '2026-02-28', dueDate: '2026-03-02' });
  });

  test('the extension adds two months to the first month\'s end (never past receipt + 3 months), then moves to a working day', () => {
    expect(extendedDueDate('2026-01-31')).toBe('2026-04-28'); // 28 Feb + 2 = 28 Apr (Tue)
    expect(extendedDueDate('2026-05-01')).toBe('2026-08-03'); // 1 Jun + 2 = Sat 1 Aug → Mon 3 Aug
    expect(extendedDueDate('2025-09-24')).toBe('2025-12-29'); // 24 Oct + 2 = Christmas Eve → Mon 29 Dec
    for (let m = 1; m <= 12; m++) {
      for (const d of [1, 15, 28, 29, 30, 31]) {
        const received = `2027-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
        if (Number.isNaN(Date.parse(received)) || new Date(received).getUTCDate() !== d) continue;
        expect(extendedDueDate(received) <= nextWorkingDay(addMonths(received, 3))).toBe(true);
      }
    }
  });

  test('an extension is refused once given, and after the first month', () => {
    expect(extensionRefusal({ dueDate: '2026-06-01', extendedDueDate: '' }, '2026-06-01')).toBeNull();
    expect(extensionRefusal({ dueDate: '2026-06-01', extendedDueDate: '' }, '2026-06-02')).toBe('reqExtensionTooLate');
    expect(extensionRefusal({ dueDate: '2026-06-01', extendedDueDate: '2026-08-03' }, '2026-05-10')).toBe('reqAlreadyExtended');
  });

  test('the countdown: green from 10 days, amber under 10, red under 5, overdue after the due day', () => {
    expect(daysLeft('2026-06-01', '2026-05-04')).toBe(28);
    expect(daysLeft('2026-04-01', '2026-03-25')).toBe(7); // across the clock change: whole days
    const colours = [15, 10, 9, 5, 4, 1, 0, -1].map((d) => [d, deadlineColour(d)]);
    expect(colours).toEqual([[15, 'green'], [10, 'green'], [9, 'amber'], [5, 'amber'], [4, 'red'], [1, 'red'], [0, 'red'], [-1, 'overdue']]);
  });

  test('the calendar agrees with date-holidays (Finland) over 2020–2040, apart from the differences listed here', () => {
    const hd = new Holidays('FI');
    const ours = new Set<string>();
    const theirs = new Set<string>();
    const theirNames = new Map<string, string>();
    for (let y = 2020; y <= 2040; y++) {
      for (const h of finnishHolidays(y)) ours.add(h.date);
      for (const h of hd.getHolidays(y)) {
        if (h.type !== 'public' && h.type !== 'bank') continue; // observances (Mother's Day…) are no holidays
        const date = h.date.slice(0, 10);
        theirs.add(date);
        theirNames.set(date, h.name);
      }
    }
    const onlyOurs = [...ours].filter((d) => !theirs.has(d));
    const onlyTheirs = [...theirs].filter((d) => !ours.has(d));
    // date-holidays lists New Year's Eve as a bank holiday; act 150/1930 does not name it, so a
    // deadline on 31 December stays there (when it is a weekday).
    expect(onlyOurs).toEqual([]);
    expect(onlyTheirs.every((d) => d.endsWith('-12-31'))).toBe(true);
    expect(onlyTheirs).toHaveLength(21);
    expect(new Set(onlyTheirs.map((d) => theirNames.get(d)))).toEqual(new Set(['Uudenvuodenaatto']));
    // And every day either calendar treats as a holiday on a weekday agrees on non-working days
    // (date-holidays' "public" plus "bank" minus New Year's Eve).
    for (const d of theirs) if (!d.endsWith('-12-31')) expect(isNonWorkingDay(d)).toBe(true);
  });

  test('for every day of receipt 2024–2031 the due date is a working day, on or after the month\'s end, with only non-working days between', () => {
    for (let d = '2024-01-01'; d <= '2031-12-31'; d = addDays(d, 1)) {
      const { periodEnd, dueDate } = deadlineFromDay(d);
      expect(isNonWorkingDay(dueDate)).toBe(false);
      expect(dueDate >= periodEnd).toBe(true);
      for (let x = periodEnd; x < dueDate; x = addDays(x, 1)) expect(isNonWorkingDay(x)).toBe(true);
      expect(daysLeft(dueDate, d)).toBeGreaterThanOrEqual(28);
      expect(daysLeft(dueDate, d)).toBeLessThanOrEqual(35);
    }
  });

  test('the countdown uses the extended date when there is one, and closed cases have none', () => {
    expect(countdown({ status: 'in-progress', dueDate: '2026-06-01', extendedDueDate: '' }, '2026-05-25')).toEqual({ dueDate: '2026-06-01', daysLeft: 7, colour: 'amber' });
    expect(countdown({ status: 'received', dueDate: '2026-06-01', extendedDueDate: '2026-08-03' }, '2026-06-02')).toEqual({ dueDate: '2026-08-03', daysLeft: 62, colour: 'green' });
    expect(countdown({ status: 'completed', dueDate: '2026-06-01', extendedDueDate: '' }, '2026-06-02')).toBeNull();
  });

  test('date-holidays is a devDependency only, and nothing under src/ imports it (it must not reach Code.js)', () => {
    const root = path.resolve(__dirname, '../../..');
    const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { dependencies: Record<string, string>; devDependencies: Record<string, string> };
    expect(pkg.devDependencies['date-holidays']).toBeDefined();
    expect(pkg.dependencies['date-holidays']).toBeUndefined();
    const files = (dir: string): string[] => fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name)) : [path.join(dir, e.name)]));
    expect(files(path.join(root, 'src')).filter((f) => /(from\s*|require\(|import\()\s*['"]date-holidays/.test(fs.readFileSync(f, 'utf8')))).toEqual([]);
  });
});
