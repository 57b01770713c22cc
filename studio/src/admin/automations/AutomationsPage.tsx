/**
 * Automations (자동화, admins): a service's calendar-time rules on a ticket's stay in a status (complete a ticket
 * left resolved, remind the assignee of one on hold), oldest first; added and edited in a dialog, switched off and on
 * in the row, deleted after a confirmation.
 */
import { useCallback, useState } from 'react';
import { automationsApi, type Automation } from '../../api/admin';
import { EmptyState, ErrorBanner, LoadingBlock } from '../../components/feedback';
import { Icon } from '../../components/icons';
import { useToast } from '../../components/toasts';
import { useI18n } from '../../i18n';
import { DeleteConfirm } from '../../settings/DeleteConfirm';
import { DeleteButton, EditButton } from '../../settings/RowButtons';
import { ServiceSettings, type Creation } from '../../settings/ServiceSettings';
import { AutomationDialog } from './AutomationDialog';
import { useLoaded } from '../../settings/useLoaded';

export default function AutomationsPage({ serviceId }: { serviceId?: string }) {
  return (
    <ServiceSettings
      page="automations"
      loading="admin.automations.loading"
      serviceId={serviceId}
      title="admin.automations.title"
      subtitle="admin.automations.subtitle"
      addLabel="admin.automations.add"
    >
      {(id, creation) => <ServiceAutomations key={id} serviceId={id} {...creation} />}
    </ServiceSettings>
  );
}

function ServiceAutomations({ serviceId, creating, onCreatingDone }: { serviceId: string } & Creation) {
  const { t } = useI18n();
  const toast = useToast();
  const [editing, setEditing] = useState<Automation | null>(null);
  const [deleting, setDeleting] = useState<Automation | null>(null);

  const fetchAutomations = useCallback(() => automationsApi.list(serviceId).then((loaded) => loaded.automations), [serviceId]);
  const { value: automations, error, setError, reload: load } = useLoaded(fetchAutomations);

  const nameOf = (automation: Automation) => t(`admin.automations.rule.${automation.kind}`, { after: automation.after });

  async function setEnabled(automation: Automation, enabled: boolean) {
    try {
      await automationsApi.replace(automation.id, { kind: automation.kind, after: automation.after, enabled });
      toast(t(enabled ? 'admin.automations.enabledDone' : 'admin.automations.disabledDone', { name: nameOf(automation) }));
      load();
    } catch (caught) {
      setError(caught);
    }
  }

  return (
    <>
      <ErrorBanner error={error} onDismiss={automations ? () => setError(null) : undefined} />
      {automations === null ? (
        !error && <LoadingBlock label={t('admin.automations.loading')} />
      ) : automations.length === 0 ? (
        <EmptyState icon="zap" title={t('admin.automations.empty.title')}>
          <p>{t('admin.automations.empty.body')}</p>
        </EmptyState>
      ) : (
        <ul className="settings-list" aria-label={t('admin.automations.title')}>
          {automations.map((automation) => {
            const name = nameOf(automation);
            const toggle = t(automation.enabled ? 'admin.automations.disable' : 'admin.automations.enable', { name });
            return (
              <li key={automation.id} className={`settings-row${automation.enabled ? '' : ' inactive'}`}>
                <div className="settings-row-main">
                  <div className="settings-row-title">
                    <strong>{name}</strong>
                    {!automation.enabled && <span className="pill tone-slate">{t('admin.automations.disabled')}</span>}
                  </div>
                  <div className="settings-row-meta">
                    <span className="muted">{t(`admin.automations.dialog.kindHint.${automation.kind}`)}</span>
                  </div>
                </div>
                <div className="settings-row-actions">
                  <button type="button" className="icon-button" aria-label={toggle} title={toggle} onClick={() => void setEnabled(automation, !automation.enabled)}>
                    <Icon name={automation.enabled ? 'ban' : 'undo'} size={15} />
                  </button>
                  <EditButton name={name} onEdit={() => setEditing(automation)} />
                  <DeleteButton name={name} onDelete={() => setDeleting(automation)} />
                </div>
              </li>
            );
          })}
        </ul>
      )}
      {(creating || editing) && (
        <AutomationDialog
          serviceId={serviceId}
          automation={editing}
          onClose={(saved) => {
            setEditing(null);
            onCreatingDone();
            if (saved) load();
          }}
        />
      )}
      <DeleteConfirm
        item={deleting}
        title={t('admin.automations.remove.title', { name: deleting ? nameOf(deleting) : '' })}
        confirmLabel={t('admin.automations.remove.confirm')}
        done={t('admin.automations.remove.done', { name: deleting ? nameOf(deleting) : '' })}
        remove={(item) => automationsApi.remove(item.id)}
        onClose={() => setDeleting(null)}
        onDeleted={load}
      >
        <p>{t('admin.automations.remove.body')}</p>
      </DeleteConfirm>
    </>
  );
}
