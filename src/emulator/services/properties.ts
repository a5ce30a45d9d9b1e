/**
 * PropertiesService over world.properties: script, document (null outside a container) and
 * per-user stores, with Apps Script's size limits (9 KB a value, 500 KB a store).
 */
import type { Execution } from '../execution';
import { isPlainObject } from '../guest';
import type { PropertyStore } from '../world';

type P = GoogleAppsScript.Properties.Properties;

/** Largest value, in UTF-8 bytes. */
export const MAX_VALUE_BYTES = 9 * 1024;
/** Largest store: keys and values, in UTF-8 bytes. */
export const MAX_STORE_BYTES = 500 * 1024;

const bytes = (s: string) => Buffer.byteLength(s, 'utf8');

function storeBytes(store: PropertyStore): number {
  let n = 0;
  for (const [k, v] of Object.entries(store)) n += bytes(k) + bytes(v);
  return n;
}

class PropertiesImpl
  implements Pick<P, 'getProperty' | 'setProperty' | 'setProperties' | 'getProperties' | 'getKeys' | 'deleteProperty' | 'deleteAllProperties'>
{
  constructor(
    private readonly exec: Execution,
    private readonly store: () => PropertyStore,
    private readonly replace: (next: PropertyStore) => void,
  ) {}

  private call(method: string): void {
    this.exec.call('Properties', `Properties.${method}`);
  }

  private key(key: unknown): string {
    if (key === null || key === undefined || String(key) === '') throw this.exec.guest.error('Invalid argument: key');
    return String(key);
  }

  /** Checks a store that is about to be written; throws without writing when it breaks a limit. */
  private check(next: PropertyStore): void {
    for (const v of Object.values(next)) {
      if (bytes(v) > MAX_VALUE_BYTES) throw this.exec.guest.error('Argument too large: value');
    }
    if (storeBytes(next) > MAX_STORE_BYTES) {
      throw this.exec.guest.error('You have exceeded the property storage quota. Please remove some properties and try again.');
    }
  }

  getProperty(key: string): string | null {
    this.call('getProperty');
    const store = this.store();
    const k = this.key(key);
    return Object.prototype.hasOwnProperty.call(store, k) ? store[k] : null;
  }

  setProperty(key: string, value: string): P {
    this.call('setProperty');
    const k = this.key(key);
    if (value === null || value === undefined) throw this.exec.guest.error('Invalid argument: value');
    const next = { ...this.store(), [k]: String(value) };
    this.check(next);
    this.replace(next);
    return this as unknown as P;
  }

  setProperties(properties: { [key: string]: string }, deleteAllOthers?: boolean): P {
    this.call('setProperties');
    if (!isPlainObject(properties)) throw this.exec.guest.error('Invalid argument: properties');
    const next: PropertyStore = deleteAllOthers ? {} : { ...this.store() };
    for (const [k, v] of Object.entries(properties)) {
      if (v === null || v === undefined) throw this.exec.guest.error('Invalid argument: value');
      next[this.key(k)] = String(v);
    }
    this.check(next);
    this.replace(next);
    return this as unknown as P;
  }

  getProperties(): { [key: string]: string } {
    this.call('getProperties');
    return this.exec.guest.deep({ ...this.store() }) as { [key: string]: string };
  }

  getKeys(): string[] {
    this.call('getKeys');
    return this.exec.guest.array(Object.keys(this.store()));
  }

  deleteProperty(key: string): P {
    this.call('deleteProperty');
    const next = { ...this.store() };
    delete next[this.key(key)];
    this.replace(next);
    return this as unknown as P;
  }

  deleteAllProperties(): P {
    this.call('deleteAllProperties');
    this.replace({});
    return this as unknown as P;
  }
}

class PropertiesServiceImpl implements Pick<GoogleAppsScript.Properties.PropertiesService, 'getScriptProperties' | 'getDocumentProperties' | 'getUserProperties'> {
  constructor(private readonly exec: Execution) {}

  getScriptProperties(): P {
    this.exec.call('Free', 'PropertiesService.getScriptProperties');
    const props = this.exec.world.properties;
    return new PropertiesImpl(this.exec, () => props.script, (next) => (props.script = next)) as unknown as P;
  }

  getDocumentProperties(): P {
    this.exec.call('Free', 'PropertiesService.getDocumentProperties');
    if (!this.exec.container) return null as unknown as P;
    const props = this.exec.world.properties;
    return new PropertiesImpl(this.exec, () => props.document, (next) => (props.document = next)) as unknown as P;
  }

  getUserProperties(): P {
    this.exec.call('Free', 'PropertiesService.getUserProperties');
    this.exec.requireFullAuth('PropertiesService.getUserProperties');
    const user = this.exec.options.effectiveUser;
    const props = this.exec.world.properties;
    return new PropertiesImpl(this.exec, () => props.user[user] ?? {}, (next) => (props.user[user] = next)) as unknown as P;
  }
}

export function createPropertiesService(exec: Execution): object {
  return new PropertiesServiceImpl(exec);
}
