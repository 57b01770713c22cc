/**
 * The parts every result table shares: the capped total's text, a skeleton while the first page loads, a failure
 * with "try again", and the foot with how many are shown and "load more" while there are more.
 */
import { ErrorBanner, Spinner } from '../components/feedback';
import { Icon } from '../components/icons';
import { useI18n } from '../i18n';
import type { KeysetPages, Total } from './useKeysetPages';

/** A capped total reads "10,000+". */
export function useTotalText(): (total: Total) => string {
  const { formatNumber } = useI18n();
  return (total) => `${formatNumber(total.count)}${total.capped ? '+' : ''}`;
}

export function ResultsFoot<T>({ pages }: { pages: KeysetPages<T> }) {
  const { t } = useI18n();
  return (
    <div className="table-foot">
      <span className="muted">{t(pages.nextCursor ? 'search.results.shown' : 'search.results.shownAll', { count: pages.items.length })}</span>
      {pages.nextCursor && (
        <button type="button" className="button" onClick={pages.loadMore} disabled={pages.loadingMore}>
          {pages.loadingMore ? <Spinner size={14} /> : <Icon name="chevronDown" />}
          {pages.loadingMore ? t('common.loading') : t('search.results.loadMore')}
        </button>
      )}
    </div>
  );
}

/** Grey rows in the table's frame while the first page loads. */
export function ResultsSkeleton({ label }: { label: string }) {
  return (
    <div className="table-wrap" role="status" aria-label={label}>
      <div className="skeleton-rows">
        {Array.from({ length: 6 }, (_, index) => (
          <div key={index} className="skeleton-row">
            <span className="skeleton" style={{ width: 80 }} />
            <span className="skeleton" style={{ flex: 1, maxWidth: 320 - (index % 3) * 50 }} />
            <span className="skeleton" style={{ width: 90 }} />
          </div>
        ))}
      </div>
    </div>
  );
}

export function RetryableError({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const { t } = useI18n();
  return (
    <div className="table-message">
      <ErrorBanner error={error} />
      <button type="button" className="button" onClick={onRetry}>
        <Icon name="refresh" /> {t('common.action.retry')}
      </button>
    </div>
  );
}
