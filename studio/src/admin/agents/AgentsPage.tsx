/**
 * Agents (상담원 관리, admins): everyone in the organisation with their role, permissions and groups; created and
 * edited in a dialog, deactivated after a confirmation (a deactivated agent can no longer sign in) and reactivated.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import { agentsApi, groupsApi, type Agent } from '../../api/admin';
import { ConfirmDialog } from '../../components/confirm';
import { Avatar, EmptyState, ErrorBanner, LoadingBlock } from '../../components/feedback';
import { Icon } from '../../components/icons';
import { useToast } from '../../components/toasts';
import { useDirectory } from '../../directory';
import { useI18n } from '../../i18n';
import { useMe } from '../../session';
import { SettingsFrame } from '../../settings/ServiceSettings';
import { matchesQuery } from '../model';
import { AgentDialog, type ServiceGroups } from './AgentDialog';
import { useLoaded } from '../../settings/useLoaded';

export default function AgentsPage() {
  const { t } = useI18n();
  const [creating, setCreating] = useState(false);
  return (
    <SettingsFrame
      page="agents"
      title="admin.agents.title"
      subtitle="admin.agents.subtitle"
      action={
        <button type="button" className="button primary" onClick={() => setCreating(true)}>
          <Icon name="userPlus" size={14} /> {t('admin.agents.add')}
        </button>
      }
    >
      <AgentList creating={creating} onCreatingDone={() => setCreating(false)} />
    </SettingsFrame>
  );
}

function AgentList({ creating, onCreatingDone }: { creating: boolean; onCreatingDone: () => void }) {
  const { t } = useI18n();
  const toast = useToast();
  const me = useMe();
  const { services } = useDirectory();
  const [serviceGroups, setServiceGroups] = useState<ServiceGroups[] | null>(null);
  const [query, setQuery] = useState('');
  const [editing, setEditing] = useState<Agent | null>(null);
  const [deactivating, setDeactivating] = useState<Agent | null>(null);
  const [confirmState, setConfirmState] = useState<{ busy: boolean; error: unknown }>({ busy: false, error: null });

  const fetchAgents = useCallback(() => agentsApi.list(), []);
  const { value: agents, error, setError, reload: load } = useLoaded(fetchAgents);

  const loadGroups = useCallback(() => {
    if (!services) return;
    Promise.all(services.map(async (service) => ({ serviceId: service.id, serviceName: service.name, groups: await groupsApi.list(service.id) })))
      .then(setServiceGroups)
      .catch(setError);
  }, [services]);
  useEffect(loadGroups, [loadGroups]);

  const groupNames = useMemo(
    () => new Map((serviceGroups ?? []).flatMap((service) => service.groups.map((group) => [group.id, group.name] as const))),
    [serviceGroups],
  );
  const shown = (agents ?? []).filter((agent) => matchesQuery(query, agent.name, agent.email));

  async function setActive(agent: Agent, active: boolean) {
    setConfirmState({ busy: true, error: null });
    try {
      await agentsApi.update(agent.id, { active });
      toast(t(active ? 'admin.agents.reactivated' : 'admin.agents.deactivate.done', { name: agent.name }));
      setDeactivating(null);
      setConfirmState({ busy: false, error: null });
      load();
    } catch (caught) {
      if (active) setError(caught);
      setConfirmState({ busy: false, error: caught });
    }
  }

  const closeDialog = (saved: Agent | null) => {
    setEditing(null);
    onCreatingDone();
    if (saved) {
      load();
      loadGroups();
    }
  };

  return (
    <>
      <div className="settings-toolbar">
        <Icon name="search" size={15} className="settings-search-icon" />
        <input
          type="search"
          className="settings-search"
          value={query}
          onChange={(event) => setQuery(event.target.value)}
          placeholder={t('admin.agents.search')}
          aria-label={t('admin.agents.search')}
        />
      </div>
      <ErrorBanner error={error} onDismiss={agents ? () => setError(null) : undefined} />
      {agents === null ? (
        !error && <LoadingBlock label={t('admin.agents.loading')} />
      ) : shown.length === 0 ? (
        <EmptyState icon="user" title={query ? t('admin.agents.noMatch', { query }) : t('admin.agents.empty')} />
      ) : (
        <ul className="settings-list" aria-label={t('admin.agents.title')}>
          {shown.map((agent) => {
            const locked = agent.role === 'org_admin';
            return (
              <li key={agent.id} className={`settings-row${agent.active ? '' : ' inactive'}`}>
                <Avatar name={agent.name} size={32} />
                <div className="settings-row-main">
                  <div className="settings-row-title">
                    <strong>{agent.name}</strong>
                    <span className="muted">{agent.email}</span>
                  </div>
                  <div className="settings-row-meta">
                    <span className={`pill ${agent.role === 'agent' ? 'tone-slate' : 'tone-violet'}`}>{t(`ticket.role.${agent.role}`)}</span>
                    {!agent.active && <span className="pill tone-rose">{t('admin.agents.inactive')}</span>}
                    {agent.groupIds.map((id) => (
                      <span key={id} className="pill tone-blue">
                        {groupNames.get(id) ?? id}
                      </span>
                    ))}
                    {agent.permissions.map((permission) => (
                      <span key={permission} className="pill tone-slate">
                        {t(`admin.permission.${permission}`)}
                      </span>
                    ))}
                  </div>
                </div>
                <div className="settings-row-actions">
                  {locked ? (
                    <span title={t('admin.agents.orgAdminLocked')}>
                      <Icon name="lock" size={14} className="settings-row-lock" aria-label={t('admin.agents.orgAdminLocked')} />
                    </span>
                  ) : (
                    <>
                      <button
                        type="button"
                        className="icon-button"
                        aria-label={t('settings.edit', { name: agent.name })}
                        title={t('settings.edit', { name: agent.name })}
                        onClick={() => setEditing(agent)}
                      >
                        <Icon name="pencil" size={15} />
                      </button>
                      {agent.active ? (
                        agent.id !== me.id && (
                          <button
                            type="button"
                            className="icon-button danger"
                            aria-label={t('admin.agents.deactivate.action', { name: agent.name })}
                            title={t('admin.agents.deactivate.action', { name: agent.name })}
                            onClick={() => setDeactivating(agent)}
                          >
                            <Icon name="ban" size={15} />
                          </button>
                        )
                      ) : (
                        <button
                          type="button"
                          className="icon-button"
                          aria-label={t('admin.agents.reactivate', { name: agent.name })}
                          title={t('admin.agents.reactivate', { name: agent.name })}
                          onClick={() => void setActive(agent, true)}
                        >
                          <Icon name="undo" size={15} />
                        </button>
                      )}
                    </>
                  )}
                </div>
              </li>
            );
          })}
        </ul>
      )}
      {(creating || editing) && <AgentDialog agent={editing} serviceGroups={serviceGroups ?? []} onClose={closeDialog} />}
      <ConfirmDialog
        open={deactivating !== null}
        title={t('admin.agents.deactivate.title', { name: deactivating?.name ?? '' })}
        confirmLabel={t('admin.agents.deactivate.confirm')}
        busyLabel={t('settings.saving')}
        danger
        busy={confirmState.busy}
        error={confirmState.error}
        onConfirm={() => deactivating && void setActive(deactivating, false)}
        onClose={() => {
          setDeactivating(null);
          setConfirmState({ busy: false, error: null });
        }}
      >
        <p>{t('admin.agents.deactivate.body', { name: deactivating?.name ?? '' })}</p>
      </ConfirmDialog>
    </>
  );
}
