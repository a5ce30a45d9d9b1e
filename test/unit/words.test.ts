/**
 * core/words.ts and the date reading of core/customer.ts and gas/cells.ts: the one table of
 * code ↔ fi/sv/en words, decoding any language's word (or the code) back to the code, and a
 * register cell's date read as the register's zone's calendar day (no off-by-one at midnight
 * Helsinki, nor on DST days).
 */
import { LANGUAGES } from '../../src/core/schema';
import { codeOf, decodeWord, fieldsFromWords, fieldsToWords, outcomeText, wordOf, WORDS, wordsOf, type WordSet } from '../../src/core/words';
import { EMPTY_OUTCOME } from '../../src/core/requests/model';
import { outcomeOfCells } from '../../src/core/requests/record';
import { planTypedCells } from '../../src/gas/typed-cells';
import { cellToString, parseFinnishInstant } from '../../src/core/customer';
import { parseFinnishDate, validateEnum } from '../../src/core/validation';
import { decodeCell, encodeCell } from '../../src/gas/cells';
import { auditEntry, verifyChain } from '../../src/core/audit';
import { sha256Hex } from '../../src/core/sha256';

const HEL = 'Europe/Helsinki';
const SETS = Object.keys(WORDS) as WordSet[];

describe('the word table', () => {
  test.each(SETS)('every code of %s has a distinct word in fi, sv and en, and no word names two codes', (set) => {
    const table = WORDS[set] as Record<string, Record<string, string>>;
    for (const l of LANGUAGES) {
      const words = Object.values(table).map((w) => w[l].toLowerCase());
      expect(new Set(words).size).toBe(words.length);
    }
    // Across languages too: a word read back is never another code's.
    for (const [code, words] of Object.entries(table)) for (const l of LANGUAGES) expect(codeOf(set, words[l])).toBe(code);
  });

  test('a word of any language, any case and spacing, or the code itself, decodes to the code; anything else is left as typed', () => {
    expect(codeOf('marketingBasis', 'suostumus')).toBe('consent');
    expect(codeOf('marketingBasis', '  SAMTYCKE ')).toBe('consent');
    expect(codeOf('marketingBasis', 'Consent')).toBe('consent');
    expect(codeOf('marketingBasis', 'existing-customer')).toBe('existing-customer');
    expect(codeOf('kind', 'asiakas')).toBe('customer');
    expect(codeOf('kind', 'Kontaktperson för intressent')).toBe('stakeholder');
    expect(decodeWord('kind', 'asiakkaat')).toBe('asiakkaat');
    expect(decodeWord('kind', 42)).toBe(42);
  });

  test('a code is written as the word of the language; the words are the sidebar\'s', () => {
    expect(wordOf('marketingBasis', 'consent', 'fi')).toBe('Suostumus');
    expect(wordOf('marketingBasis', 'consent', 'sv')).toBe('Samtycke');
    expect(wordOf('kind', 'stakeholder', 'fi')).toBe('Sidosryhmän yhteyshenkilö');
    expect(wordOf('kind', 'no-such-code', 'fi')).toBe('no-such-code');
    expect(wordsOf('customerType', 'fi')).toEqual(['Kuluttaja', 'Yritys']);
  });

  test('data categories are a list: "name,phone,address" reads as words and back', () => {
    const words = wordOf('dataCategory', 'name,phone,address', 'fi');
    expect(words).toBe('Nimi, Matkapuhelin, Postiosoite');
    expect(decodeWord('dataCategory', words)).toBe('name,phone,address');
    expect(decodeWord('dataCategory', 'Namn, Mobiltelefon')).toBe('name,phone');
    expect(decodeWord('dataCategory', 'Nimi, jotain')).toBe('Nimi, jotain');
  });

  test('audit field names show as column headers and read back as names; names that are no column stay', () => {
    expect(fieldsToWords('name,email,auditLog', 'fi')).toBe('Nimi, Sähköposti, auditLog');
    expect(fieldsFromWords('Nimi, Sähköposti, auditLog')).toBe('name,email,auditLog');
    expect(fieldsFromWords('Namn, E-post')).toBe('name,email');
  });

  test('a refused enumeration lists the words of each language, not the codes', () => {
    const r = validateEnum('spam', 'marketingBasis', ['consent', 'none'], { fi: wordsOf('marketingBasis', 'fi'), sv: wordsOf('marketingBasis', 'sv'), en: wordsOf('marketingBasis', 'en') });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.message.fi).toContain('Suostumus, Olemassa oleva asiakassuhde, Yritysyhteyshenkilö, Ei markkinointia');
    expect(r.error.message.fi).not.toContain('existing-customer');
    expect(r.error.message.sv).toContain('Samtycke');
  });
});

