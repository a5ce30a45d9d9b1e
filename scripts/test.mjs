#!/usr/bin/env node
// `npm test`: type-check, check the layers, build, make sure Debian's Chromium is there for the
// browser tests, run every jest suite (unit, emulator, integration, e2e), and end with one line
// "N passed, N failed" (the type-check, the layer check and the build count as one check each).
// Extra arguments go to jest.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(root);
const bin = (name) => path.join(root, 'node_modules', '.bin', name);
const run = (cmd, args, opts = {}) => spawnSync(cmd, args, { stdio: 'inherit', ...opts });
let passed = 0;
let failed = 0;
const step = (name, ok) => {
  if (ok) passed += 1;
  else failed += 1;
  console.log(`${ok ? '✓' : '✗'} ${name}`);
};

// 1. Type-check: the core with no ambient types at all (no Apps Script, DOM or Node), the Apps
// Script code (no Node types), the UI (DOM), the emulator, the demo world and tests (Node).
const configs = ['tsconfig.core.json', 'tsconfig.gas.json', 'tsconfig.ui.json', 'tsconfig.json'];
const tsc = configs.map((p) => run(bin('tsc'), ['--noEmit', '-p', p]).status === 0);
step(`type-check (${configs.join(', ')})`, tsc.every(Boolean));

// 2. The layers: what each folder of src/ may import, and no clock in core and the UI.
step('layer check (scripts/check-layers.mjs)', run(process.execPath, ['scripts/check-layers.mjs']).status === 0);

// 3. Build dist/, which the integration and browser suites load.
step('build (npm run build)', run(process.execPath, ['scripts/build.mjs']).status === 0);

// 4. Debian's Chromium for the browser suite.
const chromium = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
if (!fs.existsSync(chromium)) {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (isRoot && fs.existsSync('/usr/bin/apt-get')) {
    console.log('Installing Debian\'s Chromium for the browser tests (apt-get install chromium)…');
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    run('apt-get', ['update', '-qq'], { env });
    run('apt-get', ['install', '-y', '-qq', 'chromium'], { env });
  }
  if (!fs.existsSync(chromium)) {
    console.error('\nThe browser tests need Debian\'s Chromium. Install it with:\n\n  sudo apt-get update && sudo apt-get install -y chromium\n\n(or set CHROMIUM_PATH to a Chromium binary) and run npm test again.');
    console.log(`${passed} passed, ${failed + 1} failed`);
    process.exit(1);
  }
}

// 5. Every jest suite, one report.
const report = path.join(os.tmpdir(), `rekisteri-jest-${process.pid}.json`);
const jest = run(process.execPath, [bin('jest'), '--json', `--outputFile=${report}`, ...process.argv.slice(2)], {
  env: { ...process.env, CHROMIUM_PATH: chromium },
});
if (fs.existsSync(report)) {
  const r = JSON.parse(fs.readFileSync(report, 'utf8'));
  passed += r.numPassedTests;
  failed += r.numFailedTests;
  // A suite that failed to load has no failed tests of its own; count it so it cannot hide.
  failed += r.testResults.filter((s) => s.status === 'failed' && s.assertionResults.every((a) => a.status !== 'failed')).length;
  fs.rmSync(report);
} else {
  failed += 1;
}
if (jest.status !== 0 && failed === 0) failed += 1;
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
