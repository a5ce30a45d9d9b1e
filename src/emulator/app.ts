/**
 * The emulator as one object: a world, the loaded bundle, and the operations a person or a test
 * performs on the register (open it, click a menu, call a server function, edit a cell, deliver
 * mail, fire triggers, move the clock). The dev server and the integration tests both use this.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Runtime, Bundle, ExecutionReport, RunOptions } from './runtime';
import { World, WorldJSON, Manifest, TriggerState, domainOf } from './world';
import { createWorld, OWNER } from './accounts';
import type { Execution } from './execution';
import { UserImpl } from './services/spreadsheet/user';
import type { DmarcOutcome } from './services/gmail/model';
import { dueIn, isOneOff, zoneOf } from './services/script/schedule';
import { CHANGE_TYPE_OF, SheetAction } from './services/spreadsheet/model';
import type { Box } from './services/spreadsheet/protection-model';

export interface EmulatorOptions {
  /** Folder of the built project (Code.js, *.html, appsscript.json). */
  distDir: string;
  /** Where the world is persisted; null keeps it in memory only. */
  stateFile?: string | null;
  /** Start over with a new world even if a state file exists. */
  fresh?: boolean;
  /**
   * Prepares a new world once the bundle is loaded (the demo's data and the product's set-up,
   * src/demo/seed.ts); a new world stays an empty spreadsheet without it. Not run on a world read
   * from the state file. The emulator itself knows nothing of the product.
   */
  seed?: (emulator: Emulator) => void;
  /** Emulated time of a new world (createWorld's fixed test date when left out). */
  now?: number;
}

export type RunReport = ExecutionReport & { result?: unknown };

/** What Sheets shows a person the file is not shared with (as openSpreadsheet refuses them). */
const NO_ACCESS = 'You need access: this spreadsheet has not been shared with you.';
/** What one time-driven trigger did when the clock moved past its time. */
export interface FiredTrigger {
  uid: string;
  handlerFunction: string;
  owner: string;
  /** The nominal firing time (ISO). */
  at: string;
  /** Earlier due times of this trigger folded into this firing (a long jump of the clock). */
  folded: number;
  report: RunReport;
}

/** Apps Script's error when a user's triggers have used their day's run time (quotas page, "Exception messages"). */
export const TRIGGER_RUNTIME_EXCEEDED = 'Service using too much computer time for one day.';

/** Triggers' total run time a day (Apps Script quotas page): 90 min consumer, 6 h Workspace. */
export const TRIGGER_RUNTIME_LIMIT_MS = { consumer: 90 * 60_000, workspace: 6 * 3_600_000 } as const;

/** Apps Script quotas "reset 24 hours after the first request". */
const QUOTA_WINDOW_MS = 24 * 3_600_000;

/**
 * A clock move fires every due time of a periodic trigger while there are at most this many; past
 * it (a jump of days over a frequent trigger) they fold into one firing at the last due time.
 */
export const MAX_REPEATS_PER_MOVE = 24;

/** At most this many firings per clock move (a guard against a trigger that keeps re-arming itself). */
const MAX_FIRINGS_PER_MOVE = 1000;

/** What a person's edit, paste or menu action did: refused with Sheets' message, or done and the triggers it fired. */
export interface EditOutcome {
  ok: boolean;
  message?: string;
  /** Validation warnings of kept invalid values (allowInvalid rules). */
  warnings?: string[];
  reports: RunReport[];
}

/** Loads Code.js, the .html files and appsscript.json from a dist folder. */
export function loadBundle(distDir: string): { bundle: Bundle; manifest: Manifest } {
  const code = fs.readFileSync(path.join(distDir, 'Code.js'), 'utf8');
  const html = new Map<string, string>();
  for (const file of fs.readdirSync(distDir)) {
    if (file.endsWith('.html')) html.set(file.slice(0, -5), fs.readFileSync(path.join(distDir, file), 'utf8'));
  }
  const manifest = JSON.parse(fs.readFileSync(path.join(distDir, 'appsscript.json'), 'utf8')) as Manifest;
  return { bundle: { code, html }, manifest };
}

export class Emulator {
  runtime: Runtime;

  private constructor(
    public world: World,
    bundle: Bundle,
    readonly options: EmulatorOptions,
  ) {
    this.runtime = new Runtime(world, bundle);
  }

