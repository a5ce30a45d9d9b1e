/** The register sidebar: who is signed in and how many people the register holds. */
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { callServer } from '../shared/server';
import { formatCount, text } from '../../core/texts';
import type { SidebarInfo } from '../../server/sidebar';
import './style.css';

type State = { status: 'loading' } | { status: 'ready'; info: SidebarInfo } | { status: 'failed'; message: string };

function Sidebar() {
  const [state, setState] = useState<State>({ status: 'loading' });
  const load = () => {
    setState({ status: 'loading' });
    callServer('getSidebarInfo')
      .then((info) => setState({ status: 'ready', info }))
      .catch((e: Error) => setState({ status: 'failed', message: e.message }));
  };
  useEffect(load, []);

  const language = state.status === 'ready' ? state.info.language : 'fi';
  document.documentElement.lang = language;
  if (state.status === 'loading') return <p class="label">{text(language, 'loading')}</p>;
  if (state.status === 'failed') {
    return (
      <div class="card error" role="alert" data-testid="error">
        <div>{text(language, 'callFailed')}: {state.message}</div>
        <button onClick={load}>{text(language, 'retry')}</button>
      </div>
    );
  }
  const { info } = state;
  return (
    <main>
      <h1>{text(language, 'sidebarTitle')}</h1>
      <div class="card">
        <div class="label">{text(language, 'signedInAs')}</div>
        <div class="value" data-testid="user-email">{info.user}</div>
      </div>
      <div class="card">
        <div class="label">{text(language, 'registerRows')}</div>
        <div class="count" data-testid="row-count" data-count={String(info.rowCount)}>{formatCount(language, info.rowCount)}</div>
      </div>
    </main>
  );
}

render(<Sidebar />, document.getElementById('app')!);
