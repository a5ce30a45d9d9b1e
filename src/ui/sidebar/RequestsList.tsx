/**
 * The person's data-subject requests in their record (issue 9): listRequests({customerNumber}),
 * each with its type, status and countdown on the server's today; "Avaa pyynnöt" opens the
 * requests dialog on that case. Its own error line, so a failure here never hides the record.
 */
import { useEffect, useState } from 'preact/hooks';
import { sortRequests } from '../../core/requests/countdown';
import { REQUEST_STATUS_TEXT, REQUEST_TYPE_TEXT } from '../../core/texts/requests';
import { formatInstant, useT } from '../shared/i18n';
import { useServerClock } from '../shared/clock';
import { Notice } from '../shared/fields';
import { CountdownBadge, useRT } from '../shared/request-texts';
import { listRequests, openRequestsDialog, type ListedRequest } from '../shared/requests-api';

export function RequestsList(props: { customerNumber: string }) {
  const { language, t } = useT();
  const r = useRT();
  const clock = useServerClock();
  const [state, setState] = useState<{ list: ListedRequest[] | null; today: string; error: string }>({ list: null, today: '', error: '' });
  useEffect(() => {
    let current = true;
    listRequests({ customerNumber: props.customerNumber })
      .then((a) => current && setState({ list: sortRequests(a.requests.filter((x) => x.customerNumber === props.customerNumber)), today: a.today, error: '' }))
      .catch((e: Error) => current && setState({ list: null, today: '', error: e.message }));
    return () => {
      current = false;
    };
  }, [props.customerNumber]);
  const today = state.today || clock.today;
  const open = (id: string) => openRequestsDialog({ id }).catch((e: Error) => setState((s) => ({ ...s, error: e.message })));

  return (
    <div class="card" data-testid="person-requests">
      <h3>{r('rqPersonRequests')}</h3>
      {state.error ? <Notice kind="error" message={state.error} testId="person-requests-error" /> : null}
      {state.list === null && !state.error ? <p class="muted small">{t('loading')}</p> : null}
      {state.list && state.list.length === 0 ? <p class="muted small" data-testid="no-person-requests">{r('rqPersonNone')}</p> : null}
      {state.list && state.list.length ? (
        <ul class="disclosure-list">
          {state.list.map((q) => (
            <li key={q.id} data-testid="person-request" data-id={q.id} data-status={q.status}>
              <div>
                <button type="button" class="link" data-testid="person-request-open" onClick={() => void open(q.id)}>{t(REQUEST_TYPE_TEXT[q.type] ?? 'reqTypeOther')}</button>
              </div>
              <div class="muted small">{formatInstant(language, q.receivedAt)} · {t(REQUEST_STATUS_TEXT[q.status] ?? 'reqStatusReceived')}</div>
              <CountdownBadge row={q} today={today} />
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
