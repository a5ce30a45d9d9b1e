import { createWorld, runSnippet, ALL_SCOPES, OUTSIDER, STAFF } from '../support/emulator';

describe('DriveApp', () => {
  test('getFileById of another file throws not found', () => {
    expect(() => runSnippet(`DriveApp.getFileById('nope');`)).toThrow(/No item with the given ID could be found/);
  });

  test('an editor may change sharing; an outsider cannot even see the file', () => {
    const world = createWorld();
    const id = JSON.stringify(world.drive.id);
    const r = runSnippet(`
      var f = DriveApp.getFileById(${id});
      f.addEditor('new@cleanroom.fi').addViewer('${OUTSIDER}').setSharing(DriveApp.Access.ANYONE_WITH_LINK, DriveApp.Permission.VIEW);
      return [f.getOwner().getEmail(), f.getEditors().map(function (u) { return u.getEmail(); }), String(f.getSharingAccess())];
    `, { world, user: STAFF });
    expect(r).toEqual(['asiakaspalvelu@cleanroom.fi', [STAFF, 'new@cleanroom.fi'], 'ANYONE_WITH_LINK']);
    world.drive.viewers = [];
    expect(() => runSnippet(`DriveApp.getFileById(${id});`, { world, user: OUTSIDER })).toThrow(/No item with the given ID/);
  });

  test('a viewer may not change sharing', () => {
    const world = createWorld();
    world.drive.viewers.push(OUTSIDER);
    expect(() => runSnippet(`DriveApp.getFileById(${JSON.stringify(world.drive.id)}).setSharing(DriveApp.Access.PRIVATE, DriveApp.Permission.NONE);`, { world, user: OUTSIDER })).toThrow(/Access denied/);
    expect(world.drive.sharingAccess).toBe('PRIVATE');
  });

  test('DriveApp needs the drive scope', () => {
    const world = createWorld({ manifest: { timeZone: 'Europe/Helsinki', runtimeVersion: 'V8', oauthScopes: ALL_SCOPES.filter((s) => !s.endsWith('/auth/drive')) } });
    expect(() => runSnippet(`DriveApp.getFileById(${JSON.stringify(world.drive.id)});`, { world })).toThrow(/auth\/drive/);
  });
});

describe('DriveApp listing', () => {
  test('a viewer sees no editors', () => {
    const world = createWorld();
    world.drive.viewers.push(OUTSIDER);
    expect(runSnippet(`return DriveApp.getFileById(${JSON.stringify(world.drive.id)}).getEditors().length;`, { world, user: OUTSIDER })).toBe(0);
    expect(runSnippet(`return DriveApp.getFileById(${JSON.stringify(world.drive.id)}).getEditors().length;`, { world })).toBe(1);
  });
});
