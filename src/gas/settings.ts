/** Settings and small counters live in document properties (DESIGN §3). One read gets them all. */
import { completeSettings, Settings } from '../core/settings';
import type { Language } from '../core/schema';

export const SETTINGS_KEY = 'rekisteri.settings';

/**
 * The stored settings completed with defaults, or null when set-up has not run. A failing
 * service throws: an outage must read as "try again", never as "you have no access".
 */
export function readSettings(properties: GoogleAppsScript.Properties.PropertiesService): Settings | null {
  const store = properties.getDocumentProperties();
  const raw = store ? store.getProperty(SETTINGS_KEY) : null;
  if (!raw) return null;
  try {
    return completeSettings(JSON.parse(raw));
  } catch {
    // A hand-edited, unreadable value: the defaults keep nobody in, set-up repairs it.
    return completeSettings(null);
  }
}

/** The UI language: the settings' language, Finnish before set-up. */
export function languageOf(settings: Settings | null): Language {
  return settings?.language ?? 'fi';
}
