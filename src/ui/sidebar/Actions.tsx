/**
 * The record's actions, each a small inline panel: end the relationship, set the marketing basis,
 * ban marketing (permanent, confirmed first, with Peruuta focused so Enter never bans), legal hold
 * (set or lift), restrict processing (toggle), and record a disclosure. Inputs are checked with
 * the server's rules before sending; a server refusal naming fields lands under those fields;
 * Escape closes the open panel; dates are typed d.M.yyyy; the legal terms have a "?" help.
 */
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { MARKETING_BASES, type Customer } from '../../core/customer';
import { DATA_CATEGORIES, DISCLOSURE_BASES } from '../../core/disclosures';
import { DISCLOSURES_TAB } from '../../core/schema';
import { text, type TextKey } from '../../core/texts';
import { callServer } from '../shared/server';
import { newRequestKey } from '../shared/request-key';
import { enumLabel, fieldLabel, headerLabel, useT } from '../shared/i18n';
import { useServerClock } from '../shared/clock';
import { DateField, dateTexts, HelpButton, SelectField, TextArea, TextField } from '../shared/fields';
import { refusalFields } from '../shared/format';
import { customerErrors, disclosureErrors, type Errors } from './validate';

/**
 * Runs a server action; `after` turns its result into the record to show (with its row token)
 * and a message. Resolves true on success. `onRefusal` may take a refusal's message (to show it
 * under the fields it names): when it returns true the record shows no message of its own.
 */
export type Act = <T>(
  run: () => Promise<T>,
  after: (result: T) => { customer?: Customer; rowToken?: string; message: string },
  onRefusal?: (message: string) => boolean,
) => Promise<boolean>;

type Panel = 'end' | 'basis' | 'ban' | 'hold' | 'restrict' | 'disclose';

interface PanelProps {
  customer: Customer;
  /** Sent back as `expectedRowToken`: the action is refused when the row changed since it was read. */
  rowToken: string;
  busy: boolean;
  act: Act;
  close(): void;
}

export function Actions(props: { customer: Customer; rowToken: string; busy: boolean; act: Act }) {
  const { t } = useT();
  const [open, setOpen] = useState<Panel | null>(null);
  const grid = useRef<HTMLDivElement>(null);
  const c = props.customer;
  useEffect(() => setOpen(null), [c.customerNumber]);
  /** Closes the panel and gives focus back to the action's button (or the first one, when it is gone). */
  const close = () => {
    const was = open;
    setOpen(null);
    setTimeout(() => {
      const buttons = grid.current ? [...grid.current.querySelectorAll<HTMLButtonElement>('button')] : [];
      (buttons.find((b) => b.dataset.panel === was) ?? buttons[0])?.focus();
    }, 0);
  };

  const items: { panel: Panel; label: TextKey; testId: string; hidden?: boolean; help?: TextKey }[] = [
    { panel: 'end', label: 'uiEndRelationship', testId: 'end-relationship-button' },
    { panel: 'basis', label: 'uiSetMarketingBasis', testId: 'marketing-basis-button' },
    { panel: 'ban', label: 'uiBanMarketing', testId: 'ban-button', hidden: c.marketingBannedAt !== '' },
    { panel: 'hold', label: 'uiLegalHold', testId: 'legal-hold-button', help: 'uiHelpLegalHold' },
    { panel: 'restrict', label: c.restrictedAt ? 'uiUnrestrict' : 'uiRestrict', testId: 'restrict-button', help: 'uiHelpRestriction' },
    { panel: 'disclose', label: 'uiDisclose', testId: 'disclose-button' },
  ];
  // Escape closes the open panel, wherever the focus is in the sidebar (registered as the panel
  // renders, not after the next paint, so a quick Escape is never missed).
  const busy = useRef(props.busy);
  busy.current = props.busy;
  useLayoutEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape' || e.defaultPrevented || busy.current) return;
      e.preventDefault();
      close();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [open]);
  const panelProps: PanelProps = { customer: c, rowToken: props.rowToken, busy: props.busy, act: props.act, close };

  return (
    <div class="card actions" data-testid="actions">
      <h3>{t('uiActions')}</h3>
      <div class="action-grid" ref={grid}>
        {items.filter((i) => !i.hidden).map((i) => (
          <button
            key={i.panel}
            type="button"
            class={open === i.panel ? 'selected' : ''}
            aria-expanded={open === i.panel}
            aria-controls="action-panel"
            data-testid={i.testId}
            data-panel={i.panel}
            disabled={props.busy}
            onClick={() => setOpen(open === i.panel ? null : i.panel)}
          >
            {t(i.label)}
          </button>
        ))}
      </div>
      {open ? (
        <div id="action-panel" class="panel" data-testid={`panel-${open}`}>
          {items.find((i) => i.panel === open)?.help ? (
            <div class="panel-help"><span class="muted small">{t('uiHelp')}</span>
              <HelpButton text={t(items.find((i) => i.panel === open)!.help!)} label={t('uiHelp')} id={`help-${open}`} /></div>
          ) : null}
          {open === 'end' ? <EndPanel {...panelProps} /> : null}
          {open === 'basis' ? <BasisPanel {...panelProps} /> : null}
          {open === 'ban' ? <BanPanel {...panelProps} /> : null}
          {open === 'hold' ? <HoldPanel {...panelProps} /> : null}
          {open === 'restrict' ? <RestrictPanel {...panelProps} /> : null}
          {open === 'disclose' ? <DisclosePanel {...panelProps} /> : null}
        </div>
      ) : null}
    </div>
  );
}

