/**
 * Every user-facing string, in Finnish (the default), Swedish and English. A missing
 * translation is a type error, not a blank in the UI.
 */
import type { Language } from './schema';

const fi = {
  appName: 'Rekisteri',
  menuOpenRegister: 'Avaa rekisteri',
  sidebarTitle: 'Asiakasrekisteri',
  signedInAs: 'Kirjautunut',
  registerRows: 'Henkilöitä rekisterissä',
  loading: 'Ladataan…',
  noRegisterTab: 'Rekisteri-välilehteä ei löydy. Pyydä ylläpitäjää ajamaan käyttöönotto (Rekisteri › Käyttöönotto).',
  callFailed: 'Toiminto epäonnistui',
  retry: 'Yritä uudelleen',
};

export type TextKey = keyof typeof fi;
type Texts = Record<TextKey, string>;

const sv: Texts = {
  appName: 'Registret',
  menuOpenRegister: 'Öppna registret',
  sidebarTitle: 'Kundregister',
  signedInAs: 'Inloggad',
  registerRows: 'Personer i registret',
  loading: 'Laddar…',
  noRegisterTab: 'Fliken Register saknas. Be en administratör att köra ibruktagningen (Registret › Ibruktagning).',
  callFailed: 'Åtgärden misslyckades',
  retry: 'Försök igen',
};

const en: Texts = {
  appName: 'Register',
  menuOpenRegister: 'Open the register',
  sidebarTitle: 'Customer register',
  signedInAs: 'Signed in as',
  registerRows: 'People in the register',
  loading: 'Loading…',
  noRegisterTab: 'The Register tab is missing. Ask an admin to run set-up (Register › Set up).',
  callFailed: 'The action failed',
  retry: 'Try again',
};

export const TEXTS: Record<Language, Texts> = { fi, sv, en };

/** The text for `key` in `language`, Finnish when the language is unknown. */
export function text(language: string, key: TextKey): string {
  return (TEXTS[language as Language] ?? fi)[key];
}

/** Formats a count as the locale writes numbers (Finnish: a space groups thousands). */
export function formatCount(language: string, n: number): string {
  const locale = language === 'sv' ? 'sv-FI' : language === 'en' ? 'en-GB' : 'fi-FI';
  return new Intl.NumberFormat(locale).format(n);
}
