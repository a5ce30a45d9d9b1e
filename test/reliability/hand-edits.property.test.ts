/**
 * Property: whatever key personnel do by hand between sidebar saves — paste copies of real rows
 * (whole, or the visible columns only), sort a block of columns, insert or delete rows, insert a
 * column, type a formula, clear a ban — after the next repair the promises hold: customer numbers
 * unique and never reused, no ban lifted, no formula anywhere in the register tab, every audit
 * entry present, the chain valid, and every person's name, email and phone still with their
 * customer number (in reads and in their row) unless an edit event changed them. Sorts cover
 * random column ranges (one column, a partial block, from any column, identity columns together),
 * rows inserted inside the audit log, with and without the on-change trigger's run. Small runs (fast-check),
 * so the suite stays around 20 s.
 */
import * as path from 'node:path';
import fc from 'fast-check';
import { Emulator } from '../../src/emulator/app';
import { openDemo } from '../../src/demo/seed';
import { OWNER, STAFF } from '../../src/emulator/accounts';
import { verifyChain } from '../../src/core/audit';
import { sha256Hex } from '../../src/core/sha256';
import { auditEntries } from '../support/register';

const dist = path.resolve(__dirname, '../../dist');
const TAB = 'Rekisteri';
const SEED = 24;

const values = (em: Emulator) => em.world.spreadsheet.snapshot(TAB)!.values as unknown[][];
const header = (em: Emulator) => values(em)[0] as string[];
const col = (em: Emulator, title: string) => header(em).indexOf(title) + 1;
const text = (v: unknown) => (v === null || v === undefined ? '' : String(v));

type Op =
  | { op: 'paste'; from: number; to: number; visibleOnly: boolean }
  | { op: 'sort'; from: number; width: number; column: number; ascending: boolean }
  | { op: 'insertRows' | 'deleteRows'; at: number; count: number }
  | { op: 'insertColumn'; at: number }
  | { op: 'logRows'; at: number; count: number }
  | { op: 'formula'; row: number; column: number }
  | { op: 'clearBan'; pick: number }
  | { op: 'save'; pick: number; city: string }
  | { op: 'ban'; pick: number }
  | { op: 'create'; n: number };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ op: fc.constant('paste' as const), from: fc.nat(40), to: fc.nat(45), visibleOnly: fc.boolean() }),
  fc.record({ op: fc.constant('sort' as const), from: fc.integer({ min: 1, max: 26 }), width: fc.integer({ min: 1, max: 26 }), column: fc.nat(25), ascending: fc.boolean() }),
  fc.record({ op: fc.constantFrom('insertRows' as const, 'deleteRows' as const), at: fc.nat(40), count: fc.integer({ min: 1, max: 2 }) }),
  fc.record({ op: fc.constant('insertColumn' as const), at: fc.integer({ min: 2, max: 27 }) }),
  // Rows inserted by hand inside the audit log: the next append must not write over what they shifted.
  fc.record({ op: fc.constant('logRows' as const), at: fc.nat(30), count: fc.integer({ min: 1, max: 3 }) }),
  fc.record({ op: fc.constant('formula' as const), row: fc.nat(40), column: fc.integer({ min: 1, max: 26 }) }),
  fc.record({ op: fc.constant('clearBan' as const), pick: fc.nat() }),
  fc.record({ op: fc.constant('save' as const), pick: fc.nat(), city: fc.constantFrom('Oulu', 'Kemi', 'Vaasa') }),
  fc.record({ op: fc.constant('ban' as const), pick: fc.nat() }),
  fc.record({ op: fc.constant('create' as const), n: fc.nat(1000) }),
);

type Identity = { name: string; email: string; phone: string };
const IDENTITY: Record<string, keyof Identity> = { Nimi: 'name', Sähköposti: 'email', Matkapuhelin: 'phone' };

/** Each row's identity by customer number, as the rows hold it (all proven right after seeding). */
function identities(em: Emulator): Map<string, Identity> {
  const out = new Map<string, Identity>();
  for (const r of values(em).slice(1)) out.set(text(r[col(em, 'Asiakasnumero') - 1]), { name: text(r[col(em, 'Nimi') - 1]), email: text(r[col(em, 'Sähköposti') - 1]), phone: text(r[col(em, 'Matkapuhelin') - 1]) });
  return out;
}

