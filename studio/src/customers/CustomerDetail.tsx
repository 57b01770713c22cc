/**
 * One customer (고객 관리): their record and its edit form, the values merges kept beside their own, the inquiry
 * history (문의 이력) in keyset pages with a link to each ticket, and a manual merge of another customer into this one.
 */
import { useCallback, useEffect, useState } from 'react';
import { ApiError } from '../api/client';
import { customersApi, searchApi, type CustomerDetail as Customer, type CustomerRecord } from '../api/search';
import { StatusBadge } from '../components/badges';
import { EmptyState, ErrorBanner, LoadingBlock } from '../components/feedback';
import { Icon } from '../components/icons';
import { useDirectory } from '../directory';
import { useI18n } from '../i18n';
import { hrefFor } from '../router';
import { ResultsFoot, RetryableError, useTotalText } from '../search/results';
import { useKeysetPages } from '../search/useKeysetPages';
import { CUSTOMER_MERGEABLE } from '../../../domain/search';
import { CustomerEditForm } from './CustomerEditForm';
import { MergeDialog } from './MergeDialog';

const HISTORY_PAGE = 10;

export function CustomerDetail({ customerId }: { customerId: string }) {
  const { t, formatDateTime } = useI18n();
  const directory = useDirectory();
  const totalText = useTotalText();
  const [customer, setCustomer] = useState<Customer | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [merging, setMerging] = useState(false);

  const load = useCallback(() => {
    setError(null);
    customersApi.get(customerId).then(setCustomer, setError);
  }, [customerId]);
  useEffect(load, [load]);

  const history = useKeysetPages(customer ? customer.id : null, (cursor, signal) =>
    searchApi.tickets(
      { serviceId: customer?.serviceId, conditions: { customerId }, sort: 'created', direction: 'desc' },
      { limit: HISTORY_PAGE, cursor },
      signal,
    ),
  );

  const back = (
    <a className="back-link" href={hrefFor({ name: 'customers', query: '' })}>
      <Icon name="undo" size={14} /> {t('customers.backToList')}
    </a>
  );

  if (error) {
    const missing = error instanceof ApiError && error.status === 404;
    return (
      <main className="customer-detail">
        {back}
        {missing ? (
          <EmptyState icon="users" title={t('customers.detail.notFound')} />
        ) : (
          <RetryableError error={error} onRetry={load} />
        )}
      </main>
    );
  }
  if (!customer) {
    return (
      <main className="customer-detail">
        <LoadingBlock label={t('customers.detail.loading')} />
      </main>
    );
  }

  const saved = (record: CustomerRecord) => setCustomer({ ...customer, ...record });
  const otherValues = CUSTOMER_MERGEABLE.flatMap((field) => (customer.otherValues[field] ?? []).map((value) => ({ field, value })));

  return (
    <main className="customer-detail">
      {back}
      <header className="customer-head">
        <h1>{customer.name ?? t('customers.unnamed')}</h1>
        <span className="muted">
          <span className="mono">{customer.id}</span> · {directory.serviceName(customer.serviceId)} · {t('customers.detail.since', { date: formatDateTime(customer.createdAt) })}
        </span>
      </header>
      <div className="customer-grid">
        <section className="card customer-card" aria-labelledby="customer-details">
          <h2 id="customer-details">{t('customers.detail.details')}</h2>
          <CustomerEditForm key={customer.id} customer={customer} onSaved={saved} />
          {otherValues.length > 0 && (
            <div className="other-values">
              <h3>{t('customers.detail.otherValues')}</h3>
              <ul>
                {otherValues.map(({ field, value }) => (
                  <li key={`${field}:${value}`}>
                    <span className="muted">{t(`customers.field.${field}`)}</span> {value}
                  </li>
                ))}
              </ul>
            </div>
          )}
          <div className="merge-box">
            <h3>{t('customers.merge.title')}</h3>
            <p className="muted">{t('customers.merge.explain')}</p>
            <button type="button" className="button" onClick={() => setMerging(true)}>
              <Icon name="shuffle" size={14} /> {t('customers.merge.open')}
            </button>
          </div>
        </section>
        <section className="card history-card" aria-labelledby="customer-history">
          <h2 id="customer-history">
            {t('customers.history.title')}
            {history.total && <span className="count-pill">{totalText(history.total)}</span>}
          </h2>
          {history.loading ? (
            <LoadingBlock label={t('customers.history.loading')} />
          ) : history.error ? (
            <ErrorBanner error={history.error} />
          ) : history.items.length === 0 ? (
            <EmptyState icon="inbox" title={t('customers.history.empty')} />
          ) : (
            <>
              <ul className="history-list">
                {history.items.map((ticket) => (
                  <li key={ticket.id}>
                    <a href={hrefFor({ name: 'inbox', list: 'all', ticketId: ticket.id })} className="history-item">
                      <StatusBadge status={ticket.status} />
                      <span className="history-subject">
                        <strong>{ticket.subject}</strong>
                        <span className="subject-meta">
                          <span className="mono">{ticket.id}</span> · {t(`ticket.channel.${ticket.channel}`)} · {formatDateTime(ticket.createdAt)}
                        </span>
                      </span>
                    </a>
                  </li>
                ))}
              </ul>
              <ResultsFoot pages={history} />
            </>
          )}
        </section>
      </div>
      <MergeDialog
        open={merging}
        customer={customer}
        onClose={() => setMerging(false)}
        onMerged={() => {
          load();
          history.reload();
        }}
      />
    </main>
  );
}
