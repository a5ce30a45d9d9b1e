/**
 * ScriptApp's shared pieces: its scope and limits with Apps Script's messages, its enums (one
 * instance per value within an execution) and the script id.
 */
import { createHash } from 'node:crypto';
import type { Execution } from '../../execution';
import { EnumFamily, enumFamily } from '../enum';
import { WEEK_DAYS } from './schedule';

export const SCRIPTAPP_SCOPE = 'https://www.googleapis.com/auth/script.scriptapp';
export const MAX_TRIGGERS_PER_USER = 20;
export const TOO_MANY_TRIGGERS =
  'This script has too many triggers. Triggers must be deleted from the script before more can be added.';
export const ADDON_CLOCK_TOO_OFTEN = 'Add-ons may not create time-based triggers that run more often than once per hour.';
export const ADDON_DUPLICATE_TRIGGER =
  'This add-on already has a trigger of this type for this user and document. Add-ons may create only one trigger of each type per user per document.';

/** Google: "An invalid timezone string causes the script to throw an error"; its message is unconfirmed. */
export const UNKNOWN_TIMEZONE = 'Invalid argument: timezone';

/** ScriptApp's enums, in the order of their reference pages. */
const ENUMS = {
  AuthMode: ['NONE', 'CUSTOM_FUNCTION', 'LIMITED', 'FULL'],
  EventType: ['CLOCK', 'ON_OPEN', 'ON_EDIT', 'ON_FORM_SUBMIT', 'ON_CHANGE', 'ON_EVENT_UPDATED'],
  TriggerSource: ['SPREADSHEETS', 'CLOCK', 'FORMS', 'DOCUMENTS', 'CALENDAR'],
  WeekDay: WEEK_DAYS,
  AuthorizationStatus: ['REQUIRED', 'NOT_REQUIRED'],
  InstallationSource: ['APPS_MARKETPLACE_DOMAIN_ADD_ON', 'NONE', 'WEB_STORE_ADD_ON'],
} as const;

type EnumName = keyof typeof ENUMS;

/** The execution's instances of ScriptApp.`name` (one per value, so `===` against them works). */
export function scriptEnum(exec: Execution, name: EnumName): EnumFamily {
  return enumFamily(exec, `ScriptApp.${name}`, ENUMS[name]);
}

/** A stable script id for the world (derived from the bound file). */
export function scriptIdOf(exec: Execution): string {
  return '1' + createHash('sha256').update(`script:${exec.world.drive.id}`).digest('base64url').slice(0, 56);
}

/** Trigger management needs the script.scriptapp scope and full authorisation (not a simple trigger). */
export function manage(exec: Execution, key: string): void {
  exec.requireScope(SCRIPTAPP_SCOPE, key);
  exec.requireFullAuth(key);
}
