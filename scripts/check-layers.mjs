#!/usr/bin/env node
// `node scripts/check-layers.mjs [--root <dir>]`: the layer rules of README "Architecture", held
// by a check rather than by habit. Reads every source file under <root>/src (the project by
// default) with the TypeScript parser and fails (exit 1, one line per breach) when
//   - src/core imports anything outside src/core but its pure packages (valibot, libphonenumber-js, punycode),
//   - src/gas imports src/server, src/ui, src/emulator or src/demo,
//   - src/server imports src/ui, src/emulator or src/demo,
//   - src/ui imports src/gas, src/emulator or src/demo, or src/server other than `import type`
//     (the typed google.script.run client needs the server's signatures, never its code),
//   - src/emulator imports src/core, src/gas, src/server, src/ui or src/demo (it stands alone),
//   - src/demo (the demo world) imports src/server or src/ui,
//   - a folder of src/ has no rule (a new layer must say what it may import),
//   - src/core or src/ui reads the clock (`new Date()`, `Date()`, `Date.now()`, an Intl `format()`
//     with no date): business dates
//     come from the server, whose clock is the script's.
// npm test runs it as one counted step; test/unit/layers.test.ts runs it on small bad trees so it
// cannot pass vacuously.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const LAYERS = ['core', 'gas', 'server', 'ui', 'emulator', 'demo'];

/** What each layer may import: other layers (`layers`), and for core only, the packages listed. */
const RULES = {
  core: { layers: ['core'], packages: ['valibot', 'libphonenumber-js', 'punycode'], why: 'src/core is pure TypeScript: no adapter, no platform' },
  gas: { layers: ['core', 'gas'], why: 'an adapter may not reach the server, the UI or the emulator' },
  server: { layers: ['core', 'gas', 'server'], why: 'the server may not reach the UI or the emulator' },
  ui: { layers: ['core', 'ui'], typeOnly: ['server'], why: 'the UI runs in the browser: only types of the server functions it calls' },
  emulator: { layers: ['emulator'], why: 'the emulator stands alone: it may not know the product' },
  demo: { layers: ['core', 'gas', 'emulator', 'demo'], why: 'the demo world seeds through the emulator and core' },
};

/** Layers whose code may not read the clock for a business date. */
const NO_CLOCK = ['core', 'ui'];

/**
 * Clock reads allowed, per file, as a count (a new read anywhere still fails). None: the sidebar
 * takes now and today from getSidebarInfo.
 */
const ALLOWED_CLOCK_READS = {};

const SOURCE = /\.(ts|tsx|mts|cts|js|mjs|cjs|jsx)$/;

function sourceFiles(dir) {
  const out = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...sourceFiles(full));
    else if (SOURCE.test(entry.name) && !entry.name.endsWith('.d.ts')) out.push(full);
  }
  return out;
}

/** The package an import names: `@scope/name` or `name` (`libphonenumber-js/mobile` → `libphonenumber-js`). */
function packageOf(spec) {
  const parts = spec.split('/');
  return spec.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

/** Every module a file imports: `{spec, line, typeOnly}` (static, re-exports, `import()`, `require()`). */
function importsOf(sf) {
  const found = [];
  const add = (node, spec, typeOnly) => found.push({ spec, typeOnly, line: sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1 });
  const visit = (node) => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      const clause = node.importClause;
      const named = clause?.namedBindings;
      const typeOnly = !!clause && (clause.isTypeOnly ||
        (!clause.name && !!named && ts.isNamedImports(named) && named.elements.length > 0 && named.elements.every((e) => e.isTypeOnly)));
      add(node, node.moduleSpecifier.text, typeOnly);
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      add(node, node.moduleSpecifier.text, node.isTypeOnly);
    } else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference) && ts.isStringLiteral(node.moduleReference.expression)) {
      add(node, node.moduleReference.expression.text, node.isTypeOnly);
    } else if (ts.isCallExpression(node) && node.arguments.length > 0 && ts.isStringLiteralLike(node.arguments[0]) &&
        (node.expression.kind === ts.SyntaxKind.ImportKeyword || (ts.isIdentifier(node.expression) && node.expression.text === 'require'))) {
      add(node, node.arguments[0].text, false);
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument) && ts.isStringLiteral(node.argument.literal)) {
      add(node, node.argument.literal.text, true);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return found;
}

