/**
 * Test support: run a small script in the emulator exactly as the built bundle would run, so a
 * test of one service goes through the same runtime, metering and realm boundary as production.
 */
import { Runtime } from '../../src/emulator/runtime';
import { createWorld, OWNER, STAFF, OUTSIDER, ALL_SCOPES } from '../../src/emulator/accounts';
import type { World } from '../../src/emulator/world';

export { OWNER, STAFF, OUTSIDER, ALL_SCOPES, createWorld };

/** A runtime for `code` (a classic script) in `world` (a fresh default world when left out). */
export function scriptRuntime(code: string, world: World = createWorld(), html: Record<string, string> = {}): Runtime {
  return new Runtime(world, { code, html: new Map(Object.entries(html)) });
}

/**
 * Runs `body` (statements of a function body) as the top-level function `test` and returns its
 * value, throwing the execution's error message if it failed.
 */
export function runSnippet(body: string, options: { world?: World; user?: string } = {}): unknown {
  const rt = scriptRuntime(`function test() {\n${body}\n}`, options.world);
  const report = rt.execute('test', [], { user: options.user });
  if (!report.ok) throw new Error(report.error!.message);
  return report.value;
}
