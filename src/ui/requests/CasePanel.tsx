/**
 * One case in the dialog: its details and countdown, the letter as text with a link to its Gmail
 * thread, each right asked with how it was settled, and the actions the transition table allows
 * now (core/requests/countdown.ts caseActions): verify with a note, extend with a reason (only
 * inside the first month), reject with the reason (the person may complain to
 * Tietosuojavaltuutettu), mark as a duplicate of another case, and fulfil or decline each right.
 * What cannot be undone asks first, with the focus on the safe button; a refusal is the server's
 * message, shown in the panel that asked.
 */
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { RequestType } from '../../core/requests/model';
import { caseActions, gmailThreadUrl } from '../../core/requests/countdown';
import {
  CHANNEL_TEXT, REQUEST_STATUS_TEXT, REQUEST_TYPE_TEXT, RIGHT_OUTCOME_TEXT, VERIFICATION_TEXT,
} from '../../core/texts/requests';
import type { RequestUiKey } from '../../core/texts/requests-ui';
import { formatDate, formatInstant, useT } from '../shared/i18n';
import { Notice, TextArea, TextField } from '../shared/fields';
import { CountdownBadge, useRT } from '../shared/request-texts';
import type { FulfilResult } from '../../server/fulfil';
import { actOnCase, getRequest, listRequests, openRecordInSidebar, type CaseAction, type CaseView, type NoticeView } from '../shared/requests-api';

declare const google: { script: { host: { close(): void } } };

type Outcome = { ok: true } | { ok: false; message: string };
type Run = (action: CaseAction, message: string | ((answer: Record<string, unknown>) => string)) => Promise<Outcome>;

