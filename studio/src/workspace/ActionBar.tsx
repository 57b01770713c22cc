/**
 * The ticket's actions that are valid for its status and the agent's role: take, forward, resolve
 * internally, complete, restore, delete. Refusals come back in the API's words, next to the button.
 */
import { useEffect, useState } from 'react';
import { ticketsApi } from '../api/endpoints';
import type { DirectoryAgent, DirectoryGroup, InternalResolveReason, Me, Ticket } from '../api/types';
import { Dialog } from '../components/dialog';
import { ErrorBanner, Spinner } from '../components/feedback';
import { Icon, type IconName } from '../components/icons';
import { useDirectory } from '../directory';
import { useLang } from '../i18n';
import { INTERNAL_RESOLVE_LABELS, INTERNAL_RESOLVE_REASONS } from '../vocabulary';
import { takeNeedsGroup, type TicketAction } from './actions';

/** Runs a command; resolves to the error when the API refused, `null` on success. */
export type RunAction = (action: TicketAction, command: () => Promise<Ticket | void>, success: string) => Promise<unknown>;

type OpenDialog = 'take' | 'forward' | 'internalResolve' | 'delete' | null;

export function ActionBar({
  ticket,
  me,
  allowed,
  busy,
  run,
}: {
  ticket: Ticket;
  me: Me;
  allowed: Set<TicketAction>;
  busy: TicketAction | null;
  run: RunAction;
}) {
  const [dialog, setDialog] = useState<OpenDialog>(null);
  const [error, setError] = useState<unknown>(null);

  async function direct(action: TicketAction, command: () => Promise<Ticket | void>, success: string) {
    setError(null);
    setError(await run(action, command, success));
  }

  const button = (action: TicketAction, icon: IconName, label: string, onClick: () => void, kind = 'button') =>
    allowed.has(action) && (
      <button type="button" className={kind} onClick={onClick} disabled={busy !== null}>
        {busy === action ? <Spinner size={14} /> : <Icon name={icon} size={14} />}
        {label}
      </button>
    );

  const hasActions = ['take', 'forward', 'internalResolve', 'complete', 'restore', 'delete'].some((action) => allowed.has(action as TicketAction));
  if (!hasActions) return null;

  return (
    <div className="action-area">
      <div className="action-bar" role="toolbar" aria-label="Ticket actions">
        {button(
          'take',
          'hand',
          'Take · 가져오기',
          () => (takeNeedsGroup(ticket, me) ? setDialog('take') : void direct('take', () => ticketsApi.take(ticket.id), 'Ticket taken — it is yours now')),
          'button primary',
        )}
        {button('complete', 'archive', 'Complete · 완료', () => void direct('complete', () => ticketsApi.complete(ticket.id), 'Ticket completed'), 'button primary')}
        {button('restore', 'undo', 'Restore · 복원', () => void direct('restore', () => ticketsApi.restore(ticket.id), 'Ticket restored from spam'), 'button primary')}
        {button('forward', 'forward', 'Forward · 전달', () => setDialog('forward'))}
        {button('internalResolve', 'lock', 'Resolve internally · 내부 처리', () => setDialog('internalResolve'))}
        {button('delete', 'trash', 'Delete · 삭제', () => setDialog('delete'), 'button danger')}
      </div>
      <ErrorBanner error={error} onDismiss={() => setError(null)} />

      {dialog === 'take' && <TakeDialog ticket={ticket} me={me} run={run} onClose={() => setDialog(null)} />}
      {dialog === 'forward' && <ForwardDialog ticket={ticket} run={run} onClose={() => setDialog(null)} />}
      {dialog === 'internalResolve' && <InternalResolveDialog ticket={ticket} run={run} onClose={() => setDialog(null)} />}
      {dialog === 'delete' && <DeleteDialog ticket={ticket} run={run} onClose={() => setDialog(null)} />}
    </div>
  );
}

function useDialogCommand(run: RunAction, onClose: () => void) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  async function submit(action: TicketAction, command: () => Promise<Ticket | void>, success: string) {
    setBusy(true);
    setError(null);
    const refused = await run(action, command, success);
    setBusy(false);
    if (refused) setError(refused);
    else onClose();
  }
  return { busy, error, submit };
}

