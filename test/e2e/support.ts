/**
 * Starts the emulator's dev server in this process on a free port, over a fresh world from dist/,
 * and Debian's Chromium. Both clocks are pinned, years apart: the emulated world at EMULATED_NOW,
 * the browser at BROWSER_NOW, so a page that took a date from the browser's clock shows it, and
 * nothing depends on the machine's date.
 */
import * as fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import { chromium, Browser, BrowserContext, Page } from 'playwright-core';
import type * as http from 'node:http';
import { Emulator } from '../../src/emulator/app';
import { openDemo } from '../../src/demo/seed';
import { createDevServer } from '../../src/emulator/devserver/server';

export { OWNER, STAFF, OUTSIDER } from '../../src/emulator/accounts';

/** Debian's Chromium (CHROMIUM_PATH overrides), launched as this machine allows: no sandbox, no network chatter. */
export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

/** The emulated world's clock in the browser tests (a Wednesday morning in Helsinki, 10.00). */
export const EMULATED_NOW = '2026-11-25T08:00:00.000Z';
/** The browser's own clock in the browser tests: years away from the emulated one, and ticking. */
export const BROWSER_NOW = '2031-03-15T12:00:00.000Z';

/**
 * Chromium whose every context (and so every page and frame) has its clock installed at
 * BROWSER_NOW before any script runs (Playwright's clock API), whatever the machine's date.
 */
export async function launchChromium(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`Chromium is not installed at ${CHROMIUM} (apt-get install chromium); the browser tests need it.`);
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--headless', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
    timeout: 30_000,
  });
  const newContext = browser.newContext.bind(browser);
  browser.newContext = async (options) => {
    const context: BrowserContext = await newContext(options);
    await context.clock.install({ time: BROWSER_NOW });
    return context;
  };
  // As Browser.newPage: a page in a context of its own, closed with it.
  browser.newPage = async (options) => {
    const context = await browser.newContext(options);
    const page = await context.newPage();
    page.once('close', () => void context.close().catch(() => undefined));
    return page;
  };
  return browser;
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
  const emulator = openDemo({ distDir: 'dist', stateFile: null, fresh: true, now: Date.parse(EMULATED_NOW) });
  // The frames keep the browser's clock (pinned at BROWSER_NOW), as on Google.
  const server = createDevServer(emulator, { frameClock: 'browser' });
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
