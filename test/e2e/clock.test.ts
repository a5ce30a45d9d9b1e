/**
 * One clock, in Chromium: the browser runs years away from the emulated world (support.ts pins
 * it at 2031-03-15, the world at 2026-11-25), and the sidebar still offers, checks and badges
 * dates on the server's today; the frames' own Date follows the emulated clock as it moves.
 */
import { Frame, Page } from 'playwright-core';
import { call, useServerAndBrowser, BROWSER_NOW, EMULATED_NOW, OWNER } from './support';

jest.setTimeout(90_000);

const env = useServerAndBrowser();
const SERVER_TODAY = '2026-11-25';
let pages: Page[] = [];

afterEach(async () => {
  for (const p of pages) await p.close();
  pages = [];
});

async function newPage(): Promise<Page> {
  const page = await env.browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.setDefaultTimeout(15_000);
  pages.push(page);
  return page;
}

/**
 * The sidebar frame opened on its own with `?clock=browser`: the shim leaves the browser's Date
 * alone, so the script's HTML sees 2031 and only the server's dates can give 2026.
 */
async function sidebarOnBrowserClock(): Promise<Frame> {
  const shown = await call(env.srv.base, 'POST', '/api/menu/showSidebar', { user: OWNER });
  expect(shown.body.ok).toBe(true);
  const page = await newPage();
  await page.goto(`${env.srv.base}/frame/sidebar?user=${encodeURIComponent(OWNER)}&clock=browser`);
  await page.getByTestId('search-input').waitFor();
  return page.mainFrame();
}

async function open(frame: Frame, number: string): Promise<void> {
  await frame.getByTestId('search-input').fill(number);
  await frame.getByTestId('search-input').press('Enter');
  await frame.locator(`[data-testid="result-item"][data-number="${number}"]`).click();
  await frame.getByTestId('record-view').waitFor();
}

/** `read()` once it equals `expected`, or its last value after `timeoutMs` (the page tells frames the clock at its next poll). */
async function settled<T>(read: () => Promise<T>, expected: T, timeoutMs = 10_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  let value = await read();
  while (value !== expected && Date.now() < until) {
    await new Promise((r) => setTimeout(r, 100));
    value = await read();
  }
  return value;
}

const browserDay = (frame: Frame) => frame.evaluate(() => new Date().toISOString().slice(0, 10));

test('the browser\'s clock is years from the emulated one, so a date taken from it would show', async () => {
  const page = await newPage();
  await page.goto(env.srv.base);
  await expect(page.evaluate(() => new Date().toISOString().slice(0, 4))).resolves.toBe(BROWSER_NOW.slice(0, 4));
  const { body: state } = await call(env.srv.base, 'GET', '/api/state');
  expect(state.now.slice(0, 10)).toBe(EMULATED_NOW.slice(0, 10));
  const { body } = await call(env.srv.base, 'POST', '/api/run/getSidebarInfo', { args: [] });
  expect(body.result.today).toBe(SERVER_TODAY);
});

test('the new person\'s start, the relationship end, the consent date and the disclosure date default to the server\'s today, not the browser\'s', async () => {
  const frame = await sidebarOnBrowserClock();
  expect(await browserDay(frame)).toBe(BROWSER_NOW.slice(0, 10));

  await frame.getByTestId('new-button').click();
  await expect(frame.getByTestId('input-relationshipStart').getAttribute('data-value')).resolves.toBe(SERVER_TODAY);
  // Shown as a Finn writes it, whatever the browser's language (issue 8).
  await expect(frame.getByTestId('input-relationshipStart').inputValue()).resolves.toBe('25.11.2026');
  // By keyboard: a click's mousedown blurs the name field, whose message moves the button away.
  await frame.getByTestId('cancel-button').press('Enter');

  await open(frame, '100025');
  await frame.getByTestId('end-relationship-button').click();
  await expect(frame.getByTestId('input-relationshipEnd').getAttribute('data-value')).resolves.toBe(SERVER_TODAY);
  await frame.getByTestId('end-relationship-button').click();

  await frame.getByTestId('marketing-basis-button').click();
  await frame.getByTestId('input-marketingBasis').selectOption('consent');
  const consent = await frame.getByTestId('input-marketingConsentAt').getAttribute('data-value');
  // A stored consent keeps its own day; a new one starts on the server's today.
  const { body } = await call(env.srv.base, 'POST', '/api/run/getCustomer', { args: [{ customerNumber: '100025' }] });
  expect(consent).toBe(body.result.customer.marketingConsentAt.slice(0, 10) || SERVER_TODAY);
  await frame.getByTestId('marketing-basis-button').click();

  // The disclosure saved with its default date is the server's today, and the server keeps it.
  await frame.getByTestId('disclose-button').click();
  await expect(frame.getByTestId('input-date').getAttribute('data-value')).resolves.toBe(SERVER_TODAY);
  await frame.getByTestId('input-recipient').fill('Verohallinto');
  await frame.getByTestId('input-basis').selectOption('authority');
  await frame.getByTestId('input-basisReference').fill('VERO-CLOCK-1');
  await frame.getByTestId('category-name').check();
  await frame.getByTestId('disclosure-save').click();
  await frame.getByTestId('action-note').filter({ hasText: /Luovutus kirjattiin tunnuksella D-/ }).waitFor();
  const { body: sheet } = await call(env.srv.base, 'GET', `/api/sheets/${encodeURIComponent('Luovutukset')}`);
  const row: unknown[] = sheet.values.find((r: unknown[]) => r.includes('VERO-CLOCK-1'));
  expect(row).toEqual(expect.arrayContaining(['100025', 'Verohallinto']));
  // The day is a real date cell (issue 8), shown 25.11.2026: the API gives its instant, Helsinki's midnight of the server's today.
  expect(row).toContain(new Date(`${SERVER_TODAY}T00:00:00+02:00`).toISOString());
});

