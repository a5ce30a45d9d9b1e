/**
 * Retries never double: a create and a disclosure carry the client's idempotency key, so a retry
 * after a fault at any of their calls — the final flush included, where the write landed but the
 * caller saw an error — returns the first result: exactly one person, one disclosure, one log
 * entry, and a valid audit chain. Without a key a fault at the flush doubled both.
 */
import * as path from 'node:path';
import { Emulator } from '../../src/emulator/app';
import { openDemo } from '../../src/demo/seed';
import { STAFF } from '../../src/emulator/accounts';
import { verifyChain } from '../../src/core/audit';
import { sha256Hex } from '../../src/core/sha256';
import { earlierResult, MAX_REQUEST_KEYS, MAX_REQUEST_KEYS_BYTES, rememberResult } from '../../src/core/request-keys';
import { chainToHead } from '../support/register';

const dist = path.resolve(__dirname, '../../dist');
const demo = () => openDemo({ distDir: dist, stateFile: null, fresh: true });

const registerRows = (em: Emulator) => (em.world.spreadsheet.snapshot('Rekisteri')!.values as unknown[][]).slice(1).filter((r) => r[0] !== '');
const disclosureRows = (em: Emulator) => (em.world.spreadsheet.snapshot('Luovutukset')!.values as unknown[][]).slice(1).filter((r) => r[0] !== '');

// A person with no email or phone: the duplicate check cannot catch a second one.
const KEY = '3f0c9a52-6c1e-4d8e-9b57-0a4f2e7d1c88';
const person = { name: 'Nimetön Uusi', city: 'Lahti' };
const create = (requestKey?: string) => [{ customer: person, ...(requestKey ? { requestKey } : {}) }];

const DISCLOSURE_KEY = 'b41d7e09-2a6f-4c33-8e15-7d90c2a4f6e1';
const disclosure = (requestKey?: string) => [{
  customerNumber: '100001', recipient: 'Poliisi', recipientCountry: 'FI', basis: 'authority', basisReference: 'POL-2026-7',
  dataCategories: ['name', 'phone'], ...(requestKey ? { requestKey } : {}),
}];

describe('without a key a fault at the final flush doubles the write on retry (the defect the key fixes)', () => {
  test('a create of a person with no email or phone, retried after a fault at its flush, makes two people', () => {
    const em = demo();
    const calls = demo().callFromClient('saveCustomer', create(), STAFF).calls;
    em.world.injectFault({ atCall: calls });
    expect(em.callFromClient('saveCustomer', create(), STAFF).ok).toBe(false);
    expect(em.callFromClient('saveCustomer', create(), STAFF).ok).toBe(true);
    expect(registerRows(em).filter((r) => r[3] === person.name)).toHaveLength(2);
  });
});

