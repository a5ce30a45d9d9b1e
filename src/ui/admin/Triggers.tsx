/**
 * The triggers the register needs (getTriggerStatus): what each does, whether it is installed
 * and as whom, its last run and last error (recorded by every handler, server/triggers.ts).
 * "Asenna puuttuvat ajastukset" runs set-up's installation (installTriggers); an admin's own
 * trigger can be removed after a confirmation that says what stops.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { TriggerView } from '../../server/triggers';
import { callServer } from '../shared/server';
import { formatInstant } from '../shared/i18n';
import { Notice } from '../shared/fields';
import { useA } from './texts';
import { emailDisplay } from '../../core/validation';

export function Triggers() {
  const { language, a } = useA();
  const [views, setViews] = useState<TriggerView[] | null>(null);
  const [busy, setBusy] = useState(false);
  const [note, setNote] = useState<{ kind: 'info' | 'error'; message: string } | null>(null);
  const [asking, setAsking] = useState('');
  const cancel = useRef<HTMLButtonElement>(null);
  useEffect(() => { if (asking) cancel.current?.focus(); }, [asking]);

  const load = () => {
    setBusy(true);
    callServer('getTriggerStatus')
      .then((r) => setViews(r.triggers))
      .catch((e: Error) => setNote({ kind: 'error', message: e.message }))
      .finally(() => setBusy(false));
  };
  useEffect(load, []);

  const install = () => {
    setBusy(true);
    setNote(null);
    callServer('installTriggers')
      .then((r) => {
        setViews(r.triggers);
        setNote({ kind: 'info', message: r.installed.length ? a('adInstalled', { installed: r.installed.join(', ') }) : a('adNothingInstalled') });
      })
      .catch((e: Error) => setNote({ kind: 'error', message: e.message }))
      .finally(() => setBusy(false));
  };

  const remove = (handler: string) => {
    setBusy(true);
    setNote(null);
    callServer('removeTrigger', { handler })
      .then((r) => { setViews(r.triggers); setAsking(''); setNote({ kind: 'info', message: a('adTriggerRemoved', { handler }) }); })
      .catch((e: Error) => setNote({ kind: 'error', message: e.message }))
      .finally(() => setBusy(false));
  };

  if (!views) return note ? <Notice kind={note.kind} message={note.message} /> : <p class="muted" role="status">{a('adLoading')}</p>;
  return (
    <section class="stack" data-testid="triggers-section">
      <p class="hint">{a('adTriggersHint')}</p>
      <div class="table-wrap">
        <table class="requests">
          <thead><tr><th>{a('adTriggerHandler')}</th><th>{a('adTriggerStatus')}</th><th>{a('adTriggerLastRun')}</th><th>{a('adTriggerLastError')}</th><th /></tr></thead>
          <tbody>
            {views.map((t) => (
              <tr key={t.handler} data-testid="trigger-row" data-handler={t.handler} data-installed={String(t.installed)}>
                <td>{t.label}<div class="hint"><code>{t.handler}</code></div></td>
                <td class={t.installed ? 'ok-text' : 'bad-text'} data-testid="trigger-status">
                  {!t.installed ? a('adTriggerMissing') : t.mine ? a('adTriggerInstalled') : a('adTriggerOwnedBy', { owner: emailDisplay(t.owner) })}
                </td>
                <td data-testid="trigger-last-run" data-at={t.lastRun}>{t.lastRun ? formatInstant(language, t.lastRun) : a('adTriggerNever')}</td>
                <td data-testid="trigger-last-error" class={t.lastError ? 'bad-text' : ''}>{t.lastError || (t.lastRun ? a('adTriggerOk') : '')}</td>
                <td>
                  {t.mine && asking !== t.handler ? (
                    <button type="button" disabled={busy} onClick={() => setAsking(t.handler)} aria-label={`${a('adRemoveTrigger')} ${t.handler}`} data-testid="trigger-remove">{a('adRemoveTrigger')}</button>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {asking ? (
        <div class="confirm" role="alertdialog" aria-labelledby="trigger-confirm-text" data-testid="trigger-confirm">
          <p id="trigger-confirm-text">{a('adConfirmRemoveTrigger', { handler: asking })}</p>
          <div class="buttons">
            <button type="button" ref={cancel} disabled={busy} onClick={() => setAsking('')}>{a('adCancel')}</button>
            <button type="button" class="danger" disabled={busy} onClick={() => remove(asking)} data-testid="trigger-remove-yes">{a('adConfirmRemoveYes')}</button>
          </div>
        </div>
      ) : null}
      {note ? <Notice kind={note.kind} message={note.message} testId={note.kind === 'error' ? 'error' : 'triggers-note'} /> : null}
      <div class="buttons">
        <button type="button" class="primary" disabled={busy} onClick={install} data-testid="install-triggers">{a('adInstallTriggers')}</button>
        <button type="button" disabled={busy} onClick={load} data-testid="triggers-refresh">{a('adRefresh')}</button>
      </div>
    </section>
  );
}
