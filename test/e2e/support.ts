/** Starts the emulator's dev server in this process on a free port, over a fresh world from dist/. */
import * as fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import { chromium, Browser, Page } from 'playwright-core';
import type * as http from 'node:http';
import { Emulator } from '../../src/emulator/app';
import { openDemo } from '../../src/demo/seed';
import { createDevServer } from '../../src/emulator/devserver/server';

export { OWNER, STAFF, OUTSIDER } from '../../src/emulator/accounts';

/** Debian's Chromium (CHROMIUM_PATH overrides), launched as this machine allows: no sandbox, no network chatter. */
export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

export async function launchChromium(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`Chromium is not installed at ${CHROMIUM} (apt-get install chromium); the browser tests need it.`);
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--headless', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
    timeout: 30_000,
  });
}

export interface RunRequest {
  fn: string;
  body: { args: unknown[]; user: string };
}

/** What a page did that a test checks: every google.script.run call it sent, every dialog it raised (dismissed). */
export function watch(page: Page): { runs: RunRequest[]; dialogs: string[] } {
  const seen = { runs: [] as RunRequest[], dialogs: [] as string[] };
  page.on('request', (request) => {
    const m = /\/api\/run\/([^/?]+)/.exec(request.url());
    if (m && request.method() === 'POST') seen.runs.push({ fn: decodeURIComponent(m[1]), body: request.postDataJSON() });
  });
  page.on('dialog', (dialog) => {
    seen.dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  return seen;
}

export interface RunningServer {
  emulator: Emulator;
  server: http.Server;
  base: string;
  close(): Promise<void>;
}

export async function startServer(): Promise<RunningServer> {
  const emulator = openDemo({ distDir: 'dist', stateFile: null, fresh: true });
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

/**
 * The server and one Chromium for a whole test file: started before its first test, closed
 * after its last. Read `env.srv` and `env.browser` inside tests.
 */
export function useServerAndBrowser(): { srv: RunningServer; browser: Browser } {
  const env = {} as { srv: RunningServer; browser: Browser };
  beforeAll(async () => {
    env.srv = await startServer();
    env.browser = await launchChromium();
  });
  afterAll(async () => {
    await env.browser?.close();
    await env.srv?.close();
  });
  return env;
}
