/**
 * The register's tabs and columns (DESIGN §3). Columns are found by key through the header row in
 * the settings' language, never by position.
 */
export type Language = 'fi' | 'sv' | 'en';
export const LANGUAGES: readonly Language[] = ['fi', 'sv', 'en'];

type Labels = Record<Language, string>;

export interface ColumnSpec {
  key: string;
  header: Labels;
  /** Plain-text (`@`) format: anything a user or an email supplies, and codes with leading zeros. */
  text: boolean;
  /** Kept by the software only: set-up hides the column. */
  hidden?: boolean;
}

export interface TabSpec {
  key: 'register' | 'requests' | 'disclosures' | 'audit';
  name: Labels;
  columns: readonly ColumnSpec[];
}

const t = (key: string, fi: string, sv: string, en: string, text = true): ColumnSpec => ({
  key,
  header: { fi, sv, en },
  text,
});

export const REGISTER_TAB: TabSpec = {
  key: 'register',
  name: { fi: 'Rekisteri', sv: 'Register', en: 'Register' },
  columns: [
    t('customerNumber', 'Asiakasnumero', 'Kundnummer', 'Customer number'),
    t('kind', 'Rooli', 'Roll', 'Kind'),
    t('customerType', 'Asiakastyyppi', 'Kundtyp', 'Customer type'),
    t('name', 'Nimi', 'Namn', 'Name'),
    t('email', 'Sähköposti', 'E-post', 'Email'),
    t('phone', 'Matkapuhelin', 'Mobiltelefon', 'Mobile phone'),
    t('street', 'Katuosoite', 'Gatuadress', 'Street address'),
    t('postalCode', 'Postinumero', 'Postnummer', 'Postal code'),
    t('city', 'Postitoimipaikka', 'Postort', 'City'),
    t('country', 'Maa', 'Land', 'Country'),
    t('source', 'Tietolähde', 'Källa', 'Source'),
    t('sourceNote', 'Lähteen tarkenne', 'Källanteckning', 'Source note'),
    t('marketingBasis', 'Markkinoinnin peruste', 'Grund för marknadsföring', 'Marketing basis'),
    t('marketingConsentAt', 'Markkinointilupa annettu', 'Samtycke till marknadsföring', 'Marketing consent at'),
    t('marketingBannedAt', 'Markkinointikielto', 'Marknadsföringsförbud', 'Marketing banned at'),
    t('relationshipStart', 'Asiakkuus alkoi', 'Kundförhållande började', 'Relationship start'),
    t('relationshipEnd', 'Asiakkuus päättyi', 'Kundförhållande upphörde', 'Relationship end'),
    t('legalHoldUntil', 'Säilytysvelvoite asti', 'Lagringsskyldighet till', 'Legal hold until'),
    t('legalHoldReason', 'Säilytysvelvoitteen peruste', 'Grund för lagringsskyldighet', 'Legal hold reason'),
    t('restrictedAt', 'Käsittely rajoitettu', 'Behandling begränsad', 'Restricted at'),
    t('outsideEeaTransferRequest', 'Siirtopyyntö ETA:n ulkopuolelle', 'Begäran om överföring utanför EES', 'Outside-EEA transfer request'),
    t('createdAt', 'Luotu', 'Skapad', 'Created at'),
    t('createdBy', 'Luonut', 'Skapad av', 'Created by'),
    t('updatedAt', 'Muokattu', 'Ändrad', 'Updated at'),
    t('updatedBy', 'Muokannut', 'Ändrad av', 'Updated by'),
    t('version', 'Versio', 'Version', 'Version', false),
    // Derived, kept by the software: customer number, name, email and phone as one JSON cell, so
    // the sidebar search reads one column instead of four (see README, "Search").
    { ...t('searchKey', 'Hakuavain', 'Söknyckel', 'Search key'), hidden: true },
  ],
};

