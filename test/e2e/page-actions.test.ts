/**
 * What the emulator page offers a person beyond typing into a cell, in Debian's Chromium: the
 * grid's paste box, sort by the selected column, inserting and deleting a row (refused on the
 * protected header row with Sheets' own message), the mail panel's HTML-only mail, and the clock
 * buttons firing an installed time-driven trigger. Each test acts through the page's controls and
 * checks both what the page shows and what the emulated world holds.
 */
import type { Page } from 'playwright-core';
import { call, useServerAndBrowser, watch, OWNER, STAFF } from './support';

jest.setTimeout(60_000);

const env = useServerAndBrowser();
let page: Page;
let dialogs: string[] = [];

const PROTECTED = 'You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.';

beforeEach(async () => {
  page = await env.browser.newPage({ viewport: { width: 1440, height: 900 } });
  page.setDefaultTimeout(15_000);
  ({ dialogs } = watch(page));
});

afterEach(async () => {
  await page?.close();
});

/** Opens the page as `user` and waits until onOpen's menu and the grid are there. */
async function openAs(user: string): Promise<void> {
  await page.goto(`${env.srv.base}/?user=${encodeURIComponent(user)}`);
  await page.getByTestId('menubar').getByRole('button', { name: 'Rekisteri' }).waitFor();
  await page.getByTestId('grid').locator('td[data-cell="A2"]').waitFor();
}

