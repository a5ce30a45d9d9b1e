/**
 * Values cross between the emulator (Node's realm) and the script (a vm context with its own
 * `Array`, `Date`, `Error`). Apps Script hands the script values of the script's own realm —
 * `getValues()[0] instanceof Array`, a cell date `instanceof Date` — so every value a service
 * returns is copied into the guest realm here, and every value the script passes in is read with
 * realm-independent checks.
 */
export interface GuestIntrinsics {
  Array: ArrayConstructor;
  Object: ObjectConstructor;
  Date: DateConstructor;
  Error: ErrorConstructor;
  TypeError: TypeErrorConstructor;
}

export class Guest {
  constructor(readonly intrinsics: GuestIntrinsics) {}

  /** A guest-realm Error (what a failing Apps Script service throws). */
  error(message: string): Error {
    return new this.intrinsics.Error(message);
  }

  typeError(message: string): TypeError {
    return new this.intrinsics.TypeError(message);
  }

  date(ms: number): Date {
    return new this.intrinsics.Date(ms);
  }

  /** A guest array holding `items` as they are (shallow). */
  array<T>(items: readonly T[]): T[] {
    const out = new this.intrinsics.Array<T>(items.length);
    for (let i = 0; i < items.length; i++) out[i] = items[i];
    return out;
  }

  /** A guest 2-D array of cell values, copying dates into the guest realm. */
  grid(rows: readonly (readonly unknown[])[]): unknown[][] {
    const out = new this.intrinsics.Array<unknown[]>(rows.length);
    for (let r = 0; r < rows.length; r++) {
      const row = rows[r];
      const copy = new this.intrinsics.Array<unknown>(row.length);
      for (let c = 0; c < row.length; c++) {
        const v = row[c];
        copy[c] = isDate(v) ? this.date(v.getTime()) : v;
      }
      out[r] = copy;
    }
    return out;
  }

  /** Deep copy of plain data (objects, arrays, dates, primitives) into the guest realm. */
  deep(value: unknown): unknown {
    if (value === null || typeof value !== 'object') return value;
    if (isDate(value)) return this.date(value.getTime());
    if (Array.isArray(value)) {
      const out = new this.intrinsics.Array<unknown>(value.length);
      for (let i = 0; i < value.length; i++) out[i] = this.deep(value[i]);
      return out;
    }
    const out = new this.intrinsics.Object() as Record<string, unknown>;
    for (const [k, v] of Object.entries(value)) out[k] = this.deep(v);
    return out;
  }
}

/** Realm-independent Date check. */
export function isDate(v: unknown): v is Date {
  return Object.prototype.toString.call(v) === '[object Date]';
}

/** Realm-independent plain-object check: `{}` or `Object.create(null)` of any realm. */
export function isPlainObject(v: unknown): v is Record<string, unknown> {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return false;
  if (Object.prototype.toString.call(v) !== '[object Object]') return false;
  const proto = Object.getPrototypeOf(v);
  return proto === null || Object.getPrototypeOf(proto) === null;
}
