/**
 * SLA policies (SLA 정책, admins): a service's policies in the order tickets are matched against them, each with its
 * targets and what it does when late; created and edited in a dialog, reordered with buttons, deleted after a
 * confirmation.
 */
import { useCallback, useEffect, useState } from 'react';
import { slaPoliciesApi, type SlaPolicy } from '../../api/admin';
import { useCategories } from '../../categories';
import { EmptyState, ErrorBanner, LoadingBlock } from '../../components/feedback';
import { Icon } from '../../components/icons';
import { useToast } from '../../components/toasts';
import { useI18n } from '../../i18n';
import { MoveButton } from '../../settings/MoveButton';
import { DeleteConfirm } from '../../settings/DeleteConfirm';
import { DeleteButton, EditButton } from '../../settings/RowButtons';
import { ServiceSettings, type Creation } from '../../settings/ServiceSettings';
import { moveInOrder } from '../model';
import { SlaPolicyDialog } from './SlaPolicyDialog';

export default function SlaPoliciesPage({ serviceId }: { serviceId?: string }) {
  return (
    <ServiceSettings
      page="sla"
      loading="admin.sla.loading"
      serviceId={serviceId}
      title="admin.sla.title"
      subtitle="admin.sla.subtitle"
      addLabel="admin.sla.add"
    >
      {(id, creation) => <ServicePolicies key={id} serviceId={id} {...creation} />}
    </ServiceSettings>
  );
}

function ServicePolicies({ serviceId, creating, onCreatingDone }: { serviceId: string } & Creation) {
  const { t } = useI18n();
  const toast = useToast();
  const intakeTypes = useCategories(serviceId, 'intake');
  const [policies, setPolicies] = useState<SlaPolicy[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [editing, setEditing] = useState<SlaPolicy | null>(null);
  const [deleting, setDeleting] = useState<SlaPolicy | null>(null);

  const load = useCallback(() => {
    slaPoliciesApi
      .list(serviceId)
      .then((loaded) => {
        setPolicies(loaded.policies);
        setError(null);
      })
      .catch(setError);
  }, [serviceId]);
  useEffect(load, [load]);

  async function move(index: number, delta: -1 | 1) {
    if (!policies) return;
    const order = moveInOrder(policies, index, delta);
    if (!order) return;
    setPolicies(order);
    try {
      setPolicies((await slaPoliciesApi.reorder(serviceId, order.map((policy) => policy.id))).policies);
      toast(t('admin.sla.order'));
    } catch (caught) {
      setError(caught);
      load();
    }
  }

  const intakeTypeName = (id: string | null) => (id ? (intakeTypes?.find((type) => type.id === id)?.path ?? id) : t('admin.sla.anyIntakeType'));

  return (
    <>
      <ErrorBanner error={error} onDismiss={policies ? () => setError(null) : undefined} />
      {policies === null ? (
        !error && <LoadingBlock label={t('admin.sla.loading')} />
      ) : policies.length === 0 ? (
        <EmptyState icon="alert" title={t('admin.sla.empty.title')}>
          <p>{t('admin.sla.empty.body')}</p>
        </EmptyState>
      ) : (
        <ol className="settings-list" aria-label={t('admin.sla.title')}>
          {policies.map((policy, index) => (
            <li key={policy.id} className={`settings-row${policy.enabled ? '' : ' inactive'}`}>
              <div className="settings-row-main">
                <div className="settings-row-title">
                  <strong>{policy.title}</strong>
                  {!policy.enabled && <span className="pill tone-slate">{t('admin.sla.disabled')}</span>}
                </div>
                <div className="settings-row-meta">
                  <span className="pill tone-blue">{policy.priority ? t(`ticket.priority.${policy.priority}`) : t('admin.sla.anyPriority')}</span>
                  <span className="pill tone-blue">{intakeTypeName(policy.intakeTypeId)}</span>
                  {policy.firstResponse && <span className="pill tone-amber">{t('admin.sla.firstResponse', { duration: policy.firstResponse })}</span>}
                  {policy.resolution && <span className="pill tone-amber">{t('admin.sla.resolution', { duration: policy.resolution })}</span>}
                  {policy.onAtRisk.length + policy.onBreach.length > 0 && (
                    <span className="pill tone-slate">{t('admin.sla.results', { count: policy.onAtRisk.length + policy.onBreach.length })}</span>
                  )}
                </div>
              </div>
              <div className="settings-row-actions">
                <MoveButton label={t('settings.moveUp', { name: policy.title })} icon="arrowUp" disabled={index === 0} onMove={() => void move(index, -1)} />
                <MoveButton
                  label={t('settings.moveDown', { name: policy.title })}
                  icon="arrowDown"
                  disabled={index === policies.length - 1}
                  onMove={() => void move(index, 1)}
                />
                <EditButton name={policy.title} onEdit={() => setEditing(policy)} />
                <DeleteButton name={policy.title} onDelete={() => setDeleting(policy)} />
              </div>
            </li>
          ))}
        </ol>
      )}
      {(creating || editing) && (
        <SlaPolicyDialog
          serviceId={serviceId}
          policy={editing}
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
        title={t('admin.sla.remove.title', { name: deleting?.title ?? '' })}
        confirmLabel={t('admin.sla.remove.confirm')}
        done={t('admin.sla.remove.done', { name: deleting?.title ?? '' })}
        remove={(item) => slaPoliciesApi.remove(item.id)}
        onClose={() => setDeleting(null)}
        onDeleted={load}
      >
        <p>{t('admin.sla.remove.body')}</p>
      </DeleteConfirm>
    </>
  );
}
