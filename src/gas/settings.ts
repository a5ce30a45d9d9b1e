/** Settings live in document properties as JSON (DESIGN §3). */
import type { Language } from '../core/schema';

const KEY = 'rekisteri.settings';

export interface StoredSettings {
  language?: Language;
}

/** The stored settings, or {} when none (or the store is out of reach, as in a simple trigger). */
export function readSettings(properties: GoogleAppsScript.Properties.PropertiesService): StoredSettings {
  try {
    const store = properties.getDocumentProperties();
    const raw = store ? store.getProperty(KEY) : null;
    return raw ? (JSON.parse(raw) as StoredSettings) : {};
  } catch {
    return {};
  }
}

export function languageOf(settings: StoredSettings): Language {
  return settings.language === 'sv' || settings.language === 'en' ? settings.language : 'fi';
}
