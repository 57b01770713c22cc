/**
 * Advanced ticket search (티켓 검색): conditions on the left, results on the right with the capped total, keyset
 * "load more" and an export of the same search. The conditions live in the URL hash, so a search survives a
 * reload; an empty hash opens with the agent's saved default conditions (조건 설정).
 */
import './search.css';
import { useEffect, useMemo, useState } from 'react';
import { ApiError } from '../api/client';
import { searchDefaultsApi } from '../api/exports';
import { searchApi } from '../api/search';
import { EmptyState } from '../components/feedback';
import { Icon } from '../components/icons';
import { useToast } from '../components/toasts';
import { errorMessage, useI18n } from '../i18n';
import { navigate } from '../router';
import { ConditionForm } from './ConditionForm';
import { ExportPanel } from './ExportPanel';
import { EMPTY_QUERY, hashOfQuery, queryFromHash, queryOfDefaults, refusedInputs, searchOf, type TicketQuery } from './query';
import { SearchResults } from './SearchResults';
import { useKeysetPages } from './useKeysetPages';
import { useSearchOptions } from './useSearchOptions';
import { RetryableError, useTotalText } from './results';

const PAGE_SIZE = 25;

export default function SearchPage({ hash }: { hash: string }) {
  const { t } = useI18n();
  const toast = useToast();
  const totalText = useTotalText();
  const query = useMemo(() => queryFromHash(hash), [hash]);
  const search = useMemo(() => searchOf(query), [query]);
  const [draft, setDraft] = useState<TicketQuery>(query);
  // On a phone the conditions hide behind a toggle once there is a search to show.
  const [conditionsOpen, setConditionsOpen] = useState(hash === '');
  const [defaultsError, setDefaultsError] = useState<unknown>(null);
  // An empty hash waits for the saved defaults before it searches.
  const [ready, setReady] = useState(hash !== '');
  const options = useSearchOptions(draft.serviceId);
  const pages = useKeysetPages(ready ? hash : null, (cursor, signal) => searchApi.tickets(search, { limit: PAGE_SIZE, cursor }, signal));

  useEffect(() => setDraft(query), [query]);

  const show = (next: TicketQuery, replace = false) => {
    const nextHash = hashOfQuery(next);
    if (nextHash !== hash) navigate({ name: 'search', query: nextHash }, { replace });
    else if (ready) pages.reload();
    setReady(true);
  };

  useEffect(() => {
    if (ready) return;
    searchDefaultsApi.get().then(
      (defaults) => show(queryOfDefaults(defaults), true),
      () => setReady(true),
    );
    // Only the first, empty hash reads the defaults.
  }, []);

  const refusal = pages.error ?? defaultsError;
  const refused = refusal instanceof ApiError ? refusedInputs(refusal.code, refusal.details) : {};
  const blamesInput = Object.keys(refused).length > 0;

  const saveDefaults = () => {
    setDefaultsError(null);
    const { conditions, sort, direction } = searchOf({ ...draft, serviceId: undefined });
    searchDefaultsApi.save({ conditions, sort, direction }).then(
      () => toast(t('search.defaults.saved')),
      (error: unknown) => {
        setDefaultsError(error);
        toast(errorMessage(t, error), 'info');
      },
    );
  };

  const applyDefaults = () => {
    searchDefaultsApi.get().then(
      (defaults) => show(queryOfDefaults(defaults)),
      (error: unknown) => toast(errorMessage(t, error), 'info'),
    );
  };

  return (
    <main className={`search-page${conditionsOpen ? ' conditions-open' : ''}`}>
      <header className="search-head">
        <div className="list-title">
          <h1>
            <Icon name="search" size={18} /> {t('search.title')}
          </h1>
          <span className="muted">{t('search.subtitle')}</span>
        </div>
        <button type="button" className="button small conditions-toggle" aria-expanded={conditionsOpen} onClick={() => setConditionsOpen((open) => !open)}>
          <Icon name="filter" size={14} /> {t(conditionsOpen ? 'search.form.hide' : 'search.form.show')}
        </button>
      </header>
      <div className="search-body">
        <aside className="search-conditions">
          <ConditionForm
            draft={draft}
            onChange={setDraft}
            options={options}
            refused={refused}
            onSubmit={() => {
              setDefaultsError(null);
              setConditionsOpen(false);
              show(draft);
            }}
            onReset={() => setDraft(EMPTY_QUERY)}
            actions={
              <>
                <button type="button" className="button small" onClick={saveDefaults}>
                  <Icon name="save" size={14} /> {t('search.defaults.save')}
                </button>
                <button type="button" className="button small" onClick={applyDefaults}>
                  <Icon name="history" size={14} /> {t('search.defaults.apply')}
                </button>
              </>
            }
          />
        </aside>
        <section className="search-results" aria-label={t('search.results.label')}>
          <div className="results-bar">
            <strong className="results-total" aria-live="polite">
              {pages.total && !pages.loading ? t('search.results.total', { total: totalText(pages.total) }) : '\u00a0'}
            </strong>
            {!pages.loading && !pages.error && pages.items.length > 0 && <ExportPanel key={hash} request={{ kind: 'tickets', search }} />}
          </div>
          {pages.error !== null && blamesInput ? (
            <EmptyState icon="alert" title={t('search.results.fixConditions')}>
              {errorMessage(t, pages.error)}
            </EmptyState>
          ) : pages.error !== null ? (
            <RetryableError error={pages.error} onRetry={pages.reload} />
          ) : (
            <SearchResults pages={pages} sort={query.sort} />
          )}
        </section>
      </div>
    </main>
  );
}
