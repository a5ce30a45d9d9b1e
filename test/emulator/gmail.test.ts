import { createWorld, runSnippet, scriptRuntime, ALL_SCOPES, OWNER, STAFF } from '../support/emulator';
import type { World } from '../../src/emulator/world';
import { MailModel } from '../../src/emulator/services/gmail/model';

const DAY = 86_400_000;

function seeded(): World {
  const world = createWorld();
  const t0 = world.now;
  world.mail.deliver({ from: 'Maija Meikäläinen <maija@example.fi>', to: OWNER, subject: 'Tietopyyntö', body: 'Haluan kopion tiedoistani.', date: t0 - 10 * DAY,
    headers: { 'Authentication-Results': 'mx.google.com; dkim=pass; spf=pass; dmarc=pass' } });
  world.mail.deliver({ from: 'erik@example.se', to: OWNER, subject: 'Radera mina uppgifter', body: 'Please delete my data, customer 1001.', date: t0 - 2 * DAY });
  world.mail.deliver({ from: 'spam@example.com', to: OWNER, subject: 'Offer', body: 'Cheap offer', date: t0 - 1 * DAY });
  return world;
}

function run(body: string, world: World, options: Parameters<ReturnType<typeof scriptRuntime>['execute']>[2] = {}) {
  return scriptRuntime(`function test() {\n${body}\n}`, world).execute('test', [], options);
}

describe('GmailApp search', () => {
  test('Gmail search throws on an operator it does not support', () => {
    for (const q of ['a OR b', 'is:starred', 'category:primary', '{a b}', 'subject:(a b)', '-is:unread', 'larger:5M']) {
      expect(() => runSnippet(`return GmailApp.search(${JSON.stringify(q)});`, { world: seeded() })).toThrow(/Emulator: unsupported Gmail search operator/);
    }
  });

  test('Gmail search after:/label: filter', () => {
    const world = seeded();
    const result = runSnippet(`
      var label = GmailApp.createLabel('Rekisteri/Käsitelty');
      var all = GmailApp.search('in:inbox');
      label.addToThreads([all[all.length - 1]]);
      return {
        after: GmailApp.search('after:2026/11/20').map(function (t) { return t.getFirstMessageSubject(); }),
        labelled: GmailApp.search('label:Rekisteri/Käsitelty').map(function (t) { return t.getFirstMessageSubject(); }),
        quotedLabel: GmailApp.search('label:"Rekisteri/Käsitelty"').length,
        notLabelled: GmailApp.search('in:inbox -label:rekisteri-käsitelty').length,
      };
    `, { world }) as Record<string, unknown>;
    expect(result.after).toEqual(['Offer', 'Radera mina uppgifter']);
    expect(result.labelled).toEqual(['Tietopyyntö']);
    expect(result.quotedLabel).toBe(1);
    expect(result.notLabelled).toBe(2);
  });

  test('Gmail search matches whole words, phrases, from:, subject:, newer_than: and is:unread', () => {
    const world = seeded();
    const r = runSnippet(`
      function n(q) { return GmailApp.search(q).length; }
      GmailApp.search('from:spam@example.com')[0].markRead();
      return [n('delete'), n('dele'), n('"delete my data"'), n('"my delete"'), n('from:maija@example.fi'),
              n('subject:radera'), n('newer_than:5d'), n('older_than:5d'), n('is:unread'), n('DELETE 1001')];
    `, { world });
    expect(r).toEqual([1, 0, 1, 0, 1, 1, 2, 1, 2, 1]);
  });

  test('Gmail search leaves out trash unless asked with in:trash', () => {
    const r = runSnippet(`
      GmailApp.search('subject:offer')[0].moveToTrash();
      return [GmailApp.search('offer').length, GmailApp.search('in:trash').length, GmailApp.search('in:inbox -in:trash').length];
    `, { world: seeded() });
    expect(r).toEqual([0, 1, 2]);
  });

  test('search pages with start and max, newest thread first', () => {
    const r = runSnippet(`return GmailApp.search('in:inbox', 1, 1).map(function (t) { return t.getFirstMessageSubject(); });`, { world: seeded() });
    expect(r).toEqual(['Radera mina uppgifter']);
  });
});

