/** Starts the emulator's dev server in this process on a free port, over a fresh world from dist/. */
import type { AddressInfo } from 'node:net';
import type * as http from 'node:http';
import { Emulator } from '../../src/emulator/app';
import { createDevServer } from '../../src/emulator/devserver/server';

export const OWNER = 'asiakaspalvelu@cleanroom.fi';
export const STAFF = 'staff@cleanroom.fi';
export const OUTSIDER = 'outsider@example.com';

export interface RunningServer {
  emulator: Emulator;
  server: http.Server;
  base: string;
  close(): Promise<void>;
}

export async function startServer(): Promise<RunningServer> {
  const emulator = Emulator.open({ distDir: 'dist', stateFile: null, fresh: true });
  const server = createDevServer(emulator);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    emulator,
    server,
    base: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A JSON request; returns the status and the parsed body. */
export async function call(base: string, method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<{ status: number; body: any }> {
  const response = await fetch(base + path, {
    method,
    headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await response.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    // Not JSON (a page or a frame): the text itself.
  }
  return { status: response.status, body: parsed };
}