function apply(em: Emulator, op: Op, banned: Map<string, string>, issued: string[], who: Map<string, Identity>): void {
  const rows = values(em).length;
  const numbers = values(em).slice(1).map((r) => text(r[col(em, 'Asiakasnumero') - 1])).filter((v) => /^\d+$/.test(v));
  const pick = (n: number) => numbers[n % Math.max(1, numbers.length)];
  switch (op.op) {
    case 'paste': {
      const from = 2 + (op.from % (rows - 1));
      let row = values(em)[from - 1].map(text);
      if (op.visibleOnly) row = row.slice(0, col(em, 'Hakuavain') - 1);
      const to = 2 + (op.to % rows);
      // A row pasted over itself is an edit event over its own cells: whatever it holds is taken as typed.
      if (to === from) return;
      em.pasteCells(STAFF, TAB, to, 1, [row]);
      return;
    }
    case 'sort': {
      // Any block of columns: one column, a partial block, from any column (not only from A).
      const width = 1 + ((op.width - 1) % (27 - op.from));
      const [first, last] = [String.fromCharCode(64 + op.from), String.fromCharCode(63 + op.from + width)];
      em.sheetAction(STAFF, TAB, { action: 'sort', range: `${first}2:${last}${rows}`, column: op.from + (op.column % width), ascending: op.ascending });
      return;
    }
    case 'insertRows':
    case 'deleteRows':
      em.sheetAction(STAFF, TAB, { action: op.op, start: 2 + (op.at % (rows - 1)), count: op.count });
      return;
    case 'insertColumn':
      em.sheetAction(STAFF, TAB, { action: 'insertColumns', start: op.at, count: 1 });
      return;
    case 'logRows': {
      const log = em.world.spreadsheet.snapshot('Lokitiedot')!.values.length;
      em.sheetAction(OWNER, 'Lokitiedot', { action: 'insertRows', start: 2 + (op.at % Math.max(1, log - 1)), count: op.count });
      return;
    }
    case 'formula': {
      const row = 2 + (op.row % (rows - 1));
      const number = text(values(em)[row - 1][col(em, 'Asiakasnumero') - 1]);
      const field = IDENTITY[text(values(em)[0][op.column - 1])];
      em.editCell(STAFF, TAB, row, op.column, '=1+1');
      // Typed with an edit event: a valid value in that one field may be taken (only that field).
      const got = field && who.has(number) ? em.callFromClient('getCustomer', [{ customerNumber: number }], STAFF) : null;
      if (got?.ok) who.set(number, { ...who.get(number)!, [field]: (got.result as { customer: Identity }).customer[field] });
      return;
    }
    case 'clearBan': {
      const target = [...banned.keys()][op.pick % Math.max(1, banned.size)];
      const at = values(em).findIndex((r) => r[0] === target);
      if (target && at > 0) em.editCell(STAFF, TAB, at + 1, col(em, 'Markkinointikielto'), '');
      return;
    }
    case 'save': {
      const number = pick(op.pick);
      const got = em.callFromClient('getCustomer', [{ customerNumber: number }], STAFF);
      if (!got.ok) return;
      const { version } = (got.result as { customer: { version: number } }).customer;
      em.callFromClient('saveCustomer', [{ customer: { customerNumber: number, city: op.city }, expectedVersion: version }], STAFF);
      return;
    }
    case 'ban': {
      const number = pick(op.pick);
      const done = em.callFromClient('banMarketing', [{ customerNumber: number }], STAFF);
      if (done.ok) banned.set(number, (done.result as { customer: { marketingBannedAt: string } }).customer.marketingBannedAt);
      return;
    }
    case 'create': {
      const done = em.callFromClient('saveCustomer', [{ customer: { name: `Uusi Henkilö ${op.n}`, email: `uusi.${op.n}.${issued.length}@example.fi` } }], STAFF);
      if (done.ok && !(done.result as { duplicate?: boolean }).duplicate) {
        const c = (done.result as { customer: Identity & { customerNumber: string } }).customer;
        issued.push(c.customerNumber);
        who.set(c.customerNumber, { name: c.name, email: c.email, phone: c.phone });
      }
    }
  }
}

