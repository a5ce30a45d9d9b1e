/**
 * Finding people and their past in the browser (issue 8), in Finnish: the recently opened people
 * on the start screen (per user, kept by the server), "Avaa valittu rivi" from the sidebar and
 * the menu (the row selected in the register tab), surname-first and partial multi-word search,
 * a record's change history (who, when, which fields as words, never values, newest first), and
 * a 300 px sidebar that reads well: the document's language and hyphenation, phones grouped,
 * full values on hover and focus, and help for the legal terms; and words, not codes, in the
 * register tab (with its dropdowns, typed words and dates) and in a record's disclosures.
 * Screenshots go to test-results/screenshots/office-*.png.
 */
import type { Frame } from 'playwright-core';
import { call, useServerAndBrowser, OWNER, STAFF } from './support';
import { pages, screenshot, fullSidebar, searchAndOpen, sidebarAs, sidebarFrame, columnName, gridScreenshot, typeIntoCell, waitForCell } from './office-support';

jest.setTimeout(120_000);

const env = useServerAndBrowser();
const opened = pages();
afterEach(() => opened.closeAll());

const open = (user: string, opts: { locale?: string; item?: string } = {}) => sidebarAs(env.browser, env.srv.base, user, { ...opts, track: opened.list });
const customer = async (number: string) => (await call(env.srv.base, 'POST', '/api/run/getCustomer', { args: [{ customerNumber: number }], user: STAFF })).body.result.customer;
const recentNumbers = (frame: Frame) => frame.getByTestId('recent-item').evaluateAll((els) => els.map((e) => e.getAttribute('data-number')));

test('the start screen lists the people this user opened, newest first, kept by the server across sessions and per user', async () => {
  const first = await open(OWNER);
  await searchAndOpen(first.frame, '100021', '100021');
  await first.frame.getByTestId('back-button').click();
  await searchAndOpen(first.frame, '100022', '100022');
  await first.frame.getByTestId('back-button').click();
  await first.frame.getByTestId('search-input').fill('');
  await first.frame.getByTestId('recent-item').first().waitFor();
  expect((await recentNumbers(first.frame)).slice(0, 2)).toEqual(['100022', '100021']);

  // A new session: the list comes from the server (the user's own properties).
  const again = await open(OWNER);
  await again.frame.getByTestId('recent-item').first().waitFor();
  expect((await recentNumbers(again.frame)).slice(0, 2)).toEqual(['100022', '100021']);
  await expect(again.frame.getByTestId('recent').textContent()).resolves.toMatch(/Viimeksi avatut/);
  await screenshot(again.page, 'office-recent');
  // Opening from the list opens the record.
  await again.frame.locator('[data-testid="recent-item"][data-number="100021"]').click();
  await expect(again.frame.getByTestId('field-customerNumber').textContent()).resolves.toBe('100021');

  // Staff have their own list.
  const staff = await open(STAFF);
  await staff.frame.getByTestId('recent').waitFor();
  await staff.frame.getByTestId('recent-empty').or(staff.frame.getByTestId('recent-item').first()).waitFor();
  expect(await recentNumbers(staff.frame)).not.toContain('100022');
});

test('"Avaa valittu rivi" opens the person on the row selected in the register tab, from the sidebar and from the menu', async () => {
  const { page, frame } = await open(STAFF);
  const sheet = (await call(env.srv.base, 'GET', '/api/sheets/Rekisteri')).body.values as string[][];
  const numberAt = (row: number) => String(sheet[row - 1][0]);
  // Nothing selected but the header: the sidebar says what to do.
  await page.locator('[data-cell="D1"]').dispatchEvent('mousedown');
  await frame.getByTestId('open-selected-button').click();
  await expect(frame.getByTestId('error').textContent()).resolves.toMatch(/Valitse ensin henkilön rivi Rekisteri-välilehdeltä/);
  // A cell of row 5 (any column).
  await page.locator('[data-cell="D5"]').dispatchEvent('mousedown');
  await page.waitForTimeout(300);
  await frame.getByTestId('open-selected-button').click();
  await frame.getByTestId('record-view').waitFor();
  await expect(frame.getByTestId('field-customerNumber').textContent()).resolves.toBe(numberAt(5));
  await screenshot(page, 'office-open-selected');

  // From the menu, another row.
  await page.locator('[data-cell="B7"]').dispatchEvent('mousedown');
  await page.waitForTimeout(300);
  await page.getByTestId('menubar').getByRole('button', { name: 'Rekisteri' }).click();
  await page.getByRole('menuitem', { name: 'Avaa valittu rivi' }).click();
  await page.waitForTimeout(500); // the new sidebar replaces the old frame
  const menuFrame = await sidebarFrame(page);
  await menuFrame.getByTestId('record-view').waitFor();
  await expect(menuFrame.getByTestId('field-customerNumber').textContent()).resolves.toBe(numberAt(7));
});

