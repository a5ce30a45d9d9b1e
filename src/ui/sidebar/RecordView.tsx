/**
 * One person's record: every field under its register header, status badges, and the actions
 * of DESIGN §1 (end relationship, marketing basis, ban, legal hold, restriction, disclosure).
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Customer, CustomerField } from '../../core/customer';
import { enumLabel, fieldLabel, formatCountry, formatDate, formatInstant, useT } from '../shared/i18n';
import { HelpText, HelpToggle, Notice } from '../shared/fields';
import { formatPhone } from '../shared/format';
import type { TextKey } from '../../core/texts';
import { History } from './History';
import { Actions, type Act } from './Actions';
import { Disclosures } from './Disclosures';
import type { Draft } from './validate';
import { useServerClock } from '../shared/clock';
import { RequestsList } from './RequestsList';

export interface Conflict {
  /** The server's refusal, in the user's language. */
  message: string;
  /** The user's unsaved changes (field → typed value). */
  mine: Draft;
}

export interface RecordViewProps {
  customer: Customer;
  /** The row's token as read with `customer`; every action sends it back. */
  rowToken: string;
  note: { kind: 'info' | 'error'; message: string; testId?: string } | null;
  conflict: Conflict | null;
  busy: boolean;
  act: Act;
  onEdit(): void;
  onBack(): void;
  onReapply(): void;
  onDiscard(): void;
}

const SECTIONS: { title: 'uiSectionContact' | 'uiSectionAddress' | 'uiSectionSource' | 'uiSectionMarketing' | 'uiSectionRelationship' | 'uiSectionRecord'; fields: CustomerField[] }[] = [
  { title: 'uiSectionContact', fields: ['customerNumber', 'kind', 'customerType', 'name', 'email', 'phone'] },
  { title: 'uiSectionAddress', fields: ['street', 'postalCode', 'city', 'country'] },
  { title: 'uiSectionSource', fields: ['source', 'sourceNote'] },
  { title: 'uiSectionMarketing', fields: ['marketingBasis', 'marketingConsentAt', 'marketingBannedAt'] },
  { title: 'uiSectionRelationship', fields: ['relationshipStart', 'relationshipEnd', 'legalHoldUntil', 'legalHoldReason', 'restrictedAt', 'outsideEeaTransferRequest'] },
  { title: 'uiSectionRecord', fields: ['createdAt', 'createdBy', 'updatedAt', 'updatedBy', 'version'] },
];

/** The legal terms a "?" explains. */
const HELP: Partial<Record<CustomerField, TextKey>> = {
  restrictedAt: 'uiHelpRestriction', legalHoldUntil: 'uiHelpLegalHold', outsideEeaTransferRequest: 'uiHelpTransfer',
};

const ENUM_FIELDS = new Set(['kind', 'customerType', 'source', 'marketingBasis']);
const DATE_FIELDS = new Set(['relationshipStart', 'relationshipEnd', 'legalHoldUntil']);
const INSTANT_FIELDS = new Set(['marketingConsentAt', 'marketingBannedAt', 'restrictedAt', 'createdAt', 'updatedAt']);

/** A field's value as the user reads it (text; never markup). */
export function displayValue(language: 'fi' | 'sv' | 'en', field: string, raw: string): string {
  if (raw === '') return '';
  if (ENUM_FIELDS.has(field)) return enumLabel(language, field, raw);
  if (DATE_FIELDS.has(field)) return formatDate(language, raw);
  if (INSTANT_FIELDS.has(field)) return formatInstant(language, raw);
  if (field === 'country') return formatCountry(language, raw);
  if (field === 'phone') return formatPhone(raw);
  return raw;
}

