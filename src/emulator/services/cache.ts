/**
 * CacheService over world.cache: script, document (null outside a container) and per-user caches.
 * Entries expire on the emulated clock; keys, values and expiry have Apps Script's limits.
 */
import type { Execution } from '../execution';
import { isPlainObject } from '../guest';
import type { CacheEntry } from '../world';

type C = GoogleAppsScript.Cache.Cache;

export const MAX_KEY_LENGTH = 250;
export const MAX_VALUE_BYTES = 100 * 1024;
export const DEFAULT_EXPIRY_S = 600;
export const MAX_EXPIRY_S = 21_600;

class CacheImpl implements Pick<C, 'get' | 'getAll' | 'put' | 'putAll' | 'remove' | 'removeAll'> {
  constructor(
    private readonly exec: Execution,
    private readonly entries: () => Record<string, CacheEntry>,
  ) {}

  private call(method: string): void {
    this.exec.call('Cache', `Cache.${method}`);
  }

  private key(key: unknown): string {
    if (key === null || key === undefined) throw this.exec.guest.error('Invalid argument: key');
    const k = String(key);
    if (k.length > MAX_KEY_LENGTH) throw this.exec.guest.error('Argument too large: key');
    return k;
  }

  private value(value: unknown): string {
    if (value === null || value === undefined) throw this.exec.guest.error('Invalid argument: value');
    const v = String(value);
    if (Buffer.byteLength(v, 'utf8') > MAX_VALUE_BYTES) throw this.exec.guest.error('Argument too large: value');
    return v;
  }

  /** Seconds of life: default 10 minutes, at most 6 hours (longer is cut to 6 hours). */
  private expiry(seconds: unknown): number {
    if (seconds === undefined) return DEFAULT_EXPIRY_S;
    const s = Number(seconds);
    if (!Number.isFinite(s) || s < 1) throw this.exec.guest.error('Invalid argument: expirationInSeconds');
    return Math.min(Math.floor(s), MAX_EXPIRY_S);
  }

  private live(k: string): CacheEntry | undefined {
    const store = this.entries();
    const e = Object.prototype.hasOwnProperty.call(store, k) ? store[k] : undefined;
    if (e && e.expiresAt <= this.exec.now()) {
      delete store[k];
      return undefined;
    }
    return e;
  }

  get(key: string): string | null {
    this.call('get');
    return this.live(this.key(key))?.value ?? null;
  }

  getAll(keys: string[]): { [key: string]: string } {
    this.call('getAll');
    if (!Array.isArray(keys)) throw this.exec.guest.error('Invalid argument: keys');
    const out: Record<string, string> = {};
    for (const key of keys) {
      const k = this.key(key);
      const e = this.live(k);
      if (e) out[k] = e.value;
    }
    return this.exec.guest.deep(out) as { [key: string]: string };
  }

  put(key: string, value: string, expirationInSeconds?: number): void {
    this.call('put');
    const k = this.key(key);
    const v = this.value(value);
    const s = this.expiry(expirationInSeconds);
    this.entries()[k] = { value: v, expiresAt: this.exec.now() + s * 1000 };
  }

  putAll(values: { [key: string]: string }, expirationInSeconds?: number): void {
    this.call('putAll');
    if (!isPlainObject(values)) throw this.exec.guest.error('Invalid argument: values');
    const s = this.expiry(expirationInSeconds);
    const checked = Object.entries(values).map(([k, v]) => [this.key(k), this.value(v)] as const);
    const store = this.entries();
    for (const [k, v] of checked) store[k] = { value: v, expiresAt: this.exec.now() + s * 1000 };
  }

  remove(key: string): void {
    this.call('remove');
    delete this.entries()[this.key(key)];
  }

  removeAll(keys: string[]): void {
    this.call('removeAll');
    if (!Array.isArray(keys)) throw this.exec.guest.error('Invalid argument: keys');
    const store = this.entries();
    for (const key of keys) delete store[this.key(key)];
  }
}

class CacheServiceImpl implements Pick<GoogleAppsScript.Cache.CacheService, 'getScriptCache' | 'getDocumentCache' | 'getUserCache'> {
  constructor(private readonly exec: Execution) {}

  getScriptCache(): C {
    this.exec.call('Free', 'CacheService.getScriptCache');
    const cache = this.exec.world.cache;
    return new CacheImpl(this.exec, () => cache.script) as unknown as C;
  }

  getDocumentCache(): C | null {
    this.exec.call('Free', 'CacheService.getDocumentCache');
    if (!this.exec.container) return null;
    const cache = this.exec.world.cache;
    return new CacheImpl(this.exec, () => cache.document) as unknown as C;
  }

  getUserCache(): C {
    this.exec.call('Free', 'CacheService.getUserCache');
    const cache = this.exec.world.cache;
    const user = this.exec.options.effectiveUser;
    return new CacheImpl(this.exec, () => (cache.user[user] ??= {})) as unknown as C;
  }
}

export function createCacheService(exec: Execution): object {
  return new CacheServiceImpl(exec);
}
