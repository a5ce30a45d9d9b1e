/**
 * The rules of `google.script.run`'s wire, shared by the browser shim and the runtime.
 * Arguments: primitives, arrays and plain objects of them, and a `form` element; a Date, a
 * function or a DOM node anywhere makes the call fail before it is sent. Results: the same
 * types; a result that holds a Date (or another illegal value) reaches the client as `null`.
 * `undefined` array slots arrive as `null`; objects are copies.
 */

export class WireError extends Error {}

function kindOf(v: unknown): string {
  return Object.prototype.toString.call(v).slice(8, -1);
}

/**
 * Copies a call's arguments as the client serialises them, or throws WireError naming the
 * offending value (the real client fails the call with "Failed due to illegal value in property").
 */
export function encodeArgument(value: unknown, path = 'argument'): unknown {
  if (value === undefined || value === null) return value === null ? null : undefined;
  const t = typeof value;
  if (t === 'string' || t === 'boolean') return value;
  if (t === 'number') return Number.isFinite(value as number) ? value : null;
  if (t === 'function') throw new WireError(`Failed due to illegal value in property: ${path}`);
  if (t === 'bigint' || t === 'symbol') throw new WireError(`Failed due to illegal value in property: ${path}`);
  if (Array.isArray(value)) {
    const out: unknown[] = [];
    for (let i = 0; i < value.length; i++) {
      const v = encodeArgument(value[i], `${path}[${i}]`);
      out.push(v === undefined ? null : v);
    }
    return out;
  }
  const kind = kindOf(value);
  if (kind === 'Date' || kind === 'RegExp' || kind === 'Map' || kind === 'Set') {
    throw new WireError(`Failed due to illegal value in property: ${path}`);
  }
  // Plain objects and class instances alike travel as their own enumerable properties.
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    const enc = encodeArgument(v, k);
    if (enc !== undefined) out[k] = enc;
  }
  return out;
}

/** True when a server result holds a value the wire cannot carry (Date, function, …). */
function hasIllegal(value: unknown, seen: Set<unknown>): boolean {
  if (value === null || value === undefined) return false;
  const t = typeof value;
  if (t === 'function' || t === 'symbol' || t === 'bigint') return true;
  if (t !== 'object') return false;
  if (seen.has(value)) return true; // cycles cannot be serialised either
  seen.add(value);
  const kind = kindOf(value);
  if (kind !== 'Object' && kind !== 'Array') return true;
  for (const v of Object.values(value as Record<string, unknown>)) if (hasIllegal(v, seen)) return true;
  seen.delete(value);
  return false;
}

/**
 * What the client's success handler receives for a server function's return value: a JSON copy,
 * or `null` when the value holds anything the wire cannot carry (the well-known Date pitfall).
 */
export function decodeResult(value: unknown): { value: unknown; droppedBecause?: string } {
  if (value === undefined) return { value: null };
  if (hasIllegal(value, new Set())) {
    return { value: null, droppedBecause: 'the result holds a Date, function or other non-JSON value' };
  }
  return { value: JSON.parse(JSON.stringify(value)) };
}
