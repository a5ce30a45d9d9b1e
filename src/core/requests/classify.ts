/**
 * Understanding a written request (README "Requests (core)"): from a mail's subject and plain
 * body, in Finnish, Swedish or English, which rights it asks for (the primary type first), which
 * language to answer in, the customer numbers and mobile numbers it mentions, and a short plain
 * summary (≤ 200 characters, never the letter: the mail stays in Gmail).
 *
 * Rule-based on purpose: every cue is a phrase a reader can check, a wrong answer is mended by a
 * line here plus a corpus letter (test/unit/requests/corpus.ts), and nothing is added to Code.js
 * but this file. Before the cues are read, the letter is cut to what the person wrote: markup
 * left in the text is removed, quoted replies ("> …", "On … wrote:", "… kirjoitti:", "… skrev:",
 * Outlook's headers) are dropped, a forwarded letter is kept without its header lines, and the
 * signature ("-- ", "Sent from my …", a closing such as "Terveisin") is set apart (it is still
 * read for numbers). A cue a negation precedes in its clause ("en halua poistaa", "don't
 * delete", "vill inte att ni raderar") does not count; the marketing ban's own negative wording
 * ("en halua mainoksia", "no more emails") is read first and consumes its words, so "poistakaa
 * minut postituslistalta" is an objection, not an erasure. Wording no phrase foresaw is read by
 * families (see "families" below): a right's verb stems that count only with their object family
 * near them, so unseen letters find their right without reading a stain or an invoice as one
 * (measured on test/unit/requests/heldout-dev.ts, batch by batch, before each change).
 */
import { findPhoneNumbersInText } from 'libphonenumber-js/mobile';
import type { RequestLanguage, RequestType } from './model';

export interface ClassifyOptions {
  /** Customer numbers look like `${prefix}${digits}` (settings); '' and 6 by default. */
  customerNumberPrefix?: string;
  customerNumberDigits?: number;
  /** The answer's language when the letter gives no clue (the settings' language). */
  fallbackLanguage?: RequestLanguage;
}

export interface Classification {
  /** The primary type: the first right the letter demands (`other` when it asks none). */
  type: RequestType;
  /** Every right asked, the primary first. */
  rights: RequestType[];
  language: RequestLanguage;
  /** Register numbers mentioned, in order, without repeats. */
  customerNumbers: string[];
  /** Mobile numbers mentioned, E.164 (Finland when no country code), without repeats. */
  phones: string[];
  /** Plain text, at most 200 characters. */
  summary: string;
  /** GDPR articles the letter cites (15–21), in order. */
  articles: number[];
  /** The original sender of a forwarded letter ('' when not a forward): intake may match them. */
  forwardedFrom: string;
  /** The words that decided each right, for the dialog to show why. */
  evidence: { right: RequestType; text: string }[];
}

export const SUMMARY_MAX = 200;
/** Characters of a body read at most (the time a trigger run has is shared by 200 letters). */
export const MAX_READ = 50_000;

// ------------------------------------------------------------------------------------ cleaning

const ENTITIES: Record<string, string> = {
  nbsp: ' ', amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", auml: 'ä', ouml: 'ö', aring: 'å',
  Auml: 'Ä', Ouml: 'Ö', Aring: 'Å', eacute: 'é', uuml: 'ü', ndash: '–', mdash: '—', hellip: '…', rsquo: '’', lsquo: '‘',
};

/** An HTML tag by name: "<Tom.B@example.com>" in a header is an address, not markup. */
const TAG = /<\/?(html|head|body|p|div|span|br|a|b|i|u|em|strong|font|table|tbody|thead|tr|td|th|ul|ol|li|h[1-6]|img|hr|meta|center|pre|code|section|article|header|footer|small|sup|sub|blockquote|o:p)(?=[\s/>])[^>]*>/i;

