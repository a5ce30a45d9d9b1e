/**
 * Fixtures for the fulfilment suites: a person's mail in the register inbox and the verified case
 * intake would have logged for it, written into the Requests tab by key (as the tab's header
 * names the columns), so each suite starts from a case that is in progress.
 */
import type { Emulator } from '../../src/emulator/app';
import { REQUESTS_TAB } from '../../src/core/schema';
import { decodeCell } from '../../src/gas/cells';
import { createRequest } from '../../src/core/requests/machine';
import { encodeOutcome, encodeRights, type Request, type RequestType } from '../../src/core/requests/model';
import { call } from '../support/register';

export interface CaseSpec {
  id: string;
  customerNumber: string;
  rights: RequestType[];
  language?: 'fi' | 'sv' | 'en';
  /** Deliver a mail from this address and thread the case on it ('' for a letter: no thread). */
  mailFrom?: string;
  replyTo?: string;
  status?: Request['status'];
}

/** The person's record as the server reads it. */
export function person(em: Emulator, customerNumber: string): Record<string, string> & { version: number } {
  return call<{ customer: Record<string, string> & { version: number } }>(em, 'getCustomer', { customerNumber }).customer;
}

/** Delivers the person's letter (unless a letter case) and writes the verified case in the Requests tab. */
export function logCase(em: Emulator, spec: CaseSpec): Request {
  let gmail = { messageId: '', threadId: '' };
  if (spec.mailFrom) {
    gmail = em.deliverMail({
      from: spec.mailFrom, subject: 'Tietosuojapyyntö', body: 'Pyydän tietojani.',
      ...(spec.replyTo ? { headers: [['Reply-To', spec.replyTo]] as [string, string][] } : {}),
    });
  }
  const base = createRequest({
    id: spec.id, receivedAt: new Date(em.world.now).toISOString(), channel: spec.mailFrom ? 'email' : 'letter', type: spec.rights[0], rights: spec.rights,
    language: spec.language ?? 'fi', requesterEmail: spec.mailFrom ?? '', customerNumber: spec.customerNumber,
    gmailMessageId: gmail.messageId, gmailThreadId: gmail.threadId, summary: 'Pyydän tietojani.',
  });
  const request: Request = { ...base, status: spec.status ?? 'in-progress', verification: 'address' };
  writeCaseRow(em, request);
  return request;
}

/** Appends the case's row by the Requests tab's header (the owner's script, as intake would write it). */
export function writeCaseRow(em: Emulator, request: Request): void {
  const cells: Record<string, string> = { ...(request as unknown as Record<string, string>), rights: encodeRights(request.rights), outcome: encodeOutcome(request.outcome) };
  const byHeader = Object.fromEntries(REQUESTS_TAB.columns.map((c) => [c.header.fi, cells[c.key] ?? '']));
  const run = em.runScript(`
    const sheet = SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Pyynnöt');
    const header = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0];
    const values = ${JSON.stringify(byHeader)};
    sheet.appendRow(header.map((h) => (h in values ? values[h] : '')));
  `);
  if (!run.ok) throw new Error(run.error!.message);
}

/** The case as the Requests tab holds it now, by header. */
export function caseRow(em: Emulator, id: string): Record<string, string> {
  const [header, ...rows] = em.world.spreadsheet.snapshot('Pyynnöt')!.values as string[][];
  const row = rows.find((r) => r[header.indexOf('Tunnus')] === id);
  if (!row) throw new Error(`no case ${id}`);
  const keyOf = (h: string) => REQUESTS_TAB.columns.find((c) => c.header.fi === h)?.key ?? h;
  // The tab holds words and dates (issue 8): read as the store reads it, codes and ISO text.
  // (The snapshot gives a Date cell as its ISO instant.)
  const cell = (v: unknown) => (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}T[\d:.]+Z$/.test(v) ? new Date(v) : v);
  return Object.fromEntries(header.map((h, i) => [keyOf(h), String(decodeCell('requests', keyOf(h), cell(row[i]), 'Europe/Helsinki'))]));
}

/** The mailbox as GET /api/mailbox shows it. */
export function mailbox(em: Emulator) {
  return em.world.mail.snapshot() as {
    messages: { id: string; threadId: string; from: string }[];
    drafts: { draftId: string; id: string; threadId: string; to: string; subject: string; body: string; htmlBody?: string; date: string; attachments: { name: string; contentType: string; size: number }[] }[];
    sent: unknown[];
  };
}