  static open(options: EmulatorOptions): Emulator {
    const { bundle, manifest } = loadBundle(options.distDir);
    let world: World | null = null;
    if (options.stateFile && !options.fresh && fs.existsSync(options.stateFile)) {
      try {
        const json = JSON.parse(fs.readFileSync(options.stateFile, 'utf8')) as WorldJSON;
        world = World.fromJSON(json, manifest);
      } catch (e) {
        console.warn(`Emulator: could not read ${options.stateFile} (${(e as Error).message}); starting a fresh world.`);
      }
    }
    const isNew = !world;
    world ??= createWorld({ now: options.now, manifest });
    const emulator = new Emulator(world, bundle, options);
    if (isNew && options.seed) options.seed(emulator);
    emulator.save();
    return emulator;
  }

  /** Re-reads dist/ (after a rebuild) keeping the world. */
  reloadBundle(): void {
    const { bundle, manifest } = loadBundle(this.options.distDir);
    this.world.manifest = manifest;
    this.runtime = new Runtime(this.world, bundle);
  }

  save(): void {
    const file = this.options.stateFile;
    if (!file) return;
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const tmp = `${file}.tmp`;
    fs.writeFileSync(tmp, JSON.stringify(this.world.toJSON()));
    fs.renameSync(tmp, file);
  }

  private after<T>(value: T): T {
    this.save();
    return value;
  }

  /**
   * `user` opens the spreadsheet: Sheets runs the simple `onOpen` (no active-user email, limited
   * auth), then the user's installable on-open triggers. The menus it builds are the user's.
   */
  openSpreadsheet(user: string = OWNER): RunReport[] {
    const ui = this.world.uiFor(user);
    ui.menus = [];
    ui.sidebar = null;
    ui.dialog = null;
    const reports: RunReport[] = [];
    if (!this.world.canOpen(user)) {
      return [{ ok: false, error: { name: 'AccessDenied', message: 'You need access: this spreadsheet has not been shared with you.' }, calls: 0, modelledMs: 0, byMethod: {} }];
    }
    if (this.runtime.entryPoints.has('onOpen')) {
      reports.push(
        this.runtime.execute('onOpen', [], {
          kind: 'simple-trigger',
          user,
          eventFactory: (g, exec) => this.sheetEvent(g, exec, user, 'LIMITED'),
        }),
      );
    }
    for (const trigger of this.triggersOf('ON_OPEN')) {
      reports.push(this.runInstallable(trigger, (g, exec) => this.sheetEvent(g, exec, user, 'FULL', trigger)));
    }
    return this.after(reports);
  }

  /** A menu item clicked by `user`: runs the function as that user with full authorisation. */
  runMenuItem(functionName: string, user: string = OWNER): RunReport {
    return this.after(this.runtime.execute(functionName, [], { kind: 'menu', user }));
  }

  /** A `google.script.run` call from the sidebar or a dialog, or POST /api/run/:fn. */
  callFromClient(fn: string, args: unknown[], user: string = OWNER): RunReport {
    return this.after(this.runtime.callFromClient(fn, args, user));
  }

  /**
   * `user` runs `code` (a function body) from the Apps Script editor of the spreadsheet's script,
   * with `scopes` in place of the manifest's when given (Runtime.runSnippet). Only people who may
   * edit the spreadsheet can open its bound script: an outsider is refused as on opening the
   * file, a viewer as at the editor ("Access to bound scripts",
   * https://developers.google.com/apps-script/guides/bound).
   */
  runScript(code: string, user: string = OWNER, scopes?: readonly string[]): RunReport {
    const refused = (message: string): RunReport => ({ ok: false, error: { name: 'AccessDenied', message }, calls: 0, modelledMs: 0, byMethod: {} });
    if (!this.world.canOpen(user)) return refused(NO_ACCESS);
    if (!this.world.canEditFile(user)) return refused('Only people who can edit this spreadsheet can open its script: you have view access.');
    return this.after(this.runtime.runSnippet(code, { user, scopes }));
  }

  /**
   * Runs a trigger handler with a time-driven event, as the user who installed that trigger
   * (the first time-driven one with that handler; the spreadsheet owner when none is installed).
   */
  runTimeTrigger(fn: string): RunReport {
    const trigger = this.world.triggers.find((t) => t.handlerFunction === fn && t.eventType === 'CLOCK');
    if (trigger) return this.after(this.fireClock(trigger, this.world.now));
    const owner = this.world.owner;
    return this.after(
      this.withTriggerQuota(owner, fn, () =>
        this.runtime.execute(fn, [], {
          kind: 'installable-trigger',
          user: owner,
          effectiveUser: owner,
          eventFactory: (g, exec) => this.clockEvent(g, exec, exec.now(), this.world.manifest.timeZone),
        }),
      ),
    );
  }

