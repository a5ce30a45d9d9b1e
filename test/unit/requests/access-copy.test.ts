/**
 * The access copy (GDPR 15) and the portability copy (GDPR 20) from plain data: every item
 * Article 15 lists is in each of the three files, in the request's language, HTML escaped, CSV
 * disarmed, and nothing about key personnel.
 */
import { accessCopyFiles, accessCopyHtml, accessCopyJson, accessCopyCsv, portabilityFiles, type CopyInput } from '../../../src/core/requests/access-copy';
import { emptyCustomer, type Customer } from '../../../src/core/customer';
import { DEFAULT_CONTROLLER } from '../../../src/core/settings';

const customer: Customer = {
  ...emptyCustomer(),
  customerNumber: '100042', name: 'Maija <script>alert(1)</script> Meikäläinen', email: 'maija@example.fi', phone: '+358401234567',
  street: 'Hämeenkatu 1', postalCode: '33100', city: 'Tampere', country: 'FI', source: 'public', sourceNote: '=HYPERLINK("http://x")',
  marketingBasis: 'consent', marketingConsentAt: '2026-03-01T10:00:00.000Z', relationshipStart: '2025-01-15', legalHoldUntil: '2031-12-31',
  legalHoldReason: 'Kirjanpitolaki 2:10', createdAt: '2025-01-15T08:00:00.000Z', createdBy: 'staff@cleanroom.fi', updatedAt: '2026-03-01T10:00:00.000Z',
  updatedBy: 'admin@cleanroom.fi', version: 3,
};
const input = (language: CopyInput['language'], over: Partial<CopyInput> = {}): CopyInput => ({
  language, requestId: 'R-2026-0007', now: '2026-12-01T12:05:00.000Z', timeZone: 'Europe/Helsinki', controller: DEFAULT_CONTROLLER, retentionMonths: 24,
  customer,
  disclosures: [
    { date: '2026-02-01', recipient: 'Poliisi', recipientCountry: 'FI', basis: 'authority', basisReference: 'POL-1', dataCategories: 'name,phone' },
    { date: '2026-04-01', recipient: 'Acme Inc.', recipientCountry: 'US', basis: 'consent', basisReference: 'R-2026-0003', dataCategories: 'name,email' },
  ],
  requests: [{ id: 'R-2026-0007', receivedAt: '2026-11-30T08:00:00.000Z', type: 'access', status: 'in-progress' }],
  ...over,
});

