/**
 * The privacy notice's words (src/core/notice.ts) in Finnish, Swedish and English. The Finnish
 * text keeps the wording of CleanRoom's original notice (tietosuojaseloste) wherever the facts
 * are the same, and says what the software really does where the original is vague (the
 * retention period, the daily deletion, who has access). `{name}` placeholders are filled with
 * escaped values from the settings; a missing translation is a type error.
 */
import type { Language } from '../schema';
import type { NoticePurpose } from '../settings';
import type { Source } from '../customer';

/** The notice's sections, in the original's order; `complaint` is added (GDPR 13(2)(d)). */
export const NOTICE_SECTIONS = [
  'controller', 'purposes', 'content', 'sources', 'disclosures', 'deletion', 'retention', 'security',
  'objection', 'transfers', 'access', 'rectification', 'complaint',
] as const;
export type NoticeSection = (typeof NOTICE_SECTIONS)[number];

export interface NoticeTexts {
  title: string;
  subtitle: string;
  updated: string;
  heading: Record<NoticeSection, string>;
  controllerContact: string;
  purpose: Record<NoticePurpose, string>;
  marketingRule: string;
  contentIntro: string;
  contentFields: readonly string[];
  contentBookkeeping: string;
  sourcesIntro: string;
  source: Record<Source, string>;
  sourcesRecorded: string;
  disclosuresRule: string;
  disclosuresRecipients: string;
  disclosuresLogged: string;
  deletionRule: string;
  deletionOnDemand: string;
  retentionRule: string;
  retentionPeriod: string;
  retentionImmediate: string;
  retentionHold: string;
  retentionRequests: string;
  /** `{n}` months, with the years when it is a whole number of them. */
  months: (n: number) => string;
  securityRule: string;
  securityKeyPersonnel: string;
  people: (n: number) => string;
  objectionRule: string;
  objectionEffect: string;
  transfersRule: string;
  accessRule: string;
  accessHow: string;
  rectificationRule: string;
  rectificationHow: string;
  complaintRule: string;
}

const years = (n: number, one: string, many: string) => (n % 12 === 0 && n > 0 ? ` (${n / 12} ${n === 12 ? one : many})` : '');

