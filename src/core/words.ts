/**
 * Words, not codes, in the cells a person reads (issue 8): every enumerated value the register
 * keeps (a person's role, customer type, source, marketing basis; a disclosure's basis and data
 * categories; an audit entry's action and field names) has one code the software decides with
 * and a word in each language that the tabs show. This is the one table of code ↔ fi/sv/en words
 * and the one place cells are decoded: a cell holding the word of ANY of the three languages, or
 * the code itself (registers written before words), reads as the code, case and spacing aside;
 * anything else is left as typed, for validation to refuse. Writes encode to the register's
 * language. The words of the sidebar's choices are reused (texts.ts), so the sheet and the
 * sidebar say the same thing.
 */
import type { Language } from './schema';
import { LANGUAGES, REGISTER_TAB, REQUESTS_TAB } from './schema';
import { TEXTS, textWith, type TextKey } from './texts';
import { CHANNEL_TEXT, REQUEST_STATUS_TEXT, REQUEST_TYPE_TEXT, RIGHT_OUTCOME_TEXT, VERIFICATION_TEXT } from './texts/requests';
import { formatMoment } from './display-dates';
import type { CaseOutcome } from './requests/model';

type Words = Record<Language, string>;

const fromTexts = (key: TextKey): Words => ({ fi: TEXTS.fi[key], sv: TEXTS.sv[key], en: TEXTS.en[key] });
const w = (fi: string, sv: string, en: string): Words => ({ fi, sv, en });
/** A code → text-key table (texts/requests.ts) as words. */
const fromTable = <C extends string>(table: Readonly<Record<C, TextKey>>): Record<C, Words> =>
  Object.fromEntries(Object.entries(table).map(([code, key]) => [code, fromTexts(key as TextKey)])) as Record<C, Words>;

/** A request's types (the Pyynnöt tab's `type`, and each of its `rights`). */
const REQUEST_TYPE_WORDS = fromTable(REQUEST_TYPE_TEXT);

