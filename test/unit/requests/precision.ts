/**
 * Everyday mail to a cleaning company that asks for no right but uses the rights' verbs
 * (remove a stain, correct an invoice, inspect the ventilation, delete a booking). Written
 * before the cues were narrowed to personal-data objects; first run, before that change: 2/16
 * read as `other`. They must all read as `other`.
 */
import type { CorpusLetter } from './corpus';

const other = (id: string, language: CorpusLetter['language'], subject: string, body: string): CorpusLetter =>
  ({ id, language, type: 'other', rights: ['other'], subject, body, hard: 'a right\'s verb about something that is not personal data' });

export const PRECISION: CorpusLetter[] = [
  other('p-fi-1', 'fi', 'Tahra', 'Voisitteko poistaa tahran olohuoneen matosta ensi käynnillä?'),
  other('p-fi-2', 'fi', 'Lasku', 'Voitteko korjata laskun? Summa on väärin, tunteja oli kolme eikä neljä.'),
  other('p-fi-3', 'fi', 'Ilmanvaihto', 'Pitäisikö ilmanvaihtokanavat tarkastaa samalla kertaa?'),
  other('p-fi-4', 'fi', 'Aika', 'Suostun siirtämään siivouksen perjantaille.'),
  other('p-fi-5', 'fi', 'Avain', 'Päivitin ovikoodin, uusi koodi on 4512.'),
  other('p-fi-6', 'fi', 'Roskat', 'Poistakaa myös vanhat pahvilaatikot varastosta.'),
  other('p-sv-1', 'sv', 'Städare', 'Varifrån kommer era städare, är de från Vasa?'),
  other('p-sv-2', 'sv', 'Faktura', 'Fakturan är fel, kan ni rätta den och skicka en ny?'),
  other('p-sv-3', 'sv', 'Erbjudande', 'Är ert erbjudande begränsat i tid?'),
  other('p-sv-4', 'sv', 'Bokning', 'Radera min bokning för tisdag, jag bokar en ny tid senare.'),
  other('p-en-1', 'en', 'Booking', 'Please delete the Tuesday booking and update the invoice.'),
  other('p-en-2', 'en', 'Mail', 'I deleted your previous email by mistake, can you resend the quote?'),
  other('p-en-3', 'en', 'Access code', 'The access code to the building is 1234, please restrict entry to the cleaners.'),
  other('p-en-4', 'en', 'Schedule', 'I consent to moving the cleaning to Friday.'),
  other('p-en-5', 'en', 'Windows', 'The window in the hallway is wrong size for your ladder, bring a longer one.'),
  other('p-en-6', 'en', 'Carpet', 'Can you remove all the marks from the carpet?'),
];