describe('dates as a Finn writes them', () => {
  test('d.M.yyyy reads as YYYY-MM-DD; days that do not exist do not', () => {
    expect(parseFinnishDate('1.12.2025')).toBe('2025-12-01');
    expect(parseFinnishDate('01.02.2025')).toBe('2025-02-01');
    expect(parseFinnishDate('29.2.2024')).toBe('2024-02-29');
    expect(parseFinnishDate('29.2.2025')).toBeNull();
    expect(parseFinnishDate('2025-12-01')).toBeNull();
  });

  test('d.M.yyyy klo H.mm is a wall-clock time in the register\'s zone, also across DST', () => {
    expect(parseFinnishInstant('1.12.2025 klo 10.00', HEL)).toBe('2025-12-01T08:00:00.000Z');
    expect(parseFinnishInstant('1.7.2025 klo 10.00', HEL)).toBe('2025-07-01T07:00:00.000Z');
    expect(parseFinnishInstant('30.3.2025 kl. 4.30', HEL)).toBe('2025-03-30T01:30:00.000Z');
    expect(parseFinnishInstant('1.12.2025 24.00', HEL)).toBeNull();
  });

  test.each([
    ['00:30 Helsinki in winter', '2025-11-30T22:30:00.000Z', '2025-12-01'],
    ['23:30 Helsinki in winter', '2025-12-01T21:30:00.000Z', '2025-12-01'],
    ['00:30 Helsinki in summer', '2025-06-30T21:30:00.000Z', '2025-07-01'],
    ['23:30 Helsinki in summer', '2025-07-01T20:30:00.000Z', '2025-07-01'],
    ['00:30 on the spring DST day', '2025-03-29T22:30:00.000Z', '2025-03-30'],
    ['23:30 on the spring DST day', '2025-03-30T20:30:00.000Z', '2025-03-30'],
    ['00:30 on the autumn DST day', '2025-10-25T21:30:00.000Z', '2025-10-26'],
    ['23:30 on the autumn DST day', '2025-10-26T21:30:00.000Z', '2025-10-26'],
  ])('a Date cell at %s reads as its Helsinki calendar day', (_, iso, day) => {
    expect(cellToString(new Date(iso), 'relationshipStart', HEL)).toBe(day);
    expect(decodeCell('register', 'relationshipStart', new Date(iso), HEL)).toBe(day);
  });

  test.each(['2025-03-30', '2025-10-26', '2025-12-01', '2024-02-29'])('%s written as a date cell reads back as the same day', (day) => {
    const cell = encodeCell('register', 'relationshipStart', day, { language: 'fi', timeZone: HEL });
    expect(Object.prototype.toString.call(cell)).toBe('[object Date]');
    expect(decodeCell('register', 'relationshipStart', cell, HEL)).toBe(day);
  });

  test('an instant is written as a Date and reads back exactly; a bare day in an instant column stays a day', () => {
    const at = '2026-11-25T08:00:30.547Z';
    const cell = encodeCell('register', 'marketingBannedAt', at, { language: 'fi', timeZone: HEL }) as Date;
    expect(cell.toISOString()).toBe(at);
    expect(decodeCell('register', 'marketingBannedAt', cell, HEL)).toBe(at);
    const paper = encodeCell('register', 'marketingConsentAt', '2025-02-01', { language: 'fi', timeZone: HEL });
    expect(paper).toBe('1.2.2025');
    expect(decodeCell('register', 'marketingConsentAt', paper, HEL)).toBe('2025-02-01');
  });

  test('words in register cells decode whatever the language; codes of old registers too', () => {
    for (const v of ['Suostumus', 'samtycke', 'Consent', 'consent']) expect(decodeCell('register', 'marketingBasis', v, HEL)).toBe('consent');
    expect(encodeCell('register', 'marketingBasis', 'samtycke', { language: 'fi', timeZone: HEL })).toBe('Suostumus');
  });
});

