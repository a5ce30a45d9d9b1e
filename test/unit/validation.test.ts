import * as v from 'valibot';
import { defaultSettings, roleOf, SETTINGS_UPDATE } from '../../src/core/settings';
import {
  validateEmail,
  emailDisplay,
  emailKey,
  emailForms,
  validatePhone,
  validatePostalCode,
  validateText,
  validateDate,
  validateInstant,
  validateCountry,
  normaliseForSearch,
  normalisePhoneForSearch,
  phoneSearchForms,
  ISO_COUNTRIES,
  EU_EEA_COUNTRIES,
  isInsideEuEea,
  type Check,
} from '../../src/core/validation';

const value = (c: Check<string>) => (c.ok ? c.value : `ERROR:${c.error.code}`);
const code = (c: Check<string>) => (c.ok ? 'ok' : c.error.code);

describe('email', () => {
  test('an email is trimmed and its domain lower-cased, the local part kept as typed', () => {
    expect(value(validateEmail('  Matti.Meikalainen@Example.FI '))).toBe('Matti.Meikalainen@example.fi');
  });
  test('an email needs exactly one @', () => {
    expect(code(validateEmail('matti.example.fi'))).toBe('email-at');
    expect(code(validateEmail('a@b@example.fi'))).toBe('email-at');
    expect(code(validateEmail('@example.fi'))).toBe('email-at');
  });
  test('a Cyrillic homoglyph domain is refused', () => {
    const c = validateEmail('matti@ex\u0430mple.com');
    expect(code(c)).toBe('email-domain-homoglyph');
    if (!c.ok) expect(c.error.message.en).toMatch(/another alphabet/);
  });
  test('a Greek omicron in a domain is refused as a lookalike', () => {
    expect(code(validateEmail('a@g\u03bf\u03bfgle.com'))).toBe('email-domain-homoglyph');
  });
  test('an internationalised domain is taken and kept as typed (NFC, lower-cased); its xn-- form is taken too', () => {
    expect(value(validateEmail('anna@hyvä.fi'))).toBe('anna@hyvä.fi');
    expect(value(validateEmail('Kalle@Åland.AX'))).toBe('Kalle@åland.ax');
    expect(value(validateEmail('a@pa\u0308a\u0308kko\u0308nen.fi'))).toBe('a@pääkkönen.fi');
    expect(value(validateEmail('a@xn--pkknen-buab2c.fi'))).toBe('a@xn--pkknen-buab2c.fi');
  });
  test('emailDisplay shows an xn-- domain in its Unicode form and leaves anything else as it is', () => {
    expect(emailDisplay('anna@xn--hyv-sla.fi')).toBe('anna@hyvä.fi');
    expect(emailDisplay('Anna@XN--HYV-SLA.fi')).toBe('Anna@hyvä.fi');
    expect(emailDisplay('anna@hyvä.fi')).toBe('anna@hyvä.fi');
    expect(emailDisplay('anna@example.fi')).toBe('anna@example.fi');
    // Not a valid encoding: shown as it is, never a broken decode.
    expect(emailDisplay('anna@xn--.fi')).toBe('anna@xn--.fi');
    expect(emailDisplay('no-at-sign')).toBe('no-at-sign');
    // A label with a Cyrillic а (xn--pple-43d is "аpple") would look like another domain: it stays xn--.
    expect(emailDisplay('anna@xn--pple-43d.com')).toBe('anna@xn--pple-43d.com');
    expect(emailDisplay('kalle@xn--land-poa.ax')).toBe('kalle@åland.ax');
    // IPA's ɑ and the dotless ı pass for a and i: they stay xn-- too.
    for (const look of ['ɑpple.com', 'paypaı.com']) {
      const ascii = emailKey(`x@${look}`);
      expect(emailDisplay(ascii)).toBe(ascii);
    }
  });

  test('emailKey is one form for both: mail from the xn-- form is the stored Unicode address', () => {
    expect(emailKey('anna@hyvä.fi')).toBe('anna@xn--hyv-sla.fi');
    expect(emailKey('Anna@XN--HYV-SLA.FI')).toBe('anna@xn--hyv-sla.fi');
    expect(emailKey('kalle@åland.ax')).toBe(emailKey('kalle@xn--land-poa.ax'));
    expect(emailKey('matti@example.fi')).toBe('matti@example.fi');
    expect(emailForms('anna@hyvä.fi')).toEqual(['anna@hyvä.fi', 'anna@xn--hyv-sla.fi']);
    expect(emailForms('matti@example.fi')).toEqual(['matti@example.fi']);
    expect(emailForms('Anna@xn--hyv-sla.fi')).toEqual(['Anna@xn--hyv-sla.fi', 'Anna@hyvä.fi']);
  });
  test('a Unicode label whose ASCII form is over 63 characters is refused; the total counts the ASCII form', () => {
    const label = `${'a'.repeat(58)}ä`; // 59 typed, 66 in its xn-- form
    const r = validateEmail(`a@${label}.fi`);
    expect(code(r)).toBe('email-domain');
    if (!r.ok) expect(r.error.key).toBe('errEmailDomainLabelLong');
    expect(code(validateEmail(`a@${'a'.repeat(55)}ä.fi`))).toBe('ok');
    const long = `${`${'a'.repeat(45)}ä.`.repeat(5)}fi`; // 237 typed, 272 in ASCII form
    const t = validateEmail(`a@${long}`);
    expect(code(t)).toBe('email-too-long');
  });
  test('a domain fault is named as it is, with only what is wrong', () => {
    const key = (raw: string) => { const r = validateEmail(raw); return r.ok ? 'ok' : r.error.key; };
    expect(key('a@hyvä')).toBe('errEmailDomainNoDot');
    expect(key('a@hyvä..fi')).toBe('errEmailDomainEmptyLabel');
    expect(key('a@-hyvä.fi')).toBe('errEmailDomainHyphen');
    expect(key('a@hy_vä.fi')).toBe('errEmailDomainChar');
    expect(key('a@example.f1')).toBe('errEmailDomainTld');
    expect(key('a@xn--zz-.fi')).toBe('errEmailDomainHyphen');
    expect(key('a@xn--99999999.fi')).toBe('errEmailDomainPunycode');
    const r = validateEmail('a@hy!vä.fi');
    if (!r.ok) expect(r.error.message.fi).toContain('"!"');
  });
  test('a local part of 65 characters is refused; 64 is accepted', () => {
    expect(code(validateEmail(`${'a'.repeat(65)}@example.fi`))).toBe('email-too-long');
    expect(code(validateEmail(`${'a'.repeat(64)}@example.fi`))).toBe('ok');
  });
  test('an address over 254 characters is refused', () => {
    const domain = `${'a'.repeat(63)}.${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(63)}.fi`; // 257 characters
    expect(code(validateEmail(`x@${domain}`))).toBe('email-too-long');
  });
  test('spaces, tabs and zero-width characters inside an email are refused', () => {
    expect(code(validateEmail('matti meik@example.fi'))).toBe('email-spaces');
    expect(code(validateEmail('matti\u200b@example.fi'))).toBe('email-spaces');
    expect(code(validateEmail('matti@exa\tmple.fi'))).toBe('email-spaces');
  });
  test('domains without a dot, with empty labels or bad hyphens are refused', () => {
    for (const bad of ['a@localhost', 'a@example..fi', 'a@-example.fi', 'a@example-.fi', 'a@[127.0.0.1]', 'a@example.f1', 'a@ab--cd.fi']) {
      expect(code(validateEmail(bad))).toBe('email-domain');
    }
  });
  test('a local part with two dots in a row or a quote is refused', () => {
    expect(code(validateEmail('a..b@example.fi'))).toBe('email-local');
    expect(code(validateEmail('"a b"@example.fi'))).not.toBe('ok');
    expect(code(validateEmail('määttä@example.fi'))).toBe('email-local');
  });
  test('an empty email is allowed (the field is optional)', () => {
    expect(value(validateEmail('   '))).toBe('');
  });
});