/** The enumerations shown as words, by the column key that holds them. */
export const WORDS = {
  kind: { customer: fromTexts('uiKindCustomer'), stakeholder: fromTexts('uiKindStakeholder') },
  customerType: { person: fromTexts('uiTypePerson'), business: fromTexts('uiTypeBusiness') },
  source: { subject: fromTexts('uiSourceSubject'), public: fromTexts('uiSourcePublic') },
  marketingBasis: {
    consent: fromTexts('uiMarketingConsent'),
    'existing-customer': fromTexts('uiMarketingExisting'),
    business: fromTexts('uiMarketingBusiness'),
    none: fromTexts('uiMarketingNone'),
  },
  /** A disclosure's basis (the Luovutukset tab's `basis`). */
  disclosureBasis: { consent: fromTexts('uiBasisConsent'), authority: fromTexts('uiBasisAuthority') },
  /** Data categories of a disclosure (comma-joined in the `dataCategories` cell). */
  dataCategory: {
    name: REGISTER_TAB.columns.find((c) => c.key === 'name')!.header,
    email: REGISTER_TAB.columns.find((c) => c.key === 'email')!.header,
    phone: REGISTER_TAB.columns.find((c) => c.key === 'phone')!.header,
    address: fromTexts('uiCategoryAddress'),
    customerNumber: REGISTER_TAB.columns.find((c) => c.key === 'customerNumber')!.header,
  },
  /** The audit log's actions (the Lokitiedot tab's `action`). */
  auditAction: {
    create: w('Lisäys', 'Tillägg', 'Create'),
    update: w('Muutos', 'Ändring', 'Update'),
    'manual-edit': w('Muutos taulukossa', 'Ändring i kalkylbladet', 'Edit in the sheet'),
    delete: w('Poisto', 'Radering', 'Delete'),
    'retention-delete': w('Poisto säilytysajan päätyttyä', 'Radering efter lagringstiden', 'Deleted after retention'),
    'ban-marketing': w('Markkinointikielto', 'Marknadsföringsförbud', 'Marketing ban'),
    restrict: w('Käsittelyn rajoitus', 'Begränsning av behandling', 'Restriction'),
    unrestrict: w('Rajoitus poistettu', 'Begränsning hävd', 'Restriction lifted'),
    'legal-hold': w('Säilytysvelvoite', 'Lagringsskyldighet', 'Legal hold'),
    'end-relationship': w('Asiakkuus päättyi', 'Kundförhållandet upphörde', 'Relationship ended'),
    'export-marketing': w('Markkinointilistan lataus', 'Nedladdning av marknadsföringslista', 'Marketing list export'),
    'access-copy': w('Jäljennös tiedoista', 'Kopia av uppgifter', 'Access copy'),
    disclosure: w('Luovutus', 'Utlämnande', 'Disclosure'),
    'request-logged': w('Pyyntö kirjattu', 'Begäran registrerad', 'Request logged'),
    'request-updated': w('Pyyntö päivitetty', 'Begäran uppdaterad', 'Request updated'),
    'request-closed': w('Pyyntö suljettu', 'Begäran stängd', 'Request closed'),
    'request-minimised': w('Pyynnön tiedot karsittu', 'Begärans uppgifter minimerade', 'Request minimised'),
    'settings-change': w('Asetusten muutos', 'Ändring av inställningar', 'Settings change'),
    'access-policy': w('Käyttöoikeuksien muutos', 'Ändring av åtkomst', 'Access change'),
  },
  /** The log's actors that are no person (an email stays as it is): the repair pass, an editor Sheets did not name. */
  auditActor: { repair: w('Korjausajo', 'Reparation', 'Repair run'), unknown: w('Tuntematon', 'Okänd', 'Unknown') },
  /** The Pyynnöt tab: the request's type, every right asked (comma-joined), status, channel, language, verification. */
  requestType: REQUEST_TYPE_WORDS,
  requestRights: REQUEST_TYPE_WORDS,
  requestStatus: fromTable(REQUEST_STATUS_TEXT),
  channel: fromTable(CHANNEL_TEXT),
  requestLanguage: { fi: w('suomi', 'finska', 'Finnish'), sv: w('ruotsi', 'svenska', 'Swedish'), en: w('englanti', 'engelska', 'English') },
  verification: fromTable(VERIFICATION_TEXT),
} as const satisfies Record<string, Record<string, Words>>;

export type WordSet = keyof typeof WORDS;

/** Which word set each tab column holds: enumerated columns of every tab a person reads. */
export const WORD_COLUMNS: Readonly<Record<'register' | 'requests' | 'disclosures' | 'audit', Readonly<Record<string, WordSet>>>> = {
  register: { kind: 'kind', customerType: 'customerType', source: 'source', marketingBasis: 'marketingBasis' },
  requests: { channel: 'channel', type: 'requestType', rights: 'requestRights', language: 'requestLanguage', status: 'requestStatus', verification: 'verification' },
  disclosures: { basis: 'disclosureBasis', dataCategories: 'dataCategory' },
  audit: { action: 'auditAction', actor: 'auditActor' },
};

/** Columns holding a comma-joined list of codes, each shown as a word. */
export const LIST_COLUMNS: ReadonlySet<WordSet> = new Set<WordSet>(['dataCategory', 'requestRights']);

const fold = (s: string): string => s.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('fi');

const decoders = new Map<WordSet, Map<string, string>>();
function decoder(set: WordSet): Map<string, string> {
  let map = decoders.get(set);
  if (!map) {
    map = new Map();
    for (const [code, words] of Object.entries(WORDS[set] as Record<string, Words>)) {
      map.set(fold(code), code);
      for (const l of LANGUAGES) map.set(fold(words[l]), code);
    }
    // A word without its bracketed GDPR article ("Poisto" for "Poisto (17 art.)") is the same word,
    // unless it already means something else in the set.
    for (const [code, words] of Object.entries(WORDS[set] as Record<string, Words>)) {
      for (const l of LANGUAGES) {
        const bare = fold(words[l].replace(/\s*\([^)]*\)\s*$/, ''));
        if (bare !== '' && !map.has(bare)) map.set(bare, code);
      }
    }
    decoders.set(set, map);
  }
  return map;
}

