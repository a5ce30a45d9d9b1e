/**
 * Asked before leaving unsaved changes (the edit form, the settings): inline, not a browser
 * dialog, with "keep editing" focused so Enter or Escape keeps the changes.
 */
import { useEffect, useRef } from 'preact/hooks';
import { useT } from '../shared/i18n';

export function LeaveGuard(props: { onStay(): void; onLeave(): void }) {
  const { t } = useT();
  const stay = useRef<HTMLButtonElement>(null);
  useEffect(() => stay.current?.focus(), []);
  return (
    <div class="leave-guard" role="alertdialog" aria-labelledby="leave-title" data-testid="leave-guard"
      onKeyDown={(e) => { if (e.key === 'Escape') { e.preventDefault(); e.stopPropagation(); props.onStay(); } }}>
      <p id="leave-title">{t('uiLeaveTitle')}</p>
      <div class="buttons">
        <button type="button" class="primary" ref={stay} onClick={props.onStay} data-testid="leave-stay">{t('uiLeaveStay')}</button>
        <button type="button" onClick={props.onLeave} data-testid="leave-discard">{t('uiLeaveDiscard')}</button>
      </div>
    </div>
  );
}
