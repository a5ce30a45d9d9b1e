/**
 * MailApp: sends mail from the account, nothing else (it cannot read the mailbox). It needs the
 * scope https://www.googleapis.com/auth/script.send_mail and full authorisation, and it draws
 * on the SAME daily recipient quota as GmailApp.sendEmail (100 a day for consumer accounts,
 * 1,500 for Workspace, "Quotas for Google Services"); address validation and the per-message
 * limits are those of services/gmail/outgoing.ts. Sent mail shows in the account's Sent mail.
 * Reference: https://developers.google.com/apps-script/reference/mail/mail-app
 */
import type { Execution } from '../execution';
import { isPlainObject } from '../guest';
import { attachmentRecs, remainingRecipients, send } from './gmail/outgoing';
import { describe } from './gmail/context';
import { domainOf, isConsumerAccount } from './gmail/model';

const SEND_SCOPE = 'https://www.googleapis.com/auth/script.send_mail';

type GasMailApp = GoogleAppsScript.Mail.MailApp;
type Params = GoogleAppsScript.Mail.MailAdvancedParameters;

class MailAppImpl implements Pick<GasMailApp, 'getRemainingDailyQuota'> {
  constructor(private readonly exec: Execution) {}

  private guard(key: string): void {
    this.exec.call('Gmail', key);
    this.exec.requireScope(SEND_SCOPE, key);
    this.exec.requireFullAuth(key);
  }

  /** "The number of recipients you can send emails to for the rest of the day." */
  getRemainingDailyQuota(): number {
    this.guard('MailApp.getRemainingDailyQuota');
    return remainingRecipients(this.exec);
  }

  /**
   * The overloads of the reference: (message), (recipient, subject, body),
   * (recipient, subject, body, options) and (to, replyTo, subject, body).
   */
  sendEmail(...args: unknown[]): void {
    const key = 'MailApp.sendEmail';
    this.guard(key);
    const params = this.read(args);
    const owner = this.exec.world.mail.owner;
    // noReply is "only possible for Google Workspace accounts, not Gmail users": ignored there.
    const address = params.noReply === true && !isConsumerAccount(owner) ? `noreply@${domainOf(owner)}` : owner;
    const name = typeof params.name === 'string' && params.name !== '' ? params.name : '';
    send(this.exec, {
      to: params.to ?? '',
      cc: params.cc ?? '',
      bcc: params.bcc ?? '',
      replyTo: params.replyTo ?? '',
      subject: params.subject ?? '',
      body: params.body ?? '',
      htmlBody: params.htmlBody,
      from: name ? `${name} <${address}>` : address,
      attachments: attachmentRecs(this.exec, params.attachments, key),
    });
  }

  private read(args: unknown[]): Params {
    const mismatch = () =>
      this.exec.guest.error(`The parameters (${args.map(describe).join(',')}) don't match the method signature for MailApp.sendEmail.`);
    if (args.length === 1) {
      if (!isPlainObject(args[0])) throw mismatch();
      const p = args[0] as Params;
      for (const k of ['to', 'cc', 'bcc', 'replyTo', 'subject', 'body', 'htmlBody', 'name'] as const) {
        if (p[k] !== undefined && p[k] !== null && typeof p[k] !== 'string') throw this.exec.guest.error(`Invalid argument: ${k}`);
      }
      if (typeof p.to !== 'string' || p.to.trim() === '') throw this.exec.guest.error('Invalid argument: recipient');
      return p;
    }
    if ((args.length === 3 || args.length === 4) && args.slice(0, 3).every((a) => typeof a === 'string')) {
      const [a, b, c, d] = args as [string, string, string, unknown];
      if (args.length === 4 && typeof d === 'string') return { to: a, replyTo: b, subject: c, body: d };
      if (args.length === 4 && d !== undefined && !isPlainObject(d)) throw mismatch();
      return { ...((d as Params | undefined) ?? {}), to: a, subject: b, body: c };
    }
    throw mismatch();
  }
}

export function createMailApp(exec: Execution): object {
  return new MailAppImpl(exec);
}