describe('GmailApp messages', () => {
  test('getHeader reads Authentication-Results', () => {
    const r = runSnippet(`
      var m = GmailApp.search('from:maija@example.fi')[0].getMessages()[0];
      return [m.getHeader('Authentication-Results'), m.getHeader('authentication-results'), m.getHeader('X-Missing')];
    `, { world: seeded() }) as string[];
    expect(r[0]).toContain('dmarc=pass');
    expect(r[1]).toBe(r[0]);
    expect(r[2]).toBe('');
  });

  test('values returned to the script belong to its realm (arrays, dates)', () => {
    const r = runSnippet(`
      var threads = GmailApp.search('in:inbox');
      var msgs = GmailApp.getMessagesForThreads(threads);
      return [threads instanceof Array, msgs[0] instanceof Array, msgs[0][0].getDate() instanceof Date, threads[0].getLastMessageDate() instanceof Date];
    `, { world: seeded() });
    expect(r).toEqual([true, true, true, true]);
  });

  test('a reply from the same correspondent joins the thread', () => {
    const world = seeded();
    const first = [...world.mail.threads.values()][0];
    world.mail.deliver({ from: 'maija@example.fi', to: OWNER, subject: 'Re: Tietopyyntö', body: 'Lisätietoa', date: world.now });
    world.mail.deliver({ from: 'someone@else.fi', to: OWNER, subject: 'Re: Tietopyyntö', body: 'Eri ihminen', date: world.now });
    expect(first.messageIds).toHaveLength(2);
    expect(world.mail.threads.size).toBe(4);
  });

  test('createDraftReply drafts to the sender with a Re: subject and sends nothing', () => {
    const world = seeded();
    const r = runSnippet(`
      var d = GmailApp.search('from:maija@example.fi')[0].createDraftReply('Kiitos, käsittelemme pyyntösi.');
      return [d.getMessage().getTo(), d.getMessage().getSubject(), GmailApp.getDrafts().length];
    `, { world });
    expect(r).toEqual(['Maija Meikäläinen <maija@example.fi>', 'Re: Tietopyyntö', 1]);
    const snap = world.mail.snapshot();
    expect(snap.drafts).toHaveLength(1);
    expect(snap.sent).toHaveLength(0);
    expect(world.mail.quota.recipients).toBe(0);
  });

  test('a sent draft moves to sent mail and counts its recipient', () => {
    const world = seeded();
    runSnippet(`
      var blob = Utilities.newBlob('a;b', 'text/csv', 'tiedot.csv');
      GmailApp.createDraft('maija@example.fi', 'Tietosi', 'Liitteenä', { attachments: [blob], name: 'CleanRoom' }).send();
    `, { world });
    const snap = world.mail.snapshot() as { sent: { to: string; from: string; attachments: { name: string }[] }[]; drafts: unknown[] };
    expect(snap.drafts).toHaveLength(0);
    expect(snap.sent[0].to).toBe('maija@example.fi');
    expect(snap.sent[0].from).toBe(`CleanRoom <${OWNER}>`);
    expect(snap.sent[0].attachments[0].name).toBe('tiedot.csv');
    expect(world.mail.quota.recipients).toBe(1);
  });

  test('sendEmail past 1,500 recipients a day throws the email quota error', () => {
    const world = seeded();
    world.mail.rollQuota(world.now).recipients = 1499;
    expect(() => runSnippet(`GmailApp.sendEmail('a@example.fi', 'S', 'B', { cc: 'b@example.fi' });`, { world })).toThrow(
      'Service invoked too many times for one day: email.',
    );
    expect(world.mail.snapshot().sent).toHaveLength(0);
  });

  test('Gmail read/write operations past the daily quota throw', () => {
    const world = seeded();
    world.mail.rollQuota(world.now).gmailOps = 50_000;
    expect(() => runSnippet(`GmailApp.search('in:inbox');`, { world })).toThrow('Service invoked too many times for one day: gmail.');
  });

  test('GmailLabel.addToThreads refuses more than 100 threads in one call', () => {
    const world = createWorld();
    for (let i = 0; i < 101; i++) world.mail.deliver({ from: `p${i}@example.fi`, to: OWNER, subject: `Viesti ${i}`, body: 'x', date: world.now - i * 1000 });
    expect(() => runSnippet(`GmailApp.createLabel('L').addToThreads(GmailApp.search('in:inbox'));`, { world })).toThrow(/at most 100/);
    expect(runSnippet(`var t = GmailApp.search('in:inbox', 0, 100); GmailApp.getUserLabelByName('L').addToThreads(t); return GmailApp.search('label:L').length;`, { world })).toBe(100);
  });

  test('getUserLabelByName is null for a label that does not exist', () => {
    expect(runSnippet(`return GmailApp.getUserLabelByName('Ei ole');`)).toBeNull();
  });
});

