/**
 * Labelled form controls: each label is tied to its input, and the field's validation message
 * (when shown) sits under it, announced through aria-describedby. Text only, never HTML.
 */
import type { ComponentChildren, Ref } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { formatDay, parseDay } from '../../core/display-dates';
import type { TextKey } from '../../core/texts';

interface Common {
  id: string;
  /** data-testid suffix: the input is `input-<name>`, its message `field-error-<name>`. */
  name: string;
  label: string;
  error?: string;
  hint?: string;
  required?: boolean;
  requiredText?: string;
  disabled?: boolean;
  /** Half the form's width (two short fields side by side). */
  half?: boolean;
  onBlur?: (e: FocusEvent) => void;
  /** A short help text behind a "?" button (legal terms). */
  help?: string;
  helpLabel?: string;
  inputRef?: Ref<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>;
}

function Wrap(props: Common & { children: ComponentChildren }) {
  const messageId = `${props.id}-error`;
  return (
    <div class={`field${props.error ? ' invalid' : ''}${props.half ? ' half' : ''}`}>
      <div class="label-row">
        <label for={props.id}>
          {props.label}
          {props.required ? <span class="required"> ({props.requiredText ?? '*'})</span> : null}
        </label>
        {props.help ? <HelpButton text={props.help} label={props.helpLabel ?? '?'} id={`${props.id}-help`} /> : null}
      </div>
      {props.children}
      {props.hint && !props.error ? <div class="hint">{props.hint}</div> : null}
      {props.error ? (
        <div class="field-error" id={messageId} data-testid={`field-error-${props.name}`}>{props.error}</div>
      ) : null}
    </div>
  );
}

const described = (p: Common) => (p.error ? `${p.id}-error` : undefined);

/**
 * A one-line text field. `type="email"` is rendered as a text field with the email keyboard:
 * Chromium's own email input turns `anna@hyvä.fi` into `anna@xn--hyv-sla.fi` before the page
 * sees it, and a Finn must see the address as typed (core/validation.ts checks it instead).
 */
export function TextField(props: Common & { value: string; onInput: (v: string) => void; type?: string; autoComplete?: string; maxLength?: number; inputMode?: string }) {
  const email = props.type === 'email';
  return (
    <Wrap {...props}>
      <input
        id={props.id}
        name={props.name}
        type={(email ? 'text' : props.type ?? 'text') as 'text'}
        value={props.value}
        required={props.required}
        disabled={props.disabled}
        maxLength={props.maxLength}
        autoComplete={props.autoComplete ?? (email ? 'email' : 'off')}
        inputMode={(email ? 'email' : props.inputMode) as 'text'}
        spellcheck={email ? false : undefined}
        autoCapitalize={email ? 'off' : undefined}
        aria-invalid={props.error ? 'true' : undefined}
        aria-describedby={described(props)}
        data-testid={`input-${props.name}`}
        ref={props.inputRef as Ref<HTMLInputElement>}
        onInput={(e) => props.onInput((e.currentTarget as HTMLInputElement).value)}
        onBlur={props.onBlur}
      />
    </Wrap>
  );
}

export function TextArea(props: Common & { value: string; onInput: (v: string) => void; rows?: number }) {
  return (
    <Wrap {...props}>
      <textarea
        id={props.id}
        name={props.name}
        rows={props.rows ?? 2}
        value={props.value}
        disabled={props.disabled}
        aria-invalid={props.error ? 'true' : undefined}
        aria-describedby={described(props)}
        data-testid={`input-${props.name}`}
        ref={props.inputRef as Ref<HTMLTextAreaElement>}
        onInput={(e) => props.onInput((e.currentTarget as HTMLTextAreaElement).value)}
        onBlur={props.onBlur}
      />
    </Wrap>
  );
}

export function SelectField(props: Common & { value: string; options: { value: string; label: string }[]; onChange: (v: string) => void }) {
  return (
    <Wrap {...props}>
      <select
        id={props.id}
        name={props.name}
        value={props.value}
        disabled={props.disabled}
        aria-invalid={props.error ? 'true' : undefined}
        aria-describedby={described(props)}
        data-testid={`input-${props.name}`}
        ref={props.inputRef as Ref<HTMLSelectElement>}
        onChange={(e) => props.onChange((e.currentTarget as HTMLSelectElement).value)}
        onBlur={props.onBlur}
      >
        {props.options.map((o) => (
          <option key={o.value} value={o.value}>{o.label}</option>
        ))}
      </select>
    </Wrap>
  );
}

/**
 * A "?" that shows a term's explanation under it (and hides it again); Escape hides it too.
 * Text only.
 */