describe('phone', () => {
  test('0401234567 becomes +358401234567', () => {
    expect(value(validatePhone('0401234567', 'FI'))).toBe('+358401234567');
  });
  test('a mobile written with spaces and dashes becomes E.164', () => {
    expect(value(validatePhone('040-123 4567', 'FI'))).toBe('+358401234567');
    expect(value(validatePhone('+358 50 123 4567', 'FI'))).toBe('+358501234567');
  });
  test("a national number is read in the record's country", () => {
    expect(value(validatePhone('070-123 45 67', 'SE'))).toBe('+46701234567');
  });
  test('a country libphonenumber does not know falls back to Finland', () => {
    expect(value(validatePhone('0401234567', 'AQ'))).toBe('+358401234567');
  });
  test('a landline is refused: the register holds mobile numbers', () => {
    expect(code(validatePhone('09 1234 5678', 'FI'))).toBe('invalid-phone');
  });
  test('too short, too long, letters and formulas are refused', () => {
    for (const bad of ['12345', '040123456789012', '040-CALL-ME', '=0401234567', '0401234567 ext. 2']) {
      expect(code(validatePhone(bad, 'FI'))).toBe('invalid-phone');
    }
  });
});

describe('postal code', () => {
  test('postal code 00100 keeps its leading zeros', () => {
    expect(value(validatePostalCode('00100', 'FI'))).toBe('00100');
  });
  test('a Finnish postal code must be exactly five digits', () => {
    for (const bad of ['100', '001000', '00 100', 'FI-00100']) expect(code(validatePostalCode(bad, 'FI'))).toBe('invalid-postal-code');
  });
  test('a Swedish postal code is normalised to NNN NN', () => {
    expect(value(validatePostalCode('11122', 'SE'))).toBe('111 22');
    expect(value(validatePostalCode('111 22', 'SE'))).toBe('111 22');
    expect(code(validatePostalCode('1112', 'SE'))).toBe('invalid-postal-code');
  });
  test('other countries take 2–10 letters, digits, spaces and hyphens, upper-cased', () => {
    expect(value(validatePostalCode('sw1a 1aa', 'GB'))).toBe('SW1A 1AA');
    expect(value(validatePostalCode('10115', 'DE'))).toBe('10115');
    expect(code(validatePostalCode('1', 'DE'))).toBe('invalid-postal-code');
    expect(code(validatePostalCode('12345678901', 'DE'))).toBe('invalid-postal-code');
    expect(code(validatePostalCode('=1+1', 'DE'))).toBe('invalid-postal-code');
  });
});

