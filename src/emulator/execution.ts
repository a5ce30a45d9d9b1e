/**
 * One execution of the script: a `google.script.run` call, a menu action, a trigger. It carries
 * who runs it, the modelled clock, the meter, the fault injector and the locks it holds, and it
 * is what every emulated service charges its calls to.
 */
import { HANDLE_METHODS, MAX_EXECUTION_MS, Meter, modelledCost, ServiceFamily } from './cost';
import { Guest } from './guest';
import type { World } from './world';

export type ExecutionKind =
  | 'run' // google.script.run or the HTTP API's /api/run
  | 'menu' // a custom-menu item clicked in the editor
  | 'simple-trigger' // onOpen/onEdit/onInstall run by Sheets itself
  | 'installable-trigger' // a ScriptApp trigger, runs as its creator
  | 'template'; // scriptlets of an HtmlTemplate (runs inside another execution)

export type AuthMode = 'NONE' | 'LIMITED' | 'FULL';

export interface ExecutionOptions {
  kind: ExecutionKind;
  /** `Session.getActiveUser().getEmail()`; "" where Apps Script hides it (simple triggers). */
  activeUser: string;
  /** `Session.getEffectiveUser()`: whose authority the script runs with. */
  effectiveUser: string;
  authMode: AuthMode;
  /** The user actually at the keyboard (for protections and UI), even when activeUser is "". */
  actingUser: string;
  /** false for a standalone script: getDocumentLock() is null, getActiveSpreadsheet() is null. */
  container?: boolean;
  /** Trigger id when run by an installable trigger. */
  triggerUid?: string;
}

/** What the fault injector does: the n-th metered service call (1-based) of the next execution throws. */
export interface FaultPlan {
  atCall: number;
  message?: string;
  /** How many upcoming executions it applies to (default 1). */
  executions?: number;
}

export const DEFAULT_FAULT_MESSAGE =
  "We're sorry, a server error occurred. Please wait a bit and try again.";

export class Execution {
  readonly meter = new Meter();
  /** Modelled milliseconds spent so far. */
  elapsedMs = 0;
  /** Metered calls so far (for the fault injector). */
  callCount = 0;
  /** Locks held by this execution ("script", "document", "user:<email>"). */
  readonly locksHeld = new Set<string>();
  /** Run when the execution ends, success or not (flush, release locks). */
  readonly finishers: (() => void)[] = [];
  private terminated: string | null = null;
  private readonly fault: FaultPlan | null;

  constructor(
    readonly world: World,
    readonly options: ExecutionOptions,
    readonly guest: Guest,
    /** Evaluates code in the script's context (HtmlTemplate scriptlets). */
    readonly evalInGuest: (code: string) => unknown,
    /** Longest modelled run: six minutes, 30 s for simple triggers. */
    readonly maxMs: number = MAX_EXECUTION_MS,
  ) {
    this.fault = world.takeFault();
  }

  get container(): boolean {
    return this.options.container !== false;
  }

  /** Emulated wall-clock now: the world's clock plus what this execution has spent. */
  now(): number {
    return this.world.now + this.elapsedMs;
  }

  /**
   * Charges one service call: counts it, models its time, fires an injected fault (the n-th
   * counted call, as GET /api/stats and reports count them), and ends the execution past six
   * modelled minutes. Every public method of every emulated service calls this
   * first, so a failing call has no effect.
   */
  call(family: ServiceFamily, key: string, units = 0): void {
    this.checkAlive();
    if (family === 'Free' || HANDLE_METHODS.has(key)) {
      // Handles and free services do no work of their own: listed, never counted, never faulted.
      this.meter.record(key, 0, false);
      return;
    }
    this.callCosting(key, modelledCost(family, units));
  }

  /** A call whose modelled time is given (a flush with pending writes): counted and fault-able like any call. */
  callCosting(key: string, ms: number): void {
    this.checkAlive();
    this.callCount += 1;
    if (this.fault && this.callCount === this.fault.atCall) {
      this.meter.record(key, 0);
      throw this.guest.error(this.fault.message ?? DEFAULT_FAULT_MESSAGE);
    }
    this.spend(key, ms);
  }

  /** Adds modelled time that is not a plain call (a sleep, waiting for a lock); `counted` false lists it without counting a call. */
  spend(key: string, ms: number, counted = true): void {
    this.checkAlive();
    this.meter.record(key, ms, counted);
    this.elapsedMs += ms;
    if (this.elapsedMs > this.maxMs) {
      this.terminated = 'Exceeded maximum execution time';
      throw this.guest.error(this.terminated);
    }
  }

  /** Adds modelled time to the last recorded call without counting another call. */
  addTime(ms: number): void {
    this.elapsedMs += ms;
    this.meter.modelledMs += ms;
    if (this.elapsedMs > this.maxMs) {
      this.terminated = 'Exceeded maximum execution time';
      throw this.guest.error(this.terminated);
    }
  }

  /**
   * "Exceeded maximum execution time" once the limit was passed, else null. Apps Script halts the
   * execution there: a script that catches the error still ends with it (the runtime reports it).
   */
  get terminatedWith(): string | null {
    return this.terminated;
  }

  private checkAlive(): void {
    if (this.terminated) throw this.guest.error(this.terminated);
  }

  /**
   * Apps Script refuses a service whose scope the manifest does not declare (with explicit
   * `oauthScopes`), and simple triggers may not use services that need authorisation.
   */
  requireScope(scope: string, what: string): void {
    if (!this.world.manifest.oauthScopes.includes(scope)) {
      throw this.guest.error(
        `You do not have permission to call ${what}. Required permissions: ${scope}`,
      );
    }
  }

  /** Simple triggers run in LIMITED mode: no services that need the user's authorisation. */
  requireFullAuth(what: string): void {
    if (this.options.authMode !== 'FULL') {
      throw this.guest.error(
        `You do not have permission to call ${what} from a simple trigger (AuthMode.${this.options.authMode}).`,
      );
    }
  }

  /** Runs the finishers (flush, lock release); called once by the runtime. */
  finish(): void {
    for (const f of this.finishers.splice(0)) {
      try {
        f();
      } catch {
        // A finisher failing must not hide the execution's own result.
      }
    }
    for (const lock of this.locksHeld) this.world.locks.release(lock, this);
    this.locksHeld.clear();
  }
}
