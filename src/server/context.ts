/**
 * Every entry point starts here: who is calling, in which language, and may they. Key personnel
 * only; admin functions need the admin role. A refusal is an Error whose message tells the user
 * what to do, in the register's language.
 */
import { authorise, Role, Settings } from '../core/settings';
import type { Language } from '../core/schema';
import { text } from '../core/texts';
import { languageOf, readSettings } from '../gas/settings';

export interface CallContext {
  user: string;
  role: Role;
  settings: Settings;
  language: Language;
}

const REASON_TEXT = { 'not-signed-in': 'notSignedIn', 'not-key-personnel': 'notKeyPersonnel', 'not-admin': 'notAdmin' } as const;

/** The caller's context, or throws the refusal. Before set-up nobody is key personnel. */
export function requireRole(needed: Role): CallContext {
  const settings = readSettings(PropertiesService);
  const language = languageOf(settings);
  const user = Session.getActiveUser().getEmail();
  if (!settings) throw new Error(text(language, user ? 'notKeyPersonnel' : 'notSignedIn'));
  const decision = authorise(settings, user, needed);
  if (!decision.ok) throw new Error(text(language, REASON_TEXT[decision.reason]));
  return { user: user.toLowerCase(), role: decision.role, settings, language };
}