  /**
   * `user` types `input` into a cell in the grid: the cell changes as typed input would (or is
   * refused: a protection, a validation rule that rejects input), then the simple `onEdit`, the
   * installable on-edit and on-change triggers run, as in Sheets.
   */
  editCell(user: string, sheet: string, row: number, column: number, input: string): EditOutcome {
    const edit = this.world.spreadsheet.userEdit(user, sheet, row, column, input, { canEditFile: this.world.canEditFile(user) });
    if (!edit.ok) return this.after({ ok: false, message: edit.message, reports: [] });
    const box = { row, col: column, numRows: 1, numCols: 1 };
    const reports = this.fireEdit(user, sheet, box, edit.value, edit.oldValue);
    return this.after({ ok: true, ...(edit.warning ? { warnings: [edit.warning] } : {}), reports });
  }

  /**
   * `user` pastes a block of typed text with its top-left at (row, column): every cell parsed as
   * typed input, then one edit event over the whole pasted range, as Sheets fires it (`value` and
   * `oldValue` "only available if the edited range is a single cell",
   * https://developers.google.com/apps-script/guides/triggers/events).
   */
  pasteCells(user: string, sheet: string, row: number, column: number, values: string[][]): EditOutcome {
    const paste = this.world.spreadsheet.userPaste(user, sheet, row, column, values, { canEditFile: this.world.canEditFile(user) });
    if (!paste.ok) return this.after({ ok: false, message: paste.message, reports: [] });
    const reports = this.fireEdit(user, sheet, paste.box, paste.value, paste.oldValue);
    return this.after({ ok: true, ...(paste.warnings.length ? { warnings: paste.warnings } : {}), reports });
  }

  /**
   * `user` acts from the Sheets menus (sort a range, insert or delete rows or columns, create or
   * remove a filter); on success the installable on-change triggers run with the changeType
   * Sheets gives that change (INSERT_ROW, REMOVE_ROW, INSERT_COLUMN, REMOVE_COLUMN, OTHER).
   */
  sheetAction(user: string, sheet: string, action: SheetAction): EditOutcome {
    const done = this.world.spreadsheet.userSheetAction(user, sheet, action, { canEditFile: this.world.canEditFile(user) });
    if (!done.ok) return this.after({ ok: false, message: done.message, reports: [] });
    return this.after({ ok: true, reports: this.fireChange(user, CHANGE_TYPE_OF[action.action]) });
  }

  /** Runs the edit triggers for a change of `box` made by `user`, then the on-change triggers (changeType EDIT). */
  private fireEdit(user: string, sheet: string, box: Box, value?: unknown, oldValue?: unknown): RunReport[] {
    const reports: RunReport[] = [];
    const makeEvent = (authMode: 'LIMITED' | 'FULL', trigger?: TriggerState) => (g: Record<string, unknown>, exec: Execution) => {
      const base = this.sheetEvent(g, exec, user, authMode, trigger) as Record<string, unknown>;
      const ss = base.source as { getSheetByName(n: string): { getRange(r: number, c: number, nr: number, nc: number): unknown } | null };
      base.range = ss.getSheetByName(sheet)?.getRange(box.row, box.col, box.numRows, box.numCols);
      if (value !== undefined && value !== '') base.value = value;
      if (oldValue !== undefined && oldValue !== '') base.oldValue = oldValue;
      return base;
    };
    if (this.runtime.entryPoints.has('onEdit')) {
      reports.push(this.runtime.execute('onEdit', [], { kind: 'simple-trigger', user, eventFactory: makeEvent('LIMITED') }));
    }
    for (const trigger of this.triggersOf('ON_EDIT')) reports.push(this.runInstallable(trigger, makeEvent('FULL', trigger), user));
    reports.push(...this.fireChange(user, 'EDIT'));
    return reports;
  }

  /**
   * Runs the installable on-change triggers with the change event: authMode, changeType (EDIT,
   * INSERT_ROW, INSERT_COLUMN, REMOVE_ROW, REMOVE_COLUMN, INSERT_GRID, REMOVE_GRID, FORMAT or
   * OTHER), source, triggerUid, user (https://developers.google.com/apps-script/guides/triggers/events).
   */
  private fireChange(user: string, changeType: string): RunReport[] {
    return this.triggersOf('ON_CHANGE').map((trigger) =>
      this.runInstallable(trigger, (g, exec) => {
        const event = this.sheetEvent(g, exec, user, 'FULL', trigger) as Record<string, unknown>;
        event.changeType = changeType;
        return event;
      }, user));
  }

