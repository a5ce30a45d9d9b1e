/**
 * Search: debounced as the user types, at once on Enter; results are buttons (arrow keys move
 * between them). Only the newest query's answer is shown. Before a search, the start screen
 * lists the recently opened people and offers to open the row selected in the sheet. A result's
 * email and phone show in full on hover and focus (title), the phone grouped for reading.
 */
import { useEffect, useRef } from 'preact/hooks';
import type { SearchHit } from '../../core/search';
import { useT } from '../shared/i18n';
import { useServerClock } from '../shared/clock';
import { Notice } from '../shared/fields';
import { formatPhone } from '../shared/format';

export interface SearchState {
  query: string;
  /** The query the shown results answer ('' before any search). */
  answered: string;
  loading: boolean;
  hits: SearchHit[];
  total: number;
  error: string | null;
}

export const EMPTY_SEARCH: SearchState = { query: '', answered: '', loading: false, hits: [], total: 0, error: null };

export interface SearchProps {
  state: SearchState;
  onQuery(query: string): void;
  onSearchNow(): void;
  onOpen(hit: SearchHit): void;
  onNew(): void;
  /** Which result to focus when returning from a record. */
  focusNumber: string | null;
  /** This user's recently opened people (null while loading). */
  recent: SearchHit[] | null;
  onOpenSelected(): void;
}

export function Search(props: SearchProps) {
  const { t, tw } = useT();
  const input = useRef<HTMLInputElement>(null);
  const list = useRef<HTMLUListElement>(null);
  const s = props.state;

  useEffect(() => {
    const back = props.focusNumber && list.current?.querySelector<HTMLElement>(`[data-number="${CSS.escape(props.focusNumber)}"]`);
    (back || input.current)?.focus();
  }, []);

  const move = (e: KeyboardEvent, index: number) => {
    const items = list.current ? [...list.current.querySelectorAll<HTMLElement>('button.result')] : [];
    if (e.key === 'ArrowDown' && index + 1 < items.length) {
      e.preventDefault();
      items[index + 1].focus();
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      (index > 0 ? items[index - 1] : input.current)?.focus();
    }
  };

  const searched = s.answered.trim() !== '' && !s.loading && !s.error;
  const showRecent = s.query.trim() === '' && s.hits.length === 0;
  return (
    <section class="stack" aria-label={t('uiSearchLabel')}>
      <form role="search" class="search-row" onSubmit={(e) => { e.preventDefault(); props.onSearchNow(); }}>
        <label for="search" class="visually-hidden">{t('uiSearchLabel')}</label>
        <input
          id="search"
          ref={input}
          type="search"
          value={s.query}
          maxLength={200}
          placeholder={t('uiSearchLabel')}
          title={t('uiSearchHint')}
          aria-describedby="search-hint"
          autoComplete="off"
          data-testid="search-input"
          onInput={(e) => props.onQuery((e.currentTarget as HTMLInputElement).value)}
          onKeyDown={(e) => move(e, -1)}
        />
        <button type="button" class="primary new" onClick={props.onNew} data-testid="new-button">+ {t('uiNewPerson')}</button>
      </form>
      <div id="search-hint" class="hint">{t('uiSearchHint')}</div>
      <div aria-live="polite" class="search-status">
        {s.loading ? <div class="muted" data-testid="search-loading">{t('uiSearching')}</div> : null}
        {searched && s.hits.length === 0 ? <div class="empty-state" data-testid="no-results">{t('uiNoResults')}</div> : null}
        {searched && s.total > s.hits.length ? <div class="muted small" data-testid="results-more">{tw('uiResultsShown', { shown: s.hits.length, total: s.total })}</div> : null}
      </div>
      {s.error ? <Notice kind="error" message={s.error} /> : null}
      {s.hits.length ? (
        <ul class="results" ref={list} aria-label={t('uiResultsLabel')} data-testid="results" aria-busy={s.loading}>
          {s.hits.map((h, i) => <ResultItem key={h.customerNumber} hit={h} testId="result-item" onOpen={props.onOpen} onKeyDown={(e) => move(e, i)} />)}
        </ul>
      ) : null}
      {showRecent ? (
        <div class="card recent" data-testid="recent">
          <div class="recent-head">
            <h3>{t('uiRecentTitle')}</h3>
            <button type="button" class="link small" onClick={props.onOpenSelected} title={t('uiOpenSelectedHint')} data-testid="open-selected-button">{t('uiOpenSelected')}</button>
          </div>
          {props.recent === null ? <p class="muted small">{t('loading')}</p> : null}
          {props.recent && props.recent.length === 0 ? <p class="muted small" data-testid="recent-empty">{t('uiRecentEmpty')}</p> : null}
          {props.recent && props.recent.length ? (
            <ul class="results" aria-label={t('uiRecentTitle')} data-testid="recent-list">
              {props.recent.map((h) => <ResultItem key={h.customerNumber} hit={h} testId="recent-item" onOpen={props.onOpen} />)}
            </ul>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}

/** One person in a list: name, number, contact (in full on hover or focus), badges. */
function ResultItem(props: { hit: SearchHit; testId: string; onOpen(hit: SearchHit): void; onKeyDown?: (e: KeyboardEvent) => void }) {
  const h = props.hit;
  const contact = [h.email, formatPhone(h.phone)].filter(Boolean).join(' · ');
  return (
    <li>
      <button type="button" class="result" data-testid={props.testId} data-number={h.customerNumber} title={[h.name, h.email, formatPhone(h.phone)].filter(Boolean).join('\n')}
        onClick={() => props.onOpen(h)} onKeyDown={props.onKeyDown}>
        <span class="result-name">{h.name}</span>
        <span class="result-number">{h.customerNumber}</span>
        <span class="result-contact" data-testid="result-contact">{contact}</span>
        <ResultBadges hit={h} />
      </button>
    </li>
  );
}

/** The result's status at a glance: the same badges the record view shows, in short. */
function ResultBadges(props: { hit: SearchHit }) {
  const { t } = useT();
  const { today } = useServerClock();
  const s = props.hit.status;
  const badges: { text: string; kind: string; testId: string }[] = [];
  if (s.banned) badges.push({ text: t('uiBadgeBanned'), kind: 'bad', testId: 'result-badge-banned' });
  if (s.restricted) badges.push({ text: t('uiBadgeRestricted'), kind: 'warn', testId: 'result-badge-restricted' });
  if (s.legalHoldUntil && s.legalHoldUntil >= today) badges.push({ text: t('uiBadgeLegalHoldShort'), kind: 'warn', testId: 'result-badge-legal-hold' });
  if (s.relationshipEnd && s.relationshipEnd <= today) badges.push({ text: t('uiBadgeEnded'), kind: 'neutral', testId: 'result-badge-ended' });
  if (!badges.length) return null;
  return (
    <span class="result-badges">
      {badges.map((b) => <span key={b.testId} class={`badge ${b.kind}`} data-testid={b.testId}>{b.text}</span>)}
    </span>
  );
}
