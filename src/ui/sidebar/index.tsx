/**
 * The register sidebar (300 px): search with the recently opened people and "open the selected
 * row", a person's record with its actions and change history, create and edit forms with inline
 * validation, the duplicate found on create side by side with what was typed, the marketing-list
 * download, and the admins' settings. Leaving unsaved changes (a form, the settings) asks first.
 * Every server call goes through the typed callServer; every value is a text node.
 */
import { render } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Customer } from '../../core/customer';
import type { SearchHit } from '../../core/search';
import type { Language } from '../../core/schema';
import { formatCount, text, textWith } from '../../core/texts';
import { adminText } from '../../core/texts/admin';
import type { SidebarInfo } from '../../server/sidebar';
import { callServer, setFailureLanguage } from '../shared/server';
import { refusalFields } from '../shared/format';
import { headerLabel } from '../shared/i18n';
import { DuplicateView } from './DuplicateView';
import { LeaveGuard } from './LeaveGuard';
import { newRequestKey } from '../shared/request-key';
import { LoadState } from '../shared/loading';
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
type FormView = {
  name: 'form'; base: Customer | null; rowToken: string; requestKey: string; initial: Draft; error: string | null;
  /** A server refusal split onto its fields. */
  fieldErrors?: Record<string, string> | null;
  /** What the form holds when it is shown again (after the duplicate view): the typed draft. */
  draft?: Draft;
  /** The rectification request the save is logged with (opened from the requests dialog). */
  requestId?: string;
};

type View =
  | { name: 'search' }
  | { name: 'loading' }
  | { name: 'record'; customer: Customer; rowToken: string; note: Note; conflict: Conflict | null }
  | FormView
  /** A create found someone with the same email or phone: shown beside what was typed. */
  | { name: 'duplicate'; existing: Customer; rowToken: string; typed: Draft; form: FormView }
  | { name: 'admin' };

