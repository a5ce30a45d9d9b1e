/**
 * Key personnel: add (email and role), remove, admin or staff. Saving sends the list alone to
 * saveSettings (the tabs' protections follow there); when the file is still shared with anyone
 * else, the answer's drift is shown with "Poista myös tiedoston jakaminen", which lists who
 * would lose access and asks before applying the access policy. The server keeps an admin and
 * the caller's own admin role; its refusal is shown here, in this section.
 */
import { useState } from 'preact/hooks';
import type { KeyPerson, Role, Settings } from '../../core/settings';
import type { AccessView } from '../../server/access';
import { callServer } from '../shared/server';
import { keyPersonToAdd } from '../shared/key-person';
import { enumLabel } from '../shared/i18n';
import { Notice, TextField } from '../shared/fields';
import { ApplyPolicy, AppliedNote, DriftList } from './Policy';
import { useA } from './texts';
import { emailDisplay } from '../../core/validation';

const ROLES: Role[] = ['admin', 'staff'];

export function Personnel(props: { user: string; settings: Settings; onSaved(settings: Settings): void }) {
  const { language, a } = useA();
  const [people, setPeople] = useState<KeyPerson[]>(props.settings.keyPersonnel);
  const [newEmail, setNewEmail] = useState('');
  const [newRole, setNewRole] = useState<Role>('staff');
  const [newError, setNewError] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const [saved, setSaved] = useState(false);
  const [drift, setDrift] = useState<AccessView | null>(null);
  const [after, setAfter] = useState<AccessView | null>(null);
  const dirty = JSON.stringify(people) !== JSON.stringify(props.settings.keyPersonnel);

  const add = () => {
    const added = keyPersonToAdd(newEmail, people, language);
    if (!('email' in added)) {
      setNewError('message' in added ? added.message : added.refusal === 'required' ? a('adRequired') : a('adAlreadyListed'));
      return;
    }
    setPeople([...people, { email: added.email, role: newRole }]);
    setNewEmail('');
    setNewError('');
  };

  const save = (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setError('');
    setSaved(false);
    setAfter(null);
    callServer('saveSettings', { settings: { keyPersonnel: people } })
      .then((r) => {
        setPeople(r.settings.keyPersonnel);
        setSaved(true);
        setDrift(r.accessDrift && !r.accessDrift.ok ? r.accessDrift : null);
        props.onSaved(r.settings);
      })
      .catch((err: Error) => setError(err.message))
      .finally(() => setBusy(false));
  };

  return (
    <form class="stack" noValidate onSubmit={save} data-testid="personnel-section">
      <p class="hint">{a('adPersonnelHint')}</p>
      <table class="requests" data-testid="key-personnel">
        <tbody>
          {people.map((p, i) => (
            <tr key={p.email} data-testid="key-person" data-email={p.email}>
              <td class="email">{emailDisplay(p.email)}{p.email === props.user ? ` (${a('adYou')})` : ''}</td>
              <td>
                <select aria-label={a('adRoleOf', { email: emailDisplay(p.email) })} value={p.role} disabled={busy || p.email === props.user} data-testid="person-role"
                  onChange={(ev) => setPeople(people.map((q, j) => (j === i ? { ...q, role: (ev.currentTarget as HTMLSelectElement).value as Role } : q)))}>
                  {ROLES.map((r) => <option key={r} value={r}>{enumLabel(language, 'role', r)}</option>)}
                </select>
              </td>
              <td>
                <button type="button" aria-label={a('adRemoveOf', { email: emailDisplay(p.email) })} disabled={busy || p.email === props.user} data-testid="person-remove"
                  onClick={() => setPeople(people.filter((_, j) => j !== i))}>{a('adRemove')}</button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div class="form-row add-row">
        <TextField id="admin-new-email" name="newKeyPerson" type="email" label={a('adAddEmail')} value={newEmail} disabled={busy}
          onInput={(v) => { setNewEmail(v); setNewError(''); }} error={newError || undefined} />
        <div class="field">
          <label for="admin-new-role">{a('adAddRole')}</label>
          <select id="admin-new-role" value={newRole} disabled={busy} data-testid="new-role" onChange={(ev) => setNewRole((ev.currentTarget as HTMLSelectElement).value as Role)}>
            {ROLES.map((r) => <option key={r} value={r}>{enumLabel(language, 'role', r)}</option>)}
          </select>
        </div>
        <div class="field end"><button type="button" onClick={add} disabled={busy} data-testid="add-person">{a('adAdd')}</button></div>
      </div>
      {error ? <Notice kind="error" message={error} /> : null}
      {saved && !dirty ? <Notice kind="info" testId="personnel-saved" message={a('adPersonnelSaved')} /> : null}
      <div class="buttons">
        <button type="submit" class="primary" disabled={busy || !dirty} data-testid="personnel-save">{busy ? a('adSaving') : a('adSave')}</button>
      </div>
      {drift && !after ? (
        <div class="warning-box stack small-gap" data-testid="personnel-drift">
          <p>{a('adDriftAfterSave')}</p>
          <DriftList view={drift} testId="drift" />
          <ApplyPolicy view={drift} label={a('adRemoveSharing')} onApplied={(v) => { setAfter(v); setDrift(null); }} />
        </div>
      ) : null}
      {after ? <AppliedNote after={after} /> : null}
    </form>
  );
}