describe('the audit chain is over codes', () => {
  test('entries written as words of any language verify after decoding, so a language switch keeps the chain', () => {
    const a = auditEntry(null, { at: '2026-11-25T08:00:00.000Z', actor: 'x@y.fi', action: 'manual-edit', customerNumber: '100001', fields: ['name', 'email'] }, sha256Hex);
    const b = auditEntry(a, { at: '2026-11-25T08:01:00.000Z', actor: 'x@y.fi', action: 'ban-marketing', customerNumber: '100001', fields: ['marketingBannedAt'] }, sha256Hex);
    for (const language of LANGUAGES) {
      const shown = [a, b].map((e) => ({ ...e, action: encodeCell('audit', 'action', e.action, { language, timeZone: HEL }) as string, fields: encodeCell('audit', 'fields', e.fields, { language, timeZone: HEL }) as string }));
      if (language !== 'en') expect(shown[0].action).not.toBe('manual-edit');
      const read = shown.map((e) => ({ ...e, action: decodeCell('audit', 'action', e.action, HEL), fields: decodeCell('audit', 'fields', e.fields, HEL) })) as typeof shown;
      expect(verifyChain(read as never, sha256Hex)).toEqual({ ok: true });
    }
  });
});

describe('the readable outcome (Pyynnöt › Lopputulos)', () => {
  const outcome = {
    settled: [
      { right: 'access' as const, outcome: 'fulfilled' as const, at: '2026-12-03T08:00:00.000Z', by: 'anna@firma.fi', reason: '', reply: 'm1' },
      { right: 'rectification' as const, outcome: 'declined' as const, at: '2026-12-03T08:05:00.000Z', by: 'repair', reason: 'Tieto on oikein.' },
    ],
    rejectionReason: '', duplicateOf: '',
  };

  test('names each right, its verdict, its Helsinki time and who settled it, in each language; nothing settled reads empty', () => {
    expect(outcomeText(outcome, 'fi', HEL)).toBe('Tarkastus (15 art.): toteutettu 3.12.2026 klo 10.00 (anna@firma.fi); Oikaisu (16 art.): evätty 3.12.2026 klo 10.05 (Korjausajo) — syy: Tieto on oikein.');
    expect(outcomeText(outcome, 'sv', HEL)).toBe('Insyn (art. 15): tillgodosedd 3.12.2026 kl. 10.00 (anna@firma.fi); Rättelse (art. 16): avslagen 3.12.2026 kl. 10.05 (Reparation) — skäl: Tieto on oikein.');
    expect(outcomeText(outcome, 'en', HEL)).toMatch(/^Access \(Art\. 15\): fulfilled 3\.12\.2026 at 10\.00 \(anna@firma\.fi\); Rectification/);
    expect(outcomeText(EMPTY_OUTCOME, 'fi', HEL)).toBe('');
  });

  test('the data cell is the truth; an empty one falls back to the old JSON in the readable cell, and readable text reads as nothing', () => {
    const json = JSON.stringify(outcome);
    expect(outcomeOfCells(json, 'anything typed')).toEqual(outcome);
    expect(outcomeOfCells('', json)).toEqual(outcome);
    expect(outcomeOfCells('', outcomeText(outcome, 'fi', HEL))).toEqual(EMPTY_OUTCOME);
  });

  test('an edit plan rewrites only the edited cells: words of any language to the register\'s, a formula to its text, the outcome from its data; unknown words stay', () => {
    const keys = ['id', 'status', 'channel', 'outcome', 'outcomeData', null];
    const json = JSON.stringify(outcome);
    const read = [
      ['R-0001', 'under behandling', 'letter', 'käsin', json, 'x'],
      ['R-0002', 'Käsittelyssä', 'puhelin', '', '', 'y'],
    ];
    const formulas = [['', '', '', '', '', ''], ['', '', '', '', '', '=1+1']];
    const plan = planTypedCells(keys, read, formulas, { first: 1, last: 5 }, { language: 'fi', timeZone: HEL });
    expect(plan.changed).toEqual([[0, 1], [0, 2], [0, 3], [1, 5]]);
    expect(plan.values[0].slice(1, 4)).toEqual(['Käsittelyssä', 'Kirje', outcomeText(outcome, 'fi', HEL)]);
    expect(plan.values[1].slice(1, 3)).toEqual(['Käsittelyssä', 'puhelin']);
    expect(plan).toMatchObject({ formulas: true, outcomeRestored: true });
    // Only the edited columns: the channel left of them is not touched.
    expect(planTypedCells(keys, read, formulas, { first: 1, last: 1 }, { language: 'fi', timeZone: HEL }).changed).toEqual([[0, 1]]);
  });
});
