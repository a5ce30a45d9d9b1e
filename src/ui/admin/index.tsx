/**
 * The admin dialog (issue 10, deliverable 3): a modal of 960 × 640 opened from Rekisteri ›
 * Ylläpito (server/menu.ts showAdminDialog, admins only), in the register's language. Sections as
 * tabs: key personnel, settings, triggers, the file's sharing against the access policy, the
 * compliance report and the privacy notice. Every value is a text node; times are the server's.
 */
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { Language } from '../../core/schema';
import type { Settings } from '../../core/settings';
import type { AdminUiKey } from '../../core/texts/admin';
import { callServer, setFailureLanguage } from '../shared/server';
import { LoadState } from '../shared/loading';
import { LanguageContext, setRegisterTimeZone } from '../shared/i18n';
import { Personnel } from './Personnel';
import { SettingsForm } from './SettingsForm';
import { Triggers } from './Triggers';
import { Access, Compliance, PrivacyNoticePanel } from './Reports';
import { useA } from './texts';
import '../requests/style.css';
import './style.css';

type Load = { status: 'loading' } | { status: 'ready'; user: string; settings: Settings } | { status: 'failed'; message: string; language: Language };

const TABS: { id: string; label: AdminUiKey }[] = [
  { id: 'personnel', label: 'adTabPersonnel' },
  { id: 'settings', label: 'adTabSettings' },
  { id: 'triggers', label: 'adTabTriggers' },
  { id: 'access', label: 'adTabAccess' },
  { id: 'compliance', label: 'adTabCompliance' },
  { id: 'notice', label: 'adTabNotice' },
];

function AdminDialog() {
  const [load, setLoad] = useState<Load>({ status: 'loading' });
  const start = () => {
    setLoad({ status: 'loading' });
    let language: Language = 'fi';
    callServer('getSidebarInfo')
      .then((info) => {
        language = info.language;
        setRegisterTimeZone(info.timeZone);
        setFailureLanguage(info.language);
        document.documentElement.lang = info.language;
        return callServer('getSettings').then((r) => setLoad({ status: 'ready', user: info.user, settings: r.settings }));
      })
      .catch((e: Error) => setLoad({ status: 'failed', message: e.message, language }));
  };
  useEffect(start, []);
  const language = load.status === 'ready' ? load.settings.language : load.status === 'failed' ? load.language : 'fi';
  return (
    <LanguageContext.Provider value={language}>
      <LoadState language={language} load={load.status === 'ready' ? { status: 'ready' } : load} retry={start} />
      {load.status === 'ready' ? (
        <Admin user={load.user} settings={load.settings} onSettings={(settings) => {
          document.documentElement.lang = settings.language;
          setFailureLanguage(settings.language);
          setLoad({ ...load, settings });
        }} />
      ) : null}
    </LanguageContext.Provider>
  );
}

function Admin(props: { user: string; settings: Settings; onSettings(settings: Settings): void }) {
  const { a } = useA();
  const [tab, setTab] = useState('personnel');
  const move = (e: KeyboardEvent) => {
    const i = TABS.findIndex((t) => t.id === tab);
    const next = e.key === 'ArrowRight' ? (i + 1) % TABS.length : e.key === 'ArrowLeft' ? (i + TABS.length - 1) % TABS.length : -1;
    if (next < 0) return;
    e.preventDefault();
    setTab(TABS[next].id);
    document.getElementById(`tab-${TABS[next].id}`)?.focus();
  };
  return (
    <main class="dialog-main stack">
      <h1>{a('adDialogTitle')}</h1>
      <div class="tabs" role="tablist" aria-label={a('adDialogTitle')} onKeyDown={move}>
        {TABS.map((t) => (
          <button key={t.id} type="button" role="tab" id={`tab-${t.id}`} aria-selected={tab === t.id} aria-controls={`panel-${t.id}`}
            tabIndex={tab === t.id ? 0 : -1} data-testid={`tab-${t.id}`} onClick={() => setTab(t.id)}>{a(t.label)}</button>
        ))}
      </div>
      <div role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`}>
        {tab === 'personnel' ? <Personnel user={props.user} settings={props.settings} onSaved={props.onSettings} /> : null}
        {tab === 'settings' ? <SettingsForm settings={props.settings} onSaved={props.onSettings} /> : null}
        {tab === 'triggers' ? <Triggers /> : null}
        {tab === 'access' ? <Access /> : null}
        {tab === 'compliance' ? <Compliance /> : null}
        {tab === 'notice' ? <PrivacyNoticePanel /> : null}
      </div>
    </main>
  );
}

render(<AdminDialog />, document.getElementById('app')!);
