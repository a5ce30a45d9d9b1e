/**
 * Adding a key person in either settings view (the admin dialog's and the sidebar's): the typed
 * address checked as the register checks one, kept as the server keeps key personnel (Google's
 * ASCII form, validation.ts emailKey), and refused when the same mailbox is listed in either form.
 */
import type { Language } from '../../core/schema';
import type { KeyPerson } from '../../core/settings';
import { emailKey, validateEmail } from '../../core/validation';

/** The address to add, or why not: `required` and `listed` for the view's own words, else the check's message. */
export function keyPersonToAdd(typed: string, listed: readonly KeyPerson[], language: Language): { email: string } | { refusal: 'required' | 'listed' } | { message: string } {
  const check = validateEmail(typed);
  if (!check.ok) return { message: check.error.message[language] };
  if (check.value === '') return { refusal: 'required' };
  const email = emailKey(check.value);
  return listed.some((p) => emailKey(p.email) === email) ? { refusal: 'listed' } : { email };
}
