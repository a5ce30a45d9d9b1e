/** The default emulated Google accounts (DESIGN §7): the register's owner and mailbox, a staff member, an outsider. */
import { Manifest, World } from './world';

export const OWNER = 'asiakaspalvelu@cleanroom.fi';
export const STAFF = 'staff@cleanroom.fi';
export const OUTSIDER = 'outsider@example.com';

export const DEFAULT_USERS = [
  { email: OWNER, name: 'CleanRoom asiakaspalvelu' },
  { email: STAFF, name: 'Sanna Staff' },
  { email: OUTSIDER, name: 'Olli Outsider' },
];

/** Every scope the emulator knows; tests of single services use it so only the scope test is strict. */
export const ALL_SCOPES = [
  'https://www.googleapis.com/auth/spreadsheets.currentonly',
  'https://www.googleapis.com/auth/spreadsheets',
  'https://www.googleapis.com/auth/script.container.ui',
  'https://www.googleapis.com/auth/script.scriptapp',
  'https://www.googleapis.com/auth/userinfo.email',
  'https://mail.google.com/',
  'https://www.googleapis.com/auth/drive',
  'https://www.googleapis.com/auth/script.send_mail',
];

/**
 * A world with the default accounts and an empty spreadsheet named "Rekisteri" owned by the
 * register account and shared (edit) with the staff account only.
 */
export function createWorld(options: { now?: number; manifest?: Manifest } = {}): World {
  const world = new World({
    now: options.now ?? Date.parse('2026-11-25T08:00:00Z'),
    owner: OWNER,
    users: DEFAULT_USERS.map((u) => ({ ...u })),
    manifest: options.manifest ?? { timeZone: 'Europe/Helsinki', runtimeVersion: 'V8', oauthScopes: [...ALL_SCOPES] },
    spreadsheetName: 'Rekisteri',
  });
  world.drive.editors.push(STAFF);
  return world;
}
