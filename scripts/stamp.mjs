#!/usr/bin/env node
// The build stamp: dist/.build-stamp.json says which sources dist/ was built from (one hash of
// src/ except the emulator and the demo world, appsscript.json, the build scripts and the
// lockfile) and the hash of every file the build wrote. `npm run deploy` refuses to push and
// `npm start` rebuilds when dist/ is not the build of the current sources: a file that
// `clasp create-script` or `clasp pull` wrote into dist/ (the new project's blank Code.js and
// appsscript.json), a file edited by hand, or sources changed since. The stamp is not pushed
// (.claspignore lets through only Code.js, *.html and appsscript.json).
// `node scripts/stamp.mjs` checks dist/ and says so (exit 1 when it is not the build).
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const STAMP_FILE = '.build-stamp.json';

/** What the build is made of, relative to the project root: folders walked whole, minus the skipped ones. */
const SOURCES = ['src', 'appsscript.json', 'scripts/build.mjs', 'scripts/stamp.mjs', 'package-lock.json'];
/** Never pushed, so never part of the build's inputs. */
const NOT_SOURCES = ['src/emulator', 'src/demo'];

const sha256 = (data) => crypto.createHash('sha256').update(data).digest('hex');

function walk(root, rel, out) {
  if (NOT_SOURCES.includes(rel)) return;
  const full = path.join(root, rel);
  if (!fs.existsSync(full)) return;
  if (fs.statSync(full).isDirectory()) {
    for (const name of fs.readdirSync(full).sort()) walk(root, path.posix.join(rel, name), out);
  } else {
    out.push(rel);
  }
}

/** One hash of every source file's path and content. */
export function sourceHash(root) {
  const files = [];
  for (const s of SOURCES) walk(root, s, files);
  const h = crypto.createHash('sha256');
  for (const rel of files) h.update(`${rel}\0`).update(fs.readFileSync(path.join(root, rel))).update('\0');
  return h.digest('hex');
}

/** Writes the stamp for the files the build just wrote into dist/ (names relative to dist/). */
export function writeStamp(root, files) {
  const dist = path.join(root, 'dist');
  const stamp = {
    note: 'Written by scripts/build.mjs; checked by npm run deploy and npm start. Not pushed.',
    sources: sourceHash(root),
    files: Object.fromEntries([...files].sort().map((f) => [f, sha256(fs.readFileSync(path.join(dist, f)))])),
  };
  fs.writeFileSync(path.join(dist, STAMP_FILE), JSON.stringify(stamp, null, 2) + '\n');
  return stamp;
}

/** Files in dist/ that clasp would push by their name (scripts, pages, the manifest), top level only. */
function pushable(dist) {
  return fs.existsSync(dist) ? fs.readdirSync(dist).filter((f) => /\.(js|gs|html)$/.test(f) || f === 'appsscript.json') : [];
}

/**
 * Is dist/ the build of the current sources? `{ ok: true, files }` with the built files, or
 * `{ ok: false, reason }` saying what is wrong and what to do.
 */
export function checkDist(root) {
  const dist = path.join(root, 'dist');
  const stampPath = path.join(dist, STAMP_FILE);
  if (!fs.existsSync(stampPath)) {
    return { ok: false, reason: 'dist/ has no build stamp: it was not made by `npm run build` (or clasp wrote into it). Run `npm run build`.' };
  }
  let stamp;
  try {
    stamp = JSON.parse(fs.readFileSync(stampPath, 'utf8'));
  } catch {
    return { ok: false, reason: `dist/${STAMP_FILE} is not readable. Run \`npm run build\`.` };
  }
  if (stamp.sources !== sourceHash(root)) {
    return { ok: false, reason: 'dist/ was built from other sources than the current src/ (or appsscript.json). Run `npm run build`.' };
  }
  for (const [file, hash] of Object.entries(stamp.files ?? {})) {
    const full = path.join(dist, file);
    if (!fs.existsSync(full)) return { ok: false, reason: `dist/${file} is missing. Run \`npm run build\`.` };
    if (sha256(fs.readFileSync(full)) !== hash) {
      return {
        ok: false,
        reason: `dist/${file} is not the file the build wrote: it changed after the build (\`clasp create-script\` and \`clasp pull\` write the Apps Script project's own files into dist/). Run \`npm run build\`.`,
      };
    }
  }
  const stray = pushable(dist).filter((f) => !(f in (stamp.files ?? {})));
  if (stray.length) return { ok: false, reason: `dist/ holds files the build did not write: ${stray.join(', ')}. Run \`npm run build\`.` };
  return { ok: true, files: Object.keys(stamp.files) };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  const result = checkDist(root);
  if (result.ok) console.log(`dist/ is the build of the current sources: ${result.files.join(', ')}`);
  else console.error(result.reason);
  process.exit(result.ok ? 0 : 1);
}
