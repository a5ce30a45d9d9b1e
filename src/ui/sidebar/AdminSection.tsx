/**
 * Admins only: key personnel (add, remove, access), the register's language, the controller's
 * details and the retention period. The server checks the admin role and keeps at least one admin.
 * Unsaved changes (a key person added, say) are reported so the sidebar asks before leaving; the
 * confirmation of a save is in the language just saved; Escape goes back to search.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { KeyPerson, Role, Settings } from '../../core/settings';
import { LANGUAGES, type Language } from '../../core/schema';
import { emailDisplay, validateEmail } from '../../core/validation';
import type { TextKey } from '../../core/texts';
import { callServer } from '../shared/server';
import { keyPersonToAdd } from '../shared/key-person';
import { enumLabel, useT } from '../shared/i18n';
import { Notice, SelectField, TextField } from '../shared/fields';

const LANGUAGE_NAMES: Record<Language, string> = { fi: 'suomi', sv: 'svenska', en: 'English' };
const ROLES: Role[] = ['admin', 'staff'];

export function AdminSection(props: { user: string; onSaved(settings: Settings): void; onDirty?(dirty: boolean): void; onEscape?(): void }) {
  const { language, t, tw } = useT();
  const [settings, setSettings] = useState<Settings | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // A saved note is kept as its key, so it shows in the language the save just chose.
  const [note, setNote] = useState<{ kind: 'info' | 'error'; message?: string; key?: TextKey } | null>(null);
  /** The settings as last loaded or saved: what "unsaved changes" compare with. */
  const saved = useRef<string>('');
  const [savedRetention, setSavedRetention] = useState('');
  const [newEmail, setNewEmail] = useState('');
  const [newRole, setNewRole] = useState<Role>('staff');
  const [newError, setNewError] = useState<string | null>(null);
  const [retention, setRetention] = useState('');

  useEffect(() => {
    callServer('getSettings')
      .then((r) => {
        saved.current = JSON.stringify(r.settings);
        setSavedRetention(String(r.settings.retentionMonths));
        setSettings(r.settings);
        setRetention(String(r.settings.retentionMonths));
      })
      .catch((e: Error) => setLoadError(e.message));
  }, []);
  const dirty = settings !== null && (JSON.stringify(settings) !== saved.current || retention !== savedRetention || newEmail.trim() !== '');
  useEffect(() => props.onDirty?.(dirty), [dirty]);
  useEffect(() => () => props.onDirty?.(false), []);

  if (loadError) return <section class="card" data-testid="admin-section"><Notice kind="error" message={loadError} /></section>;
  if (!settings) return <section class="card" data-testid="admin-section"><p class="muted">{t('loading')}</p></section>;

  const s = settings;
  const update = (patch: Partial<Settings>) => setSettings({ ...s, ...patch });
  const setPeople = (keyPersonnel: KeyPerson[]) => update({ keyPersonnel });
  const controllerEmail = validateEmail(s.controller.email, 'controllerEmail');
  const retentionOk = /^\d{1,3}$/.test(retention.trim()) && Number(retention) <= 600;

  const add = () => {
    const added = keyPersonToAdd(newEmail, s.keyPersonnel, language);
    if (!('email' in added)) {
      setNewError('message' in added ? added.message : added.refusal === 'required' ? t('errRequired') : t('uiAlreadyListed'));
      return;
    }
    setPeople([...s.keyPersonnel, { email: added.email, role: newRole }]);
    setNewEmail('');
    setNewError(null);
  };

  const save = (e: Event) => {
    e.preventDefault();
    if (!controllerEmail.ok || !retentionOk) return;
    setBusy(true);
    setNote(null);
    const next: Partial<Settings> = {
      controller: { ...s.controller, email: controllerEmail.value },
      language: s.language,
      keyPersonnel: s.keyPersonnel,
      retentionMonths: Number(retention),
    };
    callServer('saveSettings', { settings: next })
      .then((r) => {
        saved.current = JSON.stringify(r.settings);
        setSavedRetention(String(r.settings.retentionMonths));
        setSettings(r.settings);
        setRetention(String(r.settings.retentionMonths));
        setNote({ kind: 'info', key: 'uiSettingsSaved' });
        props.onSaved(r.settings);
      })
      .catch((err: Error) => setNote({ kind: 'error', message: err.message }))
      .finally(() => setBusy(false));
  };

  return (
    <section class="card stack" data-testid="admin-section" aria-labelledby="admin-title"
      onKeyDown={(e) => { if (e.key === 'Escape' && !busy && props.onEscape) { e.preventDefault(); props.onEscape(); } }}>
      <h2 id="admin-title" tabIndex={-1}>{t('uiAdminTitle')}</h2>
      <form class="stack" noValidate onSubmit={save}>
        <h3>{t('uiKeyPersonnel')}</h3>
        <ul class="people" data-testid="key-personnel">
          {s.keyPersonnel.map((p, i) => (
            <li key={p.email} data-testid="key-person" data-email={p.email}>
              <span class="person-email">{emailDisplay(p.email)}{p.email === props.user ? ` (${t('uiYou')})` : ''}</span>
              <div class="person-controls">
                <select aria-label={tw('uiUserRoleOf', { email: emailDisplay(p.email) })} value={p.role} disabled={busy || p.email === props.user}
                  onChange={(e) => setPeople(s.keyPersonnel.map((q, j) => (j === i ? { ...q, role: (e.currentTarget as HTMLSelectElement).value as Role } : q)))}>
                  {ROLES.map((r) => <option key={r} value={r}>{enumLabel(language, 'role', r)}</option>)}
                </select>
                <button type="button" class="small-button" aria-label={tw('uiRemoveOf', { email: emailDisplay(p.email) })} disabled={busy || p.email === props.user}
                  onClick={() => setPeople(s.keyPersonnel.filter((_, j) => j !== i))}>{t('uiRemove')}</button>
              </div>
            </li>
          ))}
        </ul>
        <div class="add-person">
          <TextField id="admin-new-email" name="newKeyPerson" type="email" label={t('uiAddPersonEmail')} value={newEmail}
            onInput={(v) => { setNewEmail(v); setNewError(null); }} error={newError ?? undefined} disabled={busy} />
          <div class="person-controls">
            <select aria-label={t('uiNewUserRole')} value={newRole} disabled={busy}
              onChange={(e) => setNewRole((e.currentTarget as HTMLSelectElement).value as Role)}>
              {ROLES.map((r) => <option key={r} value={r}>{enumLabel(language, 'role', r)}</option>)}
            </select>
            <button type="button" class="small-button" onClick={add} disabled={busy} data-testid="add-person-button">{t('uiAdd')}</button>
          </div>
        </div>

        <SelectField id="admin-language" name="language" label={t('uiLanguage')} value={s.language} disabled={busy}
          options={LANGUAGES.map((l) => ({ value: l, label: LANGUAGE_NAMES[l] }))} onChange={(v) => update({ language: v as Language })} />

        <h3>{t('uiController')}</h3>
        <TextField id="admin-controller-name" name="controllerName" label={t('uiControllerName')} value={s.controller.name} disabled={busy}
          onInput={(v) => update({ controller: { ...s.controller, name: v } })} />
        <TextField id="admin-controller-address" name="controllerAddress" label={t('uiControllerAddress')} value={s.controller.address} disabled={busy}
          onInput={(v) => update({ controller: { ...s.controller, address: v } })} />
        <TextField id="admin-controller-email" name="controllerEmail" type="email" label={t('uiControllerEmail')} value={s.controller.email} disabled={busy}
          onInput={(v) => update({ controller: { ...s.controller, email: v } })} error={controllerEmail.ok ? undefined : controllerEmail.error.message[language]} />
        <TextField id="admin-retention" name="retentionMonths" type="number" inputMode="numeric" label={t('uiRetentionMonths')} value={retention} disabled={busy}
          onInput={setRetention} error={retentionOk ? undefined : t('uiRetentionInvalid')} />

        {note ? <Notice kind={note.kind} testId={note.kind === 'error' ? 'error' : 'settings-notice'} message={note.key ? t(note.key) : note.message ?? ''} /> : null}
        <div class="buttons">
          <button type="submit" class="primary" disabled={busy || !controllerEmail.ok || !retentionOk} data-testid="settings-save">
            {busy ? t('uiSaving') : t('uiSettingsSave')}
          </button>
        </div>
      </form>
    </section>
  );
}
