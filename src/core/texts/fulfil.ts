/**
 * Fulfilment's texts (README "Requests", "Fulfilment"), in Finnish, Swedish and English: the
 * refusals of `fulfilRequest` and of the consent-reference check (TextKeys, spread into
 * src/core/texts.ts), and the words of the documents a fulfilment writes — the access copy
 * (core/requests/access-copy.ts) and the reply drafts (core/requests/replies.ts). The documents'
 * words are one record per language with the same shape, so a missing translation is a type error.
 * What the notice says (purposes, categories, sources, disclosures) is the notice's own wording
 * (policy/tietosuojaseloste.fi.txt and its translation).
 */
import type { RequestLanguage, RequestType } from '../requests/model';

export const FULFIL_TEXTS_FI = {
  fulfilNeedsVerification: 'Pyytäjän henkilöllisyyttä ei ole todennettu, joten oikeutta ei voi vielä toteuttaa. Kirjaa ensin tunnistaminen (tietosuoja-asetuksen 12 artiklan 6 kohta).',
  fulfilClosed: 'Pyyntö on jo suljettu ({status}). Sen oikeuksia ei voi enää toteuttaa; kirjaa uusi pyyntö, jos henkilö pyytää uudelleen.',
  fulfilNoCustomer: 'Pyyntöä ei ole yhdistetty rekisterissä olevaan henkilöön, joten oikeutta ei voi toteuttaa. Yhdistä pyyntö henkilön asiakasnumeroon tai evää oikeus ja kirjoita syy (esimerkiksi ”henkilöstä ei ole tietoja rekisterissä”).',
  fulfilCustomerGone: 'Henkilön tiedot on jo poistettu rekisteristä, joten tätä oikeutta ei voi enää toteuttaa. Evää se ja kirjoita syy.',
  fulfilOtherPerson: 'Pyyntö {id} koskee toista henkilöä. Avaa korjattavan henkilön tiedot hänen omasta pyynnöstään.',
  fulfilNoteRequired: 'Kirjoita, mitä pyynnön johdosta tehtiin. Teksti kerrotaan henkilölle vastauksessa.',
  fulfilConsentNoteRequired: 'Kirjoita, mihin henkilö antoi kirjallisen suostumuksensa (vastaanottaja ja tiedot, tai siirto EU:n ja ETA:n ulkopuolelle).',
  fulfilRectificationNothing: 'Korjauksessa ei muuttunut mikään. Avaa henkilön tiedot pyynnöstä, tee pyydetyt korjaukset lomakkeelle ja tallenna.',
  fulfilScheduleFull: 'Poistojen ajastuslista on täynnä. Pyydä ylläpitäjää ajamaan säilytysajan tarkistus ja yritä sitten uudelleen.',
  errConsentRequestUnknown: 'Kirjallista suostumusta {reference} ei löydy pyynnöistä. Kirjaa henkilön kirjallinen suostumus pyynnöksi, toteuta sen suostumus ja anna tämän pyynnön tunnus.',
  errConsentRequestOther: 'Pyyntö {reference} on toisen henkilön. Anna tämän henkilön oman kirjallisen suostumuksen pyyntötunnus.',
  errConsentNotRecorded: 'Pyynnössä {reference} ei ole kirjattua kirjallista suostumusta. Toteuta ensin pyynnön suostumus (Pyynnöt › Toteuta) ja yritä sitten uudelleen.',
};

export type FulfilTextKey = keyof typeof FULFIL_TEXTS_FI;

