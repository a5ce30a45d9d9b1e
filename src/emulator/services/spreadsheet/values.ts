/**
 * What a cell holds. Dates are host-realm `Date` objects that never leave the model (reads copy
 * them into the script's realm, JSON stores epoch milliseconds); "" is an empty cell.
 */
export type CellValue = string | number | boolean | Date;

/** JSON form of a cell value: dates as `{ "d": epochMs }`. */
export type CellJSON = string | number | boolean | { d: number };

export function cellToJSON(v: CellValue | undefined): CellJSON {
  if (v === undefined) return '';
  if (v instanceof Date) return { d: v.getTime() };
  return v;
}

export function cellFromJSON(v: unknown): CellValue {
  if (typeof v === 'string' || typeof v === 'boolean') return v;
  if (typeof v === 'number') return Number.isFinite(v) ? v : '';
  if (v && typeof v === 'object' && typeof (v as { d?: unknown }).d === 'number') return new Date((v as { d: number }).d);
  return '';
}

/** A JSON-safe rendering for the HTTP API: dates as ISO strings. */
export function cellToPlain(v: CellValue | undefined): string | number | boolean {
  if (v === undefined) return '';
  if (v instanceof Date) return v.toISOString();
  return v;
}
