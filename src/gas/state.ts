/**
 * The register's small state in document properties, read in one call: settings, the
 * remembered column layout of each tab, the audit chain's head, the customer-number counter and
 * the idempotency keys of recent creates and disclosures.
 * Write operations read it inside the document lock, so what they see is current.
 */
import { scheduledErasures, type ScheduledErasure } from '../core/requests/erasure';
import { completeSettings, Settings } from '../core/settings';
import { TABS, TabSpec } from '../core/schema';
import { sha256Hex } from '../core/sha256';
import { SETTINGS_KEY } from './settings';
import { parseRequestKeys, RequestKeys } from '../core/request-keys';
import type { Anchor } from '../core/compliance';

export const LAYOUT_KEY = 'rekisteri.layout';
export const AUDIT_HEAD_KEY = 'rekisteri.auditHead';
export const COUNTER_KEY = 'rekisteri.nextCustomerNumber';
export const EDIT_TRIGGER_KEY = 'rekisteri.editTrigger';
/** Idempotency keys of creates and disclosures (core/request-keys.ts), stored with the audit head. */
export const REQUEST_KEYS_KEY = 'rekisteri.requestKeys';
export const SCHEMA_VERSION_KEY = 'rekisteri.schemaVersion';

/**
 * Raise by one when a release changes the settings, or the form the software keeps data in
 * inside a tab's cells, in a way set-up must migrate (a new field that needs more than its
 * default, a renamed one). Changes to the tabs need no bump: the version carries a fingerprint
 * of TABS, so any new tab, column, header title or format flag changes it by itself; so does a
 * change to NEEDED_TRIGGERS. 2: Pyynnöt's hidden cells name their case (set-up names every
 * older cell while it still stands in its own row).
 */
const SETTINGS_REVISION = 2;

/**
 * Raise by one when a release changes what set-up protects or how (src/gas/setup.ts): the
 * protections are code, not data, so no fingerprint sees them.
 */
const PROTECTIONS_REVISION = 1;

/** An installable trigger: the global function it runs and the event that fires it. */
export interface TriggerSpec {
  handler: string;
  event: 'ON_EDIT' | 'ON_CHANGE' | 'CLOCK';
}

/**
 * Every installable trigger the register needs: set-up installs each (server/setup.ts), and
 * the schema version covers the list, so a release that adds one asks for set-up.
 */
export const NEEDED_TRIGGERS: readonly TriggerSpec[] = [
  { handler: 'onRegisterEdit', event: 'ON_EDIT' },
  { handler: 'runNightly', event: 'CLOCK' },
  // Sorts, inserted and deleted rows, columns and tabs: no edit event, so a repair (server/repair.ts).
  { handler: 'onRegisterChange', event: 'ON_CHANGE' },
  // The request inbox (server/intake.ts): every 15 minutes, hourly where add-ons may not go faster.
  { handler: 'pollInbox', event: 'CLOCK' },
];

let version: string | null = null;

/** The version for given parts: the revisions, then a fingerprint of the tabs and the triggers. */
export function schemaVersionOf(parts: { settings: number; protections: number; tabs: unknown; triggers: readonly TriggerSpec[] }): string {
  const triggers = parts.triggers.map((t) => `${t.handler}:${t.event}`).sort();
  return `${parts.settings}.${parts.protections}.${sha256Hex(JSON.stringify({ tabs: parts.tabs, triggers })).slice(0, 12)}`;
}

/**
 * The schema this build expects: set-up writes it last, after everything else succeeded, and
 * every person's call compares the stored one with it. A register whose stored version differs
 * (or has none) was set up by another release and waits for an admin to run set-up again.
 */
export function schemaVersion(): string {
  version ??= schemaVersionOf({ settings: SETTINGS_REVISION, protections: PROTECTIONS_REVISION, tabs: TABS, triggers: NEEDED_TRIGGERS });
  return version;
}

/** The invariant store (core/invariants.ts): its tab's name and how numbers map to its rows. */
export const STORE_KEY = 'rekisteri.store';
/** Set when an on-edit run failed or found the lock busy: the next run repairs the whole register. */
export const REPAIR_DUE_KEY = 'rekisteri.repairDue';
/** The nightly time-driven trigger (repair, later the retention sweep): its id and owner. */
export const NIGHTLY_TRIGGER_KEY = 'rekisteri.nightlyTrigger';
/** The on-change trigger (structural changes: a repair of the affected tab): its id and owner. */
export const CHANGE_TRIGGER_KEY = 'rekisteri.changeTrigger';
/** A retention sweep under way (server/retention.ts): the numbers, cases and threads it logged, until applied. */
export const SWEEP_KEY = 'rekisteri.sweep';