export const FULFIL_TEXTS_SV: Record<FulfilTextKey, string> = {
  fulfilNeedsVerification: 'Begärarens identitet har inte verifierats, så rättigheten kan inte tillgodoses ännu. Registrera verifieringen först (artikel 12.6 i dataskyddsförordningen).',
  fulfilClosed: 'Begäran är redan stängd ({status}). Dess rättigheter kan inte längre tillgodoses; registrera en ny begäran om personen begär på nytt.',
  fulfilNoCustomer: 'Begäran är inte kopplad till en person i registret, så rättigheten kan inte tillgodoses. Koppla begäran till personens kundnummer eller avslå rättigheten med ett skäl (till exempel ”inga uppgifter om personen i registret”).',
  fulfilCustomerGone: 'Personens uppgifter har redan raderats ur registret, så rättigheten kan inte längre tillgodoses. Avslå den och skriv skälet.',
  fulfilOtherPerson: 'Begäran {id} gäller en annan person. Öppna uppgifterna om personen som ska rättas från hens egen begäran.',
  fulfilNoteRequired: 'Skriv vad som gjordes med anledning av begäran. Texten meddelas personen i svaret.',
  fulfilConsentNoteRequired: 'Skriv vad personen gav sitt skriftliga samtycke till (mottagare och uppgifter, eller överföring utanför EU och EES).',
  fulfilRectificationNothing: 'Rättelsen ändrade ingenting. Öppna personens uppgifter från begäran, gör de begärda rättelserna i formuläret och spara.',
  fulfilScheduleFull: 'Listan över schemalagda raderingar är full. Be en administratör köra kontrollen av lagringstiden och försök sedan igen.',
  errConsentRequestUnknown: 'Det skriftliga samtycket {reference} finns inte bland begärandena. Registrera personens skriftliga samtycke som en begäran, tillgodose samtycket och ange den begärans ID.',
  errConsentRequestOther: 'Begäran {reference} gäller en annan person. Ange ID för den här personens eget skriftliga samtycke.',
  errConsentNotRecorded: 'Begäran {reference} har inget registrerat skriftligt samtycke. Tillgodose först samtycket i begäran (Begäranden › Tillgodose) och försök sedan igen.',
};

export const FULFIL_TEXTS_EN: Record<FulfilTextKey, string> = {
  fulfilNeedsVerification: "The requester's identity has not been verified, so the right cannot be fulfilled yet. Record the verification first (GDPR Article 12(6)).",
  fulfilClosed: 'The request is already closed ({status}). Its rights can no longer be fulfilled; log a new request if the person asks again.',
  fulfilNoCustomer: 'The request is not linked to a person in the register, so the right cannot be fulfilled. Link the request to the person\'s customer number, or decline the right with a reason (for example "no data about the person in the register").',
  fulfilCustomerGone: "The person's data has already been deleted from the register, so this right can no longer be fulfilled. Decline it and write the reason.",
  fulfilOtherPerson: "Request {id} is about another person. Open the record to correct from that person's own request.",
  fulfilNoteRequired: 'Write what was done about the request. The person is told this text in the reply.',
  fulfilConsentNoteRequired: 'Write what the person gave written consent to (the recipient and the data, or a transfer outside the EU and the EEA).',
  fulfilRectificationNothing: "The rectification changed nothing. Open the person's record from the request, make the corrections asked for in the form and save.",
  fulfilScheduleFull: 'The list of scheduled deletions is full. Ask an admin to run the retention check, then try again.',
  errConsentRequestUnknown: "The written consent {reference} is not among the requests. Log the person's written consent as a request, fulfil its consent, and give that request's ID.",
  errConsentRequestOther: "Request {reference} is another person's. Give the ID of this person's own written consent.",
  errConsentNotRecorded: 'Request {reference} has no recorded written consent. Fulfil the consent in that request first (Requests › Fulfil), then try again.',
};

