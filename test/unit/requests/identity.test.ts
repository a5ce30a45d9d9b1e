import { bareEmail, checkAddress, singleAddress } from '../../../src/core/requests/identity';

const gmail = (verdict: string, domain = 'example.fi') =>
  `mx.google.com; dkim=${verdict} header.i=@${domain}; spf=${verdict} smtp.mailfrom=matti@${domain}; dmarc=${verdict} (p=NONE sp=NONE dis=NONE) header.from=${domain}`;
const base = { from: 'Matti Meikäläinen <Matti@Example.fi>', registeredEmail: 'matti@example.fi' };

describe('identity by address (GDPR 12(6))', () => {
  test('the registered address with a passing DMARC is verified', () => {
    expect(checkAddress({ ...base, authenticationResults: gmail('pass') })).toEqual({ verified: true, reason: 'verified' });
  });
  test('no DMARC policy (dmarc absent, spf=none) does not fail, so it is verified', () => {
    expect(checkAddress({ ...base, authenticationResults: 'mx.google.com; spf=none (google.com: example.fi does not designate permitted sender hosts) smtp.mailfrom=matti@example.fi' }).verified).toBe(true);
  });
  test('a From that lists two addresses, the registered one last, is not the registered address', () => {
    expect(checkAddress({ ...base, from: 'Evil <a@evil.example>, Matti <matti@example.fi>', authenticationResults: gmail('pass') })).toEqual({ verified: false, reason: 'not-registered-address' });
  });
  test('one address per header: quoted names and comments may hold "@" or ",", a list may not', () => {
    expect(singleAddress('Matti <matti@example.fi>')).toBe(true);
    expect(singleAddress('"Matti @ työ, Tampere" <matti@example.fi>')).toBe(true);
    expect(singleAddress('matti@example.fi (at@home)')).toBe(true);
    expect(singleAddress('Evil <a@evil.example>, Matti <matti@example.fi>')).toBe(false);
    expect(singleAddress('a@evil.example; matti@example.fi')).toBe(false);
    expect(singleAddress('')).toBe(false);
  });
  test('a failing DMARC waits for verification, whatever the sender wrote in its own headers', () => {
    expect(checkAddress({ ...base, authenticationResults: gmail('fail') })).toEqual({ verified: false, reason: 'dmarc-fail' });
  });
  test("a topmost header that is not Gmail's own, or none, vouches for nothing", () => {
    expect(checkAddress({ ...base, authenticationResults: 'evil.example; dmarc=pass header.from=example.fi' }).reason).toBe('no-gmail-authentication');
    expect(checkAddress({ ...base, authenticationResults: null }).reason).toBe('no-gmail-authentication');
  });
  test('another address, or no registered address, waits', () => {
    expect(checkAddress({ ...base, from: 'matti.m@example.fi', authenticationResults: gmail('pass') }).reason).toBe('not-registered-address');
    expect(checkAddress({ ...base, registeredEmail: '', authenticationResults: gmail('pass') }).reason).toBe('no-registered-address');
  });
  test('a DMARC verdict about another domain than the From does not count', () => {
    expect(checkAddress({ ...base, authenticationResults: gmail('pass', 'other.fi') }).reason).toBe('other-domain');
  });
  test('a From header reads as its bare, lower-cased address', () => {
    expect(bareEmail('"Meikäläinen, Matti" <Matti@Example.FI>')).toBe('matti@example.fi');
    expect(bareEmail(' anna@example.se ')).toBe('anna@example.se');
  });
  test('mail from the xn-- form of a registered Unicode domain is the registered address, and Gmail\'s header.from (ASCII) is its domain', () => {
    const ascii = `mx.google.com; dkim=pass header.i=@xn--hyv-sla.fi; dmarc=pass (p=NONE) header.from=xn--hyv-sla.fi`;
    expect(checkAddress({ from: 'Anna <anna@xn--hyv-sla.fi>', registeredEmail: 'anna@hyvä.fi', authenticationResults: ascii })).toEqual({ verified: true, reason: 'verified' });
    expect(checkAddress({ from: 'anna@hyvä.fi', registeredEmail: 'Anna@XN--HYV-SLA.FI', authenticationResults: ascii })).toEqual({ verified: true, reason: 'verified' });
    expect(bareEmail('Kalle <kalle@Åland.ax>')).toBe('kalle@xn--land-poa.ax');
  });
});
