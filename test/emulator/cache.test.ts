import { createWorld, runSnippet, scriptRuntime } from '../support/emulator';

describe('CacheService', () => {
  test('a cache value over 100 KB throws', () => {
    expect(() => runSnippet(`CacheService.getScriptCache().put('k', new Array(100 * 1024 + 2).join('x'));`)).toThrow('Argument too large: value');
  });

  test('a cache key over 250 characters throws', () => {
    expect(() => runSnippet(`CacheService.getScriptCache().put(new Array(252).join('k'), 'v');`)).toThrow('Argument too large: key');
  });

  test('a cached value expires after the default 600 s on the emulated clock', () => {
    const world = createWorld();
    runSnippet(`CacheService.getScriptCache().put('k', 'v');`, { world });
    world.now += 599_000;
    expect(runSnippet(`return CacheService.getScriptCache().get('k');`, { world })).toBe('v');
    world.now += 2_000;
    expect(runSnippet(`return CacheService.getScriptCache().get('k');`, { world })).toBeNull();
  });

  test('an expiry over 6 hours is cut to 6 hours', () => {
    const world = createWorld();
    runSnippet(`CacheService.getScriptCache().putAll({ a: '1', b: '2' }, 86400);`, { world });
    world.now += 21_600_000 + 1000;
    expect(runSnippet(`return CacheService.getScriptCache().getAll(['a', 'b']);`, { world })).toEqual({});
  });

  test('getDocumentCache is null outside a container', () => {
    const rt = scriptRuntime(`function test() { return CacheService.getDocumentCache() === null; }`);
    expect(rt.execute('test', [], { container: false }).value).toBe(true);
  });

  test('user caches are separate', () => {
    const world = createWorld();
    runSnippet(`CacheService.getUserCache().put('k', 'mine');`, { world, user: 'staff@cleanroom.fi' });
    expect(runSnippet(`return CacheService.getUserCache().get('k');`, { world })).toBeNull();
  });
});