/**
 * Lines where a file reads the clock: `new Date()` / `new Date` without arguments, `Date()`,
 * `Date.now()`, and a `.format()` / `.formatToParts()` with no argument (an Intl.DateTimeFormat
 * then formats the browser's now).
 */
function clockReadsOf(sf) {
  const lines = [];
  const isDate = (e) => ts.isIdentifier(e) && e.text === 'Date';
  const visit = (node) => {
    const hit =
      (ts.isNewExpression(node) && isDate(node.expression) && (!node.arguments || node.arguments.length === 0)) ||
      (ts.isCallExpression(node) && isDate(node.expression)) ||
      (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && isDate(node.expression.expression) && node.expression.name.text === 'now') ||
      (ts.isCallExpression(node) && node.arguments.length === 0 && ts.isPropertyAccessExpression(node.expression) &&
        ['format', 'formatToParts'].includes(node.expression.name.text));
    if (hit) lines.push(sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1);
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return lines;
}

/** Checks the tree under `root`; returns `{problems, notices, files}`. */
export function checkLayers(root) {
  const src = path.join(root, 'src');
  const problems = [];
  const notices = [];
  if (!fs.existsSync(src)) return { problems: [`${src}: no src folder`], notices, files: 0 };
  const files = sourceFiles(src);
  const rel = (f) => path.relative(root, f).split(path.sep).join('/');
  const layerOf = (abs) => {
    const parts = path.relative(src, abs).split(path.sep);
    if (parts[0] === '..' || path.isAbsolute(parts[0])) return 'outside src';
    return parts.length > 1 ? parts[0] : '(src root)';
  };
  for (const file of files) {
    const from = layerOf(file);
    const name = rel(file);
    const rule = RULES[from];
    if (!rule) {
      problems.push(`${name}: src/${from} has no layer rule in scripts/check-layers.mjs (known layers: ${LAYERS.join(', ')})`);
      continue;
    }
    const text = fs.readFileSync(file, 'utf8');
    const kind = file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
    const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, kind);
    for (const { spec, line, typeOnly } of importsOf(sf)) {
      if (spec.startsWith('.') || spec.startsWith('/')) {
        const to = layerOf(path.resolve(path.dirname(file), spec));
        if (rule.layers.includes(to)) continue;
        if (typeOnly && rule.typeOnly?.includes(to)) continue;
        const target = LAYERS.includes(to) ? `src/${to}` : to;
        const hint = rule.typeOnly?.includes(to) ? ' (only `import type` is allowed there)' : '';
        problems.push(`${name}:${line}: src/${from} may not import ${spec} (${target})${hint}: ${rule.why}`);
      } else if (rule.packages) {
        const pkg = packageOf(spec);
        if (!rule.packages.includes(pkg)) {
          problems.push(`${name}:${line}: src/${from} may not import the package ${spec}: ${rule.why} (allowed packages: ${rule.packages.join(', ')})`);
        }
      }
    }
    if (NO_CLOCK.includes(from)) {
      const reads = clockReadsOf(sf);
      const allowed = ALLOWED_CLOCK_READS[name] ?? 0;
      if (reads.length > allowed) {
        for (const line of reads) {
          problems.push(`${name}:${line}: src/${from} reads the clock: business dates come from the server (getSidebarInfo().today, the server's now)`);
        }
      } else if (allowed > reads.length) {
        notices.push(`${name}: ALLOWED_CLOCK_READS allows ${allowed} clock read(s), the file has ${reads.length}: lower or remove the entry in scripts/check-layers.mjs`);
      }
    }
  }
  for (const allowed of Object.keys(ALLOWED_CLOCK_READS)) {
    if (!files.some((f) => rel(f) === allowed)) notices.push(`${allowed}: listed in ALLOWED_CLOCK_READS but not there: remove the entry`);
  }
  return { problems, notices, files: files.length };
}

const isMain = process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  const args = process.argv.slice(2);
  const at = args.indexOf('--root');
  const root = at >= 0 && args[at + 1] ? path.resolve(args[at + 1]) : path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  const { problems, notices, files } = checkLayers(root);
  for (const n of notices) console.log(`note: ${n}`);
  if (problems.length) {
    console.error(`Layer check: ${problems.length} breach(es) in ${files} files:\n${problems.map((p) => `  ${p}`).join('\n')}`);
    process.exit(1);
  }
  if (files === 0) {
    console.error('Layer check: no source files found under src/: nothing was checked');
    process.exit(1);
  }
  console.log(`Layer check: ${files} files keep the layer rules.`);
}
