/** Settings and small counters live in document properties (DESIGN §3). One read gets them all. */
import { completeSettings, Settings } from '../core/settings';
import type { Language } from '../core/schema';

export const SETTINGS_KEY = 'rekisteri.settings';

/**
 * The stored settings completed with defaults, or null when set-up has not run. A store out of
 * reach (a simple trigger without authorisation) reads as not set up.
 */
export function readSettings(properties: GoogleAppsScript.Properties.PropertiesService): Settings | null {
  try {
    const store = properties.getDocumentProperties();
    const raw = store ? store.getProperty(SETTINGS_KEY) : null;
    return raw ? completeSettings(JSON.parse(raw)) : null;
  } catch {
    return null;
  }
}

/** The UI language: the settings' language, Finnish before set-up. */
export function languageOf(settings: Settings | null): Language {
  return settings?.language ?? 'fi';
}

export function writeSettings(properties: GoogleAppsScript.Properties.PropertiesService, settings: Settings): void {
  properties.getDocumentProperties()!.setProperty(SETTINGS_KEY, JSON.stringify(settings));
}
