/**
 * Export (엑셀 다운로드) of the search on screen as CSV or XLSX through an export job: a progress bar while the job
 * writes rows, then a link to the file. A new search remounts the panel (its `key`), so a link never names an
 * older search.
 */
import { useEffect, useState } from 'react';
import { ApiError } from '../api/client';
import { exportJobsApi, type ExportJob, type ExportRequest } from '../api/exports';
import { ErrorBanner, Spinner } from '../components/feedback';
import { Icon } from '../components/icons';
import { useI18n } from '../i18n';

type Format = 'csv' | 'xlsx';

export function ExportPanel({ request }: { request: ExportRequest }) {
  const { t, lang, formatNumber } = useI18n();
  const [format, setFormat] = useState<Format>('xlsx');
  const [job, setJob] = useState<ExportJob | null>(null);
  const [fileUrl, setFileUrl] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [starting, setStarting] = useState(false);

  useEffect(() => {
    if (!job || job.status === 'failed') return;
    if (job.status === 'done') {
      let url: string | null = null;
      exportJobsApi.file(job.id).then((made) => setFileUrl((url = made)), setError);
      return () => {
        if (url) URL.revokeObjectURL(url);
      };
    }
    const timer = setTimeout(() => exportJobsApi.get(job.id).then(setJob, setError), exportJobsApi.pollMs);
    return () => clearTimeout(timer);
  }, [job]);

  const start = () => {
    setStarting(true);
    setError(null);
    setJob(null);
    setFileUrl(null);
    exportJobsApi
      .start(request, format, lang)
      .then(setJob, setError)
      .finally(() => setStarting(false));
  };

  const running = starting || job?.status === 'running';
  return (
    <div className="export-panel" aria-label={t('search.export.label')} role="group">
      <div className="segmented small" role="group" aria-label={t('search.export.format')}>
        {(['csv', 'xlsx'] as const).map((value) => (
          <button key={value} type="button" aria-pressed={format === value} onClick={() => setFormat(value)} disabled={running}>
            {t(`search.export.${value}`)}
          </button>
        ))}
      </div>
      <button type="button" className="button small" onClick={start} disabled={running}>
        {running ? <Spinner size={14} /> : <Icon name="archive" size={14} />}
        {t('search.export.start')}
      </button>
      {job?.status === 'running' && (
        <span className="export-progress">
          <progress max={Math.max(job.rowsTotal, 1)} value={job.rowsWritten} aria-label={t('search.export.progress')} />
          <span className="muted">{t('search.export.rows', { written: formatNumber(job.rowsWritten), total: formatNumber(job.rowsTotal) })}</span>
        </span>
      )}
      {job?.status === 'done' && fileUrl && (
        <a className="button small primary export-link" href={fileUrl} download={job.fileName}>
          <Icon name="arrowDown" size={14} />
          {t('search.export.download', { file: job.fileName })}
        </a>
      )}
      {job?.status === 'done' && job.truncated && <span className="muted">{t('search.export.truncated')}</span>}
      {job?.status === 'failed' && <ErrorBanner error={new ApiError(500, 'export.failed', job.error ?? '')} />}
      {error !== null && <ErrorBanner error={error} onDismiss={() => setError(null)} />}
    </div>
  );
}
