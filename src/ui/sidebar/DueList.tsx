/**
 * The start screen's "what is due" (issue 9): the open requests nearest their due date, with the
 * countdown on the server's today, and a button to the requests dialog. Its own error line, so a
 * failure here never hides the search.
 */
import { useEffect, useState } from 'preact/hooks';
import { dueFirst } from '../../core/requests/countdown';
import { REQUEST_TYPE_TEXT } from '../../core/texts/requests';
import { useT } from '../shared/i18n';
import { useServerClock } from '../shared/clock';
import { Notice } from '../shared/fields';
import { CountdownBadge, useRT } from '../shared/request-texts';
import { listRequests, openRequestsDialog, type ListedRequest } from '../shared/requests-api';

const SHOWN = 5;

export function DueList() {
  const { t } = useT();
  const r = useRT();
  const clock = useServerClock();
  const [state, setState] = useState<{ list: ListedRequest[] | null; today: string; error: string }>({ list: null, today: '', error: '' });
  useEffect(() => {
    let current = true;
    listRequests({ status: 'open' })
      .then((a) => current && setState({ list: a.requests, today: a.today, error: '' }))
      .catch((e: Error) => current && setState({ list: null, today: '', error: e.message }));
    return () => {
      current = false;
    };
  }, []);
  const today = state.today || clock.today;
  const due = state.list ? dueFirst(state.list, SHOWN) : null;
  const open = (id?: string) => openRequestsDialog(id ? { id } : {}).catch((e: Error) => setState((s) => ({ ...s, error: e.message })));

  return (
    <section class="card" data-testid="due-list" aria-labelledby="due-title">
      <h3 id="due-title">{r('rqDueTitle')}</h3>
      {state.error ? <Notice kind="error" message={state.error} testId="due-error" /> : null}
      {due && due.shown.length === 0 ? <p class="muted small" data-testid="no-due">{r('rqDueNone')}</p> : null}
      {due && due.shown.length ? (
        <ul class="disclosure-list">
          {due.shown.map((q) => (
            <li key={q.id} data-testid="due-item" data-id={q.id}>
              <button type="button" class="link" onClick={() => void open(q.id)}>{t(REQUEST_TYPE_TEXT[q.type] ?? 'reqTypeOther')}</button>
              <span class="muted small"> · {q.requesterEmail || q.customerNumber}</span>
              <div><CountdownBadge row={q} today={today} /></div>
            </li>
          ))}
        </ul>
      ) : null}
      {due && due.more ? <p class="muted small">{r('rqDueMore', { count: due.more })}</p> : null}
      <button type="button" class="link" data-testid="open-requests" onClick={() => void open()}>{r('rqOpenDialog')}</button>
    </section>
  );
}
