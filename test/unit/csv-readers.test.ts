/**
 * The marketing list's CSV read back the way real readers read it: Finnish Excel splitting at
 * ';', importers and other locales at ',', each quote-aware (RFC 4180), and a naive reader that
 * splits lines and separators ignoring quotes. Whatever the file's own format, no cell any of
 * them sees may start with a formula character.
 */
import { marketingListCsv } from '../../src/core/marketing';
import { emptyCustomer } from '../../src/core/customer';
import type { Customer } from '../../src/core/customer';

/** RFC 4180 parsing with a given separator, as Excel and LibreOffice do (quotes only open at a field's start). */
function parseRfc(text: string, separator: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  let atStart = true;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') { cell += '"'; i++; }
      else if (ch === '"') quoted = false;
      else cell += ch;
      continue;
    }
    if (ch === '"' && atStart) { quoted = true; atStart = false; continue; }
    if (ch === separator) { row.push(cell); cell = ''; atStart = true; continue; }
    if (ch === '\r' && text[i + 1] === '\n') { row.push(cell); rows.push(row); row = []; cell = ''; atStart = true; i++; continue; }
    cell += ch;
    atStart = false;
  }
  if (cell !== '' || row.length) { row.push(cell); rows.push(row); }
  return rows;
}

/** A reader that ignores quotes: every line break and separator starts a new cell. */
function parseNaive(text: string, separator: string): string[] {
  return text.split(/\r\n|\r|\n/).flatMap((line) => line.split(separator));
}

/** What a spreadsheet would evaluate: a cell starting with = + - @ (after spaces or a stray quote), or with tab or CR. */
const LIVE = /^[\s"]*[=+\-@]|^[\t\r]/;

const HOSTILE = [
  'x;=1+1', 'x,=1+1', '=1+1', '+358401234567', '-2+3', '@SUM(A1:A9)', '\t=1', '\r=1', ' =HYPERLINK("http://evil.example")',
  'a;"=1+1"', 'a,"=1+1"', 'a;b,=c', 'Virtanen, Matti', 'Nimi; Toinen', 'say "hi"', 'line\n=1+1', 'line\r\n@x', '";=1', '",=1',
  "=cmd|' /C calc'!A0", 'x;;=1', 'x,,+1', 'x; -1', 'x;\t=1', '"', '""', ';', ',', 'Määttä-Åström',
];

function customer(i: number, name: string): Customer {
  return {
    ...emptyCustomer(),
    customerNumber: String(100001 + i), kind: 'customer', customerType: 'person', name,
    email: `p${i}@example.fi`, marketingBasis: 'consent', marketingConsentAt: '2026-01-01', source: 'subject',
  } as Customer;
}

const people = HOSTILE.map((name, i) => customer(i, name));

describe.each(['excel', 'import'] as const)('the %s file', (format) => {
  const csv = marketingListCsv(people, '2026-12-01', format).replace(/^\uFEFF/, '');

  test.each([';', ','])('read by a quote-aware reader splitting at %j, no cell starts with a formula character', (separator) => {
    const cells = parseRfc(csv, separator).flat();
    expect(cells.filter((c) => LIVE.test(c))).toEqual([]);
  });

  test.each([';', ','])('read by a naive reader splitting at %j and at line breaks, no cell starts with a formula character', (separator) => {
    const cells = parseNaive(csv, separator);
    expect(cells.filter((c) => LIVE.test(c))).toEqual([]);
  });

  test('read in its own format, every name comes back whole, disarmed only by apostrophes', () => {
    const own = format === 'excel' ? ';' : ',';
    const rows = parseRfc(csv, own).slice(1);
    expect(rows.every((r) => r.length === 3)).toBe(true);
    expect(rows.map((r) => r[1].replace(/'/g, ''))).toEqual(HOSTILE.map((h) => h.replace(/'/g, '')));
  });

  test('a cell holding ";" or "," is quoted whatever the file\'s separator', () => {
    expect(csv).toContain('"Virtanen, Matti"');
    expect(csv).toContain('"Nimi; Toinen"');
  });
});

describe('random hostile cells (a seeded generator, the same every run)', () => {
  // Park–Miller: deterministic, so a failure reproduces.
  let seed = 20261201;
  const next = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
  const ALPHABET = ['=', '+', '-', '@', '\t', '\r', '\n', '\r\n', ';', ',', '"', ' ', "'", 'a', 'ä', '1'];
  const names = Array.from({ length: 3000 }, () => Array.from({ length: Math.floor(next() * 9) }, () => ALPHABET[Math.floor(next() * ALPHABET.length)]).join(''));
  const crowd = names.map((name, i) => customer(i, name));

  test.each(['excel', 'import'] as const)('the %s file: no reader, quote-aware or naive, at ";", "," or tab, sees a live cell', (format) => {
    const csv = marketingListCsv(crowd, '2026-12-01', format).replace(/^\uFEFF/, '');
    for (const separator of [';', ',', '\t']) {
      expect(parseRfc(csv, separator).flat().filter((c) => LIVE.test(c))).toEqual([]);
      expect(parseNaive(csv, separator).filter((c) => LIVE.test(c))).toEqual([]);
    }
    // And in its own format every row still has its three cells.
    expect(parseRfc(csv, format === 'excel' ? ';' : ',').every((r) => r.length === 3)).toBe(true);
  });
});
