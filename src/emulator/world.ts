/**
 * The emulated Google world: the clock, the users, the bound spreadsheet and its Drive file, the
 * register account's mailbox, property and cache stores, installed triggers, what the editor UI
 * shows each user, and the locks. It outlives executions and is persisted by the dev server.
 */
import { Meter } from './cost';
import type { Execution, FaultPlan } from './execution';
import { SpreadsheetModel } from './services/spreadsheet/model';
import { MailModel } from './services/gmail/model';

export interface Manifest {
  timeZone: string;
  runtimeVersion: string;
  oauthScopes: string[];
}

export interface WorldUser {
  email: string;
  name: string;
  /** The account's Google locale (Session.getActiveUserLocale); 'fi' when not given. */
  locale?: string;
}

/** A shared drive member's role (Drive's names); organizers, file organizers and writers edit. */
export type SharedDriveRole = 'organizer' | 'fileOrganizer' | 'writer' | 'commenter' | 'reader';

/** Sharing of the spreadsheet's Drive file. */
export interface DriveFileState {
  id: string;
  name: string;
  /** The user who owns it; for a file in a shared drive, who created it (Drive then names no owner). */
  owner: string;
  editors: string[];
  viewers: string[];
  /** DriveApp.Access name: PRIVATE, DOMAIN, DOMAIN_WITH_LINK, ANYONE, ANYONE_WITH_LINK. */
  sharingAccess: string;
  /** DriveApp.Permission name: VIEW, EDIT, COMMENT, NONE, ... */
  sharingPermission: string;
  /**
   * The shared drive the file lives in, if any: its members keep their access whatever the
   * file's own editors and viewers say (removeEditor does not block them; DESIGN §6).
   */
  sharedDrive?: { name: string; members: { email: string; role: SharedDriveRole }[] } | null;
  /** File.isShareableByEditors(): "The default for a new File is true" (reference, Class File); absent = true. */
  shareableByEditors?: boolean;
}

/** Consumer (gmail.com) or Google Workspace: the quotas differ (Apps Script quotas page). */
export type AccountKind = 'consumer' | 'workspace';

/** Installable triggers' run time of one user in the current quota window. */
export interface TriggerRuntimeUse {
  /** Apps Script quotas "reset 24 hours after the first request": when this window began. */
  windowStart: number;
  usedMs: number;
}

export type PropertyStore = Record<string, string>;

export interface PropertiesState {
  script: PropertyStore;
  document: PropertyStore;
  user: Record<string, PropertyStore>;
}

export interface CacheEntry {
  value: string;
  expiresAt: number;
}

export interface CacheState {
  script: Record<string, CacheEntry>;
  document: Record<string, CacheEntry>;
  user: Record<string, Record<string, CacheEntry>>;
}

export type TriggerEventType = 'CLOCK' | 'ON_OPEN' | 'ON_EDIT' | 'ON_CHANGE' | 'ON_FORM_SUBMIT';

export interface TriggerState {
  uid: string;
  handlerFunction: string;
  /** The user who installed it; the trigger runs as this user. */
  owner: string;
  eventType: TriggerEventType;
  /** 'CLOCK' or 'SPREADSHEETS'. */
  source: string;
  sourceId: string;
  /** For time-driven triggers: the period in minutes (1, 5, 10, 15, 30, 60·n, 1440·n, 10080·n). */
  everyMinutes?: number;
  /** Hour of day for daily/weekly/monthly triggers and atDate (atHour). */
  atHour?: number;
  /** Minute of the hour (nearMinute); 0 when not given. */
  nearMinute?: number;
  /** onWeekDay: SUNDAY … SATURDAY. */
  weekDay?: string;
  /** onMonthDay: 1–31 (a monthly trigger). */
  monthDay?: number;
  /** inTimezone; the script's zone when not given. */
  timeZone?: string;
  /** A one-off trigger (after, at, atDate) fires once at this time. */
  at?: number;
  /** When it was created (the schedule's anchor); worlds saved before this field read as their load time. */
  createdAt?: number;
  /** The nominal time it last fired through the clock. */
  lastFiredAt?: number;
  /** A one-off that has fired: still listed and counted toward the 20 until deleted. */
  spent?: boolean;
}

export interface MenuItemState {
  caption: string;
  functionName: string;
}

export interface MenuState {
  name: string;
  /** A null entry is a separator. */
  items: (MenuItemState | null | MenuState)[];
}

export interface DialogState {
  kind: 'sidebar' | 'modal' | 'modeless';
  title: string;
  html: string;
  width: number;
  height: number;
  openedAt: number;
}

export interface AlertState {
  title: string;
  prompt: string;
  buttons: string;
  at: number;
}

