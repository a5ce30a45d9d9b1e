#!/usr/bin/env node
// `npm run deploy [-- --dry-run | --check]`: builds dist/, checks that dist/ is the build of the
// current sources (the build stamp, scripts/stamp.mjs), shows what clasp will push and checks
// that it is exactly the build's files (Code.js, every .html page, appsscript.json), then
// pushes with `clasp push --force` (which replaces the whole Apps Script project; --force
// answers yes to clasp's question about a changed manifest).
//   --dry-run  build, check and show the push set; do not push
//   --check    check dist/ as it is and show the push set; neither build nor push
// Needs `npm run setup` first (the scriptId in .clasp.json, this clone's git-ignored binding) and,
// to push, `clasp login`.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkDist } from './stamp.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const check = args.includes('--check');
const dryRun = check || args.includes('--dry-run');
// REKISTERI_CLASP: another clasp command (the tests use a stand-in that needs no Google account).
const clasp = process.env.REKISTERI_CLASP || path.join(root, 'node_modules', '.bin', process.platform === 'win32' ? 'clasp.cmd' : 'clasp');

function fail(message) {
  console.error(`npm run deploy: ${message}`);
  process.exit(1);
}

if (args.includes('--help') || args.includes('-h')) {
  console.log('Usage: npm run deploy [-- --dry-run | --check]   (README, "Deploying to Google, step by step")');
  process.exit(0);
}
// Every argument is an option of deploy's own: anything else (setup's --title too) is refused.
const unknown = args.filter((a) => !['--dry-run', '--check'].includes(a));
if (unknown.length) fail(`unknown option ${unknown.join(' ')}. Usage: npm run deploy [-- --dry-run | --check]`);

const project = (() => {
  try {
    return JSON.parse(fs.readFileSync(path.join(root, '.clasp.json'), 'utf8'));
  } catch {
    return {};
  }
})();
if (!project.scriptId) fail('.clasp.json (this clone\'s binding, made by setup) has no scriptId or is missing: this clone is not bound to a spreadsheet yet. Run `npm run setup` first (README, "Deploying to Google, step by step").');
if (project.rootDir !== 'dist') fail(`.clasp.json must say "rootDir": "dist" (it says ${JSON.stringify(project.rootDir)}): clasp pushes the build, never src/.`);

if (!check) {
  const build = spawnSync(process.execPath, [path.join(root, 'scripts', 'build.mjs'), '--quiet'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) fail('the build failed; nothing was pushed.');
}

const stamp = checkDist(root);
if (!stamp.ok) fail(`${stamp.reason} Nothing was pushed.`);

// What clasp itself would push (it reads .clasp.json and .claspignore; no Google account needed).
const status = spawnSync(clasp, ['show-file-status', '--json'], { cwd: root, encoding: 'utf8' });
if (status.status !== 0) fail(`\`clasp show-file-status\` failed: ${(status.stderr || status.stdout).trim()}`);
let listed;
try {
  listed = JSON.parse(status.stdout).filesToPush.map((f) => path.relative('dist', f).split(path.sep).join('/')).sort();
} catch {
  fail(`could not read clasp's file list: ${status.stdout.trim()}`);
}
const built = [...stamp.files].sort();
console.log('clasp will push (replacing the whole Apps Script project):');
for (const f of listed) console.log(`  dist/${f}`);
if (JSON.stringify(listed) !== JSON.stringify(built)) {
  fail(`clasp would push ${listed.join(', ') || 'nothing'}, but the build is ${built.join(', ')}. Check .claspignore and .clasp.json. Nothing was pushed.`);
}
if (dryRun) {
  console.log(check ? 'Checked; not pushed (--check).' : 'Built and checked; not pushed (--dry-run).');
  process.exit(0);
}

const push = spawnSync(clasp, ['push', '--force'], { cwd: root, stdio: 'inherit' });
if (push.status !== 0) {
  fail('`clasp push` failed. Are you signed in (`npx clasp login`) and is the Apps Script API on (https://script.google.com/home/usersettings)?');
}
console.log(
  [
    'Pushed. Next:',
    '  - reload the spreadsheet (npx clasp open-container opens it);',
    '  - when a call says so (a release that changed the tabs or settings), an admin runs Rekisteri › Käyttöönotto / korjaus;',
    '  - to keep this release for a rollback: npx clasp create-version "<what changed>" and tag the commit (README, step 10).',
  ].join('\n'),
);
