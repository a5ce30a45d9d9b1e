/**
 * The emulator page in Debian's Chromium: the register as a person meets it — the menu onOpen
 * builds, the real sidebar in a frame whose google.script.run reaches the emulator, a grid that
 * shows hostile cell values as text, and a google.script.run that refuses what Apps Script refuses.
 */
import { Page, Frame } from 'playwright-core';
import { call, useServerAndBrowser, watch, RunRequest, OWNER, STAFF, OUTSIDER } from './support';

jest.setTimeout(60_000);

const env = useServerAndBrowser();
let page: Page;
/** Every google.script.run call that reached the server, as the browser sent it. */
let runRequests: RunRequest[] = [];
let dialogs: string[] = [];

beforeEach(async () => {
  page = await env.browser.newPage({ viewport: { width: 1440, height: 900 } });
  page.setDefaultTimeout(15_000);
  ({ runs: runRequests, dialogs } = watch(page));
});

afterEach(async () => {
  await page?.close();
});

/** Opens the page as `user` and waits until onOpen's menu is there. */
async function openAs(user: string): Promise<void> {
  await page.goto(`${env.srv.base}/?user=${encodeURIComponent(user)}`);
  await page.getByTestId('menubar').getByRole('button', { name: 'Rekisteri' }).waitFor();
}

/** Clicks Rekisteri → Avaa rekisteri and returns the sidebar's frame once it has loaded its data. */
async function openSidebar(): Promise<Frame> {
  await page.getByTestId('menubar').getByRole('button', { name: 'Rekisteri' }).click();
  await page.getByRole('menuitem', { name: 'Avaa rekisteri' }).click();
  const element = await page.getByTestId('sidebar-frame').elementHandle();
  const frame = (await element!.contentFrame())!;
  await frame.getByTestId('user-email').waitFor();
  return frame;
}

test('the owner opens the register from the Rekisteri menu and the sidebar shows who is signed in and 200 customers', async () => {
  await openAs(OWNER);
  await expect(page.getByTestId('spreadsheet-name').textContent()).resolves.toBe('Rekisteri');
  const sidebar = await openSidebar();
  await expect(sidebar.getByTestId('user-email').textContent()).resolves.toBe(OWNER);
  await expect(sidebar.getByTestId('row-count').getAttribute('data-count')).resolves.toBe('200');
  await expect(sidebar.getByTestId('row-count').textContent()).resolves.toMatch(/^200$/);
  // The sidebar is 300 px wide, as in Google Sheets.
  const box = await page.getByTestId('sidebar-frame').boundingBox();
  expect(Math.round(box!.width)).toBe(300);
  // It reached the server through the shim, as the owner.
  // (then the start screen asks for the open requests it lists as due, and the recently opened people)
  expect(runRequests[0]).toEqual({ fn: 'getSidebarInfo', body: { args: [], user: OWNER } });
  for (const r of runRequests.slice(1)) {
    if (r.fn === 'listRequests') expect(r).toEqual({ fn: 'listRequests', body: { args: [{ status: 'open' }], user: OWNER } });
    else expect(r).toEqual(expect.objectContaining({ fn: 'getRecentCustomers', body: expect.objectContaining({ user: OWNER }) }));
  }
  await page.getByTestId('grid').locator('td[data-cell="A2"]').waitFor();
  await page.screenshot({ path: '/tmp/emulator.png' });
});

test('switching user re-opens the spreadsheet: staff gets the menu, an outsider is refused', async () => {
  await openAs(OWNER);
  await page.getByTestId('user-select').selectOption(STAFF);
  await page.getByTestId('menubar').getByRole('button', { name: 'Rekisteri' }).waitFor();
  const sidebar = await openSidebar();
  await expect(sidebar.getByTestId('user-email').textContent()).resolves.toBe(STAFF);
  await page.getByTestId('user-select').selectOption(OUTSIDER);
  await page.getByTestId('no-access').waitFor();
  await expect(page.getByTestId('menubar').getByRole('button', { name: 'Rekisteri' }).count()).resolves.toBe(0);
  await expect(page.getByTestId('sidebar').count()).resolves.toBe(0);
});

