/**
 * Issue 10 in Debian's Chromium on the emulator page: advancing the clock past a retention period
 * fires the nightly trigger, which deletes the right rows (the page's grid no longer shows them)
 * and the compliance report, opened as its printable page, shows the promise kept; an admin who
 * removes a staff member from key personnel and applies the access policy leaves that person
 * unable to open the file (the page says so and shows no tab).
 */
import { Page } from 'playwright-core';
import { call, useServerAndBrowser, EMULATED_NOW, OWNER, STAFF } from './support';

jest.setTimeout(120_000);

const env = useServerAndBrowser();
let pages: Page[] = [];

afterEach(async () => {
  for (const p of pages) await p.close();
  pages = [];
});

async function pageAs(user: string): Promise<Page> {
  const page = await env.browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.setDefaultTimeout(15_000);
  pages.push(page);
  await page.goto(`${env.srv.base}/?user=${encodeURIComponent(user)}`);
  return page;
}

const run = async (fn: string, args: unknown[], user = OWNER) => {
  const r = await call(env.srv.base, 'POST', `/api/run/${fn}`, { args, user });
  if (r.body.error) throw new Error(r.body.error.message);
  return r.body.result;
};

test('the clock past a retention period fires the nightly run: the rows due are gone from the grid and the compliance report shows no record past retention', async () => {
  const { preview } = await run('previewRetention', []);
  const due: string[] = preview.deletions.map((d: { customerNumber: string }) => d.customerNumber);
  expect(due.length).toBeGreaterThan(0);
  await run('applyAccessPolicy', [{ confirm: true }]);
  const page = await pageAs(OWNER);
  await page.getByTestId('tabs').waitFor();
  // Tomorrow 03:00 in Helsinki: the nightly trigger (02:00) falls due on the way.
  const next = new Date(Date.parse(EMULATED_NOW) + 86_400_000).toISOString().slice(0, 10);
  const moved = await call(env.srv.base, 'POST', '/api/clock', { now: `${next}T01:00:00.000Z` });
  expect(moved.body.fired.map((f: { handlerFunction: string }) => f.handlerFunction)).toContain('runNightly');
  const sheet = await call(env.srv.base, 'GET', '/api/sheets/Rekisteri');
  const numbers = (sheet.body.values as string[][]).map((r) => r[0]);
  for (const n of due) expect(numbers).not.toContain(n);
  await page.reload();
  await page.getByTestId('tabs').waitFor();
  // The grid shows the register's numbers (the first kept one is there), and not the deleted ones.
  // (wait for the grid's cells: `tabs` appears before the grid has rendered its rows)
  await page.getByText(numbers[1], { exact: true }).first().waitFor();
  await expect(page.getByText(numbers[1], { exact: true }).count()).resolves.toBeGreaterThan(0);
  for (const n of due.slice(0, 3)) await expect(page.getByText(n, { exact: true }).count()).resolves.toBe(0);
  // The report as an auditor opens it.
  const { html } = await run('complianceReportPage', [{ language: 'fi' }]);
  const report = await env.browser.newPage();
  pages.push(report);
  await report.setContent(html);
  await expect(report.locator('tr[data-check="no-record-past-retention"]').getAttribute('class')).resolves.toBe('ok');
  await expect(report.locator('tr[data-check="triggers-running"]').getAttribute('class')).resolves.toBe('ok');
});

test('an admin removes a staff member from key personnel and applies the policy: that person can no longer open the file', async () => {
  const before = await pageAs(STAFF);
  await before.getByTestId('tabs').waitFor();
  const { settings } = await run('getSettings', []);
  const saved = await run('saveSettings', [{ settings: { keyPersonnel: settings.keyPersonnel.filter((p: { email: string }) => p.email !== STAFF) } }]);
  expect(saved.accessDrift.toRemove.editors).toEqual([STAFF]);
  await run('applyAccessPolicy', [{ confirm: true }]);
  const after = await pageAs(STAFF);
  await after.getByTestId('no-access').waitFor();
  await expect(after.getByTestId('tabs').count()).resolves.toBe(0);
});
