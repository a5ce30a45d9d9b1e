/**
 * planRepair and decideRow as pure functions (core/invariants.ts): the repair has no edit event,
 * so it never takes who a row is from the row, puts back values a sort moved between records,
 * and still takes one row's own new value; adoption keeps a ban the old search key holds.
 */
import { Customer, emptyCustomer } from '../../src/core/customer';
import { acceptHandEdit, decideRow, isLive, NumberFormat, parseStoreCell, planRepair, StoreEntry, storeCell, tombstoneCell } from '../../src/core/invariants';
import { searchKeyOf } from '../../src/core/search';

const format: NumberFormat = { prefix: '', digits: 6, base: 100000 };
const NOW = '2026-12-01T10:00:00.000Z';
const person = (i: number, extra: Partial<Customer> = {}): Customer => ({
  ...emptyCustomer(), customerNumber: String(100000 + i), name: `Henkilö ${i}`, email: `h${i}@example.fi`, phone: `+35840000000${i}`,
  city: `Kaupunki ${i}`, street: `Katu ${i}`, createdAt: NOW, createdBy: 'a@example.fi', updatedAt: NOW, updatedBy: 'a@example.fi', version: 1, ...extra,
});

/** The repair's plan; each row's hidden key is, unless given, the one the software last wrote for its record. */
function plan(rows: Customer[], store: StoreEntry[], opts: { adopt?: boolean; keys?: unknown[] } = {}) {
  return planRepair({
    keys: [], records: rows, searchKeys: opts.keys ?? rows.map((r, i) => searchKeyOf((store[i] as Customer | null) ?? r)), empty: rows.map(() => false), store, format,
    nextNumber: 100000 + store.length + (opts.adopt ? rows.length : 0), adopt: !!opts.adopt, now: NOW, today: '2026-12-01',
  });
}

const people = [0, 1, 2, 3, 4].map((i) => person(i));
/** The rows after a sort of one field alone: each row's value in `field` is the next person's. */
const shifted = (field: keyof Customer, keys = true) => {
  const rows = people.map((p, i) => ({ ...p, [field]: people[(i + 1) % people.length][field] }) as Customer);
  return { rows, keys: keys ? people.map((p) => searchKeyOf(p)) : undefined };
};

describe('planRepair without an edit event', () => {
  test.each(['name', 'email', 'phone'] as const)('a sort of the %s column alone is put back from the store, nothing accepted', (field) => {
    const { rows, keys } = shifted(field);
    const p = plan(rows, people, { keys });
    expect(p.report.acceptedEdits).toEqual([]);
    expect(p.report.quarantined).toEqual([]);
    expect(p.report.restoredFields).toEqual(people.map((c) => ({ customerNumber: c.customerNumber, fields: [field] })));
    for (const [i, c] of people.entries()) expect(p.rows.get(i)).toMatchObject({ [field]: c[field] });
    expect(p.store.size).toBe(0);
  });

  test.each(['city', 'street'] as const)('values of %s moved between records in two or more rows are put back', (field) => {
    const { rows, keys } = shifted(field);
    const p = plan(rows, people, { keys });
    expect(p.report.acceptedEdits).toEqual([]);
    for (const [i, c] of people.entries()) expect(p.rows.get(i)).toMatchObject({ [field]: c[field] });
  });

  test('one row\'s own new city (its trigger failed) is accepted with a new version', () => {
    const rows = people.map((p, i) => (i === 2 ? { ...p, city: 'Inari' } : p));
    const p = plan(rows, people);
    expect(p.report.acceptedEdits).toEqual([{ customerNumber: '100002', fields: ['city'] }]);
    expect(p.store.get(2)).toMatchObject({ city: 'Inari', version: 2 });
  });

  test('new values typed in the same column of several rows, none another record\'s, are still accepted', () => {
    const rows = people.map((p, i) => (i < 3 ? { ...p, city: `Uusi ${i}` } : p));
    expect(plan(rows, people).report.acceptedEdits.map((a) => a.customerNumber)).toEqual(['100000', '100001', '100002']);
  });

  test('a single row\'s changed email is put back, never accepted', () => {
    const rows = people.map((p, i) => (i === 1 ? { ...p, email: 'toinen@example.fi' } : p));
    const p = plan(rows, people);
    expect(p.report.acceptedEdits).toEqual([]);
    expect(p.report.restoredFields).toEqual([{ customerNumber: '100001', fields: ['email'] }]);
  });

  test('two identity fields changed: quarantined and the person written back', () => {
    const rows = people.map((p, i) => (i === 1 ? { ...p, name: 'Toinen Ihminen', email: 'toinen@example.fi' } : p));
    const p = plan(rows, people);
    expect(p.report.quarantined).toEqual([expect.objectContaining({ reason: 'identity-changed', typedNumber: '100001' })]);
    expect(p.report.restoredRows).toEqual(['100001']);
  });
});

