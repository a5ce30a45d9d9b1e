/**
 * The duplicate found on create: nothing was made, so this is no success (never green). The
 * existing person is shown beside what was typed, field by field, with three ways on: open the
 * existing person, add the typed details to them (a save with the version check), or go back to
 * the form with the typed data kept. Escape goes back to the form.
 */
import { useEffect, useRef } from 'preact/hooks';
import type { Customer, CustomerField } from '../../core/customer';
import { fieldLabel, useT } from '../shared/i18n';
import type { Draft } from './validate';
import { displayValue } from './RecordView';

export function DuplicateView(props: { existing: Customer; typed: Draft; busy: boolean; onOpen(): void; onMerge(): void; onBack(): void }) {
  const { language, t, tw } = useT();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const c = props.existing;
  // The fields the user typed, and the person's name, email and phone whatever was typed.
  const fields = [...new Set(['name', 'email', 'phone', ...Object.keys(props.typed)])].filter((f) => f in c) as CustomerField[];
  return (
    <section class="stack duplicate" data-testid="duplicate-view" aria-labelledby="duplicate-title"
      onKeyDown={(e) => { if (e.key === 'Escape' && !props.busy) { e.preventDefault(); props.onBack(); } }}>
      <h2 id="duplicate-title" tabIndex={-1} ref={heading}>{t('uiDuplicateTitle')}</h2>
      <p class="warning-note" role="status" data-testid="duplicate-note">{tw('uiDuplicateExplain', { number: c.customerNumber })}</p>
      <table class="compare" data-testid="duplicate-compare">
        <thead>
          <tr><th scope="col"><span class="visually-hidden">{t('uiHistoryFields')}</span></th><th scope="col">{t('uiDuplicateTyped')}</th><th scope="col">{t('uiDuplicateExisting')}</th></tr>
        </thead>
        <tbody>
          {fields.map((f) => {
            const mine = displayValue(language, f, props.typed[f] ?? '');
            const theirs = displayValue(language, f, String(c[f] ?? ''));
            const same = (props.typed[f] ?? '') === String(c[f] ?? '') || mine === theirs;
            return (
              <tr key={f} data-testid={`compare-${f}`} class={same ? 'same' : 'differs'}>
                <th scope="row">{fieldLabel(language, f)}</th>
                <td data-testid={`typed-${f}`} title={mine}>{mine || '–'}</td>
                <td data-testid={`existing-${f}`} title={theirs}>{theirs || '–'}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <div class="buttons">
        <button type="button" class="primary" disabled={props.busy} onClick={props.onOpen} data-testid="open-existing-button">{t('uiOpenExisting')}</button>
        <button type="button" disabled={props.busy} onClick={props.onMerge} data-testid="merge-typed-button">{t('uiMergeTyped')}</button>
        <button type="button" class="link" disabled={props.busy} onClick={props.onBack} data-testid="back-to-form-button">‹ {t('uiBackToForm')}</button>
      </div>
    </section>
  );
}
