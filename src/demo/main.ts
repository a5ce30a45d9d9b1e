/**
 * `npm start`: loads dist/ into the emulator over the demo world (state from .emulator/state.json,
 * or a freshly seeded world with --fresh or when there is no state file) and serves the emulator
 * page and its API. A new world's clock starts at this machine's real time, or at `--now ISO`
 * (e.g. `--now 2027-01-15T09:00:00+02:00`); a saved world keeps its own clock. Tests pin theirs.
 *   PORT=8080 (default)   --fresh   --now <ISO time>   --state <file>   --host <address> (default 127.0.0.1)
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createDevServer } from '../emulator/devserver/server';
import { clientAssets } from '../emulator/devserver/assets';
import { openDemo } from './seed';
import { parseArgs, newWorldNow, UsageError, USAGE, Cli } from './cli';

function main(): void {
  let cli: Cli;
  try {
    cli = parseArgs(process.argv.slice(2));
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    console.error(`${e.message}\n${USAGE}`);
    process.exit(2);
  }
  const stateFile = path.resolve(cli.stateFile);
  if (cli.now !== undefined && !cli.fresh && fs.existsSync(stateFile)) {
    console.warn(`--now sets the clock of a new world; ${cli.stateFile} keeps its own (add --fresh to start over at that time).`);
  }
  // A new world starts now unless told otherwise; business dates then agree with the calendar.
  const emulator = openDemo({ distDir: path.resolve(cli.distDir), stateFile, fresh: cli.fresh, now: newWorldNow(cli, Date.now()) });
  const server = createDevServer(emulator, { assets: clientAssets() });
  server.on('error', (e: NodeJS.ErrnoException) => {
    console.error(e.code === 'EADDRINUSE' ? `Port ${cli.port} is in use: set PORT to another port (PORT=8081 npm start).` : e.message);
    process.exit(1);
  });
  server.listen(cli.port, cli.host, () => {
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : cli.port;
    const shown = cli.host === '127.0.0.1' || cli.host === 'localhost' || cli.host === '::1' ? 'localhost' : cli.host;
    const ready = Math.round(performance.now());
    console.log(`Rekisteri emulator: http://${shown}:${port} (ready in ${ready} ms)`);
  });
  const stop = () => {
    server.close();
    try {
      emulator.save();
    } finally {
      process.exit(0);
    }
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main();
