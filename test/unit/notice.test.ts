/**
 * The privacy notice made from the settings (src/core/notice.ts). The list below is CleanRoom's
 * original notice (tietosuojaseloste) read section by section, each fact said in our own words
 * with what the generated Finnish text must contain to state it; Swedish and English carry every
 * section too, and nothing from the settings reaches the page unescaped.
 */
import { privacyNotice, noticeSections, escapeHtml, NOTICE_SECTIONS } from '../../src/core/notice';
import { NOTICE_TEXTS } from '../../src/core/texts/notice';
import { completeSettings, defaultSettings, SETTINGS_UPDATE, type Settings } from '../../src/core/settings';
import * as v from 'valibot';

const cleanRoom = (): Settings => ({
  ...defaultSettings('omistaja@cleanroom.fi'),
  keyPersonnel: [
    { email: 'omistaja@cleanroom.fi', role: 'admin' },
    { email: 'asiakaspalvelu@cleanroom.fi', role: 'staff' },
    { email: 'myynti@cleanroom.fi', role: 'staff' },
  ],
});

/** The page's text without markup, entities decoded, whitespace collapsed. */
const plain = (html: string) =>
  html.replace(/<style>.*?<\/style>/s, '').replace(/<[^>]+>/g, ' ').replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/\s+/g, ' ');
/** One section's text. */
const section = (html: string, id: string) => {
  const m = new RegExp(`<section id="${id}"[^>]*>(.*?)</section>`, 's').exec(html);
  if (!m) throw new Error(`no section ${id}`);
  return plain(m[1]);
};

