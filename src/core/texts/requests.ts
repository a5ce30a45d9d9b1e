/**
 * The requests feature's texts (README "Requests (core)"), in Finnish, Swedish and English:
 * why a transition was refused (machine.ts's RefusalKey), and the words for types, statuses,
 * channels, verification, outcomes and the countdown. `src/core/texts.ts` spreads each language
 * in, so these keys are TextKeys like any other; a missing translation is a type error.
 */
import type { RefusalKey } from '../requests/machine';
import type { Channel, RequestStatus, RequestType, RightOutcome, Verification } from '../requests/model';
import type { DeadlineColour } from '../requests/deadlines';

export const REQUEST_TEXTS_FI = {
  // Refusals of machine.ts: each says what to do.
  reqTransitionRefused: 'Pyynnön tila ei salli tätä toimenpidettä. Päivitä näkymä ja tarkista pyynnön tila.',
  reqVerifyNoteRequired: 'Kirjoita, miten henkilöllisyys tarkistettiin (esimerkiksi ”henkilökortti tarkistettu toimistolla”).',
  reqRightNotAsked: 'Tässä pyynnössä ei pyydetty tätä oikeutta ({right}). Valitse jokin pyydetyistä oikeuksista.',
  reqRightSettled: 'Tämä oikeus ({right}) on jo toteutettu tai evätty tässä pyynnössä.',
  reqDeclineReasonRequired: 'Kirjoita syy, jolla oikeuden käyttö evätään. Syy kerrotaan henkilölle.',
  reqRightsOpen: 'Pyyntöä ei voi sulkea ennen kuin jokainen pyydetty oikeus on toteutettu tai evätty. Avoinna: {rights}.',
  reqAlreadyExtended: 'Määräaikaa on jo jatkettu. Sitä voi jatkaa vain kerran (tietosuoja-asetuksen 12 artiklan 3 kohta).',
  reqExtensionTooLate: 'Määräaikaa voi jatkaa vain ensimmäisen kuukauden aikana eli viimeistään {dueDate}, ja henkilölle on kerrottava jatkosta ja sen syystä sitä ennen.',
  reqReasonRequired: 'Kirjoita syy. Se kerrotaan henkilölle.',
  reqRejectAfterFulfilment: 'Osa pyynnöstä on jo toteutettu, joten koko pyyntöä ei voi hylätä. Evää jäljellä olevat oikeudet yksitellen ja kirjoita kullekin syy.',
  reqDuplicateOfRequired: 'Anna sen pyynnön tunnus, jonka kaksoiskappale tämä on.',
  reqDuplicateOfSelf: 'Pyyntö ei voi olla itsensä kaksoiskappale. Anna toisen pyynnön tunnus.',
  // Types (GDPR article in brackets where there is one).
  reqTypeAccess: 'Tarkastus (15 art.)',
  reqTypeRectification: 'Oikaisu (16 art.)',
  reqTypeErasure: 'Poisto (17 art.)',
  reqTypeRestriction: 'Käsittelyn rajoittaminen (18 art.)',
  reqTypePortability: 'Siirto (20 art.)',
  reqTypeObjection: 'Markkinointikielto (21 art.)',
  reqTypeConsent: 'Kirjallinen suostumus',
  reqTypeOther: 'Muu',
  reqStatusReceived: 'Vastaanotettu',
  reqStatusAwaitingVerification: 'Odottaa tunnistamista',
  reqStatusInProgress: 'Käsittelyssä',
  reqStatusCompleted: 'Valmis',
  reqStatusRejected: 'Hylätty',
  reqStatusDuplicate: 'Kaksoiskappale',
  reqChannelEmail: 'Sähköposti',
  reqChannelLetter: 'Kirje',
  reqChannelInPerson: 'Käynti',
  reqVerificationNone: 'Ei tunnistettu',
  reqVerificationAddress: 'Rekisterissä oleva osoite',
  reqVerificationManual: 'Henkilökunta tarkisti',
  reqOutcomeFulfilled: 'Toteutettu',
  reqOutcomeDeclined: 'Evätty',
  reqColourGreen: 'Aikaa on',
  reqColourAmber: 'Alle 10 päivää',
  reqColourRed: 'Alle 5 päivää',
  reqColourOverdue: 'Myöhässä',
  reqDaysLeft: '{days} pv jäljellä',
  reqDueToday: 'Määräpäivä tänään',
  reqOverdueDays: 'Myöhässä {days} pv',
};