test('search takes the surname first ("Turunen Kalevi") and parts of several words', async () => {
  const person = await customer('100031');
  const [first, ...rest] = person.name.split(' ');
  const last = rest.join(' ');
  const { page, frame } = await open(OWNER);
  const numbers = async (query: string) => {
    await frame.getByTestId('search-input').fill(query);
    await frame.getByTestId('search-input').press('Enter');
    await frame.getByTestId('result-item').first().or(frame.getByTestId('no-results')).waitFor();
    return frame.getByTestId('result-item').evaluateAll((els) => els.map((e) => e.getAttribute('data-number')));
  };
  await expect(numbers(`${last} ${first}`)).resolves.toContain('100031');
  await expect(numbers(`${last.slice(0, 3).toLowerCase()} ${first.slice(0, 2).toLowerCase()}`)).resolves.toContain('100031');
  await screenshot(page, 'office-search-surname-first');
});

test("each record shows its change history from the audit log: who, when, which fields as words, never values, newest first", async () => {
  const { page, frame } = await open(STAFF);
  const tag = `${Date.now().toString(36)}`;
  await frame.getByTestId('new-button').click();
  await frame.getByTestId('input-name').fill(`Hilkka Historia ${tag}`);
  await frame.getByTestId('input-email').fill(`hilkka.${tag}@example.fi`);
  await frame.getByTestId('save-button').click();
  await frame.getByTestId('saved-note').waitFor();
  await frame.getByTestId('edit-button').click();
  await frame.getByTestId('input-city').fill('Historiala');
  await frame.getByTestId('input-postalCode').fill('33100');
  await frame.getByTestId('save-button').click();
  await frame.getByTestId('saved-note').waitFor();
  await frame.getByTestId('history-button').click();
  const items = frame.getByTestId('history-item');
  await items.first().waitFor();
  const newest = items.first();
  await expect(newest.getAttribute('data-action')).resolves.toBe('update');
  const text = (await newest.textContent())!;
  expect(text).toMatch(/Tietoja muokattu/);
  expect(text).toMatch(/25\.11\.2026 klo 10\.00/);
  expect(text).toMatch(/staff@cleanroom\.fi/);
  expect(text).toMatch(/Postinumero, Postitoimipaikka|Postitoimipaikka, Postinumero/);
  await expect(frame.getByTestId('history').textContent()).resolves.not.toMatch(/Historiala|33100/);
  await expect(items.last().getAttribute('data-action')).resolves.toBe('create');
  await fullSidebar(page, frame, 'office-history');
});

test('300 px that reads well: the document language and hyphenation, labels whole, phones grouped, full values on hover, help for the legal terms', async () => {
  const { page, frame } = await open(OWNER);
  await expect(frame.evaluate(() => document.documentElement.lang)).resolves.toBe('fi');
  const person = await customer('100033');
  await frame.getByTestId('search-input').fill('100033');
  await frame.getByTestId('search-input').press('Enter');
  const result = frame.locator('[data-testid="result-item"][data-number="100033"]');
  await result.waitFor();
  // The phone grouped for reading, and everything in full in the button's title.
  await expect(result.getByTestId('result-contact').textContent()).resolves.toMatch(/\+358 \d{2} \d{3} \d{3,4}/);
  await expect(result.getAttribute('title')).resolves.toContain(person.email);
  await result.focus();
  await expect(result.getByTestId('result-contact').evaluate((el) => getComputedStyle(el).whiteSpace)).resolves.toBe('normal');
  await result.click();
  await frame.getByTestId('record-view').waitFor();
  await expect(frame.getByTestId('field-phone').textContent()).resolves.toMatch(/^\+358 \d{2} \d{3} \d{3,4}$/);
  // Hyphenation where Finnish allows it, never a break between any two letters.
  const dt = frame.locator('.fields dt').first();
  await expect(dt.evaluate((el) => getComputedStyle(el).hyphens)).resolves.toBe('auto');
  await expect(dt.evaluate((el) => getComputedStyle(el).overflowWrap)).resolves.toBe('normal');
  await expect(frame.locator('.fields dt', { hasText: 'Säilytettävä asti' }).count()).resolves.toBe(1);
  // The legal terms explained.
  await frame.getByTestId('help-help-field-restrictedAt').click();
  await expect(frame.getByTestId('help-text').textContent()).resolves.toMatch(/18 artikla/);
  await frame.getByTestId('help-help-field-legalHoldUntil').click();
  await frame.getByTestId('help-help-field-outsideEeaTransferRequest').click();
  await expect(frame.getByTestId('help-text').count()).resolves.toBe(3);
  await frame.getByTestId('restrict-button').click();
  await frame.getByTestId('help-help-restrict').click();
  await expect(frame.getByTestId('panel-restrict').getByTestId('help-text').textContent()).resolves.toMatch(/Käsittelyn rajoitus/);
  await fullSidebar(page, frame, 'office-record-300px');
  // The wording: one name for the consent field, CSV said as CSV.
  await frame.getByTestId('back-button').click();
  await expect(frame.getByTestId('export-button').textContent()).resolves.toBe('Lataa CSV Exceliin');
  await expect(frame.getByTestId('export-import-button').textContent()).resolves.toBe('Lataa CSV uutiskirjepalvelua varten');
});

