/**
 * A record's change history from the audit log, newest first: who, when (d.M.yyyy klo H.mm in
 * the register's zone) and which fields, as words — never values (the log holds none). Loaded
 * when asked for (one server call reading the log), and again when the record's version moves.
 */
import { useEffect, useState } from 'preact/hooks';
import type { HistoryEntry } from '../../server/history';
import type { TextKey } from '../../core/texts';
import { callServer } from '../shared/server';
import { fieldLabel, formatInstant, useT } from '../shared/i18n';
import { Notice } from '../shared/fields';

export function History(props: { customerNumber: string; version: number }) {
  const { language, t, tw } = useT();
  const [open, setOpen] = useState(false);
  const [state, setState] = useState<{ entries: HistoryEntry[] | null; total: number; error: string }>({ entries: null, total: 0, error: '' });
  useEffect(() => {
    if (!open) return;
    let current = true;
    setState((s) => ({ ...s, error: '' }));
    callServer('getHistory', { customerNumber: props.customerNumber })
      .then((r) => current && setState({ entries: r.entries, total: r.total, error: '' }))
      .catch((e: Error) => current && setState({ entries: null, total: 0, error: e.message }));
    return () => {
      current = false;
    };
  }, [open, props.customerNumber, props.version]);
  useEffect(() => setOpen(false), [props.customerNumber]);

  return (
    <div class="card" data-testid="history">
      <h3>{t('uiHistoryTitle')}</h3>
      {!open ? (
        <button type="button" class="link small" onClick={() => setOpen(true)} data-testid="history-button">{t('uiHistoryShow')}</button>
      ) : null}
      {open && state.error ? <Notice kind="error" message={state.error} /> : null}
      {open && state.entries === null && !state.error ? <p class="muted small">{t('loading')}</p> : null}
      {open && state.entries && state.entries.length === 0 ? <p class="muted small" data-testid="history-empty">{t('uiHistoryEmpty')}</p> : null}
      {open && state.entries && state.entries.length ? (
        <ol class="history-list" data-testid="history-list">
          {state.entries.map((e, i) => (
            <li key={`${e.at}-${i}`} data-testid="history-item" data-action={e.action}>
              <div><strong>{t(`uiAction_${e.action}` as TextKey) || e.action}</strong></div>
              <div class="muted small">{formatInstant(language, e.at)} · <span class="actor" title={e.actor}>{e.actor}</span></div>
              {e.fields.length ? (
                <div class="small" data-testid="history-fields">{t('uiHistoryFields')}: {e.fields.map((f) => (f === 'address' ? t('uiCategoryAddress') : fieldLabel(language, f))).join(', ')}</div>
              ) : null}
            </li>
          ))}
        </ol>
      ) : null}
      {open && state.entries && state.total > state.entries.length ? (
        <p class="muted small" data-testid="history-more">{tw('uiHistoryMore', { shown: state.entries.length, total: state.total })}</p>
      ) : null}
    </div>
  );
}