  /** Runs that very installed trigger now, by id (the dev server's trigger buttons). */
  runTriggerByUid(uid: string): RunReport {
    const trigger = this.world.triggers.find((t) => t.uid === uid);
    if (!trigger) throw new Error(`No trigger ${uid}`);
    if (trigger.eventType === 'CLOCK') return this.after(this.fireClock(trigger, this.world.now));
    return this.after(this.runInstallable(trigger, (g, exec) => this.sheetEvent(g, exec, trigger.owner, 'FULL', trigger)));
  }

  /**
   * Delivers a mail into the register inbox. `threadId` makes it a reply in that thread; `html`
   * without `body` is an HTML-only mail, with `body` a multipart one; `attachments` carry
   * base64 data; `headers` (an object or an ordered list of [name, value]) are the sender's own,
   * so an Authentication-Results among them stays below the one Gmail writes on top, computed
   * from `dmarc` ("pass" unless told) or given whole as `authenticationResults`.
   */
  deliverMail(message: {
    from: string;
    to?: string;
    subject: string;
    body?: string;
    html?: string;
    cc?: string;
    threadId?: string;
    headers?: Record<string, string> | [string, string][];
    attachments?: { name: string; contentType: string; data: string }[];
    dmarc?: DmarcOutcome;
    authenticationResults?: string;
  }): { messageId: string; threadId: string } {
    const delivered = this.world.mail.deliver({
      from: message.from,
      to: message.to ?? this.world.owner,
      cc: message.cc,
      subject: message.subject,
      body: message.body ?? '',
      htmlBody: message.html,
      headers: message.headers,
      threadId: message.threadId,
      attachments: message.attachments,
      dmarc: message.dmarc,
      authenticationResults: message.authenticationResults,
      date: this.world.now,
    });
    return this.after(delivered);
  }

  /**
   * Moves the emulated clock. Moving it forward fires, in time order, every time-driven trigger
   * that fell due since the clock last moved, each as its owner with the clock at its firing
   * time (a trigger made or re-armed by one of them fires too if it falls due before `now`).
   * A periodic trigger due more than MAX_REPEATS_PER_MOVE times fires once, at its last due
   * time. Moving the clock backwards fires nothing. Returns what fired.
   */
  setClock(now: number): FiredTrigger[] {
    const world = this.world;
    const fired: FiredTrigger[] = [];
    const forward = now > world.now;
    if (forward) {
      const from = world.clockCheckedAt;
      const zone = world.manifest.timeZone;
      // Each trigger's next firing in this move; only the one that fired needs working out again.
      const pending = new Map<TriggerState, { at: number; folded: number } | null>();
      const nextOf = (trigger: TriggerState) => {
        if (!pending.has(trigger)) {
          const since = Math.max(from, trigger.createdAt ?? from, trigger.lastFiredAt ?? from);
          const due = dueIn(trigger, since, now, zone);
          pending.set(trigger, !due ? null : due.count > MAX_REPEATS_PER_MOVE ? { at: due.last, folded: due.count - 1 } : { at: due.first, folded: 0 });
        }
        return pending.get(trigger)!;
      };
      for (let n = 0; n < MAX_FIRINGS_PER_MOVE; n++) {
        let next: { trigger: TriggerState; at: number; folded: number } | null = null;
        for (const trigger of world.triggers) {
          if (trigger.eventType !== 'CLOCK') continue;
          const pick = nextOf(trigger);
          if (pick && (!next || pick.at < next.at)) next = { trigger, ...pick };
        }
        if (!next) break;
        const { trigger, at, folded } = next;
        pending.delete(trigger);
        trigger.lastFiredAt = at;
        if (isOneOff(trigger)) trigger.spent = true;
        // A firing never moves the clock back: an earlier run may have spent past this due time.
        world.now = Math.max(world.now, at);
        const report = this.fireClock(trigger, at);
        fired.push({ uid: trigger.uid, handlerFunction: trigger.handlerFunction, owner: trigger.owner, at: new Date(at).toISOString(), folded, report });
      }
    }
    // Backwards the clock simply moves; forwards it ends at `now` unless a firing ran past it.
    world.now = fired.length === 0 ? now : Math.max(now, world.now);
    // A move that fired nothing keeps what is still unchecked: a trigger due between the last
    // check and the new time fires at the next forward move.
    world.clockCheckedAt = forward ? now : Math.min(world.clockCheckedAt, now);
    return this.after(fired);
  }

