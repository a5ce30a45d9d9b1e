/**
 * Shared steps of the office-worker browser suites (issue 8): open the emulator page as a user
 * (in a browser language of the test's choosing), open the sidebar from the menu, search and
 * open a person, and save screenshots of the 300 px sidebar under test-results/screenshots/, so
 * a reviewer can look at what each test saw.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Browser, Frame, Page } from 'playwright-core';
import { watch, type RunRequest } from './support';

export const SCREENSHOTS = path.resolve(__dirname, '../../test-results/screenshots');

export interface Opened {
  page: Page;
  frame: Frame;
  runs: RunRequest[];
  dialogs: string[];
}

/** Pages a suite opened, closed after each test. */
export function pages(): { list: Page[]; closeAll(): Promise<void> } {
  const list: Page[] = [];
  return {
    list,
    closeAll: async () => {
      for (const p of list.splice(0)) await p.close();
    },
  };
}

/** The page as `user` with the browser in `locale`; then `menuItem` of the register's menu; the loaded sidebar frame. */
export async function sidebarAs(browser: Browser, base: string, user: string, opts: { locale?: string; menu?: string; item?: string; track?: Page[] } = {}): Promise<Opened> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 1500 }, locale: opts.locale ?? 'fi-FI', acceptDownloads: true });
  opts.track?.push(page);
  page.setDefaultTimeout(15_000);
  const seen = watch(page);
  await page.goto(`${base}/?user=${encodeURIComponent(user)}`);
  await page.getByTestId('menubar').getByRole('button', { name: opts.menu ?? 'Rekisteri' }).click();
  await page.getByRole('menuitem', { name: opts.item ?? 'Avaa rekisteri' }).click();
  const frame = await sidebarFrame(page);
  return { page, frame, ...seen };
}

/** The sidebar's frame once its search box shows. */
export async function sidebarFrame(page: Page): Promise<Frame> {
  const frame = (await (await page.getByTestId('sidebar-frame').elementHandle())!.contentFrame())!;
  await frame.getByTestId('search-input').or(frame.getByTestId('record-view')).first().waitFor();
  return frame;
}

export async function searchAndOpen(frame: Frame, query: string, number?: string): Promise<void> {
  await frame.getByTestId('search-input').fill(query);
  await frame.getByTestId('search-input').press('Enter');
  const item = number ? frame.locator(`[data-testid="result-item"][data-number="${number}"]`) : frame.getByTestId('result-item').first();
  await item.click();
  await frame.getByTestId('record-view').waitFor();
}

/** The 300 px sidebar as the user sees it, saved as test-results/screenshots/<name>.png. */
export async function screenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  const file = path.join(SCREENSHOTS, `${name}.png`);
  await page.getByTestId('sidebar').screenshot({ path: file });
  return file;
}

/** The whole sidebar document (taller than the frame), for long views such as a record. */
export async function fullSidebar(page: Page, frame: Frame, name: string): Promise<string> {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  const file = path.join(SCREENSHOTS, `${name}.png`);
  const height = await frame.evaluate(() => document.documentElement.scrollHeight);
  await page.setViewportSize({ width: 1280, height: Math.min(Math.max(height + 120, 900), 4000) });
  await page.getByTestId('sidebar').screenshot({ path: file });
  return file;
}

/** The emulator page's grid (the open tab as Sheets shows it), saved as test-results/screenshots/<name>.png. */
export async function gridScreenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  const file = path.join(SCREENSHOTS, `${name}.png`);
  await page.getByTestId('grid').screenshot({ path: file });
  return file;
}

/** "A" … "Z", "AA" … for a 1-based column, as the grid names cells. */
export function columnName(n: number): string {
  let s = '';
  for (; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** Types `value` into grid cell `ref` as a person does in Sheets (double-click, type, Enter). */
export async function typeIntoCell(page: Page, ref: string, value: string): Promise<void> {
  await page.getByTestId('grid').locator(`td[data-cell="${ref}"]`).dblclick();
  await page.getByTestId('cell-editor').fill(value);
  await page.getByTestId('cell-editor').press('Enter');
}

/** Waits until the grid shows exactly `text` in cell `ref` (the grid reloads after each edit). */
export async function waitForCell(page: Page, ref: string, text: string): Promise<void> {
  await page.waitForFunction(([r, t]) => document.querySelector(`td[data-cell="${r}"]`)?.textContent === t, [ref, text] as const);
}
