#!/usr/bin/env node
// `npm start [-- --fresh] [-- --now <ISO time>] [-- --state <file>] [-- --host <address>]`: builds
// dist/ when it is not the build of the current sources (its build stamp, scripts/stamp.mjs:
// src/ except the emulator and the demo world, which are never pushed), bundles the dev server
// over the demo world (src/demo/main.ts) into .emulator/devserver.cjs and runs it in this
// process. Never downloads anything.
import * as esbuild from 'esbuild';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { checkDist } from './stamp.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.join(root, '.emulator', 'devserver.cjs');

// dist/ is rebuilt unless its build stamp says it is the build of the current sources
// (scripts/stamp.mjs): a blank Code.js that `clasp create-script` or `clasp pull` wrote into
// dist/ is not served, whatever its modification time.
const stamp = checkDist(root);
if (!stamp.ok) {
  console.log(`Building dist/ (${stamp.reason.replace(/ Run `npm run build`\.$/, '')}) …`);
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