/** The original notice: its sections (by our id), each with the facts it states. */
const ORIGINAL: { id: string; heading: RegExp; facts: [string, RegExp][] }[] = [
  { id: 'controller', heading: /^Rekisterinpitäjä$/, facts: [
    ['the company is Calion Service Innovations, trading as CleanRoom CSI', /Calion Service Innovations Oy \/ CleanRoom CSI/],
    ['its postal address is a PO box in Tampere', /PL 25, 33311 Tampere/],
    ['its customer service email', /asiakaspalvelu@cleanroom\.fi/],
  ] },
  { id: 'purposes', heading: /käsittelyn tarkoitus/, facts: [
    ['looking after the customer relationship and service', /asiakassuhteen ja asiakaspalvelun hoitaminen/],
    ["carrying out both parties' rights and duties", /asiakkaan ja rekisterinpitäjän oikeuksien ja velvollisuuksien toteuttaminen/],
    ["handling stakeholders' data", /sidosryhmien henkilötietojen käsittely/],
    ['stakeholder communication: newsletters, bulletins, e-marketing', /sidosryhmäviestintään.*uutiskirjeiden.*sähköisten tiedotteiden.*sähköisen suoramarkkinoinnin/],
  ] },
  { id: 'content', heading: /tietosisältö/, facts: [
    ['name', /\bNimi\b/], ['email address', /Sähköpostiosoite/], ['mobile number', /Matkapuhelinnumero/],
    ['postal address', /Postiosoite/], ['customer number', /Asiakasnumero/],
  ] },
  { id: 'sources', heading: /tietolähteet/, facts: [
    ['mainly from these sources', /pääsääntöisesti/],
    ['from the person themselves', /Suoraan rekisteröidyltä itseltään/],
    ['from public or generally available sources', /Julkisista tai yleisesti saatavilla olevista lähteistä/],
  ] },
  { id: 'disclosures', heading: /^Säännönmukaiset tietojen luovutukset$/, facts: [
    ['nothing is handed to outsiders without a separate request and written consent', /ei luovuta.*ulkopuolisille ilman asiakkaan erillistä pyyntöä ja kirjallista suostumusta/],
    ['except when Finnish authorities require it', /paitsi Suomen viranomaistoimien niin edellyttäessä/],
  ] },
  { id: 'deletion', heading: /poistaminen/, facts: [
    ['deleted when the customer demands it', /asiakkaan vaatimuksesta/],
    ['or because the relationship ended', /asiakassuhteen loppumisen vuoksi/],
  ] },
  { id: 'retention', heading: /säilytysaika/, facts: [
    ['kept only as long as the purpose needs', /ainoastaan niin kauan kuin on tarpeellista/],
    ['unneeded data is deleted regularly', /poistetaan säännöllisin väliajoin/],
    ['data becomes unneeded when a customer, business, cooperation or contract relationship ends', /asiakas-, liike-, yhteistyö- tai sopimussuhde.*päättynyt/],
    ['unless the law requires keeping it', /paitsi milloin lainsäädäntö vaatii henkilötiedot säilyttämään/],
    ['the real period: 24 months after the end', /päättymisestä on kulunut 24 kuukautta \(2 vuotta\)/],
    ['deleted automatically every night', /automaattisesti joka yö/],
  ] },
  { id: 'security', heading: /suojauksen periaatteet/, facts: [
    ["kept in Google's network", /Google:n tietoverkossa/],
    ['password protected', /salasanalla suojattu/],
    ['only key personnel can use it', /vain avainhenkilöiden käytettävissä/],
    ['how many key persons there are now', /tällä hetkellä 3 henkilöä/],
  ] },
  { id: 'objection', heading: /^Kielto-oikeus$/, facts: [
    ['the customer may forbid direct advertising and other marketing', /kieltää tietojensa käsittely suoramainontaa ja muuta markkinointia varten/],
    ['in writing, at any time during the relationship', /kirjallisesti milloin tahansa asiakassuhteen aikana/],
  ] },
  { id: 'transfers', heading: /EU:n tai Euroopan talousalueen ulkopuolelle/, facts: [
    ['no disclosures outside the EU/EEA without a separate written request by the customer', /ei tee tietojen luovutuksia EU:n tai ETA:n ulkopuolelle ilman asiakkaan toimesta tehtyä erillistä kirjallista pyyntöä/],
  ] },
  { id: 'access', heading: /tarkastusoikeus/, facts: [
    ['the person may inspect their own data', /oikeus tarkastaa rekisteriin tallennetut itseään koskevat tiedot/],
    ['and get copies', /saada niistä kopiot/],
    ['the request is made in writing', /Tarkastuspyyntö tulee tehdä kirjallisesti/],
  ] },
  { id: 'rectification', heading: /korjaaminen/, facts: [
    ['wrong, unneeded, incomplete or outdated data is corrected, deleted or completed', /oikaisee, poistaa tai täydentää.*virheellisen, tarpeettoman, puutteellisen tai vanhentuneen/],
    ['on its own initiative or when the person demands', /oma-aloitteisesti tai rekisteröidyn vaatimuksesta/],
    ['the person asks for a correction in writing', /kirjallisesti yhteyttä rekisterinpitäjään/],
  ] },
];

describe('the Finnish notice for CleanRoom states every section and fact of the original', () => {
  const html = privacyNotice(cleanRoom(), 'fi', { date: '2026-12-01' });
  test('it has the original sections in the original order, and one more (complaint)', () => {
    const ids = [...html.matchAll(/<section id="([a-z]+)"/g)].map((m) => m[1]);
    expect(ids).toEqual([...ORIGINAL.map((s) => s.id), 'complaint']);
  });
  describe.each(ORIGINAL)('section $id', ({ id, heading, facts }) => {
    test('has its heading', () => {
      const h = new RegExp(`<section id="${id}"[^>]*><h2>([^<]*)</h2>`).exec(html);
      expect(h && plain(h[1]).trim()).toMatch(heading);
    });
    test.each(facts)('states: %s', (_fact, pattern) => expect(section(html, id)).toMatch(pattern));
  });
  test('it is dated with the day given, as Finns write it', () => expect(plain(html)).toContain('Päivitetty 1.12.2026'));
});