export const REQUESTS_TAB: TabSpec = {
  key: 'requests',
  name: { fi: 'Pyynnöt', sv: 'Begäranden', en: 'Requests' },
  columns: [
    t('id', 'Tunnus', 'ID', 'ID'),
    t('receivedAt', 'Vastaanotettu', 'Mottagen', 'Received at'),
    t('channel', 'Kanava', 'Kanal', 'Channel'),
    t('type', 'Tyyppi', 'Typ', 'Type'),
    // Every right the letter asks, the primary type first ("erasure,objection"): a letter asks for
    // several at once, and each is settled in the same case. Added after the first release: set-up
    // appends it to an existing tab (columns are found by key), and the schema version changes with it.
    t('rights', 'Oikeudet', 'Rättigheter', 'Rights'),
    t('language', 'Kieli', 'Språk', 'Language'),
    t('status', 'Tila', 'Status', 'Status'),
    t('dueDate', 'Määräpäivä', 'Förfallodag', 'Due date'),
    t('extendedDueDate', 'Jatkettu määräpäivä', 'Förlängd förfallodag', 'Extended due date'),
    t('extensionReason', 'Jatkon syy', 'Skäl för förlängning', 'Extension reason'),
    t('requesterEmail', 'Pyytäjän sähköposti', 'Begärarens e-post', 'Requester email'),
    t('customerNumber', 'Asiakasnumero', 'Kundnummer', 'Customer number'),
    t('verification', 'Tunnistus', 'Verifiering', 'Verification'),
    t('gmailMessageId', 'Gmail-viesti', 'Gmail-meddelande', 'Gmail message'),
    t('gmailThreadId', 'Gmail-ketju', 'Gmail-tråd', 'Gmail thread'),
    t('summary', 'Yhteenveto', 'Sammanfattning', 'Summary'),
    t('handledBy', 'Käsittelijä', 'Handläggare', 'Handled by'),
    t('closedAt', 'Suljettu', 'Stängd', 'Closed at'),
    t('outcome', 'Lopputulos', 'Utfall', 'Outcome'),
    // Later mail in the case's Gmail thread (replies, the ID the person sent): attached to this
    // case, never a new one, and never read twice by intake (idempotent by message id).
    { ...t('replyMessageIds', 'Vastausviestit', 'Svarsmeddelanden', 'Reply messages'), hidden: true },
  ],
};

export const DISCLOSURES_TAB: TabSpec = {
  key: 'disclosures',
  name: { fi: 'Luovutukset', sv: 'Utlämnanden', en: 'Disclosures' },
  columns: [
    t('id', 'Tunnus', 'ID', 'ID'),
    t('date', 'Päivä', 'Datum', 'Date'),
    t('customerNumber', 'Asiakasnumero', 'Kundnummer', 'Customer number'),
    t('recipient', 'Vastaanottaja', 'Mottagare', 'Recipient'),
    t('recipientCountry', 'Vastaanottajan maa', 'Mottagarens land', 'Recipient country'),
    t('basis', 'Peruste', 'Grund', 'Basis'),
    t('basisReference', 'Perusteen viite', 'Referens för grund', 'Basis reference'),
    t('dataCategories', 'Tietoryhmät', 'Uppgiftskategorier', 'Data categories'),
    t('recordedBy', 'Kirjannut', 'Registrerad av', 'Recorded by'),
  ],
};

export const AUDIT_TAB: TabSpec = {
  key: 'audit',
  name: { fi: 'Lokitiedot', sv: 'Logg', en: 'Audit log' },
  columns: [
    t('at', 'Aika', 'Tid', 'At'),
    t('actor', 'Tekijä', 'Utförare', 'Actor'),
    t('action', 'Toimenpide', 'Åtgärd', 'Action'),
    t('customerNumber', 'Asiakasnumero', 'Kundnummer', 'Customer number'),
    t('fields', 'Kentät', 'Fält', 'Fields'),
    t('requestId', 'Pyyntö', 'Begäran', 'Request'),
    t('prevHash', 'Edellinen tiiviste', 'Föregående hash', 'Previous hash'),
    t('hash', 'Tiiviste', 'Hash', 'Hash'),
  ],
};

export const TABS: readonly TabSpec[] = [REGISTER_TAB, REQUESTS_TAB, DISCLOSURES_TAB, AUDIT_TAB];

/** The header row of a tab in a language. */
export function headerRow(tab: TabSpec, language: Language): string[] {
  return tab.columns.map((c) => c.header[language]);
}

/** Every name a tab may carry, in any language (a tab set up in Swedish is still found). */
export function tabNames(tab: TabSpec): string[] {
  return [...new Set(LANGUAGES.map((l) => tab.name[l]))];
}

/** A tab's column keys by index, read from a header row in any of the languages; null for unknown headers. */
export function columnKeysFromHeader(tab: TabSpec, header: readonly unknown[]): (string | null)[] {
  return header.map((h) => {
    const text = String(h).trim();
    const col = tab.columns.find((c) => LANGUAGES.some((l) => c.header[l] === text));
    return col ? col.key : null;
  });
}