export function CasePanel(props: {
  id: string;
  today: string;
  onToday(today: string): void;
  note: string;
  initial: CaseView | null;
  onBack(): void;
  onOpen(id: string): void;
}) {
  const { language, t } = useT();
  const r = useRT();
  const [view, setView] = useState<CaseView | null>(props.initial);
  const [error, setError] = useState('');
  const [note, setNote] = useState(props.note);
  /** A letter an action could not draft: its text, to send by hand. */
  const [notice, setNotice] = useState<NoticeView | null>(null);
  const [busy, setBusy] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (props.initial) return;
    let current = true;
    getRequest(props.id)
      .then((v) => {
        if (!current) return;
        props.onToday(v.today);
        setView(v);
      })
      .catch((e: Error) => current && setError(e.message));
    return () => {
      current = false;
    };
  }, [props.id]);
  useEffect(() => {
    if (view) heading.current?.focus();
  }, [view === null]);

  const run: Run = async (action, message) => {
    setBusy(true);
    setNote('');
    try {
      const { view: next, notice: drafted, answer } = await actOnCase(action);
      props.onToday(next.today);
      setView(next);
      const draftNote = drafted ? (drafted.draftId ? r(drafted.inThread ? 'rqNoticeInThread' : 'rqNoticeDrafted') : r('rqNoticeByHand')) : '';
      setNote([typeof message === 'function' ? message(answer) : message, draftNote].filter(Boolean).join(' '));
      setNotice(drafted && !drafted.draftId ? drafted : null);
      heading.current?.focus();
      return { ok: true };
    } catch (e) {
      return { ok: false, message: (e as Error).message };
    } finally {
      setBusy(false);
    }
  };

  const back = <button type="button" class="link back" onClick={props.onBack} data-testid="back-button">‹ {r('rqBack')}</button>;
  if (!view) {
    return (
      <section class="stack">
        {back}
        {error ? <Notice kind="error" message={error} testId="case-error" /> : <p class="muted" role="status">{t('loading')}</p>}
      </section>
    );
  }

  const q = view.request;
  const today = view.today || props.today;
  const actions = caseActions(q, today);
  const thread = gmailThreadUrl(q.gmailThreadId);
  const typeText = (x: RequestType) => t(REQUEST_TYPE_TEXT[x] ?? 'reqTypeOther');
  const pairs: [RequestUiKey, string, string][] = [
    ['rqId', q.id, 'id'],
    ['rqColReceived', formatInstant(language, q.receivedAt), 'receivedAt'],
    ['rqChannel', t(CHANNEL_TEXT[q.channel] ?? 'reqChannelEmail'), 'channel'],
    ['rqColRequester', q.requesterEmail, 'requesterEmail'],
    ['rqColCustomer', q.customerNumber, 'customerNumber'],
    ['rqVerification', t(VERIFICATION_TEXT[q.verification] ?? 'reqVerificationNone'), 'verification'],
    ['rqLanguage', q.language, 'language'],
    ['rqColDue', formatDate(language, q.dueDate), 'dueDate'],
    ['rqExtendedDue', q.extendedDueDate ? formatDate(language, q.extendedDueDate) : '', 'extendedDueDate'],
    ['rqExtensionReason', q.extensionReason, 'extensionReason'],
    ['rqHandledBy', q.handledBy, 'handledBy'],
    ['rqClosedAt', q.closedAt ? formatInstant(language, q.closedAt) : '', 'closedAt'],
    ['rqRejectionReason', q.outcome.rejectionReason, 'rejectionReason'],
    ['rqDuplicateOfLabel', q.outcome.duplicateOf, 'duplicateOf'],
  ];

  return (
    <section class="stack case" data-testid="case-view" data-id={q.id} data-status={q.status} aria-labelledby="case-title">
      {back}
      <div class="case-head">
        <h1 id="case-title" tabIndex={-1} ref={heading} data-testid="case-title">{typeText(q.type)}</h1>
        <span class="status" data-testid="case-status">{t(REQUEST_STATUS_TEXT[q.status] ?? 'reqStatusReceived')}</span>
        <CountdownBadge row={q} today={today} />
      </div>
      {note ? <Notice kind="info" message={note} testId="case-note" /> : null}
      {notice ? <pre class="letter" data-testid="notice-text">{`${notice.subject}\n\n${notice.body}`}</pre> : null}

      <div class="case-grid">
        <div class="stack">
          <div class="card">
            <dl class="fields">
              {pairs.filter(([, value]) => value !== '').map(([label, value, key]) => (
                <div class="pair" key={key}><dt>{r(label)}</dt><dd data-testid={`case-${key}`}>{value}</dd></div>
              ))}
            </dl>
            <Person customerNumber={q.customerNumber} requestId={q.id} />
          </div>

          <div class="card" data-testid="letter-card">
            <h2>{r('rqLetter')}</h2>
            {view.letter ? null : <p class="muted small" data-testid="letter-summary-note">{view.unavailable || r('rqLetterSummary')}</p>}
            {/* The letter is a text node: markup in a mail shows as its characters and never runs. */}
            <pre class="letter" data-testid="letter">{view.letter || q.summary}</pre>
            {thread ? (
              <a href={thread} target="_blank" rel="noopener noreferrer" data-testid="gmail-link">{r('rqOpenInGmail')}</a>
            ) : null}
          </div>
        </div>

        <div class="stack">
          <div class="card" data-testid="rights">
            <h2>{r('rqRights')}</h2>
            {actions.settle.length === 0 && (q.status === 'received' || q.status === 'awaiting-verification') ? (
              <p class="hint-box small" data-testid="verify-first">{r('rqVerifyFirst')}</p>
            ) : null}
            <ul class="rights">
              {q.rights.map((right) => {
                const settled = q.outcome.settled.find((s) => s.right === right);
                return (
                  <li key={right} data-testid="right" data-right={right} data-outcome={settled?.outcome ?? 'open'}>
                    <div class="right-name">{typeText(right)}</div>
                    {settled ? (
                      <div class="small">
                        <span data-testid="right-outcome">
                          {r('rqSettled', { outcome: t(RIGHT_OUTCOME_TEXT[settled.outcome]), at: formatInstant(language, settled.at), by: settled.by })}
                        </span>
                        {settled.reason ? <div class="muted">{settled.reason}</div> : null}
                      </div>
                    ) : (
                      <div class="muted small">{r('rqRightOpen')}</div>
                    )}
                    {actions.settle.includes(right) ? (
                      <RightActions id={q.id} right={right} customerNumber={q.customerNumber} busy={busy} run={run} />
                    ) : null}
                  </li>
                );
              })}
            </ul>
          </div>

          {actions.verify || actions.extend || actions.reject || actions.duplicate ? (
            <CaseActionsCard id={q.id} dueDate={q.dueDate} actions={actions} busy={busy} run={run} customerNumber={q.customerNumber}
              requesterEmail={q.requesterEmail} onOpen={props.onOpen} />
          ) : null}
        </div>
      </div>
    </section>
  );
}

