/**
 * The command line of `npm start` (src/demo/main.ts), apart from the server so a unit test can
 * read it without starting anything. A mistake throws UsageError; main prints it with the usage.
 */

export interface Cli {
  fresh: boolean;
  /** Emulated time of a new world (`--now ISO`); main uses the real time when it is left out. */
  now?: number;
  stateFile: string;
  host: string;
  port: number;
  distDir: string;
}

export const USAGE =
  'Usage: npm start -- [--fresh] [--now <ISO time, e.g. 2027-01-15T09:00:00+02:00>] [--state <file>] [--host <address>]   (PORT=8080 sets the port)';

export class UsageError extends Error {}

/**
 * An ISO 8601 time for `--now`: a date (`2027-01-15`, midnight UTC as in JavaScript) or a date and
 * time with its offset (`…T09:00:00+02:00`, `…Z`). A time without an offset is refused: it would be
 * read in this machine's zone, which is not the register's.
 */
export function parseIsoTime(raw: string): number {
  const m = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2}))?$/.exec(raw);
  const ms = m ? Date.parse(raw) : NaN;
  if (!Number.isFinite(ms)) {
    throw new UsageError(`--now must be an ISO 8601 time with its offset, such as 2027-01-15T09:00:00+02:00 or 2027-01-15 (got ${JSON.stringify(raw)})`);
  }
  // Date.parse rolls 2027-02-30 over into March; a date that does not exist is a typo.
  if (new Date(ms + offsetMs(m![4])).toISOString().slice(0, 10) !== raw.slice(0, 10)) {
    throw new UsageError(`--now: ${raw.slice(0, 10)} is not a date in the calendar`);
  }
  return ms;
}

function offsetMs(offset: string | undefined): number {
  if (!offset || offset === 'Z') return 0;
  const sign = offset[0] === '-' ? -1 : 1;
  return sign * (Number(offset.slice(1, 3)) * 60 + Number(offset.slice(4, 6))) * 60_000;
}

/** The clock of a new world: `--now` when given, otherwise the machine's real time (`realNow`). */
export function newWorldNow(cli: Cli, realNow: number): number {
  return cli.now ?? realNow;
}

export function parseArgs(argv: string[], env: NodeJS.ProcessEnv = process.env): Cli {
  const cli: Cli = { fresh: false, stateFile: '.emulator/state.json', host: '127.0.0.1', port: 8080, distDir: 'dist' };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined || v.startsWith('--')) throw new UsageError(`${arg} needs a value`);
      return v;
    };
    if (arg === '--fresh') cli.fresh = true;
    else if (arg === '--now') cli.now = parseIsoTime(value());
    else if (arg.startsWith('--now=')) cli.now = parseIsoTime(arg.slice(6));
    else if (arg === '--state') cli.stateFile = value();
    else if (arg.startsWith('--state=')) cli.stateFile = arg.slice(8);
    else if (arg === '--host') cli.host = value();
    else if (arg.startsWith('--host=')) cli.host = arg.slice(7);
    else if (arg === '--dist') cli.distDir = value();
    else if (arg === '--help' || arg === '-h') throw new UsageError('Rekisteri emulator');
    else throw new UsageError(`Unknown option ${arg}`);
  }
  if (env.PORT !== undefined && env.PORT !== '') {
    const port = Number(env.PORT);
    if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`PORT must be a port number, not ${env.PORT}`);
    cli.port = port;
  }
  return cli;
}
