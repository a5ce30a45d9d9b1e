/**
 * The demo world: the register's tabs with 200 synthetic Finnish people (faker's Finnish locale,
 * fixed seed so every fresh world holds the same people, dated back from the world's clock) and a
 * handful of data-subject requests waiting in the register mailbox, then the product's own set-up
 * run by the owner. Written through the emulated SpreadsheetApp itself, so the seed obeys the same
 * cell rules as the product. It lives outside src/emulator because it knows the product (its
 * schema, settings and set-up); the emulator receives it as `Emulator.open({seed})`.
 */
import { fakerFI as faker } from '@faker-js/faker';
import { Execution } from '../emulator/execution';
import { Guest } from '../emulator/guest';
import { createGlobals } from '../emulator/services';
import type { World } from '../emulator/world';
import type { DmarcOutcome } from '../emulator/services/gmail/model';
import { OWNER, STAFF } from '../emulator/accounts';
import { Emulator, EmulatorOptions } from '../emulator/app';
import { defaultSettings } from '../core/settings';
import { searchKeyOf } from '../core/search';
import { SETTINGS_KEY } from '../gas/settings';
import { TABS, REGISTER_TAB, headerRow, TabSpec } from '../core/schema';
import { encodeCell } from '../gas/cells';

export const SEED_CUSTOMERS = 200;

/** An execution on the emulator's side (host realm), unmetered in the world's stats. */
function internalExecution(world: World): Execution {
  return new Execution(
    world,
    { kind: 'run', activeUser: world.owner, effectiveUser: world.owner, actingUser: world.owner, authMode: 'FULL' },
    new Guest({ Array, Object, Date, Error, TypeError }),
    () => {
      throw new Error('no script context in an internal execution');
    },
    Number.POSITIVE_INFINITY,
  );
}

const pad = (n: number, w: number) => String(n).padStart(w, '0');
const isoDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);

function ascii(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '.')
    .replace(/^\.|\.$/g, '');
}

/** One synthetic register row keyed by column key. */
function person(i: number, now: number): Record<string, string | number> {
  const business = i % 7 === 0;
  const first = faker.person.firstName();
  const last = faker.person.lastName();
  // faker's company names follow English patterns ("X and Sons"); Finnish firms end in Oy, Ky, Tmi.
  const company = business ? `${faker.person.lastName()} ${faker.helpers.arrayElement(['Oy', 'Ky', 'Tmi', 'Oy Ab', 'Osuuskunta'])}` : '';
  const domain = business ? `${ascii(last)}.fi` : faker.helpers.arrayElement(['gmail.com', 'outlook.com', 'elisanet.fi', 'kolumbus.fi', 'hotmail.com']);
  const startMs = now - faker.number.int({ min: 30, max: 3000 }) * 86_400_000;
  const ended = i % 9 === 0;
  const endMs = ended ? startMs + faker.number.int({ min: 30, max: 900 }) * 86_400_000 : 0;
  const basis = business ? 'business' : faker.helpers.arrayElement(['consent', 'existing-customer', 'none', 'none']);
  const banned = i % 23 === 0;
  const instant = new Date(startMs).toISOString();
  return {
    customerNumber: String(100000 + i),
    kind: i % 11 === 0 ? 'stakeholder' : 'customer',
    customerType: business ? 'business' : 'person',
    name: business ? `${first} ${last} (${company})` : `${first} ${last}`,
    email: `${ascii(first)}.${ascii(last)}${i % 5 === 0 ? i : ''}@${domain}`,
    phone: `+358${faker.helpers.arrayElement(['40', '41', '44', '45', '50'])}${pad(faker.number.int({ min: 0, max: 9_999_999 }), 7)}`,
    street: `${faker.location.street()} ${faker.number.int({ min: 1, max: 60 })}`,
    postalCode: pad(faker.number.int({ min: 0, max: 99_999 }), 5),
    city: faker.location.city(),
    country: 'FI',
    source: i % 6 === 0 ? 'public' : 'subject',
    sourceNote: i % 6 === 0 ? 'YTJ / yritystietojärjestelmä' : '',
    marketingBasis: basis,
    marketingConsentAt: basis === 'consent' ? instant : '',
    marketingBannedAt: banned ? new Date(startMs + 86_400_000).toISOString() : '',
    relationshipStart: isoDate(startMs),
    relationshipEnd: ended ? isoDate(Math.min(endMs, now - 86_400_000)) : '',
    legalHoldUntil: '',
    legalHoldReason: '',
    restrictedAt: '',
    outsideEeaTransferRequest: '',
    createdAt: instant,
    createdBy: OWNER,
    updatedAt: instant,
    updatedBy: OWNER,
    version: 1,
  };
}

