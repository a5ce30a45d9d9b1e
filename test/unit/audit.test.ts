import { createHash } from 'node:crypto';
import { auditEntry, canonicalAuditJson, verifyChain, AUDIT_ACTIONS, type AuditEntry, type AuditData } from '../../src/core/audit';
import { sha256Hex, bytesToHex } from '../../src/core/sha256';

describe('SHA-256', () => {
  test('the empty string and "abc" give the FIPS 180-4 digests', () => {
    expect(sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
  test('the two-block NIST vector is right', () => {
    expect(sha256Hex('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq')).toBe(
      '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1',
    );
  });
  test('UTF-8 text, emoji and padding boundaries match Node crypto', () => {
    const samples = ['Määttä', 'Åbo ö', '😀 Zoë', 'x'.repeat(55), 'x'.repeat(56), 'x'.repeat(63), 'x'.repeat(64), 'ä'.repeat(1000)];
    for (const s of samples) expect(sha256Hex(s)).toBe(createHash('sha256').update(s, 'utf8').digest('hex'));
  });
  test("Apps Script's signed digest bytes print the same hex", () => {
    expect(bytesToHex([-29, -80, 12, 0, 127, -1])).toBe('e3b00c007fff');
  });
});

describe('audit log', () => {
  const base = { at: '2025-03-01T10:00:00.000Z', actor: 'staff@cleanroom.fi' };
  function chain(): AuditEntry[] {
    const data: AuditData[] = [
      { ...base, action: 'create', customerNumber: 'C-0001', fields: ['name', 'email'] },
      { ...base, action: 'update', customerNumber: 'C-0001', fields: ['city'], requestId: 'R-7' },
      { ...base, action: 'export-marketing' },
      { ...base, action: 'disclosure', customerNumber: 'C-0001', fields: ['name'] },
    ];
    const out: AuditEntry[] = [];
    for (const d of data) out.push(auditEntry(out[out.length - 1] ?? null, d, sha256Hex));
    return out;
  }

  test('entries name fields comma-joined and chain to the previous hash', () => {
    const [a, b] = chain();
    expect(a).toMatchObject({ action: 'create', fields: 'name,email', prevHash: '', requestId: '' });
    expect(b.prevHash).toBe(a.hash);
    expect(a.hash).toBe(sha256Hex('\n' + canonicalAuditJson(a)));
  });
  test('the canonical JSON sorts keys and leaves the hash out', () => {
    const [a] = chain();
    const json = JSON.parse(canonicalAuditJson(a));
    expect(Object.keys(json)).toEqual(['action', 'actor', 'at', 'customerNumber', 'fields', 'prevHash', 'requestId']);
  });
  test('an intact chain verifies', () => expect(verifyChain(chain(), sha256Hex)).toEqual({ ok: true }));
  test('an altered row is detected', () => {
    const c = chain();
    c[1] = { ...c[1], fields: 'city,email' };
    expect(verifyChain(c, sha256Hex)).toEqual({ ok: false, index: 1, reason: 'altered' });
  });
  test('an altered row with a recomputed hash breaks the next link', () => {
    const c = chain();
    const forged = { ...c[1], actor: 'someone@else.fi' };
    c[1] = { ...forged, hash: sha256Hex(`${forged.prevHash}\n${canonicalAuditJson(forged)}`) };
    expect(verifyChain(c, sha256Hex)).toEqual({ ok: false, index: 2, reason: 'broken-link' });
  });
  test('a removed row is detected', () => {
    const c = chain();
    c.splice(2, 1);
    expect(verifyChain(c, sha256Hex)).toEqual({ ok: false, index: 2, reason: 'broken-link' });
  });
  test('a removed first row is detected', () => {
    expect(verifyChain(chain().slice(1), sha256Hex)).toEqual({ ok: false, index: 0, reason: 'broken-link' });
  });
  test('reordered rows are detected', () => {
    const c = chain();
    [c[1], c[2]] = [c[2], c[1]];
    expect(verifyChain(c, sha256Hex)).toMatchObject({ ok: false, index: 1, reason: 'broken-link' });
  });
  test('rows removed from the end are detected against the recorded head', () => {
    const c = chain();
    const head = c[c.length - 1].hash;
    expect(verifyChain(c, sha256Hex, head)).toEqual({ ok: true });
    expect(verifyChain(c.slice(0, -1), sha256Hex, head)).toEqual({ ok: false, index: 3, reason: 'head-mismatch' });
  });
  test('the audit log refuses values in place of field names', () => {
    expect(() => auditEntry(null, { ...base, action: 'update', fields: ['matti@example.fi'] }, sha256Hex)).toThrow(/field names/);
    expect(() => auditEntry(null, { ...base, action: 'update', fields: ['Matti Meikäläinen'] }, sha256Hex)).toThrow(/field names/);
  });
  test('an unknown action is a bug and throws', () => {
    expect(() => auditEntry(null, { ...base, action: 'drop-table' as never }, sha256Hex)).toThrow(/unknown action/);
  });
  test('actions are an explicit list including every kind of change, export and disclosure', () => {
    for (const a of ['create', 'update', 'manual-edit', 'export-marketing', 'disclosure', 'ban-marketing', 'legal-hold', 'restrict', 'end-relationship']) {
      expect(AUDIT_ACTIONS).toContain(a);
    }
  });
});
