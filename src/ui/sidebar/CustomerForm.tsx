/**
 * Create and edit form. Every field is checked with the server's own rules as the user leaves it
 * (and live once its message shows); saving sends only what changed, with the loaded version.
 * Leaving a field for the form's own buttons shows no message (it would move the button under
 * the pointer and eat the click; the submit checks every field anyway). A server refusal that
 * names fields is shown under those fields. Escape cancels (the sidebar asks first when there are
 * unsaved changes); dates are typed d.M.yyyy.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { CUSTOMER_TYPES, KINDS, MARKETING_BASES, SOURCES, type Customer, type CustomerField } from '../../core/customer';
import { enumLabel, fieldLabel, useT } from '../shared/i18n';
import { DateField, Notice, SelectField, TextField } from '../shared/fields';
import { useServerClock } from '../shared/clock';
import { changesOf, createInputOf, customerErrors, CREATE_FIELDS, EDIT_FIELDS, type Draft } from './validate';

export interface CustomerFormProps {
  /** The record being edited, or null for a new person. */
  base: Customer | null;
  /** Starting values (a draft restored after a conflict); the base's values when left out. */
  initial: Draft;
  /** The draft to show when it differs from `initial` (the typed values, back from the duplicate view). */
  draft?: Draft;
  busy: boolean;
  error: string | null;
  /** A server refusal split onto its fields (field → message), shown under each. */
  fieldErrors?: Record<string, string> | null;
  onSave(input: Draft): void;
  onCancel(): void;
  /** Told whether the draft differs from where it started (the sidebar warns before leaving). */
  onDirty?(dirty: boolean): void;
}

const ENUMS: Partial<Record<CustomerField, readonly string[]>> = {
  kind: KINDS, customerType: CUSTOMER_TYPES, source: SOURCES, marketingBasis: MARKETING_BASES,
};
const HALF: readonly CustomerField[] = ['kind', 'customerType', 'postalCode', 'city', 'relationshipStart', 'relationshipEnd'];
const DATES: readonly CustomerField[] = ['relationshipStart', 'relationshipEnd', 'marketingConsentAt'];
const INPUT_TYPE: Partial<Record<CustomerField, string>> = { email: 'email', phone: 'tel' };
const AUTOCOMPLETE: Partial<Record<CustomerField, string>> = {
  name: 'name', email: 'email', phone: 'tel', street: 'street-address', postalCode: 'postal-code', city: 'address-level2',
};

export function CustomerForm(props: CustomerFormProps) {
  const { language, t } = useT();
  const fields = props.base ? EDIT_FIELDS : CREATE_FIELDS;
  const [draft, setDraft] = useState<Draft>(props.draft ?? props.initial);
  const [touched, setTouched] = useState<Record<string, boolean>>({});
  const [submitted, setSubmitted] = useState(false);
  const refs = useRef<Record<string, HTMLElement | null>>({});
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    const first = refs.current.name;
    (first ?? heading.current)?.focus();
  }, []);

  const input = props.base ? changesOf(props.base, draft, fields) : createInputOf(draft, fields);
  const errors = customerErrors(props.base, input, language, useServerClock());
  // The server's refusal stays under its field until that field is changed.
  const [server, setServer] = useState<Record<string, string>>(props.fieldErrors ?? {});
  useEffect(() => setServer(props.fieldErrors ?? {}), [props.fieldErrors]);
  const shown = (f: string) => (submitted || touched[f] ? errors[f] : undefined) ?? server[f];
  const set = (f: string, v: string) => {
    setDraft((d) => ({ ...d, [f]: v }));
    if (server[f]) setServer((s) => { const n = { ...s }; delete n[f]; return n; });
  };
  const touch = (f: string) => setTouched((s) => (s[f] ? s : { ...s, [f]: true }));
  /** Leaving a field marks it checked, unless focus goes to one of the form's buttons (see above). */
  const left = (f: string) => (e: FocusEvent) => {
    const to = e.relatedTarget as HTMLElement | null;
    if (to && to.tagName === 'BUTTON' && to.closest('.buttons')) return;
    touch(f);
  };
  const dirty = fields.some((f) => (draft[f] ?? '') !== (props.initial[f] ?? ''));
  useEffect(() => props.onDirty?.(dirty), [dirty]);
  useEffect(() => () => props.onDirty?.(false), []);
  const visible = (f: CustomerField) => f !== 'marketingConsentAt' || draft.marketingBasis === 'consent';

  const submit = (e: Event) => {
    e.preventDefault();
    setSubmitted(true);
    const bad = fields.find((f) => errors[f] && visible(f));
    if (bad || Object.keys(errors).length) {
      refs.current[bad ?? '']?.focus();
      return;
    }
    props.onSave(input);
  };

  const hasShownErrors = submitted && Object.keys(errors).length > 0;
  const idOf = (f: string) => `form-${f}`;

  return (
    <form class="stack form-grid" onSubmit={submit} noValidate data-testid="customer-form" aria-labelledby="form-title"
      onKeyDown={(e) => { if (e.key === 'Escape' && !props.busy) { e.preventDefault(); props.onCancel(); } }}>
      <h2 id="form-title" tabIndex={-1} ref={heading}>{props.base ? t('uiEditTitle') : t('uiNewPerson')}</h2>
      {props.base ? <div class="muted small">{fieldLabel(language, 'customerNumber')} {props.base.customerNumber}</div> : null}
      {fields.filter(visible).map((f) => {
        const common = {
          id: idOf(f),
          name: f,
          half: HALF.includes(f),
          label: fieldLabel(language, f),
          error: shown(f),
          required: f === 'name',
          requiredText: t('uiRequired'),
          disabled: props.busy,
          onBlur: left(f),
          inputRef: (el: HTMLElement | null) => { refs.current[f] = el; },
        };
        const values = ENUMS[f];
        if (values) {
          return (
            <SelectField
              key={f}
              {...common}
              value={draft[f]}
              options={values.map((v) => ({ value: v, label: enumLabel(language, f, v) }))}
              onChange={(v) => { set(f, v); touch(f); }}
            />
          );
        }
        if (DATES.includes(f)) {
          return (
            <DateField key={f} {...common} value={/^\d{4}-\d{2}-\d{2}T/.test(draft[f]) ? draft[f].slice(0, 10) : draft[f]} onInput={(v) => set(f, v)}
              placeholder={t('uiDatePlaceholder')} invalidText={t('uiDateInvalid')} calendarLabel={t('uiCalendar')} />
          );
        }
        return (
          <TextField
            key={f}
            {...common}
            type={INPUT_TYPE[f]}
            autoComplete={AUTOCOMPLETE[f]}
            help={f === 'outsideEeaTransferRequest' ? t('uiHelpTransfer') : undefined}
            helpLabel={t('uiHelp')}
            value={draft[f]}
            maxLength={f === 'country' ? 2 : undefined}
            onInput={(v) => set(f, f === 'country' ? v.toUpperCase() : v)}
          />
        );
      })}
      {hasShownErrors ? <Notice kind="error" testId="form-errors" message={t('uiFixErrors')} /> : null}
      {props.error ? <Notice kind="error" message={props.error} /> : null}
      <div class="buttons">
        <button type="submit" class="primary" disabled={props.busy} data-testid="save-button">
          {props.busy ? t('uiSaving') : t('uiSave')}
        </button>
        <button type="button" disabled={props.busy} onClick={props.onCancel} data-testid="cancel-button">{t('uiCancel')}</button>
      </div>
    </form>
  );
}
