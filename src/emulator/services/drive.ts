/**
 * DriveApp over the bound spreadsheet's file (world.drive): its owner, editors, viewers and link
 * sharing. Only the owner and editors may change sharing; anyone else cannot see the file.
 */
import type { Execution } from '../execution';
import type { DriveFileState } from '../world';

type F = GoogleAppsScript.Drive.File;
type DUser = GoogleAppsScript.Drive.User;

const DRIVE_SCOPE = 'https://www.googleapis.com/auth/drive';
export const NOT_FOUND =
  'No item with the given ID could be found. Possibly because you have not edited this item or you do not have permission to access it.';
export const ACCESS_DENIED = 'Access denied: DriveApp.';

export const Access = { ANYONE: 'ANYONE', ANYONE_WITH_LINK: 'ANYONE_WITH_LINK', DOMAIN: 'DOMAIN', DOMAIN_WITH_LINK: 'DOMAIN_WITH_LINK', PRIVATE: 'PRIVATE' };
export const Permission = { VIEW: 'VIEW', EDIT: 'EDIT', COMMENT: 'COMMENT', OWNER: 'OWNER', ORGANIZER: 'ORGANIZER', NONE: 'NONE' };

class DriveUserImpl implements Pick<DUser, 'getEmail' | 'getName' | 'getDomain'> {
  constructor(
    private readonly exec: Execution,
    private readonly email: string,
  ) {}

  getEmail(): string {
    this.exec.call('Free', 'User.getEmail');
    return this.email;
  }

  getName(): string {
    this.exec.call('Free', 'User.getName');
    return this.exec.world.users.find((u) => u.email === this.email)?.name ?? this.email;
  }

  getDomain(): string {
    this.exec.call('Free', 'User.getDomain');
    return this.email.split('@')[1] ?? '';
  }
}

function guard(exec: Execution, key: string): void {
  exec.requireScope(DRIVE_SCOPE, key);
  exec.requireFullAuth(key);
}

/** An email from a string or a User (anything with getEmail). */
function emailOf(exec: Execution, v: unknown): string {
  if (typeof v === 'string') return v.trim().toLowerCase();
  const u = v as { getEmail?: () => unknown } | null;
  if (u && typeof u === 'object' && typeof u.getEmail === 'function') return String(u.getEmail()).toLowerCase();
  throw exec.guest.error('Invalid argument: emailAddress');
}

function validEmail(exec: Execution, email: string): string {
  if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email)) throw exec.guest.error(`Invalid argument: ${email}`);
  return email;
}

