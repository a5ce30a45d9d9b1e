/**
 * POST /api/script: the Apps Script editor's Run button over the HTTP API. A snippet (a function
 * body) runs as a user in one execution with the built bundle, with the manifest's scopes or the
 * given ones, its result as google.script.run delivers it and its service calls in `stats`; only
 * people who may edit the spreadsheet can open its script.
 */
import { startServer, call, RunningServer, OWNER, STAFF, OUTSIDER } from './support';

let srv: RunningServer;
const script = (body: unknown) => call(srv.base, 'POST', '/api/script', body);

beforeAll(async () => {
  srv = await startServer();
});
afterAll(async () => {
  await srv?.close();
});

jest.setTimeout(60_000);

describe('POST /api/script', () => {
  test('the bundle\'s top-level functions are callable from the snippet, which runs as the given user; its calls are in stats', async () => {
    const { status, body } = await script({ code: 'var info = getSidebarInfo(); return { user: info.user, rows: info.rowCount, me: Session.getActiveUser().getEmail() };', user: STAFF });
    expect(status).toBe(200);
    expect(body.error).toBeUndefined();
    expect(body.result).toEqual({ user: STAFF, rows: 200, me: STAFF });
    expect(body.stats.calls).toBeGreaterThan(0);
    expect(body.stats.modelledMs).toBeGreaterThan(0);
    expect(Object.keys(body.stats.byMethod)).toEqual(expect.arrayContaining(['Session.getActiveUser']));
  });

  test('runs as the owner when no user is given, and changes the world as any execution does', async () => {
    const { body } = await script({ code: "SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Rekisteri').getRange('Z1').getValue(); return Session.getActiveUser().getEmail();" });
    expect(body.result).toBe(OWNER);
    const set = await script({ code: "PropertiesService.getScriptProperties().setProperty('fromEditor', 'yes'); return 1;" });
    expect(set.body.result).toBe(1);
    expect((await script({ code: "return PropertiesService.getScriptProperties().getProperty('fromEditor');" })).body.result).toBe('yes');
  });

  test('the result follows google.script.run\'s rules: a Date anywhere in it arrives as null, undefined as null', async () => {
    expect((await script({ code: 'return { at: new Date() };' })).body.result).toBeNull();
    expect((await script({ code: 'var x = 1;' })).body.result).toBeNull();
    expect((await script({ code: 'return [1, "a", { b: true }];' })).body.result).toEqual([1, 'a', { b: true }]);
  });

  test('the manifest\'s scopes apply (a manifest without the Drive scope); "scopes" replaces them for this run only, and a service outside them is denied', async () => {
    const drive = 'return DriveApp.getFileById(SpreadsheetApp.getActiveSpreadsheet().getId()).getName();';
    const DRIVE = 'https://www.googleapis.com/auth/drive';
    // The register's manifest declares Drive (the access policy): this run takes it out, and puts it back after.
    const declared = srv.emulator.world.manifest.oauthScopes;
    srv.emulator.world.manifest.oauthScopes = declared.filter((s) => s !== DRIVE);
    try {
      const denied = await script({ code: drive });
      expect(denied.status).toBe(200);
      expect(denied.body.result).toBeUndefined();
      expect(denied.body.error.message).toMatch(/You do not have permission to call DriveApp\.getFileById\. Required permissions: .*auth\/drive/);
      expect(denied.body.stats.byMethod['DriveApp.getFileById']).toBeDefined();
      // Given scopes replace the manifest's: Drive is allowed, the spreadsheet no longer is.
      const driveOnly = [DRIVE];
      // With Drive alone the spreadsheet's id cannot be read either: a service outside the scopes is denied.
      expect((await script({ code: drive, scopes: driveOnly })).body.error.message).toMatch(/SpreadsheetApp/);
      expect((await script({ code: drive, scopes: [...driveOnly, 'https://www.googleapis.com/auth/spreadsheets.currentonly'] })).body).toMatchObject({ result: 'Rekisteri' });
      const sheetsDenied = await script({ code: 'return SpreadsheetApp.getActiveSpreadsheet().getName();', scopes: driveOnly });
      expect(sheetsDenied.body.error.message).toMatch(/You do not have permission to call SpreadsheetApp\.getActiveSpreadsheet/);
      // The next run has the manifest's scopes again.
      expect((await script({ code: 'return SpreadsheetApp.getActiveSpreadsheet().getName();' })).body).toMatchObject({ result: 'Rekisteri' });
      expect((await script({ code: drive })).body.error.message).toMatch(/Required permissions: .*auth\/drive/);
      expect(srv.emulator.world.manifest.oauthScopes).not.toContain(DRIVE);
    } finally {
      srv.emulator.world.manifest.oauthScopes = declared;
    }
  });

  test('an outsider cannot open the spreadsheet\'s script, as they cannot open the spreadsheet; nothing runs', async () => {
    const before = srv.emulator.world.executions;
    const { status, body } = await script({ code: 'return 1;', user: OUTSIDER });
    expect(status).toBe(200);
    expect(body.error.message).toBe('You need access: this spreadsheet has not been shared with you.');
    expect(body.result).toBeUndefined();
    expect(body.stats.calls).toBe(0);
    expect(srv.emulator.world.executions).toBe(before);
  });

  test('a viewer cannot open the bound script either: only editors of the container can run it', async () => {
    const viewer = 'viewer@cleanroom.fi';
    srv.emulator.world.users.push({ email: viewer, name: 'Ville Viewer' });
    srv.emulator.world.drive.viewers.push(viewer);
    try {
      expect(srv.emulator.world.canOpen(viewer)).toBe(true);
      const { body } = await script({ code: 'return 1;', user: viewer });
      expect(body.error.message).toMatch(/Only people who can edit this spreadsheet can open its script/);
    } finally {
      srv.emulator.world.drive.viewers.splice(srv.emulator.world.drive.viewers.indexOf(viewer), 1);
    }
  });

  test('errors come back as {error: {message}}: a thrown error, a syntax error, a stray brace that would close the function', async () => {
    expect((await script({ code: "throw new Error('no luck');" })).body.error.message).toBe('no luck');
    expect((await script({ code: 'return (1;' })).body.error.message).toMatch(/^Syntax error/);
    const escape = await script({ code: 'return 1; }\nfunction injected() { return 2;' });
    expect(escape.body.error.message).toMatch(/^Syntax error/);
  });

  test('a request without code, or with scopes that are not a list of strings, is a 400', async () => {
    expect((await script({})).status).toBe(400);
    expect((await script({ code: 'return 1;', scopes: 'https://mail.google.com/' })).body.error.message).toMatch(/"scopes" must be an array/);
    expect((await script({ code: 'return 1;', user: 5 })).status).toBe(400);
  });
});