export const NOTICE_TEXTS: Record<Language, NoticeTexts> = {
  fi: {
    title: 'Tietosuojaseloste',
    subtitle: 'Rekisteri- ja tietosuojaseloste: EU:n yleinen tietosuoja-asetus (2016/679), 13 ja 14 artikla',
    updated: 'Päivitetty {date}',
    heading: {
      controller: 'Rekisterinpitäjä',
      purposes: 'Henkilötietojen käsittelyn tarkoitus',
      content: 'Rekisterin tietosisältö',
      sources: 'Rekisterin säännönmukaiset tietolähteet',
      disclosures: 'Säännönmukaiset tietojen luovutukset',
      deletion: 'Tietojen poistaminen',
      retention: 'Henkilötietojen säilytysaika',
      security: 'Rekisterin suojauksen periaatteet',
      objection: 'Kielto-oikeus',
      transfers: 'Säännönmukaiset tietojen luovutukset ja tietojen siirto EU:n tai Euroopan talousalueen ulkopuolelle',
      access: 'Rekisteröidyn tarkastusoikeus',
      rectification: 'Tiedon korjaaminen',
      complaint: 'Oikeus tehdä valitus valvontaviranomaiselle',
    },
    controllerContact: 'Rekisteriä koskevat yhteydenotot ja pyynnöt: {email} tai kirjeitse osoitteeseen {address}.',
    purpose: {
      'customer-relationship': 'asiakassuhteen ja asiakaspalvelun hoitaminen',
      'rights-and-obligations': 'asiakkaan ja rekisterinpitäjän oikeuksien ja velvollisuuksien toteuttaminen',
      stakeholders: 'sidosryhmien henkilötietojen käsittely',
      'stakeholder-communication': 'Rekisteriin tallennettuja henkilötietoja voidaan käyttää sidosryhmäviestintään, kuten uutiskirjeiden, sähköisten tiedotteiden ja sähköisen suoramarkkinoinnin lähettämiseen liittyen.',
    },
    marketingRule: 'Sähköistä suoramarkkinointia lähetetään vain henkilöille, joille sen saa lain mukaan lähettää (kuluttajalle hänen suostumuksellaan tai asiakassuhteen perusteella omista vastaavista tuotteista, yrityksen yhteyshenkilölle kunnes hän kieltää sen), eikä koskaan henkilölle, joka on kieltänyt markkinoinnin.',
    contentIntro: 'Rekisteri voi sisältää seuraavan ryhmittelyn mukaiset tiedot asiakkaista:',
    contentFields: ['Nimi', 'Sähköpostiosoite', 'Matkapuhelinnumero', 'Postiosoite', 'Asiakasnumero'],
    contentBookkeeping: 'Lisäksi kuhunkin henkilöön liittyvät merkinnät, joita tietojen asianmukainen käsittely edellyttää: tietolähde, markkinoinnin peruste ja mahdollinen markkinointikielto, asiakkuuden alkamis- ja päättymispäivä, lakisääteinen säilytysvelvoite ja käsittelyn rajoitus.',
    sourcesIntro: 'Henkilötiedot on saatu pääsääntöisesti seuraavista tietolähteistä:',
    source: { subject: 'Suoraan rekisteröidyltä itseltään', public: 'Julkisista tai yleisesti saatavilla olevista lähteistä' },
    sourcesRecorded: 'Jokaisen henkilön kohdalle on kirjattu, mistä hänen tietonsa on saatu.',
    disclosuresRule: 'Rekisterinpitäjä ei luovuta asiakkaiden henkilötietoja ulkopuolisille ilman asiakkaan erillistä pyyntöä ja kirjallista suostumusta, paitsi Suomen viranomaistoimien niin edellyttäessä.',
    disclosuresRecipients: 'Tietoja luovutetaan lisäksi säännönmukaisesti seuraaville vastaanottajille:',
    disclosuresLogged: 'Jokainen luovutus kirjataan perusteineen (asiakkaan kirjallinen suostumus tai viranomaisen vaatimus).',
    deletionRule: 'Tietoja voidaan poistaa asiakkaan vaatimuksesta tai asiakassuhteen loppumisen vuoksi.',
    deletionOnDemand: 'Poistovaatimus toteutetaan kuukauden kuluessa sen saapumisesta. Jos laki velvoittaa säilyttämään tiedot, niiden käsittely rajoitetaan ja ne poistetaan heti säilytysvelvoitteen päätyttyä.',
    retentionRule: 'Rekisterinpitäjä käsittelee ja säilyttää henkilötietoja ainoastaan niin kauan kuin on tarpeellista henkilötiedon ennalta määritellyn käyttötarkoituksen kannalta. Tarpeettomiksi muuttuneet henkilötiedot, joita rekisterinpitäjällä ei ole enää perustetta säilyttää eikä käsitellä, poistetaan säännöllisin väliajoin rekisterinpitäjän omien tietosuojakäytäntöjen mukaisesti. Henkilötiedot ovat muuttuneet tarpeettomiksi esimerkiksi silloin, kun asiakas-, liike-, yhteistyö- tai sopimussuhde rekisterinpitäjään on päättynyt, paitsi milloin lainsäädäntö vaatii henkilötiedot säilyttämään.',
    retentionPeriod: 'Henkilön tiedot poistetaan, kun asiakas-, liike-, yhteistyö- tai sopimussuhteen päättymisestä on kulunut {period}. Poistot tehdään automaattisesti joka yö.',
    retentionImmediate: 'Henkilön tiedot poistetaan asiakas-, liike-, yhteistyö- tai sopimussuhteen päätyttyä seuraavana yönä tehtävässä automaattisessa poistossa.',
    retentionHold: 'Jos lainsäädäntö (esimerkiksi kirjanpitolaki) vaatii säilyttämään tiedot pidempään, ne säilytetään vain siihen asti ja poistetaan säilytysvelvoitteen päätyttyä.',
    retentionRequests: 'Tietosuojapyyntöjen käsittelytiedot säilytetään {period} pyynnön käsittelyn päättymisestä; sen jälkeen niistä poistetaan henkilötiedot ja pyyntöä koskeva sähköposti.',
    months: (n) => `${n} ${n === 1 ? 'kuukausi' : 'kuukautta'}${years(n, 'vuosi', 'vuotta')}`,
    securityRule: 'Rekisteriä ylläpidetään {host}:n tietoverkossa, joka on salasanalla suojattu ja vain avainhenkilöiden käytettävissä.',
    securityKeyPersonnel: 'Rekisteri on jaettu vain rekisterinpitäjän nimeämille avainhenkilöille (tällä hetkellä {people}). Tiedoston jakaminen linkillä tai koko organisaatiolle on estetty, ja jokainen rekisterin käsittely kirjataan lokiin, jota ei voi muuttaa huomaamatta.',
    people: (n) => `${n} ${n === 1 ? 'henkilö' : 'henkilöä'}`,
    objectionRule: 'Asiakkaalla on oikeus kieltää tietojensa käsittely suoramainontaa ja muuta markkinointia varten. Asiakas voi tehdä kiellon kirjallisesti milloin tahansa asiakassuhteen aikana.',
    objectionEffect: 'Kiellon voi lähettää sähköpostilla osoitteeseen {email}. Kielto tulee voimaan heti, ja se on pysyvä.',
    transfersRule: 'Rekisterinpitäjä ei tee tietojen luovutuksia EU:n tai ETA:n ulkopuolelle ilman asiakkaan toimesta tehtyä erillistä kirjallista pyyntöä.',
    accessRule: 'Rekisteröidyllä on oikeus tarkastaa rekisteriin tallennetut itseään koskevat tiedot ja saada niistä kopiot. Tarkastuspyyntö tulee tehdä kirjallisesti.',
    accessHow: 'Pyynnön voi lähettää sähköpostilla osoitteeseen {email} tai kirjeitse osoitteeseen {address}. Kopio toimitetaan kuukauden kuluessa ja vain rekisteriin merkittyyn osoitteeseen.',
    rectificationRule: 'Rekisterinpitäjä oikaisee, poistaa tai täydentää rekisterissä olevan virheellisen, tarpeettoman, puutteellisen tai vanhentuneen henkilötiedon oma-aloitteisesti tai rekisteröidyn vaatimuksesta.',
    rectificationHow: 'Rekisteröidyn tulee ottaa kirjallisesti yhteyttä rekisterinpitäjään ({email}) tiedon korjaamiseksi.',
    complaintRule: 'Rekisteröidyllä on oikeus tehdä valitus valvontaviranomaiselle, Suomessa tietosuojavaltuutetun toimistolle (tietosuoja.fi), jos hän katsoo, että hänen henkilötietojaan käsitellään tietosuoja-asetuksen vastaisesti.',
  },
  sv: {
    title: 'Dataskyddsbeskrivning',
    subtitle: 'Register- och dataskyddsbeskrivning: EU:s allmänna dataskyddsförordning (2016/679), artiklarna 13 och 14',
    updated: 'Uppdaterad {date}',
    heading: {
      controller: 'Personuppgiftsansvarig',
      purposes: 'Ändamål med behandlingen av personuppgifter',
      content: 'Registrets datainnehåll',
      sources: 'Regelbundna uppgiftskällor',
      disclosures: 'Regelbundna utlämnanden av uppgifter',
      deletion: 'Radering av uppgifter',
      retention: 'Lagringstid för personuppgifter',
      security: 'Principer för skyddet av registret',
      objection: 'Rätt att förbjuda',
      transfers: 'Regelbundna utlämnanden och överföring av uppgifter utanför EU eller Europeiska ekonomiska samarbetsområdet',
      access: 'Den registrerades rätt till insyn',
      rectification: 'Rättelse av uppgifter',
      complaint: 'Rätt att lämna klagomål till tillsynsmyndigheten',
    },
    controllerContact: 'Kontakter och begäranden som gäller registret: {email} eller per brev till {address}.',
    purpose: {
      'customer-relationship': 'skötsel av kundförhållandet och kundservicen',
      'rights-and-obligations': 'fullgörande av kundens och den personuppgiftsansvariges rättigheter och skyldigheter',
      stakeholders: 'behandling av intressenters personuppgifter',
      'stakeholder-communication': 'Personuppgifter i registret kan användas för kommunikation med intressenter, såsom utskick av nyhetsbrev, elektroniska meddelanden och elektronisk direktmarknadsföring.',
    },
    marketingRule: 'Elektronisk direktmarknadsföring skickas endast till personer som den lagligen får skickas till (en konsument med samtycke eller om egna liknande produkter på grund av kundförhållandet, ett företags kontaktperson tills hen förbjuder det), och aldrig till den som har förbjudit marknadsföring.',
    contentIntro: 'Registret kan innehålla följande uppgifter om kunderna:',
    contentFields: ['Namn', 'E-postadress', 'Mobiltelefonnummer', 'Postadress', 'Kundnummer'],
    contentBookkeeping: 'Dessutom de anteckningar om varje person som en korrekt behandling kräver: uppgiftskälla, grund för marknadsföring och ett eventuellt marknadsföringsförbud, kundförhållandets början och slut, lagstadgad lagringsskyldighet och begränsning av behandling.',
    sourcesIntro: 'Personuppgifterna har i regel fåtts från följande källor:',
    source: { subject: 'Direkt från den registrerade själv', public: 'Från offentliga eller allmänt tillgängliga källor' },
    sourcesRecorded: 'För varje person antecknas varifrån uppgifterna har fåtts.',
    disclosuresRule: 'Den personuppgiftsansvarige lämnar inte ut kundernas personuppgifter till utomstående utan kundens särskilda begäran och skriftliga samtycke, utom när finska myndighetsåtgärder kräver det.',
    disclosuresRecipients: 'Uppgifter lämnas dessutom regelbundet ut till följande mottagare:',
    disclosuresLogged: 'Varje utlämnande antecknas med sin grund (kundens skriftliga samtycke eller myndighetens krav).',
    deletionRule: 'Uppgifter kan raderas på kundens begäran eller då kundförhållandet har upphört.',
    deletionOnDemand: 'En begäran om radering verkställs inom en månad från att den kom in. Om lagen kräver att uppgifterna bevaras begränsas behandlingen av dem, och de raderas så snart lagringsskyldigheten upphör.',
    retentionRule: 'Den personuppgiftsansvarige behandlar och bevarar personuppgifter endast så länge som det är nödvändigt för det på förhand bestämda ändamålet. Personuppgifter som har blivit onödiga och som den personuppgiftsansvarige inte längre har grund att bevara eller behandla raderas regelbundet enligt den personuppgiftsansvariges egen dataskyddspraxis. Personuppgifter har blivit onödiga till exempel när kund-, affärs-, samarbets- eller avtalsförhållandet med den personuppgiftsansvarige har upphört, utom när lagstiftningen kräver att personuppgifterna bevaras.',
    retentionPeriod: 'En persons uppgifter raderas när {period} har gått sedan kund-, affärs-, samarbets- eller avtalsförhållandet upphörde. Raderingen görs automatiskt varje natt.',
    retentionImmediate: 'En persons uppgifter raderas vid den automatiska raderingen natten efter att kund-, affärs-, samarbets- eller avtalsförhållandet upphörde.',
    retentionHold: 'Om lagstiftningen (till exempel bokföringslagen) kräver att uppgifterna bevaras längre, bevaras de endast så länge och raderas när lagringsskyldigheten upphör.',
    retentionRequests: 'Uppgifterna om behandlingen av dataskyddsbegäranden bevaras i {period} från att begäran slutbehandlades; därefter tas personuppgifterna och e-posten om begäran bort.',
    months: (n) => `${n} ${n === 1 ? 'månad' : 'månader'}${years(n, 'år', 'år')}`,
    securityRule: 'Registret förs i {host}s datanät, som är lösenordsskyddat och endast tillgängligt för nyckelpersoner.',
    securityKeyPersonnel: 'Registret delas endast med nyckelpersoner som den personuppgiftsansvarige har utsett (för närvarande {people}). Delning av filen via länk eller med hela organisationen är spärrad, och varje behandling av registret antecknas i en logg som inte kan ändras obemärkt.',
    people: (n) => `${n} ${n === 1 ? 'person' : 'personer'}`,
    objectionRule: 'Kunden har rätt att förbjuda behandling av sina uppgifter för direktreklam och annan marknadsföring. Kunden kan göra förbudet skriftligen när som helst under kundförhållandet.',
    objectionEffect: 'Förbudet kan skickas per e-post till {email}. Det träder i kraft genast och är bestående.',
    transfersRule: 'Den personuppgiftsansvarige lämnar inte ut uppgifter utanför EU eller EES utan en särskild skriftlig begäran från kunden.',
    accessRule: 'Den registrerade har rätt att kontrollera de uppgifter om sig själv som lagrats i registret och att få kopior av dem. Begäran om insyn ska göras skriftligen.',
    accessHow: 'Begäran kan skickas per e-post till {email} eller per brev till {address}. Kopian levereras inom en månad och endast till den adress som finns i registret.',
    rectificationRule: 'Den personuppgiftsansvarige rättar, raderar eller kompletterar felaktiga, onödiga, bristfälliga eller föråldrade personuppgifter i registret på eget initiativ eller på den registrerades begäran.',
    rectificationHow: 'Den registrerade ska kontakta den personuppgiftsansvarige skriftligen ({email}) för att få uppgifter rättade.',
    complaintRule: 'Den registrerade har rätt att lämna klagomål till tillsynsmyndigheten, i Finland dataombudsmannens byrå (tietosuoja.fi), om hen anser att hens personuppgifter behandlas i strid med dataskyddsförordningen.',
  },
  en: {
    title: 'Privacy notice',
    subtitle: 'Register description and privacy notice: EU General Data Protection Regulation (2016/679), Articles 13 and 14',
    updated: 'Updated {date}',
    heading: {
      controller: 'Controller',
      purposes: 'Purposes of processing personal data',
      content: 'Data content of the register',
      sources: 'Regular sources of data',
      disclosures: 'Regular disclosures of data',
      deletion: 'Deletion of data',
      retention: 'Retention period',
      security: 'Principles of protecting the register',
      objection: 'Right to object',
      transfers: 'Regular disclosures and transfers outside the EU or the European Economic Area',
      access: "Data subject's right of access",
      rectification: 'Correcting data',
      complaint: 'Right to lodge a complaint with the supervisory authority',
    },
    controllerContact: 'Contacts and requests about the register: {email}, or by letter to {address}.',
    purpose: {
      'customer-relationship': 'managing the customer relationship and customer service',
      'rights-and-obligations': 'carrying out the rights and obligations of the customer and of the controller',
      stakeholders: 'processing personal data of stakeholders',
      'stakeholder-communication': 'Personal data in the register may be used for stakeholder communication, such as sending newsletters, electronic bulletins and electronic direct marketing.',
    },
    marketingRule: 'Electronic direct marketing is sent only to people it may lawfully be sent to (a consumer with their consent, or about our own similar products on the basis of the customer relationship; a business contact until they object), and never to anyone who has forbidden marketing.',
    contentIntro: 'The register may contain the following data about customers:',
    contentFields: ['Name', 'Email address', 'Mobile phone number', 'Postal address', 'Customer number'],
    contentBookkeeping: 'In addition, the notes about each person that proper processing needs: the source of the data, the basis for marketing and any marketing ban, the start and end of the customer relationship, a statutory retention obligation and a restriction of processing.',
    sourcesIntro: 'Personal data is obtained mainly from the following sources:',
    source: { subject: 'The data subject directly', public: 'Public or generally available sources' },
    sourcesRecorded: 'For each person the register records where their data came from.',
    disclosuresRule: "The controller does not disclose customers' personal data to outsiders without the customer's separate request and written consent, except where Finnish authorities' actions require it.",
    disclosuresRecipients: 'In addition, data is regularly disclosed to the following recipients:',
    disclosuresLogged: "Every disclosure is recorded with its basis (the customer's written consent or an authority's demand).",
    deletionRule: 'Data may be deleted at the customer\'s demand or because the customer relationship has ended.',
    deletionOnDemand: 'A demand for erasure is carried out within one month of its arrival. Where the law requires the data to be kept, its processing is restricted and it is deleted as soon as the obligation to keep it ends.',
    retentionRule: 'The controller processes and keeps personal data only as long as necessary for the predefined purpose. Personal data that has become unnecessary, which the controller no longer has grounds to keep or process, is deleted at regular intervals in line with the controller\'s own data protection practices. Personal data has become unnecessary, for example, when the customer, business, cooperation or contract relationship with the controller has ended, except where legislation requires the data to be kept.',
    retentionPeriod: "A person's data is deleted when {period} have passed since the customer, business, cooperation or contract relationship ended. Deletion runs automatically every night.",
    retentionImmediate: "A person's data is deleted by the automatic deletion in the night after the customer, business, cooperation or contract relationship ended.",
    retentionHold: 'Where legislation (for example the Finnish Accounting Act) requires the data to be kept longer, it is kept only until then and deleted when that obligation ends.',
    retentionRequests: 'Records of handling data protection requests are kept for {period} after the request was closed; after that their personal data and the request\'s email are removed.',
    months: (n) => `${n} ${n === 1 ? 'month' : 'months'}${years(n, 'year', 'years')}`,
    securityRule: "The register is maintained in {host}'s network, which is password protected and available only to key personnel.",
    securityKeyPersonnel: 'The register is shared only with key personnel named by the controller (currently {people}). Sharing the file by link or with the whole organisation is blocked, and every use of the register is recorded in a log that cannot be altered unnoticed.',
    people: (n) => `${n} ${n === 1 ? 'person' : 'people'}`,
    objectionRule: 'The customer has the right to forbid processing of their data for direct advertising and other marketing. The customer can make the prohibition in writing at any time during the customer relationship.',
    objectionEffect: 'The prohibition can be sent by email to {email}. It takes effect at once and is permanent.',
    transfersRule: 'The controller makes no disclosures outside the EU or the EEA without a separate written request made by the customer.',
    accessRule: 'The data subject has the right to inspect the data stored about them in the register and to get copies of it. The inspection request must be made in writing.',
    accessHow: 'The request can be sent by email to {email} or by letter to {address}. The copy is delivered within one month, and only to the address in the register.',
    rectificationRule: 'The controller corrects, deletes or completes erroneous, unnecessary, incomplete or outdated personal data in the register on its own initiative or at the data subject\'s demand.',
    rectificationHow: 'The data subject must contact the controller in writing ({email}) to have data corrected.',
    complaintRule: 'The data subject has the right to lodge a complaint with the supervisory authority, in Finland the Office of the Data Protection Ombudsman (tietosuoja.fi), if they consider that their personal data is processed in breach of the GDPR.',
  },
};