describe('the access copy carries everything GDPR 15 requires, in each of its three files', () => {
  test('three files: a readable HTML page, JSON and CSV, named in the language', () => {
    expect(accessCopyFiles(input('fi')).map((f) => [f.name, f.contentType])).toEqual([
      ['henkilotiedot-100042.html', 'text/html'], ['henkilotiedot-100042.json', 'application/json'], ['henkilotiedot-100042.csv', 'text/csv'],
    ]);
    expect(accessCopyFiles(input('sv'))[0].name).toBe('personuppgifter-100042.html');
    expect(accessCopyFiles(input('en'))[0].name).toBe('personal-data-100042.html');
  });

  test.each(['fi', 'sv', 'en'] as const)('the HTML copy in %s names the data, purposes, categories, recipients, retention, source, rights, transfers, automated decisions and the complaint', (language) => {
    const html = accessCopyHtml(input(language));
    const sections = {
      fi: ['Sinusta tallennetut tiedot', 'Käsittelyn tarkoitukset', 'Henkilötietoryhmät', 'Vastaanottajat', 'Säilytysaika', 'Mistä tiedot on saatu', 'Oikeutesi', 'Siirrot EU:n ja ETA:n ulkopuolelle', 'Automaattiset päätökset', 'Oikeus valittaa', 'Tietosuojavaltuutetun toimisto'],
      sv: ['Uppgifter som sparats om dig', 'Ändamål med behandlingen', 'Kategorier av personuppgifter', 'Mottagare', 'Lagringstid', 'Varifrån uppgifterna kommer', 'Dina rättigheter', 'Överföringar utanför EU och EES', 'Automatiserade beslut', 'Rätt att klaga', 'Dataombudsmannens byrå'],
      en: ['The data stored about you', 'Purposes of processing', 'Categories of personal data', 'Recipients', 'Retention period', 'Where the data came from', 'Your rights', 'Transfers outside the EU and the EEA', 'Automated decisions', 'Right to complain', 'Data Protection Ombudsman'],
    }[language];
    for (const s of sections) expect(html).toContain(s);
    expect(html).toContain(`<html lang="${language}">`);
    // The data itself, the disclosure log's recipients and the outside-EEA country, the retention months and the hold.
    for (const s of ['maija@example.fi', '+358401234567', 'Hämeenkatu 1', '33100', 'Poliisi', 'Acme Inc.', 'POL-1', '24', '31.12.2031', 'Kirjanpitolaki 2:10', 'R-2026-0007']) expect(html).toContain(s);
    expect(html).toMatch(/US/);
  });

  test('the HTML is self-contained and every value is escaped: no script, no external resource', () => {
    const html = accessCopyHtml(input('fi'));
    expect(html).not.toContain('<script>');
    expect(html).toContain('Maija &lt;script&gt;alert(1)&lt;/script&gt; Meikäläinen');
    expect(html).toContain('=HYPERLINK(&quot;http://x&quot;)');
    expect(html).not.toMatch(/<(script|link|img|iframe)\b/i);
    expect(html).not.toMatch(/\bsrc=|\bhref=/i);
    expect(html).toMatch(/^<!DOCTYPE html>/);
    expect(html).toContain('<meta charset="utf-8">');
  });

  test('nothing about key personnel or the version reaches the copy', () => {
    for (const f of accessCopyFiles(input('fi'))) {
      expect(f.content).not.toContain('staff@cleanroom.fi');
      expect(f.content).not.toContain('admin@cleanroom.fi');
    }
    expect(JSON.parse(accessCopyJson(input('en'))).data).not.toHaveProperty('version');
  });

  test('JSON: the data by field key, the recipients from the disclosure log, transfers outside the EEA, no automated decisions, the complaint', () => {
    const json = JSON.parse(accessCopyJson(input('sv')));
    expect(json.data).toMatchObject({ customerNumber: '100042', email: 'maija@example.fi', phone: '+358401234567', postalCode: '33100', source: 'public' });
    expect(json.recipients.disclosures).toEqual([
      { date: '2026-02-01', recipient: 'Poliisi', recipientCountry: 'FI', basis: 'authority', basisReference: 'POL-1', dataCategories: ['name', 'phone'] },
      { date: '2026-04-01', recipient: 'Acme Inc.', recipientCountry: 'US', basis: 'consent', basisReference: 'R-2026-0003', dataCategories: ['name', 'email'] },
    ]);
    expect(json.transfersOutsideEea.disclosures.map((d: { recipient: string }) => d.recipient)).toEqual(['Acme Inc.']);
    expect(json.automatedDecisionMaking.used).toBe(false);
    expect(json.retention.retentionMonthsAfterRelationship).toBe(24);
    expect(json.retention.legalHold).toMatchObject({ until: '2031-12-31' });
    expect(json.complaint.authority).toContain('Dataombudsmannens');
    expect(json.purposes).toHaveLength(4);
    expect(json.categories).toEqual(['namn', 'e-postadress', 'mobiltelefonnummer', 'postadress', 'kundnummer']);
    expect(json.controller).toEqual(DEFAULT_CONTROLLER);
  });

  test('with no disclosures the copy says the data was disclosed to nobody and transferred nowhere', () => {
    const html = accessCopyHtml(input('en', { disclosures: [] }));
    expect(html).toContain('Your data has not been disclosed to anyone.');
    expect(html).toContain('Your data has not been transferred outside the EU or the EEA.');
  });

  test('CSV: a BOM and ";" for Finnish Excel, and a formula typed into a field stays text', () => {
    const csv = accessCopyCsv(input('fi'));
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv).toContain(`"'=HYPERLINK(""http://x"")"`);
    for (const line of csv.slice(1).split('\r\n').filter((l) => l)) expect(line).not.toMatch(/(^|;)=|(^|;)\+|(^|;)@/);
    expect(csv).toContain('maija@example.fi');
    expect(csv).toContain('Acme Inc. (US)');
    expect(csv).toContain('Tietosuojavaltuutetun toimisto');
  });
});

describe('the portability copy is what the person gave, machine-readable', () => {
  test('JSON and CSV of the contact data and the marketing consent, nothing the register derived', () => {
    const [json, csv] = portabilityFiles(input('fi'));
    expect([json.name, csv.name]).toEqual(['siirrettavat-tiedot-100042.json', 'siirrettavat-tiedot-100042.csv']);
    const data = JSON.parse(json.content).data;
    expect(Object.keys(data)).toEqual(['name', 'email', 'phone', 'street', 'postalCode', 'city', 'country', 'marketingConsentAt']);
    expect(data.email).toBe('maija@example.fi');
    const lines = csv.content.replace(/^\uFEFF/, '').split('\r\n');
    expect(lines[0]).toBe('customerNumber,name,email,phone,street,postalCode,city,country,marketingConsentAt');
    expect(lines[1]).toContain('100042,');
    expect(csv.content).not.toContain('legalHold');
  });
});