/**
 * Each trigger handler's last run (server/triggers.ts recordRuns): `rekisteri.run.<handler>` →
 * `{at, error}`. One key per handler, so a run records itself in one setProperty with no read
 * first, and two handlers running at once never overwrite each other's record.
 */
export const TRIGGER_RUN_PREFIX = 'rekisteri.run.';
/** Where the nightly run recorded itself before every handler did (read as runNightly's record until it runs again). */
export const LEGACY_NIGHTLY_RUN_KEY = 'rekisteri.nightlyRun';
/** The sent daily summaries' anchors (core/summary.ts), newest last. */
export const ANCHORS_KEY = 'rekisteri.summaryAnchors';
/** Intake's own state (server/intake.ts INTAKE_KEY): read here only for its trigger's record. */
/** The intake's own state (server/intake.ts): its trigger, checkpoint, continuation and pending acknowledgements. */
export const INTAKE_KEY = 'rekisteri.intake';

/** A trigger handler's last run: its start (ISO) and its error ('' when it completed). */
export interface TriggerRun {
  at: string;
  error: string;
}

/** The property that records `handler`'s run (one setProperties). The error is cut to 500 characters (a property holds 9 KB). */
export function triggerRunProperty(handler: string, run: TriggerRun): Record<string, string> {
  return { [TRIGGER_RUN_PREFIX + handler]: JSON.stringify({ at: run.at, error: run.error.slice(0, 500) }) };
}

function validRun(v: unknown): TriggerRun | null {
  const r = v as TriggerRun | null;
  return r && typeof r.at === 'string' && typeof r.error === 'string' ? r : null;
}

/** Every recorded run, by handler, from one read of the properties. */
function triggerRunsOf(all: Record<string, string>): Record<string, TriggerRun> {
  const out: Record<string, TriggerRun> = {};
  for (const [key, raw] of Object.entries(all)) {
    if (!key.startsWith(TRIGGER_RUN_PREFIX)) continue;
    const run = validRun(parse<unknown>(raw, null));
    if (run) out[key.slice(TRIGGER_RUN_PREFIX.length)] = run;
  }
  const legacy = validRun(parse<unknown>(all[LEGACY_NIGHTLY_RUN_KEY], null));
  if (!out.runNightly && legacy) out.runNightly = legacy;
  return out;
}

/** The anchors stored so far (well-formed ones only). */
function anchorsOf(all: Record<string, string>): Anchor[] {
  const list = parse<unknown>(all[ANCHORS_KEY], []);
  return Array.isArray(list) ? list.filter((a): a is Anchor => !!a && typeof a.sentAt === 'string' && Number.isInteger(a.count) && typeof a.head === 'string') : [];
}

/** A property value holds at most 9 KB (Apps Script quotas, "Properties value size"): the sweep's pending work is split in parts. */
export const SWEEP_PART_CHARS = 8000;

/** The sweep's pending work from its parts: `rekisteri.sweep` is "<parts>\n<first part>", then `rekisteri.sweep.1` …; null when none. */
export function sweepOf(all: Record<string, string>): string | null {
  const head = all[SWEEP_KEY];
  if (!head) return null;
  const cut = head.indexOf('\n');
  const parts = Number(head.slice(0, cut));
  if (cut < 0 || !Number.isInteger(parts) || parts < 1) return null;
  let out = head.slice(cut + 1);
  for (let i = 1; i < parts; i++) out += all[`${SWEEP_KEY}.${i}`] ?? '';
  return out;
}

/** The properties that store `json` as the sweep's pending work (one setProperties), clearing up to `clearParts` older parts. */
export function sweepProperties(json: string, clearParts = 0): Record<string, string> {
  const chunks: string[] = [];
  for (let i = 0; i < json.length; i += SWEEP_PART_CHARS) chunks.push(json.slice(i, i + SWEEP_PART_CHARS));
  if (!chunks.length) chunks.push('');
  const out: Record<string, string> = { [SWEEP_KEY]: json ? `${chunks.length}\n${chunks[0]}` : '' };
  for (let i = 1; i < Math.max(chunks.length, clearParts); i++) out[`${SWEEP_KEY}.${i}`] = json ? chunks[i] ?? '' : '';
  return out;
}

