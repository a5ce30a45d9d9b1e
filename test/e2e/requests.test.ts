/**
 * The request inbox in Debian's Chromium (issue 9, "Done when"): a mail sent in the emulator
 * page's mail panel becomes a request when the intake trigger fires as the clock moves, the
 * requests dialog shows its due date and countdown colour, and its access fulfilment leaves a
 * draft reply in that thread with the three attachments. Then the dialog's own promises: the
 * filters, the colours at the amber/red/overdue boundaries as the server's clock moves (the
 * browser's is pinned years away), the letter shown as text, manual logging, rejection and
 * duplicate marking with the safe button focused, verification, extension, rectification in
 * the sidebar, and the sidebar's lists. Screenshots go to /tmp/requests-*.png.
 */
import type { Frame, Page } from 'playwright-core';
import { call, useServerAndBrowser, watch, OWNER, OUTSIDER, STAFF, EMULATED_NOW, type RunRequest } from './support';
import { deadline } from '../../src/core/requests/deadlines';
import { screenshot as sidebarShot } from './office-support';

jest.setTimeout(120_000);

const env = useServerAndBrowser();
let opened: { page: Page; runs: RunRequest[]; dialogs: string[] }[] = [];

afterEach(async () => {
  for (const o of opened) await o.page.close();
  opened = [];
});

async function pageAs(user: string) {
  const page = await env.browser.newPage({ viewport: { width: 1440, height: 1000 } });
  page.setDefaultTimeout(20_000);
  const entry = { page, ...watch(page) };
  opened.push(entry);
  await page.goto(`${env.srv.base}/?user=${encodeURIComponent(user)}`);
  await page.getByTestId('menubar').getByRole('button', { name: 'Rekisteri' }).waitFor();
  return entry;
}

async function choose(page: Page, caption: string): Promise<void> {
  await page.getByTestId('menubar').getByRole('button', { name: 'Rekisteri' }).click();
  await page.getByRole('menuitem', { name: caption }).click();
}

/** Rekisteri › Pyynnöt; the dialog's frame once its list has loaded. */
async function openDialog(page: Page): Promise<Frame> {
  await choose(page, 'Pyynnöt');
  const frame = (await (await page.getByTestId('dialog-frame').elementHandle())!.contentFrame())!;
  await frame.getByTestId('list-count').waitFor();
  return frame;
}

/** Rekisteri › Avaa rekisteri; the sidebar's frame once search is there. */
async function openSidebar(page: Page): Promise<Frame> {
  await choose(page, 'Avaa rekisteri');
  const frame = (await (await page.getByTestId('sidebar-frame').elementHandle())!.contentFrame())!;
  await frame.getByTestId('search-input').waitFor();
  return frame;
}

/** Sends a mail into the register mailbox through the page's mail panel. */
async function sendMail(page: Page, mail: { from: string; subject: string; body: string; html?: boolean }): Promise<void> {
  const panel = page.getByTestId('mail-panel');
  await panel.getByTestId('mail-from').fill(mail.from);
  await panel.getByTestId('mail-subject').fill(mail.subject);
  await panel.getByTestId('mail-body').fill(mail.body);
  if (mail.html) await panel.getByTestId('mail-html').check();
  await panel.getByTestId('mail-send').click();
  await page.getByText(`Viesti toimitettu rekisterin postilaatikkoon: ${mail.subject}`).waitFor();
}

/** Moves the emulated clock to `iso` (POST /api/clock), firing every trigger that fell due. */
async function clockTo(iso: string): Promise<{ handlerFunction: string; error?: unknown }[]> {
  const { status, body } = await call(env.srv.base, 'POST', '/api/clock', { now: iso });
  expect(status).toBe(200);
  return body.fired;
}

const nowMs = () => env.srv.emulator.world.now;
const later = (minutes: number) => new Date(nowMs() + minutes * 60_000).toISOString();

async function run(fn: string, args: unknown[], user = OWNER): Promise<any> {
  const { body } = await call(env.srv.base, 'POST', `/api/run/${fn}`, { args, user });
  if (body.error) throw new Error(`${fn}: ${body.error.message}`);
  return body.result;
}

/** A demo customer (registered address, number), found through the register's own search. */
async function customer(n: number): Promise<{ customerNumber: string; email: string; name: string }> {
  const { customers } = await run('searchCustomers', [{ query: 'a' }]);
  const c = customers.filter((x: { email: string }) => x.email)[n];
  expect(c).toBeTruthy();
  return c;
}