/** The words of an access copy and of a portability copy, in one language. */
export interface CopyTexts {
  htmlLang: string;
  title: string;
  intro: string;
  controllerHeading: string;
  reference: string;
  generated: string;
  dataHeading: string;
  dataIntro: string;
  field: string;
  value: string;
  empty: string;
  purposesHeading: string;
  purposes: readonly string[];
  categoriesHeading: string;
  categories: readonly string[];
  recipientsHeading: string;
  recipientsPolicy: string;
  recipientsNone: string;
  recipientColumns: { date: string; recipient: string; country: string; basis: string; reference: string; categories: string };
  basisWords: { consent: string; authority: string };
  processor: string;
  retentionHeading: string;
  /** {months}: the retention period after the relationship ends. */
  retention: string;
  /** {until}, {reason}. */
  retentionHold: string;
  sourceHeading: string;
  sourceWords: { subject: string; public: string };
  rightsHeading: string;
  rights: readonly string[];
  transfersHeading: string;
  transfersNone: string;
  /** {countries}. */
  transfersSome: string;
  automatedHeading: string;
  automated: string;
  complaintHeading: string;
  complaint: string;
  requestsHeading: string;
  requestColumns: { id: string; received: string; type: string; status: string };
  /** Words for the codes the data holds (kinds, bases, …), so the copy reads without a key. */
  codes: Readonly<Record<string, string>>;
  csvSection: { data: string; disclosure: string; request: string };
  /** File names' stem (ASCII). */
  fileStem: string;
  portabilityStem: string;
}

/** The Data Protection Ombudsman: the supervisory authority a person may complain to (GDPR 77). */
export const OMBUDSMAN = {
  fi: 'Tietosuojavaltuutetun toimisto, PL 800, 00531 Helsinki, tietosuoja@om.fi, https://tietosuoja.fi',
  sv: 'Dataombudsmannens byrå, PB 800, 00531 Helsingfors, tietosuoja@om.fi, https://tietosuoja.fi/sv',
  en: 'Office of the Data Protection Ombudsman, P.O. Box 800, 00531 Helsinki, Finland, tietosuoja@om.fi, https://tietosuoja.fi/en',
} as const;

const CODES_FI = {
  customer: 'asiakas', stakeholder: 'sidosryhmä', person: 'henkilö', business: 'yritys', subject: 'rekisteröity itse', public: 'julkinen lähde',
  consent: 'suostumus', 'existing-customer': 'olemassa oleva asiakassuhde', none: 'ei markkinointia',
};
const CODES_SV = {
  customer: 'kund', stakeholder: 'intressent', person: 'person', business: 'företag', subject: 'den registrerade själv', public: 'offentlig källa',
  consent: 'samtycke', 'existing-customer': 'befintligt kundförhållande', none: 'ingen marknadsföring',
};
const CODES_EN = {
  customer: 'customer', stakeholder: 'stakeholder', person: 'person', business: 'business', subject: 'you yourself', public: 'a public source',
  consent: 'consent', 'existing-customer': 'existing customer relationship', none: 'no marketing',
};

