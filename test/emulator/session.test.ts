import { createWorld, runSnippet, scriptRuntime, ALL_SCOPES, OWNER, STAFF } from '../support/emulator';

describe('Session', () => {
  test('Session.getActiveUser().getEmail() is empty in a simple trigger', () => {
    const rt = scriptRuntime(`function onOpen() { return [Session.getActiveUser().getEmail(), Session.getEffectiveUser().getEmail()]; }`);
    expect(rt.execute('onOpen', [], { kind: 'simple-trigger', user: STAFF }).value).toEqual(['', STAFF]);
  });

  test('getActiveUser is the caller in google.script.run', () => {
    expect(runSnippet(`return Session.getActiveUser().getEmail();`, { user: STAFF })).toBe(STAFF);
  });

  test('an installable trigger runs as its creator', () => {
    const rt = scriptRuntime(`function t() { return Session.getEffectiveUser().getEmail(); }`);
    expect(rt.execute('t', [], { kind: 'installable-trigger', user: OWNER, effectiveUser: STAFF }).value).toBe(STAFF);
  });

  test('getActiveUser needs the userinfo.email scope', () => {
    const world = createWorld({ manifest: { timeZone: 'Europe/Helsinki', runtimeVersion: 'V8', oauthScopes: ALL_SCOPES.filter((s) => !s.endsWith('userinfo.email')) } });
    expect(() => runSnippet(`return Session.getActiveUser().getEmail();`, { world })).toThrow(/userinfo\.email/);
  });

  test('time zone, locale and a temporary key that is stable per user', () => {
    const world = createWorld();
    const a = runSnippet(`return [Session.getScriptTimeZone(), Session.getActiveUserLocale(), Session.getTemporaryActiveUserKey()];`, { world }) as string[];
    const b = runSnippet(`return Session.getTemporaryActiveUserKey();`, { world });
    const c = runSnippet(`return Session.getTemporaryActiveUserKey();`, { world, user: STAFF });
    expect(a.slice(0, 2)).toEqual(['Europe/Helsinki', 'fi']);
    expect(b).toBe(a[2]);
    expect(c).not.toBe(a[2]);
  });

  test("getActiveUserLocale is the locale of the account at the keyboard, set per WorldUser ('fi' by default)", () => {
    const world = createWorld();
    world.users.find((u) => u.email === OWNER)!.locale = 'en';
    expect(runSnippet(`return Session.getActiveUserLocale();`, { world, user: OWNER })).toBe('en');
    expect(runSnippet(`return Session.getActiveUserLocale();`, { world, user: STAFF })).toBe('fi');
  });
});
