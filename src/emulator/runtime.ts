/**
 * Loads the built bundle (`dist/Code.js`) into a V8 context that holds only Apps Script's
 * globals, and calls its top-level functions the way Apps Script does: as a `google.script.run`
 * call from a user, a menu action, a simple trigger (no active-user email, limited auth) or an
 * installable trigger (as its creator). Each call is a fresh execution: globals do not survive
 * between executions, as on Google's servers.
 */
import * as vm from 'node:vm';
import { parse } from 'acorn';
import { Execution, ExecutionKind, AuthMode } from './execution';
import { Guest, GuestIntrinsics } from './guest';
import { createGlobals } from './services';
import { decodeResult } from './wire';
import type { World } from './world';
import type { CallStat } from './cost';

export interface Bundle {
  /** The text of Code.js. */
  code: string;
  /** The other pushed files by name without extension (`Sidebar` → html). */
  html: Map<string, string>;
}

export interface RunOptions {
  kind?: ExecutionKind;
  /** The user at the keyboard; the spreadsheet owner by default. */
  user?: string;
  /** Overrides for installable triggers (effective user) and tests. */
  effectiveUser?: string;
  /** Overrides `Session.getActiveUser()` (an installable trigger fired by another user's edit). */
  activeUser?: string;
  authMode?: AuthMode;
  container?: boolean;
  triggerUid?: string;
  /**
   * Builds the call's arguments inside the execution, for event objects that hold service objects
   * (an onEdit event's `range` and `source`). Replaces `args` when given.
   */
  eventFactory?: (globals: Record<string, unknown>, exec: Execution) => unknown;
}

export interface ExecutionReport {
  ok: boolean;
  /** The raw return value (emulator-side copy). */
  value?: unknown;
  error?: { name: string; message: string; stack?: string };
  calls: number;
  modelledMs: number;
  byMethod: Record<string, CallStat>;
}

/** Simple triggers may run 30 seconds (Apps Script's own limit for them). */
const SIMPLE_TRIGGER_MAX_MS = 30_000;

/** Real-time guard against a script that loops forever (the modelled clock only moves on calls). */
const REAL_TIMEOUT_MS = 120_000;

export class Runtime {
  private readonly script: vm.Script;
  /** Top-level function declarations of the bundle: the only callable entry points. */
  readonly entryPoints: ReadonlySet<string>;

  constructor(
    readonly world: World,
    readonly bundle: Bundle,
  ) {
    // Apps Script rejects module syntax at save time; parsing as a classic script does the same.
    const ast = parse(bundle.code, { ecmaVersion: 'latest', sourceType: 'script' }) as unknown as {
      body: { type: string; id?: { name: string } }[];
    };
    const names = new Set<string>();
    for (const node of ast.body) {
      if (node.type === 'FunctionDeclaration' && node.id) names.add(node.id.name);
    }
    this.entryPoints = names;
    this.script = new vm.Script(bundle.code, { filename: 'Code.js' });
    for (const [name, html] of bundle.html) world.files.set(name, html);
  }

  /**
   * Calls `fn` as `google.script.run` does: only public top-level functions, arguments as the
   * wire delivers them, the result as the client would receive it.
   */
  callFromClient(fn: string, args: unknown[], user?: string): ExecutionReport & { result?: unknown } {
    if (fn.endsWith('_') || !this.entryPoints.has(fn)) {
      // The message Apps Script's client reports for a missing or private function.
      return this.refuse(`Script function not found: ${fn}`);
    }
    const report = this.execute(fn, args, { kind: 'run', user });
    if (!report.ok) return report;
    const decoded = decodeResult(report.value);
    if (decoded.droppedBecause) {
      this.world.log({ at: this.world.now, user: user ?? this.world.owner, level: 'warn',
        message: `google.script.run: ${fn} returned a value the client receives as null (${decoded.droppedBecause})` });
    }
    return { ...report, result: decoded.value };
  }

  private refuse(message: string): ExecutionReport {
    return { ok: false, error: { name: 'ScriptError', message }, calls: 0, modelledMs: 0, byMethod: {} };
  }

