/**
 * Identity by address (GDPR 12(6)): a request is verified at intake only when it comes from the
 * address the register holds for the person and Gmail's own Authentication-Results (the topmost
 * header, written by Gmail's receiving server mx.google.com above anything the sender wrote)
 * does not fail DMARC for that address's domain. Anything else waits for staff (`verify` with a
 * note in machine.ts). Pure: the adapter passes the From header, the registered address and the
 * topmost Authentication-Results value.
 */
import { emailKey } from '../validation';

export const ADDRESS_CHECKS = [
  /** From the registered address, and Gmail's DMARC verdict does not fail: verified. */
  'verified',
  /** The register holds no address for the person (or no person matched). */
  'no-registered-address',
  /** Sent from another address than the registered one. */
  'not-registered-address',
  /** No Authentication-Results, or the topmost is not Gmail's own: nothing vouches for the From. */
  'no-gmail-authentication',
  /** Gmail's DMARC verdict for the From domain is fail: the From may be forged. */
  'dmarc-fail',
  /** Gmail checked another domain than the From's (header.from differs). */
  'other-domain',
] as const;
export type AddressCheck = (typeof ADDRESS_CHECKS)[number];

/**
 * Whether a From or Reply-To header names exactly one address: one "@" outside quoted display
 * names and comments. "Evil <a@evil.com>, P <p@x.fi>" names two, and `bareEmail` would see only
 * the last, while Gmail's reply goes to both (RFC 5322 allows a list in either header).
 */
export function singleAddress(header: string): boolean {
  const bare = header.replace(/"(?:[^"\\]|\\.)*"/g, '').replace(/\([^()]*\)/g, '');
  return (bare.match(/@/g) ?? []).length === 1;
}

/**
 * The bare address of a From header in the one form addresses are compared in (validation.ts
 * emailKey: lower-cased, the domain in its ASCII form): "Matti <Matti@Example.fi>" →
 * "matti@example.fi", "anna@hyvä.fi" → "anna@xn--hyv-sla.fi", so mail from either form is the
 * same person's, and a letter goes to the domain's DNS name.
 */
export function bareEmail(from: string): string {
  return emailKey(senderAddress(from));
}

/**
 * The bare address of a From header as the sender wrote it, lower-cased ("Anna <Anna@Hyvä.fi>"
 * → "anna@hyvä.fi"): what a case shows and stores as its requester; compare with bareEmail.
 */
export function senderAddress(from: string): string {
  const angle = /<([^<>]+)>\s*$/.exec(from);
  return (angle ? angle[1] : from).trim().toLowerCase();
}

/** Whether a request from `from` is verified by address; `reason` says why not. */
export function checkAddress(input: { from: string; registeredEmail: string; authenticationResults: string | null | undefined }): { verified: boolean; reason: AddressCheck } {
  const no = (reason: AddressCheck) => ({ verified: false, reason });
  // One form for both (bareEmail): mail from anna@xn--hyv-sla.fi is the stored anna@hyvä.fi.
  const registered = bareEmail(input.registeredEmail);
  if (registered === '') return no('no-registered-address');
  const sender = bareEmail(input.from);
  if (sender !== registered || !singleAddress(input.from)) return no('not-registered-address');
  const results = (input.authenticationResults ?? '').trim();
  // RFC 8601: the value starts with the authserv-id of the server that wrote it.
  if (!/^mx\.google\.com\s*;/i.test(results)) return no('no-gmail-authentication');
  const dmarc = /(?:^|;)\s*dmarc=([a-z]+)([^;]*)/i.exec(results);
  if (dmarc && dmarc[1].toLowerCase() === 'fail') return no('dmarc-fail');
  const checked = dmarc ? /header\.from=([^\s;()]+)/i.exec(dmarc[2]) : null;
  if (checked && emailKey(`x@${checked[1]}`) !== `x@${sender.slice(sender.lastIndexOf('@') + 1)}`) return no('other-domain');
  return { verified: true, reason: 'verified' };
}