export function HelpButton(props: { text: string; label: string; id: string }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <HelpToggle label={props.label} id={props.id} open={open} onToggle={setOpen} />
      {open ? <HelpText id={props.id} text={props.text} /> : null}
    </>
  );
}

/** The "?" alone, for a place where the explanation shows elsewhere (a record's label/value row). */
export function HelpToggle(props: { label: string; id: string; open: boolean; onToggle(open: boolean): void }) {
  return (
    <button type="button" class="help-button" aria-label={props.label} title={props.label} aria-expanded={props.open}
      aria-controls={props.id} data-testid={`help-${props.id}`}
      onClick={() => props.onToggle(!props.open)}
      onKeyDown={(e) => { if (e.key === 'Escape' && props.open) { e.stopPropagation(); props.onToggle(false); } }}>?</button>
  );
}

export function HelpText(props: { id: string; text: string }) {
  return <div class="help-text" id={props.id} role="note" data-testid="help-text">{props.text}</div>;
}

/**
 * A date typed as `d.M.yyyy` whatever the browser's language (a browser's own date input shows
 * 12/01/2026 in an English Chrome, which a Finn reads as 12 January), with a calendar button
 * that opens the browser's picker. `value` and `onInput` are 'YYYY-MM-DD'; text that is no date
 * is passed on as typed (so the form's own check refuses it) and the field says how to write it.
 */
export function DateField(props: Common & { value: string; onInput: (v: string) => void; placeholder: string; invalidText: string; calendarLabel: string }) {
  const [typed, setTyped] = useState(formatDay(props.value));
  const picker = useRef<HTMLInputElement>(null);
  // A value set from outside (a reset, the calendar) shows as d.M.yyyy.
  useEffect(() => {
    if (parseDay(typed) !== props.value) setTyped(formatDay(props.value));
  }, [props.value]);
  const own = parseDay(typed) === null ? props.invalidText : undefined;
  const error = props.error ? own ?? props.error : undefined;
  const openCalendar = () => {
    const p = picker.current;
    if (!p) return;
    p.value = parseDay(typed) || '';
    try {
      p.showPicker();
    } catch {
      p.focus();
    }
  };
  return (
    <Wrap {...props} error={error}>
      <div class="date-row">
        <input
          id={props.id}
          name={props.name}
          type="text"
          inputMode="numeric"
          value={typed}
          placeholder={props.placeholder}
          disabled={props.disabled}
          autoComplete="off"
          maxLength={12}
          aria-invalid={error ? 'true' : undefined}
          aria-describedby={error ? `${props.id}-error` : undefined}
          data-testid={`input-${props.name}`}
          data-value={props.value}
          ref={props.inputRef as Ref<HTMLInputElement>}
          onInput={(e) => {
            const v = (e.currentTarget as HTMLInputElement).value;
            setTyped(v);
            const day = parseDay(v);
            props.onInput(day === null ? v : day);
          }}
          onBlur={props.onBlur}
        />
        <button type="button" class="calendar-button" aria-label={props.calendarLabel} title={props.calendarLabel}
          disabled={props.disabled} onClick={openCalendar} data-testid={`calendar-${props.name}`}>📅</button>
        <input type="date" class="date-picker" ref={picker} tabIndex={-1} aria-hidden="true"
          onChange={(e) => {
            const v = (e.currentTarget as HTMLInputElement).value;
            if (!v) return;
            setTyped(formatDay(v));
            props.onInput(v);
          }} />
      </div>
    </Wrap>
  );
}

/** A message region: errors are alerts (read out at once), other notices polite status. */
export function Notice(props: { kind: 'error' | 'info'; message: string; testId?: string; onDismiss?: () => void; dismissLabel?: string }) {
  return (
    <div
      class={`notice ${props.kind}`}
      role={props.kind === 'error' ? 'alert' : 'status'}
      data-testid={props.testId ?? (props.kind === 'error' ? 'error' : 'notice')}
    >
      <span class="notice-text">{props.message}</span>
      {props.onDismiss ? (
        <button type="button" class="icon" aria-label={props.dismissLabel} title={props.dismissLabel} onClick={props.onDismiss}>×</button>
      ) : null}
    </div>
  );
}

/** Offers text as a file download (Blob + object URL + <a download>), then releases the URL. */
export function downloadText(content: string, fileName: string, type = 'text/csv;charset=utf-8'): void {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** A DateField's own texts (how to write a day, the refusal of one that is not, the calendar button) in the user's language. */
export const dateTexts = (t: (k: TextKey) => string) => ({ placeholder: t('uiDatePlaceholder'), invalidText: t('uiDateInvalid'), calendarLabel: t('uiCalendar') });
