import { createWorld, runSnippet, scriptRuntime, OWNER, STAFF } from '../support/emulator';

describe('PropertiesService', () => {
  test('a property value over 9 KB throws', () => {
    expect(() => runSnippet(`PropertiesService.getScriptProperties().setProperty('k', new Array(9 * 1024 + 2).join('x'));`)).toThrow('Argument too large: value');
    expect(runSnippet(`PropertiesService.getScriptProperties().setProperty('k', new Array(9 * 1024 + 1).join('x')); return 'ok';`)).toBe('ok');
  });

  test('a store over 500 KB throws the storage quota error and keeps what it had', () => {
    const world = createWorld();
    expect(() =>
      runSnippet(`
        var p = PropertiesService.getDocumentProperties();
        var v = new Array(8 * 1024).join('x');
        for (var i = 0; i < 70; i++) p.setProperty('k' + i, v);
      `, { world }),
    ).toThrow('You have exceeded the property storage quota. Please remove some properties and try again.');
    expect(Object.keys(world.properties.document).length).toBeLessThan(70);
    expect(Object.keys(world.properties.document).length).toBeGreaterThan(55);
  });

  test('getDocumentProperties is null outside a container', () => {
    const rt = scriptRuntime(`function test() { return PropertiesService.getDocumentProperties() === null; }`);
    expect(rt.execute('test', [], { container: false }).value).toBe(true);
  });

  test('user properties belong to the effective user', () => {
    const world = createWorld();
    runSnippet(`PropertiesService.getUserProperties().setProperty('lang', 'sv');`, { world, user: STAFF });
    expect(runSnippet(`return PropertiesService.getUserProperties().getProperty('lang');`, { world, user: OWNER })).toBeNull();
    expect(runSnippet(`return PropertiesService.getUserProperties().getProperty('lang');`, { world, user: STAFF })).toBe('sv');
  });

  test('user properties are refused in a simple trigger', () => {
    const rt = scriptRuntime(`function test() { return PropertiesService.getUserProperties().getKeys(); }`);
    expect(rt.execute('test', [], { kind: 'simple-trigger', user: STAFF }).ok).toBe(false);
  });

  test('properties persist between executions, values are strings, objects come in the script realm', () => {
    const world = createWorld();
    runSnippet(`PropertiesService.getScriptProperties().setProperties({ a: 1, b: 'x' });`, { world });
    const r = runSnippet(`
      var p = PropertiesService.getScriptProperties();
      p.setProperties({ c: 'y' }, true);
      var all = p.getProperties();
      return [typeof PropertiesService.getScriptProperties().getProperty('c'), p.getKeys(), all instanceof Object, p.getProperty('a')];
    `, { world });
    expect(r).toEqual(['string', ['c'], true, null]);
  });

  test('each properties call is metered at 20 ms; getting a store is free', () => {
    const report = scriptRuntime(`function test() { var p = PropertiesService.getScriptProperties(); p.setProperty('a', 'b'); p.getProperty('a'); }`).execute('test', []);
    expect(report.modelledMs).toBe(40);
    expect(report.byMethod['PropertiesService.getScriptProperties'].modelledMs).toBe(0);
    expect(report.byMethod['Properties.setProperty']).toEqual({ calls: 1, modelledMs: 20 });
  });
});
