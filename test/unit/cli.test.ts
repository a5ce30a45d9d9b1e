/** `npm start`'s command line (src/demo/cli.ts): `--now ISO` sets a new world's clock, without it the real time does; mistakes stop with the usage. */
import { parseArgs, parseIsoTime, newWorldNow, UsageError } from '../../src/demo/cli';

const REAL_NOW = Date.parse('2031-06-01T12:00:00Z'); // stands for Date.now(): injected, never read

describe('npm start -- --now', () => {
  test('--now with an offset sets the new world\'s clock to that instant', () => {
    const cli = parseArgs(['--fresh', '--now', '2027-01-15T09:00:00+02:00'], {});
    expect(cli.now).toBe(Date.parse('2027-01-15T07:00:00Z'));
    expect(newWorldNow(cli, REAL_NOW)).toBe(Date.parse('2027-01-15T07:00:00Z'));
    expect(parseArgs(['--now=2027-01-15T07:00:00Z'], {}).now).toBe(Date.parse('2027-01-15T07:00:00Z'));
    expect(parseArgs(['--now', '2027-01-15'], {}).now).toBe(Date.parse('2027-01-15T00:00:00Z'));
  });

  test('without --now a new world starts at the real time', () => {
    const cli = parseArgs(['--fresh'], {});
    expect(cli.now).toBeUndefined();
    expect(newWorldNow(cli, REAL_NOW)).toBe(REAL_NOW);
  });

  test('an invalid --now stops with a usage message: not ISO, no offset, a day not in the calendar, no value', () => {
    for (const bad of ['15.1.2027', 'tomorrow', '2027-01-15T09:00:00', '2027-02-30', '2027-13-01', '2027-01-15T25:00Z']) {
      expect(() => parseArgs(['--now', bad], {})).toThrow(UsageError);
    }
    expect(() => parseArgs(['--now'], {})).toThrow(/--now needs a value/);
    expect(() => parseIsoTime('2027-01-15T09:00:00')).toThrow(/ISO 8601 time with its offset/);
  });

  test('the other options still parse; an unknown one is a usage error', () => {
    expect(parseArgs(['--state', 'x.json', '--host=0.0.0.0'], { PORT: '9000' })).toMatchObject({ stateFile: 'x.json', host: '0.0.0.0', port: 9000, fresh: false });
    expect(() => parseArgs(['--frsh'], {})).toThrow(/Unknown option --frsh/);
    expect(() => parseArgs([], { PORT: 'eighty' })).toThrow(/PORT must be a port number/);
  });
});
