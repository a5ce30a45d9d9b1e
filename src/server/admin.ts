/** Settings and key personnel: admins only. */
import { completeSettings, Settings } from '../core/settings';
import { text } from '../core/texts';
import { writeSettings } from '../gas/settings';
import { appendAudit, utilitiesSha256 } from '../gas/audit-log';
import { findTabs, UserError } from '../gas/register';
import { withDocumentLock } from '../gas/lock';
import { requireRole } from './context';

const EMAIL = /^[^\s@]+@[^\s@]+\.[a-z]{2,}$/i;

/** The register's settings (admins only). */
export function getSettings(): { settings: Settings } {
  return { settings: requireRole('admin').settings };
}

/**
 * Saves settings (admins only). Key personnel must keep at least one admin, and an admin cannot
 * remove their own admin role (so the register is never left without one by accident).
 */
export function saveSettings(input: { settings: Partial<Settings> }): { settings: Settings } {
  const ctx = requireRole('admin');
  if (!input || typeof input !== 'object' || !input.settings || typeof input.settings !== 'object') {
    throw new UserError(text(ctx.language, 'badRequest'));
  }
  const next = completeSettings({ ...ctx.settings, ...input.settings });
  const people = input.settings.keyPersonnel;
  if (people !== undefined) {
    if (!Array.isArray(people) || people.some((p) => !p || typeof p.email !== 'string' || !EMAIL.test(p.email.trim()) || (p.role !== 'admin' && p.role !== 'staff'))) {
      throw new UserError(text(ctx.language, 'badPersonnel'));
    }
    const emails = next.keyPersonnel.map((p) => p.email);
    if (new Set(emails).size !== emails.length) throw new UserError(text(ctx.language, 'badPersonnel'));
  }
  if (!next.keyPersonnel.some((p) => p.role === 'admin') || !next.keyPersonnel.some((p) => p.email === ctx.user && p.role === 'admin')) {
    throw new UserError(text(ctx.language, 'keepAnAdmin'));
  }
  return withDocumentLock(LockService, SpreadsheetApp, ctx.language, () => {
    const changed = (Object.keys(next) as (keyof Settings)[]).filter((k) => JSON.stringify(next[k]) !== JSON.stringify(ctx.settings[k]));
    writeSettings(PropertiesService, next);
    const audit = findTabs(SpreadsheetApp.getActiveSpreadsheet()).audit;
    if (audit && changed.length) {
      appendAudit(audit, [{ at: new Date().toISOString(), actor: ctx.user, action: 'settings-change', fields: changed }], utilitiesSha256(Utilities));
    }
    return { settings: next };
  });
}
