import { csvCell, neutraliseFormula, toCsv } from '../../src/core/csv';

describe('CSV', () => {
  test('every value beginning with = + - @ TAB or CR is neutralised with an apostrophe', () => {
    for (const s of ['=1+1', '+358401234567', '-2+3', '@SUM(A1)', '\tx', '\rx', ' =1', '"=1']) expect(neutraliseFormula(s)).toBe(`'${s}`);
  });
  test('ordinary text, and a formula character inside a piece of text, are left alone', () => {
    for (const s of ['Matti', 'a=b', 'Anna-Liisa', 'Virtanen, Matti', "'quoted", '']) expect(neutraliseFormula(s)).toBe(s);
  });
  test('a formula character after either separator or a line break is neutralised too', () => {
    expect(neutraliseFormula('x;=1+1')).toBe("x;'=1+1");
    expect(neutraliseFormula('x,=1+1')).toBe("x,'=1+1");
    expect(neutraliseFormula('x, @SUM(A1)')).toBe("x,' @SUM(A1)");
    expect(neutraliseFormula('a\n-1+1')).toBe("a\n'-1+1");
    expect(neutraliseFormula('\t=1')).toBe("'\t'=1");
  });
  test('fields with either separator, quotes, tabs or line breaks are quoted in both formats, quotes doubled (RFC 4180)', () => {
    expect(csvCell('a;b', ';')).toBe('"a;b"');
    expect(csvCell('a;b', ',')).toBe('"a;b"');
    expect(csvCell('a,b', ';')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('line\nbreak')).toBe('"line\nbreak"');
    expect(csvCell('\r=cmd')).toBe(`"'\r'=cmd"`);
  });
  test('numbers are written as numbers; null and undefined as empty', () => {
    expect(csvCell(-5)).toBe('-5');
    expect(csvCell(null)).toBe('');
    expect(csvCell(undefined)).toBe('');
    expect(csvCell(NaN)).toBe('');
  });
  test('rows end in CRLF and the BOM comes first only when asked', () => {
    expect(toCsv([['a', 'b'], ['c', 1]], { separator: ',', bom: false })).toBe('a,b\r\nc,1\r\n');
    expect(toCsv([['a']], { separator: ';', bom: true })).toBe('\uFEFFa\r\n');
  });
});