/** The matched person: a button that opens their record in the sidebar (the dialog then closes, as the sidebar is behind it). */
function Person(props: { customerNumber: string; requestId: string }) {
  const r = useRT();
  const [error, setError] = useState('');
  if (!props.customerNumber) return <p class="muted small" data-testid="no-customer">{r('rqNoCustomer')}</p>;
  return (
    <div class="stack small-gap">
      <button type="button" class="link" data-testid="open-record"
        onClick={() => openRecordInSidebar({ customerNumber: props.customerNumber, requestId: props.requestId }).then(() => google.script.host.close(), (e: Error) => setError(e.message))}>
        {r('rqOpenRecord')}
      </button>
      {error ? <Notice kind="error" message={error} testId="open-record-error" /> : null}
    </div>
  );
}

/** A question before something that cannot be undone: the safe button (cancel) has the focus. */
function Confirm(props: { message: string; detail?: string; confirmLabel: string; busy: boolean; onConfirm(): void; onCancel(): void; error: string }) {
  const r = useRT();
  const cancel = useRef<HTMLButtonElement>(null);
  // At once, before the next paint: an Enter pressed right after the question cancels.
  useLayoutEffect(() => cancel.current?.focus(), []);
  return (
    <div class="confirm" role="alertdialog" aria-labelledby="confirm-text" data-testid="confirm">
      <p id="confirm-text" data-testid="confirm-text">{props.message}</p>
      {props.detail ? <p class="warning-box" data-testid="confirm-detail">{props.detail}</p> : null}
      {props.error ? <Notice kind="error" message={props.error} testId="action-error" /> : null}
      <div class="buttons">
        <button type="button" ref={cancel} disabled={props.busy} onClick={props.onCancel} data-testid="confirm-cancel">{r('rqCancel')}</button>
        <button type="button" class="danger" disabled={props.busy} onClick={props.onConfirm} data-testid="confirm-ok">{props.confirmLabel}</button>
      </div>
    </div>
  );
}

const FULFIL_DETAIL: Partial<Record<RequestType, RequestUiKey>> = {
  access: 'rqConfirmAccess', portability: 'rqConfirmAccess', erasure: 'rqConfirmErasure', objection: 'rqConfirmObjection',
};

/** What a fulfilment did, in words: the reply drafted (and its attachments), a scheduled deletion, the recipients to tell. */
function fulfilled(r: ReturnType<typeof useRT>, language: 'fi' | 'sv' | 'en', name: string, answer: Record<string, unknown>): string {
  const a = answer as Partial<FulfilResult>;
  const parts = [r(a.outcome === 'declined' ? 'rqDeclineDone' : 'rqFulfilDone', { right: name })];
  if (a.already) parts.push(r('rqAlreadySettled'));
  if (a.draft) {
    parts.push(r(a.draft.threadId ? 'rqReplyInThread' : 'rqReplyDrafted', { to: a.draft.to }));
    if (a.draft.attachments.length) parts.push(r('rqReplyAttachments', { files: a.draft.attachments.join(', ') }));
  } else if (a.draft === null && !a.already) parts.push(r('rqReplyByLetter'));
  if (a.scheduledDeletion) parts.push(r('rqDeletionScheduled', { date: formatDate(language, a.scheduledDeletion) }));
  if (a.recipients && a.recipients.length) parts.push(r('rqTellRecipients', { recipients: a.recipients.join(', ') }));
  return parts.join(' ');
}

