/** Opening tabs with the remembered layout, and appending to the audit log, for the entry points. */
import { AUDIT_TAB, TabSpec } from '../core/schema';
import type { AuditData } from '../core/audit';
import { appendAudit, readAuditHead, utilitiesSha256 } from '../gas/audit-log';
import { openTab, OpenTab } from '../gas/tabs';
import { LAYOUT_KEY } from '../gas/state';
import type { CallContext } from './context';

/** A tab by its remembered layout (no call), or found and read afresh; what is learned is kept in ctx. */
export function open(ctx: CallContext, tab: TabSpec): OpenTab {
  return openTab(SpreadsheetApp.getActiveSpreadsheet(), tab, ctx.state.layout, ctx.language, (l) => {
    ctx.learned[tab.key] = l;
  }, ctx.settings.timeZone);
}

/**
 * Appends audit entries and moves the chain's head, storing `extra` properties and any layouts
 * learned during the call in the same property write. Call it before the register write it
 * describes (see gas/audit-log.ts).
 */
export function audit(ctx: CallContext, data: AuditData[], extra: Record<string, string> = {}): void {
  // A layout learned earlier in this call (the append re-read it) counts over the remembered one.
  const log = openTab(SpreadsheetApp.getActiveSpreadsheet(), AUDIT_TAB, { ...ctx.state.layout, ...ctx.learned }, ctx.language, (l) => (ctx.learned.audit = l));
  const head = ctx.state.auditHead ?? readAuditHead(log.sheet);
  // Built when the head is stored, so a layout the append had to re-read is remembered with it.
  const store = (): Record<string, string> => {
    const out: Record<string, string> = { ...extra };
    if (Object.keys(ctx.learned).length) out[LAYOUT_KEY] = JSON.stringify({ ...ctx.state.layout, ...ctx.learned });
    return out;
  };
  const learned = (keys: (string | null)[]) => (ctx.learned.audit = { name: log.sheet.getName(), keys });
  const { head: next } = appendAudit(log.sheet, log.map, head, data, utilitiesSha256(Utilities), ctx.properties, store, ctx.language, learned);
  ctx.state.auditHead = next;
}
