/**
 * Services (서비스, admins): the organisation's consultation and issue services, each with links to its groups,
 * business hours and SLA policies; a new service is created in a dialog (the API renames and deletes none).
 */
import { useCallback, useId, useState, type FormEvent } from 'react';
import { servicesApi } from '../../api/admin';
import type { DirectoryService as Service } from '../../api/types';
import { Dialog } from '../../components/dialog';
import { EmptyState, ErrorBanner, LoadingBlock, Spinner } from '../../components/feedback';
import { Icon } from '../../components/icons';
import { useToast } from '../../components/toasts';
import { useDirectory } from '../../directory';
import { useI18n } from '../../i18n';
import { hrefFor } from '../../router';
import { SettingsFrame } from '../../settings/ServiceSettings';
import { concerns, FieldMessage } from '../FieldError';
import { SaveActions } from '../../settings/SaveActions';
import { useLoaded } from '../../settings/useLoaded';

type Kind = Service['kind'];

export default function ServicesPage() {
  const { t } = useI18n();
  const [creating, setCreating] = useState(false);
  return (
    <SettingsFrame
      page="services"
      title="admin.services.title"
      subtitle="admin.services.subtitle"
      action={
        <button type="button" className="button primary" onClick={() => setCreating(true)}>
          <Icon name="plus" size={14} /> {t('admin.services.add')}
        </button>
      }
    >
      <ServiceList creating={creating} onCreatingDone={() => setCreating(false)} />
    </SettingsFrame>
  );
}

function ServiceList({ creating, onCreatingDone }: { creating: boolean; onCreatingDone: () => void }) {
  const { t, formatDateTime } = useI18n();
  const { groupsOf, reloadServices } = useDirectory();

  const fetchServices = useCallback(() => servicesApi.list(), []);
  const { value: services, error, setError, reload: load } = useLoaded(fetchServices);

  return (
    <>
      <ErrorBanner error={error} onDismiss={services ? () => setError(null) : undefined} />
      {services === null ? (
        !error && <LoadingBlock label={t('admin.services.loading')} />
      ) : services.length === 0 ? (
        <EmptyState icon="inbox" title={t('admin.services.empty.title')}>
          <p>{t('admin.services.empty.body')}</p>
        </EmptyState>
      ) : (
        <ul className="settings-list" aria-label={t('admin.services.title')}>
          {services.map((service) => {
            const groups = groupsOf(service.id);
            return (
              <li key={service.id} className="settings-row">
                <div className="settings-row-main">
                  <div className="settings-row-title">
                    <strong>{service.name}</strong>
                    <span className={`pill ${service.kind === 'issue' ? 'tone-orange' : 'tone-teal'}`}>{t(`admin.services.kind.${service.kind}`)}</span>
                  </div>
                  <p className="settings-row-preview muted">
                    {groups ? t('admin.services.groups', { count: groups.length }) : null}
                    {groups ? ' · ' : null}
                    {t('admin.services.created', { when: formatDateTime(service.createdAt) })}
                  </p>
                </div>
                <nav className="service-links" aria-label={t('admin.services.links', { name: service.name })}>
                  <a className="button small" href={hrefFor({ name: 'admin', section: 'groups', serviceId: service.id })}>
                    {t('admin.nav.groups')}
                  </a>
                  <a className="button small" href={hrefFor({ name: 'admin', section: 'hours', serviceId: service.id })}>
                    {t('admin.nav.hours')}
                  </a>
                  <a className="button small" href={hrefFor({ name: 'admin', section: 'sla', serviceId: service.id })}>
                    {t('admin.nav.sla')}
                  </a>
                </nav>
              </li>
            );
          })}
        </ul>
      )}
      {creating && (
        <ServiceDialog
          onClose={(created) => {
            onCreatingDone();
            if (created) {
              load();
              reloadServices();
            }
          }}
        />
      )}
    </>
  );
}

function ServiceDialog({ onClose }: { onClose: (created: Service | null) => void }) {
  const { t } = useI18n();
  const toast = useToast();
  const id = useId();
  const [name, setName] = useState('');
  const [kind, setKind] = useState<Kind>('consultation');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const nameError = concerns(error, 'name', ['service.name_taken']) ? error : null;

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const created = await servicesApi.create(name.trim(), kind);
      toast(t('admin.services.dialog.created', { name: created.name }));
      onClose(created);
    } catch (caught) {
      setError(caught);
      setBusy(false);
    }
  }

  return (
    <Dialog open title={t('admin.services.dialog.new')} subtitle={t('admin.services.dialog.subtitle')} onClose={() => onClose(null)}>
      <form className="stack" onSubmit={submit}>
        <div className="field">
          <label className="field-label" htmlFor={`${id}-name`}>
            {t('admin.services.dialog.name')}
          </label>
          <input
            id={`${id}-name`}
            value={name}
            onChange={(event) => {
              setName(event.target.value);
              if (nameError) setError(null);
            }}
            required
            maxLength={100}
            autoFocus
            aria-invalid={nameError !== null}
            aria-describedby={`${id}-name-message`}
          />
          <FieldMessage id={`${id}-name-message`} error={nameError} />
        </div>
        <fieldset className="choice-list">
          <legend className="field-label">{t('admin.services.dialog.kind')}</legend>
          {(['consultation', 'issue'] as const).map((candidate) => (
            <label key={candidate} className="choice scope-choice">
              <input type="radio" name={`${id}-kind`} checked={kind === candidate} onChange={() => setKind(candidate)} />
              <span>
                <strong>{t(`admin.services.kind.${candidate}`)}</strong>
                <span className="field-sub">{t(`admin.services.kindHint.${candidate}`)}</span>
              </span>
            </label>
          ))}
        </fieldset>
        {!nameError && <ErrorBanner error={error} onDismiss={() => setError(null)} />}
        <SaveActions busy={busy} label={t('admin.services.dialog.create')} onCancel={() => onClose(null)} />
      </form>
    </Dialog>
  );
}
