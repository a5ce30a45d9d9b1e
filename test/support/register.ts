/**
 * Test support for the register's integration suites: the demo world from the built dist/, and
 * server calls as google.script.run makes them, so each suite states its rules, not its plumbing.
 */
import * as path from 'node:path';
import type { Emulator } from '../../src/emulator/app';
import { openDemo } from '../../src/demo/seed';
import { STAFF } from '../../src/emulator/accounts';
import type { AuditEntry } from '../../src/core/audit';
import { AUDIT_TAB, columnKeysFromHeader } from '../../src/core/schema';
import { entryFrom } from '../../src/gas/audit-log';

export const dist = path.resolve(__dirname, '../../dist');

/** A fresh demo world (200 customers unless told) from the built dist/, in memory only. */
export const demo = (customers?: number): Emulator => openDemo({ distDir: dist, stateFile: null, fresh: true }, customers);

/** A server function's result as the sidebar receives it; throws the user's message when refused. */
export function call<T = Record<string, unknown>>(em: Emulator, fn: string, arg: unknown, user = STAFF): T {
  const report = em.callFromClient(fn, arg === undefined ? [] : [arg], user);
  if (!report.ok) throw new Error(report.error!.message);
  return report.result as T;
}

/** The message of a call that must be refused. */
export function failure(em: Emulator, fn: string, arg: unknown, user = STAFF): string {
  const report = em.callFromClient(fn, arg === undefined ? [] : [arg], user);
  if (report.ok) throw new Error(`${fn} was expected to fail`);
  return report.error!.message;
}

/** Every formula left in `sheet` (every tab when left out), with its place. */
export function formulas(em: Emulator, sheet?: string): { sheet: string; row: number; column: number; formula: string }[] {
  const out: { sheet: string; row: number; column: number; formula: string }[] = [];
  for (const name of sheet ? [sheet] : em.world.spreadsheet.sheetNames()) {
    em.world.spreadsheet.snapshot(name)!.formulas.forEach((r, i) => r.forEach((f, j) => {
      if (f !== '') out.push({ sheet: name, row: i + 1, column: j + 1, formula: f });
    }));
  }
  return out;
}

/**
 * The audit log's entries as the demo's Finnish audit tab holds them, read as the register reads
 * them (gas/audit-log.ts `entryFrom`): actions and field names, written as words, back as codes.
 */
export function auditEntries(em: Emulator): AuditEntry[] {
  const [header, ...rows] = em.world.spreadsheet.snapshot('Lokitiedot')!.values as string[][];
  const keys = columnKeysFromHeader(AUDIT_TAB, header);
  return rows.filter((r) => r[0] !== '').map((r) => entryFrom(r, keys));
}

/** The chain up to the remembered head: entries past it are overwritten by the next append. */
export function chainToHead(em: Emulator): AuditEntry[] {
  const head = JSON.parse(em.world.properties.document['rekisteri.auditHead']) as { count: number };
  return auditEntries(em).slice(0, head.count);
}
