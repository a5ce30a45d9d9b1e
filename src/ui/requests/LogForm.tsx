/**
 * Logging a letter or an in-person request by hand (the intake trigger logs mail): channel, day
 * of receipt (the server's today by default, never later), every right asked (the first ticked,
 * in the list's order, is the primary type), the reply language, the requester and a short
 * description — never the letter itself. One request key per opened form, kept across retries,
 * so a retry after a failure returns the first case instead of logging a second.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { CHANNELS, REQUEST_LANGUAGES, REQUEST_TYPES, type Channel, type RequestLanguage, type RequestType } from '../../core/requests/model';
import { CHANNEL_TEXT, REQUEST_TYPE_TEXT } from '../../core/texts/requests';
import { validateEmail } from '../../core/validation';
import { newRequestKey } from '../shared/request-key';
import { formatDate, useT } from '../shared/i18n';
import { DateField, dateTexts, Notice, SelectField, TextArea, TextField } from '../shared/fields';
import { useRT } from '../shared/request-texts';
import { logRequest, type CaseView } from '../shared/requests-api';

const LANGUAGE_NAMES: Record<RequestLanguage, string> = { fi: 'suomi', sv: 'svenska', en: 'English' };

export function LogForm(props: { today: string; onCancel(): void; onLogged(c: CaseView, note: string): void }) {
  const { language, t } = useT();
  const r = useRT();
  const [channel, setChannel] = useState<Channel>('letter');
  const [receivedOn, setReceivedOn] = useState(props.today);
  const [rights, setRights] = useState<RequestType[]>([]);
  const [replyLanguage, setReplyLanguage] = useState<RequestLanguage>(language);
  const [email, setEmail] = useState('');
  const [customerNumber, setCustomerNumber] = useState('');
  const [summary, setSummary] = useState('');
  const [verificationNote, setVerificationNote] = useState('');
  const [requestKey] = useState(newRequestKey);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);

  const toggle = (x: RequestType) => setRights((rs) => (rs.includes(x) ? rs.filter((y) => y !== x) : REQUEST_TYPES.filter((y) => y === x || rs.includes(y))));

  const submit = async (e: Event) => {
    e.preventDefault();
    const found: Record<string, string> = {};
    if (rights.length === 0) found.rights = r('rqLogRightRequired');
    if (!/^\d{4}-\d{2}-\d{2}$/.test(receivedOn)) found.receivedOn = t('errDate');
    else if (receivedOn > props.today) found.receivedOn = r('rqLogDateFuture');
    const checked = validateEmail(email);
    if (!checked.ok) found.email = checked.error.message[language];
    setErrors(found);
    if (Object.keys(found).length) return;
    setBusy(true);
    setError('');
    try {
      const c = await logRequest({
        channel, receivedAt: receivedOn, type: rights[0], rights, language: replyLanguage, requesterEmail: email.trim(), customerNumber: customerNumber.trim(),
        summary: summary.trim(), verificationNote: verificationNote.trim(), requestKey,
      });
      props.onLogged(c, r('rqLogged', { id: c.request.id, dueDate: formatDate(language, c.request.dueDate) }));
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="stack log-form" aria-labelledby="log-title">
      <button type="button" class="link back" onClick={props.onCancel} data-testid="back-button">‹ {r('rqBack')}</button>
      <h1 id="log-title" tabIndex={-1} ref={heading}>{r('rqLogTitle')}</h1>
      <form class="stack" noValidate onSubmit={(e) => void submit(e)} data-testid="log-form">
        <div class="form-row">
          <SelectField id="log-channel" name="log-channel" label={r('rqLogChannel')} value={channel}
            options={CHANNELS.map((c) => ({ value: c, label: t(CHANNEL_TEXT[c]) }))} onChange={(v) => setChannel(v as Channel)} disabled={busy} />
          <DateField id="log-received" name="log-received" label={r('rqLogReceivedOn')} value={receivedOn} onInput={setReceivedOn}
            error={errors.receivedOn} disabled={busy} {...dateTexts(t)} />
          <SelectField id="log-language" name="log-language" label={r('rqLanguage')} value={replyLanguage}
            options={REQUEST_LANGUAGES.map((l) => ({ value: l, label: LANGUAGE_NAMES[l] }))} onChange={(v) => setReplyLanguage(v as RequestLanguage)} disabled={busy} />
        </div>
        <fieldset class={`field checks${errors.rights ? ' invalid' : ''}`} aria-describedby={errors.rights ? 'log-rights-error' : undefined}>
          <legend>{r('rqLogRights')}</legend>
          <div class="check-grid">
            {REQUEST_TYPES.map((x) => (
              <label key={x} class="check">
                <input type="checkbox" checked={rights.includes(x)} disabled={busy} data-testid={`log-right-${x}`} onChange={() => toggle(x)} />
                {t(REQUEST_TYPE_TEXT[x])}
              </label>
            ))}
          </div>
          {errors.rights ? <div class="field-error" id="log-rights-error" data-testid="field-error-log-rights">{errors.rights}</div> : null}
        </fieldset>
        <div class="form-row">
          <TextField id="log-email" name="log-email" type="email" label={r('rqLogEmail')} value={email} onInput={setEmail} disabled={busy} maxLength={254}
            error={errors.email} />
          <TextField id="log-customer" name="log-customer" label={r('rqLogCustomer')} value={customerNumber} onInput={setCustomerNumber} disabled={busy} maxLength={30} />
        </div>
        <TextArea id="log-summary" name="log-summary" label={r('rqLogSummary')} value={summary} onInput={(v) => setSummary(v.slice(0, 200))} rows={3} disabled={busy} />
        <TextField id="log-verified" name="log-verified" label={r('rqLogVerified')} value={verificationNote} onInput={setVerificationNote} disabled={busy}
          maxLength={500} hint={r('rqLogVerifiedHint')} />
        {error ? <Notice kind="error" message={error} testId="log-error" /> : null}
        <div class="buttons">
          <button type="submit" class="primary" disabled={busy} data-testid="log-submit">{r('rqLogSave')}</button>
          <button type="button" onClick={props.onCancel} disabled={busy}>{r('rqCancel')}</button>
        </div>
      </form>
    </section>
  );
}