/**
 * Focuses the panel's first control when it opens; a confirmation (`selector` = its Peruuta)
 * focuses that instead, so a second Enter cancels rather than confirms.
 */
function useFirstFocus(selector = 'input:not([type="date"]), select, textarea, button') {
  const ref = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    ref.current?.querySelector<HTMLElement>(selector)?.focus();
  }, []);
  return ref;
}

function PanelButtons(props: { busy: boolean; label: string; testId: string; close(): void; danger?: boolean }) {
  const { t } = useT();
  return (
    <div class="buttons">
      <button type="submit" class={props.danger ? 'danger' : 'primary'} disabled={props.busy} data-testid={props.testId}>{props.label}</button>
      <button type="button" class="cancel" disabled={props.busy} onClick={props.close} data-testid="panel-cancel">{t('uiCancel')}</button>
    </div>
  );
}

/** Leaving a field for the panel's own buttons shows no message: it would move the button under the pointer. */
const toButtons = (e: FocusEvent) => {
  const to = e.relatedTarget as HTMLElement | null;
  return !!to && to.tagName === 'BUTTON' && !!to.closest('.buttons');
};

function useShownErrors(errors: Errors) {
  const [submitted, setSubmitted] = useState(false);
  const [touched, setTouched] = useState<Record<string, boolean>>({});
  const [server, setServer] = useState<Errors>({});
  return {
    shown: (f: string) => (submitted || touched[f] ? errors[f] : undefined) ?? server[f],
    touch: (f: string) => (e?: FocusEvent) => {
      if (e && toButtons(e)) return;
      setTouched((s) => ({ ...s, [f]: true }));
      setServer((s) => (f in s ? { ...s, [f]: '' } : s));
    },
    /** Takes a refusal naming fields (labels: field → the label the server used); true when it did. */
    refused: (language: 'fi' | 'sv' | 'en', labels: Record<string, string>) => (message: string) => {
      const fields = refusalFields(message, text(language, 'checkFields'), labels);
      if (!fields) return false;
      setServer(fields);
      return true;
    },
    /** Marks the form submitted; true when it may be sent. */
    submit: () => {
      setSubmitted(true);
      return Object.keys(errors).length === 0;
    },
  };
}

