/**
 * Every user-facing string, in Finnish (the default), Swedish and English. A missing
 * translation is a type error, not a blank in the UI.
 */
import type { Language } from './schema';

const fi = {
  // Validation of register fields (src/core/validation.ts): each says what to do.
  errRequired: 'Täytä tämä kenttä.',
  errNameRequired: 'Kirjoita henkilön tai yrityksen nimi.',
  errNotText: 'Arvon pitää olla tekstiä. Kirjoita arvo uudelleen.',
  errTooLong: 'Teksti on liian pitkä: enintään {max} merkkiä. Lyhennä tekstiä.',
  errControlChars: 'Tekstissä on näkymättömiä ohjausmerkkejä (esimerkiksi rivinvaihto, sarkain tai tekstin suuntaa kääntävä merkki). Kirjoita teksti uudelleen tai liitä se ilman muotoilua.',
  errBrokenText: 'Tekstissä on rikkinäinen merkki. Kirjoita teksti uudelleen.',
  errEmailAt: 'Sähköpostiosoitteessa pitää olla täsmälleen yksi @-merkki, esimerkiksi matti.meikalainen@yritys.fi.',
  errEmailSpaces: 'Poista sähköpostiosoitteesta välilyönnit ja näkymättömät merkit.',
  errEmailLocal: 'Tarkista @-merkkiä edeltävä osa: siinä saa olla kirjaimia a–z, numeroita ja merkkejä kuten . _ - +, mutta ei ääkkösiä, välilyöntejä eikä kahta pistettä peräkkäin.',
  errEmailTooLong: 'Sähköpostiosoite on liian pitkä: enintään 254 merkkiä, ja @-merkkiä ennen enintään 64. Tarkista osoite.',
  errEmailDomain: 'Tarkista @-merkin jälkeinen verkkotunnus, esimerkiksi yritys.fi: siinä saa olla vain kirjaimia a–z, numeroita, väliviivoja ja pisteitä.',
  errEmailDomainHomoglyph: 'Verkkotunnuksessa on kirjaimia toisesta kirjaimistosta (esimerkiksi kyrillinen а näyttää samalta kuin a). Kirjoita osoite uudelleen näppäimistöltä äläkä kopioi sitä.',
  errEmailDomainNonAscii: 'Verkkotunnuksessa on merkkejä a–z:n ulkopuolelta (esimerkiksi ä tai ö). Kirjoita verkkotunnus sen xn---alkuisessa muodossa tai tarkista osoite henkilöltä.',
  errPhone: 'Anna toimiva matkapuhelinnumero, esimerkiksi 040 123 4567 tai +358 40 123 4567. Ulkomaisen numeron alkuun tulee maatunnus (esimerkiksi +46).',
  errPostalFi: 'Suomalainen postinumero on viisi numeroa, esimerkiksi 00100.',
  errPostalSe: 'Ruotsalainen postinumero on viisi numeroa, esimerkiksi 123 45.',
  errPostalOther: 'Postinumerossa saa olla 2–10 merkkiä: kirjaimia A–Z, numeroita, välilyöntejä ja väliviivoja.',
  errCountry: 'Anna maa kaksikirjaimisena ISO-koodina, esimerkiksi FI, SE tai DE.',
  errEnum: 'Valitse jokin sallituista arvoista: {values}.',
  errDate: 'Anna päivämäärä muodossa VVVV-KK-PP, esimerkiksi 2025-02-01, ja tarkista, että päivä on olemassa.',
  errInstant: 'Anna aika muodossa VVVV-KK-PP tai VVVV-KK-PPTtt:mm:ssZ, esimerkiksi 2025-02-01T09:30:00Z.',
  errLegalHoldReason: 'Kirjoita säilytysvelvoitteen peruste (esimerkiksi kirjanpitolaki 2 luku 10 §), kun annat päivän, johon asti tietoja on säilytettävä.',
  errRelationshipOrder: 'Asiakkuuden päättymispäivä ei voi olla ennen alkamispäivää. Tarkista päivämäärät.',
  errSystemField: 'Järjestelmä ylläpitää tätä kenttää, eikä sitä voi muokata.',
  errUnknownField: 'Tuntematon kenttä. Päivitä sivu ja yritä uudelleen.',
  errStale: 'Joku muu tallensi tämän henkilön tiedot sillä välin. Lataa tiedot uudelleen ja tee muutoksesi uudestaan.',
  errBanPermanent: 'Markkinointikieltoa ei voi poistaa eikä muuttaa: kielto on pysyvä (tietosuoja-asetuksen 21 artiklan 3 kohta). Jätä kenttä ennalleen.',
  errBusinessBasisPerson: 'Peruste ”yritysyhteyshenkilö” sopii vain yritysasiakkaille. Valitse kuluttajalle suostumus tai olemassa oleva asiakassuhde.',
  errConsentDate: 'Anna aika, jolloin henkilö antoi markkinointiluvan, kun perusteena on suostumus.',
  errNoCustomerNumber: 'Uudelle henkilölle ei saatu asiakasnumeroa. Yritä tallentaa uudelleen.',
  // Disclosures (src/core/disclosures.ts).
  errRecipientRequired: 'Kirjoita, kenelle tiedot luovutetaan.',
  errDisclosureBasis: 'Valitse luovutuksen peruste: henkilön kirjallinen suostumus tai viranomaisen vaatimus.',
  errConsentReference: 'Anna kirjatun kirjallisen suostumuksen pyyntötunnus. Ilman henkilön kirjallista suostumusta tietoja ei luovuteta.',
  errAuthorityReference: 'Anna viranomaisen päätöksen tai tietopyynnön diaari- tai viitenumero.',
  errOutsideEea: 'Vastaanottaja on EU:n ja ETA:n ulkopuolella. Tietoja ei luovuteta sinne ilman henkilön omaa kirjallista pyyntöä; kirjaa pyyntö ensin henkilön tietoihin.',
  errRestrictedDisclosure: 'Henkilön tietojen käsittely on rajoitettu. Tietoja saa luovuttaa vain viranomaisen vaatimuksesta.',
  errDataCategories: 'Valitse luovutetut tietoryhmät: {values}.',
  errDateInFuture: 'Päivä ei voi olla tulevaisuudessa. Tarkista päivämäärä.',
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
  // Validation of register fields (src/core/validation.ts): each says what to do.
  errRequired: 'Fyll i fältet.',
  errNameRequired: 'Skriv personens eller företagets namn.',
  errNotText: 'Värdet måste vara text. Skriv värdet på nytt.',
  errTooLong: 'Texten är för lång: högst {max} tecken. Korta av texten.',
  errControlChars: 'Texten innehåller osynliga styrtecken (till exempel radbrytning, tabb eller ett tecken som vänder textriktningen). Skriv texten på nytt eller klistra in den utan formatering.',
  errBrokenText: 'Texten innehåller ett trasigt tecken. Skriv texten på nytt.',
  errEmailAt: 'E-postadressen måste innehålla exakt ett @-tecken, till exempel anna.andersson@foretag.fi.',
  errEmailSpaces: 'Ta bort mellanslag och osynliga tecken ur e-postadressen.',
  errEmailLocal: 'Kontrollera delen före @: den får innehålla bokstäverna a–z, siffror och tecken som . _ - +, men inte å, ä, ö, mellanslag eller två punkter i rad.',
  errEmailTooLong: 'E-postadressen är för lång: högst 254 tecken, och högst 64 före @. Kontrollera adressen.',
  errEmailDomain: 'Kontrollera domänen efter @, till exempel foretag.fi: den får bara innehålla bokstäverna a–z, siffror, bindestreck och punkter.',
  errEmailDomainHomoglyph: 'Domänen innehåller bokstäver från ett annat alfabet (till exempel ser kyrilliskt а ut som a). Skriv adressen på nytt med tangentbordet i stället för att kopiera den.',
  errEmailDomainNonAscii: 'Domänen innehåller tecken utanför a–z (till exempel ä eller ö). Skriv domänen i dess form som börjar med xn-- eller kontrollera adressen med personen.',
  errPhone: 'Ange ett fungerande mobilnummer, till exempel 040 123 4567 eller +358 40 123 4567. Ett utländskt nummer börjar med landsnumret (till exempel +46).',
  errPostalFi: 'Ett finländskt postnummer består av fem siffror, till exempel 00100.',
  errPostalSe: 'Ett svenskt postnummer består av fem siffror, till exempel 123 45.',
  errPostalOther: 'Postnumret får ha 2–10 tecken: bokstäverna A–Z, siffror, mellanslag och bindestreck.',
  errCountry: 'Ange landet som en ISO-kod med två bokstäver, till exempel FI, SE eller DE.',
  errEnum: 'Välj ett av de tillåtna värdena: {values}.',
  errDate: 'Ange datumet som ÅÅÅÅ-MM-DD, till exempel 2025-02-01, och kontrollera att dagen finns.',
  errInstant: 'Ange tiden som ÅÅÅÅ-MM-DD eller ÅÅÅÅ-MM-DDTtt:mm:ssZ, till exempel 2025-02-01T09:30:00Z.',
  errLegalHoldReason: 'Skriv grunden för lagringsskyldigheten (till exempel bokföringslagen 2 kap. 10 §) när du anger dagen till vilken uppgifterna ska sparas.',
  errRelationshipOrder: 'Kundförhållandet kan inte upphöra före det började. Kontrollera datumen.',
  errSystemField: 'Systemet sköter det här fältet, och det kan inte ändras.',
  errUnknownField: 'Okänt fält. Ladda om sidan och försök igen.',
  errStale: 'Någon annan sparade den här personens uppgifter under tiden. Ladda om uppgifterna och gör din ändring på nytt.',
  errBanPermanent: 'Marknadsföringsförbudet kan inte tas bort eller ändras: förbudet är permanent (artikel 21.3 i dataskyddsförordningen). Lämna fältet som det är.',
  errBusinessBasisPerson: 'Grunden ”företagskontakt” passar bara för företagskunder. Välj samtycke eller befintligt kundförhållande för en konsument.',
  errConsentDate: 'Ange när personen gav sitt samtycke till marknadsföring, när grunden är samtycke.',
  errNoCustomerNumber: 'Den nya personen fick inget kundnummer. Försök spara på nytt.',
  // Disclosures (src/core/disclosures.ts).
  errRecipientRequired: 'Skriv till vem uppgifterna lämnas ut.',
  errDisclosureBasis: 'Välj grund för utlämnandet: personens skriftliga samtycke eller en myndighets krav.',
  errConsentReference: 'Ange begärans ID för det registrerade skriftliga samtycket. Utan personens skriftliga samtycke lämnas inga uppgifter ut.',
  errAuthorityReference: 'Ange diarie- eller referensnumret för myndighetens beslut eller begäran.',
  errOutsideEea: 'Mottagaren finns utanför EU och EES. Uppgifter lämnas inte ut dit utan personens egen skriftliga begäran; registrera begäran i personens uppgifter först.',
  errRestrictedDisclosure: 'Behandlingen av personens uppgifter är begränsad. Uppgifterna får lämnas ut endast på en myndighets krav.',
  errDataCategories: 'Välj vilka uppgiftskategorier som lämnas ut: {values}.',
  errDateInFuture: 'Datumet kan inte ligga i framtiden. Kontrollera datumet.',
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
  // Validation of register fields (src/core/validation.ts): each says what to do.
  errRequired: 'Fill in this field.',
  errNameRequired: "Enter the person's or company's name.",
  errNotText: 'The value must be text. Enter it again.',
  errTooLong: 'The text is too long: at most {max} characters. Shorten it.',
  errControlChars: 'The text contains invisible control characters (such as a line break, a tab or a character that reverses the text direction). Type the text again or paste it without formatting.',
  errBrokenText: 'The text contains a broken character. Type it again.',
  errEmailAt: 'An email address must contain exactly one @ sign, for example jane.doe@company.fi.',
  errEmailSpaces: 'Remove spaces and invisible characters from the email address.',
  errEmailLocal: 'Check the part before the @: it may contain the letters a–z, digits and characters such as . _ - +, but no accented letters, spaces or two dots in a row.',
  errEmailTooLong: 'The email address is too long: at most 254 characters, and at most 64 before the @. Check the address.',
  errEmailDomain: 'Check the domain after the @, for example company.fi: it may contain only the letters a–z, digits, hyphens and dots.',
  errEmailDomainHomoglyph: "The domain contains letters from another alphabet (for example, Cyrillic 'а' looks like 'a'). Type the address again on the keyboard instead of copying it.",
  errEmailDomainNonAscii: 'The domain contains characters outside a–z (such as ä or ö). Enter the domain in its form beginning with xn--, or check the address with the person.',
  errPhone: 'Enter a working mobile number, for example 040 123 4567 or +358 40 123 4567. A foreign number starts with its country code (for example +46).',
  errPostalFi: 'A Finnish postal code is five digits, for example 00100.',
  errPostalSe: 'A Swedish postal code is five digits, for example 123 45.',
  errPostalOther: 'A postal code has 2–10 characters: the letters A–Z, digits, spaces and hyphens.',
  errCountry: 'Enter the country as a two-letter ISO code, for example FI, SE or DE.',
  errEnum: 'Choose one of the allowed values: {values}.',
  errDate: 'Enter the date as YYYY-MM-DD, for example 2025-02-01, and check that the day exists.',
  errInstant: 'Enter the time as YYYY-MM-DD or YYYY-MM-DDThh:mm:ssZ, for example 2025-02-01T09:30:00Z.',
  errLegalHoldReason: 'Enter the reason for the legal hold (for example the Accounting Act, chapter 2, section 10) when you give the date until which the data must be kept.',
  errRelationshipOrder: 'The relationship cannot end before it started. Check the dates.',
  errSystemField: 'The system maintains this field; it cannot be edited.',
  errUnknownField: 'Unknown field. Reload the page and try again.',
  errStale: "Someone else saved this person's data in the meantime. Reload the data and make your change again.",
  errBanPermanent: 'A marketing ban cannot be removed or changed: it is permanent (GDPR Article 21(3)). Leave the field as it is.',
  errBusinessBasisPerson: "The basis 'business contact' fits business customers only. For a consumer, choose consent or existing customer relationship.",
  errConsentDate: 'When the basis is consent, enter when the person gave consent to marketing.',
  errNoCustomerNumber: 'The new person did not get a customer number. Try saving again.',
  // Disclosures (src/core/disclosures.ts).
  errRecipientRequired: 'Enter who receives the data.',
  errDisclosureBasis: "Choose the basis for the disclosure: the person's written consent or an authority's demand.",
  errConsentReference: "Enter the request ID of the logged written consent. Without the person's written consent, no data is disclosed.",
  errAuthorityReference: "Enter the record or reference number of the authority's decision or request.",
  errOutsideEea: "The recipient is outside the EU and the EEA. Data is not disclosed there without the person's own written request; record the request in the person's data first.",
  errRestrictedDisclosure: "Processing of this person's data is restricted. The data may be disclosed only on an authority's demand.",
  errDataCategories: 'Choose the categories of data disclosed: {values}.',
  errDateInFuture: 'The date cannot be in the future. Check the date.',
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
