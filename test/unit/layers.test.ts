/**
 * The layer check (scripts/check-layers.mjs) run as npm test runs it, on small trees written here:
 * a tree that keeps the rules passes, each kind of breach is named, and an empty tree fails, so the
 * check cannot pass by finding nothing. Then the project itself passes.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import ts from 'typescript';

const ROOT = path.resolve(__dirname, '../..');
const CHECK = path.join(ROOT, 'scripts/check-layers.mjs');

function tree(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rekisteri-layers-'));
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

function check(root: string): { status: number | null; out: string } {
  const r = spawnSync(process.execPath, [CHECK, '--root', root], { encoding: 'utf8' });
  return { status: r.status, out: `${r.stdout}${r.stderr}` };
}

const GOOD: Record<string, string> = {
  'src/core/a.ts': "import * as v from 'valibot';\nimport { parsePhoneNumberFromString } from 'libphonenumber-js/mobile';\nimport { b } from './b';\nexport const a = [v, parsePhoneNumberFromString, b, new Date(0), Date.parse('2026-01-01')];\n",
  'src/core/b.ts': 'export const b = 1;\n',
  'src/gas/g.ts': "import { b } from '../core/b';\nexport const g = () => [b, new Date()];\n",
  'src/server/s.ts': "import { g } from '../gas/g';\nexport function hello() { return g(); }\n",
  'src/ui/u.tsx': "import type * as Server from '../server/s';\nimport { type hello } from '../server/s';\nimport { b } from '../core/b';\nexport const u = (s: typeof Server, h: typeof hello) => [s, h, b];\n",
  'src/emulator/e.ts': "import * as fs from 'node:fs';\nimport { f } from './f';\nexport const e = [fs, f, Date.now()];\n",
  'src/emulator/f.ts': 'export const f = 1;\n',
  'src/demo/d.ts': "import { e } from '../emulator/e';\nimport { b } from '../core/b';\nimport { g } from '../gas/g';\nexport const d = [e, b, g];\n",
};

describe('the layer check', () => {
  const made: string[] = [];
  afterAll(() => {
    for (const dir of made) fs.rmSync(dir, { recursive: true, force: true });
  });

  test('a tree that keeps the layer rules passes (type-only server imports in the UI, clock reads outside core and ui)', () => {
    const root = tree(GOOD);
    made.push(root);
    const r = check(root);
    expect(r.out).toMatch(/8 files keep the layer rules/);
    expect(r.status).toBe(0);
  });

  test('each breach fails the check and is named: core importing an adapter or a package, an adapter the server, the UI server code, the emulator the product, clock reads in core and ui', () => {
    const root = tree({
      ...GOOD,
      'src/core/bad-adapter.ts': "import { g } from '../gas/g';\nexport const x = g;\n",
      'src/core/bad-node.ts': "import * as fs from 'node:fs';\nexport const x = fs;\n",
      'src/core/bad-package.ts': "import faker from '@faker-js/faker';\nexport const x = faker;\n",
      'src/core/bad-reexport.ts': "export * from '../server/s';\n",
      'src/core/bad-require.ts': "export const x = require('../emulator/e');\n",
      'src/core/bad-clock.ts': 'export const today = () => new Date().toISOString();\n',
      'src/gas/bad.ts': "import { hello } from '../server/s';\nexport const x = hello;\n",
      'src/server/bad.ts': "import { u } from '../ui/u';\nexport const x = u;\n",
      'src/ui/bad-server.ts': "import { hello } from '../server/s';\nexport const x = hello;\n",
      'src/ui/bad-emulator.ts': "export const x = import('../emulator/e');\n",
      'src/ui/bad-clock.ts': 'export const t = Date.now();\n',
      'src/ui/bad-intl.ts': "export const d = new Intl.DateTimeFormat('fi-FI').format();\n",
      'src/emulator/bad-core.ts': "import { b } from '../core/b';\nexport const x = b;\n",
      'src/emulator/bad-demo.ts': "import { d } from '../demo/d';\nexport const x = d;\n",
      'src/demo/bad.ts': "import { hello } from '../server/s';\nexport const x = hello;\n",
      'src/extra/x.ts': 'export const x = 1;\n',
    });
    made.push(root);
    const r = check(root);
    expect(r.status).toBe(1);
    for (const line of [
      'src/core/bad-adapter.ts:1: src/core may not import ../gas/g (src/gas)',
      'src/core/bad-node.ts:1: src/core may not import the package node:fs',
      'src/core/bad-package.ts:1: src/core may not import the package @faker-js/faker',
      'src/core/bad-reexport.ts:1: src/core may not import ../server/s',
      'src/core/bad-require.ts:1: src/core may not import ../emulator/e',
      'src/core/bad-clock.ts:1: src/core reads the clock',
      'src/gas/bad.ts:1: src/gas may not import ../server/s',
      'src/server/bad.ts:1: src/server may not import ../ui/u',
      'src/ui/bad-server.ts:1: src/ui may not import ../server/s (src/server) (only `import type` is allowed there)',
      'src/ui/bad-emulator.ts:1: src/ui may not import ../emulator/e',
      'src/ui/bad-clock.ts:1: src/ui reads the clock',
      'src/ui/bad-intl.ts:1: src/ui reads the clock',
      'src/emulator/bad-core.ts:1: src/emulator may not import ../core/b',
      'src/emulator/bad-demo.ts:1: src/emulator may not import ../demo/d',
      'src/demo/bad.ts:1: src/demo may not import ../server/s',
      'src/extra/x.ts: src/extra has no layer rule',
    ]) {
      expect(r.out).toContain(line);
    }
    expect(r.out).toMatch(/Layer check: 16 breach\(es\)/);
  });

  test('a tree with no sources fails: the check cannot pass by checking nothing', () => {
    const root = tree({ 'src/core/README.md': 'no code\n' });
    made.push(root);
    const r = check(root);
    expect(r.status).toBe(1);
    expect(r.out).toMatch(/nothing was checked/);
  });

  test('the project keeps its layer rules', () => {
    const r = check(ROOT);
    expect(r.out).toMatch(/files keep the layer rules/);
    expect(r.status).toBe(0);
  });

  test('src/core is type-checked with no ambient types (no Apps Script, DOM or Node), and npm test runs that and the check', () => {
    const core = JSON.parse(fs.readFileSync(path.join(ROOT, 'tsconfig.core.json'), 'utf8'));
    expect(core.compilerOptions.types).toEqual([]);
    expect(core.compilerOptions.lib.map((l: string) => l.toLowerCase())).toEqual(['es2022']);
    expect(core.include).toEqual(['src/core']);
    const runner = fs.readFileSync(path.join(ROOT, 'scripts/test.mjs'), 'utf8');
    expect(runner).toContain("'tsconfig.core.json'");
    expect(runner).toContain("'scripts/check-layers.mjs'");
  });

  test('under tsconfig.core.json a core file that reaches for Apps Script, the DOM or Node does not compile; plain ES does', () => {
    // The project's own config, resolved from the project root (where @types would be found),
    // compiling one probe file at a time.
    const parsed = ts.getParsedCommandLineOfConfigFile(path.join(ROOT, 'tsconfig.core.json'), {}, {
      ...ts.sys, onUnRecoverableConfigFileDiagnostic: (d) => { throw new Error(String(d.messageText)); },
    })!;
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rekisteri-core-probe-'));
    made.push(dir);
    const errorsOf = (code: string): string[] => {
      const file = path.join(dir, `probe${Math.random().toString(36).slice(2)}.ts`);
      fs.writeFileSync(file, `${code}\nexport {};\n`);
      const program = ts.createProgram([file], { ...parsed.options, noEmit: true });
      return ts.getPreEmitDiagnostics(program).filter((d) => d.file?.fileName === file).map((d) => ts.flattenDiagnosticMessageText(d.messageText, ' '));
    };
    expect(errorsOf('const n: number = [1, 2].map((x) => x * 2).reduce((a, b) => a + b, 0); void n;')).toEqual([]);
    for (const [code, name] of [['SpreadsheetApp.getActive();', 'SpreadsheetApp'], ['document.title;', 'document'], ['process.env;', 'process'], ['console.log(1);', 'console']]) {
      expect(errorsOf(code).join(' ')).toContain(`Cannot find name '${name}'`);
    }
  });
});