export type RequestTextKey = keyof typeof REQUEST_TEXTS_FI;

export const REQUEST_TEXTS_SV: Record<RequestTextKey, string> = {
  reqTransitionRefused: 'Begärans status tillåter inte den här åtgärden. Uppdatera vyn och kontrollera begärans status.',
  reqVerifyNoteRequired: 'Skriv hur identiteten kontrollerades (till exempel ”id-kort kontrollerat på kontoret”).',
  reqRightNotAsked: 'Den här rättigheten ({right}) begärdes inte. Välj en av de begärda rättigheterna.',
  reqRightSettled: 'Den här rättigheten ({right}) har redan tillgodosetts eller avslagits i begäran.',
  reqDeclineReasonRequired: 'Skriv skälet till att rättigheten avslås. Skälet meddelas personen.',
  reqRightsOpen: 'Begäran kan inte stängas förrän varje begärd rättighet har tillgodosetts eller avslagits. Öppna: {rights}.',
  reqAlreadyExtended: 'Tidsfristen har redan förlängts. Den kan förlängas endast en gång (artikel 12.3 i dataskyddsförordningen).',
  reqExtensionTooLate: 'Tidsfristen kan förlängas endast under den första månaden, det vill säga senast {dueDate}, och personen ska före det få veta om förlängningen och skälet.',
  reqReasonRequired: 'Skriv skälet. Det meddelas personen.',
  reqRejectAfterFulfilment: 'En del av begäran har redan tillgodosetts, så hela begäran kan inte avslås. Avslå de återstående rättigheterna en i taget och skriv ett skäl för varje.',
  reqDuplicateOfRequired: 'Ange ID för den begäran som den här är en dubblett av.',
  reqDuplicateOfSelf: 'En begäran kan inte vara en dubblett av sig själv. Ange ID för en annan begäran.',
  reqTypeAccess: 'Insyn (art. 15)',
  reqTypeRectification: 'Rättelse (art. 16)',
  reqTypeErasure: 'Radering (art. 17)',
  reqTypeRestriction: 'Begränsning av behandling (art. 18)',
  reqTypePortability: 'Dataportabilitet (art. 20)',
  reqTypeObjection: 'Marknadsföringsförbud (art. 21)',
  reqTypeConsent: 'Skriftligt samtycke',
  reqTypeOther: 'Annat',
  reqStatusReceived: 'Mottagen',
  reqStatusAwaitingVerification: 'Väntar på verifiering',
  reqStatusInProgress: 'Under behandling',
  reqStatusCompleted: 'Slutförd',
  reqStatusRejected: 'Avslagen',
  reqStatusDuplicate: 'Dubblett',
  reqChannelEmail: 'E-post',
  reqChannelLetter: 'Brev',
  reqChannelInPerson: 'Besök',
  reqVerificationNone: 'Inte verifierad',
  reqVerificationAddress: 'Registrerad adress',
  reqVerificationManual: 'Kontrollerad av personalen',
  reqOutcomeFulfilled: 'Tillgodosedd',
  reqOutcomeDeclined: 'Avslagen',
  reqColourGreen: 'Tid kvar',
  reqColourAmber: 'Under 10 dagar',
  reqColourRed: 'Under 5 dagar',
  reqColourOverdue: 'Försenad',
  reqDaysLeft: '{days} dagar kvar',
  reqDueToday: 'Förfaller i dag',
  reqOverdueDays: '{days} dagar försenad',
};

