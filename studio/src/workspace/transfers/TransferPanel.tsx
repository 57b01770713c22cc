/**
 * Where the ticket's transfers stand: each Dooray! task (creating, created with its status, or refused) and each
 * issue transfer (waiting or answered), the issue ticket's origin, and customer-guidance requests (고객 안내) with
 * their done button. Reloaded with the ticket; a pending task is polled until Dooray answers.
 */
import { useState } from 'react';
import { transfersApi, type GuidanceRequest, type TicketTransfers } from '../../api/transfers';
import type { Ticket } from '../../api/types';
import { ErrorBanner, Spinner } from '../../components/feedback';
import { Icon } from '../../components/icons';
import { useToast } from '../../components/toasts';
import { useI18n } from '../../i18n';
import { hrefFor } from '../../router';

export function TransferPanel({ ticket, transfers, onChanged }: { ticket: Ticket; transfers: TicketTransfers; onChanged: () => void }) {
  const { t, formatRelative } = useI18n();
  const hasAny = transfers.dooray.length > 0 || transfers.issue.length > 0 || transfers.issueOrigin || transfers.guidanceRequests.length > 0;
  if (!hasAny) return null;
  const latestDooray = transfers.dooray.at(-1);
  const latestIssue = transfers.issue.at(-1);
  return (
    <section className="transfer-panel" aria-label={t('transfers.panel.label')}>
      {latestDooray && (
        <div className={`transfer-item status-${latestDooray.status}`}>
          <Icon name="forward" size={14} />
          <span className="transfer-title">{t('transfers.panel.doorayTask', { project: latestDooray.projectName })}</span>
          {latestDooray.taskNumber !== null && <span className="muted">{t('transfers.panel.taskNumber', { number: latestDooray.taskNumber })}</span>}
          <span className="transfer-state">
            {latestDooray.status === 'pending' && <Spinner size={12} />}
            {latestDooray.status === 'created' && latestDooray.taskClass
              ? t(`transfers.taskClass.${latestDooray.taskClass}`)
              : t(`transfers.status.${latestDooray.status}`)}
          </span>
          {latestDooray.taskUrl && (
            <a href={latestDooray.taskUrl} target="_blank" rel="noreferrer" className="transfer-link">
              {t('transfers.panel.open')}
            </a>
          )}
          {latestDooray.failure && <span className="transfer-failure">{latestDooray.failure}</span>}
        </div>
      )}
      {latestIssue && (
        <div className={`transfer-item status-${latestIssue.status}`}>
          <Icon name="forward" size={14} />
          <a className="transfer-title" href={hrefFor({ name: 'inbox', list: 'all', ticketId: latestIssue.issueTicketId })}>
            {t('transfers.panel.issueTicket', { service: latestIssue.issueServiceName, id: latestIssue.issueTicketId })}
          </a>
          <span className="transfer-state">
            {latestIssue.status === 'answered' ? t('transfers.panel.answered', { status: t(`status.${latestIssue.answerStatus as Ticket['status']}`) }) : t('transfers.panel.waiting')}
          </span>
          <span className="muted small">{formatRelative(latestIssue.answeredAt ?? latestIssue.createdAt)}</span>
        </div>
      )}
      {transfers.issueOrigin && (
        <div className="transfer-item">
          <Icon name="undo" size={14} />
          <a className="transfer-title" href={hrefFor({ name: 'inbox', list: 'transferred', ticketId: transfers.issueOrigin.sourceTicketId })}>
            {t('transfers.panel.origin', { id: transfers.issueOrigin.sourceTicketId })}
          </a>
          <GuidanceForm ticketId={ticket.id} onSent={onChanged} />
        </div>
      )}
      {transfers.guidanceRequests.map((request) => (
        <GuidanceRow key={request.id} request={request} isOrigin={request.sourceTicketId === ticket.id} onChanged={onChanged} />
      ))}
    </section>
  );
}

function GuidanceRow({ request, isOrigin, onChanged }: { request: GuidanceRequest; isOrigin: boolean; onChanged: () => void }) {
  const { t, formatRelative } = useI18n();
  const toast = useToast();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  return (
    <div className={`transfer-item guidance ${request.doneAt ? 'done' : 'open'}`}>
      <Icon name="mail" size={14} />
      <span className="transfer-title">{t('transfers.panel.guidance')}</span>
      <span className="transfer-body">{request.body}</span>
      <span className="muted small">{formatRelative(request.createdAt)}</span>
      {request.doneAt ? (
        <span className="transfer-state">{t('transfers.panel.guidanceDone')}</span>
      ) : (
        isOrigin && (
          <button
            type="button"
            className="button small"
            disabled={busy}
            onClick={async () => {
              setBusy(true);
              setError(null);
              try {
                await transfersApi.guidanceDone(request.id);
                toast(t('transfers.toast.guidanceDone'));
                onChanged();
              } catch (caught) {
                setError(caught);
              } finally {
                setBusy(false);
              }
            }}
          >
            {busy ? <Spinner size={12} /> : <Icon name="checkCircle" size={12} />} {t('transfers.panel.markDone')}
          </button>
        )
      )}
      <ErrorBanner error={error} onDismiss={() => setError(null)} />
    </div>
  );
}

function GuidanceForm({ ticketId, onSent }: { ticketId: string; onSent: () => void }) {
  const { t } = useI18n();
  const toast = useToast();
  const [open, setOpen] = useState(false);
  const [body, setBody] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  if (!open) {
    return (
      <button type="button" className="button small" onClick={() => setOpen(true)}>
        {t('transfers.panel.requestGuidance')}
      </button>
    );
  }
  return (
    <form
      className="transfer-guidance-form"
      onSubmit={async (event) => {
        event.preventDefault();
        setBusy(true);
        setError(null);
        try {
          await transfersApi.requestGuidance(ticketId, body.trim());
          toast(t('transfers.toast.guidance'));
          setBody('');
          setOpen(false);
          onSent();
        } catch (caught) {
          setError(caught);
        } finally {
          setBusy(false);
        }
      }}
    >
      <textarea value={body} onChange={(event) => setBody(event.target.value)} rows={2} required autoFocus placeholder={t('transfers.panel.guidancePlaceholder')} />
      <button type="submit" className="button small primary" disabled={busy || !body.trim()}>
        {busy && <Spinner size={12} />} {t('transfers.panel.send')}
      </button>
      <ErrorBanner error={error} onDismiss={() => setError(null)} />
    </form>
  );
}
