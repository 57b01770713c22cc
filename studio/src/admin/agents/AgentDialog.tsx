/**
 * Create or edit an agent: email and first password on creation only (the API changes neither afterwards), name,
 * role, permissions and groups. Groups are saved as membership changes of each group joined or left, joins first.
 * A refusal shows under the input it concerns: a used email, no group, or a change to one's own role.
 */
import { useId, useState, type FormEvent } from 'react';
import { agentsApi, groupsApi, type Agent, type Group } from '../../api/admin';
import { ApiError } from '../../api/client';
import { Dialog } from '../../components/dialog';
import { ErrorBanner, Spinner } from '../../components/feedback';
import { useToast } from '../../components/toasts';
import { useI18n } from '../../i18n';
import { useMe } from '../../session';
import { PERMISSIONS } from '../../../../domain/people';
import { concerns, FieldMessage } from '../FieldError';
import { membershipChanges } from '../model';
import { SaveActions } from '../../settings/SaveActions';

type Permission = (typeof PERMISSIONS)[number];
type Role = 'admin' | 'agent';

/** A service's groups, which the dialog offers to join. */
export interface ServiceGroups {
  serviceId: string;
  serviceName: string;
  groups: Group[];
}

export function AgentDialog({ agent, serviceGroups, onClose }: { agent: Agent | null; serviceGroups: ServiceGroups[]; onClose: (saved: Agent | null) => void }) {
  const { t } = useI18n();
  const toast = useToast();
  const me = useMe();
  const id = useId();
  const [email, setEmail] = useState(agent?.email ?? '');
  const [name, setName] = useState(agent?.name ?? '');
  const [password, setPassword] = useState('');
  const [role, setRole] = useState<Role>(agent?.role === 'admin' ? 'admin' : 'agent');
  const [permissions, setPermissions] = useState<Permission[]>(agent?.permissions ?? ['ticket']);
  const [groupIds, setGroupIds] = useState<string[]>(agent?.groupIds ?? []);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const emailError = concerns(error, 'email', ['agent.email_taken']) ? error : null;
  const passwordError = concerns(error, 'password') ? error : null;
  const nameError = concerns(error, 'name') ? error : null;
  const roleError = concerns(error, 'role', ['agent.self_change']) ? error : null;
  const groupsError = concerns(error, 'groupIds', ['agent.group_required']) ? error : null;
  const inPlace = emailError ?? passwordError ?? nameError ?? roleError ?? groupsError;
  const self = agent?.id === me.id;

  const toggle = <T,>(list: T[], value: T, on: boolean) => (on ? [...list, value] : list.filter((item) => item !== value));

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (groupIds.length === 0) {
      // The API refuses an agent without a group too; saying so before any change is made keeps the edit atomic.
      setError(new ApiError(422, 'agent.group_required', 'An agent must belong to at least one group.'));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      let saved: Agent;
      if (agent) {
        saved = await agentsApi.update(agent.id, { name: name.trim(), role, permissions });
        const groups = serviceGroups.flatMap((service) => service.groups);
        for (const change of membershipChanges(groups, agent.id, groupIds)) await groupsApi.setMembers(change.groupId, change.agentIds);
      } else {
        saved = await agentsApi.create({ email: email.trim(), name: name.trim(), password, role, permissions, groupIds });
      }
      toast(t(agent ? 'admin.agents.dialog.saved' : 'admin.agents.dialog.created', { name: saved.name }));
      onClose(saved);
    } catch (caught) {
      setError(caught);
      setBusy(false);
    }
  }

  return (
    <Dialog
      open
      title={agent ? t('admin.agents.dialog.edit', { name: agent.name }) : t('admin.agents.dialog.new')}
      subtitle={t('admin.agents.dialog.subtitle')}
      onClose={() => onClose(null)}
      width={600}
    >
      <form className="stack" onSubmit={submit}>
        <div className="grid-2">
          <div className="field">
            <label className="field-label" htmlFor={`${id}-name`}>
              {t('admin.agents.dialog.name')}
            </label>
            <input
              id={`${id}-name`}
              value={name}
              onChange={(event) => setName(event.target.value)}
              required
              maxLength={100}
              autoFocus
              aria-invalid={nameError !== null}
              aria-describedby={`${id}-name-message`}
            />
            <FieldMessage id={`${id}-name-message`} error={nameError} />
          </div>
          <div className="field">
            <label className="field-label" htmlFor={`${id}-email`}>
              {t('admin.agents.dialog.email')}
            </label>
            <input
              id={`${id}-email`}
              type="email"
              value={email}
              onChange={(event) => {
                setEmail(event.target.value);
                if (emailError) setError(null);
              }}
              disabled={agent !== null}
              required
              maxLength={254}
              autoComplete="off"
              aria-invalid={emailError !== null}
              aria-describedby={`${id}-email-message`}
            />
            <FieldMessage id={`${id}-email-message`} error={emailError} hint={agent ? t('admin.agents.dialog.emailFixed') : undefined} />
          </div>
        </div>
        {!agent && (
          <div className="field">
            <label className="field-label" htmlFor={`${id}-password`}>
              {t('admin.agents.dialog.password')}
            </label>
            <input
              id={`${id}-password`}
              type="password"
              value={password}
              onChange={(event) => setPassword(event.target.value)}
              required
              minLength={8}
              maxLength={200}
              autoComplete="new-password"
              aria-invalid={passwordError !== null}
              aria-describedby={`${id}-password-message`}
            />
            <FieldMessage id={`${id}-password-message`} error={passwordError} hint={t('admin.agents.dialog.passwordHint')} />
          </div>
        )}
        <div className="field">
          <span className="field-label" id={`${id}-role-label`}>
            {t('admin.agents.dialog.role')}
          </span>
          <div className="segmented" role="group" aria-labelledby={`${id}-role-label`} aria-describedby={`${id}-role-message`}>
            {(['agent', 'admin'] as const).map((candidate) => (
              <button key={candidate} type="button" aria-pressed={role === candidate} disabled={self} onClick={() => setRole(candidate)}>
                {t(`ticket.role.${candidate}`)}
              </button>
            ))}
          </div>
          <FieldMessage id={`${id}-role-message`} error={roleError} hint={self ? t('admin.agents.dialog.selfRole') : t('admin.agents.dialog.roleHint')} />
        </div>
        <fieldset className="choice-list columns">
          <legend className="field-label">{t('admin.agents.dialog.permissions')}</legend>
          {PERMISSIONS.map((permission) => (
            <label key={permission} className="choice">
              <input
                type="checkbox"
                checked={permissions.includes(permission)}
                onChange={(event) => setPermissions(toggle(permissions, permission, event.target.checked))}
              />
              <span>{t(`admin.permission.${permission}`)}</span>
            </label>
          ))}
        </fieldset>
        <fieldset className="fieldset" aria-describedby={`${id}-groups-message`} aria-invalid={groupsError !== null}>
          <legend className="field-label">{t('admin.agents.dialog.groups')}</legend>
          {serviceGroups.map((service) => (
            <div key={service.serviceId} className="group-picker">
              <span className="field-sub">{service.serviceName}</span>
              <div className="group-picker-options">
                {service.groups.map((group) => (
                  <label key={group.id} className="choice">
                    <input type="checkbox" checked={groupIds.includes(group.id)} onChange={(event) => setGroupIds(toggle(groupIds, group.id, event.target.checked))} />
                    <span>{group.name}</span>
                  </label>
                ))}
              </div>
            </div>
          ))}
          <FieldMessage id={`${id}-groups-message`} error={groupsError} hint={t('admin.agents.dialog.groupsHint')} />
        </fieldset>
        {!inPlace && <ErrorBanner error={error} onDismiss={() => setError(null)} />}
        <SaveActions busy={busy} label={t(agent ? 'admin.agents.dialog.save' : 'admin.agents.dialog.create')} onCancel={() => onClose(null)} />
      </form>
    </Dialog>
  );
}
