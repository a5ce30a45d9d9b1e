/**
 * The email address's faults, each named as it is (core/validation.ts validateEmail): an
 * internationalised domain such as hyvä.fi is a valid address, so what is refused is only what is
 * wrong with the address given. `src/core/texts.ts` spreads each language in.
 */
export const EMAIL_TEXTS_FI = {
  errEmailLocalTooLong: 'Sähköpostiosoitteen @-merkkiä edeltävä osa on liian pitkä: enintään 64 merkkiä. Tarkista osoite.',
  errEmailDomainNoDot: 'Verkkotunnuksesta puuttuu piste ja pääte, esimerkiksi @yritys.fi. Kirjoita osoite kokonaan.',
  errEmailDomainEmptyLabel: 'Verkkotunnuksessa on kaksi pistettä peräkkäin tai piste alussa tai lopussa. Poista ylimääräinen piste, esimerkiksi @yritys.fi.',
  errEmailDomainHyphen: 'Verkkotunnuksen osa "{label}" alkaa tai loppuu väliviivaan tai sen 3. ja 4. merkki ovat väliviivoja. Tarkista osoite.',
  errEmailDomainChar: 'Verkkotunnuksessa on merkki "{char}", jota siinä ei voi olla: vain kirjaimia (myös ä, ö ja å), numeroita, väliviivoja ja pisteitä. Tarkista osoite.',
  errEmailDomainLabelLong: 'Verkkotunnuksen osa "{label}" on liian pitkä: pisteiden välissä saa olla enintään 63 merkkiä (ääkkönen vie enemmän). Tarkista osoite.',
  errEmailDomainTld: 'Verkkotunnuksen pääte "{tld}" ei kelpaa: siinä on oltava vähintään kaksi kirjainta, esimerkiksi .fi tai .com. Tarkista osoite.',
  errEmailDomainPunycode: 'Verkkotunnuksen osa "{label}" ei ole kelvollinen xn---muoto. Kirjoita verkkotunnus sellaisena kuin se luetaan, esimerkiksi hyvä.fi.',
  errEmailDomainTooLong: 'Verkkotunnus on liian pitkä: enintään 253 merkkiä (ääkkönen vie enemmän). Tarkista osoite.',
};

export const EMAIL_TEXTS_SV: Record<keyof typeof EMAIL_TEXTS_FI, string> = {
  errEmailLocalTooLong: 'Delen före @ i e-postadressen är för lång: högst 64 tecken. Kontrollera adressen.',
  errEmailDomainNoDot: 'Domänen saknar punkt och ändelse, till exempel @foretag.fi. Skriv hela adressen.',
  errEmailDomainEmptyLabel: 'Domänen har två punkter i rad eller en punkt i början eller slutet. Ta bort den extra punkten, till exempel @foretag.fi.',
  errEmailDomainHyphen: 'Domändelen "{label}" börjar eller slutar med bindestreck, eller har bindestreck som 3:e och 4:e tecken. Kontrollera adressen.',
  errEmailDomainChar: 'Domänen innehåller tecknet "{char}", som inte får finnas där: bara bokstäver (även å, ä och ö), siffror, bindestreck och punkter. Kontrollera adressen.',
  errEmailDomainLabelLong: 'Domändelen "{label}" är för lång: högst 63 tecken mellan punkterna (å, ä och ö tar mer plats). Kontrollera adressen.',
  errEmailDomainTld: 'Domänändelsen "{tld}" duger inte: den ska ha minst två bokstäver, till exempel .fi eller .com. Kontrollera adressen.',
  errEmailDomainPunycode: 'Domändelen "{label}" är inte en giltig xn--form. Skriv domänen som den läses, till exempel åland.ax.',
  errEmailDomainTooLong: 'Domänen är för lång: högst 253 tecken (å, ä och ö tar mer plats). Kontrollera adressen.',
};

export const EMAIL_TEXTS_EN: Record<keyof typeof EMAIL_TEXTS_FI, string> = {
  errEmailLocalTooLong: 'The part before the @ is too long: at most 64 characters. Check the address.',
  errEmailDomainNoDot: 'The domain has no dot and ending, for example @company.fi. Enter the whole address.',
  errEmailDomainEmptyLabel: 'The domain has two dots in a row, or a dot at its start or end. Remove the extra dot, for example @company.fi.',
  errEmailDomainHyphen: 'The domain part "{label}" starts or ends with a hyphen, or has hyphens as its 3rd and 4th characters. Check the address.',
  errEmailDomainChar: 'The domain contains "{char}", which it cannot hold: only letters (ä, ö and å too), digits, hyphens and dots. Check the address.',
  errEmailDomainLabelLong: 'The domain part "{label}" is too long: at most 63 characters between dots (an accented letter takes more). Check the address.',
  errEmailDomainTld: 'The domain ending "{tld}" is not valid: it needs at least two letters, for example .fi or .com. Check the address.',
  errEmailDomainPunycode: 'The domain part "{label}" is not a valid xn-- form. Type the domain as it reads, for example hyvä.fi.',
  errEmailDomainTooLong: 'The domain is too long: at most 253 characters (an accented letter takes more). Check the address.',
};
