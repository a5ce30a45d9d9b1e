/**
 * The emulator's public HTTP API (DESIGN.md §7) and the routes the emulator page uses, over a
 * real socket: what a script author or a test harness gets with curl.
 */
import { startServer, call, RunningServer, OWNER, STAFF, OUTSIDER } from './support';

let srv: RunningServer;
const api = (method: string, path: string, body?: unknown, headers?: Record<string, string>) => call(srv.base, method, path, body, headers);

beforeAll(async () => {
  srv = await startServer();
});
afterAll(async () => {
  await srv?.close();
});

describe('POST /api/run/:fn', () => {
  test('calls a public function as google.script.run would, as the owner when no user is given', async () => {
    const { status, body } = await api('POST', '/api/run/getSidebarInfo', { args: [] });
    expect(status).toBe(200);
    expect(body.result.user).toBe(OWNER);
    expect(body.result.rowCount).toBe(200);
    expect(body.stats.calls).toBeGreaterThan(0);
    expect(body.error).toBeUndefined();
  });

  test('runs as the given user', async () => {
    const { body } = await api('POST', '/api/run/getSidebarInfo', { args: [], user: STAFF });
    expect(body.result?.user ?? body.error?.message).toBeDefined();
    if (body.result) expect(body.result.user).toBe(STAFF);
  });

  test('a private function (name ending in _) is not found, as in Apps Script', async () => {
    const { status, body } = await api('POST', '/api/run/foo_', { args: [] });
    expect(status).toBe(200);
    expect(body).toMatchObject({ error: { message: 'Script function not found: foo_' } });
    expect(body.result).toBeUndefined();
  });

  test('a function that does not exist is not found', async () => {
    const { body } = await api('POST', '/api/run/noSuchFunction', {});
    expect(body.error.message).toBe('Script function not found: noSuchFunction');
  });

  test('malformed JSON is a 400 with a message', async () => {
    const { status, body } = await api('POST', '/api/run/getSidebarInfo', '{"args": [');
    expect(status).toBe(400);
    expect(body.error.message).toMatch(/Malformed JSON/);
  });

  test('args that are not an array are a 400', async () => {
    const { status, body } = await api('POST', '/api/run/getSidebarInfo', { args: { a: 1 } });
    expect(status).toBe(400);
    expect(body.error.message).toMatch(/"args" must be an array/);
  });

  test('a body over 1 MB is refused with 413', async () => {
    const { status, body } = await api('POST', '/api/run/getSidebarInfo', { args: ['x'.repeat(1024 * 1024 + 10)] });
    expect(status).toBe(413);
    expect(body.error.message).toMatch(/larger than/);
  });

  test('a page on another site may not call the API', async () => {
    const { status, body } = await api('POST', '/api/run/getSidebarInfo', { args: [] }, { origin: 'http://evil.example' });
    expect(status).toBe(403);
    expect(body.error.message).toMatch(/not allowed/);
  });
});

describe('POST /api/triggers/:fn', () => {
  test('runs a handler with a time-driven event as the owner when no trigger is installed', async () => {
    const { status, body } = await api('POST', '/api/triggers/getSidebarInfo');
    expect(status).toBe(200);
    expect(body.error).toBeUndefined();
    expect(body.result.user).toBe(OWNER);
  });

  test('an unknown handler reports "Script function not found"', async () => {
    const { body } = await api('POST', '/api/triggers/noSuchHandler');
    expect(body.error.message).toBe('Script function not found: noSuchHandler');
  });
});

