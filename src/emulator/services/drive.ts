/**
 * DriveApp over the bound spreadsheet's file (world.drive): its owner, editors, viewers, general
 * (link/domain) access and shared-drive members, as the reference pages "Class File", "Enum
 * Access" and "Class User" (Drive) describe them. Reads need `drive.readonly` or `drive`, changes
 * `drive`; only the owner and editors may change sharing; anyone else cannot see the file. Every
 * call but getId is a Drive round trip (200 ms, counted, fault-able).
 */
import type { Execution } from '../execution';
import { domainOf, DriveFileState } from '../world';
import { enumFamily, EnumFamily, enumName, signatureMismatch } from './enum';

type F = GoogleAppsScript.Drive.File;
type DUser = GoogleAppsScript.Drive.User;

const DRIVE_SCOPE = 'https://www.googleapis.com/auth/drive';
const DRIVE_READONLY_SCOPE = 'https://www.googleapis.com/auth/drive.readonly';
export const NOT_FOUND =
  'No item with the given ID could be found. Possibly because you have not edited this item or you do not have permission to access it.';
export const ACCESS_DENIED = 'Access denied: DriveApp.';
/** Google says DOMAIN sharing "throws an exception" outside Workspace; its message is unconfirmed. */
export const DOMAIN_SHARING_NEEDS_WORKSPACE = 'Invalid argument: accessType (domain sharing is available only to Google Workspace accounts)';

const ACCESS = ['ANYONE', 'ANYONE_WITH_LINK', 'DOMAIN', 'DOMAIN_WITH_LINK', 'PRIVATE'] as const;
const PERMISSION = ['VIEW', 'EDIT', 'COMMENT', 'OWNER', 'ORGANIZER', 'FILE_ORGANIZER', 'NONE'] as const;

/** The execution's DriveApp.Access values. */
export function accessEnum(exec: Execution): EnumFamily {
  return enumFamily(exec, 'DriveApp.Access', ACCESS);
}

/** The execution's DriveApp.Permission values. */
export function permissionEnum(exec: Execution): EnumFamily {
  return enumFamily(exec, 'DriveApp.Permission', PERMISSION);
}

/**
 * Drive's User. Its email is "only available if the user has chosen to share the address …, or
 * if the user belongs to the same domain as the user running the script and the domain
 * administrator has allowed all users within the domain to see other users' email addresses"
 * (reference "Class User", getEmail). The emulator takes the strict reading: blank for anyone
 * outside the effective user's Workspace domain, and for everyone on a consumer account.
 */
class DriveUserImpl implements Pick<DUser, 'getEmail' | 'getName' | 'getDomain'> {
  constructor(
    private readonly exec: Execution,
    private readonly email: string,
  ) {}

  getEmail(): string {
    this.exec.call('Free', 'User.getEmail');
    const me = this.exec.options.effectiveUser;
    const visible = this.email === me || (this.exec.world.accountKind === 'workspace' && domainOf(this.email) === domainOf(me));
    return visible ? this.email : '';
  }

  getName(): string {
    this.exec.call('Free', 'User.getName');
    return this.exec.world.users.find((u) => u.email === this.email)?.name ?? (null as unknown as string);
  }

  getDomain(): string {
    this.exec.call('Free', 'User.getDomain');
    return domainOf(this.email);
  }
}

/** Apps Script's message for a missing scope, listing the scopes that would do. */
function requireScopes(exec: Execution, key: string, scopes: string[]): void {
  if (!scopes.some((s) => exec.world.manifest.oauthScopes.includes(s))) {
    const wanted = scopes.length === 1 ? scopes[0] : `(${scopes.join(' || ')})`;
    throw exec.guest.error(`You do not have permission to call ${key}. Required permissions: ${wanted}`);
  }
  exec.requireFullAuth(key);
}

