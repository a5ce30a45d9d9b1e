/**
 * The sidebar's everyday formats and readings (issue 8): d.M.yyyy dates typed and shown whatever
 * the browser's language, instants as "d.M.yyyy klo H.mm" in the register's zone, phones grouped
 * for reading, Google's own failures told apart from the register's refusals, a refusal split
 * onto its fields, surname-first search, email and phone faults named as they are, and the spans
 * the change history reads.
 */
import { formatDay, formatMoment, parseDay } from '../../src/core/display-dates';
import { formatPhone, isGoogleFailure, ownMessage, refusalFields } from '../../src/ui/shared/format';
import { searchHits } from '../../src/core/search';
import { validateEmail, validatePhone } from '../../src/core/validation';
import { historySpans } from '../../src/server/history';

const hit = (name: string, email = '') => ({ customerNumber: '100001', name, email, phone: '', status: { banned: false, restricted: false, legalHoldUntil: '', relationshipEnd: '' } });
const key = (c: { ok: boolean; error?: { key: string } }) => (c.ok ? null : c.error!.key);

describe('dates as a Finn writes them', () => {
  test.each([
    ['1.12.2025', '2025-12-01'], ['01.12.2025', '2025-12-01'], ['1.12.2025.', '2025-12-01'], [' 29.2.2024 ', '2024-02-29'],
    ['2025-12-01', '2025-12-01'], ['', ''],
  ])('typed %p is the day %p', (typed, day) => expect(parseDay(typed)).toBe(day));
  test.each(['29.2.2025', '32.1.2025', '1.13.2025', '1.12.25', '12/01/2026', 'huomenna', '2025-02-30'])('typed %p is no day (the field says how to write one)', (typed) => {
    expect(parseDay(typed)).toBeNull();
  });
  test('a day shows as d.M.yyyy, never as the browser would (12/01/2026)', () => {
    expect(formatDay('2026-01-12')).toBe('12.1.2026');
    expect(formatDay('not a day')).toBe('not a day');
  });
  test('an instant shows as d.M.yyyy klo H.mm in the register zone, not in UTC', () => {
    expect(formatMoment('2026-11-25T08:00:30.547Z', 'Europe/Helsinki')).toBe('25.11.2026 klo 10.00');
    expect(formatMoment('2026-07-01T21:05:00Z', 'Europe/Helsinki', 'sv')).toBe('2.7.2026 kl. 0.05');
    expect(formatMoment('2026-07-01T21:05:00Z', 'Europe/Helsinki', 'en')).toBe('2.7.2026 at 0.05');
    expect(formatMoment('2026-07-01', 'Europe/Helsinki')).toBe('1.7.2026');
  });
});

describe('phones grouped for reading', () => {
  test('+358454968574 reads +358 45 496 8574', () => expect(formatPhone('+358454968574')).toBe('+358 45 496 8574'));
  test('text that is no E.164 number stays as it is', () => expect(formatPhone('040 123')).toBe('040 123'));
});

describe("Google's own failures are told apart from the register's refusals", () => {
  test.each([
    'Service Spreadsheets failed while accessing document with id 1abc.',
    'Exception: Service Spreadsheets timed out while accessing document with id 1abc.',
    "We're sorry, a server error occurred. Please wait a bit and try again.",
    'NetworkError: Connection failure due to HTTP 0 (Failed to fetch)',
    'Exceeded maximum execution time',
  ])('%p is Google failing', (m) => expect(isGoogleFailure(m)).toBe(true));
  test.each(['Toinen käyttäjä tallentaa juuri. Odota hetki ja yritä uudelleen.', 'Tarkista tiedot: Päivä: Päivä ei voi olla tulevaisuudessa.'])('%p is a refusal', (m) => {
    expect(isGoogleFailure(m)).toBe(false);
  });
  test('a refusal Google might prefix with "Exception: " stays the register’s own message', () => {
    const ours = (t: string) => t.startsWith('Tarkista tiedot');
    expect(isGoogleFailure('Exception: Tarkista tiedot: Päivä: x', ours)).toBe(false);
    expect(ownMessage('Exception: Tarkista tiedot: Päivä: x', ours)).toBe('Tarkista tiedot: Päivä: x');
    expect(isGoogleFailure('Exception: Argument cannot be null: range', ours)).toBe(true);
    expect(ownMessage('Exception: Argument cannot be null: range', ours)).toBe('Exception: Argument cannot be null: range');
  });
});

