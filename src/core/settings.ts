/**
 * The register's settings (DESIGN §3), kept as JSON in document properties. Defaults come from
 * CleanRoom CSI's privacy notice; the user who runs set-up becomes the first admin.
 */
import type { Language } from './schema';

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

export interface Settings {
  controller: Controller;
  language: Language;
  timeZone: string;
  keyPersonnel: KeyPerson[];
  /** Months after the relationship ends before a record is deleted. */
  retentionMonths: number;
  /** Months a closed request record is kept before it is minimised. */
  requestRetentionMonths: number;
  inboxQuery: string;
  labels: { processed: string; needsAttention: string };
  autoAcknowledge: 'off' | 'draft' | 'send';
  /** Customer numbers: prefix and number of digits ("" and 6 → 100001). */
  customerNumberPrefix: string;
  customerNumberDigits: number;
}

export const DEFAULT_CONTROLLER: Controller = {
  name: 'Calion Service Innovations Oy / CleanRoom CSI',
  address: 'PL 25, 33311 Tampere',
  email: 'asiakaspalvelu@cleanroom.fi',
};

export function defaultSettings(firstAdmin: string, language: Language = 'fi'): Settings {
  return {
    controller: { ...DEFAULT_CONTROLLER },
    language,
    timeZone: 'Europe/Helsinki',
    keyPersonnel: firstAdmin ? [{ email: firstAdmin.toLowerCase(), role: 'admin' }] : [],
    retentionMonths: 24,
    requestRetentionMonths: 36,
    inboxQuery: 'in:inbox -label:"Rekisteri/käsitelty"',
    labels: { processed: 'Rekisteri/käsitelty', needsAttention: 'Rekisteri/tarkistettava' },
    autoAcknowledge: 'draft',
    customerNumberPrefix: '',
    customerNumberDigits: 6,
  };
}

/**
 * Settings read from storage, completed with defaults for anything missing or of the wrong type,
 * so an older or hand-edited JSON never breaks an entry point.
 */
export function completeSettings(stored: unknown, fallbackAdmin = ''): Settings {
  const base = defaultSettings(fallbackAdmin);
  if (!stored || typeof stored !== 'object') return base;
  const s = stored as Partial<Settings>;
  const language: Language = s.language === 'sv' || s.language === 'en' || s.language === 'fi' ? s.language : base.language;
  const people = Array.isArray(s.keyPersonnel)
    ? s.keyPersonnel
        .filter((p): p is KeyPerson => !!p && typeof p.email === 'string' && (p.role === 'admin' || p.role === 'staff'))
        .map((p) => ({ email: p.email.trim().toLowerCase(), role: p.role }))
    : base.keyPersonnel;
  const num = (v: unknown, d: number, min: number, max: number) =>
    typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max ? v : d;
  return {
    controller: {
      name: typeof s.controller?.name === 'string' ? s.controller.name : base.controller.name,
      address: typeof s.controller?.address === 'string' ? s.controller.address : base.controller.address,
      email: typeof s.controller?.email === 'string' ? s.controller.email : base.controller.email,
    },
    language,
    timeZone: typeof s.timeZone === 'string' && s.timeZone ? s.timeZone : base.timeZone,
    keyPersonnel: people,
    retentionMonths: num(s.retentionMonths, base.retentionMonths, 0, 600),
    requestRetentionMonths: num(s.requestRetentionMonths, base.requestRetentionMonths, 0, 600),
    inboxQuery: typeof s.inboxQuery === 'string' && s.inboxQuery ? s.inboxQuery : base.inboxQuery,
    labels: {
      processed: typeof s.labels?.processed === 'string' ? s.labels.processed : base.labels.processed,
      needsAttention: typeof s.labels?.needsAttention === 'string' ? s.labels.needsAttention : base.labels.needsAttention,
    },
    autoAcknowledge: s.autoAcknowledge === 'off' || s.autoAcknowledge === 'send' ? s.autoAcknowledge : base.autoAcknowledge,
    customerNumberPrefix: typeof s.customerNumberPrefix === 'string' ? s.customerNumberPrefix : base.customerNumberPrefix,
    customerNumberDigits: num(s.customerNumberDigits, base.customerNumberDigits, 3, 12),
  };
}

/** The role of `email` among key personnel, or null for anyone else. */
export function roleOf(settings: Settings, email: string): Role | null {
  const e = email.trim().toLowerCase();
  if (!e) return null;
  return settings.keyPersonnel.find((p) => p.email === e)?.role ?? null;
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
