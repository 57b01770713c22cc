/** The foot of a keyset result table: how many are shown of the total, and "load more" while there are more. */
import { Spinner } from '../components/feedback';
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
