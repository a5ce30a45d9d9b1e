import { REQUEST_LANGUAGES, REQUEST_TYPES } from '../../../src/core/requests/model';
import { classify, cleanLetter, findCustomerNumbers, stripMarkup, summarise, SUMMARY_MAX } from '../../../src/core/requests/classify';
import { CORPUS as MAIN } from './corpus';
import { HELD_OUT } from './heldout';
import { HELD_OUT_2 } from './heldout2';
import { HELD_OUT_DEV } from './heldout-dev';
import { HELD_OUT_3 } from './heldout3';
import { PRECISION } from './precision';

const CORPUS = [...MAIN, ...HELD_OUT, ...HELD_OUT_2, ...HELD_OUT_DEV, ...HELD_OUT_3, ...PRECISION];

const results = CORPUS.map((letter) => ({ letter, got: classify(letter.subject, letter.body) }));
const sameRights = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((r) => b.includes(r));

describe('classifying the corpus', () => {
  test('the corpus has at least 80 letters, every type and language, and hard cases', () => {
    expect(MAIN.length).toBeGreaterThanOrEqual(80);
    expect(new Set(CORPUS.map((l) => l.id)).size).toBe(CORPUS.length);
    for (const t of REQUEST_TYPES) expect(MAIN.filter((l) => l.type === t).length).toBeGreaterThanOrEqual(5);
    for (const l of REQUEST_LANGUAGES) expect(MAIN.filter((x) => x.language === l).length).toBeGreaterThanOrEqual(25);
    expect(CORPUS.filter((l) => l.hard).length).toBeGreaterThanOrEqual(25);
  });

  test('accuracy per type and per language (printed), at least 90% primary type, 100% language', () => {
    const row = (name: string, rs: typeof results) => {
      const type = rs.filter((r) => r.got.type === r.letter.type).length;
      const rights = rs.filter((r) => sameRights(r.got.rights, r.letter.rights)).length;
      const lang = rs.filter((r) => r.got.language === r.letter.language).length;
      const pct = (n: number) => `${((100 * n) / rs.length).toFixed(0)}%`.padStart(5);
      return `${name.padEnd(14)} ${String(rs.length).padStart(3)}  type ${pct(type)}  rights ${pct(rights)}  language ${pct(lang)}`;
    };
    const lines = [
      ...REQUEST_TYPES.map((t) => row(t, results.filter((r) => r.letter.type === t))),
      ...REQUEST_LANGUAGES.map((l) => row(`language ${l}`, results.filter((r) => r.letter.language === l))),
      row('hard cases', results.filter((r) => r.letter.hard)),
      row('held-out set', results.filter((r) => r.letter.id.startsWith('h-'))),
      row('held-out 2', results.filter((r) => r.letter.id.startsWith('h2-'))),
      row('held-out 3', results.filter((r) => r.letter.id.startsWith('h3-'))),
      row('dev set', results.filter((r) => /^d\d*-/.test(r.letter.id))),
      row('no right asked', results.filter((r) => r.letter.id.startsWith('p-'))),
      row('all', results),
    ];
    const misses = results.filter((r) => r.got.type !== r.letter.type || !sameRights(r.got.rights, r.letter.rights) || r.got.language !== r.letter.language)
      .map((r) => `  ${r.letter.id}: expected ${r.letter.type} [${r.letter.rights}] ${r.letter.language}, got ${r.got.type} [${r.got.rights}] ${r.got.language}`);
    // eslint-disable-next-line no-console
    console.log(`Request classifier on the corpus:\n${lines.join('\n')}${misses.length ? `\nmisses:\n${misses.join('\n')}` : ''}`);
    expect(results.filter((r) => r.got.type === r.letter.type).length / results.length).toBeGreaterThanOrEqual(0.9);
    expect(results.filter((r) => sameRights(r.got.rights, r.letter.rights)).length / results.length).toBeGreaterThanOrEqual(0.85);
    expect(results.filter((r) => r.got.language !== r.letter.language).map((r) => r.letter.id)).toEqual([]);
  });

  test.each(CORPUS.filter((l) => l.hard).map((l) => [l.id, l.hard!, l] as const))('hard case %s (%s) is classified exactly', (_id, _why, letter) => {
    const got = classify(letter.subject, letter.body);
    expect({ type: got.type, rights: [...got.rights].sort(), language: got.language }).toEqual({ type: letter.type, rights: [...letter.rights].sort(), language: letter.language });
  });

  test('customer numbers and phones mentioned are found (phones in E.164), in the signature too', () => {
    // The third held-out set is labelled for the rights only (its writer listed no numbers).
    for (const { letter, got } of results.filter((r) => !r.letter.id.startsWith('h3-'))) {
      expect([letter.id, got.customerNumbers]).toEqual([letter.id, letter.customerNumbers ?? []]);
      expect([letter.id, got.phones]).toEqual([letter.id, letter.phones ?? []]);
    }
  });

  test('every summary is plain text of at most 200 characters and never the whole of a longer letter', () => {
    for (const { letter, got } of results) {
      expect(got.summary.length).toBeLessThanOrEqual(SUMMARY_MAX);
      expect(got.summary).not.toMatch(/<[a-z/]|&nbsp;|\n/i);
      if (letter.body.length > SUMMARY_MAX) expect(got.summary).not.toBe(letter.body);
    }
  });
});