describe('the notice follows the settings', () => {
  test('a different retention period is the one the notice states, in every language', () => {
    const s = { ...cleanRoom(), retentionMonths: 18, requestRetentionMonths: 12 };
    expect(section(privacyNotice(s, 'fi'), 'retention')).toMatch(/kulunut 18 kuukautta\..*säilytetään 12 kuukautta \(1 vuosi\)/);
    expect(section(privacyNotice(s, 'sv'), 'retention')).toMatch(/när 18 månader har gått.*i 12 månader \(1 år\)/);
    expect(section(privacyNotice(s, 'en'), 'retention')).toMatch(/when 18 months have passed.*for 12 months \(1 year\)/);
  });
  test('a retention period of zero months says deletion follows the end at once', () => {
    expect(section(privacyNotice({ ...cleanRoom(), retentionMonths: 0 }, 'fi'), 'retention')).toMatch(/seuraavana yönä/);
  });
  test('the key-personnel statement counts the people the server serves (one is singular)', () => {
    const one = { ...cleanRoom(), keyPersonnel: [{ email: 'a@cleanroom.fi', role: 'admin' as const }] };
    expect(section(privacyNotice(one, 'fi'), 'security')).toMatch(/tällä hetkellä 1 henkilö\)/);
    expect(section(privacyNotice(one, 'en'), 'security')).toMatch(/currently 1 person\)/);
    expect(section(privacyNotice(cleanRoom(), 'sv'), 'security')).toMatch(/för närvarande 3 personer\)/);
  });
  test('only the purposes and sources the settings name are listed', () => {
    const s = { ...cleanRoom(), notice: { ...cleanRoom().notice, purposes: ['customer-relationship' as const], sources: ['subject' as const] } };
    const html = privacyNotice(s, 'fi');
    expect(section(html, 'purposes')).not.toMatch(/sidosryhmä/);
    expect(section(html, 'purposes')).not.toMatch(/suoramarkkinointia lähetetään/);
    expect(section(html, 'sources')).not.toMatch(/Julkisista/);
  });
  test('regular recipients from the settings are listed with their country; none by default', () => {
    expect(section(privacyNotice(cleanRoom(), 'fi'), 'disclosures')).not.toMatch(/seuraaville vastaanottajille/);
    const s = { ...cleanRoom(), notice: { ...cleanRoom().notice, recipients: [{ name: 'Posti Oy', country: 'FI' }] } };
    expect(section(privacyNotice(s, 'fi'), 'disclosures')).toMatch(/seuraaville vastaanottajille: Posti Oy \(FI\)/);
  });
  test('the host and the controller come from the settings', () => {
    const s = { ...cleanRoom(), controller: { name: 'Testi Oy', address: 'Katu 1, 00100 Helsinki', email: 'tietosuoja@testi.fi' }, notice: { ...cleanRoom().notice, host: 'Microsoft' } };
    const html = privacyNotice(s, 'fi');
    expect(section(html, 'controller')).toMatch(/Testi Oy Katu 1, 00100 Helsinki tietosuoja@testi\.fi/);
    expect(section(html, 'security')).toMatch(/Microsoft:n tietoverkossa/);
    expect(section(html, 'access')).toMatch(/tietosuoja@testi\.fi/);
    expect(html).not.toMatch(/cleanroom/i);
  });
});