  /** Runs time-driven trigger `trigger` as its owner with the event of a firing at `at`. */
  private fireClock(trigger: TriggerState, at: number): RunReport {
    const zone = zoneOf(trigger, this.world.manifest.timeZone);
    return this.runInstallable(trigger, (g, exec) => this.clockEvent(g, exec, at, zone, trigger.uid));
  }

  /** The time-driven event object (events page), its authMode the ScriptApp.AuthMode value. */
  private clockEvent(g: Record<string, unknown>, exec: Execution, at: number, zone: string, uid?: string): unknown {
    const event = exec.guest.deep(timeEvent(at, zone, uid)) as Record<string, unknown>;
    const scriptApp = g.ScriptApp as { AuthMode: Record<string, unknown> };
    event.authMode = scriptApp.AuthMode.FULL;
    return event;
  }

  /**
   * Runs `run` (an installable trigger's execution) unless `owner`'s triggers have used their
   * day's run time, and adds its modelled time to the day's. The window is Google's: it resets
   * 24 hours after its first trigger run (quotas page: "reset 24 hours after the first request").
   */
  private withTriggerQuota(owner: string, fn: string, run: () => RunReport): RunReport {
    const world = this.world;
    const limit = TRIGGER_RUNTIME_LIMIT_MS[world.accountKind];
    let use = world.triggerRuntime[owner];
    if (!use || world.now >= use.windowStart + QUOTA_WINDOW_MS) use = world.triggerRuntime[owner] = { windowStart: world.now, usedMs: 0 };
    if (use.usedMs >= limit) {
      world.log({ at: world.now, user: owner, level: 'error', message: `${fn}: ${TRIGGER_RUNTIME_EXCEEDED}` });
      return { ok: false, error: { name: 'Exception', message: TRIGGER_RUNTIME_EXCEEDED }, calls: 0, modelledMs: 0, byMethod: {} };
    }
    const report = run();
    use.usedMs += report.modelledMs;
    return report;
  }

  private triggersOf(type: TriggerState['eventType']): TriggerState[] {
    return this.world.triggers.filter((t) => t.eventType === type);
  }

  /** Runs an installable trigger as its owner, within the owner's daily trigger run time. */
  private runInstallable(trigger: TriggerState, eventFactory: RunOptions['eventFactory'], firedBy?: string): RunReport {
    return this.withTriggerQuota(trigger.owner, trigger.handlerFunction, () =>
      this.runtime.execute(trigger.handlerFunction, [], {
        kind: 'installable-trigger',
        user: trigger.owner,
        effectiveUser: trigger.owner,
        // When another user's action fires it, Apps Script names that user only within one domain.
        activeUser: firedBy === undefined ? undefined : domainOf(firedBy) === domainOf(trigger.owner) ? firedBy : '',
        triggerUid: trigger.uid,
        eventFactory,
      }),
    );
  }

  /** The event object of a spreadsheet trigger; `user` is "" where Apps Script hides it. */
  private sheetEvent(g: Record<string, unknown>, exec: Execution, user: string, authMode: 'LIMITED' | 'FULL', trigger?: TriggerState): unknown {
    const app = g.SpreadsheetApp as { getActiveSpreadsheet(): unknown };
    const scriptApp = g.ScriptApp as { AuthMode: Record<string, unknown> };
    const event = exec.guest.deep({}) as Record<string, unknown>;
    event.authMode = scriptApp.AuthMode?.[authMode] ?? authMode;
    event.source = app.getActiveSpreadsheet();
    // A simple trigger hides the user (""); an installable one names who made the change, as
    // Sheets does within one Workspace domain.
    event.user = trigger ? new UserImpl(user) : (g.Session as { getActiveUser(): unknown }).getActiveUser();
    if (trigger) event.triggerUid = trigger.uid;
    return event;
  }
}

/** The event object Apps Script passes to a time-driven trigger. */
export function timeEvent(now: number, timeZone: string, triggerUid?: string): Record<string, unknown> {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone, year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric', weekday: 'long', hourCycle: 'h23',
    }).formatToParts(new Date(now)).map((p) => [p.type, p.value]),
  );
  const start = Date.UTC(Number(parts.year), 0, 1);
  const week = Math.ceil(((Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day)) - start) / 86400000 + 1) / 7);
  return {
    authMode: 'FULL',
    'day-of-month': Number(parts.day),
    'day-of-week': ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'].indexOf(parts.weekday) || 7,
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    month: Number(parts.month),
    second: Number(parts.second),
    timezone: timeZone,
    triggerUid: triggerUid ?? '',
    'week-of-year': week,
    year: Number(parts.year),
  };
}
