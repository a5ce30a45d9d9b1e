/**
 * `privacyNotice` through the built bundle in the emulator: key personnel get the notice made
 * from the register's own settings (a change an admin saves is in the next notice), in the
 * language asked; anyone else is refused and gets nothing; the call reads the settings once and
 * writes nothing.
 */
import { OWNER, OUTSIDER, STAFF } from '../../src/emulator/accounts';
import { call, demo, failure } from '../support/register';

type Notice = { html: string; fileName: string; language: string };

test('staff get the Finnish notice with the register controller and periods, for one properties read and no write', () => {
  const em = demo(20);
  const before = JSON.stringify(em.world.spreadsheet.toJSON()) + JSON.stringify(em.world.properties);
  const report = em.callFromClient('privacyNotice', [{}], STAFF);
  expect(report.ok).toBe(true);
  const notice = report.result as Notice;
  expect(notice.language).toBe('fi');
  expect(notice.fileName).toBe('tietosuojaseloste.html');
  expect(notice.html).toContain('<html lang="fi">');
  expect(notice.html).toContain('Calion Service Innovations Oy / CleanRoom CSI');
  expect(notice.html).toMatch(/päättymisestä on kulunut 24 kuukautta/);
  expect(notice.html).toMatch(/Päivitetty \d{1,2}\.\d{1,2}\.\d{4}/);
  // Only the context's reads: the document properties (settings, state), the user; nothing of the sheet.
  expect(Object.keys(report.byMethod).filter((m) => /^(Spreadsheet|Sheet|Range|Gmail|Drive)/.test(m))).toEqual([]);
  expect(report.byMethod['Properties.getProperties'].calls).toBe(1);
  expect(report.calls).toBe(1);
  expect(JSON.stringify(em.world.spreadsheet.toJSON()) + JSON.stringify(em.world.properties)).toBe(before);
});

test('the notice follows what an admin saves: the retention period, the recipients and the number of key personnel', () => {
  const em = demo(20);
  const { settings } = call<{ settings: { keyPersonnel: { email: string; role: string }[] } }>(em, 'getSettings', undefined, OWNER);
  call(em, 'saveSettings', {
    settings: {
      retentionMonths: 36,
      keyPersonnel: [...settings.keyPersonnel, { email: 'uusi@cleanroom.fi', role: 'staff' }],
      notice: { purposes: ['customer-relationship'], sources: ['subject'], recipients: [{ name: 'Posti Oy', country: 'FI' }], host: 'Google' },
    },
  }, OWNER);
  const { html } = call<Notice>(em, 'privacyNotice', { language: 'en' });
  expect(html).toContain('<html lang="en">');
  expect(html).toMatch(/when 36 months \(3 years\) have passed/);
  expect(html).toMatch(/currently \d+ people/);
  expect(html).toContain(`currently ${settings.keyPersonnel.length + 1} people`);
  expect(html).toContain('Posti Oy (FI)');
  expect(html).not.toMatch(/public or generally available/i);
});

test('Swedish on request, with its own file name', () => {
  const em = demo(20);
  const notice = call<Notice>(em, 'privacyNotice', { language: 'sv' });
  expect(notice.fileName).toBe('dataskyddsbeskrivning.html');
  expect(notice.html).toContain('Dataskyddsbeskrivning');
});

test('an unknown language or a wrong shape is refused with the reload message, nothing returned', () => {
  const em = demo(20);
  for (const arg of [{ language: 'de' }, { language: ['fi'] }, 'fi']) {
    expect(failure(em, 'privacyNotice', arg)).toMatch(/Lataa|päivitä|uudelleen/i);
  }
});

test('someone who is not key personnel is refused and gets no notice', () => {
  const em = demo(20);
  const report = em.callFromClient('privacyNotice', [{}], OUTSIDER);
  expect(report.ok).toBe(false);
  expect(report.error!.message).toMatch(/ei ole oikeutta/);
  expect(JSON.stringify(report)).not.toMatch(/Tietosuojaseloste|Calion/);
});
