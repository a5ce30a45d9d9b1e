/**
 * Gmail as Google runs it (issue 6, deliverable 2): labels per message, HTML-only mail as text,
 * search dates at midnight Pacific, headers as an ordered list under Gmail's own
 * Authentication-Results, address validation and per-message limits, the methods the inbox
 * needs, and message content as reads of their own (deliverable 6). Each test states the rule.
 */
import { createWorld, runSnippet, scriptRuntime, OWNER } from '../support/emulator';
import type { World } from '../../src/emulator/world';
import { MailModel } from '../../src/emulator/services/gmail/model';

const DAY = 86_400_000;

function run(body: string, world: World) {
  return scriptRuntime(`function test() {\n${body}\n}`, world).execute('test', [], {});
}

function oneThread(): World {
  const world = createWorld();
  world.mail.deliver({ from: 'Maija <maija@example.fi>', to: OWNER, subject: 'Tietopyyntö', body: 'Haluan kopion tiedoistani.', date: world.now - 2 * DAY });
  return world;
}

describe('labels belong to messages', () => {
  test('addToThreads labels the messages there now: a later reply has no label, so -label: finds the thread again', () => {
    const world = oneThread();
    runSnippet(`GmailApp.createLabel('Käsitelty').addToThreads(GmailApp.search('in:inbox'));`, { world });
    const threadId = [...world.mail.threads.keys()][0];
    world.mail.deliver({ from: 'maija@example.fi', to: OWNER, subject: 'Re: Tietopyyntö', body: 'Lisätietoa', date: world.now - DAY, threadId });
    const r = runSnippet(`
      var t = GmailApp.search('in:inbox')[0];
      var msgs = t.getMessages();
      return {
        labelled: GmailApp.search('label:käsitelty').length,
        unlabelled: GmailApp.search('in:inbox -label:käsitelty').length,
        threadLabels: t.getLabels().map(function (l) { return l.getName(); }),
        count: msgs.length,
      };
    `, { world });
    expect(r).toEqual({ labelled: 1, unlabelled: 1, threadLabels: ['Käsitelty'], count: 2 });
    const msgs = world.mail.threadMessages(world.mail.threads.get(threadId)!);
    expect(msgs.map((m) => m.labels)).toEqual([['Käsitelty'], []]);
  });

  test('a thread matches -label: only through a message that matches the whole query', () => {
    const world = oneThread();
    runSnippet(`GmailApp.createLabel('L').addToThreads(GmailApp.search('in:inbox'));`, { world });
    const threadId = [...world.mail.threads.keys()][0];
    world.mail.deliver({ from: 'maija@example.fi', to: OWNER, subject: 'Re: Tietopyyntö', body: 'Lisätietoa', date: world.now - DAY, threadId });
    // The reply has no label but does not say "kopion": no single message matches both terms.
    expect(runSnippet(`return GmailApp.search('kopion -label:L').length;`, { world })).toBe(0);
    expect(runSnippet(`return GmailApp.search('lisätietoa -label:L').length;`, { world })).toBe(1);
  });

  test('removeFromThreads takes the label off every message of the thread', () => {
    const world = oneThread();
    const threadId = [...world.mail.threads.keys()][0];
    runSnippet(`GmailApp.createLabel('L').addToThreads(GmailApp.search('in:inbox'));`, { world });
    world.mail.deliver({ from: 'maija@example.fi', to: OWNER, subject: 'Re: Tietopyyntö', body: 'x', date: world.now - DAY, threadId });
    runSnippet(`GmailApp.getUserLabelByName('L').addToThreads(GmailApp.search('in:inbox'));`, { world });
    runSnippet(`GmailApp.getUserLabelByName('L').removeFromThreads(GmailApp.search('in:inbox'));`, { world });
    expect(runSnippet(`return [GmailApp.search('label:L').length, GmailApp.search('in:inbox')[0].getLabels().length];`, { world })).toEqual([0, 0]);
  });

  test('a world saved with thread labels and header objects loads with the labels on its messages and headers as a list', () => {
    const world = oneThread();
    const json = JSON.parse(JSON.stringify(world.mail.toJSON()));
    // The shape saved before this change: labels on the thread, headers as an object.
    json.threads[0].labels = ['Vanha'];
    json.labels = ['Vanha'];
    for (const m of json.messages) {
      delete m.labels;
      m.headers = { 'Authentication-Results': 'mx.google.com; dmarc=pass', 'Message-ID': '<a@b>' };
    }
    const mail = MailModel.fromJSON(json);
    const m = [...mail.messages.values()][0];
    expect(m.labels).toEqual(['Vanha']);
    expect(m.headers).toEqual([['Authentication-Results', 'mx.google.com; dmarc=pass'], ['Message-ID', '<a@b>']]);
  });
});

