/**
 * A manual merge (고객정보 통합) of another customer of the same service into this one, in three steps: find and
 * pick the other customer, read what the merge will do (values filled or kept beside, tickets moved), confirm,
 * then see the result. The API has no preview route, so the preview is worked out from both records.
 */
import { useEffect, useState } from 'react';
import { customersApi, type CustomerDetail, type CustomerMergeResult, type CustomerRecord } from '../api/search';
import { Dialog } from '../components/dialog';
import { EmptyState, ErrorBanner, LoadingBlock, Spinner } from '../components/feedback';
import { Icon } from '../components/icons';
import { useI18n } from '../i18n';
import { mergePreview } from './query';

const FINDERS = ['name', 'email', 'phone', 'userId', 'customerId'] as const;
type Finder = (typeof FINDERS)[number];

type Step = { kind: 'pick' } | { kind: 'preview'; other: CustomerDetail } | { kind: 'done'; result: CustomerMergeResult };

export function MergeDialog({ open, customer, onClose, onMerged }: { open: boolean; customer: CustomerDetail; onClose: () => void; onMerged: () => void }) {
  const { t } = useI18n();
  const [step, setStep] = useState<Step>({ kind: 'pick' });
  const [finder, setFinder] = useState<Finder>('name');
  const [term, setTerm] = useState('');
  const [found, setFound] = useState<CustomerRecord[] | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    if (!open) return;
    setStep({ kind: 'pick' });
    setTerm('');
    setFound(null);
    setError(null);
  }, [open]);

  const run = <T,>(work: Promise<T>, then: (value: T) => void) => {
    setBusy(true);
    setError(null);
    work.then(then, setError).finally(() => setBusy(false));
  };

  const find = () => {
    if (!term.trim()) return;
    run(customersApi.search({ serviceId: customer.serviceId, [finder]: term.trim() }, { limit: 10 }), (page) =>
      setFound(page.items.filter((item) => item.id !== customer.id)),
    );
  };
  const pick = (id: string) => run(customersApi.get(id), (other) => setStep({ kind: 'preview', other }));
  const merge = (other: CustomerDetail) =>
    run(customersApi.merge(customer.id, other.id), (result) => {
      setStep({ kind: 'done', result });
      onMerged();
    });

  const footer =
    step.kind === 'preview' ? (
      <div className="dialog-actions">
        <button type="button" className="button" onClick={() => setStep({ kind: 'pick' })} disabled={busy}>
          {t('customers.merge.back')}
        </button>
        <button type="button" className="button danger-solid" onClick={() => merge(step.other)} disabled={busy}>
          {busy && <Spinner size={14} />} {t('customers.merge.confirm')}
        </button>
      </div>
    ) : (
      <div className="dialog-actions">
        <button type="button" className="button" onClick={onClose}>
          {t('common.action.close')}
        </button>
      </div>
    );

  return (
    <Dialog open={open} title={t('customers.merge.title')} subtitle={t('customers.merge.into', { name: customer.name ?? customer.id })} onClose={onClose} footer={footer} width={600}>
      <div className="stack merge-dialog">
        {step.kind === 'pick' && (
          <>
            <form
              className="merge-find"
              onSubmit={(event) => {
                event.preventDefault();
                find();
              }}
            >
              <select aria-label={t('customers.merge.findBy')} value={finder} onChange={(event) => setFinder(event.target.value as Finder)}>
                {FINDERS.map((key) => (
                  <option key={key} value={key}>
                    {t(`customers.field.${key}`)}
                  </option>
                ))}
              </select>
              <input aria-label={t('customers.merge.term')} value={term} onChange={(event) => setTerm(event.target.value)} placeholder={t('customers.merge.placeholder')} />
              <button type="submit" className="button" disabled={busy || !term.trim()}>
                <Icon name="search" size={14} /> {t('customers.merge.find')}
              </button>
            </form>
            {busy ? (
              <LoadingBlock label={t('common.loading')} />
            ) : found && found.length === 0 ? (
              <EmptyState icon="users" title={t('customers.merge.noneFound')} />
            ) : (
              found && (
                <ul className="merge-candidates" aria-label={t('customers.merge.candidates')}>
                  {found.map((other) => (
                    <li key={other.id}>
                      <button type="button" className="merge-candidate" onClick={() => pick(other.id)}>
                        <strong>{other.name ?? t('customers.unnamed')}</strong>
                        <span className="muted">{[other.email, other.phone, other.userId].filter(Boolean).join(' · ') || other.id}</span>
                        <span className="mono muted">{other.id}</span>
                      </button>
                    </li>
                  ))}
                </ul>
              )
            )}
          </>
        )}
        {step.kind === 'preview' && (
          <>
            <p>{t('customers.merge.previewIntro', { other: step.other.name ?? step.other.id, tickets: step.other.ticketsTotal })}</p>
            <table className="merge-preview">
              <thead>
                <tr>
                  <th />
                  <th>{t('customers.merge.kept')}</th>
                  <th>{t('customers.merge.merged')}</th>
                  <th>{t('customers.merge.outcome')}</th>
                </tr>
              </thead>
              <tbody>
                {mergePreview(customer, step.other).map((row) => (
                  <tr key={row.field} className={`outcome-${row.outcome}`}>
                    <th scope="row">{t(`customers.field.${row.field}`)}</th>
                    <td>{row.kept ?? '—'}</td>
                    <td>{row.merged ?? '—'}</td>
                    <td>{t(`customers.merge.outcomes.${row.outcome}`)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <p className="muted">{t('customers.merge.irreversible')}</p>
          </>
        )}
        {step.kind === 'done' && (
          <div className="merge-done" role="status">
            <Icon name="checkCircle" size={20} />
            <span>{t('customers.merge.done', { tickets: step.result.ticketsMoved })}</span>
          </div>
        )}
        <ErrorBanner error={error} />
      </div>
    </Dialog>
  );
}
