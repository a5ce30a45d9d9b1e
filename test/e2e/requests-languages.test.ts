/**
 * The requests dialog in a register set up in Swedish and in English (issue 9, deliverable 7;
 * issue 8's languages), in Debian's Chromium: the menu item, the list's filters, headings,
 * count, a case's right, status and countdown, and the case view are in the register's language,
 * with no Finnish word of the dialog left. The browser itself runs in en-US, so nothing comes
 * from its locale. Screenshots go to test-results/screenshots/requests-<lang>-*.png.
 */
import type { Frame } from 'playwright-core';
import { call, useServerAndBrowser, OWNER, STAFF } from './support';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pages, SCREENSHOTS } from './office-support';
import { REQUEST_UI_EN, REQUEST_UI_FI, REQUEST_UI_SV } from '../../src/core/texts/requests-ui';

jest.setTimeout(120_000);

const env = useServerAndBrowser();
const opened = pages();
afterEach(async () => {
  await opened.closeAll();
  await call(env.srv.base, 'POST', '/api/run/saveSettings', { args: [{ settings: { language: 'fi' } }], user: OWNER });
});

const CASES = [
  { language: 'sv', menu: 'Registret', ui: REQUEST_UI_SV, type: 'Insyn (art. 15)', status: 'Väntar på verifiering', left: /\d+ dagar kvar/ },
  { language: 'en', menu: 'Register', ui: REQUEST_UI_EN, type: 'Access (Art. 15)', status: 'Awaiting verification', left: /\d+ days left/ },
] as const;

/** Finnish words of the dialog that differ from both other languages. */
const FINNISH = [REQUEST_UI_FI.rqColDue, REQUEST_UI_FI.rqColRequester, REQUEST_UI_FI.rqLogNew, REQUEST_UI_FI.rqBack, 'Tarkastus (15 art.)', 'Odottaa tunnistamista', 'pv jäljellä'];

const bodyText = (frame: Frame) => frame.evaluate(() => document.querySelector("main")?.textContent ?? "");

/** The whole page (the dialog over the sheet), saved as test-results/screenshots/<name>.png. */
async function screenshot(page: import('playwright-core').Page, name: string): Promise<void> {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`) });
}

test.each(CASES)('in a register set up in $language the requests dialog speaks $language', async (c) => {
  const saved = await call(env.srv.base, 'POST', '/api/run/saveSettings', { args: [{ settings: { language: c.language } }], user: OWNER });
  expect(saved.body.error).toBeUndefined();
  const email = `kirje.${c.language}${Date.now().toString(36)}@example.fi`;
  const logged = await call(env.srv.base, 'POST', '/api/run/logRequest', {
    args: [{ channel: 'letter', type: 'access', requesterEmail: email, summary: 'A letter by post', requestKey: `e2e-lang-${c.language}-${Date.now().toString(36)}` }], user: STAFF,
  });
  expect(logged.body.error).toBeUndefined();

  const page = await env.browser.newPage({ viewport: { width: 1440, height: 1000 }, locale: 'en-US' });
  opened.list.push(page);
  page.setDefaultTimeout(20_000);
  await page.goto(`${env.srv.base}/?user=${encodeURIComponent(STAFF)}`);
  await page.getByTestId('menubar').getByRole('button', { name: c.menu }).click();
  await page.getByRole('menuitem', { name: c.ui.menuRequests }).click();
  const frame = (await (await page.getByTestId('dialog-frame').elementHandle())!.contentFrame())!;
  await frame.getByTestId('list-count').waitFor();
  await expect(frame.evaluate(() => document.documentElement.lang)).resolves.toBe(c.language);

  // The list: filters, headings, count and the case's right, status and countdown.
  const headings = await frame.locator('[data-testid="request-table"] thead th').allTextContents();
  expect(headings).toEqual([c.ui.rqId, c.ui.rqColReceived, c.ui.rqColType, c.ui.rqColRequester, c.ui.rqColCustomer, c.ui.rqColStatus, c.ui.rqColDue, c.ui.rqColCountdown]);
  await expect(frame.getByTestId('log-button').textContent()).resolves.toBe(c.ui.rqLogNew);
  await expect(frame.getByTestId('refresh-button').textContent()).resolves.toBe(c.ui.rqRefresh);
  const count = Number(await frame.getByTestId('list-count').getAttribute('data-count'));
  await expect(frame.getByTestId('list-count').textContent()).resolves.toBe(c.ui.rqCount.replace('{count}', String(count)));
  const filters = await frame.getByTestId('filters').innerText();
  for (const label of [c.ui.rqFilterStatus, c.ui.rqFilterType, c.ui.rqFilterCustomer]) expect(filters).toContain(label);
  const row = frame.locator('[data-testid="request-row"]', { hasText: email });
  const cells = await row.locator('td').allInnerTexts();
  expect(cells[2]).toBe(c.type);
  expect(cells[5]).toBe(c.status);
  expect(cells[7]).toMatch(c.left);
  const list = await bodyText(frame);
  for (const word of FINNISH) expect(list).not.toContain(word);
  await screenshot(page, `requests-${c.language}-list`);

  // The case view.
  await row.getByTestId('open-request').click();
  await frame.getByTestId('case-view').waitFor();
  await expect(frame.getByTestId('case-title').textContent()).resolves.toBe(c.type);
  await expect(frame.getByTestId('case-status').textContent()).resolves.toBe(c.status);
  await expect(frame.getByTestId('back-button').textContent()).resolves.toBe(`‹ ${c.ui.rqBack}`);
  const view = await bodyText(frame);
  expect(view).toContain(c.ui.rqActions);
  for (const word of FINNISH) expect(view).not.toContain(word);
  await screenshot(page, `requests-${c.language}-case`);
});
