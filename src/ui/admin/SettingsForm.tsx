/**
 * The register's settings an admin keeps here: the controller, the language, the two retention
 * periods, the inbox's Gmail search, the acknowledgement mode and the daily summary (saveSettings,
 * only these fields). Each field is checked as the server checks it before the save; a refusal
 * the server still makes lands under the field it names ("<label>: …", server/admin.ts), the
 * controller's under the controller's name, anything else under the form.
 */
import { useState } from 'preact/hooks';
import { DAILY_SUMMARY_MODES, type Settings } from '../../core/settings';
import { LANGUAGES, type Language } from '../../core/schema';
import { text } from '../../core/texts';
import { validateEmail } from '../../core/validation';
import { callServer } from '../shared/server';
import { Notice, SelectField, TextField } from '../shared/fields';
import { useA } from './texts';

const LANGUAGE_NAMES: Record<Language, string> = { fi: 'suomi', sv: 'svenska', en: 'English' };
const ACK = ['off', 'draft', 'send'] as const;

type Field = 'controllerName' | 'controllerAddress' | 'controllerEmail' | 'retentionMonths' | 'requestRetentionMonths' | 'inboxQuery';

interface Draft {
  controllerName: string;
  controllerAddress: string;
  controllerEmail: string;
  language: Language;
  retentionMonths: string;
  requestRetentionMonths: string;
  inboxQuery: string;
  autoAcknowledge: Settings['autoAcknowledge'];
  dailySummary: Settings['dailySummary'];
}

const draftOf = (s: Settings): Draft => ({
  controllerName: s.controller.name, controllerAddress: s.controller.address, controllerEmail: s.controller.email, language: s.language,
  retentionMonths: String(s.retentionMonths), requestRetentionMonths: String(s.requestRetentionMonths), inboxQuery: s.inboxQuery,
  autoAcknowledge: s.autoAcknowledge, dailySummary: s.dailySummary,
});

const months = (v: string) => /^\d{1,3}$/.test(v.trim()) && Number(v) <= 600;

export function SettingsForm(props: { settings: Settings; onSaved(settings: Settings): void }) {
  const { language, a } = useA();
  const [d, setD] = useState<Draft>(draftOf(props.settings));
  const [busy, setBusy] = useState(false);
  const [serverErrors, setServerErrors] = useState<Partial<Record<Field, string>>>({});
  const [error, setError] = useState('');
  const [saved, setSaved] = useState(false);
  const set = (patch: Partial<Draft>) => { setD({ ...d, ...patch }); setSaved(false); setServerErrors({}); };

  const email = validateEmail(d.controllerEmail, 'controllerEmail');
  const own: Partial<Record<Field, string>> = {};
  if (d.controllerName.trim() === '') own.controllerName = a('adRequired');
  if (!email.ok) own.controllerEmail = email.error.message[language];
  else if (email.value === '') own.controllerEmail = a('adRequired');
  if (!months(d.retentionMonths)) own.retentionMonths = a('adMonthsInvalid');
  if (!months(d.requestRetentionMonths)) own.requestRetentionMonths = a('adMonthsInvalid');
  if (d.inboxQuery.trim() === '' || d.inboxQuery.length > 500) own.inboxQuery = a('adInboxQueryInvalid');
  const errors = { ...serverErrors, ...own };
  const dirty = JSON.stringify(d) !== JSON.stringify(draftOf(props.settings));

  const labels: Record<Field, string> = {
    controllerName: a('adControllerName'), controllerAddress: a('adControllerAddress'), controllerEmail: a('adControllerEmail'),
    retentionMonths: a('adRetentionMonths'), requestRetentionMonths: a('adRequestRetentionMonths'), inboxQuery: a('adInboxQuery'),
  };

  /** The field a server refusal names, if any. */
  const fieldOf = (message: string): Field | null => {
    for (const f of Object.keys(labels) as Field[]) if (message.startsWith(`${labels[f]}:`)) return f;
    if (message === text(language, 'badController')) return 'controllerName';
    return null;
  };

  const save = (e: Event) => {
    e.preventDefault();
    if (Object.keys(own).length) return;
    setBusy(true);
    setError('');
    setSaved(false);
    const next: Partial<Settings> = {
      controller: { name: d.controllerName.trim(), address: d.controllerAddress.trim(), email: email.ok ? email.value : d.controllerEmail },
      language: d.language, retentionMonths: Number(d.retentionMonths), requestRetentionMonths: Number(d.requestRetentionMonths),
      inboxQuery: d.inboxQuery.trim(), autoAcknowledge: d.autoAcknowledge, dailySummary: d.dailySummary,
    };
    callServer('saveSettings', { settings: next })
      .then((r) => {
        setD(draftOf(r.settings));
        setSaved(true);
        props.onSaved(r.settings);
      })
      .catch((err: Error) => {
        const field = fieldOf(err.message);
        if (field) setServerErrors({ [field]: err.message });
        else setError(err.message);
      })
      .finally(() => setBusy(false));
  };

  const field = (f: Field, extra: { type?: string; inputMode?: string } = {}) => (
    <TextField id={`admin-${f}`} name={f} label={labels[f]} value={d[f]} disabled={busy} error={errors[f]} {...extra}
      onInput={(v) => set({ [f]: v } as Partial<Draft>)} />
  );

  return (
    <form class="stack" noValidate onSubmit={save} data-testid="settings-section">
      <div class="form-row">{field('controllerName')}{field('controllerEmail', { type: 'email' })}</div>
      {field('controllerAddress')}
      <div class="form-row">
        <SelectField id="admin-language" name="language" label={a('adLanguage')} value={d.language} disabled={busy}
          options={LANGUAGES.map((l) => ({ value: l, label: LANGUAGE_NAMES[l] }))} onChange={(v) => set({ language: v as Language })} />
        {field('retentionMonths', { inputMode: 'numeric' })}
        {field('requestRetentionMonths', { inputMode: 'numeric' })}
      </div>
      {field('inboxQuery')}
      <div class="form-row">
        <SelectField id="admin-ack" name="autoAcknowledge" label={a('adAutoAcknowledge')} value={d.autoAcknowledge} disabled={busy}
          options={ACK.map((m) => ({ value: m, label: a(m === 'off' ? 'adAckOff' : m === 'draft' ? 'adAckDraft' : 'adAckSend') }))}
          onChange={(v) => set({ autoAcknowledge: v as Draft['autoAcknowledge'] })} />
        <SelectField id="admin-summary" name="dailySummary" label={a('adDailySummary')} value={d.dailySummary} disabled={busy}
          options={DAILY_SUMMARY_MODES.map((m) => ({ value: m, label: a(m === 'off' ? 'adSummaryOff' : m === 'draft' ? 'adSummaryDraft' : 'adSummaryEmail') }))}
          onChange={(v) => set({ dailySummary: v as Draft['dailySummary'] })} />
      </div>
      {error ? <Notice kind="error" message={error} /> : null}
      {saved ? <Notice kind="info" testId="settings-saved" message={a('adSaved')} /> : null}
      <div class="buttons">
        <button type="submit" class="primary" disabled={busy || !dirty || Object.keys(own).length > 0} data-testid="settings-save">{busy ? a('adSaving') : a('adSave')}</button>
      </div>
    </form>
  );
}
