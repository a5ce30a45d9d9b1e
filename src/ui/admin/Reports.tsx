/**
 * The three read-outs an admin or an auditor looks at: the file's sharing against the access
 * policy (getAccessPolicy, and its application), the compliance report (runComplianceCheck,
 * readable here, as CSV and as a printable page), and the privacy notice made from the
 * settings (privacyNotice), shown in a frame that runs no script and offered as an HTML file.
 * Every value is a text node; the notice's and the report's pages are the server's escaped HTML.
 */
import { useEffect, useState } from 'preact/hooks';
import type { Check, ComplianceReport } from '../../core/compliance';
import { LANGUAGES, type Language } from '../../core/schema';
import type { AccessView } from '../../server/access';
import { callServer } from '../shared/server';
import { formatInstant } from '../shared/i18n';
import { downloadText, Notice, SelectField } from '../shared/fields';
import { ApplyPolicy, AppliedNote, DriftList } from './Policy';
import { useA } from './texts';

const LANGUAGE_NAMES: Record<Language, string> = { fi: 'suomi', sv: 'svenska', en: 'English' };

export function Access() {
  const { a } = useA();
  const [view, setView] = useState<AccessView | null>(null);
  const [after, setAfter] = useState<AccessView | null>(null);
  const [error, setError] = useState('');
  const load = () => {
    setError('');
    callServer('getAccessPolicy').then(setView).catch((e: Error) => setError(e.message));
  };
  useEffect(load, []);
  if (error) return <Notice kind="error" message={error} />;
  if (!view) return <p class="muted" role="status">{a('adLoading')}</p>;
  return (
    <section class="stack" data-testid="access-section">
      <p class="hint">{a('adAccessHint')}</p>
      {after ? <AppliedNote after={after} /> : view.ok ? <Notice kind="info" testId="access-ok" message={a('adAccessOk')} /> : (
        <div class="stack small-gap">
          <p>{a('adAccessDrift')}</p>
          <DriftList view={view} testId="access-drift" />
          {view.adminOnly.length ? <p class="hint">{a('adAccessAdminOnly')}</p> : null}
          <ApplyPolicy view={view} label={a('adApplyPolicy')} onApplied={(v) => { setAfter(v); setView(v); }} />
        </div>
      )}
      <div class="buttons"><button type="button" onClick={() => { setAfter(null); load(); }}>{a('adRefresh')}</button></div>
    </section>
  );
}

export function Compliance() {
  const { language, a } = useA();
  const [report, setReport] = useState<ComplianceReport | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const [note, setNote] = useState('');
  const run = () => {
    setBusy(true);
    setError('');
    callServer('runComplianceCheck', { language })
      .then(setReport)
      .catch((e: Error) => setError(e.message))
      .finally(() => setBusy(false));
  };
  useEffect(run, []);
  const csv = () => {
    setBusy(true);
    callServer('complianceReportCsv', { language })
      .then((r) => downloadText(r.csv, r.fileName))
      .catch((e: Error) => setError(e.message))
      .finally(() => setBusy(false));
  };
  const printable = () => {
    setBusy(true);
    setNote('');
    callServer('complianceReportPage', { language })
      .then((r) => {
        // A page of the server's (no script, every value escaped) in a window of its own, to print;
        // where pop-ups are blocked, the same page as a file.
        const url = URL.createObjectURL(new Blob([r.html], { type: 'text/html;charset=utf-8' }));
        const opened = window.open(url, '_blank', 'noopener');
        if (!opened) {
          downloadText(r.html, r.fileName, 'text/html;charset=utf-8');
          setNote(a('adPopupBlocked'));
        }
        setTimeout(() => URL.revokeObjectURL(url), 60_000);
      })
      .catch((e: Error) => setError(e.message))
      .finally(() => setBusy(false));
  };
  const failed = report ? report.checks.filter((c) => !c.ok).length : 0;
  return (
    <section class="stack" data-testid="compliance-section">
      <p class="hint">{a('adComplianceHint')}</p>
      {error ? <Notice kind="error" message={error} /> : null}
      {report ? (
        <>
          <p data-testid="compliance-summary" class={failed ? 'bad-text' : 'ok-text'}>
            {a('adCheckAt', { at: formatInstant(language, report.at) })} · {failed ? a('adSomeFailed', { count: failed }) : a('adAllOk')}
          </p>
          <div class="table-wrap">
            <table class="requests">
              <thead><tr><th>{a('adCheckPromise')}</th><th>{a('adCheckResult')}</th><th>{a('adCheckDetail')}</th></tr></thead>
              <tbody>{report.checks.map((c) => <CheckRow key={c.id} check={c} />)}</tbody>
            </table>
          </div>
        </>
      ) : busy ? <p class="muted" role="status">{a('adLoading')}</p> : null}
      {note ? <Notice kind="info" message={note} /> : null}
      <div class="buttons">
        <button type="button" class="primary" disabled={busy} onClick={run} data-testid="compliance-run">{a('adRunCheck')}</button>
        <button type="button" disabled={busy || !report} onClick={csv} data-testid="compliance-csv">{a('adDownloadCsv')}</button>
        <button type="button" disabled={busy || !report} onClick={printable} data-testid="compliance-print">{a('adPrintable')}</button>
      </div>
    </section>
  );
}

function CheckRow(props: { check: Check }) {
  const { a } = useA();
  const c = props.check;
  return (
    <tr data-testid="check-row" data-check={c.id} data-ok={String(c.ok)}>
      <td><div class="hint">{c.promiseHeading}</div>{c.label}</td>
      <td class={c.ok ? 'ok-text' : 'bad-text'}>{c.ok ? a('adCheckOk') : a('adCheckFailed')}</td>
      <td>
        {c.detail}
        <details><summary>{a('adEvidence')}</summary><pre class="evidence">{JSON.stringify(c.evidence, null, 2)}</pre></details>
      </td>
    </tr>
  );
}

export function PrivacyNoticePanel() {
  const { language, a } = useA();
  const [noticeLanguage, setNoticeLanguage] = useState<Language>(language);
  const [page, setPage] = useState<{ html: string; fileName: string } | null>(null);
  const [error, setError] = useState('');
  useEffect(() => {
    setPage(null);
    setError('');
    callServer('privacyNotice', { language: noticeLanguage }).then(setPage).catch((e: Error) => setError(e.message));
  }, [noticeLanguage]);
  return (
    <section class="stack" data-testid="notice-section">
      <p class="hint">{a('adNoticeHint')}</p>
      <div class="form-row">
        <SelectField id="admin-notice-language" name="noticeLanguage" label={a('adNoticeLanguage')} value={noticeLanguage}
          options={LANGUAGES.map((l) => ({ value: l, label: LANGUAGE_NAMES[l] }))} onChange={(v) => setNoticeLanguage(v as Language)} />
        <div class="field end">
          <button type="button" class="primary" disabled={!page} data-testid="notice-download"
            onClick={() => page && downloadText(page.html, page.fileName, 'text/html;charset=utf-8')}>{a('adDownloadNotice')}</button>
        </div>
      </div>
      {error ? <Notice kind="error" message={error} /> : null}
      {/* An empty sandbox: the page runs no script and reaches nothing of the dialog's. */}
      {page ? <iframe class="notice-frame" sandbox="" srcdoc={page.html} title={a('adTabNotice')} data-testid="notice-frame" /> : <p class="muted" role="status">{a('adLoading')}</p>}
    </section>
  );
}
