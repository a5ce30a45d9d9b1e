/**
 * Issue 8, "Done when": the tabs of a fresh demo world (npm start's world, src/demo/) show no
 * English code word, no JSON and no ISO date in any column a person reads, after the everyday
 * work over the emulator's public HTTP API: the intake trigger logs the demo mail, a right is
 * fulfilled, a case rejected, another marked a duplicate, a disclosure recorded. Read as the
 * emulator page's grid shows them (GET /api/grid/:name: what Sheets would display, the hidden
 * columns named), in Finnish and after a switch to Swedish.
 */
import { columnKeysFromHeader, DISCLOSURES_TAB, REQUESTS_TAB, AUDIT_TAB, type TabSpec } from '../../src/core/schema';
import { AUDIT_FIELD_NAMES, fieldLabel, WORDS } from '../../src/core/words';
import { call, startServer, OWNER, STAFF, type RunningServer } from './support';

jest.setTimeout(120_000);

let srv: RunningServer;
const api = (method: string, path: string, body?: unknown) => call(srv.base, method, path, body);
const run = async (fn: string, arg: unknown, user = STAFF) => {
  const { body } = await api('POST', `/api/run/${fn}`, { args: [arg], user });
  if (body.error) throw new Error(`${fn}: ${body.error.message}`);
  return body.result;
};

beforeAll(async () => {
  srv = await startServer();
});
afterAll(async () => {
  await srv?.close();
});

/** The codes the software decides with whose word in `language` is another: none may show. */
function codeWords(language: 'fi' | 'sv'): Set<string> {
  const codes = new Set<string>();
  for (const set of Object.values(WORDS) as Record<string, Record<string, string>>[]) {
    for (const [code, words] of Object.entries(set)) if (words[language].toLowerCase() !== code.toLowerCase()) codes.add(code);
  }
  for (const name of AUDIT_FIELD_NAMES) if (fieldLabel(name, language).toLowerCase() !== name.toLowerCase()) codes.add(name);
  return codes;
}

/** Ids, hashes and people's addresses are what they are; every other visible column is read as words. */
const SKIP = new Set(['id', 'gmailMessageId', 'gmailThreadId', 'customerNumber', 'requestId', 'prevHash', 'hash', 'requesterEmail', 'handledBy', 'recordedBy', 'actor', 'summary']);

async function codesShown(language: 'fi' | 'sv'): Promise<string[]> {
  const codes = codeWords(language);
  const found: string[] = [];
  const tabs: [TabSpec, string][] = [[REQUESTS_TAB, REQUESTS_TAB.name.fi], [DISCLOSURES_TAB, DISCLOSURES_TAB.name.fi], [AUDIT_TAB, AUDIT_TAB.name.fi]];
  for (const [tab, name] of tabs) {
    const { status, body } = await api('GET', `/api/grid/${encodeURIComponent(name)}?count=200`);
    expect(status).toBe(200);
    const keys = columnKeysFromHeader(tab, body.header.display);
    const hidden = new Set<number>(body.hiddenColumns);
    (body.rows.display as string[][]).forEach((row, i) => row.forEach((v, c) => {
      if (v === '' || hidden.has(c + 1) || !keys[c] || SKIP.has(keys[c]!)) return;
      // Every piece of the text: a list's items, a verdict after its right ("…: toteutettu"), each word.
      const parts = v.split(/[,;:—()]/).map((p) => p.trim()).filter((p) => p !== '');
      const words = v.split(/[\s,;:—()]+/).filter((w) => w !== '');
      if ([...parts, ...words].some((p) => codes.has(p)) || /\d{4}-\d{2}-\d{2}/.test(v) || /[{}]|"\w+":/.test(v)) found.push(`${name} ${body.start + i}:${c + 1} ${v}`);
    }));
  }
  return found;
}

test('the Pyynnöt, Luovutukset and Lokitiedot tabs of a fresh demo world, after a day\'s work, show words and Finnish dates only (fi, then sv)', async () => {
  expect((await api('POST', '/api/triggers/pollInbox')).body.error).toBeUndefined();
  const { requests } = (await run('listRequests', {})) as { requests: { id: string; status: string; rights: string[]; customerNumber: string }[] };
  expect(requests.length).toBeGreaterThanOrEqual(4);
  // Work on the cases as the office would: verify one, fulfil a right, reject one, mark a duplicate.
  const [first, second, third] = requests;
  if (first.status === 'awaiting-verification') await run('verifyRequest', { id: first.id, note: 'Soitettu rekisterin numeroon' });
  await run('fulfilRequest', { id: first.id, right: first.rights[0], decline: 'Pyyntö ei koske rekisterin tietoja.' });
  await run('rejectRequest', { id: second.id, reason: 'Henkilöllisyyttä ei voitu varmistaa' });
  await run('markDuplicate', { id: third.id, of: second.id });
  await run('recordDisclosure', { customerNumber: '100003', recipient: 'Poliisi', recipientCountry: 'FI', basis: 'authority', basisReference: 'R-1', dataCategories: 'name,phone,address' });
  const grid = (await api('GET', `/api/grid/${encodeURIComponent('Pyynnöt')}`)).body;
  const outcomeAt = columnKeysFromHeader(REQUESTS_TAB, grid.header.display).indexOf('outcome');
  const outcomes = (grid.rows.display as string[][]).map((r) => r[outcomeAt]).filter((v) => v !== '');
  expect(outcomes).toEqual(expect.arrayContaining([expect.stringMatching(/: evätty \d{1,2}\.\d{1,2}\.\d{4} klo \d{1,2}\.\d{2} .* — syy: /), 'Hylätty — syy: Henkilöllisyyttä ei voitu varmistaa', `Kaksoiskappale: sama pyyntö kuin ${second.id}`]));
  expect(await codesShown('fi')).toEqual([]);
  expect((await api('POST', '/api/run/saveSettings', { args: [{ settings: { language: 'sv' } }], user: OWNER })).body.error).toBeUndefined();
  expect(await codesShown('sv')).toEqual([]);
  const sv = (await api('GET', `/api/grid/${encodeURIComponent(REQUESTS_TAB.name.fi)}?count=200`)).body;
  const svOutcomes = (sv.rows.display as string[][]).map((r) => r[columnKeysFromHeader(REQUESTS_TAB, sv.header.display).indexOf('outcome')]).filter((v) => v !== '');
  expect(svOutcomes).toEqual(expect.arrayContaining([expect.stringMatching(/: avslagen \d{1,2}\.\d{1,2}\.\d{4} kl\. \d{1,2}\.\d{2} .* — skäl: /), expect.stringMatching(new RegExp(`: samma begäran som ${second.id}$`))]));
});
