/**
 * Test support for the retention suites: the register's records as the core reads them, who a
 * sweep of a given day must delete, the register tab's protection, the sweep's continuation
 * triggers, and everything the world keeps (to prove deleted data is nowhere).
 */
import type { Emulator } from '../../src/emulator/app';
import { columnKeysFromHeader, REGISTER_TAB } from '../../src/core/schema';
import { rowToCustomer } from '../../src/core/customer';
import { retentionDueDate } from '../../src/core/retention';

const TAB = 'Rekisteri';
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;
export const values = (em: Emulator) => em.world.spreadsheet.snapshot(TAB)!.values as unknown[][];

/** The register's records as the sheet holds them, by the core's reading. */
export function records(em: Emulator) {
  const [header, ...rows] = values(em);
  const keys = columnKeysFromHeader(REGISTER_TAB, header);
  // A snapshot holds a date cell as its ISO instant: read it back as the Date the sheet holds.
  const asCells = (r: unknown[]) => r.map((v) => (typeof v === 'string' && ISO_INSTANT.test(v) ? new Date(v) : v));
  return rows.filter((r) => r.some((v) => v !== '')).map((r) => ({ row: r.map(String).join('|'), c: rowToCustomer(keys, asCells(r), 'Europe/Helsinki') }));
}

/** Who the sweep of `day` must delete: ended more than 24 months before, no hold through that day. */
export function expectedDeletions(em: Emulator, day: string): string[] {
  return records(em)
    .filter(({ c }) => c.relationshipEnd && retentionDueDate(c.relationshipEnd, 24) <= day && !(c.legalHoldUntil && c.legalHoldUntil >= day) && !c.restrictedAt)
    .map(({ c }) => c.customerNumber);
}

export const registerProtection = (em: Emulator) => em.world.spreadsheet.snapshot(TAB)!.protections.find((p) => p.range === null)!;
export const sweepTriggers = (em: Emulator) => em.world.triggers.filter((t) => t.handlerFunction === 'runRetentionSweep');
export const dayOf = (ms: number) => new Date(ms + 2 * 3_600_000).toISOString().slice(0, 10);

/** Everything the world keeps: every tab, every property, the cache and the mailbox. */
export const everything = (em: Emulator) => JSON.stringify([em.world.spreadsheet.toJSON(), em.world.properties, em.world.cache, em.world.mail.toJSON()]);