/** "A" … "Z", "AA" … for 1-based column numbers (as the grid labels them). */
function letter(n: number): string {
  let s = '';
  for (; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** The register tab as the server holds it (header row first). */
async function register(): Promise<string[][]> {
  return (await call(env.srv.base, 'GET', '/api/sheets/Rekisteri')).body.values;
}

/** The 1-based column of a header in the register tab. */
async function columnOf(header: string): Promise<number> {
  const column = (await register())[0].indexOf(header) + 1;
  expect(column).toBeGreaterThan(0);
  return column;
}

const cell = (ref: string) => page.getByTestId('grid').locator(`td[data-cell="${ref}"]`);

/** Waits until the grid shows `text` in cell `ref` (the grid reloads after each action). */
async function waitForCell(ref: string, text: string): Promise<void> {
  await page.waitForFunction(([r, t]) => document.querySelector(`td[data-cell="${r}"]`)?.textContent === t, [ref, text] as const);
}

/** Selects a cell as a click in Sheets does, and checks the formula bar names it. */
async function select(ref: string): Promise<void> {
  await cell(ref).dispatchEvent('mousedown');
  await expect(page.getByTestId('cell-ref').textContent()).resolves.toBe(ref);
}

describe('the grid', () => {
  test('the paste box pastes tab-separated rows at the selected cell, and the on-edit trigger normalises each pasted phone to +358', async () => {
    const column = await columnOf('Matkapuhelin');
    const phone = letter(column);
    const street = letter(column + 1);
    expect((await register())[0][column]).toBe('Katuosoite');
    await openAs(STAFF);
    await select(`${phone}10`);
    await page.getByTestId('paste-open').click();
    // Two rows of two cells (phone, street), as copied from another sheet, with the trailing newline a copy ends with.
    await page.getByTestId('paste-text').fill('040 111 2222\tLiittäjänkatu 1\n050 333 4444\tLiittäjänkatu 2\n');
    await expect(page.getByTestId('paste-submit').textContent()).resolves.toBe(`Liitä soluun ${phone}10`);
    await page.getByTestId('paste-submit').click();
    await page.getByTestId('status').filter({ hasText: `Rekisteri!${phone}10: liitetty 2 riviä` }).waitFor();
    // The register's on-edit trigger (one edit event over the block, as Sheets fires it) wrote the
    // local numbers back in international form; the street cells stay as pasted.
    await waitForCell(`${phone}10`, '+358401112222');
    await waitForCell(`${phone}11`, '+358503334444');
    await waitForCell(`${street}10`, 'Liittäjänkatu 1');
    await waitForCell(`${street}11`, 'Liittäjänkatu 2');
    const rows = await register();
    expect([rows[9][column - 1], rows[10][column - 1], rows[9][column], rows[10][column]])
      .toEqual(['+358401112222', '+358503334444', 'Liittäjänkatu 1', 'Liittäjänkatu 2']);
    expect(dialogs).toEqual([]);
  });

  test('a paste over the protected header row is refused whole with Sheets\' message, and the grid keeps the header', async () => {
    const header = (await register())[0];
    await openAs(STAFF);
    await select('A1');
    await page.getByTestId('paste-open').click();
    await page.getByTestId('paste-text').fill('x\ty');
    await page.getByTestId('paste-submit').click();
    await page.getByTestId('status').filter({ hasText: `Liittäminen estetty (A1): ${PROTECTED}` }).waitFor();
    await expect(cell('A1').textContent()).resolves.toBe(header[0]);
    expect((await register())[0]).toEqual(header);
  });

  test('sort by the selected column orders the data rows under the header, A→Z then Z→A, as the grid and the sheet show', async () => {
    const column = await columnOf('Nimi');
    const name = letter(column);
    const byName = (a: string, b: string) => a.localeCompare(b, undefined, { sensitivity: 'base' });
    await openAs(STAFF);
    await select(`${name}5`);
    await expect(page.getByTestId('sort-asc').textContent()).resolves.toBe(`Lajittele ${name} A→Z`);
    await page.getByTestId('sort-asc').click();
    await page.getByTestId('status').filter({ hasText: `Rekisteri: lajiteltu ${name} A→Z` }).waitFor();
    const names = (await register()).slice(1).map((r) => String(r[column - 1]));
    expect(names).toHaveLength(200);
    expect(names).toEqual([...names].sort(byName));
    await waitForCell(`${name}2`, names[0]);
    await waitForCell(`${name}3`, names[1]);
    // The header row stays where it was.
    await expect(cell(`${name}1`).textContent()).resolves.toBe('Nimi');

    await page.getByTestId('sort-desc').click();
    await page.getByTestId('status').filter({ hasText: `Rekisteri: lajiteltu ${name} Z→A` }).waitFor();
    const descending = (await register()).slice(1).map((r) => String(r[column - 1]));
    expect(descending).toEqual([...names].sort((a, b) => byName(b, a)));
    await waitForCell(`${name}2`, descending[0]);
  });

  test('insert a row above the selected one and delete it again; the grid shows each result', async () => {
    const before = await register();
    await openAs(OWNER);
    await select('A3');
    await expect(page.getByTestId('pager-info').textContent()).resolves.toMatch(/tietoja 200 riviä/);
    await expect(page.getByTestId('insert-row').textContent()).resolves.toBe('Lisää rivi 3 yläpuolelle');
    await page.getByTestId('insert-row').click();
    await page.getByTestId('status').filter({ hasText: 'Rekisteri: rivi lisätty riville 3' }).waitFor();
    await waitForCell('A4', String(before[2][0]));
    await waitForCell('A3', '');
    await page.getByTestId('pager-info').filter({ hasText: 'tietoja 201 riviä' }).waitFor();
    const inserted = await register();
    expect(inserted[2].every((v) => v === '')).toBe(true);
    expect(inserted[3]).toEqual(before[2]);

    await expect(page.getByTestId('delete-row').textContent()).resolves.toBe('Poista rivi 3');
    await page.getByTestId('delete-row').click();
    await page.getByTestId('status').filter({ hasText: 'Rekisteri: rivi 3 poistettu' }).waitFor();
    await waitForCell('A3', String(before[2][0]));
    await page.getByTestId('pager-info').filter({ hasText: 'tietoja 200 riviä' }).waitFor();
    expect(await register()).toEqual(before);
  });

  test('a staff member may not delete the protected header row: the page shows Sheets\' message and the row stays', async () => {
    const before = await register();
    await openAs(STAFF);
    await select('A1');
    await expect(page.getByTestId('delete-row').textContent()).resolves.toBe('Poista rivi 1');
    await page.getByTestId('delete-row').click();
    await page.getByTestId('status').filter({ hasText: `rivi 1 poistettu estetty: ${PROTECTED}` }).waitFor();
    await expect(page.getByTestId('status').getAttribute('class')).resolves.toMatch(/\berror\b/);
    await expect(cell('A1').textContent()).resolves.toBe(String(before[0][0]));
    expect(await register()).toEqual(before);
  });
});

describe('the mail panel', () => {
  test('with "HTML" ticked the mail arrives HTML-only, and its plain body (panel, getPlainBody) is text: entities decoded, paragraphs and <br> as line breaks', async () => {
    const subject = 'HTML-viesti sivulta';
    const html = '<p>Hei &amp; tervetuloa</p><p>Rivi 2<br>Rivi 3</p>';
    await openAs(OWNER);
    await page.getByTestId('dock-mail').click();
    await page.getByTestId('mail-from').fill('html.lahettaja@example.fi');
    await page.getByTestId('mail-subject').fill(subject);
    await page.getByTestId('mail-body').fill(html);
    await page.getByTestId('mail-html').check();
    await page.getByTestId('mail-send').click();
    await page.getByTestId('status').filter({ hasText: `Viesti toimitettu rekisterin postilaatikkoon: ${subject}` }).waitFor();

    const box = (await call(env.srv.base, 'GET', '/api/mailbox')).body;
    const mine = box.messages.find((m: { subject: string }) => m.subject === subject);
    expect(mine).toMatchObject({ body: '', htmlBody: html, from: 'html.lahettaja@example.fi' });
    expect(mine.plainBody).toMatch(/^Hei & tervetuloa\n+Rivi 2\nRivi 3$/);

    // The script reads it as Gmail hands it out (the manifest has no Gmail scope, so this run is given one).
    const read = await call(env.srv.base, 'POST', '/api/script', {
      user: OWNER,
      scopes: ['https://mail.google.com/'],
      code: `var m = GmailApp.search('subject:"${subject}"')[0].getMessages()[0]; return [m.getPlainBody(), m.getBody()];`,
    });
    expect(read.body.error).toBeUndefined();
    expect(read.body.result).toEqual([mine.plainBody, html]);

    // The panel shows that text, never the markup.
    const item = page.getByTestId('mail-item').filter({ hasText: subject });
    await item.getByTestId('mail-head').click();
    const shown = await item.getByTestId('mail-open').textContent();
    expect(shown).toContain(mine.plainBody);
    expect(shown).not.toContain('<p>');
    expect(shown).not.toContain('&amp;');
  });
});

describe('the clock', () => {
  test('the clock buttons fire an installed time-driven trigger as its owner, and the page says so', async () => {
    // Installed as the owner through the editor's Run button; getSidebarInfo only reads.
    const installed = await call(env.srv.base, 'POST', '/api/script', {
      user: OWNER,
      code: "return ScriptApp.newTrigger('getSidebarInfo').timeBased().everyHours(1).create().getUniqueId();",
    });
    expect(installed.body.error).toBeUndefined();
    const uid = installed.body.result as string;

    await openAs(OWNER);
    await page.getByTestId('dock-triggers').click();
    const row = page.locator(`[data-testid="trigger-row"][data-uid="${uid}"]`);
    await expect(row.textContent()).resolves.toMatch(/getSidebarInfo.*ajastettu 1 h välein/);

    // The buttons move the emulated clock the page shows (not the browser's, which is years away).
    const shown = Date.parse(await page.getByTestId('clock-input').inputValue());
    const moved = page.waitForResponse((r) => r.url().endsWith('/api/clock') && r.request().method() === 'POST');
    await page.getByTestId('clock-plus-hour').click();
    const out = await (await moved).json();
    // The hour, or a moment past it when the intake trigger (every 15 minutes) ran at its end.
    expect(Date.parse(out.now) - (shown + 3_600_000)).toBeGreaterThanOrEqual(0);
    expect(Date.parse(out.now) - (shown + 3_600_000)).toBeLessThan(60_000);
    const mineNow = (out.fired as { uid: string; handlerFunction: string; owner: string; error?: unknown }[]).filter((f) => f.uid === uid);
    expect(mineNow).toEqual([expect.objectContaining({ uid, handlerFunction: 'getSidebarInfo', owner: OWNER })]);
    expect(mineNow[0].error).toBeUndefined();
    await page.getByTestId('status').filter({ hasText: `${out.fired.length} ajastettua käynnistintä ajettu` }).waitFor();
    await expect(page.getByTestId('status').textContent()).resolves.not.toMatch(/epäonnistui/);

    // "+1 vrk" fires every hourly mark that falls due in the day, in order, each one a run of its own.
    await page.waitForFunction((before) => (document.querySelector('[data-testid="clock-input"]') as HTMLInputElement).value !== before, new Date(shown).toISOString());
    const later = Date.parse(await page.getByTestId('clock-input').inputValue());
    expect(later).toBeGreaterThanOrEqual(Date.parse(out.now));
    const day = page.waitForResponse((r) => r.url().endsWith('/api/clock') && r.request().method() === 'POST');
    await page.getByTestId('clock-plus-day').click();
    const again = await (await day).json();
    const mine = (again.fired as { uid: string; at: string; error?: unknown }[]).filter((f) => f.uid === uid);
    expect(mine).toHaveLength(24);
    expect(mine.map((f) => Date.parse(f.at) - Date.parse(mine[0].at))).toEqual(Array.from({ length: 24 }, (_, i) => i * 3_600_000));
    expect(mine.filter((f) => f.error)).toEqual([]);
    await page.getByTestId('status').filter({ hasText: `${again.fired.length} ajastettua käynnistintä ajettu` }).waitFor();
    expect(Date.parse(again.now) - (later + 86_400_000)).toBeGreaterThanOrEqual(0);
    expect(Date.parse(again.now) - (later + 86_400_000)).toBeLessThan(60_000);
  });
});