/** Markup left in a plain body (an HTML-only mail's leftovers) as text. */
export function stripMarkup(text: string): string {
  if (!TAG.test(text) && !/&[#a-z0-9]+;/i.test(text)) return text;
  return text
    .replace(/<(script|style|head|title)\b[^>]*>[\s\S]*?<\/\1\s*>/gi, ' ')
    .replace(/<!--[\s\S]*?-->/g, ' ')
    .replace(/<br\s*\/?>|<\/(p|div|li|tr|h[1-6]|blockquote|table)\s*>/gi, '\n')
    .replace(new RegExp(TAG.source, 'gi'), ' ')
    .replace(/&#x([0-9a-f]{1,6});/gi, (_, h: string) => safeChar_(parseInt(h, 16)))
    .replace(/&#(\d{1,7});/g, (_, d: string) => safeChar_(Number(d)))
    .replace(/&([a-z]+);/gi, (m, name: string) => ENTITIES[name] ?? m)
    .replace(/[ \t]+/g, ' ');
}

function safeChar_(code: number): string {
  return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : ' ';
}

const FORWARD_LINE = /^\s*-{2,}\s*(forwarded message|välitetty viesti|vidarebefordrat meddelande|original message|alkuperäinen viesti|ursprungligt meddelande)\s*-{2,}\s*$|^\s*(begin forwarded message|välitetty viesti|vidarebefordrat meddelande)\s*:\s*$/i;
const HEADER_LINE = /^\s*(from|sent|date|to|cc|subject|lähettäjä|lähetetty|päivämäärä|vastaanottaja|kopio|aihe|från|skickat|datum|till|ämne)\s*:/i;
const QUOTE_INTRO = /^\s*(on\b.{4,200}\bwrote\s*:|.{4,200}\b(kirjoitti|skrev|wrote)\s*:|den\b.{4,200}\bskrev\b.{0,200}:)\s*$/i;
/** A closing alone on its line, or followed by a short name ("Br, Mikko", "T. Pekka Korhonen"). */
const CLOSING = /^\s*(ystävällisin terveisin|ystävällisesti|parhain terveisin|terveisin|terv\.?|yst\.? ?terv\.?|t\.|kiittäen|kunnioittavasti|med vänliga hälsningar|med vänlig hälsning|vänliga hälsningar|hälsningar|mvh|kind regards|best regards|warm regards|regards|best wishes|best|br|cheers|yours faithfully|yours sincerely|sincerely|many thanks)(?![\p{L}])[ ,.!]*(.*)$/iu;
/** What may follow a closing on its line: a name of up to four capitalised words. */
const CLOSING_NAME = /^(\p{Lu}[\p{L}.'-]*)(\s+\p{Lu}[\p{L}.'-]*){0,3}\s*$/u;

function isClosing_(line: string): boolean {
  const m = CLOSING.exec(line);
  return !!m && (m[2].trim() === '' || CLOSING_NAME.test(m[2].trim()));
}
const SENT_FROM = /^\s*(sent from my|lähetetty (iphone|android|puhelime)|skickat från min|hanki outlook|get outlook)/i;

/** What the person wrote, apart from quotes: `text` (for the rights), `signature` (numbers only). */
export interface CleanLetter {
  text: string;
  signature: string;
  forwardedFrom: string;
}

/** A letter cut to the person's own words (see the file's comment). */
export function cleanLetter(body: string): CleanLetter {
  // A request is in its first pages; a long forwarded newsletter is not read to its end.
  const lines = stripMarkup(body.slice(0, MAX_READ).replace(/\r\n?/g, '\n')).split('\n');
  const fwd = lines.findIndex((l) => FORWARD_LINE.test(l) && !/original message|alkuperäinen viesti|ursprungligt meddelande/i.test(l));
  let forwardedFrom = '';
  let parts: string[][];
  if (fwd >= 0) {
    const rest = lines.slice(fwd + 1);
    let i = 0;
    while (i < rest.length && (HEADER_LINE.test(rest[i]) || rest[i].trim() === '')) {
      const from = /^\s*(from|lähettäjä|från)\s*:.*?([\w.+-]+@[\w-]+(?:\.[\w-]+)+)/i.exec(rest[i]);
      if (from && !forwardedFrom) forwardedFrom = from[2].toLowerCase();
      i++;
    }
    parts = [lines.slice(0, fwd), rest.slice(i)];
  } else {
    parts = [lines];
  }
  const text: string[] = [];
  const signature: string[] = [];
  for (const part of parts) {
    const own = ownLines_(part);
    text.push(own.text.join('\n').trim());
    signature.push(own.signature.join('\n').trim());
  }
  const join = (xs: string[]) => xs.filter(Boolean).join('\n');
  return { text: join(text), signature: join(signature), forwardedFrom };
}

function ownLines_(lines: readonly string[]): { text: string[]; signature: string[] } {
  const text: string[] = [];
  const signature: string[] = [];
  let inSignature = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    // A quoted reply starts here: "On … wrote:", possibly wrapped over two lines, or Outlook's block.
    // Mail clients put a date or an address in it; "as I wrote:" in the person's own text has neither.
    const intro = (t: string) => QUOTE_INTRO.test(t) && /\d|@/.test(t);
    const wrapped = i + 1 < lines.length && /^\s*(on|den|\p{L}{2,3}\.?\s+\d|\d)/iu.test(line) && intro(`${line} ${lines[i + 1]}`);
    if (intro(line) || wrapped) break;
    if (/^\s*-{3,}\s*(original message|alkuperäinen viesti|ursprungligt meddelande)/i.test(line)) break;
    if (/^\s*_{8,}\s*$/.test(line) && lines.slice(i + 1, i + 3).some((l) => HEADER_LINE.test(l))) break;
    if (HEADER_LINE.test(line) && /^\s*(from|lähettäjä|från)\s*:/i.test(line) && lines.slice(i + 1, i + 4).some((l) => /^\s*(sent|lähetetty|skickat|date|päivämäärä|datum)\s*:/i.test(l))) break;
    if (/^\s*>/.test(line)) continue;
    if (!inSignature && (/^-- ?$/.test(line) || SENT_FROM.test(line) || isClosing_(line))) inSignature = true;
    (inSignature ? signature : text).push(line);
  }
  return { text, signature };
}

// ------------------------------------------------------------------------------------ cues

/** One phrase that asks for a right. `weak`: a statement ("my address is wrong"), not a demand. */
interface Cue {
  right: RequestType;
  re: RegExp;
  weak?: boolean;
  /** Whether a negation before it in its clause cancels it. */
  negatable: boolean;
  /** Whether it counts only about personal data (see cues_). */
  needsObject: boolean;
  /** What it needs besides the verb, every one (DATA_WORDS when not given). */
  objects?: readonly RegExp[];
  /** Where the objects are looked for: its sentence and the one before (`near`, the default), also the one after (`around`), or its sentence only. */
  scope?: Scope;
  /** A family cue (see the families): a right another family reads in the same sentence may overrule it. */
  family?: boolean;
  /** An objection cue with an object whose words are blanked all the same (none other is: its words may be another cue's negation). */
  blank?: boolean;
}

type Scope = 'near' | 'around' | 'sentence';

/** Up to `n` characters inside one clause. */
const W = (n: number) => `[^.!?;\\n]{0,${n}}?`;
const L = '(?<![\\p{L}\\p{N}])';

/**
 * Cues of one right. A source starting with "@" is a verb that also fits things that are not
 * personal data ("poistakaa tahra", "rätta fakturan", "delete the booking"): it counts only with
 * a personal-data word in its sentence or the one before. Statements (`weak`) always need one.
 */
function cues_(right: RequestType, negatable: boolean, sources: readonly string[], weak = false): Cue[] {
  return sources.map((s) => ({
    right, negatable, weak, needsObject: weak || s.startsWith('@'), re: new RegExp(`${L}(?:${s.replace(/^@/, '')})`, 'giu'),
  }));
}

/**
 * Words that make a verb about personal data. Finnish and Swedish stems are found inside
 * compounds ("yhteystietoni", "kontaktuppgifter"); short or English words only as words
 * ("minut" is not "minute").
 */
const DATA_WORDS = new RegExp(`(${[
  'tie(?!to(?![\\p{L}])|dost)(do|to|dot|toni|tojani|tojen|doista|doistani|doissa|toja)', 'henkilötie', 'nime(ni|n|äni)', 'sukunim', 'osoit', 'puhelinnum', 'sähköpostiosoit',
  'sähköpostini', 'asiakkuu', 'asiakasnum', 'rekister', 'käsittel', 'uppgift', 'namn', 'adress', 'telefonnum', 'kundnum', 'kundkonto', 'kundförhåll',
  'behandling', 'syntymä(aika|päivä)', 'födelse(datum|dag)', 'asiakastil', 'merkinn', 'puhelinnumer', 'mobiilinum', 'kännykkänum', 'personnummer',
].join('|')})|${L}(${[
  'nimi', 'numero(ni|ani)', 'tunnu(s|kseni|kseen)', 'minut', 'minua', 'niiden', 'niitä', 'tili(ni|äni)', 'konto(t|n)?', 'e-post(en)?', 'profil(en)?', 'nummer(et)?', 'numero', 'heter', 'register(s|et|en)?',
  'data', 'details', 'information', 'name', 'surname', 'address', 'phone number', 'mobile number', 'e-?mail address', 'my e-?mail', 'account',
  'record', 'records', 'profile', 'customer number', 'processing', 'date of birth', 'birthday', 'on file', 'my (phone|mobile|number)',
].join('|')})(?![\\p{L}])`, 'iu');

/** True when the sentence of `at` or the one before it (see Scope) holds every object (a personal-data word by default). */
function aboutData_(text: string, at: number, end: number, objects: readonly RegExp[] = [DATA_WORDS], scope: Scope = 'near'): boolean {
  // Walk back over one sentence end (its own sentence) or two (the one before too), at most
  // SCOPE_CHARS each way: a "sentence" of 50,000 characters with no full stop stays quick.
  let from = at;
  const floor = Math.max(0, at - SCOPE_CHARS);
  for (let ends = scope === 'sentence' ? 1 : 2; from > floor; from--) if ('.!?\n'.includes(text[from - 1]) && --ends === 0) break;
  const ahead = text.slice(end, end + SCOPE_CHARS);
  let to = ahead.search(/[.!?\n]/);
  if (to >= 0 && scope === 'around') {
    const after = ahead.slice(to + 1).search(/[.!?\n]/);
    to = after < 0 ? -1 : to + 1 + after;
  }
  const span = text.slice(from, to < 0 ? end + ahead.length : end + to);
  return objects.every((o) => o.test(span));
}

/** How far a verb's sentence is read each way for its object (a real sentence is far shorter). */
const SCOPE_CHARS = 400;

/** Thanks for something done, just before a cue in its clause. */
const THANKS_FOR = /(kiitos|kiitoksia|kiitän|tack|thank you|thanks)\s+(siitä,?\s+|så mycket\s+|so much\s+)?(että|kun|för|for)(?![\p{L}])[^.!?;,\n]{0,40}$/iu;

/** How many places of one cue are read at most, and how many of its hits are kept (see hitsIn_). */
const CUE_PLACES = 40;
const CUE_HITS = 5;

/** An earlier request named ("olen jo pyytänyt", "jag har bett om", "I have asked for"): its right is listed, but it is not the letter's first demand. */
const PAST_REQUEST = /(olen (jo |jo kerran |aiemmin )?(pyytänyt|vaatinut)|(jag har|har jag) (redan )?(bett om|begärt)|(i have|i've|i had|i already) (already )?(asked|requested))/iu;

/** A verb whose own object is a thing ("update the invoice with our new address", "rätta fakturan"): about that thing, not the data near it. */
const THING_FIRST = new RegExp(`^\\s*((the |our |this |that |your |er |ert |era |den |det )?(invoice|bill|booking|schedule|appointment|quote|order|keys?|code|curtains?|cleaning( day| date| time)?|day|date|time|visit|slot|faktura|bokning|schema|beställning|nyckel|nycklar|kod|offert|tid(en)?|dag(en)?|städning(en)?)(?![\\p{L}])|(\\p{L}+ )?(lasku(?!tusosoit)|varau|siivou|aikatau|tilau|avai|koodi|ikkun|faktur|städning|bokning))`, 'iu');

/** Read first: the marketing ban, whose wording is often negative and would otherwise read as other rights. */
const OBJECTION: Cue[] = cues_('objection', false, [
  // fi
  `kiell(än|ämme|en|tään|etään)${W(40)}(markkinoin|mainon|suoramark|mainos|uutiskirj)`,
  `(suora)?markkinointikiel`,
  `vastust(an|amme)${W(40)}(markkinoin|mainon|suoramark|käsittel)`,
  `(en|emme) (enää )?(halua|tahdo|toivo)${W(30)}(markkinoin|mainok|mainos|uutiskirj|tiedottei|sähköpost|viestej|tarjouk|postitu)`,
  `(älkää|ei) (enää )?(lähettäkö|lähetä|lähetetä)`,
  `ei (enää )?(markkinointia|mainoksia|uutiskirjeitä|viestejä|sähköposteja)`,
  `lopettakaa${W(40)}(markkinoin|mainos|mainok|uutiskirj|viest|sähköpost|lähettäm|postitu|soit)`,
  `peru(n|a|kaa|tkaa)?( uutiskirjeen)? tilau`,
  `peru\\p{L}*${W(20)}uutiskirj`,
  `poista\\p{L}* minut${W(40)}((?<!asiakas)list|postitu|uutiskirj|markkinoin|jakelu|mainos)`,
  `(peru|peruu|peruut|vedän|vedä)\\p{L}*${W(15)}suostumu`,
  `älkää${W(20)}(soittako|lähettäkö|ottako yhteyttä|markkinoiko)`,
  `(ottakaa|ota) minut pois${W(30)}(list|rekister|markkinoin|postitu|jakelu)`, `kieltäy\\p{L}*${W(30)}(markkinoin|mainon|mainok)`, `markkinointirekister`,
  `en ole (koskaan )?(tilannut|pyytänyt)${W(20)}(uutiskirj|markkinoin|mainok|viest)`,
  // sv
  `avregistrer`,
  `(avsluta|säg upp|säger upp)${W(25)}(prenumer|nyhetsbrev|utskick)`,
  `(vill|önskar) (inte|ej)${W(30)}(reklam|nyhetsbrev|marknadsför|utskick|erbjudand|e-post|mejl|mail)`,
  `sluta (skicka|mejla|maila|ringa|kontakta)`,
  `skicka (inga|inte|ingen)${W(25)}(fler|mer|reklam|nyhetsbrev|erbjud|e-post|mejl|mail|utskick)`,
  `förbjuder${W(50)}(marknadsför|reklam|direktreklam)`,
  `marknadsföringsförbud`,
  `(invänder|motsätter mig)`,
  `ta (bort|av) mig${W(40)}(list|utskick|nyhetsbrev|marknadsför|reklam)`,
  `(återkalla|återkallar|drar tillbaka)${W(15)}samtycke`,
  `ingen (mer |fler )?(reklam|marknadsföring|nyhetsbrev)`,
  `(har|jag har) aldrig (prenumererat|anmält mig|bett om)`,
  `(vill|önskar) (inte|ej) att ni${W(40)}(marknadsför|reklam|erbjud|nyhetsbrev)`, `(ring|ringa|mejla|maila|kontakta) (mig )?(inte|aldrig)`,
  // en
  `unsubscrib`,
  `opt(-| )?out`, `opt (me|us) out`,
  `stop (sending|emailing|mailing|contacting|spamming|calling)`,
  `no (more|further) (marketing|e-?mails?|newsletters?|ads|advertis|offers|spam|promotion)`,
  `(do not|don't|dont|never) (want|wish)${W(30)}(newsletter|marketing|e-?mails?|ads|advertis|offers|promotion|spam)`,
  `(remove|take) me (from|off)${W(30)}((?<!(customer|client) )list|mailing|newsletter|marketing)`,
  `i (hereby )?object`,
  `objection to${W(30)}marketing`,
  `withdraw\\p{L}*${W(15)}consent`,
  `do not (contact|e-?mail|mail|call) me`, `never (e-?mail|contact|call|text|mail) me`,
  `never (signed up|subscribed|asked for)`,
]);

const OTHER_CUES: Cue[] = [
  // A right named ("I am exercising my right to erasure", "rätt till radering", "poisto-oikeus"): no object needed.
  ...cues_('erasure', true, [`right to (erasure|deletion|be deleted)`, `(poisto|poistamis)-?oikeu`, `oikeu\\p{L}* (tietojen |tietojeni )?(poistoon|poistamiseen)`, `rätt\\p{L}* (till|att få) (radering|bli raderad)`]),
  ...cues_('rectification', true, [`right (to|of) (rectification|correction)`, `oikaisuoikeu`, `oikeu\\p{L}* (tietojen |tietojeni )?(oikaisuun|korjaamiseen)`, `rätt\\p{L}* till rättelse`]),
  ...cues_('restriction', true, [`right to (restrict|restriction)`, `oikeu\\p{L}* (käsittelyn )?rajoittamiseen`, `rätt\\p{L}* till begränsning`]),
  ...cues_('access', true, [`oikeu\\p{L}* (saada )?pääsy`, `rätt\\p{L}* till (tillgång|insyn)`]),
  ...cues_('erasure', true, [
    `@poist(a|e|o|i(?!(vat|n|t|mme)?(?![\\p{L}])))`, `unohdetu`, `hävit\\p{L}*${W(30)}tie`,
    `tie\\p{L}*${W(20)}(hävit|tuhot|tuhoa)`, `(tuhotkaa|hävittäkää)`,
    `@radera`, `@makuler`, `förstör${W(30)}(uppgift|data)`, `tar? bort${W(20)}(mina|min |mitt|all|uppgift|personuppg|data|kund|konto)`, `tas bort`, `(bli )?glömd(?!e)`, `utplåna`,
    `@delet`, `@eras(e|ure|ing)`, `(wipe|purge|destroy|get rid of)${W(40)}(data|details|information|record|account|me)`, `remove${W(20)}(everything|all)${W(20)}(on|about) me`, `remove${W(20)}(my|all)${W(30)}(data|details|information|account|record|profile)`, `be forgotten`, `close my (customer )?account`,
  ]),
  ...cues_('rectification', true, [
    `@korja`, `@oikai(s|st)`, `@päivit(t|y)`, `@(muuttakaa|vaihtakaa)`, `@täydent`,
    `@rätta`, `@korriger`, `@uppdater`, `ändra (min|mitt|mina|er|era)`, `@komplettera`,
    `muutta\\p{L}*${W(30)}(sen|osoit|nimi|sukunim|numero|tie|sähköpost)`, `ändra${W(15)}(adress|namn|nummer|e-post|uppgift)`,
    `(number|address|name|surname|e-?mail|details)${W(10)}changed`,
    `@correct (it|my|this|that|the|them)`, `rectif`, `@update (my|it|this|the|your record)`, `@fix (my|it|the|this)`, `@amend`,
    `change (my|the) (address|name|surname|number|phone|e-?mail|details)`,
  ]),
  ...cues_('rectification', true, [
    `väärin`, `virhee`, `virhe(?![\\p{L}])`, `virheitä`, `(vaihtunut|muuttunut)`, `uusi (osoit|numero|puhelin|sähköpost|nimi|sukunimi)`, `muutin(?![\\p{L}])`, `oikea (muoto|nimi|osoite|sukunimi|numero)`,
    `fel(?![\\p{L}])`, `felaktig`, `felstav`, `fel(skriv|registr)`, `ändrats`, `ny(a)? (adress|nummer|telefonnummer|e-post)`, `flyttat`, `ska vara`,
    `wrong`, `incorrect`, `misspel`, `typo`, `changed to`, `(on|ovat) vanh(a|at|entunut)`, `nykyinen (osoite|numero|nimi|sähköposti|on)`, `stämmer inte`, `(den|min) nya (är|adress)`, `(it|this) is${W(20)} now`, `(bor|bor nu) (numera|nu) på`, `(nimi|sukunimi|osoite|numero)\\p{L}* on (nyt|nykyään)`, `(namn|efternamn|adress) är (nu|numera)`, `out of date`, `outdated`, `(my )?new (address|number|phone|mobile|e-?mail|surname|name)`, `i (have )?moved`, `should be`, `the correct one`,
  ], true),
  ...cues_('access', true, [
    `tarkastus(pyyn|oikeu)`, `@tarkast(a|u|e)`, `rekisteriote`, `keille${W(20)}luovut`, `(ote|otetta)${W(20)}(itsestäni|tiedoistani|rekisteristä)`, `kopio${W(30)}tie`, `tie\\p{L}*${W(20)}kopio`, `mitä (henkilö)?tieto(ja|ni)${W(40)}(minusta|minua|teillä|tallenn|rekister)`,
    `nähdä${W(25)}tie`, `(lähettää|lähettäkää|kertokaa|kertoa)${W(30)}(tiedot|tietoja|tietoni)`, `tiedot${W(20)}(teillä on|on tallenn)${W(15)}minusta`, `pääsy${W(30)}tie`, `mistä${W(25)}saa\\p{L}*${W(25)}(tie|osoit|yhteys|numero)`, `tietopyyn`, `mitä${W(15)}tiedätte`,
    `registerutdrag`, `insyn`, `vilka (person)?uppgifter`, `kopia${W(30)}uppgift`, `tillgång till${W(20)}(mina|min |person)`,
    `@varifrån`, `(vad|vilken) (har ni för )?(information|uppgifter)${W(15)}om mig`, `utdrag ur`, `har ni${W(20)}uppgifter om mig`, `skicka mig${W(30)}(information|uppgifter)`, `(information|uppgifter) (som )?ni har (lagrat|sparat|registrerat)`, `till vem${W(20)}lämnat ut`, `@who (have )?you (shared|disclosed|given)`, `vad ni har${W(15)}(om mig|sparat|registrerat)`,
    `subject access`, `access (to|request)${W(25)}(data|information|personal|my)`, `right of access`, `copy of${W(30)}(data|information|record|details)`,
    `what (personal )?(data|information|details)${W(40)}(you|about me|on me)`, `(see|view) (my|the) (data|information|details|records)`, `where${W(15)}you (got|get|obtained)`,
    `data you hold`, `(request|requesting|send|give|provide|tell)${W(40)}(information|data|details)${W(40)}(about|on) me`, `information you (hold|have) (about|on) me`,
  ]),
  ...cues_('restriction', true, [
    `rajoit\\p{L}*${W(40)}käsittel`, `käsittel\\p{L}*${W(25)}rajoit`, `@rajoittakaa`, `@jäädyt`,
    `@begräns`,
    `@restrict`, `freeze my`, `(stop|suspend|pause) (the )?processing${W(40)}(until|while|pending)`,
  ]),
  // The demand itself is negative here ("do not use my data while…"): no negation check.
  ...cues_('restriction', false, [
    `(ettette|älkää) (käytä|käsittelkö)${W(40)}(ennen|kunnes|sillä välin|toistaiseksi)`,
    `ei saa (käsitellä|käyttää)${W(40)}(ennen|kunnes|sillä välin|toistaiseksi)`, `limit${W(30)}(what you do|processing|the use|use of)`,
    `(använd|behandla) (inte|ej)${W(40)}(tills|medan|under tiden)`,
    `(do not|don't) (use|process)${W(40)}(while|until|pending)`, `on hold`,
  ]),
  ...cues_('portability', true, [
    `koneluettav`, `koneellisesti luettav`, `siirrettävyy`, `siirto-oikeu`, `siir(tää|rä|täm)${W(40)}toise\\p{L}* (palveluntarjoaj|rekisterinpitäj|yrityk|palvelu)`,
    `dataportabilitet`, `portabilitet`, `maskinläsbar`, `överföra${W(30)}(en )?annan (leverantör|personuppgiftsansvarig|tjänst|företag)`,
    `portab`, `machine(-| )readable`, `export${W(20)}(my )?(data|details|information)`, `strukturerat${W(20)}format`, `structured${W(20)}(commonly used|format)`, `commonly used${W(20)}format`, `jäsennel\\p{L}*${W(30)}muodo`, `yleisesti käytet\\p{L}*${W(20)}muodo`, `exporter`, `@(csv|json|xml)(?![\\p{L}])`, `siirt\\p{L}*${W(30)}(heille|toiseen|uudelle)`, `flytta${W(30)}(annan|ny) (tjänst|leverantör)`, `(take|move) it to (a|another) (competitor|provider)`, `(move|transfer|transmit|port)${W(25)}to another (provider|controller|service|company|supplier)`,
  ]),
  ...cues_('consent', true, [
    `(annan|annamme)${W(25)}suostumu`, `@suostun`, `(eta|eu|euroopan talousalueen)(:n)?${W(15)}ulkopuol`,
    `yhdysval\\p{L}*${W(40)}(siirr|luovut)`, `(siirr|siirt|luovut)\\p{L}*${W(40)}(yhdysval|kanada|britanni|sveitsi|kiina|intia|japani)`, `valtuutan`,
    `kirjallinen suostumu`, `hyväksyn${W(10)}(että)?${W(30)}(annatte|luovutatte|siirrätte|jaatte|luovutetaan|annetaan)`, `eta-maa`, `godkänner att${W(20)}(delar|lämnar ut|överför|ger)`, `(agree|consent) to (you )?(sharing|disclosing|passing|transferring|giving)`, `(saatte|voitte|saa) (luovuttaa|antaa|siirtää)${W(40)}(tieto|nimeni|numeroni|yhteystie|osoitte)`,
    `permission${W(30)}to (pass|share|disclose|give|transfer)`, `you (may|can) (pass|share|disclose|give)${W(30)}(details|data|information|number|address)`,
    `@samtycker`, `(ger|lämnar)${W(20)}samtycke`, `utanför (ees|eu)`, `bemyndigar`,
    `(give|grant)${W(25)}consent`, `@i consent`, `authori[sz]e you to (disclose|share|transfer|pass)`, `outside the (eea|eu|european economic area)`,
    `(transfer|share|disclose)${W(40)}(united states|usa|canada|united kingdom|switzerland|china|india|japan|australia)`,
  ]),
];

// ------------------------------------------------------------------------------------ families

/*
 * Families: the phrases above were written for letters seen; these read a letter by its
 * structure instead, so that wording not seen still finds its right. Each is a verb family (the
 * stems of its Finnish inflections and compounds, the Swedish and English forms) that counts
 * only with an object family in its sentence or the one before: the right's verbs also fit a
 * stain, an invoice or a booking, and those letters must stay `other`. A negation before the
 * verb in its clause cancels it, as above. They run after the phrases, so a phrase decides first.
 */

/** A regular expression of a family's alternatives (no flags that keep state). */
const RE_ = (xs: readonly string[]) => new RegExp(`(?:${xs.join('|')})`, 'iu');

function family_(right: RequestType, sources: readonly string[], objects: readonly RegExp[], options: { scope?: Scope; weak?: boolean; negatable?: boolean; blank?: boolean } = {}): Cue[] {
  return sources.map((src) => ({
    right, negatable: options.negatable ?? true, weak: !!options.weak, needsObject: true, objects, scope: options.scope ?? 'near', family: true, blank: !!options.blank,
    re: new RegExp(`${L}(?:${src})`, 'giu'),
  }));
}

/** Marketing: what a ban is about (compounds in fi and sv: "tarjousviestejä", "reklammejl"). */
const MARKETING = RE_([
  'markkinoin', 'mainos', 'mainon', 'mainok', 'suoramark', 'uutiskirj', 'tarjou(ks|sviest|spost|set)', 'kampanj', 'tiedott', 'postitu',
  'reklam', 'marknadsför', 'nyhetsbrev', 'erbjudand(en|ena|emejl|email)', 'utskick', 'direktreklam',
  'puhelinmyyn', 'spämm', 'roskapost', 'skräppost', `${L}junk ?mail`, 'myyntipuhel', 'myyntisoit', 'telemark', 'telefonförsälj', 'säljsamtal', 'soit(at|ta|tel|tav)\\p{L}* (minulle|mulle|meille)', 'ringer (mig|oss)',
  `${L}(newsletter|marketing|advert|promo|offers|spam|mailing|campaign|sales (team|calls?|people|texts|e-?mails)|cold call|calling me|texting me)`,
]);
/** A list one is taken off (a marketing list, not the customer register). */
const MAILING_LIST = `(postitus|jakelu|sähköposti|markkinointi|uutiskirje|mainos|tekstiviesti|sms|utskicks|e-post|mejl|mail|e-?mail|mailing|marketing|newsletter|contact|distribution|utskick)\\p{L}{0,3}[ -]?list|(from|off|från|ur) (all )?(your|er|era|alla|of your) (lists|listor)`;
/** Stopping. */
const STOP = '(lopet\\p{L}*|lopp(uu|ua|ukoon)|lakat\\p{L}*|lakkaut\\p{L}*|sluta\\p{L}*|upphör\\p{L}*|stoppa\\p{L}*|avbeställ\\p{L}*|avanmäl\\p{L}*|slippa|had enough|riittää( jo)?|nyt riittää|nu räcker|det räcker|bli av med|pää(se|s|stä)\\p{L}* eroon|stop|stopping|cease|halt|get rid of|opt out)';
/** Refusing ("en halua", "vill inte ha", "don't want"): negative itself, never cancelled by its negation. */
const REFUSE = "((ei|älkää) enää|inga fler|ingen mer|inte mer|no more|no further|(en|emme) (enää |ikinä |koskaan )?(halua|tahdo|toivo|kaipaa|tarvitse)\\p{L}*|ei kiinnosta|(vill|önskar) (inte|ej|inga|ingen)( längre| mer)?|inte (intresserad|intresse)|(don't|do not|dont|no longer|never) (want|wish|need|like) (to receive |to get )?|not interested|(en|emme) ole (koskaan |ikinä )?(tilannut|pyytänyt|halunnut|liittynyt)|(har|jag har) (aldrig|inte) (bett om|beställt|prenumererat|anmält)|(never|didn't|did not) (sign(ed)? up|subscribe|ask)|(do not|don't|not|never) (consent|agree)|(en|emme) (suostu|hyväksy)\\p{L}*|(samtycker|godkänner) (inte|ej))";
/** A word that points back at the previous sentence ("Lopettakaa ne", "fler sådana", "stop them"). */
const BACK = '(ne|niitä|niiden|näitä|nämä|tätä|sitä|se|sellaisia|tuollaisia|enempää|fler|mer|sådana|sådant|dem|det|detta|those|them|these|it|this|any more|anymore)';

/** Personal data as a thing to see: the person's own data, or what is held about them. */
const OWN_DATA = RE_([
  'minusta', 'minua koskev', 'itseäni koskev', 'minuun liittyv', 'itseeni liittyv', 'itsestäni', 'henkilötie', 'tietoni', 'tietojani', 'tiedoistani', 'tietojeni', 'minun tie',
  'asiakastietoni', 'merkinn', `${L}(musta|minust)(?![\\p{L}])`, 'personuppgift', 'om mig', 'rör mig', 'gäller mig', 'mina uppgifter',
  `${L}(about me|on me|of mine|concerning me|relating to me|related to me|linked to me|personal (data|information|details)|my (personal )?(data|information|details|records?|file)|everything you (have|hold|store|keep))`,
]);
/** What an erasure is about: personal data, what concerns the person, the system it is in. */
const ERASE_OBJECT = RE_([DATA_WORDS.source, OWN_DATA.source, 'järjestelm', 'tietokan', 'databas', 'asiakaslist', 'kundlist', `${L}(systems?|database|crm|(customer|client) (list|register|base))`]);
/** An account one has with the company. */
const ACCOUNT = RE_(['asiakastil', 'tili(ni|äni|n)?(?![\\p{L}])', 'asiakkuu', 'kundkonto', `${L}(konto|kontot|profil|profilen|account|profile)(?![\\p{L}])`]);
/** A contact detail, also "the email you have for me" (a bare "email" is a message). */
const CONTACT = RE_([DATA_WORDS.source, `${L}(e-?mail|e-post|mejl)${W(12)}(you have|you hold|on file|for me|ni har|som ni har)`]);
/** A new value written out: an address, a phone number. */
const NEW_VALUE = RE_(['[\\w.+-]{1,64}@[\\w-]{1,63}\\.[\\w.-]{2,}', '\\+?\\d[\\d -]{6,20}\\d', '\\p{L}{0,30}(katu|tie|kuja|polku|gatan|vägen|gränd|road|street|avenue|lane)\\s+\\d']);

/** Where the data is kept. */
const STORED = RE_(['tiedät', 'vet ni', 'ni vet', 'känner ni', `${L}know`, 'teilla on', 'tallenn', 'tallessa', 'hallussa', 'säilyt', 'käsittel', 'kerä', 'rekister', 'teillä on', 'on teillä', 'spar', 'lagr', 'behandl', 'har ni', 'registrer',
  `${L}(hold|store|keep|process|collect|retain|have (on|about|saved|stored|recorded|registered|kept)|have${W(30)}(about|on|of) me)`]);
/** "until / while / for now": the time a restriction lasts. */
const MEANWHILE = RE_(['kunnes', 'ennen kuin', 'siihen (asti|saakka)', 'sillä välin', 'toistaiseksi', 'selvit', 'ratkais', 'tills', 'till dess', 'medan', 'under tiden', 'utred', 'innan', 'förrän', '(är|har) (löst|avgjord|avgjort|utrett)',
  `${L}(until|till|while|pending|meanwhile|for now|for the time being|in the meantime|before|(is|are|has been) (resolved|settled|sorted))`]);
/** Another provider (where a person takes their data). */
const DESTINATION = RE_([
  '(toise|uude|uusi|eri|seuraava)\\p{L}* (palveluntarjoaj|yrityk|yritys|yhtiö|firma|siivous|palvelu|rekisterinpitäj|toimittaj)', 'kilpailij', 'muualle', 'annanstans', `${L}elsewhere`,
  `${L}(annan|annat|ett annat|en annan|ny|nytt|en ny|ett nytt|nya) ?\\p{L}*(leverantör|bolag|företag|tjänst|firma|aktör)`, 'konkurrent',
  `${L}(another|a new|my new|a different|other|new|competing) (cleaning )?(provider|company|service|supplier|firm|controller|contractor|business|cleaner)`, `${L}competitor`,
]);
/** A file the person can take with them. */
const FORMAT_SOURCES = [
  'koneluettav', 'koneellisesti', 'sähköisesti', 'ladda ner', '(lataa|ladata|lataisin)', `${L}(i ett|in a) format`, 'elektroniskt', `${L}electronically`, 'sähköis\\p{L}* (muodo|tiedosto)', 'tiedosto(na|ksi|muodo)', `${L}(csv|json|xml|excel)`, 'maskinläsbar', 'elektronisk\\p{L}* (format|fil)', 'som (en )?fil',
  '(luettava|sähköise|yleise|käytety|sopiva|sellaise|jäsennelly|avoime|digitaalise|tavallise|standardi|tiedosto)\\p{L}*(ssa|ssä) (muodossa|formaatissa)', '(i|som) (ett|en) \\p{L}+ (format|fil)',
  `${L}(machine(-| )readable|(a|an|any|in) (\\p{L}+ ){1,2}format|a file|a format (i|we) can|spreadsheet|download)`,
];
/** Handing on to someone else. */
const DISCLOSE = RE_(['luovut', 'anta', 'annat', 'jaa', 'jak', 'välit', 'toimit', 'kerto', 'siirr', 'siirt', 'lämna', `${L}(ge|ger|ges)(?![\\p{L}])`, 'dela', 'vidarebefordr', 'överför',
  `${L}(giv(e|ing)|shar(e|ing)|pass|disclos|forward|hand|transfer|provid|releas)`]);
/** Someone to hand on to ("isännöitsijälle", "till fastighetsskötaren", "to the housing association"). */
const RECIPIENT = RE_([`${L}\\p{L}{3,40}(lle|llenne|lleni|lleen)(?![\\p{L}])`, `${L}(till|to|with|med|kanssa)(?![\\p{L}])`]);
/** Permission: "saatte", "ni får gärna", "happy for you to". */
const PERMISSION_SOURCES = [
  'saatte', 'saa (antaa|luovuttaa|kertoa|välittää|jakaa|siirtää)', 'voitte (antaa|luovuttaa|kertoa|välittää|jakaa)', 'sopii minulle', 'minulle sopii', 'ei haittaa',
  'ni får', 'får ni', 'ni kan', 'kan ni gärna', 'det går bra', 'det är okej', 'jag tillåter', 'ger (er )?(mitt )?(tillstånd|lov)',
  '(teillä on|saatte|on) (lupa|lupani|luvan)', 'samaa mieltä', '(on|olisi) ok', 'inget emot', 'sopii (hyvin|minulle)', 'käy (hyvin|minulle)', 'hyväksyn', 'suostun', 'godkänner', 'samtycker', 'i (hereby )?(agree|consent)', 'tillåtelse', 'medgivande', 'mitt tillstånd',
  `${L}(no problem with|(don't|do not) mind|fine with|go ahead|(that|it) is fine|(that|it)'s fine|i (hereby )?(authori[sz]e|allow|permit) you|you (may|can|have my permission)|happy for you|fine (for you|by me|with me|if you)|ok(ay)? (for you|with me|by me|if you)|feel free|(you are|you're) (welcome|free|allowed) to|i (allow|permit) you|no objection to you)`,
];

const FAMILY_OBJECTION: Cue[] = [
  // "Lopettakaa mainosten lähettäminen", "newsletters … stop"; "Lopettakaa ne" after a sentence about the ads.
  ...family_('objection', [STOP, REFUSE, "(do not|don't|never|no need to) (send|e-?mail|text|call|contact|mail|phone)", '(älkää|ette|ei) (enää )?(lähettäkö|lähetä|soittako|soita)', 'skicka (inte|inga|ej|ingen)'], [MARKETING], { scope: 'sentence', negatable: false }),
  ...family_('objection', [`${STOP} ${W(20)}${BACK}(?![\\p{L}])`, `${REFUSE}${W(20)}${BACK}(?![\\p{L}])`, `${BACK} (to )?${STOP}`, `(please |pls )?${STOP}(?=\\s*([.!]|$))`, `${BACK} ((vill|önskar) (jag|vi) (inte|ej)|(en|emme) (halua|tahdo|toivo))`], [MARKETING], { negatable: false }),
  // Taken off a marketing list: "poistakaa sähköpostini postituslistalta", "remove my address from your mailing list".
  // "Please take my address off it" after a sentence about the junk mail.
  ...family_('objection', [`(take|get|remove)${W(25)}(off|from) (it|them|that|this|those)(?![\\p{L}])`, `(ottakaa|poistakaa)${W(25)}(siltä|niiltä|siitä|niistä)`, `ta bort${W(25)}från (det|dem|den)`], [MARKETING], { negatable: false, blank: true }),
  ...family_('objection', [`(poist|pyyhk|ottakaa|ota|radera|ta bort|tag bort|stryk|remov|take|delet)\\p{L}*${W(40)}(${MAILING_LIST})`], [/./u], { scope: 'sentence', negatable: false, blank: true }),
  // Consent withdrawn: marketing's own ground (the corpus' rule: withdrawing consent is the ban).
  ...family_('objection', [`(peru|peruu|peruut|vedä|vetä|otan takaisin)\\p{L}*${W(40)}(lupa|luva|suostum)`, `(ta|tar|dra|drar) tillbaka${W(30)}(samtycke|tillstånd|godkännande)`,
    `återkall\\p{L}*${W(30)}(samtycke|tillstånd)`, `(withdraw|revoke|retract|take back|cancel)\\p{L}*${W(30)}(consent|permission|opt-in)`], [/./u], { scope: 'sentence', negatable: false, blank: true }),
];

const FAMILY_CUES: Cue[] = [
  ...family_('erasure', [
    'poist(?!i(vat|n|t|mme)?(?![\\p{L}]))\\p{L}*', 'pyyhk\\p{L}*', 'pyyhi\\p{L}*', 'hävit\\p{L}*', 'tyhjen\\p{L}*', 'tuho(a|t|tt)\\p{L}*', 'unohta(kaa|maan|isitte)',
    'rader\\p{L}*', 'töm\\p{L}*', '(ta|tar|tas|tagit|tagits|tog|taga|tages) bort', 'stryk\\p{L}*', 'struk(it|its|na|en)', 'rensa\\p{L}*', 'utplån\\p{L}*', 'försvinn\\p{L}*', 'kato(a|avat|aisivat)', 'disappear\\p{L}*', 'vanish\\p{L}*', 'glöm(ma)? (mig|mina|allt|bort)', 'makuler\\p{L}*',
    'delet\\p{L}*', 'eras\\p{L}*', 'remov\\p{L}*', 'wip(e|ed|ing)', 'purg\\p{L}*', 'destroy\\p{L}*', 'forget', 'scrub\\p{L}*', 'get rid of', 'clear( out)?(?![\\p{L}])', `(get|take)${W(25)}(off|out of) (your|the|all)`,
  ], [ERASE_OBJECT]),
  ...family_('erasure', ['(gone|borta|pois)(?![\\p{L}])'], [ERASE_OBJECT], { scope: 'sentence' }),
  // An account closed ("sulkekaa asiakastilini", "stäng mitt konto", "I want my account closed").
  ...family_('erasure', ['sulke\\p{L}*', 'sulje\\p{L}*', 'stäng\\p{L}*', 'clos(e|ed|ing)'], [ACCOUNT], { scope: 'sentence' }),
  // Not wanted kept: "en halua että mun tietoja on enää teillä", "jag vill inte att ni har kvar några uppgifter om mig".
  ...family_('erasure', [`(en|emme) (halua|tahdo|toivo)${W(30)}(on|ole|olevan|säilyt|pidät|tallessa)(?![\\p{L}])`, `(vill|önskar) (inte|ej)${W(30)}(har kvar|har|sparar|behåller|lagrar)(?![\\p{L}])`,
    `(don't|do not|no longer) (want|wish)${W(30)}(to have|to keep|to hold|to store|having|keeping|holding)`], [ERASE_OBJECT], { scope: 'sentence', negatable: false }),
  // Kept no longer: "ettei tietojani säilytetä", "none of my details are kept", "inte längre finnas i ert system".
  ...family_('erasure', [
    `(ei|ettei|eivät|enää|ole syytä)(?:(?!kuin|paitsi)[^.!?;\\n]){0,25}?(säilyt|säily|tallenn|pidä|ole tallessa|jää|jäisi|jäävän)\\p{L}*`, `(inte|ej|ingen|inga)( längre)?${W(25)}(sparas|lagras|finnas|förvaras|behållas|ligga kvar)`,
    `(none|no|not|nothing|no longer)${W(30)}(kept|stored|held|retained|keep|store|hold|retain|be in your)`,
  ], [ERASE_OBJECT], { scope: 'sentence', negatable: false }),
  ...family_('rectification', [
    'korja\\p{L}*', 'oikai\\p{L}*', 'päivit\\p{L}*', 'muutta(kaa|isitte|isitteko|ko)', 'vaihta(kaa|isitte|isitteko)', 'tilalle', 'merkitkää', 'täydent\\p{L}*',
    'rätt(a|ar|as|el)\\p{L}*', 'korriger\\p{L}*', 'uppdater\\p{L}*', 'ändr(a|as|ing)\\p{L}*', 'byt(a|er|s)? ut', 'ersätt\\p{L}*',
    '(?<!(is|are|was|were|be|all|looks?|seems?) )correct(?![\\p{L}])', 'correct(ed|ing|ion)', 'fix', 'updat\\p{L}*', 'amend\\p{L}*', 'chang(e|ing)', 'replac\\p{L}*', `sort${W(15)}out`, 'put right', 'edit',
  ], [DATA_WORDS]),
  ...family_('rectification', [
    '(minun|mun|my|min|mitt|mina) (vanha\\p{L}*|old|gamla|gamle|previous|former)', '(vanha|vanhan|vanhaa|vanhentun\\p{L}*) \\p{L}+(ni|ani|äni)(?![\\p{L}])', '(vaihtu|muuttu)\\p{L}*', '(vaihta|muutta)(nut|neet)', '(entinen|entisen|former|tidigare)',
    'oikein (se |hän )?(on|kirjoitetaan)', 'rätt (stavat |stavning )?är',
    'ei (ole )?enää (käytössä|voimassa|toiminnassa|oikea)', 'inte längre (i bruk|aktiv|giltig|rätt)', 'används inte', 'no longer (in use|valid|works|active|working|used|correct)',
    '(spelled|spelt|stavat|stavas|kirjoitettu|kirjoitetaan|merkitty)', '(adress|namn|nummer)(byte|ändring)', 'byte av (adress|namn|nummer)', '(osoitteen|nimen|numeron) ?muutos', '(your|the) (system|records?|register|file|database) (has|have|shows?|says?|lists?)', 'instead of', '(ei|inte|not|no longer) (ole )?(enää |längre )?(ajan tasalla|ajantasai\\p{L}*|aktuell|current|up to date)',
  ], [CONTACT], { weak: true }),
  // A new value to use from now on: "please use anna@example.com from now on", "jatkossa numeroon 040 …".
  ...family_('rectification', ['(uusi|uusin|ny|nya|nytt|new|nykyinen|current)'], [NEW_VALUE], { scope: 'sentence', weak: true }),
  ...family_('rectification', ['(from now on|going forward|in future|instead|jatkossa|vastedes|tästä lähtien|tilalle|i fortsättningen|i stället|hädanefter|framöver)'],
    [NEW_VALUE], { scope: 'sentence' }),
  ...family_('access', [
    'nähd\\p{L}*', 'nähtäv\\p{L}*', 'katso(a|ella)', 'tietä(ä|mään|isin|äkseni)', 'saada tietoon', 'selvittää', 'kerto(a|kaa|isitte|isitteko)', 'lähettä(kää|isittekö|isitte|ä)', 'listat\\p{L}*', 'listaa (kaikki|tietoni|mitä)',
    '(få|kunna|vill|ville|önskar) se', 'se (vad|vilka)', 'visa (mig|vad|vilka)', '(få|vill) veta', 'berätta', 'skicka', 'lista (alla|mina|vilka|vad)', '(ta|få) del av', 'granska', 'begär\\p{L}* ut',
    '(?<!i )see(?![\\p{L}])', 'view(?![\\p{L}])', '(?<!let me )know(?![\\p{L}])', 'tell(?![\\p{L}])', 'send(?![\\p{L}])', 'list (all|my|the|what|everything)', 'show(?![\\p{L}])', 'obtain', 'find out', 'inform me', 'look at',
  ], [OWN_DATA]),
  ...family_('access', ['(mitä|mita|mitkä|millaisia|minkälaisia|onko|vilka|vad|which|what|whether|do you)', '(kerä|tallen|säily|käsitt|rekisteröi)\\p{L}*(ko|kö)(?![\\p{L}])'], [OWN_DATA, STORED], { scope: 'sentence' }),
  // Where the data came from: "Mistä nimeni ja osoitteeni on saatu?", "Hur har ni fått tag på mina uppgifter?", "How did you get my details?".
  ...family_('access', ['mistä', 'varifrån', `(var|hur)${W(10)}(har|hade|fick) ni`, `(where|how) (did|have|had) you`], [DATA_WORDS, RE_(['saatu', 'saaneet', 'saitte', 'fått', 'fick', `${L}(got|get|obtain|obtained|find|found|take|taken)(?![\\p{L}])`])], { scope: 'sentence' }),
  // To whom it was given, on what basis, how long: "keille niitä on annettu", "till vem har ni lämnat ut", "on what basis do you process".
  ...family_('access', [`(keille|kenelle|till vem|till vilka|to whom|who)${W(30)}(luovut|anne|anta|jae|jaet|jakan|välite|lämnat|delat|gett|given|shared|disclosed|passed|sold|myy)\\p{L}*`], [RE_([DATA_WORDS.source, `${L}(niitä|ne|dem|them)(?![\\p{L}])`])], { scope: 'near' }),
  ...family_('access', ['(millä perusteella|mihin tarkoitukseen|mihin tarkoituksiin|kuinka kauan|på vilken grund|i vilket syfte|hur länge|on what (legal )?basis|for what purpose|how long)'], [OWN_DATA, STORED], { scope: 'sentence' }),
  // A copy or an extract of one's data: "kopio tiedoistani", "en kopia på all information ni har om mig".
  ...family_('access', ['kopi(o|a)\\p{L}*', 'jäljennö\\p{L}*', 'listau\\p{L}*', 'luettelo\\p{L}*', 'tuloste\\p{L}*', 'ote\\p{L}*', 'utdrag\\p{L}*', 'cop(y|ies)', 'printout', 'overview', 'yhteenveto\\p{L}*', 'sammanställning\\p{L}*'], [OWN_DATA], { scope: 'sentence' }),
  ...family_('restriction', [
    'rajoit\\p{L}*', 'keskeyt\\p{L}*', 'jäädyt\\p{L}*', 'pysäyt\\p{L}*', 'begräns\\p{L}*', 'pausa\\p{L}*', 'frys\\p{L}*', 'avbryt\\p{L}*',
    'restrict\\p{L}*', 'limit\\p{L}*', `put${W(5)}hold`, 'hold off', 'jäihin', 'på is', 'on ice', 'paus(e|ing)', 'suspend\\p{L}*', 'freez\\p{L}*', 'halt', 'block\\p{L}*',
  ], [DATA_WORDS]),
  // Kept but not used: "please only store it and do nothing else with it", "säilyttäkää tietoni, mutta älkää käyttäkö niitä".
  ...family_('restriction', ['(only|just) (store|keep|hold)', 'do nothing (else )?with', '(älkää|ette saa|ei saa) (tehkö|tehdä)', 'gör (ingenting|inget|inte något)', '(vain|ainoastaan) (säilyt|tallen)\\p{L}*', '(endast|bara) (lagra|spara|förvara)'], [DATA_WORDS]),
  // "Tills ni har utrett … ska ni inte behandla mina uppgifter": a negated use, for a time.
  ...family_('restriction', [`(ei|eikä|ette|eivät|älkää|ettette|ettei|en halua|emme halua|en toivo|inte|ej|do not|don't|not|no longer|stop)${W(40)}(käsit|käyt|luovut|behandl|använd|lämna ut|dela|use|using|process|pass|disclose|share|hand)\\p{L}*`,
    '(använd|behandla|lämna)\\p{L}* (inte|ej)', '(käytä|käsittele|luovuta)\\p{L}* (ei|älkää)'],
    [DATA_WORDS, MEANWHILE], { scope: 'sentence', negatable: false }),
  ...family_('portability', ['(siir(t|r)|toimit|lähet|anta|anna|vie|luovut|välit|överför|flytta|skicka|ge|lämna|få ut|ta med|vidarebefordr|export|transfer|move|send|give|port|take|upload|import|provide|hand|forward)\\p{L}*'],
    [DATA_WORDS, DESTINATION], { scope: 'around' }),
  ...family_('portability', FORMAT_SOURCES, [DATA_WORDS]),
  ...family_('consent', PERMISSION_SOURCES, [DISCLOSE, RECIPIENT, DATA_WORDS], { scope: 'sentence' }),
  // Permission given outright: "annan luvan, että isännöitsijä saa numeroni", "you have my permission".
  ...family_('consent', ['(annan|annamme|annoin) (luvan|lupa)', 'ger (er |härmed )?(mitt |min )?(tillstånd|lov)', 'you have my permission', 'i give (you )?(my )?permission'], [DATA_WORDS], { scope: 'sentence' }),
];

/** Negations; Finnish "en" (I don't) is the Swedish and Finnish-Swedish article "en", so it counts in Finnish letters only. */
const NEGATION_FI_EN = /(?<![\p{L}])en(?![\p{L}])/iu;
const NEGATION = /(?<![\p{L}])(ei|emme|ette|eivät|älkää|älä|enkä|ettekä|ettette|ettei|inte|ej|icke|aldrig|not|don't|dont|do not|never|no need to|without|won't|n't)(?![\p{L}])/iu;

/** GDPR article → right. */
const ARTICLE_RIGHTS: Readonly<Record<number, RequestType>> = { 15: 'access', 16: 'rectification', 17: 'erasure', 18: 'restriction', 20: 'portability', 21: 'objection' };
const ARTICLE_RE = new RegExp(
  `${L}(?:art(?:ikla|iklan|iklassa|ikel|ikeln|icle|icles|iklarna)?\\.?\\s*(\\d{1,2})((?:\\s*(?:,|and|ja|och|&)\\s*\\d{1,2}(?!\\d))*)|(\\d{1,2})\\s*(?:\\.\\s*)?(?:artikla|art\\.))(?!\\d)`,
  'giu',
);

interface Hit {
  right: RequestType;
  at: number;
  weak: boolean;
  text: string;
  family?: boolean;
  /** Read from an article cited ("Art. 15"), which nothing overrules. */
  article?: boolean;
}

/** Text as the cues read it: lower case, one kind of apostrophe, single spaces (newlines kept). */
function normal_(text: string): string {
  return text.toLowerCase().replace(/[’‘`´]/g, "'").replace(/[ \t\u00a0]+/g, ' ');
}

/** True when a negation stands before `at` in the same clause (within about six words; a that-clause belongs to the clause before it). */
function negated_(text: string, at: number, language: RequestLanguage): boolean {
  // "En halua, että tietoni poistetaan": the comma before a that-clause does not end the negated want.
  const before = text.slice(Math.max(0, at - 60), at).replace(/,\s*(?=(että|ettei|att|that)(?![\p{L}]))/giu, ' ');
  const clause = before.split(/[.!?;:,\n]|\b(?:mutta|men|but|just|vaan|utan)\b/iu).pop() ?? '';
  const words = clause.trim().split(/\s+/).slice(-6).join(' ');
  return NEGATION.test(words) || (language === 'fi' && NEGATION_FI_EN.test(words));
}

function hitsIn_(raw: string, language: RequestLanguage): Hit[] {
  let text = normal_(raw);
  const hits: Hit[] = [];
  for (const m of text.matchAll(ARTICLE_RE)) {
    const numbers = [m[1] ?? m[3], ...(m[2] ?? '').split(/\D+/)].filter(Boolean).map(Number);
    for (const n of numbers) if (ARTICLE_RIGHTS[n]) hits.push({ right: ARTICLE_RIGHTS[n], at: m.index ?? 0, weak: false, text: m[0], article: true });
  }
  // The ban's wording is read first and blanked, so its words cannot read as another right
  // (a family cue that needs its object in another sentence is not blanked: its words may be a negation).
  for (const cue of [...OBJECTION, ...FAMILY_OBJECTION]) {
    // Its first places only, as below: a letter repeating "stop" ten thousand times stays quick.
    let seen = 0;
    for (const m of text.matchAll(cue.re)) {
      if (++seen > CUE_PLACES) break;
      if (cue.needsObject && !aboutData_(text, m.index ?? 0, (m.index ?? 0) + m[0].length, cue.objects, cue.scope)) continue;
      hits.push({ right: 'objection', at: m.index ?? 0, weak: false, text: m[0], family: !!cue.family });
      if (!cue.needsObject || cue.blank) text = text.slice(0, m.index) + ' '.repeat(m[0].length) + text.slice((m.index ?? 0) + m[0].length);
    }
  }
  for (const cue of [...OTHER_CUES, ...FAMILY_CUES]) {
    // A cue is read at its first places only: what decides is its first hits, and a long letter
    // repeating a verb ("poistakaa …" a thousand times in one sentence) stays quick.
    let seen = 0;
    let kept = 0;
    for (const m of text.matchAll(cue.re)) {
      if (++seen > CUE_PLACES || kept >= CUE_HITS) break;
      if (cue.negatable && negated_(text, m.index ?? 0, language)) continue;
      // "Radera inte mitt konto": the Swedish imperative's negation follows it.
      if (cue.negatable && /^\s*(inte|ej|icke)(?![\p{L}])/u.test(text.slice((m.index ?? 0) + m[0].length, (m.index ?? 0) + m[0].length + 8))) continue;
      // "Kiitos että poistitte tietoni", "Thank you for deleting my data": thanks for what was done.
      if (THANKS_FOR.test(text.slice(Math.max(0, (m.index ?? 0) - 60), m.index))) continue;
      if (cue.needsObject && THING_FIRST.test(text.slice((m.index ?? 0) + m[0].length, (m.index ?? 0) + m[0].length + 30))) continue;
      if (cue.needsObject && !aboutData_(text, m.index ?? 0, (m.index ?? 0) + m[0].length, cue.objects, cue.scope)) continue;
      // "I have asked for my data to be corrected": an earlier request named, not this letter's demand.
      const earlier = PAST_REQUEST.test(text.slice(Math.max(0, (m.index ?? 0) - 40), m.index).split(/[.!?;\n]/).pop() ?? '');
      hits.push({ right: cue.right, at: m.index ?? 0, weak: !!cue.weak || earlier, text: m[0], family: !!cue.family });
      kept++;
    }
  }
  return overrule_(text, hits);
}

/**
 * An access cue ("send me my data", "a copy of the data", "toimittakaa tietoni") gives way to
 * portability or consent read in the same sentence: "a copy of my data as a file I can take to
 * another provider" asks to move it, "you may give my details to my insurer" allows a
 * disclosure; neither asks to see it. Nor do "what do you need from me", "all the information
 * about your prices", or what another right's verb before it in its clause is about ("get rid of
 * all the information you have about me"). An article cited is
 * never overruled. A statement asked as a question ("Vill ni ha den nya adressen?") states
 * nothing, and none counts in a letter that says nothing needs doing.
 */
function overrule_(text: string, hits: Hit[]): Hit[] {
  const sentenceText = (at: number) => {
    const from = Math.max(text.lastIndexOf('.', at - 1), text.lastIndexOf('!', at - 1), text.lastIndexOf('?', at - 1), text.lastIndexOf('\n', at - 1)) + 1;
    const to = text.slice(at).search(/[.!?\n]/);
    return text.slice(from, to < 0 ? text.length : at + to + 1);
  };
  // Clauses: "Show me what you have on me, then send it as a CSV file to my new provider" asks both.
  const clause = (at: number) => (text.slice(0, at).match(/[.!?\n;]|,\s*(then|sitten|sen jälkeen|sedan|därefter|and then|ja sitten|och sedan)(?![\p{L}])/giu) ?? []).length;
  const strong = new Set(hits.filter((h) => !h.article && (h.right === 'portability' || h.right === 'consent')).map((h) => clause(h.at)));
  const nothingToDo = NOTHING_TO_DO.test(text);
  return hits.filter((h) => {
    if (h.article) return true;
    const own = sentenceText(h.at);
    if (h.right === 'access' && (strong.has(clause(h.at)) || THEY_NEED.test(own) || (ABOUT_THINGS.test(own) && !ABOUT_ME.test(own)))) return false;
    // "get rid of all the information you have about me": what is held is another right's object here.
    if (h.right === 'access' && hits.some((o) => o.right !== 'access' && !o.weak && !o.article && o.at < h.at && !/[.!?;,\n]|\b(and|ja|och|sekä|samt|then|sitten|sedan|also|myös|också)\b/iu.test(text.slice(o.at, h.at)))) return false;
    return !(h.weak && (own.trimEnd().endsWith('?') || nothingToDo));
  });
}

/** Information about the company's own things ("kaikki tiedot hinnoistanne", "information about your packages"), not about the person. */
const ABOUT_THINGS = /(hinno|hinna|hinta|palvelu|paketi|tuottei|aukiolo|pric|service|package|product|opening hours|pris|tjänst|paket|produkt|öppettid)/iu;
const ABOUT_ME = /(minusta|minua|itsestäni|tietoni|tietojani|tiedoistani|henkilötie|om mig|mina uppgifter|personuppg|about me|on me|of mine|my (personal )?(data|information|details))/iu;
/** "Mitä tietoja tarvitsette minusta tarjousta varten?": what the company needs, not what it holds. */
const THEY_NEED = /(tarvitsette|tarvitaan|tarvitsisitte|you need|do you need|you require|ni behöver|behöver ni)/iu;
/** A statement that asks for nothing: "ei tarvitse tehdä mitään", "no need to do anything". */
const NOTHING_TO_DO = /(ei tarvitse (tehdä|muuttaa) mitään|ei (tarvitse|tarvitsee) korjata|no need to (do|change|fix) anything|no action (is )?needed|nothing needs to (be done|change)|behöver inte (göra|ändra) (något|någonting)|ni behöver inte göra något)/iu;

// ------------------------------------------------------------------------------------ language

const STOPWORDS: Record<RequestLanguage, ReadonlySet<string>> = {
  fi: new Set(('ja ei että minun minulle minusta minua minut tietoni tietojani tiedot tietoja tiedoistani hei moi kiitos pyydän haluan haluaisin ' +
    'olen ne teidän teillä teiltä teille te ole sekä tai kun mitä mistä kaikki enää myös vain jo tämä tämän nyt kuin asti siihen joka jotka ' +
    'voitteko onko olette on oli kanssa koska jos mutta niin vielä kaikista minulla meidän olisi voisitteko ' +
    'poistakaa poista peru tilaus uutiskirje markkinointi markkinointia osoite osoitteeni suostumus pyyntö').split(' ')),
  sv: new Set(('och att jag är det inte min mitt mina för på med av som till om har ni er era mig hej tack vill kan ett den de vänligen alla ' +
    'från mer inga uppgifter sluta skicka eller också bara enligt behöver hos någon när sedan dem ' +
    'radera avregistrera reklam nyhetsbrev personuppgifter adress samtycke begäran').split(' ')),
  en: new Set(("the and to of my is please you your i'm data that not for with this hi hello dear would like want have me from all any about " +
    "can do don't no more what it are be an under as or we our send stop thanks thank hereby which " +
    'unsubscribe delete erase remove access copy personal information address newsletter marketing consent request details email account').split(' ')),
};

const PREFERENCE: [RegExp, RequestLanguage][] = [
  [/(vastat\p{L}*|vastaa|vastaus\p{L}*|kirjoit\p{L}*)[^.!?\n]{0,25}?englanniksi|(reply|respond|answer|write)[^.!?\n]{0,25}?in english|in english,? please|svara[^.!?\n]{0,25}?på engelska/iu, 'en'],
  [/(vastat\p{L}*|vastaa|vastaus\p{L}*|kirjoit\p{L}*)[^.!?\n]{0,25}?ruotsiksi|(reply|respond|answer|write)[^.!?\n]{0,25}?in swedish|svara[^.!?\n]{0,25}?på svenska/iu, 'sv'],
  [/(vastat\p{L}*|vastaa|vastaus\p{L}*|kirjoit\p{L}*)[^.!?\n]{0,25}?suomeksi|(reply|respond|answer|write)[^.!?\n]{0,25}?in finnish|svara[^.!?\n]{0,25}?på finska/iu, 'fi'],
];

/** Scores of each language in `text`: stop words, Finnish endings and vowel pairs, the Swedish å. */
function languageScores_(text: string): Record<RequestLanguage, number> {
  const scores: Record<RequestLanguage, number> = { fi: 0, sv: 0, en: 0 };
  for (const token of text.match(/[\p{L}']+/gu) ?? []) {
    if (token === 'I') { scores.en += 1; continue; }
    const t = token.toLowerCase();
    for (const lang of ['fi', 'sv', 'en'] as const) if (STOPWORDS[lang].has(t)) scores[lang] += 1;
    if (t.length >= 5 && /(kaa|kää|ssa|ssä|sta|stä|lla|llä|lle|mme|nne|aan|ään|ksi|tte|nsa|nsä|ni)$/.test(t) && !/å/.test(t)) scores.fi += 0.5;
    if (/(aa|ää|ii|uu|yy|öö|ei|ie|uo|yö)/.test(t) && /[äöy]|kk|tt|pp/.test(t)) scores.fi += 0.5;
    if (/å/.test(t)) scores.sv += 1;
    // Street names say where a letter is from: "Kyrkogatan", "Koulukatu", "Mill Lane".
    if (t.length > 6 && /(gatan|vägen|gränd|stigen|torget)$/.test(t)) scores.sv += 1;
    if (t.length > 6 && /(katu|kuja|polku|tori)$/.test(t)) scores.fi += 1;
    if (/(tion|ing|ould|ght|th)/.test(t) && !/[äöå]/.test(t)) scores.en += 0.3;
  }
  return scores;
}

/**
 * The language to answer in: an explicit wish ("vastatkaa englanniksi", "reply in English")
 * first, then the language most of the person's own words are in (the subject counts half).
 */
export function detectLanguage(text: string, subject = '', fallback: RequestLanguage = 'fi'): RequestLanguage {
  for (const [re, lang] of PREFERENCE) if (re.test(text)) return lang;
  const body = languageScores_(text);
  const head = languageScores_(subject);
  const total = (l: RequestLanguage) => body[l] + head[l] / 2;
  const ranked = (['fi', 'sv', 'en'] as const).slice().sort((a, b) => total(b) - total(a) || (a === fallback ? -1 : b === fallback ? 1 : 0));
  return total(ranked[0]) > 0 ? ranked[0] : fallback;
}

// ------------------------------------------------------------------------------------ numbers

/** Finnish personal identity codes (henkilötunnus): never a customer number, never in a summary. */
const HETU = /(?<![\p{L}\p{N}])\d{6}[-+A-FU-Y]\d{3}[0-9A-Y](?![\p{L}\p{N}])/giu;

/**
 * Mobile numbers with their places. Each comma-, semicolon- or line-separated piece is searched
 * alone: libphonenumber reads "100042, 040 123 4567" as one candidate and finds nothing.
 */
function phoneSpans_(text: string): { start: number; end: number; e164: string }[] {
  const out: { start: number; end: number; e164: string }[] = [];
  for (const piece of text.matchAll(/[^,;\n]+/g)) {
    const offset = piece.index ?? 0;
    for (const p of findPhoneNumbersInText(piece[0], { defaultCountry: 'FI' })) {
      out.push({ start: offset + p.startsAt, end: offset + p.endsAt, e164: p.number.number });
    }
  }
  return out;
}

/** Customer numbers in the text: `${prefix}${digits}`, first digit 1–9 when there is no prefix, not inside a phone number or an identity code. */
export function findCustomerNumbers(text: string, prefix = '', digits = 6): string[] {
  let masked = text.replace(HETU, (m) => ' '.repeat(m.length));
  for (const p of phoneSpans_(masked)) masked = masked.slice(0, p.start) + ' '.repeat(p.end - p.start) + masked.slice(p.end);
  const escaped = prefix.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const first = prefix === '' ? '[1-9]' : '\\d';
  const re = new RegExp(`(?<![\\p{L}\\p{N}+/.,-])(${escaped}${first}\\d{${digits - 1}})(?![\\p{N}/-]|[.,]\\d)`, 'giu');
  const out: string[] = [];
  for (const m of masked.matchAll(re)) {
    const n = prefix === '' ? m[1] : prefix + m[1].slice(prefix.length);
    if (!out.includes(n)) out.push(n);
  }
  return out;
}

/** Mobile numbers in the text, E.164 (Finland when written without a country code). */
export function findPhones(text: string): string[] {
  const out: string[] = [];
  for (const p of phoneSpans_(text.replace(HETU, (m) => ' '.repeat(m.length)))) if (!out.includes(p.e164)) out.push(p.e164);
  return out;
}

// ------------------------------------------------------------------------------------ summary

const GREETING = /^\s*(hei|hej|moi|moikka|terve|hyvä\s.{0,30}|hyvät\s.{0,30}|arvoisa\s.{0,40}|hello|hi|dear\s.{0,40}|good (morning|afternoon|day)|to whom it may concern|bästa\s.{0,30}|god dag)[\s,.!:]*$/iu;
const REPLY_PREFIX = /^\s*((re|sv|vs|aw|fw|fwd|vl|vb|vs)\s*:\s*)+/i;

/** A short plain summary: the subject and the first of the person's own sentences, ≤ 200 characters. */
export function summarise(subject: string, text: string): string {
  const body = text
    .split('\n')
    .filter((l) => l.trim() !== '' && !GREETING.test(l))
    .join(' ');
  const head = subject.replace(REPLY_PREFIX, '').trim();
  const joined = [head, body].filter(Boolean).join(' — ').replace(/\s+/g, ' ').trim();
  const redacted = joined.replace(HETU, '[…]').replace(/(?<![\p{L}\p{N}])[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){3,7}(?: ?[A-Z0-9]{1,3})?(?![\p{L}\p{N}])/gu, '[…]').replace(/(?<!\d)\d(?:[ -]?\d){11,}(?!\d)/g, '[…]');
  if (redacted.length <= SUMMARY_MAX) return redacted;
  const cut = redacted.slice(0, SUMMARY_MAX - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > SUMMARY_MAX * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,;:—-]+$/, '')}…`;
}

// ------------------------------------------------------------------------------------ classify

/**
 * Reads a letter: its primary type and every right asked, the language to answer in, the
 * customer and phone numbers it mentions, the GDPR articles it cites and a short summary.
 * `body` is the plain body (Gmail's getPlainBody); leftover markup is stripped here anyway.
 */
export function classify(rawSubject: string, body: string, options: ClassifyOptions = {}): Classification {
  // A subject is a line: read its first thousand characters, as the body its first MAX_READ.
  const subject = rawSubject.slice(0, 1000);
  const letter = cleanLetter(body);
  const isReply = REPLY_PREFIX.test(subject) && !/^\s*(fw|fwd|vl|vb)\s*:/i.test(subject);
  // A reply's subject is the controller's own (our newsletter's title): it asks for nothing.
  const cleanSubject = stripMarkup(subject).replace(REPLY_PREFIX, '').trim();

  const language = detectLanguage(letter.text, isReply ? '' : cleanSubject, options.fallbackLanguage ?? 'fi');
  const bodyHits = hitsIn_(letter.text, language).sort((a, b) => a.at - b.at);
  const subjectHits = isReply ? [] : hitsIn_(cleanSubject, language).sort((a, b) => a.at - b.at);
  // A subject's statement ("Uusi osoite") counts when the body gives the new value; "Ny adress
  // till kontoret" over a letter asking whether we want it asks nothing.
  const hits = bodyHits.length > 0 ? bodyHits : subjectHits.filter((h) => !h.weak || NEW_VALUE.test(letter.text));
  const primary = (hits.find((h) => !h.weak) ?? hits[0])?.right ?? 'other';
  const rights: RequestType[] = [primary];
  for (const h of [...hits.filter((x) => !x.weak), ...hits.filter((x) => x.weak)]) if (!rights.includes(h.right)) rights.push(h.right);
  const evidence = rights.filter((r) => r !== 'other').map((right) => ({ right, text: hits.find((h) => h.right === right)?.text.trim().slice(0, 60) ?? '' }));

  const articles: number[] = [];
  for (const m of normal_(`${cleanSubject}\n${letter.text}`).matchAll(ARTICLE_RE)) {
    for (const n of [m[1] ?? m[3], ...(m[2] ?? '').split(/\D+/)].filter(Boolean).map(Number)) if (ARTICLE_RIGHTS[n] && !articles.includes(n)) articles.push(n);
  }

  const numbersText = [cleanSubject, letter.text, letter.signature].join('\n');
  return {
    type: primary,
    rights,
    language,
    customerNumbers: findCustomerNumbers(numbersText, options.customerNumberPrefix ?? '', options.customerNumberDigits ?? 6),
    phones: findPhones(numbersText),
    summary: summarise(subject, letter.text),
    articles,
    forwardedFrom: letter.forwardedFrom,
    evidence,
  };
}
