import { createWorld, runSnippet, scriptRuntime, ALL_SCOPES, OUTSIDER, OWNER, STAFF } from '../support/emulator';
import { DOMAIN_SHARING_NEEDS_WORKSPACE } from '../../src/emulator/services/drive';

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
    world.drive.sharingAccess = 'PRIVATE';
    world.drive.sharingPermission = 'NONE';
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

/** `body` run with `f` bound to the spreadsheet's Drive file. */
function onFile(world: ReturnType<typeof createWorld>, body: string, user?: string): unknown {
  return runSnippet(`var f = DriveApp.getFileById(${JSON.stringify(world.drive.id)});\n${body}`, { world, user });
}

const emails = `function emails(list) { return list.map(function (u) { return u.getEmail(); }); }`;

describe('sharing as Drive does it', () => {
  test('File.removeEditor also removes the person from the viewers', () => {
    const world = createWorld();
    world.drive.viewers.push('reader@cleanroom.fi');
    onFile(world, `f.removeEditor('reader@cleanroom.fi').removeEditor('${STAFF}');`);
    expect(world.drive.viewers).toEqual([]);
    expect(world.drive.editors).toEqual([]);
    expect(world.canOpen(STAFF)).toBe(false);
  });

  test('Spreadsheet.removeEditor also removes the viewer; addViewer(s)/removeViewer/getViewers work on the same sharing', () => {
    const world = createWorld();
    const r = runSnippet(`${emails}
      var ss = SpreadsheetApp.getActiveSpreadsheet();
      ss.addViewer('a@cleanroom.fi').addViewers(['b@cleanroom.fi', '${STAFF}']);
      var before = emails(ss.getViewers());
      ss.removeEditor('a@cleanroom.fi').removeViewer('b@cleanroom.fi');
      return [before, emails(ss.getViewers()), emails(ss.getEditors())];`, { world });
    // Adding an editor as a viewer has no effect.
    expect(r).toEqual([['a@cleanroom.fi', 'b@cleanroom.fi'], [], [OWNER, STAFF]]);
  });

  test('File.addViewer(s), removeViewer, revokePermissions and getAccess', () => {
    const world = createWorld();
    const r = onFile(world, `${emails}
      f.addViewer('a@cleanroom.fi').addViewers(['b@cleanroom.fi']).addViewer('${STAFF}');
      var viewers = emails(f.getViewers());
      var access = [f.getAccess('${OWNER}'), f.getAccess('${STAFF}'), f.getAccess('a@cleanroom.fi'), f.getAccess('nobody@cleanroom.fi')];
      f.removeViewer('a@cleanroom.fi').revokePermissions('b@cleanroom.fi').revokePermissions('${STAFF}');
      return [viewers, access.map(String), access[1] === DriveApp.Permission.EDIT, emails(f.getViewers()), emails(f.getEditors())];`);
    expect(r).toEqual([['a@cleanroom.fi', 'b@cleanroom.fi'], ['OWNER', 'EDIT', 'VIEW', 'NONE'], true, [], []]);
  });

  test('setSharing takes only DriveApp.Access and DriveApp.Permission values; a bare string throws as on Google', () => {
    const world = createWorld();
    expect(() => onFile(world, `f.setSharing('ANYONE_WITH_LINK', 'VIEW');`)).toThrow(
      "The parameters (String,String) don't match the method signature for DriveApp.File.setSharing.",
    );
    expect(world.drive.sharingAccess).toBe('PRIVATE');
    expect(onFile(world, `
      f.setSharing(DriveApp.Access.ANYONE_WITH_LINK, DriveApp.Permission.VIEW);
      var a = f.getSharingAccess(), p = f.getSharingPermission();
      return [a === DriveApp.Access.ANYONE_WITH_LINK, a === 'ANYONE_WITH_LINK', typeof a, String(p), p === DriveApp.Permission.VIEW];`)).toEqual([true, false, 'object', 'VIEW', true]);
    // Anyone with the link (the file id) may now open it.
    expect(onFile(world, `return f.getName();`, OUTSIDER)).toBe('Rekisteri');
  });

  test('domain sharing is for Workspace accounts: it opens the file to the domain there and throws on a consumer account', () => {
    const world = createWorld();
    world.drive.editors = [];
    onFile(world, `f.setSharing(DriveApp.Access.DOMAIN_WITH_LINK, DriveApp.Permission.EDIT);`);
    expect([world.canEditFile(STAFF), world.canOpen(OUTSIDER)]).toEqual([true, false]);
    const consumer = createWorld();
    consumer.accountKind = 'consumer';
    expect(() => onFile(consumer, `f.setSharing(DriveApp.Access.DOMAIN, DriveApp.Permission.VIEW);`)).toThrow(DOMAIN_SHARING_NEEDS_WORKSPACE);
  });

  test('removeEditor does not block someone who has access through domain sharing', () => {
    const world = createWorld();
    onFile(world, `f.setSharing(DriveApp.Access.DOMAIN, DriveApp.Permission.VIEW).removeEditor('${STAFF}');`);
    expect([world.canOpen(STAFF), world.canEditFile(STAFF)]).toEqual([true, false]);
  });

  test('in a shared drive, members keep their access after removeEditor and the file has no owner', () => {
    const world = createWorld();
    world.drive.sharedDrive = { name: 'Asiakaspalvelu', members: [{ email: STAFF, role: 'writer' }, { email: 'intern@cleanroom.fi', role: 'reader' }] };
    const r = onFile(world, `${emails}
      f.removeEditor('${STAFF}');
      SpreadsheetApp.getActiveSpreadsheet().removeEditor('${STAFF}');
      return [f.getOwner(), SpreadsheetApp.getActiveSpreadsheet().getOwner(), emails(f.getEditors()), emails(f.getViewers()), String(f.getAccess('${STAFF}'))];`);
    expect(r).toEqual([null, null, [STAFF], ['intern@cleanroom.fi'], 'EDIT']);
    expect(world.canEditFile(STAFF)).toBe(true);
    expect(world.canOpen('intern@cleanroom.fi')).toBe(true);
  });

  test('User.getEmail() is blank for a user outside the Workspace domain of the one running the script', () => {
    const world = createWorld();
    world.drive.viewers.push(OUTSIDER);
    expect(onFile(world, `${emails} return [emails(f.getViewers()), f.getOwner().getEmail(), f.getViewers()[0].getDomain()];`, STAFF)).toEqual([[''], OWNER, 'example.com']);
  });
});