test('after any mix of pastes, sorts, inserted or deleted rows and columns and sidebar saves, the repair restores every promise', () => {
  fc.assert(
    fc.property(fc.array(opArb, { minLength: 3, maxLength: 7 }), fc.boolean(), (ops, changeRuns) => {
      const em = openDemo({ distDir: dist, stateFile: null, fresh: true }, SEED);
      // With the on-change trigger a sort or a deleted row is repaired at once; without it (its
      // run failed or comes late) the next save, edit or repair must put it right.
      if (!changeRuns) em.world.triggers = em.world.triggers.filter((t) => t.handlerFunction !== 'onRegisterChange');
      const hashes = () => auditEntries(em).map((e) => e.hash);
      const banned = new Map<string, string>();
      const issued: string[] = [];
      const who = identities(em);
      let logged = hashes();
      for (const op of ops) {
        apply(em, op, banned, issued, who);
        // Every audit entry stays, in order: the log only grows.
        const now = hashes();
        expect(now.slice(0, logged.length)).toEqual(logged);
        logged = now;
      }
      const repaired = em.callFromClient('repair', [], OWNER);
      expect(repaired.ok).toBe(true);
      const rows = values(em).slice(1);
      const numberCol = col(em, 'Asiakasnumero') - 1;
      const numbers = rows.map((r) => text(r[numberCol])).filter((v) => v !== '');
      // Unique, and never reused: each create got a number no one had.
      expect(new Set(numbers).size).toBe(numbers.length);
      expect(new Set(issued).size).toBe(issued.length);
      for (const n of issued) expect(Number(n)).toBeGreaterThan(100000 + SEED);
      // Every person the software holds has exactly one row.
      for (let n = 100001; n <= 100000 + SEED; n++) expect(numbers).toContain(String(n));
      // No ban lifted, in the cell or in any read.
      const banCol = col(em, 'Markkinointikielto') - 1;
      for (const [number, at] of banned) {
        const row = rows.find((r) => r[numberCol] === number)!;
        expect(text(row[banCol])).toBe(at);
        const got = em.callFromClient('getCustomer', [{ customerNumber: number }], STAFF);
        expect((got.result as { customer: { marketingBannedAt: string } }).customer.marketingBannedAt).toBe(at);
      }
      // Name, email and phone stay with their number, in reads and in the row (no sidebar save here changes them).
      const [nameCol, emailCol, phoneCol] = ['Nimi', 'Sähköposti', 'Matkapuhelin'].map((t) => col(em, t) - 1);
      for (const [number, id] of who) {
        const got = em.callFromClient('getCustomer', [{ customerNumber: number }], STAFF);
        expect(got.error?.message ?? '').toBe('');
        const c = (got.result as { customer: Identity }).customer;
        expect({ number, name: c.name, email: c.email, phone: c.phone }).toEqual({ number, ...id });
        const row = rows.find((r) => r[numberCol] === number)!;
        // The register's literal-text escape in a cell (gas/cells.ts) is not part of the value.
        const cell = (v: unknown) => text(v).replace(/^'(?=[='])/, '');
        expect({ number, name: cell(row[nameCol]), email: cell(row[emailCol]), phone: cell(row[phoneCol]) }).toEqual({ number, ...id });
      }
      // Sorts of any columns (identity columns together too) are provably permutations: no row quarantined.
      if (ops.every((o) => ['sort', 'save', 'ban', 'logRows', 'create'].includes(o.op))) {
        expect((em.callFromClient('listQuarantine', [], OWNER).result as { rows: unknown[] }).rows).toEqual([]);
      }
      // No formula anywhere in the register tab.
      expect(em.world.spreadsheet.snapshot(TAB)!.formulas.flat().filter((f) => f !== '')).toEqual([]);
      // The chain is whole and valid.
      const entries = auditEntries(em);
      expect(entries.map((e) => e.hash).slice(0, logged.length)).toEqual(logged);
      expect(verifyChain(entries, sha256Hex)).toEqual({ ok: true });
    }),
    {
      numRuns: Number(process.env.PROP_RUNS ?? 10), ...(process.env.PROP_RUNS ? {} : { seed: 7 }),
      // The review's cases, always run: one column sorted (email), a partial block from column C, then saves.
      examples: [
        [[{ op: 'sort', from: 5, width: 1, column: 0, ascending: false }, { op: 'save', pick: 3, city: 'Oulu' }, { op: 'insertColumn', at: 3 }], false],
        [[{ op: 'sort', from: 3, width: 7, column: 1, ascending: true }, { op: 'formula', row: 4, column: 9 }, { op: 'save', pick: 5, city: 'Kemi' }], true],
        // Identity columns sorted together, not from A (D:E, D:F): put back from the store, nobody quarantined.
        [[{ op: 'sort', from: 4, width: 2, column: 1, ascending: false }, { op: 'save', pick: 2, city: 'Vaasa' }, { op: 'logRows', at: 3, count: 2 }], false],
        [[{ op: 'logRows', at: 1, count: 3 }, { op: 'sort', from: 4, width: 3, column: 0, ascending: true }, { op: 'ban', pick: 4 }], true],
      ],
    },
  );
});