const unique = () => `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;

/** The list's row of the case whose requester is `email` (after a refresh). */
function rowOf(frame: Frame, email: string) {
  return frame.locator('[data-testid="request-row"]', { hasText: email });
}

/** The data-testid of the focused element, once focus has settled on one. */
async function focused(frame: Frame): Promise<string | null> {
  await frame.waitForFunction(() => document.activeElement && document.activeElement !== document.body, undefined, { timeout: 2000 }).catch(() => undefined);
  return frame.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? null);
}

/** The mailbox's message with this subject (its id and thread). */
async function mailWith(subject: string): Promise<{ id: string; threadId: string; date: string }> {
  const box = (await call(env.srv.base, 'GET', '/api/mailbox')).body;
  const m = box.messages.find((x: { subject: string }) => x.subject === subject);
  expect(m).toBeTruthy();
  return m;
}

/** Sends a mail in the panel and lets the intake trigger fire (the next 15-minute mark); returns the case's row in a fresh dialog. */
async function mailToCase(page: Page, mail: { from: string; subject: string; body: string; html?: boolean }) {
  await sendMail(page, mail);
  const fired = await clockTo(later(15));
  const intake = fired.filter((f) => f.handlerFunction === 'pollInbox');
  expect(intake.length).toBeGreaterThan(0);
  for (const f of intake) expect(f.error).toBeUndefined();
  const frame = await openDialog(page);
  const row = rowOf(frame, mail.from);
  await row.waitFor();
  return { frame, row };
}

/** Logs a case through the API as staff (a letter by default); returns its id. */
async function logCase(over: Record<string, unknown> = {}): Promise<string> {
  const { request } = await run('logRequest', [{
    channel: 'letter', type: 'access', rights: ['access'], requesterEmail: `kirje.${unique()}@example.org`, summary: 'Kirje saapui postissa',
    requestKey: `e2e-${unique()}-${unique()}`, ...over,
  }], STAFF);
  return request.id;
}

/** Opens the dialog and in it the case `id` (listed by default: it is open). */
async function dialogOnCase(page: Page, id: string): Promise<Frame> {
  const frame = await openDialog(page);
  await frame.locator(`[data-testid="open-request"][data-open="${id}"]`).click();
  await frame.locator(`[data-testid="case-view"][data-id="${id}"]`).waitFor();
  return frame;
}

async function openCase(frame: Frame, row: ReturnType<typeof rowOf>) {
  await row.getByTestId('open-request').click();
  await frame.getByTestId('case-view').waitFor();
}

describe('done when', () => {
  test('a mail sent in the mail panel becomes a request when the intake trigger fires by the clock, shows its due date and colour, and its access fulfilment leaves a draft reply in that thread with the three attachments', async () => {
    const person = await customer(0);
    const { page, dialogs } = await pageAs(OWNER);
    const subject = `Tietopyyntö ${unique()}`;
    await sendMail(page, { from: person.email, subject, body: 'Hei,\n\npyydän kopion kaikista minua koskevista henkilötiedoista (tietosuoja-asetuksen 15 artikla).\n\nTerveisin\n' + person.name });
    const mail = await mailWith(subject);
    // Nothing is a case until the trigger runs.
    expect((await run('listRequests', [{}])).requests.filter((r: { requesterEmail: string }) => r.requesterEmail === person.email)).toEqual([]);

    const fired = await clockTo(later(15));
    expect(fired.map((f) => f.handlerFunction)).toContain('pollInbox');
    const frame = await openDialog(page);
    const row = rowOf(frame, person.email);
    await row.waitFor();
    // Received on 25.11.2026 (Helsinki): one month is Friday 25.12, Christmas Day, so the due date is Monday 28.12.
    expect(deadline(mail.date).dueDate).toBe('2026-12-28');
    await expect(row.getByTestId('due-date').getAttribute('data-value')).resolves.toBe('2026-12-28');
    await expect(row.getByTestId('due-date').textContent()).resolves.toBe('28.12.2026');
    await expect(row.getByTestId('countdown').getAttribute('data-colour')).resolves.toBe('green');
    await expect(row.getByTestId('countdown').getAttribute('data-days')).resolves.toBe('33');
    await expect(row.getByTestId('countdown').textContent()).resolves.toContain('33 pv jäljellä');
    await expect(row.getAttribute('data-type')).resolves.toBe('access');
    await page.screenshot({ path: '/tmp/requests-list.png' });

    await openCase(frame, row);
    // From the registered address with Gmail's DMARC pass: verified at intake, the rights can be fulfilled.
    await expect(frame.getByTestId('case-view').getAttribute('data-status')).resolves.toBe('in-progress');
    await expect(frame.getByTestId('gmail-link').getAttribute('href')).resolves.toBe(`https://mail.google.com/mail/#all/${mail.threadId}`);
    await frame.getByTestId('fulfil-access').click();
    await frame.getByTestId('confirm').waitFor();
    expect(await focused(frame)).toBe('confirm-cancel');
    await frame.getByTestId('confirm-ok').click();
    await frame.locator('[data-testid="right"][data-right="access"][data-outcome="fulfilled"]').waitFor();
    await frame.getByTestId('case-note').waitFor();
    await page.screenshot({ path: '/tmp/requests-fulfilled.png' });

    const box = (await call(env.srv.base, 'GET', '/api/mailbox')).body;
    const drafts = box.drafts.filter((d: { threadId: string }) => d.threadId === mail.threadId);
    // Intake's acknowledgement (the default setting drafts it, no attachments) and the access reply, both in the thread.
    const replies = drafts.filter((d: { attachments: unknown[] }) => d.attachments.length > 0);
    expect(drafts).toHaveLength(2);
    expect(replies).toHaveLength(1);
    expect(replies[0].to).toContain(person.email);
    const names = replies[0].attachments.map((a: { name: string }) => a.name).sort();
    expect(names.map((n: string) => n.slice(n.lastIndexOf('.') + 1))).toEqual(['csv', 'html', 'json']);
    await expect(frame.getByTestId('case-note').textContent()).resolves.toContain(names.slice().sort().join(', ').split(', ')[0]);
    expect(box.sent.filter((m: { threadId: string }) => m.threadId === mail.threadId)).toEqual([]);
    expect(dialogs).toEqual([]);
  });
});

