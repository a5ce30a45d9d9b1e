/**
 * The access policy's drift and plan (src/core/access-policy.ts): editors exactly the key
 * personnel, no other reader, no link or domain sharing, no re-sharing, every tab protected to
 * key personnel; the owner and a shared drive's members are reported for whoever can fix them,
 * never planned for removal; every drift has its sentence in fi, sv and en.
 */
import { driftMessage, planAccessPolicy, DRIFT_KINDS, type AccessState } from '../../src/core/access-policy';
import { COMPLIANCE_TEXTS } from '../../src/core/texts/compliance';

const OWNER = 'omistaja@cleanroom.fi';
const STAFF = 'asiakaspalvelu@cleanroom.fi';
const TABS = ['Rekisteri', 'Pyynnöt', 'Luovutukset', 'Lokitiedot'];
const clean = (more: Partial<AccessState> = {}): AccessState => ({
  keyPersonnel: [{ email: OWNER, role: 'admin' }, { email: STAFF, role: 'staff' }],
  owner: OWNER,
  editors: [OWNER, STAFF],
  viewers: [],
  sharingAccess: 'PRIVATE',
  editorsCanShare: false,
  sharedDrive: null,
  protections: TABS.map((tab) => ({ tab, editors: [OWNER, STAFF] })),
  ...more,
});

test('a file that follows the policy has no drift and nothing to do', () => {
  expect(planAccessPolicy(clean())).toEqual({
    ok: true, drift: [], toRemove: { editors: [], viewers: [] }, toAdd: [], makePrivate: false, stopEditorsSharing: false,
    protections: [], adminOnly: [], ownerOnly: [],
  });
});

test('a person removed from key personnel is an extra editor to remove, and is taken off every protection', () => {
  const plan = planAccessPolicy(clean({ keyPersonnel: [{ email: OWNER, role: 'admin' }] }));
  expect(plan.ok).toBe(false);
  expect(plan.toRemove).toEqual({ editors: [STAFF], viewers: [] });
  expect(plan.protections).toEqual(TABS.map((tab) => ({ tab, protect: false, add: [], remove: [STAFF] })));
  expect(plan.drift[0]).toEqual({ kind: 'extra-editor', who: STAFF });
});

test('viewers and commenters who are not key personnel are listed for removal too', () => {
  const plan = planAccessPolicy(clean({ viewers: ['kirjanpito@tilitoimisto.fi', STAFF] }));
  expect(plan.toRemove).toEqual({ editors: [], viewers: ['kirjanpito@tilitoimisto.fi'] });
});

test('a key person without edit access is added, a viewer key person upgraded; the owner never needs adding', () => {
  const plan = planAccessPolicy(clean({ editors: [OWNER], viewers: [STAFF] }));
  expect(plan.toAdd).toEqual([STAFF]);
  expect(plan.toRemove.viewers).toEqual([]);
  expect(planAccessPolicy(clean({ editors: [STAFF] })).toAdd).toEqual([]);
});

test('addresses compare without case or spaces', () => {
  expect(planAccessPolicy(clean({ editors: [' Omistaja@CleanRoom.fi', 'ASIAKASPALVELU@cleanroom.fi'] })).ok).toBe(true);
});

test.each([
  ['ANYONE_WITH_LINK', 'link-sharing'], ['ANYONE', 'link-sharing'], ['DOMAIN', 'domain-sharing'], ['DOMAIN_WITH_LINK', 'domain-sharing'],
])('general access %s is %s drift, ended by making the file private', (access, kind) => {
  const plan = planAccessPolicy(clean({ sharingAccess: access }));
  expect(plan.makePrivate).toBe(true);
  expect(plan.drift).toEqual([{ kind, detail: access }]);
});

test('editors who can share the file on are drift, ended by turning that off', () => {
  const plan = planAccessPolicy(clean({ editorsCanShare: true }));
  expect(plan.stopEditorsSharing).toBe(true);
  expect(plan.drift).toEqual([{ kind: 'editors-can-share' }]);
});

test('an unprotected tab is protected to key personnel; a missing key person is added to a protection', () => {
  const plan = planAccessPolicy(clean({ protections: [{ tab: 'Rekisteri', editors: null }, { tab: 'Pyynnöt', editors: [OWNER] }] }));
  expect(plan.protections).toEqual([
    { tab: 'Rekisteri', protect: true, add: [STAFF], remove: [] },
    { tab: 'Pyynnöt', protect: false, add: [STAFF], remove: [] },
  ]);
  expect(plan.drift.map((d) => d.kind)).toEqual(['unprotected-tab', 'protection-missing-editor']);
});

test('a shared-drive file is drift only a Workspace admin can fix: its members are never planned for removal', () => {
  const plan = planAccessPolicy(clean({
    owner: '', editors: [OWNER, STAFF, 'myynti@cleanroom.fi'], sharedDrive: { name: 'Yhteiset', members: ['myynti@cleanroom.fi', OWNER] },
  }));
  expect(plan.ok).toBe(false);
  expect(plan.toRemove.editors).toEqual([]);
  expect(plan.adminOnly).toEqual([{ kind: 'shared-drive', who: 'myynti@cleanroom.fi', detail: 'Yhteiset' }]);
  expect(driftMessage(plan.adminOnly[0], 'fi')).toMatch(/jäsenet \(myynti@cleanroom\.fi\).*Vain Workspace-ylläpitäjä/);
});

test('a shared drive whose members are all key personnel is still reported (membership outlives the file\'s sharing)', () => {
  expect(planAccessPolicy(clean({ owner: '', sharedDrive: { name: 'D', members: [] } })).adminOnly).toHaveLength(1);
});

test('an owner who is not key personnel is reported for the owner, never removed', () => {
  const plan = planAccessPolicy(clean({ owner: 'entinen@cleanroom.fi', editors: ['entinen@cleanroom.fi', OWNER, STAFF] }));
  expect(plan.toRemove.editors).toEqual([]);
  expect(plan.ownerOnly).toEqual([{ kind: 'owner-not-key-personnel', who: 'entinen@cleanroom.fi' }]);
  expect(plan.protections).toEqual([]);
});

test('every drift kind has a sentence in fi, sv and en naming who and where', () => {
  for (const language of ['fi', 'sv', 'en'] as const) {
    for (const kind of DRIFT_KINDS) {
      const m = driftMessage({ kind, who: 'x@y.fi', detail: 'Rekisteri' }, language);
      expect(m).not.toMatch(/\{\w+\}/);
      expect(m.length).toBeGreaterThan(20);
    }
  }
  expect(driftMessage({ kind: 'unprotected-tab', detail: 'Pyynnöt' }, 'sv')).toMatch(/Fliken Pyynnöt/);
  expect(Object.keys(COMPLIANCE_TEXTS.sv).sort()).toEqual(Object.keys(COMPLIANCE_TEXTS.fi).sort());
  expect(Object.keys(COMPLIANCE_TEXTS.en).sort()).toEqual(Object.keys(COMPLIANCE_TEXTS.fi).sort());
});