class FileImpl
  implements
    Pick<
      F,
      | 'getId' | 'getName' | 'getOwner' | 'getEditors' | 'getViewers' | 'addEditor' | 'addEditors' | 'removeEditor'
      | 'addViewer' | 'addViewers' | 'removeViewer' | 'getSharingAccess' | 'getSharingPermission' | 'setSharing' | 'getUrl'
    >
{
  constructor(private readonly exec: Execution) {}

  private get file(): DriveFileState {
    return this.exec.world.drive;
  }

  private read(method: string, free = false): DriveFileState {
    this.exec.call(free ? 'Free' : 'Drive', `File.${method}`);
    guard(this.exec, `File.${method}`);
    return this.file;
  }

  /** A change: only the owner or an editor of the file may make it. */
  private change(method: string): DriveFileState {
    this.exec.call('Drive', `File.${method}`);
    guard(this.exec, `File.${method}`);
    const me = this.exec.options.effectiveUser;
    if (!this.exec.world.canOpen(me)) throw this.exec.guest.error(NOT_FOUND);
    if (!this.exec.world.canEditFile(me)) throw this.exec.guest.error(ACCESS_DENIED);
    return this.file;
  }

  private self(): F {
    return this as unknown as F;
  }

  private user(email: string): DUser {
    return new DriveUserImpl(this.exec, email) as unknown as DUser;
  }

  getId(): string {
    return this.read('getId', true).id;
  }

  getName(): string {
    return this.read('getName', true).name;
  }

  getUrl(): string {
    return `https://docs.google.com/spreadsheets/d/${this.read('getUrl', true).id}/edit`;
  }

  getOwner(): DUser {
    return this.user(this.read('getOwner').owner);
  }

  /** Editors and viewers are listed only to a user who may edit the file (else an empty array). */
  private listed(method: string, pick: (f: DriveFileState) => string[]): DUser[] {
    const f = this.read(method);
    const visible = this.exec.world.canEditFile(this.exec.options.effectiveUser) ? pick(f) : [];
    return this.exec.guest.array(visible.map((e) => this.user(e)));
  }

  getEditors(): DUser[] {
    return this.listed('getEditors', (f) => f.editors);
  }

  getViewers(): DUser[] {
    return this.listed('getViewers', (f) => f.viewers);
  }

  private grantEditor(f: DriveFileState, email: string): void {
    if (email === f.owner) return;
    f.viewers = f.viewers.filter((v) => v !== email);
    if (!f.editors.includes(email)) f.editors.push(email);
  }

  private grantViewer(f: DriveFileState, email: string): void {
    if (email === f.owner || f.editors.includes(email)) return;
    if (!f.viewers.includes(email)) f.viewers.push(email);
  }

  addEditor(emailAddress: string | GoogleAppsScript.Base.User): F {
    const f = this.change('addEditor');
    this.grantEditor(f, validEmail(this.exec, emailOf(this.exec, emailAddress)));
    return this.self();
  }

  addEditors(emailAddresses: string[]): F {
    const f = this.change('addEditors');
    if (!Array.isArray(emailAddresses)) throw this.exec.guest.error('Invalid argument: emailAddresses');
    const emails = emailAddresses.map((e) => validEmail(this.exec, emailOf(this.exec, e)));
    for (const e of emails) this.grantEditor(f, e);
    return this.self();
  }

  removeEditor(emailAddress: string | GoogleAppsScript.Base.User): F {
    const f = this.change('removeEditor');
    const email = emailOf(this.exec, emailAddress);
    if (email === f.owner) throw this.exec.guest.error('Invalid argument: the owner cannot be removed from the file.');
    f.editors = f.editors.filter((e) => e !== email);
    return this.self();
  }

  addViewer(emailAddress: string | GoogleAppsScript.Base.User): F {
    const f = this.change('addViewer');
    this.grantViewer(f, validEmail(this.exec, emailOf(this.exec, emailAddress)));
    return this.self();
  }

  addViewers(emailAddresses: string[]): F {
    const f = this.change('addViewers');
    if (!Array.isArray(emailAddresses)) throw this.exec.guest.error('Invalid argument: emailAddresses');
    const emails = emailAddresses.map((e) => validEmail(this.exec, emailOf(this.exec, e)));
    for (const e of emails) this.grantViewer(f, e);
    return this.self();
  }

  removeViewer(emailAddress: string | GoogleAppsScript.Base.User): F {
    const f = this.change('removeViewer');
    const email = emailOf(this.exec, emailAddress);
    f.viewers = f.viewers.filter((e) => e !== email);
    return this.self();
  }

  getSharingAccess(): GoogleAppsScript.Drive.Access {
    return this.read('getSharingAccess').sharingAccess as unknown as GoogleAppsScript.Drive.Access;
  }

  getSharingPermission(): GoogleAppsScript.Drive.Permission {
    return this.read('getSharingPermission').sharingPermission as unknown as GoogleAppsScript.Drive.Permission;
  }

  setSharing(accessType: GoogleAppsScript.Drive.Access, permissionType: GoogleAppsScript.Drive.Permission): F {
    const f = this.change('setSharing');
    const access = String(accessType);
    const permission = String(permissionType);
    if (!(access in Access)) throw this.exec.guest.error('Invalid argument: accessType');
    if (!(permission in Permission) || permission === 'OWNER' || permission === 'ORGANIZER') {
      throw this.exec.guest.error('Invalid argument: permissionType');
    }
    f.sharingAccess = access;
    f.sharingPermission = access === 'PRIVATE' ? 'NONE' : permission;
    return this.self();
  }
}

class DriveAppImpl implements Pick<GoogleAppsScript.Drive.DriveApp, 'getFileById'> {
  readonly Access = Access as unknown as GoogleAppsScript.Drive.DriveApp['Access'];
  readonly Permission = Permission as unknown as GoogleAppsScript.Drive.DriveApp['Permission'];

  constructor(private readonly exec: Execution) {}

  getFileById(id: string): F {
    this.exec.call('Drive', 'DriveApp.getFileById');
    guard(this.exec, 'DriveApp.getFileById');
    if (String(id) !== this.exec.world.drive.id || !this.exec.world.canOpen(this.exec.options.effectiveUser)) {
      throw this.exec.guest.error(NOT_FOUND);
    }
    return new FileImpl(this.exec) as unknown as F;
  }
}

export function createDriveApp(exec: Execution): object {
  return new DriveAppImpl(exec);
}