export interface StoreInfo {
  name: string;
  prefix: string;
  digits: number;
  base: number;
  /** Rows the store's tab has (grown 1000 at a time), so a write past them grows it first. */
  capacity?: number;
}

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
  requestKeys: RequestKeys;
  /** The schema version the last completed set-up wrote (null: none, or set up before versions). */
  schemaVersion: string | null;
  store: StoreInfo | null;
  repairDue: string | null;
  nightlyTrigger: EditTrigger | null;
  changeTrigger: EditTrigger | null;
  /** The retention sweep's pending work as stored (JSON), or null (server/retention.ts reads it). */
  sweep: string | null;
  /** Erasures fulfilment scheduled at a legal hold's end (`rekisteri.erasure.<n>`), read with the rest: the sweep's input. */
  scheduledErasures: ScheduledErasure[];
  /** Each trigger handler's last run, by handler (runNightly, pollInbox, onRegisterEdit, …). */
  triggerRuns: Record<string, TriggerRun>;
  /** The anchors the daily summaries sent (the compliance check compares the chain with them). */
  anchors: Anchor[];
  /** The inbox trigger's record, kept in intake's own property (server/intake.ts `rekisteri.intake`). */
  intakeTrigger: EditTrigger | null;
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

function validStore(v: unknown): StoreInfo | null {
  const s = v as StoreInfo | null;
  return s && typeof s.name === 'string' && typeof s.prefix === 'string' && Number.isInteger(s.digits) && Number.isInteger(s.base) ? s : null;
}

/** Reads the whole state in one call. */
export function readState(properties: GoogleAppsScript.Properties.Properties): DocumentState {
  const all = properties.getProperties();
  const rawSettings = all[SETTINGS_KEY];
  const counter = Number(all[COUNTER_KEY]);
  return {
    scheduledErasures: scheduledErasures(all),
    settings: rawSettings ? completeSettings(parse<unknown>(rawSettings, null)) : null,
    layout: parse<Layout>(all[LAYOUT_KEY], {}),
    auditHead: validHead(parse<unknown>(all[AUDIT_HEAD_KEY], null)),
    nextCustomerNumber: Number.isInteger(counter) && counter > 0 ? counter : null,
    editTrigger: validTrigger(parse<unknown>(all[EDIT_TRIGGER_KEY], null)),
    requestKeys: parseRequestKeys(parse<unknown>(all[REQUEST_KEYS_KEY], [])),
    schemaVersion: all[SCHEMA_VERSION_KEY] || null,
    store: validStore(parse<unknown>(all[STORE_KEY], null)),
    repairDue: all[REPAIR_DUE_KEY] || null,
    nightlyTrigger: validTrigger(parse<unknown>(all[NIGHTLY_TRIGGER_KEY], null)),
    changeTrigger: validTrigger(parse<unknown>(all[CHANGE_TRIGGER_KEY], null)),
    sweep: sweepOf(all),
    triggerRuns: triggerRunsOf(all),
    anchors: anchorsOf(all),
    intakeTrigger: validTrigger((parse<{ trigger?: unknown } | null>(all[INTAKE_KEY], null) ?? {}).trigger ?? null),
  };
}

/** Serialised values for `setProperties` (several keys, one call). */
export function stateProperties(update: {
  layout?: Layout; auditHead?: AuditHead; nextCustomerNumber?: number; editTrigger?: EditTrigger; requestKeys?: RequestKeys;
  store?: StoreInfo; nightlyTrigger?: EditTrigger; changeTrigger?: EditTrigger;
}): Record<string, string> {
  const out: Record<string, string> = {};
  if (update.layout) out[LAYOUT_KEY] = JSON.stringify(update.layout);
  if (update.auditHead) out[AUDIT_HEAD_KEY] = JSON.stringify(update.auditHead);
  if (update.nextCustomerNumber !== undefined) out[COUNTER_KEY] = String(update.nextCustomerNumber);
  if (update.editTrigger) out[EDIT_TRIGGER_KEY] = JSON.stringify(update.editTrigger);
  if (update.requestKeys) out[REQUEST_KEYS_KEY] = JSON.stringify(update.requestKeys);
  if (update.store) out[STORE_KEY] = JSON.stringify(update.store);
  if (update.nightlyTrigger) out[NIGHTLY_TRIGGER_KEY] = JSON.stringify(update.nightlyTrigger);
  if (update.changeTrigger) out[CHANGE_TRIGGER_KEY] = JSON.stringify(update.changeTrigger);
  return out;
}
