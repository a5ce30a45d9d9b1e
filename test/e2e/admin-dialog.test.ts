/**
 * Issue 10, deliverable 3, in Debian's Chromium on the emulator page: Ylläpito, which an admin
 * opens from the sidebar's link (or the menu, once the sidebar has given an admin the admin
 * items; staff's menu has none, issue 8). Staff who call it anyway are told whom to ask; an admin
 * gets the modal dialog in the register's language. Its triggers
 * section shows the nightly run the clock fired; the privacy notice and the compliance report
 * download; and the Done-when of the issue through the dialog: an admin removes a staff member
 * from key personnel, confirms "Poista myös tiedoston jakaminen", and that person can no longer
 * open the file.
 */
import * as fs from 'node:fs';
import { Frame, Page } from 'playwright-core';
import { call, useServerAndBrowser, watch, EMULATED_NOW, OWNER, STAFF } from './support';

jest.setTimeout(120_000);

const env = useServerAndBrowser();
let pages: Page[] = [];
/** What each page sent (google.script.run calls), from support's watch. */
const watched = new WeakMap<Page, ReturnType<typeof watch>>();

afterEach(async () => {
  for (const p of pages) await p.close();
  pages = [];
});

async function pageAs(user: string): Promise<Page> {
  const page = await env.browser.newPage({ viewport: { width: 1440, height: 1000 }, acceptDownloads: true });
  page.setDefaultTimeout(20_000);
  watched.set(page, watch(page));
  pages.push(page);
  await page.goto(`${env.srv.base}/?user=${encodeURIComponent(user)}`);
  return page;
}

const rekisteriMenu = (page: Page) => page.getByTestId('menubar').getByRole('button', { name: 'Rekisteri' });

async function choose(page: Page, caption: string): Promise<void> {
  await page.getByTestId('menubar').getByRole('button', { name: 'Rekisteri' }).click();
  await page.getByRole('menuitem', { name: caption }).click();
}

/** The dialog's frame once it has rendered `testId`. */
async function dialogFrame(page: Page, testId: string): Promise<Frame> {
  const frame = (await (await page.getByTestId('dialog-frame').elementHandle())!.contentFrame())!;
  await frame.getByTestId(testId).waitFor();
  return frame;
}

/** The menu's item captions as `page`'s user sees them now. */
async function menuItems(page: Page): Promise<string[]> {
  await rekisteriMenu(page).click();
  await page.getByRole('menuitem').first().waitFor();
  const items = await page.getByRole('menuitem').allTextContents();
  // The emulator's menu closes on a click elsewhere, as Sheets' does.
  await page.mouse.click(1200, 880);
  return items;
}

/**
 * Ylläpito as an admin, the way an admin finds it: the sidebar (Rekisteri › Avaa rekisteri) and
 * its "Ylläpito" link; opening the sidebar has also put Ylläpito into the admin's menu.
 */
async function openAdmin(page: Page): Promise<Frame> {
  await choose(page, 'Avaa rekisteri');
  const sidebar = (await (await page.getByTestId('sidebar-frame').elementHandle())!.contentFrame())!;
  await sidebar.getByTestId('admin-dialog-button').click();
  return dialogFrame(page, 'personnel-section');
}

test("staff's menu has no Ylläpito; an admin's has it once the sidebar is open, and the sidebar's Ylläpito opens the dialog", async () => {
  const staff = await pageAs(STAFF);
  await choose(staff, 'Avaa rekisteri');
  const staffSidebar = (await (await staff.getByTestId('sidebar-frame').elementHandle())!.contentFrame())!;
  await staffSidebar.getByTestId('search-input').waitFor();
  await expect(staffSidebar.getByTestId('admin-dialog-button').count()).resolves.toBe(0);
  expect(await menuItems(staff)).toEqual(['Avaa rekisteri', 'Pyynnöt', 'Avaa valittu rivi']);

  const page = await pageAs(OWNER);
  expect(await menuItems(page)).toEqual(['Avaa rekisteri', 'Pyynnöt', 'Avaa valittu rivi']);
  await choose(page, 'Avaa rekisteri');
  const sidebar = (await (await page.getByTestId('sidebar-frame').elementHandle())!.contentFrame())!;
  await sidebar.getByTestId('admin-dialog-button').waitFor();
  await expect(sidebar.getByTestId('admin-dialog-button').textContent()).resolves.toBe('Ylläpito');
  fs.mkdirSync('test-results/screenshots', { recursive: true });
  await page.getByTestId('sidebar').screenshot({ path: 'test-results/screenshots/office-admin-link.png' });
  expect(await menuItems(page)).toEqual(['Avaa rekisteri', 'Pyynnöt', 'Avaa valittu rivi', 'Ylläpito', 'Käyttöönotto / korjaus']);
  // The admin's menu item opens the same dialog.
  await choose(page, 'Ylläpito');
  await dialogFrame(page, 'personnel-section');
});

