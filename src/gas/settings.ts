/** Where the settings live in document properties (DESIGN §3); gas/state.ts reads them with the rest. */
import type { Settings } from '../core/settings';
import type { Language } from '../core/schema';

export const SETTINGS_KEY = 'rekisteri.settings';

/** The UI language: the settings' language, Finnish before set-up. */
export function languageOf(settings: Settings | null): Language {
  return settings?.language ?? 'fi';
}
