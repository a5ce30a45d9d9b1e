#!/usr/bin/env node
// `npm run bench`: builds, bundles the benchmark (test/bench/bench.ts) for Node and runs it.
// It prints service calls and modelled time (DESIGN §8) at 1k, 10k and 100k register rows,
// beside a naive per-row implementation run in the same process. Nothing here asserts on time.
import * as esbuild from 'esbuild';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(root);
if (spawnSync(process.execPath, ['scripts/build.mjs', '--quiet'], { stdio: 'inherit' }).status !== 0) process.exit(1);
const outfile = path.join(root, '.emulator', 'bench.cjs');
await esbuild.build({
  entryPoints: ['test/bench/bench.ts'], bundle: true, platform: 'node', target: 'node20', format: 'cjs',
  outfile, packages: 'external', logLevel: 'warning',
});
const r = spawnSync(process.execPath, ['--max-old-space-size=8192', outfile, ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(r.status ?? 1);
