/** The emulated world outlives the process: `npm start` picks up where it stopped; `--fresh` starts over. */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { openDemo } from '../../src/demo/seed';
import { STAFF } from '../../src/emulator/accounts';

const dist = path.resolve(__dirname, '../../dist');

test('a saved change, the settings, the triggers, the mail and the clock survive a restart; --fresh starts over', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rekisteri-state-'));
  const stateFile = path.join(dir, 'state.json');
  try {
    const first = openDemo({ distDir: dist, stateFile });
    const { customer } = first.callFromClient('getCustomer', [{ customerNumber: '100001' }], STAFF).result as { customer: { version: number } };
    expect(first.callFromClient('saveCustomer', [{ customer: { customerNumber: '100001', city: 'Rovaniemi' }, expectedVersion: customer.version }], STAFF).ok).toBe(true);
    first.deliverMail({ from: 'uusi@example.fi', subject: 'Tietopyyntö', body: 'Hei' });
    first.setClock(Date.parse('2027-01-02T10:00:00Z'));

    const again = openDemo({ distDir: dist, stateFile });
    const read = again.callFromClient('getCustomer', [{ customerNumber: '100001' }], STAFF).result as { customer: { city: string; version: number } };
    expect(read.customer).toMatchObject({ city: 'Rovaniemi', version: customer.version + 1 });
    expect(again.world.triggers.map((t) => t.handlerFunction)).toEqual(['onRegisterEdit', 'runNightly', 'onRegisterChange', 'pollInbox']);
    expect(JSON.stringify(again.world.mail.snapshot())).toContain('uusi@example.fi');
    expect(again.world.now).toBeGreaterThanOrEqual(Date.parse('2027-01-02T10:00:00Z'));

    const fresh = openDemo({ distDir: dist, stateFile, fresh: true });
    const reset = fresh.callFromClient('getCustomer', [{ customerNumber: '100001' }], STAFF).result as { customer: { city: string } };
    expect(reset.customer.city).not.toBe('Rovaniemi');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
