import { emptyCustomer, type Customer } from '../../src/core/customer';
import { marketingDecision, marketingExport, marketingList, marketingListCsv, mayReceiveMarketing } from '../../src/core/marketing';

const today = '2025-03-01';
let n = 0;
function person(fields: Partial<Customer> = {}): Customer {
  n++;
  return {
    ...emptyCustomer(),
    customerNumber: `C-${String(n).padStart(4, '0')}`,
    name: `Henkilö ${n}`,
    email: `h${n}@example.fi`,
    version: 1,
    ...fields,
  };
}
const consent = { marketingBasis: 'consent', marketingConsentAt: '2025-01-10T12:00:00.000Z' } as const;
const existing = { marketingBasis: 'existing-customer', relationshipStart: '2024-01-01' } as const;
const business = { marketingBasis: 'business', customerType: 'business' } as const;

describe('who may receive marketing', () => {
  test('a consumer with consent may receive marketing', () => expect(mayReceiveMarketing(person(consent), today)).toBe(true));
  test('a marketing ban beats consent', () => {
    expect(marketingDecision(person({ ...consent, marketingBannedAt: '2025-02-01T00:00:00.000Z' }), today)).toBe('banned');
  });
  test('a marketing ban beats the existing-customer basis', () => {
    expect(mayReceiveMarketing(person({ ...existing, marketingBannedAt: '2025-02-01' }), today)).toBe(false);
  });
  test('a marketing ban beats the business basis', () => {
    expect(mayReceiveMarketing(person({ ...business, marketingBannedAt: '2025-02-01' }), today)).toBe(false);
  });
  test('restricted processing allows no marketing', () => {
    expect(marketingDecision(person({ ...consent, restrictedAt: '2025-02-01T00:00:00.000Z' }), today)).toBe('restricted');
  });
  test('a legal hold in force allows no marketing; an ended one does not matter', () => {
    expect(marketingDecision(person({ ...consent, legalHoldUntil: '2025-03-01', legalHoldReason: 'KPL' }), today)).toBe('legal-hold');
    expect(marketingDecision(person({ ...consent, legalHoldUntil: '2025-02-28', legalHoldReason: 'KPL' }), today)).toBe('allowed');
  });
  test('no email, no marketing', () => expect(marketingDecision(person({ ...consent, email: '' }), today)).toBe('no-email'));
  test("the basis 'none' never allows marketing", () => expect(marketingDecision(person(), today)).toBe('no-basis'));
  test('consent without the time it was given does not count', () => {
    expect(marketingDecision(person({ marketingBasis: 'consent' }), today)).toBe('consent-missing');
  });
  test('consent dated in the future is not yet given', () => {
    expect(mayReceiveMarketing(person({ marketingBasis: 'consent', marketingConsentAt: '2025-03-02' }), today)).toBe(false);
    expect(mayReceiveMarketing(person({ marketingBasis: 'consent', marketingConsentAt: '2025-03-01' }), today)).toBe(true);
  });
  test('consent stays valid after the relationship ends', () => {
    expect(mayReceiveMarketing(person({ ...consent, relationshipStart: '2020-01-01', relationshipEnd: '2024-12-31' }), today)).toBe(true);
  });
  test('the existing-customer basis holds while the relationship lasts', () => {
    expect(mayReceiveMarketing(person(existing), today)).toBe(true);
    expect(mayReceiveMarketing(person({ ...existing, relationshipEnd: '2025-03-02' }), today)).toBe(true);
  });
  test('the existing-customer basis ends with the relationship (end date today or earlier)', () => {
    expect(marketingDecision(person({ ...existing, relationshipEnd: '2025-03-01' }), today)).toBe('relationship-not-active');
    expect(marketingDecision(person({ ...existing, relationshipEnd: '2024-06-30' }), today)).toBe('relationship-not-active');
  });
  test('the existing-customer basis needs a relationship that has started', () => {
    expect(mayReceiveMarketing(person({ marketingBasis: 'existing-customer' }), today)).toBe(false);
    expect(mayReceiveMarketing(person({ marketingBasis: 'existing-customer', relationshipStart: '2025-04-01' }), today)).toBe(false);
  });
  test('a stakeholder is not an existing customer', () => {
    expect(marketingDecision(person({ ...existing, kind: 'stakeholder' }), today)).toBe('not-a-customer');
  });
  test('a business contact may be marketed to until it objects', () => {
    expect(mayReceiveMarketing(person(business), today)).toBe(true);
  });
  test('the business basis does not cover a consumer', () => {
    expect(marketingDecision(person({ marketingBasis: 'business', customerType: 'person' }), today)).toBe('business-basis-for-person');
  });
});

