/**
 * The office worker's main flows (issue 8) in a register set up in Swedish and in English: dates
 * typed and shown d.M.yyyy, times with "kl." / "at" in Helsinki time, Google's failure said in
 * the register's language with the typed data kept, the duplicate beside the typed data, the
 * recently opened people, the change history in words, help for the legal terms, hyphenation,
 * the menu's "open the selected row", the register tab's words and the marketing list's headers
 * and file name. Screenshots go to test-results/screenshots/office-<lang>-*.png.
 */
import { call, useServerAndBrowser, OWNER } from './support';
import * as fs from 'node:fs';
import { pages, screenshot, fullSidebar, sidebarAs, sidebarFrame, gridScreenshot } from './office-support';

jest.setTimeout(150_000);

const env = useServerAndBrowser();
const opened = pages();
afterEach(async () => {
  await opened.closeAll();
  await call(env.srv.base, 'POST', '/api/run/saveSettings', { args: [{ settings: { language: 'fi' } }] });
});

const CASES = [
  {
    language: 'sv', menu: 'Registret', item: 'Öppna registret', selected: 'Öppna vald rad', placeholder: 'd.m.åååå', at: 'kl.',
    google: 'Google svarade inte — försök igen. Det du skrev finns kvar.', duplicate: 'Personen finns redan i registret', open: 'Öppna den befintliga',
    recent: 'Senast öppnade', created: 'Lagts till i registret', edited: 'Uppgifter redigerade', help: /artikel 18/, city: 'Postort',
    hyphens: 'auto', kindHeader: 'Kund eller intressent', customer: 'Kund', list: 'marknadsforingslista', csvHeader: ['E-post', 'Namn', 'Kundnummer'],
  },
  {
    language: 'en', menu: 'Register', item: 'Open the register', selected: 'Open the selected row', placeholder: 'd.m.yyyy', at: 'at',
    google: 'Google did not answer — try again. What you typed is kept.', duplicate: 'This person is already in the register', open: 'Open the existing person',
    recent: 'Recently opened', created: 'Added to the register', edited: 'Details edited', help: /Article 18/, city: 'City',
    hyphens: 'manual', kindHeader: 'Customer or stakeholder', customer: 'Customer', list: 'marketing-list', csvHeader: ['Email', 'Name', 'Customer number'],
  },
] as const;

