/** The marketing list as a CSV download, for Excel (";") or a newsletter tool (","). */
import { useState } from 'preact/hooks';
import { callServer } from '../shared/server';
import { downloadText, Notice } from '../shared/fields';
import { useT } from '../shared/i18n';

export function ExportPanel() {
  const { t, tw } = useT();
  const [busy, setBusy] = useState<'excel' | 'import' | null>(null);
  const [note, setNote] = useState<{ kind: 'info' | 'error'; message: string } | null>(null);
  const run = (format: 'excel' | 'import') => {
    setBusy(format);
    setNote(null);
    callServer('exportMarketingList', { format })
      .then((r) => {
        downloadText(r.csv, r.fileName);
        setNote({ kind: 'info', message: tw('uiExportDone', { count: r.count, file: r.fileName }) });
      })
      .catch((e: Error) => setNote({ kind: 'error', message: e.message }))
      .finally(() => setBusy(null));
  };
  return (
    <section class="card" data-testid="export-section" aria-labelledby="export-title">
      <h3 id="export-title">{t('uiExportTitle')}</h3>
      <p class="hint">{t('uiExportHint')}</p>
      <div class="buttons">
        <button type="button" disabled={!!busy} onClick={() => run('excel')} data-testid="export-button">
          {busy === 'excel' ? t('loading') : t('uiExportExcel')}
        </button>
        <button type="button" disabled={!!busy} onClick={() => run('import')} data-testid="export-import-button">
          {busy === 'import' ? t('loading') : t('uiExportImport')}
        </button>
      </div>
      {note ? <Notice kind={note.kind} testId={note.kind === 'error' ? 'error' : 'export-notice'} message={note.message} /> : null}
    </section>
  );
}