describe('HTML-only mail', () => {
  function htmlWorld(): World {
    const world = createWorld();
    world.mail.deliver({
      from: 'erik@example.se', to: OWNER, subject: 'Begäran', body: '', date: world.now - DAY,
      htmlBody: '<html><head><style>p{color:red}</style></head><body><p>Hej &amp; tack, radera mina uppgifter &lt;nu&gt;</p><p>rad 1<br>rad 2</p><div>Erik</div></body></html>',
    });
    return world;
  }

  test('getPlainBody of an HTML-only mail is its text: entities decoded, block elements and <br> as line breaks', () => {
    const r = runSnippet(`var m = GmailApp.search('in:inbox')[0].getMessages()[0]; return [m.getPlainBody(), m.getBody()];`, { world: htmlWorld() }) as string[];
    expect(r[0]).toBe('Hej & tack, radera mina uppgifter <nu>\n\nrad 1\nrad 2\n\nErik');
    expect(r[1]).toContain('<p>Hej &amp; tack');
  });

  test('Gmail search matches the text of HTML bodies, not their markup', () => {
    const world = htmlWorld();
    world.mail.deliver({ from: 'a@example.fi', to: OWNER, subject: 'Multipart', body: 'tekstiosa', htmlBody: '<p>vain <b>html-osassa</b></p>', date: world.now - DAY });
    const r = runSnippet(`function n(q) { return GmailApp.search(q).length; } return [n('uppgifter'), n('"rad 1"'), n('color'), n('html-osassa'), n('tekstiosa')];`, { world });
    expect(r).toEqual([1, 1, 0, 1, 1]);
  });
});

describe('search dates', () => {
  test('after:/before: with a date are midnight Pacific (PST in winter), not the script zone', () => {
    const world = createWorld();
    // Midnight 2026/11/20 PST is 08:00 UTC; in the script's zone (Helsinki) it would be 22:00 UTC the day before.
    world.mail.deliver({ from: 'a@example.fi', to: OWNER, subject: 'ennen', body: 'x', date: Date.parse('2026-11-20T07:30:00Z') });
    world.mail.deliver({ from: 'b@example.fi', to: OWNER, subject: 'jälkeen', body: 'x', date: Date.parse('2026-11-20T08:30:00Z') });
    const r = runSnippet(`
      function s(q) { return GmailApp.search(q).map(function (t) { return t.getFirstMessageSubject(); }); }
      return [s('after:2026/11/20'), s('before:2026/11/20'), s('after:2026-11-20')];
    `, { world });
    expect(r).toEqual([['jälkeen'], ['ennen'], ['jälkeen']]);
  });

  test('after: with a date in summer is midnight Pacific daylight time (07:00 UTC)', () => {
    const world = createWorld();
    world.mail.deliver({ from: 'a@example.fi', to: OWNER, subject: 'ennen', body: 'x', date: Date.parse('2026-07-01T06:59:00Z') });
    world.mail.deliver({ from: 'b@example.fi', to: OWNER, subject: 'jälkeen', body: 'x', date: Date.parse('2026-07-01T07:00:00Z') });
    expect(runSnippet(`return GmailApp.search('after:2026/07/01').map(function (t) { return t.getFirstMessageSubject(); });`, { world })).toEqual(['jälkeen']);
  });

  test('after:/before: with epoch seconds are exact', () => {
    const world = createWorld();
    world.mail.deliver({ from: 'a@example.fi', to: OWNER, subject: 'ennen', body: 'x', date: Date.parse('2026-01-01T00:00:00Z') - 1000 });
    world.mail.deliver({ from: 'b@example.fi', to: OWNER, subject: 'jälkeen', body: 'x', date: Date.parse('2026-01-01T00:00:00Z') });
    const r = runSnippet(`
      function s(q) { return GmailApp.search(q).map(function (t) { return t.getFirstMessageSubject(); }); }
      return [s('after:1767225600'), s('before:1767225600')];
    `, { world });
    expect(r).toEqual([['jälkeen'], ['ennen']]);
  });
});

