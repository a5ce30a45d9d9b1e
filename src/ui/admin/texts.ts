/** The admin dialog's text lookup in the dialog's language (core/texts/admin.ts), as a hook. */
import { useContext } from 'preact/hooks';
import type { Language } from '../../core/schema';
import { adminText, type AdminUiKey } from '../../core/texts/admin';
import { LanguageContext } from '../shared/i18n';

export type Say = (key: AdminUiKey, params?: Record<string, string | number>) => string;

export function useA(): { language: Language; a: Say } {
  const language = useContext(LanguageContext);
  return { language, a: (key, params) => adminText(language, key, params) };
}