describe('Drive scopes and costs', () => {
  const readonly = ALL_SCOPES.filter((s) => !s.endsWith('/auth/drive')).concat('https://www.googleapis.com/auth/drive.readonly');

  test('drive.readonly is enough for reads but not for changes', () => {
    const world = createWorld({ manifest: { timeZone: 'Europe/Helsinki', runtimeVersion: 'V8', oauthScopes: readonly } });
    expect(onFile(world, `${emails} return [emails(f.getEditors()), f.getViewers().length, String(f.getSharingAccess()), f.getOwner().getEmail()];`)).toEqual([[STAFF], 0, 'PRIVATE', OWNER]);
    expect(() => onFile(world, `f.addEditor('new@cleanroom.fi');`)).toThrow(
      'You do not have permission to call DriveApp.File.addEditor. Required permissions: https://www.googleapis.com/auth/drive',
    );
    expect(() => runSnippet(`DriveApp.getFileById('x');`, { world: createWorld({ manifest: { timeZone: 'Europe/Helsinki', runtimeVersion: 'V8', oauthScopes: [] } }) })).toThrow(
      'Required permissions: (https://www.googleapis.com/auth/drive.readonly || https://www.googleapis.com/auth/drive)',
    );
  });

  test('every Drive call but getId costs 200 ms and is counted; the fault injector reaches each', () => {
    const world = createWorld();
    const code = `function test() {
      var f = DriveApp.getFileById(${JSON.stringify(world.drive.id)});
      f.getId(); f.getName(); f.getEditors(); f.getViewers(); f.getSharingAccess(); f.addViewer('v@cleanroom.fi');
    }`;
    const report = scriptRuntime(code, world).execute('test', []);
    expect([report.ok, report.calls, report.modelledMs]).toEqual([true, 6, 1200]);
    for (const atCall of [3, 6]) {
      const faulty = createWorld();
      faulty.injectFault({ atCall });
      const r = scriptRuntime(code.replace(JSON.stringify(world.drive.id), JSON.stringify(faulty.drive.id)), faulty).execute('test', []);
      expect(r.ok).toBe(false);
      expect(faulty.drive.viewers).toEqual([]);
    }
  });
});
