/**
 * The register's settings (DESIGN §3), kept as JSON in document properties. Defaults come from
 * CleanRoom CSI's privacy notice; the user who runs set-up becomes the first admin.
 */
import * as v from 'valibot';
import type { Language } from './schema';
import { SOURCES, type Source } from './customer';
import { emailKey, validateEmail } from './validation';

export type Role = 'admin' | 'staff';

export interface KeyPerson {
  email: string;
  role: Role;
}

export interface Controller {
  name: string;
  address: string;
  email: string;
}

/** The purposes the privacy notice names (texts in src/core/texts/notice.ts), in CleanRoom's order. */
export const NOTICE_PURPOSES = ['customer-relationship', 'rights-and-obligations', 'stakeholders', 'stakeholder-communication'] as const;
export type NoticePurpose = (typeof NOTICE_PURPOSES)[number];

/** A regular recipient the notice names (beyond Finnish authorities, which the law may require). */
export interface NoticeRecipient {
  name: string;
  /** ISO 3166-1 alpha-2. */
  country: string;
}

/** What the privacy notice states that the rest of the settings do not (src/core/notice.ts). */
export interface NoticeFacts {
  purposes: NoticePurpose[];
  /** Where data comes from: the record's own `source` values. */
  sources: Source[];
  recipients: NoticeRecipient[];
  /** Whose network the register is kept in ("Rekisteriä ylläpidetään Googlen tietoverkossa"). */
  host: string;
}

/** The admins' daily summary (src/core/summary.ts): none, a Gmail draft, or a sent mail. */
export const DAILY_SUMMARY_MODES = ['off', 'draft', 'email'] as const;
export type DailySummaryMode = (typeof DAILY_SUMMARY_MODES)[number];

export interface Settings {
  controller: Controller;
  language: Language;
  timeZone: string;
  keyPersonnel: KeyPerson[];
  /** Months after the relationship ends before a record is deleted. */
  retentionMonths: number;
  /** Months a closed request record is kept before it is minimised. */
  requestRetentionMonths: number;
  /**
   * The Gmail search the intake trigger reads (server/intake.ts); intake adds
   * `-label:"<labels.processed>"` itself to skip what it already read (only to save reads:
   * idempotency is by message id, since a reply in a labelled thread carries no label).
   */
  inboxQuery: string;
  labels: { processed: string; needsAttention: string };
  autoAcknowledge: 'off' | 'draft' | 'send';
  /** An objection from the registered address (verified) bans marketing at intake, GDPR 21(3). */
  banObjectionAtIntake: boolean;
  /** Customer numbers: prefix and number of digits ("" and 6 → 100001). */
  customerNumberPrefix: string;
  customerNumberDigits: number;
  notice: NoticeFacts;
  dailySummary: DailySummaryMode;
}

export const DEFAULT_CONTROLLER: Controller = {
  name: 'Calion Service Innovations Oy / CleanRoom CSI',
  address: 'PL 25, 33311 Tampere',
  email: 'asiakaspalvelu@cleanroom.fi',
};

/** CleanRoom's notice: its four purposes, both sources, no regular recipients, Google's network. */
export const DEFAULT_NOTICE: NoticeFacts = {
  purposes: [...NOTICE_PURPOSES],
  sources: [...SOURCES],
  recipients: [],
  host: 'Google',
};

export function defaultSettings(firstAdmin: string, language: Language = 'fi'): Settings {
  return {
    controller: { ...DEFAULT_CONTROLLER },
    language,
    timeZone: 'Europe/Helsinki',
    keyPersonnel: firstAdmin ? [{ email: firstAdmin.toLowerCase(), role: 'admin' }] : [],
    retentionMonths: 24,
    requestRetentionMonths: 36,
    // The register mailbox's inbox of the last 30 days: a trigger that was off for longer needs
    // a wider query once (set it, run pollInbox, set it back).
    inboxQuery: 'in:inbox newer_than:30d',
    labels: { processed: 'Rekisteri/käsitelty', needsAttention: 'Rekisteri/tarkistettava' },
    autoAcknowledge: 'draft',
    banObjectionAtIntake: true,
    customerNumberPrefix: '',
    customerNumberDigits: 6,
    notice: { ...DEFAULT_NOTICE, purposes: [...DEFAULT_NOTICE.purposes], sources: [...DEFAULT_NOTICE.sources], recipients: [] },
    dailySummary: 'draft',
  };
}

const LANGUAGE = v.picklist(['fi', 'sv', 'en'] as const);

/** Whether Intl (and so Apps Script's V8) knows the zone: every date the register writes depends on it. */
export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
const ROLE = v.picklist(['admin', 'staff'] as const);
const MONTHS = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(600));
const RECIPIENT = v.object({
  name: v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(200)),
  country: v.pipe(v.string(), v.trim(), v.toUpperCase(), v.regex(/^[A-Z]{2}$/)),
});
const unique = <T>(list: readonly T[]) => new Set(list).size === list.length;
const NOTICE = v.object({
  purposes: v.pipe(v.array(v.picklist(NOTICE_PURPOSES)), v.minLength(1), v.check(unique, 'duplicate purpose')),
  sources: v.pipe(v.array(v.picklist(SOURCES)), v.minLength(1), v.check(unique, 'duplicate source')),
  recipients: v.pipe(v.array(RECIPIENT), v.maxLength(50)),
  host: v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(100)),
});
/** An address validateEmail takes (an internationalised domain too). */
const EMAIL = v.pipe(v.string(), v.trim(), v.check((s) => validateEmail(s).ok && s !== ''));
/** A key person is a Google account, kept in the form Google names accounts by (emailKey: the ASCII domain). */
const KEY_PERSON = v.object({ email: v.pipe(EMAIL, v.transform(emailKey)), role: ROLE });