/** What the editor shows one user: the menus onOpen built, an open sidebar or dialog, alerts, toasts. */
export interface UiState {
  menus: MenuState[];
  sidebar: DialogState | null;
  dialog: DialogState | null;
  alerts: AlertState[];
  toasts: { title: string; message: string; at: number }[];
  /** The user's selection in the grid: what SpreadsheetApp.getActiveRange() returns. */
  selection?: { sheet: string; row: number; column: number; numRows: number; numColumns: number } | null;
}

export function emptyUi(): UiState {
  return { menus: [], sidebar: null, dialog: null, alerts: [], toasts: [] };
}

interface LockHold {
  holder: Execution | 'external';
  /** For external holds: the emulated time at which the other execution releases it. */
  until: number;
}

/**
 * The locks of the script. Executions here run one at a time, so contention comes from
 * `holdExternally` — "another execution holds the document lock until T" — which tests and the
 * reliability suites use to stage the races that real concurrent users create.
 */
export class LockTable {
  private readonly holds = new Map<string, LockHold>();

  holdExternally(lock: string, until: number): void {
    this.holds.set(lock, { holder: 'external', until });
  }

  isHeldBy(lock: string, exec: Execution): boolean {
    return this.holds.get(lock)?.holder === exec;
  }

  /**
   * Tries to acquire `lock` for `exec`, waiting at most `timeoutMs` modelled milliseconds.
   * Waiting costs modelled time. Returns whether the lock was acquired.
   */
  tryAcquire(lock: string, exec: Execution, timeoutMs: number): boolean {
    const hold = this.holds.get(lock);
    if (hold && hold.holder === exec) return true;
    if (hold && hold.holder !== 'external') {
      // Another live execution (possible only when an execution starts another): never freed while we wait.
      exec.addTime(Math.max(0, timeoutMs));
      return false;
    }
    if (hold && hold.until > exec.now()) {
      const wait = hold.until - exec.now();
      if (wait > timeoutMs) {
        exec.addTime(Math.max(0, timeoutMs));
        return false;
      }
      exec.addTime(wait);
    }
    this.holds.set(lock, { holder: exec, until: Number.POSITIVE_INFINITY });
    exec.locksHeld.add(lock);
    return true;
  }

  release(lock: string, exec: Execution): void {
    if (this.holds.get(lock)?.holder === exec) this.holds.delete(lock);
    exec.locksHeld.delete(lock);
  }

  /** Drops external holds that have expired by `now`. */
  expire(now: number): void {
    for (const [lock, hold] of this.holds) {
      if (hold.holder === 'external' && hold.until <= now) this.holds.delete(lock);
    }
  }
}

export interface WorldInit {
  now: number;
  owner: string;
  users: WorldUser[];
  manifest: Manifest;
  spreadsheetName: string;
}

export interface WorldJSON {
  format: 1;
  now: number;
  owner: string;
  users: WorldUser[];
  addOnMode: boolean;
  spreadsheet: unknown;
  mail: unknown;
  drive: DriveFileState;
  properties: PropertiesState;
  cache: CacheState;
  triggers: TriggerState[];
  ui: Record<string, UiState>;
  logs: LogEntry[];
  /** Fields added later: optional so older state files still load. */
  accountKind?: AccountKind;
  triggerRuntime?: Record<string, TriggerRuntimeUse>;
  clockCheckedAt?: number;
}

export interface LogEntry {
  at: number;
  user: string;
  level: 'log' | 'info' | 'warn' | 'error';
  message: string;
}

let uidCounter = 0;

export class World {
  now: number;
  owner: string;
  users: WorldUser[];
  manifest: Manifest;
  /** An editor add-on refuses time-driven triggers more often than hourly. */
  addOnMode = false;
  /**
   * The accounts' kind. Workspace by default: the register serves one Workspace domain
   * (cleanroom.fi), so its quotas are Workspace's (6 h of trigger run time a day, not 90 min).
   */
  accountKind: AccountKind = 'workspace';
  /** Installable triggers' run time per owner in the current quota window. */
  triggerRuntime: Record<string, TriggerRuntimeUse> = {};
  /** Time-driven triggers have been fired for every due time up to here (the clock's last move). */
  clockCheckedAt: number;
  spreadsheet: SpreadsheetModel;
  mail: MailModel;
  drive: DriveFileState;
  properties: PropertiesState = { script: {}, document: {}, user: {} };
  cache: CacheState = { script: {}, document: {}, user: {} };
  triggers: TriggerState[] = [];
  ui: Record<string, UiState> = {};
  logs: LogEntry[] = [];
  readonly locks = new LockTable();
  /** Service calls and modelled time of every execution since the last reset (GET /api/stats). */
  readonly stats = new Meter();
  executions = 0;
  /** Bundle files (`Sidebar.html`, …) that HtmlService can read by name. */
  files = new Map<string, string>();
  private faults: FaultPlan[] = [];

