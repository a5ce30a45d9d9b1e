/**
 * The register's small state in document properties, read in one call: settings, the
 * remembered column layout of each tab, the audit chain's head and the customer-number counter.
 * Write operations read it inside the document lock, so what they see is current.
 */
import { completeSettings, Settings } from '../core/settings';
import type { TabSpec } from '../core/schema';
import { SETTINGS_KEY } from './settings';

export const LAYOUT_KEY = 'rekisteri.layout';
export const AUDIT_HEAD_KEY = 'rekisteri.auditHead';
export const COUNTER_KEY = 'rekisteri.nextCustomerNumber';
export const EDIT_TRIGGER_KEY = 'rekisteri.editTrigger';

/** The one installed on-edit trigger: its id and the admin who owns (and runs) it. */
export interface EditTrigger {
  uid: string;
  owner: string;
}

/** Where a tab was last seen: its name and column keys by position. */
export interface TabLayout {
  name: string;
  keys: (string | null)[];
}

export type Layout = Partial<Record<TabSpec['key'], TabLayout>>;

/**
 * The audit chain's head: entries so far, the last hash, and how many rows the tab has room
 * for; where the last entry stands and how many columns the tab had when it was written (both
 * absent in heads stored before they were kept: the next append proves them). The count and
 * the hash only ever move forward: a log cut short keeps its head, so the chain check sees the cut.
 */
export interface AuditHead {
  count: number;
  hash: string;
  capacity: number;
  /** 1-based row of the last entry. */
  row?: number;
  /** The tab's column count: an append writes whole rows, which Sheets refuses when it changed. */
  columns?: number;
}

export interface DocumentState {
  settings: Settings | null;
  layout: Layout;
  auditHead: AuditHead | null;
  nextCustomerNumber: number | null;
  editTrigger: EditTrigger | null;
}

function parse<T>(raw: string | undefined, fallback: T): T {
  if (!raw) return fallback;
  try {
    return JSON.parse(raw) as T;
  } catch {
    return fallback;
  }
}

function validHead(v: unknown): AuditHead | null {
  const h = v as AuditHead | null;
  const optional = (n: unknown) => n === undefined || (Number.isInteger(n) && (n as number) > 0);
  return h && Number.isInteger(h.count) && h.count >= 0 && typeof h.hash === 'string' && Number.isInteger(h.capacity) && optional(h.row) && optional(h.columns) ? h : null;
}

function validTrigger(v: unknown): EditTrigger | null {
  const t = v as EditTrigger | null;
  return t && typeof t.uid === 'string' && typeof t.owner === 'string' ? t : null;
}

/** Reads the whole state in one call. */
export function readState(properties: GoogleAppsScript.Properties.Properties): DocumentState {
  const all = properties.getProperties();
  const rawSettings = all[SETTINGS_KEY];
  const counter = Number(all[COUNTER_KEY]);
  return {
    settings: rawSettings ? completeSettings(parse<unknown>(rawSettings, null)) : null,
    layout: parse<Layout>(all[LAYOUT_KEY], {}),
    auditHead: validHead(parse<unknown>(all[AUDIT_HEAD_KEY], null)),
    nextCustomerNumber: Number.isInteger(counter) && counter > 0 ? counter : null,
    editTrigger: validTrigger(parse<unknown>(all[EDIT_TRIGGER_KEY], null)),
  };
}

/** Serialised values for `setProperties` (several keys, one call). */
export function stateProperties(update: { layout?: Layout; auditHead?: AuditHead; nextCustomerNumber?: number; editTrigger?: EditTrigger }): Record<string, string> {
  const out: Record<string, string> = {};
  if (update.layout) out[LAYOUT_KEY] = JSON.stringify(update.layout);
  if (update.auditHead) out[AUDIT_HEAD_KEY] = JSON.stringify(update.auditHead);
  if (update.nextCustomerNumber !== undefined) out[COUNTER_KEY] = String(update.nextCustomerNumber);
  if (update.editTrigger) out[EDIT_TRIGGER_KEY] = JSON.stringify(update.editTrigger);
  return out;
}
