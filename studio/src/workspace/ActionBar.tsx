/**
 * The ticket's actions that are valid for its status and the agent's role: take, forward, resolve
 * internally, complete, restore, delete, and (admins) a signed URL for an external system. Refusals are shown as
 * sentences next to the button.
 */
import { useEffect, useState, type RefObject } from 'react';
import { ticketsApi } from '../api/endpoints';
import type { DirectoryAgent, DirectoryGroup, InternalResolveReason, Me, Ticket } from '../api/types';
import { Dialog } from '../components/dialog';
import { ErrorBanner, Spinner } from '../components/feedback';
import { Icon, type IconName } from '../components/icons';
import { useDirectory } from '../directory';
import { rich, useI18n, type MessageKey } from '../i18n';
import { INTERNAL_RESOLVE_REASONS } from '../vocabulary';
import { takeNeedsGroup, type TicketAction } from './actions';
import { TransferDialog } from './transfers/TransferDialog';
import { SignedUrlDialog } from '../signed-urls/SignedUrlDialog';

/** Runs a command and toasts `success` (already translated); resolves to the error when the API refused, `null` on success. */
export type RunAction = (action: TicketAction, command: () => Promise<Ticket | void>, success: string) => Promise<unknown>;

type OpenDialog = 'take' | 'forward' | 'internalResolve' | 'delete' | 'transfer' | 'signedUrl' | null;

export function ActionBar({
  ticket,
  me,
  allowed,
  busy,
  run,
  takeRef,
  onTransferred,
}: {
  ticket: Ticket;
  me: Me;
  allowed: Set<TicketAction>;
  busy: TicketAction | null;
  run: RunAction;
  /** The Take button, which the `t` shortcut clicks. */
  takeRef?: RefObject<HTMLButtonElement | null>;
  /** After a transfer was accepted: reload the ticket and its transfers. */
  onTransferred: () => void;
}) {
  const { t } = useI18n();
  const [dialog, setDialog] = useState<OpenDialog>(null);
  const [error, setError] = useState<unknown>(null);

  async function direct(action: TicketAction, command: () => Promise<Ticket | void>, success: MessageKey) {
    setError(null);
    setError(await run(action, command, t(success)));
  }

  const button = (action: TicketAction, icon: IconName, label: MessageKey, onClick: () => void, kind = 'button') =>
    allowed.has(action) && (
      <button type="button" className={kind} onClick={onClick} disabled={busy !== null} ref={action === 'take' ? takeRef : undefined}>
        {busy === action ? <Spinner size={14} /> : <Icon name={icon} size={14} />}
        {t(label)}
      </button>
    );

  const hasActions = ['take', 'forward', 'internalResolve', 'complete', 'restore', 'delete', 'transfer', 'signedUrl'].some((action) => allowed.has(action as TicketAction));
  if (!hasActions) return null;

  return (
    <div className="action-area">
      <div className="action-bar" role="toolbar" aria-label={t('workspace.actions.label')}>
        {button(
          'take',
          'hand',
          'workspace.actions.take',
          () => (takeNeedsGroup(ticket, me) ? setDialog('take') : void direct('take', () => ticketsApi.take(ticket.id), 'workspace.toast.taken')),
          'button primary',
        )}
        {button('complete', 'archive', 'workspace.actions.complete', () => void direct('complete', () => ticketsApi.complete(ticket.id), 'workspace.toast.completed'), 'button primary')}
        {button('restore', 'undo', 'workspace.actions.restore', () => void direct('restore', () => ticketsApi.restore(ticket.id), 'workspace.toast.restored'), 'button primary')}
        {button('forward', 'forward', 'workspace.actions.forward', () => setDialog('forward'))}
        {button('transfer', 'send', 'transfers.action', () => setDialog('transfer'))}
        {button('internalResolve', 'lock', 'workspace.actions.internalResolve', () => setDialog('internalResolve'))}
        {button('signedUrl', 'zap', 'signedUrl.open', () => setDialog('signedUrl'))}
        {button('delete', 'trash', 'workspace.actions.delete', () => setDialog('delete'), 'button danger')}
      </div>
      <ErrorBanner error={error} onDismiss={() => setError(null)} />

      {dialog === 'take' && <TakeDialog ticket={ticket} me={me} run={run} onClose={() => setDialog(null)} />}
      {dialog === 'forward' && <ForwardDialog ticket={ticket} run={run} onClose={() => setDialog(null)} />}
      {dialog === 'internalResolve' && <InternalResolveDialog ticket={ticket} run={run} onClose={() => setDialog(null)} />}
      {dialog === 'delete' && <DeleteDialog ticket={ticket} run={run} onClose={() => setDialog(null)} />}
      {dialog === 'signedUrl' && <SignedUrlDialog workflowId={`ticket-${ticket.id}`} kind="ticket" onClose={() => setDialog(null)} />}
      {dialog === 'transfer' && <TransferDialog ticket={ticket} onClose={() => setDialog(null)} onTransferred={onTransferred} />}
    </div>
  );
}

