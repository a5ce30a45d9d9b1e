/**
 * The register sidebar (300 px): search and the result list, a person's record with its actions,
 * create and edit forms with inline validation, the marketing-list download, and the admins'
 * settings. Every server call goes through the typed callServer; every value is a text node.
 */
import { render } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Customer } from '../../core/customer';
import type { SearchHit } from '../../core/search';
import type { Language } from '../../core/schema';
import { formatCount, text } from '../../core/texts';
import type { SidebarInfo } from '../../server/sidebar';
import { callServer } from '../shared/server';
import { newRequestKey } from '../shared/request-key';
import { LanguageContext, useT, setRegisterTimeZone } from '../shared/i18n';
import { ClockContext, type ServerClock } from '../shared/clock';
import { Notice } from '../shared/fields';
import { Search, EMPTY_SEARCH, type SearchState } from './Search';
import { RecordView, type Conflict } from './RecordView';
import { CustomerForm } from './CustomerForm';
import { ExportPanel } from './ExportPanel';
import { AdminSection } from './AdminSection';
import type { Act } from './Actions';
import { DueList } from './DueList';
import { readOpenHint } from '../shared/open-hint';
import { draftOf, EDIT_FIELDS, CREATE_FIELDS, type Draft } from './validate';
import './style.css';

type Load = { status: 'loading' } | { status: 'ready'; info: SidebarInfo } | { status: 'failed'; message: string };

type Note = { kind: 'info' | 'error'; message: string; testId?: string } | null;

/**
 * A form: editing `base` as read under `rowToken` (the save sends both back, so it is refused
 * when the row changed since, even by a hand edit whose trigger has not run), or creating a
 * person under `requestKey` (one per opened form, kept across retries: a retry never doubles).
 */
type FormView = { name: 'form'; base: Customer | null; rowToken: string; requestKey: string; initial: Draft; error: string | null; requestId?: string };

type View =
  | { name: 'search' }
  | { name: 'loading' }
  | { name: 'record'; customer: Customer; rowToken: string; note: Note; conflict: Conflict | null }
  | FormView
  | { name: 'admin' };

const DEBOUNCE_MS = 300;

/** Opened from a case of the requests dialog (openRecordInSidebar): that person, on the edit form for a rectification. */
const openHint = readOpenHint('open-record');

function Sidebar() {
  const [load, setLoad] = useState<Load>({ status: 'loading' });
  const [language, setLanguage] = useState<Language>('fi');
  const start = () => {
    setLoad({ status: 'loading' });
    callServer('getSidebarInfo')
      .then((info) => {
        setRegisterTimeZone(info.timeZone);
        setLanguage(info.language);
        setLoad({ status: 'ready', info });
      })
      .catch((e: Error) => setLoad({ status: 'failed', message: e.message }));
  };
  useEffect(start, []);
  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);

  return (
    <LanguageContext.Provider value={language}>
      {load.status === 'loading' ? <p class="muted" role="status">{text(language, 'loading')}</p> : null}
      {load.status === 'failed' ? (
        <div class="notice error" role="alert" data-testid="error">
          <div>{text(language, 'callFailed')}: {load.message}</div>
          <button type="button" onClick={start}>{text(language, 'retry')}</button>
        </div>
      ) : null}
      {load.status === 'ready' ? <Register info={load.info} onLanguage={setLanguage} /> : null}
    </LanguageContext.Provider>
  );
}