export const COPY_TEXTS: Readonly<Record<RequestLanguage, CopyTexts>> = {
  fi: {
    htmlLang: 'fi',
    title: 'Kopio henkilötiedoistasi',
    intro: 'Tämä on tarkastuspyyntöösi (tietosuoja-asetuksen 15 artikla) annettu kopio kaikista sinusta asiakasrekisterissämme olevista tiedoista ja niiden käsittelystä.',
    controllerHeading: 'Rekisterinpitäjä',
    reference: 'Pyynnön tunnus',
    generated: 'Laadittu',
    dataHeading: 'Sinusta tallennetut tiedot',
    dataIntro: 'Rekisterissä on sinusta seuraavat tiedot:',
    field: 'Tieto',
    value: 'Arvo',
    empty: '(ei tietoa)',
    purposesHeading: 'Käsittelyn tarkoitukset',
    purposes: [
      'asiakassuhteen ja asiakaspalvelun hoitaminen',
      'asiakkaan ja rekisterinpitäjän oikeuksien ja velvollisuuksien toteuttaminen',
      'sidosryhmien henkilötietojen käsittely',
      'sidosryhmäviestintä, kuten uutiskirjeet, sähköiset tiedotteet ja sähköinen suoramarkkinointi (ei, jos olet kieltänyt markkinoinnin)',
    ],
    categoriesHeading: 'Henkilötietoryhmät',
    categories: ['nimi', 'sähköpostiosoite', 'matkapuhelinnumero', 'postiosoite', 'asiakasnumero'],
    recipientsHeading: 'Vastaanottajat',
    recipientsPolicy: 'Tietojasi ei luovuteta ulkopuolisille ilman erillistä pyyntöäsi ja kirjallista suostumustasi, paitsi Suomen viranomaistoimien niin edellyttäessä.',
    recipientsNone: 'Tietojasi ei ole luovutettu kenellekään.',
    recipientColumns: { date: 'Päivä', recipient: 'Vastaanottaja', country: 'Maa', basis: 'Peruste', reference: 'Viite', categories: 'Tiedot' },
    basisWords: { consent: 'kirjallinen suostumuksesi', authority: 'viranomaisen vaatimus' },
    processor: 'Rekisteriä ylläpidetään Googlen tietoverkossa (Google Workspace), joka käsittelee tietoja rekisterinpitäjän lukuun.',
    retentionHeading: 'Säilytysaika',
    retention: 'Tietojasi säilytetään asiakassuhteen ajan ja {months} kuukautta sen päättymisen jälkeen, ellei laki vaadi säilyttämään niitä pidempään. Tarpeettomat tiedot poistetaan säännöllisesti.',
    retentionHold: 'Tietojasi on säilytettävä lain nojalla {until} asti ({reason}).',
    sourceHeading: 'Mistä tiedot on saatu',
    sourceWords: { subject: 'suoraan sinulta', public: 'julkisista tai yleisesti saatavilla olevista lähteistä' },
    rightsHeading: 'Oikeutesi',
    rights: [
      'oikeus tarkastaa tietosi ja saada niistä kopio (15 artikla)',
      'oikeus vaatia virheellisten tai puutteellisten tietojen oikaisemista (16 artikla)',
      'oikeus vaatia tietojesi poistamista (17 artikla)',
      'oikeus vaatia käsittelyn rajoittamista (18 artikla)',
      'oikeus saada itse antamasi tiedot koneluettavassa muodossa ja siirtää ne (20 artikla)',
      'oikeus kieltää tietojesi käsittely suoramarkkinointia varten milloin tahansa (21 artikla)',
      'oikeus peruuttaa antamasi suostumus milloin tahansa',
    ],
    transfersHeading: 'Siirrot EU:n ja ETA:n ulkopuolelle',
    transfersNone: 'Tietojasi ei ole siirretty EU:n tai ETA:n ulkopuolelle. Siirtoja ei tehdä ilman erillistä kirjallista pyyntöäsi.',
    transfersSome: 'Tietojasi on siirretty EU:n ja ETA:n ulkopuolelle kirjallisen pyyntösi perusteella (49 artiklan 1 kohdan a alakohta): {countries}.',
    automatedHeading: 'Automaattiset päätökset',
    automated: 'Tietojasi ei käytetä automaattiseen päätöksentekoon eikä profilointiin.',
    complaintHeading: 'Oikeus valittaa',
    complaint: 'Jos katsot, että tietojesi käsittely rikkoo tietosuoja-asetusta, voit tehdä valituksen valvontaviranomaiselle:',
    requestsHeading: 'Pyyntösi',
    requestColumns: { id: 'Tunnus', received: 'Vastaanotettu', type: 'Pyyntö', status: 'Tila' },
    codes: CODES_FI,
    csvSection: { data: 'tieto', disclosure: 'luovutus', request: 'pyyntö' },
    fileStem: 'henkilotiedot',
    portabilityStem: 'siirrettavat-tiedot',
  },
  sv: {
    htmlLang: 'sv',
    title: 'Kopia av dina personuppgifter',
    intro: 'Detta är kopian som svar på din begäran om insyn (artikel 15 i dataskyddsförordningen) av alla uppgifter om dig i vårt kundregister och av hur de behandlas.',
    controllerHeading: 'Personuppgiftsansvarig',
    reference: 'Begärans ID',
    generated: 'Upprättad',
    dataHeading: 'Uppgifter som sparats om dig',
    dataIntro: 'Registret innehåller följande uppgifter om dig:',
    field: 'Uppgift',
    value: 'Värde',
    empty: '(ingen uppgift)',
    purposesHeading: 'Ändamål med behandlingen',
    purposes: [
      'skötsel av kundförhållandet och kundtjänsten',
      'fullgörande av kundens och den personuppgiftsansvariges rättigheter och skyldigheter',
      'behandling av intressenters personuppgifter',
      'kommunikation med intressenter, såsom nyhetsbrev, elektroniska meddelanden och elektronisk direktmarknadsföring (inte om du har förbjudit marknadsföring)',
    ],
    categoriesHeading: 'Kategorier av personuppgifter',
    categories: ['namn', 'e-postadress', 'mobiltelefonnummer', 'postadress', 'kundnummer'],
    recipientsHeading: 'Mottagare',
    recipientsPolicy: 'Dina uppgifter lämnas inte ut till utomstående utan din separata begäran och ditt skriftliga samtycke, utom när finska myndigheters åtgärder kräver det.',
    recipientsNone: 'Dina uppgifter har inte lämnats ut till någon.',
    recipientColumns: { date: 'Datum', recipient: 'Mottagare', country: 'Land', basis: 'Grund', reference: 'Referens', categories: 'Uppgifter' },
    basisWords: { consent: 'ditt skriftliga samtycke', authority: 'en myndighets krav' },
    processor: 'Registret förs i Googles nätverk (Google Workspace), som behandlar uppgifterna för den personuppgiftsansvariges räkning.',
    retentionHeading: 'Lagringstid',
    retention: 'Dina uppgifter sparas under kundförhållandet och {months} månader efter att det har upphört, om inte lagen kräver att de sparas längre. Onödiga uppgifter raderas regelbundet.',
    retentionHold: 'Dina uppgifter ska enligt lag sparas till {until} ({reason}).',
    sourceHeading: 'Varifrån uppgifterna kommer',
    sourceWords: { subject: 'direkt från dig', public: 'från offentliga eller allmänt tillgängliga källor' },
    rightsHeading: 'Dina rättigheter',
    rights: [
      'rätt att få insyn i dina uppgifter och en kopia av dem (artikel 15)',
      'rätt att kräva rättelse av felaktiga eller ofullständiga uppgifter (artikel 16)',
      'rätt att kräva radering av dina uppgifter (artikel 17)',
      'rätt att kräva begränsning av behandlingen (artikel 18)',
      'rätt att få de uppgifter du själv lämnat i maskinläsbar form och överföra dem (artikel 20)',
      'rätt att när som helst förbjuda behandling av dina uppgifter för direktmarknadsföring (artikel 21)',
      'rätt att när som helst återkalla ett samtycke du har gett',
    ],
    transfersHeading: 'Överföringar utanför EU och EES',
    transfersNone: 'Dina uppgifter har inte överförts utanför EU eller EES. Överföringar görs inte utan din separata skriftliga begäran.',
    transfersSome: 'Dina uppgifter har överförts utanför EU och EES på din skriftliga begäran (artikel 49.1 a): {countries}.',
    automatedHeading: 'Automatiserade beslut',
    automated: 'Dina uppgifter används inte för automatiserat beslutsfattande eller profilering.',
    complaintHeading: 'Rätt att klaga',
    complaint: 'Om du anser att behandlingen av dina uppgifter strider mot dataskyddsförordningen kan du lämna in ett klagomål till tillsynsmyndigheten:',
    requestsHeading: 'Dina begäranden',
    requestColumns: { id: 'ID', received: 'Mottagen', type: 'Begäran', status: 'Status' },
    codes: CODES_SV,
    csvSection: { data: 'uppgift', disclosure: 'utlämnande', request: 'begäran' },
    fileStem: 'personuppgifter',
    portabilityStem: 'overforbara-uppgifter',
  },
  en: {
    htmlLang: 'en',
    title: 'A copy of your personal data',
    intro: 'This is the copy, in answer to your request for access (GDPR Article 15), of all the data about you in our customer register and of how it is processed.',
    controllerHeading: 'Controller',
    reference: 'Request ID',
    generated: 'Prepared',
    dataHeading: 'The data stored about you',
    dataIntro: 'The register holds the following data about you:',
    field: 'Data',
    value: 'Value',
    empty: '(none)',
    purposesHeading: 'Purposes of processing',
    purposes: [
      'managing the customer relationship and customer service',
      'carrying out the rights and obligations of the customer and of the controller',
      'processing personal data of stakeholders',
      'stakeholder communication such as newsletters, electronic bulletins and electronic direct marketing (not if you have forbidden marketing)',
    ],
    categoriesHeading: 'Categories of personal data',
    categories: ['name', 'email address', 'mobile phone number', 'postal address', 'customer number'],
    recipientsHeading: 'Recipients',
    recipientsPolicy: "Your data is not disclosed to outsiders without your separate request and written consent, except where Finnish authorities' actions require it.",
    recipientsNone: 'Your data has not been disclosed to anyone.',
    recipientColumns: { date: 'Date', recipient: 'Recipient', country: 'Country', basis: 'Basis', reference: 'Reference', categories: 'Data' },
    basisWords: { consent: 'your written consent', authority: "an authority's demand" },
    processor: "The register is kept in Google's network (Google Workspace), which processes the data on the controller's behalf.",
    retentionHeading: 'Retention period',
    retention: 'Your data is kept for as long as the customer relationship lasts and {months} months after it ends, unless the law requires it to be kept longer. Data no longer needed is deleted regularly.',
    retentionHold: 'By law your data must be kept until {until} ({reason}).',
    sourceHeading: 'Where the data came from',
    sourceWords: { subject: 'directly from you', public: 'from public or generally available sources' },
    rightsHeading: 'Your rights',
    rights: [
      'the right of access to your data and to a copy of it (Article 15)',
      'the right to have inaccurate or incomplete data rectified (Article 16)',
      'the right to have your data erased (Article 17)',
      'the right to have processing restricted (Article 18)',
      'the right to receive the data you gave in a machine-readable form and to transmit it (Article 20)',
      'the right to object at any time to processing of your data for direct marketing (Article 21)',
      'the right to withdraw a consent you gave at any time',
    ],
    transfersHeading: 'Transfers outside the EU and the EEA',
    transfersNone: 'Your data has not been transferred outside the EU or the EEA. No transfer is made without your separate written request.',
    transfersSome: 'Your data has been transferred outside the EU and the EEA at your written request (Article 49(1)(a)): {countries}.',
    automatedHeading: 'Automated decisions',
    automated: 'Your data is not used for automated decision-making or profiling.',
    complaintHeading: 'Right to complain',
    complaint: 'If you consider that the processing of your data infringes the GDPR, you may lodge a complaint with the supervisory authority:',
    requestsHeading: 'Your requests',
    requestColumns: { id: 'ID', received: 'Received', type: 'Request', status: 'Status' },
    codes: CODES_EN,
    csvSection: { data: 'data', disclosure: 'disclosure', request: 'request' },
    fileStem: 'personal-data',
    portabilityStem: 'portable-data',
  },
};