function useDialogCommand(run: RunAction, onClose: () => void) {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  async function submit(action: TicketAction, command: () => Promise<Ticket | void>, success: MessageKey) {
    setBusy(true);
    setError(null);
    const refused = await run(action, command, t(success));
    setBusy(false);
    if (refused) setError(refused);
    else onClose();
  }
  return { busy, error, submit };
}

function DialogFooter({ busy, label, onClose, form, danger = false, disabled = false }: { busy: boolean; label: string; onClose: () => void; form: string; danger?: boolean; disabled?: boolean }) {
  const { t } = useI18n();
  return (
    <>
      <button type="button" className="button" onClick={onClose}>
        {t('common.action.cancel')}
      </button>
      <button type="submit" form={form} className={`button ${danger ? 'danger-solid' : 'primary'}`} disabled={busy || disabled}>
        {busy && <Spinner size={14} />}
        {label}
      </button>
    </>
  );
}

/** A group to choose; `memberIds` is known when the directory answered. */
type GroupChoice = Pick<DirectoryGroup, 'id' | 'name'> & Partial<Pick<DirectoryGroup, 'memberIds'>>;

/** Groups of the ticket's service the agent may act in, by name when the directory knows them. */
function useGroupChoices(ticket: Ticket, onlyMine: string[] | null): { groups: GroupChoice[]; known: boolean } {
  const directory = useDirectory();
  const { loadGroups } = directory;
  useEffect(() => loadGroups(ticket.serviceId), [loadGroups, ticket.serviceId]);
  const serviceGroups = directory.groupsOf(ticket.serviceId);
  if (serviceGroups) {
    const groups = onlyMine ? serviceGroups.filter((group) => onlyMine.includes(group.id)) : serviceGroups;
    return { groups, known: true };
  }
  return { groups: (onlyMine ?? []).map((id) => ({ id, name: directory.groupName(id) ?? id })), known: false };
}

function TakeDialog({ ticket, me, run, onClose }: { ticket: Ticket; me: Me; run: RunAction; onClose: () => void }) {
  const { t } = useI18n();
  const { groups } = useGroupChoices(ticket, me.role === 'admin' ? null : me.groupIds);
  const [groupId, setGroupId] = useState('');
  const command = useDialogCommand(run, onClose);
  const chosen = groupId || groups[0]?.id || '';
  return (
    <Dialog
      open
      title={t('workspace.actions.takeDialog.title')}
      subtitle={t('workspace.actions.takeDialog.subtitle')}
      onClose={onClose}
      footer={<DialogFooter busy={command.busy} label={t('workspace.actions.takeDialog.submit')} onClose={onClose} form="take-form" disabled={!chosen} />}
    >
      <form
        id="take-form"
        className="stack"
        onSubmit={(event) => {
          event.preventDefault();
          void command.submit('take', () => ticketsApi.take(ticket.id, chosen), 'workspace.toast.taken');
        }}
      >
        {groups.length > 0 ? (
          <fieldset className="choice-list">
            <legend className="field-label">{t('workspace.actions.group')}</legend>
            {groups.map((group) => (
              <label key={group.id} className="choice">
                <input type="radio" name="group" value={group.id} checked={chosen === group.id} onChange={() => setGroupId(group.id)} />
                <span>{group.name}</span>
              </label>
            ))}
          </fieldset>
        ) : (
          <label className="field">
            <span className="field-label">{t('workspace.actions.takeDialog.groupId')}</span>
            <input value={groupId} onChange={(event) => setGroupId(event.target.value)} required autoFocus />
          </label>
        )}
        <ErrorBanner error={command.error} />
      </form>
    </Dialog>
  );
}

