/**
 * Fulfilling access and portability: the copy goes as a draft reply in the case's own Gmail
 * thread, to the registered address only, with its attachments; the audit log names the request.
 */
import { demo, call, failure, auditEntries } from '../support/register';
import { logCase, person, caseRow, mailbox } from './fulfil-cases';

describe('access: a copy with everything GDPR 15 requires, drafted in the thread to the registered address', () => {
  test('the draft replies in the case\'s thread with three attachments (HTML, JSON, CSV) and the case settles and closes', () => {
    const em = demo();
    const p = person(em, '100001');
    const c = logCase(em, { id: 'R-0001', customerNumber: '100001', rights: ['access'], mailFrom: p.email });
    const result = call<{ draft: { threadId: string; to: string; messageId: string }; request: { status: string } }>(em, 'fulfilRequest', { id: c.id, right: 'access' });
    expect(result.request.status).toBe('completed');
    const drafts = mailbox(em).drafts;
    expect(drafts).toHaveLength(1);
    expect(drafts[0]).toMatchObject({ threadId: c.gmailThreadId, to: p.email, id: result.draft.messageId });
    expect(drafts[0].attachments.map((a) => [a.name, a.contentType])).toEqual([
      ['henkilotiedot-100001.html', 'text/html'], ['henkilotiedot-100001.json', 'application/json'], ['henkilotiedot-100001.csv', 'text/csv'],
    ]);
    expect(drafts[0].body).toContain('Liitteenä on kopio');
    expect(drafts[0].body).toContain('R-0001');
    const row = caseRow(em, c.id);
    expect(row.status).toBe('completed');
    expect(JSON.parse(row.outcomeData).settled).toEqual([expect.objectContaining({ right: 'access', outcome: 'fulfilled', reply: result.draft.messageId })]);
    expect(auditEntries(em).filter((e) => e.requestId === c.id).map((e) => e.action)).toEqual(['access-copy', 'request-closed']);
  });

  test('the copy holds the person\'s data in the request\'s language', () => {
    const em = demo();
    const p = person(em, '100002');
    const c = logCase(em, { id: 'R-0002', customerNumber: '100002', rights: ['access'], mailFrom: p.email, language: 'sv' });
    call(em, 'fulfilRequest', { id: c.id, right: 'access' });
    const run = em.runScript(`return GmailApp.getDraftMessages()[0].getAttachments().map((a) => a.getDataAsString());`);
    const [html, json, csv] = run.result as string[];
    expect(html).toContain('<html lang="sv">');
    expect(html).toContain(p.email);
    expect(JSON.parse(json).data.customerNumber).toBe('100002');
    expect(csv).toContain(p.email);
  });

  test('a case whose mail came from another address gets a new draft to the registered address, never to the sender', () => {
    const em = demo();
    const p = person(em, '100003');
    const c = logCase(em, { id: 'R-0003', customerNumber: '100003', rights: ['access'], mailFrom: 'someone.else@example.com' });
    call(em, 'fulfilRequest', { id: c.id, right: 'access' });
    const [draft] = mailbox(em).drafts;
    expect(draft.to).toBe(p.email);
    expect(draft.threadId).toBe('');
    expect(draft.subject).toBe('Tietosuojapyyntönne R-0003');
  });

  test('a mail from the registered address with a Reply-To elsewhere is not answered in the thread: the copy goes to the registered address', () => {
    const em = demo();
    const p = person(em, '100004');
    const c = logCase(em, { id: 'R-0004', customerNumber: '100004', rights: ['access'], mailFrom: p.email, replyTo: 'attacker@example.com' });
    call(em, 'fulfilRequest', { id: c.id, right: 'access' });
    const [draft] = mailbox(em).drafts;
    expect(draft.to).toBe(p.email);
    expect(JSON.stringify(mailbox(em).drafts)).not.toContain('attacker@example.com');
  });

  test('a letter case (no Gmail thread) gets a new draft to the registered address', () => {
    const em = demo();
    const p = person(em, '100005');
    const c = logCase(em, { id: 'R-0005', customerNumber: '100005', rights: ['access'] });
    call(em, 'fulfilRequest', { id: c.id, right: 'access' });
    expect(mailbox(em).drafts.map((d) => [d.to, d.threadId, d.attachments.length])).toEqual([[p.email, '', 3]]);
  });

  test('a repeat of a settled right writes nothing and drafts nothing more', () => {
    const em = demo();
    const p = person(em, '100006');
    const c = logCase(em, { id: 'R-0006', customerNumber: '100006', rights: ['access'], mailFrom: p.email });
    call(em, 'fulfilRequest', { id: c.id, right: 'access' });
    const entries = auditEntries(em).length;
    const again = call<{ already: boolean }>(em, 'fulfilRequest', { id: c.id, right: 'access' });
    expect(again.already).toBe(true);
    expect(mailbox(em).drafts).toHaveLength(1);
    expect(auditEntries(em)).toHaveLength(entries);
  });
});

describe('portability: JSON and CSV of what the person gave', () => {
  test('two attachments, logged with the request id and the fields given', () => {
    const em = demo();
    const p = person(em, '100007');
    const c = logCase(em, { id: 'R-0007', customerNumber: '100007', rights: ['portability'], mailFrom: p.email, language: 'en' });
    call(em, 'fulfilRequest', { id: c.id, right: 'portability' });
    const [draft] = mailbox(em).drafts;
    expect(draft.attachments.map((a) => a.name)).toEqual(['portable-data-100007.json', 'portable-data-100007.csv']);
    expect(draft.body).toContain('machine-readable JSON and CSV');
    expect(auditEntries(em).find((e) => e.requestId === c.id && e.action === 'access-copy')!.fields).toBe('name,email,phone,street,postalCode,city,country,marketingConsentAt');
  });
});

describe('what fulfilment refuses, saying what to do, and changing nothing', () => {
  test('a case awaiting verification, an unknown case, a right not asked', () => {
    const em = demo();
    const p = person(em, '100008');
    const waiting = logCase(em, { id: 'R-0008', customerNumber: '100008', rights: ['access'], mailFrom: p.email, status: 'awaiting-verification' });
    expect(failure(em, 'fulfilRequest', { id: waiting.id, right: 'access' })).toMatch(/henkilöllisyyttä ei ole todennettu/i);
    expect(failure(em, 'fulfilRequest', { id: 'R-9999', right: 'access' })).toMatch(/Pyyntöä R-9999 ei löydy/);
    const c = logCase(em, { id: 'R-0009', customerNumber: '100008', rights: ['access'], mailFrom: p.email });
    expect(failure(em, 'fulfilRequest', { id: c.id, right: 'erasure' })).toMatch(/ei pyydetty/);
    expect(mailbox(em).drafts).toHaveLength(0);
    expect(auditEntries(em).filter((e) => e.requestId)).toHaveLength(0);
  });

  test('a case with no matched person can only be declined', () => {
    const em = demo();
    const c = logCase(em, { id: 'R-0010', customerNumber: '', rights: ['access'], mailFrom: 'stranger@example.com' });
    expect(failure(em, 'fulfilRequest', { id: c.id, right: 'access' })).toMatch(/Yhdistä pyyntö henkilön asiakasnumeroon/);
    const declined = call<{ draft: unknown; request: { status: string } }>(em, 'fulfilRequest', { id: c.id, right: 'access', decline: 'Rekisterissä ei ole teistä tietoja.' });
    // No registered address: no draft to anyone (staff answer by letter), the case closes.
    expect(declined.draft).toBeNull();
    expect(declined.request.status).toBe('completed');
    expect(mailbox(em).drafts).toHaveLength(0);
  });
});
