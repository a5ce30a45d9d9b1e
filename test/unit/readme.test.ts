/**
 * The README keeps up with the code (issue 11): every server function, every route of the dev
 * server, every scope in the manifest, every flag of `npm start`, deploy and setup, and every
 * environment variable the scripts read is documented; and everything it names is in the
 * repository (no path outside it, no link to a file that is not here).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as server from '../../src/server/index';

const root = path.resolve(__dirname, '../..');
const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');
const read = (rel: string) => fs.readFileSync(path.join(root, rel), 'utf8');
/** `:sheet`, `:name`, `:fn` are all one parameter. */
const normal = (route: string) => route.replace(/:\w+/g, ':param');

test('every export of src/server/index.ts is in the server functions table', () => {
  const missing = Object.keys(server).filter((name) => !new RegExp('`' + name + '\\(').test(readme));
  expect(missing).toEqual([]);
});

test('every route of the dev server is documented', () => {
  const routes = [...read('src/emulator/devserver/server.ts').matchAll(/route\('([A-Z]+)', '([^']+)'/g)].map((m) => `${m[1]} ${m[2]}`);
  expect(routes.length).toBeGreaterThan(20);
  const documented = normal(readme);
  const escape = (t: string) => t.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  // Documented as "METHOD /path", or listed after its method ("`GET /a` · `GET /b`", "`GET /b?x=`").
  const undocumented = routes.filter((r) => {
    const [method, p] = r.split(' ');
    return !new RegExp(`${method} ${escape(normal(p))}(?![\\w/-])`).test(documented);
  });
  expect(undocumented).toEqual([]);
});

test('every scope in appsscript.json is explained', () => {
  const scopes = (JSON.parse(read('appsscript.json')) as { oauthScopes: string[] }).oauthScopes;
  expect(scopes.filter((s) => !readme.includes(`\`${s}\``))).toEqual([]);
});

test('every flag of npm start, setup, deploy and the build is documented', () => {
  const flags = new Set<string>();
  for (const rel of ['src/demo/cli.ts', 'scripts/setup.mjs', 'scripts/deploy.mjs', 'scripts/build.mjs']) {
    for (const m of read(rel).matchAll(/(?:===|includes\(|indexOf\()\s*'(--[a-z-]+)'/g)) flags.add(m[1]);
  }
  expect([...flags].sort()).toEqual(expect.arrayContaining(['--check', '--dist', '--dry-run', '--fresh', '--host', '--now', '--quiet', '--state', '--title']));
  expect([...flags].filter((f) => !readme.includes(f))).toEqual([]);
});

test('every environment variable the scripts and the demo read is documented', () => {
  const vars = new Set<string>();
  const files = ['scripts', 'src/demo', 'test/e2e'].flatMap((dir) => fs.readdirSync(path.join(root, dir)).map((f) => path.join(dir, f)));
  for (const rel of files.filter((f) => /\.(mjs|ts)$/.test(f))) {
    for (const m of read(rel).matchAll(/(?:process\.)?env\.([A-Z_]+)/g)) vars.add(m[1]);
  }
  vars.delete('DEBIAN_FRONTEND'); // set for apt-get, not read
  expect([...vars].sort()).toEqual(expect.arrayContaining(['CHROMIUM_PATH', 'PORT', 'REKISTERI_CLASP']));
  expect([...vars].filter((v) => !readme.includes(`\`${v}\``))).toEqual([]);
});

test('the README names nothing outside the repository', () => {
  expect(readme).not.toMatch(/\.\.\/|DESIGN\.md|APPS-SCRIPT\.md|DESIGN §/);
  // Every path it names in backticks (src/…, test/…, scripts/…) exists.
  const paths = [...readme.matchAll(/`((?:src|test|scripts)\/[\w./-]+?)`/g)].map((m) => m[1].replace(/\/$/, ''));
  expect(paths.length).toBeGreaterThan(10);
  expect(paths.filter((p) => !fs.existsSync(path.join(root, p)))).toEqual([]);
  // Relative Markdown links point at files that are here.
  const links = [...readme.matchAll(/\]\((?!https?:|#)([^)]+)\)/g)].map((m) => m[1]);
  expect(links.filter((l) => !fs.existsSync(path.join(root, l)))).toEqual([]);
});

test('the deploy section gives the steps in order', () => {
  const section = readme.slice(readme.indexOf('## Deploying to Google'));
  const steps = [
    'usersettings', 'npx clasp login', 'npm run setup', 'npm run deploy', 'clasp open-container', 'The first authorisation',
    'unverified app', 'Käyttöönotto.', 'Share with the key personnel', 'Updating', 'clasp create-version', 'Removing the register',
  ];
  const at = steps.map((s) => section.indexOf(s));
  expect(at.filter((i) => i < 0)).toEqual([]);
  expect([...at].sort((a, b) => a - b)).toEqual(at);
});

test('--help and -h of npm start, setup and deploy are in the commands table', () => {
  for (const rel of ['src/demo/cli.ts', 'scripts/setup.mjs', 'scripts/deploy.mjs']) expect(read(rel)).toMatch(/'-h'/);
  const table = readme.slice(readme.indexOf('### Commands, flags and environment variables'));
  const rows = table.split('\n').filter((l) => l.startsWith('|') && /--help/.test(l) && /-h\b/.test(l));
  for (const command of ['npm start', 'npm run setup', 'npm run deploy']) expect(rows.some((r) => r.includes(`\`${command} -- --help\``) || r.includes(`\`${command} -- [--help`))).toBe(true);
});

test('the deploy section says what works while set-up is pending: people\'s calls wait, hand edits are still checked', () => {
  const section = readme.slice(readme.indexOf('## Deploying to Google'), readme.indexOf('### Commands, flags'));
  expect(section).not.toMatch(/nothing works on a half-made register/);
  expect(section).toMatch(/every call a person makes refuses/);
  expect(section).toMatch(/on-edit trigger \(once installed\) keeps\s+checking hand edits/);
});

test('the project file the README names is the tracked .clasp.json, and the README says how a clone keeps its own binding', () => {
  expect(fs.existsSync(path.join(root, '.clasp.json'))).toBe(true);
  expect(read('.gitignore').split('\n')).not.toContain('.clasp.json');
  expect(readme).toMatch(/git update-index --skip-worktree \.clasp\.json/);
});