describe('headers', () => {
  test("Gmail's own Authentication-Results is on top and getHeader returns it; a forged one sent by the sender stays below", () => {
    const world = createWorld();
    world.mail.deliver({
      from: 'huijari@example.com', to: OWNER, subject: 'Poista', body: 'x', date: world.now, dmarc: 'fail',
      headers: [['Authentication-Results', 'mx.google.com; dkim=pass; spf=pass; dmarc=pass'], ['X-Note', '1'], ['X-Note', '2']],
    });
    const r = runSnippet(`
      var m = GmailApp.search('in:inbox')[0].getMessages()[0];
      return [m.getHeader('Authentication-Results'), m.getHeader('x-note'), m.getRawContent()];
    `, { world }) as string[];
    expect(r[0]).toMatch(/^mx\.google\.com; dkim=fail .*dmarc=fail .*header\.from=example\.com$/);
    expect(r[1]).toBe('1');
    const lines = r[2].split('\r\n');
    const auth = lines.filter((l) => l.startsWith('Authentication-Results:'));
    expect(auth).toHaveLength(2);
    expect(auth[0]).toContain('dmarc=fail');
    expect(auth[1]).toBe('Authentication-Results: mx.google.com; dkim=pass; spf=pass; dmarc=pass');
    expect(lines.filter((l) => l.startsWith('X-Note:'))).toEqual(['X-Note: 1', 'X-Note: 2']);
  });

  test('delivery computes dmarc=pass for the From domain unless told otherwise', () => {
    const world = createWorld();
    world.mail.deliver({ from: 'Maija <maija@example.fi>', to: OWNER, subject: 's', body: 'x', date: world.now });
    const r = runSnippet(`return GmailApp.search('in:inbox')[0].getMessages()[0].getHeader('Authentication-Results');`, { world });
    expect(r).toMatch(/dkim=pass header\.i=@example\.fi; spf=pass .*dmarc=pass .*header\.from=example\.fi/);
  });
});

describe('sending: addresses and limits', () => {
  test('an invalid address throws "Invalid email: …" and sends nothing', () => {
    const world = createWorld();
    expect(() => runSnippet(`GmailApp.sendEmail('maija@example.fi, ei osoite', 'S', 'B');`, { world })).toThrow('Invalid email: ei osoite');
    expect(world.mail.snapshot().sent).toHaveLength(0);
    expect(world.mail.quota.recipients).toBe(0);
  });

  test('more than 50 recipients in one message throws "Limit Exceeded: Email Recipients Per Message."', () => {
    const world = createWorld();
    const cc = Array.from({ length: 50 }, (_, i) => `p${i}@example.fi`).join(',');
    expect(() => runSnippet(`GmailApp.sendEmail('a@example.fi', 'S', 'B', { cc: '${cc}' });`, { world })).toThrow('Limit Exceeded: Email Recipients Per Message.');
    expect(world.mail.snapshot().sent).toHaveLength(0);
    expect(runSnippet(`GmailApp.sendEmail('a@example.fi', 'S', 'B', { cc: '${cc.split(',').slice(1).join(',')}' }); return 1;`, { world })).toBe(1);
  });

  test('attachments over 25 MB in one message throw "Limit Exceeded: Email Total Attachments Size."', () => {
    const world = createWorld();
    expect(() => runSnippet(`
      var big = new Array(13 * 1024 * 1024 + 1).join('x');
      GmailApp.sendEmail('a@example.fi', 'S', 'B', { attachments: [Utilities.newBlob(big, 'text/plain', 'a.txt'), Utilities.newBlob(big, 'text/plain', 'b.txt')] });
    `, { world })).toThrow('Limit Exceeded: Email Total Attachments Size.');
    expect(world.mail.snapshot().sent).toHaveLength(0);
  });

  test('a consumer (gmail.com) account may send to 100 recipients a day, a Workspace account to 1,500', () => {
    const world = createWorld();
    world.mail = new MailModel('rekisteri@gmail.com');
    world.mail.rollQuota(world.now).recipients = 99;
    expect(() => runSnippet(`GmailApp.sendEmail('a@example.fi', 'S', 'B', { cc: 'b@example.fi' });`, { world })).toThrow('Service invoked too many times for one day: email.');
    expect(runSnippet(`return MailApp.getRemainingDailyQuota();`, { world: createWorld() })).toBe(1500);
  });
});

