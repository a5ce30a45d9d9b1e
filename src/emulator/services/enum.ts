/**
 * Apps Script enums as Apps Script hands them out: objects, not strings. Each value has `name()`,
 * `toString()` and `toJSON()` giving its name, `ordinal()` and `compareTo()`, and carries its
 * family's other values as properties (`ScriptApp.EventType.CLOCK.ON_EDIT` is `ON_EDIT`). One
 * instance per name within an execution, so `e === ScriptApp.EventType.CLOCK` works and
 * `e === 'CLOCK'` is false, as on Google; `String(e) === 'CLOCK'` and `e == 'CLOCK'` hold, and a
 * method that takes an enum refuses the bare string (APPS-SCRIPT.md, "Learned from the fidelity
 * audit"). Shape after the gas-fakes author's study of Apps Script enums (community source:
 * https://github.com/brucemcpherson/fakegasenum, README "Enums in Apps Script").
 * Every service builds its enums here (`enumFamily`), and every argument check names the type
 * Apps Script prints through `signatureMismatch`.
 */
import type { Execution } from '../execution';
import { isDate } from '../guest';

/** One enum value. Its family ("DriveApp.Access"), name and ordinal are private: the script sees the methods and the sibling names only. */
export class EnumValue<K extends string = string> {
  readonly #family: string;
  readonly #key: K;
  readonly #index: number;

  constructor(family: string, key: K, index: number) {
    this.#family = family;
    this.#key = key;
    this.#index = index;
  }

  name(): K {
    return this.#key;
  }

  toString(): K {
    return this.#key;
  }

  toJSON(): K {
    return this.#key;
  }

  ordinal(): number {
    return this.#index;
  }

  compareTo(other: unknown): number {
    return other instanceof EnumValue ? this.#index - other.#index : this.#index;
  }

  /** The family `value` belongs to, or null for anything that is not an enum value. */
  static familyOf(value: unknown): string | null {
    return value instanceof EnumValue ? value.#family : null;
  }
}

export type EnumFamily<K extends string = string> = Readonly<Record<K, EnumValue<K>>>;

const families = new WeakMap<Execution, Map<string, EnumFamily>>();

/**
 * The enum `family` ("ScriptApp.EventType") with `names`, created once per execution so every
 * service of that execution hands out the same instances.
 */
export function enumFamily<K extends string>(exec: Execution, family: string, names: readonly K[]): EnumFamily<K> {
  let mine = families.get(exec);
  if (!mine) families.set(exec, (mine = new Map()));
  const known = mine.get(family);
  if (known) return known as EnumFamily<K>;
  const values = names.map((n, i) => new EnumValue(family, n, i));
  const out = {} as Record<K, EnumValue<K>>;
  for (const v of values) out[v.name()] = v;
  // Each value carries its siblings (for-in over a value lists the family's names, as on Google).
  for (const v of values) {
    for (const w of values) (v as unknown as Record<string, EnumValue<K>>)[w.name()] = w;
    Object.freeze(v);
  }
  const frozen = Object.freeze(out);
  mine.set(family, frozen);
  return frozen;
}

/** The name of `value` if it is a value of `family` (of any execution), else null: a bare string is not. */
export function enumName<K extends string = string>(value: unknown, family: string): K | null {
  return EnumValue.familyOf(value) === family ? ((value as EnumValue<K>).name()) : null;
}

/**
 * The type name Apps Script prints for an argument in a signature mismatch message. An array
 * prints as its elements' type: `setValues([1, 2, 3])` fails with "The parameters (number[]) don't
 * match the method signature for SpreadsheetApp.Range.setValues." (the error quoted in Stack
 * Overflow question 63720612); a mixed or empty array as Object[] (unconfirmed).
 */
function typeName(v: unknown): string {
  if (v === null || v === undefined) return 'null';
  const family = EnumValue.familyOf(v);
  if (family !== null) return family;
  if (Array.isArray(v)) {
    const types = new Set(v.map(typeName));
    return types.size === 1 ? `${[...types][0]}[]` : 'Object[]';
  }
  if (typeof v === 'string') return 'String';
  if (typeof v === 'boolean') return 'Boolean';
  if (typeof v === 'number') return 'number';
  if (isDate(v)) return 'Date';
  return 'object';
}

/** Apps Script's error for arguments of the wrong type: "The parameters (String) don't match …". */
export function signatureMismatch(exec: Execution, method: string, args: readonly unknown[]): Error {
  return exec.guest.error(`The parameters (${args.map(typeName).join(',')}) don't match the method signature for ${method}.`);
}
