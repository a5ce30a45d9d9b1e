/**
 * The access policy (DESIGN: "the spreadsheet is shared only with key personnel"), pure: from
 * one read of the file's sharing and the tabs' protections, every drift from the policy and the
 * changes that end it. The policy: the file's editors are exactly the key personnel, nobody else
 * can read it, link and domain sharing are off, editors cannot share it on, and every register
 * tab is protected to key personnel. What the script cannot change is reported, not attempted:
 * the owner (Drive never removes an owner) and, for a file in a shared drive, its members, who
 * keep their access whatever the file says (only a Workspace admin or the drive's manager can
 * change that). Messages are in src/core/texts/compliance.ts.
 */
import type { KeyPerson } from './settings';
import { complianceText, type ComplianceTextKey } from './texts/compliance';

/** DriveApp.Access names. */
export type SharingAccess = 'PRIVATE' | 'DOMAIN' | 'DOMAIN_WITH_LINK' | 'ANYONE' | 'ANYONE_WITH_LINK';

/** The file and its tabs as read. */
export interface AccessState {
  keyPersonnel: readonly KeyPerson[];
  /** The file's owner; '' for a file in a shared drive (Drive names none). */
  owner: string;
  editors: readonly string[];
  /** Viewers and commenters. */
  viewers: readonly string[];
  sharingAccess: SharingAccess | string;
  /** File.isShareableByEditors(). */
  editorsCanShare: boolean;
  /** The shared drive the file is in, or null; `members` as far as known (may be empty). */
  sharedDrive: { name: string; members: readonly string[] } | null;
  /** Each register tab: its protection's editors, or null when it has none. */
  protections: readonly { tab: string; editors: readonly string[] | null }[];
}

export const DRIFT_KINDS = [
  'extra-editor', 'extra-viewer', 'missing-editor', 'link-sharing', 'domain-sharing', 'editors-can-share',
  'unprotected-tab', 'protection-extra-editor', 'protection-missing-editor', 'shared-drive', 'owner-not-key-personnel',
] as const;
export type DriftKind = (typeof DRIFT_KINDS)[number];

export interface Drift {
  kind: DriftKind;
  /** The person concerned, when there is one. */
  who?: string;
  /** The tab, for protection drift; the drive's name for a shared drive. */
  detail?: string;
}

export interface AccessPlan {
  /** Nothing differs from the policy. */
  ok: boolean;
  /** Every drift, the ones the script can fix first. */
  drift: Drift[];
  /** People to take off the file (asked for confirmation first): editors and viewers who are not key personnel. */
  toRemove: { editors: string[]; viewers: string[] };
  /** Key personnel to make editors. */
  toAdd: string[];
  /** Turn link and domain sharing off (setSharing(PRIVATE, NONE)). */
  makePrivate: boolean;
  /** setShareableByEditors(false). */
  stopEditorsSharing: boolean;
  /** Per tab: protect it (when unprotected), and whom to add to and remove from its editors. */
  protections: { tab: string; protect: boolean; add: string[]; remove: string[] }[];
  /** Drift only a Workspace admin (or the drive's manager) can end: the shared drive's members. */
  adminOnly: Drift[];
  /** Drift the owner must end by hand: an owner who is not key personnel. */
  ownerOnly: Drift[];
}

const norm = (e: string) => e.trim().toLowerCase();
const uniq = (list: readonly string[]) => [...new Set(list.map(norm).filter((e) => e !== ''))];

/** The drift of `state` from the policy and the changes that end what the script can end. */
export function planAccessPolicy(state: AccessState): AccessPlan {
  const keys = new Set(state.keyPersonnel.map((p) => norm(p.email)));
  const owner = norm(state.owner);
  const members = new Set(uniq(state.sharedDrive?.members ?? []));
  const editors = uniq(state.editors);
  const viewers = uniq(state.viewers).filter((v) => !editors.includes(v));
  const drift: Drift[] = [];
  const adminOnly: Drift[] = [];
  const ownerOnly: Drift[] = [];
  // Shared-drive members are not the file's to remove; the owner cannot be removed at all.
  const removable = (e: string) => !keys.has(e) && e !== owner && !members.has(e);
  const toRemove = { editors: editors.filter(removable), viewers: viewers.filter(removable) };
  for (const who of toRemove.editors) drift.push({ kind: 'extra-editor', who });
  for (const who of toRemove.viewers) drift.push({ kind: 'extra-viewer', who });
  // The owner edits anyway; a shared drive's writers too.
  const toAdd = [...keys].filter((k) => !editors.includes(k) && k !== owner);
  for (const who of toAdd) drift.push({ kind: 'missing-editor', who });
  const access = String(state.sharingAccess);
  const makePrivate = access !== 'PRIVATE';
  if (makePrivate) drift.push({ kind: access.startsWith('DOMAIN') ? 'domain-sharing' : 'link-sharing', detail: access });
  if (state.editorsCanShare) drift.push({ kind: 'editors-can-share' });
  const protections = state.protections.map(({ tab, editors: prot }) => {
    const current = uniq(prot ?? []);
    // Sheets keeps the owner among a protection's editors; it is not drift.
    const add = [...keys].filter((k) => !current.includes(k) && k !== owner);
    const remove = prot === null ? [] : current.filter((e) => !keys.has(e) && e !== owner);
    if (prot === null) drift.push({ kind: 'unprotected-tab', detail: tab });
    else {
      for (const who of remove) drift.push({ kind: 'protection-extra-editor', who, detail: tab });
      for (const who of add) drift.push({ kind: 'protection-missing-editor', who, detail: tab });
    }
    return { tab, protect: prot === null, add, remove };
  });
  if (state.sharedDrive) {
    const outsiders = [...members].filter((m) => !keys.has(m));
    // In a shared drive the members' access cannot be proven narrower than the drive's: always admin-only drift.
    adminOnly.push({ kind: 'shared-drive', who: outsiders.join(', '), detail: state.sharedDrive.name });
  }
  if (owner && !keys.has(owner)) ownerOnly.push({ kind: 'owner-not-key-personnel', who: owner });
  return {
    ok: drift.length + adminOnly.length + ownerOnly.length === 0,
    drift: [...drift, ...adminOnly, ...ownerOnly],
    toRemove,
    toAdd,
    makePrivate,
    stopEditorsSharing: state.editorsCanShare,
    protections: protections.filter((p) => p.protect || p.add.length || p.remove.length),
    adminOnly,
    ownerOnly,
  };
}

const DRIFT_TEXT: Record<DriftKind, ComplianceTextKey> = {
  'extra-editor': 'driftExtraEditor', 'extra-viewer': 'driftExtraViewer', 'missing-editor': 'driftMissingEditor',
  'link-sharing': 'driftLinkSharing', 'domain-sharing': 'driftDomainSharing', 'editors-can-share': 'driftEditorsCanShare',
  'unprotected-tab': 'driftUnprotectedTab', 'protection-extra-editor': 'driftProtectionExtra', 'protection-missing-editor': 'driftProtectionMissing',
  'shared-drive': 'driftSharedDrive', 'owner-not-key-personnel': 'driftOwnerNotKeyPersonnel',
};

/** One drift as a sentence in `language`: what is wrong and what applying the policy does (or who can fix it). */
export function driftMessage(d: Drift, language: string): string {
  return complianceText(language, DRIFT_TEXT[d.kind], { who: d.who || '–', tab: d.detail ?? '', drive: d.detail ?? '' });
}
