/**
 * The emulator as one object: a world, the loaded bundle, and the operations a person or a test
 * performs on the register (open it, click a menu, call a server function, edit a cell, deliver
 * mail, fire triggers, move the clock). The dev server and the integration tests both use this.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Runtime, Bundle, ExecutionReport, RunOptions } from './runtime';
import { World, WorldJSON, Manifest, TriggerState } from './world';
import { createWorld, OWNER } from './accounts';
import type { Execution } from './execution';
import { UserImpl } from './services/spreadsheet/user';
import type { DmarcOutcome } from './services/gmail/model';

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
   * (the spreadsheet owner when none is installed).
   */
  runTimeTrigger(fn: string): RunReport {
    const trigger = this.world.triggers.find((t) => t.handlerFunction === fn && t.eventType === 'CLOCK');
    const owner = trigger?.owner ?? this.world.owner;
    return this.after(
      this.runtime.execute(fn, [], {
        kind: 'installable-trigger',
        user: owner,
        effectiveUser: owner,
        triggerUid: trigger?.uid,
        eventFactory: (_g, exec) => exec.guest.deep(timeEvent(exec.now(), this.world.manifest.timeZone, trigger?.uid)),
      }),
    );
  }

  /**
   * `user` types `input` into a cell in the grid: the cell changes as typed input would, then the
   * simple `onEdit` and installable on-edit triggers run, as in Sheets.
   */
  editCell(user: string, sheet: string, row: number, column: number, input: string): { ok: boolean; message?: string; reports: RunReport[] } {
    const edit = this.world.spreadsheet.userEdit(user, sheet, row, column, input);
    if (!edit.ok) return this.after({ ok: false, message: edit.message, reports: [] });
    const reports: RunReport[] = [];
    const makeEvent = (authMode: 'LIMITED' | 'FULL', trigger?: TriggerState) => (g: Record<string, unknown>, exec: Execution) => {
      const base = this.sheetEvent(g, exec, user, authMode, trigger) as Record<string, unknown>;
      const ss = base.source as { getSheetByName(n: string): { getRange(r: number, c: number): unknown } | null };
      base.range = ss.getSheetByName(sheet)?.getRange(row, column);
      if (edit.value !== undefined && edit.value !== '') base.value = edit.value;
      if (edit.oldValue !== undefined && edit.oldValue !== '') base.oldValue = edit.oldValue;
      return base;
    };
    if (this.runtime.entryPoints.has('onEdit')) {
      reports.push(this.runtime.execute('onEdit', [], { kind: 'simple-trigger', user, eventFactory: makeEvent('LIMITED') }));
    }
    for (const trigger of this.triggersOf('ON_EDIT')) reports.push(this.runInstallable(trigger, makeEvent('FULL', trigger), user));
    return this.after({ ok: true, reports });
  }

  /** Runs one installed trigger by id (the dev server's trigger buttons). */
  runTriggerByUid(uid: string): RunReport {
    const trigger = this.world.triggers.find((t) => t.uid === uid);
    if (!trigger) throw new Error(`No trigger ${uid}`);
    if (trigger.eventType === 'CLOCK') return this.runTimeTrigger(trigger.handlerFunction);
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

  setClock(now: number): void {
    this.world.now = now;
    this.save();
  }

  private triggersOf(type: TriggerState['eventType']): TriggerState[] {
    return this.world.triggers.filter((t) => t.eventType === type);
  }

  private runInstallable(trigger: TriggerState, eventFactory: RunOptions['eventFactory'], firedBy?: string): RunReport {
    return this.runtime.execute(trigger.handlerFunction, [], {
      kind: 'installable-trigger',
      user: trigger.owner,
      effectiveUser: trigger.owner,
      // When another user's action fires it, Apps Script names that user only within one domain.
      activeUser: firedBy === undefined ? undefined : domainOf(firedBy) === domainOf(trigger.owner) ? firedBy : '',
      triggerUid: trigger.uid,
      eventFactory,
    });
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

function domainOf(email: string): string {
  return email.slice(email.lastIndexOf('@') + 1).toLowerCase();
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