describe('mail', () => {
  test('POST /api/mail delivers to the register inbox, with headers; GET /api/mailbox lists it', async () => {
    const sent = await api('POST', '/api/mail', {
      from: 'liisa.lahettaja@example.fi',
      subject: 'Tietopyyntö API-testistä',
      body: 'Pyydän kopion tiedoistani.',
      headers: { 'Authentication-Results': 'mx.google.com; dkim=pass; spf=pass; dmarc=pass' },
    });
    expect(sent.status).toBe(200);
    expect(sent.body.messageId).toEqual(expect.any(String));
    const box = await api('GET', '/api/mailbox');
    expect(box.status).toBe(200);
    expect(box.body).toEqual(expect.objectContaining({ messages: expect.any(Array), drafts: expect.any(Array), sent: expect.any(Array) }));
    const mine = box.body.messages.find((m: { id: string }) => m.id === sent.body.messageId);
    expect(mine).toMatchObject({ from: 'liisa.lahettaja@example.fi', subject: 'Tietopyyntö API-testistä', to: OWNER });
    expect(mine.headers['Authentication-Results']).toMatch(/dmarc=pass/);
  });

  test('POST /api/mail takes threadId (a reply in that thread), html (HTML-only without body), attachments and ordered headers', async () => {
    const first = await api('POST', '/api/mail', { from: 'pia@example.fi', subject: 'Poistopyyntö', body: 'Poistakaa tietoni.' });
    const reply = await api('POST', '/api/mail', {
      from: 'pia@example.fi', subject: 'Lisätieto', threadId: first.body.threadId,
      html: '<p>Asiakasnumero &amp; kuva liitteenä</p>',
      attachments: [{ name: 'kuva.png', contentType: 'image/png', data: Buffer.from('png!').toString('base64') }],
      headers: [['Authentication-Results', 'mx.google.com; dmarc=pass (forged)'], ['X-Seq', '1'], ['X-Seq', '2']],
      dmarc: 'fail',
    });
    expect(reply.status).toBe(200);
    expect(reply.body.threadId).toBe(first.body.threadId);
    const box = await api('GET', '/api/mailbox');
    const mine = box.body.messages.find((m: { id: string }) => m.id === reply.body.messageId);
    expect(mine).toMatchObject({ body: '', htmlBody: '<p>Asiakasnumero &amp; kuva liitteenä</p>', attachments: [{ name: 'kuva.png', contentType: 'image/png', size: 4 }] });
    expect(mine.headers['Authentication-Results']).toMatch(/dmarc=fail/);
    expect(mine.headerList.filter(([k]: [string]) => k === 'X-Seq' || k === 'Authentication-Results').map(([, v]: [string, string]) => v))
      .toEqual([expect.stringMatching(/dmarc=fail/), 'mx.google.com; dmarc=pass (forged)', '1', '2']);
    const unknown = await api('POST', '/api/mail', { from: 'pia@example.fi', subject: 'x', body: 'y', threadId: 'nope' });
    expect(unknown.status).toBe(404);
  });

  test('a mail without a sender is a 400', async () => {
    const { status, body } = await api('POST', '/api/mail', { subject: 'x', body: 'y' });
    expect(status).toBe(400);
    expect(body.error.message).toMatch(/"from"/);
  });

  test('headers must be strings', async () => {
    const { status } = await api('POST', '/api/mail', { from: 'a@b.fi', subject: 'x', body: 'y', headers: { n: 1 } });
    expect(status).toBe(400);
  });
});

describe('sheets', () => {
  test('GET /api/sheets lists the tabs', async () => {
    const { status, body } = await api('GET', '/api/sheets');
    expect(status).toBe(200);
    expect(body).toEqual(expect.arrayContaining(['Rekisteri', 'Pyynnöt', 'Luovutukset', 'Lokitiedot']));
  });

  test('GET /api/sheets/:name gives values, formulas and protections of the tab', async () => {
    const { status, body } = await api('GET', `/api/sheets/${encodeURIComponent('Rekisteri')}`);
    expect(status).toBe(200);
    expect(Object.keys(body).sort()).toEqual(['formulas', 'protections', 'values']);
    expect(body.values).toHaveLength(201); // header + 200 demo customers
    expect(body.formulas).toHaveLength(201);
    expect(body.values[0][0]).toBe('Asiakasnumero');
    expect(Array.isArray(body.protections)).toBe(true);
  });

  test('an unknown tab is a 404 with a JSON error', async () => {
    const { status, body } = await api('GET', '/api/sheets/Ei%20ole');
    expect(status).toBe(404);
    expect(body.error.message).toBe('No tab named "Ei ole"');
  });

  test('GET /api/grid/:name pages through a tab with the header row', async () => {
    const { status, body } = await api('GET', '/api/grid/Rekisteri?start=101&count=50');
    expect(status).toBe(200);
    expect(body.start).toBe(101);
    expect(body.lastRow).toBe(201);
    expect(body.header.values[0]).toBe('Asiakasnumero');
    expect(body.rows.values).toHaveLength(50);
    expect(body.rows.values[0][0]).toBe('100100'); // row r holds customer 100000 + r - 1
  });
});

describe('clock', () => {
  test('POST /api/clock sets the emulated time', async () => {
    // Off the quarter hours, when the intake trigger runs (and would end after the time set).
    const { status, body } = await api('POST', '/api/clock', { now: '2027-01-15T09:31:00+02:00' });
    expect(status).toBe(200);
    expect(body.now).toBe('2027-01-15T07:31:00.000Z');
    const state = await api('GET', '/api/state');
    expect(state.body.now).toBe('2027-01-15T07:31:00.000Z');
  });

  test('a bad date is a 400 that says what to send', async () => {
    for (const now of ['yesterday', '2027-13-45T00:00:00Z', 12345, null]) {
      const { status, body } = await api('POST', '/api/clock', { now });
      expect(status).toBe(400);
      expect(body.error.message).toMatch(/ISO 8601/);
    }
  });
});