test.each(CASES)('in a register set up in $language: dates, times, Google failure, duplicate, recent people, history and help in its words', async (c) => {
  const saved = await call(env.srv.base, 'POST', '/api/run/saveSettings', { args: [{ settings: { language: c.language } }] });
  expect(saved.body.error).toBeUndefined();
  const { page, frame } = await sidebarAs(env.browser, env.srv.base, OWNER, { locale: 'en-US', menu: c.menu, item: c.item, track: opened.list });
  await expect(frame.evaluate(() => document.documentElement.lang)).resolves.toBe(c.language);

  // A new person: the start date as d.M.yyyy; a Google outage said in the register's language.
  await frame.getByTestId('new-button').click();
  await expect(frame.getByTestId('input-relationshipStart').inputValue()).resolves.toBe('25.11.2026');
  await expect(frame.getByTestId('input-relationshipStart').getAttribute('placeholder')).resolves.toBe(c.placeholder);
  const tag = `${c.language}${Date.now().toString(36)}`;
  const email = `test.${tag}@example.fi`;
  await frame.getByTestId('input-name').fill(`Test Person ${tag}`);
  await frame.getByTestId('input-email').fill(email);
  await frame.getByTestId('input-relationshipStart').fill('2.11.2026');
  await call(env.srv.base, 'POST', '/api/faults', { atCall: 2, message: 'Exception: Service Spreadsheets timed out while accessing document with id 1AbC.' });
  await frame.getByTestId('save-button').click();
  const error = frame.getByTestId('customer-form').getByTestId('error');
  await error.waitFor();
  await expect(error.textContent()).resolves.toBe(c.google);
  await expect(frame.getByTestId('input-email').inputValue()).resolves.toBe(email);
  await screenshot(page, `office-${c.language}-google-failed`);
  await call(env.srv.base, 'DELETE', '/api/faults');
  await frame.getByTestId('save-button').click();
  await frame.getByTestId('saved-note').waitFor();
  await expect(frame.getByTestId('field-relationshipStart').textContent()).resolves.toBe('2.11.2026');
  await expect(frame.getByTestId('field-createdAt').textContent()).resolves.toBe(`25.11.2026 ${c.at} 10.00`);
  const number = (await frame.getByTestId('field-customerNumber').textContent())!;

  // An edit, then the history in words, newest first; help for the restriction.
  await frame.getByTestId('edit-button').click();
  await frame.getByTestId('input-city').fill('Vasa');
  await frame.getByTestId('save-button').click();
  await frame.getByTestId('saved-note').waitFor();
  await frame.getByTestId('history-button').click();
  await frame.getByTestId('history-item').nth(1).waitFor();
  await expect(frame.getByTestId('history-item').first().textContent()).resolves.toContain(c.edited);
  await expect(frame.getByTestId('history-item').first().textContent()).resolves.toContain(c.city);
  await expect(frame.getByTestId('history-item').last().textContent()).resolves.toContain(c.created);
  await frame.getByTestId('help-help-field-restrictedAt').click();
  await expect(frame.getByTestId('help-text').textContent()).resolves.toMatch(c.help);
  // 300 px: Swedish labels hyphenate instead of breaking mid-word (English words are short enough).
  await expect(frame.locator('.fields dt').first().evaluate((el) => getComputedStyle(el).hyphens)).resolves.toBe(c.hyphens);
  await fullSidebar(page, frame, `office-${c.language}-record`);

  // The same email again: the existing person beside what was typed.
  await frame.getByTestId('back-button').click();
  await frame.getByTestId('new-button').click();
  await frame.getByTestId('input-name').fill('Another Name');
  await frame.getByTestId('input-email').fill(email);
  await frame.getByTestId('save-button').click();
  await frame.getByTestId('duplicate-view').waitFor();
  await expect(frame.getByTestId('duplicate-view').locator('h2').textContent()).resolves.toBe(c.duplicate);
  await expect(frame.getByTestId('open-existing-button').textContent()).resolves.toBe(c.open);
  await screenshot(page, `office-${c.language}-duplicate`);
  await frame.getByTestId('open-existing-button').click();
  await frame.getByTestId('back-button').click();

  // The start screen: recently opened, the person first.
  await frame.getByTestId('recent-item').first().waitFor();
  await expect(frame.getByTestId('recent').locator('h3').textContent()).resolves.toBe(c.recent);
  await expect(frame.getByTestId('recent-item').first().getAttribute('data-number')).resolves.toBe(number);
  await expect(frame.getByTestId('open-selected-button').textContent()).resolves.toBe(c.selected);
  await screenshot(page, `office-${c.language}-start`);
  // A result's phone grouped for reading, whatever the language.
  await frame.getByTestId('search-input').fill('100033');
  await frame.getByTestId('search-input').press('Enter');
  const result = frame.locator('[data-testid="result-item"][data-number="100033"]');
  await expect(result.getByTestId('result-contact').textContent()).resolves.toMatch(/\+358 \d{2} \d{3} \d{3,4}/);

  // Words, not codes, in the register tab: its headers and enumerated cells in the register's language.
  const names = (await call(env.srv.base, 'GET', '/api/sheets')).body as string[];
  const rows = (await call(env.srv.base, 'GET', `/api/sheets/${encodeURIComponent(names[0])}`)).body.values as string[][];
  const kind = rows[0].indexOf(c.kindHeader);
  expect(kind).toBeGreaterThanOrEqual(0);
  expect(rows.slice(1, 30).map((r) => r[kind])).toContain(c.customer);
  expect(rows.slice(1, 30).map((r) => r[kind])).not.toContain('customer');
  await page.reload();
  await page.getByTestId('grid').locator('td[data-cell="A2"]').waitFor();
  await gridScreenshot(page, `office-${c.language}-register-tab`);

  // The marketing list for Excel: headers and file name in the register's language.
  await page.getByTestId('menubar').getByRole('button', { name: c.menu }).click();
  await page.getByRole('menuitem', { name: c.item }).click();
  const again = await sidebarFrame(page);
  const [download] = await Promise.all([page.waitForEvent('download'), again.getByTestId('export-button').click()]);
  expect(download.suggestedFilename()).toMatch(new RegExp(`-${c.list}-\\d{4}-\\d{2}-\\d{2}\\.csv$`));
  const csv = fs.readFileSync((await download.path())!, 'utf8').replace(/^\uFEFF/, '');
  expect(csv.split(/\r\n/)[0].split(/[;,]/)).toEqual(c.csvHeader);
});