describe('a create with a key and a fault at each of its calls', () => {
  const calls = demo().callFromClient('saveCustomer', create(KEY), STAFF).calls;

  test('a keyed create costs no more calls than an unkeyed one', () => {
    expect(calls).toBe(demo().callFromClient('saveCustomer', create(), STAFF).calls);
  });

  test.each(Array.from({ length: calls }, (_, i) => i + 1))('fault at call %i: the retry with the same key leaves exactly one person, one log entry, and returns the first result', (n) => {
    const em = demo();
    const before = registerRows(em).length;
    em.world.injectFault({ atCall: n });
    const failed = em.callFromClient('saveCustomer', create(KEY), STAFF);
    expect(failed.ok).toBe(false);
    const landed = registerRows(em).filter((r) => r[3] === person.name);
    const retry = em.callFromClient('saveCustomer', create(KEY), STAFF);
    expect(retry.ok).toBe(true);
    const { customer, rowToken, duplicate } = retry.result as { customer: { customerNumber: string; name: string }; rowToken: string; duplicate?: boolean };
    expect(duplicate).toBeUndefined();
    const rows = registerRows(em).filter((r) => r[3] === person.name);
    expect(rows).toHaveLength(1);
    expect(registerRows(em)).toHaveLength(before + 1);
    // When the first attempt's row landed, the retry answers with that very row.
    if (landed.length) expect(customer.customerNumber).toBe(landed[0][0]);
    expect(rows[0][0]).toBe(customer.customerNumber);
    const chain = chainToHead(em);
    expect(verifyChain(chain, sha256Hex)).toEqual({ ok: true });
    expect(chain.filter((e) => e.action === 'create' && e.customerNumber === customer.customerNumber)).toHaveLength(1);
    // The token returned is the row's as the next read sees it.
    expect((em.callFromClient('getCustomer', [{ customerNumber: customer.customerNumber }], STAFF).result as { rowToken: string }).rowToken).toBe(rowToken);
    // A third call with the same key still answers with the same person and writes nothing.
    const again = em.callFromClient('saveCustomer', create(KEY), STAFF);
    expect((again.result as { customer: { customerNumber: string } }).customer.customerNumber).toBe(customer.customerNumber);
    expect(registerRows(em)).toHaveLength(before + 1);
    expect(chainToHead(em)).toHaveLength(chain.length);
  });

  test('a new form (a new key) with the same fields creates a second person: the key, not the content, decides', () => {
    const em = demo();
    expect(em.callFromClient('saveCustomer', create(KEY), STAFF).ok).toBe(true);
    expect(em.callFromClient('saveCustomer', create('0e6f3a1b-94d2-47c8-a5e3-1b2c3d4e5f60'), STAFF).ok).toBe(true);
    expect(registerRows(em).filter((r) => r[3] === person.name)).toHaveLength(2);
  });
});

describe('a disclosure with a key and a fault at each of its calls', () => {
  const calls = demo().callFromClient('recordDisclosure', disclosure(DISCLOSURE_KEY), STAFF).calls;

  test('a keyed disclosure costs no more calls than an unkeyed one', () => {
    expect(calls).toBe(demo().callFromClient('recordDisclosure', disclosure(), STAFF).calls);
  });

  test.each(Array.from({ length: calls }, (_, i) => i + 1))('fault at call %i: the retry with the same key leaves exactly one disclosure and one log entry, and returns the first result', (n) => {
    const em = demo();
    const before = disclosureRows(em).length;
    em.world.injectFault({ atCall: n });
    expect(em.callFromClient('recordDisclosure', disclosure(DISCLOSURE_KEY), STAFF).ok).toBe(false);
    const landed = disclosureRows(em).slice(before);
    const retry = em.callFromClient('recordDisclosure', disclosure(DISCLOSURE_KEY), STAFF);
    expect(retry.ok).toBe(true);
    const { disclosure: d } = retry.result as { disclosure: { id: string; recipient: string; basisReference: string; customerNumber: string } };
    expect(disclosureRows(em)).toHaveLength(before + 1);
    if (landed.length) expect(d.id).toBe(landed[0][0]);
    expect(d).toMatchObject({ recipient: 'Poliisi', basisReference: 'POL-2026-7', customerNumber: '100001' });
    const chain = chainToHead(em);
    expect(verifyChain(chain, sha256Hex)).toEqual({ ok: true });
    const logged = chain.filter((e) => e.action === 'disclosure' && e.customerNumber === '100001');
    expect(logged).toHaveLength(1);
    const listed = (em.callFromClient('listDisclosures', [{ customerNumber: '100001' }], STAFF).result as { disclosures: { id: string }[] }).disclosures;
    expect(listed.filter((x) => x.id === d.id)).toHaveLength(1);
  });

  test('the retry of a landed disclosure returns the same record the first call made', () => {
    const em = demo();
    const first = em.callFromClient('recordDisclosure', disclosure(DISCLOSURE_KEY), STAFF);
    const second = em.callFromClient('recordDisclosure', disclosure(DISCLOSURE_KEY), STAFF);
    expect(second.result).toEqual(first.result);
    expect(disclosureRows(em)).toHaveLength(1);
  });

  test('a key already used for another person is refused and records nothing', () => {
    const em = demo();
    expect(em.callFromClient('recordDisclosure', disclosure(DISCLOSURE_KEY), STAFF).ok).toBe(true);
    const other = em.callFromClient('recordDisclosure', [{ ...disclosure(DISCLOSURE_KEY)[0], customerNumber: '100002' }], STAFF);
    expect(other.ok).toBe(false);
    expect(disclosureRows(em)).toHaveLength(1);
  });
});

