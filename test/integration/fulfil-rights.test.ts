/**
 * Fulfilling erasure, objection, restriction, rectification and consent: each acts on the
 * register through its usual rules, logs with the request id, settles its right in the case and
 * drafts the reply in the thread to the registered address.
 */
import { demo, call, failure, auditEntries, chainToHead } from '../support/register';
import { STAFF } from '../../src/emulator/accounts';
import { logCase, person, caseRow, mailbox } from './fulfil-cases';
import { scheduledErasures } from '../../src/core/requests/erasure';

const registerRows = (em: ReturnType<typeof demo>) => (em.world.spreadsheet.snapshot('Rekisteri')!.values as string[][]).slice(1).filter((r) => r[0] !== '');
const storeCell = (em: ReturnType<typeof demo>, number: string) => {
  const rows = em.world.spreadsheet.snapshot('Varmisteet')!.values as string[][];
  return rows.find((r) => String(r[0]) === number)?.[1] ?? '';
};

describe('erasure', () => {
  test('deletes the row now, keeps the number used (a tombstone), logs only the number and the reason, and lists the recipients to inform (GDPR 19)', () => {
    const em = demo();
    const p = person(em, '100011');
    call(em, 'recordDisclosure', { customerNumber: '100011', recipient: 'Poliisi', recipientCountry: 'FI', basis: 'authority', basisReference: 'POL-9', dataCategories: ['name'] });
    const c = logCase(em, { id: 'R-0011', customerNumber: '100011', rights: ['erasure'], mailFrom: p.email });
    const before = registerRows(em).length;
    const result = call<{ recipients: string[]; request: { status: string } }>(em, 'fulfilRequest', { id: c.id, right: 'erasure' });
    expect(result.recipients).toEqual(['Poliisi']);
    expect(registerRows(em)).toHaveLength(before - 1);
    expect(registerRows(em).some((r) => r[0] === '100011')).toBe(false);
    expect(JSON.parse(storeCell(em, '100011'))).toEqual({ customerNumber: '100011', deletedAt: expect.any(String) });
    const entry = auditEntries(em).find((e) => e.requestId === c.id && e.action === 'delete')!;
    expect(entry).toMatchObject({ customerNumber: '100011', fields: 'erasureRequest' });
    expect(JSON.stringify(auditEntries(em))).not.toContain(p.email);
    // The reply went to the address the register held, in the thread, before the record went.
    const [draft] = mailbox(em).drafts;
    expect(draft).toMatchObject({ to: p.email, threadId: c.gmailThreadId });
    expect(draft.body).toContain('Tietonne on poistettu');
    expect(draft.body).toContain('Poliisi');
    // The number is never found again, nor reused by the next create.
    expect(failure(em, 'getCustomer', { customerNumber: '100011' })).toMatch(/100011/);
    const created = call<{ customer: { customerNumber: string } }>(em, 'saveCustomer', { customer: { name: 'Uusi Henkilö' } });
    expect(created.customer.customerNumber).not.toBe('100011');
    // The repair keeps the deletion: no row comes back.
    call(em, 'repair', undefined, 'asiakaspalvelu@cleanroom.fi');
    expect(registerRows(em).some((r) => r[0] === '100011')).toBe(false);
    expect(result.request.status).toBe('completed');
  });

  test('under a legal hold: restricted now, deletion scheduled at the hold\'s end where the sweep reads it, and the reply says so', () => {
    const em = demo();
    const p = person(em, '100012');
    call(em, 'setLegalHold', { customerNumber: '100012', expectedVersion: p.version, until: '2031-12-31', reason: 'Kirjanpitolaki 2:10' });
    const c = logCase(em, { id: 'R-0012', customerNumber: '100012', rights: ['erasure'], mailFrom: p.email });
    const result = call<{ scheduledDeletion: string }>(em, 'fulfilRequest', { id: c.id, right: 'erasure' });
    expect(result.scheduledDeletion).toBe('2031-12-31');
    expect(person(em, '100012').restrictedAt).not.toBe('');
    expect(scheduledErasures(em.world.properties.document)).toEqual([{ customerNumber: '100012', until: '2031-12-31', requestId: c.id, at: expect.any(String) }]);
    expect(auditEntries(em).find((e) => e.requestId === c.id)).toMatchObject({ action: 'restrict', fields: 'restrictedAt' });
    expect(mailbox(em).drafts[0].body).toContain('säilyttämään tietonne 31.12.2031 asti (Kirjanpitolaki 2:10)');
  });
});

