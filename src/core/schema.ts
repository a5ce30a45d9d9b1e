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
  /** Real dates (Date cells shown d.M.yyyy) or instants (d.M.yyyy klo H.mm), in the register's time zone. */
  format?: 'date' | 'instant';
  /**
   * Earlier wordings of the header (any language), still recognised: a register set up before a
   * header was renamed keeps finding the column, and its audit entries (whose field names are
   * stored as these words) still decode to the same codes, so their hashes verify. Set-up and a
   * language switch write the current wording over them.
   */
  aliases?: readonly string[];
}

/**
 * Sheets number formats of the date columns (Google's "Date and number formats" guide,
 * https://developers.google.com/sheets/api/guides/formats, "Date and time format patterns": `d`
 * day, `M` month — `m` right after an hour means minutes —, `yyyy` year, `H` 0–23 hour, `mm`
 * minutes, quoted text as it is; serial numbers carry no offset, they are in the spreadsheet's
 * time zone, which set-up makes the register's). Finnish dates in every language; the instant's
 * word for "at" in the language.
 */
export const DATE_FORMAT = 'd.M.yyyy';
export const INSTANT_FORMAT: Record<Language, string> = { fi: 'd.M.yyyy "klo" H.mm', sv: 'd.M.yyyy "kl." H.mm', en: 'd.M.yyyy H:mm' };

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
/** A date or instant column: not plain text, so the cell holds a real date. */
const d = (key: string, fi: string, sv: string, en: string, format: 'date' | 'instant'): ColumnSpec => ({ ...t(key, fi, sv, en, false), format });
/** A column with the wordings it had before (see ColumnSpec.aliases). */
const was = (spec: ColumnSpec, ...aliases: string[]): ColumnSpec => ({ ...spec, aliases });

export const REGISTER_TAB: TabSpec = {
  key: 'register',
  name: { fi: 'Rekisteri', sv: 'Register', en: 'Register' },
  columns: [
    t('customerNumber', 'Asiakasnumero', 'Kundnummer', 'Customer number'),
    // "Rooli" read as a user's role too (issue 8): the header says what the choice is.
    was(t('kind', 'Asiakas vai sidosryhmä', 'Kund eller intressent', 'Customer or stakeholder'), 'Rooli', 'Roll', 'Kind'),
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
    d('marketingConsentAt', 'Markkinointilupa annettu', 'Samtycke till marknadsföring', 'Marketing consent at', 'instant'),
    d('marketingBannedAt', 'Markkinointikielto', 'Marknadsföringsförbud', 'Marketing banned at', 'instant'),
    was(d('relationshipStart', 'Asiakkuus alkoi', 'Kundförhållandet började', 'Relationship start', 'date'), 'Kundförhållande började'),
    was(d('relationshipEnd', 'Asiakkuus päättyi', 'Kundförhållandet upphörde', 'Relationship end', 'date'), 'Kundförhållande upphörde'),
    was(d('legalHoldUntil', 'Säilytettävä asti', 'Ska sparas till', 'Keep until', 'date'), 'Säilytysvelvoite asti', 'Lagringsskyldighet till', 'Legal hold until'),
    t('legalHoldReason', 'Säilytysvelvoitteen peruste', 'Grund för lagringsskyldighet', 'Legal hold reason'),
    d('restrictedAt', 'Käsittely rajoitettu', 'Behandling begränsad', 'Restricted at', 'instant'),
    t('outsideEeaTransferRequest', 'Siirtopyyntö ETA:n ulkopuolelle', 'Begäran om överföring utanför EES', 'Outside-EEA transfer request'),
    d('createdAt', 'Luotu', 'Skapad', 'Created at', 'instant'),
    t('createdBy', 'Luonut', 'Skapad av', 'Created by'),
    d('updatedAt', 'Muokattu', 'Ändrad', 'Updated at', 'instant'),
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
    d('receivedAt', 'Vastaanotettu', 'Mottagen', 'Received at', 'instant'),
    t('channel', 'Kanava', 'Kanal', 'Channel'),
    t('type', 'Tyyppi', 'Typ', 'Type'),
    // Every right the letter asks, the primary type first ("erasure,objection"): a letter asks for
    // several at once, and each is settled in the same case. Added after the first release: set-up
    // appends it to an existing tab (columns are found by key), and the schema version changes with it.
    t('rights', 'Oikeudet', 'Rättigheter', 'Rights'),
    t('language', 'Kieli', 'Språk', 'Language'),
    t('status', 'Tila', 'Status', 'Status'),
    d('dueDate', 'Määräpäivä', 'Förfallodag', 'Due date', 'date'),
    d('extendedDueDate', 'Jatkettu määräpäivä', 'Förlängd förfallodag', 'Extended due date', 'date'),
    t('extensionReason', 'Jatkon syy', 'Skäl för förlängning', 'Extension reason'),
    t('requesterEmail', 'Pyytäjän sähköposti', 'Begärarens e-post', 'Requester email'),
    t('customerNumber', 'Asiakasnumero', 'Kundnummer', 'Customer number'),
    t('verification', 'Tunnistus', 'Verifiering', 'Verification'),
    t('gmailMessageId', 'Gmail-viesti', 'Gmail-meddelande', 'Gmail message'),
    t('gmailThreadId', 'Gmail-ketju', 'Gmail-tråd', 'Gmail thread'),
    t('summary', 'Yhteenveto', 'Sammanfattning', 'Summary'),
    t('handledBy', 'Käsittelijä', 'Handläggare', 'Handled by'),
    d('closedAt', 'Suljettu', 'Stängd', 'Closed at', 'instant'),
    // Read by people: how each right was settled, in words and Finnish dates (core/words.ts
    // outcomeText), derived from `outcomeData` on every software write and by the language switch.
    t('outcome', 'Lopputulos', 'Utfall', 'Outcome'),
    // Later mail in the case's Gmail thread (replies, the ID the person sent): attached to this
    // case, never a new one, and never read twice by intake (idempotent by message id).
    { ...t('replyMessageIds', 'Vastausviestit', 'Svarsmeddelanden', 'Reply messages'), hidden: true },
    // The case's outcome as the software keeps it (JSON with codes and ISO instants): the truth the
    // readable `outcome` is derived from. Added after the first release, like `rights`: set-up
    // appends it (the schema version changes) and moves an older tab's JSON out of `outcome`; a row
    // whose cell here is empty still reads its outcome from the old JSON in `outcome`.
    { ...t('outcomeData', 'Lopputuloksen tiedot', 'Utfallsdata', 'Outcome data'), hidden: true },
  ],
};

export const DISCLOSURES_TAB: TabSpec = {
  key: 'disclosures',
  name: { fi: 'Luovutukset', sv: 'Utlämnanden', en: 'Disclosures' },
  columns: [
    t('id', 'Tunnus', 'ID', 'ID'),
    d('date', 'Päivä', 'Datum', 'Date', 'date'),
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
    // A real date-time cell; the entry's hash is over the ISO instant it reads back as (gas/audit-log.ts).
    d('at', 'Aika', 'Tid', 'At', 'instant'),
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
    const col = tab.columns.find((c) => LANGUAGES.some((l) => c.header[l] === text)) ?? tab.columns.find((c) => c.aliases?.includes(text));
    return col ? col.key : null;
  });
}
