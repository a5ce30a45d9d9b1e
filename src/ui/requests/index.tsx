/**
 * The requests dialog (issue 9, deliverable 7): a modal dialog of 900 × 600 opened from the menu
 * (Rekisteri › Pyynnöt) or from the sidebar. The list with its filters and countdowns, one case
 * with its letter, rights and actions, and the form that logs a letter or a visit. "Today" is the
 * server's (getSidebarInfo, and any request answer that carries it), never the browser's clock;
 * every value is a text node.
 */
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { Language } from '../../core/schema';
import { callServer } from '../shared/server';
import { LoadState } from '../shared/loading';
import { LanguageContext, setRegisterTimeZone } from '../shared/i18n';
import { readOpenHint } from '../shared/open-hint';
import { RequestList } from './RequestList';
import { CasePanel } from './CasePanel';
import { LogForm } from './LogForm';
import type { RequestFilter } from '../../core/requests/countdown';
import { DEFAULT_FILTER } from '../../core/requests/countdown';
import type { CaseView } from '../shared/requests-api';
import './style.css';

type Load = { status: 'loading' } | { status: 'ready'; user: string; language: Language; today: string } | { status: 'failed'; message: string };

export type View =
  | { name: 'list' }
  | { name: 'case'; id: string; note: string; initial: CaseView | null }
  | { name: 'log' };

/** Which case the dialog was opened on (showRequestsDialog({id})), if any. */
const hint = readOpenHint('open-request');
const hintedId = hint && typeof hint.id === 'string' ? hint.id : '';

function RequestsDialog() {
  const [load, setLoad] = useState<Load>({ status: 'loading' });
  const start = () => {
    setLoad({ status: 'loading' });
    callServer('getSidebarInfo')
      .then((info) => {
        setRegisterTimeZone(info.timeZone);
        document.documentElement.lang = info.language;
        setLoad({ status: 'ready', user: info.user, language: info.language, today: info.today });
      })
      .catch((e: Error) => setLoad({ status: 'failed', message: e.message }));
  };
  useEffect(start, []);
  const language = load.status === 'ready' ? load.language : 'fi';
  return (
    <LanguageContext.Provider value={language}>
      <LoadState language={language} load={load.status === 'ready' ? { status: 'ready' } : load} retry={start} />
      {load.status === 'ready' ? <Requests user={load.user} today={load.today} /> : null}
    </LanguageContext.Provider>
  );
}

function Requests(props: { user: string; today: string }) {
  const [today, setToday] = useState(props.today);
  const [view, setView] = useState<View>(hintedId ? { name: 'case', id: hintedId, note: '', initial: null } : { name: 'list' });
  const [filter, setFilter] = useState<RequestFilter>(DEFAULT_FILTER);
  /** The case last opened, to focus its row when the list comes back. */
  const [lastOpened, setLastOpened] = useState('');
  const onToday = (d: string) => {
    if (d) setToday(d);
  };
  return (
    <main class="dialog-main">
      {view.name === 'list' ? (
        <RequestList today={today} onToday={onToday} filter={filter} onFilter={setFilter} focusId={lastOpened}
          onOpen={(id) => { setLastOpened(id); setView({ name: 'case', id, note: '', initial: null }); }}
          onLog={() => setView({ name: 'log' })} />
      ) : null}
      {view.name === 'case' ? (
        <CasePanel key={view.id} id={view.id} today={today} onToday={onToday} note={view.note} initial={view.initial}
          onBack={() => setView({ name: 'list' })}
          onOpen={(id) => { setLastOpened(id); setView({ name: 'case', id, note: '', initial: null }); }} />
      ) : null}
      {view.name === 'log' ? (
        <LogForm today={today} onCancel={() => setView({ name: 'list' })}
          onLogged={(c, note) => { setLastOpened(c.request.id); onToday(c.today); setView({ name: 'case', id: c.request.id, note, initial: c }); }} />
      ) : null}
    </main>
  );
}

render(<RequestsDialog />, document.getElementById('app')!);
