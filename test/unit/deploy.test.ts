/**
 * Setup and deploy that cannot push the wrong thing (issue 11): clasp 3 itself, offline, over a
 * temporary copy of the project bound to a made-up scriptId, lists exactly the build's files as
 * its push set (the bundle, every .html page, the manifest; no stamp, no stray file); the build
 * stamp tells the build from the blank Code.js and appsscript.json `clasp create-script` writes
 * into dist/; `npm run deploy -- --check` and `npm run setup` act on it.
 *
 * clasp needs no Google account to list files (`clasp show-file-status --json` reads
 * .clasp.json, .claspignore and dist/ only): it runs with HOME pointing at an empty folder, so
 * no credentials are read or needed. `npm run setup` runs with a stand-in for clasp
 * (REKISTERI_CLASP) that does what `clasp create-script --rootDir dist` does locally.
 */
import { spawnSync, SpawnSyncReturns } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

jest.setTimeout(120_000);

const repo = path.resolve(__dirname, '../..');
const CLASP = path.join(repo, 'node_modules', '.bin', 'clasp');
const SCRIPT_ID = '1made-up-script-id-for-the-offline-push-set-test';
/** What `clasp create-script --type sheets` pulls into rootDir: the new project's blank files. */
const BLANK_CODE = 'function myFunction() {\n  \n}\n';
const BLANK_MANIFEST = '{\n  "timeZone": "America/New_York",\n  "dependencies": {},\n  "exceptionLogging": "STACKDRIVER",\n  "runtimeVersion": "V8"\n}';

let dir: string;
let home: string;

function run(cmd: string, args: string[], env: Record<string, string> = {}): SpawnSyncReturns<string> {
  return spawnSync(cmd, args, { cwd: dir, encoding: 'utf8', env: { PATH: process.env.PATH ?? '', HOME: home, ...env }, timeout: 60_000 });
}
const node = (script: string, ...args: string[]) => run(process.execPath, [script, ...args]);
const build = () => expect(node('scripts/build.mjs', '--quiet').status).toBe(0);
const write = (rel: string, text: string) => {
  fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
  fs.writeFileSync(path.join(dir, rel), text);
};
/** The keys of the tracked project file the push set depends on; never the clone's own binding. */
const PROJECT_KEYS = ['rootDir', 'scriptExtensions', 'htmlExtensions', 'jsonExtensions'];
/** The copy's .clasp.json: bound to `scriptId`, or with none (null) as in a fresh clone. */
const bind = (scriptId: string | null) => {
  const tracked = JSON.parse(fs.readFileSync(path.join(repo, '.clasp.json'), 'utf8'));
  const project = Object.fromEntries(PROJECT_KEYS.filter((k) => k in tracked).map((k) => [k, tracked[k]]));
  write('.clasp.json', JSON.stringify(scriptId ? { ...project, scriptId } : project, null, 2));
};
const boundTo = () => JSON.parse(fs.readFileSync(path.join(dir, '.clasp.json'), 'utf8')).scriptId;

/** What clasp itself says it would push. */
function pushSet(): string[] {
  const status = run(CLASP, ['show-file-status', '--json']);
  expect(status.stderr).toBe('');
  expect(status.status).toBe(0);
  return (JSON.parse(status.stdout).filesToPush as string[]).sort();
}