describe('objection', () => {
  test('bans marketing at once, logged as ban-marketing with the request id', () => {
    const em = demo();
    const p = person(em, '100013');
    const c = logCase(em, { id: 'R-0013', customerNumber: '100013', rights: ['objection'], mailFrom: p.email, language: 'sv' });
    call(em, 'fulfilRequest', { id: c.id, right: 'objection' });
    expect(person(em, '100013').marketingBannedAt).not.toBe('');
    expect(auditEntries(em).filter((e) => e.requestId === c.id).map((e) => `${e.action}:${e.fields}`)).toEqual(['ban-marketing:marketingBannedAt', 'request-closed:']);
    expect(call<{ csv: string }>(em, 'exportMarketingList', {}).csv).not.toContain(p.email);
    expect(mailbox(em).drafts[0].body).toContain('direktmarknadsföring');
  });
});

describe('restriction', () => {
  test('marks the record, which then leaves the marketing list and refuses a disclosure on consent; an authority still may', () => {
    const em = demo();
    const p = person(em, '100014');
    const c = logCase(em, { id: 'R-0014', customerNumber: '100014', rights: ['restriction'], mailFrom: p.email });
    call(em, 'fulfilRequest', { id: c.id, right: 'restriction' });
    expect(person(em, '100014').restrictedAt).not.toBe('');
    expect(auditEntries(em).find((e) => e.requestId === c.id)).toMatchObject({ action: 'restrict', fields: 'restrictedAt', customerNumber: '100014' });
    expect(call<{ csv: string }>(em, 'exportMarketingList', {}).csv).not.toContain(p.email);
    expect(failure(em, 'recordDisclosure', { customerNumber: '100014', recipient: 'Vakuutus Oy', recipientCountry: 'FI', basis: 'consent', basisReference: c.id, dataCategories: ['name'] }))
      .toMatch(/käsittely on rajoitettu/);
    expect(call<{ disclosure: { id: string } }>(em, 'recordDisclosure', { customerNumber: '100014', recipient: 'Poliisi', recipientCountry: 'FI', basis: 'authority', basisReference: 'POL-1', dataCategories: ['name'] }).disclosure.id).toMatch(/^D-/);
  });
});

describe('several rights in one case', () => {
  test('each right settles on its own call with its own reply; the case closes with the last', () => {
    const em = demo();
    const p = person(em, '100015');
    const c = logCase(em, { id: 'R-0015', customerNumber: '100015', rights: ['objection', 'restriction'], mailFrom: p.email });
    const first = call<{ request: { status: string; openRights: string[] } }>(em, 'fulfilRequest', { id: c.id, right: 'objection' });
    expect(first.request).toMatchObject({ status: 'in-progress', openRights: ['restriction'] });
    const second = call<{ request: { status: string } }>(em, 'fulfilRequest', { id: c.id, right: 'restriction', decline: 'Tietoja tarvitaan laskutukseen.' });
    expect(second.request.status).toBe('completed');
    const drafts = mailbox(em).drafts;
    expect(drafts).toHaveLength(2);
    expect(drafts[1].body).toContain('Emme voi toteuttaa pyyntöänne (käsittelyn rajoittaminen). Syy: Tietoja tarvitaan laskutukseen.');
    expect(drafts[1].body).toContain('tietosuojavaltuutetulle');
    expect(JSON.parse(caseRow(em, c.id).outcomeData).settled.map((s: { right: string; outcome: string }) => `${s.right}:${s.outcome}`)).toEqual(['objection:fulfilled', 'restriction:declined']);
    expect(failure(em, 'fulfilRequest', { id: c.id, right: 'access' })).toMatch(/suljettu/);
  });

  test('declining needs a reason', () => {
    const em = demo();
    const p = person(em, '100016');
    const c = logCase(em, { id: 'R-0016', customerNumber: '100016', rights: ['erasure'], mailFrom: p.email });
    expect(failure(em, 'fulfilRequest', { id: c.id, right: 'erasure', decline: '  ' })).toMatch(/Kirjoita syy/);
    expect(mailbox(em).drafts).toHaveLength(0);
  });
});