test('the grid shows hostile cell values literally and runs no script', async () => {
  const img = '<img src=x onerror=alert(1)>';
  const formula = '=IMPORTXML("http://x","//a")';
  expect((await call(env.srv.base, 'POST', '/api/edit', { user: OWNER, sheet: 'Rekisteri', row: 2, column: 4, input: img })).body.ok).toBe(true);
  expect((await call(env.srv.base, 'POST', '/api/edit', { user: OWNER, sheet: 'Rekisteri', row: 3, column: 4, input: formula })).body.ok).toBe(true);
  await openAs(OWNER);
  const grid = page.getByTestId('grid');
  await expect(grid.locator('td[data-cell="D2"]').textContent()).resolves.toBe(img);
  // The register's on-edit trigger turned the typed formula back into literal text (in a
  // plain-text cell Sheets keeps the apostrophe that marks it).
  await expect(grid.locator('td[data-cell="D3"]').textContent()).resolves.toBe(`'${formula}`);
  expect((await call(env.srv.base, 'GET', '/api/sheets/Rekisteri')).body.formulas[2][3]).toBe('');
  await expect(grid.locator('img').count()).resolves.toBe(0);
  // Typing into a cell goes through the same path as a user's edit in Sheets.
  const hostile = '<script>alert(2)</script>';
  await grid.locator('td[data-cell="D4"]').dblclick();
  await page.getByTestId('cell-editor').fill(hostile);
  await page.getByTestId('cell-editor').press('Enter');
  await page.getByTestId('status').filter({ hasText: 'D4' }).waitFor();
  await page.waitForFunction(() => document.querySelector('td[data-cell="D4"]')?.textContent === '<script>alert(2)</script>');
  await page.waitForTimeout(300);
  expect(dialogs).toEqual([]);
  const { body } = await call(env.srv.base, 'GET', '/api/sheets/Rekisteri');
  expect(body.values[3][3]).toBe(hostile);
});

test('google.script.run refuses a Date argument through the failure handler without calling the server', async () => {
  await openAs(OWNER);
  const sidebar = await openSidebar();
  runRequests.length = 0;
  const outcome = await sidebar.evaluate(
    () =>
      new Promise((resolve) => {
        const run = (window as any).google.script.run;
        let synchronous = true;
        run
          .withSuccessHandler(() => resolve({ called: 'success' }))
          .withFailureHandler((error: Error, userObject: unknown) =>
            resolve({ called: 'failure', isError: error instanceof Error, message: error.message, userObject, synchronous }))
          .withUserObject({ row: 7 })
          .getSidebarInfo(new Date());
        synchronous = false;
      }),
  );
  expect(outcome).toEqual({ called: 'failure', isError: true, message: expect.stringMatching(/illegal value/), userObject: { row: 7 }, synchronous: false });
  await page.waitForTimeout(200);
  expect(runRequests).toEqual([]);
});

test('google.script.run sends a form as its fields, refuses other DOM nodes and functions, and hands the user object to the success handler', async () => {
  await openAs(OWNER);
  const sidebar = await openSidebar();
  runRequests.length = 0;
  const outcome = await sidebar.evaluate(async () => {
    const run = (window as any).google.script.run;
    const call = (arg: unknown) =>
      new Promise((resolve) => {
        run.withSuccessHandler((r: any, u: unknown) => resolve({ ok: r.rowCount, u }))
          .withFailureHandler((e: Error) => resolve({ failed: e.message }))
          .withUserObject('uo')
          .getSidebarInfo(arg);
      });
    const form = document.createElement('form');
    form.innerHTML = '<input name="name" value="Maija"><input type="checkbox" name="ban" value="yes" checked><input type="checkbox" name="off" value="no">';
    return {
      form: await call(form),
      div: await call({ nested: document.createElement('div') }),
      fn: await call([1, () => 2]),
      privateIsAbsent: typeof run.foo_,
      chained: run.withSuccessHandler(() => 0) !== run,
    };
  });
  expect(outcome).toEqual({
    form: { ok: 200, u: 'uo' },
    div: { failed: expect.stringMatching(/illegal value/) },
    fn: { failed: expect.stringMatching(/illegal value/) },
    privateIsAbsent: 'undefined',
    chained: true,
  });
  expect(runRequests.map((r) => r.body.args)).toEqual([[{ name: 'Maija', ban: 'yes' }]]);
});

