/**
 * Groups (그룹 관리, admins): a service's groups with their members in round-robin order; created, renamed and
 * given members in a dialog, deleted after a confirmation that shows why the API refuses (a group still in use).
 */
import { useCallback, useEffect, useState } from 'react';
import { agentsApi, groupsApi, type Agent, type Group } from '../../api/admin';
import { ConfirmDialog } from '../../components/confirm';
import { Avatar, EmptyState, ErrorBanner, LoadingBlock } from '../../components/feedback';
import { Icon } from '../../components/icons';
import { useToast } from '../../components/toasts';
import { useI18n } from '../../i18n';
import { ServiceSettings, type Creation } from '../../settings/ServiceSettings';
import { GroupDialog } from './GroupDialog';

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
  const [groups, setGroups] = useState<Group[] | null>(null);
  const [agents, setAgents] = useState<Agent[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [editing, setEditing] = useState<Group | null>(null);
  const [deleting, setDeleting] = useState<Group | null>(null);
  const [deleteState, setDeleteState] = useState<{ busy: boolean; error: unknown }>({ busy: false, error: null });

  const load = useCallback(() => {
    groupsApi
      .list(serviceId)
      .then((loaded) => {
        setGroups(loaded);
        setError(null);
      })
      .catch(setError);
  }, [serviceId]);
  useEffect(load, [load]);
  useEffect(() => {
    agentsApi.list().then(setAgents).catch(setError);
  }, []);

  const agentById = new Map(agents.map((agent) => [agent.id, agent]));

  async function remove(group: Group) {
    setDeleteState({ busy: true, error: null });
    try {
      await groupsApi.remove(group.id);
      toast(t('admin.groups.remove.done', { name: group.name }));
      setDeleting(null);
      setDeleteState({ busy: false, error: null });
      load();
    } catch (caught) {
      setDeleteState({ busy: false, error: caught });
    }
  }

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
                <button
                  type="button"
                  className="icon-button"
                  aria-label={t('settings.edit', { name: group.name })}
                  title={t('settings.edit', { name: group.name })}
                  onClick={() => setEditing(group)}
                >
                  <Icon name="pencil" size={15} />
                </button>
                <button
                  type="button"
                  className="icon-button danger"
                  aria-label={t('settings.delete', { name: group.name })}
                  title={t('settings.delete', { name: group.name })}
                  onClick={() => setDeleting(group)}
                >
                  <Icon name="trash" size={15} />
                </button>
              </div>
            </li>
          ))}
        </ul>
      )}
      {(creating || editing) && <GroupDialog serviceId={serviceId} group={editing} agents={agents} onClose={closeDialog} />}
      <ConfirmDialog
        open={deleting !== null}
        title={t('admin.groups.remove.title', { name: deleting?.name ?? '' })}
        confirmLabel={t('admin.groups.remove.confirm')}
        busyLabel={t('settings.deleting')}
        danger
        busy={deleteState.busy}
        error={deleteState.error}
        onConfirm={() => deleting && void remove(deleting)}
        onClose={() => {
          setDeleting(null);
          setDeleteState({ busy: false, error: null });
        }}
      >
        <p>{t('admin.groups.remove.body')}</p>
      </ConfirmDialog>
    </>
  );
}
