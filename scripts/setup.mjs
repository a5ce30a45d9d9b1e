#!/usr/bin/env node
// `npm run setup [-- --title <name>]`: creates the register's spreadsheet and its bound Apps
// Script project (`clasp create-script --type sheets --rootDir dist`, which writes the scriptId
// into .clasp.json), then builds dist/ again from src/: create-script pulls the new project's
// blank Code.js and appsscript.json into dist/, and nothing may mistake them for the build.
// Then it says what to do next. Needs `npx clasp login` and the Apps Script API turned on.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkDist } from './stamp.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const at = args.indexOf('--title');
const title = at >= 0 && args[at + 1] ? args[at + 1] : 'Rekisteri';
// REKISTERI_CLASP: another clasp command (the tests use a stand-in that needs no Google account).
const clasp = process.env.REKISTERI_CLASP || path.join(root, 'node_modules', '.bin', process.platform === 'win32' ? 'clasp.cmd' : 'clasp');
// .clasp.json is tracked without a scriptId (rootDir and the file extensions); create-script adds
// this deployment's scriptId and parentId to it.
const claspJson = path.join(root, '.clasp.json');

function fail(message) {
  console.error(`npm run setup: ${message}`);
  process.exit(1);
}

if (args.includes('--help') || args.includes('-h')) {
  console.log('Usage: npm run setup [-- --title <name>]   (README, "Deploying to Google, step by step")');
  process.exit(0);
}
const unknown = args.filter((a, i) => a.startsWith('-') && !['--title'].includes(a) && !(args[i - 1] === '--title'));
if (unknown.length) fail(`unknown option ${unknown.join(' ')}. Usage: npm run setup [-- --title <name>]`);

const project = fs.existsSync(claspJson) ? JSON.parse(fs.readFileSync(claspJson, 'utf8')) : {};
if (project.scriptId) {
  fail(
    `this clone is already bound to the script ${project.scriptId} (.clasp.json). To update it: npm run deploy. ` +
      'To create another spreadsheet instead, remove the "scriptId" and "parentId" lines from .clasp.json first.',
  );
}
// clasp keeps the keys it finds (rootDir, the extensions) and adds the scriptId and parentId.

const created = spawnSync(clasp, ['create-script', '--type', 'sheets', '--title', title, '--rootDir', 'dist'], { cwd: root, stdio: 'inherit' });
if (created.status !== 0) {
  fail('`clasp create-script` failed. Sign in first (`npx clasp login`) and turn on the Apps Script API at https://script.google.com/home/usersettings.');
}

// create-script wrote the new project's blank files into dist/: build over them.
const build = spawnSync(process.execPath, [path.join(root, 'scripts', 'build.mjs'), '--quiet'], { cwd: root, stdio: 'inherit' });
const stamp = build.status === 0 ? checkDist(root) : { ok: false, reason: 'the build failed.' };
if (!stamp.ok) fail(`the spreadsheet was created, but dist/ is not the build: ${stamp.reason}`);

const scriptId = JSON.parse(fs.readFileSync(claspJson, 'utf8')).scriptId;
console.log(
  [
    `Created the spreadsheet "${title}" and its script ${scriptId}; dist/ is the build of src/ again.`,
    'Next (README, "Deploying to Google, step by step"):',
    '  1. npm run deploy                     pushes the build to the script',
    '  2. open the spreadsheet (the link above, or in Google Drive) and reload it',
    '  3. Rekisteri › Käyttöönotto / korjaus  as the spreadsheet owner: authorise, then set-up runs',
    '  4. share the spreadsheet with the key personnel (Editor), add them in the sidebar settings',
  ].join('\n'),
);