/** An email from a string or a User (anything with getEmail). */
function emailOf(exec: Execution, method: string, v: unknown): string {
  if (typeof v === 'string') return v.trim().toLowerCase();
  const u = v as { getEmail?: () => unknown } | null;
  if (u && typeof u === 'object' && typeof u.getEmail === 'function') return String(u.getEmail()).toLowerCase();
  throw signatureMismatch(exec, `DriveApp.File.${method}`, [v]);
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
      | 'addViewer' | 'addViewers' | 'removeViewer' | 'revokePermissions' | 'getAccess' | 'getSharingAccess'
      | 'getSharingPermission' | 'setSharing' | 'getUrl' | 'isShareableByEditors' | 'setShareableByEditors'
    >
{
  constructor(private readonly exec: Execution) {}

  private get file(): DriveFileState {
    return this.exec.world.drive;
  }

  /** A read: one Drive round trip (getId excepted: the id is what the script already holds). */
  private read(method: string, free = false): DriveFileState {
    this.exec.call(free ? 'Free' : 'Drive', `File.${method}`);
    requireScopes(this.exec, `DriveApp.File.${method}`, [DRIVE_READONLY_SCOPE, DRIVE_SCOPE]);
    return this.file;
  }

  /** A change: needs the full drive scope, and only the owner or an editor of the file may make it. */
  private change(method: string): DriveFileState {
    this.exec.call('Drive', `File.${method}`);
    requireScopes(this.exec, `DriveApp.File.${method}`, [DRIVE_SCOPE]);
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
    return this.read('getName').name;
  }

  getUrl(): string {
    return `https://docs.google.com/spreadsheets/d/${this.read('getUrl').id}/edit`;
  }

  /** A file in a shared drive has no owner (as Spreadsheet.getOwner: "null for a document in a shared drive"). */
  getOwner(): DUser {
    const f = this.read('getOwner');
    return (f.sharedDrive ? null : this.user(f.owner)) as DUser;
  }

  /**
   * "If the user who executes the script does not have edit access to the File, this method
   * returns an empty array." Shared-drive members are listed with the role they inherit.
   */
  private listed(method: string, pick: (f: DriveFileState) => string[]): DUser[] {
    const f = this.read(method);
    const visible = this.exec.world.canEditFile(this.exec.options.effectiveUser) ? pick(f) : [];
    return this.exec.guest.array([...new Set(visible)].map((e) => this.user(e)));
  }

  getEditors(): DUser[] {
    return this.listed('getEditors', (f) => [
      ...f.editors,
      ...(f.sharedDrive?.members.filter((m) => m.role === 'organizer' || m.role === 'fileOrganizer' || m.role === 'writer').map((m) => m.email) ?? []),
    ]);
  }

  /** "The list of viewers and commenters." */
  getViewers(): DUser[] {
    return this.listed('getViewers', (f) => [
      ...f.viewers,
      ...(f.sharedDrive?.members.filter((m) => m.role === 'commenter' || m.role === 'reader').map((m) => m.email) ?? []),
    ]);
  }

  /** The permission a user holds: their own, a shared-drive role, or what general access gives them. */
  getAccess(user: string | GoogleAppsScript.Base.User): GoogleAppsScript.Drive.Permission {
    const f = this.read('getAccess');
    const email = emailOf(this.exec, 'getAccess', user);
    const world = this.exec.world;
    const role = world.sharedDriveRole(email);
    let name: (typeof PERMISSION)[number] = 'NONE';
    if (!f.sharedDrive && email === f.owner) name = 'OWNER';
    else if (role === 'organizer') name = 'ORGANIZER';
    else if (role === 'fileOrganizer') name = 'FILE_ORGANIZER';
    else if (f.editors.includes(email) || role === 'writer') name = 'EDIT';
    else if (role === 'commenter') name = 'COMMENT';
    else if (f.viewers.includes(email) || role === 'reader') name = 'VIEW';
    else if (world.generalAccessAdmits(email)) name = f.sharingPermission as (typeof PERMISSION)[number];
    return permissionEnum(this.exec)[name] as unknown as GoogleAppsScript.Drive.Permission;
  }

  /** "If the user was already on the list of viewers, this method promotes the user out of the list of viewers." */
  private grantEditor(f: DriveFileState, email: string): void {
    if (email === f.owner) return;
    f.viewers = f.viewers.filter((v) => v !== email);
    if (!f.editors.includes(email)) f.editors.push(email);
  }

  /** "If the user was already on the list of editors, this method has no effect." */
  private grantViewer(f: DriveFileState, email: string): void {
    if (email === f.owner || f.editors.includes(email)) return;
    if (!f.viewers.includes(email)) f.viewers.push(email);
  }

  /** Drops the user's own permission (editor, viewer); a shared-drive membership or general access stays. */
  private revoke(f: DriveFileState, email: string): void {
    if (email === f.owner && !f.sharedDrive) throw this.exec.guest.error('Invalid argument: the owner cannot be removed from the file.');
    f.editors = f.editors.filter((e) => e !== email);
    f.viewers = f.viewers.filter((e) => e !== email);
  }

  private emails(method: string, list: unknown): string[] {
    if (!Array.isArray(list)) throw signatureMismatch(this.exec, `DriveApp.File.${method}`, [list]);
    return list.map((e) => validEmail(this.exec, emailOf(this.exec, method, e)));
  }

  addEditor(emailAddress: string | GoogleAppsScript.Base.User): F {
    const f = this.change('addEditor');
    this.grantEditor(f, validEmail(this.exec, emailOf(this.exec, 'addEditor', emailAddress)));
    return this.self();
  }

  addEditors(emailAddresses: string[]): F {
    const f = this.change('addEditors');
    for (const e of this.emails('addEditors', emailAddresses)) this.grantEditor(f, e);
    return this.self();
  }

  /**
   * "For Drive files, this also removes the user from the list of viewers." It "doesn't block
   * users from accessing the File if they belong to a class of users who have general access"
   * (domain or link sharing, a shared drive they can access).
   */
  removeEditor(emailAddress: string | GoogleAppsScript.Base.User): F {
    const f = this.change('removeEditor');
    this.revoke(f, emailOf(this.exec, 'removeEditor', emailAddress));
    return this.self();
  }

  addViewer(emailAddress: string | GoogleAppsScript.Base.User): F {
    const f = this.change('addViewer');
    this.grantViewer(f, validEmail(this.exec, emailOf(this.exec, 'addViewer', emailAddress)));
    return this.self();
  }

  addViewers(emailAddresses: string[]): F {
    const f = this.change('addViewers');
    for (const e of this.emails('addViewers', emailAddresses)) this.grantViewer(f, e);
    return this.self();
  }

  /**
   * The page says both "no effect if the user is an editor" and "for Drive files, this also
   * removes the user from the list of editors"; a Drive file holds one permission per user, so
   * the emulator follows the second: the user's own permission goes.
   */
  removeViewer(emailAddress: string | GoogleAppsScript.Base.User): F {
    const f = this.change('removeViewer');
    this.revoke(f, emailOf(this.exec, 'removeViewer', emailAddress));
    return this.self();
  }

  /** "Revokes the access to the File granted to the given user" (general access stays). */
  revokePermissions(user: string | GoogleAppsScript.Base.User): F {
    const f = this.change('revokePermissions');
    this.revoke(f, emailOf(this.exec, 'revokePermissions', user));
    return this.self();
  }

  getSharingAccess(): GoogleAppsScript.Drive.Access {
    return accessEnum(this.exec)[this.read('getSharingAccess').sharingAccess] as unknown as GoogleAppsScript.Drive.Access;
  }

  getSharingPermission(): GoogleAppsScript.Drive.Permission {
    return permissionEnum(this.exec)[this.read('getSharingPermission').sharingPermission] as unknown as GoogleAppsScript.Drive.Permission;
  }

  /**
   * "Determines whether users with edit permissions to the File are allowed to share with other
   * users or change the permissions" (reference, Class File, isShareableByEditors,
   * https://developers.google.com/apps-script/reference/drive/file). A read.
   */
  isShareableByEditors(): boolean {
    return this.read('isShareableByEditors').shareableByEditors !== false;
  }

  /** "Sets whether users with edit permissions to the File are allowed to share …; the default for a new File is true." A change. */
  setShareableByEditors(shareable: boolean): F {
    const f = this.change('setShareableByEditors');
    if (typeof shareable !== 'boolean') throw signatureMismatch(this.exec, 'DriveApp.File.setShareableByEditors', [shareable]);
    f.shareableByEditors = shareable;
    return this.self();
  }

  /** Takes DriveApp.Access and DriveApp.Permission values only: bare strings are the wrong type. */
  setSharing(accessType: GoogleAppsScript.Drive.Access, permissionType: GoogleAppsScript.Drive.Permission): F {
    const f = this.change('setSharing');
    const access = enumName(accessType, 'DriveApp.Access');
    const permission = enumName(permissionType, 'DriveApp.Permission');
    if (access === null || permission === null) throw signatureMismatch(this.exec, 'DriveApp.File.setSharing', [accessType, permissionType]);
    if (permission === 'OWNER' || permission === 'ORGANIZER' || permission === 'FILE_ORGANIZER') {
      throw this.exec.guest.error('Invalid argument: permissionType');
    }
    // "This setting is available only for users of a Google Workspace domain" (Enum Access).
    if (access.startsWith('DOMAIN') && this.exec.world.accountKind !== 'workspace') throw this.exec.guest.error(DOMAIN_SHARING_NEEDS_WORKSPACE);
    f.sharingAccess = access;
    f.sharingPermission = access === 'PRIVATE' ? 'NONE' : permission;
    return this.self();
  }
}

class DriveAppImpl implements Pick<GoogleAppsScript.Drive.DriveApp, 'getFileById'> {
  readonly Access: GoogleAppsScript.Drive.DriveApp['Access'];
  readonly Permission: GoogleAppsScript.Drive.DriveApp['Permission'];

  constructor(private readonly exec: Execution) {
    this.Access = accessEnum(exec) as unknown as GoogleAppsScript.Drive.DriveApp['Access'];
    this.Permission = permissionEnum(exec) as unknown as GoogleAppsScript.Drive.DriveApp['Permission'];
  }

  getFileById(id: string): F {
    this.exec.call('Drive', 'DriveApp.getFileById');
    requireScopes(this.exec, 'DriveApp.getFileById', [DRIVE_READONLY_SCOPE, DRIVE_SCOPE]);
    if (String(id) !== this.exec.world.drive.id || !this.exec.world.canOpen(this.exec.options.effectiveUser)) {
      throw this.exec.guest.error(NOT_FOUND);
    }
    return new FileImpl(this.exec) as unknown as F;
  }
}

export function createDriveApp(exec: Execution): object {
  return new DriveAppImpl(exec);
}