/** Fulfil or decline one right; rectification first opens the person's edit form in the sidebar; consent and other say what in a note. */
function RightActions(props: { id: string; right: RequestType; customerNumber: string; busy: boolean; run: Run }) {
  const { language, t } = useT();
  const r = useRT();
  const [mode, setMode] = useState<'none' | 'fulfil' | 'fulfil-confirm' | 'decline' | 'decline-confirm'>('none');
  const [reason, setReason] = useState('');
  const [note, setNote] = useState('');
  const [outsideEea, setOutsideEea] = useState(false);
  const [error, setError] = useState('');
  const name = t(REQUEST_TYPE_TEXT[props.right] ?? 'reqTypeOther');
  const done = (o: Outcome) => (o.ok ? setMode('none') : setError(o.message));
  const detail = FULFIL_DETAIL[props.right];
  // Consent and "other" say in a note what the person consented to, or what was done; it goes in the reply.
  const needsNote = props.right === 'consent' || props.right === 'other';
  const say = (answer: Record<string, unknown>) => fulfilled(r, language, name, answer);
  return (
    <div class="right-actions" data-testid={`right-actions-${props.right}`}>
      {mode === 'none' ? (
        <div class="buttons">
          {props.right === 'rectification' && props.customerNumber ? (
            <button type="button" data-testid="rectify-open" disabled={props.busy}
              onClick={() => openRecordInSidebar({ customerNumber: props.customerNumber, requestId: props.id, edit: true })
                .then(() => google.script.host.close(), (e: Error) => setError(e.message))}>
              {r('rqRectifyOpen')}
            </button>
          ) : null}
          <button type="button" class="primary" data-testid={`fulfil-${props.right}`} disabled={props.busy}
            onClick={() => { setError(''); setMode(needsNote ? 'fulfil' : 'fulfil-confirm'); }}>{r('rqFulfil')}</button>
          <button type="button" data-testid={`decline-${props.right}`} disabled={props.busy} onClick={() => { setError(''); setMode('decline'); }}>{r('rqDecline')}</button>
        </div>
      ) : null}
      {props.right === 'rectification' && mode === 'none' ? <p class="muted small">{r('rqRectifyHint')}</p> : null}
      {mode === 'none' && error ? <Notice kind="error" message={error} testId="action-error" /> : null}
      {mode === 'fulfil' ? (
        <form class="stack" noValidate onSubmit={(e) => {
          e.preventDefault();
          if (note.trim() === '') setError(r(props.right === 'consent' ? 'rqConsentNoteRequired' : 'rqOtherNoteRequired'));
          else { setError(''); setMode('fulfil-confirm'); }
        }}>
          <TextArea id={`fulfil-${props.right}-note`} name={`fulfil-note-${props.right}`} label={r(props.right === 'consent' ? 'rqConsentNote' : 'rqOtherNote')}
            value={note} onInput={setNote} error={error || undefined} />
          {props.right === 'consent' ? (
            <label class="check small">
              <input type="checkbox" checked={outsideEea} data-testid="fulfil-outside-eea" onChange={(e) => setOutsideEea((e.currentTarget as HTMLInputElement).checked)} />
              {' '}{r('rqConsentOutsideEea')}
            </label>
          ) : null}
          <div class="buttons">
            <button type="submit" class="primary" data-testid={`fulfil-${props.right}-submit`}>{r('rqFulfil')}</button>
            <button type="button" onClick={() => setMode('none')}>{r('rqCancel')}</button>
          </div>
        </form>
      ) : null}
      {mode === 'fulfil-confirm' ? (
        <Confirm message={r('rqConfirmFulfil', { right: name })} detail={detail ? r(detail) : undefined} confirmLabel={r('rqFulfil')} busy={props.busy} error={error}
          onCancel={() => setMode(needsNote ? 'fulfil' : 'none')}
          onConfirm={() => void props.run({
            fn: 'fulfilRequest',
            input: { id: props.id, right: props.right, ...(needsNote ? { note: note.trim() } : {}), ...(props.right === 'consent' ? { outsideEea } : {}) },
          }, say).then(done)} />
      ) : null}
      {mode === 'decline' ? (
        <form class="stack" noValidate onSubmit={(e) => {
          e.preventDefault();
          if (reason.trim() === '') setError(t('reqDeclineReasonRequired'));
          else { setError(''); setMode('decline-confirm'); }
        }}>
          <TextArea id={`decline-${props.right}-reason`} name={`decline-reason-${props.right}`} label={r('rqDeclineReason')} value={reason} onInput={setReason} error={error || undefined} />
          <p class="hint-box small">{r('rqRejectComplaint')}</p>
          <div class="buttons">
            <button type="submit" class="primary" data-testid={`decline-${props.right}-submit`}>{r('rqDecline')}</button>
            <button type="button" onClick={() => setMode('none')}>{r('rqCancel')}</button>
          </div>
        </form>
      ) : null}
      {mode === 'decline-confirm' ? (
        <Confirm message={r('rqConfirmDecline', { right: name })} confirmLabel={r('rqDecline')} busy={props.busy} error={error}
          onCancel={() => setMode('decline')}
          onConfirm={() => void props.run({ fn: 'fulfilRequest', input: { id: props.id, right: props.right, decline: reason.trim() } }, say).then(done)} />
      ) : null}
    </div>
  );
}

