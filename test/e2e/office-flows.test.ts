/**
 * An office worker's register in the browser (issue 8), in Finnish: dates typed and shown
 * d.M.yyyy in an English browser, times "d.M.yyyy klo H.mm", messages that name the real fault,
 * an address with ä in its domain typed, kept and found as typed,
 * Google's own failures said plainly with the typed data kept, a server refusal under its field,
 * the duplicate found on create beside what was typed, a warning before leaving unsaved changes,
 * Escape, a confirmation that focuses Peruuta, no click lost to a message that appears, the
 * settings' confirmation in the language just chosen, and menus by role. Screenshots of the
 * 300 px sidebar go to test-results/screenshots/office-*.png.
 */
import { call, useServerAndBrowser, OWNER, STAFF, EMULATED_NOW } from './support';
import { pages, screenshot, fullSidebar, searchAndOpen, sidebarAs } from './office-support';

jest.setTimeout(120_000);

const env = useServerAndBrowser();
const opened = pages();
afterEach(() => opened.closeAll());

const open = (user: string, opts: { locale?: string; item?: string } = {}) => sidebarAs(env.browser, env.srv.base, user, { ...opts, track: opened.list });
const unique = () => `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
const customer = async (number: string) => (await call(env.srv.base, 'POST', '/api/run/getCustomer', { args: [{ customerNumber: number }] })).body.result.customer;

test('dates read and write d.M.yyyy in an English browser, and times show as d.M.yyyy klo H.mm in Helsinki', async () => {
  const { page, frame, runs } = await open(OWNER, { locale: 'en-US' });
  await frame.getByTestId('new-button').click();
  // The server's today (25.11.2026), as a Finn writes it, not 11/25/2026.
  await expect(frame.getByTestId('input-relationshipStart').inputValue()).resolves.toBe('25.11.2026');
  await expect(frame.getByTestId('input-relationshipStart').getAttribute('type')).resolves.toBe('text');
  await expect(frame.getByTestId('input-relationshipStart').getAttribute('placeholder')).resolves.toBe('p.k.vvvv');
  const tag = unique();
  await frame.getByTestId('input-name').fill(`Päivi Päiväys ${tag}`);
  await frame.getByTestId('input-email').fill(`paivi.${tag}@example.fi`);
  await frame.getByTestId('input-relationshipStart').fill('1.11.2026');
  // A day that does not exist says how to write one.
  await frame.getByTestId('input-relationshipEnd').fill('31.11.2026');
  await frame.getByTestId('input-relationshipEnd').press('Tab');
  await expect(frame.getByTestId('field-error-relationshipEnd').textContent()).resolves.toMatch(/muodossa p\.k\.vvvv, esimerkiksi 1\.12\.2025/);
  await screenshot(page, 'office-date-field-message');
  await frame.getByTestId('input-relationshipEnd').fill('');
  await frame.getByTestId('save-button').click();
  await frame.getByTestId('saved-note').waitFor();
  await expect(frame.getByTestId('field-relationshipStart').textContent()).resolves.toBe('1.11.2026');
  // The moment of the create, 08:00 UTC, in Helsinki's time.
  await expect(frame.getByTestId('field-createdAt').textContent()).resolves.toBe('25.11.2026 klo 10.00');
  const sent = runs.find((r) => r.fn === 'saveCustomer')!.body.args[0] as { customer: Record<string, string> };
  expect(sent.customer.relationshipStart).toBe('2026-11-01');
  await fullSidebar(page, frame, 'office-record-dates');
});

test('each validation message names the real fault: an @ with no domain, a landline, a domain with ä', async () => {
  const { page, frame } = await open(OWNER);
  await frame.getByTestId('new-button').click();
  await frame.getByTestId('input-name').fill('Jari Virtanen');
  await frame.getByTestId('input-email').fill('jari.virtanen@');
  await frame.getByTestId('input-email').press('Tab');
  await expect(frame.getByTestId('field-error-email').textContent()).resolves.toMatch(/puuttuu @-merkin jälkeinen verkkotunnus/);
  await frame.getByTestId('input-phone').fill('03 1234 567');
  await frame.getByTestId('input-phone').press('Tab');
  await expect(frame.getByTestId('field-error-phone').textContent()).resolves.toMatch(/lankapuhelinnumerolta.*vain matkapuhelinnumero/);
  await screenshot(page, 'office-messages-fault');
  // A domain with ä is an address like any other; only a real fault in it is named.
  await frame.getByTestId('input-email').fill('jari@hämeenlinna.fi');
  await frame.getByTestId('input-email').press('Tab');
  await expect(frame.getByTestId('field-error-email').count()).resolves.toBe(0);
  await frame.getByTestId('input-email').fill('jari@hämeen_linna.fi');
  await frame.getByTestId('input-email').press('Tab');
  await expect(frame.getByTestId('field-error-email').textContent()).resolves.toMatch(/merkki "_"/);
  await expect(frame.getByTestId('field-error-email').textContent()).resolves.not.toMatch(/xn--/);
});

test('an address with ä in its domain is typed, saved and shown as typed (never xn--), and found by search', async () => {
  const { page, frame, runs } = await open(OWNER);
  await frame.getByTestId('new-button').click();
  const tag = unique();
  const email = `anna.${tag}@hyvä.fi`;
  // A text field with the email keyboard: Chromium's own email field would hand over xn--hyv-sla.fi.
  await expect(frame.getByTestId('input-email').getAttribute('type')).resolves.toBe('text');
  await expect(frame.getByTestId('input-email').getAttribute('inputmode')).resolves.toBe('email');
  await expect(frame.getByTestId('input-email').getAttribute('autocomplete')).resolves.toBe('email');
  await frame.getByTestId('input-name').fill(`Anna Hyvä ${tag}`);
  await frame.getByTestId('input-email').pressSequentially(email);
  await frame.getByTestId('input-email').press('Tab');
  await expect(frame.getByTestId('input-email').inputValue()).resolves.toBe(email);
  await expect(frame.getByTestId('field-error-email').count()).resolves.toBe(0);
  await frame.getByTestId('save-button').click();
  await frame.getByTestId('saved-note').waitFor();
  const sent = runs.find((r) => r.fn === 'saveCustomer')!.body.args[0] as { customer: Record<string, string> };
  expect(sent.customer.email).toBe(email);
  await expect(frame.getByTestId('field-email').textContent()).resolves.toContain(email);
  const number = (await frame.getByTestId('field-customerNumber').textContent())!.trim();
  expect((await customer(number)).email).toBe(email);
  await fullSidebar(page, frame, 'office-idn-email-saved');
  // Found by search, by the domain as typed and without its accent.
  await frame.getByTestId('back-button').click();
  for (const query of ['hyvä.fi', `anna.${tag}@hyva`]) {
    await frame.getByTestId('search-input').fill(query);
    await frame.getByTestId('search-input').press('Enter');
    await frame.locator(`[data-testid="result-item"][data-number="${number}"]`).waitFor();
  }
  await expect(frame.locator(`[data-testid="result-item"][data-number="${number}"]`).textContent()).resolves.toContain(email);
  await screenshot(page, 'office-idn-email-search');
});

test("Google's service error becomes \"Google ei vastannut — yritä uudelleen\" and the typed data is kept; a retry saves", async () => {
  const { page, frame } = await open(OWNER);
  await frame.getByTestId('new-button').click();
  const tag = unique();
  await frame.getByTestId('input-name').fill(`Kalle Katkos ${tag}`);
  await frame.getByTestId('input-email').fill(`kalle.${tag}@example.fi`);
  await frame.getByTestId('input-city').fill('Tampere');
  await call(env.srv.base, 'POST', '/api/faults', { atCall: 2, message: 'Service Spreadsheets failed while accessing document with id 1AbCdEf.' });
  await frame.getByTestId('save-button').click();
  const error = frame.getByTestId('customer-form').getByTestId('error');
  await error.waitFor();
  await expect(error.textContent()).resolves.toBe('Google ei vastannut — yritä uudelleen. Kirjoittamasi tiedot ovat tallessa.');
  await expect(frame.getByTestId('customer-form').textContent()).resolves.not.toMatch(/Service Spreadsheets/);
  await expect(frame.getByTestId('input-name').inputValue()).resolves.toBe(`Kalle Katkos ${tag}`);
  await expect(frame.getByTestId('input-city').inputValue()).resolves.toBe('Tampere');
  await screenshot(page, 'office-google-failed');
  await call(env.srv.base, 'DELETE', '/api/faults');
  await frame.getByTestId('save-button').click();
  await frame.getByTestId('saved-note').waitFor();
  await expect(frame.getByTestId('field-city').textContent()).resolves.toBe('Tampere');
});

test('a server refusal lands on its field, under the field’s own label, not at the top', async () => {
  const { page, frame } = await open(OWNER);
  await searchAndOpen(frame, '100030', '100030');
  await frame.getByTestId('disclose-button').click();
  await frame.getByTestId('input-recipient').fill('Verohallinto');
  await frame.getByTestId('input-basis').selectOption('authority');
  await frame.getByTestId('input-basisReference').fill('VH/123/2026');
  await frame.getByTestId('category-name').check();
  // The server's day moves back: the sidebar's today (25.11.) is the server's tomorrow.
  await call(env.srv.base, 'POST', '/api/clock', { now: '2026-11-24T08:00:00.000Z' });
  try {
    await frame.getByTestId('disclosure-save').click();
    const message = frame.getByTestId('panel-disclose').getByTestId('field-error-date');
    await message.waitFor();
    await expect(message.textContent()).resolves.toBe('Päivä ei voi olla tulevaisuudessa. Tarkista päivämäärä.');
    // Under "Luovutuspäivä" (the field's label), and no "Päivä: Päivä …" at the top of the record.
    await expect(frame.locator('label[for="disc-date"]').textContent()).resolves.toBe('Luovutuspäivä');
    await expect(frame.getByTestId('record-view').locator(':scope > [data-testid="error"]').count()).resolves.toBe(0);
    await expect(frame.getByTestId('record-view').textContent()).resolves.not.toMatch(/Päivä: Päivä/);
    await screenshot(page, 'office-refusal-on-field');
  } finally {
    await call(env.srv.base, 'POST', '/api/clock', { now: EMULATED_NOW });
  }
});

test('the duplicate found on create is shown beside the typed data, not as a success; the typed details are added with a version check', async () => {
  const existing = await customer('100011');
  const { page, frame, runs } = await open(OWNER);
  await frame.getByTestId('new-button').click();
  await frame.getByTestId('input-name').fill(existing.name);
  await frame.getByTestId('input-email').fill(existing.email);
  await frame.getByTestId('input-street').fill('Uusikatu 5');
  await frame.getByTestId('save-button').click();
  const view = frame.getByTestId('duplicate-view');
  await view.waitFor();
  await expect(frame.getByTestId('typed-street').textContent()).resolves.toBe('Uusikatu 5');
  await expect(frame.getByTestId('existing-street').textContent()).resolves.toBe(existing.street || '–');
  await expect(frame.getByTestId('existing-email').textContent()).resolves.toBe(existing.email);
  // A warning's colours, never the green of a success.
  const background = await frame.getByTestId('duplicate-note').evaluate((el) => getComputedStyle(el).backgroundColor);
  expect(background).not.toBe('rgb(230, 244, 234)');
  await expect(view.getByRole('button', { name: 'Avaa olemassa oleva' }).count()).resolves.toBe(1);
  await screenshot(page, 'office-duplicate');
  // Back to the form: the typed data is still there.
  await frame.getByTestId('back-to-form-button').click();
  await expect(frame.getByTestId('input-street').inputValue()).resolves.toBe('Uusikatu 5');
  await frame.getByTestId('save-button').click();
  await view.waitFor();
  await frame.getByTestId('merge-typed-button').click();
  await frame.getByTestId('saved-note').waitFor();
  await expect(frame.getByTestId('field-customerNumber').textContent()).resolves.toBe('100011');
  await expect(frame.getByTestId('field-street').textContent()).resolves.toBe('Uusikatu 5');
  const merge = runs.filter((r) => r.fn === 'saveCustomer').pop()!.body.args[0] as Record<string, unknown>;
  expect(merge).toEqual({ customer: { street: 'Uusikatu 5', customerNumber: '100011' }, expectedVersion: existing.version, expectedRowToken: expect.stringMatching(/^[0-9a-f]{32}$/) });
  expect((await customer('100011')).street).toBe('Uusikatu 5');
});

test('leaving unsaved changes asks first: the edit form and a key person added in the settings', async () => {
  const { page, frame } = await open(OWNER);
  await searchAndOpen(frame, '100012', '100012');
  await frame.getByTestId('edit-button').click();
  await frame.getByTestId('input-city').fill('Lähtölä');
  await frame.getByTestId('cancel-button').click();
  const guard = frame.getByTestId('leave-guard');
  await guard.waitFor();
  // "Jatka muokkausta" is focused: Enter keeps the changes.
  await expect(frame.evaluate(() => document.activeElement?.getAttribute('data-testid'))).resolves.toBe('leave-stay');
  await screenshot(page, 'office-leave-guard');
  await page.keyboard.press('Enter');
  await guard.waitFor({ state: 'detached' });
  await expect(frame.getByTestId('input-city').inputValue()).resolves.toBe('Lähtölä');
  // The settings button asks too; leaving without saving drops the change.
  await frame.getByTestId('settings-button').click();
  await guard.waitFor();
  await frame.getByTestId('leave-discard').click();
  await frame.getByTestId('admin-section').waitFor();
  expect((await customer('100012')).city).not.toBe('Lähtölä');

  // A key person added in the settings does not vanish on "Takaisin hakuun" without a word.
  await frame.locator('#admin-new-email').fill('uusi.henkilo@cleanroom.fi');
  await frame.getByTestId('add-person-button').click();
  await frame.locator('[data-testid="key-person"][data-email="uusi.henkilo@cleanroom.fi"]').waitFor();
  await frame.getByTestId('back-button').click();
  await guard.waitFor();
  await frame.getByTestId('leave-stay').click();
  await expect(frame.locator('[data-testid="key-person"][data-email="uusi.henkilo@cleanroom.fi"]').count()).resolves.toBe(1);
  // An address with ä in its domain is listed as typed, though kept in Google's xn-- form.
  await frame.locator('#admin-new-email').fill('anna@hyvä.fi');
  await frame.getByTestId('add-person-button').click();
  const idn = frame.locator('[data-testid="key-person"][data-email="anna@xn--hyv-sla.fi"]');
  await idn.waitFor();
  await expect(idn.locator('.person-email').textContent()).resolves.toBe('anna@hyvä.fi');
  await frame.getByTestId('back-button').click();
  await frame.getByTestId('leave-discard').click();
  await frame.getByTestId('search-input').waitFor();
});

test('Escape closes panels and forms; the ban confirmation focuses Peruuta, so Enter twice sets no ban', async () => {
  const { page, frame, runs } = await open(OWNER);
  await searchAndOpen(frame, '100013', '100013');
  await frame.getByTestId('ban-button').click();
  await frame.getByTestId('panel-ban').waitFor();
  await expect(frame.evaluate(() => document.activeElement?.getAttribute('data-testid'))).resolves.toBe('panel-cancel');
  await screenshot(page, 'office-ban-confirm');
  await page.keyboard.press('Enter');
  await frame.getByTestId('panel-ban').waitFor({ state: 'detached' });
  // Focus goes back to the ban button: a second Enter opens the panel again, and no more.
  await frame.waitForFunction(() => document.activeElement?.getAttribute('data-testid') === 'ban-button');
  await page.keyboard.press('Enter');
  await frame.getByTestId('panel-ban').waitFor();
  await page.keyboard.press('Escape');
  await frame.getByTestId('panel-ban').waitFor({ state: 'detached' });
  expect(runs.some((r) => r.fn === 'banMarketing')).toBe(false);
  expect((await customer('100013')).marketingBannedAt).toBe('');

  await frame.getByTestId('legal-hold-button').click();
  await frame.getByTestId('panel-hold').waitFor();
  await page.keyboard.press('Escape');
  await frame.getByTestId('panel-hold').waitFor({ state: 'detached' });
  // Escape leaves an unchanged form at once.
  await frame.getByTestId('edit-button').click();
  await frame.getByTestId('customer-form').waitFor();
  await page.keyboard.press('Escape');
  await frame.getByTestId('record-view').waitFor();
});

test('a message that appears as a field is left never eats the click on Tallenna', async () => {
  const { frame, runs } = await open(OWNER);
  await frame.getByTestId('new-button').click();
  await frame.getByTestId('input-name').fill('Hiiri Klikkaaja');
  await frame.getByTestId('input-email').fill('hiiri@');
  // One mouse click straight from the field: the submit runs (its summary shows), nothing is sent.
  await frame.getByTestId('save-button').click();
  await frame.getByTestId('form-errors').waitFor();
  await expect(frame.getByTestId('field-error-email').count()).resolves.toBe(1);
  expect(runs.some((r) => r.fn === 'saveCustomer')).toBe(false);
  // Fixed, one click saves.
  await frame.getByTestId('input-email').fill(`hiiri.${unique()}@example.fi`);
  await frame.getByTestId('save-button').click();
  await frame.getByTestId('saved-note').waitFor();
});

test('after saving the settings in Swedish, the confirmation is in Swedish', async () => {
  const { page, frame } = await open(OWNER);
  await frame.getByTestId('settings-button').click();
  await frame.getByTestId('input-language').selectOption('sv');
  await frame.getByTestId('settings-save').click();
  try {
    await expect(frame.getByTestId('settings-notice').textContent()).resolves.toBe('Inställningarna sparades.');
    await expect(frame.evaluate(() => document.documentElement.lang)).resolves.toBe('sv');
    await screenshot(page, 'office-settings-saved-sv');
  } finally {
    await call(env.srv.base, 'POST', '/api/run/saveSettings', { args: [{ settings: { language: 'fi' } }] });
  }
});

test('menus follow the role: staff see no "Ylläpito" and no "Käyttöönotto / korjaus", and both can open the selected row', async () => {
  const items = async (user: string) => {
    const { page } = await open(user);
    await page.getByTestId('menubar').getByRole('button', { name: 'Rekisteri' }).click();
    return page.getByRole('menuitem').allTextContents();
  };
  const staff = await items(STAFF);
  expect(staff).toEqual(['Avaa rekisteri', 'Pyynnöt', 'Avaa valittu rivi']);
  const owner = await items(OWNER);
  expect(owner).toEqual(['Avaa rekisteri', 'Pyynnöt', 'Avaa valittu rivi', 'Ylläpito', 'Käyttöönotto / korjaus']);
});
