/**
 * A development set for generalising (helper hC): letters written before the cues were changed
 * for it, in wording not copied from the other sets (colloquial, inflected, compounded,
 * misspelt, polite and curt), so that widening the cues by families can be checked against
 * letters the cues were not written for. Ten batches, each written after the changes for the
 * one before and run once before any change for it (the cues of commit 32bab48 in brackets):
 *
 *   batch  letters  everyday  type      rights    everyday read as a right
 *   d         46        6     27 (27)   26 (26)   0 (0)    before any family
 *   d2        35        9     22 (18)   22 (18)   1 (0)
 *   d3        37        9     28 (24)   28 (24)   2 (1)
 *   d4        50       11     42 (33)   42 (33)   4 (3)
 *   d5        34       11     27 (19)   25 (18)   1 (1)
 *   d6        36        8     26 (21)   26 (21)   2 (1)
 *   d7        48        6     36 (28)   36 (28)   1 (1)
 *   d8        30        6     21 (13)   20 (12)   1 (0)
 *   d9        37       37     36 (36)   36 (36)   1 (1)    everyday mail only
 *   d10       16        3     14 (11)   14 (10)   0 (0)
 *   d11       30        6     26 (18)   26 (16)   1 (1)
 *   d12       30        6     22 (13)   22 (13)   0 (0)    one language wrong (both)
 *   d13       30        6     29 (21)   26 (20)   0 (2)
 *   d14       20        4     13 (11)   13 (11)   3 (3)
 *   d15       26        6     19 (15)   18 (15)   1 (0)
 *   d2–d15   459      128    361 (281) 354 (275) 18 (14)  79% type (61%); without d9 77% (58%)
 *
 * Language was right in every first run but one (d12-sv-4, an address change with only a
 * subject word and a street name, read as Finnish by the old and new detector alike; street
 * names now count). After each batch the families were changed by wording
 * family, never for one letter; every letter but one now reads exactly (the corpus test): d11-sv-9,
 * "Fakturan kom till fel adress, men jag har redan betalat den", still reads as rectification (a
 * wrong address stated; whether it asks for anything is for staff).
 *
 * First run, with the cues as they were (commit 32bab48): primary type 27/46, rights 26/46,
 * language 46/46. Of the 19 type misses 18 fell to `other` and one read a wrong right (d-en-10,
 * a copy to take to another provider, read as access); d-en-15 found only its second right.
 * Every `other` letter (d-*-13, d-*-14) read as `other`. The cues were then read by families
 * (a verb family with an object family near it; see classify.ts), 46/46.
 * The second batch (d2-*, 35 letters, 9 of them everyday mail that must stay `other`) was written
 * after that and run once before any change for it: type 22/35, rights 22/35, language 35/35
 * (the classifier as it was before the families read 18/35: the families found 5 more, and
 * read one everyday letter, d2-fi-11, as a right). The families were then widened (sales calls,
 * "päästä eroon"/"slippa", data no longer kept, a new value "from now on", permission nouns,
 * "in a usable format").
 * The third batch (d3-*, 37 letters, 9 everyday ones) was written after that and run once before
 * any change for it: type 28/37, rights 28/37, language 37/37 (the old cues: 24/37). Of the 9
 * misses 6 fell short (`other`, or one right of two), 1 read a wrong right (d3-fi-12, "väärässä
 * muodossa" read as a file format) and 2 everyday letters read as rectification (d3-fi-9, and
 * d3-sv-11, which the old cues misread too). The families were then narrowed and widened (an old
 * value only when it is the person's, a statement asked as a question states nothing, "spämmi",
 * "det vill jag inte", "opt me out", "ger").
 * The fourth batch (d4-*, 50 short letters, 11 everyday ones) was written after that and run once
 * before any change for it: type 42/50, rights 42/50, language 50/50 (the old cues: 33/50). Of
 * the 8 misses 4 fell to `other` and 4 everyday letters read as a right ("what information do
 * you need from me", "update the invoice with our new address", a wrong address that "needs
 * nothing"); two of those four the old cues misread too. Then: Finnish -ko questions, copy and
 * extract nouns, "gone"/"pois", an account closed, "I do not consent to … marketing", a verb whose
 * own object is a thing, what the company needs, a letter that says nothing needs doing.
 * The fifth batch (d5-*, 34 longer letters with context and several rights, 11 everyday ones)
 * was written after that and run once before any change for it: type 27/34, rights 25/34,
 * language 34/34 (the old cues: type 19/34, rights 18/34). Of the 7 type misses 6 fell to `other`
 * and 1 everyday letter read as access ("lähettäkää minulle kaikki tiedot hinnoistanne", which
 * the old cues misread too); 2 more found an extra access. Then: "en halua että … käsitellään",
 * "innan"/"before", "use them" after "pass", "please stop." after a sentence about the ads,
 * "I authorise you", "jag heter"; access gives way to information about the company's prices or
 * services and to another right's verb before it in its clause.
 * The sixth batch (d6-*, 36 letters, 8 everyday ones) was written after that and run once before
 * any change for it: type 26/36, rights 26/36, language 36/36 (the old cues: 21/36). Of the 10
 * misses 6 fell to `other`, 2 read a wrong right ("remove me from your customer list" as the
 * ban; a restriction letter naming an earlier rectification request as rectification) and 2
 * everyday letters read as a right (the cleaner "poisti" papers, which the old cues misread too;
 * "change the cleaning day, my details are the same"). d6-en-7's label then gained the
 * rectification it names (the first run counts its type, wrong either way). Then: a right named
 * ("right to erasure", "poisto-oikeus"), "en halua että tietojani on teillä", "begära ut",
 * agreeing verbs as permission, "only store it", "your system has my … as", the Finnish past
 * tense is a report (poisti, poistin), the customer list is the register, more things as a
 * verb's own object, an earlier request named is listed but not primary.
 * The seventh batch (d7-*, 48 one-sentence letters, many wordings of each right, 6 everyday ones)
 * was written after that and run once before any change for it: type 36/48, rights 36/48,
 * language 48/48 (the old cues: 28/48). Of the 12 misses 11 fell to `other` and one everyday
 * letter read as rectification ("päivittäkää minulle tieto, milloin…": a bare "tieto" is news,
 * not data). Then: tyhjentää/tömma/clear, "ei jää mitään tietoja", jäljennös, to whom and on what
 * basis, "vill se", felskrivet, förrän, "ni kan ge", "do not send me … offers", "put a hold on",
 * "get my details off your system".
 * The eighth batch (d8-*, 30 letters, 6 everyday ones) was written after that and run once before
 * any change for it: type 21/30, rights 20/30, language 30/30 (the old cues: 13/30, 12/30). Of the
 * 9 type misses 8 fell to `other` and one everyday letter read as rectification ("my details …
 * are correct"). Then: listaus, "olen vaihtanut", "älkää tehkö/gör ingenting … innan",
 * försvinna/disappear, "take my address off it" after the junk mail, "forward … electronically",
 * "go ahead", "never email me", the adjective "correct" is no verb.
 * The ninth batch (d9-*, 37 everyday letters only, each using a right's verb or a data word) was
 * written to test precision and run once before any change for it: 36/37 `other` (the old cues
 * 36/37, the same miss: "ni glömde att dammsuga" read as "bli glömd"; mended).
 * The tenth batch (d10-*, 16 whole letters with greetings, signatures and a quoted reply, 3
 * everyday ones) was run once before any change for it: type 14/16, rights 14/16, language
 * 16/16 (the old cues: 11/16, 10/16); both misses fell short ("kaikki minuun liittyvä
 * poistetaan"; "saatte toimittaa heille nimeni" read as access only).
 * The eleventh batch (d11-*, 30 short letters, 6 everyday ones): type 26/30, rights 26/30,
 * language 30/30 (the old cues: 18/30, 16/30); 3 fell to `other` ("onko teillä minusta tietoja
 * tallessa", "do you have any personal data about me", "puhelinnumerossani on virhe"), one is
 * d11-sv-9 above. Then: tallessa/hallussa, "have … about me", a bare "virhe".
 * The twelfth batch (d12-*, 30 terse letters: colloquial, misspelt, no diacritics; 6 everyday):
 * type 22/30, rights 22/30, language 29/30 (the old cues: 13/30, 13/30). 7 fell to `other` and
 * one restriction read as rectification ("Laittakaa … käsittely jäihin": a bare "laittakaa" is
 * no correction). Then: "ei enää"/"inga fler" with the ads, jäihin/på is/on ice, "mita … musta",
 * "vad vet ni om mig", adressbyte/osoitteenmuutos, street names for the language.
 * The thirteenth batch (d13-*, 30 polite, conditional and formal letters, 6 everyday): type
 * 29/30, rights 26/30, language 30/30 (the old cues: 21/30, 20/30, and 2 everyday letters read as
 * a right). The type miss fell to `other` ("in a common file format so I can move it
 * elsewhere"); the three rights misses were restriction letters naming a pending rectification
 * request ("kunnes oikaisupyyntöni on ratkaistu"), which the classifier lists as the rule of
 * d6-en-7 says, so their labels were given it (the first run counts them as misses). Then: a
 * format of two words, "elsewhere/muualle".
 * The fourteenth batch (d14-*, 20 letters: negation traps, replies, a forward, thanks; 4
 * everyday): type 13/20, rights 13/20, language 20/20 (the old cues: 11/20). Three thanks for an
 * erasure done ("Kiitos että poistitte tietoni") read as erasure (the old cues too), "Radera inte
 * mitt konto, men ändra min adress" read erasure first, and three "where did you get my details"
 * letters fell to `other`. Then: thanks for something done, the Swedish negation after its
 * imperative, where the data came from.
 * The fifteenth batch (d15-*, 26 letters on the rarer rights and several at once; 6 everyday):
 * type 19/26, rights 18/26, language 26/26 (the old cues: 15/26, 15/26). Four consents and one
 * portability fell to `other` ("olen samaa mieltä", "inget emot", "no problem with you sharing",
 * "ladda ner … i ett format"), "muuhun kuin säilyttämiseen" read an extra erasure, "show me …,
 * then send it as a CSV file" lost its access, and "PDF-tiedostona" read as portability (a
 * "tiedosto" is a file, not data). Then: those permissions, "kanssa" as a recipient, download
 * and "in a format", "except storage", the overrule by clause. All fifteen batches are in the
 * corpus test.
 */
import type { CorpusLetter } from './corpus';

type L = CorpusLetter;
const t = (id: string, language: L['language'], rights: L['rights'], subject: string, body: string, hard?: string, phones?: string[]): L =>
  ({ id, language, type: rights[0], rights, subject, body, ...(hard ? { hard } : {}), ...(phones ? { phones } : {}) });

