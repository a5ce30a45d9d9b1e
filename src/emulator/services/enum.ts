/**
 * Apps Script enums as Apps Script hands them out: objects, not strings. Each value has `name()`,
 * `toString()` and `toJSON()` giving its name, `ordinal()` and `compareTo()`, and carries its
 * family's other values as properties (`ScriptApp.EventType.CLOCK.ON_EDIT` is `ON_EDIT`). One
 * instance per name within an execution, so `e === ScriptApp.EventType.CLOCK` works and
 * `e === 'CLOCK'` is false, as on Google; `String(e) === 'CLOCK'` and `e == 'CLOCK'` hold.
 * Shape after the gas-fakes author's study of Apps Script enums (community source:
 * https://github.com/brucemcpherson/fakegasenum, README "Enums in Apps Script").
 */
import type { Execution } from '../execution';

/** One enum value. `family` names its enum ("DriveApp.Access"), for argument checks. */
export class EnumValue {
  constructor(
    readonly family: string,
    private readonly key: string,
    private readonly index: number,
  ) {
    // Not enumerable, so a script's for-in over the value sees only the sibling names.
    Object.defineProperty(this, 'family', { enumerable: false });
    Object.defineProperty(this, 'key', { enumerable: false });
    Object.defineProperty(this, 'index', { enumerable: false });
  }

  name(): string {
    return this.key;
  }

  toString(): string {
    return this.key;
  }

  toJSON(): string {
    return this.key;
  }

  ordinal(): number {
    return this.index;
  }

  compareTo(other: unknown): number {
    return other instanceof EnumValue ? this.index - other.index : this.index;
  }
}

export type EnumFamily = Readonly<Record<string, EnumValue>>;

const families = new WeakMap<Execution, Map<string, EnumFamily>>();

/**
 * The enum `family` ("ScriptApp.EventType") with `names`, created once per execution so every
 * service of that execution hands out the same instances.
 */
export function enumFamily(exec: Execution, family: string, names: readonly string[]): EnumFamily {
  let mine = families.get(exec);
  if (!mine) families.set(exec, (mine = new Map()));
  const known = mine.get(family);
  if (known) return known;
  const values = names.map((n, i) => new EnumValue(family, n, i));
  const out: Record<string, EnumValue> = {};
  for (const v of values) out[v.name()] = v;
  for (const v of values) for (const w of values) (v as unknown as Record<string, EnumValue>)[w.name()] = w;
  const frozen = Object.freeze(out);
  mine.set(family, frozen);
  return frozen;
}

/** The name of `value` if it is a value of `family` (of any execution), else null. */
export function enumName(value: unknown, family: string): string | null {
  return value instanceof EnumValue && value.family === family ? value.name() : null;
}

/** The type name Apps Script prints for an argument in a signature mismatch message. */
function typeName(v: unknown): string {
  if (v === null || v === undefined) return 'null';
  if (v instanceof EnumValue) return v.family;
  if (Array.isArray(v)) return 'object';
  if (typeof v === 'string') return 'String';
  if (typeof v === 'boolean') return 'Boolean';
  if (typeof v === 'number') return 'number';
  if (Object.prototype.toString.call(v) === '[object Date]') return 'Date';
  return 'object';
}

/** Apps Script's error for arguments of the wrong type: "The parameters (String) don't match …". */
export function signatureMismatch(exec: Execution, method: string, args: readonly unknown[]): Error {
  return exec.guest.error(`The parameters (${args.map(typeName).join(',')}) don't match the method signature for ${method}.`);
}
