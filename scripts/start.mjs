#!/usr/bin/env node
// `npm start [-- --fresh] [-- --now <ISO time>] [-- --state <file>] [-- --host <address>]`: builds
// dist/ when any source it is built from (src/ except the emulator and the demo world, which are
// never pushed) is newer than it, bundles the dev server over the demo world (src/demo/main.ts)
// into .emulator/devserver.cjs and runs it in this process. Never downloads anything.
import * as esbuild from 'esbuild';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.join(root, 'dist');
const out = path.join(root, '.emulator', 'devserver.cjs');

/** Newest modification time of the files under `dir`, skipping `skip` folders. */
function newest(dir, skip = []) {
  let max = 0;
  if (!fs.existsSync(dir)) return max;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (skip.includes(full)) continue;
    max = Math.max(max, entry.isDirectory() ? newest(full, skip) : fs.statSync(full).mtimeMs);
  }
  return max;
}

/** The oldest output of the build: dist/ counts as stale if any of its files is older than a source. */
function oldestDist() {
  const needed = ['Code.js', 'appsscript.json'].map((f) => path.join(dist, f));
  if (!needed.every((f) => fs.existsSync(f))) return 0;
  return Math.min(...fs.readdirSync(dist).map((f) => fs.statSync(path.join(dist, f)).mtimeMs));
}

const sources = Math.max(
  newest(path.join(root, 'src'), [path.join(root, 'src', 'emulator'), path.join(root, 'src', 'demo')]),
  ...['appsscript.json', 'scripts/build.mjs'].map((f) => (fs.existsSync(path.join(root, f)) ? fs.statSync(path.join(root, f)).mtimeMs : 0)),
);
if (oldestDist() < sources) {
  console.log('Building dist/ …');
  const build = spawnSync(process.execPath, [path.join(root, 'scripts', 'build.mjs')], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) {
    console.error('The build failed; fix it and run npm start again.');
    process.exit(build.status ?? 1);
  }
}

fs.mkdirSync(path.dirname(out), { recursive: true });
await esbuild.build({
  entryPoints: [path.join(root, 'src/demo/main.ts')],
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  packages: 'external',
  outfile: out,
  sourcemap: 'inline',
  logLevel: 'warning',
  absWorkingDir: root,
});

// Run the server here: relative paths (dist/, .emulator/state.json) are the project's.
process.chdir(root);
createRequire(import.meta.url)(out);
