/**
 * GmailApp over the register account's mailbox (world.mail). Every method needs the full
 * https://mail.google.com/ scope and full authorisation. One file per Apps Script class, as in
 * services/spreadsheet/: gmail-app.ts, thread.ts, message.ts, label.ts, draft.ts,
 * draft-message.ts, with the shared plumbing in context.ts and send.ts.
 */
import type { Execution } from '../../execution';
import { Ctx } from './context';
import { GmailAppImpl } from './gmail-app';
import { normaliseLabel } from './search';

export { normaliseLabel };

export function createGmailApp(exec: Execution): object {
  return new GmailAppImpl(new Ctx(exec));
}