export function RecordView(props: RecordViewProps) {
  const { language, t, tw } = useT();
  const c = props.customer;
  const heading = useRef<HTMLHeadingElement>(null);
  const { today } = useServerClock();
  /** Which legal terms' explanations are open. */
  const [help, setHelp] = useState<Record<string, boolean>>({});

  useEffect(() => {
    heading.current?.focus();
  }, [c.customerNumber]);

  const holdActive = c.legalHoldUntil !== '' && c.legalHoldUntil >= today;
  const ended = c.relationshipEnd !== '' && c.relationshipEnd <= today;
  const badges: { text: string; kind: string; testId: string }[] = [];
  if (c.marketingBannedAt) badges.push({ text: t('uiBadgeBanned'), kind: 'bad', testId: 'badge-banned' });
  if (c.restrictedAt) badges.push({ text: t('uiBadgeRestricted'), kind: 'warn', testId: 'badge-restricted' });
  if (holdActive) badges.push({ text: tw('uiBadgeLegalHold', { date: formatDate(language, c.legalHoldUntil) }), kind: 'warn', testId: 'badge-legal-hold' });
  if (ended) badges.push({ text: t('uiBadgeEnded'), kind: 'neutral', testId: 'badge-ended' });

  const mine = props.conflict ? Object.keys(props.conflict.mine) : [];

  return (
    <section class="stack" data-testid="record-view" aria-labelledby="record-title">
      <button type="button" class="link back" onClick={props.onBack} data-testid="back-button">‹ {t('uiBack')}</button>
      <div class="record-head">
        <h2 id="record-title" tabIndex={-1} ref={heading} data-testid="record-name">{c.name}</h2>
        <div class="muted small">{fieldLabel(language, 'customerNumber')} {c.customerNumber}</div>
        {badges.length ? (
          <ul class="badges">
            {badges.map((b) => <li key={b.testId} class={`badge ${b.kind}`} data-testid={b.testId}>{b.text}</li>)}
          </ul>
        ) : null}
      </div>

      {props.conflict ? (
        <div class="conflict" data-testid="conflict">
          <Notice kind="error" testId="conflict-message" message={props.conflict.message} />
          {mine.length ? (
            <div class="unsaved" data-testid="unsaved-changes">
              <h3>{t('uiUnsavedTitle')}</h3>
              <dl>
                {mine.map((f) => (
                  <div key={f} class="pair" data-testid={`unsaved-${f}`}>
                    <dt>{fieldLabel(language, f)}</dt>
                    <dd>
                      <div><span class="muted">{t('uiUnsavedMine')}: </span>{displayValue(language, f, props.conflict!.mine[f]) || t('uiEmptyValue')}</div>
                      <div><span class="muted">{t('uiUnsavedNow')}: </span>{displayValue(language, f, String(c[f as CustomerField] ?? '')) || t('uiEmptyValue')}</div>
                    </dd>
                  </div>
                ))}
              </dl>
              <div class="buttons">
                <button type="button" class="primary" onClick={props.onReapply} data-testid="reapply-button">{t('uiReapply')}</button>
                <button type="button" onClick={props.onDiscard} data-testid="discard-button">{t('uiDiscard')}</button>
              </div>
            </div>
          ) : null}
        </div>
      ) : null}
      {props.note ? <Notice kind={props.note.kind} testId={props.note.testId} message={props.note.message} /> : null}

      <div class="buttons">
        <button type="button" class="primary" onClick={props.onEdit} disabled={props.busy} data-testid="edit-button">{t('uiEdit')}</button>
      </div>

      <Actions customer={c} rowToken={props.rowToken} busy={props.busy} act={props.act} />

      {SECTIONS.map((s) => (
        <div class="card" key={s.title}>
          <h3>{t(s.title)}</h3>
          <dl class="fields">
            {s.fields.map((f) => {
              const raw = String(c[f] ?? '');
              const shown = displayValue(language, f, raw);
              return (
                <div class="pair" key={f}>
                  <dt>{fieldLabel(language, f)}{HELP[f] ? <HelpToggle label={t('uiHelp')} id={`help-field-${f}`} open={!!help[f]} onToggle={(o) => setHelp({ ...help, [f]: o })} /> : null}</dt>
                  <dd data-testid={`field-${f}`} data-value={raw} class={shown ? '' : 'empty'} title={shown.length > 24 ? shown : undefined}>{shown || '–'}</dd>
                  {help[f] ? <HelpText id={`help-field-${f}`} text={t(HELP[f]!)} /> : null}
                </div>
              );
            })}
          </dl>
        </div>
      ))}

      <Disclosures customerNumber={c.customerNumber} refresh={props.note} />
      <RequestsList customerNumber={c.customerNumber} />
      <History customerNumber={c.customerNumber} version={c.version} />
    </section>
  );
}