describe('reading a letter', () => {
  test("the issue's negation: 'en halua poistaa tietojani, päivittäkää osoite' is rectification, not erasure", () => {
    expect(classify('', 'en halua poistaa tietojani, päivittäkää osoite')).toMatchObject({ type: 'rectification', rights: ['rectification'], language: 'fi' });
  });

  test('several rights at once: the primary is the first demanded, every right is listed', () => {
    expect(classify('', 'Delete my data, and I object to marketing; meanwhile restrict processing.').rights).toEqual(['erasure', 'objection', 'restriction']);
  });

  test('a letter that asks for nothing is other', () => {
    expect(classify('Kiitos', 'Kiitos nopeasta palvelusta!')).toMatchObject({ type: 'other', rights: ['other'], evidence: [] });
  });

  test('articles cited are read, article 12 (time limits) is not a right', () => {
    const got = classify('Request', 'Under Art. 15 and 20 GDPR, and Art. 12(3), send me my data.');
    expect(got.articles).toEqual([15, 20]);
    expect(got.rights).toEqual(['access', 'portability']);
    expect(classify('', 'Vaadin artikla 17 mukaisesti.').rights).toEqual(['erasure']);
    expect(classify('', 'Jag hänvisar till artikel 21.').rights).toEqual(['objection']);
  });

  test("a reply's subject (the controller's newsletter title) asks for nothing", () => {
    expect(classify('Re: Unsubscribe from our offers', 'Where did you get my address?').rights).toEqual(['access']);
  });

  test('quoted replies are dropped: "> …" lines and the "On … wrote:" block, wrapped over two lines too', () => {
    const c = cleanLetter('Delete my data.\n\nOn Tue, 3 Mar 2026 at 10:12, CleanRoom CSI <\nnews@cleanroom.fi> wrote:\nTo unsubscribe click here\n> old text');
    expect(c.text).toBe('Delete my data.');
    expect(cleanLetter('Please delete my data\nOn Tue, 3 Mar 2026, News <n@x.fi> wrote:\n> hi').text).toBe('Please delete my data');
    expect(cleanLetter('Poistakaa tietoni\nti 3.3.2026 klo 10.12 Uutiset <\nu@x.fi> kirjoitti:\n> hei').text).toBe('Poistakaa tietoni');
    expect(cleanLetter('Poistakaa.\n> Lainaus\nLisää tekstiä').text).toBe('Poistakaa.\nLisää tekstiä');
    expect(cleanLetter('Radera.\n\n-----Original Message-----\nFrom: x').text).toBe('Radera.');
    expect(cleanLetter('Radera.\n\nFrån: CleanRoom <a@b.fi>\nSkickat: den 2 mars\nÄmne: x\n\nAvregistrera').text).toBe('Radera.');
  });

  test('a forward keeps the forwarded letter without its headers and names its sender', () => {
    const c = cleanLetter('FYI\n\n---------- Forwarded message ---------\nFrom: Tom Baker <Tom.B@example.com>\nDate: Mon\nSubject: x\n\nPlease erase my data.');
    expect(c).toEqual({ text: 'FYI\nPlease erase my data.', signature: '', forwardedFrom: 'tom.b@example.com' });
  });

  test('signatures are set apart but still read for numbers', () => {
    const got = classify('Osoite', 'Päivittäkää osoitteeni.\n\nTerveisin\nMatti, asiakasnumero 100042, 040 123 4567\nTilaa uutiskirjeemme!');
    expect(got).toMatchObject({ rights: ['rectification'], customerNumbers: ['100042'], phones: ['+358401234567'] });
  });

  test('a closing word that starts a sentence is no signature, and "as I wrote:" is no quote', () => {
    expect(classify('', 'Hej\nVänligen radera mina uppgifter.').rights).toEqual(['erasure']);
    expect(classify('', 'Best way to reach me is email.\nPlease delete my data.').rights).toEqual(['erasure']);
    expect(cleanLetter('Kind regards,\nAmy Lee\nDelete it').text).toBe('');
    expect(cleanLetter('As I wrote:\nPlease erase my data.').text).toBe('As I wrote:\nPlease erase my data.');
  });

  test('markup left in a body is stripped: tags, style blocks, entities', () => {
    expect(stripMarkup('<p>Hei&nbsp;&auml;iti</p><style>p{x:1}</style><br>&#228;&#x41;').trim()).toBe('Hei äiti\n \näA');
    expect(stripMarkup('no markup < here')).toBe('no markup < here');
  });

  test('customer numbers follow the settings, skip identity codes and phone numbers', () => {
    expect(findCustomerNumbers('Numero 100042, hetu 010190-123A, puh 040 1234567, postinumero 33100, 1000421')).toEqual(['100042']);
    expect(findCustomerNumbers('kundnummer c-0042 och C-0043', 'C-', 4)).toEqual(['C-0042', 'C-0043']);
    expect(findCustomerNumbers('summa 100,50 € ja 2016/679 ja 123456.78')).toEqual([]);
  });

  test('a summary redacts identity codes and long digit runs, and stays within 200 characters', () => {
    expect(summarise('Pyyntö', 'Hei,\nhetuni on 010190-123A ja tilini FI21 1234 5600 0007 85.')).toBe('Pyyntö — hetuni on […] ja tilini […].');
    const long = summarise('Re: x', 'word '.repeat(100));
    expect(long.length).toBeLessThanOrEqual(200);
    expect(long.endsWith('…')).toBe(true);
  });

  test('an explicit wish for the answer language wins', () => {
    expect(classify('', 'Haluan tarkastaa tietoni. Vastatkaa englanniksi.').language).toBe('en');
    expect(classify('', 'I want to see my data, svara på svenska tack').language).toBe('sv');
    expect(classify('', '').language).toBe('fi');
    expect(classify('', '', { fallbackLanguage: 'sv' }).language).toBe('sv');
  });
});

