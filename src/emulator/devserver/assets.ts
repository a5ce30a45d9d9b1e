/**
 * The browser side of the dev server, bundled with esbuild from `client/`: the emulator page
 * (Preact) and the `google.script` shim the frames get (which bundles `../wire.ts`, so the
 * browser applies exactly the argument rules the runtime does).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { buildSync } from 'esbuild';

export interface ClientAssets {
  pageJs: string;
  pageCss: string;
  shimJs: string;
}

/** The repository root: the nearest folder above this file with the project's package.json. */
export function projectRoot(from: string = __dirname): string {
  let dir = path.resolve(from);
  for (;;) {
    const pkg = path.join(dir, 'package.json');
    if (fs.existsSync(pkg) && fs.existsSync(path.join(dir, 'src/emulator/devserver/client'))) return dir;
    const up = path.dirname(dir);
    if (up === dir) throw new Error(`Cannot find the project root above ${from}`);
    dir = up;
  }
}

let cache: ClientAssets | null = null;

/** Bundles the page and the shim (once per process). */
export function clientAssets(root: string = projectRoot()): ClientAssets {
  if (cache) return cache;
  const clientDir = path.join(root, 'src/emulator/devserver/client');
  const bundle = (entry: string) =>
    buildSync({
      entryPoints: [path.join(clientDir, entry)],
      bundle: true,
      write: false,
      format: 'iife',
      platform: 'browser',
      target: 'es2020',
      charset: 'utf8',
      legalComments: 'none',
      logLevel: 'silent',
      minify: true,
      outdir: 'out',
      absWorkingDir: root,
    }).outputFiles;
  const page = bundle('page.ts');
  const shim = bundle('shim.ts');
  cache = {
    pageJs: page.find((f) => f.path.endsWith('.js'))!.text,
    pageCss: fs.readFileSync(path.join(clientDir, 'page.css'), 'utf8'),
    shimJs: shim.find((f) => f.path.endsWith('.js'))!.text,
  };
  return cache;
}
