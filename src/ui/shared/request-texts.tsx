/**
 * The request texts in the UI language (core/texts/requests-ui.ts), and the countdown badge the
 * requests dialog and the sidebar share: its colour and words come from the server's `today`
 * (core/requests/countdown.ts), never the browser's clock. Text only, never HTML.
 */
import { useContext } from 'preact/hooks';
import { requestUiText, type RequestUiKey } from '../../core/texts/requests-ui';
import { DEADLINE_COLOUR_TEXT } from '../../core/texts/requests';
import { text, textWith } from '../../core/texts';
import { countdownWords, rowCountdown, type RequestRow } from '../../core/requests/countdown';
import { LanguageContext } from './i18n';
import './countdown.css';

/** `r(key, params)`: a request text in the UI language. */
export function useRT(): (key: RequestUiKey, params?: Record<string, string | number>) => string {
  const language = useContext(LanguageContext);
  return (key, params) => requestUiText(language, key, params);
}

/**
 * The countdown of an open case on `today`: "12 pv jäljellä" in its colour (green, amber under
 * 10 days, red under 5, overdue), the colour also said in words for whoever cannot see it.
 * Nothing for a closed case.
 */
export function CountdownBadge(props: { row: Pick<RequestRow, 'status' | 'dueDate' | 'extendedDueDate'>; today: string }) {
  const language = useContext(LanguageContext);
  const c = rowCountdown(props.row, props.today);
  if (!c) return null;
  const words = countdownWords(c);
  const colour = text(language, DEADLINE_COLOUR_TEXT[c.colour]);
  return (
    <span class={`countdown ${c.colour}`} data-testid="countdown" data-colour={c.colour} data-days={String(c.daysLeft)} title={colour}>
      {textWith(language, words.key, words.params)}
      <span class="visually-hidden"> ({colour})</span>
    </span>
  );
}
