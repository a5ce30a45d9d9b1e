import { createHash } from 'node:crypto';
import { runSnippet, scriptRuntime } from '../support/emulator';

describe('Utilities', () => {
  test('formatDate follows Java patterns in the given zone, across daylight saving', () => {
    const r = runSnippet(`
      var summer = new Date(Date.UTC(2026, 6, 1, 21, 5, 9, 42));
      var winter = new Date(Date.UTC(2026, 0, 1, 21, 5, 9));
      return [Utilities.formatDate(summer, 'Europe/Helsinki', "yyyy-MM-dd'T'HH:mm:ss.SSSXXX"),
              Utilities.formatDate(winter, 'Europe/Helsinki', 'dd.MM.yyyy HH:mm Z'),
              Utilities.formatDate(winter, 'UTC', 'EEE, d MMM yyyy')];
    `);
    expect(r).toEqual(['2026-07-02T00:05:09.042+03:00', '01.01.2026 23:05 +0200', 'Thu, 1 Jan 2026']);
  });

  test('formatDate refuses a string where a Date belongs', () => {
    expect(() => runSnippet(`Utilities.formatDate('2026-01-01', 'UTC', 'yyyy');`)).toThrow(/don't match the method signature for Utilities.formatDate/);
  });

  test('computeDigest returns signed bytes', () => {
    const r = runSnippet(`return Utilities.computeDigest(Utilities.DigestAlgorithm.SHA_256, 'abc', Utilities.Charset.UTF_8);`) as number[];
    const expected = [...createHash('sha256').update('abc').digest()].map((b) => (b > 127 ? b - 256 : b));
    expect(r).toEqual(expected);
    expect(Math.min(...r)).toBeLessThan(0);
  });

  test('DigestAlgorithm, MacAlgorithm and Charset are enum objects: a bare string where one belongs fails the signature', () => {
    expect(runSnippet(`var a = Utilities.DigestAlgorithm.SHA_256;
      return [typeof a, String(a), a === 'SHA_256', Utilities.Charset.US_ASCII.ordinal(), Utilities.MacAlgorithm.HMAC_SHA_256.name(),
        Utilities.base64Encode('Ä', Utilities.Charset.US_ASCII)];`)).toEqual(['object', 'SHA_256', false, 0, 'HMAC_SHA_256', 'Pw==']);
    expect(() => runSnippet(`Utilities.computeDigest('SHA_256', 'abc');`))
      .toThrow("The parameters (String,String) don't match the method signature for Utilities.computeDigest.");
    expect(() => runSnippet(`Utilities.computeHmacSignature('HMAC_SHA_256', 'abc', 'key');`)).toThrow(/don't match the method signature for Utilities.computeHmacSignature/);
    expect(() => runSnippet(`Utilities.base64Encode('abc', 'UTF_8');`)).toThrow(/don't match the method signature for Utilities.base64Encode/);
  });

  test('base64 round trip, web-safe alphabet, newBlob bytes', () => {
    const r = runSnippet(`
      var s = 'ÄÖ?>>';
      var enc = Utilities.base64EncodeWebSafe(s);
      var back = Utilities.newBlob(Utilities.base64DecodeWebSafe(enc)).getDataAsString();
      return [Utilities.base64Encode(s), enc, back, Utilities.newBlob('Ä').getBytes()];
    `);
    expect(r).toEqual(['w4TDlj8+Pg==', 'w4TDlj8-Pg==', 'ÄÖ?>>', [-61, -124]]);
  });

  test('sleep spends modelled time and refuses more than 5 minutes', () => {
    const report = scriptRuntime(`function test() { Utilities.sleep(2000); return Date.now(); }`).execute('test', []);
    expect(report.modelledMs).toBe(2000);
    expect(() => runSnippet(`Utilities.sleep(300001);`)).toThrow(/maximum/);
  });

  test('parseCsv, formatString and getUuid', () => {
    const r = runSnippet(`return [Utilities.parseCsv('a,"b,""c"""\\n1,2'), Utilities.formatString('%s-%05d-%.2f', 'x', 42, 3.14159), Utilities.getUuid().length];`);
    expect(r).toEqual([[['a', 'b,"c"'], ['1', '2']], 'x-00042-3.14', 36]);
  });
});
