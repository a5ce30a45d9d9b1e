/** Settings and key personnel: admins only. */
import * as v from 'valibot';
import { completeSettings, roleOf, Settings, SETTINGS_UPDATE } from '../core/settings';
import { text, textWith } from '../core/texts';
import { SETTINGS_KEY } from '../gas/settings';
import { UserError } from '../gas/register';
import { requireRole, withWrite } from './context';
import { planLanguageRewrite, protectTabs } from '../gas/setup';
import { audit } from './tabs';
import { accessDrift, type AccessView } from './access';
import { adminText, type AdminUiKey } from '../core/texts/admin';

/** Settings whose refusal names its field ("<label>: <what to do>"), so the admin dialog puts it under that field. */
const FIELD_REFUSALS: Record<string, [AdminUiKey, AdminUiKey]> = {
  retentionMonths: ['adRetentionMonths', 'adMonthsInvalid'],
  requestRetentionMonths: ['adRequestRetentionMonths', 'adMonthsInvalid'],
  inboxQuery: ['adInboxQuery', 'adInboxQueryInvalid'],
};

/** The register's settings (admins only). */
export function getSettings(): { settings: Settings } {
  return { settings: requireRole('admin').settings };
}

/**
 * Saves settings (admins only). Key personnel must keep at least one admin, and an admin cannot
 * remove their own admin role (so the register is never left without one by accident).
 */
export function saveSettings(input: { settings: Partial<Settings> }): { settings: Settings; accessDrift?: AccessView } {
  return withWrite('admin', (ctx) => {
    const parsed = v.safeParse(v.object({ settings: SETTINGS_UPDATE }), input);
    if (!parsed.success) {
      const field = v.getDotPath(parsed.issues[0]) ?? '';
      const named = FIELD_REFUSALS[field.replace(/^settings\./, '')];
      if (named) throw new UserError(`${adminText(ctx.language, named[0])}: ${adminText(ctx.language, named[1])}`);
      throw new UserError(
        text(ctx.language, /keyPersonnel/.test(field) ? 'badPersonnel' : /controller/.test(field) ? 'badController' : /timeZone/.test(field) ? 'badTimeZone' : 'badRequest'),
      );
    }
    // Merged with the settings read inside the lock, so another admin's change is not lost.
    const next = completeSettings({ ...ctx.settings, ...parsed.output.settings });
    if (!next.keyPersonnel.some((p) => p.email === ctx.user && p.role === 'admin')) throw new UserError(text(ctx.language, 'keepAnAdmin'));
    // The on-edit trigger runs with its owner's rights: its owner stays an admin until another admin takes it over.
    const triggerOwner = ctx.state.editTrigger?.owner;
    if (triggerOwner && roleOf(next, triggerOwner) !== 'admin') throw new UserError(textWith(ctx.language, 'triggerOwner', { owner: triggerOwner }));
    const changed = (Object.keys(next) as (keyof Settings)[]).filter((k) => JSON.stringify(next[k]) !== JSON.stringify(ctx.settings[k]));
    if (!changed.length) return { settings: next };
    // A language switch reads the tabs before the log's write, so no read waits for a flush.
    // A zone change rewrites too: Lopputulos's times and the instants' display are the zone's.
    const rewrite = changed.includes('language') || changed.includes('timeZone') ? planLanguageRewrite(SpreadsheetApp.getActiveSpreadsheet(), next.language, next.timeZone) : null;
    // From here on the register speaks the new language: the log entry of the switch included.
    ctx.language = next.language;
    audit(ctx, [{ at: ctx.now, actor: ctx.user, action: 'settings-change', fields: changed }], { [SETTINGS_KEY]: JSON.stringify(next) });
    // The tabs' headers and words follow the language at once, in one batch per tab (with new key personnel too).
    if (rewrite) rewrite();
    if (changed.includes('keyPersonnel')) {
      // The tabs' protections follow the key personnel at once.
      protectTabs(SpreadsheetApp.getActiveSpreadsheet(), next.language, next.keyPersonnel, SpreadsheetApp.ProtectionType);
      // The file's sharing does not follow by itself: the drift, so the settings can offer applyAccessPolicy at once.
      return { settings: next, accessDrift: accessDrift(ctx, next.keyPersonnel) };
    }
    return { settings: next };
  });
}