/** The code a cell's word (any language) or code stands for; null when it is neither. */
export function codeOf(set: WordSet, value: unknown): string | null {
  if (typeof value !== 'string') return null;
  return decoder(set).get(fold(value)) ?? null;
}

/** A cell's value as a code: the code of a known word, else the value as it was (validation decides). */
export function decodeWord(set: WordSet, value: unknown): unknown {
  if (LIST_COLUMNS.has(set) && typeof value === 'string') {
    if (value.trim() === '') return value;
    const parts = value.split(/[,;]/).map((p) => p.trim()).filter((p) => p !== '');
    const codes = parts.map((p) => codeOf(set, p));
    return codes.every((c) => c !== null) ? codes.join(',') : value;
  }
  return codeOf(set, value) ?? value;
}

/** The word for a code in a language; a value that is no code of the set is returned as it is. */
export function wordOf(set: WordSet, code: unknown, language: Language): unknown {
  if (typeof code !== 'string' || code === '') return code;
  if (LIST_COLUMNS.has(set)) {
    const parts = code.split(',');
    const table = WORDS[set] as Record<string, Words>;
    return parts.every((p) => p in table) ? parts.map((p) => table[p][language]).join(', ') : code;
  }
  const words = (WORDS[set] as Record<string, Words>)[code];
  return words ? words[language] : code;
}

/** The words of a set in a language, in the table's order (a dropdown's list, a message's choices). */
export function wordsOf(set: WordSet, language: Language): string[] {
  return Object.values(WORDS[set] as Record<string, Words>).map((words) => words[language]);
}

/** The word set of a tab's column, or null. */
export function wordSetOf(tab: string, key: string | null): WordSet | null {
  if (!key) return null;
  const columns = (WORD_COLUMNS as Record<string, Record<string, WordSet>>)[tab];
  return columns?.[key] ?? null;
}

/** The columns whose names an audit entry's fields are: a person's (the register's), then a request's. */
const FIELD_COLUMNS = [...REGISTER_TAB.columns, ...REQUESTS_TAB.columns.filter((c) => !REGISTER_TAB.columns.some((r) => r.key === c.key))];

/**
 * Names an audit entry's fields may hold that are no column: a disclosure's address category, the
 * settings a settings change names, the reason of a retention deletion. Shown as words too.
 */
const OTHER_FIELDS: Readonly<Record<string, Words>> = {
  address: fromTexts('uiCategoryAddress'),
  controller: w('Rekisterinpitäjä', 'Personuppgiftsansvarig', 'Controller'),
  timeZone: w('Aikavyöhyke', 'Tidszon', 'Time zone'),
  keyPersonnel: w('Avainhenkilöt', 'Nyckelpersoner', 'Key personnel'),
  retentionMonths: w('Säilytysaika (kk)', 'Lagringstid (mån)', 'Retention (months)'),
  requestRetentionMonths: w('Pyyntöjen säilytysaika (kk)', 'Lagringstid för begäranden (mån)', 'Request retention (months)'),
  inboxQuery: w('Postilaatikon haku', 'Sökning i inkorgen', 'Inbox query'),
  labels: w('Gmail-tunnisteet', 'Gmail-etiketter', 'Gmail labels'),
  autoAcknowledge: w('Vastaanottokuittaus', 'Mottagningsbekräftelse', 'Acknowledgement'),
  banObjectionAtIntake: w('Markkinointikielto saapuessa', 'Marknadsföringsförbud vid mottagning', 'Marketing ban at intake'),
  customerNumberPrefix: w('Asiakasnumeron alku', 'Kundnummerprefix', 'Customer number prefix'),
  customerNumberDigits: w('Asiakasnumeron numerot', 'Siffror i kundnummer', 'Customer number digits'),
  notice: w('Tietosuojaseloste', 'Dataskyddsbeskrivning', 'Privacy notice'),
  dailySummary: w('Päivittäinen yhteenveto', 'Daglig sammanfattning', 'Daily summary'),
  retentionPeriod: w('Säilytysaika päättyi', 'Lagringstiden löpte ut', 'Retention period ended'),
  scheduledErasure: w('Ajastettu poisto', 'Schemalagd radering', 'Scheduled erasure'),
};