function Register(props: { info: SidebarInfo; onLanguage(l: Language): void }) {
  const { t, language } = useT();
  const [rowCount, setRowCount] = useState(props.info.rowCount);
  const [clock, setClock] = useState<ServerClock>({ now: props.info.now, today: props.info.today });
  const [view, setView] = useState<View>({ name: 'search' });
  const [search, setSearch] = useState<SearchState>(EMPTY_SEARCH);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [lastOpened, setLastOpened] = useState<string | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const seq = useRef(0);
  const isAdmin = props.info.role === 'admin';

  /**
   * The view a record or a new form is opening into: an answer for an opening the user has since
   * left (another record, back to search) is dropped, as a late search answer is.
   */
  const opening = useRef(0);

  const runSearch = (query: string) => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    const q = query.trim();
    const mine = ++seq.current;
    if (!q) {
      setSearch((s) => ({ ...s, answered: '', loading: false, hits: [], total: 0, error: null }));
      return;
    }
    setSearch((s) => ({ ...s, loading: true, error: null }));
    callServer('searchCustomers', { query: q })
      .then((r) => {
        if (mine === seq.current) setSearch((s) => ({ ...s, answered: q, loading: false, hits: r.customers, total: r.total }));
      })
      .catch((e: Error) => {
        if (mine === seq.current) setSearch((s) => ({ ...s, answered: q, loading: false, hits: [], total: 0, error: e.message }));
      });
  };
  const onQuery = (query: string) => {
    setSearch((s) => ({ ...s, query }));
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => runSearch(query), DEBOUNCE_MS);
  };
  useEffect(() => () => { if (timer.current) clearTimeout(timer.current); }, []);

  // getCustomer carries the server's clock of that very call: a sidebar left open past midnight
  // defaults and checks the record's dates on the server's new day, at no extra call.
  /** `edit`: straight to the edit form; `requestId`: the rectification request the save is logged with. */
  const open = (hit: Pick<SearchHit, 'customerNumber'>, edit = false, requestId?: string) => {
    const mine = ++opening.current;
    setError(null);
    setLastOpened(hit.customerNumber);
    setView({ name: 'loading' });
    callServer('getCustomer', { customerNumber: hit.customerNumber })
      .then((r) => {
        if (mine !== opening.current) return;
        setClock({ now: r.now, today: r.today });
        setView(edit
          ? { name: 'form', base: r.customer, rowToken: r.rowToken, requestKey: '', initial: draftOf(r.customer, EDIT_FIELDS, r.today), error: null, requestId }
          : { name: 'record', customer: r.customer, rowToken: r.rowToken, note: null, conflict: null });
      })
      .catch((e: Error) => {
        if (mine !== opening.current) return;
        setError(e.message);
        setView({ name: 'search' });
      });
  };

  useEffect(() => {
    if (openHint && typeof openHint.customerNumber === 'string') {
      open({ customerNumber: openHint.customerNumber }, openHint.edit === true, typeof openHint.requestId === 'string' ? openHint.requestId : undefined);
    }
  }, []);

  // A new form defaults its start date to the server's today, asked for as the form opens.
  const openNew = () => {
    const mine = ++opening.current;
    setError(null);
    setView({ name: 'loading' });
    callServer('getSidebarInfo')
      .then((info) => {
        if (mine !== opening.current) return;
        setClock({ now: info.now, today: info.today });
        setRowCount(info.rowCount);
        setView({ name: 'form', base: null, rowToken: '', requestKey: newRequestKey(), initial: draftOf(null, CREATE_FIELDS, info.today), error: null });
      })
      .catch((e: Error) => {
        if (mine !== opening.current) return;
        setError(e.message);
        setView({ name: 'search' });
      });
  };

  /**
   * After a refused write: when the row changed since it was read (its token differs — a newer
   * version, or a hand edit in the sheet), show the newer data with the message.
   */
  const showConflict = async (e: Error, base: Customer, baseToken: string, mine: Draft): Promise<boolean> => {
    try {
      const { customer, rowToken } = await callServer('getCustomer', { customerNumber: base.customerNumber });
      if (rowToken === baseToken) return false;
      setView({ name: 'record', customer, rowToken, note: null, conflict: { message: e.message, mine } });
      return true;
    } catch {
      return false;
    }
  };

  const save = async (form: FormView, input: Draft) => {
    const { base } = form;
    setBusy(true);
    setError(null);
    try {
      if (!base) {
        const r = await callServer('saveCustomer', { customer: input as Partial<Customer>, requestKey: form.requestKey });
        if (!r.duplicate) setRowCount((n) => n + 1);
        setLastOpened(r.customer.customerNumber);
        setView({
          name: 'record',
          customer: r.customer,
          rowToken: r.rowToken,
          conflict: null,
          note: r.duplicate
            ? { kind: 'info', message: t('uiDuplicate'), testId: 'duplicate-note' }
            : { kind: 'info', message: text(language, 'uiCreated').replace('{number}', r.customer.customerNumber), testId: 'saved-note' },
        });
        return;
      }
      if (Object.keys(input).length === 0) {
        setView({ name: 'record', customer: base, rowToken: form.rowToken, conflict: null, note: { kind: 'info', message: t('uiNoChanges') } });
        return;
      }
      const r = await callServer('saveCustomer', {
        customer: { ...(input as Partial<Customer>), customerNumber: base.customerNumber },
        expectedVersion: base.version,
        expectedRowToken: form.rowToken,
        ...(form.requestId ? { requestId: form.requestId } : {}),
      });
      setView({ name: 'record', customer: r.customer, rowToken: r.rowToken, conflict: null, note: { kind: 'info', message: t('uiSaved'), testId: 'saved-note' } });
    } catch (e) {
      const err = e as Error;
      if (!(base && (await showConflict(err, base, form.rowToken, input)))) {
        setView((v) => (v.name === 'form' ? { ...v, initial: v.initial, error: err.message } : v));
      }
    } finally {
      setBusy(false);
    }
  };

  const act: Act = async (run, after) => {
    if (view.name !== 'record') return false;
    const current = view.customer;
    const currentToken = view.rowToken;
    setBusy(true);
    try {
      const r = await run();
      const { customer, rowToken, message } = after(r);
      setView({
        name: 'record', customer: customer ?? current, rowToken: customer ? rowToken ?? '' : currentToken, conflict: null,
        note: { kind: 'info', message, testId: 'action-note' },
      });
      return true;
    } catch (e) {
      const err = e as Error;
      if (!(await showConflict(err, current, currentToken, {}))) {
        setView({ name: 'record', customer: current, rowToken: currentToken, conflict: null, note: { kind: 'error', message: err.message, testId: 'error' } });
      }
      return false;
    } finally {
      setBusy(false);
    }
  };

  const toSearch = () => {
    opening.current += 1;
    setView({ name: 'search' });
  };

  return (
    <ClockContext.Provider value={clock}>
      <main>
        <header class="top">
          <h1 class="visually-hidden">{t('sidebarTitle')}</h1>
          <div class="who">
            <span class="visually-hidden">{t('signedInAs')} </span>
            <span data-testid="user-email" class="user">{props.info.user}</span>
            <span class="muted count-line" title={t('registerRows')}>
              <span data-testid="row-count" data-count={String(rowCount)}>{formatCount(language, rowCount)}</span> {t('uiPeople')}
            </span>
          </div>
          {isAdmin ? (
            <button type="button" class="link" aria-pressed={view.name === 'admin'} data-testid="settings-button"
              onClick={() => setView(view.name === 'admin' ? { name: 'search' } : { name: 'admin' })}>
              {t('uiSettings')}
            </button>
          ) : null}
        </header>
        {error ? <Notice kind="error" message={error} onDismiss={() => setError(null)} dismissLabel={t('uiDismiss')} /> : null}

        {view.name === 'search' ? (
          <>
            <Search state={search} onQuery={onQuery} onSearchNow={() => runSearch(search.query)} onOpen={open} focusNumber={lastOpened}
              onNew={openNew} />
            <ExportPanel />
            <DueList />
          </>
        ) : null}
        {view.name === 'loading' ? <p class="muted" role="status" data-testid="record-loading">{t('loading')}</p> : null}
        {view.name === 'record' ? (
          <RecordView
            customer={view.customer}
            rowToken={view.rowToken}
            note={view.note}
            conflict={view.conflict}
            busy={busy}
            act={act}
            onBack={toSearch}
            onEdit={() => setView({ name: 'form', base: view.customer, rowToken: view.rowToken, requestKey: '', initial: draftOf(view.customer, EDIT_FIELDS, clock.today), error: null })}
            onReapply={() => setView({
              name: 'form', base: view.customer, rowToken: view.rowToken, requestKey: '',
              initial: { ...draftOf(view.customer, EDIT_FIELDS, clock.today), ...view.conflict!.mine }, error: null,
            })}
            onDiscard={() => setView({ ...view, conflict: null })}
          />
        ) : null}
        {view.name === 'form' ? (
          <CustomerForm
            key={view.base ? `${view.base.customerNumber}:${view.base.version}` : 'new'}
            base={view.base}
            initial={view.initial}
            busy={busy}
            error={view.error}
            onSave={(input) => void save(view, input)}
            onCancel={() => setView(view.base ? { name: 'record', customer: view.base, rowToken: view.rowToken, note: null, conflict: null } : { name: 'search' })}
          />
        ) : null}
        {view.name === 'admin' && isAdmin ? (
          <>
            <button type="button" class="link back" onClick={toSearch} data-testid="back-button">‹ {t('uiBack')}</button>
            <AdminSection user={props.info.user} onSaved={(s) => props.onLanguage(s.language)} />
          </>
        ) : null}
      </main>
    </ClockContext.Provider>
  );
}

render(<Sidebar />, document.getElementById('app')!);