test('words, not codes: the register tab shows words and d.M.yyyy dates, offers the words as a dropdown, takes a word typed in any language and a Finnish date, and a disclosure reads in words', async () => {
  const { page, frame } = await open(OWNER);
  const script = async (code: string) => (await call(env.srv.base, 'POST', '/api/script', { code, user: OWNER })).body.result;
  const rows = (await call(env.srv.base, 'GET', '/api/sheets/Rekisteri')).body.values as unknown[][];
  const header = rows[0] as string[];
  const col = (h: string) => header.indexOf(h) + 1;
  const enumerated = ['Asiakas vai sidosryhmä', 'Asiakastyyppi', 'Tietolähde', 'Markkinoinnin peruste'];
  for (const h of enumerated) expect(col(h)).toBeGreaterThan(0);
  // The first screen of the grid: no code word (customer, person, consent, none…) in a column a person reads.
  const grid = page.getByTestId('grid');
  await grid.locator('td[data-cell="A2"]').waitFor();
  for (let r = 2; r <= 12; r++) {
    for (const h of enumerated) {
      const shown = (await grid.locator(`td[data-cell="${columnName(col(h))}${r}"]`).textContent()) ?? '';
      expect(shown).not.toMatch(/^[a-z]+(-[a-z]+)*$/);
    }
    const start = (await grid.locator(`td[data-cell="${columnName(col('Asiakkuus alkoi'))}${r}"]`).textContent()) ?? '';
    if (start) expect(start).toMatch(/^\d{1,2}\.\d{1,2}\.\d{4}$/);
  }
  // The dropdown of the kind column holds the Finnish words.
  const list = await script(`var v = SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Rekisteri').getRange(5, ${col('Asiakas vai sidosryhmä')}).getDataValidation(); return v ? v.getCriteriaValues()[0] : null;`);
  expect(list).toEqual(['Asiakas', 'Sidosryhmän yhteyshenkilö']);
  // A row of a customer whose relationship has not ended: a Swedish word typed, written back in Finnish; a date typed d.M.yyyy.
  const r = rows.findIndex((row, i) => i > 0 && i < 12 && row[col('Asiakas vai sidosryhmä') - 1] === 'Asiakas' && row[col('Asiakkuus päättyi') - 1] === '') + 1;
  expect(r).toBeGreaterThan(1);
  const number = String(rows[r - 1][0]);
  const kindRef = `${columnName(col('Asiakas vai sidosryhmä'))}${r}`;
  const startRef = `${columnName(col('Asiakkuus alkoi'))}${r}`;
  await typeIntoCell(page, kindRef, 'kontaktperson för intressent');
  await waitForCell(page, kindRef, 'Sidosryhmän yhteyshenkilö');
  await typeIntoCell(page, startRef, '1.12.2025');
  await waitForCell(page, startRef, '1.12.2025');
  await expect(customer(number)).resolves.toMatchObject({ kind: 'stakeholder', relationshipStart: '2025-12-01' });
  await grid.evaluate((el) => { el.scrollLeft = 0; });
  await gridScreenshot(page, 'office-register-tab-words');
  await typeIntoCell(page, kindRef, 'asiakas');
  await waitForCell(page, kindRef, 'Asiakas');

  // A disclosure in the record: its basis and data categories as words, never codes.
  const recorded = await call(env.srv.base, 'POST', '/api/run/recordDisclosure', {
    args: [{ customerNumber: number, recipient: 'Verohallinto', recipientCountry: 'FI', basis: 'authority', basisReference: 'VH-2026-7', dataCategories: ['name', 'phone', 'address'], date: '2026-11-20' }],
    user: OWNER,
  });
  expect(recorded.body.error).toBeUndefined();
  await searchAndOpen(frame, number, number);
  const item = frame.getByTestId('disclosure-item').filter({ hasText: 'VH-2026-7' });
  await item.waitFor();
  const text = (await item.textContent())!;
  expect(text).toContain('Viranomaisen vaatimus');
  expect(text).toMatch(/Nimi, Matkapuhelin, (Katu)?osoite|Nimi, Matkapuhelin, Postiosoite/);
  expect(text).toContain('20.11.2026');
  expect(text).not.toMatch(/authority|name|phone|address/);
  await item.scrollIntoViewIfNeeded();
  await screenshot(page, 'office-disclosure-words');
});