describe('stats', () => {
  test('GET /api/stats counts service calls by method; POST /api/stats/reset zeroes them', async () => {
    await api('POST', '/api/run/getSidebarInfo', {});
    const before = await api('GET', '/api/stats');
    expect(before.body.calls).toBeGreaterThan(0);
    expect(before.body.modelledMs).toBeGreaterThan(0);
    expect(Object.keys(before.body.byMethod).length).toBeGreaterThan(0);
    const reset = await api('POST', '/api/stats/reset');
    expect(reset.status).toBe(200);
    const after = await api('GET', '/api/stats');
    expect(after.body).toEqual({ calls: 0, modelledMs: 0, byMethod: {} });
  });
});

describe('the page routes', () => {
  test('POST /api/open runs onOpen for the user, whose menu then appears in /api/state', async () => {
    const opened = await api('POST', '/api/open', { user: OWNER });
    expect(opened.status).toBe(200);
    expect(opened.body.reports.every((r: { ok: boolean }) => r.ok)).toBe(true);
    const { body } = await api('GET', `/api/state?user=${encodeURIComponent(OWNER)}`);
    expect(body.user).toBe(OWNER);
    expect(body.canOpen).toBe(true);
    expect(body.users.map((u: { email: string }) => u.email)).toEqual([OWNER, STAFF, OUTSIDER]);
    expect(body.ui.menus[0].name).toBe('Rekisteri');
    expect(body.ui.menus[0].items[0]).toEqual({ caption: 'Avaa rekisteri', functionName: 'showSidebar' });
  });

  test('an outsider cannot open the spreadsheet', async () => {
    const { body } = await api('POST', '/api/open', { user: OUTSIDER });
    expect(body.reports[0].ok).toBe(false);
    expect(body.reports[0].error.message).toMatch(/need access/);
    expect((await api('GET', `/api/state?user=${encodeURIComponent(OUTSIDER)}`)).body.canOpen).toBe(false);
  });

  test('a menu item opens the sidebar; its frame carries the google.script shim first in <head>; close closes it', async () => {
    await api('POST', '/api/open', { user: OWNER });
    const ran = await api('POST', '/api/menu/showSidebar', { user: OWNER });
    expect(ran.body.ok).toBe(true);
    const state = await api('GET', `/api/state?user=${encodeURIComponent(OWNER)}`);
    expect(state.body.ui.sidebar).toMatchObject({ kind: 'sidebar', width: 300 });
    expect(state.body.ui.sidebar.html).toBeUndefined();
    const frame = await api('GET', `/frame/sidebar?user=${encodeURIComponent(OWNER)}`);
    expect(frame.status).toBe(200);
    const html = frame.body as string;
    const head = html.indexOf('<head>');
    expect(html.indexOf('<script>window.__GAS_EMULATOR__=')).toBe(head + '<head>'.length);
    expect(html).toContain('"user":"asiakaspalvelu@cleanroom.fi"');
    // The shim offers the script's public functions, never private ones.
    expect(html).toContain('"getSidebarInfo"');
    const closed = await api('POST', '/api/ui/close', { user: OWNER, which: 'sidebar' });
    expect(closed.body.ui.sidebar).toBeNull();
    expect((await api('GET', `/frame/sidebar?user=${encodeURIComponent(OWNER)}`)).status).toBe(404);
  });

  test('POST /api/ui/close refuses an unknown frame', async () => {
    const { status } = await api('POST', '/api/ui/close', { user: OWNER, which: 'window' });
    expect(status).toBe(400);
  });

  test('POST /api/edit types into a cell as the user: a formula-looking input is kept as a formula', async () => {
    // A tab of the user's own, which no trigger of the register watches, so Sheets' own parsing shows.
    expect((await api('POST', '/api/script', { user: OWNER, code: "SpreadsheetApp.getActiveSpreadsheet().insertSheet('Muistiinpanot');" })).status).toBe(200);
    const edit = await api('POST', '/api/edit', { user: OWNER, sheet: 'Muistiinpanot', row: 5, column: 2, input: '=IMPORTXML("http://x","//a")' });
    expect(edit.status).toBe(200);
    expect(edit.body.ok).toBe(true);
    const { body } = await api('GET', `/api/sheets/${encodeURIComponent('Muistiinpanot')}`);
    expect(body.formulas[4][1]).toBe('=IMPORTXML("http://x","//a")');
  });

  test('POST /api/edit into the requests tab: the register\'s trigger turns the formula into text', async () => {
    const edit = await api('POST', '/api/edit', { user: OWNER, sheet: 'Pyynnöt', row: 5, column: 2, input: '=IMPORTXML("http://x","//a")' });
    expect(edit.body.ok).toBe(true);
    const { body } = await api('GET', `/api/sheets/${encodeURIComponent('Pyynnöt')}`);
    expect(body.formulas[4]?.[1] ?? '').toBe('');
  });

  test('POST /api/edit into the disclosures tab is undone by the register\'s trigger and logged', async () => {
    const edit = await api('POST', '/api/edit', { user: OWNER, sheet: 'Luovutukset', row: 5, column: 2, input: '=IMPORTXML("http://x","//a")' });
    expect(edit.body.ok).toBe(true);
    const { body } = await api('GET', `/api/sheets/${encodeURIComponent('Luovutukset')}`);
    expect(body.formulas[4]?.[1] ?? '').toBe('');
  });

  test('POST /api/edit validates its input', async () => {
    expect((await api('POST', '/api/edit', { user: OWNER, sheet: 'Rekisteri', row: 0, column: 1, input: 'x' })).status).toBe(400);
    expect((await api('POST', '/api/edit', { user: OWNER, sheet: 'Rekisteri', row: 1, column: 1 })).status).toBe(400);
    expect((await api('POST', '/api/edit', { user: OWNER, sheet: 'Ei ole', row: 1, column: 1, input: 'x' })).status).toBe(404);
  });

  test('an injected fault fails the next execution at that call; DELETE /api/faults clears it', async () => {
    // As many rows as before (an earlier clock move may have run the nightly retention sweep).
    const rows = (await api('POST', '/api/run/getSidebarInfo', {})).body.result.rowCount;
    expect((await api('POST', '/api/faults', { atCall: 1, message: 'Simulated outage' })).status).toBe(200);
    const failed = await api('POST', '/api/run/getSidebarInfo', {});
    expect(failed.body.result).toBeUndefined();
    expect(failed.body.error.message).toEqual(expect.any(String));
    expect(failed.body.stats.calls).toBeGreaterThanOrEqual(1);
    expect((await api('POST', '/api/run/getSidebarInfo', {})).body.result.rowCount).toBe(rows);
    await api('POST', '/api/faults', { atCall: 1 });
    expect((await api('DELETE', '/api/faults')).status).toBe(200);
    expect((await api('POST', '/api/run/getSidebarInfo', {})).body.result.rowCount).toBe(rows);
    expect((await api('POST', '/api/faults', { atCall: 0 })).status).toBe(400);
  });

  test('POST /api/trigger-uid/:uid of an unknown trigger is a 404', async () => {
    const { status, body } = await api('POST', '/api/trigger-uid/nope');
    expect(status).toBe(404);
    expect(body.error.message).toMatch(/No installed trigger/);
  });

  test('the page is served with a strict content security policy', async () => {
    const response = await fetch(`${srv.base}/`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toMatch(/script-src 'self'/);
    expect(await response.text()).toContain('/assets/page.js');
    expect((await fetch(`${srv.base}/assets/page.js`)).status).toBe(200);
  });
});

describe('a person pasting and using the Sheets menus (POST /api/edit values, POST /api/sheet-action)', () => {
  const PROTECTED = 'You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.';
  const register = async () => (await api('GET', '/api/sheets/Rekisteri')).body as { values: unknown[][] };

  test('a paste through /api/edit values fires one edit over the block, and the register trigger normalises every row', async () => {
    const header = (await register()).values[0] as string[];
    const phone = header.indexOf('Matkapuhelin') + 1;
    const edit = await api('POST', '/api/edit', { user: STAFF, sheet: 'Rekisteri', row: 10, column: phone, values: [['040 111 2222'], ['050 333 4444']] });
    expect(edit.status).toBe(200);
    expect(edit.body.ok).toBe(true);
    // The product's installable on-edit trigger ran once for the whole pasted range.
    expect(edit.body.reports.filter((r: { ok: boolean }) => r.ok)).toHaveLength(edit.body.reports.length);
    const rows = (await register()).values;
    expect([rows[9][phone - 1], rows[10][phone - 1]]).toEqual(['+358401112222', '+358503334444']);
  });

  test('a paste is refused whole where the user may not edit one of its cells (the admins-only header row)', async () => {
    const before = (await register()).values.slice(0, 2);
    const edit = await api('POST', '/api/edit', { user: STAFF, sheet: 'Rekisteri', row: 1, column: 1, values: [['x', 'y'], ['z', 'w']] });
    expect(edit.body).toMatchObject({ ok: false, message: PROTECTED, reports: [] });
    expect((await register()).values.slice(0, 2)).toEqual(before);
  });

  test('/api/edit refuses values that are not rows of text, and both input and values', async () => {
    expect((await api('POST', '/api/edit', { user: OWNER, sheet: 'Pyynnöt', row: 1, column: 1, values: ['a', 'b'] })).status).toBe(400);
    expect((await api('POST', '/api/edit', { user: OWNER, sheet: 'Pyynnöt', row: 1, column: 1, values: [[{}]] })).status).toBe(400);
    expect((await api('POST', '/api/edit', { user: OWNER, sheet: 'Pyynnöt', row: 1, column: 1, input: 'a', values: [['a']] })).status).toBe(400);
  });

  test('sort as a person reorders the range by a sheet column; a staff member may not sort over the header row', async () => {
    const header = (await register()).values[0] as string[];
    const name = header.indexOf('Nimi') + 1;
    const sorted = await api('POST', '/api/sheet-action', { user: STAFF, sheet: 'Rekisteri', action: 'sort', range: 'A2:AB201', column: name, ascending: true });
    expect(sorted.body).toMatchObject({ ok: true });
    const names = (await register()).values.slice(1, 201).map((r) => String(r[name - 1]));
    // Set-up makes the demo sheet's locale fi_FI (typed dates day first): its collation, whatever the machine's.
    const collation = new Intl.Collator('fi-FI', { sensitivity: 'base' });
    expect(names).toEqual([...names].sort((a, b) => collation.compare(a, b)));
    const refused = await api('POST', '/api/sheet-action', { user: STAFF, sheet: 'Rekisteri', action: 'sort', range: 'A1:AB201', column: name });
    expect(refused.body).toMatchObject({ ok: false, message: PROTECTED });
  });

  test('insertRows and deleteRows as a person move the rows; deleting the header row is refused for staff', async () => {
    const count = (await register()).values.length;
    expect((await api('POST', '/api/sheet-action', { user: OWNER, sheet: 'Rekisteri', action: 'insertRows', start: 3, count: 2 })).body.ok).toBe(true);
    const inserted = (await register()).values;
    expect(inserted[2].every((v) => v === '')).toBe(true);
    expect((await api('POST', '/api/sheet-action', { user: OWNER, sheet: 'Rekisteri', action: 'deleteRows', start: 3, count: 2 })).body.ok).toBe(true);
    expect((await register()).values.length).toBe(count);
    const refused = await api('POST', '/api/sheet-action', { user: STAFF, sheet: 'Rekisteri', action: 'deleteRows', start: 1, count: 1 });
    expect(refused.body).toMatchObject({ ok: false, message: PROTECTED });
  });

  test('a filter as a person; a viewer or outsider may not; bad actions are a 400', async () => {
    expect((await api('POST', '/api/sheet-action', { user: OWNER, sheet: 'Pyynnöt', action: 'filter', range: 'A1:C20' })).body.ok).toBe(true);
    expect((await api('POST', '/api/sheet-action', { user: OWNER, sheet: 'Pyynnöt', action: 'filter', range: null })).body.ok).toBe(true);
    expect((await api('POST', '/api/sheet-action', { user: OUTSIDER, sheet: 'Pyynnöt', action: 'insertColumns', start: 1, count: 1 })).body.ok).toBe(false);
    expect((await api('POST', '/api/sheet-action', { user: OWNER, sheet: 'Pyynnöt', action: 'shuffle' })).status).toBe(400);
    expect((await api('POST', '/api/sheet-action', { user: OWNER, sheet: 'Pyynnöt', action: 'deleteRows', start: 0, count: 1 })).status).toBe(400);
    expect((await api('POST', '/api/sheet-action', { user: OWNER, sheet: 'Ei ole', action: 'filter', range: 'A1' })).status).toBe(404);
  });
});

describe('unknown routes', () => {
  test('an unknown path is a JSON 404', async () => {
    const { status, body } = await api('GET', '/api/nothing-here');
    expect(status).toBe(404);
    expect(body.error.message).toBe('No route GET /api/nothing-here');
  });

  test('a known path with the wrong method is a JSON 405', async () => {
    const { status, body } = await api('GET', '/api/run/getSidebarInfo');
    expect(status).toBe(405);
    expect(body.error.message).toMatch(/not allowed/);
  });
});