function ForwardDialog({ ticket, run, onClose }: { ticket: Ticket; run: RunAction; onClose: () => void }) {
  const { t } = useI18n();
  const directory = useDirectory();
  const { groups, known } = useGroupChoices(ticket, null);
  const [groupId, setGroupId] = useState(ticket.groupId ?? '');
  const [agentId, setAgentId] = useState('');
  const command = useDialogCommand(run, onClose);
  const members = groups.find((group) => group.id === groupId)?.memberIds;
  const inGroup = (agent: DirectoryAgent) => !groupId || (members ? members.includes(agent.id) : agent.groupIds.includes(groupId));
  const agents = (directory.agents ?? []).filter((agent) => agent.active && agent.role !== 'org_admin' && inGroup(agent));

  return (
    <Dialog
      open
      title={t('workspace.actions.forwardDialog.title')}
      subtitle={t('workspace.actions.forwardDialog.subtitle')}
      onClose={onClose}
      footer={<DialogFooter busy={command.busy} label={t('workspace.actions.forwardDialog.submit')} onClose={onClose} form="forward-form" disabled={!groupId} />}
    >
      <form
        id="forward-form"
        className="stack"
        onSubmit={(event) => {
          event.preventDefault();
          void command.submit('forward', () => ticketsApi.forward(ticket.id, groupId.trim(), agentId.trim() || undefined), 'workspace.toast.forwarded');
        }}
      >
        <label className="field">
          <span className="field-label">{t('workspace.actions.group')}</span>
          {known ? (
            <select value={groupId} onChange={(event) => setGroupId(event.target.value)} required autoFocus>
              <option value="" disabled>
                {t('workspace.actions.forwardDialog.chooseGroup')}
              </option>
              {groups.map((group) => (
                <option key={group.id} value={group.id}>
                  {group.name}
                </option>
              ))}
            </select>
          ) : (
            <input value={groupId} onChange={(event) => setGroupId(event.target.value)} placeholder={t('workspace.actions.forwardDialog.groupId')} required autoFocus />
          )}
        </label>
        <label className="field">
          <span className="field-label">{t('workspace.actions.forwardDialog.agent')}</span>
          {directory.agents ? (
            <select value={agentId} onChange={(event) => setAgentId(event.target.value)}>
              <option value="">{t('workspace.actions.forwardDialog.groupQueue')}</option>
              {agents.map((agent) => (
                <option key={agent.id} value={agent.id}>
                  {agent.name}
                  {agent.email ? ` — ${agent.email}` : ''}
                </option>
              ))}
            </select>
          ) : (
            <input value={agentId} onChange={(event) => setAgentId(event.target.value)} placeholder={t('workspace.actions.forwardDialog.agentId')} />
          )}
          <span className="field-hint">
            {t(agentId ? 'workspace.actions.forwardDialog.toAgent' : 'workspace.actions.forwardDialog.toGroup')}
          </span>
        </label>
        <ErrorBanner error={command.error} />
      </form>
    </Dialog>
  );
}

function InternalResolveDialog({ ticket, run, onClose }: { ticket: Ticket; run: RunAction; onClose: () => void }) {
  const { t } = useI18n();
  const [reason, setReason] = useState<InternalResolveReason>('spam');
  const [note, setNote] = useState('');
  const command = useDialogCommand(run, onClose);
  return (
    <Dialog
      open
      title={t('workspace.actions.internalDialog.title')}
      subtitle={t('workspace.actions.internalDialog.subtitle')}
      onClose={onClose}
      footer={<DialogFooter busy={command.busy} label={t(reason === 'spam' ? 'workspace.actions.internalDialog.submitSpam' : 'workspace.actions.internalDialog.submit')} onClose={onClose} form="internal-form" danger={reason === 'spam'} />}
    >
      <form
        id="internal-form"
        className="stack"
        onSubmit={(event) => {
          event.preventDefault();
          void command.submit(
            'internalResolve',
            () => ticketsApi.internalResolve(ticket.id, reason, note.trim() || undefined),
            reason === 'spam' ? 'workspace.toast.spam' : 'workspace.toast.resolvedInternally',
          );
        }}
      >
        <fieldset className="choice-list columns">
          <legend className="field-label">{t('workspace.actions.internalDialog.reason')}</legend>
          {INTERNAL_RESOLVE_REASONS.map((candidate) => (
            <label key={candidate} className="choice">
              <input type="radio" name="reason" value={candidate} checked={reason === candidate} onChange={() => setReason(candidate)} />
              <span>{t(`ticket.resolveReason.${candidate}`)}</span>
            </label>
          ))}
        </fieldset>
        <label className="field">
          <span className="field-label">{t('workspace.actions.internalDialog.note')}</span>
          <textarea rows={3} value={note} onChange={(event) => setNote(event.target.value)} maxLength={2000} />
        </label>
        <p className="field-hint">{t(reason === 'spam' ? 'workspace.actions.internalDialog.toSpam' : 'workspace.actions.internalDialog.toResolved')}</p>
        <ErrorBanner error={command.error} />
      </form>
    </Dialog>
  );
}

function DeleteDialog({ ticket, run, onClose }: { ticket: Ticket; run: RunAction; onClose: () => void }) {
  const { t } = useI18n();
  const command = useDialogCommand(run, onClose);
  return (
    <Dialog
      open
      title={t('workspace.actions.deleteDialog.title')}
      subtitle={t('workspace.actions.deleteDialog.subtitle')}
      onClose={onClose}
      footer={<DialogFooter busy={command.busy} label={t('workspace.actions.deleteDialog.submit')} onClose={onClose} form="delete-form" danger />}
    >
      <form
        id="delete-form"
        className="stack"
        onSubmit={(event) => {
          event.preventDefault();
          void command.submit('delete', () => ticketsApi.remove(ticket.id), 'workspace.toast.deleted');
        }}
      >
        <p>
          {rich(t('workspace.actions.deleteDialog.body'), {
            subject: <strong>{ticket.subject}</strong>,
            id: <span className="mono muted">{ticket.id}</span>,
          })}
        </p>
        <ErrorBanner error={command.error} />
      </form>
    </Dialog>
  );
}