describe('adoption (the first repair of a register set up before the store)', () => {
  test('a ban the old search key holds is kept when the cell was cleared by hand, and the version never moves back', () => {
    const banned = person(1, { marketingBannedAt: '2026-11-01T09:00:00.000Z', version: 3 });
    const cleared = { ...banned, marketingBannedAt: '', version: 2 };
    const p = plan([person(0), cleared], [], { adopt: true, keys: [searchKeyOf(person(0)), searchKeyOf(banned)] });
    expect(p.store.get(1)).toMatchObject({ marketingBannedAt: banned.marketingBannedAt, version: 3 });
    expect(p.rows.get(1)).toMatchObject({ marketingBannedAt: banned.marketingBannedAt });
    expect(p.report.adopted).toBe(2);
  });

  test('a search key naming another number is not used', () => {
    const banned = person(1, { marketingBannedAt: '2026-11-01T09:00:00.000Z' });
    const p = plan([person(0), person(1)], [], { adopt: true, keys: [searchKeyOf(banned), searchKeyOf(person(0))] });
    expect(p.store.get(0)!.marketingBannedAt).toBe('');
    expect(p.store.get(1)!.marketingBannedAt).toBe('');
  });
});

describe('decideRow and acceptHandEdit', () => {
  test('a row with two identity fields of another person reads as the stored person (foreign)', () => {
    const row = { ...people[1], name: people[2].name, email: people[2].email };
    expect(decideRow(row, '', people[1])).toEqual({ state: 'foreign', customer: people[1] });
    expect(decideRow({ ...people[1], city: 'Inari' }, '', people[1]).state).toBe('edited');
  });

  test('the trigger takes an identity field its edit covered, and puts back one it did not cover', () => {
    const row = { ...people[1], name: people[2].name, city: 'Inari' };
    const covered = acceptHandEdit(people[1], row, NOW, '2026-12-01', 'a@example.fi', ['name', 'city']);
    expect(covered.customer).toMatchObject({ name: people[2].name, city: 'Inari' });
    const uncovered = acceptHandEdit(people[1], row, NOW, '2026-12-01', 'a@example.fi', ['city']);
    expect(uncovered.customer).toMatchObject({ name: people[1].name, city: 'Inari' });
    expect(uncovered.restored).toContain('name');
  });
});

describe('store cells', () => {
  test('a tombstone that names no number (the sweep\'s) reads as a tombstone, writes back as the same text, and is the same text for every number of a run', () => {
    const cell = tombstoneCell(NOW);
    expect(cell).toBe(`{"deletedAt":"${NOW}"}`);
    const e = parseStoreCell(cell);
    expect(e).toEqual({ customerNumber: '', deletedAt: NOW });
    expect(isLive(e)).toBe(false);
    expect(storeCell(e as Exclude<StoreEntry, null>)).toBe(cell);
  });

  test('older tombstones (the number and the date) and records still read as before; a date beside anything else is no tombstone', () => {
    expect(parseStoreCell(JSON.stringify({ customerNumber: '100001', deletedAt: NOW }))).toEqual({ customerNumber: '100001', deletedAt: NOW });
    expect(storeCell({ customerNumber: '100001', deletedAt: NOW })).toBe(JSON.stringify({ customerNumber: '100001', deletedAt: NOW }));
    const p = person(1);
    expect(isLive(parseStoreCell(storeCell(p)))).toBe(true);
    expect(parseStoreCell(JSON.stringify({ deletedAt: NOW, name: 'Henkilö' }))).toBeNull();
    expect(parseStoreCell(JSON.stringify({ deletedAt: 5 }))).toBeNull();
  });
});