describe('reading wording not seen: verb families with their objects', () => {
  const type = (subject: string, body: string) => classify(subject, body).type;
  const rights = (body: string) => classify('', body).rights;

  test('a verb family counts with a personal-data object near it, not with a thing: "pyyhkikää tietoni" is erasure, "pyyhkikää pöydät" other', () => {
    expect(rights('Voisitteko pyyhkiä kaikki minun tiedot pois?')).toEqual(['erasure']);
    expect(rights('Rensa bort allt som gäller mig.')).toEqual(['erasure']);
    expect(rights('I want my account closed and my data gone.')).toEqual(['erasure']);
    expect(rights('Voisitteko pyyhkiä pöydät ja ikkunalaudat?')).toEqual(['other']);
    expect(rights('Please remove the old curtains before cleaning the windows.')).toEqual(['other']);
  });

  test('a negation before a family verb cancels it, across the comma of a that-clause ("En halua, että tietoni poistetaan")', () => {
    expect(rights('En halua, että tietoni poistetaan.')).toEqual(['other']);
    expect(rights('Jag vill inte att ni rensar mina uppgifter.')).toEqual(['other']);
  });

  test('a verb whose own object is a thing is about that thing: "update the invoice with our new address" asks nothing', () => {
    expect(rights('Could you update the invoice with our new company address?')).toEqual(['other']);
    expect(rights('Could you update my address on the invoice?')).toEqual(['rectification']);
  });

  test('data no longer to be kept is erasure: "none of my details are kept", "ettei tietojani säilytetä"', () => {
    expect(rights('Please make sure none of my details are kept on your system.')).toEqual(['erasure']);
    expect(rights('Pyydän, ettei tietojani enää säilytetä.')).toEqual(['erasure']);
  });

  test('a new value to use from now on is rectification: "please use anna@example.com from now on"', () => {
    expect(rights('The email you have for me is my old work one. Please use anna.k@example.com from now on.')).toEqual(['rectification']);
    expect(rights('Mun numero vaihtui, uusi on 044 555 6677.')).toEqual(['rectification']);
  });

  test('a statement asked as a question states nothing, nor does one in a letter that says nothing needs doing', () => {
    expect(rights('Vårt kontor flyttar i maj. Vill ni ha den nya adressen redan nu?')).toEqual(['other']);
    expect(rights('Laskuun on merkitty väärä osoite, mutta se meni perille. Ei tarvitse tehdä mitään.')).toEqual(['other']);
  });

  test("a subject's statement counts only when the body gives the new value", () => {
    expect(type('Uusi osoite', 'Kalevantie 4 B, 33100 Tampere')).toBe('rectification');
    expect(type('Ny adress till kontoret', 'Vårt kontor flyttar i maj. Vill ni ha adressen redan nu för planeringen?')).toBe('other');
  });

  test('the marketing ban by a stop or a refusal with the ads in its sentence or the one before ("Lopettakaa ne", "Det vill jag inte")', () => {
    expect(rights('Teiltä tulee jatkuvasti tarjousviestejä puhelimeen. Lopettakaa ne, kiitos.')).toEqual(['objection']);
    expect(rights('Jag får hela tiden mejl med erbjudanden från er. Det vill jag inte.')).toEqual(['objection']);
    expect(rights('This is the fifth promotional email this month. I have had enough, please stop.')).toEqual(['objection']);
    expect(rights('I do not consent to my data being used for marketing.')).toEqual(['objection']);
    expect(rights('Please stop the weekly cleaning from June.')).toEqual(['other']);
  });

  test('consent withdrawn is the ban, and its permission word gives no consent: "Perun antamani luvan markkinointiin"', () => {
    expect(rights('Perun antamani luvan markkinointiin.')).toEqual(['objection']);
    expect(rights('Jag tar tillbaka mitt samtycke till att få era erbjudanden via sms.')).toEqual(['objection']);
  });

  test('consent given by a permission, a disclosure and a data word in one sentence; a permission about a key is none', () => {
    expect(rights('Ni får gärna lämna mitt telefonnummer till fastighetsskötaren.')).toEqual(['consent']);
    expect(rights('You are welcome to share my phone number with my insurance company.')).toEqual(['consent']);
    expect(rights('Voitte antaa avaimen naapurilleni, jos en ole kotona.')).toEqual(['other']);
  });

  test('restriction by a restricting verb, or by a negated use for a time ("Använd inte mina uppgifter … innan tvisten är löst")', () => {
    expect(rights('Keskeyttäkää tietojeni käsittely siihen saakka, kun asia on käsitelty.')).toEqual(['restriction']);
    expect(rights('Använd inte mina uppgifter för inkasso innan tvisten är löst.')).toEqual(['restriction']);
    expect(rights('Please pause the cleaning during July.')).toEqual(['other']);
  });

  test('portability by another provider or a file format with the data; access gives way to it in the same sentence', () => {
    expect(rights('Vaihdan siivousfirmaa. Voisitteko toimittaa asiakastietoni suoraan uudelle palveluntarjoajalleni sähköisessä muodossa?')).toEqual(['portability']);
    expect(rights('I want a copy of the data I provided to you in a format I can upload to another cleaning service.')).toEqual(['portability']);
  });

  test('access by a seeing verb or a question about what is held about me; not what the company needs, nor its prices', () => {
    expect(rights('Pyydän saada nähtäväkseni kaikki minua koskevat merkinnät.')).toEqual(['access']);
    expect(rights('Keräättekö minusta jotain tietoja?')).toEqual(['access']);
    expect(rights('What information do you need from me to book a cleaning?')).toEqual(['other']);
    expect(rights('Lähettäkää minulle kaikki tiedot hinnoistanne ja palveluistanne.')).toEqual(['other']);
    expect(rights('Please get rid of all the information you have about me.')).toEqual(['erasure']);
  });
});