describe('rectification: the edit goes through the normal save, logged with the request id', () => {
  test('saveCustomer with the request id logs the changed fields; fulfilling names them in the reply', () => {
    const em = demo();
    const p = person(em, '100017');
    const c = logCase(em, { id: 'R-0017', customerNumber: '100017', rights: ['rectification'], mailFrom: p.email });
    expect(failure(em, 'fulfilRequest', { id: c.id, right: 'rectification' })).toMatch(/Korjauksessa ei muuttunut mikään/);
    // A stale version is refused as in any save.
    expect(failure(em, 'saveCustomer', { customer: { customerNumber: '100017', city: 'Oulu' }, expectedVersion: p.version + 5, requestId: c.id })).toMatch(/muutettiin sillä välin/);
    call(em, 'saveCustomer', { customer: { customerNumber: '100017', street: 'Uusikatu 5', city: 'Oulu' }, expectedVersion: p.version, requestId: c.id });
    expect(auditEntries(em).find((e) => e.requestId === c.id)).toMatchObject({ action: 'update', customerNumber: '100017', fields: 'street,city' });
    call(em, 'fulfilRequest', { id: c.id, right: 'rectification' });
    expect(mailbox(em).drafts[0].body).toContain('Oikaistut tiedot: Katuosoite, Postitoimipaikka.');
  });

  test('a save that failed after writing its log entry, but before the head moved, is no rectification to report', () => {
    const probe = demo(12);
    const p0 = person(probe, '100005');
    const c0 = logCase(probe, { id: 'R-0019', customerNumber: '100005', rights: ['rectification'], mailFrom: p0.email });
    const save = [{ customer: { customerNumber: '100005', city: 'Oulu' }, expectedVersion: p0.version, requestId: c0.id }];
    const calls = probe.callFromClient('saveCustomer', save, STAFF).calls;
    let stray = 0;
    for (let n = 1; n <= calls; n++) {
      const em = demo(12);
      const p = person(em, '100005');
      logCase(em, { id: 'R-0019', customerNumber: '100005', rights: ['rectification'], mailFrom: p.email });
      em.world.injectFault({ atCall: n });
      expect(em.callFromClient('saveCustomer', save, STAFF).ok).toBe(false);
      if (auditEntries(em).length > chainToHead(em).length && auditEntries(em).some((e) => e.requestId === 'R-0019') && person(em, '100005').city === p.city) {
        stray += 1;
        expect(failure(em, 'fulfilRequest', { id: 'R-0019', right: 'rectification' })).toMatch(/Korjauksessa ei muuttunut mikään/);
      }
    }
    expect(stray).toBeGreaterThan(0);
  });

  test('a save naming someone else\'s or a made-up request is refused and changes nothing', () => {
    const em = demo();
    const p = person(em, '100018');
    const c = logCase(em, { id: 'R-0018', customerNumber: '100019', rights: ['rectification'] });
    expect(failure(em, 'saveCustomer', { customer: { customerNumber: '100018', city: 'Oulu' }, expectedVersion: p.version, requestId: c.id })).toMatch(/koskee toista henkilöä/);
    expect(failure(em, 'saveCustomer', { customer: { customerNumber: '100018', city: 'Oulu' }, expectedVersion: p.version, requestId: 'R-9998' })).toMatch(/ei löydy/);
    expect(person(em, '100018').city).toBe(p.city);
  });
});