describe.each(['sv', 'en'] as const)('the %s notice', (language) => {
  const html = privacyNotice(cleanRoom(), language);
  test('has every section, each with its heading in that language and a body', () => {
    for (const s of noticeSections(cleanRoom(), language)) {
      expect(html).toContain(`<section id="${s.id}" data-section="${s.id}"><h2>${escapeHtml(NOTICE_TEXTS[language].heading[s.id])}</h2>`);
      expect(section(html, s.id).length).toBeGreaterThan(40);
    }
    expect(noticeSections(cleanRoom(), language).map((s) => s.id)).toEqual([...NOTICE_SECTIONS]);
  });
  test('declares its language and states the real period, host and controller', () => {
    expect(html).toContain(`<html lang="${language}">`);
    expect(section(html, 'retention')).toMatch(language === 'sv' ? /24 månader \(2 år\)/ : /24 months \(2 years\)/);
    expect(section(html, 'security')).toMatch(language === 'sv' ? /Googles datanät/ : /Google's network/);
    expect(section(html, 'controller')).toContain('PL 25, 33311 Tampere');
  });
  test('shares no sentence with the Finnish text (it is translated, not copied)', () => {
    const fi = new Set(plain(privacyNotice(cleanRoom(), 'fi')).split(/(?<=\.) /).filter((x) => x.length > 40));
    expect(plain(html).split(/(?<=\.) /).filter((x) => fi.has(x))).toEqual([]);
  });
});

describe('the page is self-contained and escaped', () => {
  test('no script, no external resource, no event handler', () => {
    const html = privacyNotice(cleanRoom(), 'fi');
    expect(html).toMatch(/^<!DOCTYPE html>/);
    expect(html).not.toMatch(/<script|<link|<img|<iframe|src=|href=|\son\w+=|url\(/i);
  });
  test('markup in any setting is shown as text, never as markup', () => {
    const evil = '<script>alert(1)</script>"\'&';
    const s: Settings = {
      ...cleanRoom(),
      controller: { name: evil, address: `<img src=x onerror=alert(2)>`, email: 'a@b.fi' },
      notice: { ...cleanRoom().notice, host: '<b>x</b>', recipients: [{ name: '<i onclick=alert(3)>', country: 'FI' }] },
    };
    for (const language of ['fi', 'sv', 'en'] as const) {
      const html = privacyNotice(s, language);
      expect(html).not.toMatch(/<script>alert|<img|<b>x|<i onclick/);
      expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;&quot;&#39;&amp;');
      expect(plain(html)).toContain('<img src=x onerror=alert(2)>');
    }
  });
  test('an unknown language falls back to Finnish', () => {
    expect(privacyNotice(cleanRoom(), 'de' as never)).toContain('<html lang="fi">');
  });
});

describe('the notice settings', () => {
  test("defaults are CleanRoom's notice: four purposes, both sources, no recipients, Google", () => {
    expect(defaultSettings('a@b.fi').notice).toEqual({
      purposes: ['customer-relationship', 'rights-and-obligations', 'stakeholders', 'stakeholder-communication'],
      sources: ['subject', 'public'], recipients: [], host: 'Google',
    });
  });
  test('stored settings without the notice (an older register) get the defaults', () => {
    const s = completeSettings({ language: 'sv', retentionMonths: 12 });
    expect(s.notice.host).toBe('Google');
    expect(s.dailySummary).toBe('draft');
    expect(s.retentionMonths).toBe(12);
  });
  test('an update is refused for an unknown purpose, an empty list, a repeat, a bad country or an empty host', () => {
    const base = defaultSettings('a@b.fi').notice;
    const bad = [
      { ...base, purposes: ['sales'] }, { ...base, purposes: [] }, { ...base, sources: ['subject', 'subject'] },
      { ...base, recipients: [{ name: 'X', country: 'Finland' }] }, { ...base, host: ' ' },
    ];
    for (const notice of bad) expect(v.safeParse(SETTINGS_UPDATE, { notice }).success).toBe(false);
    expect(v.safeParse(SETTINGS_UPDATE, { notice: { ...base, recipients: [{ name: 'Posti Oy', country: 'fi' }] } }).output).toEqual({
      notice: { ...base, recipients: [{ name: 'Posti Oy', country: 'FI' }] },
    });
    expect(v.safeParse(SETTINGS_UPDATE, { dailySummary: 'sms' }).success).toBe(false);
  });
});