test('"not in the future" is checked in the sidebar against the server\'s today: the day after it is refused before sending', async () => {
  const frame = await sidebarOnBrowserClock();
  await open(frame, '100031');
  await frame.getByTestId('disclose-button').click();
  await frame.getByTestId('input-date').fill('2026-11-26');
  await frame.getByTestId('input-date').blur();
  await expect(frame.getByTestId('field-error-date').textContent()).resolves.toMatch(/tulevaisuudessa/);
  await frame.getByTestId('input-date').fill(SERVER_TODAY);
  await expect(frame.getByTestId('field-error-date').count()).resolves.toBe(0);
});

test('the badges read the server\'s today: an end planned for 2027 is not "ended", though the browser is in 2031', async () => {
  const frame = await sidebarOnBrowserClock();
  await open(frame, '100032');
  await frame.getByTestId('end-relationship-button').click();
  await frame.getByTestId('input-relationshipEnd').fill('2027-06-30');
  await frame.getByTestId('end-relationship-confirm').click();
  await frame.getByTestId('action-note').waitFor();
  await expect(frame.getByTestId('field-relationshipEnd').getAttribute('data-value')).resolves.toBe('2027-06-30');
  await expect(frame.getByTestId('badge-ended').count()).resolves.toBe(0);
  await frame.getByTestId('back-button').click();
  // Back in the list, focus returns to the person (wait for it: an Enter before would open them again).
  const item = frame.locator('[data-testid="result-item"][data-number="100032"]');
  await frame.waitForFunction(() => document.activeElement?.getAttribute('data-number') === '100032');
  // A new search, so the list shows the person's new status.
  await Promise.all([
    frame.page().waitForResponse((r) => r.url().endsWith('/api/run/searchCustomers')),
    frame.getByTestId('search-input').press('Enter'),
  ]);
  await frame.getByTestId('search-loading').waitFor({ state: 'detached' });
  await item.waitFor();
  await expect(item.getByTestId('result-badge-ended').count()).resolves.toBe(0);
});

// Last in the file: it moves the emulated clock.
test('in the emulator page a frame\'s Date is the emulated clock, and follows it after POST /api/clock; the sidebar then defaults to the new day', async () => {
  const page = await newPage();
  // The dev server's own default for people; the browser suites otherwise keep the browser's clock.
  await page.goto(`${env.srv.base}/?user=${encodeURIComponent(OWNER)}&clock=emulated`);
  await page.getByTestId('menubar').getByRole('button', { name: 'Rekisteri' }).click();
  await page.getByRole('menuitem', { name: 'Avaa rekisteri' }).click();
  const frame = (await (await page.getByTestId('sidebar-frame').elementHandle())!.contentFrame())!;
  await frame.getByTestId('search-input').waitFor();

  const emulatedNow = async () => Date.parse((await call(env.srv.base, 'GET', '/api/state')).body.now);
  const frameNow = () => frame.evaluate(() => Date.now());
  // The page keeps its own (browser) clock; the frame has the world's.
  await expect(page.evaluate(() => new Date().getUTCFullYear())).resolves.toBe(2031);
  const worldNow = await emulatedNow();
  expect(await settled(frameNow, worldNow)).toBe(worldNow);
  expect(await frame.evaluate(() => new Date().toISOString().slice(0, 10))).toBe(SERVER_TODAY);

  const moved = await call(env.srv.base, 'POST', '/api/clock', { now: '2027-01-10T12:01:00+02:00' });
  expect(moved.status).toBe(200);
  expect(await settled(frameNow, Date.parse('2027-01-10T10:01:00Z'))).toBe(Date.parse('2027-01-10T10:01:00Z'));
  // Every way of reading "now" agrees, and constructing a given time still works.
  await expect(frame.evaluate(() => [new Date().toISOString(), Date(), new Date(0).toISOString(), new Date() instanceof Date])).resolves.toEqual([
    '2027-01-10T10:01:00.000Z', expect.stringMatching(/Jan 10 2027/), '1970-01-01T00:00:00.000Z', true,
  ]);

  // Opening a record takes the server's new day: the relationship end defaults to it.
  await open(frame, '100040');
  await frame.getByTestId('end-relationship-button').click();
  await expect(frame.getByTestId('input-relationshipEnd').getAttribute('data-value')).resolves.toBe('2027-01-10');
});
