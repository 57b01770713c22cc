/**
 * Create or edit a group: its name and its members. Members are listed in the order they joined (the order
 * round-robin assignment walks); ticking an agent adds them at the end. A name already used, or a change that
 * leaves an agent without any group, shows under the input it concerns.
 */
import { useId, useState, type FormEvent } from 'react';
import { groupsApi, type Agent, type Group } from '../../api/admin';
import { Dialog } from '../../components/dialog';
import { ErrorBanner, Spinner } from '../../components/feedback';
import { useToast } from '../../components/toasts';
import { useI18n } from '../../i18n';
import { concerns, FieldMessage } from '../FieldError';
import { matchesQuery } from '../model';
import { SaveActions } from '../../settings/SaveActions';

export function GroupDialog({ serviceId, group, agents, onClose }: { serviceId: string; group: Group | null; agents: Agent[]; onClose: (saved: Group | null) => void }) {
  const { t } = useI18n();
  const toast = useToast();
  const id = useId();
  const [name, setName] = useState(group?.name ?? '');
  const [memberIds, setMemberIds] = useState<string[]>(group?.memberIds ?? []);
  const [query, setQuery] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  // A group created before its members were refused is not created twice when the admin tries again.
  const [created, setCreated] = useState<Group | null>(null);

  const nameError = concerns(error, 'name', ['group.name_taken']) ? error : null;
  const membersError = concerns(error, 'agentIds', ['agent.group_required']) ? error : null;
  const candidates = agents.filter((agent) => agent.role !== 'org_admin' && (agent.active || memberIds.includes(agent.id)) && matchesQuery(query, agent.name, agent.email));

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const existing = group ?? created;
      let saved = existing ? (name.trim() !== existing.name ? await groupsApi.rename(existing.id, name.trim()) : existing) : await groupsApi.create(serviceId, name.trim());
      if (!group) setCreated(saved);
      const before = existing?.memberIds ?? [];
      if (memberIds.length !== before.length || memberIds.some((member, index) => before[index] !== member)) {
        saved = await groupsApi.setMembers(saved.id, memberIds);
      }
      toast(t(group ? 'admin.groups.dialog.saved' : 'admin.groups.dialog.created', { name: saved.name }));
      onClose(saved);
    } catch (caught) {
      setError(caught);
      setBusy(false);
    }
  }

  return (
    <Dialog open title={group ? t('admin.groups.dialog.edit', { name: group.name }) : t('admin.groups.dialog.new')} onClose={() => onClose(null)} width={560}>
      <form className="stack" onSubmit={submit}>
        <div className="field">
          <label className="field-label" htmlFor={`${id}-name`}>
            {t('admin.groups.dialog.name')}
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
        <fieldset className="fieldset" aria-describedby={`${id}-members-message`}>
          <legend className="field-label">{t('admin.groups.dialog.members', { count: memberIds.length })}</legend>
          <input
            type="search"
            value={query}
            onChange={(event) => setQuery(event.target.value)}
            placeholder={t('admin.agents.search')}
            aria-label={t('admin.agents.search')}
          />
          <div className="member-picker">
            {candidates.map((agent) => {
              const position = memberIds.indexOf(agent.id);
              return (
                <label key={agent.id} className="choice">
                  <input
                    type="checkbox"
                    checked={position >= 0}
                    onChange={(event) =>
                      setMemberIds(event.target.checked ? [...memberIds, agent.id] : memberIds.filter((member) => member !== agent.id))
                    }
                  />
                  <span className="member-picker-name">
                    {agent.name}
                    <span className="muted">{agent.email}</span>
                  </span>
                  {position >= 0 && <span className="pill tone-blue">{t('admin.groups.dialog.position', { position: position + 1 })}</span>}
                </label>
              );
            })}
          </div>
          <FieldMessage id={`${id}-members-message`} error={membersError} hint={t('admin.groups.dialog.membersHint')} />
        </fieldset>
        {!nameError && !membersError && <ErrorBanner error={error} onDismiss={() => setError(null)} />}
        <SaveActions busy={busy} label={t(group ? 'admin.groups.dialog.save' : 'admin.groups.dialog.create')} onCancel={() => onClose(null)} />
      </form>
    </Dialog>
  );
}
