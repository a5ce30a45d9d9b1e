/**
 * The dialog's list: filters (status — open by default —, right, customer number), and a table of
 * cases with their due date and countdown, the nearest deadline first. The filters and the order
 * are core/requests/countdown.ts's; a single status is asked of the server, the rest applied here.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { REQUEST_STATUSES, REQUEST_TYPES } from '../../core/requests/model';
import { filterRequests, serverQuery, sortRequests, type RequestFilter } from '../../core/requests/countdown';
import { REQUEST_STATUS_TEXT, REQUEST_TYPE_TEXT } from '../../core/texts/requests';
import { formatDate, formatInstant, useT } from '../shared/i18n';
import { Notice } from '../shared/fields';
import { CountdownBadge, useRT } from '../shared/request-texts';
import { listRequests, type ListedRequest } from '../shared/requests-api';

export function RequestList(props: {
  today: string;
  onToday(today: string): void;
  filter: RequestFilter;
  onFilter(f: RequestFilter): void;
  focusId: string;
  onOpen(id: string): void;
  onLog(): void;
}) {
  const { language, t } = useT();
  const r = useRT();
  const [state, setState] = useState<{ rows: ListedRequest[] | null; error: string }>({ rows: null, error: '' });
  const [reload, setReload] = useState(0);
  const table = useRef<HTMLTableElement>(null);
  const query = serverQuery(props.filter);
  const queryKey = JSON.stringify(query);

  useEffect(() => {
    let current = true;
    setState((s) => ({ rows: s.rows, error: '' }));
    listRequests(query)
      .then((a) => {
        if (!current) return;
        props.onToday(a.today);
        setState({ rows: a.requests, error: '' });
      })
      .catch((e: Error) => current && setState({ rows: null, error: e.message }));
    return () => {
      current = false;
    };
  }, [queryKey, reload]);

  // Back from a case: its row gets the focus again.
  useEffect(() => {
    if (!state.rows || !props.focusId) return;
    table.current?.querySelector<HTMLElement>(`[data-open="${CSS.escape(props.focusId)}"]`)?.focus();
  }, [state.rows === null]);

  const shown = state.rows ? sortRequests(filterRequests(state.rows, props.filter)) : [];
  const set = (patch: Partial<RequestFilter>) => props.onFilter({ ...props.filter, ...patch });

  return (
    <section class="stack" aria-labelledby="list-title">
      <div class="list-head">
        <h1 id="list-title" class="visually-hidden">{r('rqDialogTitle')}</h1>
        <span class="muted" data-testid="today" data-today={props.today}>{r('rqToday', { date: formatDate(language, props.today) })}</span>
      </div>
      <form class="filters" role="search" onSubmit={(e) => e.preventDefault()} data-testid="filters">
        <label>
          <span>{r('rqFilterStatus')}</span>
          <select value={props.filter.status} data-testid="filter-status" onChange={(e) => set({ status: (e.currentTarget as HTMLSelectElement).value as RequestFilter['status'] })}>
            <option value="open">{r('rqFilterOpen')}</option>
            <option value="all">{r('rqFilterAll')}</option>
            {REQUEST_STATUSES.map((s) => <option key={s} value={s}>{t(REQUEST_STATUS_TEXT[s])}</option>)}
          </select>
        </label>
        <label>
          <span>{r('rqFilterType')}</span>
          <select value={props.filter.type} data-testid="filter-type" onChange={(e) => set({ type: (e.currentTarget as HTMLSelectElement).value as RequestFilter['type'] })}>
            <option value="all">{r('rqFilterAll')}</option>
            {REQUEST_TYPES.map((x) => <option key={x} value={x}>{t(REQUEST_TYPE_TEXT[x])}</option>)}
          </select>
        </label>
        <label>
          <span>{r('rqFilterCustomer')}</span>
          <input type="search" value={props.filter.customerNumber} inputMode="numeric" maxLength={30} data-testid="filter-customer"
            onInput={(e) => set({ customerNumber: (e.currentTarget as HTMLInputElement).value })} />
        </label>
        <div class="filter-buttons">
          <button type="button" onClick={() => setReload((n) => n + 1)} data-testid="refresh-button">{r('rqRefresh')}</button>
          <button type="button" class="primary" onClick={props.onLog} data-testid="log-button">{r('rqLogNew')}</button>
        </div>
      </form>

      {state.error ? <Notice kind="error" message={state.error} testId="list-error" /> : null}
      {state.rows === null && !state.error ? <p class="muted" role="status" data-testid="list-loading">{t('loading')}</p> : null}
      {state.rows ? (
        <p class="muted small" role="status" data-testid="list-count" data-count={String(shown.length)}>{r('rqCount', { count: shown.length })}</p>
      ) : null}
      {state.rows && shown.length === 0 ? <p class="empty-state" data-testid="no-requests">{r('rqNone')}</p> : null}
      {shown.length ? (
        <div class="table-wrap">
          <table class="requests" ref={table} data-testid="request-table">
            <thead>
              <tr>
                <th scope="col">{r('rqId')}</th>
                <th scope="col">{r('rqColReceived')}</th>
                <th scope="col">{r('rqColType')}</th>
                <th scope="col">{r('rqColRequester')}</th>
                <th scope="col">{r('rqColCustomer')}</th>
                <th scope="col">{r('rqColStatus')}</th>
                <th scope="col">{r('rqColDue')}</th>
                <th scope="col">{r('rqColCountdown')}</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((row) => {
                const due = row.extendedDueDate ? row.extendedDueDate : row.dueDate;
                const more = row.rights.filter((x) => x !== row.type);
                return (
                  <tr key={row.id} data-testid="request-row" data-id={row.id} data-status={row.status} data-type={row.type}>
                    <td><button type="button" class="link" data-open={row.id} data-testid="open-request" onClick={() => props.onOpen(row.id)}>{row.id}</button></td>
                    <td>{formatInstant(language, row.receivedAt)}</td>
                    <td>
                      {t(REQUEST_TYPE_TEXT[row.type] ?? 'reqTypeOther')}
                      {more.length ? <span class="muted small"> + {more.map((x) => t(REQUEST_TYPE_TEXT[x] ?? 'reqTypeOther')).join(', ')}</span> : null}
                    </td>
                    <td class="email">{row.requesterEmail}</td>
                    <td>{row.customerNumber}</td>
                    <td>{t(REQUEST_STATUS_TEXT[row.status] ?? 'reqStatusReceived')}</td>
                    <td data-testid="due-date" data-value={due}>{formatDate(language, due)}</td>
                    <td><CountdownBadge row={row} today={props.today} /></td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}