describe('the marketing list', () => {
  test('the list holds exactly the people who may receive marketing, in customer-number order', () => {
    const people = [person(business), person(), person(consent), person({ ...consent, marketingBannedAt: '2025-01-01' }), person(existing)];
    expect(marketingList([...people].reverse(), today).map((c) => c.customerNumber)).toEqual(
      [people[0], people[2], people[4]].map((c) => c.customerNumber),
    );
  });
  test('an address banned on one record is left out even when another record with it has consent', () => {
    const banned = person({ email: 'same@example.fi', marketingBannedAt: '2025-01-01' });
    const consenting = person({ ...consent, email: 'Same@Example.fi' });
    expect(marketingList([banned, consenting], today)).toEqual([]);
  });
  test('a ban on the xn-- form of an address leaves out the same mailbox in its Unicode form', () => {
    const banned = person({ email: 'anna@xn--hyv-sla.fi', marketingBannedAt: '2025-01-01' });
    const consenting = person({ ...consent, email: 'anna@hyvä.fi' });
    expect(marketingList([banned, consenting], today)).toEqual([]);
  });
  test('an address appears once even when two records share it', () => {
    const a = person({ ...business, email: 'info@firma.fi' });
    const b = person({ ...business, email: 'info@firma.fi' });
    expect(marketingList([b, a], today).map((c) => c.customerNumber)).toEqual([a.customerNumber]);
  });
  test('the Excel CSV is UTF-8 with a BOM, semicolon-separated, CRLF, without a sep= line', () => {
    const csv = marketingListCsv([person({ ...consent, name: 'Määttä, Äijö', email: 'a@example.fi', customerNumber: 'C-9' })], today);
    expect(csv).toBe('\uFEFFemail;name;customerNumber\r\na@example.fi;"Määttä, Äijö";C-9\r\n');
    expect(csv).not.toMatch(/sep=/);
  });
  test('the import CSV is comma-separated and quotes a name with a comma', () => {
    const csv = marketingListCsv([person({ ...consent, name: 'Oy Ab, "Firma"', email: 'a@example.fi', customerNumber: 'C-9' })], today, 'import');
    expect(csv).toBe('\uFEFFemail,name,customerNumber\r\na@example.fi,"Oy Ab, ""Firma""",C-9\r\n');
  });
  test('formula-looking names and emails are neutralised in the marketing CSV', () => {
    const csv = marketingListCsv([
      person({ ...consent, name: '=HYPERLINK("http://evil","x")', email: '=1+1@example.fi', customerNumber: 'C-1' }),
      person({ ...consent, name: '@SUM(A1)', email: '+x@example.fi', customerNumber: 'C-2' }),
      person({ ...consent, name: '-cmd', email: '-x@example.fi', customerNumber: 'C-3' }),
    ], today);
    const lines = csv.slice(1).split('\r\n');
    expect(lines[1]).toBe(`'=1+1@example.fi;"'=HYPERLINK(""http://evil"",""x"")";C-1`);
    expect(lines[2]).toBe(`'+x@example.fi;'@SUM(A1);C-2`);
    expect(lines[3]).toBe(`'-x@example.fi;'-cmd;C-3`);
  });
  test('an empty list is just the header', () => {
    expect(marketingListCsv([person()], today)).toBe('\uFEFFemail;name;customerNumber\r\n');
  });
  test('the export names the controller and the day in its file name and lists customer numbers for the audit log', () => {
    const c = person(consent);
    const e = marketingExport([c, person()], today, { name: 'Calion Service Innovations Oy / CleanRoom CSI' });
    expect(e.fileName).toBe('calion-service-innovations-oy-cleanroom-csi-markkinointilista-2025-03-01.csv');
    expect(e.customerNumbers).toEqual([c.customerNumber]);
    expect(e.csv.split('\r\n')[1]).toBe(marketingListCsv([c], today).split('\r\n')[1]);
  });
  test('the Excel file is for people: headers and file name in the register\'s language; the import file keeps the tools\' names', () => {
    const c = person(consent);
    const controller = { name: 'CleanRoom' };
    expect(marketingExport([c], today, controller, 'excel', 'fi').csv.split('\r\n')[0]).toBe('\uFEFFSähköposti;Nimi;Asiakasnumero');
    expect(marketingExport([c], today, controller, 'excel', 'sv').csv.split('\r\n')[0]).toBe('\uFEFFE-post;Namn;Kundnummer');
    expect(marketingExport([c], today, controller, 'excel', 'sv').fileName).toBe('cleanroom-marknadsforingslista-2025-03-01.csv');
    expect(marketingExport([c], today, controller, 'excel', 'en').fileName).toBe('cleanroom-marketing-list-2025-03-01.csv');
    for (const language of ['fi', 'sv', 'en'] as const) {
      const imported = marketingExport([c], today, controller, 'import', language);
      expect(imported.csv.split('\r\n')[0]).toBe('\uFEFFemail,name,customerNumber');
      expect(imported.fileName).toBe('cleanroom-marketing-2025-03-01-import.csv');
    }
  });
});