describe('a refusal lands on the fields it names', () => {
  const labels = { date: 'Päivä', basis: 'Peruste', basisReference: 'Perusteen viite', recipient: 'Vastaanottaja', recipientCountry: 'Vastaanottajan maa' };
  test('each field gets its own message, under its own key', () => {
    expect(refusalFields('Tarkista tiedot: Päivä: Päivä ei voi olla tulevaisuudessa. Tarkista päivämäärä. Perusteen viite: Anna viite.', 'Tarkista tiedot', labels)).toEqual({
      date: 'Päivä ei voi olla tulevaisuudessa. Tarkista päivämäärä.',
      basisReference: 'Anna viite.',
    });
  });
  test('a longer label is not read as a shorter one ("Vastaanottajan maa" is not "Vastaanottaja")', () => {
    expect(refusalFields('Tarkista tiedot: Vastaanottajan maa: Anna maa.', 'Tarkista tiedot', labels)).toEqual({ recipientCountry: 'Anna maa.' });
  });
  test('any other message is no field refusal', () => {
    expect(refusalFields('Toinen käyttäjä tallentaa juuri.', 'Tarkista tiedot', labels)).toBeNull();
    expect(refusalFields('Tarkista tiedot: Tuntematon: x', 'Tarkista tiedot', labels)).toBeNull();
  });
});

describe('search finds a person written surname first or in parts', () => {
  const people = [hit('Kalevi Turunen', 'kalevi.turunen@example.fi'), hit('Kaarina Turunen'), hit('Kalle Virtanen')];
  test('"Turunen Kalevi" finds Kalevi Turunen only', () => expect(searchHits(people, 'Turunen Kalevi').hits.map((h) => h.name)).toEqual(['Kalevi Turunen']));
  test('"tur ka" finds both Turunens', () => expect(searchHits(people, 'tur ka').total).toBe(2));
  test('one word still finds by a part of the name', () => expect(searchHits(people, 'turunen').total).toBe(2));
});

describe('validation names the real fault', () => {
  test('"jari.virtanen@" has an @ but no domain', () => expect(key(validateEmail('jari.virtanen@'))).toBe('errEmailNoDomain'));
  test('"@yritys.fi" has no name before the @', () => expect(key(validateEmail('@yritys.fi'))).toBe('errEmailNoLocal'));
  test('"a@b@yritys.fi" has two', () => expect(key(validateEmail('a@b@yritys.fi'))).toBe('errEmailManyAt'));
  test('"jari.virtanen.yritys.fi" has none', () => expect(key(validateEmail('jari.virtanen.yritys.fi'))).toBe('errEmailNoAt'));
  test('a non-ASCII domain is taken as typed, never asked for in its xn-- form', () => {
    const r = validateEmail('matti@hämeenlinna.fi');
    expect(r.ok && r.value).toBe('matti@hämeenlinna.fi');
    const bad = validateEmail('matti@hämeen_linna.fi');
    if (!bad.ok) for (const l of ['fi', 'sv', 'en'] as const) expect(bad.error.message[l]).not.toMatch(/xn--/);
    expect(bad.ok).toBe(false);
  });
  test('a landline "03 1234 567" says the notice keeps a mobile number only', () => {
    const r = validatePhone('03 1234 567', 'FI');
    expect(key(r)).toBe('errPhoneLandline');
    if (!r.ok) expect(r.error.message.fi).toMatch(/vain matkapuhelinnumero/);
  });
  test('a number that is no phone at all keeps the general message', () => expect(key(validatePhone('12345', 'FI'))).toBe('errPhone'));
});

describe('the change history reads the newest entries in few spans', () => {
  test('neighbouring rows are one span, newest first', () => {
    expect(historySpans([5, 7, 900, 2000, 2001])).toEqual([{ first: 2000, last: 2001 }, { first: 900, last: 900 }, { first: 5, last: 7 }]);
  });
  test('at most four spans, however scattered the entries', () => {
    expect(historySpans([1, 1000, 2000, 3000, 4000, 5000]).length).toBe(4);
  });
  test('only the newest 40 entries', () => {
    const spans = historySpans(Array.from({ length: 100 }, (_, i) => i + 2));
    expect(spans).toEqual([{ first: 62, last: 101 }]);
  });
});
