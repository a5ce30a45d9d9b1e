/**
 * `npm start`: loads dist/ into the emulator (state from .emulator/state.json, or a freshly seeded
 * world with --fresh) and serves the emulator page and its API.
 *   PORT=8080 (default)   --fresh   --state <file>   --host <address> (default 127.0.0.1)
 */
import * as path from 'node:path';
import { createDevServer } from '../emulator/devserver/server';
import { clientAssets } from '../emulator/devserver/assets';
import { openDemo } from './seed';

interface Cli {
  fresh: boolean;
  stateFile: string;
  host: string;
  port: number;
  distDir: string;
}

function usage(message: string): never {
  console.error(`${message}\nUsage: npm start -- [--fresh] [--state <file>] [--host <address>]   (PORT=8080 sets the port)`);
  process.exit(2);
}

export function parseArgs(argv: string[], env: NodeJS.ProcessEnv = process.env): Cli {
  const cli: Cli = { fresh: false, stateFile: '.emulator/state.json', host: '127.0.0.1', port: 8080, distDir: 'dist' };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined || v.startsWith('--')) usage(`${arg} needs a value`);
      return v;
    };
    if (arg === '--fresh') cli.fresh = true;
    else if (arg === '--state') cli.stateFile = value();
    else if (arg.startsWith('--state=')) cli.stateFile = arg.slice(8);
    else if (arg === '--host') cli.host = value();
    else if (arg.startsWith('--host=')) cli.host = arg.slice(7);
    else if (arg === '--dist') cli.distDir = value();
    else if (arg === '--help' || arg === '-h') usage('Rekisteri emulator');
    else usage(`Unknown option ${arg}`);
  }
  if (env.PORT !== undefined && env.PORT !== '') {
    const port = Number(env.PORT);
    if (!Number.isInteger(port) || port < 0 || port > 65535) usage(`PORT must be a port number, not ${env.PORT}`);
    cli.port = port;
  }
  return cli;
}

function main(): void {
  const cli = parseArgs(process.argv.slice(2));
  const emulator = openDemo({ distDir: path.resolve(cli.distDir), stateFile: path.resolve(cli.stateFile), fresh: cli.fresh });
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