describe('the requests dialog', () => {
  test('Rekisteri › Pyynnöt opens a modal dialog of 900 × 600 in the register\'s language; an outsider is refused and sees nothing', async () => {
    const { page } = await pageAs(STAFF);
    const frame = await openDialog(page);
    const state = (await call(env.srv.base, 'GET', `/api/state?user=${encodeURIComponent(STAFF)}`)).body;
    expect(state.ui.dialog).toMatchObject({ kind: 'modal', width: 900, height: 600, title: 'Rekisteröityjen pyynnöt' });
    await expect(frame.locator('h1').textContent()).resolves.toBe('Rekisteröityjen pyynnöt');
    // Today is the server's (2026-11-25), not the browser's pinned 2031.
    await expect(frame.getByTestId('today').getAttribute('data-today')).resolves.toBe(EMULATED_NOW.slice(0, 10));

    const shown = await call(env.srv.base, 'POST', '/api/menu/showRequestsDialog', { user: OUTSIDER });
    expect(JSON.stringify(shown.body)).toMatch(/ei ole oikeutta|avainhenkilö/);
    const outsider = (await call(env.srv.base, 'GET', `/api/state?user=${encodeURIComponent(OUTSIDER)}`)).body;
    expect(outsider.ui.dialog).toBeNull();
  });
});

