/** Reply drafts per right and outcome, in the request's language, escaped, with the controller and the reference. */
import { draftReply, type ReplyInput } from '../../../src/core/requests/replies';
import { DEFAULT_CONTROLLER } from '../../../src/core/settings';
import { REQUEST_TYPES } from '../../../src/core/requests/model';

const base: ReplyInput = {
  language: 'fi', requestId: 'R-2026-0009', receivedAt: '2026-11-30T22:30:00.000Z', timeZone: 'Europe/Helsinki', controller: DEFAULT_CONTROLLER,
  right: 'access', outcome: 'fulfilled',
};

describe('a reply draft for every right, outcome and language', () => {
  test.each(REQUEST_TYPES.flatMap((right) => (['fi', 'sv', 'en'] as const).map((language) => [right, language] as const)))('%s in %s: signed by the controller, with the reference', (right, language) => {
    const reply = draftReply({ ...base, right, language });
    expect(reply.body).toContain(DEFAULT_CONTROLLER.name);
    expect(reply.body).toContain(DEFAULT_CONTROLLER.email);
    expect(reply.body).toContain('R-2026-0009');
    expect(reply.subject).toContain('R-2026-0009');
    expect(reply.htmlBody).toContain('<p>');
  });

  test('the day of receipt is the Helsinki day (a mail at 00:30 on 1 December)', () => {
    expect(draftReply(base).body).toContain('kiitos 1.12.2026 saapuneesta');
  });

  test('a declined right says why and names the right to complain to Tietosuojavaltuutettu', () => {
    const fi = draftReply({ ...base, right: 'erasure', outcome: 'declined', reason: 'Kirjanpitolaki velvoittaa säilyttämään' });
    expect(fi.body).toContain('Emme voi toteuttaa pyyntöänne (tietojen poistaminen). Syy: Kirjanpitolaki velvoittaa säilyttämään');
    expect(fi.body).toContain('tietosuojavaltuutetulle');
    expect(draftReply({ ...base, language: 'sv', outcome: 'declined', reason: 'x' }).body).toContain('dataombudsmannen');
    expect(draftReply({ ...base, language: 'en', outcome: 'declined', reason: 'x' }).body).toContain('Data Protection Ombudsman');
  });

  test('an erasure lists the disclosure recipients to be told (GDPR 19); under a legal hold it says when the data goes', () => {
    const now = draftReply({ ...base, right: 'erasure', recipients: ['Poliisi', 'Acme Inc.', 'Poliisi'] });
    expect(now.body).toContain('Tietonne on poistettu');
    expect(now.body).toContain('seuraaville vastaanottajille, joille ilmoitamme muutoksesta (tietosuoja-asetuksen 19 artikla): Poliisi, Acme Inc..');
    const held = draftReply({ ...base, right: 'erasure', language: 'en', scheduled: { until: '2031-12-31', reason: 'Accounting Act' } });
    expect(held.body).toContain('until 31.12.2031 (Accounting Act)');
    expect(held.body).not.toContain('has been erased');
  });

  test('a rectification names the fields changed in the language; access lists its attachments', () => {
    expect(draftReply({ ...base, right: 'rectification', language: 'sv', fields: ['street', 'city'] }).body).toContain('Rättade uppgifter: Gatuadress, Postort.');
    expect(draftReply({ ...base, attachments: ['a.html', 'a.json', 'a.csv'] }).body).toContain('Liitteet: a.html, a.json, a.csv');
  });

  test('staff text is escaped in the HTML body', () => {
    const reply = draftReply({ ...base, outcome: 'declined', reason: '<b>ei</b> & "x"' });
    expect(reply.htmlBody).toContain('&lt;b&gt;ei&lt;/b&gt; &amp; &quot;x&quot;');
    expect(reply.htmlBody).not.toContain('<b>');
  });
});