test('Ylläpito: staff who call it anyway are told which admin to ask; an admin gets the modal dialog in Finnish with its six sections', async () => {
  const staff = await pageAs(STAFF);
  await rekisteriMenu(staff).waitFor();
  // Not in staff's menu: called as a script would be (google.script.run from any page).
  expect((await call(env.srv.base, 'POST', '/api/run/showAdminDialog', { args: [], user: STAFF })).status).toBe(200);
  const refusal = await dialogFrame(staff, 'refusal');
  await expect(refusal.getByTestId('refusal').textContent()).resolves.toContain(OWNER);
  await expect(refusal.getByTestId('refusal').textContent()).resolves.toMatch(/^Ylläpito on vain rekisterin ylläpitäjille/);

  const page = await pageAs(OWNER);
  const frame = await openAdmin(page);
  const state = (await call(env.srv.base, 'GET', `/api/state?user=${encodeURIComponent(OWNER)}`)).body;
  expect(state.ui.dialog).toMatchObject({ kind: 'modal', width: 960, height: 640, title: 'Rekisterin ylläpito' });
  await expect(frame.getByRole('tab').allTextContents()).resolves.toEqual(['Avainhenkilöt', 'Asetukset', 'Ajastukset', 'Jakaminen', 'Vaatimustenmukaisuus', 'Tietosuojaseloste']);
  await expect(frame.getByTestId('key-person').count()).resolves.toBeGreaterThan(1);
  await expect(frame.locator(`[data-testid="key-person"][data-email="${STAFF}"]`).count()).resolves.toBe(1);
});

test('the triggers section shows the nightly run the clock fired, with its time and no error', async () => {
  const next = new Date(Date.parse(EMULATED_NOW) + 86_400_000).toISOString().slice(0, 10);
  const moved = await call(env.srv.base, 'POST', '/api/clock', { now: `${next}T01:00:00.000Z` });
  expect(moved.body.fired.map((f: { handlerFunction: string }) => f.handlerFunction)).toContain('runNightly');
  const recorded = JSON.parse(env.srv.emulator.world.properties.document['rekisteri.run.runNightly']) as { at: string; error: string };
  expect(recorded.error).toBe('');

  const page = await pageAs(OWNER);
  const frame = await openAdmin(page);
  await frame.getByTestId('tab-triggers').click();
  await frame.getByTestId('triggers-section').waitFor();
  const row = frame.locator('[data-testid="trigger-row"][data-handler="runNightly"]');
  await expect(row.getAttribute('data-installed')).resolves.toBe('true');
  await expect(row.getByTestId('trigger-last-run').getAttribute('data-at')).resolves.toBe(recorded.at);
  // Shown in Helsinki time as the register writes it: 26.11.2026 klo 2.00.
  const [y, m, d] = next.split('-').map(Number);
  await expect(row.getByTestId('trigger-last-run').textContent()).resolves.toBe(`${d}.${m}.${y} klo 2.00`);
  await expect(row.getByTestId('trigger-last-error').textContent()).resolves.toBe('Ei virhettä');
  await expect(row.getByTestId('trigger-status').textContent()).resolves.toBe('Asennettu');
});

test('the privacy notice is shown and downloads as an HTML file; the compliance report downloads as CSV', async () => {
  const page = await pageAs(OWNER);
  const frame = await openAdmin(page);
  await frame.getByTestId('tab-notice').click();
  await frame.getByTestId('notice-frame').waitFor();
  const [download] = await Promise.all([page.waitForEvent('download'), frame.getByTestId('notice-download').click()]);
  expect(download.suggestedFilename()).toBe('tietosuojaseloste.html');
  const html = fs.readFileSync((await download.path())!, 'utf8');
  expect(html).toMatch(/^<!DOCTYPE html>/i);
  expect(html).toContain('Calion Service Innovations Oy');
  expect(html).not.toMatch(/<script/i);
  // The page shown is the same one, in a frame that runs nothing.
  await expect(frame.getByTestId('notice-frame').getAttribute('sandbox')).resolves.toBe('');

  await frame.getByTestId('tab-compliance').click();
  await frame.getByTestId('compliance-summary').waitFor();
  await expect(frame.getByTestId('check-row').count()).resolves.toBe(12);
  const [csv] = await Promise.all([page.waitForEvent('download'), frame.getByTestId('compliance-csv').click()]);
  expect(csv.suggestedFilename()).toMatch(/^compliance-\d{4}-\d{2}-\d{2}\.csv$/);
  expect(fs.readFileSync((await csv.path())!, 'utf8')).toContain('triggers-running');
});