const DEBOUNCE_MS = 300;
/** How many recently opened people the start screen lists. */
const RECENT_SHOWN = 8;

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
        setFailureLanguage(info.language);
        setLanguage(info.language);
        setLoad({ status: 'ready', info });
      })
      .catch((e: Error) => setLoad({ status: 'failed', message: e.message }));
  };
  useEffect(start, []);
  useEffect(() => {
    // Hyphenation (style.css) and screen readers follow the document's language.
    document.documentElement.lang = language;
    setFailureLanguage(language);
  }, [language]);

  return (
    <LanguageContext.Provider value={language}>
      <LoadState language={language} load={load.status === 'ready' ? { status: 'ready' } : load} retry={start} />
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
  const [recent, setRecent] = useState<SearchHit[] | null>(null);
  /** Whether the open form or the settings hold unsaved changes; a navigation then asks first. */
  const dirty = useRef(false);
  const [leaving, setLeaving] = useState<(() => void) | null>(null);
  // Closing the sidebar itself with unsaved changes: the browser asks too.
  useEffect(() => {
    const onUnload = (e: BeforeUnloadEvent) => {
      if (!dirty.current) return;
      e.preventDefault();
      e.returnValue = '';
    };
    window.addEventListener('beforeunload', onUnload);
    return () => window.removeEventListener('beforeunload', onUnload);
  }, []);
  /** Runs `go` now, or after the user agrees to drop unsaved changes. */
  const leave = (go: () => void) => {
    if (!dirty.current) return go();
    setLeaving(() => go);
  };
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

  // The recently opened people (this user's, kept by the server on each getCustomer): one call
  // as the sidebar opens, then kept here as records open. A menu's "open the selected row" opens it.
  useEffect(() => {
    callServer('getRecentCustomers').then((r) => setRecent(r.customers)).catch(() => setRecent([]));
    if (document.querySelector('meta[name="rekisteri-start"][content="selected"]')) openSelected();
  }, []);
  const remember = (c: Customer) => {
    const hit: SearchHit = {
      customerNumber: c.customerNumber, name: c.name, email: c.email, phone: c.phone,
      status: { banned: !!c.marketingBannedAt, restricted: !!c.restrictedAt, legalHoldUntil: c.legalHoldUntil, relationshipEnd: c.relationshipEnd },
    };
    setRecent((list) => [hit, ...(list ?? []).filter((h) => h.customerNumber !== c.customerNumber)].slice(0, RECENT_SHOWN));
  };

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
        remember(r.customer);
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

  /** Opens the person on the row selected in the sheet (the server reads the selection). */
  const openSelected = () => {
    const mine = ++opening.current;
    setError(null);
    setView({ name: 'loading' });
    callServer('openSelectedRow')
      .then((r) => {
        if (mine !== opening.current) return;
        setClock({ now: r.now, today: r.today });
        setLastOpened(r.customer.customerNumber);
        remember(r.customer);
        setView({ name: 'record', customer: r.customer, rowToken: r.rowToken, note: null, conflict: null });
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
        setLastOpened(r.customer.customerNumber);
        if (r.duplicate) {
          // Nothing was made: the existing person beside what was typed, the draft kept.
          dirty.current = false;
          // What the user typed: the fields that differ from a new form's defaults (a default start
          // date or country is no detail of theirs to add), with name, email and phone always.
          const typed: Draft = {};
          for (const [f, v] of Object.entries(input)) if (['name', 'email', 'phone'].includes(f) || v !== (form.initial[f] ?? '')) typed[f] = v;
          setView({ name: 'duplicate', existing: r.customer, rowToken: r.rowToken, typed, form: { ...form, draft: { ...form.initial, ...input } } });
          return;
        }
        setRowCount((n) => n + 1);
        remember(r.customer);
        setView({
          name: 'record',
          customer: r.customer,
          rowToken: r.rowToken,
          conflict: null,
          note: { kind: 'info', message: text(language, 'uiCreated').replace('{number}', r.customer.customerNumber), testId: 'saved-note' },
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
        // A refusal naming fields goes under those fields (under the form's own labels).
        const labels = Object.fromEntries((base ? EDIT_FIELDS : CREATE_FIELDS).map((f) => [f, headerLabel(language, f)]));
        const fieldErrors = refusalFields(err.message, text(language, 'checkFields'), labels);
        setView((v) => (v.name === 'form' ? { ...v, error: fieldErrors ? t('uiFixErrors') : err.message, fieldErrors } : v));
      }
    } finally {
      setBusy(false);
    }
  };

  /** Adds what was typed to the existing person: a save with the version and row token just read. */
  const mergeTyped = async (existing: Customer, rowToken: string, typed: Draft) => {
    const patch: Draft = {};
    for (const [f, v] of Object.entries(typed)) if (EDIT_FIELDS.includes(f as never) && v.trim() !== '' && v !== String(existing[f as keyof Customer] ?? '')) patch[f] = v;
    if (!Object.keys(patch).length) {
      setView({ name: 'record', customer: existing, rowToken, conflict: null, note: { kind: 'info', message: t('uiNoChanges') } });
      return;
    }
    const form: FormView = { name: 'form', base: existing, rowToken, requestKey: '', initial: draftOf(existing, EDIT_FIELDS, clock.today), error: null };
    setBusy(true);
    try {
      const r = await callServer('saveCustomer', {
        customer: { ...(patch as Partial<Customer>), customerNumber: existing.customerNumber }, expectedVersion: existing.version, expectedRowToken: rowToken,
      });
      remember(r.customer);
      setView({ name: 'record', customer: r.customer, rowToken: r.rowToken, conflict: null, note: { kind: 'info', message: textWith(language, 'uiMerged', { number: r.customer.customerNumber }), testId: 'saved-note' } });
    } catch (e) {
      const err = e as Error;
      if (!(await showConflict(err, existing, rowToken, patch))) {
        // Refused (a typed value that is someone else's, say): the edit form with the typed values, and why.
        const labels = Object.fromEntries(EDIT_FIELDS.map((f) => [f, headerLabel(language, f)]));
        const fieldErrors = refusalFields(err.message, text(language, 'checkFields'), labels);
        setView({ ...form, initial: { ...form.initial, ...patch }, error: fieldErrors ? t('uiFixErrors') : err.message, fieldErrors });
      }
    } finally {
      setBusy(false);
    }
  };

  const act: Act = async (run, after, onRefusal) => {
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
      if (onRefusal?.(err.message)) {
        setView({ name: 'record', customer: current, rowToken: currentToken, conflict: null, note: null });
      } else if (!(await showConflict(err, current, currentToken, {}))) {
        setView({ name: 'record', customer: current, rowToken: currentToken, conflict: null, note: { kind: 'error', message: err.message, testId: 'error' } });
      }
      return false;
    } finally {
      setBusy(false);
    }
  };

  const toSearch = () => leave(() => {
    opening.current += 1;
    dirty.current = false;
    setView({ name: 'search' });
  });

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
            <div class="admin-links">
              <button type="button" class="link" aria-pressed={view.name === 'admin'} data-testid="settings-button"
                onClick={() => leave(() => { dirty.current = false; setView(view.name === 'admin' ? { name: 'search' } : { name: 'admin' }); })}>
                {t('uiSettings')}
              </button>
              {/* The admin dialog, which staff's menu does not offer (server/menu.ts): an admin finds it here. */}
              <button type="button" class="link" data-testid="admin-dialog-button"
                onClick={() => callServer('showAdminDialog').catch((e: Error) => setError(e.message))}>
                {adminText(language, 'menuAdmin')}
              </button>
            </div>
          ) : null}
        </header>
        {error ? <Notice kind="error" message={error} onDismiss={() => setError(null)} dismissLabel={t('uiDismiss')} /> : null}
        {leaving ? (
          <LeaveGuard
            onStay={() => setLeaving(null)}
            onLeave={() => { const go = leaving; dirty.current = false; setLeaving(null); go(); }}
          />
        ) : null}

        {view.name === 'search' ? (
          <>
            <Search state={search} onQuery={onQuery} onSearchNow={() => runSearch(search.query)} onOpen={open} focusNumber={lastOpened}
              onNew={openNew} recent={recent} onOpenSelected={openSelected} />
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
            key={view.base ? `${view.base.customerNumber}:${view.base.version}` : `new:${view.requestKey}`}
            base={view.base}
            initial={view.initial}
            draft={view.draft}
            busy={busy}
            error={view.error}
            fieldErrors={view.fieldErrors}
            onDirty={(d) => { dirty.current = d; }}
            onSave={(input) => void save(view, input)}
            onCancel={() => leave(() => {
              dirty.current = false;
              setView(view.base ? { name: 'record', customer: view.base, rowToken: view.rowToken, note: null, conflict: null } : { name: 'search' });
            })}
          />
        ) : null}
        {view.name === 'duplicate' ? (
          <DuplicateView
            existing={view.existing}
            typed={view.typed}
            busy={busy}
            onOpen={() => { remember(view.existing); setView({ name: 'record', customer: view.existing, rowToken: view.rowToken, note: null, conflict: null }); }}
            onMerge={() => void mergeTyped(view.existing, view.rowToken, view.typed)}
            onBack={() => setView({ ...view.form, error: null })}
          />
        ) : null}
        {view.name === 'admin' && isAdmin ? (
          <>
            <button type="button" class="link back" onClick={toSearch} data-testid="back-button">‹ {t('uiBack')}</button>
            <AdminSection user={props.info.user} onSaved={(s) => props.onLanguage(s.language)} onDirty={(d) => { dirty.current = d; }} onEscape={toSearch} />
          </>
        ) : null}
      </main>
    </ClockContext.Provider>
  );
}

render(<Sidebar />, document.getElementById('app')!);