describe('a case in the dialog', () => {
  test('a letter carrying HTML and a script is shown as text: nothing runs, no element is made from it', async () => {
    const { page, dialogs } = await pageAs(OWNER);
    const from = `hostile.${unique()}@example.org`;
    const payload = '<img src=x onerror="window.__pwned=true"><script>window.__pwned=true</script><b>poistakaa</b> tietoni rekisteristä';
    const { frame, row } = await mailToCase(page, { from, subject: `Poisto <script>alert(3)</script> ${unique()}`, body: `Hei, ${payload}. Terveisin Hostile` });
    await openCase(frame, row);
    const letter = frame.getByTestId('letter');
    await expect(letter.textContent()).resolves.toMatch(/tietoni/);
    await expect(letter.textContent()).resolves.toContain('<script>alert(3)</script>');
    await expect(letter.textContent()).resolves.toContain('<img src=x onerror="window.__pwned=true">');
    await expect(letter.locator('img, script, b').count()).resolves.toBe(0);
    await expect(frame.locator('img').count()).resolves.toBe(0);
    expect(await frame.evaluate(() => (window as unknown as { __pwned?: boolean }).__pwned ?? false)).toBe(false);
    expect(dialogs).toEqual([]);
    await page.screenshot({ path: '/tmp/requests-hostile.png' });
  });

  test('a case not proven to be the person waits for verification; staff verify it with a note, and only then may rights be settled', async () => {
    const { page } = await pageAs(STAFF);
    const id = await logCase();
    const frame = await dialogOnCase(page, id);
    await expect(frame.getByTestId('case-view').getAttribute('data-status')).resolves.toBe('awaiting-verification');
    await frame.getByTestId('verify-first').waitFor();
    await expect(frame.getByTestId('fulfil-access').count()).resolves.toBe(0);
    await frame.getByTestId('verify-button').click();
    // An empty note is refused before anything is sent, in the machine's own words.
    await frame.getByTestId('verify-submit').click();
    await expect(frame.getByTestId('field-error-verify-note').textContent()).resolves.toMatch(/^Kirjoita, miten henkilöllisyys tarkistettiin/);
    await frame.getByTestId('input-verify-note').fill('Henkilökortti tarkistettu toimistolla');
    await frame.getByTestId('verify-submit').click();
    await frame.getByTestId('fulfil-access').waitFor();
    await expect(frame.getByTestId('case-view').getAttribute('data-status')).resolves.toBe('in-progress');
    await expect(frame.getByTestId('case-verification').textContent()).resolves.toBe('Henkilökunta tarkisti');
    await expect(frame.getByTestId('verify-button').count()).resolves.toBe(0);
  });

  test('the deadline is extended once with a reason, inside the first month; the extended date is then counted down and extension is no longer offered', async () => {
    const { page, runs } = await pageAs(STAFF);
    const id = await logCase({ type: 'access', rights: ['access', 'erasure'] });
    const frame = await dialogOnCase(page, id);
    await frame.getByTestId('extend-button').click();
    await expect(frame.getByTestId('panel-extend').textContent()).resolves.toContain('viimeistään 28.12.2026');
    await frame.getByTestId('extend-submit').click();
    await expect(frame.getByTestId('field-error-extend-reason').textContent()).resolves.toBe('Kirjoita syy. Se kerrotaan henkilölle.');
    expect(runs.filter((r) => r.fn === 'extendRequest')).toEqual([]);
    await frame.getByTestId('input-extend-reason').fill('Pyyntö koskee useita järjestelmiä');
    await frame.getByTestId('extend-submit').click();
    await frame.getByTestId('case-extendedDueDate').waitFor();
    await expect(frame.getByTestId('extend-button').count()).resolves.toBe(0);
    // 25.11.2026 + 1 month = 25.12 (before moving past Christmas) + 2 months = 25.2.2027, a Thursday.
    await expect(frame.getByTestId('case-extendedDueDate').textContent()).resolves.toBe('25.2.2027');
    await expect(frame.locator('.case-head [data-testid="countdown"]').getAttribute('data-days')).resolves.toBe('92');
    // The notice to the person: a draft (a logged letter has no thread, so a new draft to the address).
    await expect(frame.getByTestId('case-note').textContent()).resolves.toMatch(/luonnoksena Gmailissa/);
  });

  test('rejecting asks for the reason, says the person may complain to Tietosuojavaltuutettu, and asks again with the safe button focused', async () => {
    const { page, runs } = await pageAs(STAFF);
    const id = await logCase({ type: 'erasure', rights: ['erasure'] });
    const frame = await dialogOnCase(page, id);
    await frame.getByTestId('reject-button').click();
    await expect(frame.getByTestId('complaint-note').textContent()).resolves.toMatch(/tietosuojavaltuutetulle/i);
    await frame.getByTestId('reject-submit').click();
    await expect(frame.getByTestId('field-error-reject-reason').textContent()).resolves.toBe('Kirjoita syy. Se kerrotaan henkilölle.');
    expect(runs.filter((r) => r.fn === 'rejectRequest')).toEqual([]);
    await frame.getByTestId('input-reject-reason').fill('Henkilöllisyyttä ei voitu todentaa');
    await frame.getByTestId('reject-submit').click();
    await frame.getByTestId('confirm').waitFor();
    expect(await focused(frame)).toBe('confirm-cancel');
    await expect(frame.getByTestId('confirm-detail').textContent()).resolves.toMatch(/Tietosuojavaltuutetun/);
    // Enter on the focused button cancels: nothing is sent.
    await page.keyboard.press('Enter');
    await frame.getByTestId('reject-submit').waitFor();
    expect(runs.filter((r) => r.fn === 'rejectRequest')).toEqual([]);
    await frame.getByTestId('reject-submit').click();
    await frame.getByTestId('confirm-ok').click();
    await frame.locator('[data-testid="case-view"][data-status="rejected"]').waitFor();
    await expect(frame.getByTestId('case-rejectionReason').textContent()).resolves.toBe('Henkilöllisyyttä ei voitu todentaa');
    await expect(frame.getByTestId('case-actions').count()).resolves.toBe(0);
    await expect(frame.locator('.case-head [data-testid="countdown"]').count()).resolves.toBe(0);
    expect(runs.filter((r) => r.fn === 'rejectRequest').map((r) => r.body.args[0])).toEqual([{ id: expect.any(String), reason: 'Henkilöllisyyttä ei voitu todentaa' }]);
  });

  test('a second letter is marked a duplicate of the first, chosen from the same sender\'s open cases; the server\'s refusal of itself is shown in the confirmation', async () => {
    const { page } = await pageAs(STAFF);
    const from = `kahdesti.${unique()}@example.org`;
    const older = await logCase({ type: 'objection', rights: ['objection'], requesterEmail: from });
    const newer = await logCase({ type: 'objection', rights: ['objection'], requesterEmail: from });
    const frame = await dialogOnCase(page, newer);
    await frame.getByTestId('duplicate-button').click();
    await frame.locator(`[data-testid="duplicate-choice"][data-id="${older}"]`).click();
    await expect(frame.getByTestId('input-duplicate-of').inputValue()).resolves.toBe(older);
    // Itself: the machine refuses, and the server's words appear where the question was.
    await frame.getByTestId('input-duplicate-of').fill(newer);
    await frame.getByTestId('duplicate-submit').click();
    expect(await focused(frame)).toBe('confirm-cancel');
    await frame.getByTestId('confirm-ok').click();
    await expect(frame.getByTestId('action-error').textContent()).resolves.toBe('Pyyntö ei voi olla itsensä kaksoiskappale. Anna toisen pyynnön tunnus.');
    await frame.getByTestId('confirm-cancel').click();
    await frame.getByTestId('input-duplicate-of').fill(older);
    await frame.getByTestId('duplicate-submit').click();
    await frame.getByTestId('confirm-ok').click();
    await frame.locator('[data-testid="case-view"][data-status="duplicate"]').waitFor();
    await expect(frame.getByTestId('case-duplicateOf').textContent()).resolves.toBe(older);
    await frame.getByTestId('back-button').click();
    await frame.getByTestId('list-count').waitFor();
    await expect(rowOf(frame, from).count()).resolves.toBe(1);
  });
});