/** Every field name an audit entry may hold, for the round-trip test (words.test). */
export const AUDIT_FIELD_NAMES: readonly string[] = [...new Set([...FIELD_COLUMNS.map((c) => c.key), ...Object.keys(OTHER_FIELDS)])];

/** A field's name as a person reads it: its column header in the language (else the name as it is). */
export function fieldLabel(field: string, language: Language): string {
  const col = FIELD_COLUMNS.find((c) => c.key === field);
  if (col) return col.header[language];
  return OTHER_FIELDS[field]?.[language] ?? field;
}

/** The code of a field label (any language) or the field name itself; null for neither. */
export function fieldOfLabel(label: string): string | null {
  const f = fold(label);
  for (const col of FIELD_COLUMNS) {
    if (fold(col.key) === f || LANGUAGES.some((l) => fold(col.header[l]) === f)) return col.key;
  }
  // A header's earlier wording: entries logged before a header was renamed decode the same.
  for (const col of FIELD_COLUMNS) if (col.aliases?.some((a) => fold(a) === f)) return col.key;
  for (const [name, words] of Object.entries(OTHER_FIELDS)) if (fold(name) === f || LANGUAGES.some((l) => fold(words[l]) === f)) return name;
  return null;
}

/** An audit entry's comma-joined field names as words ("Nimi, Sähköposti"); names that are no register column stay. */
export function fieldsToWords(fields: unknown, language: Language): unknown {
  if (typeof fields !== 'string' || fields === '') return fields;
  return fields.split(',').map((f) => fieldLabel(f, language)).join(', ');
}

/** The field names of an audit cell holding words of any language (or names): "name,email". */
export function fieldsFromWords(cell: unknown): unknown {
  if (typeof cell !== 'string' || cell === '') return cell;
  return cell.split(',').map((p) => p.trim()).filter((p) => p !== '').map((p) => fieldOfLabel(p) ?? p).join(',');
}

/**
 * A case's outcome as the Pyynnöt tab's Lopputulos shows it (issue 8): each settled right as
 * "Tarkastus (15 art.): toteutettu 3.12.2026 klo 10.00 (anna@firma.fi)", a decline or a note
 * with its reason, a rejection with its reason, a duplicate with the case it repeats; in the
 * register's language and time zone; '' while nothing is settled. The machine data stays in the
 * hidden `outcomeData` column: this text is derived, never read back.
 */
export function outcomeText(outcome: CaseOutcome, language: Language, timeZone: string): string {
  const parts: string[] = [];
  for (const s of outcome.settled) {
    const verdict = TEXTS[language][RIGHT_OUTCOME_TEXT[s.outcome]].toLocaleLowerCase(language);
    const at = s.at ? ` ${formatMoment(s.at, timeZone, language)}` : '';
    const by = s.by ? ` (${String(wordOf('auditActor', s.by, language))})` : '';
    const reason = s.reason.trim() ? ` — ${textWith(language, 'reqOutcomeReason', { reason: s.reason.trim() })}` : '';
    parts.push(`${String(wordOf('requestType', s.right, language))}: ${verdict}${at}${by}${reason}`);
  }
  if (outcome.rejectionReason.trim()) {
    parts.push(`${TEXTS[language][REQUEST_STATUS_TEXT.rejected]} — ${textWith(language, 'reqOutcomeReason', { reason: outcome.rejectionReason.trim() })}`);
  }
  if (outcome.duplicateOf.trim()) {
    parts.push(`${TEXTS[language][REQUEST_STATUS_TEXT.duplicate]}: ${textWith(language, 'reqOutcomeDuplicateOf', { id: outcome.duplicateOf.trim() })}`);
  }
  return parts.join('; ');
}