describe('GmailApp authorisation and metering', () => {
  test('GmailApp without the mail scope is refused', () => {
    const world = createWorld({ manifest: { timeZone: 'Europe/Helsinki', runtimeVersion: 'V8', oauthScopes: ALL_SCOPES.filter((s) => s !== 'https://mail.google.com/') } });
    expect(() => runSnippet(`GmailApp.search('in:inbox');`, { world })).toThrow(/Required permissions: https:\/\/mail.google.com\//);
  });

  test('GmailApp is refused in a simple trigger', () => {
    const report = run(`GmailApp.search('in:inbox');`, seeded(), { kind: 'simple-trigger', user: STAFF });
    expect(report.ok).toBe(false);
    expect(report.error!.message).toMatch(/simple trigger/);
  });

  test('search costs 150 ms plus 5 ms per thread, and getters of fetched messages cost nothing', () => {
    const report = run(`
      var threads = GmailApp.search('in:inbox');
      var msgs = GmailApp.getMessagesForThreads(threads);
      msgs.forEach(function (ms) { ms[0].getFrom(); ms[0].getSubject(); });
    `, seeded());
    expect(report.ok).toBe(true);
    expect(report.byMethod['GmailApp.search']).toEqual({ calls: 1, modelledMs: 165 });
    expect(report.byMethod['GmailApp.getMessagesForThreads']).toEqual({ calls: 1, modelledMs: 165 });
    expect(report.byMethod['GmailMessage.getFrom']).toEqual({ calls: 3, modelledMs: 0 });
    expect(report.modelledMs).toBe(330);
  });

  test('message dates of sent mail are the emulated time', () => {
    const world = seeded();
    runSnippet(`GmailApp.sendEmail('x@example.fi', 'S', 'B');`, { world });
    const sent = world.mail.snapshot().sent as { date: string }[];
    expect(Date.parse(sent[0].date)).toBeGreaterThanOrEqual(Date.parse('2026-11-25T08:00:00Z'));
    expect(Date.parse(sent[0].date)).toBeLessThan(Date.parse('2026-11-25T08:01:00Z'));
  });

  test('the mailbox survives toJSON/fromJSON', () => {
    const world = seeded();
    runSnippet(`GmailApp.createLabel('L').addToThread(GmailApp.search('offer')[0]); GmailApp.createDraft('a@b.fi', 's', 'b');`, { world });
    const copy = MailModel.fromJSON(JSON.parse(JSON.stringify(world.mail.toJSON())));
    expect(copy.snapshot()).toEqual(world.mail.snapshot());
  });
});

describe('MailModel.deliver', () => {
  test('headers given by the sender replace the defaults whatever their case', () => {
    const mail = new MailModel(OWNER);
    const { messageId } = mail.deliver({ from: 'a@example.fi', to: OWNER, subject: 's', body: 'b', date: 0, headers: { 'message-id': '<x@y>' } });
    const headers = mail.messages.get(messageId)!.headers;
    expect(headers.filter(([k]) => k.toLowerCase() === 'message-id').map(([k]) => k)).toEqual(['message-id']);
  });
});