type Panel = 'verify' | 'extend' | 'reject' | 'duplicate';

function CaseActionsCard(props: {
  id: string; dueDate: string; customerNumber: string; requesterEmail: string; busy: boolean; run: Run; onOpen(id: string): void;
  actions: { verify: boolean; extend: boolean; reject: boolean; duplicate: boolean };
}) {
  const { language, t } = useT();
  const r = useRT();
  const [open, setOpen] = useState<Panel | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [text, setText] = useState('');
  const [error, setError] = useState('');
  const [others, setOthers] = useState<{ id: string; label: string }[] | null>(null);
  const first = useRef<HTMLDivElement>(null);

  const choose = (p: Panel) => {
    setOpen(open === p ? null : p);
    setConfirming(false);
    setText('');
    setError('');
  };
  useEffect(() => {
    first.current?.querySelector<HTMLElement>('textarea, input, select')?.focus();
    if (open !== 'duplicate' || others) return;
    // The other cases this one may repeat: the same person or address first.
    listRequests({}).then(
      (a) => setOthers(a.requests
        .filter((x) => x.id !== props.id && (x.status === 'received' || x.status === 'awaiting-verification' || x.status === 'in-progress'))
        .sort((x, y) => Number(y.customerNumber === props.customerNumber || y.requesterEmail === props.requesterEmail) - Number(x.customerNumber === props.customerNumber || x.requesterEmail === props.requesterEmail))
        .map((x) => ({ id: x.id, label: `${x.id} · ${t(REQUEST_TYPE_TEXT[x.type] ?? 'reqTypeOther')} · ${x.requesterEmail || x.customerNumber} · ${formatDate(language, x.receivedAt.slice(0, 10))}` }))),
      () => setOthers([]),
    );
  }, [open]);

  const finish = (o: Outcome) => {
    if (o.ok) setOpen(null);
    else setError(o.message);
  };
  const items: { panel: Panel; label: RequestUiKey; show: boolean }[] = [
    { panel: 'verify', label: 'rqVerify', show: props.actions.verify },
    { panel: 'extend', label: 'rqExtend', show: props.actions.extend },
    { panel: 'duplicate', label: 'rqDuplicate', show: props.actions.duplicate },
    { panel: 'reject', label: 'rqReject', show: props.actions.reject },
  ];
  const required = (key: 'reqReasonRequired' | 'reqVerifyNoteRequired' | 'reqDuplicateOfRequired') => {
    if (text.trim() !== '') return true;
    setError(t(key));
    return false;
  };

  return (
    <div class="card" data-testid="case-actions">
      <h2>{r('rqActions')}</h2>
      <div class="buttons">
        {items.filter((i) => i.show).map((i) => (
          <button key={i.panel} type="button" class={open === i.panel ? 'selected' : ''} aria-expanded={open === i.panel} disabled={props.busy}
            data-testid={`${i.panel}-button`} onClick={() => choose(i.panel)}>{r(i.label)}</button>
        ))}
      </div>
      {open ? (
        <div class="panel" ref={first} data-testid={`panel-${open}`}>
          {open === 'verify' ? (
            <form class="stack" noValidate onSubmit={(e) => {
              e.preventDefault();
              if (required('reqVerifyNoteRequired')) void props.run({ fn: 'verifyRequest', input: { id: props.id, note: text } }, r('rqDone')).then(finish);
            }}>
              <TextArea id="verify-note" name="verify-note" label={r('rqVerifyNote')} value={text} onInput={setText} error={error || undefined} />
              <div class="buttons">
                <button type="submit" class="primary" disabled={props.busy} data-testid="verify-submit">{r('rqVerify')}</button>
                <button type="button" onClick={() => setOpen(null)}>{r('rqCancel')}</button>
              </div>
            </form>
          ) : null}
          {open === 'extend' ? (
            <form class="stack" noValidate onSubmit={(e) => {
              e.preventDefault();
              if (required('reqReasonRequired')) void props.run({ fn: 'extendRequest', input: { id: props.id, reason: text } }, r('rqDone')).then(finish);
            }}>
              <p class="hint-box small">{r('rqExtendHint', { dueDate: formatDate(language, props.dueDate) })}</p>
              <TextArea id="extend-reason" name="extend-reason" label={r('rqExtendReason')} value={text} onInput={setText} error={error || undefined} />
              <div class="buttons">
                <button type="submit" class="primary" disabled={props.busy} data-testid="extend-submit">{r('rqExtend')}</button>
                <button type="button" onClick={() => setOpen(null)}>{r('rqCancel')}</button>
              </div>
            </form>
          ) : null}
          {open === 'reject' && !confirming ? (
            <form class="stack" noValidate onSubmit={(e) => {
              e.preventDefault();
              if (required('reqReasonRequired')) { setError(''); setConfirming(true); }
            }}>
              <TextArea id="reject-reason" name="reject-reason" label={r('rqRejectReason')} value={text} onInput={setText} error={error || undefined} />
              <p class="hint-box small" data-testid="complaint-note">{r('rqRejectComplaint')}</p>
              <div class="buttons">
                <button type="submit" class="danger" disabled={props.busy} data-testid="reject-submit">{r('rqReject')}</button>
                <button type="button" onClick={() => setOpen(null)}>{r('rqCancel')}</button>
              </div>
            </form>
          ) : null}
          {open === 'reject' && confirming ? (
            <Confirm message={r('rqConfirmReject')} detail={r('rqRejectComplaint')} confirmLabel={r('rqReject')} busy={props.busy} error={error}
              onCancel={() => setConfirming(false)}
              onConfirm={() => void props.run({ fn: 'rejectRequest', input: { id: props.id, reason: text } }, r('rqDone')).then(finish)} />
          ) : null}
          {open === 'duplicate' && !confirming ? (
            <form class="stack" noValidate onSubmit={(e) => {
              e.preventDefault();
              if (required('reqDuplicateOfRequired')) { setError(''); setConfirming(true); }
            }}>
              <TextField id="duplicate-of" name="duplicate-of" label={r('rqDuplicateOf')} value={text} onInput={setText} error={error || undefined}
                hint={others && others.length === 0 ? r('rqNoOtherCases') : r('rqDuplicateHint')} />
              {others && others.length ? (
                <ul class="choices" data-testid="duplicate-choices">
                  {others.slice(0, 8).map((o) => (
                    <li key={o.id}>
                      <button type="button" class="link" data-testid="duplicate-choice" data-id={o.id} onClick={() => setText(o.id)}>{o.label}</button>
                    </li>
                  ))}
                </ul>
              ) : null}
              <div class="buttons">
                <button type="submit" class="danger" disabled={props.busy} data-testid="duplicate-submit">{r('rqDuplicate')}</button>
                <button type="button" onClick={() => setOpen(null)}>{r('rqCancel')}</button>
              </div>
            </form>
          ) : null}
          {open === 'duplicate' && confirming ? (
            <Confirm message={r('rqConfirmDuplicate', { of: text.trim() })} confirmLabel={r('rqDuplicate')} busy={props.busy} error={error}
              onCancel={() => setConfirming(false)}
              onConfirm={() => void props.run({ fn: 'markDuplicate', input: { id: props.id, of: text.trim() } }, r('rqDone')).then(finish)} />
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
