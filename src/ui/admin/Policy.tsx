/**
 * The access policy's drift and its application, shared by the key-personnel section (after a
 * save: "Poista myös tiedoston jakaminen") and the sharing section: who would lose access is
 * listed and confirmed first (focus on Peruuta), then applyAccessPolicy({confirm: true}).
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { AccessView } from '../../server/access';
import { callServer } from '../shared/server';
import { Notice } from '../shared/fields';
import { useA } from './texts';
import { emailDisplay } from '../../core/validation';

/** The drift as a list of sentences (the server's, in the register's language). */
export function DriftList(props: { view: AccessView; testId: string }) {
  return (
    <ul class="drift" data-testid={props.testId}>
      {props.view.drift.map((d, i) => <li key={i} data-kind={d.kind}>{d.message}</li>)}
    </ul>
  );
}

/** The button that applies the policy, its confirmation, and what the file looks like after. */
export function ApplyPolicy(props: { view: AccessView; label: string; onApplied(after: AccessView): void }) {
  const { a } = useA();
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const cancel = useRef<HTMLButtonElement>(null);
  useEffect(() => { if (asking) cancel.current?.focus(); }, [asking]);
  const losing = [...props.view.toRemove.editors, ...props.view.toRemove.viewers];
  const apply = () => {
    setBusy(true);
    setError('');
    callServer('applyAccessPolicy', { confirm: true })
      .then((r) => { setAsking(false); props.onApplied(r.after); })
      .catch((e: Error) => setError(e.message))
      .finally(() => setBusy(false));
  };
  return (
    <div class="stack small-gap">
      {!asking ? (
        <div class="buttons">
          <button type="button" class="primary" data-testid="apply-policy" onClick={() => setAsking(true)}>{props.label}</button>
        </div>
      ) : (
        <div class="confirm" role="alertdialog" aria-labelledby="policy-confirm-text" data-testid="policy-confirm">
          <p id="policy-confirm-text" data-testid="policy-confirm-text">
            {losing.length ? a('adConfirmRemoval', { people: losing.map(emailDisplay).join(', ') }) : a('adConfirmNoRemoval')}
          </p>
          <div class="buttons">
            <button type="button" ref={cancel} disabled={busy} onClick={() => setAsking(false)} data-testid="policy-cancel">{a('adCancel')}</button>
            <button type="button" class="danger" disabled={busy} onClick={apply} data-testid="policy-confirm-yes">{a('adConfirmApply')}</button>
          </div>
        </div>
      )}
      {error ? <Notice kind="error" message={error} /> : null}
    </div>
  );
}

/** What applying left: the policy holds, or the drift only others can end. */
export function AppliedNote(props: { after: AccessView }) {
  const { a } = useA();
  if (props.after.ok) return <Notice kind="info" testId="policy-applied" message={a('adApplied')} />;
  return (
    <div class="warning-box" data-testid="policy-applied">
      <p>{a('adAppliedDrift')}</p>
      <DriftList view={props.after} testId="drift-left" />
    </div>
  );
}