test('an admin removes a staff member in the dialog and confirms "Poista myös tiedoston jakaminen": that person can no longer open the file', async () => {
  const before = await pageAs(STAFF);
  await before.getByTestId('tabs').waitFor();

  const page = await pageAs(OWNER);
  const frame = await openAdmin(page);
  await frame.locator(`[data-testid="key-person"][data-email="${STAFF}"]`).getByTestId('person-remove').click();
  await frame.getByTestId('personnel-save').click();
  await frame.getByTestId('personnel-saved').waitFor();
  const drift = frame.getByTestId('personnel-drift');
  await expect(drift.textContent()).resolves.toContain(STAFF);
  await drift.getByRole('button', { name: 'Poista myös tiedoston jakaminen' }).click();
  // Who loses access is named first, and the focus is on Peruuta.
  await expect(frame.getByTestId('policy-confirm-text').textContent()).resolves.toBe(`Nämä henkilöt menettävät pääsyn tiedostoon: ${STAFF}. Jatketaanko?`);
  await expect(frame.getByTestId('policy-cancel').evaluate((b) => b === document.activeElement)).resolves.toBe(true);
  await frame.getByTestId('policy-confirm-yes').click();
  await frame.getByTestId('policy-applied').waitFor();

  const settings = (await call(env.srv.base, 'POST', '/api/run/getSettings', { args: [], user: OWNER })).body.result.settings;
  expect(settings.keyPersonnel.map((p: { email: string }) => p.email)).not.toContain(STAFF);
  const after = await pageAs(STAFF);
  await after.getByTestId('no-access').waitFor();
  await expect(after.getByTestId('tabs').count()).resolves.toBe(0);
});

// Before the settings test below, which leaves the register in Swedish for any test after it.
test('key personnel: one mailbox in either form of its domain is listed once (anna@hyvä.fi is anna@xn--hyv-sla.fi) and shown as anna@hyvä.fi', async () => {
  const page = await pageAs(OWNER);
  const frame = await openAdmin(page);
  const email = frame.locator('#admin-new-email');
  await email.fill('anna@hyvä.fi');
  await frame.getByTestId('add-person').click();
  // Kept as the server keeps key personnel: Google's ASCII form.
  await frame.locator('[data-testid="key-person"][data-email="anna@xn--hyv-sla.fi"]').waitFor();
  // Shown as a person reads it, never as xn--.
  const row = frame.locator('[data-testid="key-person"][data-email="anna@xn--hyv-sla.fi"]');
  await expect(row.locator('td.email').textContent()).resolves.toBe('anna@hyvä.fi');
  await expect(row.getByTestId('person-remove').getAttribute('aria-label')).resolves.toContain('anna@hyvä.fi');
  await email.fill('Anna@XN--HYV-SLA.fi');
  await frame.getByTestId('add-person').click();
  await expect(frame.getByTestId('personnel-section').textContent()).resolves.toContain('Henkilö on jo avainhenkilö.');
  await expect(frame.locator('[data-testid="key-person"][data-email="anna@xn--hyv-sla.fi"]').count()).resolves.toBe(1);
});

test('settings: a refused value shows under its field and nothing is sent; the language saved turns the dialog Swedish', async () => {
  const page = await pageAs(OWNER);
  const runs = watched.get(page)!.runs;
  const frame = await openAdmin(page);
  await frame.getByTestId('tab-settings').click();
  await frame.getByTestId('settings-section').waitFor();
  await frame.getByTestId('input-retentionMonths').fill('abc');
  await expect(frame.getByTestId('field-error-retentionMonths').textContent()).resolves.toBe('Anna kokonaisluku väliltä 0–600.');
  await expect(frame.getByTestId('settings-save').isDisabled()).resolves.toBe(true);
  await frame.getByTestId('input-retentionMonths').fill('30');
  await frame.getByTestId('input-language').selectOption('sv');
  await frame.getByTestId('settings-save').click();
  await frame.getByTestId('settings-saved').waitFor();
  expect(runs.filter((r) => r.fn === 'saveSettings')).toHaveLength(1);
  await expect(frame.getByRole('tab').allTextContents()).resolves.toEqual(['Nyckelpersoner', 'Inställningar', 'Utlösare', 'Delning', 'Efterlevnad', 'Dataskyddsbeskrivning']);
  await expect(frame.getByTestId('settings-saved').textContent()).resolves.toBe('Sparat.');
  const { settings } = (await call(env.srv.base, 'POST', '/api/run/getSettings', { args: [], user: OWNER })).body.result;
  expect(settings).toMatchObject({ language: 'sv', retentionMonths: 30 });
});
