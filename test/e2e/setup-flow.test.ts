/**
 * The first day of a register, in Debian's Chromium on the emulator page (issue 11): the owner
 * of a fresh spreadsheet with the script pushed and nothing else (no demo data, no set-up) is led
 * to set-up by the menu and the sidebar, runs it, gets the register and adds a staff member; the
 * staff member sees no admin item, in the menu or the sidebar. The owner's Google locale is
 * English: the sentence before set-up is in English, the menu stays the register's (Finnish), and
 * there is only ever one of it.
 */
import type { AddressInfo } from 'node:net';
import type * as http from 'node:http';
import type { Browser, FrameLocator, Page } from 'playwright-core';
import { Emulator } from '../../src/emulator/app';
import { createDevServer } from '../../src/emulator/devserver/server';
import { launchChromium, watch, EMULATED_NOW, OWNER, STAFF } from './support';
import { screenshot as screenshotOf } from './office-support';

jest.setTimeout(90_000);

let server: http.Server;
let base: string;
let browser: Browser;
const pages: Page[] = [];

beforeAll(async () => {
  // WITHOUT the demo seeder: an empty spreadsheet, as `npm run deploy` leaves a new one.
  const emulator = Emulator.open({ distDir: 'dist', stateFile: null, fresh: true, now: Date.parse(EMULATED_NOW) });
  emulator.world.users.find((u) => u.email === OWNER)!.locale = 'en';
  server = createDevServer(emulator);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await launchChromium();
});

afterAll(async () => {
  for (const p of pages) await p.close().catch(() => undefined);
  await browser?.close();
  await new Promise<void>((resolve) => {
    server.closeAllConnections();
    server.close(() => resolve());
  });
});

async function openAs(user: string) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.setDefaultTimeout(15_000);
  pages.push(page);
  const seen = watch(page);
  await page.goto(`${base}/?user=${encodeURIComponent(user)}`);
  return { page, seen };
}

const rekisteri = (page: Page) => page.getByTestId('menubar').getByRole('button', { name: 'Rekisteri' });
/** The register's menus in the menu bar, by title: one, in the register's language. */
const registerMenus = async (page: Page) =>
  (await page.getByTestId('menubar').getByRole('button').allTextContents()).filter((t) => /^(Rekisteri|Register|Registret)$/.test(t.trim()));

/** The captions of the Rekisteri menu, in order, as the page shows them. */
async function menuItems(page: Page): Promise<string[]> {
  await rekisteri(page).click();
  await page.getByRole('menuitem').first().waitFor();
  const items = await page.getByRole('menuitem').allTextContents();
  await page.keyboard.press('Escape');
  await page.mouse.click(1200, 880);
  return items;
}

async function choose(page: Page, caption: string): Promise<void> {
  await rekisteri(page).click();
  await page.getByRole('menuitem', { name: caption }).click();
}

/** The sidebar's frame as it is now: a locator re-resolves when the page replaces the iframe (a new opening). */
async function sidebarFrame(page: Page): Promise<FrameLocator> {
  await page.getByTestId('sidebar-frame').waitFor();
  return page.frameLocator('[data-testid="sidebar-frame"]');
}

test('the owner of a fresh sheet is led to set-up by the menu and the sidebar, runs it and gets the register; staff see no admin item', async () => {
  const owner = await openAs(OWNER);
  const { page } = owner;

  // 1. The menu offers set-up first.
  await rekisteri(page).waitFor();
  expect(await menuItems(page)).toEqual(['Käyttöönotto / korjaus', 'Avaa rekisteri']);

  // 2. Opening the register first: one sentence that says what to do, not "ask an admin".
  await choose(page, 'Avaa rekisteri');
  let frame = await sidebarFrame(page);
  const sentence = frame.getByTestId('setup-needed');
  await sentence.waitFor();
  const said = (await sentence.textContent())!;
  expect(said).toContain('Rekisteri › Käyttöönotto / korjaus');
  expect(said).toMatch(/^The register is not set up yet/);
  expect(await registerMenus(page)).toEqual(['Rekisteri']);
  await screenshotOf(page, 'office-setup-needed');

  // 3. Set-up from the menu: it says what it made, which trigger it installed and what next.
  await choose(page, 'Käyttöönotto / korjaus');
  const alerts = page.getByTestId('alerts');
  await alerts.waitFor();
  await expect(alerts.textContent()).resolves.toMatch(/Käyttöönotto valmis.*onRegisterEdit.*asennettiin.*Rekisteri › Avaa rekisteri/s);
  await alerts.getByRole('button', { name: 'OK' }).click();

  // 4. The register: the sidebar with search and, for the admin, the settings; the menu is the admin's.
  await choose(page, 'Avaa rekisteri');
  frame = await sidebarFrame(page);
  await frame.getByTestId('search-input').waitFor();
  await frame.getByTestId('settings-button').waitFor();
  expect(await menuItems(page)).toEqual(['Avaa rekisteri', 'Pyynnöt', 'Avaa valittu rivi', 'Ylläpito', 'Käyttöönotto / korjaus']);
  expect(await registerMenus(page)).toEqual(['Rekisteri']);

  // 5. The owner adds a staff member in the settings.
  await frame.getByTestId('settings-button').click();
  await frame.locator('#admin-new-email').fill(STAFF);
  await frame.getByTestId('add-person-button').click();
  await frame.locator(`[data-testid="key-person"][data-email="${STAFF}"]`).waitFor();
  await frame.getByTestId('settings-save').click();
  await frame.getByTestId('settings-notice').waitFor();
  expect(owner.seen.dialogs).toEqual([]);

  // 6. Staff: the register, and no admin item anywhere.
  const staff = await openAs(STAFF);
  await rekisteri(staff.page).waitFor();
  expect(await menuItems(staff.page)).toEqual(['Avaa rekisteri', 'Pyynnöt', 'Avaa valittu rivi']);
  await choose(staff.page, 'Avaa rekisteri');
  const staffFrame = await sidebarFrame(staff.page);
  await staffFrame.getByTestId('search-input').waitFor();
  await expect(staffFrame.getByTestId('settings-button').count()).resolves.toBe(0);
  await expect(staffFrame.getByTestId('admin-dialog-button').count()).resolves.toBe(0);
  expect(await menuItems(staff.page)).toEqual(['Avaa rekisteri', 'Pyynnöt', 'Avaa valittu rivi']);
  expect(staff.seen.runs.map((r) => r.fn)).not.toContain('getSettings');
});