/** The words of a reply draft, in one language. `{…}` are filled by replies.ts. */
export interface ReplyTexts {
  /** A new mail's subject (a case with no Gmail thread). {id}. */
  subject: string;
  greeting: string;
  /** {received}: the day the request arrived. */
  opening: string;
  fulfilled: Readonly<Record<RequestType, string>>;
  /** Erasure when a legal hold protects the record. {until}, {reason}. */
  erasureScheduled: string;
  /** GDPR 19: who was told of the erasure, rectification or restriction. {recipients}. */
  recipientsInformed: string;
  /** {fields}. */
  rectifiedFields: string;
  attachments: string;
  /** {right}, {reason}. */
  declined: string;
  /** {ombudsman}. */
  complaint: string;
  note: string;
  closing: string;
  reference: string;
  rightNames: Readonly<Record<RequestType, string>>;
}

export const REPLY_TEXTS: Readonly<Record<RequestLanguage, ReplyTexts>> = {
  fi: {
    subject: 'Tietosuojapyyntönne {id}',
    greeting: 'Hyvä vastaanottaja,',
    opening: 'kiitos {received} saapuneesta pyynnöstänne.',
    fulfilled: {
      access: 'Liitteenä on kopio kaikista teistä rekisterissämme olevista tiedoista ja niiden käsittelystä (tietosuoja-asetuksen 15 artikla): luettava HTML-tiedosto sekä samat tiedot JSON- ja CSV-muodossa.',
      portability: 'Liitteenä ovat itse antamanne tiedot koneluettavassa JSON- ja CSV-muodossa (tietosuoja-asetuksen 20 artikla). Voitte siirtää ne toiselle rekisterinpitäjälle.',
      erasure: 'Tietonne on poistettu asiakasrekisteristämme (tietosuoja-asetuksen 17 artikla). Asiakasnumeroanne ei anneta kenellekään muulle.',
      restriction: 'Tietojenne käsittelyä on rajoitettu (tietosuoja-asetuksen 18 artikla): tietojanne ei käytetä markkinointiin eikä luovuteta, ja niitä säilytetään vain lain vaatimalla tavalla.',
      objection: 'Olemme kieltäneet tietojenne käytön suoramarkkinointiin (tietosuoja-asetuksen 21 artikla). Kielto on voimassa pysyvästi.',
      rectification: 'Tietonne on oikaistu pyyntönne mukaisesti (tietosuoja-asetuksen 16 artikla).',
      consent: 'Olemme kirjanneet kirjallisen suostumuksenne. Voitte peruuttaa sen milloin tahansa ilmoittamalla meille.',
      other: 'Olemme käsitelleet pyyntönne.',
    },
    erasureScheduled: 'Laki velvoittaa meitä säilyttämään tietonne {until} asti ({reason}), joten niitä ei voi poistaa vielä. Olemme rajoittaneet niiden käsittelyn: niitä ei käytetä mihinkään muuhun, ja ne poistetaan, kun säilytysvelvoite päättyy (tietosuoja-asetuksen 17 artiklan 3 kohta ja 18 artikla).',
    recipientsInformed: 'Tietojanne on luovutettu seuraaville vastaanottajille, joille ilmoitamme muutoksesta (tietosuoja-asetuksen 19 artikla): {recipients}.',
    rectifiedFields: 'Oikaistut tiedot: {fields}.',
    attachments: 'Liitteet',
    declined: 'Emme voi toteuttaa pyyntöänne ({right}). Syy: {reason}',
    complaint: 'Jos olette tyytymätön ratkaisuun, voitte tehdä valituksen tietosuojavaltuutetulle ({ombudsman}) tai hakea muutosta tuomioistuimelta.',
    note: 'Lisätietoja',
    closing: 'Ystävällisin terveisin',
    reference: 'Viite',
    rightNames: {
      access: 'tietojen tarkastaminen', rectification: 'tietojen oikaiseminen', erasure: 'tietojen poistaminen', restriction: 'käsittelyn rajoittaminen',
      portability: 'tietojen siirtäminen', objection: 'suoramarkkinoinnin kielto', consent: 'kirjallinen suostumus', other: 'pyyntö',
    },
  },
  sv: {
    subject: 'Er begäran om dataskydd {id}',
    greeting: 'Bästa mottagare,',
    opening: 'tack för er begäran som kom in {received}.',
    fulfilled: {
      access: 'Bifogat finns en kopia av alla uppgifter om er i vårt register och av hur de behandlas (artikel 15 i dataskyddsförordningen): en läsbar HTML-fil och samma uppgifter i JSON- och CSV-format.',
      portability: 'Bifogat finns de uppgifter ni själva har lämnat i maskinläsbart JSON- och CSV-format (artikel 20 i dataskyddsförordningen). Ni kan överföra dem till en annan personuppgiftsansvarig.',
      erasure: 'Era uppgifter har raderats ur vårt kundregister (artikel 17 i dataskyddsförordningen). Ert kundnummer ges inte till någon annan.',
      restriction: 'Behandlingen av era uppgifter har begränsats (artikel 18 i dataskyddsförordningen): de används inte för marknadsföring, lämnas inte ut och sparas endast så som lagen kräver.',
      objection: 'Vi har förbjudit användningen av era uppgifter för direktmarknadsföring (artikel 21 i dataskyddsförordningen). Förbudet gäller permanent.',
      rectification: 'Era uppgifter har rättats enligt er begäran (artikel 16 i dataskyddsförordningen).',
      consent: 'Vi har registrerat ert skriftliga samtycke. Ni kan när som helst återkalla det genom att meddela oss.',
      other: 'Vi har behandlat er begäran.',
    },
    erasureScheduled: 'Lagen ålägger oss att spara era uppgifter till {until} ({reason}), så de kan inte raderas ännu. Vi har begränsat behandlingen: de används inte till något annat och raderas när lagringsskyldigheten upphör (artikel 17.3 och artikel 18 i dataskyddsförordningen).',
    recipientsInformed: 'Era uppgifter har lämnats ut till följande mottagare, som vi underrättar om ändringen (artikel 19 i dataskyddsförordningen): {recipients}.',
    rectifiedFields: 'Rättade uppgifter: {fields}.',
    attachments: 'Bilagor',
    declined: 'Vi kan inte tillgodose er begäran ({right}). Skäl: {reason}',
    complaint: 'Om ni inte är nöjda med beslutet kan ni lämna in ett klagomål till dataombudsmannen ({ombudsman}) eller söka ändring i domstol.',
    note: 'Mer information',
    closing: 'Med vänliga hälsningar',
    reference: 'Referens',
    rightNames: {
      access: 'insyn i uppgifterna', rectification: 'rättelse av uppgifterna', erasure: 'radering av uppgifterna', restriction: 'begränsning av behandlingen',
      portability: 'dataportabilitet', objection: 'förbud mot direktmarknadsföring', consent: 'skriftligt samtycke', other: 'begäran',
    },
  },
  en: {
    subject: 'Your data protection request {id}',
    greeting: 'Dear recipient,',
    opening: 'thank you for your request, received on {received}.',
    fulfilled: {
      access: 'Attached is a copy of all the data about you in our register and of how it is processed (GDPR Article 15): a readable HTML file, and the same data as JSON and CSV.',
      portability: 'Attached is the data you gave us, in machine-readable JSON and CSV (GDPR Article 20). You may transmit it to another controller.',
      erasure: 'Your data has been erased from our customer register (GDPR Article 17). Your customer number will not be given to anyone else.',
      restriction: 'Processing of your data has been restricted (GDPR Article 18): it is not used for marketing, not disclosed, and kept only as the law requires.',
      objection: 'We have barred the use of your data for direct marketing (GDPR Article 21). The ban is permanent.',
      rectification: 'Your data has been rectified as you asked (GDPR Article 16).',
      consent: 'We have recorded your written consent. You may withdraw it at any time by telling us.',
      other: 'We have dealt with your request.',
    },
    erasureScheduled: 'The law requires us to keep your data until {until} ({reason}), so it cannot be erased yet. We have restricted its processing: it is used for nothing else, and it will be erased when the obligation ends (GDPR Articles 17(3) and 18).',
    recipientsInformed: 'Your data was disclosed to the following recipients, whom we are informing of the change (GDPR Article 19): {recipients}.',
    rectifiedFields: 'Data rectified: {fields}.',
    attachments: 'Attachments',
    declined: 'We cannot fulfil your request ({right}). Reason: {reason}',
    complaint: 'If you are not satisfied with the decision, you may lodge a complaint with the Data Protection Ombudsman ({ombudsman}) or seek a remedy in court.',
    note: 'Further information',
    closing: 'Kind regards',
    reference: 'Reference',
    rightNames: {
      access: 'access to your data', rectification: 'rectification of your data', erasure: 'erasure of your data', restriction: 'restriction of processing',
      portability: 'data portability', objection: 'objection to direct marketing', consent: 'written consent', other: 'request',
    },
  },
};