  /** Runs any top-level function in a fresh execution. */
  execute(fn: string, args: unknown[], options: RunOptions = {}): ExecutionReport {
    const kind = options.kind ?? 'run';
    const acting = options.user ?? this.world.owner;
    if (!this.entryPoints.has(fn)) return this.refuse(`Script function not found: ${fn}`);
    const simple = kind === 'simple-trigger';
    const installable = kind === 'installable-trigger';
    const effectiveUser = options.effectiveUser ?? acting;
    const context = vm.createContext({});
    const intrinsics = vm.runInContext('({ Array, Object, Date, Error, TypeError })', context) as GuestIntrinsics;
    const guest = new Guest(intrinsics);
    const exec = new Execution(
      this.world,
      {
        kind,
        activeUser: options.activeUser ?? (simple ? '' : installable ? effectiveUser : acting),
        effectiveUser,
        actingUser: acting,
        authMode: options.authMode ?? (simple ? 'LIMITED' : 'FULL'),
        container: options.container,
        triggerUid: options.triggerUid,
      },
      guest,
      (code) => vm.runInContext(code, context, { timeout: REAL_TIMEOUT_MS }),
      simple ? SIMPLE_TRIGGER_MAX_MS : undefined,
    );
    this.world.locks.expire(this.world.now);
    const globals = createGlobals(exec);
    for (const [name, value] of Object.entries(globals)) {
      Object.defineProperty(context, name, { value, writable: true, configurable: true, enumerable: false });
    }
    // `new Date()` and `Date.now()` read the emulated clock, moved on by modelled time.
    vm.runInContext(
      `(function (now) {
        var RealDate = Date;
        function EmulatedDate() {
          if (!new.target) return new RealDate(now()).toString();
          var a = Array.prototype.slice.call(arguments);
          return a.length === 0 ? new RealDate(now()) : new (Function.prototype.bind.apply(RealDate, [null].concat(a)))();
        }
        EmulatedDate.prototype = RealDate.prototype;
        EmulatedDate.now = function () { return now(); };
        EmulatedDate.UTC = RealDate.UTC;
        EmulatedDate.parse = RealDate.parse;
        Object.defineProperty(RealDate.prototype, 'constructor', { value: EmulatedDate, writable: true, configurable: true });
        globalThis.Date = EmulatedDate;
      })`,
      context,
    )(() => exec.now());
    this.world.executions += 1;
    let report: ExecutionReport;
    try {
      this.script.runInContext(context, { timeout: REAL_TIMEOUT_MS });
      const target = (context as Record<string, unknown>)[fn];
      if (typeof target !== 'function') throw guest.error(`Script function not found: ${fn}`);
      const guestArgs = options.eventFactory
        ? [options.eventFactory(globals, exec)]
        : (guest.deep(args) as unknown[]);
      const value = (target as (...a: unknown[]) => unknown).apply(undefined, guestArgs);
      // The time limit halts the execution even when the script caught the error.
      if (exec.terminatedWith) throw guest.error(exec.terminatedWith);
      report = { ok: true, value, calls: 0, modelledMs: 0, byMethod: {} };
    } catch (e) {
      report = { ok: false, error: describeError(e), calls: 0, modelledMs: 0, byMethod: {} };
      this.world.log({ at: exec.now(), user: acting, level: 'error', message: `${fn}: ${report.error!.message}` });
    } finally {
      exec.finish();
    }
    // Time moves on by what the execution spent.
    this.world.now += Math.ceil(exec.elapsedMs);
    this.world.stats.add(exec.meter);
    const m = exec.meter.toJSON();
    return { ...report, calls: m.calls, modelledMs: m.modelledMs, byMethod: m.byMethod };
  }

  /**
   * The Apps Script editor's Run button over a snippet: `code` (the statements of a function
   * body) runs as `user` in one execution with the bundle, so the bundle's top-level functions are
   * callable from it, with the manifest's scopes or `scopes` in their place for this run. The
   * result is what google.script.run would deliver (decodeResult). Who may open the editor is the
   * caller's check (Emulator.runScript).
   */
  runSnippet(code: string, options: { user?: string; scopes?: readonly string[] } = {}): ExecutionReport & { result?: unknown } {
    try {
      // A function body and nothing else: a stray `}` may not close the function and add top-level code.
      parse(code, { ecmaVersion: 'latest', sourceType: 'script', allowReturnOutsideFunction: true });
    } catch (e) {
      return this.refuse(`Syntax error: ${(e as Error).message}`);
    }
    let name = '__snippet__';
    while (this.entryPoints.has(name)) name = `_${name}`;
    const joined = new Runtime(this.world, { code: `${this.bundle.code}\nfunction ${name}() {\n${code}\n}\n`, html: this.bundle.html });
    const manifest = this.world.manifest;
    if (options.scopes) this.world.manifest = { ...manifest, oauthScopes: [...options.scopes] };
    let report: ExecutionReport;
    try {
      report = joined.execute(name, [], { kind: 'menu', user: options.user });
    } finally {
      this.world.manifest = manifest;
    }
    return report.ok ? { ...report, result: decodeResult(report.value).value } : report;
  }
}

function describeError(e: unknown): { name: string; message: string; stack?: string } {
  if (e && typeof e === 'object' && 'message' in e) {
    const err = e as { name?: string; message: string; stack?: string };
    return { name: String(err.name ?? 'Error'), message: String(err.message), stack: err.stack };
  }
  return { name: 'Error', message: String(e) };
}