  constructor(init: WorldInit) {
    this.now = init.now;
    this.clockCheckedAt = init.now;
    this.owner = init.owner;
    this.users = init.users;
    this.manifest = init.manifest;
    const id = newId('ss');
    this.spreadsheet = SpreadsheetModel.create({ id, name: init.spreadsheetName, owner: init.owner });
    this.mail = new MailModel(init.owner);
    this.drive = {
      id,
      name: init.spreadsheetName,
      owner: init.owner,
      editors: [],
      viewers: [],
      sharingAccess: 'PRIVATE',
      sharingPermission: 'NONE',
    };
  }

  uiFor(user: string): UiState {
    return (this.ui[user] ??= emptyUi());
  }

  /**
   * Users who may open the spreadsheet at all: owner, editors, viewers, shared-drive members, and
   * the class of users general access admits (link sharing counts as having the link).
   */
  canOpen(user: string): boolean {
    return (
      this.canEditFile(user) || this.drive.viewers.includes(user) || this.sharedDriveRole(user) !== null ||
      (this.generalAccessAdmits(user) && this.drive.sharingPermission !== 'NONE')
    );
  }

  canEditFile(user: string): boolean {
    const role = this.sharedDriveRole(user);
    return (
      user === this.drive.owner || this.drive.editors.includes(user) ||
      role === 'organizer' || role === 'fileOrganizer' || role === 'writer' ||
      (this.generalAccessAdmits(user) && this.drive.sharingPermission === 'EDIT')
    );
  }

  /** The user's role as a member of the file's shared drive, or null. */
  sharedDriveRole(user: string): SharedDriveRole | null {
    return this.drive.sharedDrive?.members.find((m) => m.email === user)?.role ?? null;
  }

  /** Whether the file's general access (link or domain sharing) covers `user`. */
  generalAccessAdmits(user: string): boolean {
    switch (this.drive.sharingAccess) {
      case 'ANYONE':
      case 'ANYONE_WITH_LINK':
        return true;
      case 'DOMAIN':
      case 'DOMAIN_WITH_LINK':
        return domainOf(user) === domainOf(this.drive.owner);
      default:
        return false;
    }
  }

  /** Plans a fault: the n-th service call of the next execution(s) throws. */
  injectFault(plan: FaultPlan): void {
    this.faults.push({ ...plan, executions: plan.executions ?? 1 });
  }

  clearFaults(): void {
    this.faults = [];
  }

  /** The fault plan for an execution that is starting, if any. */
  takeFault(): FaultPlan | null {
    const plan = this.faults[0];
    if (!plan) return null;
    plan.executions = (plan.executions ?? 1) - 1;
    if (plan.executions <= 0) this.faults.shift();
    return plan;
  }

  log(entry: LogEntry): void {
    this.logs.push(entry);
    if (this.logs.length > 2000) this.logs.splice(0, this.logs.length - 2000);
  }

  toJSON(): WorldJSON {
    return {
      format: 1,
      now: this.now,
      owner: this.owner,
      users: this.users,
      addOnMode: this.addOnMode,
      spreadsheet: this.spreadsheet.toJSON(),
      mail: this.mail.toJSON(),
      drive: this.drive,
      properties: this.properties,
      cache: this.cache,
      triggers: this.triggers,
      ui: this.ui,
      logs: this.logs.slice(-200),
      accountKind: this.accountKind,
      triggerRuntime: this.triggerRuntime,
      clockCheckedAt: this.clockCheckedAt,
    };
  }

  static fromJSON(json: WorldJSON, manifest: Manifest): World {
    const world = new World({
      now: json.now,
      owner: json.owner,
      users: json.users,
      manifest,
      spreadsheetName: json.drive.name,
    });
    world.addOnMode = json.addOnMode;
    world.spreadsheet = SpreadsheetModel.fromJSON(json.spreadsheet);
    world.mail = MailModel.fromJSON(json.mail);
    world.drive = json.drive;
    world.properties = json.properties;
    world.cache = json.cache;
    // Triggers saved before schedules were kept are anchored at load time.
    world.triggers = json.triggers.map((t) => ({ ...t, createdAt: t.createdAt ?? json.now }));
    world.ui = json.ui;
    world.logs = json.logs;
    world.accountKind = json.accountKind ?? 'workspace';
    world.triggerRuntime = json.triggerRuntime ?? {};
    world.clockCheckedAt = json.clockCheckedAt ?? json.now;
    return world;
  }
}

/** The domain part of an email address, lower-cased. */
export function domainOf(email: string): string {
  return email.slice(email.lastIndexOf('@') + 1).toLowerCase();
}

/** A fresh opaque id with a prefix, unique within this process. */
export function newId(prefix: string): string {
  uidCounter += 1;
  return `${prefix}_${Date.now().toString(36)}${uidCounter.toString(36)}${Math.random().toString(36).slice(2, 8)}`;
}