describe('the key itself', () => {
  test.each([['short'], ['has spaces in it, so no'], ['x'.repeat(65)], ['=HYPERLINK("x")-aaaaaaaaaaaa']])('a malformed key %p is refused with the reload message and nothing is written', (requestKey) => {
    const em = demo();
    const before = JSON.stringify(em.world.spreadsheet.toJSON());
    const report = em.callFromClient('saveCustomer', [{ customer: person, requestKey }], STAFF);
    expect(report.ok).toBe(false);
    expect(report.error!.message).toMatch(/Päivitä sivupalkki/);
    expect(JSON.stringify(em.world.spreadsheet.toJSON())).toBe(before);
  });

  test('the remembered keys stay within a property value (9 KB) and keep the newest: 300 creates, the last 200 answer', () => {
    let keys: string[] = [];
    const keyOf = (i: number) => `key-${String(i).padStart(12, '0')}`;
    for (let i = 0; i < 300; i++) keys = rememberResult(keys, 'create', keyOf(i), `CN-${'9'.repeat(30)}-${i}`);
    expect(Buffer.byteLength(JSON.stringify(keys))).toBeLessThanOrEqual(MAX_REQUEST_KEYS_BYTES);
    expect(keys.length).toBeLessThanOrEqual(MAX_REQUEST_KEYS);
    expect(earlierResult(keys, 'create', keyOf(299))).toBe(`CN-${'9'.repeat(30)}-299`);
    expect(earlierResult(keys, 'create', keyOf(0))).toBeNull();
    // One key cannot answer for another operation.
    expect(earlierResult(keys, 'disclosure', keyOf(299))).toBeNull();
  });

  test('through the bundle, 205 keyed creates keep the property under 9 KB and the newest keys answering', () => {
    const em = demo();
    const keyOf = (i: number) => `bulk-create-key-${String(i).padStart(4, '0')}`;
    for (let i = 0; i < 205; i++) expect(em.callFromClient('saveCustomer', [{ customer: { name: `Joukko ${i}` }, requestKey: keyOf(i) }], STAFF).ok).toBe(true);
    const raw = em.world.properties.document['rekisteri.requestKeys'];
    expect(Buffer.byteLength(raw)).toBeLessThan(9 * 1024);
    expect(JSON.parse(raw)).toHaveLength(MAX_REQUEST_KEYS);
    const rows = registerRows(em).length;
    const last = em.callFromClient('saveCustomer', [{ customer: { name: 'Joukko 204' }, requestKey: keyOf(204) }], STAFF);
    expect((last.result as { customer: { name: string } }).customer.name).toBe('Joukko 204');
    expect(registerRows(em)).toHaveLength(rows);
  });

  test('keys are stored in the document property written with the audit head, no extra call', () => {
    const em = demo();
    em.callFromClient('saveCustomer', create(KEY), STAFF);
    em.callFromClient('recordDisclosure', disclosure(DISCLOSURE_KEY), STAFF);
    const stored = JSON.parse(em.world.properties.document['rekisteri.requestKeys']) as string[];
    expect(stored).toHaveLength(2);
    // The raw key is never stored, only a digest.
    expect(JSON.stringify(stored)).not.toContain(KEY);
  });
});
