#!/usr/bin/env node
// Builds what `clasp push` sends to Google, into dist/:
//   Code.js         one classic script: the server bundle plus a top-level `function name() {}`
//                   for every export of src/server/index.ts (Apps Script calls only those)
//   <Entry>.html    one self-contained page per UI entry in src/ui/<entry>/ (script and styles inlined)
//   appsscript.json the manifest (time zone, V8, explicit narrowest scopes)
//   .build-stamp.json what dist/ was built from and each file's hash (scripts/stamp.mjs; never pushed)
// It refuses to write a bundle that Apps Script would reject (module syntax, require, Node globals).
import * as esbuild from 'esbuild';
import { parse } from 'acorn';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeStamp } from './stamp.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.join(root, 'dist');
const started = Date.now();

/** Names a classic Apps Script bundle must not reach for. */
const FORBIDDEN_GLOBALS = ['require', 'process', 'module', 'exports', 'Buffer', 'setTimeout', 'setInterval', '__dirname', 'global'];

async function buildServer() {
  const entry = path.join(root, 'src/server/index.ts');
  // First pass: which names does the server export? (the public surface of the script)
  const probe = await esbuild.build({
    entryPoints: [entry], bundle: true, write: false, format: 'esm', metafile: true, platform: 'neutral', target: 'es2020', logLevel: 'silent',
  });
  const out = Object.values(probe.metafile.outputs).find((o) => o.entryPoint);
  const exported = [...(out?.exports ?? [])].sort();
  const bad = exported.filter((n) => n.endsWith('_') || !/^[A-Za-z_$][\w$]*$/.test(n));
  if (bad.length) throw new Error(`src/server/index.ts exports names Apps Script cannot call: ${bad.join(', ')}`);

  const result = await esbuild.build({
    entryPoints: [entry], bundle: true, write: false, format: 'iife', globalName: '__rekisteri',
    platform: 'neutral', target: 'es2020', charset: 'utf8', legalComments: 'none', logLevel: 'silent',
    mainFields: ['module', 'main'],
    // The manifest's scopes, for the compliance check's "scopes as documented" (src/server/compliance.ts).
    define: { REKISTERI_SCOPES: JSON.stringify(JSON.parse(fs.readFileSync(path.join(root, 'appsscript.json'), 'utf8')).oauthScopes) },
  });
  const body = result.outputFiles[0].text;
  const stubs = exported
    .map((name) => `/** Entry point: see src/server/index.ts. */\nfunction ${name}() {\n  return __rekisteri.${name}.apply(this, arguments);\n}`)
    .join('\n');
  const code = `// Rekisteri — built by scripts/build.mjs from src/server. Do not edit; edit src/ and rebuild.\n${body}\n${stubs}\n`;
  checkClassicScript(code, exported);
  fs.writeFileSync(path.join(dist, 'Code.js'), code);
  return { bytes: Buffer.byteLength(code), exported };
}

/** Fails the build where Apps Script would fail at save or run time. */
function checkClassicScript(code, exported) {
  const ast = parse(code, { ecmaVersion: 2022, sourceType: 'script' }); // throws on import/export
  const declared = new Set(ast.body.filter((n) => n.type === 'FunctionDeclaration').map((n) => n.id.name));
  const missing = exported.filter((n) => !declared.has(n));
  if (missing.length) throw new Error(`Code.js lacks top-level functions for: ${missing.join(', ')}`);
  for (const name of FORBIDDEN_GLOBALS) {
    const re = new RegExp(`(?<![\\w$.'"])${name}\\s*[.(]`);
    if (re.test(code)) throw new Error(`Code.js uses "${name}", which does not exist in Apps Script`);
  }
}

async function buildUi() {
  const uiDir = path.join(root, 'src/ui');
  const entries = fs.existsSync(uiDir)
    ? fs.readdirSync(uiDir).filter((d) => fs.existsSync(path.join(uiDir, d, 'index.tsx')))
    : [];
  const pages = [];
  for (const dir of entries) {
    const name = dir.charAt(0).toUpperCase() + dir.slice(1); // sidebar → Sidebar.html
    const result = await esbuild.build({
      entryPoints: [path.join(uiDir, dir, 'index.tsx')], bundle: true, write: false, format: 'iife', platform: 'browser',
      target: 'es2020', minify: true, jsx: 'automatic', jsxImportSource: 'preact', outdir: 'out', charset: 'utf8',
      legalComments: 'none', logLevel: 'silent', loader: { '.css': 'css' },
    });
    const js = result.outputFiles.find((f) => f.path.endsWith('.js'))?.text ?? '';
    const css = result.outputFiles.find((f) => f.path.endsWith('.css'))?.text ?? '';
    const title = fs.existsSync(path.join(uiDir, dir, 'title.txt')) ? fs.readFileSync(path.join(uiDir, dir, 'title.txt'), 'utf8').trim() : 'Rekisteri';
    // A script's text may not contain "</script": it would end the element early.
    const safeJs = js.replace(/<\/(script)/gi, '<\\/$1');
    const safeCss = css.replace(/<\/(style)/gi, '<\\/$1');
    const html = `<!DOCTYPE html>\n<html lang="fi">\n<head>\n<base target="_top">\n<meta charset="utf-8">\n<title>${title}</title>\n<style>${safeCss}</style>\n</head>\n<body>\n<div id="app"></div>\n<script>${safeJs}</script>\n</body>\n</html>\n`;
    fs.writeFileSync(path.join(dist, `${name}.html`), html);
    pages.push({ name: `${name}.html`, bytes: Buffer.byteLength(html) });
  }
  return pages;
}

function writeManifest() {
  const manifest = JSON.parse(fs.readFileSync(path.join(root, 'appsscript.json'), 'utf8'));
  fs.writeFileSync(path.join(dist, 'appsscript.json'), JSON.stringify(manifest, null, 2) + '\n');
  return manifest;
}

fs.rmSync(dist, { recursive: true, force: true });
fs.mkdirSync(dist, { recursive: true });
try {
  const server = await buildServer();
  const pages = await buildUi();
  const manifest = writeManifest();
  // Last: the stamp covers exactly what this build wrote.
  writeStamp(root, ['Code.js', ...pages.map((p) => p.name), 'appsscript.json']);
  const quiet = process.argv.includes('--quiet');
  if (!quiet) {
    console.log(`dist/Code.js ${(server.bytes / 1024).toFixed(1)} KiB, entry points: ${server.exported.join(', ')}`);
    for (const p of pages) console.log(`dist/${p.name} ${(p.bytes / 1024).toFixed(1)} KiB`);
    console.log(`dist/appsscript.json scopes: ${manifest.oauthScopes.length}; built in ${Date.now() - started} ms`);
  }
} catch (e) {
  console.error(`Build failed: ${e.message}`);
  process.exit(1);
}