/** Demo requests in the register mailbox, one per language and a few types. */
export const DEMO_MAIL: { from: string; subject: string; body: string; dmarc?: DmarcOutcome; authenticationResults?: string }[] = [
  {
    from: 'maija.meikalainen@gmail.com',
    subject: 'Tietopyyntö',
    body: 'Hei,\n\npyydän saada jäljennöksen kaikista minua koskevista tiedoistanne (EU:n tietosuoja-asetuksen 15 artikla).\n\nYstävällisin terveisin\nMaija Meikäläinen',
    dmarc: 'pass',
  },
  {
    from: 'erik.andersson@outlook.com',
    subject: 'Förbud mot direktmarknadsföring',
    body: 'Hej,\n\njag förbjuder er att använda mina uppgifter för direktmarknadsföring.\n\nMed vänliga hälsningar\nErik Andersson',
  },
  {
    from: 'john.smith@example.org',
    subject: 'Please delete my data',
    body: 'Hello,\n\nI no longer use your services. Please erase all personal data you hold about me (GDPR Article 17).\n\nRegards,\nJohn Smith',
    // Gmail's own verdict on top: the sender's domain failed SPF and DMARC.
    authenticationResults: 'mx.google.com; spf=fail smtp.mailfrom=example.org; dmarc=fail (p=NONE) header.from=example.org',
  },
  {
    from: 'pekka.virtanen@elisanet.fi',
    subject: 'Osoitteenmuutos / asiakasnumero 100042',
    body: 'Hei, osoitteeni on muuttunut. Uusi osoite: Hämeenkatu 10 A 5, 33100 Tampere. Korjatkaa tiedot rekisteriin.',
  },
  {
    from: 'uutiskirje.lopetus@gmail.com',
    subject: 'Peru uutiskirje',
    body: 'En halua enää uutiskirjettä, poistakaa minut postituslistalta.',
  },
];

/** Fills a new world with the register's tabs, demo customers and demo mail. */
export function seedWorld(world: World, customers = SEED_CUSTOMERS): void {
  faker.seed(20261125);
  const exec = internalExecution(world);
  const g = createGlobals(exec) as { SpreadsheetApp: GoogleAppsScript.Spreadsheet.SpreadsheetApp };
  const ss = g.SpreadsheetApp.getActiveSpreadsheet();
  const writeTab = (tab: TabSpec, rows: unknown[][]) => {
    const header = headerRow(tab, 'fi');
    const sheet = ss.getSheetByName(tab.name.fi) ?? ss.insertSheet(tab.name.fi);
    const needRows = rows.length + 1;
    if (sheet.getMaxRows() < needRows) sheet.insertRowsAfter(sheet.getMaxRows(), needRows - sheet.getMaxRows());
    if (sheet.getMaxColumns() < header.length) sheet.insertColumnsAfter(sheet.getMaxColumns(), header.length - sheet.getMaxColumns());
    // Plain-text format before any value is written, so codes keep their leading zeros.
    tab.columns.forEach((col, i) => {
      if (col.text) sheet.getRange(1, i + 1, sheet.getMaxRows(), 1).setNumberFormat('@');
    });
    sheet.getRange(1, 1, 1, header.length).setValues([header]);
    if (rows.length) sheet.getRange(2, 1, rows.length, header.length).setValues(rows);
    sheet.setFrozenRows(1);
    // As set-up makes it (gas/setup.ts trimLog): the log tab keeps only its own columns.
    if (tab.key === 'audit' && sheet.getMaxColumns() > header.length) sheet.deleteColumns(header.length + 1, sheet.getMaxColumns() - header.length);
  };
  const now = world.now;
  // As the register writes them: words in Finnish, real dates in the register's time zone.
  const display = { language: 'fi' as const, timeZone: defaultSettings(world.owner).timeZone };
  const registerRows: unknown[][] = [];
  for (let i = 1; i <= customers; i++) {
    const p = person(i, now);
    p.searchKey = searchKeyOf(p as { customerNumber: string; name: string; email: string; phone: string });
    registerRows.push(REGISTER_TAB.columns.map((c) => encodeCell('register', c.key, p[c.key] ?? '', display)));
  }
  for (const tab of TABS) writeTab(tab, tab === REGISTER_TAB ? registerRows : []);
  const first = ss.getSheetByName('Sheet1');
  if (first && ss.getSheets().length > 1) ss.deleteSheet(first);
  exec.finish();
  // The default world as set-up leaves it: the owner is the first admin, staff@ is key personnel.
  const settings = defaultSettings(world.owner);
  settings.keyPersonnel.push({ email: STAFF, role: 'staff' });
  world.properties.document[SETTINGS_KEY] = JSON.stringify(settings);
  world.properties.document['rekisteri.nextCustomerNumber'] = String(100001 + customers);
  for (const mail of DEMO_MAIL) world.mail.deliver({ ...mail, to: world.owner, date: now - 3_600_000 });
}

/**
 * The demo seeder for `Emulator.open({seed})`: the data above, then the owner runs the product's
 * own set-up, as on a real sheet (formats, protections, the on-edit trigger). Its statistics are
 * not the user's.
 */
export function seedDemo(emulator: Emulator, customers = SEED_CUSTOMERS): void {
  const world = emulator.world;
  seedWorld(world, customers);
  if (emulator.runtime.entryPoints.has('setUp')) {
    const report = emulator.runtime.execute('setUp', [{}], { kind: 'menu', user: world.owner });
    if (!report.ok) console.warn(`Emulator: set-up of the demo world failed: ${report.error?.message}`);
  }
  world.stats.reset();
}

/** `Emulator.open` over the demo world: what `npm start` and the tests that need 200 customers open. */
export function openDemo(options: Omit<EmulatorOptions, 'seed'>, customers = SEED_CUSTOMERS): Emulator {
  return Emulator.open({ ...options, seed: (emulator) => seedDemo(emulator, customers) });
}
