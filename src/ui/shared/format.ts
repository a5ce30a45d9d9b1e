/**
 * Pure helpers for what the sidebar shows and how it reads the server's answers: phone numbers
 * grouped for reading, Google's own service errors told apart from the register's refusals, and
 * a field refusal ("Tarkista tiedot: Päivä: …") split back onto the fields it names, so each
 * message lands under its own field instead of at the top.
 */
import { parsePhoneNumberFromString } from 'libphonenumber-js/mobile';

/** An E.164 number grouped as people read it ('+358454968574' → '+358 45 496 8574'); other text as it is. */
export function formatPhone(e164: string): string {
  if (!/^\+\d{6,15}$/.test(e164)) return e164;
  const parsed = parsePhoneNumberFromString(e164);
  if (!parsed) return e164;
  // libphonenumber leaves a Finnish subscriber number whole ('+358 45 4968574'); a group longer
  // than five digits is split as Finns write it: 496 8574, 123 4567.
  return parsed.formatInternational().split(' ').map((g) => (/^\d{6,}$/.test(g) ? `${g.slice(0, 3)} ${g.slice(3)}` : g)).join(' ');
}

/**
 * Whether a failed call's message is Google's own (its service failed, timed out or is
 * unavailable, a network failure, an internal error) rather than one of the register's
 * refusals, which always say what to do in the user's language. Google's words are English,
 * whatever the user's language, and the call can simply be tried again.
 */
export function isGoogleFailure(message: string, ours: (text: string) => boolean = () => false): boolean {
  const m = message.trim();
  if (/^(ScriptError|NetworkError|InternalError|Internal error)|^(Exception: |Error: )?Service \S+ (failed|timed out)|^(Exception: |Error: )?Service (unavailable|error)|We're sorry, a server error occurred|Exceeded maximum execution time|Service invoked too many times|Server not available|^(Exception: |Error: )?(Internal|Request failed)|^TypeError: Failed to fetch|^Failed to fetch/i.test(m)) return true;
  // Any other "Exception: …" is Google's too, unless what follows is one of the register's own
  // messages (should Google ever prefix a thrown refusal that way).
  return m.startsWith('Exception: ') && !ours(m.slice('Exception: '.length));
}

/**
 * The register's own message inside a failure Google may have prefixed ("Exception: ",
 * "Error: "); the message as it is otherwise.
 */
export function ownMessage(message: string, ours: (text: string) => boolean): string {
  const m = /^(Exception|Error): ([\s\S]*)$/.exec(message.trim());
  return m && ours(m[2]) ? m[2] : message;
}

/**
 * The field messages of a refusal made as `${lead}: ${label}: ${message} ${label}: ${message}…`
 * (server fieldErrorsMessage), keyed by field: `labels` maps each field of the form to the label
 * the server used (the tab's header in the register's language). Null when the message is no
 * such refusal, or names a label the form does not know (the whole message is then shown).
 */
export function refusalFields(message: string, lead: string, labels: Record<string, string>): Record<string, string> | null {
  const prefix = `${lead}: `;
  if (!message.startsWith(prefix)) return null;
  const body = message.slice(prefix.length);
  // Longest labels first, so "Perusteen viite" is not read as "Peruste".
  const known = Object.entries(labels).sort((a, b) => b[1].length - a[1].length);
  const starts: { at: number; field: string; label: string }[] = [];
  let i = 0;
  while (i < body.length) {
    const hit = (i === 0 || body[i - 1] === ' ') ? known.find(([, label]) => body.startsWith(`${label}: `, i)) : undefined;
    if (hit) {
      starts.push({ at: i, field: hit[0], label: hit[1] });
      i += hit[1].length + 2;
    } else i += 1;
  }
  if (!starts.length || starts[0].at !== 0) return null;
  const out: Record<string, string> = {};
  starts.forEach((s, k) => {
    const end = k + 1 < starts.length ? starts[k + 1].at : body.length;
    const text = body.slice(s.at + s.label.length + 2, end).trim();
    if (!(s.field in out)) out[s.field] = text;
  });
  return out;
}