describe('methods the inbox needs', () => {
  test('markMessagesRead, moveThreadsToTrash and refresh work on the messages and threads given', () => {
    const world = oneThread();
    world.mail.deliver({ from: 'b@example.fi', to: OWNER, subject: 'Toinen', body: 'x', date: world.now - DAY });
    const r = runSnippet(`
      var threads = GmailApp.search('in:inbox');
      var msgs = GmailApp.getMessagesForThreads(threads);
      GmailApp.markMessagesRead([msgs[0][0]]);
      var unread = GmailApp.search('is:unread').length;
      GmailApp.moveThreadsToTrash([threads[1]]);
      return [unread, msgs[0][0].refresh().isUnread(), threads[1].refresh().isInTrash(), GmailApp.search('in:inbox').length];
    `, { world });
    expect(r).toEqual([1, false, true, 1]);
  });

  test('replyAll answers the sender and copies the other recipients, never the account itself', () => {
    const world = createWorld();
    world.mail.deliver({ from: 'maija@example.fi', to: `${OWNER}, matti@example.fi`, cc: 'liisa@example.fi', subject: 'Pyyntö', body: 'x', date: world.now });
    runSnippet(`GmailApp.search('in:inbox')[0].getMessages()[0].replyAll('Kiitos');`, { world });
    const sent = world.mail.snapshot().sent as { to: string; cc: string; subject: string; threadId: string }[];
    expect(sent[0]).toMatchObject({ to: 'maija@example.fi', cc: 'matti@example.fi, liisa@example.fi', subject: 'Re: Pyyntö' });
    expect(world.mail.quota.recipients).toBe(3);
  });

  test('GmailMessage.createDraftReply drafts in the thread, and the draft message has the getters of a message', () => {
    const world = oneThread();
    const r = runSnippet(`
      var m = GmailApp.search('in:inbox')[0].getMessages()[0];
      var d = m.createDraftReply('Vastaus', { cc: 'kopio@example.fi' });
      var dm = d.getMessage();
      return [dm.getTo(), dm.getCc(), dm.getSubject(), dm.getPlainBody(), dm.isDraft(), dm.getThread().getId() === m.getThread().getId(),
              dm.getHeader('In-Reply-To') === m.getHeader('Message-ID'), dm.getDate() instanceof Date, dm.getReplyTo(), dm.getBcc()];
    `, { world });
    expect(r).toEqual(['Maija <maija@example.fi>', 'kopio@example.fi', 'Re: Tietopyyntö', 'Vastaus', true, true, true, true, OWNER, '']);
  });

  test('GmailAttachment has getSize, getHash (SHA-1), getName, getContentType, getBytes and copyBlob', () => {
    const world = createWorld();
    world.mail.deliver({ from: 'a@example.fi', to: OWNER, subject: 'Liite', body: 'x', date: world.now,
      attachments: [{ name: 'henkilokortti.pdf', contentType: 'application/pdf', data: Buffer.from('abc').toString('base64') }] });
    const r = runSnippet(`
      var a = GmailApp.search('has:attachment')[0].getMessages()[0].getAttachments()[0];
      return [a.getSize(), a.getHash(), a.getName(), a.getContentType(), a.getBytes().length, a.copyBlob().getDataAsString()];
    `, { world });
    expect(r).toEqual([3, 'a9993e364706816aba3e25717850c26c9cd0d89d', 'henkilokortti.pdf', 'application/pdf', 3, 'abc']);
  });
});

describe('message content costs a read of its own', () => {
  function withAttachment(): World {
    const world = oneThread();
    world.mail.deliver({ from: 'a@example.fi', to: OWNER, subject: 'Liite', body: 'x', date: world.now - DAY,
      attachments: [{ name: 'a.txt', contentType: 'text/plain', data: Buffer.from('abc').toString('base64') }] });
    return world;
  }

  test('getPlainBody, getBody, getRawContent, getHeader, getAttachments and attachment bytes cost 50 ms each; metadata stays free', () => {
    const report = run(`
      var msgs = GmailApp.getMessagesForThreads(GmailApp.search('has:attachment'));
      var m = msgs[0][0];
      m.getId(); m.getFrom(); m.getTo(); m.getDate(); m.getSubject(); m.getThread().getId();
      m.getPlainBody(); m.getBody(); m.getRawContent(); m.getHeader('Message-ID');
      var a = m.getAttachments()[0];
      a.getName(); a.getSize(); a.getHash(); a.getBytes();
    `, withAttachment());
    expect(report.ok).toBe(true);
    for (const key of ['GmailMessage.getPlainBody', 'GmailMessage.getBody', 'GmailMessage.getRawContent', 'GmailMessage.getHeader', 'GmailMessage.getAttachments', 'GmailAttachment.getBytes']) {
      expect(report.byMethod[key]).toEqual({ calls: 1, modelledMs: 50 });
    }
    for (const key of ['GmailMessage.getFrom', 'GmailMessage.getDate', 'GmailMessage.getSubject', 'GmailAttachment.getSize', 'GmailAttachment.getHash']) {
      expect(report.byMethod[key].modelledMs).toBe(0);
    }
    expect(report.modelledMs).toBe(155 + 155 + 6 * 50);
  });

  test('a fault injected at getPlainBody fails the execution', () => {
    const world = withAttachment();
    world.injectFault({ atCall: 3 });
    const report = run(`
      var m = GmailApp.getMessagesForThreads(GmailApp.search('in:inbox'))[0][0];
      m.getFrom();
      return m.getPlainBody();
    `, world);
    expect(report.ok).toBe(false);
    expect(report.error!.message).toMatch(/server error occurred/);
    expect(report.byMethod['GmailMessage.getPlainBody'].calls).toBe(1);
  });
});
