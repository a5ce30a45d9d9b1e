/**
 * The register sidebar in Debian's Chromium, on the emulator page, as key personnel use it:
 * create, find and edit a person; two people editing one record; a marketing ban that takes the
 * person off the marketing list; an outsider who gets nothing; hostile text shown as text; and
 * inline validation before anything is sent.
 */
import * as fs from 'node:fs';
import { Page, Frame } from 'playwright-core';
import { call, useServerAndBrowser, watch, RunRequest, OWNER, STAFF, OUTSIDER } from './support';

jest.setTimeout(90_000);

const env = useServerAndBrowser();
/** Pages opened by the current test, with what each saw. */
let opened: { page: Page; runs: RunRequest[]; dialogs: string[] }[] = [];

afterEach(async () => {
  for (const o of opened) await o.page.close();
  opened = [];
});

async function newPage() {
  const page = await env.browser.newPage({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  page.setDefaultTimeout(15_000);
  const entry = { page, ...watch(page) };
  opened.push(entry);
  return entry;
}

/** Opens the page as `user`, then Rekisteri → Avaa rekisteri; returns the loaded sidebar frame. */
async function sidebarAs(user: string) {
  const entry = await newPage();
  const { page } = entry;
  await page.goto(`${env.srv.base}/?user=${encodeURIComponent(user)}`);
  const menu = page.getByTestId('menubar').getByRole('button', { name: 'Rekisteri' });
  await menu.click();
  await page.getByRole('menuitem', { name: 'Avaa rekisteri' }).click();
  const frame = (await (await page.getByTestId('sidebar-frame').elementHandle())!.contentFrame())!;
  await frame.getByTestId('search-input').waitFor();
  return { ...entry, frame };
}

async function searchAndOpen(frame: Frame, query: string, number?: string): Promise<void> {
  await frame.getByTestId('search-input').fill(query);
  await frame.getByTestId('search-input').press('Enter');
  const item = number ? frame.locator(`[data-testid="result-item"][data-number="${number}"]`) : frame.getByTestId('result-item').first();
  await item.click();
  await frame.getByTestId('record-view').waitFor();
}

async function fieldText(frame: Frame, key: string): Promise<string | null> {
  return frame.getByTestId(`field-${key}`).textContent();
}

/** Downloads the marketing list from the sidebar; returns its emails. */
async function downloadMarketingEmails(page: Page, frame: Frame): Promise<string[]> {
  const [download] = await Promise.all([page.waitForEvent('download'), frame.getByTestId('export-button').click()]);
  expect(download.suggestedFilename()).toMatch(/^[a-z0-9-]+-markkinointilista-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = fs.readFileSync((await download.path())!, 'utf8').replace(/^\uFEFF/, '');
  const lines = csv.split(/\r\n/).filter((l) => l !== '');
  expect(lines[0]).toBe('Sähköposti;Nimi;Asiakasnumero');
  return lines.slice(1).map((l) => l.split(';')[0]);
}

const unique = () => `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
const phoneOf = () => `050 ${String(Math.floor(1e6 + Math.random() * 8e6))}`;

test('(a) a person is created, found by search and edited, all in the sidebar', async () => {
  const { page, frame, runs, dialogs } = await sidebarAs(OWNER);
  const tag = unique();
  const email = `aino.${tag}@example.fi`;
  await frame.getByTestId('new-button').click();
  await frame.getByTestId('customer-form').waitFor();
  // Focus starts in the name field.
  await expect(frame.evaluate(() => document.activeElement?.getAttribute('data-testid'))).resolves.toBe('input-name');
  await frame.getByTestId('input-name').fill(`Aino Testinen ${tag}`);
  await frame.getByTestId('input-email').fill(`  ${email.replace('example.fi', 'EXAMPLE.fi')} `);
  await frame.getByTestId('input-phone').fill(phoneOf());
  await frame.getByTestId('input-street').fill('Hämeenkatu 1');
  await frame.getByTestId('input-postalCode').fill('33100');
  await frame.getByTestId('input-city').fill('Tampere');
  await frame.getByTestId('save-button').click();
  await frame.getByTestId('record-view').waitFor();
  await frame.getByTestId('saved-note').waitFor();
  const number = (await frame.getByTestId('field-customerNumber').textContent())!;
  expect(number).toMatch(/^\d{6}$/);
  await expect(fieldText(frame, 'email')).resolves.toBe(email);
  // Stored in E.164, shown grouped for reading (issue 8).
  await expect(frame.getByTestId('field-phone').getAttribute('data-value')).resolves.toMatch(/^\+35850\d{7}$/);
  await expect(fieldText(frame, 'phone')).resolves.toMatch(/^\+358 50 \d{3} \d{4}$/);
  await expect(fieldText(frame, 'country')).resolves.toBe('Suomi (FI)');
  await expect(frame.getByTestId('row-count').getAttribute('data-count')).resolves.toBe('201');
  // A create sends no system fields.
  const create = runs.find((r) => r.fn === 'saveCustomer')!;
  const sent = (create.body.args[0] as { customer: Record<string, unknown> }).customer;
  for (const f of ['customerNumber', 'version', 'createdAt', 'createdBy', 'updatedAt', 'updatedBy']) expect(sent).not.toHaveProperty(f);

  // Back to search and find them by a part of the name, accent-insensitively.
  await frame.getByTestId('back-button').click();
  await frame.getByTestId('search-input').fill(`testinen ${tag}`);
  await frame.getByTestId('result-item').first().waitFor(); // debounced search, no Enter
  await expect(frame.getByTestId('result-item').count()).resolves.toBe(1);
  await expect(frame.getByTestId('result-item').textContent()).resolves.toContain(email);
  // Keyboard: arrow down from the search box, Enter opens.
  await frame.getByTestId('search-input').press('ArrowDown');
  await page.keyboard.press('Enter');
  await frame.getByTestId('record-view').waitFor();
  await expect(fieldText(frame, 'customerNumber')).resolves.toBe(number);

  await frame.getByTestId('edit-button').click();
  await frame.getByTestId('input-city').fill('Turku');
  await frame.getByTestId('input-postalCode').fill('20100');
  await frame.getByTestId('save-button').click();
  await frame.getByTestId('saved-note').waitFor();
  await expect(fieldText(frame, 'city')).resolves.toBe('Turku');
  await expect(frame.getByTestId('field-version').textContent()).resolves.toBe('2');
  // The edit sent only what changed, with the loaded version and the row token the create returned.
  const edit = runs.filter((r) => r.fn === 'saveCustomer')[1];
  expect(edit.body.args[0]).toEqual({
    customer: { city: 'Turku', postalCode: '20100', customerNumber: number }, expectedVersion: 1, expectedRowToken: expect.stringMatching(/^[0-9a-f]{32}$/),
  });
  const { body } = await call(env.srv.base, 'POST', '/api/run/getCustomer', { args: [{ customerNumber: number }] });
  expect(body.result.customer).toMatchObject({ city: 'Turku', email, version: 2 });
  expect(dialogs).toEqual([]);

  // Creating the same email again shows the existing record instead of a new one.
  await frame.getByTestId('back-button').click();
  await frame.getByTestId('new-button').click();
  await frame.getByTestId('input-name').fill('Joku Muu');
  await frame.getByTestId('input-email').fill(email);
  await frame.getByTestId('save-button').click();
  // The existing person beside what was typed (issue 8), then opened.
  await frame.getByTestId('duplicate-note').waitFor();
  await expect(frame.getByTestId('existing-name').textContent()).resolves.toBe(`Aino Testinen ${tag}`);
  await expect(frame.getByTestId('typed-name').textContent()).resolves.toBe('Joku Muu');
  await frame.getByTestId('open-existing-button').click();
  await expect(fieldText(frame, 'customerNumber')).resolves.toBe(number);
  await expect(fieldText(frame, 'name')).resolves.toBe(`Aino Testinen ${tag}`);
  await expect(frame.getByTestId('row-count').getAttribute('data-count')).resolves.toBe('201');
});

test('(b) two people edit one record: the second save is refused and shows the newer data beside the unsaved input', async () => {
  const number = '100007';
  const owner = await sidebarAs(OWNER);
  const staff = await sidebarAs(STAFF);
  await searchAndOpen(owner.frame, number, number);
  await searchAndOpen(staff.frame, number, number);
  const version = Number(await owner.frame.getByTestId('field-version').textContent());
  await owner.frame.getByTestId('edit-button').click();
  await staff.frame.getByTestId('edit-button').click();
  await owner.frame.getByTestId('input-city').fill('Omistajala');
  await staff.frame.getByTestId('input-city').fill('Henkilökunnala');
  await owner.frame.getByTestId('save-button').click();
  await owner.frame.getByTestId('saved-note').waitFor();
  await expect(fieldText(owner.frame, 'city')).resolves.toBe('Omistajala');

  await staff.frame.getByTestId('save-button').click();
  const conflict = staff.frame.getByTestId('conflict-message');
  await conflict.waitFor();
  await expect(conflict.getAttribute('role')).resolves.toBe('alert');
  await expect(conflict.textContent()).resolves.toMatch(/muutettiin sillä välin.*asiakaspalvelu@cleanroom\.fi/);
  // The time as a Finn reads it, in Helsinki time (issue 8): never an ISO instant.
  await expect(conflict.textContent()).resolves.toMatch(/\d{1,2}\.\d{1,2}\.\d{4} klo \d{1,2}\.\d{2}/);
  await expect(conflict.textContent()).resolves.not.toMatch(/\d{4}-\d{2}-\d{2}T/);
  fs.mkdirSync('test-results/screenshots', { recursive: true });
  await staff.page.getByTestId('sidebar').screenshot({ path: 'test-results/screenshots/office-conflict-time.png' });
  // The newer data is shown, and the unsaved input beside it.
  await expect(fieldText(staff.frame, 'city')).resolves.toBe('Omistajala');
  await expect(staff.frame.getByTestId('field-version').textContent()).resolves.toBe(String(version + 1));
  await expect(staff.frame.getByTestId('unsaved-city').textContent()).resolves.toContain('Henkilökunnala');
  const { body } = await call(env.srv.base, 'POST', '/api/run/getCustomer', { args: [{ customerNumber: number }] });
  expect(body.result.customer.city).toBe('Omistajala');

  // Re-applying the change onto the newer version saves it.
  await staff.frame.getByTestId('reapply-button').click();
  await expect(staff.frame.getByTestId('input-city').inputValue()).resolves.toBe('Henkilökunnala');
  await staff.frame.getByTestId('save-button').click();
  await staff.frame.getByTestId('saved-note').waitFor();
  await expect(fieldText(staff.frame, 'city')).resolves.toBe('Henkilökunnala');
  expect(staff.runs.filter((r) => r.fn === 'saveCustomer').map((r) => (r.body.args[0] as { expectedVersion: number }).expectedVersion))
    .toEqual([version, version + 1]);
});

test('(b2) a hand edit typed in the sheet before its trigger runs: the sidebar save is refused and shows it; a create sends one key per form', async () => {
  const number = '100009';
  const staff = await sidebarAs(STAFF);
  await searchAndOpen(staff.frame, number, number);
  const version = Number(await staff.frame.getByTestId('field-version').textContent());
  await staff.frame.getByTestId('edit-button').click();
  await staff.frame.getByTestId('input-street').fill('Sivupalkinkatu 9');
  // A script write fires no on-edit trigger: the cell changes, the version does not (as in the seconds before a trigger runs).
  const { body } = await call(env.srv.base, 'POST', '/api/script', {
    user: OWNER,
    code: `var sh = SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Rekisteri');
      var col = sh.getRange('1:1').getValues()[0].indexOf('Postitoimipaikka') + 1;
      var row = sh.getRange('A2:A').createTextFinder('${number}').matchEntireCell(true).findNext().getRow();
      sh.getRange(row, col).setValue('Käsinkylä');
      return row;`,
  });
  expect(body.error).toBeUndefined();
  await staff.frame.getByTestId('save-button').click();
  const conflict = staff.frame.getByTestId('conflict-message');
  await conflict.waitFor();
  await expect(conflict.textContent()).resolves.toMatch(/muutettiin taulukossa/);
  await expect(fieldText(staff.frame, 'city')).resolves.toBe('Käsinkylä');
  await expect(staff.frame.getByTestId('field-version').textContent()).resolves.toBe(String(version));
  await expect(staff.frame.getByTestId('unsaved-street').textContent()).resolves.toContain('Sivupalkinkatu 9');
  const sent = staff.runs.filter((r) => r.fn === 'saveCustomer').map((r) => r.body.args[0] as { expectedRowToken?: string });
  expect(sent).toHaveLength(1);
  expect(sent[0].expectedRowToken).toMatch(/^[0-9a-f]{32}$/);
  // Re-applying onto the newer row saves it, the hand edit kept.
  await staff.frame.getByTestId('reapply-button').click();
  await staff.frame.getByTestId('save-button').click();
  await staff.frame.getByTestId('saved-note').waitFor();
  await expect(fieldText(staff.frame, 'city')).resolves.toBe('Käsinkylä');
  await expect(fieldText(staff.frame, 'street')).resolves.toBe('Sivupalkinkatu 9');

  // A new person's form carries one key; another form gets another.
  await staff.frame.getByTestId('back-button').click();
  for (const name of [`Avain Yksi ${unique()}`, `Avain Kaksi ${unique()}`]) {
    await staff.frame.getByTestId('new-button').click();
    await staff.frame.getByTestId('input-name').fill(name);
    await staff.frame.getByTestId('save-button').click();
    await staff.frame.getByTestId('saved-note').waitFor();
    await staff.frame.getByTestId('back-button').click();
  }
  const keys = staff.runs.filter((r) => r.fn === 'saveCustomer').map((r) => (r.body.args[0] as { requestKey?: string }).requestKey).filter(Boolean);
  expect(keys).toHaveLength(2);
  expect(keys[0]).toMatch(/^[A-Za-z0-9_-]{16,64}$/);
  expect(keys[0]).not.toBe(keys[1]);
});

test('(c) a marketing ban, confirmed first, takes the person off the downloaded marketing list', async () => {
  const { page, frame, runs } = await sidebarAs(STAFF);
  const before = await downloadMarketingEmails(page, frame);
  expect(before.length).toBeGreaterThan(0);
  const email = before[0];
  await frame.getByTestId('export-notice').waitFor();

  await searchAndOpen(frame, email);
  await expect(fieldText(frame, 'email')).resolves.toBe(email);
  await expect(frame.getByTestId('badge-banned').count()).resolves.toBe(0);
  await frame.getByTestId('ban-button').click();
  // Nothing is sent until the permanent ban is confirmed.
  await frame.getByTestId('ban-warning').waitFor();
  expect(runs.some((r) => r.fn === 'banMarketing')).toBe(false);
  await frame.getByTestId('ban-confirm').click();
  await frame.getByTestId('badge-banned').waitFor();
  await expect(frame.getByTestId('field-marketingBannedAt').textContent()).resolves.toMatch(/^\d{1,2}\.\d{1,2}\.\d{4}/);
  // The ban is permanent: the action is no longer offered.
  await expect(frame.getByTestId('ban-button').count()).resolves.toBe(0);

  await frame.getByTestId('back-button').click();
  const after = await downloadMarketingEmails(page, frame);
  expect(after).not.toContain(email);
  expect(after.length).toBe(before.length - 1);
  // The same through the server function the page calls.
  const csv = await frame.evaluate(
    () => new Promise<string>((resolve, reject) => {
      (window as any).google.script.run.withSuccessHandler((r: { csv: string }) => resolve(r.csv)).withFailureHandler(reject).exportMarketingList({ format: 'import' });
    }),
  );
  expect(csv).toMatch(/^\uFEFFemail,name,customerNumber\r\n/);
  expect(csv).not.toContain(email);
});

test('(d) an outsider gets no menu, no sidebar and no data, from the page, a frame or the API', async () => {
  const { body: listing } = await call(env.srv.base, 'POST', '/api/run/searchCustomers', { args: [{ query: 'a' }], user: OWNER });
  const someEmails: string[] = listing.result.customers.map((c: { email: string }) => c.email).filter(Boolean);
  expect(someEmails.length).toBeGreaterThan(3);

  const { page } = await newPage();
  await page.goto(`${env.srv.base}/?user=${encodeURIComponent(OUTSIDER)}`);
  await page.getByTestId('no-access').waitFor();
  await expect(page.getByTestId('menubar').getByRole('button', { name: 'Rekisteri' }).count()).resolves.toBe(0);
  await expect(page.getByTestId('sidebar').count()).resolves.toBe(0);

  // Every register function refuses the outsider over the API, with a message and no data.
  const calls: [string, unknown[]][] = [
    ['getSidebarInfo', []],
    ['searchCustomers', [{ query: 'a' }]],
    ['getCustomer', [{ customerNumber: '100001' }]],
    ['exportMarketingList', [{ format: 'excel' }]],
    ['getSettings', []],
    ['saveCustomer', [{ customer: { name: 'Ulkopuolinen' } }]],
  ];
  for (const [fn, args] of calls) {
    const { body } = await call(env.srv.base, 'POST', `/api/run/${fn}`, { args, user: OUTSIDER });
    expect(body.result).toBeUndefined();
    expect(body.error.message).toMatch(/avainhenkilöt/);
    const raw = JSON.stringify(body);
    for (const e of someEmails) expect(raw).not.toContain(e);
    expect(raw).not.toContain('100001');
  }

  // Even with the real sidebar forced open in a frame, the outsider sees only the refusal.
  env.srv.emulator.world.uiFor(OUTSIDER).sidebar = {
    kind: 'sidebar', title: 'Asiakasrekisteri', html: fs.readFileSync('dist/Sidebar.html', 'utf8'), width: 300, height: 0, openedAt: Date.now(),
  };
  try {
    await page.goto(`${env.srv.base}/frame/sidebar?user=${encodeURIComponent(OUTSIDER)}`);
    await page.getByTestId('error').waitFor();
    await expect(page.getByTestId('error').textContent()).resolves.toMatch(/avainhenkilöt/);
    await expect(page.getByTestId('search-input').count()).resolves.toBe(0);
    const outcome = await page.evaluate(
      () => new Promise((resolve) => {
        (window as any).google.script.run
          .withSuccessHandler((r: unknown) => resolve({ result: r }))
          .withFailureHandler((e: Error) => resolve({ error: e.message }))
          .getCustomer({ customerNumber: '100001' });
      }),
    );
    expect(outcome).toEqual({ error: expect.stringMatching(/avainhenkilöt/) });
    for (const e of someEmails) expect(await page.content()).not.toContain(e);
  } finally {
    env.srv.emulator.world.uiFor(OUTSIDER).sidebar = null;
  }
});

test('(e) a hostile name is shown literally in the result list and the record view and runs no script', async () => {
  const { page, frame, dialogs } = await sidebarAs(OWNER);
  const hostile = '<img src=x onerror=alert(1)>';
  const tag = unique();
  await frame.getByTestId('new-button').click();
  await frame.getByTestId('input-name').fill(hostile);
  await frame.getByTestId('input-email').fill(`hostile.${tag}@example.fi`);
  await frame.getByTestId('input-sourceNote').fill(`<script>alert(2)</script> ${tag}`);
  await frame.getByTestId('save-button').click();
  await frame.getByTestId('saved-note').waitFor();
  await expect(frame.getByTestId('record-name').textContent()).resolves.toBe(hostile);
  await expect(fieldText(frame, 'name')).resolves.toBe(hostile);
  await expect(fieldText(frame, 'sourceNote')).resolves.toBe(`<script>alert(2)</script> ${tag}`);
  await frame.getByTestId('back-button').click();
  await frame.getByTestId('search-input').fill(`hostile.${tag}`);
  await frame.getByTestId('search-input').press('Enter');
  await expect(frame.getByTestId('result-item').locator('.result-name').textContent()).resolves.toBe(hostile);
  await frame.getByTestId('result-item').click();
  await frame.getByTestId('record-view').waitFor();
  await page.waitForTimeout(300);
  await expect(frame.locator('img').count()).resolves.toBe(0);
  await expect(frame.locator('main script').count()).resolves.toBe(0);
  expect(dialogs).toEqual([]);
  await page.screenshot({ path: '/tmp/sidebar-hostile.png' });
});

test('(f) a bad email gets its inline message before anything is saved', async () => {
  const { frame, runs } = await sidebarAs(OWNER);
  await frame.getByTestId('new-button').click();
  await frame.getByTestId('input-name').fill('Virheellinen Osoite');
  await frame.getByTestId('input-email').fill('matti@@example.fi');
  await expect(frame.getByTestId('field-error-email').count()).resolves.toBe(0); // not while typing the first time
  await frame.getByTestId('input-email').press('Tab');
  const message = frame.getByTestId('field-error-email');
  await message.waitFor();
  await expect(message.textContent()).resolves.toBe('Sähköpostiosoitteessa on useampi @-merkki; siinä saa olla vain yksi, esimerkiksi matti.meikalainen@yritys.fi.');
  await expect(frame.getByTestId('input-email').getAttribute('aria-describedby')).resolves.toBe(await message.getAttribute('id'));
  // A phone and a postal code are checked by the same rules.
  await frame.getByTestId('input-phone').fill('12');
  await frame.getByTestId('input-phone').press('Tab');
  await frame.getByTestId('field-error-phone').waitFor();
  await frame.getByTestId('save-button').click();
  await frame.getByTestId('form-errors').waitFor();
  // Focus goes to the first invalid field; nothing reached the server.
  await expect(frame.evaluate(() => document.activeElement?.getAttribute('data-testid'))).resolves.toBe('input-email');
  expect(runs.filter((r) => r.fn === 'saveCustomer')).toEqual([]);
  // Fixing the value clears its message at once.
  await frame.getByTestId('input-email').fill('matti@example.fi');
  await expect(frame.getByTestId('field-error-email').count()).resolves.toBe(0);
});

test('record actions: legal hold, restriction, relationship end and a disclosure, with a screenshot of the record', async () => {
  const { page, frame, dialogs, runs } = await sidebarAs(OWNER);
  await searchAndOpen(frame, '100012', '100012');
  await frame.getByTestId('legal-hold-button').click();
  await frame.getByTestId('input-legalHoldUntil').fill('2031-12-31');
  await frame.getByTestId('legal-hold-save').click();
  // The reason is required with a date: inline message, nothing sent.
  await frame.getByTestId('field-error-legalHoldReason').waitFor();
  await frame.getByTestId('input-legalHoldReason').fill('Kirjanpitolaki 2:10');
  await frame.getByTestId('legal-hold-save').click();
  await frame.getByTestId('badge-legal-hold').waitFor();
  await expect(frame.getByTestId('badge-legal-hold').textContent()).resolves.toBe('Säilytettävä 31.12.2031 asti');
  await expect(fieldText(frame, 'legalHoldUntil')).resolves.toBe('31.12.2031');

  await frame.getByTestId('restrict-button').click();
  await frame.getByTestId('restrict-confirm').click();
  await frame.getByTestId('badge-restricted').waitFor();
  await expect(frame.getByTestId('restrict-button').textContent()).resolves.toBe('Poista käsittelyn rajoitus');

  // A restricted person's data goes only to an authority; the form says so before sending.
  await frame.getByTestId('disclose-button').click();
  await frame.getByTestId('input-recipient').fill('Poliisi');
  await frame.getByTestId('input-basis').selectOption('consent');
  await frame.getByTestId('disclosure-save').click();
  await frame.getByTestId('field-error-basis').waitFor();
  await frame.getByTestId('field-error-dataCategories').waitFor();
  await frame.getByTestId('input-basis').selectOption('authority');
  await frame.getByTestId('input-basisReference').fill('POL-2026-123');
  await frame.getByTestId('category-name').check();
  await frame.getByTestId('category-email').check();
  await frame.getByTestId('disclosure-save').click();
  await frame.getByTestId('action-note').filter({ hasText: /Luovutus kirjattiin tunnuksella D-/ }).waitFor();
  const { body } = await call(env.srv.base, 'GET', `/api/sheets/${encodeURIComponent('Luovutukset')}`);
  const row = body.values.find((r: string[]) => r.includes('POL-2026-123'));
  // Words, not codes, in the tab a person reads.
  expect(row).toEqual(expect.arrayContaining(['100012', 'Poliisi', 'FI', 'Viranomaisen vaatimus', 'Nimi, Sähköposti']));
  // The disclosure carried its form's key; each action sent the row token the one before returned.
  expect(runs.filter((r) => r.fn === 'recordDisclosure').map((r) => (r.body.args[0] as { requestKey?: string }).requestKey)).toEqual([expect.stringMatching(/^[A-Za-z0-9_-]{16,64}$/)]);
  expect(runs.filter((r) => ['setLegalHold', 'restrictProcessing'].includes(r.fn)).map((r) => (r.body.args[0] as { expectedRowToken?: string }).expectedRowToken))
    .toEqual([expect.stringMatching(/^[0-9a-f]{32}$/), expect.stringMatching(/^[0-9a-f]{32}$/)]);
  // The record view lists it.
  await frame.getByTestId('disclosure-item').filter({ hasText: 'Poliisi' }).filter({ hasText: 'POL-2026-123' }).waitFor();

  await frame.getByTestId('end-relationship-button').click();
  await frame.getByTestId('end-relationship-confirm').click();
  await frame.getByTestId('badge-ended').waitFor();
  expect(dialogs).toEqual([]);
  await frame.getByTestId('record-view').waitFor();
  await frame.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: '/tmp/sidebar.png' });
  await page.getByTestId('sidebar').screenshot({ path: '/tmp/sidebar-only.png' });
});

test('the settings are offered to admins only; an admin adds a key person', async () => {
  const staff = await sidebarAs(STAFF);
  await expect(staff.frame.getByTestId('settings-button').count()).resolves.toBe(0);
  await expect(staff.frame.getByTestId('admin-section').count()).resolves.toBe(0);

  const { frame } = await sidebarAs(OWNER);
  await frame.getByTestId('settings-button').click();
  await frame.getByTestId('key-personnel').waitFor();
  await expect(frame.getByTestId('key-person').evaluateAll((els) => els.map((e) => e.getAttribute('data-email'))))
    .resolves.toEqual([OWNER, STAFF]);
  await frame.getByTestId('input-newKeyPerson').fill('uusi.henkilo@cleanroom.fi');
  await frame.getByTestId('add-person-button').click();
  await frame.getByTestId('settings-save').click();
  await frame.getByTestId('settings-notice').waitFor();
  const { body } = await call(env.srv.base, 'POST', '/api/run/getSettings', { args: [] });
  expect(body.result.settings.keyPersonnel).toEqual([
    { email: OWNER, role: 'admin' }, { email: STAFF, role: 'staff' }, { email: 'uusi.henkilo@cleanroom.fi', role: 'staff' },
  ]);
  // The admin cannot drop their own admin role by accident.
  await expect(frame.locator(`[data-email="${OWNER}"] button`).isDisabled()).resolves.toBe(true);

  // Switching the register to Swedish switches the sidebar: labels, enumerations and dates.
  try {
    await frame.getByTestId('input-language').selectOption('sv');
    await frame.getByTestId('settings-save').click();
    await frame.getByTestId('settings-button').filter({ hasText: 'Inställningar' }).waitFor();
    await frame.getByTestId('back-button').click();
    await searchAndOpen(frame, '100012', '100012');
    await expect(frame.locator('dt').first().textContent()).resolves.toBe('Kundnummer');
    await expect(fieldText(frame, 'kind')).resolves.toBe('Kund');
    await expect(frame.getByTestId('badge-legal-hold').textContent()).resolves.toBe('Lagringsskyldighet till 31.12.2031');
    await expect(frame.getByTestId('edit-button').textContent()).resolves.toBe('Redigera');
    await expect(frame.evaluate(() => document.documentElement.lang)).resolves.toBe('sv');
  } finally {
    await call(env.srv.base, 'POST', '/api/run/saveSettings', { args: [{ settings: { language: 'fi' } }] });
  }
});