test('google.script.run keeps at most ten calls in flight and queues the rest', async () => {
  await openAs(OWNER);
  const sidebar = await openSidebar();
  let inFlight = 0;
  let most = 0;
  await page.route('**/api/run/**', async (route) => {
    inFlight += 1;
    most = Math.max(most, inFlight);
    await new Promise((r) => setTimeout(r, 150));
    await route.continue();
    inFlight -= 1;
  });
  const results = await sidebar.evaluate(
    () =>
      new Promise((resolve) => {
        const run = (window as any).google.script.run;
        const got: number[] = [];
        for (let i = 0; i < 15; i++) {
          run.withSuccessHandler((r: any, n: number) => {
            got.push(n);
            if (got.length === 15) resolve(got.length);
          }).withUserObject(i).getSidebarInfo();
        }
      }),
  );
  expect(results).toBe(15);
  expect(most).toBe(10);
});

test('google.script.host.close() closes the sidebar', async () => {
  await openAs(OWNER);
  const sidebar = await openSidebar();
  await sidebar.evaluate(() => (window as any).google.script.host.close());
  await page.getByTestId('sidebar').waitFor({ state: 'detached' });
  const { body } = await call(env.srv.base, 'GET', `/api/state?user=${encodeURIComponent(OWNER)}`);
  expect(body.ui.sidebar).toBeNull();
});

test('the mail panel delivers a message into the register inbox', async () => {
  await openAs(OWNER);
  const panel = page.getByTestId('mail-panel');
  await panel.locator('input[name="from"]').fill('testi.henkilo@example.fi');
  await panel.locator('input[name="subject"]').fill('Poistakaa tietoni <b>heti</b>');
  await panel.locator('textarea[name="body"]').fill('Pyydän tietojeni poistamista.');
  await panel.locator('input[name="auth"]').fill('mx.google.com; dkim=pass; spf=pass; dmarc=pass');
  await panel.getByRole('button', { name: 'Toimita' }).click();
  await panel.locator('.mail-subject').filter({ hasText: 'Poistakaa tietoni <b>heti</b>' }).waitFor();
  await expect(panel.locator('.mail-subject').first().textContent()).resolves.toBe('Poistakaa tietoni <b>heti</b>');
  await expect(panel.locator('b').count()).resolves.toBe(0);
  const { body } = await call(env.srv.base, 'GET', '/api/mailbox');
  const mail = body.messages.find((m: { subject: string }) => m.subject === 'Poistakaa tietoni <b>heti</b>');
  expect(mail.headers['Authentication-Results']).toBe('mx.google.com; dkim=pass; spf=pass; dmarc=pass');
});

test('a modal dialog opens in an overlay at the script\'s size; setHeight resizes it and host.close() closes it', async () => {
  await openAs(OWNER);
  env.srv.emulator.world.uiFor(OWNER).dialog = {
    kind: 'modal', title: 'Pyynnöt', width: 640, height: 420, openedAt: Date.now(),
    html: '<!DOCTYPE html><html><head><title>d</title></head><body><p id="who">dialog</p></body></html>',
  };
  await call(env.srv.base, 'POST', '/api/stats/reset'); // any change makes the page refresh
  await page.getByTestId('dialog-frame').waitFor();
  const frameBox = await page.getByTestId('dialog-frame').boundingBox();
  expect([Math.round(frameBox!.width), Math.round(frameBox!.height)]).toEqual([640, 420]);
  const frame = (await (await page.getByTestId('dialog-frame').elementHandle())!.contentFrame())!;
  await frame.locator('#who').waitFor();
  await frame.evaluate(() => (window as any).google.script.host.setHeight(300));
  await page.waitForFunction(() => (document.querySelector('[data-testid="dialog-frame"]') as HTMLElement).getBoundingClientRect().height === 300);
  await frame.evaluate(() => (window as any).google.script.host.close());
  await page.getByTestId('dialog').waitFor({ state: 'detached' });
  expect(env.srv.emulator.world.uiFor(OWNER).dialog).toBeNull();
});