/**
 * What an admin may send to change settings: every field optional, every given field of the
 * right type and within its bounds (refused, not corrected).
 */
export const SETTINGS_UPDATE = v.partial(
  v.object({
    controller: v.object({
      name: v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(200)),
      address: v.pipe(v.string(), v.trim(), v.maxLength(300)),
      email: EMAIL,
    }),
    language: LANGUAGE,
    timeZone: v.pipe(v.string(), v.minLength(1), v.maxLength(64), v.check(isTimeZone, 'unknown time zone')),
    keyPersonnel: v.pipe(
      v.array(KEY_PERSON),
      v.check((people) => new Set(people.map((p) => p.email)).size === people.length, 'duplicate key person'),
    ),
    retentionMonths: MONTHS,
    requestRetentionMonths: MONTHS,
    inboxQuery: v.pipe(v.string(), v.minLength(1), v.maxLength(500)),
    labels: v.object({ processed: v.pipe(v.string(), v.minLength(1)), needsAttention: v.pipe(v.string(), v.minLength(1)) }),
    autoAcknowledge: v.picklist(['off', 'draft', 'send'] as const),
    banObjectionAtIntake: v.boolean(),
    customerNumberPrefix: v.pipe(v.string(), v.maxLength(10), v.regex(/^[A-Za-z-]*$/)),
    customerNumberDigits: v.pipe(v.number(), v.integer(), v.minValue(3), v.maxValue(12)),
    notice: NOTICE,
    dailySummary: v.picklist(DAILY_SUMMARY_MODES),
  }),
);

/** The stored form, read leniently: a field missing or of the wrong type falls back to its default. */
function storedSchema(base: Settings) {
  const keep = <T extends v.GenericSchema>(schema: T, fallback: v.InferOutput<T>) => v.fallback(schema, fallback as never);
  return v.object({
    controller: keep(
      v.object({
        name: keep(v.string(), base.controller.name),
        address: keep(v.string(), base.controller.address),
        email: keep(v.string(), base.controller.email),
      }),
      base.controller,
    ),
    language: keep(LANGUAGE, base.language),
    timeZone: keep(v.pipe(v.string(), v.check(isTimeZone)), base.timeZone),
    // Unreadable entries are dropped, never given a role.
    keyPersonnel: keep(
      v.pipe(
        v.array(v.unknown()),
        v.transform((list) => list.flatMap((p) => {
          const r = v.safeParse(KEY_PERSON, p);
          return r.success ? [r.output] : [];
        })),
      ),
      base.keyPersonnel,
    ),
    retentionMonths: keep(MONTHS, base.retentionMonths),
    requestRetentionMonths: keep(MONTHS, base.requestRetentionMonths),
    inboxQuery: keep(v.pipe(v.string(), v.minLength(1)), base.inboxQuery),
    labels: keep(
      v.object({ processed: keep(v.string(), base.labels.processed), needsAttention: keep(v.string(), base.labels.needsAttention) }),
      base.labels,
    ),
    autoAcknowledge: keep(v.picklist(['off', 'draft', 'send'] as const), base.autoAcknowledge),
    banObjectionAtIntake: keep(v.boolean(), base.banObjectionAtIntake),
    customerNumberPrefix: keep(v.string(), base.customerNumberPrefix),
    customerNumberDigits: keep(v.pipe(v.number(), v.integer(), v.minValue(3), v.maxValue(12)), base.customerNumberDigits),
    notice: keep(NOTICE, base.notice),
    dailySummary: keep(v.picklist(DAILY_SUMMARY_MODES), base.dailySummary),
  });
}

/**
 * Settings read from storage, completed with defaults for anything missing or of the wrong type,
 * so an older or hand-edited JSON never breaks an entry point.
 */
export function completeSettings(stored: unknown, fallbackAdmin = ''): Settings {
  const base = defaultSettings(fallbackAdmin);
  if (!stored || typeof stored !== 'object' || Array.isArray(stored)) return base;
  return v.parse(storedSchema(base), stored) as Settings;
}

/** The role of `email` among key personnel, or null for anyone else. */
export function roleOf(settings: Settings, email: string): Role | null {
  const e = emailKey(email);
  if (!e) return null;
  return settings.keyPersonnel.find((p) => emailKey(p.email) === e)?.role ?? null;
}

export type AccessDecision = { ok: true; role: Role } | { ok: false; reason: 'not-signed-in' | 'not-key-personnel' | 'not-admin' };

/**
 * Who may call an entry point: key personnel for register work, admins for settings and
 * personnel. An empty email (Apps Script hides the user) is refused, never treated as anyone.
 */
export function authorise(settings: Settings, email: string, needed: Role): AccessDecision {
  if (!email.trim()) return { ok: false, reason: 'not-signed-in' };
  const role = roleOf(settings, email);
  if (!role) return { ok: false, reason: 'not-key-personnel' };
  if (needed === 'admin' && role !== 'admin') return { ok: false, reason: 'not-admin' };
  return { ok: true, role };
}
