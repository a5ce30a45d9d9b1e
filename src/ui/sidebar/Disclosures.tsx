/** The disclosures recorded for one person (newest first), loaded when the record opens or an action lands. */
import { useEffect, useState } from 'preact/hooks';
import { DISCLOSURES_TAB } from '../../core/schema';
import type { DisclosureRecord } from '../../server/customers';
import { callServer } from '../shared/server';
import { enumLabel, fieldLabel, formatCountry, formatDate, useT } from '../shared/i18n';
import { Notice } from '../shared/fields';

const label = (language: 'fi' | 'sv' | 'en', key: string) => DISCLOSURES_TAB.columns.find((c) => c.key === key)?.header[language] ?? key;

/** The recorded categories ("name,phone,address") as words ("Nimi, Matkapuhelin, Postiosoite"). */
function categoryWords(language: 'fi' | 'sv' | 'en', categories: string, address: string): string {
  return categories.split(',').map((c) => c.trim()).filter(Boolean).map((c) => (c === 'address' ? address : fieldLabel(language, c))).join(', ');
}

export function Disclosures(props: { customerNumber: string; refresh: unknown }) {
  const { language, t } = useT();
  const [state, setState] = useState<{ list: DisclosureRecord[] | null; error: string }>({ list: null, error: '' });
  useEffect(() => {
    let current = true;
    callServer('listDisclosures', { customerNumber: props.customerNumber })
      .then((r) => current && setState({ list: r.disclosures, error: '' }))
      .catch((e: Error) => current && setState({ list: null, error: e.message }));
    return () => {
      current = false;
    };
  }, [props.customerNumber, props.refresh]);

  return (
    <div class="card" data-testid="disclosures">
      <h3>{t('uiDisclosuresTitle')}</h3>
      {state.error ? <Notice kind="error" message={state.error} /> : null}
      {state.list === null && !state.error ? <p class="muted small">{t('loading')}</p> : null}
      {state.list && state.list.length === 0 ? <p class="muted small" data-testid="no-disclosures">{t('uiNoDisclosures')}</p> : null}
      {state.list && state.list.length ? (
        <ul class="disclosure-list">
          {[...state.list].reverse().map((d) => (
            <li key={d.id} data-testid="disclosure-item">
              <div><strong>{d.recipient}</strong> ({formatCountry(language, d.recipientCountry)}) · {formatDate(language, d.date)}</div>
              <div class="muted small">
                {label(language, 'basis')}: {enumLabel(language, 'basis', d.basis)} · {d.basisReference}
              </div>
              <div class="muted small">{label(language, 'dataCategories')}: {categoryWords(language, d.dataCategories, t('uiCategoryAddress'))}</div>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