export const HELD_OUT_DEV: CorpusLetter[] = [
  // ---------------------------------------------------------------- Finnish
  t('d-fi-1', 'fi', ['erasure'], 'Tilin lopetus', 'Moi, en käytä enää teidän palveluita. Voisitteko pyyhkiä kaikki minun tiedot pois?'),
  t('d-fi-2', 'fi', ['erasure'], 'tietojen poistaminen', 'Haluaisin että minun asiakastili ja kaikki siihen liittyvä poistettaisiin.'),
  t('d-fi-3', 'fi', ['access'], 'Mitä tiedätte minusta', 'Hei. Olisin kiinnostunut tietämään, mitä kaikkea minusta on teidän järjestelmiin tallennettu.'),
  t('d-fi-4', 'fi', ['access'], 'Pyyntö', 'Pyydän saada nähtäväkseni kaikki minua koskevat merkinnät.'),
  t('d-fi-5', 'fi', ['rectification'], 'Sähköposti vaihtui', 'Sähköpostiosoitteeni ei ole enää käytössä. Laittakaa tilalle liisa.m@example.fi.'),
  t('d-fi-6', 'fi', ['rectification'], 'Väärä syntymäaika', 'Syntymäaikani on merkitty teillä väärin, pitäisi olla 3.5.1980. Oikaisisitteko sen.'),
  t('d-fi-7', 'fi', ['objection'], 'Mainokset', 'En halua teiltä enää mitään mainospostia, ei sähköpostiin eikä kotiin.'),
  t('d-fi-8', 'fi', ['objection'], 'Tekstiviestit', 'Teiltä tulee jatkuvasti tarjousviestejä puhelimeen. Lopettakaa ne, kiitos.'),
  t('d-fi-9', 'fi', ['restriction'], 'Käsittelyn keskeytys', 'Olen tehnyt valituksen tietosuojavaltuutetulle. Keskeyttäkää tietojeni käsittely siihen saakka, kun asia on käsitelty.'),
  t('d-fi-10', 'fi', ['portability'], 'Tiedot uudelle yritykselle', 'Vaihdan siivousfirmaa. Voisitteko toimittaa asiakastietoni suoraan uudelle palveluntarjoajalleni sähköisessä muodossa?'),
  t('d-fi-11', 'fi', ['consent'], 'Luvan antaminen', 'Annan luvan, että isännöitsijä saa minun puhelinnumeroni teiltä.'),
  t('d-fi-12', 'fi', ['objection'], 'Suostumus', 'Perun antamani luvan markkinointiin.'),
  t('d-fi-13', 'fi', ['other'], 'Laskun korjaus', 'Laskussa on virhe, siinä lukee kaksi käyntiä vaikka kävitte vain kerran. Korjaatteko?', 'a right\'s verb about an invoice'),
  t('d-fi-14', 'fi', ['other'], 'Avaimet', 'Poistin vanhan avainkoodin, uusi on teillä sähköpostissa. Muistakaa tarkastaa ikkunat lähtiessä.', 'verbs about keys and windows'),
  t('d-fi-15', 'fi', ['erasure', 'objection'], 'Riittää', 'Poistakaa minut asiakasrekisteristänne kokonaan, ja samalla loppuu myös uutiskirjeiden lähettäminen.'),
  t('d-fi-16', 'fi', ['access'], 'Tallennetut tiedot', 'Mitä henkilötietoja minusta säilytätte ja kuinka kauan?'),
  // ---------------------------------------------------------------- Swedish
  t('d-sv-1', 'sv', ['erasure'], 'Ta bort mig', 'Hej! Jag vill att ni tar bort allt ni har om mig i ert kundregister.'),
  t('d-sv-2', 'sv', ['erasure'], 'Avsluta konto', 'Jag säger upp mitt kundkonto och ber er samtidigt att radera de uppgifter som hör till det.'),
  t('d-sv-3', 'sv', ['access'], 'Vad vet ni om mig', 'Kan ni berätta vilken information om mig som finns sparad hos er?'),
  t('d-sv-4', 'sv', ['access'], 'Begäran om registerutdrag', 'Jag önskar få ta del av de personuppgifter ni behandlar om mig.'),
  t('d-sv-5', 'sv', ['rectification'], 'Felaktigt telefonnummer', 'Ni har mitt gamla nummer. Byt ut det mot 040 765 4321 är ni snälla.', undefined, ['+358407654321']),
  t('d-sv-6', 'sv', ['rectification'], 'Namnbyte', 'Jag har gift mig och heter numera Lindqvist. Var snäll och rätta mitt efternamn.'),
  t('d-sv-7', 'sv', ['objection'], 'Reklam', 'Jag är trött på era reklammejl. Jag vill inte få fler sådana.'),
  t('d-sv-8', 'sv', ['objection'], 'Direktmarknadsföring', 'Jag motsätter mig att mina uppgifter används för direktmarknadsföring.'),
  t('d-sv-9', 'sv', ['restriction'], 'Begränsning', 'Tills ni har utrett mitt klagomål ska ni inte behandla mina personuppgifter på något sätt.'),
  t('d-sv-10', 'sv', ['portability'], 'Flytt av data', 'Jag vill få ut mina uppgifter i ett maskinläsbart format så att jag kan ge dem till ett annat städbolag.'),
  t('d-sv-11', 'sv', ['consent'], 'Tillstånd', 'Ni får gärna lämna mitt telefonnummer till fastighetsskötaren, det går bra för mig.'),
  t('d-sv-12', 'sv', ['objection'], 'Samtycke', 'Jag tar tillbaka mitt samtycke till att få era erbjudanden via sms.'),
  t('d-sv-13', 'sv', ['other'], 'Bokning', 'Kan ni flytta min bokning till nästa vecka och ta bort fönsterputsen från beställningen?', 'verbs about a booking'),
  t('d-sv-14', 'sv', ['other'], 'Fläck', 'Fläcken på soffan gick inte bort. Kan ni komma tillbaka och försöka igen?', 'a stain'),
  t('d-sv-15', 'sv', ['erasure'], 'Radering av data', 'Jag begär att mina personuppgifter raderas utan onödigt dröjsmål.'),
  // ---------------------------------------------------------------- English
  t('d-en-1', 'en', ['erasure'], 'Close account', 'Hi, I no longer use your services. Please wipe my account and anything linked to it.'),
  t('d-en-2', 'en', ['erasure'], 'My data', 'I would like all of my personal information to be removed from your systems.'),
  t('d-en-3', 'en', ['access'], 'Request', 'Could you let me know what personal data of mine you are storing?'),
  t('d-en-4', 'en', ['access'], 'DSAR', 'I am making a data subject access request under the GDPR.'),
  t('d-en-5', 'en', ['rectification'], 'Wrong address', 'You have my old address on file. Please replace it with 12 Linden Road, Espoo.'),
  t('d-en-6', 'en', ['rectification'], 'Spelling', 'My name is spelled Smyth, not Smith. Can you sort that out on your records?'),
  t('d-en-7', 'en', ['objection'], 'Emails', 'Please take me off your mailing list, I never signed up for it.'),
  t('d-en-8', 'en', ['objection'], 'Marketing', 'I do not wish to receive any more promotional material from you.'),
  t('d-en-9', 'en', ['restriction'], 'Pause', 'While you check whether my data is accurate, please pause any use of it.'),
  t('d-en-10', 'en', ['portability'], 'Data export', 'I want a copy of the data I provided to you in a format I can upload to another cleaning service.'),
  t('d-en-11', 'en', ['consent'], 'Sharing', 'I am happy for you to give my email address to the housing association.'),
  t('d-en-12', 'en', ['objection'], 'Consent', 'I withdraw the consent I gave you for marketing calls.'),
  t('d-en-13', 'en', ['other'], 'Invoice', 'The invoice has the wrong VAT number, could you correct it and send it again?', 'a right\'s verb about an invoice'),
  t('d-en-14', 'en', ['other'], 'Recurring cleaning', 'Please remove the Friday slot from my recurring bookings and update the schedule.', 'verbs about a booking'),
  t('d-en-15', 'en', ['access', 'rectification'], 'Two questions', 'Please send me a copy of what you hold on me. Also my phone number is out of date.'),
  // ---------------------------------------------------------------- second batch
  t('d2-fi-1', 'fi', ['erasure'], 'Tietoni', 'Olen muuttanut ulkomaille enkä tarvitse palvelujanne. Tuhotkaa kaikki minusta kerätyt tiedot.'),
  t('d2-fi-2', 'fi', ['access'], 'kysymys', 'Onko minusta olemassa jotain tietoja teidän asiakasrekisterissä? Jos on, haluan saada ne nähtäväksi.'),
  t('d2-fi-3', 'fi', ['rectification'], 'Nimenmuutos', 'Nimeni on muuttunut avioliiton myötä, nykyään olen Anna Koski. Pyydän päivittämään tämän.'),
  t('d2-fi-4', 'fi', ['objection'], 'Puhelinmyynti', 'Myyjänne soittavat minulle jatkuvasti. En halua enää puhelinmyyntiä.'),
  t('d2-fi-5', 'fi', ['objection'], 'uutiskirje', 'miten tästä uutiskirjeestä pääsee eroon?? en ole tilannut tätä'),
  t('d2-fi-6', 'fi', ['restriction'], 'Tietojen käyttö', 'Kiistän laskun perusteena olevat tiedot. Pyydän, että tietojani ei käytetä ennen kuin asia on selvitetty.'),
  t('d2-fi-7', 'fi', ['portability'], 'Siirto', 'Pyydän tietoni siirrettäväksi suoraan uudelle siivousyritykselleni.'),
  t('d2-fi-8', 'fi', ['consent'], 'Vakuutus', 'Teillä on lupani kertoa vakuutusyhtiölleni yhteystietoni vahinkoasiaa varten.'),
  t('d2-fi-9', 'fi', ['other'], 'Siivouksen lopetus', 'Haluamme lopettaa viikkosiivouksen kesäkuun lopussa. Lähettäkää loppulasku osoitteeseeni.', 'a stop and an address, but no right'),
  t('d2-fi-10', 'fi', ['other'], 'Avain', 'Voitte antaa avaimen naapurilleni, jos en ole kotona. Hänen nimensä on Virtanen.', 'a permission about a key'),
  t('d2-fi-11', 'fi', ['other'], 'Vanha osoite', 'Laskutusosoitteemme on sama kuin ennen, laskut voi lähettää sinne.', 'an address that is unchanged'),
  t('d2-fi-12', 'fi', ['erasure', 'objection'], 'Kaikki pois', 'Poistakaa tietoni ja älkää enää lähettäkö mitään markkinointia.'),
  // ---------------------------------------------------------------- Swedish
  t('d2-sv-1', 'sv', ['erasure'], 'GDPR', 'Jag vill inte längre finnas i ert system. Rensa bort allt som gäller mig.'),
  t('d2-sv-2', 'sv', ['access'], 'Mina uppgifter', 'Vad har ni för uppgifter sparade om mig och varför?'),
  t('d2-sv-3', 'sv', ['rectification'], 'Adressändring', 'Vi har flyttat. Adressen ni har är inte aktuell längre, den nya är Sjögatan 8, Åbo.'),
  t('d2-sv-4', 'sv', ['objection'], 'SMS', 'Jag vill slippa era sms-erbjudanden i fortsättningen.'),
  t('d2-sv-5', 'sv', ['restriction'], 'Behandling', 'Jag vill att ni pausar all behandling av mina uppgifter tills vidare.'),
  t('d2-sv-6', 'sv', ['portability'], 'Byte', 'Jag ska byta städfirma. Kan ni exportera mina kunduppgifter så att jag kan ta med dem?'),
  t('d2-sv-7', 'sv', ['consent'], 'Medgivande', 'Jag ger er tillåtelse att dela mina kontaktuppgifter med bostadsbolaget.'),
  t('d2-sv-8', 'sv', ['other'], 'Städningen', 'Sluta städa på fredagar, vi är inte hemma då. Torsdagar fungerar bättre.', 'a stop about cleaning'),
  t('d2-sv-9', 'sv', ['other'], 'Faktura', 'Skicka fakturan till min e-post i stället för per post.', 'an invoice sent to an address'),
  t('d2-sv-10', 'sv', ['other'], 'Nyckel', 'Ni får lämna nyckeln till grannen på andra våningen.', 'a permission about a key'),
  t('d2-sv-11', 'sv', ['objection', 'access'], 'Reklam och data', 'Jag vill inte ha mer reklam. Berätta också vilka uppgifter ni har om mig.'),
  // ---------------------------------------------------------------- English
  t('d2-en-1', 'en', ['erasure'], 'Goodbye', 'I have cancelled my contract with you. Please make sure none of my details are kept on your system.'),
  t('d2-en-2', 'en', ['access'], 'Info request', 'I would like to obtain all the personal information your company holds about me.'),
  t('d2-en-3', 'en', ['rectification'], 'Email address', 'The email you have for me is my old work one. Please use anna.k@example.com from now on.'),
  t('d2-en-4', 'en', ['objection'], 'Calls', 'Your sales team keeps calling me. I want this to stop.'),
  t('d2-en-5', 'en', ['objection'], 'Unwanted emails', 'How do I stop getting your promotional emails?'),
  t('d2-en-6', 'en', ['restriction'], 'Hold', 'Please stop processing my personal data until my complaint has been dealt with.'),
  t('d2-en-7', 'en', ['portability'], 'Switching', 'I am switching to a different cleaning company and would like my data handed over to them in a usable format.'),
  t('d2-en-8', 'en', ['consent'], 'Insurer', 'You are welcome to share my phone number with my insurance company.'),
  t('d2-en-9', 'en', ['other'], 'Cancel', 'Please stop the weekly cleaning from June, and send the final invoice to my email address.', 'a stop and an address, but no right'),
  t('d2-en-10', 'en', ['other'], 'Name badge', 'Your cleaner forgot her name badge at our office. What is her name so we can return it?', 'a name, no right'),
  t('d2-en-11', 'en', ['other'], 'Account', 'Can I pay my account by bank transfer instead of card?', 'an account to pay'),
  t('d2-en-12', 'en', ['rectification', 'objection'], 'Update', 'Please update my phone number to 040 222 3333 and stop sending me offers.', undefined, ['+358402223333']),
  // ---------------------------------------------------------------- third batch
  t('d3-fi-1', 'fi', ['erasure'], 'mun tiedot', 'moi, voisko mun tiedot poistaa teiän rekisteristä kokonaan? kiitti'),
  t('d3-fi-2', 'fi', ['objection'], 'spämmi', 'Lopettakaa toi spämmi! Joka viikko tulee joku kampanjaviesti.'),
  t('d3-fi-3', 'fi', ['access'], 'Rekisteritiedot', 'Haluaisin tietää, mitä henkilötietoja yrityksellänne on minusta.'),
  t('d3-fi-4', 'fi', ['rectification'], 'Puhelin', 'Mun numero vaihtui, uusi on 044 555 6677.', undefined, ['+358445556677']),
  t('d3-fi-5', 'fi', ['restriction'], 'Jäädytys', 'Jäädyttäkää tietojeni käyttö siksi aikaa, kun reklamaatio on kesken.'),
  t('d3-fi-6', 'fi', ['portability'], 'Tietojen luovutus minulle', 'Tarvitsen kaikki antamani tiedot tiedostona, jotta voin viedä ne toiselle palveluntarjoajalle.'),
  t('d3-fi-7', 'fi', ['consent'], 'Suostumus', 'Suostun siihen, että välitätte nimeni ja osoitteeni taloyhtiön hallitukselle.'),
  t('d3-fi-8', 'fi', ['erasure'], 'Asiakkuuden päättäminen', 'Päätän asiakkuuteni. Tietojani ei tarvitse enää säilyttää, joten hävittäkää ne.'),
  t('d3-fi-9', 'fi', ['other'], 'Nimi ovessa', 'Ovessa lukee vielä vanha nimi, se ei haittaa. Tulkaa tiistaina normaalisti.', 'an old name on a door'),
  t('d3-fi-10', 'fi', ['other'], 'Peruutus', 'Peruutan huomisen siivouksen, olen kipeänä. Lähettäkää uusi aika sähköpostiini.', 'a cancellation'),
  t('d3-fi-11', 'fi', ['other'], 'Kiitos', 'Kiitos, että korjasitte viime kerran puutteet niin nopeasti!', 'a fix that is thanked for'),
  t('d3-fi-12', 'fi', ['rectification'], 'Tiedot väärin', 'Teillä on sukunimeni väärässä muodossa, oikein se on Mäkelä.'),
  t('d3-fi-13', 'fi', ['objection'], 'Ei kiitos', 'En halua, että tietojani käytetään mainontaan.'),
  // ---------------------------------------------------------------- Swedish
  t('d3-sv-1', 'sv', ['erasure'], 'Radera', 'Hej, kan ni ta bort mitt konto och alla mina uppgifter?'),
  t('d3-sv-2', 'sv', ['objection'], 'Mejl', 'Jag får hela tiden mejl med erbjudanden från er. Det vill jag inte.'),
  t('d3-sv-3', 'sv', ['access'], 'Registerutdrag', 'Jag vill gärna veta vad ni har registrerat om mig.'),
  t('d3-sv-4', 'sv', ['rectification'], 'Uppgifter', 'Mitt efternamn är felstavat i era register, det ska vara Nyström.'),
  t('d3-sv-5', 'sv', ['restriction'], 'Begränsa', 'Jag vill att ni begränsar användningen av mina uppgifter medan ni utreder saken.'),
  t('d3-sv-6', 'sv', ['portability'], 'Överföring', 'Kan ni skicka mina kunduppgifter direkt till mitt nya städbolag?'),
  t('d3-sv-7', 'sv', ['consent'], 'Godkännande', 'Det är okej för mig att ni ger mitt telefonnummer till hyresvärden.'),
  t('d3-sv-8', 'sv', ['other'], 'Tider', 'Kan ni ändra tiden för städningen till klockan tio?', 'a time changed'),
  t('d3-sv-9', 'sv', ['other'], 'Mattan', 'Ni behöver inte ta bort mattan när ni städar, den ska ligga kvar.', 'a rug'),
  t('d3-sv-10', 'sv', ['erasure', 'objection'], 'Sluta', 'Radera mig ur era register och sluta mejla mig.'),
  t('d3-sv-11', 'sv', ['other'], 'Ny adress till kontoret', 'Vårt kontor flyttar i maj. Vill ni ha den nya adressen redan nu för planeringen?', 'an office moving'),
  t('d3-sv-12', 'sv', ['access'], 'Fråga', 'Hur länge sparar ni mina personuppgifter, och vilka uppgifter är det?'),
  // ---------------------------------------------------------------- English
  t('d3-en-1', 'en', ['erasure'], 'Please delete', 'Could you erase me from your customer database please?'),
  t('d3-en-2', 'en', ['objection'], 'Texts', 'I keep getting marketing texts from you. Please opt me out.'),
  t('d3-en-3', 'en', ['access'], 'What do you know', 'Under data protection law I am entitled to know what you hold on me. Please let me have it.'),
  t('d3-en-4', 'en', ['rectification'], 'Wrong name', 'You have got my first name wrong on every letter, it is Siiri not Siri.'),
  t('d3-en-5', 'en', ['restriction'], 'Freeze', 'Please freeze my account data while the billing dispute is open.'),
  t('d3-en-6', 'en', ['portability'], 'Move my data', 'Please export my customer data as a CSV so I can import it with my new provider.'),
  t('d3-en-7', 'en', ['consent'], 'Permission', 'I give you permission to pass my contact details to the property manager.'),
  t('d3-en-8', 'en', ['other'], 'Update', 'Just an update: the alarm code has changed, I will text it to the cleaner.', 'an update about an alarm code'),
  t('d3-en-9', 'en', ['other'], 'Stop', 'Please stop using the strong cleaning spray in the kitchen, it leaves marks.', 'a stop about a spray'),
  t('d3-en-10', 'en', ['other'], 'My details for the invoice', 'Here are my details for the invoice: Anna Lee, 3 Birch Road, Turku.', 'details given for an invoice'),
  t('d3-en-11', 'en', ['erasure'], 'Old customer', 'I stopped using your services years ago, so there is no reason for you to keep my data.'),
  t('d3-en-12', 'en', ['access', 'erasure'], 'Data', 'First tell me what personal data you have about me, then delete all of it.'),
  // ---------------------------------------------------------------- fourth batch: short letters, one wording each
  t('d4-fi-1', 'fi', ['erasure'], 'poisto', 'Haluan etta tietoni poistetaan rekisterista.'),
  t('d4-fi-2', 'fi', ['erasure'], 'Tili', 'Sulkekaa asiakastilini ja poistakaa siihen liittyvät tiedot.'),
  t('d4-fi-3', 'fi', ['erasure'], 'Unohtakaa minut', 'Pyydän, että minut unohdetaan kokonaan.'),
  t('d4-fi-4', 'fi', ['access'], 'Tiedot', 'Lähettäkää minulle kopio tiedoistani.'),
  t('d4-fi-5', 'fi', ['access'], 'Tarkastus', 'Käytän tarkastusoikeuttani.'),
  t('d4-fi-6', 'fi', ['access'], 'Kysely', 'Keräättekö minusta jotain tietoja?'),
  t('d4-fi-7', 'fi', ['rectification'], 'Osoite', 'Osoitteeni on nykyään Koivukuja 3 A 5, 00100 Helsinki.'),
  t('d4-fi-8', 'fi', ['rectification'], 'Nimi', 'Etunimeni on kirjoitettu väärin kirjeissänne.'),
  t('d4-fi-9', 'fi', ['objection'], 'Posti', 'Älkää lähettäkö minulle mainoksia.'),
  t('d4-fi-10', 'fi', ['objection'], 'Uutiskirje', 'Haluan lopettaa uutiskirjeen tilauksen.'),
  t('d4-fi-11', 'fi', ['objection'], 'Markkinointi', 'Kiellän tietojeni käytön markkinointitarkoituksiin.'),
  t('d4-fi-12', 'fi', ['restriction'], 'Rajoitus', 'Vaadin tietojeni käsittelyn rajoittamista.'),
  t('d4-fi-13', 'fi', ['portability'], 'Tiedot mukaan', 'Haluan ottaa tietoni mukaani, kun siirryn toiseen yritykseen. Antakaa ne koneluettavassa muodossa.'),
  t('d4-fi-14', 'fi', ['consent'], 'Lupa', 'Saatte antaa sähköpostiosoitteeni taloyhtiön isännöitsijälle.'),
  t('d4-fi-15', 'fi', ['other'], 'Ikkunat', 'Voisitteko poistaa ikkunoista myös tarrojen jäljet?', 'stickers removed'),
  t('d4-fi-16', 'fi', ['other'], 'Lasku', 'Laskuun on merkitty väärä osoite, mutta se meni silti perille. Ei tarvitse tehdä mitään.', 'a wrong address that needs nothing'),
  t('d4-fi-17', 'fi', ['other'], 'Kysymys', 'Mitä tietoja tarvitsette minusta tarjousta varten?', 'what the quote needs'),
  t('d4-fi-18', 'fi', ['other'], 'Siivooja', 'Vaihtakaa siivooja, nykyinen ei ehdi tehdä kaikkea.', 'a cleaner changed'),
  // ---------------------------------------------------------------- Swedish
  t('d4-sv-1', 'sv', ['erasure'], 'Radering', 'Var vänlig radera min profil och allt som hör till den.'),
  t('d4-sv-2', 'sv', ['erasure'], 'Ta bort', 'Jag begär att mina uppgifter tas bort ur ert kundregister.'),
  t('d4-sv-3', 'sv', ['access'], 'Information', 'Jag vill ha en kopia på all information ni har om mig.'),
  t('d4-sv-4', 'sv', ['access'], 'Insyn', 'Vilka personuppgifter behandlar ni om mig och varifrån kommer de?'),
  t('d4-sv-5', 'sv', ['rectification'], 'Ändring', 'Vänligen ändra mitt telefonnummer till 050 111 2222.', undefined, ['+358501112222']),
  t('d4-sv-6', 'sv', ['rectification'], 'Fel', 'Min adress i era uppgifter är felaktig.'),
  t('d4-sv-7', 'sv', ['objection'], 'Nej tack', 'Jag vill inte få nyhetsbrev längre.'),
  t('d4-sv-8', 'sv', ['objection'], 'Stopp', 'Stoppa alla utskick till mig.'),
  t('d4-sv-9', 'sv', ['restriction'], 'Frys', 'Frys behandlingen av mina uppgifter tills klagomålet är avgjort.'),
  t('d4-sv-10', 'sv', ['portability'], 'Export', 'Jag vill få mina uppgifter som en fil som jag kan ge till en annan leverantör.'),
  t('d4-sv-11', 'sv', ['consent'], 'OK', 'Ni får dela min e-postadress med fastighetsförvaltningen.'),
  t('d4-sv-12', 'sv', ['other'], 'Fönster', 'Kan ni ta bort fläckarna från fönstren också?', 'stains removed'),
  t('d4-sv-13', 'sv', ['other'], 'Faktura', 'Fakturan har fel belopp, kan ni rätta den?', 'an invoice corrected'),
  t('d4-sv-14', 'sv', ['other'], 'Schema', 'Kan ni uppdatera schemat så att städningen blir på måndagar?', 'a schedule updated'),
  // ---------------------------------------------------------------- English
  t('d4-en-1', 'en', ['erasure'], 'Delete me', 'Please delete me from your system.'),
  t('d4-en-2', 'en', ['erasure'], 'Erasure', 'I am requesting the erasure of my personal data.'),
  t('d4-en-3', 'en', ['erasure'], 'Account', 'I want my account closed and my data gone.'),
  t('d4-en-4', 'en', ['access'], 'Data', 'Do you keep any records about me?'),
  t('d4-en-5', 'en', ['access'], 'Copy', 'Please provide me with a copy of my personal information.'),
  t('d4-en-6', 'en', ['access'], 'Info', 'I would like to find out what information you have on file for me.'),
  t('d4-en-7', 'en', ['rectification'], 'Number', 'My phone number has changed, it is now 045 333 4444.', undefined, ['+358453334444']),
  t('d4-en-8', 'en', ['rectification'], 'Fix', 'Please fix the spelling of my surname in your records.'),
  t('d4-en-9', 'en', ['objection'], 'Stop', 'Stop sending me promotional emails.'),
  t('d4-en-10', 'en', ['objection'], 'Marketing', 'I do not consent to my data being used for marketing.'),
  t('d4-en-11', 'en', ['objection'], 'Mailing list', 'Unsubscribe me from your mailing list please.'),
  t('d4-en-12', 'en', ['restriction'], 'Restrict', 'Please restrict how you use my personal data until further notice.'),
  t('d4-en-13', 'en', ['portability'], 'Portability', 'Please transfer my data directly to my new cleaning provider.'),
  t('d4-en-14', 'en', ['consent'], 'Consent', 'I consent to you sharing my address with the caretaker.'),
  t('d4-en-15', 'en', ['other'], 'Windows', 'Please remove the old curtains before cleaning the windows.', 'curtains removed'),
  t('d4-en-16', 'en', ['other'], 'Invoice', 'Could you update the invoice with our new company address?', 'an invoice updated'),
  t('d4-en-17', 'en', ['other'], 'Complaint', 'The cleaner did not remove the rubbish. Please make sure it does not happen again.', 'rubbish removed'),
  t('d4-en-18', 'en', ['other'], 'Question', 'What information do you need from me to book a cleaning?', 'what a booking needs'),
  // ---------------------------------------------------------------- fifth batch: longer letters, context, several rights, everyday mail
  t('d5-fi-1', 'fi', ['other'], 'Hinnasto', 'Hei! Lähettäkää minulle kaikki tiedot hinnoistanne ja palveluistanne, harkitsemme kotisiivousta.', 'information about prices'),
  t('d5-fi-2', 'fi', ['other'], 'Siivoojan nimi', 'Kertoisitteko uuden siivoojan nimen ja puhelinnumeron, jotta osaamme odottaa häntä?', 'the cleaner\'s name'),
  t('d5-fi-3', 'fi', ['erasure'], 'Muutto', 'Muutan pois Suomesta ensi kuussa, joten en tarvitse enää palveluitanne. Toivon, että henkilötietoni poistetaan sen jälkeen, kun viimeinen lasku on maksettu.'),
  t('d5-fi-4', 'fi', ['access', 'rectification'], 'Tiedot', 'Voisitteko kertoa, mitä tietoja minusta on tallennettu? Epäilen, että osoitteeni on väärin.'),
  t('d5-fi-5', 'fi', ['objection'], 'Markkinointi', 'Hyvä vastaanottaja. Saan teiltä jatkuvasti markkinointia, vaikka en ole sitä pyytänyt. Pyydän, että lopetatte markkinoinnin minulle välittömästi.'),
  t('d5-fi-6', 'fi', ['rectification'], 'Sähköposti', 'Hei, vaihdoin työpaikkaa ja vanha työsähköpostini lakkaa toimimasta. Käyttäkää jatkossa osoitetta pekka.n@example.fi.'),
  t('d5-fi-7', 'fi', ['restriction'], 'Reklamaatio', 'Olen tehnyt reklamaation laskusta. Siihen asti kun asia on ratkaistu, en halua että tietojani käsitellään perintää varten.'),
  t('d5-fi-8', 'fi', ['erasure'], 'Tiedot pois', 'Miksi teillä on vieläkin tietoni? Lopetin asiakkuuden kaksi vuotta sitten. Haluan ne pois järjestelmistänne.'),
  t('d5-fi-9', 'fi', ['other'], 'Avainkoodi', 'Uusi ovikoodi on 1234, vanha ei enää toimi. Kertokaa siivoojalle.', 'a door code'),
  t('d5-fi-10', 'fi', ['objection', 'erasure'], 'Ei enää', 'Älkää enää lähettäkö minulle mitään mainoksia. Ja poistakaa puhelinnumeroni listoiltanne.'),
  t('d5-fi-11', 'fi', ['access'], 'Tietosuoja', 'Pyytäisin tietosuoja-asetuksen mukaisesti selvityksen siitä, mitä henkilötietoja minusta käsittelette ja mihin tarkoitukseen.'),
  t('d5-fi-12', 'fi', ['other'], 'Palaute', 'Siivooja poisti tahrat todella hyvin ja korjasi jopa verhotangon. Kiitos!', 'thanks for work done'),
  // ---------------------------------------------------------------- Swedish
  t('d5-sv-1', 'sv', ['erasure'], 'Uppsägning', 'Hej, jag har sagt upp mitt avtal med er. Jag vill att ni raderar mina personuppgifter så snart det är möjligt.'),
  t('d5-sv-2', 'sv', ['other'], 'Städarens namn', 'Kan ni skicka mig namnet och telefonnumret till den nya städaren?', 'the cleaner\'s name'),
  t('d5-sv-3', 'sv', ['access'], 'Begäran', 'Enligt dataskyddsförordningen har jag rätt att få veta vilka uppgifter ni behandlar om mig. Jag vill utnyttja den rätten.'),
  t('d5-sv-4', 'sv', ['objection'], 'Reklamutskick', 'Ni skickar reklam till min brevlåda fast jag har skylt om att jag inte vill ha reklam. Sluta med det.'),
  t('d5-sv-5', 'sv', ['rectification'], 'Fel namn', 'På fakturorna står det Mikael men jag heter Michael. Kan ni ändra det i ert system?'),
  t('d5-sv-6', 'sv', ['portability', 'erasure'], 'Flytt', 'Jag flyttar till ett annat städföretag. Skicka mina uppgifter till dem i ett vanligt filformat och radera dem sedan hos er.'),
  t('d5-sv-7', 'sv', ['other'], 'Tack', 'Tack för att ni tog bort alla fläckar och rättade till gardinerna!', 'thanks for work done'),
  t('d5-sv-8', 'sv', ['consent'], 'Försäkring', 'Jag har en skada i lägenheten. Ni har mitt tillstånd att lämna mina uppgifter till mitt försäkringsbolag.'),
  t('d5-sv-9', 'sv', ['restriction'], 'Tvist', 'Jag bestrider fakturan. Använd inte mina uppgifter för inkasso innan tvisten är löst.'),
  t('d5-sv-10', 'sv', ['other'], 'Information', 'Skicka gärna mer information om era tjänster till min e-post.', 'information about services'),
  // ---------------------------------------------------------------- English
  t('d5-en-1', 'en', ['erasure'], 'Moving abroad', 'I am moving to Canada and will not need your services any more. Please get rid of all the information you have about me once my last bill is paid.'),
  t('d5-en-2', 'en', ['other'], 'Cleaner', 'Could you tell me the name of the cleaner who comes on Monday and her phone number?', 'the cleaner\'s name'),
  t('d5-en-3', 'en', ['access', 'erasure'], 'Data request', 'Before I leave, I want to see everything you have stored about me. After that, please erase it.'),
  t('d5-en-4', 'en', ['objection'], 'Enough', 'This is the fifth promotional email this month. I have had enough, please stop.'),
  t('d5-en-5', 'en', ['rectification'], 'Records', 'Your records show my old flat number. I now live at flat 12, not flat 21.'),
  t('d5-en-6', 'en', ['other'], 'Information', 'Please send me more information about your office cleaning packages.', 'information about services'),
  t('d5-en-7', 'en', ['restriction'], 'Billing dispute', 'I dispute your last invoice. Until this is settled, do not pass my details to a debt collector or use them in any other way.'),
  t('d5-en-8', 'en', ['other'], 'Thanks', 'Thank you for removing the stains and fixing the cupboard door so quickly.', 'thanks for work done'),
  t('d5-en-9', 'en', ['erasure', 'objection'], 'Leaving', 'I no longer wish to be your customer. Delete my details and take me off your marketing list.'),
  t('d5-en-10', 'en', ['portability'], 'New supplier', 'We have chosen a new cleaning contractor. Could you send them all the data you hold on me in a structured file?'),
  t('d5-en-11', 'en', ['other'], 'Address for invoices', 'Please note our invoicing address: Accounts Payable, PO Box 100, Espoo.', 'an invoicing address'),
  t('d5-en-12', 'en', ['consent'], 'Insurance claim', 'For my insurance claim, I authorise you to give the insurer my name, address and the cleaning report.'),
  // ---------------------------------------------------------------- sixth batch
  t('d6-fi-1', 'fi', ['erasure'], 'Poistopyyntö', 'Pyydän poistamaan asiakkuuteeni liittyvät henkilötiedot, en ole enää asiakkaanne.'),
  t('d6-fi-2', 'fi', ['erasure'], 'tietoja', 'Hei, en halua että mun tietoja on enää teillä. Voitteko hoitaa asian?'),
  t('d6-fi-3', 'fi', ['access'], 'GDPR-pyyntö', 'Vetoan oikeuteeni saada pääsy omiin tietoihini. Toimittakaa ne minulle kuukauden kuluessa.'),
  t('d6-fi-4', 'fi', ['access'], 'Kysymys tiedoista', 'Mistä olette saaneet puhelinnumeroni? En muista antaneeni sitä teille.'),
  t('d6-fi-5', 'fi', ['rectification'], 'Tietojen korjaus', 'Asiakastiedoissanne on virheellinen postinumero, oikea on 00560.'),
  t('d6-fi-6', 'fi', ['objection'], 'Sähköpostit', 'Voisitteko poistaa minut uutiskirjeen vastaanottajista?'),
  t('d6-fi-7', 'fi', ['objection'], 'Soitot', 'Älkää soittako minulle enää myyntimielessä.'),
  t('d6-fi-8', 'fi', ['restriction'], 'Käsittelyn rajoittaminen', 'Vastustan tietojeni käyttöä, ja kunnes vastustukseni on käsitelty, tietojani ei saa käyttää mihinkään.'),
  t('d6-fi-9', 'fi', ['portability'], 'Tiedot Exceliin', 'Voisitteko lähettää kaikki minusta tallennetut tiedot Excel-tiedostona? Siirrän ne uuteen palveluun.'),
  t('d6-fi-10', 'fi', ['consent'], 'Lupa tietojen luovutukseen', 'Hyväksyn sen, että nimeni ja puhelinnumeroni luovutetaan isännöitsijälle huoltoa varten.'),
  t('d6-fi-11', 'fi', ['other'], 'Tiedostot', 'Siivooja poisti vahingossa pöydältä paperit, joissa oli asiakkaiden tietoja. Löytyisikö ne vielä?', 'papers thrown away'),
  t('d6-fi-12', 'fi', ['other'], 'Tilaus', 'Haluaisin tilata kertasiivouksen. Tarvitsetteko minulta muita tietoja kuin osoitteen?', 'an order'),
  t('d6-fi-13', 'fi', ['other'], 'Lasku', 'Korjasin jo itse laskun viitenumeron verkkopankissa, ei tarvitse tehdä mitään.', 'a fix done'),
  // ---------------------------------------------------------------- Swedish
  t('d6-sv-1', 'sv', ['erasure'], 'Mina uppgifter', 'Jag vill inte att ni har kvar några uppgifter om mig. Kan ni ordna det?'),
  t('d6-sv-2', 'sv', ['access'], 'Dataskydd', 'Jag vill begära ut de uppgifter ni har om mig.'),
  t('d6-sv-3', 'sv', ['rectification'], 'Rättelse', 'Mitt personnummer är fel i ert system, en siffra är omkastad.'),
  t('d6-sv-4', 'sv', ['objection'], 'Nyhetsbrev', 'Hur avslutar jag ert nyhetsbrev? Jag har försökt via länken men det fungerar inte.'),
  t('d6-sv-5', 'sv', ['objection'], 'Samtal', 'Era säljare ringer mig flera gånger i veckan. Det måste upphöra.'),
  t('d6-sv-6', 'sv', ['restriction'], 'Behandling', 'Jag har anmält er till Dataombudsmannen. Under tiden får ni inte använda mina uppgifter.'),
  t('d6-sv-7', 'sv', ['portability'], 'Dataportabilitet', 'Jag vill ha mina uppgifter i digital form så att jag kan flytta dem till en annan tjänst.'),
  t('d6-sv-8', 'sv', ['consent'], 'Samtycke', 'Härmed godkänner jag att mitt namn och telefonnummer lämnas till disponenten.'),
  t('d6-sv-9', 'sv', ['other'], 'Avbokning', 'Jag vill avboka städningen nästa vecka och flytta den till veckan därpå.', 'a booking moved'),
  t('d6-sv-10', 'sv', ['other'], 'Kontaktperson', 'Vem är min kontaktperson hos er nu? Skicka gärna namn och telefonnummer.', 'a contact person'),
  t('d6-sv-11', 'sv', ['access', 'erasure'], 'Data', 'Jag vill först se vilka uppgifter ni har, sedan ska allt raderas.'),
  // ---------------------------------------------------------------- English
  t('d6-en-1', 'en', ['erasure'], 'Right to erasure', 'I am exercising my right to erasure. Please confirm once this has been done.'),
  t('d6-en-2', 'en', ['erasure'], 'Remove me', 'Please remove me from your customer list, I have moved away.'),
  t('d6-en-3', 'en', ['access'], 'Subject access', 'I want to know whether you process any personal data about me and, if so, get a copy.'),
  t('d6-en-4', 'en', ['rectification'], 'Correction', 'Your system has my date of birth as 1 May instead of 5 January.'),
  t('d6-en-5', 'en', ['objection'], 'Leave me alone', 'I never agreed to get your adverts. Cut it out.'),
  t('d6-en-6', 'en', ['objection'], 'SMS', 'Please stop texting me about discounts.'),
  t('d6-en-7', 'en', ['restriction', 'rectification'], 'Restriction', 'I have asked for my data to be corrected. Until that is done, please only store it and do nothing else with it.'),
  t('d6-en-8', 'en', ['portability'], 'Portability request', 'Under my right to data portability, please send my data in JSON.'),
  t('d6-en-9', 'en', ['consent'], 'Referral', 'Yes, you can pass my name and number on to your partner company for the carpet offer.'),
  t('d6-en-10', 'en', ['other'], 'Lost item', 'I think your cleaner removed my reading glasses from the desk by mistake. Could you check?', 'glasses removed'),
  t('d6-en-11', 'en', ['other'], 'Change', 'I need to change the cleaning day from Tuesday to Thursday, my details are the same.', 'a day changed'),
  t('d6-en-12', 'en', ['other'], 'Feedback', 'Great job last week. The new cleaner knows what she is doing.', 'praise'),
  // ---------------------------------------------------------------- seventh batch: one sentence each, many wordings per right
  t('d7-fi-1', 'fi', ['erasure'], '', 'Tyhjentäkää kaikki tietoni järjestelmästänne.'),
  t('d7-fi-2', 'fi', ['erasure'], '', 'Haluan, että minusta ei jää teille mitään tietoja.'),
  t('d7-fi-3', 'fi', ['erasure'], '', 'Voisitteko hävittää minua koskevat tiedot?'),
  t('d7-fi-4', 'fi', ['erasure'], '', 'Pyydän tietojeni poistoa.'),
  t('d7-fi-5', 'fi', ['access'], '', 'Haluaisin saada tietooni, mitä tietoja minusta on kerätty.'),
  t('d7-fi-6', 'fi', ['access'], '', 'Pyydän jäljennöstä henkilötiedoistani.'),
  t('d7-fi-7', 'fi', ['access'], '', 'Millä perusteella käsittelette tietojani ja keille niitä on annettu?'),
  t('d7-fi-8', 'fi', ['rectification'], '', 'Nimeni on väärin kirjoitettu, korjatkaa se muotoon Pöyhönen.'),
  t('d7-fi-9', 'fi', ['rectification'], '', 'Päivittäisittekö yhteystietoni, sähköposti on nyt eri.'),
  t('d7-fi-10', 'fi', ['objection'], '', 'En enää halua vastaanottaa teiltä mainoksia.'),
  t('d7-fi-11', 'fi', ['objection'], '', 'Kieltäydyn suoramarkkinoinnista.'),
  t('d7-fi-12', 'fi', ['objection'], '', 'Ottakaa minut pois sähköpostilistalta.'),
  t('d7-fi-13', 'fi', ['restriction'], '', 'Pyydän, että tietojeni käsittely pysäytetään väliaikaisesti.'),
  t('d7-fi-14', 'fi', ['portability'], '', 'Haluan siirtää tietoni toiseen siivousyritykseen.'),
  t('d7-fi-15', 'fi', ['consent'], '', 'Minulle sopii, että annatte osoitteeni taloyhtiön isännöitsijälle.'),
  t('d7-fi-16', 'fi', ['other'], '', 'Voitteko tyhjentää myös roska-astiat?', 'bins emptied'),
  t('d7-fi-17', 'fi', ['other'], '', 'Päivittäkää minulle tieto, milloin siivooja tulee.', 'an update on timing'),
  // Swedish
  t('d7-sv-1', 'sv', ['erasure'], '', 'Ni får gärna radera allt om mig.'),
  t('d7-sv-2', 'sv', ['erasure'], '', 'Jag begär radering av mina personuppgifter.'),
  t('d7-sv-3', 'sv', ['erasure'], '', 'Ta bort mina kontaktuppgifter, tack.'),
  t('d7-sv-4', 'sv', ['access'], '', 'Jag vill se mina uppgifter.'),
  t('d7-sv-5', 'sv', ['access'], '', 'Vilken information om mig lagrar ni?'),
  t('d7-sv-6', 'sv', ['rectification'], '', 'Korrigera min adress, jag bor nu på Havsgatan 2.'),
  t('d7-sv-7', 'sv', ['rectification'], '', 'Mitt namn är felskrivet i era papper.'),
  t('d7-sv-8', 'sv', ['objection'], '', 'Jag vill inte bli kontaktad i marknadsföringssyfte.'),
  t('d7-sv-9', 'sv', ['objection'], '', 'Avsluta min prenumeration på ert nyhetsbrev.'),
  t('d7-sv-10', 'sv', ['restriction'], '', 'Behandla inte mina uppgifter förrän ni har rättat dem.'),
  t('d7-sv-11', 'sv', ['portability'], '', 'Överför mina uppgifter till min nya leverantör.'),
  t('d7-sv-12', 'sv', ['consent'], '', 'Ni kan ge min e-postadress till styrelsen.'),
  t('d7-sv-13', 'sv', ['other'], '', 'Kan ni rensa rännorna när ni ändå är här?', 'gutters cleared'),
  t('d7-sv-14', 'sv', ['other'], '', 'Vill ni se lägenheten innan ni ger en offert?', 'a flat to see'),
  // English
  t('d7-en-1', 'en', ['erasure'], '', 'Please purge my records.'),
  t('d7-en-2', 'en', ['erasure'], '', 'I want you to forget about me completely.'),
  t('d7-en-3', 'en', ['erasure'], '', 'Kindly delete any information relating to me.'),
  t('d7-en-4', 'en', ['erasure'], '', 'Can you get my details off your system?'),
  t('d7-en-5', 'en', ['access'], '', 'Please let me see the information you keep about me.'),
  t('d7-en-6', 'en', ['access'], '', 'What do you know about me?'),
  t('d7-en-7', 'en', ['access'], '', 'I request a copy of my file.'),
  t('d7-en-8', 'en', ['rectification'], '', 'Please amend my contact details: my new number is 040 999 8888.', undefined, ['+358409998888']),
  t('d7-en-9', 'en', ['rectification'], '', 'The surname on my account is misspelt.'),
  t('d7-en-10', 'en', ['objection'], '', 'No more marketing please.'),
  t('d7-en-11', 'en', ['objection'], '', 'I object to direct marketing.'),
  t('d7-en-12', 'en', ['objection'], '', 'Please do not send me any more offers.'),
  t('d7-en-13', 'en', ['restriction'], '', 'Put a hold on processing my data.'),
  t('d7-en-14', 'en', ['portability'], '', 'Please send my data to my new provider in a machine-readable format.'),
  t('d7-en-15', 'en', ['consent'], '', 'I give consent for my details to be shared with the landlord.'),
  t('d7-en-16', 'en', ['other'], '', 'Please clear the leaves from the balcony.', 'leaves cleared'),
  t('d7-en-17', 'en', ['other'], '', 'Can you send me your privacy policy?', 'a privacy policy'),
  // ---------------------------------------------------------------- eighth batch
  t('d8-fi-1', 'fi', ['access'], 'Omat tiedot', 'Saisinko listauksen kaikista tiedoista, joita minusta on?'),
  t('d8-fi-2', 'fi', ['erasure'], 'Asiakkuus päättyi', 'Asiakkuuteni päättyi vuodenvaihteessa. Tiedoillani ei ole teille enää käyttöä, joten pyydän ne poistettaviksi.'),
  t('d8-fi-3', 'fi', ['objection'], 'Mainoskirjeet', 'Postilaatikkooni tulee teidän mainoskirjeitänne. Niitä en halua.'),
  t('d8-fi-4', 'fi', ['rectification'], 'Nimi', 'Olen vaihtanut sukunimeni. Entinen oli Laine, uusi on Virta.'),
  t('d8-fi-5', 'fi', ['restriction'], 'Odottakaa', 'Älkää tehkö tiedoillani mitään ennen kuin olette vastanneet valitukseeni.'),
  t('d8-fi-6', 'fi', ['portability'], 'Siirto', 'Siirtäkää asiakastietoni sähköisesti uudelle siivousfirmalleni Puhdas Oy:lle.'),
  t('d8-fi-7', 'fi', ['consent'], 'Kumppani', 'Teidän kumppaninne saa minun puolestani ottaa yhteyttä, voitte antaa heille puhelinnumeroni.'),
  t('d8-fi-8', 'fi', ['other'], 'Kiitos', 'Kiitos viestistä. Tarkastin tiedot ja kaikki on kunnossa.', 'details checked and fine'),
  t('d8-fi-9', 'fi', ['other'], 'Matto', 'Matto on liian painava siirrettäväksi, jättäkää se paikalleen.', 'a rug'),
  t('d8-fi-10', 'fi', ['objection'], 'Lopetus', 'Lopettakaa sähköpostimainonta minulle.'),
  // Swedish
  t('d8-sv-1', 'sv', ['access'], 'Kopia', 'Skulle jag kunna få en sammanställning av mina personuppgifter?'),
  t('d8-sv-2', 'sv', ['erasure'], 'Uppsägning', 'Nu när jag inte är kund längre vill jag att mina uppgifter försvinner från era system.'),
  t('d8-sv-3', 'sv', ['objection'], 'Brevlådan', 'Jag vill inte ha er reklam i min brevlåda.'),
  t('d8-sv-4', 'sv', ['rectification'], 'Adress', 'Min gamla adress står kvar hos er, fast jag flyttade i fjol.'),
  t('d8-sv-5', 'sv', ['restriction'], 'Vänta', 'Gör ingenting med mina uppgifter innan ni har svarat på mitt klagomål.'),
  t('d8-sv-6', 'sv', ['portability'], 'Ny städfirma', 'Skicka mina uppgifter till min nya städfirma som en fil.'),
  t('d8-sv-7', 'sv', ['consent'], 'Ok', 'Det går bra att ni lämnar mitt nummer till grannföreningen.'),
  t('d8-sv-8', 'sv', ['other'], 'Fönsterputs', 'Kan ni flytta fönsterputsen till nästa månad?', 'a window cleaning moved'),
  t('d8-sv-9', 'sv', ['other'], 'Tack', 'Tack, jag har kontrollerat mina uppgifter och allt stämmer.', 'details checked and fine'),
  t('d8-sv-10', 'sv', ['erasure'], 'Glöm mig', 'Glöm mig, tack. Jag vill inte finnas med i era register.'),
  // English
  t('d8-en-1', 'en', ['access'], 'Copy please', 'Could I have a printout of everything you hold about me?'),
  t('d8-en-2', 'en', ['erasure'], 'No longer a customer', 'Now that I am no longer a customer, I want my data wiped.'),
  t('d8-en-3', 'en', ['objection'], 'Junk mail', 'I keep receiving your junk mail. Please take my address off it.'),
  t('d8-en-4', 'en', ['rectification'], 'Old details', 'You still have my maiden name on file. It is Jones now.'),
  t('d8-en-5', 'en', ['restriction'], 'Wait', 'Do nothing with my data until you have answered my complaint.'),
  t('d8-en-6', 'en', ['portability'], 'Switch', 'Please forward my records to my new cleaning firm electronically.'),
  t('d8-en-7', 'en', ['consent'], 'Go ahead', 'Go ahead and give my number to the window cleaner, that is fine.'),
  t('d8-en-8', 'en', ['other'], 'All good', 'Thanks, I checked my details in the portal and they are correct.', 'details checked and fine'),
  t('d8-en-9', 'en', ['other'], 'Furniture', 'Please move the sofa back where it was after cleaning.', 'a sofa moved'),
  t('d8-en-10', 'en', ['erasure', 'objection'], 'Done', 'Erase my data and never email me again.'),
  // ---------------------------------------------------------------- ninth batch: everyday mail only (every one must stay `other`)
  t('d9-fi-1', 'fi', ['other'], 'Laskutus', 'Voisitteko lähettää laskut jatkossa sähköpostiini paperin sijaan?', 'invoices by email'),
  t('d9-fi-2', 'fi', ['other'], 'Avaimet', 'Jätin avaimet naapurille, hänen nimensä on ovessa.', 'keys with a neighbour'),
  t('d9-fi-3', 'fi', ['other'], 'Aika', 'Voisitteko siirtää ensi viikon käynnin keskiviikolle?', 'a visit moved'),
  t('d9-fi-4', 'fi', ['other'], 'Siivooja', 'Uusi siivooja oli tosi hyvä, kertokaa hänelle kiitokset.', 'praise'),
  t('d9-fi-5', 'fi', ['other'], 'Tarjous', 'Lähettäkää tarjous kolmion loppusiivouksesta osoitteeseen Rantatie 5.', 'a quote asked'),
  t('d9-fi-6', 'fi', ['other'], 'Hinta', 'Mitä maksaa ikkunanpesu, jos asunnossa on kahdeksan ikkunaa?', 'a price asked'),
  t('d9-fi-7', 'fi', ['other'], 'Valitus', 'Siivooja ei poistanut pölyjä kirjahyllystä. Korjatkaa tämä ensi kerralla.', 'a complaint about dust'),
  t('d9-fi-8', 'fi', ['other'], 'Peruutus', 'Joudun perumaan huomisen siivouksen, ilmoitan uuden ajan myöhemmin.', 'a cleaning cancelled'),
  t('d9-fi-9', 'fi', ['other'], 'Yhteystiedot', 'Mikä on teidän asiakaspalvelunne puhelinnumero?', 'your phone number'),
  t('d9-fi-10', 'fi', ['other'], 'Rekisteröityminen', 'Miten rekisteröidyn asiakasportaaliin?', 'registering in the portal'),
  t('d9-fi-11', 'fi', ['other'], 'Uutiskirje', 'Kiitos uutiskirjeestä, oli hyviä vinkkejä tahranpoistoon!', 'thanks for the newsletter'),
  t('d9-fi-12', 'fi', ['other'], 'Osoite', 'Onko osoitteenne edelleen Hämeenkatu 10, tuon paketin sinne?', 'your address'),
  t('d9-fi-13', 'fi', ['other'], 'Laskun erittely', 'Pyydän erittelyn viime kuun laskusta.', 'an invoice itemised'),
  // Swedish
  t('d9-sv-1', 'sv', ['other'], 'Fakturor', 'Kan ni skicka fakturorna till min e-postadress i fortsättningen?', 'invoices by email'),
  t('d9-sv-2', 'sv', ['other'], 'Nycklar', 'Lämna nycklarna hos grannen om jag inte är hemma.', 'keys'),
  t('d9-sv-3', 'sv', ['other'], 'Tid', 'Kan vi flytta städningen till onsdag?', 'a cleaning moved'),
  t('d9-sv-4', 'sv', ['other'], 'Beröm', 'Städaren var jättebra, hälsa henne från oss.', 'praise'),
  t('d9-sv-5', 'sv', ['other'], 'Offert', 'Skicka en offert på flyttstädning till min adress.', 'a quote'),
  t('d9-sv-6', 'sv', ['other'], 'Klagomål', 'Ni glömde att dammsuga sovrummet. Rätta till det nästa gång.', 'a complaint'),
  t('d9-sv-7', 'sv', ['other'], 'Avbokning', 'Jag måste avboka tisdagens städning.', 'a cancellation'),
  t('d9-sv-8', 'sv', ['other'], 'Kundtjänst', 'Vilket är numret till er kundtjänst?', 'your number'),
  t('d9-sv-9', 'sv', ['other'], 'Nyhetsbrev', 'Tack för nyhetsbrevet, jättebra tips!', 'thanks for the newsletter'),
  t('d9-sv-10', 'sv', ['other'], 'Portal', 'Hur registrerar jag mig i kundportalen?', 'registering'),
  t('d9-sv-11', 'sv', ['other'], 'Specifikation', 'Kan ni skicka en specifikation av förra månadens faktura?', 'an invoice itemised'),
  // English
  t('d9-en-1', 'en', ['other'], 'Invoices', 'Could you email me the invoices from now on instead of posting them?', 'invoices by email'),
  t('d9-en-2', 'en', ['other'], 'Keys', 'I left the keys with my neighbour, her name is on the door.', 'keys'),
  t('d9-en-3', 'en', ['other'], 'Reschedule', 'Can we move next week\'s visit to Wednesday?', 'a visit moved'),
  t('d9-en-4', 'en', ['other'], 'Praise', 'The new cleaner was great, please pass on our thanks.', 'praise'),
  t('d9-en-5', 'en', ['other'], 'Quote', 'Please send a quote for an end-of-tenancy clean to my address.', 'a quote'),
  t('d9-en-6', 'en', ['other'], 'Complaint', 'The bathroom was not cleaned properly. Please correct this next time.', 'a complaint'),
  t('d9-en-7', 'en', ['other'], 'Cancel', 'I need to cancel tomorrow\'s cleaning, sorry.', 'a cancellation'),
  t('d9-en-8', 'en', ['other'], 'Contact', 'What is the phone number for your customer service?', 'your number'),
  t('d9-en-9', 'en', ['other'], 'Newsletter', 'Thanks for the newsletter, great stain removal tips!', 'thanks for the newsletter'),
  t('d9-en-10', 'en', ['other'], 'Portal', 'How do I register for the customer portal?', 'registering'),
  t('d9-en-11', 'en', ['other'], 'Breakdown', 'Can you send me a breakdown of last month\'s invoice?', 'an invoice itemised'),
  t('d9-en-12', 'en', ['other'], 'Password', 'I forgot my password for the portal, can you reset my account?', 'a password reset'),
  t('d9-en-13', 'en', ['other'], 'Change of plan', 'Please update me when the cleaner is on the way.', 'an update on timing'),
  // ---------------------------------------------------------------- tenth batch: whole letters with greetings and signatures
  t('d10-fi-1', 'fi', ['erasure'], 'Re: Kevään tarjoukset', 'Hei,\n\nen ole enää kiinnostunut palveluistanne. Haluaisin, että kaikki minuun liittyvä poistetaan.\n\nTerveisin\nKaisa Heino'),
  t('d10-fi-2', 'fi', ['access'], 'Tietopyyntö', 'Hyvä vastaanottaja,\n\nhaluan tietää, mitä tietoja minusta on rekisterissänne ja mistä ne on saatu.\n\nYstävällisin terveisin\nOlli Rantala'),
  t('d10-fi-3', 'fi', ['rectification'], 'Muuttunut osoite', 'Moi!\n\nMuutin viime kuussa. Nykyinen osoitteeni on Pihlajatie 7 C 20, 90100 Oulu.\n\nT. Sanna'),
  t('d10-fi-4', 'fi', ['objection'], 'Mainospostit', 'Hei\n\nmulle tulee teiltä koko ajan mainoksia. Ei kiinnosta, lopettakaa.\n\n-Jani'),
  t('d10-fi-5', 'fi', ['consent', 'access'], 'Vakuutusyhtiö', 'Hei,\n\nvakuutusyhtiöni pyytää tietoja vesivahingosta. Saatte toimittaa heille nimeni ja osoitteeni. Kertokaa myös, mitä tietoja minusta teillä on.\n\nTerveisin\nMarkku'),
  t('d10-fi-6', 'fi', ['other'], 'Re: Siivousaika', 'Kiitos vahvistuksesta! Torstai käy hyvin.\n\nTerveisin\nLeena'),
  // Swedish
  t('d10-sv-1', 'sv', ['erasure'], 'Radering', 'Hej!\n\nJag har flyttat utomlands och behöver inte längre era tjänster. Vänligen radera allt ni har om mig.\n\nMed vänlig hälsning\nErik Sjöholm'),
  t('d10-sv-2', 'sv', ['access'], 'Mina uppgifter', 'Hej,\n\nkan ni tala om vilka uppgifter ni har om mig och vem ni har delat dem med?\n\nHälsningar\nLena'),
  t('d10-sv-3', 'sv', ['objection'], 'Reklam', 'Hej\n\nSnälla sluta skicka era erbjudanden till mig.\n\n/Peter'),
  t('d10-sv-4', 'sv', ['rectification'], 'Telefonnummer', 'Hej! Mitt nya nummer är 045 678 9012. Kan ni uppdatera det?\n\nMvh Anna', undefined, ['+358456789012']),
  t('d10-sv-5', 'sv', ['other'], 'Sv: Bokningsbekräftelse', 'Tack, det passar bra.\n\nMed vänliga hälsningar\nMaria'),
  // English
  t('d10-en-1', 'en', ['erasure'], 'Data deletion', 'Dear CleanRoom,\n\nI am writing to ask you to delete all personal data you hold about me.\n\nYours sincerely,\nDavid Clark'),
  t('d10-en-2', 'en', ['access'], 'My data', 'Hi there,\n\nCould you tell me what personal information you have about me, please?\n\nThanks,\nSophie'),
  t('d10-en-3', 'en', ['objection'], 'Re: Summer deals', 'Please take me off this list.\n\nOn Mon, 1 Jun 2026 at 09:00, CleanRoom <news@cleanroom.fi> wrote:\n> Summer deals inside!'),
  t('d10-en-4', 'en', ['rectification'], 'New address', 'Hello,\n\nI have moved to 4 Oak Street, Vaasa. Please change my address in your records.\n\nBest,\nTom'),
  t('d10-en-5', 'en', ['other'], 'Re: Booking confirmation', 'Thanks, Thursday works for me.\n\nBest regards,\nEmma'),
  // ---------------------------------------------------------------- eleventh batch
  t('d11-fi-1', 'fi', ['access'], 'Tiedustelu', 'Onko teillä minusta jotain tietoja tallessa? Jos on, mitä?'),
  t('d11-fi-2', 'fi', ['erasure'], 'Tilin poisto', 'Poistakaa käyttäjätilini ja kaikki siihen liittyvät tiedot.'),
  t('d11-fi-3', 'fi', ['objection'], 'Ei tekstiviestejä', 'Älkää lähettäkö minulle enää tekstiviestejä kampanjoista.'),
  t('d11-fi-4', 'fi', ['rectification'], 'Virhe', 'Puhelinnumerossani on virhe, viimeinen numero on 7 eikä 1.'),
  t('d11-fi-5', 'fi', ['restriction'], 'Odotus', 'Toivoisin, että tietojani ei käsitellä ennen kuin olen tarkistanut ne.'),
  t('d11-fi-6', 'fi', ['portability'], 'Datan siirto', 'Haluan käyttää oikeuttani siirtää tiedot järjestelmästä toiseen.'),
  t('d11-fi-7', 'fi', ['consent'], 'Suostumus', 'Annan suostumukseni siihen, että välitätte sähköpostiosoitteeni kiinteistöhuollolle.'),
  t('d11-fi-8', 'fi', ['other'], 'Aukioloajat', 'Onko teillä asiakaspalvelu auki lauantaisin?', 'opening hours'),
  t('d11-fi-9', 'fi', ['other'], 'Siivousvälineet', 'Käyttäkää jatkossa hajusteettomia pesuaineita, olen allerginen.', 'detergents'),
  t('d11-fi-10', 'fi', ['erasure', 'objection'], 'Lopetus', 'Lopetan asiakkuuden. Poistakaa tietoni ja lopettakaa mainonta.'),
  t('d11-sv-1', 'sv', ['access'], 'Fråga', 'Vad har ni för information om mig i era system?'),
  t('d11-sv-2', 'sv', ['erasure'], 'Konto', 'Stäng mitt konto och ta bort alla mina uppgifter.'),
  t('d11-sv-3', 'sv', ['objection'], 'Reklam', 'Jag vill inte längre få marknadsföring från er.'),
  t('d11-sv-4', 'sv', ['rectification'], 'Namn', 'Mitt förnamn är fel, det ska vara Sofia med f.'),
  t('d11-sv-5', 'sv', ['restriction'], 'Paus', 'Pausa behandlingen av mina uppgifter tills vidare.'),
  t('d11-sv-6', 'sv', ['portability'], 'Överflyttning', 'Jag vill att mina uppgifter överförs till det nya bolag jag har valt.'),
  t('d11-sv-7', 'sv', ['consent'], 'Tillstånd', 'Jag tillåter att ni lämnar ut mitt namn till bostadsrättsföreningen.'),
  t('d11-sv-8', 'sv', ['other'], 'Städmaterial', 'Använd gärna era egna städmaterial nästa gång.', 'cleaning materials'),
  t('d11-sv-9', 'sv', ['other'], 'Fakturan', 'Fakturan kom till fel adress, men jag har redan betalat den.'),
  t('d11-sv-10', 'sv', ['erasure'], 'GDPR', 'Enligt GDPR vill jag att ni raderar allt om mig.'),
  t('d11-en-1', 'en', ['access'], 'Question', 'Do you have any personal data about me? If so, what?'),
  t('d11-en-2', 'en', ['erasure'], 'Account', 'Please delete my user account and all data attached to it.'),
  t('d11-en-3', 'en', ['objection'], 'Texts', 'Do not send me any more promotional texts.'),
  t('d11-en-4', 'en', ['rectification'], 'Typo', 'There is a typo in my email address on your system, it should be mark.j@example.com.'),
  t('d11-en-5', 'en', ['restriction'], 'Pause', 'Please suspend all processing of my data until I confirm otherwise.'),
  t('d11-en-6', 'en', ['portability'], 'Data move', 'I would like to exercise my right to move my data to another service.'),
  t('d11-en-7', 'en', ['consent'], 'Permission', 'I allow you to pass my email address on to the building manager.'),
  t('d11-en-8', 'en', ['other'], 'Hours', 'Are you open on Saturdays?', 'opening hours'),
  t('d11-en-9', 'en', ['other'], 'Products', 'Please use fragrance-free products from now on, I am allergic.', 'products'),
  t('d11-en-10', 'en', ['erasure', 'objection'], 'Goodbye', 'I am leaving. Delete my data and stop all marketing.'),
  // ---------------------------------------------------------------- twelfth batch: terse, colloquial, no diacritics
  t('d12-fi-1', 'fi', ['erasure'], 'poisto', 'poistakaa mut teidan rekisterista'),
  t('d12-fi-2', 'fi', ['access'], 'tiedot', 'mita tietoja teilla on musta?'),
  t('d12-fi-3', 'fi', ['objection'], 'spam', 'ei enää näitä mainosmaileja kiitos'),
  t('d12-fi-4', 'fi', ['rectification'], 'Osoitteen muutos', 'Osoite muuttunut: Koulukatu 8, 20100 Turku.'),
  t('d12-fi-5', 'fi', ['restriction'], 'Tiedot', 'Laittakaa tietojeni käsittely jäihin siksi aikaa kun selvitätte laskuvirheen.'),
  t('d12-fi-6', 'fi', ['portability'], 'Tiedot uudelle firmalle', 'Voisitteko antaa asiakastietoni tiedostona, vien ne uudelle siivousfirmalle.'),
  t('d12-fi-7', 'fi', ['consent'], 'Ok', 'Minun puolestani voitte kertoa puhelinnumeroni isännöitsijälle.'),
  t('d12-fi-8', 'fi', ['other'], 'Kysymys', 'Saako teiltä lahjakortteja?', 'gift cards'),
  t('d12-fi-9', 'fi', ['other'], 'Siivous', 'Siivotkaa myös parveke, ja poistakaa hämähäkinseitit katosta.', 'cobwebs'),
  t('d12-fi-10', 'fi', ['objection'], 'Kielto', 'Kiellän lähettämästä minulle markkinointiviestejä.'),
  t('d12-sv-1', 'sv', ['erasure'], 'radera', 'radera mig ur ert system tack'),
  t('d12-sv-2', 'sv', ['access'], 'info', 'vad vet ni om mig?'),
  t('d12-sv-3', 'sv', ['objection'], 'mejl', 'inga fler reklammejl tack'),
  t('d12-sv-4', 'sv', ['rectification'], 'Adressbyte', 'Adressbyte: Kyrkogatan 4, 68600 Jakobstad.'),
  t('d12-sv-5', 'sv', ['restriction'], 'Vänta', 'Lägg behandlingen av mina uppgifter på is tills saken är utredd.'),
  t('d12-sv-6', 'sv', ['portability'], 'Fil', 'Kan jag få mina kunduppgifter som en fil som jag kan ta med till en annan firma?'),
  t('d12-sv-7', 'sv', ['consent'], 'OK', 'För min del får ni gärna ge mitt nummer till disponenten.'),
  t('d12-sv-8', 'sv', ['other'], 'Presentkort', 'Säljer ni presentkort?', 'gift cards'),
  t('d12-sv-9', 'sv', ['other'], 'Städning', 'Ta bort spindelväven i taket också, tack.', 'cobwebs'),
  t('d12-sv-10', 'sv', ['access', 'erasure'], 'Data', 'Vad har ni sparat om mig? Radera det sedan.'),
  t('d12-en-1', 'en', ['erasure'], 'delete', 'pls delete my acount and data'),
  t('d12-en-2', 'en', ['access'], 'data', 'what data u have about me??'),
  t('d12-en-3', 'en', ['objection'], 'emails', 'no more spam emails from you thanks'),
  t('d12-en-4', 'en', ['rectification'], 'Address change', 'Change of address: 9 Mill Lane, Porvoo.'),
  t('d12-en-5', 'en', ['restriction'], 'Hold', 'Please put the processing of my data on ice until the dispute is over.'),
  t('d12-en-6', 'en', ['portability'], 'File', 'Can I get my customer data as a file to take to another company?'),
  t('d12-en-7', 'en', ['consent'], 'OK', 'As far as I am concerned you can give my number to the caretaker.'),
  t('d12-en-8', 'en', ['other'], 'Gift cards', 'Do you sell gift cards?', 'gift cards'),
  t('d12-en-9', 'en', ['other'], 'Cleaning', 'Please also remove the cobwebs from the ceiling.', 'cobwebs'),
  t('d12-en-10', 'en', ['objection', 'erasure'], 'Stop', 'Stop the newsletters and delete my email address.'),
  // ---------------------------------------------------------------- thirteenth batch: polite, conditional, formal
  t('d13-fi-1', 'fi', ['erasure'], 'Kysymys', 'Voinko pyytää, että tietoni poistetaan teidän järjestelmästänne?'),
  t('d13-fi-2', 'fi', ['access'], 'Pyyntö', 'Olisin kiitollinen, jos lähettäisitte minulle yhteenvedon minusta tallennetuista tiedoista.'),
  t('d13-fi-3', 'fi', ['objection'], 'Markkinointi', 'Tietosuoja-asetuksen nojalla vastustan tietojeni käyttöä suoramarkkinointiin.'),
  t('d13-fi-4', 'fi', ['rectification'], 'Tietojen päivitys', 'Jos mahdollista, päivittäkää sähköpostiosoitteekseni maija@example.fi.'),
  t('d13-fi-5', 'fi', ['restriction', 'rectification'], 'Käsittely', 'Haluaisin, että tietojeni käsittelyä rajoitetaan, kunnes oikaisupyyntöni on ratkaistu.'),
  t('d13-fi-6', 'fi', ['portability'], 'Siirto', 'Haluan tietoni yleisessä tiedostomuodossa, jotta voin siirtää ne muualle.'),
  t('d13-fi-7', 'fi', ['consent'], 'Suostumus', 'Suostun siihen, että tietoni annetaan vakuutusyhtiölle korvausasian hoitamiseksi.'),
  t('d13-fi-8', 'fi', ['other'], 'Laskun eräpäivä', 'Voinko siirtää laskun eräpäivää viikolla?', 'a due date'),
  t('d13-fi-9', 'fi', ['other'], 'Sopimus', 'Haluaisin tehdä uuden siivoussopimuksen, mitä tietoja tarvitsette?', 'a new contract'),
  t('d13-fi-10', 'fi', ['access', 'rectification'], 'Tiedot', 'Näyttäkää mitä tietoja minusta on, sillä luulen että nimeni on väärin.'),
  t('d13-sv-1', 'sv', ['erasure'], 'Fråga', 'Kan jag be er att radera mina uppgifter?'),
  t('d13-sv-2', 'sv', ['access'], 'Begäran', 'Jag skulle uppskatta om ni kunde skicka en sammanfattning av de uppgifter ni har om mig.'),
  t('d13-sv-3', 'sv', ['objection'], 'Marknadsföring', 'Med stöd av dataskyddsförordningen invänder jag mot direktmarknadsföring.'),
  t('d13-sv-4', 'sv', ['rectification'], 'Uppdatering', 'Om möjligt, uppdatera min e-post till kalle@example.se.'),
  t('d13-sv-5', 'sv', ['restriction', 'rectification'], 'Begränsning', 'Jag vill att behandlingen begränsas tills min begäran om rättelse är avgjord.'),
  t('d13-sv-6', 'sv', ['portability'], 'Överföring', 'Jag vill ha mina uppgifter i ett vanligt filformat så att jag kan flytta dem.'),
  t('d13-sv-7', 'sv', ['consent'], 'Samtycke', 'Jag samtycker till att mina uppgifter lämnas till försäkringsbolaget.'),
  t('d13-sv-8', 'sv', ['other'], 'Förfallodag', 'Kan jag flytta fakturans förfallodag en vecka?', 'a due date'),
  t('d13-sv-9', 'sv', ['other'], 'Avtal', 'Jag vill teckna ett nytt städavtal, vilka uppgifter behöver ni?', 'a new contract'),
  t('d13-sv-10', 'sv', ['erasure'], 'Konto', 'Jag vill inte ha något konto hos er längre, ta bort det och mina uppgifter.'),
  t('d13-en-1', 'en', ['erasure'], 'Question', 'May I ask you to delete my personal data from your records?'),
  t('d13-en-2', 'en', ['access'], 'Request', 'I would be grateful if you could send me a summary of the data you hold on me.'),
  t('d13-en-3', 'en', ['objection'], 'Marketing', 'Under the GDPR I object to the use of my data for direct marketing.'),
  t('d13-en-4', 'en', ['rectification'], 'Update', 'If possible, please update my email to kate@example.com.'),
  t('d13-en-5', 'en', ['restriction', 'rectification'], 'Restriction', 'I would like processing restricted until my correction request is decided.'),
  t('d13-en-6', 'en', ['portability'], 'Transfer', 'I would like my data in a common file format so I can move it elsewhere.'),
  t('d13-en-7', 'en', ['consent'], 'Consent', 'I agree to my details being given to the insurance company.'),
  t('d13-en-8', 'en', ['other'], 'Due date', 'Can I move the invoice due date by a week?', 'a due date'),
  t('d13-en-9', 'en', ['other'], 'Contract', 'I would like a new cleaning contract, what details do you need?', 'a new contract'),
  t('d13-en-10', 'en', ['erasure'], 'Account', 'I do not want an account with you any more, remove it and my data.'),
  // ---------------------------------------------------------------- fourteenth batch: negation traps, replies, forwards, thanks
  t('d14-fi-1', 'fi', ['rectification'], 'Ei poistoa', 'Älkää poistako asiakkuuttani, vaihtakaa vain laskutusosoitteeksi Satamakatu 3, 28100 Pori.', 'negated erasure, rectification asked'),
  t('d14-fi-2', 'fi', ['objection'], 'Uutiskirje', 'Asiakkuuteni saa jatkua, mutta uutiskirjettä en enää halua.'),
  t('d14-fi-3', 'fi', ['access'], 'Fwd: Tietopyyntö', 'Lähetän uudelleen, en ole saanut vastausta.\n\n---------- Välitetty viesti ---------\nLähettäjä: Aino Salo <aino@example.fi>\nPäivämäärä: ma 2.3.2026\nAihe: Tietopyyntö\n\nHaluan nähdä kaikki tietoni.'),
  t('d14-fi-4', 'fi', ['erasure'], 'Re: Tilausvahvistus', 'Kiitos, mutta en tarvitse palvelua. Poistakaa yhteystietoni.\n\nti 3.3.2026 klo 10.12 CleanRoom <info@cleanroom.fi> kirjoitti:\n> Kiitos tilauksestasi!'),
  t('d14-fi-5', 'fi', ['other'], 'Tilaus', 'Haluan tilata ikkunanpesun, en halua poistaa mitään vanhoja tilauksia.', 'a negated removal about orders'),
  t('d14-fi-6', 'fi', ['restriction', 'erasure'], 'Tiedot', 'Rajoittakaa tietojeni käsittelyä nyt ja poistakaa ne, kun riita on ratkaistu.'),
  t('d14-fi-7', 'fi', ['other'], 'Kiitos', 'Kiitos että poistitte tietoni niin nopeasti!', 'thanks for an erasure done'),
  t('d14-fi-8', 'fi', ['access'], 'Kysymys', 'Olen saanut teiltä kirjeen nimelläni. Mistä nimeni ja osoitteeni on saatu?'),
  t('d14-sv-1', 'sv', ['rectification'], 'Radera inte', 'Radera inte mitt konto, men ändra min adress till Strandvägen 1, 10001 Helsingfors.', 'negated erasure, rectification asked'),
  t('d14-sv-2', 'sv', ['objection'], 'Nyhetsbrev', 'Jag vill gärna vara kund, men jag vill inte ha några nyhetsbrev.'),
  t('d14-sv-3', 'sv', ['erasure'], 'Sv: Orderbekräftelse', 'Tack men jag vill inte beställa. Ta bort mina kontaktuppgifter.\n\nDen 2 mars 2026 skrev CleanRoom <info@cleanroom.fi>:\n> Tack för din beställning!'),
  t('d14-sv-4', 'sv', ['other'], 'Tack', 'Tack för att ni raderade mina uppgifter så snabbt!', 'thanks for an erasure done'),
  t('d14-sv-5', 'sv', ['access'], 'Brev', 'Jag fick ett brev från er med mitt namn. Hur har ni fått tag på mina uppgifter?'),
  t('d14-sv-6', 'sv', ['restriction', 'erasure'], 'Uppgifter', 'Begränsa behandlingen nu och radera uppgifterna när tvisten är löst.'),
  t('d14-en-1', 'en', ['rectification'], 'Do not delete', 'Please do not delete my account, just change my billing address to 5 Harbour Road, Kotka.', 'negated erasure, rectification asked'),
  t('d14-en-2', 'en', ['objection'], 'Newsletter', 'I am happy to stay a customer, but I do not want your newsletter.'),
  t('d14-en-3', 'en', ['erasure'], 'Re: Order confirmation', 'Thanks, but I did not mean to order. Please delete my contact details.\n\nOn Mon, 2 Mar 2026 at 09:00, CleanRoom <info@cleanroom.fi> wrote:\n> Thank you for your order!'),
  t('d14-en-4', 'en', ['other'], 'Thanks', 'Thank you for deleting my data so quickly!', 'thanks for an erasure done'),
  t('d14-en-5', 'en', ['access'], 'Letter', 'I received a letter from you addressed to me. How did you get my details?'),
  t('d14-en-6', 'en', ['restriction', 'erasure'], 'Data', 'Restrict the processing of my data now and delete it once the dispute is resolved.'),
  // ---------------------------------------------------------------- fifteenth batch: consent, portability, restriction, several rights
  t('d15-fi-1', 'fi', ['consent'], 'Luovutus', 'Olen samaa mieltä siitä, että yhteystietoni välitetään remonttifirmalle.'),
  t('d15-fi-2', 'fi', ['consent'], 'Tietojen jakaminen', 'Teidän on ok jakaa puhelinnumeroni taloyhtiön hallituksen kanssa.'),
  t('d15-fi-3', 'fi', ['portability'], 'Omat tiedot', 'Lataisin mielelläni omat tietoni itselleni koneellisesti luettavana tiedostona.'),
  t('d15-fi-4', 'fi', ['portability'], 'Siirto', 'Haluan, että siirrätte asiakastietoni kilpailijallenne, jonka palveluihin siirryn.'),
  t('d15-fi-5', 'fi', ['restriction'], 'Käyttökielto', 'Tietojani ei saa käyttää muuhun kuin säilyttämiseen, kunnes kiista on ratkaistu.'),
  t('d15-fi-6', 'fi', ['restriction'], 'Jäädyttäminen', 'Pyydän tietojeni jäädyttämistä toistaiseksi.'),
  t('d15-fi-7', 'fi', ['access', 'portability'], 'Kaksi asiaa', 'Haluan nähdä mitä tietoja minusta on. Lisäksi pyydän ne CSV-tiedostona siirtääkseni ne toiseen yritykseen.'),
  t('d15-fi-8', 'fi', ['other'], 'Jakaminen', 'Voitteko jakaa siivousvuorot niin, että sama siivooja tulee aina?', 'shifts shared'),
  t('d15-fi-9', 'fi', ['other'], 'Lataus', 'Mistä voin ladata laskun PDF-tiedostona?', 'an invoice as a file'),
  t('d15-fi-10', 'fi', ['objection'], 'Profilointi', 'Vastustan sitä, että profiloitte minua markkinointia varten.'),
  t('d15-sv-1', 'sv', ['consent'], 'Delning', 'Jag har inget emot att ni delar mitt nummer med hantverkarna.'),
  t('d15-sv-2', 'sv', ['portability'], 'Ladda ner', 'Jag vill ladda ner mina uppgifter i ett format som andra tjänster kan läsa.'),
  t('d15-sv-3', 'sv', ['restriction'], 'Spärr', 'Spärra mina uppgifter så att de inte används förrän tvisten är löst.'),
  t('d15-sv-4', 'sv', ['access', 'portability'], 'Två saker', 'Visa mig vilka uppgifter ni har. Skicka dem sedan som en CSV-fil till min nya leverantör.'),
  t('d15-sv-5', 'sv', ['other'], 'Faktura som fil', 'Kan jag få fakturan som PDF-fil?', 'an invoice as a file'),
  t('d15-sv-6', 'sv', ['objection'], 'Profilering', 'Jag motsätter mig att ni profilerar mig för reklam.'),
  t('d15-sv-7', 'sv', ['consent'], 'Lov', 'Ni har min tillåtelse att lämna ut min adress till försäkringsbolaget.'),
  t('d15-sv-8', 'sv', ['other'], 'Dela', 'Kan ni dela upp städningen på två dagar?', 'cleaning split'),
  t('d15-en-1', 'en', ['consent'], 'Sharing', 'I have no problem with you sharing my number with the repair company.'),
  t('d15-en-2', 'en', ['portability'], 'Download', 'I would like to download my data in a format other services can read.'),
  t('d15-en-3', 'en', ['restriction'], 'Block', 'Please block any use of my data apart from storage until the dispute is settled.'),
  t('d15-en-4', 'en', ['access', 'portability'], 'Two things', 'Show me what data you have on me, then send it as a CSV file to my new provider.'),
  t('d15-en-5', 'en', ['other'], 'Invoice as file', 'Can I get the invoice as a PDF file?', 'an invoice as a file'),
  t('d15-en-6', 'en', ['objection'], 'Profiling', 'I object to you profiling me for advertising.'),
  t('d15-en-7', 'en', ['consent'], 'Disclosure', 'Feel free to pass my contact details on to the painters.'),
  t('d15-en-8', 'en', ['other'], 'Split', 'Could you split the cleaning over two days?', 'cleaning split'),
];