function EndPanel(p: PanelProps) {
  const { language, t } = useT();
  const clock = useServerClock();
  const [date, setDate] = useState(clock.today);
  const errors = customerErrors(p.customer, { relationshipEnd: date }, language, clock);
  const v = useShownErrors(errors);
  const ref = useFirstFocus();
  return (
    <form ref={ref as never} class="stack" noValidate onSubmit={(e) => {
      e.preventDefault();
      if (!v.submit()) return;
      void p.act(
        () => callServer('endRelationship', { customerNumber: p.customer.customerNumber, expectedVersion: p.customer.version, expectedRowToken: p.rowToken, date }),
        (r) => ({ customer: r.customer, rowToken: r.rowToken, message: t('uiActionDone') }),
        v.refused(language, { relationshipEnd: headerLabel(language, 'relationshipEnd') }),
      ).then((ok) => ok && p.close());
    }}>
      <DateField id="end-date" name="relationshipEnd" label={t('uiEndRelationshipDate')} value={date} onInput={setDate}
        error={v.shown('relationshipEnd')} onBlur={v.touch('relationshipEnd')} disabled={p.busy} {...dateTexts(t)} />
      <PanelButtons busy={p.busy} label={t('uiEndRelationship')} testId="end-relationship-confirm" close={p.close} />
    </form>
  );
}

function BasisPanel(p: PanelProps) {
  const { language, t } = useT();
  const clock = useServerClock();
  const [basis, setBasis] = useState<string>(p.customer.marketingBasis || 'none');
  const [consentAt, setConsentAt] = useState(p.customer.marketingConsentAt.slice(0, 10) || clock.today);
  const input = basis === 'consent' ? { marketingBasis: basis, marketingConsentAt: consentAt } : { marketingBasis: basis };
  const errors = customerErrors(p.customer, input, language, clock);
  const v = useShownErrors(errors);
  const ref = useFirstFocus();
  return (
    <form ref={ref as never} class="stack" noValidate onSubmit={(e) => {
      e.preventDefault();
      if (!v.submit()) return;
      // An unchanged consent date keeps the stored moment (with its time); a new one is sent as the day.
      const sameConsent = consentAt === p.customer.marketingConsentAt.slice(0, 10) && p.customer.marketingConsentAt !== '';
      void p.act(
        () => callServer('setMarketingBasis', {
          customerNumber: p.customer.customerNumber,
          expectedVersion: p.customer.version,
          expectedRowToken: p.rowToken,
          basis,
          ...(basis === 'consent' ? { consentAt: sameConsent ? p.customer.marketingConsentAt : consentAt } : {}),
        }),
        (r) => ({ customer: r.customer, rowToken: r.rowToken, message: t('uiActionDone') }),
      ).then((ok) => ok && p.close());
    }}>
      {p.customer.marketingBannedAt ? <p class="hint-box">{t('uiBanOverridesBasis')}</p> : null}
      <SelectField id="basis-select" name="marketingBasis" label={fieldLabel(language, 'marketingBasis')} value={basis}
        options={MARKETING_BASES.map((b) => ({ value: b, label: enumLabel(language, 'marketingBasis', b) }))}
        onChange={(b) => { setBasis(b); v.touch('marketingBasis')(); }} error={v.shown('marketingBasis')} disabled={p.busy} />
      {basis === 'consent' ? (
        <DateField id="basis-consent" name="marketingConsentAt" label={fieldLabel(language, 'marketingConsentAt')} value={consentAt}
          onInput={setConsentAt} error={v.shown('marketingConsentAt')} onBlur={v.touch('marketingConsentAt')} disabled={p.busy} {...dateTexts(t)} />
      ) : null}
      <PanelButtons busy={p.busy} label={t('uiSave')} testId="marketing-basis-save" close={p.close} />
    </form>
  );
}