describe('text', () => {
  test('text is trimmed, NFC-normalised and its inner whitespace collapsed', () => {
    expect(value(validateText('  Ma\u0308tti   \u00a0Meika\u0308la\u0308inen ', 'name', { max: 200 }))).toBe('Mätti Meikäläinen');
  });
  test('a right-to-left override is refused', () => {
    expect(code(validateText('Matti\u202egpj.exe', 'name', { max: 200 }))).toBe('control-characters');
  });
  test('a line separator, DEL or C1 control is refused', () => {
    for (const bad of ['a\u2028b', 'a\u007fb', 'a\u0085b', 'a\u2066b']) expect(code(validateText(bad, 'name', { max: 200 }))).toBe('control-characters');
  });
  test('a lone surrogate is refused as a broken character', () => {
    expect(code(validateText('Matti \ud800', 'name', { max: 200 }))).toBe('broken-text');
  });
  test('the limit counts characters, not UTF-16 units', () => {
    expect(code(validateText('😀'.repeat(100), 'name', { max: 100 }))).toBe('ok');
    expect(code(validateText('😀'.repeat(101), 'name', { max: 100 }))).toBe('too-long');
  });
  test('a too-long message names the limit in every language', () => {
    const c = validateText('x'.repeat(201), 'name', { max: 200 });
    expect(c.ok).toBe(false);
    if (!c.ok) for (const m of Object.values(c.error.message)) expect(m).toContain('200');
  });
});

