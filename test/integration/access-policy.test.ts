/**
 * Issue 10, deliverable 2: the access policy through the built bundle. The file's editors become
 * exactly the key personnel (others listed first, removed only on confirmation, viewers too),
 * link and domain sharing go off, editors can no longer share it on, the tabs are protected to
 * key personnel; saving key personnel returns the drift at once; a shared-drive file is drift
 * only a Workspace admin can end.
 */
import { OUTSIDER, OWNER, STAFF } from '../../src/emulator/accounts';
import { call, chainToHead, demo, failure } from '../support/register';

type View = { ok: boolean; drift: { kind: string; who?: string; message: string }[]; toRemove: { editors: string[]; viewers: string[] }; adminOnly: { kind: string; message: string }[] };
const VIEWER = 'viewer@example.com';

function drifted() {
  const em = demo();
  em.world.drive.editors.push(OUTSIDER);
  em.world.drive.viewers.push(VIEWER);
  em.world.drive.sharingAccess = 'ANYONE_WITH_LINK';
  em.world.drive.sharingPermission = 'VIEW';
  return em;
}

describe('getAccessPolicy shows the drift', () => {
  test('an outsider editor, a viewer, link sharing and re-sharing are each drift, in the register\'s language', () => {
    const em = drifted();
    const view = call<View>(em, 'getAccessPolicy', undefined, OWNER);
    expect(view.ok).toBe(false);
    expect(view.drift.map((d) => d.kind).sort()).toEqual(['editors-can-share', 'extra-editor', 'extra-viewer', 'link-sharing']);
    expect(view.toRemove).toEqual({ editors: [OUTSIDER], viewers: [VIEWER] });
    expect(view.drift.every((d) => d.message.length > 10)).toBe(true);
    expect(failure(em, 'getAccessPolicy', undefined, STAFF)).toMatch(/ylläpitäj/);
  });

  test('a file in a shared drive is reported as drift only a Workspace admin can end', () => {
    const em = demo();
    em.world.drive.sharedDrive = { name: 'Yhteinen', members: [{ email: OUTSIDER, role: 'writer' }] };
    const view = call<View>(em, 'getAccessPolicy', undefined, OWNER);
    expect(view.adminOnly.map((d) => d.kind)).toEqual(['shared-drive']);
    expect(view.ok).toBe(false);
  });
});

describe('applyAccessPolicy', () => {
  test('without confirmation it changes nothing and lists who would be taken off', () => {
    const em = drifted();
    const before = JSON.stringify(em.world.drive);
    const result = call<{ applied: boolean; before: View }>(em, 'applyAccessPolicy', {}, OWNER);
    expect(result.applied).toBe(false);
    expect(result.before.toRemove.editors).toEqual([OUTSIDER]);
    expect(JSON.stringify(em.world.drive)).toBe(before);
  });

  test('with confirmation the editors are exactly the key personnel, nobody else can open the file, sharing is private and editors cannot share; logged', () => {
    const em = drifted();
    const result = call<{ applied: boolean; after: View }>(em, 'applyAccessPolicy', { confirm: true }, OWNER);
    expect(result.applied).toBe(true);
    expect(result.after.ok).toBe(true);
    expect(em.world.drive.editors.sort()).toEqual([STAFF]);
    expect(em.world.drive.viewers).toEqual([]);
    expect(em.world.drive.sharingAccess).toBe('PRIVATE');
    expect(em.world.drive.shareableByEditors).toBe(false);
    expect(em.world.canOpen(OUTSIDER)).toBe(false);
    expect(em.world.canOpen(VIEWER)).toBe(false);
    expect(chainToHead(em).filter((e) => e.action === 'access-policy')).toHaveLength(1);
    // A second run has nothing to do.
    expect(call<{ applied: boolean }>(em, 'applyAccessPolicy', { confirm: true }, OWNER).applied).toBe(false);
  });

  test('staff are refused and nothing changes; a confirm that is not true or false is refused', () => {
    const em = drifted();
    expect(failure(em, 'applyAccessPolicy', { confirm: true }, STAFF)).toMatch(/ylläpitäj/);
    expect(em.world.drive.editors).toContain(OUTSIDER);
    expect(failure(em, 'applyAccessPolicy', { confirm: 'yes' }, OWNER)).toMatch(/Päivitä/);
    expect(em.world.drive.editors).toContain(OUTSIDER);
  });
});

describe('saving key personnel offers the file\'s sharing at once', () => {
  test('a staff member removed from key personnel is drift in the save\'s answer, and after applying it they can no longer open the file', () => {
    const em = demo();
    const { settings } = call<{ settings: { keyPersonnel: { email: string; role: string }[] } }>(em, 'getSettings', undefined, OWNER);
    const saved = call<{ accessDrift: View }>(em, 'saveSettings', { settings: { keyPersonnel: settings.keyPersonnel.filter((p) => p.email !== STAFF) } }, OWNER);
    expect(saved.accessDrift.drift).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'extra-editor', who: STAFF })]));
    expect(saved.accessDrift.toRemove.editors).toEqual([STAFF]);
    expect(em.world.canOpen(STAFF)).toBe(true);
    call(em, 'applyAccessPolicy', { confirm: true }, OWNER);
    expect(em.world.canOpen(STAFF)).toBe(false);
  });
});