function BanPanel(p: PanelProps) {
  const { t } = useT();
  const ref = useFirstFocus('button.cancel');
  return (
    <form ref={ref as never} class="stack" onSubmit={(e) => {
      e.preventDefault();
      void p.act(
        () => callServer('banMarketing', { customerNumber: p.customer.customerNumber }),
        (r) => ({ customer: r.customer, rowToken: r.rowToken, message: t('uiBanDone') }),
      ).then((ok) => ok && p.close());
    }}>
      <p class="warning-box" data-testid="ban-warning">{t('uiBanWarning')}</p>
      <PanelButtons busy={p.busy} label={t('uiBanConfirm')} testId="ban-confirm" close={p.close} danger />
    </form>
  );
}

function HoldPanel(p: PanelProps) {
  const { language, t } = useT();
  const [until, setUntil] = useState(p.customer.legalHoldUntil);
  const [reason, setReason] = useState(p.customer.legalHoldReason);
  const errors = customerErrors(p.customer, { legalHoldUntil: until, legalHoldReason: reason }, language, useServerClock());
  if (until === '' && reason.trim() !== '') errors.legalHoldUntil ??= t('errRequired');
  const v = useShownErrors(errors);
  const ref = useFirstFocus();
  const send = (u: string, r: string) =>
    p.act(
      () => callServer('setLegalHold', { customerNumber: p.customer.customerNumber, expectedVersion: p.customer.version, expectedRowToken: p.rowToken, until: u, reason: r }),
      (res) => ({ customer: res.customer, rowToken: res.rowToken, message: t('uiActionDone') }),
      v.refused(language, { legalHoldUntil: headerLabel(language, 'legalHoldUntil'), legalHoldReason: headerLabel(language, 'legalHoldReason') }),
    ).then((ok) => ok && p.close());
  const hasHold = p.customer.legalHoldUntil !== '' || p.customer.legalHoldReason !== '';
  return (
    <form ref={ref as never} class="stack" noValidate onSubmit={(e) => {
      e.preventDefault();
      if (!v.submit()) return;
      void send(until, reason);
    }}>
      <DateField id="hold-until" name="legalHoldUntil" label={fieldLabel(language, 'legalHoldUntil')} value={until}
        onInput={setUntil} error={v.shown('legalHoldUntil')} onBlur={v.touch('legalHoldUntil')} disabled={p.busy} {...dateTexts(t)} />
      <TextArea id="hold-reason" name="legalHoldReason" label={fieldLabel(language, 'legalHoldReason')} value={reason}
        onInput={setReason} error={v.shown('legalHoldReason')} onBlur={v.touch('legalHoldReason')} disabled={p.busy} />
      <PanelButtons busy={p.busy} label={t('uiLegalHoldSave')} testId="legal-hold-save" close={p.close} />
      {hasHold ? (
        <button type="button" class="link" disabled={p.busy} data-testid="legal-hold-lift" onClick={() => void send('', '')}>{t('uiLegalHoldLift')}</button>
      ) : null}
    </form>
  );
}

function RestrictPanel(p: PanelProps) {
  const { t } = useT();
  const restricted = p.customer.restrictedAt !== '';
  const ref = useFirstFocus();
  return (
    <form ref={ref as never} class="stack" onSubmit={(e) => {
      e.preventDefault();
      void p.act(
        () => callServer('restrictProcessing', {
          customerNumber: p.customer.customerNumber, expectedVersion: p.customer.version, expectedRowToken: p.rowToken, restricted: !restricted,
        }),
        (r) => ({ customer: r.customer, rowToken: r.rowToken, message: t('uiActionDone') }),
      ).then((ok) => ok && p.close());
    }}>
      {restricted ? null : <p class="hint-box">{t('uiRestrictHint')}</p>}
      <PanelButtons busy={p.busy} label={restricted ? t('uiUnrestrict') : t('uiRestrict')} testId="restrict-confirm" close={p.close} />
    </form>
  );
}

/** The date field's texts in the UI language. */

const CATEGORY_LABEL = (language: 'fi' | 'sv' | 'en', c: string, address: string) => (c === 'address' ? address : fieldLabel(language, c));