describe('dates and instants', () => {
  test('a date must exist in the calendar', () => {
    expect(code(validateDate('2024-02-29', 'd'))).toBe('ok');
    expect(code(validateDate('2025-02-29', 'd'))).toBe('invalid-date');
    expect(code(validateDate('1900-02-29', 'd'))).toBe('invalid-date');
    expect(code(validateDate('31.2.2025', 'd'))).toBe('invalid-date');
    expect(code(validateDate('2025-13-01', 'd'))).toBe('invalid-date');
  });
  test('an instant with an offset is normalised to UTC', () => {
    expect(value(validateInstant('2025-03-01T10:00:00+02:00', 'at'))).toBe('2025-03-01T08:00:00.000Z');
    expect(value(validateInstant('2025-03-01', 'at'))).toBe('2025-03-01');
    expect(code(validateInstant('2025-03-01T10:00:00', 'at'))).toBe('invalid-instant');
    expect(code(validateInstant('2025-03-01T25:00:00Z', 'at'))).toBe('invalid-instant');
  });
});

describe('countries', () => {
  test('country codes are ISO 3166-1 alpha-2, upper-cased', () => {
    expect(ISO_COUNTRIES.size).toBe(249);
    expect(value(validateCountry(' se '))).toBe('SE');
    expect(code(validateCountry('UK'))).toBe('invalid-country');
    expect(code(validateCountry('FIN'))).toBe('invalid-country');
  });
  test('the EU/EEA is the 27 member states and Iceland, Liechtenstein and Norway', () => {
    expect(EU_EEA_COUNTRIES.size).toBe(30);
    for (const c of EU_EEA_COUNTRIES) expect(ISO_COUNTRIES.has(c)).toBe(true);
    expect(isInsideEuEea('NO')).toBe(true);
    expect(isInsideEuEea('AX')).toBe(true);
    expect(isInsideEuEea('CH')).toBe(false);
    expect(isInsideEuEea('GB')).toBe(false);
    expect(isInsideEuEea('US')).toBe(false);
  });
});

describe('search', () => {
  test("search is case- and accent-insensitive: 'maatta' finds 'Määttä'", () => {
    expect(normaliseForSearch('Määttä')).toBe('maatta');
    expect(normaliseForSearch('  ÅNGSTRÖM  Oy ')).toBe('angstrom oy');
  });
  test("a phone query matches by digits in both international and national form", () => {
    expect(normalisePhoneForSearch('040 123-45')).toBe('04012345');
    expect(phoneSearchForms('+358401234567')).toEqual(['358401234567', '0401234567']);
  });
});

describe('internationalised addresses in the settings', () => {
  test('a key person typed as Anna@Hyvä.fi is kept in the ASCII form Google names accounts by, and found by either form', () => {
    const parsed = v.parse(SETTINGS_UPDATE, { keyPersonnel: [{ email: ' Anna@Hyvä.fi ', role: 'admin' }], controller: { name: 'Hyvä Oy', address: '', email: 'info@hyvä.fi' } });
    expect(parsed.keyPersonnel).toEqual([{ email: 'anna@xn--hyv-sla.fi', role: 'admin' }]);
    expect(parsed.controller?.email).toBe('info@hyvä.fi');
    const settings = { ...defaultSettings('owner@cleanroom.fi'), keyPersonnel: parsed.keyPersonnel! };
    expect(roleOf(settings, 'anna@hyvä.fi')).toBe('admin');
    expect(roleOf(settings, 'ANNA@xn--hyv-sla.fi')).toBe('admin');
  });
  test('a key person address that is not one is refused', () => {
    expect(v.safeParse(SETTINGS_UPDATE, { keyPersonnel: [{ email: 'anna@hyvä', role: 'staff' }] }).success).toBe(false);
    expect(v.safeParse(SETTINGS_UPDATE, { keyPersonnel: [{ email: '', role: 'staff' }] }).success).toBe(false);
  });
});
