/**
 * Labelled form controls: each label is tied to its input, and the field's validation message
 * (when shown) sits under it, announced through aria-describedby. Text only, never HTML.
 */
import type { ComponentChildren, Ref } from 'preact';

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
  onBlur?: () => void;
  inputRef?: Ref<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>;
}

function Wrap(props: Common & { children: ComponentChildren }) {
  const messageId = `${props.id}-error`;
  return (
    <div class={`field${props.error ? ' invalid' : ''}${props.half ? ' half' : ''}`}>
      <label for={props.id}>
        {props.label}
        {props.required ? <span class="required"> ({props.requiredText ?? '*'})</span> : null}
      </label>
      {props.children}
      {props.hint && !props.error ? <div class="hint">{props.hint}</div> : null}
      {props.error ? (
        <div class="field-error" id={messageId} data-testid={`field-error-${props.name}`}>{props.error}</div>
      ) : null}
    </div>
  );
}

const described = (p: Common) => (p.error ? `${p.id}-error` : undefined);

export function TextField(props: Common & { value: string; onInput: (v: string) => void; type?: string; autoComplete?: string; maxLength?: number; inputMode?: string }) {
  return (
    <Wrap {...props}>
      <input
        id={props.id}
        name={props.name}
        type={(props.type ?? 'text') as 'text'}
        value={props.value}
        required={props.required}
        disabled={props.disabled}
        maxLength={props.maxLength}
        autoComplete={props.autoComplete ?? 'off'}
        inputMode={props.inputMode as 'text'}
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
