/**
 * One clock: the server's "now" and "today" (in the register's time zone) reach the sidebar
 * through getSidebarInfo, and they are the very day the server checks dates against — so a
 * default date the sidebar takes from them is never "in the future" on the server. The world's
 * clock is pinned in every test: nothing here depends on the machine's date.
 */
import * as path from 'node:path';
import { openDemo } from '../../src/demo/seed';
import { OWNER, STAFF } from '../../src/emulator/accounts';
import { call } from '../support/register';

const dist = path.resolve(__dirname, '../../dist');
/** 22:30 UTC on 25 November: already 26 November in Helsinki (UTC+2), still the 25th in Los Angeles. */
const LATE_EVENING = Date.parse('2026-11-25T22:30:00Z');
const at = (now: number) => openDemo({ distDir: dist, stateFile: null, fresh: true, now });

interface Info {
  now: string;
  today: string;
  timeZone: string;
}

const disclosure = (customerNumber: string, date: string) => ({
  customerNumber, recipient: 'Poliisi', recipientCountry: 'FI', basis: 'authority', basisReference: 'POL-1', dataCategories: ['name'], date,
});

describe('getSidebarInfo gives the server\'s clock', () => {
  test('today is the calendar day in the register\'s time zone: at 22:30 UTC on 25.11. it is 26.11. in Helsinki', () => {
    const info = call<Info>(at(LATE_EVENING), 'getSidebarInfo', undefined);
    expect(info.timeZone).toBe('Europe/Helsinki');
    expect(info.today).toBe('2026-11-26');
    // The instant is the execution's own (the world's clock plus the modelled time spent so far).
    expect(Date.parse(info.now) - LATE_EVENING).toBeGreaterThanOrEqual(0);
    // (The demo's set-up runs first at that clock: its modelled time, the repair pass included, is part of it.)
    expect(Date.parse(info.now) - LATE_EVENING).toBeLessThan(10_000);
  });

  test('today follows the settings\' time zone, not the script\'s: the same instant is 25.11. for a register in Los Angeles', () => {
    const em = at(LATE_EVENING);
    call(em, 'saveSettings', { settings: { timeZone: 'America/Los_Angeles' } }, OWNER);
    const info = call<Info>(em, 'getSidebarInfo', undefined);
    expect(info.timeZone).toBe('America/Los_Angeles');
    expect(info.today).toBe('2026-11-25');
  });

  test('today moves with the emulated clock, whatever the machine\'s date', () => {
    const em = at(Date.parse('2031-03-15T09:00:00Z'));
    expect(call<Info>(em, 'getSidebarInfo', undefined).today).toBe('2031-03-15');
    em.setClock(Date.parse('2024-02-29T21:59:00Z'));
    expect(call<Info>(em, 'getSidebarInfo', undefined).today).toBe('2024-02-29');
    em.setClock(Date.parse('2024-02-29T22:00:00Z'));
    expect(call<Info>(em, 'getSidebarInfo', undefined).today).toBe('2024-03-01');
  });

  test('the sidebar\'s today is the day the server checks against: a disclosure dated today is kept, tomorrow is refused', () => {
    const em = at(LATE_EVENING);
    const { today } = call<Info>(em, 'getSidebarInfo', undefined);
    const { customers } = call<{ customers: { customerNumber: string }[] }>(em, 'searchCustomers', { query: 'a' });
    const number = customers[0].customerNumber;
    const kept = call<{ disclosure: { date: string } }>(em, 'recordDisclosure', disclosure(number, today));
    expect(kept.disclosure.date).toBe('2026-11-26');
    const refused = em.callFromClient('recordDisclosure', [disclosure(number, '2026-11-27')], STAFF);
    expect(refused.ok).toBe(false);
    expect(refused.error!.message).toMatch(/tulevaisuudessa|future/i);
  });

  test('an ended relationship dated the sidebar\'s today is ended on the server, in the same day', () => {
    const em = at(LATE_EVENING);
    const { today } = call<Info>(em, 'getSidebarInfo', undefined);
    const { customers } = call<{ customers: { customerNumber: string }[] }>(em, 'searchCustomers', { query: 'a' });
    const { customer } = call<{ customer: { version: number; customerNumber: string } }>(em, 'getCustomer', { customerNumber: customers[0].customerNumber });
    const ended = call<{ customer: { relationshipEnd: string; updatedAt: string } }>(em, 'endRelationship', {
      customerNumber: customer.customerNumber, expectedVersion: customer.version, date: today,
    });
    expect(ended.customer.relationshipEnd).toBe('2026-11-26');
    // The stamp is the execution's one "now", whose day in Helsinki is that today.
    expect(ended.customer.updatedAt.slice(0, 10)).toBe('2026-11-25');
    expect(Date.parse(ended.customer.updatedAt)).toBeGreaterThanOrEqual(LATE_EVENING);
  });
});
