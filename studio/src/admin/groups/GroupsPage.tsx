/**
 * Groups (그룹 관리, admins): a service's groups with their members in round-robin order; created, renamed and
 * given members in a dialog, deleted after a confirmation that shows why the API refuses (a group still in use).
 */
import { useCallback, useEffect, useState } from 'react';
import { agentsApi, groupsApi, type Agent, type Group } from '../../api/admin';
import { Avatar, EmptyState, ErrorBanner, LoadingBlock } from '../../components/feedback';
import { Icon } from '../../components/icons';
import { useToast } from '../../components/toasts';
import { useI18n } from '../../i18n';
import { DeleteConfirm } from '../../settings/DeleteConfirm';
import { DeleteButton, EditButton } from '../../settings/RowButtons';
import { ServiceSettings, type Creation } from '../../settings/ServiceSettings';
import { GroupDialog } from './GroupDialog';
import { useLoaded } from '../../settings/useLoaded';

export default function GroupsPage({ serviceId }: { serviceId?: string }) {
  return (
    <ServiceSettings
      page="groups"
      loading="admin.groups.loading"
      serviceId={serviceId}
      title="admin.groups.title"
      subtitle="admin.groups.subtitle"
      addLabel="admin.groups.add"
    >
      {(id, creation) => <ServiceGroups key={id} serviceId={id} {...creation} />}
    </ServiceSettings>
  );
}

function ServiceGroups({ serviceId, creating, onCreatingDone }: { serviceId: string } & Creation) {
  const { t } = useI18n();
  const toast = useToast();
  const [agents, setAgents] = useState<Agent[]>([]);
  const [editing, setEditing] = useState<Group | null>(null);
  const [deleting, setDeleting] = useState<Group | null>(null);

  const fetchGroups = useCallback(() => groupsApi.list(serviceId), [serviceId]);
  const { value: groups, error, setError, reload: load } = useLoaded(fetchGroups);
  useEffect(() => {
    agentsApi.list().then(setAgents).catch(setError);
  }, []);

  const agentById = new Map(agents.map((agent) => [agent.id, agent]));

  const closeDialog = (saved: Group | null) => {
    setEditing(null);
    onCreatingDone();
    if (saved) load();
  };

  return (
    <>
      <ErrorBanner error={error} onDismiss={groups ? () => setError(null) : undefined} />
      {groups === null ? (
        !error && <LoadingBlock label={t('admin.groups.loading')} />
      ) : groups.length === 0 ? (
        <EmptyState icon="users" title={t('admin.groups.empty.title')}>
          <p>{t('admin.groups.empty.body')}</p>
        </EmptyState>
      ) : (
        <ul className="settings-list" aria-label={t('admin.groups.title')}>
          {groups.map((group) => (
            <li key={group.id} className="settings-row">
              <div className="settings-row-main">
                <div className="settings-row-title">
                  <strong>{group.name}</strong>
                  <span className="muted">{t('admin.groups.members', { count: group.memberIds.length })}</span>
                </div>
                {group.memberIds.length > 0 && (
                  <ol className="member-chips" aria-label={t('admin.groups.memberOrder', { name: group.name })}>
                    {group.memberIds.map((id) => {
                      const member = agentById.get(id);
                      return (
                        <li key={id} className={`member-chip${member && !member.active ? ' inactive' : ''}`}>
                          <Avatar name={member?.name ?? id} size={20} />
                          {member?.name ?? id}
                        </li>
                      );
                    })}
                  </ol>
                )}
              </div>
              <div className="settings-row-actions">
                <EditButton name={group.name} onEdit={() => setEditing(group)} />
                <DeleteButton name={group.name} onDelete={() => setDeleting(group)} />
              </div>
            </li>
          ))}
        </ul>
      )}
      {(creating || editing) && <GroupDialog serviceId={serviceId} group={editing} agents={agents} onClose={closeDialog} />}
      <DeleteConfirm
        item={deleting}
        title={t('admin.groups.remove.title', { name: deleting?.name ?? '' })}
        confirmLabel={t('admin.groups.remove.confirm')}
        done={t('admin.groups.remove.done', { name: deleting?.name ?? '' })}
        remove={(item) => groupsApi.remove(item.id)}
        onClose={() => setDeleting(null)}
        onDeleted={load}
      >
        <p>{t('admin.groups.remove.body')}</p>
      </DeleteConfirm>
    </>
  );
}
