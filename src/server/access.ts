/**
 * The access policy (DESIGN §6) applied and watched: the file's editors exactly the key
 * personnel, nobody else on it, link and domain sharing off, editors unable to share it on, every
 * register tab protected to key personnel. The drift and the plan are core/access-policy.ts's;
 * this reads the file's sharing and the tabs' protections and applies the plan.
 *
 * Scopes: the file's editors and viewers are read and changed with Spreadsheet's own
 * `getEditors`/`getViewers`/`addEditors`/`removeEditor`/`removeViewer` (they work under
 * `spreadsheets.currentonly`); link and domain sharing and "editors can share" exist only on
 * Drive's File (`getSharingAccess`, `setSharing`, `isShareableByEditors`, `setShareableByEditors`),
 * which needs `https://www.googleapis.com/auth/drive` to change (`drive.readonly` reads; `drive.file`
 * covers only files the app created or the user picked, not the sheet the script is bound to).
 * A shared drive's members keep their access whatever the file says: reported, never attempted.
 *
 * Calls of a reading: the file (Drive: getFileById, getOwner, sharing, shareable: four), the
 * editors and viewers (two), the tabs (one) and each tab's protection and its editors (two a tab).
 */
import * as v from 'valibot';
import { driftMessage, planAccessPolicy, type AccessPlan, type AccessState, type Drift } from '../core/access-policy';
import { STORE_TAB_NAMES } from '../core/invariants';
import { TABS } from '../core/schema';
import type { KeyPerson } from '../core/settings';
import { text } from '../core/texts';
import { findTabs, UserError } from '../gas/register';
import { protectTabs } from '../gas/setup';
import { requireRole, withWrite, type CallContext } from './context';
import { audit } from './tabs';

/** The file's sharing and the tabs' protections as the policy reads them. */
export function readAccessState(keyPersonnel: readonly KeyPerson[]): AccessState {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const file = DriveApp.getFileById(spreadsheet.getId());
  const owner = file.getOwner();
  const email = (u: GoogleAppsScript.Base.User) => u.getEmail().toLowerCase();
  const editors = spreadsheet.getEditors().map(email);
  const viewers = spreadsheet.getViewers().map(email);
  const sharingAccess = String(file.getSharingAccess());
  const editorsCanShare = file.isShareableByEditors();
  const tabs = findTabs(spreadsheet);
  const storeNames = Object.values(STORE_TAB_NAMES) as string[];
  const store = spreadsheet.getSheets().find((s) => storeNames.includes(s.getName())) ?? null;
  const sheets = [...TABS.map((t) => tabs[t.key]), store].filter((s): s is GoogleAppsScript.Spreadsheet.Sheet => s !== null);
  const protections = sheets.map((sheet) => {
    const p = sheet.getProtections(SpreadsheetApp.ProtectionType.SHEET)[0];
    return { tab: sheet.getName(), editors: p ? p.getEditors().map(email) : null };
  });
  // Drive names no owner for a file in a shared drive ("File.getOwner … null for shared drive items" is
  // how the emulator reads it; the drive's own member list needs the advanced Drive service, so it stays unknown here).
  return {
    keyPersonnel, owner: owner ? email(owner) : '', editors, viewers, sharingAccess, editorsCanShare,
    sharedDrive: owner ? null : { name: '', members: [] }, protections,
  };
}

export interface AccessView {
  ok: boolean;
  /** Every drift as data and as a sentence in the register's language. */
  drift: (Drift & { message: string })[];
  toRemove: AccessPlan['toRemove'];
  /** Drift only a Workspace admin can end (a shared drive), and what only the owner can. */
  adminOnly: (Drift & { message: string })[];
  ownerOnly: (Drift & { message: string })[];
}

function viewOf(plan: AccessPlan, language: string): AccessView {
  const say = (d: Drift) => ({ ...d, message: driftMessage(d, language) });
  return { ok: plan.ok, drift: plan.drift.map(say), toRemove: plan.toRemove, adminOnly: plan.adminOnly.map(say), ownerOnly: plan.ownerOnly.map(say) };
}

/** The drift of the file from the policy, for the settings and the admin dialog (admins; reads only). */
export function getAccessPolicy(): AccessView {
  const ctx = requireRole('admin');
  return viewOf(planAccessPolicy(readAccessState(ctx.settings.keyPersonnel)), ctx.language);
}

/** The drift for `keyPersonnel` (saveSettings offers it at once: "Poista myös tiedoston jakaminen"). */
export function accessDrift(ctx: CallContext, keyPersonnel: readonly KeyPerson[]): AccessView {
  return viewOf(planAccessPolicy(readAccessState(keyPersonnel)), ctx.language);
}

/**
 * Applies the policy. Without `confirm` nothing changes: the drift is returned, with the people who
 * would be taken off the file listed first. With `confirm: true` every change the script can make
 * is made and logged: others off the file (editors and viewers), key personnel on as editors,
 * link and domain sharing off, editors unable to share, every tab protected to key personnel.
 * Returns the drift as it stands after (only what a Workspace admin or the owner must end).
 */
export function applyAccessPolicy(input?: { confirm?: boolean }): { applied: boolean; before: AccessView; after: AccessView } {
  return withWrite('admin', (ctx) => {
    const parsed = v.safeParse(v.optional(v.object({ confirm: v.optional(v.boolean()) })), input);
    if (!parsed.success) throw new UserError(text(ctx.language, 'badRequest'));
    const plan = planAccessPolicy(readAccessState(ctx.settings.keyPersonnel));
    const before = viewOf(plan, ctx.language);
    if (parsed.output?.confirm !== true || plan.drift.length === plan.adminOnly.length + plan.ownerOnly.length) {
      return { applied: false, before, after: before };
    }
    // What changed, by kind (the log holds names, never addresses or values).
    const fields = [
      ...(plan.toRemove.editors.length ? ['removedEditors'] : []), ...(plan.toRemove.viewers.length ? ['removedViewers'] : []), ...(plan.toAdd.length ? ['addedEditors'] : []),
      ...(plan.makePrivate ? ['sharingPrivate'] : []), ...(plan.stopEditorsSharing ? ['editorsCannotShare'] : []), ...(plan.protections.length ? ['tabProtections'] : []),
    ];
    // Logged first, then applied.
    audit(ctx, [{ at: ctx.now, actor: ctx.user, action: 'access-policy', fields }]);
    const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
    if (plan.toAdd.length) spreadsheet.addEditors(plan.toAdd);
    // Drive has no batch removal: one call a person taken off.
    for (const e of plan.toRemove.editors) spreadsheet.removeEditor(e);
    for (const e of plan.toRemove.viewers) spreadsheet.removeViewer(e);
    if (plan.makePrivate || plan.stopEditorsSharing) {
      const file = DriveApp.getFileById(spreadsheet.getId());
      if (plan.makePrivate) file.setSharing(DriveApp.Access.PRIVATE, DriveApp.Permission.NONE);
      if (plan.stopEditorsSharing) file.setShareableByEditors(false);
    }
    if (plan.protections.length) protectTabs(spreadsheet, ctx.settings.language, ctx.settings.keyPersonnel, SpreadsheetApp.ProtectionType);
    SpreadsheetApp.flush();
    return { applied: true, before, after: viewOf(planAccessPolicy(readAccessState(ctx.settings.keyPersonnel)), ctx.language) };
  });
}