export const REQUEST_TEXTS_EN: Record<RequestTextKey, string> = {
  reqTransitionRefused: "The request's status does not allow this action. Refresh the view and check the request's status.",
  reqVerifyNoteRequired: 'Write how the identity was checked (for example “ID card checked at the office”).',
  reqRightNotAsked: 'This right ({right}) was not asked for in the request. Choose one of the rights asked.',
  reqRightSettled: 'This right ({right}) has already been fulfilled or declined in this request.',
  reqDeclineReasonRequired: 'Write the reason for declining the right. The person is told the reason.',
  reqRightsOpen: 'The request cannot be closed until every right asked is fulfilled or declined. Open: {rights}.',
  reqAlreadyExtended: 'The deadline has already been extended. It can be extended only once (GDPR Article 12(3)).',
  reqExtensionTooLate: 'The deadline can be extended only within the first month, that is by {dueDate}, and the person must be told of the extension and its reason before then.',
  reqReasonRequired: 'Write the reason. The person is told it.',
  reqRejectAfterFulfilment: 'Part of the request has already been fulfilled, so the whole request cannot be rejected. Decline the remaining rights one by one, each with its reason.',
  reqDuplicateOfRequired: 'Give the ID of the request this one duplicates.',
  reqDuplicateOfSelf: 'A request cannot duplicate itself. Give the ID of another request.',
  reqTypeAccess: 'Access (Art. 15)',
  reqTypeRectification: 'Rectification (Art. 16)',
  reqTypeErasure: 'Erasure (Art. 17)',
  reqTypeRestriction: 'Restriction of processing (Art. 18)',
  reqTypePortability: 'Portability (Art. 20)',
  reqTypeObjection: 'Marketing ban (Art. 21)',
  reqTypeConsent: 'Written consent',
  reqTypeOther: 'Other',
  reqStatusReceived: 'Received',
  reqStatusAwaitingVerification: 'Awaiting verification',
  reqStatusInProgress: 'In progress',
  reqStatusCompleted: 'Completed',
  reqStatusRejected: 'Rejected',
  reqStatusDuplicate: 'Duplicate',
  reqChannelEmail: 'Email',
  reqChannelLetter: 'Letter',
  reqChannelInPerson: 'In person',
  reqVerificationNone: 'Not verified',
  reqVerificationAddress: 'Registered address',
  reqVerificationManual: 'Checked by staff',
  reqOutcomeFulfilled: 'Fulfilled',
  reqOutcomeDeclined: 'Declined',
  reqColourGreen: 'Time left',
  reqColourAmber: 'Under 10 days',
  reqColourRed: 'Under 5 days',
  reqColourOverdue: 'Overdue',
  reqDaysLeft: '{days} days left',
  reqDueToday: 'Due today',
  reqOverdueDays: '{days} days overdue',
};

/** Every refusal of machine.ts has a text (checked by the compiler through this map). */
export const REFUSAL_TEXT: Readonly<Record<RefusalKey, RequestTextKey>> = {
  reqTransitionRefused: 'reqTransitionRefused', reqVerifyNoteRequired: 'reqVerifyNoteRequired', reqRightNotAsked: 'reqRightNotAsked',
  reqRightSettled: 'reqRightSettled', reqDeclineReasonRequired: 'reqDeclineReasonRequired', reqRightsOpen: 'reqRightsOpen',
  reqAlreadyExtended: 'reqAlreadyExtended', reqExtensionTooLate: 'reqExtensionTooLate', reqReasonRequired: 'reqReasonRequired',
  reqRejectAfterFulfilment: 'reqRejectAfterFulfilment', reqDuplicateOfRequired: 'reqDuplicateOfRequired', reqDuplicateOfSelf: 'reqDuplicateOfSelf',
};

/** The word for each value, for the sheet's dropdowns and the dialog. */
export const REQUEST_TYPE_TEXT: Readonly<Record<RequestType, RequestTextKey>> = {
  access: 'reqTypeAccess', rectification: 'reqTypeRectification', erasure: 'reqTypeErasure', restriction: 'reqTypeRestriction',
  portability: 'reqTypePortability', objection: 'reqTypeObjection', consent: 'reqTypeConsent', other: 'reqTypeOther',
};
export const REQUEST_STATUS_TEXT: Readonly<Record<RequestStatus, RequestTextKey>> = {
  received: 'reqStatusReceived', 'awaiting-verification': 'reqStatusAwaitingVerification', 'in-progress': 'reqStatusInProgress',
  completed: 'reqStatusCompleted', rejected: 'reqStatusRejected', duplicate: 'reqStatusDuplicate',
};
export const CHANNEL_TEXT: Readonly<Record<Channel, RequestTextKey>> = { email: 'reqChannelEmail', letter: 'reqChannelLetter', 'in-person': 'reqChannelInPerson' };
export const VERIFICATION_TEXT: Readonly<Record<Verification, RequestTextKey>> = { none: 'reqVerificationNone', address: 'reqVerificationAddress', manual: 'reqVerificationManual' };
export const RIGHT_OUTCOME_TEXT: Readonly<Record<RightOutcome, RequestTextKey>> = { fulfilled: 'reqOutcomeFulfilled', declined: 'reqOutcomeDeclined' };
export const DEADLINE_COLOUR_TEXT: Readonly<Record<DeadlineColour, RequestTextKey>> = { green: 'reqColourGreen', amber: 'reqColourAmber', red: 'reqColourRed', overdue: 'reqColourOverdue' };