describe('settling a right', () => {
  test('declining a right asks for the reason (the person may complain), asks again with the safe button focused, and closes a case whose every right is settled', async () => {
    const { page, runs } = await pageAs(STAFF);
    const person = await customer(5);
    const id = await logCase({ type: 'portability', rights: ['portability'], customerNumber: person.customerNumber, requesterEmail: person.email, verificationNote: 'Henkilökortti tarkistettu' });
    const frame = await dialogOnCase(page, id);
    await frame.getByTestId('decline-portability').click();
    await frame.getByTestId('decline-portability-submit').click();
    await expect(frame.getByTestId('field-error-decline-reason-portability').textContent()).resolves.toBe('Kirjoita syy, jolla oikeuden käyttö evätään. Syy kerrotaan henkilölle.');
    await frame.getByTestId('input-decline-reason-portability').fill('Tiedot eivät perustu suostumukseen eivätkä sopimukseen');
    await frame.getByTestId('decline-portability-submit').click();
    expect(await focused(frame)).toBe('confirm-cancel');
    expect(runs.filter((r) => r.fn === 'fulfilRequest')).toEqual([]);
    await frame.getByTestId('confirm-ok').click();
    await frame.locator('[data-testid="right"][data-right="portability"][data-outcome="declined"]').waitFor();
    await frame.locator('[data-testid="case-view"][data-status="completed"]').waitFor();
    await expect(frame.getByTestId('case-note').textContent()).resolves.toMatch(/^Evätty: Siirto \(20 art\.\)\./);
    expect(runs.filter((r) => r.fn === 'fulfilRequest').map((r) => r.body.args[0])).toEqual([
      { id, right: 'portability', decline: 'Tiedot eivät perustu suostumukseen eivätkä sopimukseen' },
    ]);
  });
});

