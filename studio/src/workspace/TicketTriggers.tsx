/**
 * The ticket's Triggers tab: every trigger cycle and time rule (SLA stage or automation) that ran on it, newest
 * first (`GET /tickets/{id}/trace`). A cycle opens into the rule studio's own trace, each condition with the value it
 * saw, recomputed against the version that decided it; a time rule tells what fired and what it changed.
 */
import { useEffect, useState } from 'react';
import { ticketsApi } from '../api/endpoints';
import type { Ticket, TicketEvaluation } from '../api/types';
import { EmptyState, ErrorBanner, LoadingBlock } from '../components/feedback';
import { Icon } from '../components/icons';
import { useI18n } from '../i18n';
import { navigate } from '../router';
import { RuleLookupsProvider } from '../rules/context';
import { Changes, TraceView } from '../rules/TraceView';

type TimeRuleEvaluation = Extract<TicketEvaluation, { event: 'time_rule' }>;

export function TicketTriggers({ ticket }: { ticket: Ticket }) {
  const { t } = useI18n();
  const [state, setState] = useState<{ id: string; evaluations: TicketEvaluation[] | null; error: unknown }>({ id: ticket.id, evaluations: null, error: null });
  // A new change of the ticket (its `updatedAt`) may have run the triggers again.
  useEffect(() => {
    let live = true;
    ticketsApi.trace(ticket.id).then(
      (evaluations) => live && setState({ id: ticket.id, evaluations, error: null }),
      (error: unknown) => live && setState({ id: ticket.id, evaluations: null, error }),
    );
    return () => {
      live = false;
    };
  }, [ticket.id, ticket.updatedAt]);

  if (state.error) return <ErrorBanner error={state.error} />;
  if (state.id !== ticket.id || !state.evaluations) return <LoadingBlock label={t('workspace.triggers.loading')} />;
  if (state.evaluations.length === 0) return <EmptyState icon="flow" title={t('workspace.triggers.empty')}>{t('workspace.triggers.emptyHint')}</EmptyState>;
  const newestFirst = [...state.evaluations].reverse();
  return (
    <RuleLookupsProvider serviceId={ticket.serviceId}>
      <ol className="ticket-evaluations">
        {newestFirst.map((evaluation, index) => (
          <li key={evaluation.evaluation}>
            <details open={index === 0}>
              <summary>
                <EvaluationHeading evaluation={evaluation} />
              </summary>
              {evaluation.event === 'time_rule' ? (
                <TimeRuleOutcome evaluation={evaluation} />
              ) : (
                <TraceView
                  simulation={{
                    trace: { ...evaluation.trace, event: evaluation.event, sideEffects: [] },
                    version: { id: evaluation.versionId ?? '', number: evaluation.versionNumber },
                    event: evaluation.event,
                  }}
                  onOpenTrigger={() => navigate({ name: 'rules', serviceId: ticket.serviceId })}
                  effects={<Deliveries evaluation={evaluation} />}
                />
              )}
            </details>
          </li>
        ))}
      </ol>
    </RuleLookupsProvider>
  );
}

function EvaluationHeading({ evaluation }: { evaluation: TicketEvaluation }) {
  const { t, formatDateTime } = useI18n();
  const fired =
    evaluation.event === 'time_rule'
      ? []
      : [...new Set(evaluation.trace.passes.flatMap((pass) => pass.triggers.filter((trigger) => trigger.fired).map((trigger) => trigger.title)))];
  return (
    <span className="evaluation-heading">
      <strong>{evaluation.event === 'time_rule' ? timeRuleName(evaluation, t) : t(`rules.event.${evaluation.event}`)}</strong>
      <span className="muted small">{formatDateTime(evaluation.at)}</span>
      {evaluation.event !== 'time_rule' && (
        <span className="muted small evaluation-fired">
          {fired.length ? t('workspace.triggers.fired', { titles: fired.join(', ') }) : t('workspace.triggers.noneFired')}
        </span>
      )}
    </span>
  );
}

function timeRuleName(evaluation: TimeRuleEvaluation, t: ReturnType<typeof useI18n>['t']): string {
  const rule = evaluation.trace.timeRule;
  if (rule.kind === 'automation') return t(`workspace.triggers.automation.${rule.automationKind ?? 'complete_resolved'}`);
  return t(`workspace.triggers.sla.${rule.target ?? 'resolution'}.${rule.stage ?? 'breached'}`);
}

function TimeRuleOutcome({ evaluation }: { evaluation: TimeRuleEvaluation }) {
  const { t } = useI18n();
  const { trace } = evaluation;
  return (
    <div className="trace">
      {trace.policyTitle && <p className="small">{t('workspace.triggers.policy', { title: trace.policyTitle })}</p>}
      {Object.keys(trace.changes).length ? <Changes changes={trace.changes} /> : <p className="muted small">{t('rules.trace.noChanges')}</p>}
      <Deliveries evaluation={evaluation} />
    </div>
  );
}

/** The side effects the evaluation queued, with how their delivery went. */
function Deliveries({ evaluation }: { evaluation: TicketEvaluation }) {
  const { t } = useI18n();
  if (evaluation.sideEffects.length === 0) return <p className="muted small">{t('rules.trace.none')}</p>;
  return (
    <ol className="trace-effects">
      {evaluation.sideEffects.map((effect) => (
        <li key={effect.index}>
          <Icon name={effect.type === 'notifyEmail' || effect.type === 'forwardEmail' ? 'mail' : 'send'} size={13} />
          <strong>{t(`rules.resultType.${effect.type}`)}</strong>
          <span className={`badge ${EFFECT_TONES[effect.status]}`}>{t(`workspace.triggers.effect.${effect.status}`)}</span>
        </li>
      ))}
    </ol>
  );
}

const EFFECT_TONES = { pending: 'tone-blue', sent: 'tone-green', failed: 'tone-rose', skipped: 'tone-slate' } as const;
