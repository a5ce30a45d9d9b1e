/**
 * The server side of the office worker's sidebar (issue 8), on the built bundle in the emulator:
 * a record's change history from the audit log (newest first, field names only, few calls), the
 * recently opened people per user (numbers only, pruned, a write that never blocks a read), the
 * row selected in the sheet, and a conflict message whose time reads d.M.yyyy klo H.mm.
 */
import { call, demo, failure } from '../support/register';
import { OWNER, STAFF } from '../../src/emulator/accounts';

type History = { entries: { at: string; actor: string; action: string; fields: string[] }[]; total: number };
type Hits = { customers: { customerNumber: string; name: string }[] };

describe('the change history', () => {
  test('lists the person’s logged changes newest first, with who, when and field names but never a value, in at most six calls', () => {
    const em = demo(50);
    const created = call<{ customer: { customerNumber: string; version: number } }>(em, 'saveCustomer', { customer: { name: 'Hilma Historia', email: 'hilma.historia@example.fi' } });
    const number = created.customer.customerNumber;
    em.setClock(em.world.now + 60_000);
    call(em, 'saveCustomer', { customer: { customerNumber: number, city: 'Salainenkaupunki' }, expectedVersion: created.customer.version });
    const report = em.callFromClient('getHistory', [{ customerNumber: number }], STAFF);
    expect(report.ok).toBe(true);
    const history = report.result as History;
    expect(history.entries.map((e) => e.action)).toEqual(['update', 'create']);
    expect(history.entries[0]).toMatchObject({ actor: STAFF, fields: ['city'] });
    expect(Date.parse(history.entries[0].at)).toBeGreaterThan(Date.parse(history.entries[1].at));
    expect(JSON.stringify(history)).not.toMatch(/Salainenkaupunki|Hilma/);
    expect(history.total).toBe(2);
    expect(report.calls).toBeLessThanOrEqual(6);
  });

  test('a person with no entries has an empty history; an outsider gets nothing', () => {
    const em = demo(20);
    expect(call<History>(em, 'getHistory', { customerNumber: '100003' })).toEqual({ entries: [], total: 0 });
    expect(failure(em, 'getHistory', { customerNumber: '100003' }, 'outsider@example.com')).toMatch(/ei ole oikeutta/);
  });
});

describe('recently opened people', () => {
  test('are kept per user, newest first, as numbers only; opening costs one call more', () => {
    const em = demo(30);
    const plain = em.callFromClient('getCustomer', [{ customerNumber: '100004' }], OWNER);
    expect(plain.ok).toBe(true);
    for (const n of ['100005', '100006', '100005']) call(em, 'getCustomer', { customerNumber: n }), em.setClock(em.world.now + 1000);
    expect(call<Hits>(em, 'getRecentCustomers', undefined).customers.map((c) => c.customerNumber)).toEqual(['100005', '100006']);
    expect(call<Hits>(em, 'getRecentCustomers', undefined, OWNER).customers.map((c) => c.customerNumber)).toEqual(['100004']);
    // The user's store holds numbers and times, never a name.
    const stored = JSON.stringify(em.world.properties);
    const name = call<{ customer: { name: string } }>(em, 'getCustomer', { customerNumber: '100006' }).customer.name;
    expect(stored).toMatch(/recent:100006/);
    expect(stored).not.toContain(name);
    const calls = em.callFromClient('getRecentCustomers', [], STAFF).calls;
    expect(calls).toBeLessThanOrEqual(4);
  });

  test('the list is pruned to the newest 20', () => {
    const em = demo(40);
    for (let i = 1; i <= 25; i++) {
      call(em, 'getCustomer', { customerNumber: String(100000 + i) });
      em.setClock(em.world.now + 1000);
    }
    expect(call<Hits>(em, 'getRecentCustomers', undefined).customers.map((c) => c.customerNumber)).toEqual(['100025', '100024', '100023', '100022', '100021', '100020', '100019', '100018']);
    const kept = (JSON.stringify(em.world.properties).match(/recent:1000\d\d/g) ?? []).length;
    expect(kept).toBe(20);
  });

  test('a failed write of the list never keeps a record from opening', () => {
    const em = demo(20);
    // The user's property write is getCustomer's last service call.
    const calls = em.callFromClient('getCustomer', [{ customerNumber: '100002' }], STAFF).calls;
    em.world.injectFault({ atCall: calls });
    const report = em.callFromClient('getCustomer', [{ customerNumber: '100002' }], STAFF);
    expect(report.ok).toBe(true);
  });
});

describe('the row selected in the sheet', () => {
  test('opens the person on it, whichever cell of the row is selected', () => {
    const em = demo(20);
    const values = em.world.spreadsheet.sheetByName('Rekisteri')!.rows as unknown[][];
    em.world.uiFor(STAFF).selection = { sheet: 'Rekisteri', row: 6, column: 4, numRows: 1, numColumns: 1 };
    const r = call<{ customer: { customerNumber: string } }>(em, 'openSelectedRow', undefined);
    expect(r.customer.customerNumber).toBe(String(values[5][0]));
    expect(call<Hits>(em, 'getRecentCustomers', undefined).customers[0].customerNumber).toBe(String(values[5][0]));
  });

  test('a selection on the header, another tab or nowhere says what to select', () => {
    const em = demo(20);
    expect(failure(em, 'openSelectedRow', undefined)).toMatch(/Valitse ensin henkilön rivi Rekisteri-välilehdeltä/);
    em.world.uiFor(STAFF).selection = { sheet: 'Rekisteri', row: 1, column: 1, numRows: 1, numColumns: 1 };
    expect(failure(em, 'openSelectedRow', undefined)).toMatch(/Valitse ensin/);
    em.world.uiFor(STAFF).selection = { sheet: 'Lokitiedot', row: 3, column: 1, numRows: 1, numColumns: 1 };
    expect(failure(em, 'openSelectedRow', undefined)).toMatch(/Valitse ensin/);
    em.world.uiFor(STAFF).selection = { sheet: 'Rekisteri', row: 500, column: 1, numRows: 1, numColumns: 1 };
    expect(failure(em, 'openSelectedRow', undefined)).toMatch(/Valitulla rivillä 500 ei ole asiakasnumeroa/);
  });
});

test('a stale save says when the newer version was saved as d.M.yyyy klo H.mm in the register zone', () => {
  const em = demo(20);
  const { customer } = call<{ customer: { version: number } }>(em, 'getCustomer', { customerNumber: '100008' });
  call(em, 'saveCustomer', { customer: { customerNumber: '100008', city: 'Eka' }, expectedVersion: customer.version }, OWNER);
  const message = failure(em, 'saveCustomer', { customer: { customerNumber: '100008', city: 'Toka' }, expectedVersion: customer.version });
  expect(message).toMatch(/muokkaaja asiakaspalvelu@cleanroom\.fi, \d{1,2}\.\d{1,2}\.\d{4} klo \d{1,2}\.\d{2}\)/);
  expect(message).not.toMatch(/\d{4}-\d{2}-\d{2}T/);
});
