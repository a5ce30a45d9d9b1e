/**
 * What every page (the sidebar, the requests dialog) shows while its first server call runs, and
 * when that call failed: the same texts, the same retry, one place.
 */
import type { Language } from '../../core/schema';
import { text } from '../../core/texts';

export type FirstLoad = { status: 'loading' } | { status: 'failed'; message: string } | { status: 'ready' };

export function LoadState(props: { language: Language; load: FirstLoad; retry: () => void }) {
  const { language, load } = props;
  if (load.status === 'loading') return <p class="muted" role="status">{text(language, 'loading')}</p>;
  if (load.status === 'failed') {
    return (
      <div class="notice error" role="alert" data-testid="error">
        <div>{text(language, 'callFailed')}: {load.message}</div>
        <button type="button" onClick={props.retry}>{text(language, 'retry')}</button>
      </div>
    );
  }
  return null;
}
