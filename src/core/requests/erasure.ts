/**
 * Erasures that must wait for a legal hold (GDPR 17(3)(b)): fulfilment restricts the record at
 * once and schedules its deletion here, for the retention sweep. Each schedule is one document
 * property, `rekisteri.erasure.<customerNumber>` = `{"until","requestId","at"}`, written in the
 * same `setProperties` that moves the audit head (no extra call, and exactly when the erasure is
 * logged); the sweep reads every property with the state it reads anyway. Pure: the caller passes
 * the properties and the record.
 */
import type { Customer } from '../customer';

export const ERASURE_SCHEDULE_PREFIX = 'rekisteri.erasure.';

export interface ScheduledErasure {
  customerNumber: string;
  /** 'YYYY-MM-DD': the legal hold's end when the erasure was asked. */
  until: string;
  requestId: string;
  /** ISO instant the erasure was asked for (fulfilled). */
  at: string;
}

/** The property to write for a schedule. */
export function erasureScheduleProperty(s: ScheduledErasure): Record<string, string> {
  return { [`${ERASURE_SCHEDULE_PREFIX}${s.customerNumber}`]: JSON.stringify({ until: s.until, requestId: s.requestId, at: s.at }) };
}

/** Every schedule among the document properties (as `getProperties()` returns them); unreadable ones are skipped. */
export function scheduledErasures(properties: Readonly<Record<string, string>>): ScheduledErasure[] {
  const out: ScheduledErasure[] = [];
  for (const [key, raw] of Object.entries(properties)) {
    if (!key.startsWith(ERASURE_SCHEDULE_PREFIX)) continue;
    try {
      const v = JSON.parse(raw) as Partial<ScheduledErasure>;
      if (typeof v.until === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v.until)) {
        out.push({ customerNumber: key.slice(ERASURE_SCHEDULE_PREFIX.length), until: v.until, requestId: String(v.requestId ?? ''), at: String(v.at ?? '') });
      }
    } catch {
      // A hand-edited property that does not parse: the sweep's report shows the record is still there.
    }
  }
  return out;
}

/** Whether a legal hold protects the record on `today` (the hold's last day included). */
export function holdInForce(customer: Pick<Customer, 'legalHoldUntil'>, today: string): boolean {
  return customer.legalHoldUntil !== '' && customer.legalHoldUntil >= today;
}

/**
 * Whether a scheduled erasure is due on `today`: the schedule's date has passed and no hold
 * protects the record now (a hold extended since keeps it: the record's own date counts).
 */
export function erasureDue(schedule: ScheduledErasure, customer: Pick<Customer, 'legalHoldUntil'>, today: string): boolean {
  return schedule.until < today && !holdInForce(customer, today);
}
