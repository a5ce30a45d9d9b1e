/**
 * The admins' daily summary (src/core/summary.ts): overdue and soon-due requests with their
 * countdown, deleted customer numbers and nothing else about them, failed checks by label, and
 * the audit head (the anchor the compliance check compares), in the register's language.
 */
import { dailySummary, type SummaryInput } from '../../src/core/summary';
import { mismatchedAnchors } from '../../src/core/compliance';

const input = (more: Partial<SummaryInput> = {}): SummaryInput => ({
  language: 'fi',
  today: '2026-12-01',
  controllerName: 'Calion Service Innovations Oy / CleanRoom CSI',
  requests: [
    { id: 'R-1', status: 'in-progress', dueDate: '2026-11-28', extendedDueDate: '' },
    { id: 'R-2', status: 'received', dueDate: '2026-12-05', extendedDueDate: '' },
    { id: 'R-3', status: 'awaiting-verification', dueDate: '2026-12-01', extendedDueDate: '' },
    { id: 'R-4', status: 'in-progress', dueDate: '2026-12-20', extendedDueDate: '' },
    { id: 'R-5', status: 'completed', dueDate: '2026-11-01', extendedDueDate: '' },
    { id: 'R-6', status: 'received', dueDate: '2026-11-20', extendedDueDate: '2027-01-20' },
  ],
  deleted: ['100012', '100003'],
  failedChecks: [{ id: 'triggers-running', label: 'Ajastukset on asennettu ja ne ovat toimineet virheettä viimeisen 26 tunnin aikana' }],
  auditHead: { hash: 'ab'.repeat(32), count: 412 },
  ...more,
});

test('lists overdue requests, then those due within 10 days with their countdown; closed, extended and distant ones are left out', () => {
  const { text } = dailySummary(input());
  expect(text).toContain('Myöhässä olevat pyynnöt (1):\n- R-1: määräpäivä 28.11.2026 (Myöhässä 3 pv)\n');
  expect(text).toContain('Pian erääntyvät pyynnöt (2):\n- R-3: määräpäivä 1.12.2026 (Määräpäivä tänään)\n- R-2: määräpäivä 5.12.2026 (4 pv jäljellä)\n');
  expect(text).not.toMatch(/R-4|R-5|R-6/);
});

test('names the deleted customer numbers only, sorted, and nothing that is not a number', () => {
  const { text } = dailySummary(input({ deleted: ['100012', '100003', 'Maija Meikäläinen', 'maija@example.fi', '100003'] }));
  expect(text).toContain('asiakasnumerot:\n100003, 100012\n');
  expect(text).not.toMatch(/Maija|@example/);
});

test('wraps a long list of numbers at ten a line', () => {
  const deleted = Array.from({ length: 23 }, (_, i) => String(100100 + i));
  const lines = dailySummary(input({ deleted })).text.split('\n');
  const at = lines.findIndex((l) => l.startsWith('Poistettu'));
  expect(lines.slice(at + 1, at + 4).map((l) => l.split(', ').length)).toEqual([10, 10, 3]);
});

test('names failed checks by label and id, and carries the audit head with the entry count', () => {
  const s = dailySummary(input());
  expect(s.text).toContain('Epäonnistuneet tarkistukset (1):\n- Ajastukset on asennettu');
  expect(s.text).toContain(`Lokin tiiviste: ${'ab'.repeat(32)} (412 merkintää)`);
  expect(s.anchor).toEqual({ count: 412, head: 'ab'.repeat(32) });
});

test('the subject says whether anything needs attention', () => {
  expect(dailySummary(input()).subject).toBe('Rekisteri 1.12.2026: vaatii huomiota');
  const calm = dailySummary(input({ requests: [], deleted: [], failedChecks: [] }));
  expect(calm.ok).toBe(true);
  expect(calm.subject).toBe('Rekisteri 1.12.2026: kaikki kunnossa');
  expect(calm.text).toContain('Ei myöhässä olevia tai pian erääntyviä pyyntöjä.');
  expect(calm.text).toContain('Mitään ei poistettu.');
});

test.each([
  ['sv', 'Registret 1.12.2026: kräver uppmärksamhet', /R-1: förfallodag 28\.11\.2026 \(3 dagar försenad\)/],
  ['en', 'Register 2026-12-01: needs attention', /R-1: due 2026-11-28 \(3 days overdue\)/],
] as const)('in %s', (language, subject, line) => {
  const s = dailySummary(input({ language }));
  expect(s.subject).toBe(subject);
  expect(s.text).toMatch(line);
  expect(s.text).not.toMatch(/\{\w+\}/);
});

test('the anchor it sends is what the compliance check compares the chain with', () => {
  const hashes = Array.from({ length: 412 }, (_, i) => (i === 411 ? 'ab'.repeat(32) : `h${i}`));
  const { anchor } = dailySummary(input());
  expect(mismatchedAnchors(hashes, [{ sentAt: '2026-12-01T04:00:00Z', ...anchor }])).toEqual([]);
  expect(mismatchedAnchors(hashes.slice(0, 411), [{ sentAt: '2026-12-01T04:00:00Z', ...anchor }])).toHaveLength(1);
});