function DisclosePanel(p: PanelProps) {
  const { language, t, tw } = useT();
  const [recipient, setRecipient] = useState('');
  const [country, setCountry] = useState('FI');
  const [basis, setBasis] = useState<string>(p.customer.restrictedAt ? 'authority' : 'consent');
  const [reference, setReference] = useState('');
  const [categories, setCategories] = useState<string[]>([]);
  const { today } = useServerClock();
  const [date, setDate] = useState(today);
  // One key for this opened form, kept across retries of its submit: a retry never records twice.
  const [requestKey] = useState(newRequestKey);
  const input = { recipient, recipientCountry: country, basis, basisReference: reference, dataCategories: categories, date };
  const errors = disclosureErrors(input, p.customer, language, today);
  const v = useShownErrors(errors);
  const ref = useFirstFocus();
  const toggle = (c: string) => {
    setCategories((cs) => (cs.includes(c) ? cs.filter((x) => x !== c) : DATA_CATEGORIES.filter((x) => x === c || cs.includes(x))));
    v.touch('dataCategories')();
  };
  const catError = v.shown('dataCategories');
  return (
    <form ref={ref as never} class="stack" noValidate data-testid="disclosure-form" onSubmit={(e) => {
      e.preventDefault();
      if (!v.submit()) return;
      void p.act(
        () => callServer('recordDisclosure', {
          customerNumber: p.customer.customerNumber,
          recipient, recipientCountry: country, basis, basisReference: reference, dataCategories: categories, date, requestKey,
        }),
        (r) => ({ message: tw('uiDisclosureDone', { id: r.disclosure.id }) }),
        v.refused(language, Object.fromEntries(DISCLOSURES_TAB.columns.map((c) => [c.key, c.header[language]]))),
      ).then((ok) => ok && p.close());
    }}>
      <TextField id="disc-recipient" name="recipient" label={t('uiRecipient')} value={recipient} onInput={setRecipient}
        error={v.shown('recipient')} onBlur={v.touch('recipient')} disabled={p.busy} required requiredText={t('uiRequired')} />
      <TextField id="disc-country" name="recipientCountry" label={t('uiRecipientCountry')} value={country} maxLength={2}
        onInput={(x) => setCountry(x.toUpperCase())} error={v.shown('recipientCountry')} onBlur={v.touch('recipientCountry')} disabled={p.busy} />
      <SelectField id="disc-basis" name="basis" label={t('uiDisclosureBasis')} value={basis}
        options={DISCLOSURE_BASES.map((b) => ({ value: b, label: enumLabel(language, 'basis', b) }))}
        onChange={(b) => { setBasis(b); v.touch('basis')(); }} error={v.shown('basis')} disabled={p.busy} />
      <TextField id="disc-reference" name="basisReference" label={t('uiBasisReference')} value={reference} onInput={setReference}
        error={v.shown('basisReference')} onBlur={v.touch('basisReference')} disabled={p.busy} />
      <fieldset class={`field checks${catError ? ' invalid' : ''}`} aria-describedby={catError ? 'disc-categories-error' : undefined}>
        <legend>{t('uiDataCategories')}</legend>
        {DATA_CATEGORIES.map((c) => (
          <label key={c} class="check">
            <input type="checkbox" name="dataCategories" value={c} checked={categories.includes(c)} disabled={p.busy}
              data-testid={`category-${c}`} onChange={() => toggle(c)} />
            {CATEGORY_LABEL(language, c, t('uiCategoryAddress'))}
          </label>
        ))}
        {catError ? <div class="field-error" id="disc-categories-error" data-testid="field-error-dataCategories">{catError}</div> : null}
      </fieldset>
      <DateField id="disc-date" name="date" label={t('uiDisclosureDate')} value={date} onInput={setDate}
        error={v.shown('date')} onBlur={v.touch('date')} disabled={p.busy} {...dateTexts(t)} />
      <PanelButtons busy={p.busy} label={t('uiDisclose')} testId="disclosure-save" close={p.close} />
    </form>
  );
}