describe('consent: recorded in the case, and then the reference a disclosure on consent must give', () => {
  test('a disclosure on consent must name this person\'s recorded consent; made-up and other people\'s references are refused saying what to do', () => {
    const em = demo();
    const p = person(em, '100020');
    const disclose = (reference: string, customerNumber = '100020') => ({ customerNumber, recipient: 'Vakuutus Oy', recipientCountry: 'FI', basis: 'consent', basisReference: reference, dataCategories: ['name'] });
    expect(failure(em, 'recordDisclosure', disclose('REQ-1'))).toMatch(/Kirjaa henkilön kirjallinen suostumus pyynnöksi/);
    const c = logCase(em, { id: 'R-0020', customerNumber: '100020', rights: ['consent'], mailFrom: p.email });
    expect(failure(em, 'recordDisclosure', disclose(c.id))).toMatch(/ei ole kirjattua kirjallista suostumusta/);
    expect(failure(em, 'fulfilRequest', { id: c.id, right: 'consent' })).toMatch(/mihin henkilö antoi kirjallisen suostumuksensa/);
    call(em, 'fulfilRequest', { id: c.id, right: 'consent', note: 'Tietojen luovutus Vakuutus Oy:lle' });
    expect(call<{ disclosure: { basisReference: string } }>(em, 'recordDisclosure', disclose(c.id)).disclosure.basisReference).toBe(c.id);
    expect(failure(em, 'recordDisclosure', disclose(c.id, '100021'))).toMatch(/toisen henkilön/);
    expect(mailbox(em).drafts[0].body).toContain('Lisätietoja: Tietojen luovutus Vakuutus Oy:lle');
  });

  test('a consent to a transfer outside the EEA puts the request id in the record\'s transfer field; a made-up transfer reference is refused', () => {
    const em = demo();
    const p = person(em, '100022');
    const abroad = (reference: string) => ({ customerNumber: '100022', recipient: 'Acme Inc.', recipientCountry: 'US', basis: 'consent', basisReference: reference, dataCategories: ['name'] });
    // Typed by hand in the form: not a logged consent.
    expect(failure(em, 'saveCustomer', { customer: { customerNumber: '100022', outsideEeaTransferRequest: 'kirje 5.1.' }, expectedVersion: p.version })).toMatch(/ei löydy pyynnöistä/);
    const c = logCase(em, { id: 'R-0022', customerNumber: '100022', rights: ['consent'], mailFrom: p.email });
    expect(failure(em, 'recordDisclosure', abroad(c.id))).toMatch(/EU:n ja ETA:n ulkopuolella/);
    call(em, 'fulfilRequest', { id: c.id, right: 'consent', note: 'Siirto Acme Inc.:lle Yhdysvaltoihin', outsideEea: true });
    expect(person(em, '100022').outsideEeaTransferRequest).toBe(c.id);
    expect(auditEntries(em).find((e) => e.requestId === c.id)).toMatchObject({ action: 'update', fields: 'outsideEeaTransferRequest' });
    expect(call<{ disclosure: { recipientCountry: string } }>(em, 'recordDisclosure', abroad(c.id)).disclosure.recipientCountry).toBe('US');
  });
});

describe('who may fulfil', () => {
  test('an outsider is refused', () => {
    const em = demo();
    const c = logCase(em, { id: 'R-0030', customerNumber: '100030', rights: ['access'] });
    expect(em.callFromClient('fulfilRequest', [{ id: c.id, right: 'access' }], 'outsider@example.com').ok).toBe(false);
    expect(em.callFromClient('fulfilRequest', [{ id: c.id, right: 'access' }], STAFF).ok).toBe(true);
  });
});
