/**
 * MailApp (issue 6, deliverable 2): its sendEmail overloads, getRemainingDailyQuota, the
 * script.send_mail scope, and the ONE daily recipient quota it shares with GmailApp.sendEmail.
 */
import { createWorld, runSnippet, scriptRuntime, ALL_SCOPES, OWNER, STAFF } from '../support/emulator';
import type { World } from '../../src/emulator/world';

type Sent = { from: string; to: string; cc: string; subject: string; body: string; htmlBody?: string; attachments: { name: string; size: number }[]; headers: Record<string, string> };

function sent(world: World): Sent[] {
  return world.mail.snapshot().sent as Sent[];
}

function withScopes(scopes: string[]): World {
  return createWorld({ manifest: { timeZone: 'Europe/Helsinki', runtimeVersion: 'V8', oauthScopes: scopes } });
}

describe('MailApp.sendEmail', () => {
  test('sendEmail(recipient, subject, body) and (recipient, subject, body, options) send from the account', () => {
    const world = createWorld();
    const r = runSnippet(`
      var a = MailApp.sendEmail('maija@example.fi', 'Tietosi', 'Liitteenä tietosi.');
      MailApp.sendEmail('erik@example.se', 'Dina uppgifter', 'Se bilaga.', { cc: 'kopio@example.fi', name: 'CleanRoom',
        attachments: [Utilities.newBlob('a;b', 'text/csv', 'tiedot.csv')] });
      return a === undefined;
    `, { world });
    expect(r).toBe(true);
    const [first, second] = sent(world);
    expect(first).toMatchObject({ from: OWNER, to: 'maija@example.fi', subject: 'Tietosi', body: 'Liitteenä tietosi.' });
    expect(second).toMatchObject({ from: `CleanRoom <${OWNER}>`, to: 'erik@example.se', cc: 'kopio@example.fi' });
    expect(second.attachments).toEqual([{ name: 'tiedot.csv', contentType: 'text/csv', size: 3 }]);
    expect(world.mail.quota.recipients).toBe(3);
  });

  test('sendEmail(message) takes to, subject, htmlBody (an HTML-only mail without body), replyTo and noReply', () => {
    const world = createWorld();
    runSnippet(`MailApp.sendEmail({ to: 'maija@example.fi', subject: 'Vahvistus', htmlBody: '<p>Pyyntösi on &amp; käsitelty</p>', replyTo: 'tuki@cleanroom.fi', noReply: true });`, { world });
    const [m] = sent(world);
    expect(m).toMatchObject({ to: 'maija@example.fi', subject: 'Vahvistus', body: '', htmlBody: '<p>Pyyntösi on &amp; käsitelty</p>', from: 'noreply@cleanroom.fi' });
    // The sent copy reads back as text through GmailApp.
    const plain = scriptRuntime(`function t() { return GmailApp.getMessageById(${JSON.stringify((world.mail.snapshot().sent[0] as { id: string }).id)}).getPlainBody(); }`, world).execute('t', [], {});
    expect(plain.value).toBe('Pyyntösi on & käsitelty');
  });

  test('sendEmail(to, replyTo, subject, body) sets the reply-to address', () => {
    const world = createWorld();
    runSnippet(`MailApp.sendEmail('maija@example.fi', 'tuki@cleanroom.fi', 'Aihe', 'Teksti');`, { world });
    const m = world.mail.snapshot().sent[0] as { id: string };
    expect(world.mail.messages.get(m.id)!.replyTo).toBe('tuki@cleanroom.fi');
    expect(sent(world)[0]).toMatchObject({ subject: 'Aihe', body: 'Teksti' });
  });

  test('an invalid address throws "Invalid email: …", a wrong signature the signature error', () => {
    const world = createWorld();
    expect(() => runSnippet(`MailApp.sendEmail('maija.example.fi', 'S', 'B');`, { world })).toThrow('Invalid email: maija.example.fi');
    expect(() => runSnippet(`MailApp.sendEmail('a@example.fi', 'S');`, { world })).toThrow("The parameters (String,String) don't match the method signature for MailApp.sendEmail.");
    expect(sent(world)).toHaveLength(0);
  });
});

describe('one recipient quota for MailApp and GmailApp', () => {
  test('GmailApp.sendEmail and MailApp.sendEmail draw on the same daily recipients; drafts do not', () => {
    const world = createWorld();
    world.mail.rollQuota(world.now).recipients = 1497;
    const r = runSnippet(`
      var before = MailApp.getRemainingDailyQuota();
      GmailApp.sendEmail('a@example.fi', 'S', 'B');
      GmailApp.createDraft('b@example.fi, c@example.fi', 'Luonnos', 'B');
      var after = MailApp.getRemainingDailyQuota();
      MailApp.sendEmail('d@example.fi', 'S', 'B');
      var error = '';
      try { MailApp.sendEmail('e@example.fi', 'S', 'B', { cc: 'f@example.fi' }); } catch (e) { error = e.message; }
      return [before, after, MailApp.getRemainingDailyQuota(), error];
    `, { world });
    expect(r).toEqual([3, 2, 1, 'Service invoked too many times for one day: email.']);
    expect(sent(world)).toHaveLength(2);
  });

  test('the quota starts over on a new day', () => {
    const world = createWorld();
    world.mail.rollQuota(world.now).recipients = 1500;
    expect(runSnippet(`return MailApp.getRemainingDailyQuota();`, { world })).toBe(0);
    world.now += 86_400_000;
    expect(runSnippet(`return MailApp.getRemainingDailyQuota();`, { world })).toBe(1500);
  });
});

describe('MailApp authorisation', () => {
  test('MailApp needs script.send_mail; the Gmail scope alone is not enough', () => {
    const noSend = withScopes(ALL_SCOPES.filter((s) => s !== 'https://www.googleapis.com/auth/script.send_mail'));
    expect(() => runSnippet(`MailApp.sendEmail('a@example.fi', 'S', 'B');`, { world: noSend })).toThrow(
      /Required permissions: https:\/\/www.googleapis.com\/auth\/script.send_mail/,
    );
    const sendOnly = withScopes(['https://www.googleapis.com/auth/script.send_mail']);
    expect(runSnippet(`MailApp.sendEmail('a@example.fi', 'S', 'B'); return MailApp.getRemainingDailyQuota();`, { world: sendOnly })).toBe(1499);
    expect(() => runSnippet(`GmailApp.search('in:inbox');`, { world: sendOnly })).toThrow(/Required permissions: https:\/\/mail.google.com\//);
  });

  test('MailApp is refused in a simple trigger', () => {
    const report = scriptRuntime(`function onEdit() { MailApp.sendEmail('a@example.fi', 'S', 'B'); }`, createWorld()).execute('onEdit', [], { kind: 'simple-trigger', user: STAFF });
    expect(report.ok).toBe(false);
    expect(report.error!.message).toMatch(/simple trigger/);
  });

  test('MailApp.sendEmail is a metered call that a fault can fail, with nothing sent', () => {
    const world = createWorld();
    world.injectFault({ atCall: 1 });
    const report = scriptRuntime(`function t() { MailApp.sendEmail('a@example.fi', 'S', 'B'); }`, world).execute('t', [], {});
    expect(report.ok).toBe(false);
    expect(report.byMethod['MailApp.sendEmail'].calls).toBe(1);
    expect(sent(world)).toHaveLength(0);
    expect(world.mail.quota.recipients).toBe(0);
  });
});