describe('from a case to the sidebar', () => {
  test('openRecordInSidebar opens the register sidebar on that person (their edit form for a rectification); a malformed number or an outsider is refused', async () => {
    const person = await customer(3);
    const { page } = await pageAs(STAFF);
    await run('openRecordInSidebar', [{ customerNumber: person.customerNumber, requestId: 'R-abc', edit: true }], STAFF);
    const html = env.srv.emulator.world.uiFor(STAFF).sidebar!.html;
    expect(html).toContain(`<script type="application/json" id="open-record">{"customerNumber":"${person.customerNumber}","edit":true,"requestId":"R-abc"}</script>`);
    // The page shows what the script opened at its next look at the state.
    const frame = (await (await page.getByTestId('sidebar-frame').elementHandle())!.contentFrame())!;
    await frame.getByTestId('customer-form').waitFor();
    await expect(frame.getByTestId('input-name').inputValue()).resolves.toBe(person.name);

    await run('openRecordInSidebar', [{ customerNumber: person.customerNumber }], STAFF);
    await page.waitForFunction(() => {
      const f = document.querySelector<HTMLIFrameElement>('[data-testid="sidebar-frame"]');
      return !!f?.contentDocument?.querySelector('[data-testid="record-view"]');
    });
    const again = (await (await page.getByTestId('sidebar-frame').elementHandle())!.contentFrame())!;
    await expect(again.getByTestId('field-customerNumber').textContent()).resolves.toBe(person.customerNumber);

    await expect(run('openRecordInSidebar', [{ customerNumber: '</script><script>alert(1)</script>' }], STAFF)).rejects.toThrow(/Pyyntö oli puutteellinen/);
    await expect(run('openRecordInSidebar', [{ customerNumber: person.customerNumber }], OUTSIDER)).rejects.toThrow(/ei ole oikeutta|avainhenkilö/);
  });
});

describe('logging by hand', () => {
  test('a letter is logged with its rights, day of receipt and a description; the form checks first, shows text as text, and keeps one request key', async () => {
    const { page, runs, dialogs } = await pageAs(STAFF);
    const person = await customer(1);
    const frame = await openDialog(page);
    await frame.getByTestId('log-button').click();
    await frame.getByTestId('log-form').waitFor();
    // Today by default, the server's, shown d.M.yyyy whatever the browser's language (a text field, not the browser's date input).
    const today = new Date(nowMs()).toISOString().slice(0, 10);
    await expect(frame.getByTestId('input-log-received').getAttribute('data-value')).resolves.toBe(today);
    await expect(frame.getByTestId('input-log-received').inputValue()).resolves.toBe(`${+today.slice(8, 10)}.${+today.slice(5, 7)}.${today.slice(0, 4)}`);
    await expect(frame.getByTestId('input-log-received').getAttribute('type')).resolves.toBe('text');
    await frame.getByTestId('log-submit').click();
    await expect(frame.getByTestId('field-error-log-rights').textContent()).resolves.toBe('Valitse vähintään yksi oikeus.');
    expect(runs.filter((r) => r.fn === 'logRequest')).toEqual([]);
    await frame.getByTestId('input-log-received').fill('2030-01-01');
    await frame.getByTestId('log-right-objection').check();
    await frame.getByTestId('log-right-erasure').check();
    await frame.getByTestId('log-submit').click();
    await expect(frame.getByTestId('field-error-log-received').textContent()).resolves.toBe('Vastaanottopäivä ei voi olla tulevaisuudessa.');
    await frame.getByTestId('input-log-received').fill('20.11.2026');
    // An address the register would not take is refused on its field, with what is wrong in it, before anything is sent.
    await frame.getByTestId('input-log-email').fill('jari.virtanen@');
    await frame.getByTestId('log-submit').click();
    await expect(frame.getByTestId('field-error-log-email').textContent()).resolves.toMatch(/@/);
    expect(runs.filter((r) => r.fn === 'logRequest')).toEqual([]);
    await frame.getByTestId('input-log-email').fill(person.email);
    await frame.getByTestId('input-log-customer').fill(person.customerNumber);
    const note = '<b>Kirje</b> <img src=x onerror="alert(1)"> saapui postissa';
    await frame.getByTestId('input-log-summary').fill(note);
    await frame.getByTestId('log-submit').click();
    await frame.getByTestId('case-view').waitFor();
    await expect(frame.getByTestId('case-note').textContent()).resolves.toMatch(/^Pyyntö .+ kirjattu\. Määräpäivä 21\.12\.2026\.$/);
    await expect(frame.getByTestId('case-title').textContent()).resolves.toBe('Poisto (17 art.)');
    await expect(frame.locator('[data-testid="right"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-right')))).resolves.toEqual(['erasure', 'objection']);
    await expect(frame.getByTestId('case-channel').textContent()).resolves.toBe('Kirje');
    await expect(frame.getByTestId('letter').textContent()).resolves.toBe(note);
    await expect(frame.locator('img').count()).resolves.toBe(0);
    const sent = runs.filter((r) => r.fn === 'logRequest').map((r) => r.body.args[0] as Record<string, unknown>);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ channel: 'letter', receivedAt: '2026-11-20', type: 'erasure', rights: ['erasure', 'objection'], requesterEmail: person.email, customerNumber: person.customerNumber });
    expect(sent[0].requestKey).toMatch(/^[A-Za-z0-9_-]{16,64}$/);
    expect(dialogs).toEqual([]);
    await page.screenshot({ path: '/tmp/requests-logged.png' });
  });
});

