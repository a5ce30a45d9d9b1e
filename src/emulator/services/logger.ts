/** Logger and console, writing to the world's log (the dev server shows it) as the acting user. */
import type { Execution } from '../execution';
import { isDate } from '../guest';
import { EnumValue } from './enum';
import type { LogEntry } from '../world';

/** How a logged value reads: strings as they are, enum values as their bare name, dates as ISO, other objects as JSON. */
function show(v: unknown): string {
  if (typeof v === 'string') return v;
  // Logger.log(SpreadsheetApp.ProtectionType.RANGE) prints RANGE, without JSON's quotes.
  if (v instanceof EnumValue) return v.name();
  if (isDate(v)) return (v as Date).toISOString();
  if (v instanceof Error || (v && typeof v === 'object' && Object.prototype.toString.call(v) === '[object Error]')) {
    const e = v as Error;
    return `${e.name}: ${e.message}`;
  }
  if (v && typeof v === 'object') {
    try {
      return JSON.stringify(v);
    } catch {
      return String(v);
    }
  }
  return String(v);
}

/** printf-style: %s %d %i %f %o %O %j consume arguments; the rest are appended. */
function format(args: unknown[]): string {
  if (args.length === 0) return '';
  const [first, ...rest] = args;
  if (typeof first !== 'string') return args.map(show).join(' ');
  let k = 0;
  const text = first.replace(/%[sdifoOj%]/g, (m) => {
    if (m === '%%') return '%';
    if (k >= rest.length) return m;
    const v = rest[k++];
    if (m === '%d' || m === '%i') return String(Math.trunc(Number(v)));
    if (m === '%f') return String(Number(v));
    return show(v);
  });
  return [text, ...rest.slice(k).map(show)].join(' ');
}

function write(exec: Execution, level: LogEntry['level'], message: string): void {
  exec.world.log({ at: exec.now(), user: exec.options.actingUser, level, message });
}

class LoggerImpl implements Pick<GoogleAppsScript.Base.Logger, 'log' | 'getLog' | 'clear'> {
  private lines: string[] = [];

  constructor(private readonly exec: Execution) {}

  log(data: unknown, ...values: unknown[]): GoogleAppsScript.Base.Logger {
    this.exec.call('Free', 'Logger.log');
    const message = format([data, ...values]);
    const d = new Date(this.exec.now());
    this.lines.push(`${d.toISOString()} INFO: ${message}`);
    write(this.exec, 'info', message);
    return this as unknown as GoogleAppsScript.Base.Logger;
  }

  getLog(): string {
    this.exec.call('Free', 'Logger.getLog');
    return this.lines.length ? this.lines.join('\n') + '\n' : '';
  }

  clear(): void {
    this.exec.call('Free', 'Logger.clear');
    this.lines = [];
  }
}

class ConsoleImpl implements Pick<Console, 'log' | 'info' | 'warn' | 'error' | 'time' | 'timeEnd'> {
  private readonly timers = new Map<string, number>();

  constructor(private readonly exec: Execution) {}

  private emit(level: LogEntry['level'], args: unknown[]): void {
    this.exec.call('Free', `console.${level}`);
    write(this.exec, level, format(args));
  }

  log(...args: unknown[]): void {
    this.emit('log', args);
  }

  info(...args: unknown[]): void {
    this.emit('info', args);
  }

  warn(...args: unknown[]): void {
    this.emit('warn', args);
  }

  error(...args: unknown[]): void {
    this.emit('error', args);
  }

  time(label: string): void {
    this.exec.call('Free', 'console.time');
    this.timers.set(String(label), this.exec.now());
  }

  timeEnd(label: string): void {
    this.exec.call('Free', 'console.timeEnd');
    const start = this.timers.get(String(label));
    if (start === undefined) return;
    this.timers.delete(String(label));
    write(this.exec, 'info', `${label}: ${this.exec.now() - start}ms`);
  }
}

export function createLogger(exec: Execution): object {
  return new LoggerImpl(exec);
}

export function createConsole(exec: Execution): object {
  return new ConsoleImpl(exec);
}