function DialogFooter({ busy, label, onClose, form, danger = false, disabled = false }: { busy: boolean; label: string; onClose: () => void; form: string; danger?: boolean; disabled?: boolean }) {
  return (
    <>
      <button type="button" className="button" onClick={onClose}>
        Cancel
      </button>
      <button type="submit" form={form} className={`button ${danger ? 'danger-solid' : 'primary'}`} disabled={busy || disabled}>
        {busy && <Spinner size={14} />}
        {label}
      </button>
    </>
  );
}

/** Groups of the ticket's service the agent may act in, by name when the directory knows them. */
function useGroupChoices(ticket: Ticket, onlyMine: string[] | null): { groups: DirectoryGroup[]; known: boolean } {
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
  const { groups } = useGroupChoices(ticket, me.role === 'admin' ? null : me.groupIds);
  const [groupId, setGroupId] = useState('');
  const command = useDialogCommand(run, onClose);
  const chosen = groupId || groups[0]?.id || '';
  return (
    <Dialog
      open
      title="Take into which group?"
      subtitle="그룹 선택 · You belong to several groups."
      onClose={onClose}
      footer={<DialogFooter busy={command.busy} label="Take ticket" onClose={onClose} form="take-form" disabled={!chosen} />}
    >
      <form
        id="take-form"
        className="stack"
        onSubmit={(event) => {
          event.preventDefault();
          void command.submit('take', () => ticketsApi.take(ticket.id, chosen), 'Ticket taken — it is yours now');
        }}
      >
        {groups.length > 0 ? (
          <fieldset className="choice-list">
            <legend className="field-label">Group · 그룹</legend>
            {groups.map((group) => (
              <label key={group.id} className="choice">
                <input type="radio" name="group" value={group.id} checked={chosen === group.id} onChange={() => setGroupId(group.id)} />
                <span>{group.name}</span>
              </label>
            ))}
          </fieldset>
        ) : (
          <label className="field">
            <span className="field-label">Group id · 그룹 ID</span>
            <input value={groupId} onChange={(event) => setGroupId(event.target.value)} required autoFocus />
          </label>
        )}
        <ErrorBanner error={command.error} />
      </form>
    </Dialog>
  );
}

function ForwardDialog({ ticket, run, onClose }: { ticket: Ticket; run: RunAction; onClose: () => void }) {
  const directory = useDirectory();
  const { groups, known } = useGroupChoices(ticket, null);
  const [groupId, setGroupId] = useState(ticket.groupId ?? '');
  const [agentId, setAgentId] = useState('');
  const command = useDialogCommand(run, onClose);
  const members = groups.find((group) => group.id === groupId)?.memberIds;
  const inGroup = (agent: DirectoryAgent) =>
    !groupId || (members ? members.includes(agent.id) : !agent.groupIds || agent.groupIds.includes(groupId));
  const agents = (directory.agents ?? []).filter((agent) => agent.active !== false && agent.role !== 'org_admin' && inGroup(agent));

  return (
    <Dialog
      open
      title="Forward ticket"
      subtitle="전달 · Move it to a group queue or straight to an agent."
      onClose={onClose}
      footer={<DialogFooter busy={command.busy} label="Forward" onClose={onClose} form="forward-form" disabled={!groupId} />}
    >
      <form
        id="forward-form"
        className="stack"
        onSubmit={(event) => {
          event.preventDefault();
          void command.submit('forward', () => ticketsApi.forward(ticket.id, groupId.trim(), agentId.trim() || undefined), 'Ticket forwarded');
        }}
      >
        <label className="field">
          <span className="field-label">Group · 그룹</span>
          {known ? (
            <select value={groupId} onChange={(event) => setGroupId(event.target.value)} required autoFocus>
              <option value="" disabled>
                Choose a group…
              </option>
              {groups.map((group) => (
                <option key={group.id} value={group.id}>
                  {group.name}
                </option>
              ))}
            </select>
          ) : (
            <input value={groupId} onChange={(event) => setGroupId(event.target.value)} placeholder="Group id" required autoFocus />
          )}
        </label>
        <label className="field">
          <span className="field-label">Agent · 상담원 (optional)</span>
          {directory.agents ? (
            <select value={agentId} onChange={(event) => setAgentId(event.target.value)}>
              <option value="">Leave unassigned in the group queue</option>
              {agents.map((agent) => (
                <option key={agent.id} value={agent.id}>
                  {agent.name}
                  {agent.email ? ` — ${agent.email}` : ''}
                </option>
              ))}
            </select>
          ) : (
            <input value={agentId} onChange={(event) => setAgentId(event.target.value)} placeholder="Agent id (empty: group queue)" />
          )}
          <span className="field-hint">
            {agentId ? 'The ticket becomes 처리중 (in progress) for that agent.' : 'The ticket becomes 미할당 (unassigned) in that group.'}
          </span>
        </label>
        <ErrorBanner error={command.error} />
      </form>
    </Dialog>
  );
}

