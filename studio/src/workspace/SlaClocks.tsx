/**
 * The ticket's SLA clocks (`GET /tickets/{id}/sla`), in the ticket header: for each target of the policy it follows,
 * whether it is met, running (and when it falls due), paused on hold, at risk or breached. Read again whenever the
 * ticket changes, and the due times re-read as time passes.
 */
import { useEffect, useState } from 'react';
import { ticketsApi } from '../api/endpoints';
import type { Ticket, TicketSla } from '../api/types';
import { timeUntil } from '../format';
import { useI18n } from '../i18n';

const TONES = { met: 'tone-green', running: 'tone-blue', paused: 'tone-slate', at_risk: 'tone-amber', breached: 'tone-rose' } as const;
const MINUTE = 60_000;

export function SlaClocks({ ticket }: { ticket: Ticket }) {
  const { t, lang, formatDateTime } = useI18n();
  const [sla, setSla] = useState<{ id: string; sla: TicketSla } | null>(null);
  const [now, setNow] = useState(Date.now);
  useEffect(() => {
    let live = true;
    // A failed read leaves the clocks out: the header does not need them to work.
    ticketsApi.sla(ticket.id).then(
      (answer) => live && setSla({ id: ticket.id, sla: answer }),
      () => live && setSla(null),
    );
    return () => {
      live = false;
    };
  }, [ticket.id, ticket.updatedAt]);
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), MINUTE);
    return () => window.clearInterval(timer);
  }, []);

  if (!sla || sla.id !== ticket.id || !sla.sla.policy) return null;
  return (
    <div>
      <dt>{t('workspace.sla.label')}</dt>
      <dd className="sla-clocks" title={sla.sla.policy.title}>
        {sla.sla.targets.map((target) => (
          <span key={target.target} className={`badge ${TONES[target.state]}`} title={target.dueAt ? formatDateTime(target.dueAt) : undefined}>
            {t(`workspace.sla.target.${target.target}`)} ·{' '}
            {target.dueAt ? t(`workspace.sla.due.${target.state === 'at_risk' ? 'atRisk' : 'running'}`, { when: timeUntil(target.dueAt, lang, now) }) : t(`workspace.sla.state.${target.state}`)}
          </span>
        ))}
      </dd>
    </div>
  );
}
