/**
 * IVR routes (IVR 경로, admins): the codes a service's callback requests arrive with from the phone system, by code,
 * each with the name agents see, the intake type it gives the request and when its reminders go out; added and edited
 * in a dialog, deleted after a confirmation (requests that came through a deleted route keep naming it).
 */
import { useCallback, useState } from 'react';
import { ivrRoutesApi, type IvrRoute } from '../../api/admin';
import { useCategories } from '../../categories';
import { EmptyState, ErrorBanner, LoadingBlock } from '../../components/feedback';
import { useI18n } from '../../i18n';
import { DeleteConfirm } from '../../settings/DeleteConfirm';
import { DeleteButton, EditButton } from '../../settings/RowButtons';
import { ServiceSettings, type Creation } from '../../settings/ServiceSettings';
import { IvrRouteDialog } from './IvrRouteDialog';
import { useLoaded } from '../../settings/useLoaded';

export default function IvrRoutesPage({ serviceId }: { serviceId?: string }) {
  return (
    <ServiceSettings page="ivr" loading="admin.ivr.loading" serviceId={serviceId} title="admin.ivr.title" subtitle="admin.ivr.subtitle" addLabel="admin.ivr.add">
      {(id, creation) => <ServiceRoutes key={id} serviceId={id} {...creation} />}
    </ServiceSettings>
  );
}

function ServiceRoutes({ serviceId, creating, onCreatingDone }: { serviceId: string } & Creation) {
  const { t } = useI18n();
  const intakeTypes = useCategories(serviceId, 'intake');
  const [editing, setEditing] = useState<IvrRoute | null>(null);
  const [deleting, setDeleting] = useState<IvrRoute | null>(null);

  const fetchRoutes = useCallback(() => ivrRoutesApi.list(serviceId), [serviceId]);
  const { value: routes, error, setError, reload: load } = useLoaded(fetchRoutes);

  const intakeTypeName = (id: string) => intakeTypes?.find((type) => type.id === id)?.path ?? id;
  const label = (route: IvrRoute) => `${route.code} ${route.name}`;

  return (
    <>
      <ErrorBanner error={error} onDismiss={routes ? () => setError(null) : undefined} />
      {routes === null ? (
        !error && <LoadingBlock label={t('admin.ivr.loading')} />
      ) : routes.length === 0 ? (
        <EmptyState icon="phone" title={t('admin.ivr.empty.title')}>
          <p>{t('admin.ivr.empty.body')}</p>
        </EmptyState>
      ) : (
        <ul className="settings-list" aria-label={t('admin.ivr.title')}>
          {routes.map((route) => (
            <li key={route.id} className="settings-row">
              <div className="settings-row-main">
                <div className="settings-row-title">
                  <code>{route.code}</code>
                  <strong>{route.name}</strong>
                </div>
                <div className="settings-row-meta">
                  {route.intakeTypeId ? (
                    <span className="pill tone-blue">{intakeTypeName(route.intakeTypeId)}</span>
                  ) : (
                    <span className="pill tone-slate">{t('admin.ivr.noIntakeType')}</span>
                  )}
                  <span className="pill tone-amber">{t('admin.ivr.unassignedAfter', { duration: route.unassignedAfter })}</span>
                  <span className="pill tone-amber">{t('admin.ivr.dueAfter', { duration: route.dueAfter })}</span>
                  <span className="pill tone-rose">{t('admin.ivr.escalateAfter', { duration: route.escalateAfter })}</span>
                </div>
              </div>
              <div className="settings-row-actions">
                <EditButton name={label(route)} onEdit={() => setEditing(route)} />
                <DeleteButton name={label(route)} onDelete={() => setDeleting(route)} />
              </div>
            </li>
          ))}
        </ul>
      )}
      {(creating || editing) && (
        <IvrRouteDialog
          serviceId={serviceId}
          route={editing}
          intakeTypes={intakeTypes ?? []}
          onClose={(saved) => {
            setEditing(null);
            onCreatingDone();
            if (saved) load();
          }}
        />
      )}
      <DeleteConfirm
        item={deleting}
        title={t('admin.ivr.remove.title', { name: deleting ? label(deleting) : '' })}
        confirmLabel={t('admin.ivr.remove.confirm')}
        done={t('admin.ivr.remove.done', { name: deleting ? label(deleting) : '' })}
        remove={(item) => ivrRoutesApi.remove(item.id)}
        onClose={() => setDeleting(null)}
        onDeleted={load}
      >
        <p>{t('admin.ivr.remove.body', { code: deleting?.code ?? '' })}</p>
      </DeleteConfirm>
    </>
  );
}