function InternalResolveDialog({ ticket, run, onClose }: { ticket: Ticket; run: RunAction; onClose: () => void }) {
  const { t, other } = useLang();
  const [reason, setReason] = useState<InternalResolveReason>('spam');
  const [note, setNote] = useState('');
  const command = useDialogCommand(run, onClose);
  return (
    <Dialog
      open
      title="Resolve internally"
      subtitle="내부 처리 · No email goes to the customer."
      onClose={onClose}
      footer={<DialogFooter busy={command.busy} label={reason === 'spam' ? 'Move to spam' : 'Resolve internally'} onClose={onClose} form="internal-form" danger={reason === 'spam'} />}
    >
      <form
        id="internal-form"
        className="stack"
        onSubmit={(event) => {
          event.preventDefault();
          void command.submit(
            'internalResolve',
            () => ticketsApi.internalResolve(ticket.id, reason, note.trim() || undefined),
            reason === 'spam' ? 'Moved to the spam box' : 'Resolved internally',
          );
        }}
      >
        <fieldset className="choice-list columns">
          <legend className="field-label">Reason · 사유</legend>
          {INTERNAL_RESOLVE_REASONS.map((candidate) => (
            <label key={candidate} className="choice">
              <input type="radio" name="reason" value={candidate} checked={reason === candidate} onChange={() => setReason(candidate)} />
              <span>
                {t(INTERNAL_RESOLVE_LABELS[candidate])} <span className="muted">{other(INTERNAL_RESOLVE_LABELS[candidate])}</span>
              </span>
            </label>
          ))}
        </fieldset>
        <label className="field">
          <span className="field-label">Note · 메모 (optional)</span>
          <textarea rows={3} value={note} onChange={(event) => setNote(event.target.value)} maxLength={2000} />
        </label>
        <p className="field-hint">{reason === 'spam' ? 'The ticket goes to the spam box, where admins can restore or delete it.' : 'The ticket becomes 해결 (resolved) with an internal note.'}</p>
        <ErrorBanner error={command.error} />
      </form>
    </Dialog>
  );
}

function DeleteDialog({ ticket, run, onClose }: { ticket: Ticket; run: RunAction; onClose: () => void }) {
  const command = useDialogCommand(run, onClose);
  return (
    <Dialog
      open
      title="Delete this ticket?"
      subtitle="삭제 · This cannot be undone."
      onClose={onClose}
      footer={<DialogFooter busy={command.busy} label="Delete ticket" onClose={onClose} form="delete-form" danger />}
    >
      <form
        id="delete-form"
        className="stack"
        onSubmit={(event) => {
          event.preventDefault();
          void command.submit('delete', () => ticketsApi.remove(ticket.id), 'Ticket deleted');
        }}
      >
        <p>
          <strong>{ticket.subject}</strong> <span className="mono muted">{ticket.id}</span> will be removed from the spam box for good.
        </p>
        <ErrorBanner error={command.error} />
      </form>
    </Dialog>
  );
}