beforeAll(() => {
  // The project as a clone has it (what the build reads), with node_modules shared.
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rekisteri-deploy-'));
  home = path.join(dir, '.home');
  fs.mkdirSync(home);
  for (const rel of ['src/core', 'src/gas', 'src/server', 'src/ui', 'scripts', 'appsscript.json', 'package.json', 'package-lock.json', '.claspignore']) {
    fs.cpSync(path.join(repo, rel), path.join(dir, rel), { recursive: true });
  }
  fs.symlinkSync(path.join(repo, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  // A second UI entry, as a dialog would be: every page must be pushed.
  write('src/ui/dialog/index.tsx', "import { render } from 'preact';\nrender(<p>Dialog</p>, document.getElementById('app')!);\n");
  bind(SCRIPT_ID);
  build();
});

afterAll(() => {
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

describe('the push set, as clasp 3 lists it offline for a made-up scriptId', () => {
  test('is the bundle, every .html page and the manifest: nothing else in dist/ is pushed', () => {
    // Decoys: the build stamp is there already; a note, a stray script, a JSON file, a nested page.
    write('dist/notes.txt', 'not for Google');
    write('dist/stray.js', 'function stray() {}');
    write('dist/other.json', '{}');
    write('dist/sub/Nested.html', '<p>nested</p>');
    try {
      expect(fs.existsSync(path.join(dir, 'dist/.build-stamp.json'))).toBe(true);
      expect(pushSet()).toEqual(['dist/Admin.html', 'dist/Code.js', 'dist/Dialog.html', 'dist/Requests.html', 'dist/Sidebar.html', 'dist/appsscript.json']);
    } finally {
      for (const f of ['dist/notes.txt', 'dist/stray.js', 'dist/other.json', 'dist/sub']) fs.rmSync(path.join(dir, f), { recursive: true, force: true });
    }
  });

  test('`npm run deploy -- --check` shows that push set and accepts it', () => {
    const check = node('scripts/deploy.mjs', '--check');
    expect(check.stderr).toBe('');
    expect(check.status).toBe(0);
    for (const f of ['dist/Admin.html', 'dist/Code.js', 'dist/Dialog.html', 'dist/Requests.html', 'dist/Sidebar.html', 'dist/appsscript.json']) expect(check.stdout).toContain(f);
    expect(check.stdout).not.toMatch(/build-stamp/);
  });
});

describe('the build stamp', () => {
  afterEach(build);

  test('the blank Code.js and appsscript.json that create-script writes into dist/ are not the build', () => {
    write('dist/Code.js', BLANK_CODE);
    write('dist/appsscript.json', BLANK_MANIFEST);
    const stamp = node('scripts/stamp.mjs');
    expect(stamp.status).toBe(1);
    expect(stamp.stderr).toMatch(/dist\/Code\.js is not the file the build wrote/);
    const check = node('scripts/deploy.mjs', '--check');
    expect(check.status).toBe(1);
    expect(check.stderr).toMatch(/not the file the build wrote.*Nothing was pushed/s);
  });

  test('a source changed since the build makes dist/ stale', () => {
    const file = path.join(dir, 'src/core/texts.ts');
    const before = fs.readFileSync(file, 'utf8');
    fs.appendFileSync(file, '\n// changed\n');
    try {
      expect(node('scripts/stamp.mjs').stderr).toMatch(/built from other sources than the current src/);
      expect(node('scripts/deploy.mjs', '--check').status).toBe(1);
    } finally {
      fs.writeFileSync(file, before);
    }
  });

  test('a script or page in dist/ that the build did not write is refused', () => {
    write('dist/Old.js', 'function old() {}');
    try {
      expect(node('scripts/deploy.mjs', '--check').stderr).toMatch(/files the build did not write: Old\.js/);
    } finally {
      fs.rmSync(path.join(dir, 'dist/Old.js'));
    }
  });

  test('no stamp at all (dist/ from elsewhere) is refused', () => {
    fs.rmSync(path.join(dir, 'dist/.build-stamp.json'));
    expect(node('scripts/deploy.mjs', '--check').stderr).toMatch(/no build stamp/);
  });

  test("the test binds the copy to its made-up scriptId whatever the clone's own .clasp.json says", () => {
    bind(SCRIPT_ID);
    expect(boundTo()).toBe(SCRIPT_ID);
    expect(Object.keys(JSON.parse(fs.readFileSync(path.join(dir, '.clasp.json'), 'utf8'))).sort()).toEqual([...PROJECT_KEYS, 'scriptId'].sort());
  });

  test('deploy without a scriptId says to run npm run setup first', () => {
    bind(null);
    try {
      const check = node('scripts/deploy.mjs', '--check');
      expect(check.status).toBe(1);
      expect(check.stderr).toMatch(/Run `npm run setup` first/);
    } finally {
      bind(SCRIPT_ID);
    }
  });
});

describe('npm run deploy', () => {
  /** clasp itself for the file list; a push is only recorded (there is no Google here). */
  function recordingClasp(extra: string[] = []): string {
    const file = path.join(dir, '.home', 'recording-clasp.mjs');
    fs.writeFileSync(
      file,
      `#!${process.execPath}\n` +
        "import fs from 'node:fs';\nimport { spawnSync } from 'node:child_process';\n" +
        "const args = process.argv.slice(2);\n" +
        "fs.appendFileSync('.home/deploy-calls.txt', args.join(' ') + '\\n');\n" +
        "if (args[0] === 'show-file-status') {\n" +
        `  const out = JSON.parse(spawnSync(${JSON.stringify(CLASP)}, args, { encoding: 'utf8' }).stdout);\n` +
        `  out.filesToPush.push(...${JSON.stringify(extra)});\n` +
        '  console.log(JSON.stringify(out));\n' +
        '}\n',
    );
    fs.chmodSync(file, 0o755);
    fs.rmSync(path.join(dir, '.home/deploy-calls.txt'), { force: true });
    return file;
  }

  test('builds, checks, shows the push set, then pushes with --force', () => {
    bind(SCRIPT_ID);
    write('dist/Code.js', BLANK_CODE); // as create-script left it: the build replaces it
    const deploy = run(process.execPath, ['scripts/deploy.mjs'], { REKISTERI_CLASP: recordingClasp() });
    expect(deploy.stderr).toBe('');
    expect(deploy.status).toBe(0);
    expect(fs.readFileSync(path.join(dir, '.home/deploy-calls.txt'), 'utf8')).toBe('show-file-status --json\npush --force\n');
    expect(deploy.stdout).toMatch(/clasp will push[^]*dist\/Code\.js[^]*Pushed/);
    expect(fs.readFileSync(path.join(dir, 'dist/Code.js'), 'utf8')).not.toBe(BLANK_CODE);
  });

  test('pushes nothing when clasp would push more than the build', () => {
    const deploy = run(process.execPath, ['scripts/deploy.mjs', '--dry-run'], { REKISTERI_CLASP: recordingClasp(['dist/Extra.js']) });
    expect(deploy.status).toBe(1);
    expect(deploy.stderr).toMatch(/clasp would push .*Extra\.js.*Nothing was pushed/);
    expect(fs.readFileSync(path.join(dir, '.home/deploy-calls.txt'), 'utf8')).not.toMatch(/push --force/);
  });
});

describe("the clone's binding (.clasp.json) is its own", () => {
  test('the tracked .clasp.json names no script: a fresh clone is bound to nothing until setup writes its scriptId', () => {
    const committed = spawnSync('git', ['show', 'HEAD:.clasp.json'], { cwd: repo, encoding: 'utf8' });
    expect(committed.status).toBe(0);
    const project = JSON.parse(committed.stdout);
    expect(project.scriptId).toBeUndefined();
    expect(project.parentId).toBeUndefined();
    expect(project.rootDir).toBe('dist');
  });

  test('deploy refuses an option it does not have (setup\'s --title), and pushes nothing', () => {
    bind(SCRIPT_ID);
    const deploy = run(process.execPath, ['scripts/deploy.mjs', '--title', 'Toinen'], { REKISTERI_CLASP: '/nonexistent/clasp' });
    expect(deploy.status).toBe(1);
    expect(deploy.stderr).toMatch(/unknown option --title Toinen/);
  });

  test.each([['setup', 'scripts/setup.mjs', /npm run setup/], ['deploy', 'scripts/deploy.mjs', /npm run deploy/]])('%s --help prints its usage', (_, script, usage) => {
    for (const flag of ['--help', '-h']) {
      const help = node(script, flag);
      expect(help.status).toBe(0);
      expect(help.stdout).toMatch(usage);
    }
  });
});

describe('npm run setup', () => {
  /** A stand-in for `clasp create-script --rootDir dist`: binds .clasp.json and pulls the blank project into dist/. */
  function fakeClasp(): string {
    const file = path.join(dir, '.home', 'fake-clasp.mjs');
    fs.writeFileSync(
      file,
      `#!${process.execPath}\n` +
        "import fs from 'node:fs';\n" +
        "const args = process.argv.slice(2);\n" +
        "fs.appendFileSync('.home/clasp-calls.txt', args.join(' ') + '\\n');\n" +
        "const project = JSON.parse(fs.readFileSync('.clasp.json', 'utf8'));\n" +
        `fs.writeFileSync('.clasp.json', JSON.stringify({ ...project, scriptId: ${JSON.stringify(SCRIPT_ID)}, parentId: ['1made-up-sheet'] }));\n` +
        "fs.mkdirSync('dist', { recursive: true });\n" +
        `fs.writeFileSync('dist/Code.js', ${JSON.stringify(BLANK_CODE)});\n` +
        `fs.writeFileSync('dist/appsscript.json', ${JSON.stringify(BLANK_MANIFEST)});\n`,
    );
    fs.chmodSync(file, 0o755);
    return file;
  }

  test('creates the bound script, then leaves dist/ built from src/ again (not the blank project)', () => {
    bind(null);
    const setup = run(process.execPath, ['scripts/setup.mjs'], { REKISTERI_CLASP: fakeClasp() });
    expect(setup.stderr).toBe('');
    expect(setup.status).toBe(0);
    expect(fs.readFileSync(path.join(dir, '.home/clasp-calls.txt'), 'utf8')).toBe('create-script --type sheets --title Rekisteri --rootDir dist\n');
    expect(fs.readFileSync(path.join(dir, 'dist/Code.js'), 'utf8')).not.toBe(BLANK_CODE);
    expect(JSON.parse(fs.readFileSync(path.join(dir, 'dist/appsscript.json'), 'utf8')).timeZone).toBe('Europe/Helsinki');
    expect(node('scripts/stamp.mjs').status).toBe(0);
    expect(setup.stdout).toMatch(/npm run deploy/);
    expect(setup.stdout).toMatch(/Käyttöönotto \/ korjaus/);
    expect(pushSet()).toEqual(['dist/Admin.html', 'dist/Code.js', 'dist/Dialog.html', 'dist/Requests.html', 'dist/Sidebar.html', 'dist/appsscript.json']);
    // The tracked file's keys, which clasp kept, and the new binding.
    const made = JSON.parse(fs.readFileSync(path.join(dir, '.clasp.json'), 'utf8'));
    const tracked = JSON.parse(fs.readFileSync(path.join(repo, '.clasp.json'), 'utf8'));
    expect(made).toMatchObject({ ...Object.fromEntries(PROJECT_KEYS.map((k) => [k, tracked[k]])), scriptId: SCRIPT_ID });
  });

  test('refuses to create a second script for a clone that is already bound', () => {
    bind(SCRIPT_ID);
    const setup = run(process.execPath, ['scripts/setup.mjs'], { REKISTERI_CLASP: '/nonexistent/clasp' });
    expect(setup.status).toBe(1);
    expect(setup.stderr).toMatch(/already bound to the script 1made-up/);
  });
});
