/**
 * The UI's language: texts, field labels (the register's own column headers), enumeration labels,
 * and dates and times as the locale writes them. Data stays 'YYYY-MM-DD' / ISO; only display changes.
 */
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import { text, textWith, type TextKey } from '../../core/texts';
import { REGISTER_TAB, type Language } from '../../core/schema';
import { formatDay, formatMoment } from '../../core/display-dates';

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

/**
 * Labels the sidebar uses instead of a tab's header where the header is ambiguous ("Rooli" is
 * also a user's role) or reads badly ("Säilytysvelvoite asti").
 */
const LABEL_TEXT: Record<string, TextKey> = {
  kind: 'uiLabelKind', legalHoldUntil: 'uiLabelLegalHoldUntil',
  relationshipStart: 'uiLabelRelationshipStart', relationshipEnd: 'uiLabelRelationshipEnd',
  marketingBannedAt: 'uiLabelMarketingBannedAt',
};

/** A register field's label: its column header in the register's language (or the sidebar's clearer word). */
export function fieldLabel(language: Language, key: string): string {
  const own = LABEL_TEXT[key];
  if (own) return text(language, own);
  return REGISTER_TAB.columns.find((c) => c.key === key)?.header[language] ?? key;
}

/** The label the server used for a field in its refusals: the tab's header, as it stands. */
export function headerLabel(language: Language, key: string): string {
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

/** 'YYYY-MM-DD' as `d.M.yyyy` in every language (a Finnish register: 1.12.2026 is never read as 12 January). */
export function formatDate(_language: Language, value: string): string {
  return formatDay(value);
}

/** An ISO instant as `d.M.yyyy klo H.mm` in the register's time zone; a bare day as a date. */
export function formatInstant(language: Language, value: string): string {
  return formatMoment(value, registerTimeZone, language);
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
