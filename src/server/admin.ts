/** Settings and key personnel: admins only. */
import { completeSettings, Settings } from '../core/settings';
import { text } from '../core/texts';
import { validateEmail } from '../core/validation';
import { SETTINGS_KEY } from '../gas/settings';
import { UserError } from '../gas/register';
import { requireRole, withWrite } from './context';
import { protectTabs } from '../gas/setup';
import { audit } from './tabs';

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
  return withWrite('admin', (ctx) => {
    if (!input || typeof input !== 'object' || !input.settings || typeof input.settings !== 'object') {
      throw new UserError(text(ctx.language, 'badRequest'));
    }
    // Merged with the settings read inside the lock, so another admin's change is not lost.
    const next = completeSettings({ ...ctx.settings, ...input.settings });
    const people = input.settings.keyPersonnel;
    if (people !== undefined) {
      if (!Array.isArray(people) || people.some((p) => !p || typeof p.email !== 'string' || !EMAIL.test(p.email.trim()) || (p.role !== 'admin' && p.role !== 'staff'))) {
        throw new UserError(text(ctx.language, 'badPersonnel'));
      }
      const emails = next.keyPersonnel.map((p) => p.email);
      if (new Set(emails).size !== emails.length) throw new UserError(text(ctx.language, 'badPersonnel'));
    }
    if (!validateEmail(next.controller.email).ok || !next.controller.name.trim()) throw new UserError(text(ctx.language, 'badController'));
    if (!next.keyPersonnel.some((p) => p.email === ctx.user && p.role === 'admin')) throw new UserError(text(ctx.language, 'keepAnAdmin'));
    const changed = (Object.keys(next) as (keyof Settings)[]).filter((k) => JSON.stringify(next[k]) !== JSON.stringify(ctx.settings[k]));
    if (!changed.length) return { settings: next };
    audit(ctx, [{ at: new Date().toISOString(), actor: ctx.user, action: 'settings-change', fields: changed }], { [SETTINGS_KEY]: JSON.stringify(next) });
    if (changed.includes('keyPersonnel')) {
      // The tabs' protections follow the key personnel at once.
      protectTabs(SpreadsheetApp.getActiveSpreadsheet(), next.language, next.keyPersonnel.map((p) => p.email), SpreadsheetApp.ProtectionType);
    }
    return { settings: next };
  });
}