describe('filters', () => {
  test('open cases by default; status, right and customer number narrow the list', async () => {
    const person = await customer(4);
    const other = `suodatin.${unique()}@example.org`;
    const objection = await logCase({ type: 'objection', rights: ['objection'], customerNumber: person.customerNumber, requesterEmail: person.email });
    const erasure = await logCase({ type: 'erasure', rights: ['erasure', 'objection'], requesterEmail: other });
    const rejected = await logCase({ requesterEmail: other });
    await run('rejectRequest', [{ id: rejected, reason: 'Perusteeton' }], STAFF);
    const duplicate = await logCase({ requesterEmail: other });
    await run('markDuplicate', [{ id: duplicate, of: erasure }], STAFF);

    const { page } = await pageAs(STAFF);
    const frame = await openDialog(page);
    const ids = () => frame.getByTestId('request-row').evaluateAll((els) => els.map((e) => e.getAttribute('data-id')!));
    const statuses = () => frame.getByTestId('request-row').evaluateAll((els) => els.map((e) => e.getAttribute('data-status')));
    const settle = (n: number) => frame.locator(`[data-testid="list-count"][data-count="${n}"]`).waitFor();
    // Open by default.
    expect(await ids()).toEqual(expect.arrayContaining([objection, erasure]));
    expect(await ids()).not.toContain(rejected);
    expect(await ids()).not.toContain(duplicate);
    for (const st of await statuses()) expect(['received', 'awaiting-verification', 'in-progress']).toContain(st);
    // One status, asked of the server.
    await frame.getByTestId('filter-status').selectOption('rejected');
    await frame.locator(`[data-testid="request-row"][data-id="${rejected}"]`).waitFor();
    expect(new Set(await statuses())).toEqual(new Set(['rejected']));
    await frame.getByTestId('filter-status').selectOption('all');
    await frame.locator(`[data-testid="request-row"][data-id="${duplicate}"]`).waitFor();
    // A right: every letter that asks it, its primary type or not.
    await frame.getByTestId('filter-type').selectOption('objection');
    await frame.locator(`[data-testid="request-row"][data-id="${rejected}"]`).waitFor({ state: 'detached' });
    expect(await ids()).toEqual(expect.arrayContaining([objection, erasure]));
    for (const t of await frame.getByTestId('request-row').allTextContents()) expect(t).toMatch(/Markkinointikielto/);
    // A customer number from its start, as it is typed.
    await frame.getByTestId('filter-type').selectOption('all');
    await frame.getByTestId('filter-customer').fill(person.customerNumber.slice(0, -1));
    await frame.locator(`[data-testid="request-row"][data-id="${erasure}"]`).waitFor({ state: 'detached' });
    expect(await ids()).toContain(objection);
    for (const n of await frame.getByTestId('request-row').evaluateAll((els) => els.map((e) => e.children[4].textContent ?? ''))) {
      expect(n.startsWith(person.customerNumber.slice(0, -1))).toBe(true);
    }
    await frame.getByTestId('filter-customer').fill('999999999');
    await frame.getByTestId('no-requests').waitFor();
    await settle(0);
  });
});

