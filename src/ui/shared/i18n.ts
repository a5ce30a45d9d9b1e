/**
 * The UI's language: texts, field labels (the register's own column headers), enumeration labels,
 * and dates and times as the locale writes them. Data stays 'YYYY-MM-DD' / ISO; only display changes.
 */
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import { text, textWith, type TextKey } from '../../core/texts';
import { REGISTER_TAB, type Language } from '../../core/schema';

export const LanguageContext = createContext<Language>('fi');

/** The register's time zone (from the settings, via getSidebarInfo); Helsinki until it is known. */
let registerTimeZone = 'Europe/Helsinki';

export function setRegisterTimeZone(timeZone: string): void {
  if (timeZone) registerTimeZone = timeZone;
}

export function localeOf(language: Language): string {
  return language === 'sv' ? 'sv-FI' : language === 'en' ? 'en-GB' : 'fi-FI';
}

export interface Translator {
  language: Language;
  t(key: TextKey): string;
  tw(key: TextKey, params: Record<string, string | number>): string;
}

/** Texts in the current UI language. */
export function useT(): Translator {
  const language = useContext(LanguageContext);
  return { language, t: (key) => text(language, key), tw: (key, params) => textWith(language, key, params) };
}

/** A register field's label: its column header in the register's language. */
export function fieldLabel(language: Language, key: string): string {
  return REGISTER_TAB.columns.find((c) => c.key === key)?.header[language] ?? key;
}

const ENUM_TEXT: Record<string, Record<string, TextKey>> = {
  kind: { customer: 'uiKindCustomer', stakeholder: 'uiKindStakeholder' },
  customerType: { person: 'uiTypePerson', business: 'uiTypeBusiness' },
  source: { subject: 'uiSourceSubject', public: 'uiSourcePublic' },
  marketingBasis: { consent: 'uiMarketingConsent', 'existing-customer': 'uiMarketingExisting', business: 'uiMarketingBusiness', none: 'uiMarketingNone' },
  basis: { consent: 'uiBasisConsent', authority: 'uiBasisAuthority' },
  role: { admin: 'uiRoleAdmin', staff: 'uiRoleStaff' },
};

/** The label of an enumeration value (the raw value when it is not one the UI knows). */
export function enumLabel(language: Language, field: string, value: string): string {
  const key = ENUM_TEXT[field]?.[value];
  return key ? text(language, key) : value;
}

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** 'YYYY-MM-DD' as the locale writes it (fi-FI 25.11.2026, en-GB 25/11/2026); other text as is. */
export function formatDate(language: Language, value: string): string {
  const m = DAY.exec(value);
  if (!m) return value;
  const utc = Date.UTC(+m[1], +m[2] - 1, +m[3]);
  return new Intl.DateTimeFormat(localeOf(language), { day: 'numeric', month: 'numeric', year: 'numeric', timeZone: 'UTC' }).format(utc);
}

/** An ISO instant as the locale writes date and time in the register's time zone; a bare day as a date. */
export function formatInstant(language: Language, value: string): string {
  if (DAY.test(value)) return formatDate(language, value);
  const t = Date.parse(value);
  if (!value || Number.isNaN(t)) return value;
  return new Intl.DateTimeFormat(localeOf(language), { dateStyle: 'short', timeStyle: 'short', timeZone: registerTimeZone }).format(t);
}

/** A country code with its name in the UI language: "Suomi (FI)". */
export function formatCountry(language: Language, code: string): string {
  if (!/^[A-Z]{2}$/.test(code)) return code;
  try {
    const name = new Intl.DisplayNames([localeOf(language)], { type: 'region' }).of(code);
    return name && name !== code ? `${name} (${code})` : code;
  } catch {
    return code;
  }
}
