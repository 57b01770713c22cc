/**
 * The customer list (고객 관리): search by id, name, member id, email, phone or user key; newest first, keyset
 * pages with the capped total, an export of the same search. The conditions live in the URL hash.
 */
import { useEffect, useMemo, useState } from 'react';
import { ApiError } from '../api/client';
import { customersApi, type CustomerRecord } from '../api/search';
import { EmptyState } from '../components/feedback';
import { Icon } from '../components/icons';
import { useDirectory } from '../directory';
import { useI18n } from '../i18n';
import { hrefFor, navigate } from '../router';
import { FieldError } from '../search/ConditionForm';
import { ExportPanel } from '../search/ExportPanel';
import { refusedInputs } from '../search/query';
import { ResultsFoot, ResultsSkeleton, RetryableError, useTotalText } from '../search/results';
import { useKeysetPages } from '../search/useKeysetPages';
import { useReadableServices } from '../search/useSearchOptions';
import { CUSTOMER_CONDITIONS, customerQueryFromHash, hashOfCustomerQuery, type CustomerQuery } from './query';

const PAGE_SIZE = 25;
const TEXT_INPUTS = CUSTOMER_CONDITIONS.filter((key) => key !== 'serviceId');
const INPUT_TYPES: Partial<Record<(typeof TEXT_INPUTS)[number], string>> = { email: 'email', phone: 'tel' };

export function CustomerList({ hash }: { hash: string }) {
  const { t, formatDateTime } = useI18n();
  const directory = useDirectory();
  const services = useReadableServices();
  const totalText = useTotalText();
  const query = useMemo(() => customerQueryFromHash(hash), [hash]);
  const [draft, setDraft] = useState<CustomerQuery>(query);
  const pages = useKeysetPages(hash, (cursor, signal) => customersApi.search(query, { limit: PAGE_SIZE, cursor }, signal));
  useEffect(() => setDraft(query), [query]);

  const refused = pages.error instanceof ApiError ? refusedInputs(pages.error.code, pages.error.details) : {};
  const submit = () => {
    const next = hashOfCustomerQuery(draft);
    if (next === hash) pages.reload();
    else navigate({ name: 'customers', query: next });
  };

  return (
    <main className="search-page customers-page">
      <header className="search-head">
        <div className="list-title">
          <h1>
            <Icon name="users" size={18} /> {t('customers.title')}
          </h1>
          <span className="muted">{t('customers.subtitle')}</span>
        </div>
      </header>
      <form
        className="customer-filters"
        aria-label={t('customers.form.label')}
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <label className="field compact">
          <span className="field-label">{t('search.condition.serviceId')}</span>
          <select name="serviceId" value={draft.serviceId ?? ''} onChange={(event) => setDraft({ ...draft, serviceId: event.target.value || undefined })}>
            <option value="">{t('search.form.allServices')}</option>
            {services.map((service) => (
              <option key={service.id} value={service.id}>
                {service.name}
              </option>
            ))}
          </select>
          <FieldError code={refused.serviceId} />
        </label>
        {TEXT_INPUTS.map((key) => (
          <label key={key} className="field compact">
            <span className="field-label">{t(`customers.field.${key}`)}</span>
            <input
              type={INPUT_TYPES[key] ?? 'text'}
              name={key}
              value={draft[key] ?? ''}
              aria-invalid={Boolean(refused[key])}
              onChange={(event) => setDraft({ ...draft, [key]: event.target.value || undefined })}
            />
            <FieldError code={refused[key]} />
          </label>
        ))}
        <div className="customer-filter-actions">
          <button type="submit" className="button primary">
            <Icon name="search" size={14} /> {t('search.form.submit')}
          </button>
          <button type="button" className="button" onClick={() => setDraft({})}>
            {t('search.form.reset')}
          </button>
        </div>
      </form>
      <section className="search-results" aria-label={t('customers.results.label')}>
        <div className="results-bar">
          <strong className="results-total" aria-live="polite">
            {pages.total && !pages.loading ? t('customers.results.total', { total: totalText(pages.total) }) : '\u00a0'}
          </strong>
          {!pages.loading && !pages.error && pages.items.length > 0 && <ExportPanel key={hash} request={{ kind: 'customers', search: query }} />}
        </div>
        {pages.error !== null ? (
          <RetryableError error={pages.error} onRetry={pages.reload} />
        ) : pages.loading ? (
          <ResultsSkeleton label={t('customers.results.loading')} />
        ) : pages.items.length === 0 ? (
          <EmptyState icon="users" title={t('customers.results.empty')}>
            {t('customers.results.emptyHint')}
          </EmptyState>
        ) : (
          <div className="table-wrap">
            <table className="ticket-table customer-table" aria-label={t('customers.results.label')}>
              <thead>
                <tr>
                  <th>{t('customers.field.name')}</th>
                  <th className="col-email">{t('customers.field.email')}</th>
                  <th className="col-phone">{t('customers.field.phone')}</th>
                  <th className="col-user">{t('customers.field.userId')}</th>
                  <th className="col-time">{t('customers.results.created')}</th>
                </tr>
              </thead>
              <tbody>
                {pages.items.map((customer: CustomerRecord) => (
                  <tr key={customer.id} onClick={() => navigate({ name: 'customers', customerId: customer.id, query: '' })}>
                    <td className="col-subject">
                      <a className="subject-link" href={hrefFor({ name: 'customers', customerId: customer.id, query: '' })} onClick={(event) => event.stopPropagation()}>
                        {customer.name ?? t('customers.unnamed')}
                      </a>
                      <span className="subject-meta">
                        <span className="mono">{customer.id}</span> · {directory.serviceName(customer.serviceId)}
                      </span>
                    </td>
                    <td className="col-email">
                      <span className="truncate">{customer.email ?? '—'}</span>
                    </td>
                    <td className="col-phone">{customer.phone ?? '—'}</td>
                    <td className="col-user">
                      <span className="truncate">{customer.userId ?? '—'}</span>
                    </td>
                    <td className="col-time">{formatDateTime(customer.createdAt)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <ResultsFoot pages={pages} />
          </div>
        )}
      </section>
    </main>
  );
}