describe('the sidebar', () => {
  test('a record lists the person\'s requests, the start screen shows what is due, and a rectification opens the person\'s edit form from the case', async () => {
    const { page, runs } = await pageAs(STAFF);
    const person = await customer(2);
    const rectificationId = await logCase({ type: 'rectification', rights: ['rectification'], customerNumber: person.customerNumber, requesterEmail: person.email, verificationNote: 'Henkilökortti' });
    const sidebar = await openSidebar(page);
    await sidebar.getByTestId('due-list').waitFor();
    await sidebar.getByTestId('due-item').first().waitFor();
    const dueDays = await sidebar.getByTestId('due-item').evaluateAll((els) => els.map((e) => Number(e.querySelector('[data-testid="countdown"]')!.getAttribute('data-days'))));
    expect(dueDays.length).toBeLessThanOrEqual(5);
    expect([...dueDays].sort((a, b) => a - b)).toEqual(dueDays);
    // Issue 8, Deliver 5: once requests exist, the start screen shows what is due.
    await sidebarShot(page, 'office-start-due');

    await sidebar.getByTestId('search-input').fill(person.customerNumber);
    await sidebar.getByTestId('search-input').press('Enter');
    await sidebar.locator(`[data-testid="result-item"][data-number="${person.customerNumber}"]`).click();
    await sidebar.getByTestId('record-view').waitFor();
    await sidebar.getByTestId('person-request').first().waitFor();
    await expect(sidebar.getByTestId('person-request').first().getByTestId('countdown').getAttribute('data-colour')).resolves.toBe('green');
    await page.screenshot({ path: '/tmp/requests-sidebar.png' });

    // The person's rectification, from the dialog: the edit form opens in the sidebar, the dialog closes.
    const rectification = sidebar.locator('[data-testid="person-request"]', { hasText: 'Oikaisu' }).first();
    await rectification.getByTestId('person-request-open').click();
    const dialog = (await (await page.getByTestId('dialog-frame').elementHandle())!.contentFrame())!;
    await dialog.getByTestId('case-view').waitFor();
    await dialog.getByTestId('rectify-open').click();
    await page.getByTestId('dialog-frame').waitFor({ state: 'detached' });
    const edit = (await (await page.getByTestId('sidebar-frame').elementHandle())!.contentFrame())!;
    await edit.getByTestId('customer-form').waitFor();
    await expect(edit.getByTestId('input-name').inputValue()).resolves.toBe(person.name);
    // The correction is saved with the request's id, so the fulfilment can name the changed fields.
    await edit.getByTestId('input-city').fill('Kangasala');
    await edit.getByTestId('save-button').click();
    await edit.getByTestId('saved-note').waitFor();
    const saves = runs.filter((r) => r.fn === 'saveCustomer').map((r) => r.body.args[0] as { requestId?: string });
    expect(saves.map((x) => x.requestId)).toEqual([rectificationId]);
    const back = await dialogOnCase(page, rectificationId);
    await back.getByTestId('fulfil-rectification').click();
    expect(await focused(back)).toBe('confirm-cancel');
    await back.getByTestId('confirm-ok').click();
    await back.locator('[data-testid="case-view"][data-status="completed"]').waitFor();
    await expect(back.getByTestId('case-note').textContent()).resolves.toMatch(/^Toteutettu: Oikaisu \(16 art\.\)\. Vastausluonnos osoitteeseen/);
  });
});

// Last: moves the world's clock by weeks.
describe('colours as the server\'s clock moves', () => {
  test('one case turns amber under 10 days, red under 5, and overdue after its due day, whatever the browser\'s clock says', async () => {
    const { page } = await pageAs(STAFF);
    const from = `kello.${unique()}@example.org`;
    await logCase({ requesterEmail: from });
    const frame = await openDialog(page);
    const row = rowOf(frame, from);
    await expect(row.getByTestId('due-date').getAttribute('data-value')).resolves.toBe('2026-12-28');
    const steps: [string, string, string][] = [
      ['2026-12-18T10:00:00+02:00', 'green', '10'], ['2026-12-19T10:00:00+02:00', 'amber', '9'], ['2026-12-23T10:00:00+02:00', 'amber', '5'],
      ['2026-12-24T10:00:00+02:00', 'red', '4'], ['2026-12-28T10:00:00+02:00', 'red', '0'], ['2026-12-29T10:00:00+02:00', 'overdue', '-1'],
    ];
    for (const [at, colour, days] of steps) {
      await clockTo(at);
      // The open dialog's refresh takes the server's new today with the list.
      await frame.getByTestId('refresh-button').click();
      await frame.locator(`[data-testid="today"][data-today="${at.slice(0, 10)}"]`).waitFor();
      await expect(row.getByTestId('countdown').getAttribute('data-colour')).resolves.toBe(colour);
      await expect(row.getByTestId('countdown').getAttribute('data-days')).resolves.toBe(days);
      if (colour === 'overdue') {
        await expect(row.getByTestId('countdown').textContent()).resolves.toContain('Myöhässä 1 pv');
        await page.screenshot({ path: '/tmp/requests-overdue.png' });
      }
    }
  });
});
